"""Batch runs with ``--address`` on a real Ray cluster: a head and a second node started with ``ray start``.

The cluster is what a user would run on two machines, here both on this one: ``ray start --head`` and
``ray start --address`` as separate processes, with token authentication on, the nodes' workers
importing ``summarizer`` from this checkout (``PYTHONPATH``, one of the ways the engine's docstring
gives) and working from a folder that is not the driver's. The driver is ``summarize batch`` in a
subprocess, as a user runs it. Each ``ray start`` runs in its own session, so teardown kills exactly
the processes of this cluster (``ray stop`` would kill every Ray process on the machine, the
in-process tests' and other users' included).

Marked ``ray``, like tests/test_ray.py; module-scoped, so the cluster is up only while these tests run.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO, SEEDS
from tests.servers import FROM_SCHEMA, Action, scripted_server
from tests.test_batch import lines, make_articles
from tests.test_ray import without_timing

pytestmark = pytest.mark.ray
pytest.importorskip("ray")

RAY = Path(sys.executable).parent / "ray"

# Run in a subprocess (the test process must not join the cluster): the alive nodes, and where a worker
# on each of them imports summarizer from.
PROBE = """
import json, sys, time
import ray
from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy
ray.init(address=sys.argv[1], log_to_driver=False, configure_logging=False)
deadline = time.monotonic() + 60
while len([n for n in ray.nodes() if n["Alive"]]) < int(sys.argv[2]) and time.monotonic() < deadline:
    time.sleep(0.2)
nodes = [n for n in ray.nodes() if n["Alive"]]

@ray.remote(num_cpus=0)
def package():
    import summarizer
    return summarizer.__file__

