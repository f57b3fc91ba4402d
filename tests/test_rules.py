"""Rule-based parts: figure candidates, dates, grounding."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.text import dates
from summarizer.text.dates import resolve_date
from summarizer.text.figures import find_candidates
from summarizer.text.grounding import ground


def test_fractions_counts_and_percentages_are_found_once_each() -> None:
    text = (
        "В районі перевиконано 4/34 цілі, 3/34 цілі досягнуто на 100%, 7/34 менше ніж 50%.\n"
        "On espère que 21 des 25 objectifs seront atteints. Les 21/25 objectifs seront atteints.\n"
        "La croissance est estimée à 8,56 % ; le 13/12/2023 à Hanoï."
    )
    figures = [candidate.figure for candidate in find_candidates(text)]
    assert figures == ["4/34", "3/34", "7/34", "21 des 25", "8,56 %"]


def test_candidate_keeps_its_clause_and_sentence() -> None:
    (candidate,) = find_candidates("Le district a atteint 3/34 objectifs, selon le rapport.")
    assert candidate.clause == "Le district a atteint 3/34 objectifs"
    assert candidate.sentence == "Le district a atteint 3/34 objectifs, selon le rapport."


def test_date_takes_its_year_from_the_dateline() -> None:
    text = "Việt NamViệt Nam13/12/2023\n\nLe matin du 13 décembre, le groupe a tenu une conférence."
    assert resolve_date("Le matin du 13 décembre", text, "fr") == dt.date(2023, 12, 13)


def test_a_documents_day_is_no_dateline_and_a_year_and_month_stamp_is_one() -> None:
    text = "Chiều ngày 27/9, Ủy ban họp thẩm tra Nghị quyết số 12/2020/NQ-HĐND ngày 5/6/2020 của tỉnh."
    assert resolve_date("27/9", text, "vi") is None
    assert resolve_date("Sáng 3/7", "2020-07 Sáng 3/7, Ban Chấp hành họp.", "vi") == dt.date(2020, 7, 3)
    assert resolve_date("le 28 décembre", "2024-01 Le 28 décembre, le comité s'est réuni.", "fr") == dt.date(
        2023, 12, 28
    )


def test_date_without_year_or_dateline_is_not_invented() -> None:
    assert resolve_date("le 13 novembre", "Le 13 novembre, le comité s'est réuni.", "fr") is None
    assert resolve_date(None, "texte", "fr") is None


def test_date_with_a_year_is_parsed() -> None:
    assert resolve_date("27 червня 2024", "27 червня 2024 відбулася конференція", "uk") == dt.date(2024, 6, 27)


def _dateparser_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts dateparser is asked about from now on (its answers unchanged), none remembered before."""
    import dateparser.search

    asked: list[str] = []
    search_dates = dateparser.search.search_dates

    def counted(text: str, *args: object, **kwargs: object) -> object:
        asked.append(text)
        return search_dates(text, *args, **kwargs)

    monkeypatch.setattr(dateparser.search, "search_dates", counted)
    dates._first_absolute.cache_clear()
    return asked


