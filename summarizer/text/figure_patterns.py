"""The shapes of figures in reports: fractions, counts of a total, percentages, shares of a plan.

``text.figures`` finds candidates with them and ``text.statuses`` reads what they say against a plan.
The shapes are here; their words are the lexicon's (``summarizer.lexicon``), one category per role a
word plays in a shape: a plan after a share ("105% kế hoạch") is not read like a plan named before its
share ("план … выполнен на 104 процента"), nor like the targets a count counts ("11 targets").
"""

from __future__ import annotations

import re

from summarizer.lexicon import alternation as words
from summarizer.lexicon import by_value

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
# "план ... выполнен на 104 процента", "the plan was fulfilled at 98 %": the plan named first.
PLAN_SHARE_AFTER_PLAN = re.compile(
    rf"(?:{words('plan_before_share')})\w*\s+(?:\S+\s+){{0,4}}?(?:(?:{words('share_prepositions')})\s+)?"
    r"(\d{1,3}(?:[.,]\d{1,3})?)\s?" + PERCENT_WORDS,
    re.IGNORECASE,
)
# "tăng 6,47% (kế hoạch 9,05%)", "7.6 % against a target of 7 %": a result beside the plan it is measured against.
ACTUAL_VS_PLAN = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[.,]\d{1,3})?)\s?" + PERCENT_WORDS + r"\s*[(,;]?\s*"
    rf"(?:{words('plan_rates')})\s*:?\s*(\d{{1,3}}(?:[.,]\d{{1,3}})?)\s?" + PERCENT_WORDS + r"\)?",
    re.IGNORECASE,
)
# "11 targets were exceeded", "3 chỉ tiêu đạt", "12 objectifs seront atteints": a count of targets with no
# total, a candidate only when its clause states a status in words.
COUNT_OF_TARGETS = re.compile(rf"(?<![\d.,/])(\d{{1,3}})\s+(?:\S+\s+)?(?:{words('target_words')})", re.IGNORECASE)
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
STATUS_AGAINST_PLAN = re.compile(
    rf"(?:{words('status_verbs')})\s+(?:\S+\s+){{0,2}}?(?:{words('plan_after_status')})",
    re.IGNORECASE,
)
QUANTITY_AT_END = re.compile(r"(?<![\d.,/])(\d[\d.,]*\d|\d)((?:\s+[^\W\d]+\.?){0,3}?)\s*$")
# A result beside the quantity planned for it, in the same unit: "Ми планували зібрати 1,4 млн. тонн, а зібрали
# 1,681 млн. тонн", "o objetivo de implantar 20 unidades … só foram implantadas 4 unidades".
PLANNED = re.compile(rf"(?:{words('planned_words')})\D{{0,40}}?(\d[\d.,]*)\s+([^\s,;:()]+)", re.IGNORECASE)
# Words that say a share was reached part-way through the year, and the share of the year gone by; checked in
# this order (a report on nine months may name its first half too).
_PACES = {"nine months": 75.0, "first quarter": 25.0, "first half": 50.0}
_PERIODS = by_value("periods_to_date")
PERIOD_TO_DATE: tuple[tuple[float, re.Pattern[str]], ...] = tuple(
    (pace, re.compile(_PERIODS[period], re.I)) for period, pace in _PACES.items()
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
