"""Detecting the article's language without spending model tokens (lingua ships its own data)."""

from __future__ import annotations

import functools
from typing import Any


@functools.cache
def _detector() -> Any:
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's main language, or None when unsure."""
    language = _detector().detect_language_of(text[:1000])  # the opening is enough: cost grows with length (4 ms here)
    return None if language is None else str(language.iso_code_639_1.name).lower()


def language_name(code: str) -> str:
    """English name of an ISO 639-1 code ("uk" -> "Ukrainian"); the code itself when unknown."""
    from lingua import IsoCode639_1, Language

    try:
        language = Language.from_iso_code_639_1(IsoCode639_1.from_str(code.lower()))
    except ValueError:
        return code
    return str(language.name).capitalize()
