"""A batch as a folder of HTML pages: each article's report, ``index.html`` and ``people.html``.

Made from the whole results file after a run, so that a resumed batch's earlier articles are there
too. Each report needs its article's text: the input is read again (a URL fetched again), and a text that changed since
(another SHA-256) or can no longer be read gets no report, with a note in the index. The folder is
checked before a batch's model work (``check_html_dir``), and every page is written whole
(``outputs.write_whole``): a read-only or full disk is an ``OutputError``, never a cut page.
Report file names are made safe (``outputs.file_name``), and the pages link them as relative names.
"""

from __future__ import annotations

from pathlib import Path

from summarizer.brief import Brief
from summarizer.engines.batch import load_results
from summarizer.errors import InputError
from summarizer.inputs import read_input
from summarizer.outputs import file_name, prepare_folder, write_whole
from summarizer.render.batch import index_rows, render_index, render_people
from summarizer.render.tables import article_id

LINKS = {"index": "index.html", "people": "people.html"}


def report_name(source: str, suffix: str = ".html") -> str:
    """The file name of one article's page (``outputs.file_name``)."""
    return file_name(source, suffix)


def check_html_dir(directory: str | Path) -> None:
    """Make the folder when missing (not its parents) and check that pages can be written there."""
    prepare_folder(directory)


def write_html_dir(results: str | Path, directory: str | Path) -> Path:
    """Write every ok article's report, then the index and people pages; returns the index's path."""
    folder = Path(directory)
    prepare_folder(folder)
    records = load_results(results)
    reports: dict[str, str] = {}
    notes: dict[str, str] = {}
    for record in records:
        key = article_id(record)
        if record.get("brief") is None:
            continue
        brief = Brief.model_validate(record["brief"])
        try:
            text = read_input(record["input"]).text
            page = brief.to_html(text, LINKS)
        except InputError as error:
            notes[key] = f"no report: {error}"
            continue
        name = report_name(record["input"])
        write_whole(folder / name, page)
        reports[key] = name
    rows = index_rows(records, reports, notes)
    write_whole(folder / "index.html", render_index(rows, str(results)))
    write_whole(folder / "people.html", render_people(rows))
    return folder / "index.html"
