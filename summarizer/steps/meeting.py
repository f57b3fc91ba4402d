"""The meeting: name, kind, day, place and organiser, read from the article (or its first part).

The model copies the name as the article writes it (kept only when it stands there). Its English is
said by rule when the glossary understands every word of it (``text.meeting_names``: "Kỳ họp thứ 9,
HĐND tỉnh Lam Sơn khóa XIX" is "9th Session of the 19th Lam Son Provincial People's Council"), is the
name itself in an English article, and is otherwise translated with the other English fields and then
checked against the parts the glossary did read (``checked_english_name``). A place that is a
committee, a council, a title or a bare "Province" is not a place and is dropped, nor are a common
noun, a news agency's dateline or the name of who chaired (``text.places``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from pydantic import Field

from summarizer import lexicon
from summarizer.schema import Meeting, MeetingKind, NameBy
from summarizer.steps.base import Asker, Draft, found_in_article
from summarizer.text.dates import YearFrom, a_documents_day, dated, day_in_lead
from summarizer.text.day_words import day_of_sentence, full_day_in_lead, term_opening_day, time_stamped
from summarizer.text.fidelity import index_article, untraced
from summarizer.text.grounding import appears_in
from summarizer.text.meeting_names import NameParts, english_name, parse_name, spaces_words
from summarizer.text.meetings import (
    cut_at_chairing,
    has_a_meeting_word,
    meeting_name_in,
    meeting_names_in,
    unspaced_name_in,
)
from summarizer.text.name_context import full_name_parts, holder_words, other_holder
from summarizer.text.names import names_a_body, value_or_none
from summarizer.text.numbers import english_numbers
from summarizer.text.places import is_a_venue, why_not_a_place
from summarizer.text.titles import supported_titles

# Countries, as a whole place is written in the languages these reports come in: not where a meeting was held.
_COUNTRIES = frozenset(lexicon.words("country_names"))
MAX_TOKENS = {"meeting": 400}


class MeetingDraft(Draft):
    """The meeting as the article describes it; every field copied from the article or null."""

    COPIES_ARTICLE = True

    name_as_written: str | None = Field(description="The words naming the meeting, copied", max_length=200)
    kind: MeetingKind
    date_as_written: str | None = Field(description="Words giving the meeting's day, copied", max_length=60)
    location: str | None = Field(description="Place of the meeting, copied from the article", max_length=80)
    organiser: str | None = Field(description="Body that held the meeting, copied", max_length=150)


DRAFTS = {"meeting": MeetingDraft}


def read_meeting(asker: Asker, original: str, language: str, warnings: list[str]) -> Meeting:
    """The meeting the article reports; values not found in the article are dropped with a warning."""
    draft = asker.ask_about_article("meeting", MeetingDraft)
    copied = found_in_article("name", draft.name_as_written, original, warnings)
    written = _written_name(copied, original, language, warnings)
    date_words = _meeting_day(_copied_date(draft.date_as_written, original, warnings), original, warnings)
    date, year_from = dated(date_words, original, language)
    if date is None:  # the model gave no day the article has: the lead's, the name's sentence's, the lead's date
        for found in _days_by_rule(written, original, language):
            if found is not None:
                date_words, (date, year_from) = found, dated(found, original, language)
            if date is not None:
                break
    organiser = _organiser(found_in_article("organiser", draft.organiser, original, warnings), warnings)
    organiser = _organiser_holding(organiser, written, original, language, warnings)
    if date is None and written is not None:
        date, year_from = _congress_day(date_words, written, original, language)
    name, name_by = _name_by_rule(written, original, organiser, language)
    return Meeting(
        name=name,
        name_by=name_by,
        name_as_written=written,
        kind=draft.kind,
        date=date,
        date_year_from=year_from if date else None,
        date_as_written=date_words,
        location=_place(found_in_article("location", draft.location, original, warnings), original, warnings),
        organiser=organiser,
    )


def _days_by_rule(written: str | None, original: str, language: str) -> Iterator[str | None]:
    """The day the lead opens with, then the day the name's sentence gives, then the lead's first whole date,
    each looked for only when asked (the sentence's costs a dateparser search, and most briefs have their
    day from the model)."""
    yield day_in_lead(original)
    yield day_of_sentence(written, original, language)
    yield full_day_in_lead(original, language)  # "នាព្រឹកថ្ងៃទី៧ ខែសីហា ឆ្នាំ២០២៥"


def _congress_day(
    words: str | None, written: str, original: str, language: str
) -> tuple[dt.date | None, YearFrom | None]:
    """A congress's day with the year of the term it opens, when the article gives only its day and month."""
    parts = full_name_parts(written, original, None, language) if words else None
    if parts is None or "Congress" not in (parts.noun or ""):
        return None, None
    # Where the years stand before the word for term (2025-2030년 임기), the glossary reads them as a period.
    term = parts.term_years or (parts.period if parts.period and _TERM_PERIOD.fullmatch(parts.period) else None)
    day = term_opening_day(words, term, language)
    return (day, "term") if day else (None, None)


