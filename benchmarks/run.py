"""Every performance figure in one table, each against a baseline measured in the same run.

    .venv/bin/python benchmarks/run.py                 # everything (the embedded-model sections take ~45 min)
    .venv/bin/python benchmarks/run.py --only replay,scaling,memory,startup   # a few minutes, no model
    .venv/bin/python benchmarks/run.py --only model --seeds 003
    .venv/bin/python benchmarks/run.py --only floor --seeds 003,004 [--sampler gbnf] [--fast-forward both]
    .venv/bin/python benchmarks/run.py --only sampler --seeds 004

Sections: replay (library against raw diskcache + pydantic), model (end-to-end against llama.cpp's
own time, and against a naive one-call baseline), tokens (per seed, naive and raw article against the
pipeline and the cleaned article), scaling (``--jobs`` 1/4/16 against a delayed server), memory (peak
RSS of replay batches), startup (``summarize --help``), ray (the Ray engine against the local one,
and a local Ray instance's start-up), floor (per article, the embedded pipeline's wall time against
the least llama.cpp could take: read the cleaned article once, write only the brief's words; its own
table) and sampler (one schema-constrained call answered in turn with no constraint, llama.cpp's GBNF
and llguidance, the prompt already in llama.cpp's cache: time per token outside llama.cpp). Articles
for the server-backed sections are the seeds with a distinct line appended; the server is
``tests/servers.py`` in its own process.
Nothing here is a test: it prints figures, and goals are marked met or not.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from summarizer.cache import ResponseCache  # noqa: E402
from summarizer.client import ModelClient, make_client  # noqa: E402
from summarizer.engines.batch import run_batch  # noqa: E402
from summarizer.settings import RayOptions, Settings  # noqa: E402

SECTIONS = ("replay", "scaling", "memory", "startup", "ray", "model", "floor", "sampler")


@dataclass
class Row:
    """One figure and its baseline."""

    section: str
    figure: str
    value: str
    baseline: str
    ratio: float | None
    goal: str = ""
    met: bool | None = None

    def line(self) -> str:
        ratio = "" if self.ratio is None else f"{self.ratio:.2f}x"
        verdict = "" if self.met is None else ("met" if self.met else "NOT met")
        cells = (self.section, self.figure, self.value, self.baseline, ratio, self.goal, verdict)
        return "| " + " | ".join(cells) + " |"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def make_articles(directory: Path, count: int) -> list[str]:
    """``count`` distinct articles: the seeds in turn, each with a numbered line appended."""
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in seeds]
    directory.mkdir(parents=True)
    paths = []
    for number in range(count):
        path = directory / f"variant-{number:05d}.txt"
        path.write_text(f"{texts[number % len(texts)]}\nRéférence {number}.", encoding="utf-8")
        paths.append(str(path))
    return paths


@contextmanager
def server_process(delay: float) -> Iterator[str]:
    """The scripted OpenAI-compatible server in its own process; yields its base URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.servers", str(delay)], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        if not url.startswith("http://127.0.0.1:"):
            raise SystemExit(f"the scripted server did not start (printed {url!r})")
        yield url
    finally:
        process.kill()
        process.wait()


def scripted_client(url: str, cache: Path, mode: str) -> ModelClient:
    return make_client(Settings(base_url=url, model="scripted", cache_dir=str(cache), cache_mode=mode))  # type: ignore[arg-type]


# --- replay -------------------------------------------------------------------------------------------


