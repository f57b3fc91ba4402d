"""The library's entry points: one article in, one Brief out; many articles in, results out.

Every function takes the run's ``Settings`` whole, or builds them once from keyword options (the
same names as the Settings fields: ``language``, ``provider``, ``model``, ``base_url``,
``model_path``, ``cache_dir``, ``cache_mode``, ``jobs``...).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from typing_extensions import Unpack

from summarizer.brief import Brief
from summarizer.briefcache import summarize_article
from summarizer.client import ModelClient, make_client
from summarizer.engines.base import BatchResult, Engine, Source
from summarizer.engines.local import LocalEngine, run_parallel
from summarizer.errors import InputError
from summarizer.inputs import Article, decode_bytes, looks_like_path, read_article
from summarizer.settings import RayOptions, Settings
from summarizer.steps.base import Progress

if TYPE_CHECKING:
    from summarizer.evaluate import Scores


class Options(TypedDict, total=False):
    """Keyword options: any ``Settings`` field."""

    provider: str | None
    model: str | None
    base_url: str | None
    model_path: str | None
    schema_format: str | None
    timeout: float
    total_timeout: float
    cache_dir: str | Path | None
    cache_mode: str
    language: str | None
    jobs: int
    engine: str
    ray: RayOptions


_DEFAULTS = Settings()


def _settings(settings: Settings | None, options: Options) -> Settings:
    """The given settings with the options on top, or settings built from the options."""
    if not options:
        return settings or _DEFAULTS  # frozen: shared as is (the common case of a loop over articles)
    return settings.replace(**options) if settings else Settings.from_options(**options)


def make_engine(settings: Settings) -> Engine:
    """The batch engine the settings name: ``local`` (threads in this process), ``processes`` (a pool of
    worker processes on this machine) or ``ray`` (Ray Data actors)."""
    if settings.engine == "ray":
        from summarizer.engines.ray import RayEngine

        return RayEngine(settings)
    if settings.engine == "processes":
        from summarizer.engines.processes import ProcessEngine

        return ProcessEngine(settings)
    return LocalEngine(make_client(settings), settings.jobs, settings.language)


def summarize(
    source: str | Path | bytes | Article,
    *,
    settings: Settings | None = None,
    client: ModelClient | None = None,
    progress: Progress | None = None,
    strict: bool = False,
    **options: Unpack[Options],
) -> Brief:
    """Summarise one article: ``source`` is a path, ``"-"`` for stdin, the article's text or bytes, or an ``Article``.

    A one-line string that names no file is the article's text only when it has more than one word;
    a single word is taken as a path, so a mistyped path is a missing file (``InputError``).

    ``language`` is the brief's second language (ISO 639-1); by default the article's own. Pass
    ``client`` to reuse one across many calls. ``strict`` drops the items whose evidence is not in the
    article (they are flagged otherwise).
    """
    run = _settings(settings, options)
    article = source if isinstance(source, Article) else read_article(source)
    owned = client or make_client(run)
    try:
        brief = summarize_article(article, owned, run.language, progress)
    finally:
        if client is None:
            owned.cache.close()
    return brief.strict() if strict else brief


def evaluate_gold(
    gold: str | Path,
    *,
    results: str | Path | None = None,
    common_with: str | Path | None = None,
    settings: Settings | None = None,
    **options: Unpack[Options],
) -> Scores:
    """Run (or replay) the tool over a gold file's articles and score the briefs (see ``evaluate``).

    With ``results`` (a batch results file), its briefs are scored instead: no model is asked; with
    ``common_with`` (another results file) too, only the articles both have briefs for are scored.
    """
    from summarizer.evaluate import evaluate, read_gold, result_hashes, score_results

    run = _settings(settings, options)
    records = read_gold(gold)
    if results is not None:
        only = result_hashes(results) & result_hashes(common_with) if common_with is not None else None
        return score_results(records, results, only)
    client = make_client(run)
    try:
        return evaluate(records, lambda article: summarize(article, client=client, language=run.language))
    finally:
        client.cache.close()


async def asummarize(
    source: str | Path | bytes | Article,
    *,
    settings: Settings | None = None,
    client: ModelClient | None = None,
    strict: bool = False,
    **options: Unpack[Options],
) -> Brief:
    """``summarize`` for async code: the work runs in a thread, so the event loop stays free."""
    return await asyncio.to_thread(
        lambda: summarize(source, settings=settings, client=client, strict=strict, **options)
    )


def summarize_many(
    sources: Iterable[str | Path],
    *,
    settings: Settings | None = None,
    client: ModelClient | None = None,
    ordered: bool = False,
    **options: Unpack[Options],
) -> Iterator[BatchResult]:
    """Summarise many articles (paths, or texts), yielding each ``BatchResult`` as it completes.

    ``ordered=True`` yields them in input order instead. At most ``jobs`` articles are in flight.
    A failure is a result with ``status == "failed"``,
    never an exception, so one bad article cannot stop the others.
    """
    run = _settings(settings, options)
    owned = client or make_client(run)
    try:
        items = (_as_source(item, n) for n, item in enumerate(sources))
        yield from run_parallel(items, owned, run.jobs, run.language, ordered=ordered)
    finally:
        if client is None:
            owned.cache.close()


async def asummarize_many(
    sources: Iterable[str | Path], *, settings: Settings | None = None, **options: Unpack[Options]
) -> AsyncIterator[BatchResult]:
    """``summarize_many`` for async code: results arrive without blocking the event loop."""
    results = summarize_many(sources, settings=settings, **options)
    done = object()
    while (result := await asyncio.to_thread(next, results, done)) is not done:
        assert isinstance(result, BatchResult)
        yield result


def _as_source(item: str | Path, number: int) -> Source:
    """Paths stay paths; a text gets a numbered label (a bad one, or a value that is no article, is left
    for the batch to fail with its reason)."""
    if not isinstance(item, str) or looks_like_path(item):
        return item
    try:
        return decode_bytes(item.encode("utf-8"), f"<text {number}>")
    except InputError:
        return item
