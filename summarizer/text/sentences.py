"""Splitting text into sentences and clauses, and finding the sentences that say who chaired.

Chairing is said with few verbs in each language, so a small lexicon finds the candidate sentences
far more reliably than a small model reading a whole article does; the model then reads each
short sentence. Articles where the lexicon finds nothing go to the model whole.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_CLAUSE_END = re.compile(r"[,;]\s+")
# Forms of the verbs "to chair / preside / co-chair" (not the nouns: "président", "chairman", "голова").
CHAIR_WORDS = re.compile(
    r"(?:co-?)?pr[ée]sid(?!ent|ence)|\bco-?chair(?:ed|ing|s the)\b|\bchaired\b|\bchairing\b|"
    r"головув|председательств|chủ trì|den vorsitz|主持",
    re.IGNORECASE,
)

# Words that set a task for the period ahead: obligation, continuation, emphasis, requests. Written
# with the seed articles in view (French, Ukrainian) and extended to the other languages the tool
# names; a sentence with none of them can still be found by the whole-article fallback.
DIRECTIVE_WORDS = re.compile(
    r"\b(?:doi(?:t|vent)|devr(?:a|ont)|il (?:est|sera) (?:nécessaire|indispensable)|il faut|il convient|"
    r"continuer à|poursuivre|renforcer|veiller à|se concentrer sur|l['’]accent (?:est|a été) mis|a demandé|"
    r"a exhorté|must|should|needs? to|continue to|called on|urged|requested|asked|"
    r"продовжува|зміцнюва|необхідно|потрібно|слід|звернути увагу|зосеред|сприяти|запропонував|"
    r"необходимо|продолжа|следует|усили|cần|phải|tiếp tục|yêu cầu|đề nghị|"
    r"muss|müssen|soll(?:en)?|weiterhin|debe(?:n)?|es necesario|continuar)",
    re.IGNORECASE,
)


def split_sentences(text: str) -> list[str]:
    """Sentences (and lines), stripped, in reading order."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def split_clauses(sentence: str) -> list[str]:
    """Parts of a sentence between commas and semicolons."""
    return [part.strip() for part in _CLAUSE_END.split(sentence) if part.strip()]


def chair_sentences(text: str, limit: int = 4) -> list[str]:
    """Sentences using a chairing verb, each once, at most ``limit``."""
    return _sentences_with(CHAIR_WORDS, text, limit)


def directive_sentences(text: str, limit: int = 30) -> list[str]:
    """Sentences (30 characters or more) with a directive word, each once, at most ``limit``."""
    return _sentences_with(DIRECTIVE_WORDS, text, limit, min_length=30)


def _sentences_with(words: re.Pattern[str], text: str, limit: int, min_length: int = 0) -> list[str]:
    """The first ``limit`` distinct sentences of ``text`` in which ``words`` matches."""
    found: list[str] = []
    for sentence in split_sentences(text):
        if len(sentence) >= min_length and words.search(sentence) and sentence not in found:
            found.append(sentence)
    return found[:limit]


def split_parts(text: str, limit: int) -> list[str]:
    """The text in parts of at most ``limit`` characters, cut between paragraphs, else sentences.

    Paragraphs are packed greedily in order; a paragraph longer than ``limit`` is cut between its
    sentences, and a sentence longer than ``limit`` (rare: no punctuation) is cut at ``limit``.
    """
    pieces: list[str] = []
    for paragraph in text.split("\n"):
        if len(paragraph) <= limit:
            pieces.append(paragraph)
            continue
        for sentence in split_sentences(paragraph):
            pieces += [sentence[i : i + limit] for i in range(0, len(sentence), limit)]
    parts: list[str] = []
    current = ""
    for piece in pieces:
        joined = f"{current}\n{piece}" if current else piece
        if len(joined) <= limit:
            current = joined
            continue
        if current.strip():
            parts.append(current)
        current = piece
    if current.strip():
        parts.append(current)
    return parts
