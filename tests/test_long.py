"""Long articles: split on paragraph and sentence boundaries, read part by part, results merged."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer import summarize
from summarizer.cache import ResponseCache
from summarizer.clean import clean_article
from summarizer.llm import ModelClient
from summarizer.providers.base import schema_of
from summarizer.sentences import split_parts
from tests.conftest import REPO, SEEDS
from tests.fakes import FakeProvider

LONG = REPO / "tests" / "data" / "long_seeds.txt"  # the five seeds joined, as they are


def test_parts_are_cut_between_paragraphs_then_sentences() -> None:
    text = "Un.\nDeux deux.\nTrois trois trois. Quatre quatre quatre quatre."
    assert split_parts(text, 1000) == [text]
    # The last paragraph (45 characters) does not fit in 40: it is cut between its sentences.
    assert split_parts(text, 40) == ["Un.\nDeux deux.\nTrois trois trois.", "Quatre quatre quatre quatre."]
    # A sentence longer than the limit is cut at the limit.
    assert split_parts(text, 20) == ["Un.\nDeux deux.", "Trois trois trois.", "Quatre quatre quatre", " quatre."]


def test_no_part_exceeds_the_limit_and_no_text_is_lost() -> None:
    text = clean_article(LONG.read_text(encoding="utf-8"))
    for limit in (500, 4000, 36_000):
        parts = split_parts(text, limit)
        assert all(len(part) <= limit for part in parts)
        assert "".join(parts).replace("\n", "").replace(" ", "") == text.replace("\n", "").replace(" ", "")


def test_the_joined_seeds_keep_every_seed_through_cleaning() -> None:
    cleaned = clean_article(LONG.read_text(encoding="utf-8"))
    for path in SEEDS:  # each seed's opening words survive: a footer marker mid-text cuts nothing
        first_line = next(line for line in path.read_text(encoding="utf-8").splitlines() if len(line) > 40)
        assert first_line.strip()[:40] in cleaned, path.name


@pytest.fixture
def long_brief_requests(tmp_path: Path) -> tuple[object, list[dict[str, object]]]:
    repeated = "Le comité doit renforcer la discipline du Parti à tous les niveaux."
    answers = {
        "DirectivesDraft": {"directives": [{"evidence": repeated, "what": "Strengthen discipline", "issued_by": None}]}
    }
    provider = FakeProvider(answers)
    text = LONG.read_text(encoding="utf-8") + "\n" + repeated + "\n"
    brief = summarize(text, client=ModelClient(provider, ResponseCache(tmp_path / "c", "off")))
    return brief, provider.requests


def test_a_long_article_is_read_in_parts_and_merged(
    long_brief_requests: tuple[object, list[dict[str, object]]],
) -> None:
    brief, requests = long_brief_requests
    titles = [(schema_of(r) or {}).get("title") for r in requests]
    assert titles.count("DirectivesDraft") == 2  # one per part
    assert titles.count("SummaryDraft") == 4  # two parts, their combination, the translation
    assert titles.count("MeetingDraft") == 1  # the lead, in the first part
    assert any("read in 2 parts" in warning for warning in brief.warnings)  # type: ignore[attr-defined]
    assert not any("cut to" in warning for warning in brief.warnings)  # type: ignore[attr-defined]
    assert len(brief.directives) == 1  # type: ignore[attr-defined]  # the same passage from both parts, once
    assert {t.figure for t in brief.targets} >= {"4/34", "21 des 25"}  # type: ignore[attr-defined]
