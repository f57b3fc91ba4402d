"""Every lexicon entry's own examples: each must match its word, each counter-example must not (as
langextract validates its prompt examples against their text); and the files load as the code expects."""

from __future__ import annotations

import re
from collections.abc import Callable

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
    spaced = lexicon.Entry("en", "levels", "commune", ("The commune met.",))
    assert not spaced.pattern(True).search("The communes met.")
    unspaced = lexicon.Entry("zh", "chair_verbs", "主持", ("张三主持会议。",))
    assert unspaced.pattern(False).search("张三主持会议")


def test_fragments_written_with_their_own_boundaries_are_used_as_written() -> None:
    stem = lexicon.Entry("uk", "chair_verbs", "головув", ("Засідання головував Олег Ткач.",))
    assert stem.pattern().search("Засідання головував Олег Ткач.")
    ended = lexicon.Entry("en", "directive_words", r"must\b", ("We must act.",))
    assert not ended.pattern().search("mustard")
    assert lexicon.AS_WRITTEN.issubset(lexicon.CATEGORIES)


def test_coverage_counts_each_languages_entries_by_category() -> None:
    counts = lexicon.coverage()
    assert list(counts)[:2] == ["vi", "fr"]
    assert counts["vi"]["chair_verbs"] == len(lexicon.languages()["vi"].entries["chair_verbs"])
    assert all(number > 0 for categories in counts.values() for number in categories.values())


def test_words_are_joined_in_language_order_each_once() -> None:
    assert lexicon.having("attended_verbs")[0] == "vi"
    assert lexicon.words("abbreviations").count("dr") == 1  # French and English both write "Dr."
    assert lexicon.alternation("chair_verbs").startswith("chủ trì|")


def test_values_are_merged_in_every_files_order() -> None:
    order = lexicon.merged_order("title_phrases")
    assert sorted(order) == sorted(lexicon.by_value("title_phrases"))
    assert order.index("District Administrator") < order.index("Mayor")  # de.toml lists Landrat first; fr.toml none
    assert order.index("Prime Minister") < order.index("Governor") < order.index("Mayor")


