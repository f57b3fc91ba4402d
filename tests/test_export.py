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
from tests.conftest import seed

SEEDS = [seed("003"), seed("004")]


@pytest.fixture(scope="module")
def results(recorded_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A results file replayed from the recorded answers: two seeds and one missing file."""
    out = tmp_path_factory.mktemp("export") / "results.jsonl"
    inputs = [str(SEEDS[0]), str(out.parent / "missing.txt"), str(SEEDS[1])]
    args = ["batch", *inputs, "-o", str(out), "--cache-dir", str(recorded_cache), "--cache-mode", "replay"]
    result = CliRunner().invoke(cli, [*args, "--provider", "local", "--jobs", "1"])
    assert result.exit_code == 1, result.output  # the missing file fails alone
    return out


def test_frames_hold_one_row_per_article_and_item_with_evidence(results: Path) -> None:
    frames = load_results(results, frames=True)
    assert set(frames) == {"articles", "chairs", "targets", "directives"}
    records = load_results(results)
    articles = frames["articles"]
    assert list(articles["article_id"]) == [1, 2, 3] and list(articles["input"]) == [r["input"] for r in records]
    failed = articles[articles["status"] == "failed"].iloc[0]
    assert failed["error_kind"] == "input" and "no such file" in failed["error_message"]
    texts = {n: Path(r["input"]).read_text(encoding="utf-8") for n, r in enumerate(records, 1) if r["brief"]}
    for table in ("chairs", "targets", "directives"):
        frame = frames[table]
        briefs = {n: Brief.model_validate(r["brief"]) for n, r in enumerate(records, 1) if r["brief"]}
        assert len(frame) == sum(len(getattr(b, table)) for b in briefs.values()) > 0
        assert set(frame["article_id"]) <= set(texts) and str(frame["start"].dtype) == "Int64"
        for row in frame[frame["match"] == "exact"].itertuples():
            assert texts[row.article_id][row.start : row.end] == row.quote
    row = articles.iloc[0]
    brief = Brief.model_validate(records[0]["brief"])
    assert row["target_count"] == len(brief.targets) and row["chair_count"] == len(brief.chairs)
    assert row["targets_met"] == sum(t.status in ("met", "exceeded") for t in brief.targets)
    assert row["meeting_name"] == brief.meeting.name and row["grounded_share"] == brief.grounding.share


def test_export_to_sqlite_csv_and_parquet(results: Path, tmp_path: Path) -> None:
    frames = load_results(results, frames=True)
    database = tmp_path / "briefs.db"
    outcome = CliRunner().invoke(cli, ["export", str(results), "-o", str(database)])  # format from the extension
    assert outcome.exit_code == 0, outcome.output
    with sqlite3.connect(database) as connection:
        for name, frame in frames.items():
            stored = pd.read_sql(f"SELECT * FROM {name}", connection)
            assert list(stored.columns) == list(frame.columns) and len(stored) == len(frame)
        indexes = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    connection.close()
    assert "targets_article_id" in indexes
    for to in ("csv", "parquet"):
        folder = tmp_path / to
        outcome = CliRunner().invoke(cli, ["export", str(results), "--to", to, "-o", str(folder)])
        assert outcome.exit_code == 0, outcome.output
        for name, frame in frames.items():
            read = pd.read_csv if to == "csv" else pd.read_parquet
            back = read(folder / f"{name}.{to}")
            assert list(back.columns) == list(frame.columns) and len(back) == len(frame)
            if to == "parquet":
                pd.testing.assert_frame_equal(back, frame)
            else:
                assert list(back["article_id"]) == list(frame["article_id"])


def test_export_needs_a_format_it_can_tell(results: Path, tmp_path: Path) -> None:
    outcome = CliRunner().invoke(cli, ["export", str(results), "-o", str(tmp_path / "tables")])
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
