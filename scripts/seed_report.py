"""Print what the recorded seed briefs say: meeting, chairs, targets, directives, tokens.

Replays ``cache/`` (no model, no network): python scripts/seed_report.py
"""

from __future__ import annotations

from pathlib import Path

from summarizer import summarize

REPO = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    for path in sorted((REPO / "seeds").glob("*.txt")):
        brief = summarize(path, cache_dir=REPO / "cache", cache_mode="replay", provider="local")
        meeting, usage = brief.meeting, brief.provenance.usage
        print(
            f"== {path.name} [{brief.language}] {meeting.kind}, {meeting.date or meeting.date_as_written}, "
            f"{meeting.location}; organiser {meeting.organiser}"
        )
        print(f"   tokens: {usage.prompt_tokens} prompt + {usage.completion_tokens} completion in {usage.calls} calls")
        for chair in brief.chairs:
            print(f"   chair: {chair.name} ({chair.role}) [{chair.evidence.match}]")
        for target in brief.targets:
            print(f"   target: {target.figure} {target.status} ({target.status_by}): {target.what}")
        for directive in brief.directives:
            print(f"   directive: {directive.what} ({directive.issued_by}) [{directive.evidence.match}]")
        for summary in brief.summaries:
            print(f"   [{summary.language}] {summary.headline}")
        for warning in brief.warnings:
            print(f"   warning: {warning}")
