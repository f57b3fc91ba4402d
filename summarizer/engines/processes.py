"""A pool of worker processes, so that the tool's own Python work uses every core.

Against a fast server the thread engine (``engines.local``) is held by the GIL: rules, grounding,
validation and the HTTP client's parsing all run on one core. This engine runs the same per-article
function (``engines.local.summarize_one``) in a ``concurrent.futures`` process pool: each worker
makes one model client for its lifetime and runs a share of ``jobs`` threads, so ``jobs`` is still
the number of articles in flight in all.

The driver (``engines.batch.run_batch``) still reads the articles, decides what is pending and
writes every line: the same results file, resume and failure rules as the thread engine. Articles
go to the workers already read (``Article``) through one queue, one at a time and never more than
``jobs`` in flight, so a free thread always takes the next one at once (no worker waits for the
slowest article of a batch) and, once the driver stops handing out articles (Ctrl-C), no new
article starts. Results and step reports come back through another queue as they happen. Workers
ignore Ctrl-C: the driver decides, and the articles in flight finish and are written.

Workers start from a fork server (a clean process, safe with the driver's threads) and import the
package once each; each loads what a brief needs (lingua's models, about 400 MB, when briefs are
made rather than found in the brief cache) for itself. The embedded model computes inside llama.cpp
on every core already, and would be loaded once per worker: with it the pool has one worker.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
import traceback
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from summarizer.engines.base import BatchResult, Source, StepReport
from summarizer.errors import SummarizerError
from summarizer.settings import Settings

_worker: dict[str, Any] = {}  # in each worker: its model client, language, threads and queues
_POLL = 0.5  # seconds between checks that the workers are alive, while waiting for a result


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class ProcessEngine:
    """Results for pending articles, computed by a pool of worker processes.

    ``workers`` defaults to the cores this process may use (at most ``jobs``; one for the embedded
    model); each worker runs ``jobs / workers`` threads (rounded up).
    """

    def __init__(self, settings: Settings, workers: int | None = None) -> None:
        from summarizer.providers import runs_in_process

        # The driver's cache folder (its environment may name it), whatever the workers' environment says.
        self.settings = settings.replace(cache_dir=str(settings.cache_path().absolute()))
        chosen = workers or (1 if runs_in_process(settings) else available_cores())
        self.jobs = max(1, settings.jobs)
        self.workers = max(1, min(chosen, self.jobs))
        self.threads = -(-self.jobs // self.workers)
        self._pool: ProcessPoolExecutor | None = None
        self._queues: tuple[Any, Any] | None = None

    def results(self, sources: Iterable[Source], on_step: StepReport | None = None) -> Iterator[BatchResult]:
        """Each pending article's result, in the order they finish; ``on_step`` hears each article's steps."""
        pool, (articles, outcomes) = self._start()
        serving = [pool.submit(_serve, on_step is not None) for _ in range(self.workers)]
        remaining, in_flight, finished = iter(sources), 0, False
        try:
            while True:
                while not finished and in_flight < self.jobs:  # a thread is free: hand it the next article
                    source = next(remaining, None)
                    if source is None:
                        finished = True
                    else:
                        articles.put(source)
                        in_flight += 1
                if in_flight == 0:
                    break
                kind, *message = _next(outcomes, serving)
                if kind == "step" and on_step is not None:
                    on_step(*message)
                elif kind == "error":  # what would have ended a thread engine's batch ends this one
                    raise RuntimeError(f"a worker process failed on an article: {message[0]}")
                elif kind == "result":
                    in_flight -= 1
                    yield message[0]
        finally:
            for _ in range(self.workers * self.threads):
                articles.put(None)  # every thread ends once it is done with its article
            if in_flight:  # abandoned with articles in flight: their results would come back to a later run
                self.close(wait=False)
            else:
                for future in serving:
                    future.result()

    def close(self, wait: bool = True) -> None:
        """Stop the workers (after the articles they hold)."""
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=True)
            self._pool, self._queues = None, None

    def _start(self) -> tuple[ProcessPoolExecutor, tuple[Any, Any]]:
        if self._pool is None or self._queues is None:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
            self._queues = (context.Queue(), context.Queue())
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=context,
                initializer=_start_worker,
                initargs=(self.settings, self.threads, *self._queues),
            )
        return self._pool, self._queues


def _next(outcomes: Any, serving: list[Future[None]]) -> tuple[Any, ...]:
    """The next message from the workers; a worker that died is an error saying how to go on."""
    while True:
        try:
            message: tuple[Any, ...] = outcomes.get(timeout=_POLL)
            return message
        except queue.Empty:
            for future in serving:
                if future.done() and future.exception() is not None:
                    error = future.exception()
                    if isinstance(error, BrokenProcessPool):
                        raise SummarizerError(
                            f"a worker process died ({error}); the lines written so far stand: "
                            "run the same command to resume"
                        ) from error
                    raise error from None  # type: ignore[misc]


def _start_worker(settings: Settings, threads: int, articles: Any, outcomes: Any) -> None:
    """In each worker, once: ignore Ctrl-C (the driver decides) and make the model client."""
    from summarizer.client import make_client

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    outcomes.cancel_join_thread()  # a worker never waits at exit for a driver that stopped reading
    _worker.update(
        client=make_client(settings), language=settings.language, threads=threads, articles=articles, outcomes=outcomes
    )


def _serve(report_steps: bool) -> None:
    """In a worker: ``threads`` threads, each taking articles from the queue until it hands them None."""
    workers = [threading.Thread(target=_take, args=(report_steps,), daemon=True) for _ in range(_worker["threads"])]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()


def _take(report_steps: bool) -> None:
    """One thread of a worker: articles in, results (and steps) out, as the thread engine makes them."""
    from summarizer.engines.local import summarize_one

    articles, outcomes = _worker["articles"], _worker["outcomes"]
    on_step = (lambda label, step: outcomes.put(("step", label, step))) if report_steps else None
    while (source := articles.get()) is not None:
        try:
            outcomes.put(("result", summarize_one(source, _worker["client"], _worker["language"], on_step)))
        except Exception:  # not an article's own failure (those are results): the driver must hear of it
            outcomes.put(("error", traceback.format_exc(limit=8)))
