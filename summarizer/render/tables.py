"""A results file as tables: articles, chairs, targets and directives, for pandas, CSV, Parquet and SQLite.

Each line of a batch's results file (``engines.batch``) is one article; ``article_id`` is its line
number (from 1), which every other table carries. Chairs, targets and directives keep their evidence:
the quote, its match quality and its character offsets in the article. Rows are plain dicts built here
from the records; pandas (with pyarrow for Parquet, the standard ``sqlite3`` for SQLite) writes them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

TABLES = ("articles", "chairs", "targets", "directives")
EXPORTS = ("csv", "parquet", "sqlite")
_ITEM_FIELDS = {
    "chairs": ("name", "role"),
    "targets": ("what", "status", "status_by", "figure", "figure_in_article"),
    "directives": ("what", "issued_by"),
}
_MET = ("met", "exceeded")
_MISSED = ("missed", "partially_met")


def result_rows(records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The four tables' rows from the results file's records (line order kept)."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for article_id, record in enumerate(records, 1):
        rows["articles"].append(article_row(article_id, record))
        brief = record.get("brief") or {}
        for table, fields in _ITEM_FIELDS.items():
            for position, item in enumerate(brief.get(table, []), 1):
                row = {"article_id": article_id, "position": position}
                row.update({field: item.get(field) for field in fields})
                row.update(_evidence(item["evidence"]))
                rows[table].append(row)
    return rows


def article_row(article_id: int, record: dict[str, Any]) -> dict[str, Any]:
    """One article's row: its run (status, error, tokens) and its brief's meeting, summaries and counts."""
    brief = record.get("brief") or {}
    meeting, grounding = brief.get("meeting") or {}, brief.get("grounding") or {}
    summaries = brief.get("summaries") or []
    statuses = [target["status"] for target in brief.get("targets", [])]
    error, tokens = record.get("error") or {}, record.get("tokens") or {}
    return {
        "article_id": article_id,
        "input": record.get("input"),
        "sha256": record.get("sha256"),
        "status": record.get("status"),
        "error_kind": error.get("kind"),
        "error_message": error.get("message"),
        "language": brief.get("language"),
        "meeting_name": meeting.get("name"),
        "meeting_kind": meeting.get("kind"),
        "meeting_date": meeting.get("date"),
        "meeting_date_as_written": meeting.get("date_as_written"),
        "meeting_place": meeting.get("location"),
        "meeting_organiser": meeting.get("organiser"),
        "headline_en": summaries[0]["headline"] if summaries else None,
        "summary_en": summaries[0]["summary"] if summaries else None,
        "chair_count": len(brief.get("chairs", [])),
        "target_count": len(statuses),
        "targets_met": sum(status in _MET for status in statuses),
        "targets_missed": sum(status in _MISSED for status in statuses),
        "directive_count": len(brief.get("directives", [])),
        "grounded_share": grounding.get("share"),
        "flagged": grounding.get("none"),
        "prompt_tokens": tokens.get("prompt"),
        "completion_tokens": tokens.get("completion"),
        "seconds": record.get("seconds"),
    }


def _evidence(evidence: dict[str, Any]) -> dict[str, Any]:
    return {
        "quote": evidence.get("quote"),
        "match": evidence.get("match"),
        "start": evidence.get("start"),
        "end": evidence.get("end"),
    }


def result_frames(records: list[dict[str, Any]]) -> dict[str, Any]:
    """The four tables as pandas DataFrames (empty tables keep their columns)."""
    import pandas as pd

    frames = {}
    for name, rows in result_rows(records).items():
        frame = pd.DataFrame(rows, columns=_columns(name))
        for column in ("start", "end"):  # offsets stay integers even where some quotes were not found
            if column in frame:
                frame[column] = frame[column].astype("Int64")
        frames[name] = frame
    return frames


def _columns(table: str) -> list[str]:
    if table == "articles":
        return list(article_row(0, {}))
    return ["article_id", "position", *_ITEM_FIELDS[table], "quote", "match", "start", "end"]


def write_tables(frames: dict[str, Any], to: str, path: str | Path) -> list[Path]:
    """Write the tables: one SQLite file, or a folder of ``<table>.csv`` / ``<table>.parquet`` files."""
    path = Path(path)
    if to == "sqlite":
        _write_sqlite(frames, path)
        return [path]
    if to not in EXPORTS:
        raise ValueError(f"unknown export format {to!r}; choose one of {', '.join(EXPORTS)}")
    path.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in frames.items():
        target = path / f"{name}.{to}"
        if to == "csv":
            frame.to_csv(target, index=False)
        else:
            frame.to_parquet(target, index=False, engine="pyarrow")
        written.append(target)
    return written


def _write_sqlite(frames: dict[str, Any], path: Path) -> None:
    """One table per frame, replaced if present, with an index on ``article_id`` (opens as is in Datasette)."""
    import sqlite3

    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as connection:
        for name, frame in frames.items():
            frame.to_sql(name, connection, if_exists="replace", index=False)
            connection.execute(f"CREATE INDEX IF NOT EXISTS {name}_article_id ON {name} (article_id)")
    connection.close()
