"""Who chaired: people named in the sentences that use a chairing verb, else by the model reading the article.

The meeting's chairs are those named by the first chairing sentence that names anyone: reports name
them in the lead, and later chairing sentences are about sessions or group discussions (a small model
cannot tell those apart reliably). Names only later sentences give are reported as warnings.
"""

from __future__ import annotations

from pydantic import Field

from summarizer.prompts import load_prompt
from summarizer.schema import Chair
from summarizer.steps.base import Asker, Draft
from summarizer.text.grounding import appears_in, as_written, ground, looks_like_a_name
from summarizer.text.names import name_key, value_or_none
from summarizer.text.sentences import chair_sentences

MAX_TOKENS = {"chairs": 1000, "chair_sentence": 500}


class ChairDraft(Draft):
    """One person the article says chaired the meeting; the quote comes first, the name is read from it."""

    evidence: str = Field(description="The sentence saying they chaired, copied exactly", max_length=250)
    name: str = Field(description="Full name as written in the article", max_length=60)
    role: str = Field(description="Their position, in English", max_length=120)


class ChairsDraft(Draft):
    """Everyone who chaired; empty when the article names nobody."""

    chairs: list[ChairDraft] = Field(max_length=4)


class NamedChairDraft(Draft):
    """A chair named in one given sentence."""

    name: str = Field(description="Full name as written in the sentence", max_length=60)
    role: str = Field(description="Their position, in English", max_length=120)


class SentenceChairsDraft(Draft):
    """The chairs one sentence names; empty when it names none."""

    whole_meeting: bool = Field(description="False when the sentence is about a group discussion or a session")
    chairs: list[NamedChairDraft] = Field(max_length=4)


DRAFTS = {"chairs": ChairsDraft, "chair_sentence": SentenceChairsDraft}


def read_chairs(asker: Asker, text: str, original: str, warnings: list[str]) -> list[Chair]:
    """Chairs read from the sentences that use a chairing verb, else from the whole article."""
    sentences = chair_sentences(text)
    if not sentences:
        whole = asker.ask_about_article("chairs", ChairsDraft)
        return _grounded_chairs([(item.name, item.role, item.evidence) for item in whole.chairs], original, warnings)
    prompt = load_prompt("chair_sentence")
    chairs: list[Chair] = []
    for sentence in sentences:
        named = asker.ask(prompt, SentenceChairsDraft, sentence=sentence)
        if not named.whole_meeting:
            continue
        found = [(name, item.role, sentence) for item in named.chairs if (name := as_written(item.name, sentence))]
        people = _grounded_chairs(found, original, warnings)
        if not chairs:
            chairs = people
            continue
        known = {name_key(chair.name) for chair in chairs}
        for person in people:
            if name_key(person.name) not in known:
                warnings.append(f"not counted as chair: {person.name!r}, named as chairing in a later sentence")
    return chairs


def _grounded_chairs(found: list[tuple[str, str, str]], original: str, warnings: list[str]) -> list[Chair]:
    """Chairs whose names stand in the article, each once, with their sentence located."""
    chairs: list[Chair] = []
    seen: set[str] = set()
    for raw_name, role, quote in found:
        name = value_or_none(raw_name)
        if name is None or name_key(name) in seen or not looks_like_a_name(name):
            continue
        evidence = ground(quote, original)
        if not appears_in(name, original):
            warnings.append(f"dropped chair {name!r}: the name is not in the article")
            continue
        if evidence.match == "none":  # kept, flagged by its evidence; --strict drops it
            warnings.append(f"chair {name!r}: the quoted sentence is not in the article")
        seen.add(name_key(name))
        chairs.append(Chair(name=name, role=role.strip(), evidence=evidence))
    return chairs
