"""Official titles: what a chair's role says in English, and what title words a sentence supports.

These reports name people with long titles ("Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy", "secrétaire
du Comité provincial du Parti"). A small model translates them loosely and, with no title in view,
invents one ("Provincial Party Secretary" for everyone). So roles are read from the words around a
chair's name with a glossary of the common titles where it knows them (Vietnamese, and the French,
English, German, Spanish, Portuguese, Italian, Russian and Ukrainian of their translations), and a
role the model gives is kept only when the titles it claims stand in the sentence.
"""

from __future__ import annotations

import re

from summarizer import lexicon
from summarizer.text import gates
from summarizer.text.names import name_words


def _stems_saying(english: str, language: str) -> str:
    """The ``title_stems`` of ``language`` that say ``english`` ("deputy": "phó"), as one alternation (one that
    never matches when there are none)."""
    stems = [entry.word for entry in lexicon.entries("title_stems", (language,)) if entry.english == english]
    return "|".join(stems) or "(?!)"


# The words are the lexicons' (most specific first): ``offices`` (Secretary), ``title_bodies`` (with {level} for
# the administrative level), ``title_levels``, ``level_stems`` (how a level begins: its English) and the whole
# ``title_phrases`` of translated reports. Deputy ("phó") and standing ("thường trực") are ``title_stems`` read apart.
_OFFICES = tuple(lexicon.renderings("offices", ("vi",)))
_BODIES = tuple(lexicon.renderings("title_bodies", ("vi",)))
_LEVELS = dict(lexicon.renderings("level_stems", ("vi",)))
_VIETNAMESE_TITLE = re.compile(
    r"(?P<deputy>(?:" + _stems_saying("deputy", "vi") + r") )?"
    r"(?P<office>" + lexicon.alternation("offices", ("vi",)) + r")"
    r"(?P<standing> (?:" + _stems_saying("standing", "vi") + r"))?"
    r"(?: (?P<body>" + lexicon.alternation("title_bodies", ("vi",)) + r"))?"
    r"(?: (?P<level>" + lexicon.alternation("title_levels", ("vi",)) + r"))?",
    re.IGNORECASE,
)
# French titles of translated reports: (vice-)président / secrétaire (adjoint) (permanent) du <body> <level>.
_FRENCH_TITLE = re.compile(
    r"(?P<vice>vice-)?(?P<office>" + lexicon.alternation("offices", ("fr",)) + r")"
    r"(?P<deputy> (?:" + _stems_saying("deputy", "fr") + r"))?"
    r"(?P<standing> (?:" + _stems_saying("standing", "fr") + r"))?"
    r" (?:du|de la) (?P<body>" + lexicon.alternation("title_bodies", ("fr",)) + r")"
    r"(?: (?P<level>" + lexicon.alternation("title_levels", ("fr",)) + r"))?",
    re.IGNORECASE,
)
_FRENCH_OFFICES = dict(lexicon.renderings("offices", ("fr",)))
_FRENCH_BODIES = dict(lexicon.renderings("title_bodies", ("fr",)))
_FRENCH_LEVELS = dict(lexicon.renderings("level_stems", ("fr",)))
# Whole titles of translated reports: (every language's words for one title, its English), in the order a role
# lists the titles it finds (each file's order, merged: de.toml's Landrat before its Bürgermeister).
_PHRASE_WORDS = lexicon.by_value("title_phrases")
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(_PHRASE_WORDS[english], re.IGNORECASE), english) for english in lexicon.merged_order("title_phrases")
)


def _stems(category: str) -> dict[str, re.Pattern[str]]:
    """Each English word the entries of ``category`` say ("people's council" says two) and one pattern of the
    stems that say it, to be searched in text without case (``str.casefold``)."""
    stems: dict[str, list[str]] = {}
    for entry in lexicon.entries(category):
        for english in (entry.english or "").split():
            stems.setdefault(english, []).append(entry.word)
    return {english: re.compile("|".join(words)) for english, words in stems.items()}


# Title words, and bodies and levels, in English with the stems that say them in each language (``title_stems``,
# ``body_stems``), and the words of an English role that claim them (``role_titles``, ``role_bodies``): a role the
# model gives may not claim a title or a body the words around the name do not say.
_TITLE_STEMS = _stems("title_stems")
_BODY_STEMS = _stems("body_stems")
_ENGLISH_TITLE_WORDS = dict(lexicon.renderings("role_titles"))
_ENGLISH_BODY_WORDS = dict(lexicon.renderings("role_bodies"))


