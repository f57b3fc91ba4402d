"""A meeting's name in English by rule, from the closed vocabulary such names are made of.

"Kỳ họp thứ 9, HĐND tỉnh Lam Sơn khóa XIX" is a meeting noun (Session), its ordinal (9), a body
(People's Council) at a level (Provincial) of a place (Lam Sơn) in a term (XIX): "9th Session of the
19th Lam Son Provincial People's Council", without asking the model, which turned such names into
"the 17th meeting of the XVIII National Committee of the People's Republic of China". The words come
from the article's lexicon (meeting_nouns, ordinals, bodies, levels, terms, meeting_modifiers,
periods, name_joiners); a name with a word the lexicon does not know is only partly parsed, and the
parts found still say what the model's translation must not contradict.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from summarizer import lexicon
from summarizer.text.numbers import ascii_digits, cjk_value, ordinal_suffix, roman_value
from summarizer.text.scripts import main_script

# A month's English name by its number (en.toml's ``months``), for the periods that name a month ("{month:1}").
_MONTHS = {int(entry.english or 0): entry.word for entry in lexicon.entries("months", ("en",))}
# A number as names write it: digits of any script, a Roman numeral, a Chinese numeral.
_NUMBER = r"([\d០-៩໐-໙๐-๙]{1,3}|[IVXLC]+(?![a-z])|[〇零一二两三四五六七八九十百]+)"
_PUNCTUATION = re.compile(r"[\s,;:()\[\]\-–—]+")
_WORD = re.compile(r"[^\s,;:()\[\]]+")


@dataclass
class NameParts:
    """What a meeting's name says, each part in English where the lexicon renders it."""

    noun: str | None = None
    ordinal: int | None = None
    modifiers: list[str] = field(default_factory=list)
    body: str | None = None  # English, with {level} where the level goes
    level: str | None = None
    place: str | None = None  # as written
    place_english: str | None = None  # the gazetteer's, for a place written in another script
    term: int | None = None
    term_years: str | None = None
    period: str | None = None
    unknown: list[str] = field(default_factory=list)  # words the lexicon does not know
    # A second meeting noun or body: the name speaks of two ("UBND huyện họp … trình kỳ họp thứ 7 HĐND"),
    # and which part belongs to which is more than the rule can say.
    conflict: bool = False
    _noun_after_body: bool = field(default=False, repr=False)

    @property
    def complete(self) -> bool:
        """Whether every word was understood and there is a meeting noun: the English can be said by rule."""
        return self.noun is not None and not self.unknown and not self.conflict

    def numbers(self) -> set[int]:
        """The numbers the name states (ordinal, term), which an English name must keep."""
        return {number for number in (self.ordinal, self.term) if number is not None}

    def merged(self, other: NameParts) -> NameParts:
        """These parts completed by another name's (the organiser's body, the words after the name)."""
        return NameParts(
            noun=self.noun if self.noun is not None else other.noun,
            ordinal=self.ordinal if self.ordinal is not None else other.ordinal,
            modifiers=self.modifiers or other.modifiers,
            body=self.body or other.body,
            level=self.level or other.level,
            place=self.place or other.place,
            place_english=self.place_english or other.place_english,
            term=self.term if self.term is not None else other.term,
            term_years=self.term_years or other.term_years,
            period=self.period or other.period,
            unknown=self.unknown,
            conflict=self.conflict,
        )


def parse_name(written: str, language: str, stop_at_unknown: bool = False) -> NameParts:
    """The parts of a meeting's name (or a body's name) as the article writes it, in its language; with
    ``stop_at_unknown``, only the parts before the first word the lexicon does not know (the words that
    follow a name in its sentence: "… HĐND huyện Tam Sơn khóa XX, nhiệm kỳ 2021-2026 đã khai mạc").

    In a script written without spaces between words (乂安省第十八届人民议会…), the letters no word of the
    lexicon reads are gathered, and those just before a level (省, 성, ແຂວງ) are the place."""
    tokens, spaced, any_token = _tokens(language), spaces_words(language), _any_token(language)
    parts = NameParts()
    position, last, pending = 0, "", ""
    while position < len(written) and not (stop_at_unknown and parts.unknown):
        gap = _PUNCTUATION.match(written, position)
        if gap:
            parts.unknown += [pending] if pending else []
            position, pending = gap.end(), ""
            continue
        # Most positions start no word of the lexicon: one alternation of them all says so at once.
        for kind, pattern, english in tokens if any_token.match(written, position) else ():
            match = pattern.match(written, position)
            if match and match.end() > position:
                if pending and kind == "level" and not parts.place:
                    _take_place(parts, pending, None)
                elif pending:
                    parts.unknown.append(pending)
                _take(parts, kind, match, english, language)
                position, last, pending = match.end(), kind, ""
                break
        else:
            place = _place_at(written, position) if spaced and last in ("level", "body") and not parts.place else None
            if place is not None:
                parts.place, position, last = place[0], place[1], "place"
            elif spaced:
                word = _WORD.match(written, position)
                parts.unknown.append(word[0] if word else written[position])
                position = word.end() if word else position + 1
            else:
                pending, position = pending + written[position], position + 1
    parts.unknown += [pending] if pending else []
    return parts


