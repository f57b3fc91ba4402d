"""What a batch shows as it runs: the article in flight and its step, and resumed articles counted as done.

The bar is drawn only in a terminal, so these tests run the real CLI on a pseudo-terminal and read
what it drew (ANSI codes removed).
"""

from __future__ import annotations

import os
import pty
import re
import subprocess
from pathlib import Path

from summarizer.client import make_client
from summarizer.engines.batch import run_batch
from summarizer.engines.local import LocalEngine
from summarizer.settings import Settings as ProviderSettings
from tests.servers import FROM_SCHEMA, Action, scripted_server
from tests.test_batch import lines, make_articles, scripted_batch

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


def run_in_terminal(command: list[str], env: dict[str, str], timeout: float = 120) -> str:
    """Run ``command`` with a pseudo-terminal as stdout and stderr; everything it drew, as plain text."""
    leader, follower = pty.openpty()
    child = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=follower, stderr=follower)
    os.close(follower)
    drawn = bytearray()
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        drawn += chunk
    os.close(leader)
    child.wait(timeout=timeout)
    return ANSI.sub("", drawn.decode("utf-8", errors="replace"))


def terminal_env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "SUMMARIZER_HOME": str(tmp_path / "state"), "TERM": "xterm", "COLUMNS": "160"}


def test_the_bar_names_the_article_and_step_in_flight_and_counts_resumed_articles(tmp_path: Path) -> None:
    make_articles(tmp_path / "in", 3)
    out = tmp_path / "results.jsonl"
    with scripted_server([Action(content=FROM_SCHEMA, delay=0.3)]) as server:
        first = run_in_terminal(scripted_batch(tmp_path / "in", out, server.url, 1), terminal_env(tmp_path))
        assert len(lines(out)) == 3, first
        assert re.search(r"article-00\d\.txt: (meeting|directives|chairs|english|summary)", first), first
        again = run_in_terminal(scripted_batch(tmp_path / "in", out, server.url, 1), terminal_env(tmp_path))
    bars = re.findall(r"(\d+/3) skipped (\d+)", again)
    assert bars and bars[-1] == ("3/3", "3"), again  # the bar's last state: all done, all skipped


def test_run_batch_reports_each_articles_steps_and_each_skipped_article(tmp_path: Path) -> None:
    paths = [str(path) for path in make_articles(tmp_path / "in", 2)]
    out = tmp_path / "results.jsonl"
    steps: list[tuple[str, str]] = []
    skipped: list[str] = []
    with scripted_server([Action(content=FROM_SCHEMA)]) as server:
        settings = ProviderSettings(provider="openai", base_url=server.url, model="scripted", cache_mode="off")
        engine = LocalEngine(make_client(settings), jobs=1)
        run_batch(paths[:1], out, engine=engine, on_step=lambda a, s: steps.append((a, s)), on_skip=skipped.append)
        run_batch(paths, out, engine=engine, on_step=lambda a, s: steps.append((a, s)), on_skip=skipped.append)
        engine.close()
    assert skipped == [paths[0]]
    first_run = [step for article, step in steps if article == paths[0]]
    assert first_run[0] == "reading" and "meeting" in first_run and "summary" in first_run
    assert [step for article, step in steps if article == paths[1]] == first_run  # same steps, for the second article


def test_verbose_lines_of_several_jobs_never_glue_together(tmp_path: Path) -> None:
    make_articles(tmp_path / "in", 24)
    out = tmp_path / "results.jsonl"
    with scripted_server([Action(content=FROM_SCHEMA)]) as server:
        command = scripted_batch(tmp_path / "in", out, server.url, 8, "-v")
        done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    shapes = re.compile(r"^(ok|cached|failed) \S+ \(\d+\.\d s\)$|^\S+\.txt: \w[\w ]*( \d+/\d+)?$|^articles=\d+ ")
    odd = [line for line in done.stderr.splitlines() if not shapes.match(line)]
    assert odd == [], odd[:5]
    assert sum(line.startswith("ok ") for line in done.stderr.splitlines()) == 24
