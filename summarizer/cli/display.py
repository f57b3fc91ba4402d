"""What the CLI shows around a library call: progress, the batch summary, the brief, errors as one line."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from summarizer.inert import inert

FORMATS = ("text", "markdown", "json", "html")
_SUFFIX_FORMATS = {
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".txt": "text",
    ".text": "text",
}
_LINES = threading.Lock()  # one line at a time on stderr, whichever thread says it


def output_format(chosen: str | None, output: str | None) -> str:
    """The format asked for, else the one the output file's extension names (text on a terminal or a device).

    An output file whose extension names no format (``brief.csv``, ``brief``) is a usage error that
    lists the formats, rather than a text file under a misleading name.
    """
    if chosen is not None:
        return chosen
    if output is None or (Path(output).exists() and not Path(output).is_file()):  # stdout, /dev/null, /dev/stdout
        return "text"
    suffix = Path(output).suffix.lower()
    if suffix not in _SUFFIX_FORMATS:
        known = " ".join(sorted(_SUFFIX_FORMATS))
        said = f"its extension {suffix!r}" if suffix else "a name without an extension"
        raise click.UsageError(
            f"{output!r}: cannot tell the format from {said}; "
            f"use one of {known}, or --format {'|'.join(FORMATS)} (there is no CSV of one brief: "
            "summarize export writes a batch's tables)"
        )
    return _SUFFIX_FORMATS[suffix]


def _interactive(console: Any) -> bool:
    """Both ends are a terminal: otherwise stay quiet and machine-friendly."""
    return bool(sys.stdout.isatty() and console.is_terminal)


class BatchDisplay:
    """What a batch shows as it goes: the callbacks ``run_batch`` takes (``result``, ``skipped``, ``step``).

    ``verbosity``: 0 quiet (nothing), 1 a live bar in an interactive terminal, naming the article in
    flight and its step, 2 also one line per finished article (and per step when not interactive).
    The bar counts articles already done by an earlier run (``skipped``) as done, so a fully resumed
    batch shows 5/5, not 0/5.
    """

    def __init__(self, console: Any, total: int, verbosity: int = 1) -> None:
        self.console, self.total, self.verbosity = console, total, verbosity
        self.bar: Any = None
        self.task: Any = None
        self.counts = {"skipped": 0, "cached": 0, "failed": 0}
        self.in_flight: dict[str, str] = {}  # article -> its current step, most recent last
        self.lock = threading.Lock()

    def __enter__(self) -> BatchDisplay:
        if self.verbosity >= 1 and _interactive(self.console):
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(
                BarColumn(bar_width=24),
                MofNCompleteColumn(),
                TextColumn("skipped {task.fields[skipped]} cached {task.fields[cached]} failed {task.fields[failed]}"),
                TimeElapsedColumn(),
                TextColumn("{task.description}"),
                console=self.console,
            )
            self.task = self.bar.add_task("", total=self.total, **self.counts)
            self.bar.start()
        return self

    def __exit__(self, *_exc: Any) -> None:
        if self.bar is not None:
            self.bar.stop()

    def callbacks(self) -> dict[str, Any]:
        """``run_batch``'s callbacks: ``on_result``, ``on_skip`` and ``on_step``."""
        return {"on_result": self.result, "on_skip": self.skipped, "on_step": self.step}

    def result(self, result: Any) -> None:
        """One article finished (ok, cached or failed)."""
        line = f"{result.status} {result.input} ({result.seconds:.1f} s)"
        with self.lock:
            self.in_flight.pop(result.input, None)
            if result.status in self.counts:
                self.counts[result.status] += 1
            self._advance()
        if self.verbosity >= 2:
            self._say(line)

    def skipped(self, path: str) -> None:
        """One article already done by an earlier run."""
        with self.lock:
            self.counts["skipped"] += 1
            self._advance()

    def step(self, article: str, step: str) -> None:
        """An article in flight reached a step."""
        with self.lock:
            self.in_flight.pop(article, None)
            self.in_flight[article] = step
            if self.bar is not None:
                self.bar.update(self.task, description=self._now_running())
        if self.bar is None and self.verbosity >= 2:
            self._say(f"{article}: {step}")

    def _advance(self) -> None:
        if self.bar is not None:
            self.bar.update(self.task, advance=1, description=self._now_running(), **self.counts)

    def _now_running(self) -> str:
        """The article whose step came last, and how many others are in flight."""
        if not self.in_flight:
            return ""
        article, step = next(reversed(self.in_flight.items()))
        others = len(self.in_flight) - 1
        return _plain(f"{Path(article).name}: {step}" + (f" (+{others} more)" if others else ""))

    def _say(self, line: str) -> None:
        if self.bar is not None:
            self.bar.console.print(_plain(line), highlight=False)
        else:
            say(line)


