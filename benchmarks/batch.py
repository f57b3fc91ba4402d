"""Batch figures: replay wall time for many articles, and the speed-up of --jobs against a slow server.

    .venv/bin/python benchmarks/batch.py [--articles 1000] [--delay 0.2]

The articles are the five seeds with a small distinct edit each. They are recorded against a local
OpenAI-compatible server that answers minimal valid JSON (tests/servers.py), into a temporary cache
that is then replayed; the replay runs the real pipeline, cache and CLI. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from summarizer.api import make_client  # noqa: E402
from summarizer.batch import run_batch  # noqa: E402
from summarizer.providers import ProviderSettings  # noqa: E402
from tests.servers import FROM_SCHEMA, Action, scripted_server  # noqa: E402


def make_articles(directory: Path, count: int) -> list[str]:
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    directory.mkdir(parents=True)
    paths = []
    for number in range(count):
        text = seeds[number % len(seeds)].read_text(encoding="utf-8")
        path = directory / f"variant-{number:05d}.txt"
        path.write_text(f"{text}\nRéférence {number}.", encoding="utf-8")
        paths.append(str(path))
    return paths


def timed_batch(url: str, paths: list[str], out: Path, jobs: int, cache: Path, mode: str) -> float:
    client = make_client(ProviderSettings(base_url=url, model="scripted"), cache, mode)
    started = time.perf_counter()
    summary = run_batch(paths, out, client, jobs=jobs)
    client.cache.close()
    assert summary.failed == 0, summary.failures
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--delay", type=float, default=0.2)
    parser.add_argument("--jobs-articles", type=int, default=24)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        paths = make_articles(work / "articles", options.articles)
        with scripted_server([Action(content=FROM_SCHEMA)]) as server:
            record = timed_batch(server.url, paths, work / "record.jsonl", 8, work / "cache", "use")
            url = server.url
        # Replay through the CLI, as a user would, with the server gone.
        command = [
            sys.executable,
            "-m",
            "summarizer",
            "batch",
            str(work / "articles"),
            "-o",
            str(work / "replay.jsonl"),
        ]
        command += ["--base-url", url, "--model", "scripted", "--cache-dir", str(work / "cache"), "--cache-mode"]
        started = time.perf_counter()
        subprocess.run([*command, "replay"], check=True, capture_output=True)
        replay = time.perf_counter() - started
        lines = (work / "replay.jsonl").read_text(encoding="utf-8").count("\n")

        few = paths[: options.jobs_articles]
        with scripted_server([Action(content=FROM_SCHEMA, delay=options.delay)]) as server:
            one = timed_batch(server.url, few, work / "j1.jsonl", 1, work / "c1", "off")
            eight = timed_batch(server.url, few, work / "j8.jsonl", 8, work / "c8", "off")
            calls = len(server.requests) // 2
    print("| figure | value |\n|---|---|")
    print(f"| articles recorded against the local server (jobs 8) | {options.articles} in {record:.1f} s |")
    print(
        f"| replay of {lines} articles, `summarize batch --cache-mode replay` | {replay:.1f} s "
        f"({1000 * replay / max(lines, 1):.1f} ms per article) |"
    )
    print(f"| {len(few)} articles, {calls} calls, server delay {options.delay} s: --jobs 1 | {one:.1f} s |")
    print(f"| same, --jobs 8 | {eight:.1f} s (speed-up {one / eight:.1f}x) |")


if __name__ == "__main__":
    main()
