"""Who chaired: people named in the sentences that use a chairing verb; nobody when no sentence does.

The meeting's chairs are those named by the first chairing sentence that names anyone: reports name
them in the lead, and later chairing sentences are about sessions or group discussions (a small model
cannot tell those apart reliably), so they are not asked about (a warning counts them). With no
chairing sentence there is no chair: a model reading the whole article names people who chaired
nothing. Co-chairs listed after "đồng chí" are read by rule too (the model often names one of three);
a sentence that names only a title ("the Prime Minister presided") is completed from the sentence that
gives the title's holder. Roles come from the glossary of titles where it knows the words around the
name; a role the model gives is kept only when the titles it claims stand there.
"""

from __future__ import annotations

import re

from pydantic import Field

from summarizer.prompts import load_prompt
from summarizer.schema import Chair
from summarizer.steps.base import Asker, Draft
from summarizer.text.addressed import addressed_chairs, titled_chairs
from summarizer.text.fidelity import names_not_in
from summarizer.text.grounding import appears_in, as_written, ground, looks_like_a_name
from summarizer.text.language import language_of
from summarizer.text.names import (
    comrades,
    name_key,
    name_words,
    names_a_body,
    value_or_none,
    whole_name,
    why_not_a_person,
    without_honorific,
)
from summarizer.text.scripts import main_script
from summarizer.text.sentences import chair_sentences, chairing_verb_at
from summarizer.text.titles import (
    claimed_bodies,
    claimed_titles,
    english_role,
    is_a_title,
    supported_bodies,
    supported_titles,
    title_holders,
)

MAX_TOKENS = {"chair_sentence": 500}


class NamedChairDraft(Draft):
    """A chair named in one given sentence."""

    name: str = Field(description="Full name as written in the sentence", max_length=60)
    role: str = Field(description="Their position, in English", max_length=120)


class SentenceChairsDraft(Draft):
    """The chairs one sentence names; empty when it names none."""

    COPIES_ARTICLE = True

    whole_meeting: bool = Field(description="False when the sentence is about a group discussion or a session")
    chairs: list[NamedChairDraft] = Field(max_length=4)


DRAFTS = {"chair_sentence": SentenceChairsDraft}


def read_chairs(
    asker: Asker,
    text: str,
    original: str,
    warnings: list[str],
    sentences: list[str] | None = None,
    language: str = "und",
) -> list[Chair]:
    """Chairs read from the first chairing sentence that names anyone (none when no sentence does);
    the sentences are the rules' unless given (found by the model, in a language with no lexicon).
    Where names follow words of address (Khmer, Lao) or precede a title and its particle (Korean), the
    rule reads them (``text.addressed``), not the model."""
    prompt = load_prompt("chair_sentence")
    sentences = chair_sentences(text) if sentences is None else sentences
    for number, sentence in enumerate(sentences, 1):
        addressed = addressed_chairs(sentence, language) or titled_chairs(sentence, language)
        if addressed:
            named = SentenceChairsDraft.model_construct(
                whole_meeting=True, chairs=[NamedChairDraft.model_construct(name=name, role="") for name in addressed]
            )
        else:
            named = asker.ask(prompt, SentenceChairsDraft, sentence=sentence)
        if not named.whole_meeting:
            continue
        people = _people(named, sentence, text, original, warnings)
        if people:
            if number < len(sentences):  # not asked: they name sessions or groups, and cost a call each
                warnings.append(
                    f"{len(sentences) - number} later chairing sentences not read: the first names the chairs"
                )
            return people
    return []


def _people(named: SentenceChairsDraft, sentence: str, text: str, original: str, warnings: list[str]) -> list[Chair]:
    """The chairs one sentence names: the model's, the listed comrades, or the holder of its title."""
    found = [
        (whole_name(name, sentence, _is_title_word), item.role)
        for item in named.chairs
        if (name := as_written(without_honorific(item.name), sentence))
    ]
    if found:  # a list of comrades the model read part of: the rule reads all of it
        found = _with_comrades(found, comrades(sentence))
    people = _grounded_chairs(found, sentence, original, warnings)
    if not people:
        people = _title_holder(sentence, text, original, warnings)
    return people


def _is_title_word(word: str) -> bool:
    return bool(supported_titles(word))


def _with_comrades(found: list[tuple[str, str]], listed: list[str]) -> list[tuple[str, str]]:
    """The model's chairs and the comrades a list names: a listed name that completes one of the model's
    ("Nguyên Thảo" in "Hồ Thị Nguyên Thảo") replaces it, keeping its role; the others are added."""
    people = list(found)
    for name in listed:
        words = set(name_words(without_honorific(name)))
        part = next(
            (i for i, (known, _) in enumerate(people) if set(name_words(without_honorific(known))) <= words), None
        )
        if part is None:
            people.append((name, ""))
        else:
            people[part] = (name, people[part][1])
    return people


