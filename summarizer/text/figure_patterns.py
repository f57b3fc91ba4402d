"""The shapes of figures in reports: fractions, counts of a total, percentages, shares of a plan.

``text.figures`` finds candidates with them and ``text.statuses`` reads what they say against a plan.
"""

from __future__ import annotations

import re

FRACTION = re.compile(r"(?<![\d/.,-])(\d{1,4})\s?/\s?(\d{1,4})(?![\d/])")
COUNT_OF_TOTAL = re.compile(
    r"(?<![\d.,])(\d{1,4})\s+(?:\S+\s+){0,2}?(?:des|sur|of|out of|de los|de las|de un total de|de|di|su|von insgesamt|"
    r"von|trong tổng số|trên tổng số|trên|із|з|из|em)\s+(?:the\s+|les\s+|the total\s+)?(\d{1,4})(?![\d.,])",
    re.IGNORECASE,
)
PERCENT_WORDS = (
    r"(?:%|per ?cent\b|percent\b|pour cent\b|por ciento\b|por cento\b|per cento\b|Prozent\b|процент\w*|відсот\w*)"
)
PERCENT = re.compile(r"(?<![\d.,])\d{1,3}(?:[.,]\d{1,3})?\s?" + PERCENT_WORDS, re.IGNORECASE)
# "đạt 105% kế hoạch", "95 per cent of the plan", "103,3 % du plan", "70 % до прогнозу": a share of a plan.
PLAN_SHARE = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[.,]\d{1,3})?)\s?" + PERCENT_WORDS + r"\s*(?:\S+\s+){0,3}?"
    r"(?:kế hoạch|KH\b|dự toán|chỉ tiêu|mục tiêu|(?:annual |yearly |the )?(?:plan|target|estimate)s?\b|prévisions?\b|"
    r"estimación|estimativa|previsión|previsão|stima|Schätzung|"
    r"objectifs?\b|plan\b|plano\b|meta\b|piano\b|Plans?\b|Ziel|план|прогноз|завдан)",
    re.IGNORECASE,
)
# "план ... выполнен на 104 процента", "the plan was fulfilled at 98 %": the plan named first.
PLAN_SHARE_AFTER_PLAN = re.compile(
    r"(?:kế hoạch|plan|план|plano|piano|Plan)\w*\s+(?:\S+\s+){0,4}?(?:на\s+|at\s+|à\s+|en\s+|zu\s+|al\s+)?"
    r"(\d{1,3}(?:[.,]\d{1,3})?)\s?" + PERCENT_WORDS,
    re.IGNORECASE,
)
# "tăng 6,47% (kế hoạch 9,05%)", "7.6 % against a target of 7 %": a result beside the plan it is measured against.
ACTUAL_VS_PLAN = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[.,]\d{1,3})?)\s?" + PERCENT_WORDS + r"\s*[(,;]?\s*"
    r"(?:kế hoạch|KH|chỉ tiêu|mục tiêu|(?:against )?(?:a |the )?(?:plan|target)(?: of)?|objectif(?: de)?|meta(?: de)?|"
    r"plan(?: de)?|план|Ziel(?: von)?)\s*:?\s*(\d{1,3}(?:[.,]\d{1,3})?)\s?" + PERCENT_WORDS + r"\)?",
    re.IGNORECASE,
)
# "11 targets were exceeded", "3 chỉ tiêu đạt", "12 objectifs seront atteints": a count of targets with no
# total, a candidate only when its clause states a status in words.
COUNT_OF_TARGETS = re.compile(
    r"(?<![\d.,/])(\d{1,3})\s+(?:\S+\s+)?(?:chỉ tiêu|mục tiêu|targets?\b|objectifs?\b|objetivos\b|metas\b|"
    r"obiettivi\b|Ziele\b|Zielen\b|показател\w*|цілей|критери\w*|indicators\b|indicateurs\b|indicadores\b)",
    re.IGNORECASE,
)
# "đạt 1/4 kế hoạch năm", "a third of the plan": a fraction of a plan is a share of it, not a count of targets.
PLAN_FRACTION = re.compile(
    r"(?<![\d/])(\d{1,2})\s?/\s?(\d{1,2})\s+(?:kế hoạch|KH\b|dự toán|(?:of )?the (?:annual )?plan|du plan|"
    r"плана|плану|des Plans|del plan|do plano|del piano)",
    re.IGNORECASE,
)
# A plan for the whole year: a share of it reported on a day of that year is measured against the time gone by.
ANNUAL_PLAN = re.compile(
    r"(?:kế hoạch|KH|dự toán) năm|annual (?:plan|target)|plan annuel|objectif annuel|годово\w* план|"
    r"річн\w* план|Jahres(?:plan|ziel)|plan anual|plano anual|meta anual|piano annuale",
    re.IGNORECASE,
)
# "(9.41/9-9.5)": a result beside the range planned for it.
RESULT_IN_RANGE = re.compile(
    r"(?<![\d.,/])(\d{1,3}(?:[.,]\d{1,2})?)\s?/\s?(\d{1,3}(?:[.,]\d{1,2})?)\s?[-–]\s?(\d{1,3}(?:[.,]\d{1,2})?)(?![\d.,/])"
)
# A status said against a plan or target ("vượt chỉ tiêu Nghị quyết", "đạt kế hoạch đề ra", "exceeding the plan"):
# the quantity just before it is a figure ("kết nạp được 143 đảng viên vượt chỉ tiêu").
STATUS_AGAINST_PLAN = re.compile(
    r"(?:vượt|đạt|exceed\w*|surpass\w*|reach\w*|achiev\w*|meeting|met|dépass\w*|atteign\w*|atteint\w*|"
    r"super\w+|alcanz\w*|atingi\w*|cumpli\w*|перевыполн\w*|выполн\w*|перевикон\w*|викон\w*|übertr\w*|"
    r"erreich\w*|raggiunt\w*)\s+(?:\S+\s+){0,2}?"
    r"(?:kế hoạch|chỉ tiêu|mục tiêu|plans?\b|targets?\b|goals?\b|objecti\w*|l'objectif|metas?\b|план\w*|прогноз\w*|"
    r"Ziel\w*|obiettiv\w*|piano\b)",
    re.IGNORECASE,
)
QUANTITY_AT_END = re.compile(r"(?<![\d.,/])(\d[\d.,]*\d|\d)((?:\s+[^\W\d]+\.?){0,3}?)\s*$")
# A result beside the quantity planned for it, in the same unit: "Ми планували зібрати 1,4 млн. тонн, а зібрали
# 1,681 млн. тонн", "o objetivo de implantar 20 unidades … só foram implantadas 4 unidades".
PLANNED = re.compile(
    r"(?:планувал\w*|планировал\w*|planned|had planned|prévoyai\w*|avait prévu|previst\w*|planeaba\w*|"
    r"planejava\w*|geplant|plante\w*|dự kiến|theo kế hoạch|mục tiêu|Ziel von|\bцел[ьи] |\bмет[аи] |\bметою |"
    r"(?:objetivo|objective|goal|target|meta|objectif|obiettivo) (?:de|of|d'))"
    r"\D{0,40}?(\d[\d.,]*)\s+([^\s,;:()]+)",
    re.IGNORECASE,
)
# Words that say a share was reached part-way through the year, and the share of the year gone by.
PERIOD_TO_DATE: tuple[tuple[float, re.Pattern[str]], ...] = (
    (
        75.0,
        re.compile(
            r"\b9 tháng|chín tháng|nine months|9 months|9 (?:premiers )?mois|neuf premiers mois|9 месяц|9 місяц|"
            r"9 Monat|neun Monate|9 (?:primeros |primeiros |primi )?(?:meses|mesi)",
            re.I,
        ),
    ),
    (25.0, re.compile(r"quý I\b|first quarter|premier trimestre|I квартал|primer trimestre|primo trimestre", re.I)),
    (
        50.0,
        re.compile(
            r"\b6 tháng|sáu tháng|first half|six months|6 months|half[- ]year|mid-year|semestre|"
            r"(?:6|six) (?:premiers )?mois|полугод|півріч|6 місяц|Halbjahr|6 Monat|sechs Monate|"
            r"(?:6|seis|sei) (?:primeros |primeiros |primi )?(?:meses|mesi)",
            re.I,
        ),
    ),
)
# Words before a day/month ("Sáng 3/7", "ngày 10/11", "le 3/7"): such a pair is a date, not a fraction.
DATE_WORDS = re.compile(
    r"(?:ngày|sáng|chiều|tối|trưa|đêm|hôm|le|du|au|on|am|el|del|dia|від|до|с|по)\s*$", re.IGNORECASE
)
# ", ambos superando a meta", ", which exceeded the target": a next clause that points back at the
# figures before it and measures them against their target states their status.
BACK_REFERENCE = re.compile(
    r"^(?:ambos|ambas|both|all of them|tous (?:les )?deux|toutes (?:les )?deux|beide|entrambi|оба|обидва|"
    r"обидві|cả hai|which|que|qui|що|что|welche[rs]?)\b",
    re.IGNORECASE,
)
TARGET_WORDS = re.compile(
    r"kế hoạch|chỉ tiêu|mục tiêu|\bplan|\btargets?\b|\bgoals?\b|objecti|obiettiv|\bmetas?\b|\bZiel|план|прогноз|"
    r"\bцел|\bціл|завдан",
    re.IGNORECASE,
)
WORD = re.compile(r"[^\W\d_]+")
LINKS = re.compile(r"\s+(?:and|và|et|und|y|e|и|і|та)\s*$", re.IGNORECASE)  # what joins two counts


def as_number(written: str) -> float:
    """A number as written, with a decimal comma or point."""
    return float(written.replace(",", "."))