def replay_rows(work: Path, count: int) -> list[Row]:
    """Library replay of recorded briefs against a raw diskcache + pydantic loop over the same entries."""
    import diskcache

    from summarizer import summarize
    from summarizer.brief import Brief
    from summarizer.briefcache import brief_key
    from summarizer.inputs import read_article

    paths = make_articles(work / "articles", count)
    cache = work / "cache"
    with server_process(0.0) as url:
        (work / "url").write_text(url)  # part of the cache keys: the memory section replays with it
        log(f"replay: recording {count} articles against the scripted server")
        recorder = scripted_client(url, cache, "use")
        summary = run_batch(paths, work / "record.jsonl", recorder, jobs=8)
        assert summary.failed == 0, summary.failures[:3]
        keys = [brief_key(read_article(Path(p)), recorder, None) for p in paths]
        recorder.cache.close()
    replayer = scripted_client(url, cache, "replay")
    store = diskcache.Cache(str(cache))
    # Both loops are a fraction of a second: five rounds, in turn, and the median of the pairs' ratios
    # (one round alone swung from 1.0x to 7x on the shared cores).
    rounds = []
    for _ in range(5):
        library = timed(lambda: [summarize(p, client=replayer) for p in paths])
        raw = timed(lambda: [Brief.model_validate_json(store.get(key)) for key in keys])
        rounds.append((library, raw))
    store.close()
    library = statistics.median(pair[0] for pair in rounds)
    raw = statistics.median(pair[1] for pair in rounds)
    ratio = statistics.median(pair[0] / pair[1] for pair in rounds)
    spread = f"rounds {min(a / b for a, b in rounds):.2f}x to {max(a / b for a, b in rounds):.2f}x"

    # The same replay with the stored briefs ignored: every brief rebuilt from the recorded calls.
    import summarizer.briefcache

    real_fingerprint = summarizer.briefcache.code_fingerprint
    summarizer.briefcache.code_fingerprint = lambda: "ignore stored briefs"  # type: ignore[assignment]
    few = paths[: min(count, 200)]
    cpu = time.process_time()
    rebuild = timed(lambda: [summarize(p, client=replayer) for p in few]) * count / len(few)
    cpu_per_article = (time.process_time() - cpu) / len(few)
    summarizer.briefcache.code_fingerprint = real_fingerprint  # type: ignore[assignment]
    replayer.cache.close()
    per = f"{count} briefs"
    return [
        Row(
            "replay",
            f"{per} through `summarize()` (median of 5 rounds; {spread})",
            f"{library:.2f} s",
            f"raw get+validate {raw:.2f} s",
            ratio,
            "<= 2x",
            ratio <= 2,
        ),
        Row(
            "replay",
            f"{per} rebuilt from recorded calls (no stored brief; from {len(few)})",
            f"{rebuild:.1f} s ({cpu_per_article:.3f} s CPU an article)",
            f"raw get+validate {raw:.2f} s",
            rebuild / raw,
            "<= 0.03 s CPU an article",
            cpu_per_article <= 0.03,
        ),
    ]


# --- scaling ------------------------------------------------------------------------------------------


