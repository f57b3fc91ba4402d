"""Articles in: files, stdin, text or web pages; encodings; HTML reduced to its main text; scraping noise cleaned."""

from summarizer.inputs.article import MAX_BYTES, Article, decode_bytes
from summarizer.inputs.files import ARTICLE_SUFFIXES, looks_like_path, read_article, read_input, read_stdin
from summarizer.inputs.web import FetchLimits, fetch_article, is_url

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_BYTES",
    "Article",
    "FetchLimits",
    "decode_bytes",
    "fetch_article",
    "is_url",
    "looks_like_path",
    "read_article",
    "read_input",
    "read_stdin",
]
