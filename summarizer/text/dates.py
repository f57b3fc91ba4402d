"""Turning the date words the model copied into an ISO date, only when the article supports it.

A phrase with a year is parsed as is. A phrase without one ("le 13 novembre") takes its year from
the article's own dateline (the first full date near the top), and is null when there is none:
a day without a year is not invented into a date.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Literal

from summarizer.text.sentences import split_sentences

_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DATELINE_CHARS = 600
# A year and month at the very top ("2023-10", a page's archive stamp): the year of a day and month.
_YEAR_MONTH = re.compile(r"(?<![\d-])(\d{4})-(\d{2})(?![\d-])")
_YEAR_MONTH_CHARS = 100
_DOCUMENT_WINDOW = 60  # characters before a date in which a document's words make it the document's day
LEAD_CHARS = 800  # the opening where a lead's day and years are read
_DOCUMENT_NUMBER = re.compile(r"\d+/\d{4}/[\w-]+")
_PERIOD = re.compile(r"(?<!\d)(?:19|20|25)\d{2}\s*[-–~]\s*(?:19|20|25)?\d{2,4}(?!\d)")
_BUDDHIST_ERA_FROM = 2400
_YEAR = re.compile(r"(?<!\d)((?:19|20|25)\d{2})(?!\d)")
# A day and month with no year, day first: "29-5", "6/12", "1.3".
_DAY_MONTH = re.compile(r"(?<![\d/.-])(\d{1,2})\s?[/.-]\s?(\d{1,2})(?![\d/.-]*\d)")
YearFrom = Literal["phrase", "dateline", "sentence", "title", "lead", "term"]


def a_documents_day(text: str, start: int) -> bool:
    """Whether the date at ``start`` of ``text`` is a document's, an update's or a deadline's day ("Resolution
    No. 18 of 25 October 2017", "Updated 06/12/2018", "entro il 31 dicembre 2022"), by the words before it."""
    before = text[max(0, start - _DOCUMENT_WINDOW) : start]
    return bool(_not_the_meeting_day().search(before) or _deadline().search(before))


@functools.cache
def _not_the_meeting_day() -> re.Pattern[str]:
    """A resolution's or a document's words (``resolution_words``, ``document_words``: decree, updated, số) before
    a date: it is the document's or the page's day, not the meeting's (nor the dateline)."""
    from summarizer import lexicon

    words = f"{lexicon.alternation('resolution_words')}|{lexicon.alternation('document_words')}"
    return re.compile(rf"(?:{words})[^.;\n]{{0,40}}$", re.IGNORECASE)


@functools.cache
def _day_opening() -> re.Pattern[str]:
    """ "Sáng 1/3", "Ngày 29-9", "Chiều ngày 27/9": the day a Vietnamese report opens with, by the part of the
    day (``day_openings``), its first letter in either case."""
    from summarizer import lexicon

    words = "|".join(f"[{word[0].upper()}{word[0]}]{word[1:]}" for word in lexicon.words("day_openings"))
    return re.compile(rf"\b(?:{words})\s+(?:ngày\s+)?\d{{1,2}}\s?[/-]\s?\d{{1,2}}\b(?![/-]\d)")


@functools.cache
def _deadline() -> re.Pattern[str]:
    from summarizer import lexicon

    return re.compile(rf"{lexicon.bounded(lexicon.alternation('deadline_words'))}\s*(?:ngày\s*)?$", re.IGNORECASE)


@functools.cache
def _review() -> re.Pattern[str]:
    from summarizer import lexicon

    return re.compile(lexicon.bounded(lexicon.alternation("review_words")), re.IGNORECASE)


def day_in_lead(text: str) -> str | None:
    """The first day and month the lead gives by the part of the day ("Sáng 1/3"), not a document's; the
    model copies the page's archive stamp ("2024-03") instead of it."""
    for match in _day_opening().finditer(text[:LEAD_CHARS]):
        if not a_documents_day(text, match.start()):
            return match[0]
    return None


def resolve_date(phrase: str | None, text: str, language: str | None) -> dt.date | None:
    """The date ``phrase`` means in this article, or None."""
    return dated(phrase, text, language)[0]


