"""Splitting text into sentences and clauses, and finding the sentences that say who chaired or directed.

Sentences come from sentencex (a maintained rule-based segmenter), then pieces cut after an
abbreviation or an initial ("TP.", "M.", "nov.", "Dr.", "Н.І.") are joined again: titles and
names stand before the verbs every lexicon step looks for. Chairing is said with few verbs in each
language, so a small lexicon finds the candidate sentences far more reliably than a small model
reading a whole article does; the model then reads each short sentence.
"""

from __future__ import annotations

import functools
import re

from summarizer import lexicon
from summarizer.text import gates

_LINES = re.compile(r"\n+")
# A sentence's end: its mark, then any closing quotes or brackets, then a space or the text's end.
SENTENCE_END = re.compile(r"[.!?…。។][\"'”’»)\]]*(?=\s|$)")
# Full stops the segmenter does not always split at (Khmer ។ and ៕; 。 before a digit: "增长5.33%。9月份"): a
# sentence ends after them.
_OTHER_STOPS = re.compile(r"(?<=[។៕。！？])\s*(?=\S)")
# Abbreviations that end with a period inside a sentence, in the languages these reports come in
# (compared without case). Single letters (initials) are handled apart.
_ABBREVIATIONS = frozenset(word.casefold() for word in lexicon.words("abbreviations"))
LONG_SENTENCE = 250  # characters: a directive sentence this long may list several tasks
_TASK_BREAK = re.compile(r";\s+|；\s*|(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ\u0400-\u042f])")
_LAST_WORD = re.compile(r"(\S+)\.\s*$")
# Clauses end at a comma or semicolon and a space; in scripts written without spaces (Chinese, Japanese) at
# their own commas (，、；) and at a comma with no space that touches one of their characters ("会上,与会代表").
_CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CLAUSE_END = re.compile(rf"[,;]\s+|[，、；]\s*|(?<=[{_CJK}])[,;]|[,;](?=[{_CJK}])")
# Forms of the verbs "to chair / preside / co-chair" (not the nouns: "président", "chairman", "голова").
CHAIR_WORDS = re.compile(lexicon.alternation("chair_verbs"), re.IGNORECASE)


def spaced_and_not(category: str) -> tuple[str, str]:
    """The words of ``category`` as two alternations: those of languages that space their words, and those of
    languages that do not, or not always (Chinese, Japanese, Khmer, Lao; Korean joins its particles and
    counters to words: 24개, 요청했다). A shape puts boundaries and spaces around the first only; "(?!)", which
    matches nothing, where a side has no words."""
    languages = lexicon.languages()
    codes = lexicon.having(category)
    spaced = tuple(code for code in codes if languages[code].word_boundaries is True)
    unspaced = tuple(code for code in codes if code not in spaced)
    return (
        lexicon.alternation(category, spaced) if spaced else "(?!)",
        lexicon.alternation(category, unspaced) if unspaced else "(?!)",
    )


def is_uncased_letter(char: str) -> bool:
    """A letter of a script without capitals (Chinese, Japanese, Korean, Khmer, Lao, Thai)."""
    return char.isalpha() and not char.isupper() and not char.islower()


# Titles the verbs' stems also match ("Vorsitzende(r)", chairwoman, chairman, after "vorsitz").
_CHAIR_NOUNS = re.compile(lexicon.alternation("chair_nouns"), re.IGNORECASE)

# A guest's verb and "and" before a chairing verb: "asistió y dirigió" (attended and directed), in the
# languages whose verbs of attending the lexicon knows.
_ATTENDED_AND = re.compile(
    rf"\b(?:{lexicon.alternation('attended_verbs')})"
    rf"\s+(?:{lexicon.alternation('and_words', lexicon.having('attended_verbs'))})\s*$",
    re.IGNORECASE,
)