_TERM_PERIOD = re.compile(r"\d{4}-\d{4} term")


def _name_by_rule(
    written: str | None, original: str, organiser: str | None, language: str
) -> tuple[str | None, NameBy | None]:
    """The English name when it needs no model: the article's own (English) words, or the glossary's
    rendering of a name it understands whole; else (None, None), to be translated with the other fields."""
    if written is None:
        return None, None
    if language == "en":
        holder = holder_words(written, original, language) if not names_a_body(written.casefold()) else None
        named = f"{written} of the {_without_article(holder)}" if holder else written
        return named[:1].upper() + named[1:], "article"
    parts = full_name_parts(written, original, organiser, language)
    return (english_name(parts), "rule") if parts.complete else (None, None)


def _without_article(words: str) -> str:
    """Words without the article they open with ("The provincial Party Committee" -> "provincial Party Committee")."""
    return re.sub(r"^the\s+", "", words, flags=re.IGNORECASE)


def checked_english_name(
    english: str | None, meeting: Meeting, original: str, language: str, warnings: list[str]
) -> tuple[str | None, NameBy | None]:
    """The model's English for the meeting's name, unless it contradicts the article: a number the name
    does not have ("28th" for the 18th), or a name, country or currency the article lacks (a "National
    Committee of the People's Republic of China"). Then the glossary's rendering of the words it read
    stands in ("16th Meeting" for "phiên họp thứ 16"), or no English name, with a warning."""
    written = meeting.name_as_written or ""
    parts = full_name_parts(written, original, meeting.organiser, language)
    problems = _name_problems(english, written, parts, original) if english else ["no English"]
    if not problems and english is not None:
        return english, "model"
    fallback = english_name(parts)
    said = f"{english!r}" if english else "the meeting name"
    warnings.append(
        f"English meeting name {said} dropped ({'; '.join(problems)})"
        + (f": said by rule from the words the glossary reads, {fallback!r}" if fallback else "")
    )
    return (fallback, "rule") if fallback else (None, None)


def _name_problems(english: str, written: str, parts: NameParts, original: str) -> list[str]:
    problems = []
    if not names_a_meeting(english):
        problems.append("it names no meeting")
    numbers = {key for _, keys in english_numbers(english) for key in keys}
    # The meeting's own number must be kept; a term left out makes the name shorter, not wrong.
    if parts.ordinal is not None and str(parts.ordinal) not in numbers:
        problems.append(f"it lost the name's {parts.ordinal}")
    stated = set(re.findall(r"\d+", written)) | {str(number) for number in parts.numbers()}
    extra = numbers - stated - {key for key in numbers if re.fullmatch(r"\d{4}", key)}
    if extra:
        problems.append(f"{', '.join(sorted(extra))} is not in the name")
    problems += [f"{item} is not in the article" for item in untraced(english, index_article(original))]
    return problems


def _has_a_body(words: str) -> bool:
    """Whether ``words`` name a body the lexicons know (하반성 인민위원회, 省人民委员会)."""
    return any(pattern.search(words) for pattern in lexicon.compounding("bodies"))


def _organiser(organiser: str | None, warnings: list[str]) -> str | None:
    """The organiser when it names a body (a committee, council, government), not a person."""
    if organiser is not None and not (names_a_body(organiser.casefold()) or _has_a_body(organiser)):
        warnings.append(f"dropped meeting organiser {organiser!r}: it names no body")
        return None
    return organiser


def _organiser_holding(
    organiser: str | None, written: str | None, original: str, language: str, warnings: list[str]
) -> str | None:
    """The organiser unless the name's sentence says another held the meeting (the body then only stood
    in a delegate's title): a wrong owner would also make the English name's body."""
    holder = other_holder(written, original, organiser, language) if organiser and written else None
    if holder is not None:
        warnings.append(f"dropped meeting organiser {organiser!r}: the article says {holder!r} held it")
        return None
    return organiser