def dated(phrase: str | None, text: str, language: str | None) -> tuple[dt.date | None, YearFrom | None]:
    """The date ``phrase`` means in this article and where its year comes from: the phrase itself, the
    article's dateline, else the year its own sentence states ("Ngày 29-5 … kết quả 6 tháng đầu năm 2023"),
    the title's, the only year of the lead, or the year of a page's stamp within weeks of the day; (None,
    None) when none gives one. Never the fetch date."""
    if not phrase:
        return None, None
    full = _lexicon_date(phrase, language) or _full_date(phrase, language)
    if full:
        return full, "phrase"
    # The dateline dates only a phrase with a digit (``_search`` keeps nothing else): not looked for otherwise.
    dateline = publication_date(text, language) if _has_digit(phrase) else None
    if dateline is not None and (day := _day_and_month(phrase, language, dateline)) is not None:
        return day, "dateline"
    day_and_month = month_and_day(phrase, language)
    if day_and_month is None:
        return None, None
    for source, year in _stated_years(phrase, text, day_and_month[0]):
        found = safe_date(year, *day_and_month)
        if found is not None:
            return found, source
    stamped = _near_a_stamp(text, *day_and_month)
    return (stamped, "dateline") if stamped is not None else (None, None)


_STAMP = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")
_STAMP_DAYS = 45  # a page is stamped within weeks of the meeting it reports


def _near_a_stamp(text: str, month: int, day: int) -> dt.date | None:
    """The day and month in the year that puts them nearest a page's whole date anywhere in the article
    ("Ngày 29-5" and the stamp "30/05/13 06:24 GMT" at its end: 29 May 2013), within weeks of it; not a
    document's day. None when no whole date is that near."""
    nearest: tuple[int, dt.date] | None = None
    for match in _STAMP.finditer(text):
        year = int(match[3]) + (2000 if len(match[3]) == 2 else 0)
        stamp = safe_date(year, int(match[2]), int(match[1]))
        if stamp is None or a_documents_day(text, match.start()):
            continue
        for candidate in filter(None, (safe_date(stamp.year + shift, month, day) for shift in (-1, 0, 1))):
            distance = abs((candidate - stamp).days)
            if distance <= _STAMP_DAYS and (nearest is None or distance < nearest[0]):
                nearest = (distance, candidate)
    return nearest[1] if nearest else None


def _stated_years(phrase: str, text: str, month: int) -> list[tuple[YearFrom, int]]:
    """The years the article states near ``phrase``, best first: its sentence's (or the next one's, which goes
    on about the meeting: "… báo cáo kết quả năm 2018"), the title's, the lead's only year."""
    wanted = phrase.casefold()
    sentences = split_sentences(text)
    at = next((number for number, sentence in enumerate(sentences) if wanted in sentence.casefold()), None)
    sentence = sentences[at] if at is not None else phrase
    following = sentences[at + 1] if at is not None and at + 1 < len(sentences) else ""
    title = next((line for line in text.splitlines() if line.strip()), "")
    found: list[tuple[YearFrom, int]] = []
    places: list[tuple[YearFrom, str]] = [("sentence", sentence), ("sentence", following), ("title", title)]
    for source, words in places:
        years = _years_in(words)
        year = _year_of(years, month, words) if years else None
        if years and year is None:
            return found  # the sentence leaves the year open: no later, vaguer place settles it
        if year is not None:
            found.append((source, year))
    lead = set(_years_in(text[:LEAD_CHARS]))
    if len(lead) == 1:
        found.append(("lead", lead.pop()))
    return found


def _years_in(words: str) -> list[int]:
    """The years ``words`` state, not a document's number or day ("Nghị quyết số 12/2020/NQ-HĐND ngày 5/6/2020")
    nor a period's ("giai đoạn 2021-2025", "nhiệm kỳ 2020-2025": a meeting may be held in any of its years)."""
    kept = _PERIOD.sub(" ", _DOCUMENT_NUMBER.sub(" ", _without_document_days(words)))
    years = [int(year) for year in _YEAR.findall(kept)]
    return [year - 543 if year >= _BUDDHIST_ERA_FROM else year for year in years]


def _year_of(years: list[int], month: int, words: str = "") -> int | None:
    """The meeting's year among a sentence's years: a report on one year and plans for the next ("kết quả
    năm 2018 và nhiệm vụ năm 2019") is held late in the first or early in the second. A review of one year
    ("итоги прошедшего 2023 года") before October may be held in the next: no year is sure then."""
    for year in years:
        if year + 1 in years:
            return year if month >= 7 else year + 1
    if len(set(years)) == 1 and month < 10 and _review().search(words):
        return None
    return years[0]


def month_and_day(phrase: str, language: str | None) -> tuple[int, int] | None:
    """(month, day) of a phrase with no year ("Ngày 29-5", "Sáng 6/12", "On March 24", "5月4日")."""
    numeric = _DAY_MONTH.search(phrase)
    if numeric and 1 <= int(numeric[2]) <= 12 and 1 <= int(numeric[1]) <= 31:
        return int(numeric[2]), int(numeric[1])
    for _, _, _, month, day in pattern_days(phrase, language):
        return month, day
    found = _search(phrase, language, {"REQUIRE_PARTS": ["day", "month"], "RELATIVE_BASE": dt.datetime(2000, 12, 31)})
    return (found.month, found.day) if found else None


