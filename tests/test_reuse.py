"""Whole briefs reused from the cache: the same brief as a rebuild, and never a stale one."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer import briefcache, summarize
from summarizer.cache import ResponseCache
from summarizer.client import ModelClient
from tests.conftest import seed
from tests.fakes import FakeProvider
from tests.test_cache import comparable

ARTICLE = seed("003")


class CountingBuilds:
    """Counts how often the pipeline really builds a brief."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = briefcache.make_brief

        def counted(*args: object, **kwargs: object) -> object:
            self.count += 1
            return real(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(briefcache, "make_brief", counted)


def run(directory: Path, mode: str, source: Path | str = ARTICLE, language: str | None = None) -> object:
    return summarize(source, client=ModelClient(FakeProvider(), ResponseCache(directory, mode)), language=language)


def test_a_stored_brief_is_replayed_and_equals_a_rebuild(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    builds = CountingBuilds(monkeypatch)
    first = run(tmp_path, "use")
    reused = run(tmp_path, "replay")
    assert builds.count == 1
    assert reused.provenance.cached and reused.provenance.usage.calls == first.provenance.usage.calls
    assert reused.provenance.usage.cached_calls == reused.provenance.usage.calls
    # With the code fingerprint changed, the brief is rebuilt from the recorded calls: same result.
    monkeypatch.setattr(briefcache, "code_fingerprint", lambda: "other code")
    rebuilt = run(tmp_path, "replay")
    assert builds.count == 2
    assert comparable(rebuilt) == comparable(reused) == comparable(first)


def test_anything_that_shapes_the_brief_misses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    builds = CountingBuilds(monkeypatch)
    run(tmp_path, "use")
    run(tmp_path, "use", language="de")  # another second language
    text = ARTICLE.read_text(encoding="utf-8")
    run(tmp_path, "use", source=text + "\nUne phrase de plus.")  # other content
    assert builds.count == 3
    run(tmp_path, "refresh")  # refresh rebuilds even when a brief is stored
    assert builds.count == 4


def test_a_reused_brief_names_the_source_it_was_asked_for(tmp_path: Path) -> None:
    copy = tmp_path / "elsewhere.txt"
    copy.write_bytes(ARTICLE.read_bytes())
    run(tmp_path / "cache", "use")
    assert run(tmp_path / "cache", "replay", source=copy).provenance.source == str(copy)


def test_the_lexicons_words_are_part_of_the_code_that_makes_briefs() -> None:
    # A word added to a lexicon changes briefs as a changed rule does: a stored brief must miss.
    sources = {path.name for path in briefcache._brief_sources()}
    assert {"vi.toml", "zh.toml", "pipeline.py", "meeting.py"} <= sources
