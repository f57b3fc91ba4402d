"""Many articles at once: resumable, isolated failures, one JSON line per article.

Results go to a JSONL file (``engines.results``), one line per article, written and flushed by a
single writer as each article finishes. Rerunning the same command skips every article whose line is already there
with the same content hash (a ``failed`` line counts as done unless ``retry_failed``); a line cut
short by a crash is dropped before anything is appended, so the file always ends whole. The
articles themselves run on an engine (``engines.local`` threads, or ``engines.ray``).
"""

from __future__ import annotations

import glob
import json
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.client import ModelClient
from summarizer.engines.base import BatchResult, Engine, Source, StepReport, Unreadable
from summarizer.engines.local import LocalEngine
from summarizer.engines.results import ResultsFile
from summarizer.errors import InputError
from summarizer.inputs import ARTICLE_SUFFIXES, is_url, read_input, read_stdin
from summarizer.outputs import file_name, prepare_folder, write_whole

__all__ = ["BatchSummary", "ResultsFile", "expand_inputs", "load_results", "run_batch"]


def expand_inputs(inputs: Iterable[str], stdin: Iterable[str] | None = None) -> list[str]:
    """Files, directories (their article files, recursively), globs and http(s) URLs, in order, each once.

    ``-`` reads one path per line from ``stdin`` (by default standard input, at most 5 MB of it).
    A path that does not exist is kept, so that it becomes a ``failed`` line rather than vanishing;
    so is every entry of a folder named like an article that is not a readable file (a FIFO, a
    dangling symlink, a symlink loop, a folder). A glob that matches nothing is an ``InputError``:
    a mistyped pattern must not make a batch that silently does less.
    """
    found: list[str] = []
    for item in inputs:
        if item == "-":
            lines = stdin if stdin is not None else read_stdin().decode("utf-8", "surrogateescape").splitlines()
            found += [line.strip() for line in lines if line.strip()]
        elif is_url(item):  # before globs: a URL's "?" is no wildcard
            found.append(item)
        elif Path(item).is_dir():
            found += sorted(str(p) for p in Path(item).rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES)
        elif glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise InputError(f"{item}: no file matches this pattern; check the pattern (or name the files)")
            found += matches
        else:
            found.append(item)
    return list(dict.fromkeys(found))


@dataclass
class BatchSummary:
    """Counts for the end-of-run table."""

    articles: int = 0
    skipped: int = 0
    ok: int = 0
    cached: int = 0
    failed: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)
    interrupted: bool = False  # stopped by ``stop``: the articles in flight were finished and written, no others

    def add(self, result: BatchResult) -> None:
        """Count one finished article."""
        setattr(self, result.status, getattr(self, result.status) + 1)
        self.prompt_tokens += result.tokens.get("prompt", 0)
        self.completion_tokens += result.tokens.get("completion", 0)
        if result.status == "failed" and result.error:
            self.failures.append(f"{result.input}: {result.error['message']}")


def run_batch(
    paths: list[str],
    output: str | Path,
    client: ModelClient | None = None,
    jobs: int = 4,
    language: str | None = None,
    retry_failed: bool = False,
    markdown_dir: str | Path | None = None,
    on_result: Callable[[BatchResult], None] | None = None,
    engine: Engine | None = None,
    stop: threading.Event | None = None,
    on_skip: Callable[[str], None] | None = None,
    on_step: StepReport | None = None,
) -> BatchSummary:
    """Summarise ``paths`` into the JSONL file ``output``, resuming where an earlier run stopped.

    The articles run on ``engine``, by default a ``LocalEngine`` over ``client``. Whatever the engine,
    this function alone writes the file, and writes each (path, content) once; another process
    writing the same file is refused (``OutputError``). Once ``stop`` is set (the CLI sets it on
    Ctrl-C) no new article starts; those in flight finish and are written, and the summary says
    ``interrupted``. ``on_result`` hears each written result, ``on_skip`` each article already done,
    ``on_step`` each (article, step) as the engine runs it. Lines are written as articles finish;
    each records its ``input_number`` (its place in ``paths``), so tables can keep the input order.
    """
    if engine is None:
        if client is None:
            raise TypeError("run_batch needs a client or an engine")
        engine = LocalEngine(client, jobs, language)
    started = time.perf_counter()
    with ResultsFile.locked(output) as results:
        if retry_failed:
            results.drop_failed()
        if markdown_dir is not None:
            prepare_folder(markdown_dir)  # before any model time, like the results file
        summary = BatchSummary(articles=len(paths))
        numbers = _input_numbers(paths)
        with results.appending():
            pending = _pending(paths, results, retry_failed, summary, stop, on_skip)
            for result in engine.results(pending, on_step):
                result.input_number = numbers.get(result.input)
                if results.is_done(result.input, result.sha256, retry_failed=False):
                    continue  # a second result for the same article (an engine re-ran it): the first stands
                if markdown_dir is not None and result.brief is not None:
                    _write_markdown(Path(markdown_dir), result)  # before its line: if it fails, a resume redoes both
                results.append(result)
                summary.add(result)
                if on_result is not None:
                    on_result(result)
    summary.interrupted = stop is not None and stop.is_set()
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary


def _input_numbers(paths: list[str]) -> dict[str, int]:
    """Each input's place (from 1), under its name as given and as a result names it (``./a.txt`` is ``a.txt``)."""
    numbers: dict[str, int] = {}
    for number, path in enumerate(paths, 1):
        numbers.setdefault(path, number)
        numbers.setdefault(str(Path(path)), number)
    return numbers


def _pending(
    paths: list[str],
    results: ResultsFile,
    retry_failed: bool,
    summary: BatchSummary,
    stop: threading.Event | None,
    on_skip: Callable[[str], None] | None = None,
) -> Iterator[Source]:
    """Articles still to do, each read once and lazily (its hash decides whether it is done), until ``stop``.

    An unreadable input is passed on with its error (``Unreadable``), so that it becomes a ``failed``
    line with its reason, without being read or fetched again.
    """
    for path in paths:
        if stop is not None and stop.is_set():
            return
        pending: Source
        try:
            article = read_input(path)
        except InputError as error:
            pending, sha = Unreadable(path, error), None
        else:
            pending, sha = article, article.sha256
        if results.is_done(path, sha, retry_failed):
            summary.skipped += 1
            if on_skip is not None:
                on_skip(path)
        else:
            yield pending


def _write_markdown(directory: Path, result: BatchResult) -> None:
    from summarizer.brief import Brief

    write_whole(directory / file_name(result.input, ".md"), Brief.model_validate(result.brief).to_markdown())


def load_results(path: str | Path, as_briefs: bool = False, frames: bool = False) -> Any:
    """Read a results file back: a list of dicts, of Briefs for the ok lines, or pandas DataFrames.

    ``frames=True`` returns ``{"articles": ..., "chairs": ..., "targets": ..., "directives": ...}``,
    the tables ``summarize export`` writes (``summarizer.render.tables``).
    """
    from summarizer.brief import Brief

    records = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    if frames:
        from summarizer.render.tables import result_frames

        return result_frames(records)
    if as_briefs:
        return [Brief.model_validate(record["brief"]) for record in records if record["brief"] is not None]
    return records
