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
from summarizer.text.names import name_words

# The words are the lexicons' (most specific first): ``offices`` (Secretary), ``title_bodies`` (with {level} for
# the administrative level), ``title_levels``, ``level_stems`` (how a level begins: its English) and the whole
# ``title_phrases`` of translated reports. "Phó" (deputy) and "Thường trực" (standing) are read apart.
_OFFICES = tuple(lexicon.renderings("offices", ("vi",)))
_BODIES = tuple(lexicon.renderings("title_bodies", ("vi",)))
_LEVELS = dict(lexicon.renderings("level_stems", ("vi",)))
_VIETNAMESE_TITLE = re.compile(
    r"(?P<deputy>phó )?(?P<office>" + lexicon.alternation("offices", ("vi",)) + r")(?P<standing> thường trực)?"
    r"(?: (?P<body>" + lexicon.alternation("title_bodies", ("vi",)) + r"))?"
    r"(?: (?P<level>" + lexicon.alternation("title_levels", ("vi",)) + r"))?",
    re.IGNORECASE,
)
# French titles of translated reports: (vice-)président / secrétaire (adjoint) (permanent) du <body> <level>.
_FRENCH_TITLE = re.compile(
    r"(?P<vice>vice-)?(?P<office>" + lexicon.alternation("offices", ("fr",)) + r")(?P<deputy> adjoint)?"
    r"(?P<standing> permanent)? (?:du|de la) (?P<body>" + lexicon.alternation("title_bodies", ("fr",)) + r")"
    r"(?: (?P<level>" + lexicon.alternation("title_levels", ("fr",)) + r"))?",
    re.IGNORECASE,
)
_FRENCH_OFFICES = dict(lexicon.renderings("offices", ("fr",)))
_FRENCH_BODIES = dict(lexicon.renderings("title_bodies", ("fr",)))
_FRENCH_LEVELS = dict(lexicon.renderings("level_stems", ("fr",)))
# The order a role lists the whole titles it finds in (a German report's Landrat before its Bürgermeister); a
# title not listed comes after, in the lexicons' order.
_ROLE_ORDER = (
    "Member of the Provincial Party Standing Committee",
    "Head of the Organisation Commission",
    "Head of the Emulation Group",
    "Member of the Party Central Committee",
    "Prime Minister",
    "Governor",
    "District Administrator",
    "Mayor",
)
# Whole titles of translated reports: (every language's words for one title, its English).
_PHRASES: tuple[tuple[str, str], ...] = tuple(
    sorted(
        ((words, english) for english, words in lexicon.by_value("title_phrases").items()),
        key=lambda phrase: _ROLE_ORDER.index(phrase[1]) if phrase[1] in _ROLE_ORDER else len(_ROLE_ORDER),
    )
)
# Title words in English and the words that say them in each language (lowercase stems).
TITLE_STEMS: dict[str, tuple[str, ...]] = {
    "secretary": ("secretar", "secrétaire", "bí thư", "секретар", "sekretär", "segretari"),
    "chair": ("chair", "président", "presiden", "chủ tịch", "chủ nhiệm", "председател", "голов", "vorsitz"),
    "deputy": ("deputy", "vice", "adjoint", "phó", "заместител", "заступник", "stellvertret", "vize"),
    "standing": ("standing", "permanent", "thường trực", "постоян", "постійн", "ständig"),
    "governor": ("governor", "gouverneur", "gobernador", "governador", "governator", "губернатор"),
    "prime": ("prime", "premier", "thủ tướng", "премьер", "прем'єр", "primer", "primeiro"),
    "minister": ("minist", "bộ trưởng", "министр", "міністр"),
    "head": ("head", "chef", "trưởng", "глава", "голова", "leiter", "jefe", "chefe", "capo"),
    "member": ("member", "membre", "ủy viên", "член", "mitglied", "miembro", "membro"),
}
_ENGLISH_TITLE_WORDS = {
    "secretary": "secretary",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
    "chair": "chair",
    "president": "chair",
    "deputy": "deputy",
    "vice": "deputy",
    "standing": "standing",
    "governor": "governor",
    "prime": "prime",
    "minister": "minister",
    "head": "head",
    "member": "member",
}


