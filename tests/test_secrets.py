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
