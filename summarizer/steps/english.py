"""English fields in English: the few the model wrote in the article's language are translated together.

Each field the brief promises in English (headline and summary, meeting name, what each target and
directive is about) is checked with lingua (texts of four words or more) and for letters of another
script (a Cyrillic "Restрукture" in a headline); those that are not English
go to the model in one call whose schema has one required field per text (a list lets the small model
answer with none), and a translation replaces a field only when it is English itself.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from summarizer.prompts import load_prompt
from summarizer.steps.base import Asker, one_field_each
from summarizer.text.language import is_in_language
from summarizer.text.scripts import foreign_scripts, without_mixed_words
from summarizer.text.sentences import ends_a_sentence

MAX_TOKENS = {"english": 1200}
MOST_FIELDS = 12  # fields per call
MOST_ALONE = 4  # fields asked one by one when a call translated none
DRAFTS: dict[str, type[BaseModel]] = {}  # the schema is made per call, one field per text


def in_english(
    asker: Asker,
    texts: list[str],
    known_foreign: frozenset[int] = frozenset(),
    kept: frozenset[int] = frozenset(),
    glossary: str = "",
) -> list[str]:
    """``texts`` with those that are not English, or hold letters of another script ("Restрукture"),
    translated (when the translation is English and in Latin letters; else the text stays, without
    its words that mix two scripts). ``known_foreign`` are indices of texts known to be the article's
    own words, translated however short (lingua cannot tell the language of "conférence"); ``kept``,
    of texts never translated (a meeting name said by rule); ``glossary``, the renderings of the
    article's words the model is given."""
    foreign = [
        i for i, text in enumerate(texts) if text and i not in kept and (i in known_foreign or not english_text(text))
    ][:MOST_FIELDS]
    if not foreign:
        return texts
    translated = _translated(asker, texts, foreign, glossary)
    # Texts the call left in their language are asked again on their own: among many, the small model
    # sometimes copies one back (a Russian directive among five English fields), or copies them all (a
    # long Vietnamese report's seven fields): then each is asked alone, headline and name first.
    again = [index for index in foreign if index not in translated]
    if again and len(again) < len(foreign):
        translated.update(_translated(asker, texts, again, glossary))
    elif again:
        for index in again[:MOST_ALONE]:
            translated.update(_translated(asker, texts, [index], glossary))
    return [
        translated[index] if index in translated else without_mixed_words(text) if index in foreign else text
        for index, text in enumerate(texts)
    ]


def retranslated(asker: Asker, texts: list[str], indices: list[int], glossary: str, avoid: str) -> dict[int, str]:
    """The English of ``texts[indices]`` asked again in one call, naming what must not be there (``avoid``);
    only answers in English and in Latin letters."""
    return _translated(asker, texts, indices[:MOST_FIELDS], glossary, avoid)


def _translated(
    asker: Asker, texts: list[str], indices: list[int], glossary: str = "", avoid: str = ""
) -> dict[int, str]:
    """The English of ``texts[indices]`` from one call, for those whose answer is English in Latin letters."""
    numbered = "\n".join(f"text{number}: {texts[index]}" for number, index in enumerate(indices, 1))
    draft = _draft([_bound(texts[index]) for index in indices])
    answer = asker.ask(load_prompt("english"), draft, texts=numbered, glossary=glossary, avoid=avoid)
    found = {}
    for number, index in enumerate(indices, 1):
        english = str(getattr(answer, f"text{number}")).strip()
        if english and english_text(english):
            found[index] = _ended_as(english, texts[index])
    return found


def _ended_as(english: str, original: str) -> str:
    """A translation ends at a sentence end when its text did and the schema's bound did not cut it
    (the small model drops the final full stop of a whole sentence)."""
    if english and ends_a_sentence(original) and not ends_a_sentence(english) and len(english) < _bound(original):
        return english + "."
    return english


def _bound(text: str) -> int:
    """The most characters an English field may have: near its text's length, within the schema's."""
    return min(700, max(120, 2 * len(text)))


def english_text(text: str) -> bool:
    """Not read as another language by lingua (texts of four words or more), and no letter of another script."""
    return is_in_language(text, "en") is not False and not foreign_scripts(text, "en")


def _draft(lengths: list[int]) -> type[BaseModel]:
    """One required English field per text, each within its bound."""
    return one_field_each("EnglishTexts", "text", [(str, Field(max_length=bound)) for bound in lengths])