def _grounded_chairs(found: list[tuple[str, str]], sentence: str, original: str, warnings: list[str]) -> list[Chair]:
    """Chairs whose names stand in the article, each once, with their sentence located."""
    chairs: list[Chair] = []
    seen: set[str] = set()
    evidence = ground(sentence, original)
    names = [without_honorific(value_or_none(raw) or "") for raw, _ in found]
    for name, (_, model_role) in zip(names, found, strict=True):
        named = looks_like_a_name(name) or _after_a_title(name, sentence)
        if not name or name_key(name) in seen or not named or is_a_title(name):
            continue
        if names_a_body(name):  # "the district Party committee held the conference": a body, not a chair
            warnings.append(f"dropped chair {name!r}: a body, not a person")
            continue
        if _a_title_phrase(name):  # "Ministro per gli Affari europei": an office, its holder named elsewhere
            warnings.append(f"dropped chair {name!r}: a title, not a name")
            continue
        if (reason := why_not_a_person(name, original)) is not None:
            warnings.append(f"dropped chair {name!r}: not a person's name ({reason})")
            continue
        if not appears_in(name, original):
            warnings.append(f"dropped chair {name!r}: the name is not in the article")
            continue
        if evidence.match == "none":  # kept, flagged by its evidence; --strict drops it
            warnings.append(f"chair {name!r}: the quoted sentence is not in the article")
        seen.add(name_key(name))
        role = _role(model_role, _context(name, names, sentence))
        chairs.append(Chair(name=name, role=role, evidence=evidence))
    return chairs


def _a_title_phrase(name: str) -> bool:
    """Whether a "name" opens with a title word and goes on in lowercase words, as an office's name does
    ("Ministro per gli Affari europei"); a person's name does neither ("José da Silva" opens with a name)."""
    words = name.split()
    return len(words) > 1 and bool(supported_titles(words[0])) and any(word.islower() for word in words[1:])


def _after_a_title(name: str, sentence: str) -> bool:
    """A surname alone right after a title ("Presidenza del Presidente Liviantoni") is a name."""
    found = re.search(rf"(\w+)\s+{re.escape(name)}(?!\w)", sentence)
    return found is not None and name[:1].isupper() and _is_title_word(found[1])


def _title_holder(sentence: str, text: str, original: str, warnings: list[str]) -> list[Chair]:
    """The person who holds the one title a chairing sentence names, from the sentence that names them."""
    title = english_role(sentence)
    if title is None:
        return []
    holders = {name_key(name): name for english, name in title_holders(text) if english == title}
    if len(holders) != 1:
        return []
    (name,) = holders.values()
    if not appears_in(name, original):
        return []
    warnings.append(f"chair {name!r}: the chairing sentence names the {title}; another sentence names the holder")
    return [Chair(name=name, role=title, evidence=ground(sentence, original))]


def _context(name: str, names: list[str], sentence: str) -> str:
    """The words of ``sentence`` that belong to ``name``: its titles after it up to the next name or ";"
    ("Lai The Nguyen, secrétaire adjoint..."), else those before it from the previous name or ";"."""
    start = sentence.find(name)
    if start < 0:
        return sentence
    others = [(sentence.find(other), len(other)) for other in names if other and other != name]
    before = max([i + size for i, size in others if 0 <= i < start] + [sentence.rfind(";", 0, start) + 1])
    semicolon = sentence.find(";", start)
    after = min([i for i, _ in others if i > start] + ([semicolon] if semicolon >= 0 else []) + [len(sentence)])
    following = sentence[start + len(name) : after]
    verb = chairing_verb_at(following)  # "..., chaired the session": the verb is no title of theirs
    following = following[:verb] if verb is not None else following
    if re.match(r"\s*[,(–-]", following) and supported_titles(following):
        return following
    return sentence[before:after]


def _role(model_role: str, context: str) -> str:
    """The role the glossary reads in ``context``; else the model's, if English (in Latin letters), its titles
    stand there and it names nothing the context does not write."""
    from_glossary = english_role(context)
    if from_glossary:
        return from_glossary
    role = re.sub(r"\s+", " ", model_role).strip()
    if not role or (len(name_words(role)) > 1 and language_of(role) != "en"):
        return ""
    if main_script(role) not in (None, "latin"):  # "議長", "总理": one word to lingua, not English to a reader
        return ""
    if names_not_in(role, context):  # "Keeper of the Valombre Lighthouse Board": the prompt's own example
        return ""
    claims_only_what_stands = claimed_titles(role) <= supported_titles(context)
    return role if claims_only_what_stands and claimed_bodies(role) <= supported_bodies(context) else ""
