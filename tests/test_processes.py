"""The process engine: the same lines, resume and failure rules as the thread engine, over worker processes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from summarizer.api import make_engine
from summarizer.engines.batch import run_batch
from summarizer.engines.processes import ProcessEngine
from summarizer.settings import Settings
from tests.conftest import REPO, SEEDS
from tests.servers import FROM_SCHEMA, Action, scripted_server
from tests.test_batch import lines, make_articles


def comparable(record: dict[str, object]) -> dict[str, object]:
    """A results line without what differs from run to run (timings)."""
    brief = dict(record["brief"] or {})  # type: ignore[call-overload]
    brief.pop("provenance", None)
    return {**{k: v for k, v in record.items() if k not in ("seconds", "brief")}, "brief": brief}


def test_processes_write_the_lines_threads_write_and_resume(tmp_path: Path) -> None:
    paths = [str(p) for p in make_articles(tmp_path / "in", 6)] + [str(tmp_path / "missing.txt")]
    with scripted_server([Action(content=FROM_SCHEMA)]) as server:
        settings = Settings(base_url=server.url, model="scripted", cache_mode="off", jobs=4)
        threads = make_engine(settings)
        run_batch(paths, tmp_path / "threads.jsonl", engine=threads)
        threads.close()
        engine = make_engine(settings.replace(engine="processes"))
        assert isinstance(engine, ProcessEngine) and engine.workers >= 1
        steps: list[tuple[str, str]] = []
        summary = run_batch(paths, tmp_path / "processes.jsonl", engine=engine, on_step=lambda *s: steps.append(s))
        again = run_batch(paths, tmp_path / "processes.jsonl", engine=engine)
        engine.close()
    assert (summary.ok, summary.failed) == (6, 1)
    assert {step for _article, step in steps} >= {"reading", "meeting", "summary"}  # heard from the workers
    assert again.skipped == 7 and again.ok == again.failed == 0
    ours = sorted((comparable(r) for r in lines(tmp_path / "processes.jsonl")), key=json.dumps)
    theirs = sorted((comparable(r) for r in lines(tmp_path / "threads.jsonl")), key=json.dumps)
    assert ours == theirs
    (failed,) = [r for r in lines(tmp_path / "processes.jsonl") if r["status"] == "failed"]
    assert failed["error"] == {"kind": "input", "message": f"{tmp_path / 'missing.txt'}: no such file"}


def test_jobs_are_shared_out_over_the_workers() -> None:
    engine = ProcessEngine(Settings(base_url="http://127.0.0.1:9/v1", model="m", jobs=16), workers=2)
    assert (engine.workers, engine.threads) == (2, 8)
    engine = ProcessEngine(Settings(base_url="http://127.0.0.1:9/v1", model="m", jobs=1), workers=4)
    assert (engine.workers, engine.threads) == (1, 1)
    assert ProcessEngine(Settings(provider="local", jobs=8)).workers == 1  # llama.cpp uses every core already


def test_the_command_runs_seeds_on_processes_from_the_recorded_cache(recorded_cache: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    command = [sys.executable, "-m", "summarizer", "batch", str(REPO / "seeds"), "-o", str(out)]
    command += ["--cache-dir", str(recorded_cache), "--cache-mode", "replay", "--provider", "local"]
    done = subprocess.run([*command, "--engine", "processes"], capture_output=True, text=True, cwd=REPO, timeout=300)
    assert done.returncode == 0, done.stderr
    records = lines(out)
    assert sorted(r["input"] for r in records) == sorted(str(p) for p in SEEDS)
    assert {r["status"] for r in records} == {"cached"}


def test_once_stopped_no_new_article_starts_and_those_in_flight_are_written(tmp_path: Path) -> None:
    import threading

    paths = [str(p) for p in make_articles(tmp_path / "in", 8)]
    stop = threading.Event()
    with scripted_server([Action(content=FROM_SCHEMA, delay=0.05)]) as server:
        settings = Settings(base_url=server.url, model="scripted", cache_mode="off", jobs=2)
        engine = ProcessEngine(settings, workers=2)  # one article in flight in each of two workers
        out = tmp_path / "results.jsonl"
        summary = run_batch(paths, out, engine=engine, stop=stop, on_result=lambda _result: stop.set())
        engine.close()
    assert summary.interrupted
    assert len(lines(out)) == 2  # the first, and the one in flight when it came back
