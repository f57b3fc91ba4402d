"""Finding target figures with rules, so the model only has to judge short clauses.

A small model reading a whole article finds few figures; rules find them all. A candidate is a
clause (a sentence cut at commas and semicolons) holding a fraction ("4/34"), a count of a total
("21 des 25") or percentages ("8,56 %"); the model then says what it measures and its status
(``rule_status`` reads it where rules can: ``text.statuses``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from summarizer.schema import Status
from summarizer.text import gates
from summarizer.text.figure_patterns import (
    ACTUAL_VS_PLAN,
    BACK_REFERENCE,
    COUNT_OF_TARGETS,
    COUNT_OF_TOTAL,
    COUNTED_AT_END,
    DATE_WORDS,
    FRACTION,
    LINKS,
    PERCENT,
    PLAN_FRACTION,
    PLAN_SHARE,
    PLANNED,
    QUANTITY,
    QUANTITY_AT_END,
    RESULT_IN_RANGE,
    STATUS_AGAINST_PLAN,
    TARGET_FIGURE,
    TARGET_WORDS,
    TOTAL_THEN_COUNT,
    WORD,
    as_number,
    done_after_planned,
    is_plan_share,
    percents_of,
)
from summarizer.text.sentences import split_clauses, split_sentences
from summarizer.text.statuses import (
    annual_pace,
    beside_target,
    paced_status,
    period_pace,
    plan_status,
    status_from_share,
    status_from_words,
)

MAX_CANDIDATES = 12


@dataclass(frozen=True)
class FigureCandidate:
    """A figure as written, the clause it stands in and its whole sentence."""

    figure: str
    clause: str
    sentence: str
    share: float | None = None  # the percentage reached, when the clause gives one for a fraction
    pace: float | None = None  # the share of the year gone by, when the report covers part of it
    after: str = ""  # the next clause of the sentence when it holds no number (", vượt kế hoạch")


def rule_status(candidate: FigureCandidate) -> Status | None:
    """The status rules can read: a share of a plan, a stated share, then status words; a bare
    percentage is unknown.

    A percentage with no status word (a growth rate, a share of GDP) reports a level, not a target
    reached or missed. None leaves the judgement to the model (fractions and counts of targets).
    """
    in_range = RESULT_IN_RANGE.fullmatch(candidate.figure)
    if in_range is not None:
        return _status_in_range(*(as_number(in_range[i]) for i in (1, 2, 3)))
    fraction = PLAN_FRACTION.search(candidate.clause)
    if fraction is not None and fraction[0].startswith(candidate.figure):
        share = 100 * int(fraction[1]) / int(fraction[2])
        return paced_status(share, candidate.pace or period_pace(candidate.sentence))
    beside = beside_target(candidate.figure, candidate.clause, candidate.after)  # "7.9%로 … 목표 7%를 넘어섰다"
    if beside is not None:
        return beside
    if PERCENT.search(candidate.figure):  # a share of a plan speaks for its own figure only
        pace = candidate.pace or period_pace(candidate.sentence)
        planned = plan_status(candidate.clause, pace, candidate.figure, candidate.after)
        if planned is not None:
            return planned
    if candidate.share is not None:
        return status_from_share(candidate.share)
    worded = status_from_words(candidate.clause)
    # "đạt 7,39%, vượt kế hoạch": exceeded, not met. Only that: a next clause may be about another
    # target ("12/15 chỉ tiêu, riêng chỉ tiêu tăng trưởng không đạt": the 12 are still met).
    if worded == "met" and candidate.after and status_from_words(candidate.after) == "exceeded":
        worded = "exceeded"
    if worded is None and BACK_REFERENCE.match(candidate.after) and TARGET_WORDS.search(candidate.after):
        worded = status_from_words(candidate.after)
    if worded is None and PERCENT.search(candidate.figure):
        return "unknown"
    return worded


def _status_in_range(result: float, low: float, high: float) -> Status:
    """A result against the range planned for it: within it met, above exceeded, below missed."""
    if result > high:
        return "exceeded"
    return "met" if result >= low else "missed"


def find_candidates(text: str, limit: int = MAX_CANDIDATES, day: dt.date | None = None) -> list[FigureCandidate]:
    """Figure candidates in reading order, the same figure never twice (``_said_before``).

    A clause gives one figure (a fraction or count, else its percentages), and besides a fraction
    any share of a plan it states ("15 de los 18 ... y el 96 por ciento del plan"). ``day`` is the
    report's date: a share of an annual plan is measured against the time gone by then (``annual_pace``).
    """
    found: list[FigureCandidate] = []
    seen: dict[tuple[str, ...], list[str]] = {}  # numbers -> the clauses they stood in
    # A report on six or nine months says so in its title or lead (after page furniture).
    pace = period_pace(text[:1200])
    for sentence in split_sentences(text):
        clauses = split_clauses(sentence)
        # Every figure shape, and a quantity done against one planned, holds a digit: a clause without one gives none.
        for number, clause in [(n, c) for n, c in enumerate(clauses) if re.search(r"\d", c)]:
            following = (clauses[number + 1 :] or [""])[0]
            # The next clause goes with this one when it holds no number, or no figure but the target ("8%目标").
            alone = not re.search(r"\d", following) or (
                gates.search(TARGET_FIGURE, following) and not _figure_of(following)
            )
            after = following if alone else ""
            figures = (
                _figures_and_parts(clause)
                or _counted_after_status(clauses[:number], clause)
                or _quantity_against_plan(clause, after)
                or _done_against_planned(clause, sentence)
                or _quantity_beside_target(clause, after)
            )
            for figure, part in figures:
                numbers = tuple(re.findall(r"\d+(?:[.,]\d+)?", figure))
                if _said_before(figure, part, seen.get(numbers, [])):
                    continue
                seen.setdefault(numbers, []).append(part)
                share = _share_of(part, figure)
                paced = pace if pace is not None else annual_pace(sentence, day)
                found.append(FigureCandidate(figure, part, sentence, share, paced, after))
                if len(found) >= limit:
                    return found
    return found


def _said_before(figure: str, clause: str, earlier: list[str]) -> bool:
    """Whether the figure repeats one already found: a fraction or count with the same numbers (the lead
    repeats the body's "14/15 chỉ tiêu"), or a percentage in a clause sharing half its words with an
    earlier one ("100%" of budget revenue and "100%" of basic health care are two figures)."""
    if not earlier:
        return False
    if not PERCENT.search(figure):
        return True
    words = set(WORD.findall(clause.casefold()))
    for other in earlier:
        other_words = set(WORD.findall(other.casefold()))
        if len(words & other_words) * 2 >= min(len(words), len(other_words)):
            return True
    return False


def _figures_and_parts(clause: str) -> list[tuple[str, str]]:
    """Each figure of the clause with the part of it that speaks of that figure: the whole clause, but
    for several counts of targets each with its own status ("11 targets exceeding and 6 targets
    reaching the plan"), each count's own words."""
    counts = list(gates.finditer(COUNT_OF_TARGETS, clause))
    if len(counts) < 2 or _figure_of(clause) is not None or _planned_percents(clause):
        return [(figure, clause) for figure in _figures_of(clause)]
    ends = [m.start() for m in counts[1:]] + [len(clause)]
    parts = [(m[0], LINKS.sub("", clause[m.start() : end]).strip()) for m, end in zip(counts, ends, strict=True)]
    return [(figure, part) for figure, part in parts if status_from_words(part)]


def _counted_after_status(before: list[str], clause: str) -> list[tuple[str, str]]:
    """A count of targets whose status the clauses just before it state ("peut atteindre, voire dépasser,
    les 12 objectifs"), with those clauses as its part; none when they hold a number of their own."""
    lead: list[str] = []
    for earlier in reversed(before[-2:]):
        if re.search(r"\d", earlier):
            break
        lead.insert(0, earlier)
    counted = COUNT_OF_TARGETS.search(clause)
    if not lead or counted is None or not status_from_words(", ".join(lead)):
        return []
    return [(counted[0], ", ".join([*lead, clause]))]


def _quantity_against_plan(clause: str, after: str) -> list[tuple[str, str]]:
    """A quantity followed by a status said against its plan, in its clause ("143 đảng viên vượt chỉ tiêu")
    or opening the next one ("gần 6.200 ha, đạt kế hoạch đề ra"), with the words that say so."""
    said = gates.search(STATUS_AGAINST_PLAN, clause)
    part, before = clause, clause[: said.start()] if said else ""
    if said is None and gates.match(STATUS_AGAINST_PLAN, after):
        part, before = f"{clause}, {after}", clause.rstrip(" .;")
    quantity = (QUANTITY_AT_END.search(before) or COUNTED_AT_END.search(before)) if before else None
    if quantity is None or not WORD.search(part[quantity.end() :]):
        return []
    return [((quantity[1] + quantity[2]).strip(), part)]


def _done_against_planned(clause: str, sentence: str) -> list[tuple[str, str]]:
    """The result of a sentence that gives the quantity planned and then the one done in the same unit
    ("планували зібрати 1,4 млн. тонн зерна, а зібрали 1,681 млн. тонн"): the clause holding the result."""
    done = done_after_planned(sentence)
    return [(done, sentence)] if done is not None and done in clause else []


def _quantity_beside_target(clause: str, after: str) -> list[tuple[str, str]]:
    """A counted quantity measured against a target of the same counter after it ("4,200개 … 목표인 5,000개")."""
    for quantity in QUANTITY.finditer(clause) if gates.search(TARGET_FIGURE, f"{clause} {after}") else ():
        if quantity[2].strip() and not PERCENT.match(quantity[0]) and beside_target(quantity[0], clause, after):
            return [(quantity[0], f"{clause}, {after}" if after else clause)]
    return []


def _planned_and_done(part: str, figure: str) -> float | None:
    """The share of the planned quantity that was done, when ``part`` gives both (``_done_against_planned``)."""
    planned = PLANNED.search(part)
    if planned is None or not figure.endswith(planned[2]):
        return None
    done = re.match(r"\d[\d.,]*", figure)
    planned_number, done_number = as_number(planned[1].rstrip(".,")), as_number(done[0].rstrip(".,")) if done else 0
    return 100 * done_number / planned_number if planned_number else None


def _figures_of(clause: str) -> list[str]:
    """The clause's figures: a fraction or count and beside it any share of a plan it states; else each
    result measured against a plan or share of a plan; else its percentage(s); else a count of targets
    whose status the clause states."""
    figure = _figure_of(clause)
    planned = _planned_percents(clause)
    if figure is None:
        counted = gates.search(COUNT_OF_TARGETS, clause)
        return planned or ([counted[0]] if counted and status_from_words(clause) else [])
    if PERCENT.search(figure):
        return planned or _apart(clause, figure)
    return [figure, *(share for share in planned if share not in figure)]


def _apart(clause: str, figure: str) -> list[str]:
    """The percentages of a clause: together when close ("72,5 % en 2020 à 79 %"), else each on its own
    ("redução de 7,2% do número de famílias … e o aumento de 29% da arrecadação")."""
    percents = [m[0] for m in percents_of(clause)]
    return percents if len(percents) > 1 and figure == percents[0] else [figure]


def _planned_percents(clause: str) -> list[str]:
    """Percentages that are a result beside its plan ("6,47% (kế hoạch 9,05%)": the first) or a share of a plan."""
    against = {m.start(2) for m in ACTUAL_VS_PLAN.finditer(clause)}  # the plan's own figure is no result
    return [
        m[0]
        for m in percents_of(clause)
        if m.start() not in against and (ACTUAL_VS_PLAN.match(clause, m.start()) or is_plan_share(clause, m.start()))
    ]


def _figure_of(clause: str) -> str | None:
    """The clause's figure: a result beside its planned range, a fraction or count of a total first, else
    its percentage(s)."""
    in_range = RESULT_IN_RANGE.search(clause)
    if in_range is not None:
        return in_range[0]
    for pattern in (FRACTION, COUNT_OF_TOTAL, TOTAL_THEN_COUNT):
        for match in pattern.finditer(clause):
            count, total = (
                (int(match["count"]), int(match["total"])) if match.re.groupindex else (int(match[1]), int(match[2]))
            )
            if 0 < count <= total and not 1900 <= total <= 2100 and not _is_date_or_year(clause, match):
                return match[0]
    percents = percents_of(clause)
    if not percents:
        return None
    span = clause[percents[0].start() : percents[-1].end()]
    return span if len(span) <= 40 else percents[0][0]


def _is_date_or_year(clause: str, match: re.Match[str]) -> bool:
    """A day/month after a date word ("Sáng 3/7") or a month/year ("7/2024"): not a fraction of targets."""
    first, second = int(match[1]), int(match[2])
    if 1900 <= second <= 2100:
        return True
    return first <= 31 and second <= 12 and bool(DATE_WORDS.search(clause[: match.start()]))


def _share_of(clause: str, figure: str) -> float | None:
    """The percentage a clause gives for its fraction ("3/34 ... 100%"), or None."""
    if PERCENT.search(figure):
        return None
    planned = _planned_and_done(clause, figure)
    if planned is not None:
        return planned
    percents = [m[0] for m in PERCENT.finditer(clause) if not PLAN_SHARE.match(clause, m.start())]
    return as_number(re.match(r"\d+(?:[.,]\d+)?", percents[0])[0]) if len(percents) == 1 else None  # type: ignore[index]
