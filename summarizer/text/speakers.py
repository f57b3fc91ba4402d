"""Who sets the task in a directive's sentence: the name that is the subject of its directive verb.

"Ana Pérez Ruiz, primera secretaria del Partido en la provincia, llamó a…", "Заместитель
губернатора Иван Петров поручил…": a name (two to four capitalised words, not a body nor a
title), then perhaps an apposition of titles between commas, then the verb. People who are neither
chairs nor named after a known title give most directives in these reports.
"""

from __future__ import annotations

import re

from summarizer import lexicon
from summarizer.text.grounding import looks_like_a_name
from summarizer.text.names import capitalised_run, names_a_body
from summarizer.text.sentences import DIRECTIVE_WORDS
from summarizer.text.titles import is_a_title, supported_titles

_ARTICLES = frozenset(word.casefold() for word in lexicon.words("articles"))
# A level word (``levels_before_names``) right before the name makes it a place ("huyện Yên Lạc tiếp tục…"), not
# a person. Not Russian "провинции": there it ends the title before a name ("…комитета провинции Нгуен Ван Зунг").
_LEVEL_BEFORE = re.compile(rf"(?:{lexicon.alternation('levels_before_names')})\s+$", re.IGNORECASE)
_WORD_START = re.compile(r"(?<![\w'’-])[^\W\d_]")
_VERB_WITHIN = 12  # characters between the name (or its titles) and the verb: "a chargé", "ha suggerito"
_APPOSITION_CHARS = 160


def speaker(sentence: str) -> str | None:
    """The first name the sentence gives as the subject of a directive word (the subject comes before
    the object: "Иван Петров поручил Анне Ивановой подготовить…"), or None."""
    found = (name for name, end in _names(sentence) if _verb_follows(sentence, _past_titles(sentence, end)))
    return next(found, None)


def _names(sentence: str) -> list[tuple[str, int]]:
    """Runs of capitalised words that look like a person's name, each with where it ends."""
    names = []
    for start in (m.start() for m in _WORD_START.finditer(sentence)):
        if not sentence[start].isupper() or _capitalised_before(sentence, start):
            continue
        run = capitalised_run(sentence, start)
        if run is None:
            continue
        name, end = run
        if _title_goes_on(name, sentence[end:]):  # "Tổng Bí thư đề nghị": a title, not "Tổng Bí"
            continue
        if _a_person(name) and not _LEVEL_BEFORE.search(sentence[:start]):
            names.append((name, end))
    return names


def _title_goes_on(name: str, rest: str) -> bool:
    """Whether the capitalised words and the lowercase word after them make a title ("Tổng Bí" + "thư")."""
    following = rest.split(maxsplit=1)[:1]
    return bool(following) and following[0].islower() and bool(supported_titles(f"{name} {following[0]}"))


def _a_person(name: str) -> bool:
    """Capitalised words that may be a person's name: not a body, a title or a noun after an article
    ("Die Vaterländische Front": German capitalises its nouns)."""
    if name.split()[0].casefold() in _ARTICLES or names_a_body(name) or is_a_title(name):
        return False
    return looks_like_a_name(name) and not supported_titles(name)


def _capitalised_before(sentence: str, start: int) -> bool:
    """The word before ``start`` is capitalised too: ``start`` is inside a run, not its head."""
    before = sentence[:start].rstrip(" ")
    if len(before) == len(sentence[:start]):  # no space: punctuation or the sentence's start
        return False
    words = before.split()
    return bool(words) and words[-1][:1].isupper() and words[-1][-1:].isalpha()


def _past_titles(sentence: str, end: int) -> int:
    """After an apposition of titles (", primer secretario del Partido,"), else ``end`` itself."""
    following = sentence[end : end + _APPOSITION_CHARS]
    if not following.startswith(","):
        return end
    close = following.find(",", 1)
    if close < 0 or not supported_titles(following[1:close]):
        return end
    return end + close + 1


def _verb_follows(sentence: str, at: int) -> bool:
    """A directive word starts within a few characters of ``at``."""
    verb = DIRECTIVE_WORDS.search(sentence, at, at + _VERB_WITHIN + 40)
    return verb is not None and verb.start() - at <= _VERB_WITHIN
