"""Batch runs on Ray Data: the same articles, lines, resume and failure rules as the local engine.

The driver (``engines.batch.run_batch``) still decides what is pending and writes the results file; this
engine only turns pending paths into results. The paths become a Ray dataset; ``map_batches`` runs
them through a pool of actors, each holding one model client made once (the embedded model loaded
once per actor, or an OpenAI-compatible client with ``jobs`` requests in flight); results stream back
to the driver as they finish. Ray may run a batch twice after a worker dies; the driver writes each
(path, content) once.

Without an address a local Ray instance is started for the run and stopped after it (never a
cluster found on the machine); with ``address`` (or ``RAY_ADDRESS``) the run joins that cluster.
The results file, written by the driver, is the durable record. Ray is an optional extra:
``pip install 'meeting-briefs[ray]'``.

What a cluster started with ``ray start`` needs, as the tests against one found:

- Ray does not ship the driver's code. A worker imports ``summarizer`` from the driver's working
  directory when it holds the package at the same path on that node (Ray puts that directory first
  on its workers' ``sys.path``: running from a checkout's root is enough), else from the node's own
  environment: install the same version on every node, or start the nodes with ``PYTHONPATH`` at
  the checkout. Before a run on a cluster the engine asks one worker on each alive node for its
  brief code, library versions and prompts, and stops with a ``ConfigurationError`` naming the
  nodes that differ from the driver (they would write other briefs into the same results file).
- Input paths, the cache folder and the driver's working directory must be on a filesystem every
  node mounts at the same path. Actors work in the driver's working directory, so relative input
  paths and ``--cache-dir`` mean what they mean to the driver, and the cache folder is the driver's
  (its ``SUMMARIZER_CACHE_DIR`` / ``SUMMARIZER_HOME`` are resolved before the settings are shipped).
- Provider credentials and endpoints not given as options come from each worker's environment,
  i.e. the environment ``ray start`` ran in (the key is never shipped in task arguments).
- A head started with token authentication (Ray enables it when ``~/.ray/auth_token`` exists) is
  joined only by drivers and nodes with ``RAY_AUTH_MODE=token`` and the token (``RAY_AUTH_TOKEN``
  or the token file).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from summarizer.client import make_client
from summarizer.engines.base import BatchResult, Source, StepReport, Unreadable
from summarizer.engines.local import run_parallel
from summarizer.errors import ConfigurationError
from summarizer.inputs import Article
from summarizer.providers import runs_in_process
from summarizer.settings import Settings

INSTALL_HINT = "install the Ray extra: pip install 'meeting-briefs[ray]'"
INSTALL_ON_NODES = "install the same summarizer on every node, or start the nodes with PYTHONPATH at this checkout"


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
        # An unreadable input goes by its name: the actor reads it again, on its node, to say why.
        paths = [source.source if isinstance(source, Article | Unreadable) else str(source) for source in sources]
        if not paths:
            return
        if on_step is not None:
            for path in paths:
                on_step(path, "queued on Ray")
        ray = _import_ray()
        connected_here, local = _connect(ray, self.options.address)
        try:
            if not local:
                _check_workers(ray)  # a cluster's nodes may import another summarizer than this one
            yield from self._run(ray, paths)
        finally:
            if connected_here:
                ray.shutdown()

    def close(self) -> None:
        """Nothing to release: a Ray instance started for a run is stopped when the run ends."""

    def _run(self, ray: Any, paths: list[str]) -> Iterator[BatchResult]:
        cpus, actors = self._pool_size(ray)
        dataset = ray.data.from_items([{"path": path} for path in paths])
        # The driver's cache folder (its environment may name it), not one each worker would pick.
        settings = self.settings.replace(cache_dir=str(self.settings.cache_path().absolute()))
        summarised = dataset.map_batches(
            _Summariser,
            fn_constructor_kwargs={"settings": settings, "directory": os.getcwd()},
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
    """A Ray Data actor: one model client for its lifetime, ``jobs`` articles in flight per batch.

    It works in the driver's working directory (when this node has it), so that relative paths mean
    the same on every node; the actor's worker process is its own, so changing directory is safe.
    """

    def __init__(self, settings: Settings, directory: str) -> None:
        if os.path.isdir(directory):
            os.chdir(directory)
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


def _connect(ray: Any, address: str | None) -> tuple[bool, bool]:
    """Join the given cluster, or start a local instance, unless this process is connected already.

    Returns whether this run connected (and disconnects at its end) and whether it started the
    instance itself (its workers are this process's children, with its code).
    """
    if ray.is_initialized():
        return False, False
    address = address or os.environ.get("RAY_ADDRESS")
    quiet = {"log_to_driver": False, "configure_logging": False}
    try:
        if address:
            ray.init(address=address, **quiet)
        else:
            # "local": a new instance, not the cluster a `ray start` on this machine left in /tmp/ray.
            ray.init(address="local", include_dashboard=False, **quiet)
    except (ConnectionError, RuntimeError, ValueError) as e:
        hint = ""
        if address and not os.environ.get("RAY_AUTH_MODE"):
            hint = " (if the cluster uses token authentication, set RAY_AUTH_MODE=token and RAY_AUTH_TOKEN)"
        raise ConfigurationError(f"cannot start or join Ray at {address or 'a local instance'}: {e}{hint}") from e
    # Keep stderr for the batch's own summary: no progress bars, no INFO lines, no notice about either.
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    ray.data.DataContext.get_current().enable_progress_bars = False
    return True, not address


def _check_workers(ray: Any, timeout: float = 120.0) -> None:
    """Stop unless a worker on every alive node makes briefs as this driver does (same code, libraries, prompts)."""
    from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

    probe = ray.remote(num_cpus=0)(_brief_maker)
    nodes = [node for node in ray.nodes() if node.get("Alive")]
    asked = [
        probe.options(scheduling_strategy=NodeAffinitySchedulingStrategy(node["NodeID"], soft=False)).remote()
        for node in nodes
    ]
    try:
        answers = ray.get(asked, timeout=timeout)
    except ray.exceptions.RayError as e:
        reason = (str(e).strip().splitlines() or [type(e).__name__])[-1]  # Ray's own text ends with the cause
        raise ConfigurationError(f"a Ray worker cannot run summarizer: {reason}; {INSTALL_ON_NODES}") from e
    ours = _brief_maker()
    different = [
        f"node {node['NodeID'][:8]} at {node['NodeManagerAddress']} imports {theirs['package']}"
        for node, theirs in zip(nodes, answers, strict=True)
        if {k: v for k, v in theirs.items() if k != "package"} != {k: v for k, v in ours.items() if k != "package"}
    ]
    if different:
        raise ConfigurationError(
            f"Ray workers would make briefs with other code, libraries or prompts than this driver's "
            f"({ours['package']}): {'; '.join(different)}; {INSTALL_ON_NODES}"
        )


def _brief_maker() -> dict[str, str]:
    """What makes a brief in this process: where ``summarizer`` is imported from, the fingerprint of its
    brief-making code and libraries, and a digest of the prompt templates it reads."""
    from summarizer.briefcache import code_fingerprint
    from summarizer.cache import cache_key
    from summarizer.prompts import load_prompt
    from summarizer.steps import PROMPT_NAMES

    prompts = cache_key({name: load_prompt(name).source for name in PROMPT_NAMES})
    package = Path(__file__).resolve().parent.parent  # this module's own package: the summarizer imported here
    return {"package": str(package), "code": code_fingerprint(), "prompts": prompts}