# Words that set a task for the period ahead, in the languages these reports come in: obligation
# (must, cần, должны), requests and orders (asked, chargé, solicitó, поручил), continuation and focus
# (continue to, tiếp tục, tập trung), necessity (it is necessary, è necessario, é preciso). The model
# then judges each sentence found; a sentence with none of them is never a directive.
# In scripts without spaces a word starts anywhere ("省委要求", "បានស្នើឲ្យ").
_SPACED_DIRECTIVES, _UNSPACED_DIRECTIVES = spaced_and_not("directive_words")
DIRECTIVE_WORDS = re.compile(rf"\b(?:{_SPACED_DIRECTIVES})|(?:{_UNSPACED_DIRECTIVES})", re.IGNORECASE)


# Phrases that look like directives ("il convient", "should") but only introduce a remark, or report:
# estimated results ("ước đạt", estimated at), delegates' "focused discussion", the efforts made ("nỗ lực
# phấn đấu của"), a submission's title ("tờ trình về việc đề nghị", on the proposal to...).
_REMARKS = re.compile(lexicon.alternation("remark_phrases"), re.IGNORECASE)


# A sentence that opens with an order or a request sets a task as it stands: "Đề nghị Chính phủ báo cáo…",
# "Tập trung chỉ đạo…", "Необходимо обеспечить…", "It is necessary to…". Asked about ten sentences of a long
# Vietnamese report, the small model answered all "yes" for one batch and all "no" for the next.
_OPENING_ORDER = re.compile(rf"^(?:{lexicon.alternation('opening_orders')})", re.IGNORECASE)
# The words just before a directive word that tell it in the past: "đã tập trung", "continued to focus on".
_PAST = re.compile(rf"(?:{lexicon.alternation('past_markers')})\s+$", re.IGNORECASE)


def ends_a_sentence(text: str) -> bool:
    """Whether ``text`` ends at a sentence end (not cut mid-word or mid-sentence)."""
    text = text.rstrip()
    ends = list(SENTENCE_END.finditer(text))
    return bool(ends) and ends[-1].end() == len(text)


def marked_if_cut(text: str, bound: int) -> str:
    """A text the schema's ``bound`` cut ends at its last whole word, marked "…", never mid-word or as if
    whole; a text within the bound, or ending a sentence, is unchanged."""
    text = text.strip()
    if len(text) < bound or text.endswith((".", "!", "?")) or " " not in text:
        return text
    return text[: text.rfind(" ")].rstrip(" ,;:") + "…"


def split_sentences(text: str) -> list[str]:
    """Sentences (and lines), stripped, in reading order; not cut after abbreviations or initials."""
    return list(_sentences(text))


@functools.lru_cache(maxsize=16)
def _sentences(text: str) -> tuple[str, ...]:
    # Cached: the steps of one brief split the same article five times (targets, chairs, directives...).
    from sentencex import segment

    sentences: list[str] = []
    for line in _LINES.split(text):
        pieces = [part for piece in segment("en", line) for part in _OTHER_STOPS.split(piece) if part.strip()]
        sentences += _joined_after_abbreviations(line, pieces)
    return tuple(sentences)


def _joined_after_abbreviations(line: str, pieces: list[str]) -> list[str]:
    """Pieces joined back (as the line writes them) when one ends with an abbreviation or an initial."""
    spans: list[list[int]] = []
    position = 0
    for piece in pieces:
        start = line.find(piece.strip(), position)
        if start < 0:  # the segmenter changed the text: keep its piece's place unknown, as a new span
            start = position
        end = start + len(piece.strip())
        position = end
        if spans and _ends_with_abbreviation(line[spans[-1][0] : spans[-1][1]]):
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return [line[start:end].strip() for start, end in spans if line[start:end].strip()]


def _ends_with_abbreviation(sentence: str) -> bool:
    match = _LAST_WORD.search(sentence)
    if match is None:
        return False
    word = match[1].lstrip("(«\"'“").casefold()
    letters = word.replace(".", "")
    initial = len(letters) <= 2 and letters.isalpha() and match[1][:1].isupper()
    ordinal = word.isdigit() and len(word) <= 2  # "Am 5. Juni", "am 3. Oktober": German days and ordinals
    return word in _ABBREVIATIONS or initial or ordinal


