"""A pool of worker processes, so that the tool's own Python work uses every core.

Against a fast server the thread engine (``engines.local``) is held by the GIL: rules, grounding,
validation and the HTTP client's parsing all run on one core. This engine runs the same per-article
function (``engines.local.summarize_one``) in a ``concurrent.futures`` process pool: each worker
makes one model client for its lifetime and keeps a share of ``jobs`` articles in flight in its own
threads, so ``jobs`` is still the number of articles in flight in all.

The driver (``engines.batch.run_batch``) still reads the articles, decides what is pending and
writes every line: the same results file, resume and failure rules as the thread engine. Articles
go to the workers already read (``Article``), a chunk of a worker's share at a time; results come
back a chunk at a time, as each finishes. At most one chunk per worker is handed out, so once the
driver stops handing out articles (Ctrl-C), no new article starts. Workers ignore Ctrl-C: the
driver decides, and the articles in flight finish and are written.

Workers start from a fork server (a clean process, safe with the driver's threads), and import the
package once each. The embedded model computes inside llama.cpp on every core already, and would be
loaded once per worker: with it the pool has one worker.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any

from summarizer.engines.base import BatchResult, Source, StepReport, Unreadable
from summarizer.errors import SummarizerError
from summarizer.inputs import Article
from summarizer.providers import runs_in_process
from summarizer.settings import Settings

_worker: dict[str, Any] = {}  # in each worker: its model client, language and threads


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class ProcessEngine:
    """Results for pending articles, computed by a pool of worker processes.

    ``workers`` defaults to the cores this process may use (at most ``jobs``; one for the embedded
    model); each worker keeps ``jobs / workers`` articles in flight (rounded up).
    """

    def __init__(self, settings: Settings, workers: int | None = None) -> None:
        # The driver's cache folder (its environment may name it), whatever the workers' environment says.
        self.settings = settings.replace(cache_dir=str(settings.cache_path().absolute()))
        chosen = workers or (1 if runs_in_process(settings) else available_cores())
        self.workers = max(1, min(chosen, settings.jobs))
        self.threads = -(-max(1, settings.jobs) // self.workers)
        self._pool: ProcessPoolExecutor | None = None

    def results(self, sources: Iterable[Source], on_step: StepReport | None = None) -> Iterator[BatchResult]:
        """Each pending article's result, a worker's chunk at a time, in the order the chunks finish.

        Steps run inside the workers: ``on_step`` hears only that an article went to a worker.
        """
        pool = self._start()
        remaining = iter(sources)
        pending: set[Future[list[BatchResult]]] = set()
        try:
            while True:
                if len(pending) >= self.workers:  # a worker free first, then its articles read: none waits
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    yield from _collect(done)
                chunk = list(islice(remaining, self.threads))
                if not chunk:
                    break
                if on_step is not None:
                    for source in chunk:
                        on_step(_label(source), "in a worker process")
                pending.add(pool.submit(_summarise_chunk, chunk))
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from _collect(done)
        finally:
            for future in pending:
                future.cancel()

    def close(self) -> None:
        """Stop the workers (after the articles they hold)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _start(self) -> ProcessPoolExecutor:
        if self._pool is None:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=context,
                initializer=_start_worker,
                initargs=(self.settings, self.threads),
            )
        return self._pool


def _collect(done: set[Future[list[BatchResult]]]) -> Iterator[BatchResult]:
    """The results of finished chunks; a worker that died is an error saying how to go on."""
    for future in done:
        try:
            results = future.result()
        except BrokenProcessPool as e:
            raise SummarizerError(
                f"a worker process died ({e}); the lines written so far stand: run the same command to resume"
            ) from e
        yield from results


def _label(source: Source) -> str:
    return source.source if isinstance(source, Article | Unreadable) else str(source)


def _start_worker(settings: Settings, threads: int) -> None:
    """In each worker, once: ignore Ctrl-C (the driver decides) and make the model client."""
    from summarizer.client import make_client

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker.update(client=make_client(settings), language=settings.language, threads=threads)


def _summarise_chunk(chunk: list[Source]) -> list[BatchResult]:
    """In a worker: one chunk of articles, ``threads`` in flight, as the thread engine runs them."""
    from summarizer.engines.local import run_parallel

    return list(run_parallel(chunk, _worker["client"], _worker["threads"], _worker["language"]))