# Bodies and levels an English role names, and the words that say them in each language (lowercase stems):
# a role the model gives may not claim a body the words around the name do not name.
BODY_STEMS: dict[str, tuple[str, ...]] = {
    "council": ("council", "conseil", "hđnd", "hội đồng", "совет", "рад", "rat", "consejo", "conselho", "consiglio"),
    "committee": ("committee", "comité", "ủy", "ubnd", "комитет", "комітет", "komitee", "ausschuss", "comitato"),
    "people's": ("people", "populaire", "nhân dân", "hđnd", "ubnd", "народн", "volks", "popular", "popolare"),
    "party": ("party", "parti", "đảng", "tỉnh ủy", "huyện ủy", "thành ủy", "парт", "partei", "partido", "partito"),
    "provincial": ("provinc", "tỉnh", "област", "облас", "provinz"),
    "district": ("district", "huyện", "район", "району", "райдерж", "kreis", "distrito", "distretto"),
    "city": ("city", "ville", "thành phố", "thành ủy", "город", "міськ", "stadt", "ciudad", "città", "cidade"),
}
_ENGLISH_BODY_WORDS = {
    "council": "council",
    "committee": "committee",
    "people's": "people's",
    "peoples": "people's",
    "people": "people's",
    "party": "party",
    "provincial": "provincial",
    "province": "provincial",
    "district": "district",
    "city": "city",
}


def claimed_bodies(role: str) -> set[str]:
    """The bodies and levels an English role names ("Chairman of the Provincial People's Council")."""
    words = name_words(role.replace("-", " ").replace("’", "'"))
    return {_ENGLISH_BODY_WORDS[word] for word in words if word in _ENGLISH_BODY_WORDS}


def supported_bodies(text: str) -> set[str]:
    """The bodies and levels ``text`` (in any of the glossary's languages) names."""
    folded = text.casefold()
    return {body for body, stems in BODY_STEMS.items() if any(stem in folded for stem in stems)}


def english_role(context: str) -> str | None:
    """The English role the glossary reads in ``context`` (the words around a name), or None."""
    titles = [english for pattern, english in _PHRASES if re.search(pattern, context, re.IGNORECASE)]
    titles += [_vietnamese(match) for match in _VIETNAMESE_TITLE.finditer(context)]
    titles += [_french(match) for match in _FRENCH_TITLE.finditer(context)]
    unique = list(dict.fromkeys(title for title in titles if title))
    return ", ".join(unique) if unique else None


def claimed_titles(role: str) -> set[str]:
    """The title words an English role claims ("Provincial Party Secretary" -> {"secretary"})."""
    return {_ENGLISH_TITLE_WORDS[word] for word in name_words(role.replace("-", " ")) if word in _ENGLISH_TITLE_WORDS}


def supported_titles(text: str) -> set[str]:
    """The title words ``text`` (in any of the glossary's languages) says."""
    folded = text.casefold()
    return {title for title, stems in TITLE_STEMS.items() if any(stem in folded for stem in stems)}


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
    patterns = [(re.compile(pattern, re.IGNORECASE), english) for pattern, english in _PHRASES]
    for pattern, english in patterns:
        for match in pattern.finditer(text):
            run = capitalised_run(text, match.end())
            if run is not None:
                holders.append((english, run[0]))
    for match in _VIETNAMESE_TITLE.finditer(text):
        run = capitalised_run(text, match.end())
        if run is not None and (title := _vietnamese(match)):
            holders.append((title, run[0]))
    return holders


_TITLE_FILLERS = {"the", "of", "le", "la", "du", "de", "des", "der", "die", "del", "party", "provincial", "district"}


def is_a_title(name: str) -> bool:
    """Whether a "name" is only a title ("Prime Minister", "le Premier ministre", "Bí thư Tỉnh ủy")."""
    words = [word for word in name_words(name) if word not in _TITLE_FILLERS]
    english = all(word in _ENGLISH_TITLE_WORDS for word in words)
    return bool(words) and (english or (english_role(name) is not None and len(words) <= 4))
