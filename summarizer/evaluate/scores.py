"""Scores of an evaluation run: counts per field, checks as (passed, checked), and the same by group.

Groups are the development set's splits crossed with language groups ("validation · vi"), and each
language alone: a rule tuned on one split is judged on the other, and a language the rules do not
read is seen apart from those they do.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

EUROPEAN = frozenset({"fr", "en", "es", "pt", "it", "de", "ru", "uk"})
NEW_LANGUAGES = frozenset({"zh", "ja", "ko", "km", "lo"})


def language_group(language: str) -> str:
    """The group a language is reported in: vi, european, new (zh, ja, ko, km, lo) or other."""
    if language == "vi":
        return "vi"
    return "european" if language in EUROPEAN else "new" if language in NEW_LANGUAGES else "other"


@dataclass
class Count:
    """Matches for one field, summed over articles."""

    predicted: int = 0
    gold: int = 0
    matched_predicted: int = 0
    matched_gold: int = 0

    @property
    def precision(self) -> float | None:
        """Share of predictions that match a gold item (None with no predictions)."""
        return self.matched_predicted / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        """Share of gold items some prediction matches (None with no gold items)."""
        return self.matched_gold / self.gold if self.gold else None


# The figures of each group's row: (column, field or check, "precision" | "recall" | "rate").
GROUP_COLUMNS = (
    ("chairs R", "chairs", "recall"),
    ("chairs P", "chairs", "precision"),
    ("figures R", "targets (figure, any status)", "recall"),
    ("status ✓", "target status right (of matched figures)", "rate"),
    ("language ✓", "language right", "rate"),
    ("name right", "meeting name right (ordinal, term, body, place)", "rate"),
    ("numbers traced", "numbers in English fields traceable to the article", "rate"),
    ("entities traced", "names, countries and currencies in English traceable", "rate"),
    ("date R", "date right (of gold dates)", "rate"),
    ("date never wrong", "date never wrong (of dates given)", "rate"),
    ("unread warned", "language without a lexicon warned about", "rate"),
)


@dataclass
class Scores:
    """Scores of one evaluation run (and of each group of its articles in ``groups``)."""

    articles: int = 0
    fields: dict[str, Count] = field(default_factory=dict)
    correct: dict[str, int] = field(default_factory=dict)
    grounded_shares: list[float] = field(default_factory=list)
    rates: dict[str, list[int]] = field(default_factory=dict)  # check -> [passed, checked]
    failed: list[str] = field(default_factory=list)  # articles with no brief (a failed line, a model error)
    # article id -> what it fell short on: {"chairs": {"missed": 1, "extra": 0}, "place ...": {"failed": 1, "of": 1}}
    shortfalls: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    groups: dict[str, Scores] = field(default_factory=dict)
    calls: int = 0  # model calls the briefs took (re-asks and translations included), for calls per article
    # article id -> what its English says that the article lacks ("number '28'", "country 'China'")
    untraced: dict[str, list[str]] = field(default_factory=dict)

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(field, precision, recall, detail) rows for a table (a check's rate stands in both columns)."""
        rows = []
        for name, count in self.fields.items():
            detail = f"{count.matched_predicted}/{count.predicted} predicted, {count.matched_gold}/{count.gold} gold"
            rows.append((name, _percent(count.precision), _percent(count.recall), detail))
        for name, right in self.correct.items():
            accuracy = _percent(right / self.articles if self.articles else None)
            rows.append((name, accuracy, accuracy, f"{right}/{self.articles} articles right"))
        shares = self.grounded_shares
        rows.append(("grounded share", _percent(_mean(shares)), "", f"mean over {len(shares)} briefs with items"))
        for name, (passed, checked) in self.rates.items():
            rate = _percent(passed / checked if checked else None)
            rows.append((name, rate, rate, f"{passed}/{checked}"))
        if self.failed:
            rows.append(("no brief", "", "", f"{len(self.failed)} articles: {', '.join(self.failed)[:200]}"))
        return rows

    def figure(self, name: str, kind: str) -> tuple[float | None, str]:
        """One figure of a field or check ("recall", "precision" or "rate") and its fraction, for group tables."""
        if kind == "rate":
            passed, checked = self.rates.get(name, [0, 0])
            if name == "language right":
                passed, checked = self.correct.get("language", 0), self.articles
            return (passed / checked if checked else None), f"{passed}/{checked}"
        count = self.fields.get(name, Count())
        if kind == "recall":
            return count.recall, f"{count.matched_gold}/{count.gold}"
        return count.precision, f"{count.matched_predicted}/{count.predicted}"

    def to_json(self) -> dict[str, Any]:
        """The scores as plain data (``summarize eval --json``), groups included."""
        return {
            "articles": self.articles,
            "calls": self.calls,
            "fields": {
                name: {**asdict(c), "precision": c.precision, "recall": c.recall} for name, c in self.fields.items()
            },
            "correct": self.correct,
            "grounded_share": _mean(self.grounded_shares),
            "rates": {
                name: {"passed": p, "checked": c, "rate": p / c if c else None} for name, (p, c) in self.rates.items()
            },
            "failed": self.failed,
            "shortfalls": self.shortfalls,
            "untraced": self.untraced,
            "groups": {name: group.to_json() for name, group in self.groups.items()},
        }

    def to_markdown(self, per_article: bool = False) -> str:
        """The table as Markdown, then the groups' table; with ``per_article``, each article's shortfalls."""
        lines = ["| field | precision | recall | detail |", "|---|---|---|---|"]
        lines += [f"| {' | '.join(row)} |" for row in self.rows()]
        if self.groups:
            lines += ["", *self.groups_table()]
        if per_article:
            lines += ["", "| article | shortfalls |", "|---|---|"]
            for article, misses in self.shortfalls.items():
                said = "; ".join(f"{name}: {_said(what)}" for name, what in misses.items())
                if self.untraced.get(article):
                    said += f"; English not in the article: {', '.join(self.untraced[article])}"
                lines.append(f"| {article} | {said} |")
        return "\n".join(lines) + "\n"

    def groups_table(self) -> list[str]:
        """One row per group (split and language group, then each language): the key figures."""
        head = "| group | articles | " + " | ".join(column for column, _, _ in GROUP_COLUMNS) + " | calls/article |"
        lines = [head, "|---|---|" + "---|" * (len(GROUP_COLUMNS) + 1)]
        for name, group in self.groups.items():
            cells = []
            for _, metric, kind in GROUP_COLUMNS:
                value, fraction = group.figure(metric, kind)
                cells.append("–" if value is None else f"{_percent(value)} ({fraction})")
            per_article = f"{group.calls / group.articles:.1f}" if group.articles else "–"
            lines.append(f"| {name} | {group.articles} | " + " | ".join(cells) + f" | {per_article} |")
        return lines


def _said(shortfall: dict[str, int]) -> str:
    return ", ".join(f"{key} {value}" for key, value in shortfall.items())


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f} %"
