"""Pydantic models: the drafts the model fills in, and the Brief the tool returns.

Drafts are what a prompt asks for: every string and list is bounded (maxLength, maxItems) so that
schema-constrained decoding of a small model cannot loop forever inside a string. The Brief adds
what the pipeline knows for sure: grounded evidence, the parsed date, the language, provenance.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Status = Literal["met", "exceeded", "on_track", "partially_met", "missed", "at_risk", "unknown"]
MeetingKind = Literal[
    "conference", "mid_term_review", "annual_review", "workshop", "plenary", "congress", "meeting", "other"
]
MatchQuality = Literal["exact", "fuzzy", "none"]

# --- What the model is asked to fill in -------------------------------------------------------------


class _Draft(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MeetingDraft(_Draft):
    """The meeting as the article describes it; every field copied from the article or null."""

    name: str | None = Field(description="The meeting's name as written in the article", max_length=200)
    kind: MeetingKind
    date_as_written: str | None = Field(description="Words giving the meeting's day, copied", max_length=60)
    location: str | None = Field(description="Place of the meeting, copied from the article", max_length=80)
    organiser: str | None = Field(description="Body that held the meeting, copied", max_length=150)


class ChairDraft(_Draft):
    """One person the article says chaired the meeting; the quote comes first, the name is read from it."""

    evidence: str = Field(description="The sentence saying they chaired, copied exactly", max_length=250)
    name: str = Field(description="Full name as written in the article", max_length=60)
    role: str = Field(description="Their position, in English", max_length=120)


class ChairsDraft(_Draft):
    """Everyone who chaired; empty when the article names nobody."""

    chairs: list[ChairDraft] = Field(max_length=4)


class NamedChairDraft(_Draft):
    """A chair named in one given sentence."""

    name: str = Field(description="Full name as written in the sentence", max_length=60)
    role: str = Field(description="Their position, in English", max_length=120)


class SentenceChairsDraft(_Draft):
    """The chairs one sentence names; empty when it names none."""

    whole_meeting: bool = Field(description="False when the sentence is about a group discussion or a session")
    chairs: list[NamedChairDraft] = Field(max_length=4)


class DirectiveDraft(_Draft):
    """One instruction given for the period ahead; the quote comes first, the English is read from it."""

    evidence: str = Field(description="The sentence stating it, copied exactly", max_length=250)
    what: str = Field(description="The directive, one short English sentence", max_length=200)
    issued_by: str | None = Field(description="Who gave it, name as written, or null", max_length=80)


class DirectivesDraft(_Draft):
    """Key directives; empty when the article gives none."""

    directives: list[DirectiveDraft] = Field(max_length=4)


class PickedDirectiveDraft(_Draft):
    """One numbered sentence that sets a task for the coming period."""

    number: int = Field(description="The sentence's number", ge=1, le=10)
    what: str = Field(description="The task, one short English sentence", max_length=200)
    issued_by: str | None = Field(description="Who gave it, name as written in the sentence, or null", max_length=80)


class DirectivePicksDraft(_Draft):
    """The sentences that set tasks; empty when none does."""

    directives: list[PickedDirectiveDraft] = Field(max_length=4)


class SummaryDraft(_Draft):
    """Headline and short summary in one language."""

    headline: str = Field(max_length=160)
    summary: str = Field(max_length=700)


class TargetJudgement(_Draft):
    """What one figure found in the article measures, and the status the article reports for it.

    The English translation comes first: a small model judges English far better than Ukrainian.
    """

    clause_in_english: str = Field(description="The clause translated into English", max_length=240)
    what: str = Field(description="What the figure measures, a few English words", max_length=120)
    status: Status


# --- What the tool returns --------------------------------------------------------------------------


class Evidence(BaseModel):
    """A quote from the article and where it stands in the original text."""

    quote: str
    match: MatchQuality = Field(description="exact, fuzzy, or none when the quote is not in the article")
    start: int | None = Field(default=None, description="Character offset in the original text")
    end: int | None = None


class Meeting(BaseModel):
    """The meeting reported; null where the article does not say (or the model's answer was not found)."""

    name: str | None = None
    kind: MeetingKind | None = None
    date: dt.date | None = Field(default=None, description="ISO 8601, only when the article gives the day")
    date_as_written: str | None = None
    location: str | None = None
    organiser: str | None = None


class Chair(BaseModel):
    """A person who chaired the meeting."""

    name: str
    role: str
    evidence: Evidence


class Target(BaseModel):
    """A target reported as met or missed, with its figure as written in the article."""

    what: str
    status: Status
    status_by: Literal["model", "rule"] = Field(
        default="model", description="rule: the clause states the share reached, or a status word, and rules read it"
    )
    figure: str
    figure_in_article: bool = Field(default=True, description="False when a number of the figure is not in the article")
    evidence: Evidence


class Directive(BaseModel):
    """A key directive for the period ahead."""

    what: str
    issued_by: str | None = None
    evidence: Evidence


class Summary(BaseModel):
    """Headline and summary in one language (ISO 639-1)."""

    language: str
    headline: str
    summary: str


class Usage(BaseModel):
    """Tokens and calls spent on one brief, every attempt counted (re-asks and retries included)."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0
    cached_calls: int = 0


class Grounding(BaseModel):
    """How many of the brief's items (chairs, targets, directives) have their evidence in the article."""

    items: int = 0
    exact: int = 0
    fuzzy: int = 0
    none: int = 0
    share: float | None = Field(default=None, description="(exact + fuzzy) / items; null with no items")


class Provenance(BaseModel):
    """How the brief was made."""

    model: str
    endpoint: str
    prompt_version: str
    usage: Usage
    cached: bool = Field(description="True when every model answer came from the cache")
    seconds: float
    source: str | None = None
    content_sha256: str
    encoding: str = "utf-8"
    input_format: Literal["text", "html"] = Field(default="text", description="html: main text extracted first")


class Brief(BaseModel):
    """A bilingual brief of one meeting report, with structured, evidence-carrying data."""

    language: str = Field(description="The article's language, ISO 639-1")
    meeting: Meeting
    chairs: list[Chair]
    targets: list[Target]
    directives: list[Directive]
    summaries: list[Summary] = Field(description="English first, then the second language")
    warnings: list[str] = Field(default_factory=list)
    grounding: Grounding = Field(default_factory=Grounding)
    provenance: Provenance

    def flagged(self) -> list[Chair | Target | Directive]:
        """Items whose quote is not in the article, or whose figure has a number the article lacks."""
        items: list[Chair | Target | Directive] = [*self.chairs, *self.targets, *self.directives]
        return [item for item in items if item.evidence.match == "none" or not getattr(item, "figure_in_article", True)]

    def strict(self) -> Brief:
        """A copy without flagged items (``--strict``); ``grounding`` still describes the full brief."""
        flagged = {id(item) for item in self.flagged()}
        if not flagged:
            return self
        return self.model_copy(
            update={
                "chairs": [c for c in self.chairs if id(c) not in flagged],
                "targets": [t for t in self.targets if id(t) not in flagged],
                "directives": [d for d in self.directives if id(d) not in flagged],
                "warnings": [*self.warnings, f"strict: dropped {len(flagged)} flagged items"],
            }
        )

    def to_json(self, indent: int | None = 2) -> str:
        """The brief as JSON text."""
        return self.model_dump_json(indent=indent)

    def to_markdown(self) -> str:
        """The brief as Markdown."""
        from summarizer.render import render_markdown

        return render_markdown(self)

    def to_html(self, article_text: str) -> str:
        """A standalone HTML page: the brief beside ``article_text`` with each evidence span highlighted."""
        from summarizer.report import render_html

        return render_html(self, article_text)

    def _repr_markdown_(self) -> str:  # Jupyter shows this
        return self.to_markdown()


DRAFT_MODELS: dict[str, type[BaseModel]] = {
    "meeting": MeetingDraft,
    "chairs": ChairsDraft,
    "chair_sentence": SentenceChairsDraft,
    "directives": DirectivesDraft,
    "directive_pick": DirectivePicksDraft,
    "summary": SummaryDraft,
    "target": TargetJudgement,
}


def exported_schemas() -> dict[str, dict[str, Any]]:
    """JSON Schemas written to ``schemas/``: the Brief, and each draft the model is asked to fill in."""
    schemas = {"brief": Brief.model_json_schema()}
    schemas.update({name: model.model_json_schema() for name, model in DRAFT_MODELS.items()})
    return schemas


def schema_text(schema: dict[str, Any]) -> str:
    """Stable text form of a schema, as stored in ``schemas/``."""
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