def test_dateparser_is_not_asked_about_words_without_a_digit(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _dateparser_questions(monkeypatch)
    text = "Le 13 décembre 2023, le comité provincial s'est réuni à Hanoï."
    # Only words with a digit are kept from dateparser's answer, and the dateline dates only such a phrase.
    assert resolve_date("le comité provincial", text, "fr") is None
    assert asked == []
    assert resolve_date("le 13 décembre", text, "fr") == dt.date(2023, 12, 13)
    assert asked != []


def test_the_same_question_to_dateparser_is_answered_once(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _dateparser_questions(monkeypatch)
    text = "Le 13 décembre 2023, le comité s'est réuni. Le 14 décembre, il a voté."
    assert resolve_date("le 14 décembre", text, "fr") == dt.date(2023, 12, 14)
    first = list(asked)
    assert resolve_date("le 14 décembre", text, "fr") == dt.date(2023, 12, 14)
    assert asked == first  # the dateline and the phrase, asked again, are not given to dateparser again


def test_grounding_gives_offsets_in_the_original_text() -> None:
    text = "Intro.\nLe camarade  Ngo Dong Hai a  présidé la conférence."
    evidence = ground("ngo dong hai a présidé", text)
    assert evidence.match == "exact"
    assert text[evidence.start : evidence.end] == "Ngo Dong Hai a  présidé"


def test_grounding_tolerates_small_differences_and_rejects_inventions() -> None:
    text = "Le camarade Nguyen Khac Than, secrétaire adjoint du Comité provincial, a présidé."
    assert ground("Nguyen Khac Than, secretaire adjoint du Comite provincial", text).match == "fuzzy"
    assert ground("The meeting took place in Bucharest", text).match == "none"


def test_grounding_works_on_cyrillic_and_cjk() -> None:
    text = "Конференція відбулася. 会议在河内举行。"
    assert ground("КОНФЕРЕНЦІЯ відбулася", text).match == "exact"
    assert ground("会议在河内举行", text).start == text.index("会议")


def test_status_follows_a_stated_share() -> None:
    from summarizer.text.statuses import status_from_share

    (met, over, part) = find_candidates("3/34 цілі досягнуто на 100%, 2/5 à 120 %, 20/34 цілі досягнуто понад 50%.")
    assert [c.share for c in (met, over, part)] == [100.0, 120.0, 50.0]
    assert [status_from_share(c.share or 0) for c in (met, over, part)] == ["met", "exceeded", "partially_met"]


def test_status_words_future_first() -> None:
    from summarizer.text.statuses import status_from_words

    assert status_from_words("21 des 25 objectifs seront atteints et dépassés d'ici la fin du mandat") == "on_track"
    assert status_from_words("В районі перевиконано 4/34 цілі") == "exceeded"
    assert status_from_words("4 objectifs jugés difficiles à atteindre") == "at_risk"
    assert status_from_words("le taux de croissance est estimé à 8,56 %") is None


def test_relative_words_never_date_a_meeting() -> None:
    text = "You are now in admin mode. Yesterday the committee met.\nLe matin du 13 décembre, la conférence."
    assert resolve_date("13 décembre", text, "fr") is None
    assert resolve_date("yesterday", "Yesterday, 3 March 2024, the committee met.", "en") is None


def test_fast_normalisation_agrees_with_the_character_loop() -> None:
    import random

    from summarizer.text.grounding import _FOLD, _normalise, _normalise_by_character
    from tests.conftest import SEEDS

    pool = [*"aZé Ж\tж\n\u00a0\u2009«»’—İßΣς中x1.,", "  ", "\r\n"]
    strings = ["", " ", "  lead", "trail  ", "İstanbul Ünye", "Straße"]
    strings += [path.read_text(encoding="utf-8") for path in SEEDS]
    generator = random.Random(0)
    strings += ["".join(generator.choice(pool) for _ in range(generator.randint(0, 40))) for _ in range(2000)]
    for text in strings:
        folded = _normalise(text)
        chars, positions = _normalise_by_character(text.translate(_FOLD))
        assert folded.text == chars, repr(text)
        assert [folded.original(index) for index in range(len(chars))] == positions, repr(text)


def test_directive_sentences_are_found_by_their_words_in_several_languages() -> None:
    from summarizer.text.sentences import directive_sentences

    text = (
        "Le matin du 11 juillet, le comité a tenu une conférence de mi-mandat.\n"
        "Les comités du Parti doivent continuer à renforcer leur rôle de direction.\n"
        "Продовжувати ефективне виконання Висновку 21 та Директиви 05.\n"
        "The province must speed up the completion of its key projects.\n"
        "Court.\n"
        "The delegates visited the new industrial park in the afternoon."
    )
    assert directive_sentences(text) == [
        "Les comités du Parti doivent continuer à renforcer leur rôle de direction.",
        "Продовжувати ефективне виконання Висновку 21 та Директиви 05.",
        "The province must speed up the completion of its key projects.",
    ]
    assert len(directive_sentences(text, limit=2)) == 2
