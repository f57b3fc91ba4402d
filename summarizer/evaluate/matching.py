"""Field-level scores of briefs against hand-written gold annotations, and the run over a gold file.

A gold file has one JSON object per article: ``article`` (a path, relative to the gold file),
``language``, ``date`` (ISO or null), ``chairs`` (names), ``targets`` (``figure`` as written and
``status``) and ``directives`` (each a passage copied from the article). Matching rules:

- chairs: names equal once case, diacritics and spacing are folded, or one name's words all
  appear in the other ("Nguyen Hong Son" matches "camarade Nguyen Hong Son");
- targets: the numbers written in the figures are the same sequence ("21 des 25" = "21/25");
  a second score also asks for the same status. Targets the brief marks ``unknown`` are figures it
  does not claim as met or missed, and are left out of the target scores;
- directives: by meaning located in the text: a predicted directive matches a gold one when its
  evidence overlaps the gold passage in the article (character offsets), whatever the wording of
  its English summary;
- date and language: exact equality (a null gold date is right only when the brief has none).

Scores are micro-averaged over all articles: precision = matched predictions / predictions,
recall = matched gold items / gold items. The grounded share is the mean of the briefs' own.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from summarizer.brief import Brief
from summarizer.errors import InputError
from summarizer.evaluate import fidelity, quality
from summarizer.evaluate.scores import Count, Scores, language_group
from summarizer.inputs import Article, read_article
from summarizer.schema import Grounding, Meeting, Provenance, Usage
from summarizer.text.grounding import NUMBER, ground, spans_overlap
from summarizer.text.names import name_words


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """The gold annotations, with article paths resolved against the gold file's folder."""
    gold_path = Path(path)
    try:
        lines = gold_path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(f"cannot read gold file {gold_path}: {e.strerror}") from e
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            record["article"] = str((gold_path.parent / record["article"]).resolve())
        except (json.JSONDecodeError, KeyError, TypeError) as e:
            raise InputError(f"{gold_path}:{number}: not a gold record ({e})") from e
        records.append(record)
    return records


def evaluate(gold: Sequence[dict[str, Any]], summarise: Callable[[Article], Brief | None]) -> Scores:
    """Score the briefs ``summarise`` gives for each gold article (None: the article has no brief).

    Each article is read once, as the tool reads it, so gold passages are located in the same text
    the brief's offsets point into (the extracted text, for HTML).
    """
    scores = Scores(articles=len(gold))
    for record in gold:
        article = read_article(Path(record["article"]))
        brief = summarise(article)
        if brief is None:
            scores.failed.append(Path(record["article"]).name)
            brief = _EMPTY.model_copy(update={"language": "und"})
        before = copy.deepcopy((scores.fields, scores.rates))
        _score_article(scores, record, brief, article.text)
        shortfalls = _shortfalls(before, scores)
        key = record.get("id") or Path(record["article"]).name
        if shortfalls:
            scores.shortfalls[key] = shortfalls
        untraced = fidelity.untraced_items(brief, article.text)
        if untraced:
            scores.untraced[key] = untraced
        for name in group_names(record):
            group = scores.groups.setdefault(name, Scores())
            group.articles += 1
            _score_article(group, record, brief, article.text)
    scores.groups = dict(sorted(scores.groups.items(), key=lambda item: _group_order(item[0])))
    return scores


def group_names(record: dict[str, Any]) -> list[str]:
    """The groups a gold record is reported in (none for a gold file without splits or languages):
    its split with its language group ("validation · vi"), long articles apart, and its language."""
    split, language = record.get("split"), record.get("language")
    names = []
    if split:
        names += [f"{split} · all", f"{split} · {language_group(str(language))}"]
        if str(record.get("id", "")).startswith("long-"):
            names.append(f"{split} · long")
    if language and split:
        names.append(f"language · {language}")
    return names


def _group_order(name: str) -> tuple[int, str]:
    return (1 if name.startswith("language") else 0, name)


def _shortfalls(before: tuple[dict[str, Count], dict[str, list[int]]], after: Scores) -> dict[str, dict[str, int]]:
    """What one article added to the misses: gold items missed and extra predictions per field, failed checks."""
    fields, rates = before
    found = {}
    for name, count in after.fields.items():
        old = fields.get(name, Count())
        missed = (count.gold - count.matched_gold) - (old.gold - old.matched_gold)
        extra = (count.predicted - count.matched_predicted) - (old.predicted - old.matched_predicted)
        if missed or extra:
            found[name] = {"missed": missed, "extra": extra}
    for name, (passed, checked) in after.rates.items():
        old_passed, old_checked = rates.get(name, [0, 0])
        failed, total = (checked - old_checked) - (passed - old_passed), checked - old_checked
        if failed:
            found[name] = {"failed": failed, "of": total}
    return found


