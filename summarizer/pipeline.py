"""One article through the pipeline, the same for every provider.

clean -> detect language -> focused model calls that share the article as their prompt prefix
(meeting, chairs, directives, English summary) -> rule-found figure candidates judged one short
clause at a time -> translation of the summary -> grounding of every quote -> Brief.

Small-model facts drive the shape: whole-schema calls invent and miss figures, so each call asks
one bounded question; figures are found by rules; nothing the model names is kept as a place,
date or person unless it stands in the article.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from pydantic import BaseModel

from summarizer.candidates import find_candidates, rule_status
from summarizer.clean import clean_article
from summarizer.dates import resolve_date
from summarizer.grounding import appears_in, as_written, ground, looks_like_a_name, numbers_appear, spans_overlap
from summarizer.inputs import Article
from summarizer.language import detect_language, language_name
from summarizer.llm import ModelClient, Session
from summarizer.prompts import Prompt, load_prompt
from summarizer.reuse import brief_key, load_brief, store_brief
from summarizer.schema import (
    Brief,
    Chair,
    ChairsDraft,
    Directive,
    DirectiveDraft,
    DirectivePicksDraft,
    DirectivesDraft,
    Evidence,
    Grounding,
    Meeting,
    MeetingDraft,
    Provenance,
    SentenceChairsDraft,
    Summary,
    SummaryDraft,
    Target,
    TargetJudgement,
)
from summarizer.sentences import chair_sentences, directive_sentences, split_parts

Progress = Callable[[str], None]
T = TypeVar("T", bound=BaseModel)

MAX_ARTICLE_CHARS = 36_000  # about 12k tokens a part: leaves room for the task and the answer in a 16k context
MAX_PARTS = 8  # longer texts are cut (with a warning): each part costs several whole-part calls
PROMPT_NAMES = (
    "system",
    "meeting",
    "chairs",
    "chair_sentence",
    "directives",
    "directive_pick",
    "summary",
    "target",
    "translate",
)
DIRECTIVE_BATCH = 10  # numbered sentences per directive_pick call (the schema's number bound)
_NULL_WORDS = {"", "null", "none", "n/a", "unknown", "not stated", "not mentioned"}
# Longest answer each step can need: the schema bounds every string, so these are never reached by a
# well-formed answer, only by a runaway one.
MAX_TOKENS = {
    "meeting": 400,
    "chairs": 1000,
    "chair_sentence": 500,
    "directives": 1100,
    "directive_pick": 600,
    "summary": 500,
    "target": 250,
    "translate": 900,
}


def prompt_version() -> str:
    """The versions of every prompt the pipeline uses, as recorded in provenance."""
    return " ".join(load_prompt(name).tag for name in PROMPT_NAMES)


def summarize_article(
    article: Article,
    client: ModelClient,
    second_language: str | None = None,
    progress: Progress | None = None,
) -> Brief:
    """Make the Brief of one article (or take it from the cache when nothing that shapes it changed)."""
    started = time.perf_counter()
    key = brief_key(article, client, second_language, PROMPT_NAMES)
    stored = load_brief(key, client, article, round(time.perf_counter() - started, 3))
    if stored is not None:
        return stored
    brief = _make_brief(article, client, second_language, progress, started)
    store_brief(key, client, brief)
    return brief


def _make_brief(
    article: Article, client: ModelClient, second_language: str | None, progress: Progress | None, started: float
) -> Brief:
    report = progress or (lambda _step: None)
    session = client.session(article.source)
    warnings: list[str] = []
    text = _model_view(article.text, warnings)
    language = detect_language(text) or "und"
    parts = _parts(text, warnings)
    askers = [_Asker(session, part) for part in parts]
    asker = askers[0]

    # Calls that read the whole article (or part) come first, back to back, so llama.cpp evaluates
    # it once; the short calls (one sentence, one clause, the translation) come after. The meeting is
    # read from the first part: reports give it in their lead.
    report("meeting")
    meeting = _meeting(asker.ask_about_article("meeting", MeetingDraft), article.text, language, warnings)
    # Directives come from the sentences a lexicon of directive words finds (the model picks and
    # translates them, ten at a time); with none, the model reads each part for them.
    candidates = directive_sentences(text)
    directive_drafts: list[DirectiveDraft] = []
    part_summaries: list[SummaryDraft] = []
    for number, part_asker in enumerate(askers, 1):
        report("summary" if len(parts) == 1 else f"part {number}/{len(parts)}")
        if not candidates:
            directive_drafts += part_asker.ask_about_article("directives", DirectivesDraft).directives
        part_summaries.append(part_asker.ask_about_article("summary", SummaryDraft))
    english = part_summaries[0] if len(parts) == 1 else _summary_of_parts(session, part_summaries)
    report("directives")
    directive_drafts += _picked_directives(asker, candidates)
    directives = _directives(directive_drafts, article.text, warnings)
    report("chairs")
    chairs = _chairs(asker, text, article.text, warnings)
    targets = _targets(asker, text, article.text, report)
    summaries = [Summary(language="en", headline=english.headline, summary=english.summary)]
    second = (second_language or language).lower()
    if second not in ("en", "und"):
        report("translation")
        summaries.append(_translate(asker, english, second))

    if client.cache.problem:
        warnings.append(client.cache.problem)
    evidence = [c.evidence for c in chairs] + [t.evidence for t in targets] + [d.evidence for d in directives]
    grounding = _grounding(evidence)
    if grounding.none:
        warnings.append(f"{grounding.none} of {grounding.items} items have evidence not found in the article")
    return Brief(
        grounding=grounding,
        language=language,
        meeting=meeting,
        chairs=chairs,
        targets=targets,
        directives=directives,
        summaries=summaries,
        warnings=warnings,
        provenance=Provenance(
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
        ),
    )


class _Asker:
    """Renders prompts and asks the session; the system prompt is shared so prefixes are reused."""

    def __init__(self, session: Session, article_text: str) -> None:
        self.session = session
        self.article_text = article_text
        self.system = load_prompt("system")
        self._system_text = self.system.render()

    def ask_about_article(self, name: str, model: type[T]) -> T:
        return self.ask(load_prompt(name), model, article=self.article_text)

    def ask(self, prompt: Prompt, model: type[T], **values: str) -> T:
        messages = [
            {"role": "system", "content": self._system_text},
            {"role": "user", "content": prompt.render(**values)},
        ]
        return self.session.ask(model, messages, f"{self.system.tag}+{prompt.tag}", MAX_TOKENS[prompt.name])


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


def _summary_of_parts(session: Session, summaries: list[SummaryDraft]) -> SummaryDraft:
    """One English summary from the parts' summaries (given to the summary prompt as the text)."""
    joined = "\n\n".join(f"{s.headline}\n{s.summary}" for s in summaries)
    return _Asker(session, joined).ask_about_article("summary", SummaryDraft)


