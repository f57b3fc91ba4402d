"""The default engine: a thread pool in this process sharing one model client.

Model calls spend their time waiting on HTTP or inside llama.cpp (which releases the GIL), and one
shared client keeps one cache and one loaded model. The embedded model holds one llama.cpp context
per process, so with ``provider=local`` its calls take turns: ``jobs`` then overlaps only reading,
cleaning and cache look-ups.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from summarizer.briefcache import summarize_article
from summarizer.client import ModelClient
from summarizer.engines.base import BatchResult, Source, StepReport, Unreadable
from summarizer.errors import InputError, SummarizerError
from summarizer.inputs import Article, read_article


def summarize_one(
    source: Source, client: ModelClient, language: str | None = None, on_step: StepReport | None = None
) -> BatchResult:
    """Summarise one article and never raise for its own failures: they become a failed result.

    A ``Path`` is always read as a file; a ``str`` is a path or the article's text (as ``summarize``).
    ``on_step`` hears (article, step) as the pipeline moves on.
    """
    started = time.perf_counter()
    label = source.source if isinstance(source, Article | Unreadable) else str(source)
    sha = None
    try:
        article = _article(source)
        label = article.source
        sha = article.sha256
        brief = summarize_article(article, client, language, _reporting(on_step, label))
    except SummarizerError as error:
        kind = "input" if isinstance(error, InputError) else type(error).__name__
        return BatchResult(
            label,
            sha,
            "failed",
            error={"kind": kind, "message": str(error)},
            seconds=round(time.perf_counter() - started, 3),
        )
    usage = brief.provenance.usage
    return BatchResult(
        label,
        sha,
        "cached" if brief.provenance.cached else "ok",
        brief=brief.model_dump(mode="json"),
        tokens={"prompt": usage.prompt_tokens, "completion": usage.completion_tokens, "calls": usage.calls},
        seconds=round(time.perf_counter() - started, 3),
    )


def _article(source: Source) -> Article:
    """The source's article: read now, or its reading's error raised again."""
    if isinstance(source, Unreadable):
        raise source.error
    return source if isinstance(source, Article) else read_article(source)


def _reporting(on_step: StepReport | None, label: str) -> Callable[[str], None] | None:
    """The pipeline's one-argument progress callback, naming this article to ``on_step``."""
    if on_step is None:
        return None
    on_step(label, "reading")
    return lambda step: on_step(label, step)


def run_parallel(
    sources: Iterable[Source],
    client: ModelClient,
    jobs: int = 4,
    language: str | None = None,
    ordered: bool = False,
    on_step: StepReport | None = None,
) -> Iterator[BatchResult]:
    """Results as they complete (or in input order), with at most ``jobs`` articles in flight (inputs read lazily)."""
    if ordered:
        yield from _in_order(sources, client, jobs, language)
        return
    pending: set[Future[BatchResult]] = set()
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        for source in sources:
            if len(pending) >= max(1, jobs):
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (future.result() for future in done)
            pending.add(pool.submit(summarize_one, source, client, language, on_step))
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from (future.result() for future in done)


def _in_order(sources: Iterable[Source], client: ModelClient, jobs: int, language: str | None) -> Iterator[BatchResult]:
    """Results in the order of ``sources``: a finished article waits for those before it."""
    queue: deque[Future[BatchResult]] = deque()
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        for source in sources:
            if len(queue) >= max(1, jobs):
                yield queue.popleft().result()
            queue.append(pool.submit(summarize_one, source, client, language))
        while queue:
            yield queue.popleft().result()


@dataclass
class LocalEngine:
    """A thread pool in this process, sharing one client (the default engine)."""

    client: ModelClient
    jobs: int = 4
    language: str | None = None

    def results(self, sources: Iterable[Source], on_step: StepReport | None = None) -> Iterator[BatchResult]:
        """Each article's result, in the order they finish; ``on_step`` hears each article's steps."""
        return run_parallel(sources, self.client, self.jobs, self.language, on_step=on_step)

    def close(self) -> None:
        """Close the client's cache."""
        self.client.cache.close()
