"""The status a figure's words state: a share of a plan, a result beside its plan, or status words.

Shares are measured against the time gone by when a report covers part of the year ("6 tháng đầu
năm": 50 %), or when it measures against a plan for the whole year on a day of that year.
"""

from __future__ import annotations

import datetime as dt
import re

from summarizer.lexicon import alternation, bounded, by_value
from summarizer.schema import Status
from summarizer.text import gates
from summarizer.text.figure_patterns import (
    ACTUAL_VS_PLAN,
    ANNUAL_PLAN,
    PERCENT_WORDS,
    PERIOD_TO_DATE,
    PLAN_SHARE,
    PLAN_SHARE_AFTER_PLAN,
    QUANTITY,
    TARGET_FIGURE,
    as_number,
)
from summarizer.text.numbers import ascii_digits

# A share within 5 % of the time gone by keeps pace: reports give "48,8% of the annual plan" at
# mid-year as on schedule, not as a lag.
KEEPING_PACE = 0.95


def status_from_share(share: float) -> Status:
    """The status a stated share implies: 100 % met, more exceeded, less partially met."""
    if share > 100:
        return "exceeded"
    return "met" if share == 100 else "partially_met"


# Words that state a status, in the languages of the articles this tool reads most. Checked in this
# order: a future ("will be reached and exceeded") is on track, whatever verb follows; "đạt và vượt" (met and
# exceeded) counts targets each reached, some beyond: they are met.
_STATUS_ORDER: tuple[tuple[str, Status], ...] = (
    ("on track", "on_track"),
    ("at risk", "at_risk"),
    ("missed", "missed"),
    ("met and exceeded", "met"),
    ("exceeded", "exceeded"),
    ("met", "met"),
)
_STATUS_WORDS: tuple[tuple[Status, re.Pattern[str]], ...] = tuple(
    (status, re.compile(by_value("status_words")[said], re.IGNORECASE)) for said, status in _STATUS_ORDER
)


def status_from_words(clause: str) -> Status | None:
    """The status a clause states in words, or None when it states none this lexicon knows."""
    for status, pattern in _STATUS_WORDS:
        if pattern.search(clause):
            return status
    return None


# "계획된 일정대로" (on schedule), "ស្របតាមកាលវិភាគ": a share of a plan said to keep to its schedule, or to lag.
_SCHEDULES = by_value("schedule_words")
_SCHEDULE_WORDS = tuple(
    (status, re.compile(_SCHEDULES[said], re.IGNORECASE)) for said, status in _STATUS_ORDER if said in _SCHEDULES
)


def beside_target(figure: str, clause: str, after: str = "") -> Status | None:
    """The status of a result measured against the target written after it, in its clause or the next
    ("7.9%로 … 목표 7%를 넘어섰다", "24.6%,未能完成上半年40%的目标"): what the words from the result on say,
    else the result against the target (above exceeded, equal met, below missed); None without a target
    in the same unit."""
    at = clause.find(figure)
    unit = QUANTITY.match(figure)
    if at < 0 or unit is None:
        return None
    rest = clause[at + len(figure) :] + (f", {after}" if after else "")
    for target in TARGET_FIGURE.finditer(rest):
        number, target_unit = target.group("lead", "lead_unit") if target["lead"] else target.group("tail", "tail_unit")
        if _unit_of(target_unit) != _unit_of(unit[2]):
            continue
        said = status_from_words(rest)
        if said is not None:
            return said
        result, goal = _value(unit[1]), _value(number)
        return "exceeded" if result > goal else "met" if result == goal else "missed"
    return None


def _unit_of(written: str) -> str:
    """A unit as compared: every way of writing per cent is one."""
    unit = written.strip().casefold()
    return "%" if re.fullmatch(PERCENT_WORDS, unit, re.IGNORECASE) else unit


