"""Whether a place the model copied from the article is where the meeting took place.

The small model copies as "location" words that are no place: a common noun ("parque aquícola"), a
near-copy of a headline ("Tâm Hoàn Thanh" from "TRỌNG TÂM HOÀN THÀNH"), a news agency's dateline
("Roma, 8 nov. (Adnkronos)"), or a title and the name of who chaired ("tỉnh Lê Trí Thanh" from
"Chủ tịch UBND tỉnh Lê Trí Thanh chủ trì"). Each reason below is one of these, seen on the
development set.
"""

from __future__ import annotations

import re

from summarizer import lexicon
from summarizer.text.grounding import ground
from summarizer.text.sentences import chairing_verb_at

_LEVELS = frozenset(lexicon.words("place_levels"))  # "Province", "Oblast": a place's words need not stand so
_DATELINE_AFTER = re.compile(r"\s*,\s*\d{1,2}\b")  # "Roma, 8 nov.", "Hanoi, 3/7"


def why_not_a_place(place: str, text: str) -> str | None:
    """Why ``place`` is not the meeting's place in ``text`` (None when nothing speaks against it)."""
    if not any(char.isupper() for char in place) and any(char.islower() for char in place):
        return "it names no town, region or building"
    if ground(place, text).match != "exact" and not _names_written(place, text):
        return "it is not written so in the article"
    starts = [m.start() for m in re.finditer(re.escape(place), text, re.IGNORECASE)]
    if starts and all(_is_dateline(text, start, len(place)) for start in starts):
        return "it is the dateline of a news agency"
    if any(_chairing_verb_follows(text, start + len(place)) for start in starts):
        return "it is the title and name of who chaired"
    return None


def _chairing_verb_follows(text: str, end: int) -> bool:
    """A chairing verb comes right after ``end`` ("… Lê Trí Thanh chủ trì")."""
    at = chairing_verb_at(text[end : end + 16])
    return at is not None and at <= 1


def _names_written(place: str, text: str) -> bool:
    """Every capitalised word of ``place`` but a level ("Province", "Oblast") stands in ``text`` so spelt:
    "Long An Province" for "Long An Provincial", not "Tâm Hoàn Thanh" for "TÂM HOÀN THÀNH"."""
    names = [w for w in re.findall(r"\w+", place) if w[:1].isupper() and w.casefold() not in _LEVELS]
    return bool(names) and all(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) for word in names)


def _is_dateline(text: str, start: int, length: int) -> bool:
    """The place opens a line and a day follows it ("Roma, 8 nov. (Adnkronos) –")."""
    opens_a_line = not text[:start].strip(" \t") or text[:start].rstrip(" \t").endswith("\n")
    return opens_a_line and bool(_DATELINE_AFTER.match(text, start + length))


# Nouns of rooms and buildings: "Sala de Sessões do Conselho Executivo" is a place though it names a body.
_VENUE = re.compile(rf"(?:the\s+)?(?:{lexicon.alternation('venue_words')})\b", re.IGNORECASE)


def is_a_venue(place: str) -> bool:
    """Whether ``place`` starts with a room or a building ("Sala de Sessões…", "hội trường…")."""
    return bool(_VENUE.match(place.strip()))
