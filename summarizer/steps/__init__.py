"""The extraction steps, one module each: its prompts, their token bounds, its drafts and its rules.

A new field is one new module here (``MAX_TOKENS`` and ``DRAFTS`` for its prompts) plus its prompt
file; the pipeline orders the steps.
"""

from __future__ import annotations

from pydantic import BaseModel

from summarizer.steps import chairs, directives, english, meeting, summary, targets, unread

_STEPS = (meeting, chairs, directives, summary, targets, english, unread)
MAX_TOKENS: dict[str, int] = {name: bound for step in _STEPS for name, bound in step.MAX_TOKENS.items()}
DRAFT_MODELS: dict[str, type[BaseModel]] = {name: model for step in _STEPS for name, model in step.DRAFTS.items()}
PROMPT_NAMES: tuple[str, ...] = (
    "system",
    "meeting",
    "chair_sentence",
    "directive_pick",
    "directive_what",
    "summary",
    "target",
    "target_what",
    "translate",
    "english",
    "chair_find",
    "figure_find",
)
