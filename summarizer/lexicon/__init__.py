"""Words as data: one TOML file per language, read once, served to the text rules by category.

The rules' shapes stay in code (``summarizer.text``); the words they look for live here, one file
per language (``vi.toml``, ``fr.toml``...), shipped in the wheel. A file has a ``[language]`` table
(``code``, ``name``, ``country`` for a language of one country, ``word_boundaries``: false for
scripts written without spaces between words,
"start" where words take particles after them, as Korean nouns do: 러시아가)
and one table per category (``CATEGORIES``). Each entry maps a regular-expression fragment (most
are plain words) to the example sentence of our own that it must match, or to a table::

    [chair_verbs]
    "chủ trì" = "Bí thư Huyện ủy Lê Văn Ba chủ trì hội nghị."

    [bodies]
    "hội đồng nhân dân|hđnd" = { en = "People's Council", example = "Kỳ họp thứ 5 HĐND huyện Tam Sơn.",
                                 not = "..." }

``example`` (one or a list) must match and ``not`` (one or a list) must not; ``tests/test_lexicon.py``
runs them all, as langextract validates its prompt examples against their text. ``en`` is the
English rendering where the category has one (titles, bodies, meeting nouns, levels), or the value
the words stand for (a status, a part of the year); ``full`` is what an abbreviation stands for.

A word is matched within word boundaries (``bounded``), except in the categories ``AS_WRITTEN``: there
each fragment carries its own (``\\b`` where a word must end, none where a stem may run on:
"головув" in "головував"), as the rules reading them always have. Alternatives are tried in order:
languages in ``ORDER``, then each file's order.
"""

from __future__ import annotations

import functools
import itertools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from summarizer.lexicon.categories import AS_WRITTEN, CATEGORIES

# Languages in the order their words join a pattern (alternatives are tried in this order).
ORDER = ("vi", "fr", "en", "es", "pt", "it", "de", "ru", "uk", "zh", "ja", "ko", "km", "lo", "th")


@dataclass(frozen=True)
class Entry:
    """One word (a regular-expression fragment) of one category in one language."""

    language: str
    category: str
    word: str
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...] = ()
    english: str | None = None
    full: str | None = None

    def pattern(self, word_boundaries: bool | str = True) -> re.Pattern[str]:
        """The word alone, as a case-insensitive pattern: as written in the ``AS_WRITTEN`` categories, else
        within word boundaries where the script has them."""
        if self.category in AS_WRITTEN:
            return re.compile(self.word, re.IGNORECASE)
        return re.compile(bounded(self.word, word_boundaries), re.IGNORECASE)


@dataclass(frozen=True)
class Language:
    """A language's lexicon: its code, name, whether words are spaced, and its entries by category."""

    code: str
    name: str
    word_boundaries: bool | str
    entries: dict[str, tuple[Entry, ...]]
    country: str | None = None  # the one country the language is written in, if it is one
    # How many spaced words a person's name is after a word of address, where the script spaces names but
    # not words ("ឯកឧត្តម នួន ផា": two); None where names are read otherwise.
    name_words: int | None = None

    @property
    def categories(self) -> list[str]:
        """The categories this language has words for."""
        return [category for category, found in self.entries.items() if found]


def bounded(word: str, word_boundaries: bool | str = True) -> str:
    """``word`` as a fragment that does not match inside a longer word (where the script spaces words;
    only its start where particles follow words, "start")."""
    if word_boundaries == "start":
        return rf"(?<!\w)(?:{word})"
    return rf"(?<!\w)(?:{word})(?!\w)" if word_boundaries else f"(?:{word})"


@functools.cache
def languages() -> dict[str, Language]:
    """Every language with a lexicon file, by code, in ``ORDER`` (others after, by code)."""
    found = {}
    for item in resources.files(__name__).iterdir():
        if item.name.endswith(".toml"):
            language = _read(tomllib.loads(item.read_text(encoding="utf-8")), item.name)
            found[language.code] = language
    rank = {code: number for number, code in enumerate(ORDER)}
    return {code: found[code] for code in sorted(found, key=lambda code: (rank.get(code, len(ORDER)), code))}


def entries(category: str, only: tuple[str, ...] | None = None) -> tuple[Entry, ...]:
    """The entries of ``category`` in every language (or those ``only`` names), languages in order."""
    return tuple(
        entry
        for code, language in languages().items()
        if only is None or code in only
        for entry in language.entries.get(category, ())
    )


