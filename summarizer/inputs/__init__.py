"""Articles in: files, stdin or text; encodings; HTML reduced to its main text; scraping noise cleaned."""

from summarizer.inputs.files import ARTICLE_SUFFIXES, Article, decode_bytes, looks_like_path, read_article

__all__ = ["ARTICLE_SUFFIXES", "Article", "decode_bytes", "looks_like_path", "read_article"]