def scaling_rows(work: Path, count: int, delay: float) -> list[Row]:
    """Throughput with --jobs 1, 4 and 16 (threads), and --jobs 16 over worker processes (one per core),
    against a server that answers each call after ``delay``; then what more cores would give."""
    from summarizer.api import make_engine
    from summarizer.engines.processes import ProcessEngine, available_cores

    paths = make_articles(work / "scaling", count)
    seconds: dict[str, float] = {}
    cpu_per_article = 0.0
    with server_process(delay) as url:
        log("scaling: a warm-up batch of 5 (this process's detectors and parsers loaded before any timing)")
        warm = scripted_client(url, work / "unused-warm", "off")
        run_batch(make_articles(work / "scaling-warm", 5), work / "warm.jsonl", warm, jobs=5)
        for jobs in (1, 4, 16):
            log(f"scaling: {count} articles, --jobs {jobs}, server delay {delay} s")
            client = scripted_client(url, work / f"unused-{jobs}", "off")
            out = work / f"jobs{jobs}.jsonl"
            cpu = time.process_time()
            run = lambda out=out, client=client, jobs=jobs: run_batch(paths, out, client, jobs=jobs)  # noqa: E731
            seconds[f"{jobs}"] = timed(run)
            if jobs == 1:  # this process's own work per article (the server runs in its own process)
                cpu_per_article = (time.process_time() - cpu) / count
        log(f"scaling: {count} articles, --jobs 16 --engine processes, server delay {delay} s")
        settings = Settings(base_url=url, model="scripted", cache_mode="off", jobs=16, engine="processes")
        engine = make_engine(settings.replace(cache_dir=str(work / "unused-processes")))
        assert isinstance(engine, ProcessEngine)
        workers = engine.workers
        # First run: the workers start (imports, a client each, lingua's models on their first brief).
        # This process made briefs already, so the thread runs above were warm: the second run, on other
        # articles with the same workers, is the like-for-like figure.
        seconds["processes, first run"] = timed(lambda: run_batch(paths, work / "processes.jsonl", engine=engine))
        others = make_articles(work / "scaling-again", 2 * count)[count:]  # other texts, the same mix of seeds
        seconds["processes"] = timed(lambda: run_batch(others, work / "processes-again.jsonl", engine=engine))
        engine.close()
    rows = []
    one = count / seconds["1"]
    figures = [("4", "--jobs 4"), ("16", "--jobs 16")]
    figures.append(("processes, first run", f"--jobs 16 --engine processes ({workers} workers, incl. their start)"))
    figures.append(("processes", f"--jobs 16 --engine processes ({workers} workers, started)"))
    for name, label in figures:
        speedup = seconds["1"] / seconds[name]
        goal = ">= 14x" if name in ("16", "processes") else ""
        rows.append(
            Row(
                "scaling",
                f"{count} articles, {label}, {delay} s per call",
                f"{count / seconds[name]:.2f} articles/s",
                f"--jobs 1: {one:.2f} articles/s",
                speedup,
                goal,
                speedup >= 14 if goal else None,
            )
        )
    # An article waits ``latency`` at --jobs 1, of which ``cpu_per_article`` is this tool's own work. With
    # ``jobs`` in flight, throughput is at most jobs / latency; on ``cores`` cores at most cores / CPU an
    # article (threads: one core, the GIL's); the lower of the two binds.
    latency = seconds["1"] / count
    rows.append(
        Row("scaling", "bound: --jobs 16 in flight", f"{16 / latency:.1f} articles/s", f"--jobs 1: {one:.2f}", 16.0)
    )
    for cores, label in ((1, "threads (one core: the GIL)"), (available_cores(), "processes here"), (16, "16 cores")):
        bound = cores / cpu_per_article
        rows.append(
            Row(
                "scaling",
                f"bound: own work on {cores} core(s), {label}: {1000 * cpu_per_article:.0f} ms CPU an article",
                f"{bound:.1f} articles/s",
                f"--jobs 1: {one:.2f} articles/s",
                bound / one,
            )
        )
    return rows


# --- memory -------------------------------------------------------------------------------------------


# Started by a small interpreter of its own: Linux counts in a child's ``ru_maxrss`` the peak of the
# memory it was forked from (``exec`` keeps the old image's high-water mark), so a child forked from
# this benchmark, hundreds of MB by then, would report this benchmark's peak, not its own.
_LAUNCHER = """
import os, subprocess, sys
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_pid, status, usage = os.wait4(process.pid, 0)
print(status, usage.ru_maxrss)
"""


def peak_rss_mb(command: list[str]) -> float:
    """Peak resident memory of one child process (its own, not its parent's), in MB."""
    done = subprocess.run([sys.executable, "-c", _LAUNCHER, *command], cwd=REPO, capture_output=True, text=True)
    status, kilobytes = (int(word) for word in done.stdout.split())
    assert status == 0, f"{command} exited with {status}"
    return kilobytes / 1024


def memory_rows(work: Path, sizes: list[int]) -> list[Row]:
    """Peak RSS of ``summarize batch --cache-mode replay`` over growing inputs.

    The replay section's 1,000 recorded articles are linked under distinct paths as often as needed,
    so a batch of 10,000 is 10,000 results lines from 1,000 distinct briefs.
    """
    recorded = sorted((work / "articles").iterdir())
    url = (work / "url").read_text()
    rss: dict[int, float] = {}
    for size in sizes:
        folder = work / f"memory-{size}"
        for number in range(size):
            target = folder / f"{number // 1000:03d}" / f"{number:06d}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(recorded[number % len(recorded)])
        log(f"memory: replay batch of {size} articles")
        command = [sys.executable, "-m", "summarizer", "batch", str(folder), "-o", str(work / f"memory-{size}.jsonl")]
        command += ["--cache-dir", str(work / "cache"), "--cache-mode", "replay", "--model", "scripted"]
        rss[size] = peak_rss_mb([*command, "--base-url", url, "--jobs", "4"])
    smallest = min(sizes)
    rows = []
    for size in sizes:
        ratio = rss[size] / rss[smallest]
        rows.append(
            Row(
                "memory",
                f"peak RSS, replay batch of {size:,}",
                f"{rss[size]:.0f} MB",
                f"batch of {smallest:,}: {rss[smallest]:.0f} MB",
                ratio,
                "<= 300 MB, flat (<= 1.1x)" if size != smallest else "<= 300 MB",
                rss[size] <= 300 and (ratio <= 1.1 or size == smallest),
            )
        )
    return rows


