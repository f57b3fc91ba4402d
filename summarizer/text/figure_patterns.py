"""The shapes of figures in reports: fractions, counts of a total, percentages, shares of a plan.

``text.figures`` finds candidates with them and ``text.statuses`` reads what they say against a plan.
The shapes are here; their words are the lexicon's (``summarizer.lexicon``), one category per role a
word plays in a shape: a plan after a share ("105% kế hoạch") is not read like a plan named before its
share ("план … выполнен на 104 процента"), nor like the targets a count counts ("11 targets").
"""

from __future__ import annotations

import functools
import re

from summarizer.lexicon import alternation as words
from summarizer.lexicon import by_value
from summarizer.text import gates
from summarizer.text.sentences import spaced_and_not

# Between a word and the number it governs in scripts without spaces: a few characters, no digit, no clause end.
_NEAR = r"[^\d,，、；;。.!?]{0,12}?"

FRACTION = re.compile(r"(?<![\d/.,-])(\d{1,4})\s?/\s?(\d{1,4})(?![\d/])")
COUNT_OF_TOTAL = re.compile(
    rf"(?<![\d.,])(\d{{1,4}})\s+(?:\S+\s+){{0,2}}?(?:{words('of_total_words')})\s+"
    rf"(?:(?:{words('total_articles')})\s+)?(\d{{1,4}})(?![\d.,])",
    re.IGNORECASE,
)
PERCENT_WORDS = rf"(?:%|{words('percent_words')})"
PERCENT = re.compile(r"(?<![\d.,])\d{1,3}(?:[.,]\d{1,3})?\s?" + PERCENT_WORDS, re.IGNORECASE)
# "đạt 105% kế hoạch", "95 per cent of the plan", "103,3 % du plan", "70 % до прогнозу": a share of a plan.
PLAN_SHARE = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[.,]\d{1,3})?)\s?" + PERCENT_WORDS + r"\s*(?:\S+\s+){0,3}?"
    rf"(?:{words('plan_words')})",
    re.IGNORECASE,
)
# "план ... выполнен на 104 процента", "the plan was fulfilled at 98 %": the plan named first; without spaces
# right before the share ("完成全年计划的50.2%", "計画の105%", "계획의 21%").
_PLAN_FIRST, _PLAN_FIRST_UNSPACED = spaced_and_not("plan_before_share")
PLAN_SHARE_AFTER_PLAN = re.compile(
    rf"(?:(?:{_PLAN_FIRST})\w*\s+(?:\S+\s+){{0,4}}?(?:(?:{words('share_prepositions')})\s+)?"
    rf"|(?:{_PLAN_FIRST_UNSPACED})\s*)"
    r"(\d{1,3}(?:[.,]\d{1,3})?)\s?" + PERCENT_WORDS,
    re.IGNORECASE,
)
_PLAN_RIGHT_BEFORE = re.compile(rf"(?:{_PLAN_FIRST_UNSPACED})\s*$", re.IGNORECASE)
# "tăng 6,47% (kế hoạch 9,05%)", "7.6 % against a target of 7 %": a result beside the plan it is measured against.
ACTUAL_VS_PLAN = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[.,]\d{1,3})?)\s?" + PERCENT_WORDS + r"\s*[(,;（，；]?\s*"
    rf"(?:{words('plan_rates')})\s*:?\s*(\d{{1,3}}(?:[.,]\d{{1,3}})?)\s?" + PERCENT_WORDS + r"\)?",
    re.IGNORECASE,
)
# "11 targets were exceeded", "3 chỉ tiêu đạt", "12 objectifs seront atteints": a count of targets with no
# total, a candidate only when its clause states a status in words.
_TARGETS, _TARGETS_UNSPACED = spaced_and_not("target_words")
COUNT_OF_TARGETS = re.compile(
    rf"(?<![\d.,/])(\d{{1,3}})(?:\s+(?:\S+\s+)?(?:{_TARGETS})|\s*(?:{_TARGETS_UNSPACED}))", re.IGNORECASE
)
# "26项经济社会指标中有24项", "26개 지표 중 24개", "26の指標のうち24": the total first, then the count of it.
COUNTERS = rf"(?:{words('counters')})"
TOTAL_THEN_COUNT = re.compile(
    rf"(?<![\d.,])(?P<total>\d{{1,4}})\s*{_NEAR}(?:{words('total_then_count')})\s*(?P<count>\d{{1,4}})(?![\d.,])"
    rf"(?:\s?{COUNTERS})?",
    re.IGNORECASE,
)
# A number that is the target a result is measured against, by the words just before it ("목표 7%",
# "គោលដៅ ៣%", "目標である20%") or after it ("8%目标", "40%的目标"), with its unit (a percentage, a counter).
_NUMBER = r"\d[\d.,]*\d|\d"
UNIT = rf"(?:\s?(?:{PERCENT_WORDS}|{COUNTERS}))?"
TARGET_FIGURE = re.compile(
    rf"(?:{words('target_lead_words')})\s*(?P<lead>{_NUMBER})(?P<lead_unit>{UNIT})"
    rf"|(?<![\d.,])(?P<tail>{_NUMBER})(?P<tail_unit>{UNIT})\s*(?:{words('target_tail_words')})",
    re.IGNORECASE,
)
# A result with its unit, before such a target ("4,200개에 그쳐 1분기 목표인 5,000개에 미치지 못했다").
QUANTITY = re.compile(rf"(?<![\d.,])({_NUMBER})({UNIT})")
# "đạt 1/4 kế hoạch năm", "a third of the plan": a fraction of a plan is a share of it, not a count of targets.
PLAN_FRACTION = re.compile(
    rf"(?<![\d/])(\d{{1,2}})\s?/\s?(\d{{1,2}})\s+(?:{words('fraction_of_plan')})",
    re.IGNORECASE,
)
# A plan for the whole year: a share of it reported on a day of that year is measured against the time gone by.
ANNUAL_PLAN = re.compile(words("annual_plans"), re.IGNORECASE)
# "(9.41/9-9.5)": a result beside the range planned for it.
RESULT_IN_RANGE = re.compile(
    r"(?<![\d.,/])(\d{1,3}(?:[.,]\d{1,2})?)\s?/\s?(\d{1,3}(?:[.,]\d{1,2})?)\s?[-–]\s?(\d{1,3}(?:[.,]\d{1,2})?)(?![\d.,/])"
)
# A status said against a plan or target ("vượt chỉ tiêu Nghị quyết", "đạt kế hoạch đề ra", "exceeding the plan"):
# the quantity just before it is a figure ("kết nạp được 143 đảng viên vượt chỉ tiêu").
_VERBS, _VERBS_UNSPACED = spaced_and_not("status_verbs")
_AFTER_VERBS, _AFTER_VERBS_UNSPACED = spaced_and_not("plan_after_status")
STATUS_AGAINST_PLAN = re.compile(
    rf"(?:{_VERBS})\s+(?:\S+\s+){{0,2}}?(?:{_AFTER_VERBS})|(?:{_VERBS_UNSPACED}){_NEAR}(?:{_AFTER_VERBS_UNSPACED})",
    re.IGNORECASE,
)
QUANTITY_AT_END = re.compile(r"(?<![\d.,/])(\d[\d.,]*\d|\d)((?:\s+[^\W\d]+\.?){0,3}?)\s*$")
# The same with a counter written on the number, as scripts without spaces write it ("143名", "១៤៣ នាក់").
COUNTED_AT_END = re.compile(rf"(?<![\d.,/])(\d[\d.,]*\d|\d)(\s?{COUNTERS})\s*$", re.IGNORECASE)
# A result beside the quantity planned for it, in the same unit: "Ми планували зібрати 1,4 млн. тонн, а зібрали
# 1,681 млн. тонн", "o objetivo de implantar 20 unidades … só foram implantadas 4 unidades".
PLANNED = re.compile(rf"(?:{words('planned_words')})\D{{0,40}}?(\d[\d.,]*)\s+([^\s,;:()]+)", re.IGNORECASE)
# Words that say a share was reached part-way through the year (``periods_to_date``, each with the months it covers
# from January: "9 months"), and the share of the year gone by; a part no lexicon names is left out.
_PERIODS = {int(months.split()[0]): words for months, words in by_value("periods_to_date").items()}


