"""The library's entry points: one article in, one Brief out."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarizer.batch import BatchResult, Engine, LocalEngine, Source, run_parallel
from summarizer.cache import ResponseCache
from summarizer.errors import ConfigurationError, InputError
from summarizer.inputs import Article, decode_bytes, looks_like_path, read_article
from summarizer.llm import ModelClient
from summarizer.paths import default_cache_dir
from summarizer.pipeline import Progress, summarize_article
from summarizer.providers import ProviderSettings, make_provider
from summarizer.schema import Brief

if TYPE_CHECKING:
    from summarizer.evaluate import Report
    from summarizer.ray_engine import RayOptions


def make_client(
    settings: ProviderSettings | None = None,
    cache_dir: str | Path | None = None,
    cache_mode: str = "use",
) -> ModelClient:
    """A model client: the chosen provider behind the response cache, retries and validation."""
    cache = ResponseCache(cache_dir or default_cache_dir(), cache_mode)
    return ModelClient(make_provider(settings), cache)


def make_engine(
    name: str = "local",
    settings: ProviderSettings | None = None,
    cache_dir: str | Path | None = None,
    cache_mode: str = "use",
    language: str | None = None,
    jobs: int = 4,
    ray_options: RayOptions | None = None,
) -> Engine:
    """A batch engine: ``local`` (threads in this process) or ``ray`` (Ray Data actors)."""
    if name == "ray":
        from summarizer.ray_engine import RayEngine

        return RayEngine(settings or ProviderSettings(), cache_dir, cache_mode, language, jobs, ray_options)
    if name != "local":
        raise ConfigurationError(f"unknown engine {name!r}; choose local or ray")
    return LocalEngine(make_client(settings, cache_dir, cache_mode), jobs, language)


def summarize(
    source: str | Path | Article,
    *,
    language: str | None = None,
    provider: str | None = None,
    model: str | None = None,
    base_url: str | None = None,
    model_path: str | None = None,
    cache_dir: str | Path | None = None,
    cache_mode: str = "use",
    client: ModelClient | None = None,
    progress: Progress | None = None,
    strict: bool = False,
) -> Brief:
    """Summarise one article: ``source`` is a path, ``"-"`` for stdin, the article's text, or an ``Article``.

    ``language`` is the brief's second language (ISO 639-1); by default the article's own.
    Provider and cache options are the CLI's; pass ``client`` to reuse one across many calls.
    ``strict`` drops the items whose evidence is not in the article (they are flagged otherwise).
    """
    article = source if isinstance(source, Article) else read_article(source)
    if client is not None:
        brief = summarize_article(article, client, language, progress)
        return brief.strict() if strict else brief
    settings = ProviderSettings(provider=provider, model=model, base_url=base_url, model_path=model_path)
    owned = make_client(settings, cache_dir, cache_mode)
    try:
        brief = summarize_article(article, owned, language, progress)
    finally:
        owned.cache.close()
    return brief.strict() if strict else brief


def evaluate_gold(
    gold: str | Path,
    *,
    language: str | None = None,
    cache_dir: str | Path | None = None,
    cache_mode: str = "use",
    **provider_options: Any,
) -> Report:
    """Run (or replay) the tool over a gold file's articles and score the briefs (see ``evaluate``)."""
    from summarizer.evaluate import evaluate, read_gold

    records = read_gold(gold)
    client = make_client(ProviderSettings(**provider_options), cache_dir, cache_mode)
    try:
        return evaluate(records, lambda article: summarize(article, client=client, language=language))
    finally:
        client.cache.close()


async def asummarize(source: str | Path, **options: Any) -> Brief:
    """``summarize`` for async code: the work runs in a thread, so the event loop stays free."""
    return await asyncio.to_thread(summarize, source, **options)


def summarize_many(
    sources: Iterable[str | Path],
    *,
    jobs: int = 4,
    language: str | None = None,
    client: ModelClient | None = None,
    cache_dir: str | Path | None = None,
    cache_mode: str = "use",
    **provider_options: Any,
) -> Iterator[BatchResult]:
    """Summarise many articles (paths, or texts), yielding each ``BatchResult`` as it completes.

    At most ``jobs`` articles are in flight. A failure is a result with ``status == "failed"``,
    never an exception, so one bad article cannot stop the others.
    """
    owned = client or make_client(ProviderSettings(**provider_options), cache_dir, cache_mode)
    try:
        yield from run_parallel((_as_source(item, n) for n, item in enumerate(sources)), owned, jobs, language)
    finally:
        if client is None:
            owned.cache.close()


async def asummarize_many(sources: Iterable[str | Path], **options: Any) -> AsyncIterator[BatchResult]:
    """``summarize_many`` for async code: results arrive without blocking the event loop."""
    results = summarize_many(sources, **options)
    done = object()
    while (result := await asyncio.to_thread(next, results, done)) is not done:
        assert isinstance(result, BatchResult)
        yield result


def _as_source(item: str | Path, number: int) -> Source:
    """Paths stay paths; a text gets a numbered label (a bad one is left for the batch to fail)."""
    if isinstance(item, Path) or looks_like_path(item):
        return item
    try:
        return decode_bytes(item.encode("utf-8"), f"<text {number}>")
    except InputError:
        return item
