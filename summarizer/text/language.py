"""Detecting the article's language without spending model tokens (lingua ships its own data)."""

from __future__ import annotations

import functools
from typing import Any

from summarizer.schema import language_name

__all__ = ["detect_language", "language_name"]


@functools.cache
def _detector() -> Any:
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's main language, or None when unsure."""
    language = _detector().detect_language_of(text[:1000])  # the opening is enough: cost grows with length (4 ms here)
    return None if language is None else str(language.iso_code_639_1.name).lower()