def _checked_first(months: int) -> tuple[bool, int]:
    """The order parts of the year are checked in: longer than half a year first, the longest first (a report on
    nine months may name its first half too); then the others, a quarter before a half (as the rule was tuned)."""
    return (months <= 6, -months if months > 6 else months)


PERIOD_TO_DATE: tuple[tuple[float, re.Pattern[str]], ...] = tuple(
    (round(100 * months / 12, 1), re.compile(_PERIODS[months], re.I)) for months in sorted(_PERIODS, key=_checked_first)
)
# Words before a day/month ("Sáng 3/7", "ngày 10/11", "le 3/7"): such a pair is a date, not a fraction.
DATE_WORDS = re.compile(rf"(?:{words('date_words')})\s*$", re.IGNORECASE)
# ", ambos superando a meta", ", which exceeded the target": a next clause that points back at the
# figures before it and measures them against their target states their status.
BACK_REFERENCE = re.compile(rf"^(?:{words('back_references')})\b", re.IGNORECASE)
TARGET_WORDS = re.compile(words("target_mentions"), re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]+")
LINKS = re.compile(rf"\s+(?:{words('and_words')})\s*$", re.IGNORECASE)  # what joins two counts


def as_number(written: str) -> float:
    """A number as written, with a decimal comma or point."""
    return float(written.replace(",", "."))


def is_plan_share(clause: str, start: int) -> bool:
    """Whether the percentage at ``start`` is a share of a plan: the plan after it ("105% kế hoạch"), or right
    before it in scripts without spaces ("연간 예산의 45%에 달했으며 … 12%": the 45 %)."""
    return bool(PLAN_SHARE.match(clause, start) or _PLAN_RIGHT_BEFORE.search(clause, 0, start))


def percents_of(clause: str) -> list[re.Match[str]]:
    """The clause's percentages, but for the target a result is measured against ("目标 7%": no result)."""
    percents = list(gates.finditer(PERCENT, clause))
    targets = [m.span() for m in gates.finditer(TARGET_FIGURE, clause)] if percents else []
    return [m for m in percents if not any(start <= m.start() < end for start, end in targets)]


@functools.lru_cache(maxsize=64)
def done_after_planned(sentence: str) -> str | None:
    """The quantity done after the one planned in the same unit in ``sentence`` ("1,681 млн." after
    "планували зібрати 1,4 млн."), or None; kept by sentence, which each of its clauses asks about."""
    planned = gates.search(PLANNED, sentence)
    if planned is None:
        return None
    done = re.search(r"(?<![\d.,])(\d[\d.,]*)\s+" + re.escape(planned[2]), sentence[planned.end() :])
    return None if done is None else done[0]
