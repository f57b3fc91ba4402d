"""Detecting languages without spending model tokens (lingua ships its own data).

``detect_language`` names the article's language (all languages, fast mode, on the opening).
``language_of`` checks a short field ("is this role English?") more carefully, among the languages
these reports come in and those a small model drifts into.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Any

from summarizer.schema import language_name

__all__ = ["CHECK_MIN_WORDS", "detect_language", "is_in_language", "language_name", "language_of"]

CHECK_MIN_WORDS = 4  # below this, a language check says nothing reliable (names, acronyms, "Hanoi")
_CHECKED = ("EN", "FR", "VI", "RU", "UK", "DE", "ES", "PT", "IT", "ZH", "PL", "NL", "ID", "TR", "RO", "LA")


@functools.cache
def _detector() -> Any:
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


@functools.cache
def _checker() -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code) for code in _CHECKED]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


# Scripts written by one language that lingua has no model for (Khmer and Lao editions of Vietnamese
# outlets among them): the script names the language.
_SCRIPTS_OF_ONE_LANGUAGE = {
    "km": ((0x1780, 0x17FF), (0x19E0, 0x19FF)),
    "lo": ((0x0E80, 0x0EFF),),
    "my": ((0x1000, 0x109F),),
    "si": ((0x0D80, 0x0DFF),),
}


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's main language, or None when unsure."""
    by_script = _language_of_script(text[:1000])
    if by_script is not None:
        return by_script
    language = _detector().detect_language_of(text[:1000])  # the opening is enough: cost grows with length (4 ms here)
    return None if language is None else str(language.iso_code_639_1.name).lower()


def _language_of_script(opening: str) -> str | None:
    """The language whose own script writes most of the opening's letters, for scripts lingua cannot read."""
    # Vowel signs count as letters: in Khmer and Lao they are a good share of the text.
    letters = [ord(char) for char in opening if unicodedata.category(char)[0] in "LM"]
    for code, ranges in _SCRIPTS_OF_ONE_LANGUAGE.items():
        mine = sum(1 for point in letters if any(low <= point <= high for low, high in ranges))
        if letters and mine * 2 > len(letters):
            return code
    return None


def language_of(text: str) -> str | None:
    """ISO 639-1 code of a short text's language (high-accuracy models, a few languages), or None."""
    language = _checker().detect_language_of(text)
    return None if language is None else str(language.iso_code_639_1.name).lower()


def is_in_language(text: str, language: str) -> bool | None:
    """Whether ``text`` is written in ``language``; None when it is too short to tell."""
    if len(text.split()) < CHECK_MIN_WORDS:
        return None
    return language_of(text) == language.lower()