strategies = [NodeAffinitySchedulingStrategy(n["NodeID"], soft=False) for n in nodes]
files = ray.get([package.options(scheduling_strategy=s).remote() for s in strategies], timeout=60)
print(json.dumps({"cpus": ray.cluster_resources().get("CPU"), "packages": files}))
"""


@dataclass
class Cluster:
    """A running cluster: its address, the environment a client needs to join it, and its nodes' folders."""

    address: str
    env: dict[str, str]
    node_dirs: list[Path]
    groups: list[int]

    def probe(self) -> dict[str, object]:
        """The cluster's CPUs and, for each alive node, the summarizer a worker there imports."""
        done = subprocess.run(
            [sys.executable, "-c", PROBE, self.address, str(len(self.groups))],
            env=self.env,
            cwd=self.node_dirs[0].parent,  # not the checkout: Ray would put it on the workers' sys.path
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        answer: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
        return answer

    def actors_on(self, node: int) -> int:
        """How many summariser actors ever ran on one node (Ray's worker logs name each actor's class)."""
        logs = self.node_dirs[node].glob("session_*/logs/worker-*.out")
        return sum("MapBatches(_Summariser)" in path.read_text(errors="replace") for path in logs)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def ray_start(arguments: list[str], env: dict[str, str], folder: Path) -> int:
    """Run ``ray start`` in a new session; its daemons stay in that process group, whose id is returned."""
    folder.mkdir()
    log = folder.parent / f"{folder.name}.log"
    with log.open("wb") as output:
        started = subprocess.Popen(
            [str(RAY), "start", *arguments, f"--temp-dir={folder}", "--disable-usage-stats"],
            env=env,
            cwd=folder,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        code = started.wait(timeout=120)
    assert code == 0, log.read_text(errors="replace")[-3000:]
    return started.pid


def kill_groups(groups: list[int]) -> None:
    """SIGKILL each process group and wait (bounded) until its processes are gone."""
    for group in groups:
        try:
            os.killpg(group, signal.SIGKILL)
        except ProcessLookupError:
            continue
    deadline = time.monotonic() + 20
    for group in groups:
        while time.monotonic() < deadline:
            try:
                os.killpg(group, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    """A head (2 CPUs) and a second node (1 CPU) on this machine; killed at the end, whatever happened."""
    # Short: Ray's socket paths live under it, and a Unix socket path has at most 107 bytes.
    root = Path(tempfile.mkdtemp(prefix="rc", dir="/tmp"))
    env = {key: value for key, value in os.environ.items() if key not in {"RAY_ADDRESS", "PYTHONPATH"}}
    # Token authentication, with a token of its own: what Ray turns on for `ray start --head` when a
    # token file exists, made independent of this machine's ~/.ray.
    env |= {"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": secrets.token_hex(32), "PYTHONPATH": str(REPO)}
    port = free_port()
    address = f"127.0.0.1:{port}"
    small = ["--object-store-memory=100000000"]
    groups: list[int] = []
    try:
        head = ["--head", "--node-ip-address=127.0.0.1", f"--port={port}", "--num-cpus=2", "--include-dashboard=false"]
        groups.append(ray_start([*head, *small], env, root / "head"))
        groups.append(ray_start([f"--address={address}", "--num-cpus=1", *small], env, root / "node"))
        yield Cluster(address, env, [root / "head", root / "node"], groups)
    finally:
        kill_groups(groups)
        shutil.rmtree(root, ignore_errors=True)


def batch(cluster: Cluster, arguments: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    """``summarize batch ARGUMENTS`` as a user runs it, from the checkout, with the cluster's credentials."""
    env = {**cluster.env, "SUMMARIZER_HOME": str(home)}
    command = [sys.executable, "-m", "summarizer", "batch", *arguments]
    return subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True, timeout=300)


def test_the_cluster_has_two_nodes_whose_workers_import_this_checkout(cluster: Cluster) -> None:
    status = cluster.probe()
    assert status["cpus"] == 3.0
    assert status["packages"] == [str(REPO / "summarizer" / "__init__.py")] * 2


def test_replayed_seeds_on_the_cluster_give_the_local_engines_briefs(
    cluster: Cluster, recorded_cache: Path, tmp_path: Path
) -> None:
    # Relative paths, as a user in the checkout types them: the workers start elsewhere (their node's folder).
    seeds = [str(path.relative_to(REPO)) for path in SEEDS]
    replay = ["--cache-dir", str(recorded_cache), "--cache-mode", "replay", "--provider", "local"]
    runs = {}
    for name, engine in {
        "local": ["--engine", "local"],
        "ray": ["--engine", "ray", "--address", cluster.address, "--ray-actors", "3", "--ray-cpus-per-actor", "1"],
    }.items():
        out = tmp_path / f"{name}.jsonl"
        done = batch(cluster, [*seeds, "-o", str(out), *replay, *engine], tmp_path / "state")
        assert done.returncode == 0, done.stderr[-2000:]
        assert f"cached={len(SEEDS)} failed=0" in done.stderr, done.stderr[-2000:]
        runs[name] = {record["input"]: without_timing(record) for record in lines(out)}
    assert sorted(runs["ray"]) == sorted(seeds)
    assert runs["ray"] == runs["local"]
    # Three one-CPU actors on three CPUs: the second node ran one.
    assert cluster.actors_on(1) >= 1


def complete_lines(path: Path) -> bytes:
    """The results file up to its last newline (a SIGKILL may leave a line cut short after it)."""
    data = path.read_bytes() if path.exists() else b""
    return data[: data.rfind(b"\n") + 1]


def test_a_driver_killed_mid_batch_resumes_on_the_cluster_to_every_article_once(
    cluster: Cluster, tmp_path: Path
) -> None:
    paths = make_articles(tmp_path / "in", 10)
    out = tmp_path / "results.jsonl"
    with scripted_server([Action(content=FROM_SCHEMA, delay=0.1)]) as server:
        arguments = [str(tmp_path / "in"), "-o", str(out), "--engine", "ray", "--address", cluster.address]
        arguments += ["--base-url", server.url, "--model", "scripted", "--cache-mode", "off", "--jobs", "1"]
        arguments += ["--ray-actors", "3", "--ray-cpus-per-actor", "1"]
        env = {**cluster.env, "SUMMARIZER_HOME": str(tmp_path / "state")}
        command = [sys.executable, "-m", "summarizer", "batch", *arguments]
        # Its own session: the kill takes the driver and anything it started, and nothing of the cluster.
        driver = subprocess.Popen(
            command, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        deadline = time.monotonic() + 120
        while driver.poll() is None and complete_lines(out).count(b"\n") < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        os.killpg(driver.pid, signal.SIGKILL)
        driver.wait()
        before = complete_lines(out)
        written = before.count(b"\n")
        assert 2 <= written < len(paths), "the kill should land mid-run"
        assert cluster.probe()["cpus"] == 3.0  # both nodes outlived their driver
        rerun = batch(cluster, arguments, tmp_path / "state")
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert f"skipped={written}" in rerun.stderr, rerun.stderr[-2000:]
    assert out.read_bytes().startswith(before)  # what the killed driver wrote stands as it was
    records = lines(out)
    assert sorted(r["input"] for r in records) == sorted(str(p) for p in paths)
    assert {r["status"] for r in records} == {"ok"}


def test_a_driver_with_other_brief_code_than_the_nodes_is_refused(
    cluster: Cluster, recorded_cache: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    for folder in ("summarizer", "prompts", "schemas"):
        shutil.copytree(REPO / folder, other / folder, ignore=shutil.ignore_patterns("__pycache__"))
    with (other / "summarizer" / "pipeline.py").open("a", encoding="utf-8") as pipeline:
        pipeline.write("\nEDITED = True  # a change the nodes do not have\n")
    out = tmp_path / "results.jsonl"
    env = {**cluster.env, "PYTHONPATH": str(other), "SUMMARIZER_HOME": str(tmp_path / "state")}
    command = [sys.executable, "-m", "summarizer", "batch", str(SEEDS[0]), "-o", str(out), "--engine", "ray"]
    command += ["--address", cluster.address, "--cache-dir", str(recorded_cache), "--cache-mode", "replay"]
    # Not from `other`: Ray puts the driver's working directory first on its workers' sys.path.
    done = subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr[-2000:]
    assert "other code, libraries or prompts than this driver's" in done.stderr
    assert str(REPO / "summarizer") in done.stderr  # the nodes' package is named
    assert not out.exists() or out.read_bytes() == b""  # no line written
