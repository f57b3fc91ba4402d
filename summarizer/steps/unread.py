"""Articles in a language no lexicon covers: the model finds what the rules would, its evidence checked.

The rules find chairing sentences and figures by words of a lexicon; in a language with none (Thai,
say) they find nothing, and a brief that says "no chair, no target" cannot be told from one that
read none. So the model is asked for the sentence that says who chaired and for the figures measured
against a target, each copied; only copies that stand in the article are read further, by the same
steps as the rules' finds (``steps.chairs``, ``steps.targets``). The brief says so in a warning and
in ``provenance.rules``.
"""

from __future__ import annotations

from pydantic import Field

from summarizer.errors import ModelOutputError
from summarizer.steps.base import Asker, Draft
from summarizer.text.figures import FigureCandidate
from summarizer.text.grounding import appears_in
from summarizer.text.names import value_or_none

MAX_TOKENS = {"chair_find": 200, "figure_find": 700}
MOST_FIGURES = 8


class ChairSentenceDraft(Draft):
    """The sentence that says who chaired, copied; null when none does."""

    COPIES_ARTICLE = True

    sentence: str | None = Field(description="The sentence, copied exactly", max_length=400)


class FoundFigure(Draft):
    """A figure measured against a target, and the words around it, both copied."""

    figure: str = Field(max_length=40)
    clause: str = Field(max_length=300)


class FiguresDraft(Draft):
    """The figures an article reports against a target or plan."""

    COPIES_ARTICLE = True

    figures: list[FoundFigure] = Field(max_length=MOST_FIGURES)


DRAFTS = {"chair_find": ChairSentenceDraft, "figure_find": FiguresDraft}


def chair_sentence_by_model(asker: Asker, original: str, warnings: list[str]) -> list[str]:
    """The sentence the model copies as saying who chaired, if it stands in the article."""
    try:
        sentence = value_or_none(asker.ask_about_article("chair_find", ChairSentenceDraft).sentence)
    except ModelOutputError as error:  # a cut-off or malformed answer: nothing found, said so; the brief goes on
        warnings.append(f"no chairing sentence read: {error}")
        return []
    if sentence is None:
        return []
    if not appears_in(sentence, original):
        warnings.append(f"dropped the chairing sentence the model gave ({sentence[:60]!r}…): not in the article")
        return []
    return [sentence]


def figures_by_model(asker: Asker, original: str, warnings: list[str]) -> list[FigureCandidate]:
    """The figures the model copies as measured against a target, each standing in its clause and the
    clause in the article (as a rule's candidate, without a rule status)."""
    try:
        found = asker.ask_about_article("figure_find", FiguresDraft).figures
    except ModelOutputError as error:
        warnings.append(f"no figures read: {error}")
        return []
    candidates = []
    for item in found:
        figure, clause = item.figure.strip(), item.clause.strip()
        if figure and figure in clause and appears_in(clause, original):
            candidates.append(FigureCandidate(figure=figure, clause=clause, sentence=clause))
        else:
            warnings.append(f"dropped figure {figure!r} the model gave: its clause is not in the article")
    return candidates
