"""Options every command that calls the model shares, with choices taken from the code's own lists."""

from __future__ import annotations

from typing import Any

import click

from summarizer.cache import CACHE_MODES
from summarizer.providers import PROVIDERS


def model_options(command: Any) -> Any:
    """Provider and cache options shared by every command that calls the model."""
    options = [
        click.option(
            "--lang", "language", help="Second language of the brief (ISO 639-1, e.g. de); default: the article's."
        ),
        click.option("--provider", type=click.Choice(PROVIDERS), help="Model provider (see summarize --help)."),
        click.option("--model", help="Model name for the openai provider."),
        click.option("--base-url", help="OpenAI-compatible server URL (sets the openai provider)."),
        click.option("--model-path", type=click.Path(dir_okay=False), help="A GGUF file for the local provider."),
        click.option(
            "--timeout",
            type=click.FloatRange(0, min_open=True),
            help="Seconds a server may take to answer one request (default 120).",
        ),
        click.option(
            "--total-timeout",
            type=click.FloatRange(0, min_open=True),
            help="Seconds one model request may take in all, retries and waits included (default 300).",
        ),
        click.option("--cache-dir", type=click.Path(file_okay=False), help="Response cache folder."),
        click.option(
            "--cache-mode",
            type=click.Choice(CACHE_MODES),
            default="use",
            show_default=True,
            help="How the response cache is used.",
        ),
        click.option("-q", "--quiet", is_flag=True, help="No progress and no summary line (errors only)."),
        click.option("-v", "--verbose", is_flag=True, help="One line per model step (per article in a batch)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def verbosity(options: dict[str, Any]) -> int:
    """Take --quiet and --verbose out of the options: 0 quiet, 1 normal, 2 verbose."""
    quiet, verbose = options.pop("quiet", False), options.pop("verbose", False)
    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose exclude each other")
    return 0 if quiet else 2 if verbose else 1
