"""The naive baseline the pipeline is measured against: one instructor call, raw article, whole schema.

This is what the first measurements on the seeds were made with (chairs mostly right, 1 of 13
figures, invented places). The schema is bounded like the pipeline's, so a runaway answer ends.
"""

from __future__ import annotations

from pydantic import Field

from summarizer.llm import Session
from summarizer.schema import ChairDraft, DirectiveDraft, MeetingDraft, Status, _Draft


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
