"""The quick no-match test (``text.gates``) never says "no" where the pattern matches: it only skips work."""

from __future__ import annotations

import re

import pytest

from summarizer import lexicon
from summarizer.text import gates, sentences
from summarizer.text.figure_patterns import PERCENT, STATUS_AGAINST_PLAN, TARGET_FIGURE


def _every_lexicon_pattern() -> list[re.Pattern[str]]:
    return [pattern for category in lexicon.CATEGORIES for pattern, _ in lexicon.compiled(category)]


def test_every_lexicon_word_may_match_its_own_examples() -> None:
    for language in lexicon.languages().values():
        for entries in language.entries.values():
            for entry in entries:
                pattern = entry.pattern(language.word_boundaries)
                for example in entry.examples:
                    assert gates.may_match(pattern, example), (entry.word, example)


@pytest.mark.parametrize(
    "pattern",
    [sentences.CHAIR_WORDS, sentences.DIRECTIVE_WORDS, PERCENT, STATUS_AGAINST_PLAN, TARGET_FIGURE],
    ids=lambda pattern: pattern.pattern[:20],
)
def test_a_rule_pattern_is_skipped_only_where_it_has_no_match(pattern: re.Pattern[str]) -> None:
    texts = [
        example
        for language in lexicon.languages().values()
        for e in language.entries.get("chair_verbs", ())
        for example in e.examples
    ]
    texts += ["Le comité a demandé de poursuivre les efforts.", "đạt 105% kế hoạch", "no figure here at all"]
    for text in texts:
        assert gates.may_match(pattern, text) or pattern.search(text) is None, text


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"(?<!\w)(?:in)(?!\w)", "İn"),  # re folds "İ" to "i"; str.lower() would make it two letters
        (r"(?:sé)ance", "ſÉANCE"),  # "ſ" is "s" without case
        (r"ir", "ıR"),  # dotless i is "i" without case
        (r"(?:de )?district(?: de)?", "DISTRICT"),
        (r"a(?:bc|de)f", "ADEF"),
    ],
)
def test_letters_re_takes_as_one_fold_alike(pattern: str, text: str) -> None:
    compiled = re.compile(pattern, re.IGNORECASE)
    assert compiled.search(text)
    assert gates.may_match(compiled, text)
    assert gates.search(compiled, text) is not None


def test_a_text_without_the_needed_words_is_skipped() -> None:
    compiled = re.compile(r"(?<!\w)(?:séance plénière|réunion plénière)(?!\w)", re.IGNORECASE)
    assert not gates.may_match(compiled, "Le conseil s'est réuni lundi.")
    assert list(gates.finditer(compiled, "Le conseil s'est réuni lundi.")) == []


def test_a_pattern_whose_match_may_hold_no_word_is_always_tried() -> None:
    compiled = re.compile(r"\d+|(?:abc)?", re.IGNORECASE)
    assert gates.may_match(compiled, "xyz")


def test_no_lexicon_pattern_is_skipped_on_a_text_it_matches() -> None:
    texts = [
        example
        for language in lexicon.languages().values()
        for entries in language.entries.values()
        for entry in entries
        for example in entry.examples
    ][::7]
    for pattern in _every_lexicon_pattern()[::5]:
        for text in texts:
            assert gates.may_match(pattern, text) or pattern.search(text) is None, (pattern.pattern, text)
