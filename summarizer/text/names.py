"""Comparing names and reading the model's "nothing" (null-like words small models write as values)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from summarizer import lexicon

_NULL_WORDS = {"", "null", "none", "n/a", "unknown", "not stated", "not mentioned"}


_PUNCTUATION = re.compile(r"[.,;:!?()\"“”«»]")


def name_words(name: str) -> list[str]:
    """The words of a name without case, diacritics and punctuation ("Nguyễn" and "Nguyen" are one word,
    "Фалько Н.І." and "Фалько Н.І" one name)."""
    decomposed = unicodedata.normalize("NFKD", _PUNCTUATION.sub(" ", name.casefold()))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).split()


def name_key(name: str) -> str:
    """A name folded for comparison: case, diacritics and spacing do not count."""
    return " ".join(name_words(name))


def value_or_none(text: str | None) -> str | None:
    """The model's string, or None for empty and null-like words (small models write "null")."""
    if text is None or text.strip().lower() in _NULL_WORDS:
        return None
    return text.strip()


# Words of address before a name: "Đồng chí" (comrade), "camarade", "M.", "Dr."... never part of it.
_HONORIFIC = re.compile(rf"^(?:{lexicon.alternation('address_words')})\s+", re.IGNORECASE)
# Scripts without spaces between words write it onto the name too: "นายสมชาย" (Mr Somchai).
_UNSPACED = tuple(code for code, found in lexicon.languages().items() if found.word_boundaries is False)
_HONORIFIC_ATTACHED = re.compile(rf"^(?:{lexicon.alternation('address_words', _UNSPACED)})\s*")
# "Ông"/"bà" (Mr/Mrs) head the items of Vietnamese lists of people as "đồng chí" does.
_COMRADE_WORDS = lexicon.alternation("comrade_words")
# A name after a list's comrade word, or after its ";" (then perhaps "and" and a comrade word). The ";"
# branch keeps its own short lists: with every "and" and comrade word it reads "; Camarades Membres du
# Comité…" (fr-01) differently, a change of behaviour this move does not make.
_COMRADES = re.compile(
    rf"(?:(?<=\s)|^)(?:{_COMRADE_WORDS})[:\s]+"
    r"|;\s*(?:(?:và|et|and|и|і|y)\s+)?(?:(?:đồng chí|camarade|ông|bà)\s+)?",
    re.IGNORECASE,
)


# Words that make a name a body's (a committee, council, party, government; a newspaper, magazine, station,
# department, ministry: "Báo Hải quan", "Tổng cục Hải quan", "Bộ Tài chính"), not a person's or a place's.
_BODY_WORDS = re.compile(lexicon.alternation("body_words"), re.IGNORECASE)


def names_a_body(name: str) -> bool:
    """Whether ``name`` names a body ("партийный комитет района", "Tỉnh ủy"), not a person or a place."""
    return bool(_BODY_WORDS.search(name))


_WORD = re.compile(r"[ \t]*([^\W\d_][\w'’-]*)")


# Words of address after a name ("黎光朗同志", "ホー・ティ・マイ氏", "레 반 남 동지").
ADDRESS_AFTER = re.compile(lexicon.alternation("address_after"), re.IGNORECASE)
_HONORIFIC_AFTER = re.compile(rf"\s*(?:{ADDRESS_AFTER.pattern})$", re.IGNORECASE)


def without_honorific(name: str) -> str:
    """The name without a leading word of address ("Đồng chí Đỗ Trọng Hưng" -> "Đỗ Trọng Hưng"), nor a
    trailing one ("黎光朗同志" -> "黎光朗")."""
    previous = None
    while previous != name:
        previous, name = name, _HONORIFIC.sub("", name.strip())
        name = _HONORIFIC_ATTACHED.sub("", name) or name
        name = _HONORIFIC_AFTER.sub("", name) or name
    return name


def capitalised_run(text: str, start: int = 0, most: int = 4) -> tuple[str, int] | None:
    """The run of 2..``most`` capitalised words at ``start`` (a name), with where it ends; None if none."""
    words: list[str] = []
    position = start
    while len(words) < most and (match := _WORD.match(text, position)) is not None and match[1][:1].isupper():
        words.append(match[1])
        position = match.end()
    return (" ".join(words), position) if len(words) >= 2 else None


# A name written in katakana with a middle dot between its parts ("ドー・ヴァン・ティエン"), as Japanese writes
# foreign names: the parts run on into the words around them without a space.
_DOTTED_NAME = re.compile(r"[\u30a1-\u30fa\u30fc-\u30ff]+(?:・[\u30a1-\u30fa\u30fc-\u30ff]+)+")


