"""Aligning quotes with the article: character offsets in the original text and a match quality.

``exact``: the quote is in the text once whitespace, case, quote marks and dashes are normalised.
``fuzzy``: a close alignment exists (rapidfuzz partial ratio >= 90). ``none``: not found.
Offsets always point into the original, unnormalised text.
"""

from __future__ import annotations

import functools

from summarizer.schema import Evidence

FUZZY_THRESHOLD = 90.0
_FOLD = str.maketrans({"’": "'", "‘": "'", "«": '"', "»": '"', "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def ground(quote: str, text: str) -> Evidence:
    """Locate ``quote`` in ``text``."""
    needle, _ = _normalise(quote)
    if not needle:
        return Evidence(quote=quote, match="none")
    haystack, positions = _normalised_text(text)
    start = haystack.find(needle)
    if start >= 0:
        return Evidence(quote=quote, match="exact", start=positions[start], end=positions[start + len(needle) - 1] + 1)
    from rapidfuzz import fuzz

    alignment = fuzz.partial_ratio_alignment(needle, haystack, score_cutoff=FUZZY_THRESHOLD)
    if alignment is None or alignment.dest_end <= alignment.dest_start:
        return Evidence(quote=quote, match="none")
    return Evidence(
        quote=quote,
        match="fuzzy",
        start=positions[alignment.dest_start],
        end=positions[alignment.dest_end - 1] + 1,
    )


def as_written(phrase: str, text: str) -> str | None:
    """The text's own spelling of ``phrase`` ("Nguyễn Thanh Nam" -> "Nguyen Thanh Nam"), or None."""
    evidence = ground(phrase, text)
    if evidence.start is None or evidence.end is None:
        return None
    return text[evidence.start : evidence.end].strip(" ,;:.")


def looks_like_a_name(name: str) -> bool:
    """A person's name in a cased script has at least two capitalised words ("Les camarades" has not)."""
    words = name.split()
    if not any(char.isupper() or char.islower() for char in name):
        return bool(words)  # scripts without case (CJK...) cannot be checked this way
    return sum(1 for word in words if word[:1].isupper()) >= 2


def appears_in(phrase: str, text: str) -> bool:
    """Whether a short phrase (a place, a name, a date) stands in the text, exactly or nearly."""
    return ground(phrase, text).match != "none"


def _normalise(text: str) -> tuple[str, list[int]]:
    """Folded text with, for each of its characters, the index of the original character."""
    chars: list[str] = []
    positions: list[int] = []
    previous_space = True
    for index, char in enumerate(text.translate(_FOLD)):
        if char.isspace():
            if previous_space:
                continue
            char, previous_space = " ", True
        else:
            previous_space = False
        for folded in char.lower():
            chars.append(folded)
            positions.append(index)
    while chars and chars[-1] == " ":
        chars.pop()
        positions.pop()
    return "".join(chars), positions


@functools.lru_cache(maxsize=8)
def _normalised_text(text: str) -> tuple[str, list[int]]:
    return _normalise(text)
