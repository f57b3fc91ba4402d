"""summarizer: bilingual briefs and schema-validated data from news reports of official meetings.

    from summarizer import summarize
    brief = summarize("seeds/003_875932fb6ed4ed16.txt")
    print(brief.to_markdown())

Attributes load lazily, so that ``import summarizer`` (and ``summarize --help``) stay fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from summarizer.api import asummarize, asummarize_many, summarize, summarize_many
    from summarizer.brief import Brief
    from summarizer.engines.base import BatchResult
    from summarizer.engines.batch import load_results
    from summarizer.errors import SummarizerError
    from summarizer.settings import Settings

__all__ = [
    "BatchResult",
    "Brief",
    "Settings",
    "SummarizerError",
    "asummarize",
    "asummarize_many",
    "load_results",
    "summarize",
    "summarize_many",
]

_HOMES = {
    "summarize": "summarizer.api",
    "asummarize": "summarizer.api",
    "summarize_many": "summarizer.api",
    "asummarize_many": "summarizer.api",
    "BatchResult": "summarizer.engines.base",
    "load_results": "summarizer.engines.batch",
    "Brief": "summarizer.brief",
    "Settings": "summarizer.settings",
    "SummarizerError": "summarizer.errors",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_HOMES[name]), name)
