"""The Brief: the schema's fields plus its renderings, so renderers depend on the schema and never the reverse."""

from __future__ import annotations

from summarizer.render import render_html, render_markdown
from summarizer.schema import BriefData


class Brief(BriefData):
    """A bilingual brief of one meeting report, with structured, evidence-carrying data."""

    def to_markdown(self) -> str:
        """The brief as Markdown."""
        return render_markdown(self)

    def to_html(self, article_text: str) -> str:
        """A standalone HTML page: the brief beside ``article_text`` with each evidence span highlighted."""
        return render_html(self, article_text)

    def _repr_markdown_(self) -> str:  # Jupyter shows this
        return self.to_markdown()
