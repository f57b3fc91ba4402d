"""One article through the pipeline, the same for every provider: orchestration only.

clean -> detect language -> focused model calls that share the article as their prompt prefix
(meeting, directives, English summary) -> chairs from chairing sentences -> rule-found figure
candidates judged one short clause at a time -> translation of the summary -> grounding -> Brief.

Small-model facts drive the shape: whole-schema calls invent and miss figures, so each step asks one
bounded question (``summarizer.steps``); figures are found by rules; nothing the model names is kept
as a place, date or person unless it stands in the article.
"""

from __future__ import annotations

import time

from summarizer import lexicon
from summarizer.brief import Brief
from summarizer.client import ModelClient, Session
from summarizer.inputs import Article
from summarizer.inputs.clean import clean_article
from summarizer.prompts import load_prompt
from summarizer.schema import Directive, Evidence, Grounding, Meeting, Provenance, Summary, Target
from summarizer.steps import MAX_TOKENS, PROMPT_NAMES
from summarizer.steps.base import Asker, Progress
from summarizer.steps.chairs import read_chairs
from summarizer.steps.directives import (
    attributed,
    grounded_directives,
    picked_directives,
)
from summarizer.steps.english import in_english
from summarizer.steps.faithful import faithful_items, faithful_summary
from summarizer.steps.meeting import checked_english_name, read_meeting
from summarizer.steps.summary import SummaryDraft, second_language, summarise, summary_of_parts, whole_sentences
from summarizer.steps.targets import read_targets
from summarizer.steps.unread import chair_sentence_by_model, figures_by_model
from summarizer.text.glossary import glossary_lines
from summarizer.text.language import detect_language
from summarizer.text.scripts import BANNED_SCRIPTS, expected_scripts
from summarizer.text.sentences import directive_sentences, split_parts

MAX_ARTICLE_CHARS = 36_000  # about 12k tokens a part: leaves room for the task and the answer in a 16k context
MAX_PARTS = 8  # longer texts are cut (with a warning): each part costs several whole-part calls


def prompt_version() -> str:
    """The versions of every prompt the pipeline uses, as recorded in provenance."""
    return " ".join(load_prompt(name).tag for name in PROMPT_NAMES)


def make_brief(
    article: Article, client: ModelClient, second: str | None = None, progress: Progress | None = None
) -> Brief:
    """Make the Brief of one article by running every step (no brief cache: see ``briefcache``)."""
    started = time.perf_counter()
    step = progress or (lambda _step: None)
    session = client.session(article.source)
    warnings: list[str] = []
    text = _model_view(article.text, warnings)
    language = detect_language(text) or "und"
    parts = _parts(text, warnings)
    asker = Asker(session, parts[0], MAX_TOKENS, any_script=bool(expected_scripts(language) & BANNED_SCRIPTS))

    # Calls that read the whole article (or part) come first, back to back, so llama.cpp evaluates
    # it once; the short calls (one sentence, one clause, the translation) come after. The meeting is
    # read from the first part: reports give it in their lead.
    step("meeting")
    meeting = read_meeting(asker, article.text, language, warnings)
    sentences = directive_sentences(text)
    glossary = glossary_lines(text, language)  # the renderings of this article's words the model is given
    english = _read_parts(asker, parts, step, (language, glossary))
    step("directives")
    directives = grounded_directives(picked_directives(asker, sentences), article.text, warnings)
    step("chairs")
    rules = _lexicon_of(language, warnings)
    found_chairs = None if rules else chair_sentence_by_model(asker, article.text, warnings)
    chairs = read_chairs(asker, text, article.text, warnings, found_chairs, language)
    directives = attributed(directives, [(chair.name, chair.role) for chair in chairs], text)
    found_figures = None if rules else figures_by_model(asker, article.text, warnings)
    targets = read_targets(asker, text, article.text, step, meeting.date, found_figures)
    step("english")
    english, meeting, targets, directives = _in_english(
        asker, english, meeting, targets, directives, (article.text, language, glossary), warnings
    )
    reader = asker if len(parts) == 1 else None  # asked again from the article only when it was read whole
    english = faithful_summary(reader, english, (article.text, glossary), meeting.name, warnings)
    targets, directives = faithful_items(asker, targets, directives, (article.text, glossary), warnings)
    summaries = _summaries(asker, english, (second or language).lower(), (language, text), warnings, step)
    targets, others = _measured(targets)
    if client.cache.problem:
        warnings.append(client.cache.problem)
    grounding = _grounding(
        [c.evidence for c in chairs] + [t.evidence for t in targets] + [d.evidence for d in directives]
    )
    if grounding.none:
        warnings.append(f"{grounding.none} of {grounding.items} items have evidence not found in the article")
    return Brief(
        grounding=grounding,
        language=language,
        meeting=meeting,
        chairs=chairs,
        targets=targets,
        other_figures=others,
        directives=directives,
        summaries=summaries,
        warnings=warnings,
        provenance=_provenance(article, client, session, started).model_copy(update={"rules": rules}),
    )


def _summaries(
    asker: Asker, english: SummaryDraft, second: str, article: tuple[str, str], warnings: list[str], step: Progress
) -> list[Summary]:
    """The English summary, then the second language's (unless it is English, or unknown)."""
    summaries = [Summary(language="en", headline=english.headline, summary=english.summary)]
    if second not in ("en", "und"):
        step("translation")
        translated = second_language(asker, english, second, article, warnings)
        summaries += [translated] if translated is not None else []
    return summaries


