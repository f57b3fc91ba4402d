"""Is an English field true to its article? What it says that the article cannot account for.

The small model writes fluent English that is not always the article's: a "28th" conference that was
the 18th, "billion yuan" for a budget in đồng, "Shenyang Steel", "Phupbinh" for Phú Bình. An English
field is traced back to its article:

- every number (digits, Roman numerals, ordinal words) must be one of the article's, however the
  article writes it (``text.numbers``);
- every country (or a place or party that stands for one: Beijing, CPC) and every currency after a
  figure must be named in the article, in any language of the lexicons (``countries``, ``currencies``);
- in an article written in Latin letters, every name (a capitalised word that is no common English
  word) must stand in it, accents and spaces aside ("Ha Tinh" is "Hà Tĩnh", "Hanoi" is "Hà Nội").
  Names in other scripts are transliterated in ways folding cannot trace ("Чан Куок Выонг" is Tran
  Quoc Vuong), so there a name is checked only when it is a place of the lexicons' gazetteers
  (``places``: "Bangkok" must be กรุงเทพ in a Thai article, not in a Lao one that never names it).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from summarizer import lexicon
from summarizer.text.language import detect_language
from summarizer.text.numbers import article_keys, english_numbers
from summarizer.text.scripts import main_script

COMMON_ZIPF = 3.0  # words at least this frequent in English (wordfreq's Zipf scale) are no names
RARE_ZIPF = 1.5  # below this even the large list barely knows a word: an opening word this rare is a name
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*")
# A figure before a currency's name: a number with its English scale word (``scale_words``), or a currency code.
_FIGURE_BEFORE = re.compile(
    rf"(?:\d[\d.,]*\s*(?:{lexicon.alternation('scale_words', ('en',))})?\s*|(?:USD|VND|CNY|\$)\s*)$", re.I
)


@dataclass(frozen=True)
class Untraced:
    """Something an English field says that its article does not: a number, country, currency or name."""

    kind: str
    words: str

    def __str__(self) -> str:
        return f"{self.kind} {self.words!r}"


@dataclass(frozen=True)
class ArticleIndex:
    """What an article can account for, read once: its numbers, countries, currencies and folded text."""

    numbers: frozenset[str]
    countries: frozenset[str]
    currencies: frozenset[str]
    folded: str  # letters only, accents and case folded, no spaces
    latin: bool  # written in Latin letters: its names can be traced by folding
    places: frozenset[str] = frozenset()  # in another script: the gazetteer's English for the places it names


@functools.lru_cache(maxsize=64)
def index_article(text: str) -> ArticleIndex:
    """The article's index (cached: every English field of a brief is traced against the same article)."""
    language = lexicon.languages().get(detect_language(text) or "")
    # The article's words are read with its own language's lexicon (and English's, which reports quote);
    # every lexicon when its language is unknown: a search per entry is this index's cost.
    only = (language.code, "en") if language else None
    latin = main_script(text[:3000]) in (None, "latin")  # the opening tells the script; cost grows with length
    return ArticleIndex(
        numbers=article_keys(text, only),
        countries=_named(text, "countries", only) | ({language.country} if language and language.country else set()),
        currencies=_named(text, "currencies", only),
        folded=fold(text),
        latin=latin,
        places=frozenset() if latin else _named(text, "places", only),
    )


def fold(text: str) -> str:
    """Letters and digits only, without case, accents or spaces ("Hà Tĩnh" -> "hatinh", "Đồng" -> "dong")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("đ", "d"))
    return "".join(char for char in decomposed if char.isalnum() and not unicodedata.combining(char))


def mentions(english: str, article: ArticleIndex) -> list[tuple[Untraced, bool]]:
    """Every number, country, currency and (in an article in Latin letters) name ``english`` states, each
    with whether ``article`` accounts for it."""
    found = [(Untraced("number", words), bool(keys & article.numbers)) for words, keys in english_numbers(english)]
    found += [(Untraced("country", w), name in article.countries) for w, name in _mentions(english, "countries")]
    found += [
        (Untraced("currency", words), name in article.currencies)
        for words, name in _mentions(english, "currencies", after_a_figure=True)
    ]
    if article.latin:
        found += [(Untraced("name", word), fold(word) in article.folded) for word in _names(english)]
    else:  # names in another script are not traced by folding, but a place the gazetteer knows can be
        found += [
            (Untraced("place", match[0]), match[0] in article.places or fold(match[0]) in article.folded)
            for match in _gazetteer().finditer(english)
        ]
    return found


@functools.cache
def _gazetteer() -> re.Pattern[str]:
    """Every place of the lexicons' gazetteers by its English name ("held in Bangkok"), longest first."""
    names = sorted({entry.english for entry in lexicon.entries("places") if entry.english}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")


def untraced(english: str, article: ArticleIndex) -> list[Untraced]:
    """What ``english`` says that ``article`` cannot account for (empty when the field is true to it)."""
    return list(dict.fromkeys(item for item, traced in mentions(english, article) if not traced))


def names_not_in(english: str, text: str) -> list[str]:
    """The names ``english`` states that ``text`` does not write, even folded. In another script nothing
    is traced: a role given for a Khmer sentence that names a place names one it cannot show."""
    folded = fold(text)
    return [word for word in _names(english) if fold(word) not in folded]


def _names(english: str) -> list[str]:
    """Capitalised words that are no English words (nor countries, checked apart). A word capitalised only
    because it opens a sentence, or in a title-case headline, is a name only if even the large English
    list barely knows it ("Inefficiencies" is a word; "Phupbinh" is not)."""
    from wordfreq import zipf_frequency

    countries = {words.casefold() for words, _ in _mentions(english, "countries")}
    words = english.split()
    title_case = len(words) >= 3 and sum(word[:1].isupper() for word in words) >= 0.6 * len(words)
    names = []
    for match in _CAPITALISED.finditer(english):
        word = match[0].strip("'’-")
        if len(fold(word)) < 3 or word.casefold() in countries or word.isupper():
            continue  # initials and acronyms (HĐND, GRDP) are checked as the article's letters elsewhere
        opening = title_case or not english[: match.start()].strip() or english[: match.start()].rstrip()[-1] in ".!?:"
        known = max(zipf_frequency(form, "en", wordlist="small") for form in _forms(word)) >= COMMON_ZIPF
        if opening and not known:
            known = max(zipf_frequency(form, "en", wordlist="large") for form in _forms(word)) >= RARE_ZIPF
        if not known:
            names.append(word)
    return names


def _forms(word: str) -> set[str]:
    """A word and the stems its English endings may hide ("Evaluates", "convened", "People's")."""
    word = re.sub(r"['’]s$", "", word.casefold())
    forms = {word}
    endings = (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", ""))
    for ending, restored in endings:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            forms.add(word[: -len(ending)] + restored)
    return forms


def _mentions(english: str, category: str, after_a_figure: bool = False) -> list[tuple[str, str]]:
    """(words, English name) of every country or currency an English text mentions; a currency only after
    a figure ("4.13 trillion dong", not the province "Dong Nai")."""
    found = []
    for pattern, name in lexicon.patterns(category, ("en",)):
        for match in pattern.finditer(english):
            if not after_a_figure or _FIGURE_BEFORE.search(english[max(0, match.start() - 40) : match.start()]):
                found.append((match[0], name))
    return found


def _named(text: str, category: str, only: tuple[str, ...] | None = None) -> frozenset[str]:
    """The English names of the countries or currencies ``text`` names, in the lexicons' languages (or those
    ``only`` names)."""
    return frozenset(name for pattern, name in lexicon.patterns(category, only) if pattern.search(text))
