"""The glossary's English for the words of an article: what the model is told when it must translate.

A small model given a concrete example in its prompt answers with the example ("25th Conference of the
Provincial Party Executive Committee" for meetings that were no such thing). So the translating prompts
carry no examples; they carry, instead, the renderings of the very words this article uses
("HĐND = People's Council", "huyện = District"), taken from its language's lexicon.
"""

from __future__ import annotations

import re

from summarizer import lexicon
from summarizer.text import gates

GLOSSARY_CATEGORIES = ("meeting_nouns", "bodies", "levels", "meeting_modifiers")
MOST_TERMS = 12  # lines in a prompt: the words the article uses most specifically come first


def glossary_for(text: str, language: str) -> list[tuple[str, str]]:
    """(words as the article writes them, English) of every glossary term ``text`` uses, longest first."""
    if language not in lexicon.languages():
        return []
    found: dict[str, tuple[str, str]] = {}
    for category in GLOSSARY_CATEGORIES:
        for pattern, english in lexicon.patterns(category, (language,)):
            for match in gates.finditer(pattern, text):
                words = " ".join(match[0].split())
                found.setdefault(words.casefold(), (words, _bare(english)))
    return sorted(found.values(), key=lambda term: -len(term[0]))[:MOST_TERMS]


def glossary_lines(text: str, language: str) -> str:
    """The glossary as prompt lines ("HĐND = People's Council"), or "" when the article uses none."""
    return "\n".join(f"{words} = {english}" for words, english in glossary_for(text, language))


def _bare(english: str) -> str:
    """An English rendering without its slot for the level ("{level} People's Council" -> "People's Council")."""
    return re.sub(r"\s+", " ", english.replace("{level}", "")).strip()
