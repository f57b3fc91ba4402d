"""Ctrl-C in a batch and the library's quiet (issue 14): what finished is written, nothing leaks to stderr.
Real processes, a real SIGINT, a server on 127.0.0.1."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO
from tests.servers import FROM_SCHEMA, Action, scripted_server
from tests.test_batch import count_lines, make_articles, scripted_batch, wait_for_lines


def test_ctrl_c_in_a_batch_writes_the_articles_in_flight_and_says_how_to_resume(tmp_path: Path) -> None:
    paths = make_articles(tmp_path / "in", 16)
    out = tmp_path / "results.jsonl"
    with scripted_server([Action(content=FROM_SCHEMA, delay=0.15)]) as server:
        command = scripted_batch(tmp_path / "in", out, server.url, 4)
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=REPO)
        wait_for_lines(out, 2)
        child.send_signal(signal.SIGINT)
        at_interrupt = count_lines(out)
        _, errors = child.communicate(timeout=120)
        after = count_lines(out)
        resumed = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=REPO)
    assert child.returncode == 130, errors
    assert "Traceback" not in errors and "interrupted" in errors and "run the same command" in errors, errors
    assert at_interrupt < after < len(paths), (at_interrupt, after)  # the articles in flight were written
    assert resumed.returncode == 0 and f"skipped={after}" in resumed.stderr, resumed.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["input"] for r in records) == sorted(str(p) for p in paths)


LIBRARY_RUN = """
import sys
from summarizer import summarize, SummarizerError
try:
    summarize("Le 3 mars 2024, le comité a tenu une conférence.", base_url=sys.argv[1], model="m", cache_mode="off")
except SummarizerError as error:
    print(type(error).__name__)
"""


def test_the_library_writes_nothing_to_stderr_when_answers_break_the_schema(tmp_path: Path) -> None:
    with scripted_server([Action(content={"nothing": 1})]) as server:
        result = subprocess.run(
            [sys.executable, "-c", LIBRARY_RUN, server.url], capture_output=True, text=True, timeout=60, cwd=REPO
        )
    assert result.stdout.strip() == "ModelOutputError", result.stderr
    assert result.stderr == ""  # instructor's "API call failed on attempt 1..." lines included
