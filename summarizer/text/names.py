"""Comparing names and reading the model's "nothing" (null-like words small models write as values)."""

from __future__ import annotations

import unicodedata

_NULL_WORDS = {"", "null", "none", "n/a", "unknown", "not stated", "not mentioned"}


def name_words(name: str) -> list[str]:
    """The words of a name without case and diacritics ("Nguyễn" and "Nguyen" are one word)."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).split()


def name_key(name: str) -> str:
    """A name folded for comparison: case, diacritics and spacing do not count."""
    return " ".join(name_words(name))


def value_or_none(text: str | None) -> str | None:
    """The model's string, or None for empty and null-like words (small models write "null")."""
    if text is None or text.strip().lower() in _NULL_WORDS:
        return None
    return text.strip()
