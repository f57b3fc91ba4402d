"""Renderings of a brief (text, Markdown, JSON, rich terminal, HTML report); they read only the schema."""

from summarizer.render.html import render_html
from summarizer.render.text import grounding_line, meeting_rows, print_rich, render_json, render_markdown, render_text

__all__ = [
    "grounding_line",
    "meeting_rows",
    "print_rich",
    "render_html",
    "render_json",
    "render_markdown",
    "render_text",
]
