"""Checks of what an analyst reads in one brief, each a (passed, checked) tally.

Language checks use lingua on texts of four words or more (shorter ones say nothing reliable);
roles, usually shorter, are checked whatever their length. Scripts are checked letter by letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from summarizer.brief import Brief
from summarizer.steps.meeting import names_a_meeting
from summarizer.text.grounding import appears_in
from summarizer.text.language import is_in_language, language_of
from summarizer.text.names import name_key
from summarizer.text.scripts import foreign_scripts
from summarizer.text.sentences import ends_a_sentence
from summarizer.text.titles import claimed_titles

Tally = tuple[int, int]  # (passed, checked)


def english_fields(brief: Brief) -> Iterator[str]:
    """Every field the brief promises in English (quotes are the article's own words, not these)."""
    english = next((s for s in brief.summaries if s.language == "en"), None)
    if english is not None:
        yield english.headline
        yield english.summary
    if brief.meeting.name:
        yield brief.meeting.name
    yield from (target.what for target in [*brief.targets, *brief.other_figures])
    yield from (directive.what for directive in brief.directives)


def english_in_english(brief: Brief) -> Tally:
    """English fields (four words or more) that lingua reads as English, and chair roles likewise."""
    verdicts = [is_in_language(text, "en") for text in english_fields(brief)]
    verdicts += [language_of(chair.role) == "en" for chair in brief.chairs if chair.role.strip()]
    decided = [verdict for verdict in verdicts if verdict is not None]
    return sum(decided), len(decided)


def second_language_right(brief: Brief) -> Tally:
    """The second-language summary is in its language and its script (0/0 with English only)."""
    second = [s for s in brief.summaries if s.language != "en"]
    if not second:
        return 0, 0
    summary = second[0]
    text = f"{summary.headline}\n{summary.summary}"
    right = is_in_language(text, summary.language) is not False and not foreign_scripts(text, summary.language)
    return int(right), 1


def no_script_leak(brief: Brief) -> Tally:
    """1/1 when no field holds letters of a script its language is not written in."""
    texts = [(text, "en") for text in english_fields(brief)] + [(chair.role, "en") for chair in brief.chairs]
    texts += [(f"{s.headline} {s.summary}", s.language) for s in brief.summaries if s.language != "en"]
    return int(not any(foreign_scripts(text, language) for text, language in texts)), 1


# Words that say a figure is a number, not what it is a number of ("percentage", "a share of", "11 targets").
_GENERIC_WORDS = frozenset(
    {
        *("a", "an", "the", "of", "in", "to", "and", "or", "by", "at", "out", "per", "cent", "percent"),
        *("percentage", "percentages", "share", "rate", "ratio", "number", "figure", "figures", "total"),
        *("quarter", "half", "target", "targets", "goal", "goals", "objective", "objectives", "plan"),
        *("indicator", "indicators"),
    }
)


def says_what(what: str) -> bool:
    """Whether a target's ``what`` names what its figure measures: a word beyond numbers and words such as
    "percentage", "share of", "targets" ("percentage" or "11 targets" alone tells an analyst nothing)."""
    return any(word not in _GENERIC_WORDS for word in re.findall(r"[^\W\d_]+", what.casefold()))


def targets_say_what(brief: Brief) -> Tally:
    """Targets whose ``what`` says what the figure measures (``says_what``)."""
    said = [says_what(target.what) for target in brief.targets]
    return sum(said), len(said)


def summaries_end_whole(brief: Brief) -> Tally:
    """Summaries that end at a sentence end (not cut mid-word or mid-sentence)."""
    return sum(1 for s in brief.summaries if ends_a_sentence(s.summary)), len(brief.summaries)


def meeting_name_given(brief: Brief, gold: dict[str, Any]) -> Tally:
    """When the article names its meeting: a name is given, in English, that names a meeting (a noun such as
    conference, session, plenum: "Roma" or "Share in" do not) (0/0 when the article names none)."""
    if not gold.get("meeting_name"):
        return 0, 0
    name = brief.meeting.name or ""
    return int(bool(name.strip()) and is_in_language(name, "en") is not False and names_a_meeting(name)), 1


def place_right_or_empty(brief: Brief, gold: dict[str, Any]) -> Tally:
    """The brief's place is empty, or one of the gold forms (either containing the other)."""
    place = brief.meeting.location
    if not place:
        return 1, 1
    forms = [form for form in [gold.get("place"), *gold.get("place_alternatives", [])] if form]
    folded = name_key(place)
    return int(any(name_key(form) in folded or folded in name_key(form) for form in forms)), 1


def date_right_or_empty(brief: Brief, gold: dict[str, Any]) -> Tally:
    """The brief's date is empty or the gold date."""
    date = brief.meeting.date.isoformat() if brief.meeting.date else None
    return int(date is None or date == gold.get("date")), 1


def roles_consistent(pairs: list[tuple[str, str]]) -> Tally:
    """(predicted, gold) roles of matched chairs: every title word claimed is in the gold role."""
    checked = [(predicted, gold) for predicted, gold in pairs if gold]
    right = sum(1 for predicted, gold in checked if claimed_titles(predicted) <= claimed_titles(gold))
    return right, len(checked)


def meeting_name_in_article(brief: Brief, text: str) -> Tally:
    """The meeting name as written (when the brief gives one) stands in the article."""
    written = getattr(brief.meeting, "name_as_written", None)
    if not written:
        return 0, 0
    return int(appears_in(written, text)), 1
