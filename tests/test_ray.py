"""Batch runs on a real local Ray instance (2 CPUs, loopback): same results as the local engine.

Marked ``ray``: Ray takes seconds to start, so these run in their own step of ``make test``.
"""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer.api import make_engine
from summarizer.engines.batch import run_batch
from summarizer.settings import RayOptions
from summarizer.settings import Settings as ProviderSettings
from tests.conftest import REPO, SEEDS
from tests.servers import FROM_SCHEMA, Action, scripted_server
from tests.test_batch import count_lines, lines, make_articles, scripted_batch, wait_for_lines

pytestmark = pytest.mark.ray
ray = pytest.importorskip("ray")


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    """One local Ray instance for the in-process tests (the engine joins it rather than starting one).

    A new one ("local"), never a cluster that a `ray start` on this machine left in /tmp/ray.
    """
    ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


def without_timing(record: dict[str, Any]) -> dict[str, Any]:
    brief = dict(record["brief"])
    brief["provenance"] = {k: v for k, v in brief["provenance"].items() if k != "seconds"}
    return {"input": record["input"], "sha256": record["sha256"], "status": record["status"], "brief": brief}


def test_replayed_seeds_give_the_local_engines_briefs(local_ray: None, recorded_cache: Path, tmp_path: Path) -> None:
    paths = [str(path) for path in SEEDS]
    settings = ProviderSettings(provider="local")
    for name in ("local", "ray"):
        engine = make_engine(
            settings.replace(
                engine=name,
                cache_dir=str(recorded_cache),
                cache_mode="replay",
                ray=RayOptions(actors=2, cpus_per_actor=1),
            )
        )
        summary = run_batch(paths, tmp_path / f"{name}.jsonl", engine=engine)
        engine.close()
        assert summary.cached == len(SEEDS) and summary.failed == 0, summary.failures
    by_input = {
        name: {r["input"]: without_timing(r) for r in lines(tmp_path / f"{name}.jsonl")} for name in ("local", "ray")
    }
    assert by_input["ray"] == by_input["local"]
    assert len(by_input["ray"]) == len(SEEDS)


def test_a_batch_against_a_delayed_server_finishes_with_every_article_once(local_ray: None, tmp_path: Path) -> None:
    paths = make_articles(tmp_path / "in", 12)
    out = tmp_path / "results.jsonl"
    with scripted_server([Action(content=FROM_SCHEMA, delay=0.05)]) as server:
        settings = ProviderSettings(base_url=server.url, model="scripted")
        engine = make_engine(
            settings.replace(engine="ray", cache_mode="off", jobs=3, ray=RayOptions(actors=2, cpus_per_actor=1))
        )
        summary = run_batch([str(p) for p in paths], out, engine=engine)
    records = lines(out)
    assert summary.ok == 12 and summary.failed == 0
    assert sorted(r["input"] for r in records) == sorted(str(p) for p in paths)
    assert {r["status"] for r in records} == {"ok"}
    assert 1 < server.max_in_flight <= 6  # two actors, three articles each


def test_bad_inputs_fail_alone_on_ray(local_ray: None, recorded_cache: Path, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "results.jsonl"
    inputs = [str(SEEDS[0]), str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt")]
    engine = make_engine(
        ProviderSettings(
            provider="local",
            engine="ray",
            cache_dir=str(recorded_cache),
            cache_mode="replay",
            ray=RayOptions(actors=1, cpus_per_actor=1),
        )
    )
    summary = run_batch(inputs, out, engine=engine)
    statuses = {Path(str(r["input"])).name: r["status"] for r in lines(out)}
    assert statuses == {SEEDS[0].name: "cached", "empty.txt": "failed", "missing.txt": "failed"}
    assert summary.failed == 2


def test_an_interrupted_ray_run_resumes_to_the_full_set(tmp_path: Path) -> None:
    paths = make_articles(tmp_path / "in", 16)
    out = tmp_path / "results.jsonl"
    with scripted_server([Action(content=FROM_SCHEMA, delay=0.1)]) as server:
        command = scripted_batch(tmp_path / "in", out, server.url, 1, "--engine", "ray")
        env = {**os.environ, "SUMMARIZER_HOME": str(tmp_path / "state")}
        env.pop("RAY_ADDRESS", None)
        # Its own session, so the kill reaches the local Ray instance the command started too.
        child = subprocess.Popen(
            command, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        wait_for_lines(out, 3, child, timeout=180)
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        written = count_lines(out)
        assert 3 <= written < len(paths), "the kill should land mid-run"
        rerun = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    records = lines(out)
    assert sorted(r["input"] for r in records) == sorted(str(p) for p in paths)
    assert {r["status"] for r in records} == {"ok"}
    assert f"skipped={written}" in rerun.stderr