def whole_name(name: str, sentence: str, is_title: Callable[[str], bool]) -> str:
    """A one-word name the model gave ("Выонг") completed with the capitalised words around it in the
    sentence ("Чан Куок Выонг"), stopping at a title word (``is_title``) or an acronym ("КПВ"); one part
    of a dotted name ("ティエン") completed with its other parts."""
    if len(name.split()) != 1:
        return name
    dotted = next((m[0] for m in _DOTTED_NAME.finditer(sentence) if name in m[0].split("・")), None)
    if dotted is not None:
        return dotted
    found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", sentence)
    if found is None:
        return name
    before = sentence[: found.start()].split()
    after = sentence[found.end() :].split()
    words = [name]
    while before and _part_of_a_name(before[-1], is_title):
        words.insert(0, before.pop())
    while after and _part_of_a_name(after[0], is_title):
        words.append(after.pop(0))
    return " ".join(words)


def _part_of_a_name(word: str, is_title: Callable[[str], bool]) -> bool:
    """A capitalised word ("Куок") that is not an acronym ("ЦК") nor a title ("Presidente")."""
    return word.isalpha() and word[:1].isupper() and not word.isupper() and not is_title(word)


def comrades(sentence: str) -> list[str]:
    """Names a sentence gives after "đồng chí" or "camarades :" (comrades) or at the head of its ";" items."""
    if not re.search(_COMRADE_WORDS, sentence, re.IGNORECASE):
        return []
    found = []
    for match in _COMRADES.finditer(sentence):
        run = capitalised_run(sentence, match.end())
        if run is not None:
            found.append(run[0])
    return list(dict.fromkeys(found))


_ONLY_ADDRESS = re.compile(rf"^(?:(?:{lexicon.alternation('address_words')})\s*)+$", re.IGNORECASE)
_ATTENDING = re.compile(rf"^(?:{lexicon.alternation('attended_verbs')})(?!\w)", re.IGNORECASE)


def why_not_a_person(name: str, text: str) -> str | None:
    """Why a chair's "name" is no person's, or None: it is only words of address ("Son Excellence", His
    Excellency), or a level and a place the gazetteer knows ("ខេត្តស្វាយរៀង") or a name the article only
    writes before a level ("탄호아(Thanh Hoa)시"), or only in a photo's credit, or it opens with a verb of
    attending, or the article goes on with it into a meeting's noun ("Dự Hội" of "Dự hội nghị", attending
    the conference)."""
    words = name.split()
    if not words:
        return "no name"
    if _ONLY_ADDRESS.match(name.strip()):
        return "only words of address"
    if _is_a_place(name.strip()) or _always_before_a_level(name, text):
        return "a place"
    if _always_credited(name, text):
        return "credited with a photo"
    if (attending := _ATTENDING.match(name)) is not None:
        return f"{attending[0]!r} is a verb of attending"
    for found in re.finditer(re.escape(name), text):
        following = re.match(r"\s+(\w+)", text[found.end() :])
        if following and following[1][:1].islower() and _is_meeting_noun(f"{words[-1]} {following[1]}"):
            return f"part of {words[-1] + ' ' + following[1]!r}"
    return None


def _is_a_place(name: str) -> bool:
    """Whether ``name`` is a level and a place of the gazetteer ("ខេត្តស្វាយរៀង": the province of Svay Rieng).
    A place's name alone may be a person's too (a machine translation writes "Lam Dong" for a delegate)."""
    level = next((found for found in (pattern.match(name) for pattern in _LEVELS) if found), None)
    rest = name[level.end() :].strip() if level else ""
    return bool(rest) and any(place.fullmatch(rest) for place in _PLACES)


_PLACES = lexicon.compounding("places")
_LEVELS = lexicon.compounding("levels")
_CREDIT = re.compile(rf"(?:{lexicon.alternation('credit_words')})\s*$", re.IGNORECASE)
_CREDIT_REACH = 12  # characters between a credit word and the name it credits: "(사진: 도안 박)"


def _always_before_a_level(name: str, text: str) -> bool:
    """Whether the article writes ``name`` only right before a level, as a place's name ("탄호아(Thanh Hoa)시")."""
    spots = [found.end() for found in re.finditer(re.escape(name), text)]
    followed = (re.match(r"\)?\s?", text[end:]) for end in spots)
    return bool(spots) and all(
        match is not None and any(level.match(text, end + match.end()) for level in _LEVELS)
        for end, match in zip(spots, followed, strict=True)
    )


def _always_credited(name: str, text: str) -> bool:
    """Whether the article names ``name`` only in credits of photos ("Ảnh: Lê Văn Ba", "(사진: 도안 박)")."""
    spots = [found.start() for found in re.finditer(re.escape(name), text)]
    return bool(spots) and all(_CREDIT.search(text, max(0, spot - _CREDIT_REACH), spot) for spot in spots)


def _is_meeting_noun(phrase: str) -> bool:
    return any(pattern.fullmatch(phrase) for pattern, _ in lexicon.patterns("meeting_nouns"))
