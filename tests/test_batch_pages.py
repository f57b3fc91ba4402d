"""summarize batch --html-dir: each article's report, a sortable index.html and people.html, checked in Chromium."""

from __future__ import annotations

import html as html_module
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer import load_results
from summarizer.cli import cli
from summarizer.reports import report_name, write_html_dir
from tests.conftest import seed
from tests.servers import Page, page_server
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
            assert f'href="./{name}"' in index
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
    # The index's "#" is the input order, which each line records (the file is in finishing order).
    dates = {r["input_number"]: ((r["brief"] or {}).get("meeting") or {}).get("date") for r in records}
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


def _probe_title(page: Path, script: str, width: int) -> str:
    dom = chromium(_with_probe(page, script), "--dump-dom", f"--window-size={width},900")
    title = re.search(r"<title>(.*?)</title>", dom, re.S)
    assert title is not None
    return html_module.unescape(title.group(1))


def test_links_from_input_names_are_relative_file_names_never_a_scheme(recorded_cache: Path, tmp_path: Path) -> None:
    hostile = tmp_path / "javascript:alert(1);x.txt"
    hostile.write_bytes(SEEDS[0].read_bytes())
    with page_server({"/javascript:alert(document.domain);y.txt": Page(SEEDS[1].read_bytes(), "text/plain")}) as url:
        inputs = [str(hostile), f"{url}/javascript:alert(document.domain);y.txt"]
        args = ["batch", *inputs, "-o", str(tmp_path / "r.jsonl"), "--html-dir", str(tmp_path / "html")]
        result = CliRunner().invoke(cli, [*args, "--cache-dir", str(recorded_cache), "--cache-mode", "replay"])
    assert result.exit_code == 0, result.output
    links = "document.title = Array.from(document.links).map(a => a.protocol + ' ' + a.getAttribute('href')).join('|');"
    for page in ("index.html", "people.html"):
        found = _probe_title(tmp_path / "html" / page, links, 1280).split("|")
        reports = [link for link in found if link.split(" ")[1] not in ("index.html", "people.html")]
        assert len(reports) >= (2 if page == "index.html" else 1), found
        assert all(link.startswith("file: ./") for link in reports), found
        assert all(Path(tmp_path / "html" / link.split(" ")[1]).is_file() for link in reports), found


def _pages_from(records: list[dict[str, object]], where: Path) -> Path:
    results = where / "results.jsonl"
    results.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    write_html_dir(results, where / "html")
    return where / "html"


def test_a_brief_without_a_meeting_name_shows_not_stated_never_the_headline(pages: Path, tmp_path: Path) -> None:
    records = load_results(pages / "results.jsonl")
    record = next(r for r in records if r["brief"] and r["brief"]["chairs"])
    record["brief"]["meeting"].update(name=None, name_as_written=None)
    record["brief"]["summaries"][0]["headline"] = "Annual Conference Held in Atlantis"
    html = _pages_from([record], tmp_path)
    index, people = ((html / name).read_text(encoding="utf-8") for name in ("index.html", "people.html"))
    assert "Atlantis" not in index and "Atlantis" not in people
    assert '<span class="unstated">not stated</span>' in index
    assert '<span class="unstated">meeting not stated</span>' in people


LONG_ERROR = "ProviderError: http://127.0.0.1:9/" + "averyveryverylongpathsegmentwithoutanyspaceorhyphen" * 6


def test_a_failed_row_wraps_its_error_and_shows_no_counts(pages: Path, tmp_path: Path) -> None:
    records = load_results(pages / "results.jsonl")
    failed = {
        "input": str(tmp_path / ("a_very_long_folder_name_without_breaks" * 4) / "article.txt"),
        "sha256": None,
        "status": "failed",
        "brief": None,
        "error": {"kind": "ProviderError", "message": LONG_ERROR},
        "tokens": {},
        "seconds": 0.1,
    }
    html = _pages_from([failed, *records], tmp_path)
    row = (
        "const row = Array.from(document.querySelectorAll('tbody tr')).find(r => r.textContent.includes('failed'));"
        "const table = document.querySelector('table');"
        "const edges = Array.from(row.querySelectorAll('td, span')).map(e => e.getBoundingClientRect().right);"
        "const right = Math.max(...edges);"
        "document.title = [table.scrollWidth <= table.parentElement.clientWidth, right <= window.innerWidth,"
        " row.cells[6].textContent.trim(), row.cells[7].textContent.trim()].join(',');"
    )
    for width in (1280, 420):
        assert _probe_title(html / "index.html", row, width) == "true,true,,", width
