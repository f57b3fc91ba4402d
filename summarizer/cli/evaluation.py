"""``summarize eval``: scores against hand-annotated articles."""

from __future__ import annotations

from typing import Any

import click

from summarizer.cli.display import exit_on_error
from summarizer.cli.options import model_options, verbosity
from summarizer.settings import Settings


@click.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option("--results", type=click.Path(dir_okay=False, exists=True), help="Score a batch results file's briefs.")
@click.option(
    "--common-with",
    type=click.Path(dir_okay=False, exists=True),
    help="With --results: score only the articles this other results file has briefs for too.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON instead of a table.")
@click.option("--per-article", is_flag=True, help="After the table, what each article fell short on.")
@model_options
def eval_command(
    gold: str, results: str | None, common_with: str | None, as_json: bool, per_article: bool, **options: Any
) -> None:
    """Score the tool against hand-annotated articles: field-level precision and recall, and checks
    of what an analyst reads (English fields, second language, scripts, cut summaries, meeting name, place).

    GOLD is a JSON-lines file (see eval/README.md for the format and summarizer/evaluate/ for the
    rules). Offline on the seeds: --cache-dir cache --cache-mode replay. With --results, the briefs
    of a batch results file are scored instead of running the tool. --per-article (and --json)
    list each article's shortfalls: gold items missed, extra predictions, failed checks.
    """
    import json

    from rich.console import Console

    from summarizer.api import evaluate_gold

    verbosity(options)
    with exit_on_error(Console(stderr=True)):
        settings = Settings.from_options(**options)
        scores = evaluate_gold(gold, results=results, common_with=common_with, settings=settings)
    click.echo(json.dumps(scores.to_json(), indent=2) + "\n" if as_json else scores.to_markdown(per_article), nl=False)