def _take_place(parts: NameParts, written: str, english: str | None) -> None:
    """A place: in Latin letters it is said as written; in another script only the gazetteer can say it."""
    parts.place, parts.place_english = written, english
    if english is None and main_script(written) not in (None, "latin"):
        parts.unknown.append(written)


def _place_at(text: str, start: int) -> tuple[str, int] | None:
    """The run of capitalised words at ``start`` ("Lam Sơn", "Bà Rịa - Vũng Tàu", "BR-VT") and its end, or None."""
    end = start
    for word in _WORD.finditer(text, start):
        if text[end : word.start()].strip(" -") or not word[0][0].isupper():
            break
        end = word.end()
    return (text[start:end], end) if end > start else None


def english_name(parts: NameParts) -> str | None:
    """The English name the parts make ("9th Session of the 19th Lam Son Provincial People's Council"),
    or None with no meeting noun."""
    if parts.noun is None or parts.conflict:
        return None
    head = " ".join([*([_ordinal(parts.ordinal)] if parts.ordinal else []), *parts.modifiers, parts.noun])
    extras = [parts.period] if parts.period else []
    if parts.body:
        body = parts.body.format(level=parts.level or "")
        latin = main_script(parts.place or "") == "latin"
        place = parts.place_english or (_latin(_unshouted(parts.place)) if latin else None)
        owner = " ".join(filter(None, [_ordinal(parts.term) if parts.term else None, place, body]))
        head += " of the " + " ".join(owner.split())
    elif parts.term:
        extras.append(f"{_ordinal(parts.term)} tenure")
    if parts.term_years:
        extras.append(f"{parts.term_years} term")
    return head + (f" ({', '.join(extras)})" if extras else "")


def _take(parts: NameParts, kind: str, match: re.Match[str], english: str | None, language: str) -> None:
    # Two meeting nouns, or a body, then the noun, then another body: the name speaks of two meetings or
    # two bodies. Two bodies before the noun make one (河内市委 … 执行委员会: the city's party executive).
    if (kind == "noun" and parts.noun is not None) or (
        kind == "body" and parts.body is not None and parts._noun_after_body
    ):
        parts.conflict = True
    if kind == "noun" and parts.body is not None:
        parts._noun_after_body = True
    if kind == "noun" and parts.noun is None:
        parts.noun = english
    elif kind == "ordinal" and parts.ordinal is None:
        parts.ordinal = int(english) if english else _value(match)
    elif kind == "modifier" and english:
        parts.modifiers.append(english)
    elif kind == "body" and parts.body is None:
        parts.body = english
        level = next((e for p, e in lexicon.patterns("levels", (language,)) if p.search(match[0])), None)
        parts.level = parts.level or level
    elif kind == "level" and parts.level is None:
        parts.level = english
    elif kind == "term" and match.lastindex:
        parts.term = _value(match)
    elif kind == "term_years":
        parts.term_years = f"{match[1]}-{match[2]}"
    elif kind == "period" and english:
        parts.period = _period(english, match)
    elif kind == "place" and not parts.place:
        _take_place(parts, match[0], english)


def _value(match: re.Match[str]) -> int | None:
    """The number a match's last group writes: digits (of any script), a Roman numeral or a Chinese numeral."""
    text = ascii_digits(match[match.lastindex or 0])
    if text.isdigit():
        return int(text)
    return roman_value(text) if re.fullmatch(r"[IVXLC]+", text) else cjk_value(text)


