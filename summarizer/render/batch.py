"""A batch's pages: ``index.html`` (one sortable row per article) and ``people.html`` (who chaired what).

They read the results file's records (dicts, as ``render.tables`` does) and the name of each article's
report; the pages link to the reports and to each other. Rendered from templates with autoescape.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from summarizer.errors import redact
from summarizer.render.html import environment
from summarizer.render.tables import article_row, in_input_order

_COLUMNS = (
    ("#", "number"),
    ("Article", "text"),
    ("Meeting", "text"),
    ("Date", "text"),
    ("Place", "text"),
    ("Chairs", "text"),
    ("Targets met", "number"),
    ("Targets missed", "number"),
    ("Grounded", "number"),
    ("Status", "text"),
)


def index_rows(records: list[dict[str, Any]], reports: dict[str, str], notes: dict[str, str]) -> list[Any]:
    """One row per record, in input order: ``article_row``'s fields, the chairs' names, the report's name
    and a note (``reports`` and ``notes`` by ``article_id``)."""
    rows = []
    for number, record in enumerate(in_input_order(records), 1):
        row = article_row(record)
        brief = record.get("brief") or {}
        row["number"] = number
        row["chairs"] = brief.get("chairs", [])
        row["chair_names"] = [chair["name"] for chair in row["chairs"]]
        row["name"] = Path(str(record.get("input"))).name
        row["report"] = reports.get(row["article_id"])
        row["note"] = notes.get(row["article_id"])
        row["has_brief"] = record.get("brief") is not None
        row["error_message"] = redact(row["error_message"]) if row["error_message"] else None  # older lines too
        # The brief's own rule: the English name, else the article's words; never the headline in its place.
        row["meeting"] = row["meeting_name"] or row["meeting_name_as_written"]
        rows.append(row)
    return rows


def render_index(rows: list[dict[str, Any]], results: str) -> str:
    """The batch's index page."""
    failed = sum(row["status"] == "failed" for row in rows)
    page = environment().get_template("index.html.j2")
    return str(page.render(title="Briefs", rows=rows, columns=_COLUMNS, failed=failed, results=results, made=_today()))


def render_people(rows: list[dict[str, Any]]) -> str:
    """Who chaired which meetings across the batch, by name as the briefs give it."""
    people: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        for chair in row["chairs"]:
            people.setdefault(chair["name"], []).append(
                {
                    "meeting": row["meeting"],
                    "article": row["name"],
                    "date": row["meeting_date"] or row["meeting_date_as_written"],
                    "place": row["meeting_place"],
                    "role": chair["role"],
                    "match": chair["evidence"]["match"],
                    "report": row["report"],
                }
            )
    ordered = [{"name": name, "meetings": meetings} for name, meetings in sorted(people.items())]
    page = environment().get_template("people.html.j2")
    return str(page.render(title="People: who chaired which meetings", people=ordered, made=_today()))


def _today() -> str:
    return dt.date.today().isoformat()