def split_clauses(sentence: str) -> list[str]:
    """Parts of a sentence between commas and semicolons."""
    return [part.strip() for part in _CLAUSE_END.split(sentence) if part.strip()]


def chairing_verb_at(text: str) -> int | None:
    """Where the first chairing word of ``text`` stands, not counting the title "Vorsitzende(r)"
    (chairwoman, chairman) that ``CHAIR_WORDS``' "vorsitz" also matches, nor a verb after "attended
    and" ("asistió y dirigió": a guest's "dự và chỉ đạo", attended and gave directions, translated);
    None when there is none."""
    starts = (
        m.start()
        for m in gates.finditer(CHAIR_WORDS, text)
        # endpos reads the text as if it stopped there, as a slice would, without copying it per match
        if not _CHAIR_NOUNS.match(text, m.start()) and not _ATTENDED_AND.search(text, 0, m.start())
    )
    return next(starts, None)


def chair_sentences(text: str, limit: int = 4) -> list[str]:
    """Sentences using a chairing verb (``chairing_verb_at``: not the title "Vorsitzende", not a guest's
    "attended and directed"), each once, at most ``limit``."""
    found = [sentence for sentence in split_sentences(text) if chairing_verb_at(sentence) is not None]
    return list(dict.fromkeys(found))[:limit]


def directive_sentences(text: str, limit: int = 30) -> list[str]:
    """Sentences (30 characters or more) with a directive word, each once, at most ``limit``; not the
    chairing sentences, nor remarks that only look like directives ("il convient de noter que")."""
    found = _sentences_with(DIRECTIVE_WORDS, text, limit * 2, min_length=30)
    return [s for s in found if not gates.search(CHAIR_WORDS, s) and not gates.search(_REMARKS, s) and _sets_a_task(s)][
        :limit
    ]


def tasks_of(sentence: str) -> list[str]:
    """A long sentence's parts between semicolons (and full stops the segmenter missed inside a quote) that
    each hold a directive word: one task each ("… phải toàn tâm với công việc; luôn nêu cao …; …"); else the
    sentence."""
    if len(sentence) < LONG_SENTENCE:
        return [sentence]
    parts = [part.strip() for part in _TASK_BREAK.split(sentence)]
    tasks = [part for part in parts if len(part) >= 30 and DIRECTIVE_WORDS.search(part)]
    return tasks if len(tasks) > 1 else [sentence]


def opens_with_an_order(sentence: str) -> bool:
    """Whether a directive sentence (``directive_sentences``) opens with a capital and an order or a request
    ("Đề nghị Chính phủ…", "Необходимо…"), and tells nothing in the past (Vietnamese "đã"). Not "Tiếp tục"
    (continue): Vietnamese reports open their lists of past results with it too; nor a quote."""
    opening = sentence[:1].isupper() or is_uncased_letter(sentence[:1])  # scripts without capitals open with any letter
    return opening and bool(_OPENING_ORDER.match(sentence)) and not re.search(r"\bđã\b", sentence)


def _sets_a_task(sentence: str) -> bool:
    """Some directive word in it is not told in the past: Vietnamese "đã tập trung", "đã tiếp tục"
    (has focused, has continued) and "continued to focus on" report what was done."""
    return any(not _PAST.search(sentence, 0, found.start()) for found in DIRECTIVE_WORDS.finditer(sentence))


def _sentences_with(words: re.Pattern[str], text: str, limit: int, min_length: int = 0) -> list[str]:
    """The first ``limit`` distinct sentences of ``text`` in which ``words`` matches."""
    found: list[str] = []
    for sentence in split_sentences(text):
        if len(sentence) >= min_length and gates.search(words, sentence) and sentence not in found:
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