def _period(template: str, match: re.Match[str]) -> str:
    def fill(slot: re.Match[str]) -> str:
        value = match[int(slot[2])]
        if slot[1] == "month:":
            return _MONTHS.get(int(value), value)
        return value

    return re.sub(r"\{(month:)?(\d)\}", fill, template)


def spaces_words(language: str) -> bool:
    """Whether the language spaces its words (its lexicon says so; true for a language without one)."""
    found = lexicon.languages().get(language)
    return found is None or found.word_boundaries is True


@functools.cache
def _tokens(language: str) -> list[tuple[str, re.Pattern[str], str | None]]:
    """(kind, pattern, English) of every word of a meeting's name in ``language``, in the order they are tried.

    An ordinal or term entry with a group is a whole pattern, its group the number ("第(…)届", "제(\\d+)차");
    one without is a marker the number follows ("lần thứ 25", "khóa XIX"). Where words are not spaced,
    they are matched wherever they stand (a level is written onto its place: 탄호아시)."""
    if language not in lexicon.languages():
        return []
    spaced, only = spaces_words(language), (language,)

    def compiled(word: str) -> re.Pattern[str]:
        return re.compile(lexicon.bounded(word, True) if spaced else word, re.IGNORECASE)

    def numbered(word: str) -> re.Pattern[str]:
        whole = re.compile(word).groups > 0
        return compiled(word) if whole else re.compile(rf"(?:{word})\s*{_NUMBER}", re.IGNORECASE)

    tokens: list[tuple[str, re.Pattern[str], str | None]] = []
    tokens += [("period", compiled(entry.word), entry.english) for entry in lexicon.entries("periods", only)]
    for entry in lexicon.entries("terms", only):
        if re.compile(entry.word).groups == 0:
            years = rf"(?:{entry.word})\s+(\d{{4}})\s*[-–~]\s*(\d{{4}})"
            tokens.append(("term_years", compiled(years), None))
        tokens.append(("term", numbered(entry.word), None))
    tokens += [("ordinal", numbered(entry.word), None) for entry in lexicon.entries("ordinals", only)]
    tokens += [("ordinal", compiled(entry.word), entry.english) for entry in lexicon.entries("number_words", only)]
    for kind, category in (
        ("place", "places"),
        ("noun", "meeting_nouns"),
        ("modifier", "meeting_modifiers"),
        ("body", "bodies"),
        ("level", "levels"),
        ("joiner", "name_joiners"),
    ):
        tokens += [(kind, compiled(entry.word), entry.english) for entry in lexicon.entries(category, only)]
    return tokens


@functools.cache
def _any_token(language: str) -> re.Pattern[str]:
    """One pattern that matches where any of ``_tokens(language)`` does (and maybe elsewhere): their
    alternation, or, where they cannot be joined (a group name, a back reference or condition, a flag
    set inside), a pattern that matches everywhere."""
    patterns = [pattern for _, pattern, _ in _tokens(language)]
    joinable = all(
        pattern.flags == re.IGNORECASE | re.UNICODE
        and not pattern.groupindex
        and not re.search(r"\\\d|\(\?P=|\(\?\(|\(\?[aiLmsux]+\)", pattern.pattern)
        for pattern in patterns
    )
    if not joinable:
        return re.compile("")
    try:
        return re.compile("|".join(f"(?:{pattern.pattern})" for pattern in patterns) or "(?!)", re.IGNORECASE)
    except re.error:
        return re.compile("")


def _ordinal(number: int | None) -> str:
    return f"{number}{ordinal_suffix(number)}" if number is not None else ""


def _unshouted(place: str | None) -> str | None:
    """A place of two words or more in capitals, as a headline writes it ("VI HƯƠNG"), in title case: English
    does not shout, and "VI" would read as a Roman six. One word in capitals ("BR-VT") is an abbreviation."""
    if place is None or len(place.split()) < 2 or not place.isupper():
        return place
    return " ".join(word.capitalize() for word in place.split())


def _latin(place: str | None) -> str | None:
    """A Vietnamese place in Latin letters without diacritics ("Lam Sơn" -> "Lam Son"), as English writes it."""
    if place is None:
        return None
    decomposed = unicodedata.normalize("NFKD", place.replace("Đ", "D").replace("đ", "d"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))