def _value(written: str) -> float:
    """A number as written, its thousands grouped ("4,200", "18.600") or with a decimal comma or point."""
    digits = ascii_digits(written)
    if re.fullmatch(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*", digits):
        return float(re.sub(r"\D", "", digits))
    return as_number(digits)


def plan_status(clause: str, pace: float | None = None, figure: str | None = None, around: str = "") -> Status | None:
    """The status a share of a plan implies ("đạt 105% kế hoạch" exceeded, "95% of plan" partly met), or a
    result beside its plan ("tăng 6,47% (kế hoạch 9,05%)": below it, missed).

    Part-way through the year (``pace``: 50 for six months), a share below 100 is on track when it
    keeps pace with the time gone by (``KEEPING_PACE``), and at risk when it lags; a result below its planned rate is at
    risk. A share below 100 said to keep to its schedule or to lag, in the clause or the words ``around`` it
    ("계획된 일정대로"), is what those words say.
    """
    compared = next((m for m in ACTUAL_VS_PLAN.finditer(clause) if figure is None or m[0].startswith(figure)), None)
    if compared is not None:  # a rate against its planned rate: behind it is behind, whatever the time gone by
        actual, planned = as_number(compared[1]), as_number(compared[2])
        if actual < planned:
            return "at_risk" if pace is not None else "missed"
        return "exceeded" if actual > planned else "met"
    matches = [*PLAN_SHARE.finditer(clause), *PLAN_SHARE_AFTER_PLAN.finditer(clause)]
    match = next((m for m in matches if figure is None or figure in m[0]), None)
    if match is None:
        return None
    share = as_number(match[1])
    scheduled = schedule_status(f"{clause}, {around}" if around else clause)
    return scheduled if share < 100 and scheduled is not None else paced_status(share, pace)


def schedule_status(clause: str) -> Status | None:
    """The status a clause's words give a share of a plan against its schedule ("일정대로": on track), or None."""
    return next((status for status, words in _SCHEDULE_WORDS if words.search(clause)), None)


def paced_status(share: float, pace: float | None) -> Status:
    """The status of a share of a plan: part-way through the year (``pace``) a share below 100 keeps
    pace or lags; otherwise ``status_from_share``."""
    if share < 100 and pace is not None:
        return "on_track" if share >= pace * KEEPING_PACE else "at_risk"
    return status_from_share(share)


def period_pace(text: str) -> float | None:
    """The share of the year a report covers when it reviews part of it ("6 tháng đầu năm": 50), else None."""
    return next((pace for pace, words in PERIOD_TO_DATE if gates.search(words, text)), None)


# A year as written in any script ("2025年", "ឆ្នាំ២០២៥", "năm 2025"): not inside a longer number, nor an amount
# with its scales ("1兆2000億", "2000억").
_SCALES = "万亿億兆千百만억조천"
_YEARS = re.compile(rf"(?<![\d{_SCALES}])(?<!\d[.,])(?:19|20)\d\d(?![\d%{_SCALES}]|[.,]\d)")


def annual_pace(sentence: str, day: dt.date | None) -> float | None:
    """The share of the year gone by on ``day`` when ``sentence`` measures against a plan for the whole
    year and names no other year; None in December and January, when reports review the year ending or
    ended, and without a day."""
    if day is None or not 2 <= day.month <= 11 or not ANNUAL_PLAN.search(sentence):
        return None
    if any(int(year) != day.year for year in _YEARS.findall(ascii_digits(sentence))):
        return None
    return 100 * day.timetuple().tm_yday / 365


_GOAL_WORDS = re.compile(bounded(alternation("goal_words")), re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d.,/])(20\d{2})(?![\d.,/%])")


def is_a_goal(clause: str, day: dt.date | None = None) -> bool:
    """Whether a figure's clause sets a goal for the period ahead rather than reporting a result: goal words
    ("phấn đấu", "aims to", "力争"), or only years after the report's own ("năm 2026" in a 2025 report)."""
    if _GOAL_WORDS.search(clause):
        return True
    years = [int(year) for year in _YEAR.findall(ascii_digits(clause))]
    return day is not None and bool(years) and min(years) > day.year