def say(line: str) -> None:
    """Write one whole line to stderr in one call: lines from threads (``batch -v --jobs N``) never glue together."""
    with _LINES:
        sys.stderr.write(inert(line) + "\n")
        sys.stderr.flush()


def _plain(text: str) -> str:
    """Text shown as is by rich: no control characters, no markup."""
    from rich.markup import escape

    return escape(inert(text))


def print_summary(console: Any, summary: Any, output: str, verbosity: int = 1, pages: Any = None) -> None:
    """The end-of-run table (one plain line when not interactive; only the failures when quiet)."""
    if verbosity == 0:
        for failure in summary.failures:
            print(f"failed: {failure}", file=sys.stderr)
        return
    if pages is not None:
        print(f"reports: {pages}", file=sys.stderr)
    tokens = summary.prompt_tokens + summary.completion_tokens
    if not _interactive(console):
        print(
            inert(
                f"articles={summary.articles} skipped={summary.skipped} ok={summary.ok} cached={summary.cached} "
                f"failed={summary.failed} tokens={tokens} seconds={summary.seconds} output={output}"
            ),
            file=sys.stderr,
        )
    else:
        from rich.table import Table

        table = Table(title=inert(f"batch -> {output}"))
        for column in ("articles", "skipped", "ok", "cached", "failed", "tokens", "wall time"):
            table.add_column(column, justify="right")
        table.add_row(
            *map(str, (summary.articles, summary.skipped, summary.ok, summary.cached, summary.failed, tokens)),
            f"{summary.seconds:.1f} s",
        )
        console.print(table)
    for failure in summary.failures:
        print(inert(f"failed: {failure}"), file=sys.stderr)


def emit(brief: Any, output_format: str, output: str | None, article_text: str) -> None:
    """Show or write the brief; a destination that cannot take it is an ``OutputError``."""
    from summarizer import render
    from summarizer.outputs import write_whole

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
        _to_stdout(text)
    else:
        write_whole(output, text)


def _to_stdout(text: str) -> None:
    from summarizer.outputs import cannot_write

    try:
        click.echo(text, nl=False)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (| head): stop quietly, and keep Python from complaining at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except OSError as e:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the unflushed rest would fail again at exit
        raise cannot_write("standard output", e) from e


class first_ctrl_c_stops:
    """Ctrl-C sets ``stop`` (the batch finishes and writes what is in flight); a second Ctrl-C kills at once."""

    def __init__(self, stop: threading.Event) -> None:
        self.stop = stop
        self.previous: Any = None

    def __enter__(self) -> None:
        self.previous = signal.signal(signal.SIGINT, self._on_ctrl_c)

    def _on_ctrl_c(self, _number: int, _frame: Any) -> None:
        self.stop.set()
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # the next Ctrl-C ends the process as usual
        print("\ninterrupting: finishing the articles in flight (Ctrl-C again to stop at once)", file=sys.stderr)

    def __exit__(self, *_exc: Any) -> None:
        signal.signal(signal.SIGINT, self.previous)


def report_interruption(summary: Any) -> None:
    """After a batch stopped by Ctrl-C: what was written and how to go on; exit code 130."""
    left = summary.articles - summary.skipped - summary.ok - summary.cached - summary.failed
    written = summary.ok + summary.cached + summary.failed
    print(
        f"interrupted: {written} articles written, {left} not started; run the same command to resume", file=sys.stderr
    )
    sys.exit(130)


class exit_on_error:
    """Turn the package's errors into one friendly line and the documented exit code."""

    def __init__(self, console: Any) -> None:
        self.console = console

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, error: BaseException | None, _tb: Any) -> None:
        from summarizer.errors import SummarizerError

        if isinstance(error, SummarizerError):
            from rich.markup import escape

            self.console.print(f"[bold red]error:[/] {escape(inert(str(error)))}", highlight=False, soft_wrap=True)
            sys.exit(error.exit_code)


class step_progress:
    """A spinner naming the current step, on stderr and only in a terminal (``verbosity`` as ``batch_progress``)."""

    def __init__(self, console: Any, verbosity: int = 1) -> None:
        self.console, self.verbosity = console, verbosity
        self.status: Any = None

    def __enter__(self) -> Any:
        import time

        started = time.perf_counter()

        def line(step: str) -> str:
            return f"[{time.perf_counter() - started:5.1f} s] asking the model: {step}"

        if self.verbosity >= 2:
            return lambda step: say(line(step))
        if not self.console.is_terminal or self.verbosity == 0:
            return None
        self.status = self.console.status("reading the article")
        self.status.start()
        return lambda step: self.status.update(line(step))

    def __exit__(self, *_exc: Any) -> None:
        if self.status is not None:
            self.status.stop()
