"""Targets: figures found by rules, each short clause judged by the model where rules leave it open.

Where rules read the status (a share of a plan, a stated share, a status word), the model only puts
the clause into English; otherwise it translates the clause and judges it. Either way the target's
``what`` is that English clause, led by its subject when the clause lacks one
(``text.clauses.readable_clause``): asked for "what the figure measures" in a few words, the small model
answered "percentage" for 42 of 64 figures of the development set.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from summarizer.prompts import load_prompt
from summarizer.schema import Status, Target
from summarizer.steps.base import Asker, Draft, Progress
from summarizer.text.clauses import readable_clause
from summarizer.text.figures import FigureCandidate, find_candidates, rule_status
from summarizer.text.grounding import ground, numbers_appear
from summarizer.text.sentences import marked_if_cut
from summarizer.text.statuses import is_a_goal

MAX_TOKENS = {"target": 250, "target_what": 110}
MAX_ENGLISH_CHARS = 300


class TargetJudgement(Draft):
    """What one figure found in the article measures, and the status the article reports for it.

    The English translation comes first: a small model judges English far better than Ukrainian.
    """

    clause_in_english: str = Field(description="The clause translated into English", max_length=MAX_ENGLISH_CHARS)
    status: Status


class TargetWhat(Draft):
    """One figure's clause in English."""

    english: str = Field(description="The clause in English", max_length=MAX_ENGLISH_CHARS)


DRAFTS = {"target": TargetJudgement, "target_what": TargetWhat}


def read_targets(
    asker: Asker,
    text: str,
    original: str,
    progress: Progress,
    day: dt.date | None = None,
    candidates: list[FigureCandidate] | None = None,
) -> list[Target]:
    """Every figure candidate of ``text`` with what it measures, its status and its kind (a result, or a goal
    for the period ahead); ``day``, the report's date, sets the pace a share of an annual plan is measured
    against, and the years after it that make a figure a goal. The candidates are the rules' unless given
    (found by the model, in a language with no lexicon)."""
    judge, describe = load_prompt("target"), load_prompt("target_what")
    candidates = find_candidates(text, day=day) if candidates is None else candidates
    targets = []
    for number, candidate in enumerate(candidates, 1):
        progress(f"targets {number}/{len(candidates)}")
        # Numbers and status words are read by rules; the model judges only what they leave open.
        ruled = rule_status(candidate)
        clause = readable_clause(candidate.clause, candidate.sentence)
        if ruled is None:
            judged = asker.ask(
                judge, TargetJudgement, sentence=candidate.sentence, clause=clause, figure=candidate.figure
            )
            what, status = judged.clause_in_english, judged.status
        else:
            what, status = asker.ask(describe, TargetWhat, clause=clause).english, ruled
        targets.append(
            Target(
                what=marked_if_cut(what, MAX_ENGLISH_CHARS),
                status=status,
                status_by="model" if ruled is None else "rule",
                figure=candidate.figure,
                kind="plan" if is_a_goal(candidate.clause, day) else "result",
                figure_in_article=numbers_appear(candidate.figure, original),
                evidence=ground(candidate.clause, original),
            )
        )
    return targets