@functools.cache
def alternation(category: str, only: tuple[str, ...] | None = None) -> str:
    """The words of ``category`` joined as one regular-expression alternation ("a|b|c"), not grouped."""
    words = [entry.word for entry in entries(category, only)]
    if not words:
        raise KeyError(f"no lexicon has words for {category!r}")
    return "|".join(words)


@functools.cache
def compiled(category: str, only: tuple[str, ...] | None = None) -> list[tuple[re.Pattern[str], Entry]]:
    """(compiled word, entry) of each entry of ``category``, each word bounded as its language's script needs."""
    found = languages()
    return [(entry.pattern(found[entry.language].word_boundaries), entry) for entry in entries(category, only)]


@functools.cache
def compounding(category: str) -> list[re.Pattern[str]]:
    """The words of ``category``, each matched inside longer words where its language compounds them
    (Korean 정례회의, Japanese 定例会議) and within word boundaries elsewhere."""
    found = languages()
    return [entry.pattern(found[entry.language].word_boundaries is True) for entry in entries(category)]


def patterns(category: str, only: tuple[str, ...] | None = None) -> list[tuple[re.Pattern[str], str]]:
    """(compiled word, English) of each entry of ``category`` that has an English rendering."""
    return [(pattern, entry.english) for pattern, entry in compiled(category, only) if entry.english]


def words(category: str, only: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The words of ``category`` in every language (or those ``only`` names), in order, each once."""
    return tuple(dict.fromkeys(entry.word for entry in entries(category, only)))


def having(category: str) -> tuple[str, ...]:
    """The languages that have words for ``category``, in order."""
    return tuple(code for code, language in languages().items() if language.entries.get(category))


def by_value(category: str) -> dict[str, str]:
    """The words of ``category`` grouped by the value they stand for (their ``en``), each group an
    alternation in order; the groups in the order their values first appear."""
    groups: dict[str, list[str]] = {}
    for entry in entries(category):
        groups.setdefault(entry.english or "", []).append(entry.word)
    return {value: "|".join(dict.fromkeys(found)) for value, found in groups.items()}


def merged_order(category: str) -> list[str]:
    """The English values of ``category`` in the order every file lists them: a value a file lists before
    another comes first (de.toml's Landrat before its Bürgermeister), others in the order they first appear;
    where files disagree, the value that first appears comes first."""
    first: list[str] = []
    before: dict[str, set[str]] = {}  # value -> the values some file lists before it
    for code in having(category):
        listed = list(dict.fromkeys(entry.english for entry in entries(category, (code,)) if entry.english))
        for earlier, later in itertools.pairwise(listed):
            before.setdefault(later, set()).add(earlier)
        first += [value for value in listed if value not in first]
    order: list[str] = []
    while len(order) < len(first):
        left = [value for value in first if value not in order]
        order.append(next((value for value in left if before.get(value, set()) <= set(order)), left[0]))
    return order


def coverage() -> dict[str, dict[str, int]]:
    """How many entries each language has in each category it covers (language -> category -> count)."""
    return {
        code: {category: len(found) for category, found in language.entries.items() if found}
        for code, language in languages().items()
    }


def renderings(category: str, only: tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    """(word, English) of the entries of ``category`` that have an English rendering."""
    return [(entry.word, entry.english) for entry in entries(category, only) if entry.english]


def _read(data: dict[str, Any], source: str) -> Language:
    head = data.get("language")
    if not isinstance(head, dict) or "code" not in head or "name" not in head:
        raise ValueError(f"lexicon {source}: a [language] table with code and name is required")
    code = str(head["code"])
    unknown = set(data) - {"language"} - set(CATEGORIES)
    if unknown:
        raise ValueError(f"lexicon {source}: unknown categories {sorted(unknown)} (see summarizer.lexicon.CATEGORIES)")
    tables = {category: _entries(code, category, data.get(category, {}), source) for category in CATEGORIES}
    boundaries = head.get("word_boundaries", True)
    country = str(head["country"]) if "country" in head else None
    name_words = int(head["name_words"]) if "name_words" in head else None
    spacing = boundaries if boundaries == "start" else bool(boundaries)
    return Language(code, str(head["name"]), spacing, tables, country, name_words)


def _entries(code: str, category: str, table: dict[str, Any], source: str) -> tuple[Entry, ...]:
    found = []
    for word, value in table.items():
        spec = {"example": value} if isinstance(value, str) else dict(value)
        examples = _strings(spec.get("example"))
        if not examples:
            raise ValueError(f"lexicon {source}: [{category}] {word!r} has no example sentence")
        english, full = spec.get("en"), spec.get("full")
        found.append(Entry(code, category, word, examples, _strings(spec.get("not")), english, full))
    return tuple(found)


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(str(item) for item in value)
