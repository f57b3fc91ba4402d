"""The day written in the sentence that names the meeting, when the model gives none the article has.

The sentence that names the meeting often opens with its day ("Ngày 29-9, … Hội nghị lần thứ 25 …",
"12月29日，…召开了第七次会议"), though the lead, where the rules look first, does not.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re

from summarizer.text.dates import (
    LEAD_CHARS,
    a_documents_day,
    dateparser_languages,
    month_and_day,
    pattern_days,
    safe_date,
)
from summarizer.text.sentences import split_sentences

# A day and month with a slash or a dash ("29-9", "6/12"): after a dot or before a percent, a decimal or a range.
_SLASHED_DAY = re.compile(r"(?<![\d/.,-])(\d{1,2})[/-](\d{1,2})(?![\d/.,-]*\d)(?!\s?%)")
_NO_YEAR = 2000  # a leap year: 29 February is a day


def day_of_sentence(words: str | None, text: str, language: str | None) -> str | None:
    """The day written in the sentence where ``words`` (the meeting's name) stand, or None."""
    if not words:
        return None
    sentence = next((one for one in split_sentences(text) if words in one), None)
    if sentence is None:
        return None
    offset = text.find(sentence)
    for at, found in days_in(sentence, language):
        # The day's own place in the article: the words before it there say whether it is a document's.
        start = offset + at if offset >= 0 else text.find(found)
        if start >= 0 and not a_documents_day(text, start):
            return found
    return None


def days_in(text: str, language: str | None) -> list[tuple[int, str]]:
    """(start, words) of every day ``text`` writes, in order: the lexicon's patterns ("12月29日", "ថ្ងៃទី៧
    ខែសីហា"), a day and month with a slash or a dash, and what dateparser reads ("8 novembre 2022",
    "1 июля"); words that make no day of the calendar ("31/4") are left out."""
    found: dict[int, str] = {}
    for start, words, year, month, day in pattern_days(text, language):
        _add(found, start, words, year or _NO_YEAR, month, day)
    for match in _SLASHED_DAY.finditer(text):
        _add(found, match.start(), match[0], _NO_YEAR, int(match[2]), int(match[1]))
    # Only dateparser's days written with a digit are kept, and they stand in the text: a text without
    # a digit is not given to dateparser (a quarter of the sentences that name a meeting; ~9 ms a call under cProfile).
    days = _dateparser_days(text, language) if any(char.isdigit() for char in text) else []
    for words, moment in days:
        # Digits alone are read above, where a percent or a decimal rules them out ("3-5%" is no 3 May).
        if any(char.isalpha() for char in words) and any(char.isdigit() for char in words):
            _add(found, text.find(words), words, moment.year, moment.month, moment.day)
    return [(start, found[start]) for start in sorted(found) if start >= 0]


def _dateparser_days(text: str, language: str | None) -> list[tuple[str, dt.datetime]]:
    from dateparser.search import search_dates

    base = dt.datetime(_NO_YEAR, 12, 31)
    settings = {"REQUIRE_PARTS": ["day", "month"], "PARSERS": ["absolute-time"], "RELATIVE_BASE": base}
    try:
        return search_dates(text, languages=dateparser_languages(language), settings=settings) or []
    except (ValueError, KeyError):  # dateparser refuses languages it does not know
        return []


def _add(found: dict[int, str], start: int, words: str, year: int, month: int, day: int) -> None:
    if start not in found:
        with contextlib.suppress(ValueError):  # no such day: "31/4", 29 February of a year without it
            dt.date(year, month, day)
            found[start] = words


_RANGE_BEFORE = re.compile(r"[\d០-៩໐-໙๐-๙]{1,2}\s*[-–]\s*(?:\S*\s*)?$")  # "8-9 ກໍລະກົດ": the range's end
# A clock time right after the date, or after a short word when it gives seconds ("29 août 2019 à 10:57:06":
# a meeting's hour is never given to the second).
_CLOCK_AFTER = re.compile(r"[ T,]+(?:\d{1,2}:\d{2}|[^\W\d]{1,5}\s+\d{1,2}:\d{2}:\d{2})")


def time_stamped(text: str, end: int) -> bool:
    """Whether the date ending at ``end`` is a time stamp: a clock time follows it ("14.08.2012 11:05", a
    page's posting time), so it is not the day of a meeting."""
    return _CLOCK_AFTER.match(text, end) is not None


def full_day_in_lead(text: str, language: str | None) -> str | None:
    """The first whole date (day, month and year) the lexicon's patterns read in the lead ("ថ្ងៃទី៧ ខែសីហា
    ឆ្នាំ២០២៥"), not a document's day, a time stamp or the end of a range of days; or None."""
    lead = text[:LEAD_CHARS]
    for start, words, year, _, _ in sorted(pattern_days(lead, language)):
        end = start + len(words)
        stamp = time_stamped(text, end)
        ranged = _RANGE_BEFORE.search(text[max(0, start - 12) : start]) is not None
        if year is not None and not stamp and not ranged and not a_documents_day(text, start):
            return words
    return None


def term_opening_day(phrase: str | None, term_years: str | None, language: str | None) -> dt.date | None:
    """A congress's day and month in the first year of the term it opens ("Đại hội … nhiệm kỳ 2020 – 2025"
    and "Ngày 29-5": 29 May 2020): a party or front congress elects the body of the term that starts in its
    year. None without a day and month or a term's years ("2020-2025")."""
    day_and_month = month_and_day(phrase, language) if phrase and term_years else None
    first = re.match(r"\d{4}", term_years or "")
    return safe_date(int(first[0]), *day_and_month) if day_and_month and first else None
