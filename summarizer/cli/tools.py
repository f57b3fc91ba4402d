"""Commands around the main one: exporting a batch's results as tables, printing the output's JSON Schema."""

from __future__ import annotations

from pathlib import Path

import click

from summarizer.render.tables import EXPORTS

_SUFFIXES = {".db": "sqlite", ".sqlite": "sqlite", ".sqlite3": "sqlite", ".parquet": "parquet", ".csv": "csv"}


@click.command("export")
@click.argument("results", type=click.Path(exists=True, dir_okay=False))
@click.option("--to", "to", type=click.Choice(EXPORTS), help="Format (default: from the -o extension).")
@click.option("-o", "--output", required=True, type=click.Path(), help="SQLite file, or folder of CSV/Parquet files.")
def export(results: str, to: str | None, output: str) -> None:
    """Write a batch's results file as tables: articles, chairs, targets, directives.

    \b
    --to sqlite   one file with the four tables (opens as is in Datasette)
    --to csv      a folder: articles.csv, chairs.csv, targets.csv, directives.csv
    --to parquet  a folder: the same four tables as Parquet files
    Every table carries article_id (the line number in RESULTS); chairs, targets and
    directives carry their evidence: quote, match, start and end offsets.

    \b
    Examples:
      summarize export results.jsonl -o briefs.db
      summarize export results.jsonl --to csv -o tables/
    """
    from summarizer.engines.batch import load_results
    from summarizer.render.tables import write_tables

    chosen = to or _SUFFIXES.get(Path(output).suffix.lower())
    if chosen is None:
        raise click.UsageError(f"cannot tell the format from {output!r}: give --to {'|'.join(EXPORTS)}")
    frames = load_results(results, frames=True)
    for path in write_tables(frames, chosen, output):
        click.echo(f"wrote {path}", err=True)


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
