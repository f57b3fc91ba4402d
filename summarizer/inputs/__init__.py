"""Articles in: files, stdin, text or web pages; encodings; HTML reduced to its main text; scraping noise cleaned."""

from summarizer.inputs.files import (
    ARTICLE_SUFFIXES,
    Article,
    decode_bytes,
    looks_like_path,
    read_article,
    read_input,
)
from summarizer.inputs.web import FetchLimits, fetch_article, is_url

__all__ = [
    "ARTICLE_SUFFIXES",
    "Article",
    "FetchLimits",
    "decode_bytes",
    "fetch_article",
    "is_url",
    "looks_like_path",
    "read_article",
    "read_input",
]
