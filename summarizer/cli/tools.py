"""Commands around the main one: exporting a batch's results as tables, printing the output's JSON Schema."""

from __future__ import annotations

from pathlib import Path

import click

from summarizer.cli.display import exit_on_error
from summarizer.render.tables import EXPORTS

_SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")


@click.command("export")
@click.argument("results", type=click.Path(exists=True, dir_okay=False))
@click.option("--to", "to", type=click.Choice(EXPORTS), help="Format (default: sqlite for a .db file).")
@click.option("-o", "--output", required=True, type=click.Path(), help="SQLite file, or folder of CSV/Parquet files.")
def export(results: str, to: str | None, output: str) -> None:
    """Write a batch's results file as tables: articles, chairs, targets, directives.

    \b
    --to sqlite   one file with the four tables, keys declared (opens as is in Datasette)
    --to csv      a folder: articles.csv, chairs.csv, targets.csv, directives.csv
    --to parquet  a folder: the same four tables as Parquet files
    Every table carries article_id (stable: from the article's content hash and input
    name); rows follow the batch's input order. Chairs, targets and directives carry
    their evidence: quote, match, start and end offsets. CSV cells that a spreadsheet
    would run as a formula (=, +, -, @) start with an apostrophe.

    \b
    Examples:
      summarize export results.jsonl -o briefs.db
      summarize export results.jsonl --to csv -o tables/
    """
    from rich.console import Console

    from summarizer.engines.batch import load_results
    from summarizer.outputs import check_writable, prepare_folder, write_files
    from summarizer.render.tables import table_files

    chosen = _export_format(to, output)
    with exit_on_error(Console(stderr=True)):
        if chosen == "sqlite":  # checked before anything is read, as -o is
            check_writable(output)
        else:
            prepare_folder(output)
        files = table_files(load_results(results, frames=True), chosen, output)
        write_files(files)
    for path in files:
        click.echo(f"wrote {path}", err=True)


def _export_format(to: str | None, output: str) -> str:
    """The format asked for, or the one a SQLite file's extension names; a folder format needs a folder's name."""
    suffix = Path(output).suffix.lower()
    if suffix in (".csv", ".parquet"):
        raise click.UsageError(
            f"{output!r}: a {suffix[1:]} export is a folder of four files (articles, chairs, targets, directives); "
            f"give a folder: -o {Path(output).with_suffix('')} --to {suffix[1:]}"
        )
    chosen = to or ("sqlite" if suffix in _SQLITE_SUFFIXES else None)
    if chosen is None:
        raise click.UsageError(
            f"cannot tell the format from {output!r}: give --to {'|'.join(EXPORTS)} (or -o NAME.db for SQLite)"
        )
    return chosen


@click.command("schema")
@click.argument("name", default="brief")
def schema(name: str) -> None:
    """Print the JSON Schema of the output (the brief), or of a draft the model fills in (NAME).

    \b
    Examples:
      summarize schema > brief.schema.json
      summarize schema meeting
    """
    from summarizer.resources import schema_files

    folder = schema_files()
    path = folder / f"{name}.schema.json"
    if not path.is_file():
        names = sorted(p.name.removesuffix(".schema.json") for p in folder.glob("*.schema.json"))
        raise click.BadParameter(f"no schema {name!r}; choose one of {', '.join(names)}", param_hint="NAME")
    click.echo(path.read_text(encoding="utf-8"), nl=False)
