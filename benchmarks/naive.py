"""The naive baseline the pipeline is measured against: one instructor call, raw article, whole schema.

This is what the first measurements on the seeds were made with (chairs mostly right, 1 of 13
figures, invented places). The schema is bounded like the pipeline's, so a runaway answer ends.
"""

from __future__ import annotations

from pydantic import Field

from summarizer.client import Session
from summarizer.schema import Status
from summarizer.steps.base import Draft as _Draft
from summarizer.steps.directives import DirectiveDraft
from summarizer.steps.meeting import MeetingDraft


class ChairDraft(_Draft):
    """One person the article says chaired the meeting (the pipeline no longer asks this of a whole article)."""

    evidence: str = Field(max_length=250)
    name: str = Field(max_length=60)
    role: str = Field(max_length=120)


class NaiveTarget(_Draft):
    """A target reported as met or missed."""

    what: str = Field(max_length=120)
    figure: str = Field(max_length=40)
    status: Status


class NaiveBrief(_Draft):
    """Everything at once."""

    meeting: MeetingDraft
    chairs: list[ChairDraft] = Field(max_length=4)
    targets: list[NaiveTarget] = Field(max_length=12)
    directives: list[DirectiveDraft] = Field(max_length=4)
    headline: str = Field(max_length=160)
    summary: str = Field(max_length=700)


INSTRUCTION = (
    "Read this news report of an official meeting. Give the meeting (name, kind, date, place, "
    "organiser), who chaired it, the targets reported as met or missed with their figures, the key "
    "directives, and an English headline and summary. Answer in JSON."
)


def naive_brief(session: Session, raw_article: str) -> NaiveBrief:
    """One call over the raw article."""
    messages = [
        {"role": "system", "content": "You extract facts from news articles as JSON."},
        {"role": "user", "content": f"{INSTRUCTION}\n\nArticle:\n{raw_article}"},
    ]
    return session.ask(NaiveBrief, messages, "naive:1", max_tokens=2500)
