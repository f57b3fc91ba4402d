"""The Markdown output is Markdown: real headings, each quote nested in its item (checked with a CommonMark parser)."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from summarizer import summarize
from tests.conftest import seed


@pytest.mark.parametrize("prefix", ["003", "004"])
def test_sections_are_headings_and_quotes_nest_in_their_items(recorded_cache: Path, prefix: str) -> None:
    brief = summarize(seed(prefix), cache_dir=recorded_cache, cache_mode="replay", provider="local")
    tokens = MarkdownIt("commonmark").parse(brief.to_markdown())
    headings = [(t.tag, tokens[n + 1].content) for n, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [
        *(("h2", s.headline) for s in brief.summaries),
        ("h3", "Meeting"),
        ("h3", "Chaired by"),
        ("h3", "Targets"),
        ("h3", "Directives"),
        *([("h3", "Warnings")] if brief.warnings else []),
    ]
    sections: dict[str, list[int]] = {}  # per section: the list items, each with its count of quotes
    section, depth = "", 0
    for n, token in enumerate(tokens):
        if token.type == "heading_open":
            section = tokens[n + 1].content
            sections[section] = []
        elif token.type == "list_item_open":
            sections[section].append(0)
            depth = token.level
        elif token.type == "blockquote_open":
            assert token.level > depth, "a quote outside its list item"
            sections[section][-1] += 1
    for title, items in (("Chaired by", brief.chairs), ("Targets", brief.targets), ("Directives", brief.directives)):
        assert sections[title] == ([1] * len(items) or [0]), title  # one list, one quote in each item
    lists = [t for t in tokens if t.type == "bullet_list_open"]
    assert len(lists) == 4 + bool(brief.warnings)  # meeting, chairs, targets, directives: each a single list
    assert sum(t.type == "blockquote_open" for t in tokens) == len(brief.chairs) + len(brief.targets) + len(
        brief.directives
    )


def test_the_meeting_name_shows_the_articles_words_beside_or_instead_of_the_english(recorded_cache: Path) -> None:
    from summarizer.render import meeting_rows

    translated = summarize(seed("000"), cache_dir=recorded_cache, cache_mode="replay", provider="local")
    name = dict(meeting_rows(translated))["Name"]
    assert name == f"{translated.meeting.name} (as written: {translated.meeting.name_as_written})"
    # Seed 001's name is said in English by rule: the glossary reads every word of the article's French.
    brief = summarize(seed("001"), cache_dir=recorded_cache, cache_mode="replay", provider="local")
    assert brief.meeting.name == "Extended Meeting of the Provincial Party Executive Committee"
    assert brief.meeting.name_by == "rule"
    # With no English name (none that names a meeting), the article's words stand alone.
    untranslated = brief.model_copy(update={"meeting": brief.meeting.model_copy(update={"name": None})})
    assert dict(meeting_rows(untranslated))["Name"] == untranslated.meeting.name_as_written
    assert f"Name: {untranslated.meeting.name_as_written}" in untranslated.to_markdown()