def _value(text: str | None) -> str | None:
    """The model's string, or None for empty and null-like words (small models write "null")."""
    if text is None or text.strip().lower() in _NULL_WORDS:
        return None
    return text.strip()


def _found(field: str, value: str | None, original: str, warnings: list[str]) -> str | None:
    """Keep a copied value only when it stands in the article."""
    value = _value(value)
    if value is not None and not appears_in(value, original):
        warnings.append(f"dropped meeting {field} {value!r}: not found in the article")
        return None
    return value


def _meeting(draft: MeetingDraft, original: str, language: str, warnings: list[str]) -> Meeting:
    date_words = _found("date", draft.date_as_written, original, warnings)
    return Meeting(
        name=_found("name", draft.name, original, warnings),
        kind=draft.kind,
        date=resolve_date(date_words, original, language),
        date_as_written=date_words,
        location=_found("location", draft.location, original, warnings),
        organiser=_found("organiser", draft.organiser, original, warnings),
    )


def _chairs(asker: _Asker, text: str, original: str, warnings: list[str]) -> list[Chair]:
    """Chairs read from the sentences that use a chairing verb, else from the whole article.

    The meeting's chairs are those named by the first chairing sentence that names anyone: reports
    name them in the lead, and later chairing sentences are about sessions or group discussions
    (a small model cannot tell those apart reliably). Names only later sentences give are reported.
    """
    sentences = chair_sentences(text)
    if not sentences:
        whole = asker.ask_about_article("chairs", ChairsDraft)
        return _grounded_chairs([(item.name, item.role, item.evidence) for item in whole.chairs], original, warnings)
    prompt = load_prompt("chair_sentence")
    chairs: list[Chair] = []
    for sentence in sentences:
        named = asker.ask(prompt, SentenceChairsDraft, sentence=sentence)
        if not named.whole_meeting:
            continue
        found = [(name, item.role, sentence) for item in named.chairs if (name := as_written(item.name, sentence))]
        people = _grounded_chairs(found, original, warnings)
        if not chairs:
            chairs = people
            continue
        known = {_name_key(chair.name) for chair in chairs}
        for person in people:
            if _name_key(person.name) not in known:
                warnings.append(f"not counted as chair: {person.name!r}, named as chairing in a later sentence")
    return chairs


