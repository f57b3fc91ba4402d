"""Directives: sentences a lexicon of directive words finds, judged and said in English by the model.

The model gets the found sentences numbered, ten at a time, and answers yes or no for each (one
required field per sentence: given a list, the small model answers with an empty one); then it says
the chosen ones in short English, again one required field each. The whole sentence is the
evidence, and who gave it is read by rule (a chair or a title's holder the sentence names). With no
such sentence there is no directive: asked to find directives in a whole article, the small model
returned mostly reports of the past (about 7 right of 50 on the development set).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from pydantic import BaseModel, Field

from summarizer.prompts import load_prompt
from summarizer.schema import Directive, Evidence
from summarizer.steps.base import Asker, one_field_each
from summarizer.text.grounding import appears_in, ground, spans_overlap
from summarizer.text.names import comrades, name_key, name_words, value_or_none
from summarizer.text.sentences import marked_if_cut, opens_with_an_order, split_sentences, tasks_of
from summarizer.text.speakers import speaker
from summarizer.text.titles import english_role, title_holders

MAX_TOKENS = {"directive_pick": 150, "directive_what": 700}
DIRECTIVE_BATCH = 10  # numbered sentences per directive_pick call
MOST_DIRECTIVES = 6  # directives a brief keeps: the key ones, in reading order
REPEATED_CHARS = 30  # a quote this long found whole inside another repeats it
WHAT_BOUND = 200  # characters of a directive said in English (the schema's bound)


@dataclass(frozen=True)
class DirectiveDraft:
    """One instruction given for the period ahead: the sentence stating it and its English (who gave it
    is read later, by rule: ``attributed``)."""

    evidence: str
    what: str


DRAFTS: dict[str, type[BaseModel]] = {}  # directive_pick and directive_what: one field per sentence


def picked_directives(asker: Asker, sentences: list[str]) -> list[DirectiveDraft]:
    """The directive sentences that open with an order, and those the model says set tasks, with its
    English wording (at most ``MOST_DIRECTIVES``)."""
    ordered = {sentence for sentence in sentences if opens_with_an_order(sentence)}
    asked = [sentence for sentence in sentences if sentence not in ordered]
    said_tasks: set[str] = set()
    for start in range(0, len(asked), DIRECTIVE_BATCH):
        batch = asked[start : start + DIRECTIVE_BATCH]
        numbered = "\n".join(f"s{number}: {sentence[:400]}" for number, sentence in enumerate(batch, 1))
        answer = asker.ask(load_prompt("directive_pick"), _fields(len(batch), bool), sentences=numbered)
        said_tasks |= {sentence for number, sentence in enumerate(batch, 1) if getattr(answer, f"s{number}")}
    chosen = [sentence for sentence in sentences if sentence in said_tasks or sentence in ordered]
    # Judged whole (a part such as "de renforcer la responsabilité…" lost its verb and was judged no), a long
    # sentence that sets tasks gives one directive per task.
    chosen = _spread([task for sentence in chosen for task in tasks_of(sentence)], MOST_DIRECTIVES)
    if not chosen:
        return []
    numbered = "\n".join(f"s{number}: {sentence[:400]}" for number, sentence in enumerate(chosen, 1))
    said = asker.ask(load_prompt("directive_what"), _fields(len(chosen), str), sentences=numbered)
    return [
        DirectiveDraft(evidence=sentence, what=marked_if_cut(str(getattr(said, f"s{number}")), WHAT_BOUND))
        for number, sentence in enumerate(chosen, 1)
    ]


def _spread(items: list[str], most: int) -> list[str]:
    """At most ``most`` items, in order, spread over the whole list (a long article's directives stand in
    all its parts, not only the first)."""
    if len(items) <= most:
        return items
    return [items[round(i * (len(items) - 1) / (most - 1))] for i in range(most)]


@functools.lru_cache(maxsize=64)
def _fields(count: int, kind: type) -> type[BaseModel]:
    """One required field per numbered sentence (s1, s2, ...), booleans or short texts; made once for each
    count and kind (a model made per call cost instructor's wrapping and pydantic's schema each time)."""
    field = (bool, ...) if kind is bool else (str, Field(max_length=WHAT_BOUND))
    return one_field_each("Sentences", "s", [field] * count)


def grounded_directives(drafts: list[DirectiveDraft], original: str, warnings: list[str]) -> list[Directive]:
    """Directives with their quotes located; one per passage of the article (two quotes may overlap)."""
    directives: list[Directive] = []
    for item in drafts:
        what, evidence = value_or_none(item.what), ground(item.evidence, original)
        if what is None or any(_same_passage(evidence, kept.evidence) for kept in directives):
            continue
        if evidence.match == "none":  # kept, flagged by its evidence; --strict drops it
            warnings.append(f"directive {what!r}: its quote is not in the article")
        directives.append(Directive(what=what, issued_by=None, evidence=evidence))
    return directives


def _same_passage(a: Evidence, b: Evidence) -> bool:
    """Two quotes of one passage: overlapping offsets, the same words when either was not found, or one
    repeating the other whole (a headline and its caption "… năm 2022 (10/11/2022)")."""
    if a.start is not None and b.start is not None and spans_overlap((a.start, a.end), (b.start, b.end)):
        return True
    shorter, longer = sorted((name_key(a.quote), name_key(b.quote)), key=len)
    return shorter == longer or (len(shorter) >= REPEATED_CHARS and shorter in longer)


def _known_as(name: str | None, holders: list[tuple[str, str]]) -> set[str]:
    """``name`` as a chair or title holder whose name holds all its words is called ("Manuel Rodrigues"
    is "Manuel Rodrigues Alberto"), else as given; empty for None."""
    if name is None:
        return set()
    words = set(name_words(name))
    return {next((known for known, _ in holders if words <= set(name_words(known))), name)}


def attributed(directives: list[Directive], people: list[tuple[str, str]], text: str) -> list[Directive]:
    """Directives given the person their sentence names, by name or by title: a chair
    (``people`` are chairs' names and roles), a comrade it names, the subject of its directive verb
    (``text.speakers``), or a title's holder ("the Prime Minister asked...")."""
    holders = [*people, *((name, title) for title, name in title_holders(text))]
    sentences = split_sentences(text)
    result = []
    for directive in directives:  # none has an issuer yet: grounded_directives gives none
        quote = directive.evidence.quote
        # One task of a long sentence ("…; luôn nêu cao …") is given by whoever its whole sentence names.
        whole = next((sentence for sentence in sentences if quote in sentence), quote)
        named = _named_in(quote, holders) or _named_in(whole, holders)
        if len(named) == 1:
            directive = directive.model_copy(update={"issued_by": named.pop()})
        result.append(directive)
    return result


def _named_in(passage: str, holders: list[tuple[str, str]]) -> set[str]:
    """Who ``passage`` names as giving it: a holder by name, a comrade, the subject of its directive verb,
    or a holder by title."""
    titles = english_role(passage) or ""
    named = {name for name, _ in holders if appears_in(name, passage)}
    named = named or set(comrades(passage))  # "el camarada Bui Van Tam … solicitó": a guest who spoke
    named = named or _known_as(speaker(passage), holders)  # "Ana Pérez Ruiz, primera secretaria…, llamó a"
    return named or {name for name, role in holders if role and role.split(",")[0] in titles}
