"""A figure's clause made readable on its own, for the model to put into English.

A clause cut at commas often lacks its subject: "bằng 53,4% kế hoạch" (equal to 53.4 % of plan) says
what only the clause before it names ("thu ngân sách đạt 950 tỷ đồng"). Translated
alone it says nothing an analyst can use; led by that clause it says what the figure measures. The
abbreviations Vietnamese reports use for plan, same period and the like are spelt out, since the small
model reads "KH" as "population" and "tỷ đồng" as yuan. The evidence quoted stays the article's clause.
"""

from __future__ import annotations

import re

from summarizer import lexicon
from summarizer.text.sentences import split_clauses

MAX_READABLE_CHARS = 300  # a lead clause that would make the text longer is left out
_FIRST_NUMBER = re.compile(r"\d")
# Abbreviations and currency words, spelt out before translation (as written: case counts).
_SPELT_OUT = {entry.word: entry.full or entry.word for entry in lexicon.entries("spelt_out")}
_ABBREVIATION = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, _SPELT_OUT)) + r")(?![\w-])")
# An amount in a currency ("tỷ đồng"), said with the currency's English (VND); not "đồng chí" (comrade).
_CURRENCIES = [(entry.pattern(), entry.english or entry.word) for entry in lexicon.entries("currencies")]
_AMOUNT = re.compile(
    rf"\b({lexicon.alternation('number_scales')}) ({lexicon.alternation('currencies')})\b", re.IGNORECASE
)


def words_before_number(clause: str) -> int:
    """How many words stand before the clause's first number (0 when it starts with one or has none)."""
    first = _FIRST_NUMBER.search(clause)
    return len(clause[: first.start()].split()) if first else 0


def lacks_subject(clause: str) -> bool:
    """A clause whose number comes after one or two words ("tăng 6,47%", "soit 48,8 %", "alcanzando el
    100%"): a verb or link word, so what the number measures is named before it."""
    return 1 <= words_before_number(clause) <= 2


def readable_clause(clause: str, sentence: str) -> str:
    """``clause`` led by the nearest earlier clause of ``sentence`` that has its own subject, when it lacks
    one (the clauses between, other figures of the same thing, are skipped), with abbreviations spelt out."""
    text = clause.strip()
    clauses = split_clauses(sentence)
    if lacks_subject(text) and text in clauses:
        earlier = clauses[: clauses.index(text)]
        lead = next((c for c in reversed(earlier) if not lacks_subject(c)), None)
        if lead is not None and len(lead) + len(text) + 2 <= MAX_READABLE_CHARS:
            text = f"{lead}, {text}"
    text = _ABBREVIATION.sub(lambda m: _SPELT_OUT[m.group(1)], text)
    return _AMOUNT.sub(lambda m: f"{m[1]} {_in_english(m[2])}", text)


def _in_english(currency: str) -> str:
    """The English of a currency as written ("đồng": VND)."""
    return next((english for pattern, english in _CURRENCIES if pattern.fullmatch(currency)), currency)
