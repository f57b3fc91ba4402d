"""The API key never appears in cache entries, logs, error messages, results files or output."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer.cli import cli
from tests.conftest import seed
from tests.servers import FROM_SCHEMA, Action, scripted_server

SENTINEL = "sk-sentinel-7f3a9c-never-leak"


def test_the_api_key_never_leaks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", SENTINEL)
    caplog.set_level(logging.DEBUG)
    cache, results = tmp_path / "cache", tmp_path / "results.jsonl"
    article = str(seed("004"))
    outputs = []
    with scripted_server([Action(content=FROM_SCHEMA)]) as good:
        for output_format in ("json", "markdown", "text"):
            run = CliRunner().invoke(
                cli,
                [article, "--base-url", good.url, "--model", "m", "--cache-dir", str(cache), "--format", output_format],
            )
            assert run.exit_code == 0, run.output
            outputs.append(run.output)
    for status in (401, 422):
        with scripted_server([Action(status=status)]) as bad:
            batch = ["batch", article, str(seed("000")), "-o", str(results), "--base-url", bad.url, "--model", "m"]
            run = CliRunner().invoke(cli, [*batch, "--cache-mode", "off", "--retry-failed"])
            assert run.exit_code == 1
            outputs.append(run.output)
    # The key did travel to the server, so this test would see a leak.
    assert any(SENTINEL in value for headers in good.headers for value in headers.values())
    stored = [path.read_bytes().decode("utf-8", "replace") for path in cache.rglob("*") if path.is_file()]
    places = [*outputs, results.read_text(encoding="utf-8"), caplog.text, *stored]
    assert stored and '"failed"' in places[5]
    assert [SENTINEL in place for place in places] == [False] * len(places)


def test_a_server_that_echoes_the_key_in_its_error_never_shows_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 400 whose body repeats the Authorization header: the key (of any shape), sk-... keys and Bearer
    tokens are redacted from stderr, the results file and the batch's index page (issue 24)."""
    key = "my-proxy-token-5d1e0b77"  # not shaped like an OpenAI key: only the configured value tells it
    monkeypatch.setenv("OPENAI_API_KEY", key)
    results, html = tmp_path / "results.jsonl", tmp_path / "html"
    article = str(seed("004"))
    with scripted_server([Action(status=400, echo_headers=True)]) as server:
        single = CliRunner().invoke(cli, [article, "--base-url", server.url, "--model", "m", "--cache-mode", "off"])
        batch = ["batch", article, "-o", str(results), "--html-dir", str(html), "--base-url", server.url]
        many = CliRunner().invoke(cli, [*batch, "--model", "m", "--cache-mode", "off"])
    assert any(key in value for headers in server.headers for value in headers.values())  # it was sent
    assert single.exit_code == many.exit_code == 1
    places = [single.output, many.output, results.read_text(encoding="utf-8"), (html / "index.html").read_text()]
    assert "HTTP 400" in single.output and "[redacted]" in single.output
    assert [key in place or "Bearer " + key in place for place in places] == [False] * 4


def test_key_shapes_are_redacted_from_every_error_message() -> None:
    from summarizer.errors import ProviderError

    message = str(ProviderError('echo: {"Authorization": "Bearer abc.DEF-123", "note": "sk-proj-A1b2C3d4E5"}'))
    assert "abc.DEF-123" not in message and "sk-proj" not in message and message.count("[redacted]") == 2