def score_results(gold: Sequence[dict[str, Any]], results: str | Path, only: set[str] | None = None) -> Scores:
    """Score the briefs of a batch results file (matched to gold articles by content hash); with
    ``only`` (content hashes), only those articles are scored (to compare two partial runs)."""
    by_sha = {}
    for line in Path(results).read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            if record.get("brief") is not None:
                by_sha[record["sha256"]] = Brief.model_validate(record["brief"])
    chosen = [record for record in gold if only is None or _sha_of(record) in only]
    return evaluate(chosen, lambda article: by_sha.get(article.sha256))


def result_hashes(results: str | Path) -> set[str]:
    """Content hashes of the articles a results file has a brief for."""
    lines = Path(results).read_text(encoding="utf-8").splitlines()
    return {record["sha256"] for record in map(json.loads, filter(str.strip, lines)) if record.get("brief")}


def _sha_of(record: dict[str, Any]) -> str:
    return read_article(Path(record["article"])).sha256


def _score_article(scores: Scores, record: dict[str, Any], brief: Brief, text: str) -> None:
    gold_chairs = [_chair(item, record.get("chair_roles", {})) for item in record.get("chairs", [])]
    _add(scores, "chairs", _match([c.name for c in brief.chairs], [name for name, _ in gold_chairs], _same_person))
    claimed = [t for t in brief.targets if t.status != "unknown"]
    predicted = [(t.figure, t.status) for t in claimed]
    expected = [(t["figure"], t["status"]) for t in record.get("targets", [])]
    _add(scores, "targets (figure)", _match(predicted, expected, _same_figure))
    _add(scores, "targets (figure + status)", _match(predicted, expected, _same_target))
    everything = [(t.figure, t.status) for t in [*brief.targets, *brief.other_figures]]
    _add(scores, "targets (figure, any status)", _match(everything, expected, _same_figure))
    _rate(scores, "target status right (of matched figures)", _status_of_matched(everything, expected))
    spans = [(d.evidence.start, d.evidence.end) for d in brief.directives]
    gold_spans = [_span(passage, text) for passage in record.get("directives", [])]
    gold_spans += [(start, end) for start, end in record.get("directive_spans", [])]  # offsets, no text
    _add(scores, "directives", _match(spans, gold_spans, spans_overlap))
    issuers = [d.issued_by for d in brief.directives if d.issued_by]
    issuer_count = _match(list(dict.fromkeys(issuers)), record.get("issued_by", []), _same_person)
    _add(scores, "directives issued_by", issuer_count)
    gold_date = record.get("date")
    _right(scores, "date", (brief.meeting.date.isoformat() if brief.meeting.date else None) == gold_date)
    scores.calls += brief.provenance.usage.calls
    _right(scores, "language", brief.language == record.get("language"))
    _rate(scores, "language right", (int(brief.language == record.get("language")), 1))
    if brief.grounding.share is not None:
        scores.grounded_shares.append(brief.grounding.share)
    _quality(scores, record, brief, text, gold_chairs)


def _quality(scores: Scores, record: dict[str, Any], brief: Brief, text: str, chairs: list[tuple[str, str]]) -> None:
    roles = {name: role for name, role in chairs}
    pairs = [(c.role, roles[g]) for c in brief.chairs for g in roles if _same_person(c.name, g)]
    _rate(scores, "English fields in English", quality.english_in_english(brief))
    _rate(scores, "second language in its language and script", quality.second_language_right(brief))
    _rate(scores, "no foreign-script leak (briefs)", quality.no_script_leak(brief))
    _rate(scores, "summaries end at a sentence end", quality.summaries_end_whole(brief))
    _rate(scores, "targets say what the figure measures", quality.targets_say_what(brief))
    _rate(scores, "meeting name given, in English", quality.meeting_name_given(brief, record))
    _rate(scores, "meeting name as written in the article", quality.meeting_name_in_article(brief, text))
    _rate(scores, "place right or empty", quality.place_right_or_empty(brief, record))
    _rate(scores, "date right or empty", quality.date_right_or_empty(brief, record))
    _rate(scores, "chair roles consistent with the article", quality.roles_consistent(pairs))
    _fidelity(scores, record, brief, text)


