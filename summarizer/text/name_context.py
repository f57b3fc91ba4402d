"""A meeting's name completed by the article around it: the words that follow it and the body that held it.

Articles often name a meeting bare ("Hội nghị lần thứ 36 (mở rộng)", "the 17th meeting (extended)") and
say whose it is in the same sentence, as the subject of a verb of holding: "BCH Đảng bộ tỉnh đã tổ chức
Hội nghị lần thứ 36 (mở rộng)", "El Comité Ejecutivo del Partido del Distrito 8 … celebró la 17ª
Conferencia", "省人民委員会は2024年11月の定例会議を開催し" (the verb after its object). The verbs are
the lexicons' ``hold_verbs``; the body is read by the glossary.
"""

from __future__ import annotations

import re

from summarizer import lexicon
from summarizer.text.fidelity import fold
from summarizer.text.meeting_names import NameParts, parse_name, spaces_words
from summarizer.text.names import names_a_body
from summarizer.text.scripts import main_script
from summarizer.text.titles import supported_titles

_SENTENCE_END = re.compile(r"[.!?。！？\n]")
# Between the verb and the name: at most one short word, an article ("celebró la 17ª Conferencia").
_BETWEEN = re.compile(r"\s*(?:[^\W\d]{1,4}\s+)?$")
_REACH = 200  # characters of the sentence read before the name


def full_name_parts(written: str, text: str, organiser: str | None, language: str) -> NameParts:
    """The parts of a meeting's name, completed by the words that follow it in the article (its body,
    place, term), else by the body its sentence says held it, else by its organiser's body when the
    name names none ("Hội nghị lần thứ 36 (mở rộng)" held by "Ban Chấp hành Đảng bộ tỉnh")."""
    parts = parse_name(written, language)
    at = text.find(written)
    if at >= 0:
        following = parse_name(text[at + len(written) : at + len(written) + 160], language, stop_at_unknown=True)
        following.noun, following.ordinal, following.unknown = None, None, []
        parts = parts.merged(following)
    holder = holder_parts(written, text, language) if parts.body is None else None
    if holder is not None:
        parts = parts.merged(holder)
    if organiser and parts.body is None:
        owner = parse_name(organiser, language)
        if owner.body is not None and not owner.unknown:
            parts.body, parts.level, parts.place = owner.body, owner.level, parts.place or owner.place
    if parts.body is not None and parts.level and not parts.place:
        place = body_place(parts, text, language)
        if place is not None:
            parts.place, parts.place_english = place
    return parts


def body_place(parts: NameParts, text: str, language: str) -> tuple[str, str | None] | None:
    """The place the article gives the name's body where it names that body (at the same level) with one
    ("HĐND huyện Thọ Xuân" for "HĐND huyện"; "ក្រុមប្រឹក្សាខេត្តកណ្តាល" for "ក្រុមប្រឹក្សាខេត្ត"), when every
    such mention gives the same place English can say; else None (an article that names two districts')."""
    found: dict[str, tuple[str, str | None]] = {}
    for pattern, _english in lexicon.patterns("bodies", (language,)):
        for match in pattern.finditer(text):
            # "Phó Chủ tịch HĐND tỉnh Trần Xuân Vinh": after a title, the words are a person's name.
            if supported_titles(text[max(0, match.start() - _TITLE_REACH) : match.start()]):
                continue
            # The place stands just after the body and level: a comma or a line's end closes the mention
            # ("UBND tỉnh; Hồ Thị Nguyên Thảo", "hội nghị UBND tỉnh\n\nTại hội nghị").
            mention = _MENTION_END.split(text[match.start() : match.start() + _REACH], maxsplit=1)[0]
            named = parse_name(mention, language, stop_at_unknown=True)
            if named.body != parts.body or named.level != parts.level or not named.place:
                continue
            english = named.place_english or (named.place if main_script(named.place) == "latin" else None)
            if english is not None:
                found[english.casefold()] = (named.place, named.place_english)
    return next(iter(found.values())) if len(found) == 1 else None


_MENTION_END = re.compile(r"[\n,;:.()!?、，。]")
_TITLE_REACH = 24  # characters before a body where a person's title would stand


