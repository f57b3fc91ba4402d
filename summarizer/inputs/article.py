"""An article's text and where it came from, and turning bytes into one (refusing empty, binary, oversized input).

Files, standard input (``inputs.files``) and web pages (``inputs.web``) all end here, so neither of
those two modules needs the other for it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal

from summarizer.errors import InputError
from summarizer.inputs.encodings import decode_declared, decode_text
from summarizer.inputs.html import html_to_text, looks_like_html

MAX_BYTES = 5 * 1024 * 1024  # one article, from a file, standard input or the web


@dataclass(frozen=True)
class Article:
    """One article's text and where it came from."""

    text: str
    source: str
    encoding: str
    format: Literal["text", "html"] = "text"  # "html" when the text was extracted from an HTML document
    notes: tuple[str, ...] = ()  # what reading had to guess (an encoding, damaged bytes): the brief warns

    @property
    def sha256(self) -> str:
        """Hash of the text, the article's identity in results files."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def too_large(source: str, size: int | str) -> InputError:
    """The error for an input over ``MAX_BYTES`` (``size``: its bytes, or words such as "more than 5,242,880")."""
    said = f"{size:,}" if isinstance(size, int) else size
    return InputError(f"{source}: {said} bytes is too large for one article (limit {MAX_BYTES:,})")


def decode_bytes(data: bytes, source: str, html: bool | None = None, charset: str | None = None) -> Article:
    """Decode an article's bytes, refusing empty, binary and oversized input.

    ``charset`` is an encoding the bytes were declared in (a web server's); without it the encoding
    is detected. HTML (``html=True``, or by default a text that starts like an HTML document) is
    reduced to its main text first.
    """
    if len(data) > MAX_BYTES:
        raise too_large(source, len(data))
    text, encoding, notes = decode_declared(data, source, charset) if charset else decode_text(data, source)
    if not text.strip():
        raise InputError(f"{source}: is empty" if not data else f"{source}: contains only whitespace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if html or (html is None and looks_like_html(text)):
        extracted = html_to_text(text, source)
        return Article(text=extracted, source=source, encoding=encoding, format="html", notes=notes)
    return Article(text=text, source=source, encoding=encoding, notes=notes)
