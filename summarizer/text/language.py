"""Detecting languages without spending model tokens (lingua ships its own data).

``detect_language`` names the article's language (all languages, fast mode, on the opening).
``language_of`` checks a short field ("is this role English?") more carefully, among the languages
these reports come in and those a small model drifts into.
"""

from __future__ import annotations

import functools
from typing import Any

from summarizer.schema import language_name
from summarizer.text.scripts import language_written_in, main_script

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


# Scripts lingua has no model for (Khmer and Lao editions of Vietnamese outlets among them): the
# script names the language.
_SCRIPTS_LINGUA_LACKS = ("khmer", "lao", "myanmar", "sinhala")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's main language, or None when unsure."""
    return _language_of_opening(text[:1000])


# The pipeline and the fidelity index each ask about the same article: the answer is kept by its opening.
@functools.lru_cache(maxsize=64)
def _language_of_opening(opening: str) -> str | None:
    script = main_script(opening)
    if script in _SCRIPTS_LINGUA_LACKS:
        return language_written_in(script)
    language = _detector().detect_language_of(opening)  # the opening is enough: cost grows with length (4 ms here)
    return None if language is None else str(language.iso_code_639_1.name).lower()


# A brief checks some texts twice (a lead line for its headline and its lead, a summary field before and after
# it is made faithful): lingua's high-accuracy answer (~1 ms) is kept by its text, for the last few.
@functools.lru_cache(maxsize=128)
def language_of(text: str) -> str | None:
    """ISO 639-1 code of a short text's language (high-accuracy models, a few languages), or None."""
    language = _checker().detect_language_of(text)
    return None if language is None else str(language.iso_code_639_1.name).lower()


def is_in_language(text: str, language: str) -> bool | None:
    """Whether ``text`` is written in ``language``; None when it is too short to tell. A language the short-text
    checker has no model for (Japanese, Korean, Khmer, Lao, Thai) is told by the article-wide detector: the
    checker would name its nearest language instead (Japanese as Chinese)."""
    if len(text.split()) < CHECK_MIN_WORDS:
        return None
    if language.upper() not in _CHECKED:
        return detect_language(text) == language.lower()
    return language_of(text) == language.lower()
