"""Removing scraped noise before the model reads an article.

Drops lines that are media file names, comment counters and empty-widget placeholders, and cuts the
trailing site furniture (source links, related-article lists, menus). Conservative on purpose: photo
captions stay, because they often carry the only mention of who chaired.
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
    lines = _cut_footer(lines)
    kept: list[str] = []
    for line in lines:
        if _is_noise(line):
            continue
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip()


def _is_noise(line: str) -> bool:
    if not line:
        return False
    if len(line) < 160 and _MEDIA_LINE.search(line):
        return True
    return bool(_COUNTER_LINE.match(line)) or line.lower() in _PLACEHOLDERS


def _cut_footer(lines: list[str]) -> list[str]:
    """Cut at the first footer marker after which only furniture-sized text remains.

    A marker followed by more than ``_FOOTER_MAX`` characters is inside the article (a long report,
    or several joined), so the text after it is kept.
    """
    remaining = sum(len(line) for line in lines)
    for index, line in enumerate(lines):
        remaining -= len(line)
        if remaining <= _FOOTER_MAX and _FOOTER_MARKERS.match(line):
            return lines[:index]
    return lines