def _in_english(
    asker: Asker,
    english: SummaryDraft,
    meeting: Meeting,
    targets: list[Target],
    directives: list[Directive],
    article: tuple[str, str, str],
    warnings: list[str],
) -> tuple[SummaryDraft, Meeting, list[Target], list[Directive]]:
    """The fields promised in English, those the model wrote otherwise translated (one call for all).

    The English headline and summary come first: the small model sometimes writes them in the
    article's language, and they are what an analyst reads first. A meeting name the rules could not
    say in English is the article's own words, translated however short and then checked against the
    name's parts (``checked_english_name``); a name said by rule is never translated again.
    """
    original, language, glossary = article
    name_words = (meeting.name if meeting.name_by else meeting.name_as_written) or ""
    texts = [english.headline, english.summary, name_words, *(t.what for t in targets)]
    foreign = frozenset({2}) if name_words and not meeting.name_by else frozenset()
    kept = frozenset({2}) if meeting.name_by else frozenset()
    fixed = in_english(asker, [*texts, *(d.what for d in directives)], foreign, kept, glossary)
    headline, summary, whats = fixed[0], whole_sentences(fixed[1]), fixed[3:]
    name, name_by = meeting.name, meeting.name_by
    if name_words and not name_by:
        name, name_by = checked_english_name(fixed[2] or None, meeting, original, language, warnings)
    return (
        SummaryDraft.model_construct(headline=headline, summary=summary),
        meeting.model_copy(update={"name": name, "name_by": name_by}),
        [t.model_copy(update={"what": what}) for t, what in zip(targets, whats[: len(targets)], strict=True)],
        [d.model_copy(update={"what": what}) for d, what in zip(directives, whats[len(targets) :], strict=True)],
    )


def _read_parts(asker: Asker, parts: list[str], step: Progress, glossary: tuple[str, str]) -> SummaryDraft:
    """The English summary: of the article, or of its parts' summaries (the model given each part's glossary,
    and the whole article's for the summary of the parts)."""
    language, whole = glossary
    if len(parts) == 1:
        step("summary")
        return summarise(asker, whole)
    part_summaries: list[SummaryDraft] = []
    for number, part in enumerate(parts, 1):
        step(f"part {number}/{len(parts)}")
        reader = asker if number == 1 else asker.for_text(part)
        part_summaries.append(summarise(reader, glossary_lines(part, language)))
    return summary_of_parts(asker, part_summaries, whole)


def _model_view(text: str, warnings: list[str]) -> str:
    """The text the model reads: cleaned, markers defused, cut at the most parts the tool reads."""
    cleaned = clean_article(text).replace("<article>", "(article)").replace("</article>", "(/article)")
    limit = MAX_ARTICLE_CHARS * MAX_PARTS
    if len(cleaned) <= limit:
        return cleaned
    cut = cleaned.rfind("\n", 0, limit)
    warnings.append(f"article cut to its first {cut if cut > 0 else limit:,} characters ({MAX_PARTS} parts)")
    return cleaned[: cut if cut > 0 else limit]


def _parts(text: str, warnings: list[str]) -> list[str]:
    """The article in parts that fit the model's context, cut between paragraphs or sentences."""
    parts = split_parts(text, MAX_ARTICLE_CHARS)
    if len(parts) > 1:
        sizes = ", ".join(f"{len(part):,}" for part in parts)
        warnings.append(f"long article read in {len(parts)} parts ({sizes} characters); results merged")
    return parts or [text]


def _lexicon_of(language: str, warnings: list[str]) -> str | None:
    """The language whose lexicon the rules read, or None (with a warning) when no lexicon covers it:
    then the model alone finds the chairing sentence and the figures, and no directive is read."""
    if language in lexicon.having("chair_verbs"):
        return language
    warnings.append(
        f"no lexicon for language {language!r}: the chairing sentence and the figures were found by the model "
        "alone (only those standing in the article kept); directives were not read"
    )
    return None


def _measured(figures: list[Target]) -> tuple[list[Target], list[Target]]:
    """The results measured against a target (met, missed...), and apart the figures that are goals for the
    period ahead or that the article measures against nothing (status unknown), which would bury them."""
    measured = [figure for figure in figures if figure.kind == "result" and figure.status != "unknown"]
    return measured, [figure for figure in figures if figure not in measured]


def _grounding(evidence: list[Evidence]) -> Grounding:
    counts = {quality: sum(1 for quote in evidence if quote.match == quality) for quality in ("exact", "fuzzy", "none")}
    share = round((counts["exact"] + counts["fuzzy"]) / len(evidence), 3) if evidence else None
    return Grounding(items=len(evidence), share=share, **counts)


def _provenance(article: Article, client: ModelClient, session: Session, started: float) -> Provenance:
    return Provenance(
        model=client.provider.model_id,
        endpoint=client.provider.endpoint,
        prompt_version=prompt_version(),
        usage=session.usage,
        cached=session.usage.calls > 0 and session.usage.cached_calls == session.usage.calls,
        seconds=round(time.perf_counter() - started, 3),
        source=article.source,
        content_sha256=article.sha256,
        encoding=article.encoding,
        input_format=article.format,
    )
