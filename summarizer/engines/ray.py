"""Batch runs on Ray Data: the same articles, lines, resume and failure rules as the local engine.

The driver (``engines.batch.run_batch``) still decides what is pending and writes the results file; this
engine only turns pending paths into results. The paths become a Ray dataset; ``map_batches`` runs
them through a pool of actors, each holding one model client made once (the embedded model loaded
once per actor, or an OpenAI-compatible client with ``jobs`` requests in flight); results stream back
to the driver as they finish. Ray may run a batch twice after a worker dies; the driver writes each
(path, content) once.

Without an address a local Ray instance is started for the run and stopped after it; with
``address`` (or ``RAY_ADDRESS``) the run joins that cluster. On a cluster every worker must see the
input paths and the cache folder at the same paths (a shared filesystem); the results file, written
by the driver, is the durable record. Ray is an optional extra: ``pip install 'summarizer[ray]'``.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from summarizer.client import make_client
from summarizer.engines.base import BatchResult, Source, StepReport
from summarizer.engines.local import run_parallel
from summarizer.errors import ConfigurationError
from summarizer.inputs import Article
from summarizer.providers import runs_in_process
from summarizer.settings import Settings

INSTALL_HINT = "install the Ray extra: pip install 'summarizer[ray]'"


class RayEngine:
    """Results for pending articles, computed by Ray Data actors."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.options = settings.ray

    def results(self, sources: Iterable[Source], on_step: StepReport | None = None) -> Iterator[BatchResult]:
        """Each pending article's result, in the order they finish.

        Steps run inside the actors, out of the driver's sight: ``on_step`` hears only that the articles
        were handed to Ray.
        """
        paths = [source.source if isinstance(source, Article) else str(source) for source in sources]
        if not paths:
            return
        if on_step is not None:
            for path in paths:
                on_step(path, "queued on Ray")
        ray = _import_ray()
        started_here = _connect(ray, self.options.address)
        try:
            yield from self._run(ray, paths)
        finally:
            if started_here:
                ray.shutdown()

    def close(self) -> None:
        """Nothing to release: a Ray instance started for a run is stopped when the run ends."""

    def _run(self, ray: Any, paths: list[str]) -> Iterator[BatchResult]:
        cpus, actors = self._pool_size(ray)
        dataset = ray.data.from_items([{"path": path} for path in paths])
        summarised = dataset.map_batches(
            _Summariser,
            fn_constructor_kwargs={"settings": self.settings},
            # A batch is what one actor has in flight at once: ``jobs`` articles.
            batch_size=self.options.batch_size or self.settings.jobs,
            batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=actors),
            num_cpus=cpus,
        )
        for row in summarised.iter_rows():
            yield BatchResult(**json.loads(row["line"]))

    def _pool_size(self, ray: Any) -> tuple[float, int]:
        """CPUs per actor and actor count: whole cores for the embedded model, one per actor for servers."""
        total = float(ray.cluster_resources().get("CPU", 1))
        in_process = runs_in_process(self.settings)
        cpus = self.options.cpus_per_actor or (min(2.0, total) if in_process else 1.0)
        actors = self.options.actors or max(1, int(total // cpus))
        return cpus, actors


class _Summariser:
    """A Ray Data actor: one model client for its lifetime, ``jobs`` articles in flight per batch."""

    def __init__(self, settings: Settings) -> None:
        self.client = make_client(settings)
        self.language = settings.language
        self.jobs = settings.jobs

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy

        sources = (Path(str(path)) for path in batch["path"])
        lines = [result.to_line() for result in run_parallel(sources, self.client, self.jobs, self.language)]
        return {"line": numpy.array(lines, dtype=object)}


def _import_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError as e:
        raise ConfigurationError(f"--engine ray needs Ray Data; {INSTALL_HINT}") from e
    return ray


def _connect(ray: Any, address: str | None) -> bool:
    """Join the given cluster, or start a local instance; True when this run started it."""
    if ray.is_initialized():
        return False
    address = address or os.environ.get("RAY_ADDRESS")
    quiet = {"log_to_driver": False, "configure_logging": False}
    try:
        if address:
            ray.init(address=address, **quiet)
        else:
            ray.init(include_dashboard=False, **quiet)
    except (ConnectionError, RuntimeError, ValueError) as e:
        raise ConfigurationError(f"cannot start or join Ray at {address or 'a local instance'}: {e}") from e
    # Keep stderr for the batch's own summary: no progress bars, no INFO lines, no notice about either.
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    ray.data.DataContext.get_current().enable_progress_bars = False
    return True
