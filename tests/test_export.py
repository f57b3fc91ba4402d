"""A batch's results as tables: load_results(frames=True), summarize export to CSV, Parquet and SQLite."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from summarizer import load_results, summarize_many
from summarizer.brief import Brief
from summarizer.cli import cli
from summarizer.engines import local
from summarizer.engines.base import BatchResult


def test_frames_hold_one_row_per_article_and_item_with_evidence(batch_results: Path) -> None:
    frames = load_results(batch_results, frames=True)
    assert set(frames) == {"articles", "chairs", "targets", "directives"}
    records = sorted(load_results(batch_results), key=lambda r: r["input_number"])  # the file: in finishing order
    articles = frames["articles"]
    assert list(articles["input_number"]) == [1, 2, 3] and list(articles["input"]) == [r["input"] for r in records]
    assert articles["article_id"].is_unique and all(len(i) == 16 for i in articles["article_id"])
    failed = articles[articles["status"] == "failed"].iloc[0]
    assert failed["error_kind"] == "input" and "no such file" in failed["error_message"]
    assert pd.isna(failed["targets_met"]) and pd.isna(failed["target_count"])  # no brief: no counts, not 0
    ids = dict(zip(articles["input"], articles["article_id"], strict=True))
    texts = {ids[r["input"]]: Path(r["input"]).read_text(encoding="utf-8") for r in records if r["brief"]}
    for table in ("chairs", "targets", "directives"):
        frame = frames[table]
        briefs = {ids[r["input"]]: Brief.model_validate(r["brief"]) for r in records if r["brief"]}
        assert len(frame) == sum(len(getattr(b, table)) for b in briefs.values()) > 0
        assert set(frame["article_id"]) <= set(texts) and str(frame["start"].dtype) == "Int64"
        for row in frame[frame["match"] == "exact"].itertuples():
            assert texts[row.article_id][row.start : row.end] == row.quote
    row = articles.iloc[0]
    brief = Brief.model_validate(records[0]["brief"])
    assert row["target_count"] == len(brief.targets) and row["chair_count"] == len(brief.chairs)
    assert row["targets_met"] == sum(t.status in ("met", "exceeded") for t in brief.targets)
    assert pd.isna(row["meeting_name"]) if brief.meeting.name is None else row["meeting_name"] == brief.meeting.name
    assert row["grounded_share"] == brief.grounding.share


def test_export_to_sqlite_csv_and_parquet(batch_results: Path, tmp_path: Path) -> None:
    frames = load_results(batch_results, frames=True)
    database = tmp_path / "briefs.db"
    outcome = CliRunner().invoke(cli, ["export", str(batch_results), "-o", str(database)])  # format from the extension
    assert outcome.exit_code == 0, outcome.output
    with sqlite3.connect(database) as connection:
        for name, frame in frames.items():
            stored = pd.read_sql(f"SELECT * FROM {name}", connection)
            assert list(stored.columns) == list(frame.columns) and len(stored) == len(frame)
    connection.close()
    for to in ("csv", "parquet"):
        folder = tmp_path / to
        outcome = CliRunner().invoke(cli, ["export", str(batch_results), "--to", to, "-o", str(folder)])
        assert outcome.exit_code == 0, outcome.output
        for name, frame in frames.items():
            path = folder / f"{name}.{to}"
            back = pd.read_csv(path, dtype={"article_id": str}) if to == "csv" else pd.read_parquet(path)
            assert list(back.columns) == list(frame.columns) and len(back) == len(frame)
            if to == "parquet":
                pd.testing.assert_frame_equal(back, frame)
            else:
                assert list(back["article_id"]) == list(frame["article_id"])


def test_export_needs_a_format_it_can_tell(batch_results: Path, tmp_path: Path) -> None:
    outcome = CliRunner().invoke(cli, ["export", str(batch_results), "-o", str(tmp_path / "tables")])
    assert outcome.exit_code == 2 and "--to" in outcome.output


def test_summarize_many_yields_in_input_order_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow_first(source: object, client: object, language: object = None, on_step: object = None) -> BatchResult:
        time.sleep(0.3 if str(source).endswith("a.txt") else 0.0)
        return BatchResult(str(source), None, "failed")

    monkeypatch.setattr(local, "summarize_one", slow_first)
    names = ["a.txt", "b.txt", "c.txt"]
    completed = [r.input for r in summarize_many(names, client=object(), jobs=3)]  # type: ignore[arg-type]
    ordered = [r.input for r in summarize_many(names, client=object(), jobs=3, ordered=True)]  # type: ignore[arg-type]
    assert completed[-1] == "a.txt" and sorted(completed) == names
    assert ordered == names


def test_schema_command_prints_the_briefs_json_schema() -> None:
    outcome = CliRunner().invoke(cli, ["schema"])
    assert outcome.exit_code == 0 and json.loads(outcome.stdout) == Brief.model_json_schema()
    assert CliRunner().invoke(cli, ["schema", "nothing"]).exit_code == 2
