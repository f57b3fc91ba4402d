"""What every batch engine shares: the result of one article, and the engine interface."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from summarizer.errors import InputError
from summarizer.inert import inert_json
from summarizer.inputs import Article


@dataclass(frozen=True)
class Unreadable:
    """An input the batch could not read, with why: it becomes a ``failed`` line without being read
    (or fetched) a second time."""

    source: str
    error: InputError


Status = Literal["ok", "cached", "failed"]
Source = str | Path | Article | Unreadable
StepReport = Callable[[str, str], None]  # (article, step): which article is at which step, as it happens


@dataclass
class BatchResult:
    """The outcome for one article, as written to the results file."""

    input: str
    sha256: str | None
    status: Status
    brief: dict[str, Any] | None = None
    error: dict[str, str] | None = None
    tokens: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    input_number: int | None = None  # its place among the batch's inputs (from 1): tables keep that order

    def to_line(self) -> str:
        """One JSON line (no newline), with no raw control character."""
        return inert_json(json.dumps(self.__dict__, ensure_ascii=False, separators=(",", ":")))


class Engine(Protocol):
    """What runs the pending articles: this process's thread pool, or Ray (``engines.ray``)."""

    def results(self, sources: Iterable[Source], on_step: StepReport | None = None) -> Iterator[BatchResult]:
        """Each article's result, in the order they finish; ``on_step`` hears each step where the engine can tell."""
        ...

    def close(self) -> None:
        """Release what the engine holds (files, connections)."""
        ...
