"""Directives: sentences a lexicon of directive words finds, picked and said in English by the model.

The model gets the found sentences numbered, ten at a time, picks those that set tasks and says each
in English; the whole sentence is the evidence. With no such sentence, the model reads each part of
the article for directives instead, quote first.
"""

from __future__ import annotations

from pydantic import Field

from summarizer.prompts import load_prompt
from summarizer.schema import Directive, Evidence
from summarizer.steps.base import Asker, Draft
from summarizer.text.grounding import appears_in, ground, spans_overlap
from summarizer.text.names import name_key, value_or_none

MAX_TOKENS = {"directives": 1100, "directive_pick": 600}
DIRECTIVE_BATCH = 10  # numbered sentences per directive_pick call (the schema's number bound)


class DirectiveDraft(Draft):
    """One instruction given for the period ahead; the quote comes first, the English is read from it."""

    evidence: str = Field(description="The sentence stating it, copied exactly", max_length=250)
    what: str = Field(description="The directive, one short English sentence", max_length=200)
    issued_by: str | None = Field(description="Who gave it, name as written, or null", max_length=80)


class DirectivesDraft(Draft):
    """Key directives; empty when the article gives none."""

    directives: list[DirectiveDraft] = Field(max_length=4)


class PickedDirectiveDraft(Draft):
    """One numbered sentence that sets a task for the coming period."""

    number: int = Field(description="The sentence's number", ge=1, le=10)
    what: str = Field(description="The task, one short English sentence", max_length=200)
    issued_by: str | None = Field(description="Who gave it, name as written in the sentence, or null", max_length=80)


class DirectivePicksDraft(Draft):
    """The sentences that set tasks; empty when none does."""

    directives: list[PickedDirectiveDraft] = Field(max_length=4)


DRAFTS = {"directives": DirectivesDraft, "directive_pick": DirectivePicksDraft}


def directives_read_whole(asker: Asker) -> list[DirectiveDraft]:
    """Directives the model finds reading the asker's text itself (when no sentence has a directive word)."""
    return asker.ask_about_article("directives", DirectivesDraft).directives


def picked_directives(asker: Asker, sentences: list[str]) -> list[DirectiveDraft]:
    """The directive sentences the model says set tasks, with its English wording."""
    prompt = load_prompt("directive_pick")
    drafts = []
    for start in range(0, len(sentences), DIRECTIVE_BATCH):
        batch = sentences[start : start + DIRECTIVE_BATCH]
        numbered = "\n".join(f"{number}. {sentence[:400]}" for number, sentence in enumerate(batch, 1))
        for pick in asker.ask(prompt, DirectivePicksDraft, sentences=numbered).directives:
            index = _picked_sentence(pick.number, pick.what, batch)
            if index is not None:
                # The whole sentence is the evidence; it may exceed the draft's quote bound, hence construct.
                drafts.append(
                    DirectiveDraft.model_construct(evidence=batch[index], what=pick.what, issued_by=pick.issued_by)
                )
    return drafts


def _picked_sentence(number: int, what: str, batch: list[str]) -> int | None:
    """The sentence a pick means: the one its wording was copied from, else the one its number names.

    The small model sometimes numbers its picks 1, 2, 3 and copies pieces of one sentence into them
    (seen on seed 000); the copied words, when they stand in a sentence, say which it read.
    """
    if len(what) >= 20:
        copied = [index for index, sentence in enumerate(batch) if ground(what, sentence).match != "none"]
        if copied:
            return copied[0]
    return number - 1 if 1 <= number <= len(batch) else None


def grounded_directives(drafts: list[DirectiveDraft], original: str, warnings: list[str]) -> list[Directive]:
    """Directives with their quotes located; one per passage of the article (parts may repeat one)."""
    directives: list[Directive] = []
    for item in drafts:
        what, evidence = value_or_none(item.what), ground(item.evidence, original)
        if what is None or any(_same_passage(evidence, kept.evidence) for kept in directives):
            continue
        if evidence.match == "none":  # kept, flagged by its evidence; --strict drops it
            warnings.append(f"directive {what!r}: its quote is not in the article")
        issued_by = value_or_none(item.issued_by)
        if issued_by is not None and not appears_in(issued_by, original):
            issued_by = None
        directives.append(Directive(what=what, issued_by=issued_by, evidence=evidence))
    return directives


def _same_passage(a: Evidence, b: Evidence) -> bool:
    """Two quotes of one passage: overlapping offsets, or the same words when either was not found."""
    if a.start is not None and b.start is not None:
        return spans_overlap((a.start, a.end), (b.start, b.end))
    return name_key(a.quote) == name_key(b.quote)
