"""Finding target figures with rules, so the model only has to judge short clauses.

A small model reading a whole article finds few figures; rules find them all. A candidate is a
clause (a sentence cut at commas and semicolons) holding a fraction ("4/34"), a count of a total
("21 des 25") or percentages ("8,56 %"); the model then says what it measures and its status.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from summarizer.schema import Status
from summarizer.text.sentences import split_clauses, split_sentences

_FRACTION = re.compile(r"(?<![\d/.,-])(\d{1,4})\s?/\s?(\d{1,4})(?![\d/])")
_COUNT_OF_TOTAL = re.compile(
    r"(?<![\d.,])(\d{1,4})\s+(?:\S+\s+){0,2}?(?:des|sur|of|out of|de los|de las|de un total de|de|di|su|von insgesamt|"
    r"von|trong tổng số|trên tổng số|trên|із|з|из|em)\s+(?:the\s+|les\s+|the total\s+)?(\d{1,4})(?![\d.,])",
    re.IGNORECASE,
)
_PERCENT_WORDS = (
    r"(?:%|per ?cent\b|percent\b|pour cent\b|por ciento\b|por cento\b|per cento\b|Prozent\b|процент\w*|відсот\w*)"
)
_PERCENT = re.compile(r"(?<![\d.,])\d{1,3}(?:[.,]\d{1,3})?\s?" + _PERCENT_WORDS, re.IGNORECASE)
# "đạt 105% kế hoạch", "95 per cent of the plan", "103,3 % du plan", "70 % до прогнозу": a share of a plan.
_PLAN_SHARE = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[.,]\d{1,3})?)\s?" + _PERCENT_WORDS + r"\s*(?:\S+\s+){0,3}?"
    r"(?:kế hoạch|KH\b|dự toán|chỉ tiêu|mục tiêu|(?:annual |yearly |the )?(?:plan|target|estimate)s?\b|prévisions?\b|"
    r"estimación|estimativa|previsión|previsão|stima|Schätzung|"
    r"objectifs?\b|plan\b|plano\b|meta\b|piano\b|Plans?\b|Ziel|план|прогноз|завдан)",
    re.IGNORECASE,
)
# "план ... выполнен на 104 процента", "the plan was fulfilled at 98 %": the plan named first.
_PLAN_SHARE_AFTER_PLAN = re.compile(
    r"(?:kế hoạch|plan|план|plano|piano|Plan)\w*\s+(?:\S+\s+){0,4}?(?:на\s+|at\s+|à\s+|en\s+|zu\s+|al\s+)?"
    r"(\d{1,3}(?:[.,]\d{1,3})?)\s?" + _PERCENT_WORDS,
    re.IGNORECASE,
)
# "tăng 6,47% (kế hoạch 9,05%)", "7.6 % against a target of 7 %": a result beside the plan it is measured against.
_ACTUAL_VS_PLAN = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[.,]\d{1,3})?)\s?" + _PERCENT_WORDS + r"\s*[(,;]?\s*"
    r"(?:kế hoạch|KH|chỉ tiêu|mục tiêu|(?:against )?(?:a |the )?(?:plan|target)(?: of)?|objectif(?: de)?|meta(?: de)?|"
    r"plan(?: de)?|план|Ziel(?: von)?)\s*:?\s*(\d{1,3}(?:[.,]\d{1,3})?)\s?" + _PERCENT_WORDS + r"\)?",
    re.IGNORECASE,
)
# "11 targets were exceeded", "3 chỉ tiêu đạt", "12 objectifs seront atteints": a count of targets with no
# total, a candidate only when its clause states a status in words.
_COUNT_OF_TARGETS = re.compile(
    r"(?<![\d.,/])(\d{1,3})\s+(?:\S+\s+)?(?:chỉ tiêu|mục tiêu|targets?\b|objectifs?\b|objetivos\b|metas\b|"
    r"obiettivi\b|Ziele\b|Zielen\b|показател\w*|цілей|критери\w*|indicators\b|indicateurs\b|indicadores\b)",
    re.IGNORECASE,
)
# "đạt 1/4 kế hoạch năm", "a third of the plan": a fraction of a plan is a share of it, not a count of targets.
_PLAN_FRACTION = re.compile(
    r"(?<![\d/])(\d{1,2})\s?/\s?(\d{1,2})\s+(?:kế hoạch|KH\b|dự toán|(?:of )?the (?:annual )?plan|du plan|"
    r"плана|плану|des Plans|del plan|do plano|del piano)",
    re.IGNORECASE,
)
# A plan for the whole year: a share of it reported on a day of that year is measured against the time gone by.
_ANNUAL_PLAN = re.compile(
    r"(?:kế hoạch|KH|dự toán) năm|annual (?:plan|target)|plan annuel|objectif annuel|годово\w* план|"
    r"річн\w* план|Jahres(?:plan|ziel)|plan anual|plano anual|meta anual|piano annuale",
    re.IGNORECASE,
)
# "(9.41/9-9.5)": a result beside the range planned for it.
_RESULT_IN_RANGE = re.compile(
    r"(?<![\d.,/])(\d{1,3}(?:[.,]\d{1,2})?)\s?/\s?(\d{1,3}(?:[.,]\d{1,2})?)\s?[-–]\s?(\d{1,3}(?:[.,]\d{1,2})?)(?![\d.,/])"
)
# A status said against a plan or target ("vượt chỉ tiêu Nghị quyết", "đạt kế hoạch đề ra", "exceeding the plan"):
# the quantity just before it is a figure ("kết nạp được 143 đảng viên vượt chỉ tiêu").
_STATUS_AGAINST_PLAN = re.compile(
    r"(?:vượt|đạt|exceed\w*|surpass\w*|reach\w*|achiev\w*|meeting|met|dépass\w*|atteign\w*|atteint\w*|"
    r"super\w+|alcanz\w*|atingi\w*|cumpli\w*|перевыполн\w*|выполн\w*|перевикон\w*|викон\w*|übertr\w*|"
    r"erreich\w*|raggiunt\w*)\s+(?:\S+\s+){0,2}?"
    r"(?:kế hoạch|chỉ tiêu|mục tiêu|plans?\b|targets?\b|goals?\b|objecti\w*|l'objectif|metas?\b|план\w*|прогноз\w*|"
    r"Ziel\w*|obiettiv\w*|piano\b)",
    re.IGNORECASE,
)
_QUANTITY_AT_END = re.compile(r"(?<![\d.,/])(\d[\d.,]*\d|\d)((?:\s+[^\W\d]+\.?){0,3}?)\s*$")
# A result beside the quantity planned for it, in the same unit: "Ми планували зібрати 1,4 млн. тонн, а зібрали
# 1,681 млн. тонн", "o objetivo de implantar 20 unidades … só foram implantadas 4 unidades".
_PLANNED = re.compile(
    r"(?:планувал\w*|планировал\w*|planned|had planned|prévoyai\w*|avait prévu|previst\w*|planeaba\w*|"
    r"planejava\w*|geplant|plante\w*|dự kiến|theo kế hoạch|mục tiêu|Ziel von|\bцел[ьи] |\bмет[аи] |\bметою |"
    r"(?:objetivo|objective|goal|target|meta|objectif|obiettivo) (?:de|of|d'))"
    r"\D{0,40}?(\d[\d.,]*)\s+([^\s,;:()]+)",
    re.IGNORECASE,
)
# Words that say a share was reached part-way through the year, and the share of the year gone by.
_PERIOD_TO_DATE: tuple[tuple[float, re.Pattern[str]], ...] = (
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
_DATE_WORDS = re.compile(
    r"(?:ngày|sáng|chiều|tối|trưa|đêm|hôm|le|du|au|on|am|el|del|dia|від|до|с|по)\s*$", re.IGNORECASE
)
# ", ambos superando a meta", ", which exceeded the target": a next clause that points back at the
# figures before it and measures them against their target states their status.
_BACK_REFERENCE = re.compile(
    r"^(?:ambos|ambas|both|all of them|tous (?:les )?deux|toutes (?:les )?deux|beide|entrambi|оба|обидва|"
    r"обидві|cả hai|which|que|qui|що|что|welche[rs]?)\b",
    re.IGNORECASE,
)
_TARGET_WORDS = re.compile(
    r"kế hoạch|chỉ tiêu|mục tiêu|\bplan|\btargets?\b|\bgoals?\b|objecti|obiettiv|\bmetas?\b|\bZiel|план|прогноз|"
    r"\bцел|\bціл|завдан",
    re.IGNORECASE,
)
MAX_CANDIDATES = 12
_WORD = re.compile(r"[^\W\d_]+")
_LINKS = re.compile(r"\s+(?:and|và|et|und|y|e|и|і|та)\s*$", re.IGNORECASE)  # what joins two counts
# A share within 5 % of the time gone by keeps pace: reports give "48,8% of the annual plan" at
# mid-year as on schedule, not as a lag.
KEEPING_PACE = 0.95


@dataclass(frozen=True)
class FigureCandidate:
    """A figure as written, the clause it stands in and its whole sentence."""

    figure: str
    clause: str
    sentence: str
    share: float | None = None  # the percentage reached, when the clause gives one for a fraction
    pace: float | None = None  # the share of the year gone by, when the report covers part of it
    after: str = ""  # the next clause of the sentence when it holds no number (", vượt kế hoạch")


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
            r"\bseront\b|\bsera\b|\bdevrai(?:en)?t\b|\bwill be\b|\bexpected to\b|\bбуде\b|\bбудуть\b|"
            r"\bбудет\b|\bsẽ\b|dự kiến|\bse espera\b|\bse prevé\b|\bwerden\b|\bvoraussichtlich\b|\bdovrebbero\b|"
            r"\bdever(?:á|ão) ser\b|\b(?:пере)?(?:достигнет|выполнит|досягне|виконає)\b|"
            # nearly there: "cận hoàn thành" (close to completion), "nearly met"
            r"cận hoàn thành|gần hoàn thành|sắp hoàn thành|\bnearly (?:met|reached|achieved|completed)\b|"
            r"\bpresque atteint|"
            # likely to be completed, heading for: "có khả năng hoàn thành", "caminha para atingir 100%"
            r"có khả năng (?:hoàn thành|đạt)|\bcaminha para\b|\bis heading (?:for|towards)\b|\ben camino de\b|"
            # can reach: "peut certainement atteindre", "can meet", "có thể đạt"
            r"\bpeu(?:t|vent) (?:\S+ )?atteindre|\bcan (?:\S+ )?(?:reach|achieve|meet)\b|"
            r"có thể (?:\S+ )?(?:đạt|hoàn thành)|\bpuede(?:n)? (?:\S+ )?(?:alcanzar|cumplir)|"
            r"\bpode(?:m)? (?:\S+ )?(?:atingir|alcançar|cumprir)|\bpuò (?:\S+ )?raggiungere|\bkann (?:\S+ )?erreich|"
            r"\bмо(?:жет|же|гут|жуть) (?:\S+ )?(?:достичь|досягти|выполнить|виконати)",
            re.IGNORECASE,
        ),
    ),
    ("at_risk", re.compile(r"difficile|difficult|важко|труднодосяжн|khó đạt|khó hoàn thành", re.IGNORECASE)),
    (
        "missed",
        re.compile(
            r"non atteint|pas atteint|not (?:been )?(?:met|achieved|reached|fulfilled)|не досягнуто|"
            r"не виконано|не выполнен|không đạt|chưa đạt|chưa hoàn thành|không hoàn thành|nicht erreicht|"
            r"non (?:è stato |sono stati )?raggiunt|"
            r"não (?:foi |foram )?(?:atingid|cumprid|alcançad)|no se (?:cumpli|alcanz)|"
            r"no (?:fue|fueron) (?:cumplid|alcanzad)",
            re.IGNORECASE,
        ),
    ),
    # "đạt và vượt" (met and exceeded) counts targets each reached, some beyond: they are met.
    (
        "met",
        re.compile(
            r"đạt và vượt|(?:met|reached|achieved) and (?:surpassed|exceeded)|atteints? et dépassé|"
            r"erreicht und übertroffen|alcanzad[oa]s? y superad|atingid[oa]s? e superad|выполнен\w* и перевыполнен",
            re.I,
        ),
    ),
    (
        "exceeded",
        re.compile(
            r"dépass|surpass|exceed|over-?fulfil|перевикона|перевыполн|превыси|vượt|superad|superat|superand|superou|superó|"
            r"superaron|superaram|sobrecumpl|"
            r"übertr|übererf|überschritt",
            re.IGNORECASE,
        ),
    ),
    (
        "met",
        re.compile(
            r"\batteints?\b|\batteintes?\b|\bachieved\b|\breach(?:ed|ing)\b|\bfulfilled\b|\bcompleted\b|досягнут|достигнут|"
            r"виконан|выполнен|\bđạt\b|hoàn thành|"
            r"alcanzad|cumplid|erreicht|raggiunt|atingid|cumprid|alcançad",
            re.IGNORECASE,
        ),
    ),
)


def status_from_words(clause: str) -> Status | None:
    """The status a clause states in words, or None when it states none this lexicon knows."""
    for status, pattern in _STATUS_WORDS:
        if pattern.search(clause):
            return status
    return None


def plan_status(clause: str, pace: float | None = None, figure: str | None = None) -> Status | None:
    """The status a share of a plan implies ("đạt 105% kế hoạch" exceeded, "95% of plan" partly met), or a
    result beside its plan ("tăng 6,47% (kế hoạch 9,05%)": below it, missed).

    Part-way through the year (``pace``: 50 for six months), a share below 100 is on track when it
    keeps pace with the time gone by (``KEEPING_PACE``), and at risk when it lags; a result below its planned rate is at
    risk.
    """
    compared = next((m for m in _ACTUAL_VS_PLAN.finditer(clause) if figure is None or m[0].startswith(figure)), None)
    if compared is not None:  # a rate against its planned rate: behind it is behind, whatever the time gone by
        actual, planned = _number(compared[1]), _number(compared[2])
        if actual < planned:
            return "at_risk" if pace is not None else "missed"
        return "exceeded" if actual > planned else "met"
    matches = [*_PLAN_SHARE.finditer(clause), *_PLAN_SHARE_AFTER_PLAN.finditer(clause)]
    match = next((m for m in matches if figure is None or figure in m[0]), None)
    if match is None:
        return None
    return paced_status(_number(match[1]), pace)


def paced_status(share: float, pace: float | None) -> Status:
    """The status of a share of a plan: part-way through the year (``pace``) a share below 100 keeps
    pace or lags; otherwise ``status_from_share``."""
    if share < 100 and pace is not None:
        return "on_track" if share >= pace * KEEPING_PACE else "at_risk"
    return status_from_share(share)


def _number(written: str) -> float:
    return float(written.replace(",", "."))


def period_pace(text: str) -> float | None:
    """The share of the year a report covers when it reviews part of it ("6 tháng đầu năm": 50), else None."""
    return next((pace for pace, words in _PERIOD_TO_DATE if words.search(text)), None)


def annual_pace(sentence: str, day: dt.date | None) -> float | None:
    """The share of the year gone by on ``day`` when ``sentence`` measures against a plan for the whole
    year and names no other year; None in December and January, when reports review the year ending or
    ended, and without a day."""
    if day is None or not 2 <= day.month <= 11 or not _ANNUAL_PLAN.search(sentence):
        return None
    if any(int(year) != day.year for year in re.findall(r"\b(?:19|20)\d\d\b", sentence)):
        return None
    return 100 * day.timetuple().tm_yday / 365


def rule_status(candidate: FigureCandidate) -> Status | None:
    """The status rules can read: a share of a plan, a stated share, then status words; a bare
    percentage is unknown.

    A percentage with no status word (a growth rate, a share of GDP) reports a level, not a target
    reached or missed. None leaves the judgement to the model (fractions and counts of targets).
    """
    in_range = _RESULT_IN_RANGE.fullmatch(candidate.figure)
    if in_range is not None:
        return _status_in_range(*(_number(in_range[i]) for i in (1, 2, 3)))
    fraction = _PLAN_FRACTION.search(candidate.clause)
    if fraction is not None and fraction[0].startswith(candidate.figure):
        share = 100 * int(fraction[1]) / int(fraction[2])
        return paced_status(share, candidate.pace or period_pace(candidate.sentence))
    if _PERCENT.search(candidate.figure):  # a share of a plan speaks for its own figure only
        planned = plan_status(candidate.clause, candidate.pace or period_pace(candidate.sentence), candidate.figure)
        if planned is not None:
            return planned
    if candidate.share is not None:
        return status_from_share(candidate.share)
    worded = status_from_words(candidate.clause)
    # "đạt 7,39%, vượt kế hoạch": exceeded, not met. Only that: a next clause may be about another
    # target ("12/15 chỉ tiêu, riêng chỉ tiêu tăng trưởng không đạt": the 12 are still met).
    if worded == "met" and candidate.after and status_from_words(candidate.after) == "exceeded":
        worded = "exceeded"
    if worded is None and _BACK_REFERENCE.match(candidate.after) and _TARGET_WORDS.search(candidate.after):
        worded = status_from_words(candidate.after)
    if worded is None and _PERCENT.search(candidate.figure):
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
        for number, clause in enumerate(clauses):
            following = (clauses[number + 1 :] or [""])[0]
            after = "" if re.search(r"\d", following) else following
            figures = (
                _figures_and_parts(clause)
                or _counted_after_status(clauses[:number], clause)
                or _quantity_against_plan(clause, after)
                or _done_against_planned(clause, sentence)
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
    if not _PERCENT.search(figure):
        return True
    words = set(_WORD.findall(clause.casefold()))
    for other in earlier:
        other_words = set(_WORD.findall(other.casefold()))
        if len(words & other_words) * 2 >= min(len(words), len(other_words)):
            return True
    return False


def _figures_and_parts(clause: str) -> list[tuple[str, str]]:
    """Each figure of the clause with the part of it that speaks of that figure: the whole clause, but
    for several counts of targets each with its own status ("11 targets exceeding and 6 targets
    reaching the plan"), each count's own words."""
    counts = list(_COUNT_OF_TARGETS.finditer(clause))
    if len(counts) < 2 or _figure_of(clause) is not None or _planned_percents(clause):
        return [(figure, clause) for figure in _figures_of(clause)]
    ends = [m.start() for m in counts[1:]] + [len(clause)]
    parts = [(m[0], _LINKS.sub("", clause[m.start() : end]).strip()) for m, end in zip(counts, ends, strict=True)]
    return [(figure, part) for figure, part in parts if status_from_words(part)]


def _counted_after_status(before: list[str], clause: str) -> list[tuple[str, str]]:
    """A count of targets whose status the clauses just before it state ("peut atteindre, voire dépasser,
    les 12 objectifs"), with those clauses as its part; none when they hold a number of their own."""
    lead: list[str] = []
    for earlier in reversed(before[-2:]):
        if re.search(r"\d", earlier):
            break
        lead.insert(0, earlier)
    counted = _COUNT_OF_TARGETS.search(clause)
    if not lead or counted is None or not status_from_words(", ".join(lead)):
        return []
    return [(counted[0], ", ".join([*lead, clause]))]


def _quantity_against_plan(clause: str, after: str) -> list[tuple[str, str]]:
    """A quantity followed by a status said against its plan, in its clause ("143 đảng viên vượt chỉ tiêu")
    or opening the next one ("gần 6.200 ha, đạt kế hoạch đề ra"), with the words that say so."""
    said = _STATUS_AGAINST_PLAN.search(clause)
    part, before = clause, clause[: said.start()] if said else ""
    if said is None and _STATUS_AGAINST_PLAN.match(after):
        part, before = f"{clause}, {after}", clause.rstrip(" .;")
    quantity = _QUANTITY_AT_END.search(before) if before else None
    if quantity is None or not _WORD.search(part[quantity.end() :]):
        return []
    return [((quantity[1] + quantity[2]).strip(), part)]


def _done_against_planned(clause: str, sentence: str) -> list[tuple[str, str]]:
    """The result of a sentence that gives the quantity planned and then the one done in the same unit
    ("планували зібрати 1,4 млн. тонн зерна, а зібрали 1,681 млн. тонн"): the clause holding the result."""
    planned = _PLANNED.search(sentence)
    if planned is None:
        return []
    done = re.search(r"(?<![\d.,])(\d[\d.,]*)\s+" + re.escape(planned[2]), sentence[planned.end() :])
    if done is None or done[0] not in clause:
        return []
    return [(done[0], sentence)]


def _planned_and_done(part: str, figure: str) -> float | None:
    """The share of the planned quantity that was done, when ``part`` gives both (``_done_against_planned``)."""
    planned = _PLANNED.search(part)
    if planned is None or not figure.endswith(planned[2]):
        return None
    done = re.match(r"\d[\d.,]*", figure)
    planned_number, done_number = _number(planned[1].rstrip(".,")), _number(done[0].rstrip(".,")) if done else 0
    return 100 * done_number / planned_number if planned_number else None


def _figures_of(clause: str) -> list[str]:
    """The clause's figures: a fraction or count and beside it any share of a plan it states; else each
    result measured against a plan or share of a plan; else its percentage(s); else a count of targets
    whose status the clause states."""
    figure = _figure_of(clause)
    planned = _planned_percents(clause)
    if figure is None:
        counted = _COUNT_OF_TARGETS.search(clause)
        return planned or ([counted[0]] if counted and status_from_words(clause) else [])
    if _PERCENT.search(figure):
        return planned or _apart(clause, figure)
    return [figure, *(share for share in planned if share not in figure)]


def _apart(clause: str, figure: str) -> list[str]:
    """The percentages of a clause: together when close ("72,5 % en 2020 à 79 %"), else each on its own
    ("redução de 7,2% do número de famílias … e o aumento de 29% da arrecadação")."""
    percents = [m[0] for m in _PERCENT.finditer(clause)]
    return percents if len(percents) > 1 and figure == percents[0] else [figure]


def _planned_percents(clause: str) -> list[str]:
    """Percentages that are a result beside its plan ("6,47% (kế hoạch 9,05%)": the first) or a share of a plan."""
    against = {m.start(2) for m in _ACTUAL_VS_PLAN.finditer(clause)}  # the plan's own figure is no result
    return [
        m[0]
        for m in _PERCENT.finditer(clause)
        if m.start() not in against
        and (_ACTUAL_VS_PLAN.match(clause, m.start()) or _PLAN_SHARE.match(clause, m.start()))
    ]


def _figure_of(clause: str) -> str | None:
    """The clause's figure: a result beside its planned range, a fraction or count of a total first, else
    its percentage(s)."""
    in_range = _RESULT_IN_RANGE.search(clause)
    if in_range is not None:
        return in_range[0]
    for pattern in (_FRACTION, _COUNT_OF_TOTAL):
        for match in pattern.finditer(clause):
            if 0 < int(match[1]) <= int(match[2]) and not _is_date_or_year(clause, match):
                return match[0]
    percents = list(_PERCENT.finditer(clause))
    if not percents:
        return None
    span = clause[percents[0].start() : percents[-1].end()]
    return span if len(span) <= 40 else percents[0][0]


def _is_date_or_year(clause: str, match: re.Match[str]) -> bool:
    """A day/month after a date word ("Sáng 3/7") or a month/year ("7/2024"): not a fraction of targets."""
    first, second = int(match[1]), int(match[2])
    if 1900 <= second <= 2100:
        return True
    return first <= 31 and second <= 12 and bool(_DATE_WORDS.search(clause[: match.start()]))


def _share_of(clause: str, figure: str) -> float | None:
    """The percentage a clause gives for its fraction ("3/34 ... 100%"), or None."""
    if _PERCENT.search(figure):
        return None
    planned = _planned_and_done(clause, figure)
    if planned is not None:
        return planned
    percents = [m[0] for m in _PERCENT.finditer(clause) if not _PLAN_SHARE.match(clause, m.start())]
    return _number(re.match(r"\d+(?:[.,]\d+)?", percents[0])[0]) if len(percents) == 1 else None  # type: ignore[index]