def holder_parts(written: str, text: str, language: str) -> NameParts | None:
    """The body (with its level, place and term) that the name's sentence says held the meeting, read
    by the glossary: the subject of a holding verb just before the name; or None."""
    clause = _before_the_verb(written, text, language)
    if clause is None:
        return None
    for start in _subject_starts(clause, language):
        parts = parse_name(clause[start:], language, stop_at_unknown=True)
        opens_unknown = bool(parts.unknown) and clause[start:].startswith(parts.unknown[0])
        if parts.body is None or parts.noun is not None or opens_unknown:
            continue
        if supported_titles(clause[:start]):  # "Chủ tịch UBND huyện Lê Văn Ba đã tổ chức…": a person's title
            return None
        # Only whose the meeting is: the clause's own period or ordinal is not the meeting's.
        return NameParts(
            body=parts.body,
            level=parts.level,
            place=parts.place,
            place_english=parts.place_english,
            term=parts.term,
            term_years=parts.term_years,
        )
    return None


def holder_words(written: str, text: str, language: str) -> str | None:
    """The words of the body that the name's sentence says held the meeting, as written, where no
    glossary reads them (an English article: "The provincial Party Committee held the 17th meeting")."""
    clause = _before_the_verb(written, text, language)
    if clause is None:
        return None
    for start in _subject_starts(clause, language):
        candidate = clause[start:].strip(" ,–-")
        if _ASIDE.search(candidate):
            continue  # "(TS) – The district Party Committee": the subject starts after the dash
        if candidate[:1].isupper() and names_a_body(candidate.casefold()):
            # "Secretary of the Provincial Party Committee Tom Reyes held…": a person held it.
            return None if supported_titles(candidate) & _OFFICES else candidate
    return None


_ASIDE = re.compile(r"[,;:()\[\]–—]")
_OFFICES = frozenset({"secretary", "chair", "governor", "prime", "minister", "head"})  # a person's, not a body's


def other_holder(written: str, text: str, organiser: str, language: str) -> str | None:
    """The holder the name's sentence states when it is not ``organiser``: the subject of the holding verb,
    a noun phrase of three words or more that does not hold the organiser's words ("le groupe d'émulation
    n° 4 … a tenu une conférence", where a model gave "Comité provincial du Parti", a body the article names
    only in a delegate's title); else None."""
    clause = _before_the_verb(written, text, language)
    if clause is None or not spaces_words(language):
        return None
    subject = _CLAUSE_MARK.split(clause)[-1].split("(")[0].strip()
    if len(subject.split()) < 3 or subject[:1].isdigit():
        return None
    # One inside the other is the same body ("Hồ Chí Minh" of "UBND TP. Hồ Chí Minh", cut at "TP.").
    same = fold(organiser) in fold(subject) or fold(subject) in fold(organiser)
    return None if same else subject


def _before_the_verb(written: str, text: str, language: str) -> str | None:
    """The words of the name's sentence before a holding verb that stands just before the name (or before
    the name, where the verb stands just after it)."""
    at = text.find(written)
    if at < 0 or language not in lexicon.having("hold_verbs"):
        return None
    opening = text[max(0, at - _REACH) : at]
    ends = list(_SENTENCE_END.finditer(opening))
    sentence = opening[ends[-1].end() :] if ends else opening
    for pattern, _entry in lexicon.compiled("hold_verbs", (language,)):
        verbs = [match for match in pattern.finditer(sentence) if _BETWEEN.match(sentence, match.end())]
        if verbs:
            return sentence[: verbs[-1].start()].rstrip(" ,")
        # Where the verb follows its object (省人民委員会は第7回会議を開催した), the body opens the sentence.
        if pattern.match(text, at + len(written)):
            return sentence
    return None


# Where a clause's subject may begin: the sentence's start and after a comma (the day, the dateline: "Sáng
# 3/7, BCH Đảng bộ tỉnh…"), not inside brackets, an aside ("… du Parti (Comité central d'organisation) a tenu").
_CLAUSE_MARK = re.compile(r"[,;:、，–—]")
_ARTICLE = re.compile(r"[^\W\d]{1,4}\s+")  # one short word first: "el Comité…", "le groupe…"
_UNSPACED_LEAD = 4  # characters of a place a script without spaces writes before its level (谭山省)


def _subject_starts(clause: str, language: str) -> list[int]:
    """Where the subject of ``clause`` may begin: the start of the clause and of each part after a comma,
    perhaps after one short word; in a script without spaces, a few characters on too."""
    starts = []
    for mark in [0, *(found.end() for found in _CLAUSE_MARK.finditer(clause))]:
        at = len(clause) - len(clause[mark:].lstrip())
        starts.append(at)
        if spaces_words(language):
            article = _ARTICLE.match(clause, at)
            starts += [article.end()] if article else []
        else:
            starts += range(at + 1, min(at + 1 + _UNSPACED_LEAD, len(clause)))
    return starts
