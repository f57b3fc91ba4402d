"""Which writing systems a text uses, and which a language is written in (for leak checks).

Small models slip characters of other scripts into their output (Qwen writes Chinese: "diverses部门").
A language's own script, plus Latin for names and acronyms, is expected; anything else is a leak.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter

# Scripts by the first word of Unicode character names (unicodedata has no script property).
_SCRIPT_WORDS = {
    "LATIN": "latin",
    "CYRILLIC": "cyrillic",
    "GREEK": "greek",
    "ARABIC": "arabic",
    "HEBREW": "hebrew",
    "CJK": "han",
    "HIRAGANA": "kana",
    "KATAKANA": "kana",
    "HANGUL": "hangul",
    "THAI": "thai",
    "DEVANAGARI": "devanagari",
    "KHMER": "khmer",
    "LAO": "lao",
    "MYANMAR": "myanmar",
    "SINHALA": "sinhala",
}
_NON_LATIN_LANGUAGES = {
    "ru": "cyrillic",
    "uk": "cyrillic",
    "be": "cyrillic",
    "bg": "cyrillic",
    "sr": "cyrillic",
    "mk": "cyrillic",
    "kk": "cyrillic",
    "mn": "cyrillic",
    "el": "greek",
    "ar": "arabic",
    "fa": "arabic",
    "he": "hebrew",
    "zh": "han",
    "ja": "kana",
    "ko": "hangul",
    "th": "thai",
    "hi": "devanagari",
    "km": "khmer",
    "lo": "lao",
    "my": "myanmar",
    "si": "sinhala",
}


# The scripts the embedded model is kept from writing (providers.scriptban) unless an answer copies them.
BANNED_SCRIPTS = frozenset({"han", "kana", "hangul"})


@functools.lru_cache(maxsize=8192)
def script_of(char: str) -> str | None:
    """The script of a letter, or None for digits, punctuation, symbols and unknown letters (kept by
    character: an article's texts are read letter by letter, several times)."""
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    return _SCRIPT_WORDS.get(name.split(" ", 1)[0]) if name else None


def language_written_in(script: str) -> str | None:
    """The one language (ISO 639-1) known to be written in ``script``, or None when several or none are."""
    languages = [code for code, own in _NON_LATIN_LANGUAGES.items() if own == script]
    return languages[0] if len(languages) == 1 else None


def scripts_in(text: str) -> set[str]:
    """Every script the letters of ``text`` are written in."""
    return {script for char in set(text) if (script := script_of(char)) is not None}


def expected_scripts(language: str) -> set[str]:
    """The scripts a text in ``language`` may use: its own, and Latin for names and acronyms."""
    own = _NON_LATIN_LANGUAGES.get(language.lower(), "latin")
    scripts = {own, "latin"}
    if own == "kana":
        scripts.add("han")  # Japanese writes kanji too
    return scripts


def foreign_scripts(text: str, language: str) -> set[str]:
    """Scripts in ``text`` that ``language`` is not written in (empty when none leaked)."""
    return scripts_in(text) - expected_scripts(language)


def without_mixed_words(text: str) -> str:
    """``text`` without its words that mix letters of two scripts ("Restрукture": the model's garble,
    never a word of any language)."""
    kept = [word for word in text.split(" ") if len(scripts_in(word)) < 2]
    return " ".join(kept)


def main_script(text: str) -> str | None:
    """The script most of the letters of ``text`` are written in."""
    counts: dict[str, int] = {}
    # Each character once, in the order it first stands (a tie goes to the script met first, as before).
    for char, times in Counter(text).items():
        script = script_of(char)
        if script is not None:
            counts[script] = counts.get(script, 0) + times
    return max(counts, key=lambda script: counts[script]) if counts else None
