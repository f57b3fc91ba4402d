"""Bytes to text: UTF-8 and UTF-16 as such, damaged UTF-8 kept as UTF-8, legacy encodings guessed.

A file that is not valid UTF-8 is either UTF-8 with a few damaged bytes (most of its non-ASCII
characters decode as UTF-8: they are kept, each damaged sequence shown as U+FFFD), or text in a legacy
single-byte encoding. Then every candidate encoding is tried and the most plausible text wins:
letters of one script within each word, no capitals inside lowercase words, and accented Latin
letters a minority (Cyrillic read as cp1252 is all accents: "Çàñåäàíèå"). Either way the article
carries a note saying what was guessed, which the brief lists among its warnings.
"""

from __future__ import annotations

import codecs
import itertools
import re
import unicodedata

from summarizer.errors import InputError

# Tried in this order; on equal plausibility the first wins (Western European text is the most common).
LEGACY = {"cp1252": "Western European", "cp1251": "Cyrillic", "koi8_r": "Russian KOI8-R"}
_WORD = re.compile(r"[^\W\d_]+")


def decode_text(data: bytes, source: str) -> tuple[str, str, tuple[str, ...]]:
    """The text, the encoding's name and notes on what was guessed (empty for clean Unicode)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", source), "utf-8-sig", ()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", source), "utf-16", ()
    if b"\x00" in data:
        raise InputError(f"{source}: looks binary (contains NUL bytes), not a text article")
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        pass
    damaged = data.decode("utf-8", errors="replace")
    bad = damaged.count("\ufffd")
    if sum(1 for char in damaged if ord(char) > 127 and char != "\ufffd") > 4 * bad:
        return damaged, "utf-8", (f"not valid UTF-8: {bad} damaged byte sequence(s) shown as \ufffd",)
    return _legacy(data, source)


def decode_declared(data: bytes, source: str, charset: str) -> tuple[str, str, tuple[str, ...]]:
    """Bytes in the charset a server declared (``Content-Type: ...; charset=...``), as ``decode_text`` says.

    A byte-order mark still wins over the label, and Latin-1 is read as its superset cp1252, as browsers
    do. A charset that is unknown, or that does not decode the bytes, is set aside with a note, and
    the bytes are read as any file's.
    """
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(data, source)
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        return _undeclared(data, source, f"the server's charset {charset!r} is unknown")
    codec = "cp1252" if codec == "iso8859-1" else codec
    if b"\x00" in data and not codec.startswith(("utf-16", "utf-32")):
        return decode_text(data, source)  # refused as binary there
    try:
        return data.decode(codec), codec, ()
    except UnicodeDecodeError:
        return _undeclared(data, source, f"not valid {charset} as the server declared")


def _undeclared(data: bytes, source: str, why: str) -> tuple[str, str, tuple[str, ...]]:
    text, encoding, notes = decode_text(data, source)
    return text, encoding, (f"{why}: read as {encoding}", *notes)


def _legacy(data: bytes, source: str) -> tuple[str, str, tuple[str, ...]]:
    """The most plausible decoding among the legacy encodings (Latin-1 text reads as cp1252, its superset)."""
    candidates: list[tuple[float, int, str, str]] = []
    for encoding in LEGACY:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _mostly_printable(text):
            candidates.append((plausibility(text), -len(candidates), text, encoding))
    if not candidates:
        names = ", ".join(LEGACY)
        raise InputError(f"{source}: is not valid UTF-8 and does not decode as readable text in {names}")
    score, _, text, encoding = max(candidates)
    note = f"not UTF-8: read as {encoding} ({LEGACY[encoding]}), a guess from the text"
    if score < 0.8:
        note += f"; only {score:.0%} of its words look like words in that encoding, so check names and quotes"
    return text, encoding, (note,)


def plausibility(text: str) -> float:
    """The share of letters in plausible words: one script, no capital after a lowercase letter, few accents."""
    letters = good = latin = accented = 0
    for word in _WORD.findall(text):
        letters += len(word)
        scripts = {_script(char) for char in word}
        if len(scripts) > 1 or any(a.islower() and b.isupper() for a, b in itertools.pairwise(word)):
            continue
        good += len(word)
        if scripts == {"LATIN"}:
            latin += len(word)
            accented += sum(1 for char in word if ord(char) > 127)
    if latin and accented > 0.3 * latin:  # a Latin text is mostly plain letters: this is another script misread
        good -= latin
    return good / letters if letters else 1.0


def _script(char: str) -> str:
    """The first word of the character's Unicode name: LATIN, CYRILLIC, GREEK..."""
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError(f"{source}: starts with a {encoding} byte-order mark but is not valid {encoding}") from e


def _mostly_printable(text: str) -> bool:
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\n\r\t\f")
    return controls <= len(text) // 100
