"""Checks that the English is right, not only given: traced to the article, and against the gold.

- numbers and entities (names, countries, currencies) of every English field traced to the article
  (``text.fidelity``), one tally per mention;
- the English meeting name against the gold's ``meeting_name_facts``: its ordinal, term, body and
  place, and no number the gold name does not have;
- dates: right when the gold has one (recall), and never a wrong one.
"""

from __future__ import annotations

import re
from typing import Any

from summarizer import lexicon
from summarizer.brief import Brief
from summarizer.evaluate.quality import english_fields
from summarizer.text.fidelity import fold, index_article, mentions, untraced
from summarizer.text.numbers import english_numbers

Tally = tuple[int, int]  # (passed, checked)


def numbers_traced(brief: Brief, text: str) -> Tally:
    """Numbers of the English fields that the article holds, of all they state."""
    return _traced(brief, text, numbers=True)


def entities_traced(brief: Brief, text: str) -> Tally:
    """Names, countries and currencies of the English fields that the article accounts for, of all checked."""
    return _traced(brief, text, numbers=False)


def _traced(brief: Brief, text: str, numbers: bool) -> Tally:
    article = index_article(text)
    found = [
        traced
        for field in english_fields(brief)
        for item, traced in mentions(field, article)
        if (item.kind == "number") == numbers
    ]
    return sum(found), len(found)


def untraced_items(brief: Brief, text: str) -> list[str]:
    """What the English fields say that the article cannot account for, each once ("country 'China'")."""
    article = index_article(text)
    return list(dict.fromkeys(str(item) for field in english_fields(brief) for item in untraced(field, article)))


def foreign_entities_invented(brief: Brief, text: str) -> list[str]:
    """Countries and currencies the English fields name that the article does not (China, yuan...)."""
    article = index_article(text)
    return [
        item.words
        for field in english_fields(brief)
        for item in untraced(field, article)
        if item.kind in ("country", "currency")
    ]


def meeting_name_parts(brief: Brief, gold: dict[str, Any]) -> dict[str, Tally]:
    """Each part of the English meeting name against the gold facts, and the whole ("right"): the
    ordinal, term, body and place the gold names stand in it, and it has no other number."""
    facts = gold.get("meeting_name_facts")
    if not gold.get("meeting_name") or not isinstance(facts, dict):
        return {}
    name = brief.meeting.name or ""
    numbers = {key for _, keys in english_numbers(name) for key in keys}
    allowed = {str(facts[part]) for part in ("ordinal", "term") if facts.get(part) is not None}
    allowed |= {key for words in (gold["meeting_name"], facts.get("period") or "") for key in _numbers(words)}
    parts = {
        "ordinal": _part(facts.get("ordinal"), lambda ordinal: str(ordinal) in numbers),
        "term": _part(facts.get("term"), lambda term: str(term) in numbers),
        "body": _part(facts.get("body"), lambda bodies: any(fold(body) in fold(name) for body in _listed(bodies))),
        "place": _part(facts.get("place"), lambda places: any(fold(place) in fold(name) for place in _listed(places))),
        "no other number": (int(numbers <= allowed), 1),
    }
    parts["right"] = (int(bool(name) and all(passed == checked for passed, checked in parts.values())), 1)
    return parts


def date_recall(brief: Brief, gold: dict[str, Any]) -> Tally:
    """The gold date given (0/0 when the gold has none)."""
    if not gold.get("date"):
        return 0, 0
    return int(brief.meeting.date is not None and brief.meeting.date.isoformat() == gold["date"]), 1


def date_never_wrong(brief: Brief, gold: dict[str, Any]) -> Tally:
    """A date given is the gold one (0/0 when the brief gives none)."""
    if brief.meeting.date is None:
        return 0, 0
    return int(brief.meeting.date.isoformat() == gold.get("date")), 1


def unread_language_warned(brief: Brief, gold: dict[str, Any]) -> Tally:
    """An article in a language whose lexicon has no chairing words (the rules cannot read it; Thai has
    only the words tracing needs) says so in its warnings (0/0 for languages the rules read)."""
    if gold.get("language") in lexicon.having("chair_verbs"):
        return 0, 0
    return int(any("no lexicon" in warning for warning in brief.warnings)), 1


def targets_with_a_status(brief: Brief) -> Tally:
    """Targets listed with a status claimed (met, missed...), of all listed: "unknown" buries the rest
    (figures the brief keeps apart, ``other_figures``, are not listed as targets)."""
    return sum(1 for target in brief.targets if target.status != "unknown"), len(brief.targets)


def _numbers(words: str) -> set[str]:
    return {key for _, keys in english_numbers(words) for key in keys} | set(re.findall(r"\d+", words))


def _listed(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else [str(item) for item in value]


def _part(expected: Any, right: Any) -> Tally:
    if expected in (None, "", []):
        return 0, 0
    return int(bool(right(expected))), 1
