"""Removing scraped noise before the model reads an article.

Drops lines that are media file names, comment counters and empty-widget placeholders, and cuts the
trailing site furniture (source links, related-article lists, menus). Conservative on purpose: photo
captions stay, because they often carry the only mention of who chaired. ``noise_spans`` says where
in the original text the dropped lines are, for the HTML report.
"""

from __future__ import annotations

import re

_MEDIA_LINE = re.compile(r"\S+\.(?:jpe?g|png|gif|webp|bmp|svg|mp4|mov|webm|avi)(?:\?\S*)?$", re.IGNORECASE)
_COUNTER_LINE = re.compile(r"^[\w .'-]{1,30}\(\d+\)$")
_FOOTER_MAX = 2000  # characters after a footer marker: more than this is article text, not site furniture
_PLACEHOLDERS = {"no data", "no videos available", "no image", "loading..."}
_FOOTER_MARKERS = re.compile(
    r"^(source|sources|source link|nguồn|посилання на джерело|джерело|related|related articles|same topic|"
    r"même sujet|même catégorie|lire aussi|read more|see also)\s*:?$",
    re.IGNORECASE,
)


def clean_article(text: str) -> str:
    """The article's text without scraped noise; paragraphs kept, blank runs collapsed."""
    lines = [line.strip() for line in text.split("\n")]
    kept: list[str] = []
    for line, dropped in zip(lines, _dropped(lines), strict=True):
        if dropped:
            continue
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip()


def noise_spans(text: str) -> list[tuple[int, int]]:
    """The character ranges of ``text`` that ``clean_article`` drops: noise lines and the trailing footer.

    Each range covers whole lines with their line ends; ranges apart only by blank lines are joined.
    The report greys these out instead of showing them as the article (its offsets still point
    into the whole text).
    """
    lines = text.split("\n")
    spans: list[tuple[int, int]] = []
    position = 0
    for line, dropped in zip(lines, _dropped([line.strip() for line in lines]), strict=True):
        end = min(position + len(line) + 1, len(text))  # with its line end
        if dropped and line.strip():
            start = position
            if spans and not text[spans[-1][1] : start].strip():
                start = spans.pop()[0]
            spans.append((start, end))
        elif dropped and spans and spans[-1][1] == position:
            spans[-1] = (spans[-1][0], end)  # a blank line inside the footer belongs to it
        position = end
    return spans


def _dropped(lines: list[str]) -> list[bool]:
    """For each (stripped) line, whether cleaning drops it: a noise line, or a line of the footer."""
    footer = _footer_start(lines)
    return [index >= footer or _is_noise(line) for index, line in enumerate(lines)]


def _is_noise(line: str) -> bool:
    if not line:
        return False
    if len(line) < 160 and _MEDIA_LINE.search(line):
        return True
    return bool(_COUNTER_LINE.match(line)) or line.lower() in _PLACEHOLDERS


def _footer_start(lines: list[str]) -> int:
    """The index of the first footer marker after which only furniture-sized text remains (else no line's).

    A marker followed by more than ``_FOOTER_MAX`` characters is inside the article (a long report,
    or several joined), so the text after it is kept.
    """
    remaining = sum(len(line) for line in lines)
    for index, line in enumerate(lines):
        remaining -= len(line)
        if remaining <= _FOOTER_MAX and _FOOTER_MARKERS.match(line):
            return index
    return len(lines)
