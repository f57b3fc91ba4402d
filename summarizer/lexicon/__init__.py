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
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

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
    return Language(code, str(head["name"]), boundaries if boundaries == "start" else bool(boundaries), tables, country)


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


# What each category holds and which rules read it (``summarize languages`` lists them per language).
CATEGORIES: dict[str, str] = {
    "meeting_nouns": "nouns that name a meeting (hội nghị, conférence, 会议), with their English",
    "bodies": "bodies that meet or hold office (People's Council, Party Committee), with their English",
    "levels": "administrative levels (province, district, commune), with their English adjective",
    "offices": "offices a title is made of (secretary, chairman), with their English",
    "meeting_modifiers": "words that qualify a meeting (mở rộng: Extended, bất thường: Extraordinary), in English",
    "name_joiners": "words that join the parts of a meeting's name and say nothing of their own (của: of)",
    "periods": "periods a meeting's name covers, as patterns with groups and an English template ({1}, {2})",
    "ordinals": "ordinal words and markers (thứ, lần thứ, 第...次, dixième), with their number where fixed",
    "terms": "words that give a body's term (khóa, 届, созыва)",
    "months": "month names, with their number as English",
    "chair_verbs": "verbs and phrases that say someone chaired (chủ trì, présider, 主持)",
    "address_words": "words of address before a name (đồng chí, camarade, 同志), never part of it",
    "directive_words": "words that set a task (must, cần, поручил)",
    "status_words": "words that state a result against its target (vượt, exceeded), with that status in English",
    "goal_words": "words that make a figure a goal for the period ahead, not a result (phấn đấu, aims to, 力争)",
    "plan_words": "the plan, estimate or target a share is of (105% kế hoạch, 95 per cent of the plan)",
    "currencies": "currencies a figure may be in (đồng, 越南盾), with their English",
    "countries": "countries, and places and parties that stand for one (Trung Quốc, 中国; Beijing), with their English",
    "places": "places written in another script, with their English (乂安: Nghe An): the gazetteer of names",
    "deadline_words": "words just before a date that make it a deadline, not the meeting's day (entro il, by)",
    "resolution_words": "words naming a resolution (nghị quyết, résolution): a date or a meeting after them is its",
    "document_words": "words before a date that make it a document's or a page's day (quyết định, decree, updated, số)",
    "day_openings": "words a Vietnamese lead opens its day with, by the part of the day (Sáng 1/3, Chiều ngày 27/9)",
    "review_words": "words that review a whole year (итоги прошедшего года, kết quả năm): it may meet in the next",
    "date_patterns": "dates as a language writes them, with named groups y, m, d (2024年5月4日)",
    "number_words": "ordinal words (dixième, десятое, thứ hai), with their number as ``en``",
    "chair_nouns": "titles a chairing verb's stem also matches (Vorsitzende): not a verb",
    "attended_verbs": "verbs that say a guest attended, before 'and' and a verb of their own (asistió y dirigió)",
    "and_words": "words for 'and' that join two names, two verbs or two counts",
    "remark_phrases": "phrases that look like directives but introduce a remark or a report (il convient de noter)",
    "opening_orders": "words that make a sentence an order when they open it (Đề nghị..., Необходимо...)",
    "past_markers": "words just before a directive word that tell it in the past (đã, continued to)",
    "abbreviations": "abbreviations written with a period inside a sentence, without it (tp, Mme, z.B, т.д)",
    "comrade_words": "words that head a list of people's names (các đồng chí, les camarades :, товарищи)",
    "body_words": "words that make a capitalised name a body's (committee, Hội đồng, Báo, партия), not a person's",
    "articles": "articles before a noun: a capitalised word after one is a noun, not a name (German capitalises nouns)",
    "venue_words": "rooms and buildings a meeting is held in (hall, sala, hội trường)",
    "spelt_out": "abbreviations spelt out before a clause is translated (KH: kế hoạch), with what each stands for",
    "number_scales": "words for thousands, millions, billions before a currency (tỷ đồng)",
    "percent_words": "words for per cent after a number (per cent, pour cent, процентов); '%' is in the code",
    "of_total_words": "words between a count and its total (21 des 25, 3 out of 4, 12 trong tổng số 15)",
    "total_articles": "articles between those words and the total (21 sur les 25, 3 of the 4)",
    "plan_before_share": "a plan named before the share of it that was done (план выполнен на 104 процента)",
    "share_prepositions": "prepositions before that share (на, at, à, zu)",
    "plan_rates": "words that give the planned rate beside a result (6,47% (kế hoạch 9,05%), against a target of 7 %)",
    "target_words": "targets or indicators counted (3 chỉ tiêu, 11 targets, 12 objectifs)",
    "fraction_of_plan": "the plan after a fraction of it (1/4 kế hoạch năm, 3/4 du plan)",
    "annual_plans": "a plan for the whole year (kế hoạch năm, annual plan, годового плана)",
    "status_verbs": "verbs that say a result reached or passed its plan (vượt, exceeding, dépassant)",
    "plan_after_status": "the plan or target after such a verb (vượt chỉ tiêu, exceeding the plan)",
    "planned_words": "words before the quantity planned (планували, planned, dự kiến, the goal of)",
    "periods_to_date": "part of a year a report covers (6 tháng, first half), with that part in English",
    "date_words": "words just before a day and month (Sáng 3/7, le 3/7): such a pair is a date",
    "back_references": "words that open a clause pointing back at the figures before it (ambos, which, cả hai)",
    "target_mentions": "words anywhere in such a clause that name a plan or target (kế hoạch, target, meta)",
    "address_after": "words of address after a name (同志, 氏, 동지), never part of it",
    "counters": "counters and units written on or right after a number (24项, 4,200개, 143名, ១៤៣ នាក់)",
    "total_then_count": "words between a total and the count of it that follows (26项指标中有24项, 26개 지표 중 24개)",
    "target_lead_words": "words just before a number that make it the target a result is measured against (목표 7%)",
    "target_tail_words": "words just after a number that make it the target a result is measured against (8%目标)",
    "schedule_words": "words saying a share of a plan keeps to schedule or lags (計画通り, 일정대로), with that status",
}
# Categories whose fragments are used as written, each with its own boundaries (see the module's docstring).
AS_WRITTEN = frozenset(
    {
        "chair_verbs",
        "chair_nouns",
        "attended_verbs",
        "and_words",
        "directive_words",
        "remark_phrases",
        "opening_orders",
        "past_markers",
        "address_words",
        "comrade_words",
        "body_words",
        "status_words",
        "plan_words",
        "percent_words",
        "of_total_words",
        "total_articles",
        "plan_before_share",
        "share_prepositions",
        "plan_rates",
        "target_words",
        "fraction_of_plan",
        "annual_plans",
        "status_verbs",
        "plan_after_status",
        "planned_words",
        "periods_to_date",
        "date_words",
        "resolution_words",
        "document_words",
        "back_references",
        "target_mentions",
        "address_after",
        "counters",
        "total_then_count",
        "target_lead_words",
        "target_tail_words",
        "schedule_words",
    }
)