# --- startup ------------------------------------------------------------------------------------------


def startup_rows(runs: int = 7) -> list[Row]:
    """Median wall time of ``summarize --help`` against a bare interpreter start."""
    summarize = Path(sys.executable).parent / "summarize"
    command = [str(summarize)] if summarize.exists() else [sys.executable, "-m", "summarizer"]

    def median(args: list[str]) -> float:
        return statistics.median(
            timed(lambda: subprocess.run(args, check=True, capture_output=True)) for _ in range(runs)
        )

    bare = median([sys.executable, "-c", "pass"])
    rows = []
    for option in ("--help", "--version"):
        seconds = median([*command, option])
        rows.append(
            Row(
                "startup",
                f"`summarize {option}`",
                f"{seconds:.3f} s",
                f"`python -c pass` {bare:.3f} s",
                seconds / bare,
                "<= 0.1 s",
                seconds <= 0.1,
            )
        )
    return rows


# --- ray ----------------------------------------------------------------------------------------------


def ray_rows(work: Path, count: int, delay: float) -> list[Row]:
    """The Ray engine against the local one: the replay section's briefs, and a delayed server."""
    from summarizer.api import make_engine

    url = (work / "url").read_text()
    replayed = sorted(str(p) for p in (work / "articles").iterdir())
    settings = Settings(base_url=url, model="scripted")
    options = RayOptions(actors=2, cpus_per_actor=1)

    def engine_seconds(name: str, paths: list[str], cache_mode: str, jobs: int, settings: Settings) -> float:
        run = settings.replace(
            engine=name, cache_dir=str(work / "cache"), cache_mode=cache_mode, jobs=jobs, ray=options
        )
        engine = make_engine(run)
        out = work / f"ray-{name}-{cache_mode}-{len(paths)}.jsonl"
        seconds = timed(lambda: run_batch(paths, out, engine=engine))
        engine.close()
        assert sum(1 for _ in out.open(encoding="utf-8")) == len(paths)
        return seconds

    log(f"ray: replay of {len(replayed)} briefs, local engine then Ray (a local instance started by the run)")
    local_replay = engine_seconds("local", replayed, "replay", 4, settings)
    ray_replay = engine_seconds("ray", replayed, "replay", 4, settings)
    import ray

    start = timed(lambda: ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False))
    stop = timed(ray.shutdown)
    paths = make_articles(work / "ray-delayed", count)
    with server_process(delay) as delayed_url:
        log(f"ray: {count} articles against a server with {delay} s per call, 16 in flight either way")
        delayed = Settings(base_url=delayed_url, model="scripted")
        local_delayed = engine_seconds("local", paths, "off", 16, delayed)
        ray_delayed = engine_seconds("ray", paths, "off", 8, delayed)
    return [
        Row(
            "ray",
            f"replay of {len(replayed)} briefs, Ray (2 actors, incl. start)",
            f"{ray_replay:.1f} s",
            f"local engine {local_replay:.1f} s",
            ray_replay / local_replay,
        ),
        Row(
            "ray",
            f"{count} articles, delayed server, Ray 2 actors x 8",
            f"{ray_delayed:.1f} s",
            f"local --jobs 16 {local_delayed:.1f} s",
            ray_delayed / local_delayed,
        ),
        Row("ray", "start-up of a local Ray instance (2 CPUs) and shutdown", f"{start:.1f} s + {stop:.1f} s", "", None),
    ]


