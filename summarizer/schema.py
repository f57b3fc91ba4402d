"""The Brief the tool returns and its parts (pydantic models); imports nothing of the package.

What the model is asked to fill in (the drafts) belongs to each extraction step (``summarizer.steps``).
The Brief holds what the pipeline knows for sure: grounded evidence, the parsed date, the language,
provenance.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Self

from pydantic import BaseModel, Field

Status = Literal["met", "exceeded", "on_track", "partially_met", "missed", "at_risk", "unknown"]
MeetingKind = Literal[
    "conference", "mid_term_review", "annual_review", "workshop", "plenary", "congress", "meeting", "other"
]
MatchQuality = Literal["exact", "fuzzy", "none"]
NameBy = Literal["article", "rule", "model"]

# --- What the tool returns --------------------------------------------------------------------------


class Evidence(BaseModel):
    """A quote from the article and where it stands in the original text."""

    quote: str
    match: MatchQuality = Field(description="exact, fuzzy, or none when the quote is not in the article")
    start: int | None = Field(default=None, description="Character offset in the original text")
    end: int | None = None


class Meeting(BaseModel):
    """The meeting reported; null where the article does not say (or the model's answer was not found)."""

    name: str | None = Field(default=None, description="The meeting's name in English")
    name_by: NameBy | None = Field(
        default=None,
        description="article: the article's own English; rule: composed from the glossary's renderings of every "
        "word of the name; model: the model's translation, checked against the article and the name's parts",
    )
    name_as_written: str | None = Field(default=None, description="The article's own words naming the meeting")
    kind: MeetingKind | None = None
    date: dt.date | None = Field(default=None, description="ISO 8601, only when the article gives the day")
    date_year_from: Literal["phrase", "dateline", "sentence", "title", "lead", "term"] | None = Field(
        default=None,
        description="Where the date's year comes from: the date words, the article's dateline, the year their "
        "sentence states, the title's, the only year of the article's lead, or the first year of the term a "
        "congress opens",
    )
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
    kind: Literal["result", "plan"] = Field(
        default="result",
        description="plan: a goal for the period ahead (a later year than the report's, 'phấn đấu', 'aims to'), "
        "not a result measured against its target",
    )
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
    from_article: bool = Field(
        default=False,
        description="True when the text is the article's own opening, shown because the model's translation failed",
    )


class Usage(BaseModel):
    """Tokens and calls spent on one brief, every attempt counted (re-asks and retries included)."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    forced_tokens: int = Field(
        default=0,
        description="Of the completion tokens, those the schema fixed and llama.cpp read in a batch, unsampled",
    )
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
    rules: str | None = Field(
        default=None,
        description="The language whose lexicon the rules read (chairing sentences, figures, statuses, directives); "
        "null when no lexicon covers the article's language and the model alone found chairs and figures",
    )


class BriefData(BaseModel):
    """The brief's fields and checks; ``summarizer.brief.Brief`` adds its renderings, which read these."""

    language: str = Field(description="The article's language, ISO 639-1")
    meeting: Meeting
    chairs: list[Chair]
    targets: list[Target] = Field(description="Results the article measures against a target, plan or resolution")
    other_figures: list[Target] = Field(
        default_factory=list,
        description="Figures that are plans for the period ahead, or that the article measures against nothing "
        "(status unknown): kept apart so that the targets met or missed are not buried among them",
    )
    directives: list[Directive]
    summaries: list[Summary] = Field(description="English first, then the second language")
    warnings: list[str] = Field(default_factory=list)
    grounding: Grounding = Field(default_factory=Grounding)
    provenance: Provenance

    def flagged(self) -> list[Chair | Target | Directive]:
        """Items whose quote is not in the article, or whose figure has a number the article lacks."""
        items: list[Chair | Target | Directive] = [*self.chairs, *self.targets, *self.directives]
        return [item for item in items if item.evidence.match == "none" or not getattr(item, "figure_in_article", True)]

    def strict(self) -> Self:
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


def language_name(code: str) -> str:
    """English name of an ISO 639-1 code ("uk" -> "Ukrainian"); the code itself when unknown."""
    from lingua import IsoCode639_1, Language

    try:
        language = Language.from_iso_code_639_1(IsoCode639_1.from_str(code.lower()))
    except ValueError:
        return _NAMES_LINGUA_LACKS.get(code.lower(), code)
    return str(language.name).capitalize()


# Languages told by their script (``text.language``) that lingua has no name for.
_NAMES_LINGUA_LACKS = {"km": "Khmer", "lo": "Lao", "my": "Burmese", "si": "Sinhala"}
