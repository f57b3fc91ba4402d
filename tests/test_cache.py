"""Cache keys and modes, through the real pipeline with a fake provider (no model, no network)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from summarizer import summarize
from summarizer.cache import ResponseCache, cache_key
from summarizer.client import ModelClient
from summarizer.errors import CacheMissError, ConfigurationError
from tests.conftest import seed
from tests.fakes import FakeProvider

ARTICLE = seed("003")  # four figure candidates, so target calls are made too


def client(directory: Path, mode: str, provider: FakeProvider) -> ModelClient:
    return ModelClient(provider, ResponseCache(directory, mode))


def comparable(brief: Any) -> dict[str, Any]:
    data: dict[str, Any] = brief.model_dump()
    data["provenance"].pop("seconds")
    data["provenance"].pop("usage")
    data["provenance"].pop("cached")
    return data


MATERIAL = {
    "model": "m",
    "endpoint": "llama.cpp",
    "messages": [{"role": "user", "content": "héllo"}],
    "schema": {"type": "object"},
    "settings": {"temperature": 0, "seed": 0, "max_tokens": 10},
    "prompt": "system:1+chairs:2",
}


def test_key_ignores_dict_order_but_not_content() -> None:
    reordered = dict(reversed(list(MATERIAL.items())))
    assert cache_key(reordered) == cache_key(MATERIAL)
    for field, value in [
        ("model", "other"),
        ("endpoint", "openai"),
        ("messages", [{"role": "user", "content": "hello"}]),
        ("schema", {"type": "array"}),
        ("settings", {"temperature": 0.5, "seed": 0, "max_tokens": 10}),
        ("prompt", "system:1+chairs:3"),
    ]:
        assert cache_key({**MATERIAL, field: value}) != cache_key(MATERIAL), field


def test_use_records_and_replay_answers_without_the_provider(tmp_path: Path) -> None:
    recorder = FakeProvider()
    first = summarize(ARTICLE, client=client(tmp_path, "use", recorder))
    assert len(recorder.requests) == first.provenance.usage.calls > 4
    assert not first.provenance.cached

    silent = FakeProvider()
    again = summarize(ARTICLE, client=client(tmp_path, "replay", silent))
    assert silent.requests == []
    assert again.provenance.cached and again.provenance.usage.cached_calls == first.provenance.usage.calls
    assert again.provenance.usage.prompt_tokens == first.provenance.usage.prompt_tokens
    assert comparable(again) == comparable(first)


def test_replay_miss_names_the_article_and_the_key(tmp_path: Path) -> None:
    with pytest.raises(CacheMissError, match=r"003_875932fb6ed4ed16\.txt: no recorded response .* key [0-9a-f]{64}"):
        summarize(ARTICLE, client=client(tmp_path, "replay", FakeProvider()))


def test_refresh_asks_again_and_overwrites(tmp_path: Path) -> None:
    summarize(ARTICLE, client=client(tmp_path, "use", FakeProvider()))
    changed = FakeProvider(answers={"SummaryDraft": {"headline": "Fresh", "summary": "New answer."}})
    refreshed = summarize(ARTICLE, client=client(tmp_path, "refresh", changed))
    assert changed.requests and refreshed.summaries[0].headline == "Fresh"
    replayed = summarize(ARTICLE, client=client(tmp_path, "replay", FakeProvider()))
    assert replayed.summaries[0].headline == "Fresh"


def test_off_neither_reads_nor_writes(tmp_path: Path) -> None:
    directory = tmp_path / "never"
    provider = FakeProvider()
    summarize(ARTICLE, client=client(directory, "off", provider))
    summarize(ARTICLE, client=client(directory, "off", provider))
    assert not directory.exists()
    assert (
        len(provider.requests)
        == 2 * summarize(ARTICLE, client=client(tmp_path, "off", FakeProvider())).provenance.usage.calls
    )


def test_unknown_mode_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="unknown cache mode 'sometimes'"):
        ResponseCache(tmp_path, "sometimes")


def test_entries_hold_request_material_and_response(tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path, "use")
    response = {"choices": [], "usage": {"prompt_tokens": 1}}
    cache.set(cache_key(MATERIAL), MATERIAL, response)
    assert cache.get(cache_key(MATERIAL)) == response
    assert len(cache) == 1


def test_replay_never_writes_to_the_recorded_cache(tmp_path: Path) -> None:
    summarize(ARTICLE, client=client(tmp_path / "c", "use", FakeProvider()))
    database = tmp_path / "c" / "cache.db"
    before = database.read_bytes()
    database.chmod(0o444)
    (tmp_path / "c").chmod(0o555)
    try:
        replayed = summarize(ARTICLE, client=client(tmp_path / "c", "replay", FakeProvider()))
    finally:
        (tmp_path / "c").chmod(0o755)
        database.chmod(0o644)
    assert replayed.provenance.cached
    assert database.read_bytes() == before


def test_a_corrupted_cache_is_given_up_and_said(tmp_path: Path) -> None:
    directory = tmp_path / "c"
    summarize(ARTICLE, client=client(directory, "use", FakeProvider()))
    (directory / "cache.db").write_bytes(b"this is not a database" * 100)
    for side in directory.glob("cache.db-*"):
        side.unlink()
    brief = summarize(seed("004"), client=client(directory, "use", FakeProvider()))
    assert any("unusable" in warning and "continuing without it" in warning for warning in brief.warnings)
    assert brief.summaries  # the run went on


def test_a_cache_folder_deleted_mid_run_is_given_up_and_said(tmp_path: Path) -> None:
    import shutil

    directory = tmp_path / "c"
    shared = client(directory, "use", FakeProvider())
    summarize(ARTICLE, client=shared)
    shutil.rmtree(directory)
    brief = summarize(seed("004"), client=shared)
    assert any("cache folder was removed" in warning for warning in brief.warnings)


def test_replay_of_a_corrupted_cache_is_an_error(tmp_path: Path) -> None:
    directory = tmp_path / "c"
    directory.mkdir()
    (directory / "cache.db").write_bytes(b"garbage" * 1000)
    with pytest.raises(CacheMissError, match="unreadable"):
        summarize(ARTICLE, client=client(directory, "replay", FakeProvider()))


def test_several_processes_write_one_cache(tmp_path: Path) -> None:
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from summarizer.cache import ResponseCache, cache_key\n"
        "cache = ResponseCache(sys.argv[1], 'use')\n"
        "for n in range(60):\n"
        "    material = {'n': n % 40, 'writer': int(sys.argv[2]) if n >= 40 else 0}\n"
        "    cache.set(cache_key(material), material, {'usage': {'prompt_tokens': n}})\n"
        "assert cache.problem is None, cache.problem\n"
    )
    writers = [
        subprocess.Popen([sys.executable, "-c", script, str(tmp_path / "shared"), str(w)], stderr=subprocess.PIPE)
        for w in range(1, 5)
    ]
    for writer in writers:
        assert writer.wait(timeout=120) == 0, writer.stderr.read() if writer.stderr else ""
    cache = ResponseCache(tmp_path / "shared", "replay")
    shared_keys = [cache_key({"n": n, "writer": 0}) for n in range(40)]
    own_keys = [cache_key({"n": n % 40, "writer": w}) for w in range(1, 5) for n in range(40, 60)]
    assert all(cache.get(key) is not None for key in shared_keys + own_keys)
