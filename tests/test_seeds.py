"""All five seed articles replay from the recorded cache, offline, with no model.

The recorded answers are the embedded model's own; these assertions are what the articles say.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from summarizer import Brief, summarize
from summarizer.text.grounding import ground
from tests.conftest import SEEDS, seed

LANGUAGES = {"000": "fr", "001": "fr", "002": "fr", "003": "uk", "004": "fr"}


def replay(prefix: str, cache: Path) -> Brief:
    return summarize(seed(prefix), cache_dir=cache, cache_mode="replay", provider="local")


def test_there_are_five_seeds() -> None:
    assert [path.name[:3] for path in SEEDS] == sorted(LANGUAGES)


@pytest.mark.parametrize("prefix", sorted(LANGUAGES))
def test_seed_replays_offline_into_a_grounded_bilingual_brief(prefix: str, recorded_cache: Path) -> None:
    brief = replay(prefix, recorded_cache)
    text = seed(prefix).read_text(encoding="utf-8")
    assert brief.provenance.cached and brief.provenance.usage.calls == brief.provenance.usage.cached_calls
    assert brief.provenance.model.startswith("qwen2.5-coder-1.5b-instruct-q4_k_m")
    assert brief.language == LANGUAGES[prefix]
    assert [s.language for s in brief.summaries] == ["en", LANGUAGES[prefix]]
    for chair in brief.chairs:
        assert chair.evidence.match != "none" and chair.name in text
    for target in brief.targets:
        assert target.figure in text and target.evidence.match == "exact"
    # The meeting's name is given in English; its words as the article writes them must stand there.
    for field in (brief.meeting.location, brief.meeting.organiser, brief.meeting.name_as_written):
        assert field is None or ground(field, text).match != "none"
    for item in [*brief.chairs, *brief.targets, *brief.directives]:
        evidence = item.evidence
        if evidence.start is not None and evidence.end is not None:
            assert ground(evidence.quote, text[evidence.start : evidence.end]).match != "none"


def test_003_reports_its_four_target_counts(recorded_cache: Path) -> None:
    targets = {t.figure: t.status for t in replay("003", recorded_cache).targets}
    assert targets == {"4/34": "exceeded", "3/34": "met", "20/34": "partially_met", "7/34": "partially_met"}


def test_001_was_chaired_by_its_three_provincial_leaders(recorded_cache: Path) -> None:
    names = {chair.name for chair in replay("001", recorded_cache).chairs}
    assert names == {"Ngo Dong Hai", "Nguyen Tien Thanh", "Nguyen Khac Than"}


def test_004_took_place_on_13_december_2023(recorded_cache: Path) -> None:
    assert replay("004", recorded_cache).meeting.date == dt.date(2023, 12, 13)


def test_004_names_its_three_co_chairs(recorded_cache: Path) -> None:
    names = {chair.name for chair in replay("004", recorded_cache).chairs}
    assert names == {"Nguyen Thanh Nam", "Bui Thi Yen", "Lam Dong"}


def test_003_gives_no_day_and_none_is_invented(recorded_cache: Path) -> None:
    assert replay("003", recorded_cache).meeting.date is None
