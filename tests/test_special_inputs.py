"""Inputs at the edges (issue 14): FIFOs and other non-regular files, dangling symlinks, symlink loops,
folders named like articles, a mistyped path with no suffix, odd values given to the library. Real
files, real processes; a server on 127.0.0.1 answers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer import summarize
from summarizer.errors import InputError
from summarizer.inputs import read_article
from tests.conftest import REPO
from tests.servers import FROM_SCHEMA, Action, scripted_server
from tests.test_encodings import RUSSIAN, UKRAINIAN
from tests.together import together


def summarize_command(*args: str, url: str = "http://127.0.0.1:9/v1") -> list[str]:
    """The CLI in its own process, against ``url`` (nothing listens on port 9: no model is ever run)."""
    return [sys.executable, "-m", "summarizer", *args, "--base-url", url, "--model", "m", "--cache-mode", "off"]


def run(command: list[str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=REPO)


def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = run(summarize_command(str(fifo)), timeout=30)  # reading it would block forever
    assert result.returncode == 2, result.stderr
    assert "not a regular file (a FIFO)" in result.stderr and "Traceback" not in result.stderr


def odd_entries(folder: Path) -> dict[str, str]:
    """A folder of entries that are not readable articles, by name, with the reason each must give."""
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    (folder / "folder.txt").mkdir()
    return {
        "pipe.txt": "not a regular file (a FIFO)",
        "dangling.txt": "a symbolic link to a missing file",
        "loop-a.txt": "a symbolic link loop",
        "loop-b.txt": "a symbolic link loop",
        "folder.txt": "is a directory",
    }


def test_odd_entries_in_a_batch_are_failed_lines_and_the_rest_finishes(tmp_path: Path) -> None:
    reasons = odd_entries(tmp_path / "in")
    good = tmp_path / "in" / "good.txt"
    good.write_text(UKRAINIAN, encoding="utf-8")
    out = tmp_path / "results.jsonl"
    fifo = tmp_path / "in" / "pipe.txt"
    with scripted_server([Action(content=FROM_SCHEMA)]) as server:
        # The folder (expanded), and the FIFO given again by name: neither may stall the batch.
        command = summarize_command("batch", str(tmp_path / "in"), str(fifo), "-o", str(out), url=server.url)
        result = run(command, timeout=60)
    assert result.returncode == 1, result.stderr
    records = {Path(r["input"]).name: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert records["good.txt"]["status"] == "ok"
    assert set(records) == {"good.txt", *reasons}
    for name, reason in reasons.items():
        assert records[name]["status"] == "failed" and reason in records[name]["error"]["message"], records[name]
    assert "Traceback" not in result.stderr


def test_a_missing_path_without_a_suffix_is_a_missing_file_not_a_text(tmp_path: Path) -> None:
    # The two refusals have a server of their own, so that the text's brief can run beside them.
    with (
        scripted_server([Action(content=FROM_SCHEMA)]) as server,
        scripted_server([Action(content=FROM_SCHEMA)]) as other,
    ):
        result, spelled, text = together(
            lambda: run(summarize_command(str(tmp_path / "nosuchfile"), url=server.url)),
            lambda: run(summarize_command("nosuchfile", url=server.url)),
            lambda: run(summarize_command("--text", UKRAINIAN, "--format", "json", url=other.url)),
        )
        asked = len(server.requests)
    assert result.returncode == 2 and "nosuchfile: no such file" in result.stderr, result.stderr
    assert spelled.returncode == 2 and "no such file" in spelled.stderr
    assert asked == 0  # nothing was summarised
    assert text.returncode == 0, text.stderr
    assert json.loads(text.stdout)["provenance"]["source"] == "<text>"
    with pytest.raises(InputError, match="no such file"):
        read_article("nosuchfile")


@pytest.mark.parametrize(
    ("source", "message"),
    [("", "empty"), ("   ", "empty"), (None, "not NoneType"), (42, "not int"), (["a.txt"], "not list")],
)
def test_odd_values_given_to_the_library_are_input_errors(source: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        summarize(source)  # type: ignore[arg-type]


def test_bytes_given_to_the_library_are_the_articles_bytes() -> None:
    article = read_article(RUSSIAN.encode("koi8_r"))
    assert (article.text, article.encoding, article.source) == (RUSSIAN, "koi8_r", "<bytes>")
