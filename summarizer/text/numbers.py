"""Numbers as an article or an English field writes them: digits, native digits, Roman numerals,
Chinese numerals and ordinal words, each reduced to keys that compare across languages.

"6,47%" and "6.47 percent" are one number; "11.897万亿" and "11,897 trillion" too; "khóa XIX" holds
19, "第二十一次" 21, "dixième" 10, "2567" in a Thai report 2024. A number's keys are its digits
(separators dropped, leading zeros dropped) and, when it has a separator or a scale word after it,
its significant digits ("4.130 tỷ" is also "413": "4.13 trillion").
"""

from __future__ import annotations

import re

from summarizer import lexicon

DIGITS = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*")
# Thousands grouped by spaces, as French and Russian write them ("168 100 milliards").
_SPACED = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?![\d])")
_NATIVE_DIGITS = str.maketrans(
    "០១២៣៤៥៦៧៨៩໐໑໒໓໔໕໖໗໘໙๐๑๒๓๔๕๖๗๘๙０１２３４５６７８９",
    "0123456789" * 4,
)
_ROMAN = re.compile(
    r"(?<![\w'’])(?=[MDCLXVI]{2,}\b|[VX]\b)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\b"
)
# In an article a lone "I" is a numeral too ("lần thứ I"); in English it is the pronoun.
_ROMAN_IN_ARTICLE = re.compile(
    r"(?<![\w'’])(?=[MDCLXVI]+\b)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\b"
)
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
_CJK_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CJK_UNITS = {"十": 10, "百": 100, "千": 1000}
_CJK_NUMERAL = re.compile(r"[〇零一二两兩三四五六七八九十百千]+")
# A scale word (``scale_words``) after a number: its trailing zeros may be the scale's ("4.130 tỷ" is "4.13 trillion").
_SCALE = re.compile(rf"\s?(?:{lexicon.alternation('scale_words')})", re.IGNORECASE)
# "first" in "the first six months", "first quarter": an idiom, not a number the article must hold (``first_idioms``).
_IDIOM_AFTER_FIRST = re.compile(rf"\s+(?:{lexicon.alternation('first_idioms')})\b", re.IGNORECASE)


def ascii_digits(text: str) -> str:
    """``text`` with the digits of other scripts (Khmer ១២, Lao ໑໒, Thai ๑๒, full-width) as ASCII digits."""
    return text.translate(_NATIVE_DIGITS)


def keys_of(token: str, scaled: bool = False) -> set[str]:
    """The keys of a number written with digits ("6,47" -> {"647"}; "4.130" with a scale -> {"4130", "413"})."""
    digits = re.sub(r"\D", "", token.translate(_NATIVE_DIGITS)).lstrip("0") or "0"
    keys = {digits}
    if scaled or re.search(r"[.,]", token):
        keys.add(digits.rstrip("0") or "0")
    return keys


def roman_value(numeral: str) -> int:
    """The value of a Roman numeral ("XIX" -> 19)."""
    total = 0
    for char, following in zip(numeral, [*numeral[1:], ""], strict=True):
        value = _ROMAN_VALUES[char]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total


def cjk_value(numeral: str) -> int | None:
    """The value of a Chinese numeral ("二十一" -> 21, "十八" -> 18, "一百" -> 100), or None."""
    total, digit = 0, None
    for char in numeral:
        if char in _CJK_DIGITS:
            digit = _CJK_DIGITS[char] if digit is None else digit * 10 + _CJK_DIGITS[char]
        elif char in _CJK_UNITS:
            total += (1 if digit is None else digit) * _CJK_UNITS[char]
            digit = None
        else:
            return None
    return total + (digit or 0)


def article_keys(text: str, only: tuple[str, ...] | None = None) -> frozenset[str]:
    """Every number key an article holds, however it writes its numbers (digits in any script, Roman and
    Chinese numerals, ordinal words of the lexicons, or of those ``only`` names; a Buddhist-era year gives its
    common-era year too)."""
    native = text.translate(_NATIVE_DIGITS)
    keys: set[str] = set()
    for match in [*DIGITS.finditer(native), *_SPACED.finditer(native)]:
        keys |= keys_of(match[0], bool(_SCALE.match(native, match.end())))
        value = int(re.sub(r"\D", "", match[0]) or 0)
        if 2400 <= value <= 2700 and not re.search(r"[.,]", match[0]):
            keys.add(str(value - 543))  # the Thai (and Lao) calendar's year
    keys |= {str(roman_value(match[0])) for match in _ROMAN_IN_ARTICLE.finditer(text) if match[0]}
    keys |= {str(cjk) for match in _CJK_NUMERAL.finditer(text) if (cjk := cjk_value(match[0])) is not None}
    keys |= {number for pattern, number in lexicon.patterns("number_words", only) if pattern.search(text)}
    return frozenset(keys)


def english_numbers(text: str) -> list[tuple[str, set[str]]]:
    """Every number an English field states, as (words, keys): digits ("6.47", "25th"), Roman numerals
    ("XIX") and ordinal words ("tenth"; not "first" in "the first six months")."""
    found = [(match[0], keys_of(match[0], bool(_SCALE.match(text, match.end())))) for match in DIGITS.finditer(text)]
    found += [(match[0], {str(roman_value(match[0]))}) for match in _ROMAN.finditer(text) if match[0]]
    for pattern, number in lexicon.patterns("number_words", ("en",)):
        for match in pattern.finditer(text):
            if number == "1" and _IDIOM_AFTER_FIRST.match(text, match.end()):
                continue
            found.append((match[0], {number}))
    return found


def ordinal_suffix(number: int) -> str:
    """ "st", "nd", "rd" or "th" for an English ordinal."""
    return "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


__all__ = [
    "DIGITS",
    "article_keys",
    "cjk_value",
    "english_numbers",
    "keys_of",
    "ordinal_suffix",
    "roman_value",
]