def _rule_patterns() -> dict[str, Callable[[str], object]]:
    """Each category's rule, as the module that reads it compiled it: shape and words together."""
    from summarizer.text import (
        clauses,
        dates,
        fidelity,
        meeting_names,
        meetings,
        names,
        numbers,
        places,
        sentences,
        speakers,
        statuses,
        titles,
    )
    from summarizer.text import figure_patterns as figures

    def before_a_date(example: str) -> object:
        date = re.search(r"\d{1,2}/\d{1,2}", example)
        return date and figures.DATE_WORDS.search(example[: date.start()])

    stop = re.compile(rf"[^\S\n]+(?:{meetings._STOPS})(?!\w)", re.IGNORECASE)

    def name_ends_at_a_stop(example: str) -> object:
        name = meetings._NAME.search(example)
        return name and stop.match(example, name.end())

    def name_runs_past_its_verb_after_at(example: str) -> object:
        name, alone = meetings.meeting_name_in(example), meetings._NAME.search(example)
        return name and alone and len(name) > len(alone[0].strip())

    def dropped_as_a_country(example: str) -> object:
        from summarizer.steps import meeting

        place = example.rsplit(":", 1)[-1].strip(" .")
        return place.casefold() in meeting._COUNTRIES and meeting._place(place, example, []) is None

    def holds_the_meeting_named_after_it(example: str) -> object:
        from summarizer.text import name_context

        for language in lexicon.having("hold_verbs"):
            name = meetings.meeting_name_in(example) or meetings.unspaced_name_in(example, language)
            if name and (
                name_context.holder_parts(name, example, language) or name_context.holder_words(name, example, language)
            ):
                return language
        return None

    return {
        "hold_verbs": holds_the_meeting_named_after_it,
        "chair_verbs": sentences.chairing_verb_at,
        "directive_words": sentences.DIRECTIVE_WORDS.search,
        "remark_phrases": sentences._REMARKS.search,
        "opening_orders": sentences._OPENING_ORDER.match,
        "chair_nouns": sentences._CHAIR_NOUNS.search,
        "abbreviations": lambda example: any(
            sentences._ends_with_abbreviation(example[: m.end()]) for m in re.finditer(r"\.", example)
        ),
        "address_words": lambda example: names.without_honorific(example) != example or None,
        "comrade_words": names.comrades,
        "body_words": names.names_a_body,
        "levels_before_names": lambda example: [  # a capitalised word right after the level: a place
            m
            for m in re.finditer(r"\S+", example)
            if m[0][0].isupper() and speakers._LEVEL_BEFORE.search(example[: m.start()])
        ],
        "articles": lambda example: example.split()[0].casefold() in speakers._ARTICLES or None,
        "venue_words": places._VENUE.search,
        "place_levels": lambda example: places._names_written(
            example.rsplit(":", 1)[1].strip(), example.rsplit(":", 1)[0]
        ),
        "spelt_out": clauses._ABBREVIATION.search,
        "number_scales": clauses._AMOUNT.search,
        "first_idioms": lambda example: (
            "first" in example and not any("1" in k for _, k in numbers.english_numbers(example))
        ),
        "scale_words": lambda example: [
            m for m in numbers.DIGITS.finditer(example) if numbers._SCALE.match(example, m.end())
        ],
        "currencies": lambda example: fidelity._named(example, "currencies"),
        "countries": lambda example: fidelity._named(example, "countries"),
        "percent_words": figures.PERCENT.search,
        "of_total_words": figures.COUNT_OF_TOTAL.search,
        "total_articles": figures.COUNT_OF_TOTAL.search,
        "plan_words": figures.PLAN_SHARE.search,
        "plan_before_share": figures.PLAN_SHARE_AFTER_PLAN.search,
        "share_prepositions": figures.PLAN_SHARE_AFTER_PLAN.search,
        "plan_rates": figures.ACTUAL_VS_PLAN.search,
        "target_words": figures.COUNT_OF_TARGETS.search,
        "fraction_of_plan": figures.PLAN_FRACTION.search,
        "annual_plans": figures.ANNUAL_PLAN.search,
        "status_verbs": figures.STATUS_AGAINST_PLAN.search,
        "plan_after_status": figures.STATUS_AGAINST_PLAN.search,
        "planned_words": figures.PLANNED.search,
        "periods_to_date": statuses.period_pace,
        "date_words": before_a_date,
        "back_references": figures.BACK_REFERENCE.match,
        "target_mentions": figures.TARGET_WORDS.search,
        "status_words": statuses.status_from_words,
        "goal_words": statuses.is_a_goal,
        "deadline_words": lambda example: dates.a_documents_day(example, re.search(r"\d", example).start()),
        "resolution_words": lambda example: dates.a_documents_day(example, re.search(r"\d", example).start()),
        "document_words": lambda example: dates.a_documents_day(example, re.search(r"\d", example).start()),
        "day_openings": dates.day_in_lead,
        "meeting_words": lambda example: meetings.has_a_meeting_word(example) and meetings._NAME.search(example),
        "name_stops": name_ends_at_a_stop,
        "name_verbs": name_runs_past_its_verb_after_at,
        "at_words": name_runs_past_its_verb_after_at,
        "country_names": dropped_as_a_country,
        "offices": titles.english_role,
        "title_bodies": titles.english_role,
        "title_levels": lambda example: any(level in (titles.english_role(example) or "") for level in _LEVELS),
        "level_stems": lambda example: any(level in (titles.english_role(example) or "") for level in _LEVELS),
        "title_phrases": titles.english_role,
        "title_stems": titles.supported_titles,
        "body_stems": titles.supported_bodies,
        "role_titles": titles.claimed_titles,
        "role_bodies": titles.claimed_bodies,
        "title_fillers": titles.is_a_title,
        "review_words": dates._review().search,
        "address_after": lambda example: [  # a name read up to the word loses it
            m
            for m in names.ADDRESS_AFTER.finditer(example)
            if names.without_honorific(example[: m.end()]) != example[: m.end()]
        ],
        "counters": lambda example: [m for m in figures.QUANTITY.finditer(example) if m[2].strip()],
        "total_then_count": figures.TOTAL_THEN_COUNT.search,
        "target_lead_words": lambda example: figures.TARGET_FIGURE.search(example) and "lead",
        "target_tail_words": lambda example: figures.TARGET_FIGURE.search(example) and "tail",
        "schedule_words": statuses.schedule_status,
        "months": lambda example: [name for name in meeting_names._MONTHS.values() if name in example],
    }


