"""Profile the replay path with cProfile: where the tool's own Python time goes when the model costs nothing.

    .venv/bin/python benchmarks/profile_replay.py rebuild [--rounds 4] [--top 30]   # briefs rebuilt from cache/
    .venv/bin/python benchmarks/profile_replay.py stored [--briefs 1000]            # stored briefs via summarize()
    .venv/bin/python benchmarks/profile_replay.py rebuild --rounds 1 --cache-dir eval/runs/cache eval/dev/texts/*.txt
    .venv/bin/python benchmarks/profile_replay.py rebuild --no-profile --rounds 3 ...   # CPU s a brief, no cProfile

``rebuild``: the five seeds through ``summarize()`` over the committed ``cache/`` in replay mode with
the stored briefs ignored, so every rule, grounding step, cache look-up and validation runs (a
brief rebuilt from recorded calls); other articles and another cache folder (read, never written)
can be named instead of the seeds and ``cache/``, and ``--no-profile`` times the same work without
cProfile (CPU seconds a brief, ``time.process_time``). ``stored``: the committed cache copied to a temporary folder,
each seed's brief stored once, then ``--briefs`` calls of ``summarize()`` that each find their
stored brief. Prints the top entries by own time and by cumulative time, and the seconds per brief.
Nothing here is a test.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from summarizer import summarize  # noqa: E402
from summarizer.client import make_client  # noqa: E402
from summarizer.settings import Settings  # noqa: E402

SEEDS = sorted((REPO / "seeds").glob("*.txt"))


def rebuild(rounds: int, articles: list[Path], cache_dir: Path, profiled: bool = True) -> tuple[cProfile.Profile, int]:
    """Every article ``rounds`` times, rebuilt from the recorded calls (the brief cache ignored)."""
    import summarizer.briefcache

    client = make_client(Settings(cache_dir=str(cache_dir), cache_mode="replay"))
    summarizer.briefcache.code_fingerprint = lambda: "ignore stored briefs"  # type: ignore[assignment]
    # One pass first: imports, lazily built detectors, per-language patterns and parsers stay out of the
    # profile (a long batch pays them once). The package's memos by text hold fewer than the 86
    # development articles, so the measured pass finds none of them from this one.
    for article in articles:
        summarize(article, client=client)
    profile = cProfile.Profile()
    if profiled:
        profile.enable()
    cpu = []
    for _ in range(rounds):
        started = time.process_time()
        for article in articles:
            summarize(article, client=client)
        cpu.append(time.process_time() - started)
    profile.disable()
    client.cache.close()
    count = rounds * len(articles)
    under = "with" if profiled else "without"
    rounds_ms = " ".join(f"{1000 * seconds / len(articles):.1f}" for seconds in cpu)
    print(
        f"{count} briefs, {sum(cpu):.2f} CPU s, {1000 * sum(cpu) / count:.1f} ms CPU a brief ({under} cProfile); "
        f"by round {rounds_ms}, least {1000 * min(cpu) / len(articles):.1f} ms"
    )
    return profile, count


def stored(briefs: int) -> tuple[cProfile.Profile, int]:
    """``briefs`` calls of ``summarize()`` over the seeds, each answered by its stored brief."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "cache"
        shutil.copytree(REPO / "cache", folder)
        client = make_client(Settings(cache_dir=str(folder), cache_mode="use"))
        for seed in SEEDS:  # stores each seed's brief (every call is recorded: no model is asked)
            summarize(seed, client=client)
        client.cache.close()
        client = make_client(Settings(cache_dir=str(folder), cache_mode="replay"))
        summarize(SEEDS[0], client=client)
        profile = cProfile.Profile()
        profile.enable()
        for number in range(briefs):
            summarize(SEEDS[number % len(SEEDS)], client=client)
        profile.disable()
        client.cache.close()
    return profile, briefs


def report(profile: cProfile.Profile, count: int, top: int) -> None:
    """Top entries by own time and by cumulative time, and the total per brief."""
    for order in ("tottime", "cumulative"):
        text = io.StringIO()
        stats = pstats.Stats(profile, stream=text)
        stats.strip_dirs().sort_stats(order).print_stats(top)
        print(f"\n## by {order}\n")
        print(text.getvalue())
    total = pstats.Stats(profile).total_tt  # type: ignore[attr-defined]
    print(f"{count} briefs, {total:.2f} s profiled, {1000 * total / count:.1f} ms a brief (under cProfile)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", choices=("rebuild", "stored"))
    parser.add_argument("articles", nargs="*", type=Path, help="rebuild: articles in place of the seeds")
    parser.add_argument("--cache-dir", type=Path, default=REPO / "cache", help="rebuild: recorded calls (replay)")
    parser.add_argument("--no-profile", action="store_true", help="rebuild: CPU seconds only, without cProfile")
    parser.add_argument("--rounds", type=int, default=4, help="rebuild: times each seed is rebuilt")
    parser.add_argument("--briefs", type=int, default=1000, help="stored: summarize() calls")
    parser.add_argument("--top", type=int, default=30)
    options = parser.parse_intermixed_args()
    started = time.perf_counter()
    if options.path == "stored":
        profile, count = stored(options.briefs)
    else:
        articles = options.articles or SEEDS
        profile, count = rebuild(options.rounds, articles, options.cache_dir, not options.no_profile)
    if not options.no_profile:
        report(profile, count, options.top)
    print(f"wall {time.perf_counter() - started:.1f} s in all", file=sys.stderr)


if __name__ == "__main__":
    main()
