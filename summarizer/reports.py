"""A batch as a folder of HTML pages: each article's report, ``index.html`` and ``people.html``.

Made from the whole results file after a run, so that a resumed batch's earlier articles are there
too. Each report needs its article's text: the input is read again (a URL fetched again), and a text that changed since
(another SHA-256) or can no longer be read gets no report, with a note in the index.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from summarizer.brief import Brief
from summarizer.engines.batch import load_results
from summarizer.errors import InputError
from summarizer.inputs import read_input
from summarizer.render.batch import index_rows, render_index, render_people

LINKS = {"index": "index.html", "people": "people.html"}


def report_name(source: str, suffix: str) -> str:
    """A file name for one article's page: its stem and a hash of the input's name."""
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:8]
    return f"{Path(source).stem}-{digest}{suffix}"


def write_html_dir(results: str | Path, directory: str | Path) -> Path:
    """Write every ok article's report, then the index and people pages; returns the index's path."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    records = load_results(results)
    reports: dict[int, str | None] = {}
    notes: dict[int, str] = {}
    for article_id, record in enumerate(records, 1):
        if record.get("brief") is None:
            continue
        brief = Brief.model_validate(record["brief"])
        try:
            text = read_input(record["input"]).text
            page = brief.to_html(text, LINKS)
        except InputError as error:
            notes[article_id] = f"no report: {error}"
            continue
        name = report_name(record["input"], ".html")
        (folder / name).write_text(page, encoding="utf-8")
        reports[article_id] = name
    rows = index_rows(records, reports, notes)
    (folder / "index.html").write_text(render_index(rows, str(results)), encoding="utf-8")
    (folder / "people.html").write_text(render_people(rows, records), encoding="utf-8")
    return folder / "index.html"