# --- embedded model -----------------------------------------------------------------------------------


def model_rows(seeds: list[Path]) -> list[Row]:
    """Per seed: the pipeline against llama.cpp's own compute time and against the naive baseline."""
    from benchmarks.naive import naive_brief
    from summarizer import summarize
    from summarizer.inputs.clean import clean_article
    from summarizer.providers.local import LocalProvider

    provider = LocalProvider()
    load = timed(provider.load)
    log(f"model: loaded in {load:.1f} s")
    client = ModelClient(provider, ResponseCache(REPO / "unused", "off"))
    rows = []
    for path in seeds:
        name = path.name[:3]
        raw = path.read_text(encoding="utf-8")
        log(f"model: seed {name}, pipeline")
        compute_before = provider.compute_seconds()
        started = time.perf_counter()
        brief = summarize(path, client=client)
        wall = time.perf_counter() - started
        compute = provider.compute_seconds() - compute_before
        log(f"model: seed {name}, naive baseline")
        session = client.session(str(path))
        naive_wall = timed(lambda session=session, raw=raw: naive_brief(session, raw))
        usage, naive = brief.provenance.usage, session.usage
        raw_tokens, clean_tokens = provider.count_tokens(raw), provider.count_tokens(clean_article(raw))
        overhead = (wall - compute) / compute
        rows += [
            Row(
                "model",
                f"seed {name}: pipeline wall time",
                f"{wall:.1f} s",
                f"llama.cpp compute {compute:.1f} s",
                wall / compute,
                "overhead < 10 %",
                overhead < 0.10,
            ),
            Row(
                "model",
                f"seed {name}: pipeline wall time",
                f"{wall:.1f} s",
                f"naive call {naive_wall:.1f} s",
                wall / naive_wall,
            ),
            Row(
                "tokens",
                f"seed {name}: prompt / output tokens, {usage.calls} calls",
                f"{usage.prompt_tokens:,} / {usage.completion_tokens:,}",
                f"naive: {naive.prompt_tokens:,} / {naive.completion_tokens:,}",
                usage.prompt_tokens / naive.prompt_tokens,
            ),
            Row(
                "tokens",
                f"seed {name}: article tokens after cleaning",
                f"{clean_tokens:,}",
                f"raw article {raw_tokens:,}",
                clean_tokens / raw_tokens,
            ),
        ]
    return rows


# --- floor --------------------------------------------------------------------------------------------


@dataclass
class FloorRow:
    """One article's live run against the least llama.cpp itself could take for it."""

    article: str
    wall: float  # the pipeline, cache off
    read: float  # one prompt eval of the cleaned article
    write: float  # the brief's own words, at this run's per-token eval time
    prompt_evaluated: int  # llama.cpp's n_p_eval over the run: tokens read, not reused from its KV cache
    completion: int
    forced: int  # of the completion tokens, those the schema fixed and llama.cpp read in batches
    calls: int
    compute: float  # llama.cpp's prompt-eval + eval time over the run
    sampling: float  # seconds inside the llguidance logits processor
    steps: int  # the processor's calls: one per sampled token
    brief_tokens: int

    @property
    def floor(self) -> float:
        return self.read + self.write

    def cells(self) -> list[str]:
        per_token = f"{1000 * self.sampling / self.steps:.2f}" if self.steps else "-"
        return [
            self.article,
            f"{self.wall:.1f}",
            f"{self.floor:.1f} ({self.read:.1f} + {self.write:.1f})",
            f"{self.wall / self.floor:.1f}x",
            f"{self.prompt_evaluated:,}",
            f"{self.completion:,}",
            f"{self.completion - self.forced:,}",
            f"{self.brief_tokens:,}",
            str(self.calls),
            f"{self.compute:.1f}",
            f"{self.wall - self.compute:.1f}",
            f"{self.sampling:.2f}",
            per_token,
        ]


FLOOR_HEADER = (
    "article",
    "wall s",
    "floor s (read + write)",
    "wall/floor",
    "prompt tokens evaluated",
    "completion tokens",
    "of them sampled",
    "brief tokens",
    "calls",
    "llama.cpp s",
    "outside llama.cpp s",
    "sampling s",
    "sampling ms/token",
)


