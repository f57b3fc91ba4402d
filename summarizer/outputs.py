"""Writing outputs: checked before the work starts, written whole or not at all, failures as ``OutputError``.

Every file the tool writes (a brief with ``-o``, the batch's Markdown briefs and HTML pages, exported
tables) goes to a temporary file beside the destination, is pushed to disk and then renamed over it,
so a full disk leaves the old file as it was, never cut or emptied. A device (``/dev/null``,
``/dev/stdout``) is written in place. Messages name the cause in words: the disk is full, a
read-only filesystem, a missing folder.

One rule for folders: the tool never creates a missing parent. A file's folder must exist; a folder
named as an output (``--html-dir``, ``--markdown-dir``, the folder of exported CSV or Parquet files)
is created when missing, but the folder it goes in must exist.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
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


_UNSAFE = re.compile(r"[^\w.-]+")


def file_name(source: str, suffix: str) -> str:
    """A safe file name for one article's page or brief: its stem in letters, digits, ``.``, ``-`` and ``_``
    only, and a hash of the input's name, so two inputs never share one and a link to it is never a URL
    scheme (an input named ``javascript:alert(1);x.txt`` gives ``javascript_alert_1_x-<hash>.html``)."""
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:8]
    stem = _UNSAFE.sub("_", Path(source).stem).strip("._-")[:80] or "article"
    return f"{stem}-{digest}{suffix}"


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
        raise _no_folder(path)
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


def _no_folder(path: Path) -> OutputError:
    return OutputError(f"{path}: cannot be written (the folder {path.parent} does not exist; create it first)")


def prepare_folder(folder: str | Path) -> None:
    """Create ``folder`` when missing (never its parents) and check that files can be created in it."""
    folder = Path(folder)
    if not folder.parent.is_dir():
        raise _no_folder(folder)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as e:
        raise cannot_write(folder, e) from e
    if not folder.is_dir():
        raise OutputError(f"{folder}: cannot be written (it is a file, not a folder)")
    check_writable(folder / ".summarize-check")


def write_whole(path: str | Path, text: str | bytes) -> None:
    """Write ``text`` (or bytes) to ``path`` whole, or leave ``path`` as it was and raise ``OutputError``."""
    target = Path(path).resolve() if Path(path).is_symlink() else Path(path)
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        if target.exists() and not target.is_file():  # a device: nothing to replace
            with target.open("wb") as handle:
                handle.write(data)
            return
        _replace(target, data)
    except OSError as e:
        raise cannot_write(path, e) from e


def write_files(files: dict[Path, bytes]) -> None:
    """Write each file whole (``write_whole``), in order; the first that cannot be written raises ``OutputError``."""
    for path, data in files.items():
        write_whole(path, data)


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
