"""Rendering a Brief: Markdown, plain text, JSON, and rich output for the terminal.

Every rendering is made inert (``summarizer.inert``): control characters from the article or the model
are shown, never sent raw to a terminal or a file.
"""

from __future__ import annotations

from typing import Any

from summarizer.inert import inert, inert_json
from summarizer.schema import BriefData as Brief
from summarizer.schema import Evidence, language_name

_MARK = {"exact": "", "fuzzy": " (quote matched approximately)", "none": " (quote NOT found in the article)"}


def _where(evidence: Evidence) -> str:
    """Match quality and character offsets in the original article, after the quote."""
    span = f", chars {evidence.start}-{evidence.end}" if evidence.start is not None else ""
    return f"{_MARK[evidence.match]} [{evidence.match}{span}]"


_FIGURE = {True: "", False: " (a number of this figure is NOT in the article)"}


def render_markdown(brief: Brief) -> str:
    """The brief as Markdown: both summaries, then the structured data with evidence."""
    lines: list[str] = []
    for summary in brief.summaries:
        lines += [f"## {summary.headline}", f"*{language_name(summary.language)}*", "", summary.summary, ""]
    lines += _facts(brief, bullet="-", quote=lambda e: f"  > {e.quote}{_where(e)}", heading="### ")
    return inert("\n".join(lines).rstrip() + "\n")


def render_text(brief: Brief) -> str:
    """The brief as plain text (what ``-o`` writes for the text format)."""
    lines: list[str] = []
    for summary in brief.summaries:
        lines += [f"[{summary.language}] {summary.headline}", summary.summary, ""]
    lines += _facts(brief, bullet="*", quote=lambda e: f'    "{e.quote}"{_where(e)}')
    return inert("\n".join(lines).rstrip() + "\n")


def render_json(brief: Brief) -> str:
    """The brief as JSON (control characters escaped, none raw)."""
    return inert_json(brief.to_json()) + "\n"


def _facts(brief: Brief, bullet: str, quote: Any, heading: str = "") -> list[str]:
    """The structured data; ``heading`` prefixes section titles (``### `` in Markdown)."""
    lines = [f"{heading}Meeting", ""]
    lines += [f"{bullet} {label}: {value}" for label, value in meeting_rows(brief)]
    lines += ["", f"{heading}Chaired by", ""]
    lines += _items([(f"{c.name} ({c.role})" if c.role else c.name, c.evidence) for c in brief.chairs], bullet, quote)
    lines += ["", f"{heading}Targets", ""]
    lines += _items(
        [(f"{t.figure}: {t.what} [{t.status}]{_FIGURE[t.figure_in_article]}", t.evidence) for t in brief.targets],
        bullet,
        quote,
    )
    lines += ["", f"{heading}Directives", ""]
    lines += _items(
        [(d.what + (f" ({d.issued_by})" if d.issued_by else ""), d.evidence) for d in brief.directives],
        bullet,
        quote,
    )
    if brief.grounding.items:
        lines += ["", grounding_line(brief)]
    if brief.warnings:
        lines += ["", f"{heading}Warnings", ""] + [f"{bullet} {warning}" for warning in brief.warnings]
    usage, provenance = brief.provenance.usage, brief.provenance
    lines += [
        "",
        f"Model {provenance.model} via {provenance.endpoint}; {usage.prompt_tokens} prompt + "
        f"{usage.completion_tokens} completion tokens in {usage.calls} calls ({usage.cached_calls} from cache); "
        f"language {brief.language}.",
    ]
    return lines


def meeting_rows(brief: Brief) -> list[tuple[str, str]]:
    """(label, value) of the meeting's fields, "not stated" where the brief has none."""
    meeting = brief.meeting
    return [
        (label, str(value) if value else "not stated")
        for label, value in (
            ("Name", _name(meeting.name, meeting.name_as_written)),
            ("Kind", meeting.kind),
            ("Date", meeting.date.isoformat() if meeting.date else meeting.date_as_written),
            ("Place", meeting.location),
            ("Organiser", meeting.organiser),
        )
    ]


def _name(english: str | None, written: str | None) -> str | None:
    """The English name, with the article's own words when they differ; the article's words alone when
    there is no English name (they stand in the article)."""
    if english and written and english.casefold() != written.casefold():
        return f"{english} (as written: {written})"
    return english or written


def grounding_line(brief: Brief) -> str:
    """How many items have their evidence in the article, by match quality."""
    grounding = brief.grounding
    return (
        f"Evidence found in the article for {grounding.exact + grounding.fuzzy} of {grounding.items} items "
        f"({grounding.exact} exact, {grounding.fuzzy} fuzzy, {grounding.none} not found)."
    )


def _items(items: list[tuple[str, Evidence]], bullet: str, quote: Any) -> list[str]:
    if not items:
        return [f"{bullet} none reported"]
    lines = []
    for text, evidence in items:
        lines += [f"{bullet} {text}", quote(evidence)]
    return lines


def print_rich(brief: Brief, console: Any) -> None:
    """Show the brief in the terminal: the two languages side by side when it is wide enough.

    Everything is shown as text (rich ``Text``), never parsed as Markdown or console markup: a model's
    ``[text](http://...)`` stays visible as written instead of becoming a link whose address is hidden.
    """
    from rich.columns import Columns
    from rich.panel import Panel
    from rich.text import Text

    panels = [
        Panel(
            Text.assemble((inert(s.headline), "bold"), "\n\n", inert(s.summary)),
            title=Text(inert(language_name(s.language))),
            expand=True,
        )
        for s in brief.summaries
    ]
    if console.width >= 110 and len(panels) > 1:
        console.print(Columns(panels, equal=True, expand=True))
    else:
        for panel in panels:
            console.print(panel)
    facts = Text()
    for line in _facts(brief, bullet="-", quote=lambda e: f"  > {e.quote}{_where(e)}", heading="### "):
        if line.startswith("### "):  # only section titles start so: every other line starts with a bullet or a word
            facts.append(line.removeprefix("### ") + "\n", style="bold underline")
        else:
            facts.append(inert(line) + "\n")
    console.print(facts, soft_wrap=False)