def _perf(llama: object) -> tuple[float, float, int, int]:
    """llama.cpp's own counters: prompt-eval ms, eval ms, prompt tokens evaluated, tokens generated."""
    import llama_cpp

    llama_cpp.llama_synchronize(llama.ctx)  # type: ignore[attr-defined]  # counters include queued work
    data = llama_cpp.llama_perf_context(llama.ctx)  # type: ignore[attr-defined]
    return float(data.t_p_eval_ms), float(data.t_eval_ms), int(data.n_p_eval), int(data.n_eval)


def brief_words(brief: object) -> list[str]:
    """The text a brief's reader gets from the model: summaries, chairs' roles, targets' and directives' what."""
    words: list[str] = []
    for summary in brief.summaries:  # type: ignore[attr-defined]
        words += [summary.headline, summary.summary]
    words += [chair.role for chair in brief.chairs]  # type: ignore[attr-defined]
    words += [target.what for target in brief.targets]  # type: ignore[attr-defined]
    words += [directive.what for directive in brief.directives]  # type: ignore[attr-defined]
    return [text for text in words if text]


def floor_rows(articles: list[Path], sampler: str | None, modes: list[bool | None]) -> dict[str, list[FloorRow]]:
    """Per article and fast-forward mode (in turn, so a busy machine slows all alike): one live
    pipeline run (cache off), then one bare prompt eval of its cleaned text."""
    from summarizer.providers.local import LocalProvider

    providers = {}
    for mode in modes:
        provider = LocalProvider(sampler=sampler, fast_forward=mode)
        providers[provider.endpoint] = provider  # the endpoint names the mode: "+ff" or not
    first = next(iter(providers.values()))
    load = timed(first.load)  # every provider shares the one loaded model
    if first.sampler == "llguidance":  # its tokenizer and script mask are built once: not in any article's time
        first._processor(first._llama(), {"type": "string"}, ban=first.ban_cjk)
    log(f"floor: model loaded in {load:.1f} s; sampler {first.sampler}; modes {', '.join(providers)}")
    rows: dict[str, list[FloorRow]] = {endpoint: [] for endpoint in providers}
    for number, path in enumerate(articles):
        turns = list(providers.items())
        for endpoint, provider in turns[::-1] if number % 2 else turns:  # neither mode always goes first
            rows[endpoint].append(floor_row(path, provider))
            log(f"floor [{endpoint}]: " + " | ".join(rows[endpoint][-1].cells()))
    return rows


def floor_row(path: Path, provider: Any) -> FloorRow:
    """One article's live pipeline run with ``provider`` against its floor."""
    from summarizer import summarize
    from summarizer.inputs.clean import clean_article

    llama = provider._llama()
    client = ModelClient(provider, ResponseCache(REPO / "unused", "off"))
    name = path.name[:3] if path.parent == REPO / "seeds" else path.name
    log(f"floor: {name}, pipeline with the cache off ({provider.endpoint})")
    before, sampling, steps = _perf(llama), provider.sampling_seconds, provider.sampling_steps
    started = time.perf_counter()
    brief = summarize(path, client=client)
    wall = time.perf_counter() - started
    after = _perf(llama)
    p_eval_ms, eval_ms, n_p_eval, n_eval = (a - b for a, b in zip(after, before, strict=True))
    per_token = eval_ms / 1000 / n_eval if n_eval else 0.0
    brief_tokens = sum(provider.count_tokens(text) for text in brief_words(brief))

    log(f"floor: {name}, one prompt eval of the cleaned article")
    tokens = llama.tokenize(clean_article(path.read_text(encoding="utf-8")).encode("utf-8"), add_bos=False)
    llama.reset()  # an empty context: the article is read whole, nothing reused
    read_before = _perf(llama)
    llama.eval(tokens)
    read_after = _perf(llama)
    llama.reset()
    read = (read_after[0] - read_before[0] + read_after[1] - read_before[1]) / 1000

    usage = brief.provenance.usage
    return FloorRow(
        article=name,
        wall=wall,
        read=read,
        write=brief_tokens * per_token,
        prompt_evaluated=int(n_p_eval),
        completion=usage.completion_tokens,
        forced=usage.forced_tokens,
        calls=usage.calls,
        compute=(p_eval_ms + eval_ms) / 1000,
        sampling=provider.sampling_seconds - sampling,
        steps=provider.sampling_steps - steps,
        brief_tokens=brief_tokens,
    )


