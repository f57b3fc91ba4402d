"""The JSONL results file of a batch: what is done, and appending whole lines durably.

One line per article, written with one unbuffered ``write`` loop and pushed to disk (fsync) before the
next. A line cut short by a crash is dropped when the file is next opened; a line cut by a full disk
is cut back at once, so the file always ends with a whole line and the run stops with an
``OutputError`` saying how to resume.

One writer at a time: ``ResultsFile.locked`` holds an exclusive ``flock`` on ``<results>.lock`` from
before the file is read until the run ends, so a second batch on the same file exits at once saying
which process writes it (two writers recorded every article twice). The kernel drops the lock when
its process dies, even by SIGKILL; the small lock file stays, harmless.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from summarizer.engines.base import BatchResult, Status
from summarizer.errors import OutputError
from summarizer.outputs import cannot_write, check_writable, write_whole

RESUME = "; the lines before are whole: free space and run the same command to resume"


class ResultsFile:
    """The JSONL results file: what is done, and appending new lines durably."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.done: dict[tuple[str, str | None], Status] = {}
        self._handle: BinaryIO | None = None
        try:
            self._load()
        except OSError as e:
            raise cannot_write(self.path, e) from e

    @classmethod
    @contextlib.contextmanager
    def locked(cls, path: str | Path) -> Iterator[ResultsFile]:
        """The results file read and held by this process alone until the block ends (its folder must exist)."""
        check_writable(path)  # the rule for every output: a missing folder is refused, never created
        lock = _lock(Path(path))
        try:
            yield cls(path)
        finally:
            lock.close()  # releases the flock

    def _load(self) -> None:
        if not self.path.exists():
            return
        data = self.path.read_bytes()
        whole = data[: data.rfind(b"\n") + 1]
        if len(whole) != len(data):  # a line cut short by a crash: drop it so the file ends whole
            with self.path.open("r+b") as handle:
                handle.truncate(len(whole))
        for line in whole.decode("utf-8").splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            self.done[(record["input"], record.get("sha256"))] = record["status"]

    def is_done(self, path: str, sha: str | None, retry_failed: bool) -> bool:
        """Whether ``path`` with this content already has a line (failed ones count unless retried)."""
        status = self.done.get((path, sha))
        return status is not None and not (retry_failed and status == "failed")

    def drop_failed(self) -> None:
        """Rewrite the file without its failed lines (atomically), before retrying them."""
        if not self.path.exists():
            return
        kept = [line for line in self.path.read_text(encoding="utf-8").splitlines() if '"status":"failed"' not in line]
        write_whole(self.path, "".join(line + "\n" for line in kept))
        self.done = {key: status for key, status in self.done.items() if status != "failed"}

    @contextlib.contextmanager
    def appending(self) -> Iterator[ResultsFile]:
        """Keep the file open for ``append``; ``OutputError`` when it cannot be."""
        try:
            handle = self.path.open("ab", buffering=0)
        except OSError as e:
            raise cannot_write(self.path, e) from e
        self._handle = handle
        try:
            yield self
        finally:
            self._handle = None
            handle.close()

    def append(self, result: BatchResult) -> None:
        """Write one whole line and push it to disk before the next one, or cut it back and raise."""
        assert self._handle is not None, "append inside appending()"
        descriptor = self._handle.fileno()
        whole = os.fstat(descriptor).st_size
        rest = memoryview((result.to_line() + "\n").encode("utf-8"))
        try:
            while rest:
                rest = rest[os.write(descriptor, rest) :]
            os.fsync(descriptor)
        except OSError as e:
            with contextlib.suppress(OSError):
                os.ftruncate(descriptor, whole)
            raise cannot_write(self.path, e, RESUME) from e
        self.done[(result.input, result.sha256)] = result.status


def _lock(path: Path) -> BinaryIO:
    """An exclusive lock on ``<path>.lock``, or ``OutputError`` naming its holder."""
    lock_path = path.with_name(path.name + ".lock")
    try:
        handle = lock_path.open("a+b", buffering=0)
    except OSError as e:
        raise cannot_write(path, e) from e
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as e:
        handle.seek(0)
        holder = handle.read(32).decode("ascii", errors="replace").strip() or "unknown"
        handle.close()
        if e.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            raise cannot_write(path, e) from e
        raise OutputError(
            f"{path}: another summarize batch (process {holder}) is writing it; "
            "when it has finished, run this command again to resume"
        ) from e
    handle.truncate(0)
    handle.write(f"{os.getpid()}\n".encode())
    return handle
