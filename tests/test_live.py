"""Live tests with the real embedded model (marker ``live``; CI runs them, minutes each).

- the embedded provider: parts assembled and hash-checked, llama.cpp in process, a short real text;
- the openai provider against llama-cpp-python's real OpenAI-compatible server on 127.0.0.1.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarizer import Brief, summarize
from summarizer.providers.local import EMBEDDED_SIZE, assemble_embedded_model
from tests.conftest import seed

pytestmark = pytest.mark.live

# The opening of seed 003 (Ukrainian): a caption, then the paragraph with the four target figures.
SHORT_TEXT = "\n".join(seed("003").read_text(encoding="utf-8").split("\n")[:2])
SENTINEL_KEY = "sk-sentinel-0123456789abcdef"


@pytest.fixture(scope="session")
def model_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A state folder holding the GGUF assembled from the installed part packages (hash verified)."""
    home = tmp_path_factory.mktemp("model-home")
    os.environ["SUMMARIZER_HOME"] = str(home)
    try:
        path = assemble_embedded_model()
    finally:
        del os.environ["SUMMARIZER_HOME"]
    assert path.stat().st_size == EMBEDDED_SIZE
    return home


def check_brief(brief: Brief) -> None:
    """What any brief of SHORT_TEXT must show, whichever provider made it."""
    assert brief.language == "uk"
    assert [s.language for s in brief.summaries] == ["en", "uk"]
    assert all(s.headline.strip() and s.summary.strip() for s in brief.summaries)
    assert [t.figure for t in brief.targets] == ["4/34", "3/34", "20/34", "7/34"]
    assert all(t.evidence.match == "exact" for t in brief.targets)
    by_figure = {t.figure: t for t in brief.targets}
    assert (by_figure["3/34"].status, by_figure["3/34"].status_by) == ("met", "rule")
    assert by_figure["20/34"].status == "partially_met"
    assert brief.meeting.date is None  # the cut gives no day: none may be invented
    usage = brief.provenance.usage
    assert not brief.provenance.cached and usage.calls >= 6 and usage.completion_tokens > 0


def test_embedded_model_makes_a_valid_brief(model_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_HOME", str(model_home))
    brief = summarize(SHORT_TEXT, cache_dir=tmp_path / "cache", cache_mode="use")
    check_brief(brief)
    assert brief.provenance.endpoint == "llama.cpp+llguidance"  # the default sampler, part of every cache key
    again = summarize(SHORT_TEXT, cache_dir=tmp_path / "cache", cache_mode="replay")
    assert again.provenance.cached and again.targets == brief.targets


def test_embedded_model_on_a_hostile_article(model_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.test_hostile import CO_CHAIRS, DATA, check_structure

    monkeypatch.setenv("SUMMARIZER_HOME", str(model_home))
    path = DATA / "hostile_ignore.txt"
    brief = summarize(path, cache_dir=tmp_path / "cache", cache_mode="off")
    check_structure(brief, path.read_text(encoding="utf-8"))
    assert {chair.name for chair in brief.chairs} == CO_CHAIRS


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def llama_server(model_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """llama-cpp-python's OpenAI-compatible server on 127.0.0.1, serving the embedded GGUF."""
    port = free_port()
    gguf = next((model_home / "models").glob("*.gguf"))
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--model_alias", "embedded"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096", "--seed", "0"]
    # The server logs a lot: to a file, never to a pipe nobody reads (a full pipe blocks the server).
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    log_handle = log.open("wb")
    server = subprocess.Popen(command, stdout=log_handle, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{url}/models", timeout=2).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"llama_cpp.server did not start: {log.read_text()[-2000:]}") from None
                time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log_handle.close()


def test_openai_provider_against_a_real_local_server(
    llama_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", llama_server)
    monkeypatch.setenv("OPENAI_API_KEY", SENTINEL_KEY)
    monkeypatch.setenv("SUMMARIZER_SCHEMA_FORMAT", "json_object")  # what llama-cpp-python's server takes
    cache = tmp_path / "cache"
    brief = summarize(SHORT_TEXT, model="embedded", cache_dir=cache)
    check_brief(brief)
    assert brief.provenance.endpoint == f"openai-compatible:{llama_server}"
    # The key went to the server but never into the cache or the brief.
    stored = b"".join(path.read_bytes() for path in cache.rglob("*") if path.is_file())
    assert stored and SENTINEL_KEY.encode() not in stored
    assert SENTINEL_KEY not in brief.to_json()
