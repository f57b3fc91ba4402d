"""Bounded load test (issue 14): many articles through ``summarize batch --jobs 16`` against the
misbehaving server, killed with SIGKILL twice mid-run and resumed; prints the figures.

    .venv/bin/python benchmarks/loadtest.py            # 200 articles, kills after 60 and 130 lines
    .venv/bin/python benchmarks/loadtest.py --articles 50 --kills 15,30

The server (``python -m tests.servers --mix SEED``, its own process) answers each request at random:
429 with Retry-After, 500, slower than the 2 s ``--timeout``, slow but in time, a 200 that is not
JSON, a dropped connection, or a good answer; every 20th article holds a marker that the server
always answers with a 500, so some articles must fail after their retries. The figures: every article
exactly once, failures with their reasons, no traceback, the wall time of each run, the answers the
server gave. About two minutes on 2 cores; not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.servers import ALWAYS_FAIL  # noqa: E402
from tests.test_batch import BASE  # noqa: E402


@dataclass
class Run:
    """One ``summarize batch`` process."""

    kill_at: int | None
    seconds: float
    returncode: int
    lines_at_end: int
    cut_line: bool  # the file ended mid-line when the process died
    skipped: int | None
    tracebacks: int
    stderr_tail: str


def make_articles(directory: Path, count: int) -> list[Path]:
    """Distinct short articles; every 20th holds the marker the server always fails."""
    directory.mkdir(parents=True)
    paths = []
    for number in range(count):
        marker = f" {ALWAYS_FAIL}" if number % 20 == 19 else ""
        path = directory / f"article-{number:03d}.txt"
        path.write_text(f"{BASE}\nRéunion numéro {number}.{marker}", encoding="utf-8")
        paths.append(path)
    return paths


def run_batch(command: list[str], out: Path, log: Path, kill_at: int | None) -> Run:
    """Run the batch; SIGKILL it once the results file has ``kill_at`` lines (None: let it finish)."""
    started = time.monotonic()
    with log.open("w") as errors:
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, cwd=REPO)
        while child.poll() is None:
            if kill_at is not None and lines(out) >= kill_at:
                os.kill(child.pid, signal.SIGKILL)
                break
            time.sleep(0.01)
        child.wait()
    seconds = time.monotonic() - started
    data = out.read_bytes() if out.exists() else b""
    stderr = log.read_text(encoding="utf-8", errors="replace")
    skipped = re.search(r"skipped=(\d+)", stderr)
    return Run(
        kill_at,
        round(seconds, 1),
        child.returncode,
        data.count(b"\n"),
        bool(data) and not data.endswith(b"\n"),
        int(skipped.group(1)) if skipped else None,
        stderr.count("Traceback"),
        stderr.strip().splitlines()[-1] if stderr.strip() else "",
    )


def lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def reason(message: str) -> str:
    """A failure message reduced to its cause (numbers and the endpoint left out)."""
    for words, cause in (
        ("HTTP 500", "HTTP 500 after every attempt"),
        ("rate limited", "429 after every attempt"),
        ("not JSON", "not JSON after every attempt"),
        ("did not answer", "timeout or dropped connection"),
        ("no whole answer", "total timeout"),
    ):
        if words in message:
            return cause
    return re.sub(r"\d+", "N", message)[:80]


def report(runs: list[Run], out: Path, paths: list[Path], stats: dict[str, object], seconds: float) -> str:
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    inputs = Counter(r["input"] for r in records)
    expected = {str(p) for p in paths}
    statuses = Counter(r["status"] for r in records)
    failures = Counter(f"{r['error']['kind']}: {reason(r['error']['message'])}" for r in records if r["error"])
    times = sorted(r["seconds"] for r in records if r["status"] == "ok")
    out_lines = ["| run | killed at (lines) | wall s | exit | lines after | cut line | skipped | tracebacks |"]
    out_lines.append("|---|---|---|---|---|---|---|---|")
    for number, run in enumerate(runs, 1):
        killed = "-" if run.kill_at is None else str(run.kill_at)
        out_lines.append(
            f"| {number} | {killed} | {run.seconds} | {run.returncode} | {run.lines_at_end} | {run.cut_line} | "
            f"{run.skipped if run.skipped is not None else '-'} | {run.tracebacks} |"
        )
    out_lines += [
        "",
        f"articles {len(paths)}, lines {len(records)}, distinct inputs {len(inputs)}, "
        f"duplicates {sum(n - 1 for n in inputs.values())}, missing {len(expected - set(inputs))}, "
        f"unknown {len(set(inputs) - expected)}",
        f"statuses {dict(statuses)}; failures with a reason {sum(1 for r in records if r['error'])}",
        f"failure reasons {dict(failures)}",
        f"ok article seconds: median {statistics.median(times):.1f}, p95 {times[int(0.95 * (len(times) - 1))]:.1f}, "
        f"max {times[-1]:.1f}"
        if times
        else "no ok article",
        f"server: {stats}",
        f"total wall time {seconds:.1f} s; last run's last stderr line: {runs[-1].stderr_tail}",
    ]
    return "\n".join(out_lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=16)
    parser.add_argument("--kills", default="60,130", help="kill -9 after this many lines, each in turn")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="summarizer-loadtest-"))
    paths = make_articles(work / "in", args.articles)
    out = work / "results.jsonl"
    server = subprocess.Popen(
        [sys.executable, "-m", "tests.servers", "--mix", str(args.seed)], stdout=subprocess.PIPE, text=True, cwd=REPO
    )
    started = time.monotonic()
    try:
        url = (server.stdout.readline() if server.stdout else "").strip()
        command = [sys.executable, "-m", "summarizer", "batch", str(work / "in"), "-o", str(out)]
        command += ["--jobs", str(args.jobs), "--base-url", url, "--model", "m", "--cache-mode", "off"]
        command += ["--timeout", "2"]
        kills = [int(k) for k in args.kills.split(",") if k]
        runs = [run_batch(command, out, work / f"run{n}.log", kill) for n, kill in enumerate([*kills, None], 1)]
        with urllib.request.urlopen(url.replace("/v1", "/stats"), timeout=10) as answer:
            stats = json.load(answer)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(report(runs, out, paths, stats, time.monotonic() - started))
    print(f"files: {work}")


if __name__ == "__main__":
    main()
