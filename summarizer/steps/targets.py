"""Targets: figures found by rules, each short clause judged by the model where rules leave it open."""

from __future__ import annotations

from pydantic import Field

from summarizer.prompts import load_prompt
from summarizer.schema import Status, Target
from summarizer.steps.base import Asker, Draft, Progress
from summarizer.text.figures import find_candidates, rule_status
from summarizer.text.grounding import ground, numbers_appear

MAX_TOKENS = {"target": 250}


class TargetJudgement(Draft):
    """What one figure found in the article measures, and the status the article reports for it.

    The English translation comes first: a small model judges English far better than Ukrainian.
    """

    clause_in_english: str = Field(description="The clause translated into English", max_length=240)
    what: str = Field(description="What the figure measures, a few English words", max_length=120)
    status: Status


DRAFTS = {"target": TargetJudgement}


def read_targets(asker: Asker, text: str, original: str, progress: Progress) -> list[Target]:
    """Every figure candidate of ``text`` with what it measures and its status."""
    prompt = load_prompt("target")
    candidates = find_candidates(text)
    targets = []
    for number, candidate in enumerate(candidates, 1):
        progress(f"targets {number}/{len(candidates)}")
        judged = asker.ask(
            prompt, TargetJudgement, sentence=candidate.sentence, clause=candidate.clause, figure=candidate.figure
        )
        # Numbers and status words are read by rules; the model judges only what they leave open.
        ruled = rule_status(candidate)
        targets.append(
            Target(
                what=judged.what.strip(),
                status=ruled or judged.status,
                status_by="model" if ruled is None else "rule",
                figure=candidate.figure,
                figure_in_article=numbers_appear(candidate.figure, original),
                evidence=ground(candidate.clause, original),
            )
        )
    return targets
