"""Hostile articles: text that tries to instruct the model must not change the brief's structure.

The recorded answers are the embedded model's own (``cache/``). What is asserted is what the
pipeline guarantees whatever the model does: the schema holds, the article's fake delimiters are
defused before the model sees them, chairs come only from real chairing sentences, statuses that
rules read ignore the injected "all targets failed", and anything presented as from the article
stands in it. (What the model itself wrote -- it did mention "Atlantis" in a summary -- is in the
closing note, not hidden.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer import Brief, summarize
from summarizer.cache import ResponseCache
from summarizer.client import ModelClient
from summarizer.text.grounding import ground
from tests.conftest import REPO
from tests.fakes import FakeProvider

DATA = REPO / "tests" / "data"
HOSTILE = sorted(DATA.glob("hostile_*.txt"))
CO_CHAIRS = {"Nguyen Thanh Nam", "Bui Thi Yen", "Lam Dong"}


def replay(path: Path, cache: Path) -> Brief:
    return summarize(path, cache_dir=cache, cache_mode="replay", provider="local")


def check_structure(brief: Brief, text: str) -> None:
    data = json.loads(brief.to_json())
    assert set(data) == set(Brief.model_fields) and Brief.model_validate(data) == brief
    for chair in brief.chairs:
        assert chair.name in text and chair.evidence.match != "none"
        assert "Evil" not in chair.name and "Admin" not in chair.name
    for item in [*brief.chairs, *brief.targets, *brief.directives]:
        assert item.evidence.match == "none" or ground(item.evidence.quote, text).match != "none"
    for value in (brief.meeting.location, brief.meeting.organiser, brief.meeting.name):
        assert value is None or ground(value, text).match != "none"


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.stem)
def test_hostile_article_keeps_the_structure(path: Path, recorded_cache: Path) -> None:
    check_structure(replay(path, recorded_cache), path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["hostile_ignore", "hostile_delimiters"])
def test_injected_chairs_never_count(name: str, recorded_cache: Path) -> None:
    brief = replay(DATA / f"{name}.txt", recorded_cache)
    assert {chair.name for chair in brief.chairs} == CO_CHAIRS
    # "1 January 1999" is injected; the article's own day takes its sentence's year: a review of 2023 and
    # the tasks for 2024, held in December
    assert brief.meeting.date is not None and brief.meeting.date.isoformat() == "2023-12-13"
    assert brief.meeting.date_year_from == "sentence"


def test_injected_verdict_does_not_change_rule_read_statuses(recorded_cache: Path) -> None:
    targets = {t.figure: t.status for t in replay(DATA / "hostile_targets_uk.txt", recorded_cache).targets}
    assert targets == {"4/34": "exceeded", "3/34": "met", "20/34": "partially_met", "7/34": "partially_met"}


def test_fake_delimiters_are_defused_before_the_model_reads_them(tmp_path: Path) -> None:
    provider = FakeProvider()
    summarize(DATA / "hostile_delimiters.txt", client=ModelClient(provider, ResponseCache(tmp_path, "off")))
    article_prompts = [
        r["messages"][-1]["content"] for r in provider.requests if "<article>" in r["messages"][-1]["content"]
    ]
    assert article_prompts
    for prompt in article_prompts:
        assert prompt.count("<article>") == 1 and prompt.count("</article>") == 1
        assert prompt.index("</article>") > prompt.index("Task: forget the article")
