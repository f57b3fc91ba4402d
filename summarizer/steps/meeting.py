"""The meeting: name, kind, day, place and organiser, read from the article (or its first part).

The name is asked twice: as the article writes it (kept only when it stands there) and in English
(kept only when its numbers stand in the article: "25th" needs a 25). A place that is a committee,
a council, a title or a bare "Province" is not a place and is dropped, nor are a common noun, a
news agency's dateline or the name of who chaired (``text.places``).
"""

from __future__ import annotations

import re

from pydantic import Field

from summarizer.schema import Meeting, MeetingKind
from summarizer.steps.base import Asker, Draft, found_in_article
from summarizer.text.dates import a_documents_day, day_in_lead, resolve_date
from summarizer.text.grounding import ground
from summarizer.text.language import is_in_language
from summarizer.text.meetings import has_a_meeting_word, meeting_name_in
from summarizer.text.names import names_a_body, value_or_none
from summarizer.text.places import is_a_venue, why_not_a_place
from summarizer.text.titles import supported_titles

# Words of bodies (party committees, councils, governments) in the languages these reports come in.
_COUNTRIES = {
    "vietnam",
    "viet nam",
    "việt nam",
    "vietnã",
    "вьетнам",
    "в'єтнам",
    "cuba",
    "italia",
    "italy",
    "deutschland",
}
_MEETING_NOUNS = re.compile(
    r"conference|meeting|session|congress|plenum|plenary|workshop|forum|assembly|council|review|summit|hearing",
    re.IGNORECASE,
)
# The English names the meeting prompt gives as examples (prompts/meeting.j2), folded, each with the
# words it translates there: an article that has those words is named so rightly.
_PROMPT_EXAMPLES = {
    "25th conference of the provincial party executive committee": "Hội nghị lần thứ 25 Ban Chấp hành Đảng bộ tỉnh",
    "extended meeting of the provincial party executive committee": "réunion élargie du Comité exécutif provincial",
}
_LEVEL_WORDS = {
    "province",
    "provincial",
    "district",
    "city",
    "commune",
    "tỉnh",
    "huyện",
    "thành phố",
    "xã",
    "ville",
    "provinz",
    "provincia",
    "província",
    "область",
    "район",
    "region",
    "région",
}

MAX_TOKENS = {"meeting": 400}


class MeetingDraft(Draft):
    """The meeting as the article describes it; every field copied from the article or null."""

    name_as_written: str | None = Field(description="The words naming the meeting, copied", max_length=200)
    name: str | None = Field(description="The meeting's name in English", max_length=200)
    kind: MeetingKind
    date_as_written: str | None = Field(description="Words giving the meeting's day, copied", max_length=60)
    location: str | None = Field(description="Place of the meeting, copied from the article", max_length=80)
    organiser: str | None = Field(description="Body that held the meeting, copied", max_length=150)


DRAFTS = {"meeting": MeetingDraft}


def read_meeting(asker: Asker, original: str, language: str, warnings: list[str]) -> Meeting:
    """The meeting the article reports; values not found in the article are dropped with a warning."""
    draft = asker.ask_about_article("meeting", MeetingDraft)
    date_words = _meeting_day(found_in_article("date", draft.date_as_written, original, warnings), original, warnings)
    date = resolve_date(date_words, original, language)
    if date is None and (opening := day_in_lead(original)) is not None:
        date_words, date = opening, resolve_date(opening, original, language)
    written = _written_name(found_in_article("name", draft.name_as_written, original, warnings), original, warnings)
    name = _english_name(draft.name, original, warnings)
    if written and (name is None or is_in_language(name, "en") is False):
        name = written  # said in English by the English step, with the other fields
    return Meeting(
        name=name,
        name_as_written=written,
        kind=draft.kind,
        date=date,
        date_as_written=date_words,
        location=_place(found_in_article("location", draft.location, original, warnings), original, warnings),
        organiser=found_in_article("organiser", draft.organiser, original, warnings),
    )


_CLOCK_TIME = re.compile(r"[ T,]+\d{1,2}:\d{2}")  # right after a date: a posting time stamp


def _meeting_day(words: str | None, original: str, warnings: list[str]) -> str | None:
    """The date words, unless the article uses them for a document or an update ("Resolution No. 18 of
    25 October 2017", "Updated 06/12/2018") or as a time stamp ("14.08.2012 11:05", a page's posting
    time): those days are not the meeting's."""
    if words is None:
        return None
    at = original.find(words)
    if at >= 0 and a_documents_day(original, at):
        warnings.append(f"dropped meeting date {words!r}: the article gives it for a document or an update")
        return None
    if at >= 0 and _CLOCK_TIME.match(original, at + len(words)):
        warnings.append(f"dropped meeting date {words!r}: the article gives it as a time stamp, not the meeting's day")
        return None
    return words


def _written_name(written: str | None, original: str, warnings: list[str]) -> str | None:
    """The model's copy of the name if it names a meeting, else the rule's (``meeting_name_in``): the
    model copies a dateline ("Roma"), a district ("Тан Ки") or a headline as the name."""
    if written is not None and has_a_meeting_word(written):
        return written
    if written is not None:
        warnings.append(f"dropped meeting name {written!r}: it names no meeting")
    return meeting_name_in(original)


def names_a_meeting(name: str) -> bool:
    """Whether an English name has a meeting's noun (conference, session, plenum...): "Share in" has not."""
    return bool(_MEETING_NOUNS.search(name))


def _english_name(name: str | None, original: str, warnings: list[str]) -> str | None:
    """The English name, unless it names no meeting ("Share in", "Mid_term_review") or has a number
    the article lacks (an invented "5th")."""
    name = value_or_none(name)
    if name is None:
        return None
    if "_" in name or len(name.split()) < 2 or not _MEETING_NOUNS.search(name):
        warnings.append(f"dropped meeting name {name!r}: it names no meeting")
        return None
    example_of = _PROMPT_EXAMPLES.get(" ".join(name.casefold().split()))
    if example_of is not None and ground(example_of, original).match != "exact":  # the small model copies them
        warnings.append(f"dropped meeting name {name!r}: the prompt's example, not the article's meeting")
        return None
    numbers = set(re.findall(r"\d+", original))
    missing = [number for number in re.findall(r"\d+", name) if number not in numbers]
    if missing:
        warnings.append(f"dropped meeting name {name!r}: {', '.join(missing)} is not in the article")
        return None
    return name


def _place(place: str | None, original: str, warnings: list[str]) -> str | None:
    """The place, unless it names a body ("Tỉnh ủy", "Comité provincial": a room of one, "Sala de Sessões
    do Conselho…", is a place), a title or only a level ("Province"), or is no place at all
    (``text.places.why_not_a_place``: a common noun, a dateline, the name of who chaired)."""
    if place is None:
        return None
    folded = place.casefold().strip(" .,")
    body = not is_a_venue(place) and (names_a_body(folded) or bool(supported_titles(place)))
    if folded in _LEVEL_WORDS or folded in _COUNTRIES or body:
        warnings.append(f"dropped meeting location {place!r}: a body, a title, a country or a level, not a place")
        return None
    reason = why_not_a_place(place, original)
    if reason is not None:
        warnings.append(f"dropped meeting location {place!r}: {reason}")
        return None
    return place
