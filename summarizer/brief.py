"""The Brief: the schema's fields plus its renderings, so renderers depend on the schema and never the reverse."""

from __future__ import annotations

import hashlib

from summarizer.errors import InputError
from summarizer.inert import inert_json
from summarizer.inputs.clean import noise_spans
from summarizer.render import render_html, render_markdown
from summarizer.schema import BriefData


class Brief(BriefData):
    """A bilingual brief of one meeting report, with structured, evidence-carrying data."""

    def to_markdown(self) -> str:
        """The brief as Markdown."""
        return render_markdown(self)

    def to_html(self, article_text: str, links: dict[str, str] | None = None) -> str:
        """A standalone HTML page: the brief beside ``article_text`` with each evidence span highlighted.

        ``article_text`` must be the text the brief was made from (its offsets point into it): a text
        whose SHA-256 is not ``provenance.content_sha256`` is refused with an ``InputError``. Its
        scraping noise (what the model never read) is folded away, its offsets unchanged.
        """
        digest = hashlib.sha256(article_text.encode("utf-8")).hexdigest()
        if digest != self.provenance.content_sha256:
            raise InputError(
                f"this is not the article the brief was made from (sha256 {digest[:12]}..., the brief's "
                f"{self.provenance.content_sha256[:12]}... from {self.provenance.source or 'a text'}): "
                "pass the text the brief's offsets point into (for HTML input, the extracted text)"
            )
        return render_html(self, article_text, links, noise_spans(article_text))

    def to_json(self, indent: int | None = 2) -> str:
        """The brief as JSON; control characters from the article or the model are escaped, never raw."""
        return inert_json(super().to_json(indent))

    def _repr_markdown_(self) -> str:  # Jupyter shows this
        return self.to_markdown()

    def _repr_html_(self) -> str:  # notebooks prefer this: the brief without the article beside it
        return render_html(self, None)