def print_floor(rows: list[FloorRow], endpoint: str) -> None:
    """One Markdown row per article, then the median of each column."""
    print(f"\nFloor (embedded model, cache off, {endpoint}):\n")
    print("| " + " | ".join(FLOOR_HEADER) + " |")
    print("|" + "---|" * len(FLOOR_HEADER))
    for row in rows:
        print("| " + " | ".join(row.cells()) + " |")
    if len(rows) > 1:

        def median(field: str) -> float:
            return float(statistics.median(getattr(row, field) for row in rows))

        middle = FloorRow(
            article="median",
            wall=median("wall"),
            read=median("read"),
            write=median("write"),
            prompt_evaluated=round(median("prompt_evaluated")),
            completion=round(median("completion")),
            forced=round(median("forced")),
            calls=round(median("calls")),
            compute=median("compute"),
            sampling=median("sampling"),
            steps=round(median("steps")),
            brief_tokens=round(median("brief_tokens")),
        )
        cells = middle.cells()
        cells[3] = f"{statistics.median(row.wall / row.floor for row in rows):.1f}x"  # the median ratio
        cells[6] = f"{round(statistics.median(row.completion - row.forced for row in rows)):,}"
        per_token = [1000 * row.sampling / row.steps for row in rows if row.steps]
        cells[-1] = f"{statistics.median(per_token):.2f}" if per_token else "-"
        print("| " + " | ".join(cells) + " |")


# --- sampler ------------------------------------------------------------------------------------------

SAMPLER_SCHEMA = {
    "type": "object",
    "properties": {
        "headline": {"type": "string", "maxLength": 160},
        "points": {"type": "array", "items": {"type": "string", "maxLength": 160}, "maxItems": 4},
        "summary": {"type": "string", "maxLength": 700},
    },
    "required": ["headline", "points", "summary"],
    "additionalProperties": False,
}


