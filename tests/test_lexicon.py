"""Every lexicon entry's own examples: each must match its word, each counter-example must not (as
langextract validates its prompt examples against their text); and the files load as the code expects."""

from __future__ import annotations

import pytest

from summarizer import lexicon

ENTRIES = [
    (language, entry)
    for language in lexicon.languages().values()
    for category in language.entries.values()
    for entry in category
]


@pytest.mark.parametrize(
    ("language", "entry"), ENTRIES, ids=[f"{e.language}-{e.category}-{e.word[:30]}" for _, e in ENTRIES]
)
def test_each_entry_matches_its_examples_and_not_its_counter_examples(
    language: lexicon.Language, entry: lexicon.Entry
) -> None:
    pattern = entry.pattern(language.word_boundaries)
    for example in entry.examples:
        assert pattern.search(example), f"{entry.word!r} does not match its example {example!r}"
    for counter in entry.counter_examples:
        assert not pattern.search(counter), f"{entry.word!r} matches its counter-example {counter!r}"


def test_every_language_file_names_its_language_and_has_words() -> None:
    found = lexicon.languages()
    assert "vi" in found
    for code, language in found.items():
        assert language.code == code and language.name
        assert language.categories, f"{code} has no words"


def test_an_entry_without_an_example_is_refused() -> None:
    with pytest.raises(ValueError, match="no example"):
        lexicon._read({"language": {"code": "xx", "name": "Test"}, "chair_verbs": {"zzz": {"en": "x"}}}, "xx.toml")


def test_an_unknown_category_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown categories"):
        lexicon._read({"language": {"code": "xx", "name": "Test"}, "chairs_verbs": {}}, "xx.toml")


def test_words_are_bounded_where_the_script_spaces_them() -> None:
    spaced = lexicon.Entry("en", "directive_words", "must", ("We must act.",))
    assert not spaced.pattern(True).search("mustard")
    unspaced = lexicon.Entry("zh", "chair_verbs", "主持", ("张三主持会议。",))
    assert unspaced.pattern(False).search("张三主持会议")
