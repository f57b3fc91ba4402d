"""Finding the words that name a meeting ("Hội nghị lần thứ 25 Ban Chấp hành Đảng bộ tỉnh khóa XIX").

Vietnamese meeting names are formulaic and the rule reads them well. In other languages the verbs
that end a name are too many for a word list, so the rule is used only when the model's copy names
no meeting ("Roma", "Тан Ки", a headline).

The small model rarely copies a meeting's name exactly, so a rule looks for it too: a meeting word
(Hội nghị, Kỳ họp, conférence, réunion, meeting, совещание...) and what follows it, up to a
punctuation mark or a word that starts the rest of the sentence (a verb, "to", "on", "at").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from summarizer import lexicon
from summarizer.text.meeting_names import parse_name

# A meeting's nouns (``meeting_words``: Hội nghị, réunion, совещани\w*) and the words that end its name
# (``name_stops``: verbs, prepositions, time words; ``name_verbs``: verbs, except after "tại").
_MEETING_WORDS = lexicon.alternation("meeting_words")
_MEETING_WORD = re.compile(r"(?<!\w)(?:" + _MEETING_WORDS + r")(?!\w)", re.IGNORECASE)
_STOPS = lexicon.alternation("name_stops") + "|" + lexicon.alternation("name_verbs")
# An ordinal before the meeting's noun ("la 28ª conferencia", "the 18th conference", "12. Konferenz").
_ORDINAL = r"(?:(?<![\w/.,-])\d{1,3}(?:ª|º|°|e|ème|th|st|nd|rd|\.)?[^\S\n]+)?"
_NAME = re.compile(
    _ORDINAL + r"(?<!\w)(?:" + _MEETING_WORDS + r")(?:[^\S\n]+(?!(?:" + _STOPS + r")(?!\w))[^\s,.;:!?()«»\"“”]+){0,16}",
    re.IGNORECASE,
)


_DOCUMENT_BEFORE = re.compile(lexicon.alternation("resolution_words"), re.IGNORECASE)
# After a word for "at" (``at_words``: tại), the verbs that end a name elsewhere are the name's own: "Tại Hội nghị
# đánh giá kết quả thực hiện nhiệm vụ năm 2020…", "tại Hội nghị sơ kết 6 tháng đầu năm" (the meeting that reviewed…).
_AT = re.compile(r"(?<!\w)(?:" + lexicon.alternation("at_words") + r")\s+$", re.IGNORECASE)
_AT_REACH = 10  # characters before a meeting's noun searched for such a word
_NAME_AFTER_AT = re.compile(
    r"(?<!\w)(?:"
    + _MEETING_WORDS
    + r")(?:[^\S\n]+(?!(?:"
    + lexicon.alternation("name_stops")
    + r")(?!\w))[^\s,.;:!?()«»\"“”…]+){0,16}",
    re.IGNORECASE,
)


def cut_at_chairing(name: str, language: str) -> str:
    """A copied name up to a chairing verb in it ("Pleno presidido por el secretario …, Roberto Morales":
    "Pleno"): who chaired is not the meeting's name. The name as it is when what is left names no meeting."""
    verbs = [
        match.start() for pattern, _ in lexicon.compiled("chair_verbs", (language,)) for match in pattern.finditer(name)
    ]
    head = name[: min(verbs)].rstrip(" ,;:") if verbs else name
    return head if has_a_meeting_word(head) else name


def has_a_meeting_word(text: str) -> bool:
    """Whether ``text`` has a meeting's noun in one of the languages read ("Roma", "Тан Ки" have none): the
    rule's own words, or the lexicons' meeting nouns (定例会議, 정례회의, កិច្ចប្រជុំ)."""
    return bool(_MEETING_WORD.search(text)) or any(p.search(text) for p in lexicon.compounding("meeting_nouns"))


def meeting_name_in(text: str, limit: int = 1500) -> str | None:
    """The first meeting name in the opening of ``text``, as written: four words or more, or an ordinal
    and the meeting's noun ("la 28ª conferencia"); or None."""
    return next(meeting_names_in(text, limit), None)


def meeting_names_in(text: str, limit: int = 1500) -> Iterator[str]:
    """Every meeting name in the opening of ``text``, in order (as ``meeting_name_in`` reads the first)."""
    for match in _NAME.finditer(text[:limit]):
        if _AT.search(text[max(0, match.start() - _AT_REACH) : match.start()]):
            match = _NAME_AFTER_AT.match(text, match.start()) or match
        name = match[0].strip()
        if _DOCUMENT_BEFORE.search(text[max(0, match.start() - 80) : match.start()]):
            continue  # "Resolution No. 18 … of the 6th Conference of the 12th Central Committee": another meeting
        if len(name.split()) >= 4 or (name[:1].isdigit() and len(name.split()) >= 2):
            yield name


_UNSPACED_CHARS = 1500
_REACH = 60  # characters a name runs before or after its noun in a script without spaces
_TRIED_NOUNS = 4
_EDGES = " ,;:、，。：；"


def unspaced_name_in(text: str, language: str) -> str | None:
    """The first meeting name in the opening of an article written without spaces between words (zh, ja,
    ko, km, lo, th), as written: the longest run of words the lexicon reads whole on either side of a
    meeting noun ("第十届省人民议会第七次会议", "ກອງປະຊຸມ … ຄັ້ງທີ 5 ສະໄໝທີ V"), with an ordinal or a body
    besides the noun; or None. ``meeting_name_in``'s way (a noun and the words up to a verb) needs spaces."""

    def reads(words: str) -> bool:
        parts = parse_name(words, language)
        return parts.complete and (parts.ordinal is not None or parts.body is not None)

    opening = text[:_UNSPACED_CHARS]
    nouns = [match for pattern in lexicon.compounding("meeting_nouns") for match in pattern.finditer(opening)]
    for noun in sorted(nouns, key=lambda match: match.start())[:_TRIED_NOUNS]:
        line_start, line_end = opening.rfind("\n", 0, noun.start()) + 1, opening.find("\n", noun.end())
        line_end = len(opening) if line_end < 0 else line_end
        before = (opening[start : noun.end()] for start in range(max(line_start, noun.start() - _REACH), noun.start()))
        after = (opening[noun.start() : end] for end in range(min(line_end, noun.end() + _REACH), noun.end(), -1))
        runs = ((words.strip(_EDGES) for words in run) for run in (before, after))
        found = [next((words for words in run if reads(words)), None) for run in runs]
        best = max(filter(None, found), key=len, default=None)
        if best is not None:
            return best
    return None
