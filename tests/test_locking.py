"""One writer per results file (issue 14): a second batch on the same file exits with a clear message,
the first finishes, every article is there once, and a resume is exact. Real processes, a real server."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
import time
from pathlib import Path

from tests.conftest import REPO
from tests.servers import FROM_SCHEMA, Action, scripted_server
from tests.test_batch import count_lines, make_articles, scripted_batch, wait_for_lines


def test_a_second_batch_on_the_same_results_file_exits_and_the_first_finishes_exactly(tmp_path: Path) -> None:
    paths = make_articles(tmp_path / "in", 8)
    out = tmp_path / "results.jsonl"
    gate = threading.Event()  # the server answers only while it is open: the first batch waits for the second
    gate.set()

    def answer(_body: object) -> Action:
        gate.wait(60)
        return Action(content=FROM_SCHEMA)

    with scripted_server([], choose=answer) as server:
        command = scripted_batch(tmp_path / "in", out, server.url, 1)
        first = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=REPO)
        wait_for_lines(out, 1)
        gate.clear()
        second = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=REPO)
        running = first.poll() is None
        gate.set()
        _, first_errors = first.communicate(timeout=120)
        again = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=REPO)
    assert second.returncode == 3, second.stderr
    assert running, "the first batch should still be running when the second is refused"
    assert f"another summarize batch (process {first.pid}) is writing it" in second.stderr
    assert "Traceback" not in second.stderr and len(second.stderr.strip().splitlines()) == 1
    assert first.returncode == 0, first_errors
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["input"] for r in records) == sorted(str(p) for p in paths)  # each once
    assert again.returncode == 0 and "skipped=8" in again.stderr, again.stderr


def test_the_lock_of_a_killed_batch_does_not_outlive_it(tmp_path: Path) -> None:
    make_articles(tmp_path / "in", 4)
    out = tmp_path / "results.jsonl"
    with scripted_server([Action(content=FROM_SCHEMA, delay=0.2)]) as server:
        command = scripted_batch(tmp_path / "in", out, server.url, 1)
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO)
        deadline = time.monotonic() + 60
        while not Path(f"{out}.lock").exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.3)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        rerun = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=REPO)
    assert rerun.returncode == 0, rerun.stderr
    assert count_lines(out) == 4
