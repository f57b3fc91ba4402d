"""A results file as tables: articles, chairs, targets and directives, for pandas, CSV, Parquet and SQLite.

Each line of a batch's results file (``engines.batch``) is one article. Its ``article_id`` is stable:
16 hex digits of the SHA-256 of the article's content hash and its input name, so the same article
under the same name has the same id in every run and every export, and every other table carries
it. Rows follow the batch's input order (``input_number``, which each line records), not the order
the articles finished in. Chairs, targets and directives keep their evidence: the quote, its match
quality and its character offsets in the article. Rows are plain dicts built here from the records;
pandas (with pyarrow for Parquet, the standard ``sqlite3`` for SQLite) turns them into each file's
bytes, which ``outputs.write_files`` writes, each file whole. SQLite tables declare their primary keys and the
foreign key of each item table to ``articles`` (Datasette links them); CSV cells are made safe for
spreadsheets (``render.cells``).
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any

from summarizer.render.cells import spreadsheet_safe

TABLES = ("articles", "chairs", "targets", "directives")
EXPORTS = ("csv", "parquet", "sqlite")
_ITEM_FIELDS = {
    "chairs": ("name", "role"),
    "targets": ("what", "status", "status_by", "figure", "figure_in_article"),
    "directives": ("what", "issued_by"),
}
_MET = ("met", "exceeded")
_MISSED = ("missed",)  # partially_met is counted apart: part of a target was reached


def article_id(record: dict[str, Any]) -> str:
    """The record's stable id: from its content hash and its input name (16 hex digits)."""
    key = f"{record.get('sha256') or ''}\n{record.get('input') or ''}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def in_input_order(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records in the batch's input order; lines without an ``input_number`` (older files) last, as found."""
    return sorted(records, key=lambda record: record.get("input_number") or float("inf"))


def result_rows(records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The four tables' rows from the results file's records, in input order."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for record in in_input_order(records):
        row = article_row(record)
        rows["articles"].append(row)
        brief = record.get("brief") or {}
        for table, fields in _ITEM_FIELDS.items():
            for position, item in enumerate(brief.get(table, []), 1):
                item_row = {"article_id": row["article_id"], "position": position}
                item_row.update({field: item.get(field) for field in fields})
                item_row.update(_evidence(item["evidence"]))
                rows[table].append(item_row)
    return rows


def article_row(record: dict[str, Any]) -> dict[str, Any]:
    """One article's row: its run (status, error, tokens) and its brief's meeting, summaries and counts.

    A failed article has no brief: its counts are empty (``None``), not zero.
    """
    brief = record.get("brief")
    meeting, grounding = (brief or {}).get("meeting") or {}, (brief or {}).get("grounding") or {}
    summaries = (brief or {}).get("summaries") or []
    statuses = [target["status"] for target in (brief or {}).get("targets", [])]
    error, tokens = record.get("error") or {}, record.get("tokens") or {}

    def count(value: int) -> int | None:
        return value if brief is not None else None

    return {
        "article_id": article_id(record),
        "input_number": record.get("input_number"),
        "input": record.get("input"),
        "sha256": record.get("sha256"),
        "status": record.get("status"),
        "error_kind": error.get("kind"),
        "error_message": error.get("message"),
        "language": (brief or {}).get("language"),
        "meeting_name": meeting.get("name"),
        "meeting_name_as_written": meeting.get("name_as_written"),
        "meeting_kind": meeting.get("kind"),
        "meeting_date": meeting.get("date"),
        "meeting_date_as_written": meeting.get("date_as_written"),
        "meeting_place": meeting.get("location"),
        "meeting_organiser": meeting.get("organiser"),
        "headline_en": summaries[0]["headline"] if summaries else None,
        "summary_en": summaries[0]["summary"] if summaries else None,
        "chair_count": count(len((brief or {}).get("chairs", []))),
        "target_count": count(len(statuses)),
        "targets_met": count(sum(status in _MET for status in statuses)),
        "targets_partially_met": count(sum(status == "partially_met" for status in statuses)),
        "targets_missed": count(sum(status in _MISSED for status in statuses)),
        "directive_count": count(len((brief or {}).get("directives", []))),
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


_INTEGERS = (
    *("input_number", "start", "end", "chair_count", "target_count", "targets_met", "targets_partially_met"),
    *("targets_missed", "directive_count", "flagged", "prompt_tokens", "completion_tokens"),
)


def result_frames(records: list[dict[str, Any]]) -> dict[str, Any]:
    """The four tables as pandas DataFrames (empty tables keep their columns)."""
    import pandas as pd

    frames = {}
    for name, rows in result_rows(records).items():
        frame = pd.DataFrame(rows, columns=_columns(name))
        for column in _INTEGERS:  # counts and offsets stay integers where some are missing
            if column in frame:
                frame[column] = frame[column].astype("Int64")
        frames[name] = frame
    return frames


def _columns(table: str) -> list[str]:
    if table == "articles":
        return list(article_row({}))
    return ["article_id", "position", *_ITEM_FIELDS[table], "quote", "match", "start", "end"]


def table_files(frames: dict[str, Any], to: str, path: str | Path) -> dict[Path, bytes]:
    """Each file of an export and its bytes: one SQLite file at ``path``, or ``<path>/<table>.csv|parquet``."""
    path = Path(path)
    if to == "sqlite":
        return {path: sqlite_bytes(frames)}
    if to not in EXPORTS:
        raise ValueError(f"unknown export format {to!r}; choose one of {', '.join(EXPORTS)}")
    files = {}
    for name, frame in frames.items():
        if to == "csv":
            data = spreadsheet_safe(frame).to_csv(index=False, quoting=1).encode("utf-8")  # 1: csv.QUOTE_ALL
        else:
            buffer = io.BytesIO()
            frame.to_parquet(buffer, index=False, engine="pyarrow")
            data = buffer.getvalue()
        files[path / f"{name}.{to}"] = data
    return files


def sqlite_bytes(frames: dict[str, Any]) -> bytes:
    """A SQLite database of the tables: ``articles`` keyed by ``article_id``, each item table by
    ``(article_id, position)`` with a foreign key to ``articles``; built in memory."""
    import sqlite3

    connection = sqlite3.connect(":memory:")
    try:
        for name, frame in frames.items():
            connection.execute(_create_table(name, frame))
            frame.to_sql(name, connection, if_exists="append", index=False)
        connection.commit()
        return connection.serialize()
    finally:
        connection.close()


def _create_table(name: str, frame: Any) -> str:
    """``CREATE TABLE`` with each column's type, the primary key, and the foreign key of an item table."""
    import pandas as pd

    def kind(column: str) -> str:
        values = pd.api.types.infer_dtype(frame[column], skipna=True)
        return {"boolean": "INTEGER", "integer": "INTEGER", "floating": "REAL", "mixed-integer-float": "REAL"}.get(
            values, "TEXT"
        )

    columns = [f'"{column}" {kind(column)}' for column in frame.columns]
    if name == "articles":
        columns.append('PRIMARY KEY ("article_id")')
    else:
        columns.append('PRIMARY KEY ("article_id", "position")')
        columns.append('FOREIGN KEY ("article_id") REFERENCES "articles" ("article_id")')
    return f'CREATE TABLE "{name}" ({", ".join(columns)})'
