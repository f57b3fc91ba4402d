"""The English headline and summary (of the article, or of its parts' summaries) and the second language.

Summaries end at a sentence end: a text the schema's bound cut mid-word is trimmed back to its last
whole sentence. In the article's own language the brief shows the article's own headline and opening
sentences (``from_article``): the small model's translations back into it were garbled, left in
English or mixed with Chinese, and the article's words cost no tokens and need no checking. In another
language (``--lang``) the model translates, and its text is checked (lingua for the language, no
letters of a script the language is not written in); a failed translation is left out, with a warning.
"""

from __future__ import annotations

from pydantic import Field

from summarizer import lexicon
from summarizer.prompts import load_prompt
from summarizer.schema import Summary
from summarizer.steps.base import Asker, Draft
from summarizer.text.language import is_in_language, language_name
from summarizer.text.scripts import foreign_scripts
from summarizer.text.sentences import SENTENCE_END, ends_a_sentence, split_sentences

MAX_TOKENS = {"summary": 500, "translate": 900}
LEAD_CHARS = 600  # the article's opening shown in place of a failed translation


class SummaryDraft(Draft):
    """Headline and short summary in one language."""

    headline: str = Field(max_length=160)
    summary: str = Field(max_length=700)


DRAFTS = {"summary": SummaryDraft}


def summarise(asker: Asker, glossary: str = "", avoid: str = "") -> SummaryDraft:
    """An English headline and summary of the asker's text; ``glossary``, the renderings of its words the
    model is given; ``avoid``, what an earlier answer said that the article does not."""
    draft = asker.ask(load_prompt("summary"), SummaryDraft, article=asker.article_text, glossary=glossary, avoid=avoid)
    return SummaryDraft.model_construct(headline=draft.headline.strip(), summary=whole_sentences(draft.summary))


def summary_of_parts(asker: Asker, summaries: list[SummaryDraft], glossary: str = "") -> SummaryDraft:
    """One English summary from the parts' summaries (given to the summary prompt as the text)."""
    joined = "\n\n".join(f"{s.headline}\n{s.summary}" for s in summaries)
    return summarise(asker.for_text(joined), glossary)


def whole_sentences(text: str) -> str:
    """``text`` up to its last sentence end (unchanged when it ends with one, or has none)."""
    text = text.strip()
    ends = list(SENTENCE_END.finditer(text))
    if not ends or ends[-1].end() == len(text):
        return text
    return text[: ends[-1].end()]


def second_language(
    asker: Asker, english: SummaryDraft, language: str, article: tuple[str, str], warnings: list[str]
) -> Summary | None:
    """The headline and summary in ``language``: the article's opening when it is the article's language
    (``article`` is its language and text), else the model's translation when it passes the checks."""
    article_language, text = article
    if language == article_language:
        return lead_summary(text, language)
    translated = asker.ask(
        load_prompt("translate"),
        SummaryDraft,
        language=language_name(language),
        headline=english.headline,
        summary=english.summary,
    )
    summary = Summary(
        language=language, headline=translated.headline.strip(), summary=whole_sentences(translated.summary)
    )
    problem = _problem(summary, english)
    if problem is None:
        return summary
    warnings.append(f"no {language_name(language)} summary: the model's translation {problem}")
    return None


def lead_summary(text: str, language: str) -> Summary:
    """The article's opening as a summary: its title line as headline, then its lead's first whole sentences.

    Scraped pages open with furniture (site names, datelines, "Français", captions, teasers of other
    stories): the headline is the first line of four to forty words (or 12 to 160 characters in a
    script without spaces) in the article's language that is not a teaser cut with "…"; the lead is the first
    paragraph after it (else anywhere) of 100 characters or more, in that language, that ends a
    sentence and is no teaser. A page hard-wrapped mid-sentence has no such paragraph: its lines
    after the headline are joined again.
    """
    lines = [line.strip().rstrip(" |·•") for line in text.splitlines() if line.strip().rstrip(" |·•")]
    # Only the first title and the first lead are used: lines are checked until each is found, the
    # language check (lingua) being the cost of this step.
    start = next((i for i, line in enumerate(lines) if _is_title(line, language)), 0)
    after = range(start + 1, len(lines))
    before = range(start)
    found = next((i for i in [*after, *before] if _is_lead(lines[i], language)), None)
    lead = lines[found] if found is not None else " ".join(lines[start + 1 :] or lines)
    body: list[str] = []
    for sentence in split_sentences(lead):
        if body and len(" ".join([*body, sentence])) > LEAD_CHARS:
            break
        body.append(sentence)
    headline = lines[start][:160] if lines else ""
    return Summary(language=language, headline=headline, summary=whole_sentences(" ".join(body)), from_article=True)


def _is_title(line: str, language: str) -> bool:
    return _title_length(line, language) and "…" not in line and _in(line, language)


def _title_length(line: str, language: str) -> bool:
    """Four to forty words; where the script does not space its words (Thai, Khmer, Lao), 12 to 160 characters
    too: "จ.ราชบุรีประชุมติดตามการเบิกจ่ายงบประมาณ ปี 2564" is a title of three spaced phrases."""
    if 4 <= len(line.split()) <= 40:
        return True
    found = lexicon.languages().get(language)
    return found is not None and found.word_boundaries is False and 12 <= len(line) <= 160


def _is_lead(line: str, language: str) -> bool:
    return len(line) >= 100 and ends_a_sentence(line) and "…" not in line and _in(line, language)


def _in(line: str, language: str) -> bool:
    return is_in_language(line, language) is not False


def _problem(summary: Summary, english: SummaryDraft) -> str | None:
    """Why a translation is not acceptable, or None."""
    text = f"{summary.headline}\n{summary.summary}"
    leaked = foreign_scripts(text, summary.language)
    if leaked:
        return f"has letters of another script ({', '.join(sorted(leaked))})"
    if summary.summary.strip() == english.summary.strip() or is_in_language(text, summary.language) is False:
        return f"is not in {language_name(summary.language)}"
    return None