def dateparser_languages(language: str | None) -> list[str]:
    """The languages dateparser is told to read: the article's, then English (datelines, stamps)."""
    return [language, "en"] if language and language != "en" else ["en"]


def _lexicon_date(phrase: str, language: str | None) -> dt.date | None:
    """A full date written as the lexicon's date patterns say ("2024年5月4日", "2024년 5월 4일")."""
    for _, _, year, month, day in pattern_days(phrase, language):
        if year is not None:
            return safe_date(year, month, day)
    return None


def pattern_days(text: str, language: str | None) -> list[tuple[int, str, int | None, int, int]]:
    """(start, words, year or None, month, day) of each day the lexicon's date patterns find in ``text``,
    pattern by pattern: the month is the pattern's group, or the entry's own number for a month by name
    ("ថ្ងៃទី៧ ខែសីហា", "24 ก.พ. 2564"); digits of any script count."""
    from summarizer import lexicon

    found = []
    for pattern, entry in lexicon.compiled("date_patterns", (language,) if language else None):
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = groups.get("m") or (entry.english if (entry.english or "").isdigit() else None)
            if month and groups.get("d"):
                year = int(groups["y"]) if groups.get("y") else None
                found.append((match.start(), match[0], year, int(month), int(groups["d"])))
    return found


def publication_date(text: str, language: str | None) -> dt.date | None:
    """The first full date near the top of the article (its dateline), not a document's day ("Nghị
    quyết số 31/2021/QH15 ngày 12/11/2021"); else the last day of a year and month at the very top
    ("2023-10", an archive stamp); else None."""
    full = _full_date(_without_document_days(text[:_DATELINE_CHARS]), language)
    if full:
        return full
    month = _YEAR_MONTH.search(text[:_YEAR_MONTH_CHARS])
    if month is None or not 1 <= int(month[2]) <= 12:
        return None
    year, number = int(month[1]), int(month[2])
    return dt.date(year + number // 12, number % 12 + 1, 1) - dt.timedelta(days=1)


def _without_document_days(text: str) -> str:
    """``text`` with the numeric dates that follow a document's words blanked (same length)."""

    def blank(match: re.Match[str]) -> str:
        return " " * len(match[0]) if a_documents_day(text, match.start()) else match[0]

    return _NUMERIC_DATE.sub(blank, _ISO_DATE.sub(blank, text))


def _full_date(text: str, language: str | None) -> dt.date | None:
    for match in _ISO_DATE.finditer(text):
        found = safe_date(int(match[1]), int(match[2]), int(match[3]))
        if found:
            return found
    for match in _NUMERIC_DATE.finditer(text):  # day first, as in most of the world's datelines
        found = safe_date(int(match[3]), int(match[2]), int(match[1]))
        if found:
            return found
    return _search(text, language, {"REQUIRE_PARTS": ["day", "month", "year"]})


def _day_and_month(phrase: str, language: str | None, dateline: dt.date) -> dt.date | None:
    base = dt.datetime.combine(dateline + dt.timedelta(days=1), dt.time())
    settings = {"REQUIRE_PARTS": ["day", "month"], "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    return _search(phrase, language, settings)


def _search(text: str, language: str | None, settings: dict[str, object]) -> dt.date | None:
    """The first absolute date in ``text`` written with a digit: relative words ("now", "yesterday") never
    date a meeting."""
    if not _has_digit(text):
        return None  # no words of it could be kept below: dateparser is not asked
    frozen = tuple((key, tuple(value) if isinstance(value, list) else value) for key, value in settings.items())
    return _first_absolute(text, tuple(dateparser_languages(language)), frozen)


# The steps ask about the same dateline and phrases more than once an article (dateparser: ~10 ms a call):
# the answer is kept by its question, for the last few.
@functools.lru_cache(maxsize=16)
def _first_absolute(text: str, languages: tuple[str, ...], frozen: tuple[tuple[str, object], ...]) -> dt.date | None:
    from dateparser.search import search_dates

    settings = {key: list(value) if isinstance(value, tuple) else value for key, value in frozen}
    absolute = {**settings, "PARSERS": ["absolute-time"]}
    try:
        found = search_dates(text, languages=list(languages), settings=absolute)
    except (ValueError, KeyError):  # dateparser refuses languages it does not know
        found = search_dates(text, settings=absolute)
    for words, moment in found or []:
        if _has_digit(words) and "%" not in words:  # "6,93%, 6" is a share and a count, not 6 June 1993
            return safe_date(moment.year, moment.month, moment.day)
    return None


def _has_digit(text: str) -> bool:
    return any(char.isdigit() for char in text)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    if year >= _BUDDHIST_ERA_FROM:  # Thai (and Lao) reports count years from 543 BCE: 2568 is 2025
        year -= 543
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
