"""The Brief: the schema's fields plus its renderings, so renderers depend on the schema and never the reverse."""

from __future__ import annotations

from summarizer.inert import inert_json
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

    def to_json(self, indent: int | None = 2) -> str:
        """The brief as JSON; control characters from the article or the model are escaped, never raw."""
        return inert_json(super().to_json(indent))

    def _repr_markdown_(self) -> str:  # Jupyter shows this
        return self.to_markdown()
