"""The library surface: summarize, asummarize, Brief rendering, provider choice."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path
from typing import Any

import pytest

import summarizer
from summarizer import asummarize, summarize
from summarizer.cache import ResponseCache
from summarizer.client import ModelClient
from summarizer.providers import choose_provider_name
from summarizer.providers.base import schema_of
from summarizer.settings import Settings as ProviderSettings
from summarizer.steps.directives import DirectiveDraft, grounded_directives
from tests.conftest import seed
from tests.fakes import FakeProvider

ANSWERS = {
    "SummaryDraft": {"headline": "District reviews its targets", "summary": "The district met."},
    "SentenceChairsDraft": {
        "whole_meeting": True,
        "chairs": [{"name": "Nguyen Hong Son", "role": "District chairman"}],
    },
}


def fake_client(tmp_path: Path) -> ModelClient:
    return ModelClient(FakeProvider(ANSWERS), ResponseCache(tmp_path / "cache", "use"))


def test_public_names() -> None:
    assert {"Brief", "SummarizerError", "asummarize", "summarize", "summarize_many"} <= set(summarizer.__all__)
    with pytest.raises(AttributeError):
        _ = summarizer.nothing_here  # type: ignore[attr-defined]


def test_brief_renders_as_markdown_and_json(tmp_path: Path) -> None:
    brief = summarize(seed("000"), client=fake_client(tmp_path))
    markdown = brief._repr_markdown_()
    assert markdown == brief.to_markdown()
    # The role is read from the titles the chairing sentence gives, not the fake model's "District chairman".
    role = "Deputy Secretary of the District Party Committee, Chairman of the District People's Committee"
    assert "## District reviews its targets" in markdown and f"Nguyen Hong Son ({role})" in markdown
    assert json.loads(brief.to_json())["chairs"][0]["evidence"]["match"] == "exact"


def test_asummarize_gives_the_same_brief(tmp_path: Path) -> None:
    client = fake_client(tmp_path)
    direct = summarize(seed("000"), client=client)
    awaited = asyncio.run(asummarize(seed("000"), client=client))
    assert awaited.chairs == direct.chairs and awaited.summaries == direct.summaries


def test_chairs_not_in_their_sentence_are_not_kept(tmp_path: Path) -> None:
    answers = {"SentenceChairsDraft": {"whole_meeting": True, "chairs": [{"name": "Vladimir Invented", "role": "x"}]}}
    client = ModelClient(FakeProvider(answers), ResponseCache(tmp_path / "c", "off"))
    assert summarize(seed("000"), client=client).chairs == []


def test_invented_places_and_dates_are_dropped(tmp_path: Path) -> None:
    answers = {
        "MeetingDraft": {
            "name_as_written": None,
            "kind": "conference",
            "date_as_written": "1 avril 2021",
            "location": "Bucharest",
            "organiser": None,
        }
    }
    client = ModelClient(FakeProvider(answers), ResponseCache(tmp_path / "c", "off"))
    brief = summarize(seed("000"), client=client)
    assert brief.meeting.location is None and brief.meeting.date is None
    assert any("Bucharest" in warning for warning in brief.warnings)


def test_provider_choice_follows_settings_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert choose_provider_name(ProviderSettings()) == "local"
    assert choose_provider_name(ProviderSettings(base_url="http://127.0.0.1:1/v1")) == "openai"
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    assert choose_provider_name(ProviderSettings()) == "openai"
    assert choose_provider_name(ProviderSettings(provider="local")) == "local"


def test_summarize_many_yields_every_article_and_isolates_failures(tmp_path: Path) -> None:
    from summarizer import summarize_many

    text = seed("000").read_text(encoding="utf-8")
    results = list(
        summarize_many([seed("004"), text, str(tmp_path / "missing.txt")], jobs=2, client=fake_client(tmp_path))
    )
    by_input = {r.input: r for r in results}
    assert set(by_input) == {str(seed("004")), "<text 1>", str(tmp_path / "missing.txt")}
    assert by_input["<text 1>"].status == "ok" and by_input["<text 1>"].brief is not None
    assert by_input[str(tmp_path / "missing.txt")].status == "failed"


def test_asummarize_many_is_the_async_twin(tmp_path: Path) -> None:
    from summarizer import asummarize_many

    async def collect() -> list[str]:
        return [r.status async for r in asummarize_many([seed("004")], client=fake_client(tmp_path))]

    assert asyncio.run(collect()) == ["ok"]


def test_a_sentence_about_a_group_discussion_gives_no_chair(tmp_path: Path) -> None:
    answers = {"SentenceChairsDraft": {"whole_meeting": False, "chairs": [{"name": "Nguyen Hong Son", "role": "x"}]}}
    client = ModelClient(FakeProvider(answers), ResponseCache(tmp_path / "c", "off"))
    assert summarize(seed("000"), client=client).chairs == []


def test_only_the_first_chairing_sentence_names_the_meetings_chairs(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "Le 3 mars, la conférence provinciale s'est tenue.\n"
        "Les camarades Tran Van Alpha et Le Thi Beta ont présidé la conférence.\n"
        "Le camarade Pham Van Gamma a présidé la discussion au sein du groupe 1.",
        encoding="utf-8",
    )

    def chairs_in(prompt: str) -> dict[str, object]:
        sentence = prompt.split('"')[1]
        names = [n for n in ("Tran Van Alpha", "Le Thi Beta", "Pham Van Gamma") if n in sentence]
        return {"whole_meeting": True, "chairs": [{"name": n, "role": "secretary"} for n in names]}

    provider = FakeProvider({"SentenceChairsDraft": chairs_in})
    client = ModelClient(provider, ResponseCache(tmp_path / "c", "off"))
    brief = summarize(article, client=client)
    assert [c.name for c in brief.chairs] == ["Tran Van Alpha", "Le Thi Beta"]
    assert all(c.evidence.match == "exact" for c in brief.chairs)
    asked = [r for r in provider.requests if (schema_of(r) or {}).get("title") == "SentenceChairsDraft"]
    assert len(asked) == 1  # the later sentence (a group's discussion) costs no call
    assert "1 later chairing sentences not read: the first names the chairs" in brief.warnings


def test_a_latin_1_article_is_read_and_its_brief_says_so(tmp_path: Path) -> None:
    article = tmp_path / "latin1.txt"
    article.write_bytes(
        "Le comité s'est réuni à Hanoï le 3 mars 2024. Les délégués ont approuvé le rapport.".encode("latin-1")
    )
    brief = summarize(article, client=fake_client(tmp_path))
    assert brief.provenance.encoding == "cp1252" and brief.language == "fr"


def test_one_line_texts_are_texts_with_numbered_labels(tmp_path: Path) -> None:
    from summarizer import summarize_many

    one_line = "Le 3 mars 2024, le comité du district de Hoa Binh a tenu une conférence présidée par Tran Van Minh."
    (result,) = summarize_many([one_line], client=fake_client(tmp_path))
    assert result.input == "<text 0>" and result.status == "ok"


def test_ungrounded_items_are_flagged_marked_and_dropped_by_strict(tmp_path: Path) -> None:
    # Every step quotes the article's own sentences today; a quote the article lacks (an OpenAI-compatible
    # model's own words, or a stored brief edited by hand) is still flagged, not trusted.
    article = "Le 3 mars 2024, le comité de Hoa Binh a tenu une conférence.\nLe district a atteint 3/34 objectifs."
    brief = summarize(article, client=fake_client(tmp_path))
    (target,) = brief.targets
    warnings: list[str] = []
    quote = "Le comité organisera des fêtes sur la Lune chaque semaine."  # not in the article
    (directive,) = grounded_directives([DirectiveDraft(evidence=quote, what="Hold parties")], article, warnings)
    assert directive.evidence.match == "none" and "its quote is not in the article" in warnings[0]
    flagged = brief.model_copy(update={"directives": [directive]})
    assert flagged.flagged() == [directive]
    assert "quote NOT found in the article" in flagged.to_markdown()
    strict = flagged.strict()
    assert strict.directives == [] and strict.targets == [target]
    assert "strict: dropped 1 flagged items" in strict.warnings


def test_a_figure_whose_numbers_are_not_in_the_article_is_flagged() -> None:
    from summarizer.text.grounding import numbers_appear

    text = "Le district a atteint 21 des 25 objectifs ; la croissance est de 8,56 %."
    assert numbers_appear("21 des 25", text) and numbers_appear("8,56 %", text)
    assert not numbers_appear("22 des 25", text) and not numbers_appear("8,5 %", text)


@pytest.mark.parametrize(
    ("text", "answered", "chairs"),
    [
        (  # the model names part of one listed comrade: the list's whole name replaces it, once
            "Ngày 2/4, các đồng chí: Lê Văn Hùng - Phó Chủ tịch UBND tỉnh; Trần Thị Minh Hạnh - Phó Chủ tịch "
            "UBND tỉnh chủ trì cuộc họp.",
            "Minh Hạnh",
            ["Trần Thị Minh Hạnh", "Lê Văn Hùng"],
        ),
        (  # a surname alone is completed from the sentence
            "Член ЦК КПВ Нгуен Ван Зунг провёл совещание с руководством уезда.",
            "Зунг",
            ["Нгуен Ван Зунг"],
        ),
        (  # a surname alone after a title stays a name
            "Seduta straordinaria del Consiglio regionale.\nPresidenza del Presidente Rossetti.",
            "Rossetti",
            ["Rossetti"],
        ),
    ],
)
def test_a_partial_name_from_the_model_becomes_the_articles_whole_name(
    tmp_path: Path, text: str, answered: str, chairs: list[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    answers = {"SentenceChairsDraft": {"whole_meeting": True, "chairs": [{"name": answered, "role": ""}]}}
    client = ModelClient(FakeProvider(answers), ResponseCache(tmp_path / "c", "off"))
    assert [c.name for c in summarize(article, client=client).chairs] == chairs


def test_texts_a_joint_translation_copied_back_are_asked_one_by_one(tmp_path: Path) -> None:
    from summarizer.steps import MAX_TOKENS
    from summarizer.steps.base import Asker
    from summarizer.steps.english import in_english

    texts = ["Hội đồng nhân dân xã họp phiên thường kỳ tháng mười", "Ủy ban nhân dân xã báo cáo kết quả"]

    def english(prompt: str) -> dict[str, str]:
        numbered = re.findall(r"^text(\d+): (.*)$", prompt, re.MULTILINE)
        if len(numbered) > 1:  # the joint call copies every text back, as the small model did on a long report
            return {f"text{n}": text for n, text in numbered}
        return {"text1": "The commune council held its regular October session"}

    provider = FakeProvider({"EnglishTexts": english})
    client = ModelClient(provider, ResponseCache(tmp_path / "c", "off"))
    asker = Asker(client.session("test"), "", MAX_TOKENS)
    assert in_english(asker, texts) == ["The commune council held its regular October session"] * 2
    assert len(provider.requests) == 3  # the joint call, then each text alone


def test_a_translated_meeting_name_keeps_its_numbers() -> None:
    from summarizer.schema import Meeting
    from summarizer.steps.meeting import checked_english_name

    text = "Sáng 5/8, phiên họp thứ 16 của Ban Chỉ đạo diễn ra tại huyện."
    meeting = Meeting(name_as_written="phiên họp thứ 16")
    warnings: list[str] = []
    assert checked_english_name("First meeting", meeting, text, "vi", warnings) == (
        "16th Meeting of the Steering Committee",
        "rule",
    )
    assert "lost the name's 16" in warnings[0]
    assert checked_english_name("16th meeting", meeting, text, "vi", warnings) == ("16th meeting", "model")
    month = Meeting(name_as_written="Hội nghị thường kỳ tháng 10/2022")
    said = "Regular meeting of October 2022"
    assert checked_english_name(said, month, f"{month.name_as_written}.", "vi", warnings) == (said, "model")


THAI = (
    "จังหวัดนาคาธารจัดการประชุมคณะกรรมการติดตามงบประมาณ เมื่อวันที่ 12 มีนาคม 2568\n"
    "นายธนวัฒน์ ศรีสุขประเสริฐ ผู้ว่าราชการจังหวัด เป็นประธานการประชุม\n"
    "การเบิกจ่ายงบประมาณคิดเป็นร้อยละ 37.2 ของแผน"
)


def test_a_language_no_lexicon_covers_is_read_by_the_model_and_says_so(tmp_path: Path) -> None:
    answers = {
        "ChairSentenceDraft": {"sentence": "นายธนวัฒน์ ศรีสุขประเสริฐ ผู้ว่าราชการจังหวัด เป็นประธานการประชุม"},
        "SentenceChairsDraft": {"whole_meeting": True, "chairs": [{"name": "ธนวัฒน์ ศรีสุขประเสริฐ", "role": "Governor"}]},
        "FiguresDraft": {
            "figures": [
                {"figure": "ร้อยละ 37.2", "clause": "การเบิกจ่ายงบประมาณคิดเป็นร้อยละ 37.2 ของแผน"},
                {"figure": "ร้อยละ 99", "clause": "ร้อยละ 99 ของแผนที่ไม่มีในบทความ"},  # not in the article: dropped
            ]
        },
        "TargetJudgement": {"clause_in_english": "Budget spending was 37.2 percent of the plan", "status": "at_risk"},
    }
    client = ModelClient(FakeProvider(answers), ResponseCache(tmp_path / "c", "off"))
    brief = summarize(THAI, client=client)
    assert brief.provenance.rules is None
    assert any("no lexicon for language 'th'" in warning for warning in brief.warnings)
    assert [chair.name for chair in brief.chairs] == ["ธนวัฒน์ ศรีสุขประเสริฐ"]
    assert [(t.figure, t.status) for t in brief.targets] == [("ร้อยละ 37.2", "at_risk")]
    assert any("ร้อยละ 99" in warning for warning in brief.warnings)


def test_a_language_with_a_lexicon_is_read_by_the_rules(tmp_path: Path) -> None:
    brief = summarize(seed("000"), client=fake_client(tmp_path))
    assert brief.provenance.rules == "fr" and not any("no lexicon" in w for w in brief.warnings)


def test_copies_of_an_article_in_han_kana_or_hangul_may_write_it_and_nothing_else_may(tmp_path: Path) -> None:
    chinese = "青林省人民议会举行会议。\n省委书记黎光朗主持会议。\n预算收入完成计划的105%。"
    provider = FakeProvider(ANSWERS)
    summarize(chinese, client=ModelClient(provider, ResponseCache(tmp_path / "c", "off")))
    allowed = {schema_of(r)["title"] for r in provider.requests if r.get("any_script")}
    assert "MeetingDraft" in allowed and "SummaryDraft" not in allowed
    french = FakeProvider(ANSWERS)
    summarize(seed("000"), client=ModelClient(french, ResponseCache(tmp_path / "d", "off")))
    assert not any(request.get("any_script") for request in french.requests)


class CutsOffTheChairSentence(FakeProvider):
    """Answers the chairing-sentence question as a model that rambles to its token limit."""

    def complete(self, request: dict[str, Any]) -> dict[str, Any]:
        response = super().complete(request)
        if (schema_of(request) or {}).get("title") == "ChairSentenceDraft":
            response["choices"][0]["finish_reason"] = "length"
            response["choices"][0]["message"]["content"] = '{"sentence": "นายธนวัฒน์ ศรีสุขประเสริฐ'
        return response


def test_a_cut_off_answer_in_the_unread_fallback_is_a_warning_not_a_lost_brief(tmp_path: Path) -> None:
    # A real Khmer report failed whole this way (chair_find cut off at 200 tokens).
    client = ModelClient(CutsOffTheChairSentence(), ResponseCache(tmp_path / "c", "off"))
    brief = summarize(THAI, client=client)
    assert brief.chairs == []
    assert any("no chairing sentence read" in warning and "cut off" in warning for warning in brief.warnings)
