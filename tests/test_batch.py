"""Batch runs: replay, isolation of bad inputs, resume after a real SIGKILL, bounded concurrency."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer import load_results
from summarizer.cli import cli
from summarizer.client import make_client
from summarizer.engines.batch import ResultsFile, expand_inputs, run_batch
from summarizer.settings import Settings as ProviderSettings
from tests.conftest import REPO, SEEDS
from tests.servers import FROM_SCHEMA, Action, scripted_server

BASE = (REPO / "seeds" / "004_d27e9fb1fb290d13.txt").read_text(encoding="utf-8").split("\n")[4]


def make_articles(directory: Path, count: int) -> list[Path]:
    """Distinct short articles made from a seed paragraph with small edits."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = directory / f"article-{number:03d}.txt"
        path.write_text(f"{BASE}\nRéunion numéro {number}.", encoding="utf-8")
        paths.append(path)
    return paths


def count_lines(path: Path) -> int:
    return len(path.read_bytes().splitlines()) if path.exists() else 0


def scripted_batch(folder: Path, out: Path, url: str, jobs: int, *more: str) -> list[str]:
    """The ``summarize batch`` command over ``folder`` against the scripted server at ``url``, cache off."""
    command = [sys.executable, "-m", "summarizer", "batch", str(folder), "-o", str(out), *more]
    return [*command, "--base-url", url, "--model", "scripted", "--cache-mode", "off", "--jobs", str(jobs)]


def wait_for_lines(
    out: Path, count: int, child: subprocess.Popen[str] | subprocess.Popen[bytes] | None = None, timeout: float = 60
) -> None:
    """Poll until ``out`` has ``count`` lines, ``child`` has ended, or ``timeout`` seconds have passed."""
    deadline = time.monotonic() + timeout
    while count_lines(out) < count and time.monotonic() < deadline and (child is None or child.poll() is None):
        time.sleep(0.01)


def lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_seed_batch_replays_offline_and_resumes_to_the_same_file(recorded_cache: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    args = ["batch", str(REPO / "seeds"), "-o", str(out), "--cache-dir", str(recorded_cache), "--cache-mode", "replay"]
    first = CliRunner().invoke(cli, [*args, "--provider", "local"])
    assert first.exit_code == 0, first.output
    records = lines(out)
    assert sorted(r["input"] for r in records) == sorted(str(p) for p in SEEDS)
    assert {r["status"] for r in records} == {"cached"}
    again = CliRunner().invoke(cli, [*args, "--provider", "local"])
    assert again.exit_code == 0 and "skipped=5" in again.output
    assert lines(out) == records
    briefs = load_results(out, as_briefs=True)
    assert {b.language for b in briefs} == {"fr", "uk"}


def test_bad_articles_fail_alone(recorded_cache: Path, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    out = tmp_path / "results.jsonl"
    inputs = [str(SEEDS[0]), str(tmp_path / "missing.txt"), str(tmp_path / "empty.txt"), str(tmp_path / "binary.txt")]
    inputs.append(str(SEEDS[4]))
    result = CliRunner().invoke(
        cli, ["batch", *inputs, "-o", str(out), "--cache-dir", str(recorded_cache), "--cache-mode", "replay"]
    )
    assert result.exit_code == 1
    by_input = {r["input"]: r for r in lines(out)}
    assert by_input[str(SEEDS[0])]["status"] == by_input[str(SEEDS[4])]["status"] == "cached"
    for name, reason in (("missing.txt", "no such file"), ("empty.txt", "is empty"), ("binary.txt", "binary")):
        record = by_input[str(tmp_path / name)]
        assert record["status"] == "failed" and reason in record["error"]["message"]
        assert record["error"]["kind"] == "input"
    assert "failed: " in result.output and "missing.txt" in result.output


def test_a_line_cut_by_a_crash_is_dropped_before_appending(tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    whole = json.dumps({"input": "a.txt", "sha256": "x", "status": "ok"})
    out.write_text(whole + "\n" + '{"input": "b.txt", "sha', encoding="utf-8")
    results = ResultsFile(out)
    assert out.read_text(encoding="utf-8") == whole + "\n"
    assert results.is_done("a.txt", "x", retry_failed=False) and not results.is_done("b.txt", None, False)


def test_inputs_from_directories_globs_and_stdin(tmp_path: Path) -> None:
    paths = make_articles(tmp_path / "in", 3)
    (tmp_path / "in" / "notes.bin").write_bytes(b"x")
    assert expand_inputs([str(tmp_path / "in")]) == [str(p) for p in paths]
    assert expand_inputs([str(tmp_path / "in" / "*-00[01].txt")]) == [str(p) for p in paths[:2]]
    assert expand_inputs(["-", str(paths[0])], stdin=[f"{paths[2]}\n", "\n"]) == [str(paths[2]), str(paths[0])]


def run_against_server(url: str, paths: list[Path], out: Path, jobs: int) -> None:
    client = make_client(ProviderSettings(base_url=url, model="scripted", cache_mode="off"))
    run_batch([str(p) for p in paths], out, client, jobs=jobs)


@pytest.mark.parametrize(("jobs", "articles"), [(1, 4), (8, 16)])
def test_jobs_bounds_the_requests_in_flight(tmp_path: Path, jobs: int, articles: int) -> None:
    paths = make_articles(tmp_path / "in", articles)
    with scripted_server([Action(content=FROM_SCHEMA, delay=0.5)]) as server:
        run_against_server(server.url, paths, tmp_path / "out.jsonl", jobs)
    assert server.max_in_flight == jobs  # what the server saw, not wall time
    assert len(lines(tmp_path / "out.jsonl")) == articles


def test_resume_after_sigkill_gives_every_article_exactly_once(tmp_path: Path) -> None:
    paths = make_articles(tmp_path / "in", 12)
    out = tmp_path / "results.jsonl"
    with scripted_server([Action(content=FROM_SCHEMA, delay=0.05)]) as server:
        command = scripted_batch(tmp_path / "in", out, server.url, 2)
        env = {**os.environ, "SUMMARIZER_HOME": str(tmp_path / "state")}
        child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_lines(out, 3)
        child.send_signal(signal.SIGKILL)
        child.wait()
        written = len(lines(out))
        assert 3 <= written < 12, "the kill should land mid-run"
        rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    records = lines(out)
    assert sorted(r["input"] for r in records) == sorted(str(p) for p in paths)
    assert {r["status"] for r in records} == {"ok"}
    assert f"skipped={written}" in rerun.stderr


def test_bad_inputs_of_every_kind_fail_alone_in_a_batch(recorded_cache: Path, tmp_path: Path) -> None:
    bad = {
        "empty.txt": b"",
        "blank.txt": b"  \n\t\n",
        "binary.txt": b"\x7fELF\x00\x01",
        "huge.txt": b"x" * (20 * 1024 * 1024),
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    out = tmp_path / "results.jsonl"
    inputs = [str(tmp_path / name) for name in bad] + [str(SEEDS[3]), str(tmp_path / "missing.txt")]
    result = CliRunner().invoke(
        cli, ["batch", *inputs, "-o", str(out), "--cache-dir", str(recorded_cache), "--cache-mode", "replay"]
    )
    assert result.exit_code == 1
    statuses = {Path(str(r["input"])).name: r["status"] for r in lines(out)}
    assert statuses == {**dict.fromkeys([*bad, "missing.txt"], "failed"), SEEDS[3].name: "cached"}


def test_repeated_sigkills_at_random_points_leave_every_article_exactly_once(tmp_path: Path) -> None:
    import random

    paths = make_articles(tmp_path / "in", 15)
    out = tmp_path / "results.jsonl"
    chance = random.Random(20261125)  # fixed seed: the same kill points on every run of the suite
    kills = []
    # 0.1 s an answer: a batch of 15 takes seconds, so the kills land mid-run on a fast, idle machine too.
    with scripted_server([Action(content=FROM_SCHEMA, delay=0.1)]) as server:
        command = scripted_batch(tmp_path / "in", out, server.url, 3)
        env = {**os.environ, "SUMMARIZER_HOME": str(tmp_path / "state")}
        for _ in range(5):
            child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # Kill after a random number of new lines plus a random delay: mid-call, mid-write, anywhere.
            target = (kills[-1] if kills else 0) + chance.randint(1, 3)
            wait_for_lines(out, target, child)
            time.sleep(chance.uniform(0.0, 0.3))
            child.send_signal(signal.SIGKILL)
            child.wait()
            ResultsFile(out)  # what the next run sees first: a cut line is dropped
            kills.append(count_lines(out))
        final = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert final.returncode == 0, final.stderr
    records = lines(out)
    assert sum(0 < k < len(paths) for k in kills) >= 3, f"kills should land mid-run: {kills}"
    assert sorted(r["input"] for r in records) == sorted(str(p) for p in paths), kills
    assert {r["status"] for r in records} == {"ok"}


def test_without_ray_installed_the_message_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from summarizer.engines.ray import _import_ray
    from summarizer.errors import ConfigurationError

    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now fails, as when the extra is missing
    with pytest.raises(ConfigurationError, match=r"meeting-briefs\[ray\]"):
        _import_ray()


def test_an_unreadable_input_is_read_once_and_fails_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer.cache import ResponseCache
    from summarizer.client import ModelClient
    from summarizer.engines import batch, local
    from tests.fakes import FakeProvider

    reads: list[str] = []
    read_input = batch.read_input
    monkeypatch.setattr(batch, "read_input", lambda name: reads.append(name) or read_input(name))
    monkeypatch.setattr(local, "read_article", lambda source: pytest.fail(f"{source} read a second time"))
    missing = str(tmp_path / "missing.txt")
    client = ModelClient(FakeProvider(), ResponseCache(tmp_path / "c", "off"))
    summary = run_batch([missing], tmp_path / "results.jsonl", client=client)
    (record,) = lines(tmp_path / "results.jsonl")
    assert reads == [missing] and summary.failed == 1
    assert record["status"] == "failed" and "no such file" in str(record["error"])


def test_a_glob_that_matches_nothing_is_an_error_before_anything_runs(tmp_path: Path) -> None:
    make_articles(tmp_path / "in", 1)
    out = tmp_path / "results.jsonl"
    result = CliRunner().invoke(
        cli, ["batch", str(tmp_path / "in" / "*.txt"), str(tmp_path / "nope-*.txt"), "-o", str(out)]
    )
    assert result.exit_code == 2, result.output
    assert "nope-*.txt: no file matches" in result.output and not out.exists()