def _copied_date(words: str | None, original: str, warnings: list[str]) -> str | None:
    """The model's date words as the article has them: a copy with a word of its own in front ("le 13
    décembre" for "du 13 décembre") keeps its tail from the first word with a digit, when that stands in
    the article word for word; anything else not in the article is dropped."""
    words = value_or_none(words)
    if words is not None and not appears_in(words, original):
        split = words.split()
        for start, word in enumerate(split[1:], 1):
            tail = " ".join(split[start:])
            # Exactly, not as near as grounding allows: "14 décembre" is near "13 décembre".
            if any(char.isdigit() for char in word) and tail.casefold() in original.casefold():
                return tail
    return found_in_article("date", words, original, warnings)


def _meeting_day(words: str | None, original: str, warnings: list[str]) -> str | None:
    """The date words, unless the article uses them for a document or an update ("Resolution No. 18 of
    25 October 2017", "Updated 06/12/2018") or as a time stamp ("14.08.2012 11:05", a page's posting
    time): those days are not the meeting's."""
    if words is None:
        return None
    at = original.find(words)
    if at >= 0 and a_documents_day(original, at):
        warnings.append(f"dropped meeting date {words!r}: the article gives it for a document, an update or a deadline")
        return None
    if at >= 0 and time_stamped(original, at + len(words)):
        warnings.append(f"dropped meeting date {words!r}: the article gives it as a time stamp, not the meeting's day")
        return None
    return words


def _written_name(written: str | None, original: str, language: str, warnings: list[str]) -> str | None:
    """The model's copy of the name if it names a meeting, else the rule's (``meeting_name_in``): the
    model copies a dateline ("Roma"), a district ("Тан Ки") or a headline as the name. When the name is
    a later, shorter mention of the meeting ("hội nghị Ban Chấp hành Đảng bộ lần thứ 25"), the
    opening's full name of the same meeting (same number, more of its body, level, place and term) is
    taken instead."""
    if written is not None and language in lexicon.having("chair_verbs"):
        written = cut_at_chairing(written, language)  # the model copies on into who chaired it
    if written is not None and not has_a_meeting_word(written):
        warnings.append(f"dropped meeting name {written!r}: it names no meeting")
        written = None
    if written is None:
        written = meeting_name_in(original) if spaces_words(language) else unspaced_name_in(original, language)
    if written is None:
        return None
    fuller = [name for name in meeting_names_in(original, 3000) if _fuller(name, written, language)]
    return max(fuller, key=lambda name: _said(parse_name(name, language))) if fuller else written


def _fuller(name: str, other: str, language: str) -> bool:
    """Whether ``name`` is the same meeting as ``other`` (same ordinal) and says more of it."""
    first, second = parse_name(name, language), parse_name(other, language)
    same = first.ordinal is not None and first.ordinal == second.ordinal and not first.conflict
    return same and _said(first) > _said(second)


def _said(parts: NameParts) -> int:
    """How many of a name's body, level, place and term it states."""
    return sum(value is not None for value in (parts.body, parts.level, parts.place, parts.term))


def names_a_meeting(name: str) -> bool:
    """Whether an English name has a meeting's noun (conference, session, plenum...): "Share in" has not."""
    return any(pattern.search(name) for pattern, _ in lexicon.patterns("meeting_nouns", ("en",)))


def _only_a_level(place: str) -> bool:
    """Whether a place is only a level's word ("Province", "huyện", "область"): no place of its own."""
    return any(pattern.fullmatch(place) for pattern in lexicon.compounding("levels"))


def _place(place: str | None, original: str, warnings: list[str]) -> str | None:
    """The place, unless it names a body ("Tỉnh ủy", "Comité provincial": a room of one, "Sala de Sessões
    do Conselho…", is a place), a title or only a level ("Province"), or is no place at all
    (``text.places.why_not_a_place``: a common noun, a dateline, the name of who chaired)."""
    if place is None:
        return None
    folded = place.casefold().strip(" .,")
    body = not is_a_venue(place) and (names_a_body(folded) or bool(supported_titles(place)))
    if _only_a_level(folded) or folded in _COUNTRIES or body:
        warnings.append(f"dropped meeting location {place!r}: a body, a title, a country or a level, not a place")
        return None
    reason = why_not_a_place(place, original)
    if reason is not None:
        warnings.append(f"dropped meeting location {place!r}: {reason}")
        return None
    return place