_LEVELS = ("Provincial", "District", "City", "Town", "Commune")
RULES = _rule_patterns()
RULE_ENTRIES = [entry for _, entry in ENTRIES if entry.category in RULES]


@pytest.mark.parametrize("entry", RULE_ENTRIES, ids=[f"{e.language}-{e.category}-{e.word[:30]}" for e in RULE_ENTRIES])
def test_the_rule_reading_a_category_finds_each_example(entry: lexicon.Entry) -> None:
    for example in entry.examples:
        found = RULES[entry.category](example)
        assert found not in (None, False, []) or found == 0, f"{entry.category} misses {example!r}"


STATUSES = [entry for _, entry in ENTRIES if entry.category == "status_words"]


@pytest.mark.parametrize("entry", STATUSES, ids=[f"{e.language}-{e.word[:30]}" for e in STATUSES])
def test_each_status_example_states_its_status(entry: lexicon.Entry) -> None:
    from summarizer.text.statuses import _STATUS_ORDER, status_from_words

    said = dict(_STATUS_ORDER)[entry.english or ""]
    for example in entry.examples:
        assert status_from_words(example) == said, f"{example!r} should state {said}"


def test_summarize_languages_lists_every_lexicon_and_what_it_covers() -> None:
    from click.testing import CliRunner

    from summarizer.cli import cli

    table = CliRunner().invoke(cli, ["languages"])
    assert table.exit_code == 0, table.output
    rows = {line.split(" | ")[0].strip("| "): line for line in table.output.splitlines()[2:]}
    assert set(rows) == set(lexicon.languages())
    assert "| Thai |" in rows["th"] and rows["th"].split(" | ")[2] == "–"  # no chairing verbs: the model reads
    counts = CliRunner().invoke(cli, ["languages", "--json"])
    assert int(rows["zh"].split(" | ")[-1].rstrip(" |")) == sum(__import__("json").loads(counts.output)["zh"].values())


DATES = [entry for _, entry in ENTRIES if entry.category == "date_patterns"]


@pytest.mark.parametrize("entry", DATES, ids=[f"{e.language}-{e.english or e.word[:20]}" for e in DATES])
def test_each_date_pattern_reads_its_example_as_a_day_of_its_month(entry: lexicon.Entry) -> None:
    from summarizer.text.dates import month_and_day

    for example in entry.examples:
        found = month_and_day(example, entry.language)
        assert found is not None, f"no day read in {example!r}"
        if (entry.english or "").isdigit():  # a month by name: the entry says which
            assert found[0] == int(entry.english or "")


PERIODS = [entry for _, entry in ENTRIES if entry.category == "periods_to_date"]


@pytest.mark.parametrize("entry", PERIODS, ids=[f"{e.language}-{e.word[:30]}" for e in PERIODS])
def test_each_part_of_the_year_gives_the_share_of_the_year_its_months_say(entry: lexicon.Entry) -> None:
    from summarizer.text.statuses import period_pace

    months = int((entry.english or "").split()[0])  # "9 months"
    for example in entry.examples:
        assert period_pace(example) == round(100 * months / 12, 1), f"{example!r} should be {months} months"
