"""Reading articles: paths, stdin, text or bytes; encodings; refusing what is not an article.

``read_article`` returns an ``Article`` or raises ``InputError`` saying what is wrong and why.
UTF-8 (with or without BOM) and UTF-16 with BOM are read as such; anything else is decoded by
``inputs.encodings``, which guesses and says so in the article's ``notes``. Only regular files are
read: a FIFO, a device or a socket is refused before anything waits on it.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from summarizer.errors import InputError
from summarizer.inputs.article import MAX_BYTES, Article, decode_bytes, too_large
from summarizer.inputs.web import fetch_article, is_url

ARTICLE_SUFFIXES = (".txt", ".md", ".text", ".html", ".htm")  # what batch folders are searched for, too
_HTML_SUFFIXES = (".html", ".htm")
_PIECE = 1024 * 1024
_KINDS = {stat.S_ISFIFO: "a FIFO", stat.S_ISCHR: "a character device", stat.S_ISBLK: "a block device"}


def read_article(source: str | Path | bytes) -> Article:
    """Read a path (``-`` for stdin), fetch an http(s) URL, take bytes as the article's bytes, or a string as its text.

    A string is taken as a path when it is one line that names an existing file, looks like a file
    name, or is a single word: a mistyped path is reported as missing, never summarised as text.
    """
    if isinstance(source, Path):
        return _read_path(source)
    if isinstance(source, str) and is_url(source):
        return fetch_article(source)
    if isinstance(source, bytes | bytearray):
        return decode_bytes(bytes(source), "<bytes>")
    if not isinstance(source, str):
        raise InputError(f"an article is a path, '-', its text or its bytes, not {type(source).__name__}")
    if source == "-":
        return decode_bytes(read_stdin(), "<stdin>")
    if not source.strip():
        raise InputError("the article's text is empty" + (" (only whitespace)" if source else ""))
    if looks_like_path(source):
        return _read_path(Path(source))
    return decode_bytes(source.encode("utf-8"), "<text>")


def read_input(name: str) -> Article:
    """An article named by an http(s) URL or a file path (never its text), as a batch or the command line names it."""
    return fetch_article(name) if is_url(name) else _read_path(Path(name))


def read_stdin(stream: BinaryIO | None = None, limit: int = MAX_BYTES) -> bytes:
    """Standard input's bytes, read until its end or until past ``limit``: an ``InputError`` then, however much
    more is waiting (``summarize - < /dev/zero`` stops at once instead of filling the memory)."""
    handle = stream if stream is not None else sys.stdin.buffer
    pieces: list[bytes] = []
    size = 0
    while size <= limit and (piece := handle.read(min(_PIECE, limit + 1 - size))):
        pieces.append(piece)
        size += len(piece)
    if size > limit:
        raise too_large("<stdin>", f"more than {limit:,}")
    return b"".join(pieces)


def looks_like_path(text: str) -> bool:
    """One line that names an existing file, looks like a file name, or is one word (else the text itself)."""
    if "\n" in text or len(text) > 1024 or not text.strip():
        return False
    return _exists(text) or text.lower().endswith(ARTICLE_SUFFIXES) or len(text.split()) == 1


def _exists(name: str) -> bool:
    """Whether a file of that name exists; a name the system refuses (too long once encoded, a NUL) names none."""
    try:
        return Path(name).exists()
    except (OSError, ValueError):
        return False


def _read_path(path: Path) -> Article:
    """Read a regular file; the article's source is the path exactly as given."""
    try:
        # Non-blocking: opening a FIFO must not wait for a writer. Regular files read as usual.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as e:
        raise InputError(f"{path}: {_open_failure(path, e)}") from e
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise InputError(f"{path}: is a directory, not an article (use 'summarize batch' for folders)")
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS.items() if test(mode)), "a socket or other special file")
            raise InputError(f"{path}: is not a regular file ({kind}); pipe it in with - instead")
        with os.fdopen(os.dup(descriptor), "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror})") from e
    finally:
        os.close(descriptor)
    if len(data) > MAX_BYTES:
        raise too_large(str(path), max(len(data), path.stat().st_size))
    return decode_bytes(data, str(path), html=True if path.suffix.lower() in _HTML_SUFFIXES else None)


def _open_failure(path: Path, error: OSError) -> str:
    """Why a path cannot be opened, in words."""
    if error.errno == errno.ENOENT:
        return f"is a symbolic link to a missing file ({os.readlink(path)})" if path.is_symlink() else "no such file"
    if error.errno == errno.ELOOP:
        return "is a symbolic link loop"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "cannot be read (permission denied)"
    if error.errno == errno.ENOTDIR:
        return "no such file (a folder on its path is a file)"
    if error.errno == errno.ENXIO:
        return "is not a regular file (a socket or other special file)"
    return f"cannot be read ({error.strerror})"
