"""Standard input is read with the same 5 MB bound as a file, while it is read (issue 24).

The CLI runs in its own process with a pipe as standard input; a thread keeps writing into the pipe
(64 MB at most, so a failing run stays small) and counts what the reader took before it gave up.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from summarizer.inputs import MAX_BYTES
from tests.conftest import REPO

OFFER = 64 * 1024 * 1024  # what the writer offers; an unbounded reader takes all of it
PIECE = 256 * 1024


def feed_until_closed(args: list[str], piece: bytes, where: Path) -> tuple[int, str, int]:
    """Run ``summarize ARGS`` with ``piece`` written to its standard input again and again.

    Returns its exit code, its standard error and the bytes it took.
    """
    errors = (where / "stderr").open("w+b")
    child = subprocess.Popen(
        [sys.executable, "-m", "summarizer", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=errors,
        cwd=REPO,
    )
    assert child.stdin is not None
    taken = 0

    def write() -> None:
        nonlocal taken
        try:
            while taken < OFFER:
                child.stdin.write(piece)  # type: ignore[union-attr]
                taken += len(piece)
            child.stdin.close()  # type: ignore[union-attr]
        except (BrokenPipeError, OSError):
            pass  # the reader stopped reading and went away: the point

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    code = child.wait(timeout=120)
    writer.join(timeout=10)
    errors.seek(0)
    return code, errors.read().decode(), taken


@pytest.mark.parametrize(
    ("args", "piece"),
    [(["-"], b"\0" * PIECE), (["batch", "-", "-o", "results.jsonl"], b"a.txt\n" * (PIECE // 6))],
    ids=["article", "batch-list"],
)
def test_standard_input_stops_being_read_past_5_mb_and_exits_2(args: list[str], piece: bytes, tmp_path: Path) -> None:
    if "-o" in args:
        args = [*args[:-1], str(tmp_path / "results.jsonl")]
    code, stderr, taken = feed_until_closed(args, piece, tmp_path)
    assert code == 2, stderr
    assert "<stdin>" in stderr and f"limit {MAX_BYTES:,}" in stderr and "Traceback" not in stderr
    # What was written beyond the bound is at most what a pipe and one piece hold.
    assert taken < MAX_BYTES + 4 * PIECE, taken
