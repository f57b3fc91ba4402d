"""Aligning quotes with the article: character offsets in the original text and a match quality.

``exact``: the quote is in the text once whitespace, case, quote marks and dashes are normalised.
``fuzzy``: a close alignment exists (rapidfuzz partial ratio >= 90). ``none``: not found.
Offsets always point into the original, unnormalised text.
"""

from __future__ import annotations

import bisect
import functools
import re

from summarizer.schema import Evidence

FUZZY_THRESHOLD = 90.0
_FOLD = str.maketrans({"’": "'", "‘": "'", "«": '"', "»": '"', "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_FOLDED_CHARS = re.compile("[" + re.escape("".join(map(chr, _FOLD))) + "]")  # faster than str.translate
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")  # a number as written: 21, 8,56, 3.340
# \s is str.isspace's set (and str.strip's). Runs of two or more collapse; single ones become " ".
_LONG_SPACES = re.compile(r"\s\s+")
_OTHER_SPACE = re.compile(r"[^\S ]")


def ground(quote: str, text: str) -> Evidence:
    """Locate ``quote`` in ``text``."""
    needle = _normalise(quote).text
    if not needle:
        return Evidence(quote=quote, match="none")
    haystack = _normalised_text(text)
    start = haystack.text.find(needle)
    if start >= 0:
        end = haystack.original(start + len(needle) - 1) + 1
        return Evidence(quote=quote, match="exact", start=haystack.original(start), end=end)
    from rapidfuzz import fuzz

    alignment = fuzz.partial_ratio_alignment(needle, haystack.text, score_cutoff=FUZZY_THRESHOLD)
    if alignment is None or alignment.dest_end <= alignment.dest_start:
        return Evidence(quote=quote, match="none")
    return Evidence(
        quote=quote,
        match="fuzzy",
        start=haystack.original(alignment.dest_start),
        end=haystack.original(alignment.dest_end - 1) + 1,
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


def numbers_appear(figure: str, text: str) -> bool:
    """Whether every number written in ``figure`` ("21 des 25", "8,56 %") is a number of ``text``."""
    found = set(NUMBER.findall(text))
    return all(number in found for number in NUMBER.findall(figure))


def spans_overlap(a: tuple[int | None, int | None], b: tuple[int | None, int | None]) -> bool:
    """Whether two (start, end) spans of one text share a character (False when either is unknown)."""
    (a_start, a_end), (b_start, b_end) = a, b
    if a_start is None or a_end is None or b_start is None or b_end is None:
        return False
    return max(a_start, b_start) < min(a_end, b_end)


def appears_in(phrase: str, text: str) -> bool:
    """Whether a short phrase (a place, a name, a date) stands in the text, exactly or nearly."""
    return ground(phrase, text).match != "none"


class _Folded:
    """Folded text, and the way back from its offsets to the original text's."""

    def __init__(self, text: str, breaks: list[int], shifts: list[int]) -> None:
        self.text = text
        self._breaks = breaks  # folded offsets where the shift changes...
        self._shifts = shifts  # ...and the shift (original minus folded offset) from there on

    def original(self, index: int) -> int:
        """The original offset of the folded text's character at ``index``."""
        return index + self._shifts[bisect.bisect_right(self._breaks, index) - 1]


def _normalise(text: str) -> _Folded:
    """Whitespace runs become one space (leading and trailing ones go); case and quote marks are folded.

    Done with regular expressions over whole runs: a character-by-character loop cost milliseconds
    per article, and grounding runs on every article.
    """
    folded = _FOLDED_CHARS.sub(_fold_char, text)
    lowered = folded.lower()
    # A character that lowers to several ("İ"), or Greek capital sigma, whose lower case depends on
    # its neighbours in a whole string (a quote cut mid-word must fold alike): map one by one.
    if len(lowered) != len(folded) or "Σ" in folded:
        chars, positions = _normalise_by_character(folded)
        return _Folded(chars, list(range(len(positions))), [p - i for i, p in enumerate(positions)])
    core = lowered.strip()
    lead = len(lowered) - len(lowered.lstrip())
    parts: list[str] = []
    breaks, shifts = [0], [lead]
    end = length = 0
    shift = lead
    for run in _LONG_SPACES.finditer(core):
        parts += (core[end : run.start()], " ")
        length += run.start() - end + 1
        shift += len(run[0]) - 1
        breaks.append(length)
        shifts.append(shift)
        end = run.end()
    parts.append(core[end:])
    return _Folded(_OTHER_SPACE.sub(" ", "".join(parts)), breaks, shifts)


def _fold_char(match: re.Match[str]) -> str:
    return _FOLD[ord(match[0])]


def _normalise_by_character(folded: str) -> tuple[str, list[int]]:
    chars: list[str] = []
    positions: list[int] = []
    previous_space = True
    for index, char in enumerate(folded):
        if char.isspace():
            if previous_space:
                continue
            char, previous_space = " ", True
        else:
            previous_space = False
        for lowered in char.lower():
            chars.append(lowered)
            positions.append(index)
    while chars and chars[-1] == " ":
        chars.pop()
        positions.pop()
    return "".join(chars), positions


@functools.lru_cache(maxsize=8)
def _normalised_text(text: str) -> _Folded:
    return _normalise(text)
