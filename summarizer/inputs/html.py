"""HTML articles: the main text extracted with trafilatura before the same pipeline.

trafilatura drops navigation, footers, scripts, comments and boilerplate, and keeps the headline and
paragraphs. Offsets in a brief made from HTML point into this extracted text, not into the markup.
"""

from __future__ import annotations

import re

from summarizer.errors import InputError

_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str) -> bool:
    """Whether the text is an HTML document (by its first tag)."""
    return bool(_HTML_START.match(text[:4096]))


def html_to_text(markup: str, source: str) -> str:
    """The article's main text, paragraphs on their own lines; an error when there is none."""
    import trafilatura

    text = trafilatura.extract(markup, include_comments=False, include_tables=True, favor_recall=True)
    if not text or not text.strip():
        raise InputError(f"{source}: no article text found in this HTML")
    return str(text)
