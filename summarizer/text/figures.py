"""Finding target figures with rules, so the model only has to judge short clauses.

A small model reading a whole article finds few figures; rules find them all. A candidate is a
clause (a sentence cut at commas and semicolons) holding a fraction ("4/34"), a count of a total
("21 des 25") or percentages ("8,56 %"); the model then says what it measures and its status.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.schema import Status
from summarizer.text.sentences import split_clauses, split_sentences

_FRACTION = re.compile(r"(?<![\d/.,-])(\d{1,4})\s?/\s?(\d{1,4})(?![\d/])")
_COUNT_OF_TOTAL = re.compile(
    r"(?<![\d.,])(\d{1,4})\s+(?:des|sur|of|out of|de los|di|von|trên|із|з|из)\s+(\d{1,4})(?![\d.,])",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"(?<![\d.,])\d{1,3}(?:[.,]\d{1,3})?\s?%")
MAX_CANDIDATES = 12


@dataclass(frozen=True)
class FigureCandidate:
    """A figure as written, the clause it stands in and its whole sentence."""

    figure: str
    clause: str
    sentence: str
    share: float | None = None  # the percentage reached, when the clause gives one for a fraction


def status_from_share(share: float) -> Status:
    """The status a stated share implies: 100 % met, more exceeded, less partially met."""
    if share > 100:
        return "exceeded"
    return "met" if share == 100 else "partially_met"


# Words that state a status, in the languages of the articles this tool reads most. Checked in this
# order: a future ("will be reached and exceeded") is on track, whatever verb follows.
_STATUS_WORDS: tuple[tuple[Status, re.Pattern[str]], ...] = (
    (
        "on_track",
        re.compile(
            r"\bseront\b|\bsera\b|\bwill be\b|\bexpected to\b|\bбуде\b|\bбудуть\b|"
            r"\bбудет\b|\bsẽ\b|dự kiến|\bse espera\b|\bwerden\b",
            re.IGNORECASE,
        ),
    ),
    ("at_risk", re.compile(r"difficile|difficult|важко|труднодосяжн|khó đạt|khó hoàn thành", re.IGNORECASE)),
    (
        "missed",
        re.compile(
            r"non atteint|pas atteint|not (?:been )?(?:met|achieved|reached)|не досягнуто|"
            r"не виконано|не выполнен|không đạt",
            re.IGNORECASE,
        ),
    ),
    ("exceeded", re.compile(r"dépass|surpass|exceed|перевикона|перевыполн|vượt|superad|übertr|übererf", re.IGNORECASE)),
    (
        "met",
        re.compile(
            r"\batteints?\b|\bachieved\b|\breached\b|досягнут|виконан|выполнен|\bđạt\b|alcanzad|erreicht", re.IGNORECASE
        ),
    ),
)


def status_from_words(clause: str) -> Status | None:
    """The status a clause states in words, or None when it states none this lexicon knows."""
    for status, pattern in _STATUS_WORDS:
        if pattern.search(clause):
            return status
    return None


def rule_status(candidate: FigureCandidate) -> Status | None:
    """The status rules can read: a stated share, then status words; a bare percentage is unknown.

    A percentage with no status word (a growth rate, a share of GDP) reports a level, not a target
    reached or missed. None leaves the judgement to the model (fractions and counts of targets).
    """
    if candidate.share is not None:
        return status_from_share(candidate.share)
    worded = status_from_words(candidate.clause)
    if worded is None and "%" in candidate.figure:
        return "unknown"
    return worded


def find_candidates(text: str, limit: int = MAX_CANDIDATES) -> list[FigureCandidate]:
    """Figure candidates in reading order, one per clause, the same numbers never twice."""
    found: list[FigureCandidate] = []
    seen: set[tuple[str, ...]] = set()
    for sentence in split_sentences(text):
        for clause in split_clauses(sentence):
            figure = _figure_of(clause)
            if figure is None:
                continue
            share = _share_of(clause, figure)
            numbers = tuple(re.findall(r"\d+(?:[.,]\d+)?", figure))
            if numbers in seen:
                continue
            seen.add(numbers)
            found.append(FigureCandidate(figure=figure, clause=clause, sentence=sentence, share=share))
            if len(found) >= limit:
                return found
    return found


def _figure_of(clause: str) -> str | None:
    """The clause's figure: a fraction or count of a total first, else its percentage(s)."""
    for pattern in (_FRACTION, _COUNT_OF_TOTAL):
        for match in pattern.finditer(clause):
            if 0 < int(match[1]) <= int(match[2]):
                return match[0]
    percents = list(_PERCENT.finditer(clause))
    if not percents:
        return None
    span = clause[percents[0].start() : percents[-1].end()]
    return span if len(span) <= 40 else percents[0][0]


def _share_of(clause: str, figure: str) -> float | None:
    """The percentage a clause gives for its fraction ("3/34 ... 100%"), or None."""
    if "%" in figure:
        return None
    percents = _PERCENT.findall(clause)
    if len(percents) != 1:
        return None
    return float(percents[0].rstrip("% ").replace(",", "."))
