"""Our own short test articles (tests/data/case_*.txt), replayed from the embedded model's recorded answers.

Each covers what the quality issue found broken: abbreviations before a name, titles before names, a
chairing sentence naming only a title, a guest who "attended and directed", no chair at all, figures
in words and percentages, shares of a plan, status words, remarks that look like directives.
"""

from __future__ import annotations

from pathlib import Path

from summarizer import Brief, summarize
from tests.conftest import REPO

DATA = REPO / "tests" / "data"


def replay(name: str, cache: Path) -> Brief:
    return summarize(DATA / f"case_{name}.txt", cache_dir=cache, cache_mode="replay", provider="local")


def statuses(brief: Brief) -> dict[str, str]:
    return {target.figure: target.status for target in brief.targets}


def test_vietnamese_chair_after_an_abbreviation_and_plan_shares(recorded_cache: Path) -> None:
    brief = replay("vi", recorded_cache)
    assert [chair.name for chair in brief.chairs] == ["Phan Văn Mãi"]  # not the guest who "dự và chỉ đạo"
    assert "Chairman" in brief.chairs[0].role
    assert statuses(brief) == {"52,3%": "on_track", "28%": "at_risk", "12/15": "met"}  # "Sáng 3/7" is a date
    # "Sáng 3/7" has no year, its sentence does: the review of the first six months of 2025
    assert brief.meeting.date is not None and brief.meeting.date.isoformat() == "2025-07-03"
    assert brief.meeting.date_year_from == "sentence"
    assert [d.issued_by for d in brief.directives] == ["Phan Văn Mãi"]
    assert brief.summaries[1].from_article and brief.summaries[1].language == "vi"


def test_russian_chair_who_conducted_and_a_plan_fulfilled(recorded_cache: Path) -> None:
    brief = replay("ru", recorded_cache)
    assert [chair.name for chair in brief.chairs] == ["Иван Петров"]
    assert statuses(brief)["104 процента"] == "exceeded"
    assert brief.meeting.date is not None and brief.meeting.date.isoformat() == "2024-03-12"


def test_german_chair_under_the_presidency_and_figures_of_a_total(recorded_cache: Path) -> None:
    brief = replay("de", recorded_cache)
    assert [chair.name for chair in brief.chairs] == ["Klaus Weber"]
    assert statuses(brief) == {"20 von insgesamt 22": "met", "103 Prozent": "exceeded"}
    assert [(f.figure, f.status) for f in brief.other_figures] == [
        ("8,15 Prozent", "unknown")
    ]  # measured against nothing


def test_spanish_meeting_without_a_chair(recorded_cache: Path) -> None:
    brief = replay("es", recorded_cache)
    assert brief.chairs == []
    assert statuses(brief) == {"15 de los 18": "met", "96 por ciento": "partially_met"}


def test_english_title_only_chair_completed_and_remark_not_a_directive(recorded_cache: Path) -> None:
    brief = replay("en", recorded_cache)
    assert [(chair.name, chair.role) for chair in brief.chairs] == [("Pham Minh Chinh", "Prime Minister")]
    assert statuses(brief) == {"14 of the 15": "on_track", "105 per cent": "exceeded"}
    assert [(f.figure, f.status) for f in brief.other_figures] == [("14.9 per cent", "unknown")]
    assert all("noted" not in d.evidence.quote for d in brief.directives)
    assert [d.issued_by for d in brief.directives] == ["Pham Minh Chinh"]
    assert brief.meeting.location == "Hanoi"
    assert [s.language for s in brief.summaries] == ["en"]


def test_new_languages_replayed_whole_date_thai_chair_and_japanese_owner(recorded_cache: Path) -> None:
    khmer = replay("km", recorded_cache)  # the model copies no day: the lead's whole date is the meeting's
    assert khmer.meeting.date is not None and khmer.meeting.date.isoformat() == "2025-10-22"
    assert khmer.meeting.date_year_from == "phrase"
    thai = replay("th", recorded_cache)  # "นาย" (Mr) is written onto the name
    assert [chair.name for chair in thai.chairs] == ["ธนวัฒน์ ศรีสุขประเสริฐ"]
    japanese = replay("ja", recorded_cache)  # "省人民委員会は…の定例会議を開催": the committee's meeting
    assert japanese.meeting.name is not None and "Provincial People's Committee" in japanese.meeting.name