def _fidelity(scores: Scores, record: dict[str, Any], brief: Brief, text: str) -> None:
    """Whether the English is right: traced to the article, the meeting name and date against the gold."""
    _rate(scores, "numbers in English fields traceable to the article", fidelity.numbers_traced(brief, text))
    _rate(scores, "names, countries and currencies in English traceable", fidelity.entities_traced(brief, text))
    invented = fidelity.foreign_entities_invented(brief, text)
    _rate(scores, "briefs with no country or currency the article lacks", (int(not invented), 1))
    for part, tally in fidelity.meeting_name_parts(brief, record).items():
        name = "meeting name right (ordinal, term, body, place)" if part == "right" else f"meeting name: {part}"
        _rate(scores, name, tally)
    _rate(scores, "date right (of gold dates)", fidelity.date_recall(brief, record))
    _rate(scores, "date never wrong (of dates given)", fidelity.date_never_wrong(brief, record))
    _rate(scores, "language without a lexicon warned about", fidelity.unread_language_warned(brief, record))
    _rate(scores, "targets listed with a status (not unknown)", fidelity.targets_with_a_status(brief))


def _chair(item: str | dict[str, str], roles: dict[str, str]) -> tuple[str, str]:
    """A gold chair's name and role: a name (its role in ``chair_roles``), or a name and role."""
    return (item, roles.get(item, "")) if isinstance(item, str) else (item["name"], item.get("role", ""))


def _status_of_matched(predicted: Sequence[tuple[str, str]], expected: Sequence[tuple[str, str]]) -> tuple[int, int]:
    """(right, checked) statuses of predicted figures paired with gold ones: pairs with the same figure and
    status first, then the rest by figure, so of two gold "10%" (of tourists, met; of roads, missed) each
    is paired with its own, whatever the order the brief lists them in."""
    free = list(range(len(expected)))
    unpaired = []
    for item in predicted:
        hit = next((index for index in free if _same_target(item, expected[index])), None)
        if hit is None:
            unpaired.append(item)
        else:
            free.remove(hit)
    right = len(predicted) - len(unpaired)
    checked = right
    for item in unpaired:
        hit = next((index for index in free if _same_figure(item, expected[index])), None)
        if hit is not None:
            free.remove(hit)
            checked += 1
    return right, checked


def _rate(scores: Scores, name: str, tally: tuple[int, int]) -> None:
    total = scores.rates.setdefault(name, [0, 0])
    total[0] += tally[0]
    total[1] += tally[1]


# What an article with no brief is scored as: nothing found.
_EMPTY = Brief(
    language="und",
    meeting=Meeting(),
    chairs=[],
    targets=[],
    directives=[],
    summaries=[],
    grounding=Grounding(),
    provenance=Provenance(
        model="", endpoint="", prompt_version="", usage=Usage(), cached=False, seconds=0, content_sha256=""
    ),
)


def _match(predicted: Sequence[Any], gold: Sequence[Any], same: Callable[[Any, Any], bool]) -> Count:
    """Counts with each gold item matched at most once (greedy, in order)."""
    free = list(range(len(gold)))
    matched_predicted = 0
    for item in predicted:
        hit = next((index for index in free if same(item, gold[index])), None)
        if hit is not None:
            free.remove(hit)
            matched_predicted += 1
    return Count(len(predicted), len(gold), matched_predicted, len(gold) - len(free))


def _add(report: Scores, name: str, count: Count) -> None:
    total = report.fields.setdefault(name, Count())
    total.predicted += count.predicted
    total.gold += count.gold
    total.matched_predicted += count.matched_predicted
    total.matched_gold += count.matched_gold


def _right(report: Scores, name: str, right: bool) -> None:
    report.correct[name] = report.correct.get(name, 0) + int(right)


def _same_person(predicted: str, gold: str) -> bool:
    """Equal names once folded, or one name's words all within the other's."""
    a, b = name_words(predicted), name_words(gold)
    return bool(a and b) and (a == b or set(a) <= set(b) or set(b) <= set(a))


def _same_figure(predicted: tuple[str, str], gold: tuple[str, str]) -> bool:
    numbers = NUMBER.findall(predicted[0])
    return bool(numbers) and numbers == NUMBER.findall(gold[0])


def _same_target(predicted: tuple[str, str], gold: tuple[str, str]) -> bool:
    return _same_figure(predicted, gold) and predicted[1] == gold[1]


def _span(passage: str, text: str) -> tuple[int | None, int | None]:
    evidence = ground(passage, text)
    return evidence.start, evidence.end
