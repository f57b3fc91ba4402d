"""Every English field true to its article: what it says that the article lacks is asked again, once.

A field whose number, name, country or currency the article cannot account for (``text.fidelity``)
is asked again, naming what must not be there: the headline and summary from the article, a target's
or directive's English from its quote. When the answer still says something the article lacks, the
field falls back to what is sure: the summary loses the sentences that say it (all of them: it becomes the
meeting's English name), the headline becomes
the meeting's English name, a target's or directive's English becomes its quote (the article's own
words), each with a warning. The meeting's name is checked where it is made (``steps.meeting``).
"""

from __future__ import annotations

import re

from summarizer.schema import Directive, Target
from summarizer.steps.base import Asker
from summarizer.steps.english import english_text, retranslated
from summarizer.steps.summary import SummaryDraft, summarise, whole_sentences
from summarizer.text.fidelity import Untraced, index_article, untraced
from summarizer.text.loops import without_loop
from summarizer.text.sentences import split_sentences


def faithful_summary(
    asker: Asker | None,
    draft: SummaryDraft,
    article: tuple[str, str],
    meeting_name: str | None,
    warnings: list[str],
) -> SummaryDraft:
    """The headline and summary, asked again (when ``asker`` reads the whole article) if they say what the
    article lacks; then without the sentences that still do, and the meeting's name for a headline that does;
    then cut where they repeat themselves."""
    traced = _traced_summary(asker, draft, article, meeting_name, warnings)
    return _cut_loops(traced, meeting_name, warnings)


def _traced_summary(
    asker: Asker | None,
    draft: SummaryDraft,
    article: tuple[str, str],
    meeting_name: str | None,
    warnings: list[str],
) -> SummaryDraft:
    original, glossary = article
    index = index_article(original)
    wrong = untraced(f"{draft.headline}\n{draft.summary}", index)
    if not wrong:
        return draft
    if asker is not None:
        again = summarise(asker, glossary, avoid=_said(wrong))
        in_english = english_text(again.headline) and english_text(again.summary)
        if in_english:  # asked again, the small model may answer in the article's language: not kept then
            draft, wrong = again, untraced(f"{again.headline}\n{again.summary}", index)
            if not wrong:
                return draft
        else:
            warnings.append("the headline and summary asked again came back in another language: not kept")
    headline, summary = draft.headline, draft.summary
    if wrong_in_headline := untraced(headline, index):
        headline = meeting_name or _without(headline, wrong_in_headline)
        said = "replaced by the meeting's name" if meeting_name else "without those words"
        warnings.append(f"headline {draft.headline!r} {said}: {_said(wrong_in_headline)} not in the article")
    kept = [sentence for sentence in split_sentences(summary) if not untraced(sentence, index)]
    if kept and len(kept) < len(split_sentences(summary)):
        summary = whole_sentences(" ".join(kept))
        warnings.append(f"summary sentences left out: {_said(wrong)} not in the article")
    elif not kept and meeting_name:
        # No sentence is true to the article: the one thing known for sure is said instead.
        summary = f"{meeting_name}."
        warnings.append(f"summary replaced by the meeting's name: it says {_said(wrong)}, which the article does not")
    elif not kept:
        warnings.append(f"summary says {_said(wrong)}, which the article does not")
    return SummaryDraft.model_construct(headline=headline, summary=summary)


def _cut_loops(draft: SummaryDraft, meeting_name: str | None, warnings: list[str]) -> SummaryDraft:
    """The headline and summary without the words a loop wrote again: the summary cut at its last whole
    sentence before the repeat, the headline replaced by the meeting's name (else cut)."""
    headline, summary = without_loop(draft.headline), without_loop(draft.summary)
    if headline == draft.headline and summary == draft.summary:
        return draft
    warnings.append("English headline or summary repeated itself: cut where the words began again")
    if headline != draft.headline:
        headline = meeting_name or headline
    return SummaryDraft.model_construct(headline=headline, summary=whole_sentences(summary))


def faithful_items(
    asker: Asker,
    targets: list[Target],
    directives: list[Directive],
    article: tuple[str, str],
    warnings: list[str],
) -> tuple[list[Target], list[Directive]]:
    """Targets and directives whose English says what the article lacks: said again from their quotes,
    naming what must not be there; when that fails too, their quote stands as their English."""
    original, glossary = article
    index = index_article(original)
    items: list[Target | Directive] = [*targets, *directives]
    wrong = {number: found for number, item in enumerate(items) if (found := untraced(item.what, index))}
    if not wrong:
        return targets, directives
    quotes = [item.evidence.quote for item in items]
    avoid = _said([found for item in wrong.values() for found in item])
    again = retranslated(asker, quotes, sorted(wrong), glossary, avoid)
    fixed = []
    for number, item in enumerate(items):
        what = item.what
        if number in wrong:
            better = again.get(number)
            if better is not None and not untraced(better, index):
                what = better
            else:
                what = item.evidence.quote
                missing = _said(wrong[number])
                warnings.append(f"English {item.what!r} replaced by its quote: {missing} not in the article")
        fixed.append(item.model_copy(update={"what": what}))
    return [t for t in fixed if isinstance(t, Target)], [d for d in fixed if isinstance(d, Directive)]


def _without(text: str, found: list[Untraced]) -> str:
    """``text`` without the words it says that the article lacks ("2023", "Vietnamese")."""
    for item in found:
        text = re.sub(rf"(?<!\w){re.escape(item.words)}(?!\w)", " ", text)
    return re.sub(r"\s+([,.;:])", r"\1", " ".join(text.split()))


def _said(found: list[Untraced]) -> str:
    return ", ".join(dict.fromkeys(item.words for item in found))
