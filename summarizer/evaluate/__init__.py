"""Scores of briefs against hand-written gold annotations (``summarize eval GOLD.jsonl``).

Field-level precision and recall (``matching``) and checks of what an analyst reads (``quality``):
English fields in English, the second language in its language and script, no foreign-script leak,
summaries ending at a sentence end, targets that say what their figure measures, a meeting name, a
right (or no) place, roles in English and consistent with the article, who issued directives. Briefs
come from a run of the tool (or its replay) or from a batch results file (``--results``), so older runs
can be scored by today's rules.
"""

from summarizer.evaluate.matching import (
    _match,
    _same_figure,
    _same_person,
    _same_target,
    evaluate,
    read_gold,
    result_hashes,
    score_results,
)
from summarizer.evaluate.scores import Count, Scores

__all__ = [
    "Count",
    "Scores",
    "_match",
    "_same_figure",
    "_same_person",
    "_same_target",
    "evaluate",
    "read_gold",
    "result_hashes",
    "score_results",
]
