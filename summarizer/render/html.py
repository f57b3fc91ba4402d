"""The HTML report: the brief beside the article, each evidence span highlighted and linked.

One standalone page, no script and no outside resource. Every string from the article or the model
goes through ``html.escape`` and ``inert``, so an article can add neither markup to the page nor
control sequences to a terminal that shows the file. An item links to its
span in the article (``#ev-N``), and the span links back to the item.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from summarizer.inert import inert
from summarizer.render.text import grounding_line, meeting_rows
from summarizer.schema import BriefData as Brief
from summarizer.schema import Evidence, language_name

_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #222; }
main { display: grid; grid-template-columns: minmax(22rem, 1fr) 1.3fr; gap: 2rem; padding: 1.5rem; }
section.article { white-space: pre-wrap; border-left: 1px solid #ddd; padding-left: 1.5rem; }
mark { background: #fff3a8; } mark.fuzzy { background: #ffd9a8; } mark:target { outline: 2px solid #c60; }
.flag { color: #b00; font-weight: 600; } .where { color: #777; font-size: 0.85em; }
h1 { font-size: 1.3rem; } h2 { font-size: 1.05rem; margin-top: 1.5rem; } li { margin: 0.4rem 0; }
"""


@dataclass(frozen=True)
class _Item:
    group: str  # chair, target or directive
    label: str
    evidence: Evidence
    number: int


def render_html(brief: Brief, article_text: str) -> str:
    """A standalone HTML page of ``brief`` beside ``article_text`` (the text its offsets point into)."""
    items = _numbered(brief)
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">']
    parts.append(f"<title>{_e(brief.summaries[0].headline if brief.summaries else 'Brief')}</title>")
    parts.append(f"<style>{_STYLE}</style></head><body><main><section class='brief'>")
    for summary in brief.summaries:
        parts.append(f"<h1 lang='{_e(summary.language)}'>{_e(summary.headline)}</h1>")
        parts.append(f"<p><em>{_e(language_name(summary.language))}</em></p><p>{_e(summary.summary)}</p>")
    parts += _meeting(brief)
    for title, group in (("Chaired by", "chair"), ("Targets", "target"), ("Directives", "directive")):
        chosen = [item for item in items if item.group == group]
        parts.append(f"<h2>{title}</h2><ul>")
        parts += [_item_html(item) for item in chosen] or ["<li>none reported</li>"]
        parts.append("</ul>")
    if brief.grounding.items:
        parts.append(f"<p>{_e(grounding_line(brief))}</p>")
    if brief.warnings:
        parts.append("<h2>Warnings</h2><ul>" + "".join(f"<li>{_e(w)}</li>" for w in brief.warnings) + "</ul>")
    parts.append(f"<p class='where'>{_e(brief.provenance.model)} via {_e(brief.provenance.endpoint)}</p>")
    parts.append("</section><section class='article'>")
    parts.append(_highlighted(article_text, items))
    parts.append("</section></main></body></html>")
    return "\n".join(parts) + "\n"


def _numbered(brief: Brief) -> list[_Item]:
    labelled = [("chair", f"{c.name} ({c.role})", c.evidence) for c in brief.chairs]
    labelled += [("target", f"{t.figure}: {t.what} [{t.status}]", t.evidence) for t in brief.targets]
    labelled += [("directive", d.what, d.evidence) for d in brief.directives]
    return [_Item(group, label, evidence, number) for number, (group, label, evidence) in enumerate(labelled, 1)]


def _meeting(brief: Brief) -> list[str]:
    rows = (f"<li>{label}: {_e(value)}</li>" for label, value in meeting_rows(brief))
    return ["<h2>Meeting</h2><ul>", *rows, "</ul>"]


def _item_html(item: _Item) -> str:
    text = _e(item.label)
    quote = f"<q>{_e(item.evidence.quote)}</q>"
    if item.evidence.start is None:
        flag = "<span class='flag'>quote NOT found in the article</span>"
        return f"<li id='item-{item.number}'>{text}<br>{quote} {flag}</li>"
    where = f"{item.evidence.match}, characters {item.evidence.start}-{item.evidence.end}"
    link = f"<a href='#ev-{item.number}'>{quote}</a>"
    return f"<li id='item-{item.number}'>{text}<br>{link} <span class='where'>[{where}]</span></li>"


def _highlighted(text: str, items: list[_Item]) -> str:
    """The article, escaped, with a <mark> per span; an overlapping span starts where the last ended."""
    spans = sorted(
        ((item.evidence.start, item.evidence.end, item) for item in items if item.evidence.end is not None),
        key=lambda span: (span[0], span[1]),
    )
    out, position = [], 0
    for first, end, item in spans:
        start = max(first or 0, position)
        if start >= end:  # inside an earlier span: that mark already shows it
            continue
        out.append(_e(text[position:start]))
        href = f"#item-{item.number}"
        mark_class = f" class='{item.evidence.match}'" if item.evidence.match != "exact" else ""
        out.append(f"<mark id='ev-{item.number}'{mark_class}><a href='{href}'>{_e(text[start:end])}</a></mark>")
        position = end
    out.append(_e(text[position:]))
    return "".join(out)


def _e(value: object) -> str:
    return html.escape(inert(str(value)), quote=True)
