"""The HTML report: the brief beside the article, each evidence span highlighted and linked.

One standalone page, no script and no outside resource, rendered from ``templates/report.html.j2``
with autoescape on and every value made ``inert``, so an article or a model answer can add neither
markup to the page nor control sequences to a terminal that shows the file. A header names
the source, the day the report was made, the model and the grounding; statuses and match qualities
are badges. An item links to its span in the article (``#ev-N``), and the span links back to the item.
Scraping noise the model never read (media file names, comment counters, a trailing list of related
articles) is folded away in the article column, by the ranges the caller passes; offsets are untouched.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from summarizer.inert import inert
from summarizer.render.text import grounding_line, meeting_rows
from summarizer.schema import BriefData as Brief
from summarizer.schema import Evidence, Target, language_name


@dataclass(frozen=True)
class _Item:
    group: str  # chair, target or directive
    label: str
    evidence: Evidence
    number: int
    badges: tuple[tuple[str, str], ...] = ()  # (class, label)


@functools.cache
def environment() -> Any:
    """The templates' jinja2 environment: package data of ``summarizer.render``, autoescaped."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("summarizer.render", "templates"),
        autoescape=True,
        finalize=lambda value: inert(value) if isinstance(value, str) else value,  # before escaping
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
    )


@dataclass(frozen=True)
class _Segment:
    text: str
    item: _Item | None = None  # an evidence span, marked and linked
    furniture: bool = False  # page furniture the model did not read: folded away

    @property
    def lines(self) -> int:
        return sum(1 for line in self.text.split("\n") if line.strip())


def render_html(
    brief: Brief,
    article_text: str | None,
    links: dict[str, str] | None = None,
    furniture: Sequence[tuple[int, int]] = (),
) -> str:
    """A standalone HTML page of ``brief`` beside ``article_text`` (the text its offsets point into).

    ``links`` (``index`` and ``people``) adds links to a batch's pages in the header. ``furniture``
    is the ranges of the article that are scraping noise (``inputs.clean.noise_spans``): folded
    into a closed "page furniture removed" element, unless evidence lies there. Without an
    article, a fragment for notebooks: the brief alone, its style scoped to it.
    """
    items = _numbered(brief)
    groups = [("Chaired by", "chair"), ("Targets", "target"), ("Directives", "directive")]
    context = {
        "title": brief.summaries[0].headline if brief.summaries else "Brief",
        "header": report_header(brief),
        "summaries": [{**s.model_dump(), "language_name": language_name(s.language)} for s in brief.summaries],
        "meeting": meeting_rows(brief),
        "groups": [(title, [item for item in items if item.group == group]) for title, group in groups],
        "grounding": grounding_line(brief) if brief.grounding.items else None,
        "warnings": brief.warnings,
        "provenance": brief.provenance,
        "with_article": article_text is not None,
    }
    if article_text is None:
        return str(environment().get_template("notebook.html.j2").render(**context))
    page = (
        environment()
        .get_template("report.html.j2")
        .render(
            **context,
            index_link=(links or {}).get("index"),
            people_link=(links or {}).get("people"),
            segments=_segments(article_text, items, furniture),
        )
    )
    return str(page).rstrip("\n") + "\n"


def report_header(brief: Brief) -> dict[str, str]:
    """What the report's header says: source, day processed, model, grounding."""
    provenance, grounding = brief.provenance, brief.grounding
    source = provenance.source or "text given directly"
    if provenance.input_format == "html":
        source += " (main text extracted from HTML)"
    share = f"{grounding.share:.0%} of {grounding.items} items" if grounding.share is not None else "no items"
    return {
        "source": source,
        "processed": dt.date.today().isoformat(),
        "model": f"{provenance.model} via {provenance.endpoint}" + (" (replayed)" if provenance.cached else ""),
        "grounding": f"{share} found in the article ({grounding.none} not found)",
    }


def _numbered(brief: Brief) -> list[_Item]:
    labelled: list[tuple[str, str, Evidence, tuple[tuple[str, str], ...]]] = [
        ("chair", f"{c.name} ({c.role})" if c.role else c.name, c.evidence, ()) for c in brief.chairs
    ]
    labelled += [("target", f"{t.figure}: {t.what}", t.evidence, _target_badges(t)) for t in brief.targets]
    labelled += [
        ("directive", d.what + (f" ({d.issued_by})" if d.issued_by else ""), d.evidence, ()) for d in brief.directives
    ]
    return [
        _Item(group, label, evidence, number, (*badges, (evidence.match, _MATCH[evidence.match])))
        for number, (group, label, evidence, badges) in enumerate(labelled, 1)
    ]


_MATCH = {"exact": "quote exact", "fuzzy": "quote fuzzy", "none": "quote not found"}


def _target_badges(target: Target) -> tuple[tuple[str, str], ...]:
    status = ((target.status, target.status.replace("_", " ")),)
    return status if target.figure_in_article else (*status, ("none", "figure not in article"))


def _segments(text: str, items: list[_Item], furniture: Sequence[tuple[int, int]] = ()) -> list[_Segment]:
    """The article cut into plain text, marked spans and folded furniture.

    An overlapping span starts where the last ended; furniture that holds any evidence stays
    text, so that every mark shows and its offsets stay those of the whole text.
    """
    marks = [(item.evidence.start or 0, item.evidence.end, item) for item in items if item.evidence.end is not None]
    folded = [(start, end, None) for start, end in furniture if not any(a < end and start < b for a, b, _ in marks)]
    out: list[_Segment] = []
    position = 0
    for first, end, item in sorted([*marks, *folded], key=lambda span: (span[0], span[1])):
        start = max(first, position)
        if start >= end:  # inside an earlier span: that mark already shows it
            continue
        out += [_Segment(text[position:start]), _Segment(text[start:end], item, furniture=item is None)]
        position = end
    out.append(_Segment(text[position:]))
    return out
