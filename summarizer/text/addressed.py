"""Chairs read by rule where the small model answers with its prompt's examples ("Comrade", "Mr. Phan").

In Khmer and Lao, scripts that space names but not words, a person's name is the few spaced words after a
word of address: "ឯកឧត្តម នួន ផា" (His Excellency Nuon Pha), "ສະຫາຍ ພົມມາ ແກ້ວບົວພາ" (Comrade Phomma
Keobouapha); the lexicon says how many (``name_words``): the rule reads the names the chairing verb
governs. In Korean the subject is a name, its title and a particle ("또 럼 당 서기장은 … 주재했다"): the
lexicon's ``titles_after_names``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from summarizer import lexicon
from summarizer.text.names import capitalised_run
from summarizer.text.sentences import CHAIR_WORDS, chairing_verb_at

_NEAR = 25  # characters from a chairing verb to the word of address of a name it governs ("… ដោយ ឯកឧត្តម")
_ABBREVIATION = re.compile(r"\S{1,4}\.$")  # a degree before a name: "ປອ." (Dr.)
_TRAILING = ",;:។៕.()"
_LONGEST_WORD = 14  # characters: a word of a name; longer is a title or a clause ("ដែលជាប្រធានគណៈកម្មាធិការ…")


@dataclass(frozen=True)
class _Addressed:
    name: str
    address: int  # where its word of address starts
    end: int


def addressed_chairs(sentence: str, language: str) -> list[str]:
    """The names a chairing sentence's verb governs: those after it when a word of address follows it at once
    ("ដឹកនាំកិច្ចប្រជុំដោយ ឯកឧត្តម នួន ផា … និង ឯកឧត្តម គីម រិទ្ធី": led by both), else the last name before
    it ("លោក ហ្វាម មិញជីញ បានអញ្ជើញដឹកនាំ…"); [] where the lexicon does not say how names are written."""
    found = lexicon.languages().get(language)
    verb_at = chairing_verb_at(sentence)
    if found is None or found.name_words is None or verb_at is None:
        return []
    verb = CHAIR_WORDS.match(sentence, verb_at)
    verb_end = verb.end() if verb else verb_at
    names = _addressed(sentence, language, found.name_words)
    after = [name for name in names if name.address >= verb_end]
    if after and after[0].address - verb_end <= _NEAR:
        chosen = [after[0]]
        for name in after[1:]:  # "… និង ឯកឧត្តម គីម រិទ្ធី": another joined by "and"
            if not _and_words(language).search(sentence, chosen[-1].end, name.address):
                break
            chosen.append(name)
        return [name.name for name in chosen]
    before = [name for name in names if name.end <= verb_at]
    return [before[-1].name] if before else []


def _addressed(sentence: str, language: str, words: int) -> list[_Addressed]:
    """Each name after a word of address, in order: the next ``words`` spaced words (a degree such as "ປອ."
    passed over), up to a comma or a sentence's end; or the capitalised words of a name in Latin letters."""
    names = []
    for address in _address_words(language).finditer(sentence):
        if not sentence[address.end() : address.end() + 1].isspace():
            continue
        latin = capitalised_run(sentence, address.end())  # "លោក Dang Van Khiem": a name in Latin letters
        if latin is not None:
            names.append(_Addressed(latin[0], address.start(), latin[1]))
            continue
        taken: list[str] = []
        end = address.end()
        for token in re.finditer(r"\S+", sentence[address.end() :]):
            word = token[0]
            if not taken and _ABBREVIATION.fullmatch(word):
                continue
            taken.append(word.rstrip(_TRAILING))
            end = address.end() + token.end()
            if len(taken) == words or word[-1] in _TRAILING:
                break
        if len(taken) == words and all(0 < len(word) <= _LONGEST_WORD for word in taken):
            names.append(_Addressed(" ".join(taken), address.start(), end))
    return names


@functools.cache
def _address_words(language: str) -> re.Pattern[str]:
    return re.compile(lexicon.alternation("address_words", (language,)))


@functools.cache
def _and_words(language: str) -> re.Pattern[str]:
    """An "and" just before a word of address: what is between two names it joins ends with it."""
    return re.compile(rf"(?:{lexicon.alternation('and_words', (language,))})\s*$")


def titled_chairs(sentence: str, language: str) -> list[str]:
    """The name before a title and its subject particle, the nearest ahead of the chairing verb ("하노이
    정부청사에서 팜 민 찐 총리는 … 회의를 주재했다": 팜 민 찐); [] without such a subject or title words."""
    verb_at = chairing_verb_at(sentence)
    titles = _titles_after_names(language)
    if verb_at is None or titles is None:
        return []
    for title in reversed(list(titles.finditer(sentence, 0, verb_at))):
        words: list[str] = []
        for word in reversed(sentence[: title.start()].split()):
            if len(words) == _MOST_NAME_WORDS or not _NAME_WORD.fullmatch(word) or _PARTICLE_END.search(word):
                break
            words.insert(0, word)
        if words:
            return [" ".join(words)]
    return []


_MOST_NAME_WORDS = 3
_NAME_WORD = re.compile(r"[가-힣]{1,4}")
# A word ending in a particle ("끼엔장성에서": in Kien Giang) ends the words before a name.
_PARTICLE_END = re.compile(r"(?:에서|에게|으로|의|과|와|에|을|를)$")


@functools.cache
def _titles_after_names(language: str) -> re.Pattern[str] | None:
    if language not in lexicon.having("titles_after_names"):
        return None
    return re.compile(rf"(?<=\s)(?:{lexicon.alternation('titles_after_names', (language,))})(?=\s)")
