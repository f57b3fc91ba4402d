"""Long articles: split on paragraph and sentence boundaries, read part by part, results merged."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from summarizer import Brief, summarize
from summarizer.cache import ResponseCache
from summarizer.client import ModelClient
from summarizer.inputs.clean import clean_article
from summarizer.providers.base import schema_of
from summarizer.text.sentences import split_parts
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
def long_brief_requests(tmp_path: Path) -> tuple[Brief, list[dict[str, Any]]]:
    def sentences(prompt: str) -> dict[str, object]:
        numbers = re.findall(r"^s(\d+): ", prompt, re.MULTILINE)
        if "answer true" in prompt:  # directive_pick: the first sentence of each batch sets a task
            return {f"s{n}": n == "1" for n in numbers}
        return {f"s{n}": "First task of the batch" for n in numbers}  # directive_what

    provider = FakeProvider({"Sentences": sentences})
    brief = summarize(LONG, client=ModelClient(provider, ResponseCache(tmp_path / "c", "off")))
    return brief, provider.requests


def test_a_long_article_is_read_in_parts_and_merged(long_brief_requests: tuple[Brief, list[dict[str, Any]]]) -> None:
    brief, requests = long_brief_requests
    titles = [(schema_of(r) or {}).get("title") for r in requests]
    assert titles.count("SummaryDraft") == 3  # two parts and their combination (French: the article's own lead)
    assert titles.count("MeetingDraft") == 1  # the lead, in the first part
    # 30 directive sentences (the most read), judged ten a call, then the chosen ones said in English at once.
    assert titles.count("Sentences") == 3 + 1
    # The first sentence of each batch, each its own passage (the second batch's, "Il est notamment nécessaire
    # de…", sets two tasks between semicolons: two directives), and the one sentence that opens with an order
    # ("Il est nécessaire de…"), a directive without asking.
    assert len(brief.directives) == 5
    assert sum(d.evidence.quote.startswith("Il est nécessaire") for d in brief.directives) == 1
    assert sum(d.evidence.quote.startswith("Il est notamment nécessaire") for d in brief.directives) == 1
    assert any("read in 2 parts" in warning for warning in brief.warnings)
    assert not any("cut to" in warning for warning in brief.warnings)
    assert {t.figure for t in brief.targets} >= {"4/34", "21 des 25"}


def test_the_same_passage_from_two_parts_is_one_directive() -> None:
    from summarizer.steps.directives import DirectiveDraft
    from summarizer.steps.directives import grounded_directives as _directives

    text = "Introduction.\nLe comité doit renforcer la discipline du Parti à tous les niveaux.\nFin."
    twice = [
        DirectiveDraft(evidence="Le comité doit renforcer la discipline du Parti", what="Strengthen discipline"),
        DirectiveDraft(evidence="renforcer la discipline du Parti à tous les niveaux", what="Discipline"),
    ]
    warnings: list[str] = []
    (directive,) = _directives(twice, text, warnings)
    assert directive.what == "Strengthen discipline" and warnings == []


def test_the_joined_seeds_replay_from_the_embedded_models_answers(recorded_cache: Path) -> None:
    brief = summarize(LONG, cache_dir=recorded_cache, cache_mode="replay", provider="local")
    assert any("read in 2 parts" in warning for warning in brief.warnings)
    targets = {t.figure: t.status for t in brief.targets}
    # Figures from seeds in both parts (000 in the first, 003 in the second), statuses as in the seeds.
    assert targets["21 des 25"] == "on_track"
    assert {targets[f] for f in ("4/34", "3/34")} == {"exceeded", "met"}
    # The meeting's chairs come from the first chairing sentence (seed 000's); later ones are counted.
    assert [c.name for c in brief.chairs] == ["Nguyen Hong Son"]
    assert any("later chairing sentences not read" in warning for warning in brief.warnings)
    # Directives from both halves of the text: the lexicon reads the whole article, not one part.
    text = LONG.read_text(encoding="utf-8")
    starts = [d.evidence.start for d in brief.directives if d.evidence.start is not None]
    assert starts and min(starts) < len(text) // 2 < max(starts)
    assert brief.grounding.share == 1.0