def claimed_bodies(role: str) -> set[str]:
    """The bodies and levels an English role names ("Chairman of the Provincial People's Council")."""
    words = name_words(role.replace("-", " ").replace("’", "'"))
    return {_ENGLISH_BODY_WORDS[word] for word in words if word in _ENGLISH_BODY_WORDS}


def supported_bodies(text: str) -> set[str]:
    """The bodies and levels ``text`` (in any of the glossary's languages) names."""
    folded = text.casefold()
    return {body for body, stems in _BODY_STEMS.items() if stems.search(folded)}


def english_role(context: str) -> str | None:
    """The English role the glossary reads in ``context`` (the words around a name), or None."""
    titles = [english for pattern, english in _PHRASES if gates.search(pattern, context)]
    titles += [_vietnamese(match) for match in gates.finditer(_VIETNAMESE_TITLE, context)]
    titles += [_french(match) for match in gates.finditer(_FRENCH_TITLE, context)]
    unique = list(dict.fromkeys(title for title in titles if title))
    return ", ".join(unique) if unique else None


def claimed_titles(role: str) -> set[str]:
    """The title words an English role claims ("Provincial Party Secretary" -> {"secretary"})."""
    return {_ENGLISH_TITLE_WORDS[word] for word in name_words(role.replace("-", " ")) if word in _ENGLISH_TITLE_WORDS}


def supported_titles(text: str) -> set[str]:
    """The title words ``text`` (in any of the glossary's languages) says."""
    folded = text.casefold()
    return {title for title, stems in _TITLE_STEMS.items() if stems.search(folded)}


def _french(match: re.Match[str]) -> str:
    body_words = match["body"].lower()
    level_words = f"{match['level'] or ''} {body_words}".lower()
    level = next((english for word, english in _FRENCH_LEVELS.items() if word in level_words), "")
    body = _FRENCH_BODIES.get(body_words, "Party Committee")
    office = _FRENCH_OFFICES[match["office"].lower()]
    deputy = (
        "Vice " if match["vice"] and office == "Chairman" else ("Deputy " if match["vice"] or match["deputy"] else "")
    )
    standing = "Standing " if match["standing"] else ""
    return " ".join(f"{standing}{deputy}{office} of the {level} {body}".split())


def _vietnamese(match: re.Match[str]) -> str:
    office = next(english for pattern, english in _OFFICES if re.fullmatch(pattern, match["office"], re.IGNORECASE))
    body_words = (match["body"] or "").lower()
    level_word = (match["level"] or body_words.split(" ")[0] if body_words else "").lower()
    level = next((english for word, english in _LEVELS.items() if level_word.startswith(word)), "")
    body = next(
        (english for pattern, english in _BODIES if body_words and re.fullmatch(pattern, body_words, re.IGNORECASE)), ""
    )
    prefix = ("Standing " if match["standing"] else "") + ("Deputy " if match["deputy"] else "")
    if office in ("Prime Minister", "Minister"):
        return prefix + office
    if not body:
        return ""  # an office with no body named ("Chủ tịch" alone) says too little to translate
    if office == "Chairman" and match["deputy"]:
        prefix = prefix.replace("Deputy ", "Vice ")
    return f"{prefix}{office} of the " + " ".join(body.format(level=level).split())


def title_holders(text: str) -> list[tuple[str, str]]:
    """(English title, name) for every title the glossary knows that a name follows directly
    ("le Premier ministre Nguyen Xuan Phuc", "Thủ tướng Phạm Minh Chính")."""
    from summarizer.text.names import capitalised_run

    holders = []
    for pattern, english in _PHRASES:
        for match in gates.finditer(pattern, text):
            run = capitalised_run(text, match.end())
            if run is not None:
                holders.append((english, run[0]))
    for match in gates.finditer(_VIETNAMESE_TITLE, text):
        run = capitalised_run(text, match.end())
        if run is not None and (title := _vietnamese(match)):
            holders.append((title, run[0]))
    return holders


_TITLE_FILLERS = frozenset(lexicon.words("title_fillers"))


def is_a_title(name: str) -> bool:
    """Whether a "name" is only a title ("Prime Minister", "le Premier ministre", "Bí thư Tỉnh ủy")."""
    words = [word for word in name_words(name) if word not in _TITLE_FILLERS]
    english = all(word in _ENGLISH_TITLE_WORDS for word in words)
    return bool(words) and (english or (english_role(name) is not None and len(words) <= 4))