def _grounded_chairs(found: list[tuple[str, str, str]], original: str, warnings: list[str]) -> list[Chair]:
    chairs: list[Chair] = []
    seen: set[str] = set()
    for raw_name, role, quote in found:
        name = _value(raw_name)
        if name is None or _name_key(name) in seen or not looks_like_a_name(name):
            continue
        evidence = ground(quote, original)
        if not appears_in(name, original):
            warnings.append(f"dropped chair {name!r}: the name is not in the article")
            continue
        if evidence.match == "none":  # kept, flagged by its evidence; --strict drops it
            warnings.append(f"chair {name!r}: the quoted sentence is not in the article")
        seen.add(_name_key(name))
        chairs.append(Chair(name=name, role=role.strip(), evidence=evidence))
    return chairs


def _name_key(name: str) -> str:
    """Names compared without case and diacritics ("Nguyễn" and "Nguyen" are one person)."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _directives(drafts: list[DirectiveDraft], original: str, warnings: list[str]) -> list[Directive]:
    """Directives with their quotes located; one per passage of the article (parts may repeat one)."""
    directives: list[Directive] = []
    for item in drafts:
        what, evidence = _value(item.what), ground(item.evidence, original)
        if what is None or any(_same_passage(evidence, kept.evidence) for kept in directives):
            continue
        if evidence.match == "none":  # kept, flagged by its evidence; --strict drops it
            warnings.append(f"directive {what!r}: its quote is not in the article")
        issued_by = _value(item.issued_by)
        if issued_by is not None and not appears_in(issued_by, original):
            issued_by = None
        directives.append(Directive(what=what, issued_by=issued_by, evidence=evidence))
    return directives


def _picked_directives(asker: _Asker, candidates: list[str]) -> list[DirectiveDraft]:
    """The candidate sentences the model says set tasks, with its English wording."""
    prompt = load_prompt("directive_pick")
    drafts = []
    for start in range(0, len(candidates), DIRECTIVE_BATCH):
        batch = candidates[start : start + DIRECTIVE_BATCH]
        numbered = "\n".join(f"{number}. {sentence[:400]}" for number, sentence in enumerate(batch, 1))
        for pick in asker.ask(prompt, DirectivePicksDraft, sentences=numbered).directives:
            index = _picked_sentence(pick.number, pick.what, batch)
            if index is not None:
                # The whole sentence is the evidence; it may exceed the draft's quote bound, hence construct.
                drafts.append(
                    DirectiveDraft.model_construct(evidence=batch[index], what=pick.what, issued_by=pick.issued_by)
                )
    return drafts


def _picked_sentence(number: int, what: str, batch: list[str]) -> int | None:
    """The sentence a pick means: the one its wording was copied from, else the one its number names.

    The small model sometimes numbers its picks 1, 2, 3 and copies pieces of one sentence into them
    (seen on seed 000); the copied words, when they stand in a sentence, say which it read.
    """
    if len(what) >= 20:
        copied = [index for index, sentence in enumerate(batch) if ground(what, sentence).match != "none"]
        if copied:
            return copied[0]
    return number - 1 if 1 <= number <= len(batch) else None


def _same_passage(a: Evidence, b: Evidence) -> bool:
    """Two quotes of one passage: overlapping offsets, or the same words when either was not found."""
    if a.start is not None and b.start is not None:
        return spans_overlap((a.start, a.end), (b.start, b.end))
    return _name_key(a.quote) == _name_key(b.quote)


def _targets(asker: _Asker, text: str, original: str, report: Progress) -> list[Target]:
    prompt = load_prompt("target")
    candidates = find_candidates(text)
    targets = []
    for number, candidate in enumerate(candidates, 1):
        report(f"targets {number}/{len(candidates)}")
        judged = asker.ask(
            prompt, TargetJudgement, sentence=candidate.sentence, clause=candidate.clause, figure=candidate.figure
        )
        # Numbers and status words are read by rules; the model judges only what they leave open.
        ruled = rule_status(candidate)
        targets.append(
            Target(
                what=judged.what.strip(),
                status=ruled or judged.status,
                status_by="model" if ruled is None else "rule",
                figure=candidate.figure,
                figure_in_article=numbers_appear(candidate.figure, original),
                evidence=ground(candidate.clause, original),
            )
        )
    return targets


def _grounding(evidence: list[Evidence]) -> Grounding:
    counts = {quality: sum(1 for quote in evidence if quote.match == quality) for quality in ("exact", "fuzzy", "none")}
    share = round((counts["exact"] + counts["fuzzy"]) / len(evidence), 3) if evidence else None
    return Grounding(items=len(evidence), share=share, **counts)


def _translate(asker: _Asker, english: SummaryDraft, language: str) -> Summary:
    translated = asker.ask(
        load_prompt("translate"),
        SummaryDraft,
        language=language_name(language),
        headline=english.headline,
        summary=english.summary,
    )
    return Summary(language=language, headline=translated.headline, summary=translated.summary)
