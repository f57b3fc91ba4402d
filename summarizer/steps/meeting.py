"""The meeting: name, kind, day, place and organiser, read from the article (or its first part)."""

from __future__ import annotations

from pydantic import Field

from summarizer.schema import Meeting, MeetingKind
from summarizer.steps.base import Asker, Draft, found_in_article
from summarizer.text.dates import resolve_date

MAX_TOKENS = {"meeting": 400}


class MeetingDraft(Draft):
    """The meeting as the article describes it; every field copied from the article or null."""

    name: str | None = Field(description="The meeting's name as written in the article", max_length=200)
    kind: MeetingKind
    date_as_written: str | None = Field(description="Words giving the meeting's day, copied", max_length=60)
    location: str | None = Field(description="Place of the meeting, copied from the article", max_length=80)
    organiser: str | None = Field(description="Body that held the meeting, copied", max_length=150)


DRAFTS = {"meeting": MeetingDraft}


def read_meeting(asker: Asker, original: str, language: str, warnings: list[str]) -> Meeting:
    """The meeting the article reports; values not found in the article are dropped with a warning."""
    draft = asker.ask_about_article("meeting", MeetingDraft)
    date_words = found_in_article("date", draft.date_as_written, original, warnings)
    return Meeting(
        name=found_in_article("name", draft.name, original, warnings),
        kind=draft.kind,
        date=resolve_date(date_words, original, language),
        date_as_written=date_words,
        location=found_in_article("location", draft.location, original, warnings),
        organiser=found_in_article("organiser", draft.organiser, original, warnings),
    )
