"""Nothing from an article or a model reaches a terminal as a control sequence (issue 14).

The article hides an OSC title sequence and colour codes in a target's clause (so they come back in an
evidence quote); the server answers every string with the same. The CLI runs in its own process, to a
pipe, to files and to a real pseudo-terminal (the rich path); C0 controls other than newline and tab,
DEL and C1 controls must come out shown (as ␛, ␇...), never raw. JSON stays lossless: escaped."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.servers import FROM_SCHEMA, Action, scripted_server
from tests.together import together

HOSTILE = "\x1b]0;PWNED\x07\x1b[31mred\x1b[0m\x9b2J\x7f"
ARTICLE = (
    "Le 3 mars 2024, le comité du district de Hoa Binh a tenu une conférence.\n"
    f"Le district a atteint 3/34 objectifs {HOSTILE} cette année."
)
RAW = [chr(code) for code in (*range(0, 9), *range(11, 32), *range(0x7F, 0xA0))]


def command(article: Path, url: str, *args: str) -> list[str]:
    return [
        *(sys.executable, "-m", "summarizer", str(article), "--base-url", url, "--model", "m"),
        *("--cache-mode", "off", *args),
    ]


def assert_inert(text: str) -> None:
    found = sorted({f"U+{ord(char):04X}" for char in text if char in RAW})
    assert not found, f"raw control characters reached the output: {found}"


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    article = tmp_path / "hostile.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return article


@pytest.mark.parametrize("output_format", ["text", "markdown", "json", "html"])
def test_every_format_shows_control_characters_inert(hostile: Path, tmp_path: Path, output_format: str) -> None:
    target = tmp_path / f"brief.{output_format}"
    with scripted_server([Action(content=FROM_SCHEMA, fill=HOSTILE)]) as server:
        base = command(hostile, server.url, "--format", output_format)
        piped, written = together(  # two independent processes: side by side
            lambda: subprocess.run(base, capture_output=True, timeout=60, cwd=REPO),
            lambda: subprocess.run([*base, "-o", str(target)], capture_output=True, timeout=60, cwd=REPO),
        )
    assert piped.returncode == written.returncode == 0, piped.stderr
    for output in (piped.stdout.decode("utf-8"), target.read_text(encoding="utf-8")):
        assert_inert(output)
        assert "PWNED" in output  # shown, not dropped
        if output_format == "json":  # lossless: the escaped text decodes back to what was there
            assert HOSTILE in json.loads(output)["targets"][0]["evidence"]["quote"]
        else:
            assert "␛]0;PWNED␇" in output
    assert_inert(piped.stderr.decode("utf-8"))


def test_the_terminal_view_shows_them_inert_too(hostile: Path) -> None:
    with scripted_server([Action(content=FROM_SCHEMA, fill=HOSTILE)]) as server:
        leader, follower = pty.openpty()
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120"}
        child = subprocess.Popen(
            command(hostile, server.url), stdout=follower, stderr=follower, env=env, cwd=REPO, close_fds=True
        )
        os.close(follower)
        output = read_all(leader, child)
    assert child.returncode == 0, output
    assert "PWNED" in output and "\x1b]" not in output and "\x07" not in output and "\x9b" not in output


def read_all(leader: int, child: subprocess.Popen[bytes]) -> str:
    """Everything the child writes to its terminal until it exits."""
    chunks, deadline = [], time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the child closed its end
                break
            if not chunk:
                break
            chunks.append(chunk)
        elif child.poll() is not None:
            break
    child.wait(timeout=10)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", errors="replace")


def test_batch_lines_and_failure_messages_are_inert(hostile: Path, tmp_path: Path) -> None:
    empty = tmp_path / f"empty{HOSTILE}.txt"
    empty.write_bytes(b"")
    out = tmp_path / "results.jsonl"
    with scripted_server([Action(content=FROM_SCHEMA, fill=HOSTILE)]) as server:
        batch = [sys.executable, "-m", "summarizer", "batch", str(hostile), str(empty), "-o", str(out)]
        batch += ["--base-url", server.url, "--model", "m", "--cache-mode", "off"]
        result = subprocess.run(batch, capture_output=True, timeout=60, cwd=REPO)
    assert result.returncode == 1  # the empty file failed
    assert_inert(result.stderr.decode("utf-8"))
    assert_inert(out.read_text(encoding="utf-8"))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert any(HOSTILE in (r["brief"] or {}).get("summaries", [{}])[0].get("headline", "") for r in records)


LINK = "[read the full story](http://evil.example/steal?c=1)"


def test_the_terminal_view_shows_model_text_as_text_never_a_hidden_link(hostile: Path) -> None:
    """A model's Markdown link stays visible as written: no OSC 8 hyperlink hides its address (issue 24)."""
    with scripted_server([Action(content=FROM_SCHEMA, fill=f"The committee met. {LINK}")]) as server:
        leader, follower = pty.openpty()
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "200"}
        child = subprocess.Popen(
            command(hostile, server.url), stdout=follower, stderr=follower, env=env, cwd=REPO, close_fds=True
        )
        os.close(follower)
        output = read_all(leader, child)
    assert child.returncode == 0, output
    assert "\x1b]8;" not in output, "a hyperlink escape reached the terminal"
    shown = re.sub(r"\x1b\[[0-9;]*m", "", output)
    assert LINK in shown.replace("\r\n", " ").replace("│", " ") or "evil.example/steal" in shown
    assert "[read the full story]" in shown
