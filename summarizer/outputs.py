"""Writing outputs: checked before the work starts, written whole or not at all, failures as ``OutputError``.

A brief written with ``-o`` goes to a temporary file beside the destination, is pushed to disk and
then renamed over it, so a full disk leaves the old file as it was, never cut or emptied. A device
(``/dev/null``, ``/dev/stdout``) is written in place. Messages name the cause in words: the disk is
full, a read-only filesystem, a missing folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from summarizer.errors import OutputError

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "read-only filesystem",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "a folder on its path is a file",
    errno.EISDIR: "it is a directory",
}


def reason(error: OSError) -> str:
    """Why a write failed, in words."""
    return _REASONS.get(error.errno or 0, error.strerror or str(error))


def cannot_write(path: str | Path, error: OSError, then: str = "") -> OutputError:
    """The error to raise (``from error``) when ``path`` cannot be written."""
    return OutputError(f"{path}: cannot be written ({reason(error)}){then}")


def check_writable(path: str | Path) -> None:
    """Raise ``OutputError`` unless ``path`` can be written or created; nothing is changed."""
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"{path}: cannot be written (it is a directory)")
    if not path.parent.is_dir():
        raise OutputError(f"{path}: cannot be written (the folder {path.parent} does not exist)")
    try:
        if path.exists():
            with path.open("ab"):  # opening to append changes nothing
                pass
        else:
            descriptor, probe = tempfile.mkstemp(dir=path.parent, prefix=".summarize-probe-")
            os.close(descriptor)
            os.unlink(probe)
    except OSError as e:
        raise cannot_write(path, e) from e


def prepare_folder(folder: str | Path) -> None:
    """Create ``folder`` (and its parents) and check that files can be created in it."""
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise cannot_write(folder, e) from e
    check_writable(Path(folder) / ".summarize-check")


def write_whole(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` whole, or leave ``path`` as it was and raise ``OutputError``."""
    target = Path(path).resolve() if Path(path).is_symlink() else Path(path)
    data = text.encode("utf-8")
    try:
        if target.exists() and not target.is_file():  # a device: nothing to replace
            with target.open("wb") as handle:
                handle.write(data)
            return
        _replace(target, data)
    except OSError as e:
        raise cannot_write(path, e) from e


def _replace(target: Path, data: bytes) -> None:
    """Write a temporary file beside ``target``, push it to disk and rename it over ``target``."""
    mode = target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask()
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current
