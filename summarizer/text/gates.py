"""A quick, sure test that a pattern cannot match a text: none of the words every match must hold is in it.

Python's ``re`` finds no fixed start in a case-insensitive pattern that opens with a look-behind (every
lexicon word: ``(?<!\\w)(?:séance plénière)(?!\\w)``) or in a long alternation of such words, so it tries
the whole pattern at each position of the text: a few hundred microseconds a pattern on an article,
paid for each of the dozens of words an article mostly does not use. Each pattern's parse tree gives
the literal words one of which any match must contain ("séance plénière" or "réunion plénière");
a plain, case-sensitive scan for them over the text with its letters folded as ``re`` folds them
answers "no match" at a fraction of the cost, and the pattern itself runs only where it may match.
The test never says "no" where the pattern would match: it only skips work, never changes a result.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from re._casefix import _EXTRA_CASES
from typing import Any

# Letters ``re`` takes as one letter without case (``_EXTRA_CASES``: "ſ" and "s", "ı" and "i", "ς" and "σ"),
# each written as the least of them; "İ" first, whose lowercase is two characters but whose ``re`` fold is "i".
_SAME: dict[int, int] = {code: min((code, *others)) for code, others in _EXTRA_CASES.items()}
_FOLD = str.maketrans({chr(code): chr(least) for code, least in _SAME.items() if code != least})
_RARE = re.compile("[" + re.escape("".join(chr(code) for code, least in _SAME.items() if code != least)) + "]")
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


@functools.lru_cache(maxsize=256)
def folded(text: str) -> str:
    """``text`` with each letter written as the one every letter ``re`` matches it with, ignoring case, is
    written here (its lowercase, the least of "ſ s"): two letters ``re`` takes as equal fold alike."""
    lowered = text.replace("İ", "i").lower()  # re folds "İ" to "i"; str.lower() makes it "i̇"
    return lowered.translate(_FOLD) if _RARE.search(lowered) else lowered


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when ``pattern`` has no match anywhere in ``text`` (none of its needed words is there)."""
    needed = _needed(pattern)
    return needed is None or needed.search(folded(text)) is not None


def search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``pattern.search(text)``, not tried where it cannot match."""
    return pattern.search(text) if may_match(pattern, text) else None


def match(pattern: re.Pattern[str], text: str, pos: int = 0) -> re.Match[str] | None:
    """``pattern.match(text, pos)``, not tried where it cannot match."""
    return pattern.match(text, pos) if may_match(pattern, text) else None


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, not tried where it cannot match."""
    return pattern.finditer(text) if may_match(pattern, text) else iter(())


@functools.cache
def _needed(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A plain pattern of the folded words one of which every match of ``pattern`` holds, or None."""
    words = _needs(_parser.parse(pattern.pattern, pattern.flags))
    if not words or "" in words:  # a match may hold no word: no test
        return None
    return re.compile(_as_trie(words))


def _as_trie(words: frozenset[str]) -> str:
    """``words`` as one alternation that branches letter by letter ("pr(?:ov|ésid)"): ``re`` tries every
    branch of a flat alternation at each position, of a trie only those its letters lead to. A word that
    another begins with stands for both (a text holding the longer holds it)."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict[str, Any]) -> str:
    if "" in node:
        return ""
    choices = [re.escape(letter) + _branches(child) for letter, child in sorted(node.items())]
    return choices[0] if len(choices) == 1 else "(?:" + "|".join(choices) + ")"


def _needs(sequence: Any) -> frozenset[str] | None:
    """Folded words one of which every match of the parsed ``sequence`` contains (the surest of the sets
    its parts give: its longest literal run, or a group's, or a branch's words joined), or None."""
    choices: list[frozenset[str]] = []
    run: list[str] = []
    for op, value in sequence:
        if op is sre.LITERAL:
            run.append(chr(value))
            continue
        if run:
            choices.append(frozenset([folded("".join(run))]))
            run = []
        found = _needs_of_part(op, value)
        if found:
            choices.append(found)
    if run:
        choices.append(frozenset([folded("".join(run))]))
    return max(choices, key=lambda words: (min(map(len, words)), -len(words)), default=None)


def _needs_of_part(op: Any, value: Any) -> frozenset[str] | None:
    """What one part needs: a group's or a required repeat's contents, or one of a branch's needs."""
    if op is sre.SUBPATTERN:
        return _needs(value[3])
    if op is sre.ATOMIC_GROUP:
        return _needs(value)
    if op in _REPEATS and value[0] >= 1:
        return _needs(value[2])
    if op is sre.BRANCH:
        branches = [_needs(branch) for branch in value[1]]
        if any(not words for words in branches):
            return None
        return frozenset().union(*branches)  # type: ignore[arg-type]
    return None