def sampler_rows(seed: Path, rounds: int = 3) -> list[Row]:
    """Per-token cost of the constraint: the same call, no constraint / GBNF / llguidance (+ff), in turn.

    The prompt is evaluated once (the first call); every later call finds it in llama.cpp's cache, so
    each call's time is its tokens: llama.cpp's own eval time (its counters) and the rest, which is
    sampling (the grammar) and Python. Turns alternate so that a busy machine slows all three alike.
    """
    from summarizer.inputs.clean import clean_article
    from summarizer.providers.local import LocalProvider

    providers = {name: LocalProvider(sampler=name, fast_forward=False) for name in ("gbnf", "llguidance")}
    providers["llguidance+ff"] = LocalProvider(sampler="llguidance", fast_forward=True)
    providers["gbnf"].load()
    llama = providers["gbnf"]._llama()
    article = clean_article(seed.read_text(encoding="utf-8"))[:6000]
    messages = [
        {"role": "system", "content": "You summarise news reports. Answer in JSON."},
        {"role": "user", "content": f"Give an English headline, up to four key points and a summary.\n\n{article}"},
    ]
    request = {"messages": messages, "temperature": 0.0, "seed": 0, "repeat_penalty": 1.05, "max_tokens": 400}
    constrained = {**request, "response_format": {"type": "json_schema", "json_schema": {"schema": SAMPLER_SCHEMA}}}
    turns = {"none": (providers["gbnf"], request), "gbnf": (providers["gbnf"], constrained)}
    turns["llguidance"] = (providers["llguidance"], constrained)
    turns["llguidance+ff"] = (providers["llguidance+ff"], constrained)  # fixed tokens read in batches
    providers["gbnf"].complete(dict(request))  # reads the prompt into the cache
    providers["llguidance"].complete(dict(constrained))  # builds the llguidance tokenizer and script mask
    outside: dict[str, list[float]] = {name: [] for name in turns}
    per_token: dict[str, list[float]] = {name: [] for name in turns}
    tokens: dict[str, int] = {}
    processor: list[float] = []
    for number in range(rounds):
        for name, (provider, body) in turns.items():
            log(f"sampler: round {number + 1}/{rounds}, {name}")
            before, sampling, steps = _perf(llama), provider.sampling_seconds, provider.sampling_steps
            started = time.perf_counter()
            result = provider.complete(dict(body))
            wall = time.perf_counter() - started
            after = _perf(llama)
            compute = (after[0] - before[0] + after[1] - before[1]) / 1000
            count = int(result["usage"]["completion_tokens"]) or 1
            tokens[name] = count
            outside[name].append(1000 * (wall - compute) / count)
            per_token[name].append(1000 * wall / count)
            if name.startswith("llguidance") and provider.sampling_steps > steps:
                processor.append(1000 * (provider.sampling_seconds - sampling) / (provider.sampling_steps - steps))
    rows = []
    base = statistics.median(outside["none"])
    for name in ("gbnf", "llguidance", "llguidance+ff"):
        rows.append(
            Row(
                "sampler",
                f"seed {seed.name[:3]}: {name}, {tokens[name]} tokens, ms/token outside llama.cpp",
                f"{statistics.median(outside[name]):.1f} ms (wall {statistics.median(per_token[name]):.0f} ms/token)",
                f"no constraint {base:.1f} ms ({tokens['none']} tokens)",
                statistics.median(outside[name]) / base if base > 0 else None,
            )
        )
    rows.append(
        Row(
            "sampler",
            "llguidance: time inside the logits processor",
            f"{statistics.median(processor):.2f} ms/token",
            "",
            None,
        )
    )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated sections of {SECTIONS}")
    parser.add_argument("--articles", type=int, default=1000, help="replayed briefs (replay section)")
    parser.add_argument("--memory", default="1000,10000", help="batch sizes for peak RSS")
    parser.add_argument("--scaling-articles", type=int, default=48)
    parser.add_argument("--delay", type=float, default=0.2, help="server delay per call (scaling)")
    parser.add_argument(
        "--seeds", default="all", help="seed prefixes (or article paths) for the model and floor sections, e.g. 000,003"
    )
    parser.add_argument("--sampler", choices=("llguidance", "gbnf"), help="floor section: the local provider's sampler")
    parser.add_argument(
        "--fast-forward",
        choices=("on", "off", "both"),
        default="off",
        help="floor section: read the schema's fixed tokens in batches (llguidance only); both: each article in turn",
    )
    options = parser.parse_args()
    sections = set(options.only.split(","))
    if unknown := sections - set(SECTIONS):
        parser.error(f"unknown sections {sorted(unknown)}")
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    if options.seeds != "all":
        wanted = options.seeds.split(",")
        seeds = [p for p in seeds if p.name[:3] in wanted] + [Path(w) for w in wanted if Path(w).is_file()]
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if sections & {"replay", "memory", "ray"}:
            rows += replay_rows(work, options.articles)
        if "memory" in sections:
            rows += memory_rows(work, [int(size) for size in options.memory.split(",")])
        if "scaling" in sections:
            rows += scaling_rows(work, options.scaling_articles, options.delay)
        if "ray" in sections:
            rows += ray_rows(work, options.scaling_articles, options.delay)
        if "startup" in sections:
            rows += startup_rows()
        if "model" in sections:
            rows += model_rows(seeds)
        if "sampler" in sections:
            rows += sampler_rows(seeds[0])
        modes = {"on": [True], "off": [False], "both": [False, True]}[options.fast_forward]
        floors = floor_rows(seeds, options.sampler, modes) if "floor" in sections else {}
    if rows:
        print("| section | figure | measured | baseline (same run) | ratio | goal | |")
        print("|---|---|---|---|---|---|---|")
        for row in rows:
            print(row.line())
    for endpoint, floor in floors.items():
        print_floor(floor, endpoint)


if __name__ == "__main__":
    main()
