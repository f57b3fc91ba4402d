"""The English headline and summary (of the article, or of its parts' summaries) and their translation."""

from __future__ import annotations

from pydantic import Field

from summarizer.prompts import load_prompt
from summarizer.schema import Summary
from summarizer.steps.base import Asker, Draft
from summarizer.text.language import language_name

MAX_TOKENS = {"summary": 500, "translate": 900}


class SummaryDraft(Draft):
    """Headline and short summary in one language."""

    headline: str = Field(max_length=160)
    summary: str = Field(max_length=700)


DRAFTS = {"summary": SummaryDraft}


def summarise(asker: Asker) -> SummaryDraft:
    """An English headline and summary of the asker's text."""
    return asker.ask_about_article("summary", SummaryDraft)


def summary_of_parts(asker: Asker, summaries: list[SummaryDraft]) -> SummaryDraft:
    """One English summary from the parts' summaries (given to the summary prompt as the text)."""
    joined = "\n\n".join(f"{s.headline}\n{s.summary}" for s in summaries)
    return summarise(asker.for_text(joined))


def translate(asker: Asker, english: SummaryDraft, language: str) -> Summary:
    """The English headline and summary in ``language`` (ISO 639-1)."""
    translated = asker.ask(
        load_prompt("translate"),
        SummaryDraft,
        language=language_name(language),
        headline=english.headline,
        summary=english.summary,
    )
    return Summary(language=language, headline=translated.headline, summary=translated.summary)
