"""summarize batch --html-dir: each article's report, a sortable index.html and people.html, checked in Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer import load_results
from summarizer.cli import cli
from summarizer.reports import report_name
from tests.conftest import seed
from tests.test_report import chromium

SEEDS = [seed("000"), seed("004"), seed("002")]  # three meeting dates among them (with the missing one)


@pytest.fixture(scope="module")
def pages(recorded_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    inputs = [*map(str, SEEDS), str(folder / "missing.txt")]
    args = ["batch", *inputs, "-o", str(folder / "results.jsonl"), "--html-dir", str(folder / "html")]
    result = CliRunner().invoke(cli, [*args, "--cache-dir", str(recorded_cache), "--cache-mode", "replay"])
    assert result.exit_code == 1, result.output  # the missing file
    return folder


def test_index_has_a_row_per_article_linking_its_report(pages: Path) -> None:
    html = pages / "html"
    records = load_results(pages / "results.jsonl")
    index = (html / "index.html").read_text(encoding="utf-8")
    assert index.count("<tr>") == len(records) + 1 == 5
    for record in records:
        if record["brief"]:
            name = report_name(record["input"], ".html")
            assert f'href="{name}"' in index
            report = (html / name).read_text(encoding="utf-8")
            assert 'href="index.html"' in report and 'href="people.html"' in report
    assert "no such file" in index and '<span class="badge failed">failed</span>' in index
    people = (html / "people.html").read_text(encoding="utf-8")
    for record in records:
        for chair in (record["brief"] or {}).get("chairs", []):
            assert f">{chair['name']}</h2>" in people
    assert "Nguyen Hong Son" in people  # seed 000's chair


def _with_probe(page: Path, script: str) -> Path:
    """A copy of ``page`` with a script that writes what it measures into the title (the pages have none)."""
    probe = page.with_name("probe-" + page.name)
    text = page.read_text(encoding="utf-8")
    probe.write_text(text.replace("</body>", f"<script>{script}</script></body>"), encoding="utf-8")
    return probe


FITS = "document.title = 'fits=' + (document.documentElement.scrollWidth <= window.innerWidth);"


def test_chromium_sorts_the_index_and_every_page_fits_a_phone(pages: Path) -> None:
    html = pages / "html"
    click_date = (
        "document.querySelectorAll('th button')[3].click();"
        "document.title = Array.from(document.querySelectorAll('tbody tr')).map(r => r.cells[0].textContent).join(',');"
    )
    dom = chromium(_with_probe(html / "index.html", click_date), "--dump-dom", "--window-size=1400,900")
    records = load_results(pages / "results.jsonl")
    dates = {n: ((r["brief"] or {}).get("meeting") or {}).get("date") for n, r in enumerate(records, 1)}
    title = re.search(r"<title>(.*?)</title>", dom)
    assert title is not None
    order = [int(n) for n in title.group(1).split(",")]
    assert sorted(order) == [1, 2, 3, 4] and len(set(dates.values())) >= 3
    assert [dates[n] or "" for n in order] == sorted(dates[n] or "" for n in order)
    report = next(p for p in html.glob("*.html") if p.name not in ("index.html", "people.html"))
    for page in (html / "index.html", html / "people.html", report):
        for width in (420, 1400):
            dom = chromium(_with_probe(page, FITS), "--dump-dom", f"--window-size={width},900")
            assert "<title>fits=true</title>" in dom, (page.name, width)
    shots = pages / "shots"
    shots.mkdir()
    for page in (html / "index.html", report):
        shot = shots / f"{page.stem}-420.png"
        chromium(page, f"--screenshot={shot}", "--window-size=420,1200")
        assert shot.stat().st_size > 20_000
