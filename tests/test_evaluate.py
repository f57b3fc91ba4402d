"""`summarize eval`: the matching rules, and the seed gold set scored offline from the recorded cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer.brief import Brief
from summarizer.cli import cli
from summarizer.errors import InputError
from summarizer.evaluate import Count, _match, _same_figure, _same_person, _same_target, read_gold
from summarizer.evaluate.matching import _status_of_matched
from summarizer.text.grounding import ground, spans_overlap
from tests.conftest import REPO

GOLD = REPO / "eval" / "seeds.gold.jsonl"


def test_names_match_without_case_accents_or_titles() -> None:
    assert _same_person("Nguyễn Hồng Sơn", "Nguyen Hong Son")
    assert _same_person("camarade Nguyen Hong Son", "nguyen hong son")
    assert not _same_person("Nguyen Hong", "Nguyen Thanh Nam")
    assert not _same_person("", "Nguyen Hong Son")


def test_figures_match_by_their_numbers_and_targets_by_status_too() -> None:
    assert _same_figure(("21/25", "on_track"), ("21 des 25", "met"))
    assert not _same_figure(("21/25", "met"), ("25/21", "met"))
    assert not _same_figure(("objectifs", "met"), ("objectifs", "met"))  # no number, no match
    assert _same_target(("4/34", "exceeded"), ("4/34", "exceeded"))
    assert not _same_target(("4/34", "met"), ("4/34", "exceeded"))


def test_directives_match_when_their_evidence_overlaps_the_gold_passage() -> None:
    assert spans_overlap((10, 20), (19, 40)) and not spans_overlap((10, 20), (20, 40))
    assert not spans_overlap((None, None), (0, 10))


def test_two_gold_figures_with_the_same_numbers_pair_with_their_own_status() -> None:
    gold = [("10% of tourists", "met"), ("10% of roads", "missed")]
    assert _status_of_matched([("10%", "missed"), ("10%", "met")], gold) == (2, 2)
    assert _status_of_matched([("10%", "unknown"), ("10%", "met")], gold) == (1, 2)


def test_each_gold_item_is_matched_once() -> None:
    count = _match(["Nguyen Hong Son", "Nguyen Hong Son"], ["Nguyen Hong Son"], _same_person)
    assert count == Count(predicted=2, gold=1, matched_predicted=1, matched_gold=1)
    assert count.precision == 0.5 and count.recall == 1.0 and Count().precision is None


def test_the_gold_set_quotes_its_articles() -> None:
    records = read_gold(GOLD)
    assert len(records) == 5
    for record in records:
        text = Path(record["article"]).read_text(encoding="utf-8")
        quoted = [*record["directives"], *record["chairs"], *(t["figure"] for t in record["targets"])]
        quoted += [record["meeting_name_span"], record["place"], *record["issued_by"]]
        for passage in filter(None, quoted):
            assert ground(passage, text).match == "exact", passage


def test_eval_scores_the_seeds_offline(recorded_cache: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", str(GOLD), "--cache-dir", str(recorded_cache), "--cache-mode", "replay"])
    assert result.exit_code == 0, result.output
    rows = {line.split(" | ")[0].strip("| "): line for line in result.output.splitlines()[2:]}
    assert set(rows) == {
        "chairs",
        "targets (figure)",
        "targets (figure + status)",
        "targets (figure, any status)",
        "directives",
        "directives issued_by",
        "date",
        "language",
        "grounded share",
        "target status right (of matched figures)",
        "English fields in English",
        "second language in its language and script",
        "no foreign-script leak (briefs)",
        "summaries end at a sentence end",
        "targets say what the figure measures",
        "meeting name given, in English",
        "meeting name as written in the article",
        "place right or empty",
        "date right or empty",
        "chair roles consistent with the article",
        "language right",
        "numbers in English fields traceable to the article",
        "names, countries and currencies in English traceable",
        "briefs with no country or currency the article lacks",
        "meeting name: ordinal",
        "meeting name: term",
        "meeting name: body",
        "meeting name: place",
        "meeting name: no other number",
        "meeting name right (ordinal, term, body, place)",
        "date right (of gold dates)",
        "date never wrong (of dates given)",
        "language without a lexicon warned about",
        "targets listed with a status (not unknown)",
    }
    # What the recorded briefs get right, by the tests' own reading of the seeds (test_seeds.py).
    assert "7/7 predicted, 7/7 gold" in rows["chairs"] and "5/5 articles right" in rows["language"]


def test_a_broken_gold_file_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "gold.jsonl"
    bad.write_text(json.dumps({"language": "fr"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold\.jsonl:1"):
        read_gold(bad)
    result = CliRunner().invoke(cli, ["eval", str(bad)])
    assert result.exit_code == 2


def test_quality_checks_see_what_an_analyst_sees() -> None:
    from summarizer.evaluate import quality
    from summarizer.text.scripts import foreign_scripts
    from summarizer.text.sentences import ends_a_sentence

    assert foreign_scripts("les diverses部门 de la province", "fr") == {"han"}
    assert not foreign_scripts("Лідери партії та Nguyen Van A", "uk")
    assert ends_a_sentence("The meeting ended.") and not ends_a_sentence("The meeting en")
    assert quality.roles_consistent(
        [("Provincial Party Secretary", "Chairman of the Provincial People's Committee")]
    ) == (
        0,
        1,
    )
    assert quality.roles_consistent([("Party Secretary", "Secretary of the Provincial Party Committee")]) == (1, 1)
    assert not quality.says_what("percentage") and not quality.says_what("a share of")
    assert not quality.says_what("11 targets") and not quality.says_what("18 out of 21")
    assert quality.says_what("GRDP growth") and quality.says_what("Budget revenue reached 113% of the plan")


def test_a_results_file_is_scored_by_content_hash(recorded_cache: Path, tmp_path: Path) -> None:
    results = tmp_path / "results.jsonl"
    batch = CliRunner().invoke(
        cli,
        [
            "batch",
            str(REPO / "seeds"),
            "-o",
            str(results),
            "--cache-dir",
            str(recorded_cache),
            "--cache-mode",
            "replay",
        ],
    )
    assert batch.exit_code == 0, batch.output
    replayed = CliRunner().invoke(
        cli, ["eval", str(GOLD), "--json", "--cache-dir", str(recorded_cache), "--cache-mode", "replay"]
    )
    scored = CliRunner().invoke(cli, ["eval", str(GOLD), "--json", "--results", str(results)])
    assert scored.exit_code == 0, scored.output
    assert json.loads(scored.output) == json.loads(replayed.output)


def test_each_articles_shortfalls_add_up_to_the_totals(recorded_cache: Path) -> None:
    scored = CliRunner().invoke(
        cli, ["eval", str(GOLD), "--json", "--cache-dir", str(recorded_cache), "--cache-mode", "replay"]
    )
    report = json.loads(scored.output)
    shortfalls = report["shortfalls"]
    assert shortfalls, "the seeds' briefs are not perfect: some article falls short somewhere"
    for name, count in report["fields"].items():
        missed = sum(article.get(name, {}).get("missed", 0) for article in shortfalls.values())
        extra = sum(article.get(name, {}).get("extra", 0) for article in shortfalls.values())
        assert missed == count["gold"] - count["matched_gold"], name
        assert extra == count["predicted"] - count["matched_predicted"], name
    for name, rate in report["rates"].items():
        failed = sum(article.get(name, {}).get("failed", 0) for article in shortfalls.values())
        assert failed == rate["checked"] - rate["passed"], name
    table = CliRunner().invoke(
        cli, ["eval", str(GOLD), "--per-article", "--cache-dir", str(recorded_cache), "--cache-mode", "replay"]
    )
    assert "| article | shortfalls |" in table.output
    first = next(iter(shortfalls))
    assert f"| {first} | " in table.output


def test_english_is_traced_to_its_article() -> None:
    from summarizer.text.fidelity import index_article, untraced

    article = index_article(
        "Sáng 29-5, HĐND tỉnh Lam Sơn khóa XVIII tổ chức Kỳ họp thứ 17. Thu ngân sách đạt 4.130 tỷ đồng; "
        "huyện Phú Bình đạt 105,3% kế hoạch."
    )
    faithful = "The 17th Session of the XVIII Lam Son Provincial People's Council: revenue of 4.13 trillion dong."
    assert untraced(faithful, article) == []
    invented = "The 27th meeting of the Provincial Committee of China in Phupbinh collected 4.13 billion yuan."
    assert [str(item) for item in untraced(invented, article)] == [
        "number '27'",
        "country 'China'",
        "currency 'yuan'",
        "name 'Phupbinh'",
    ]


def test_numbers_are_read_in_every_form_an_article_writes_them() -> None:
    from summarizer.text.numbers import article_keys, english_numbers

    assert {"18", "21", "11897", "748"} <= article_keys(
        "乂安省第十八届人民议会第二十一次会议，预算收入11.897万亿越南盾，完成74.8%"
    )
    assert {"10", "2024", "168100", "1681"} <= article_keys("la dixième réunion, le 12 mars 2567, 168 100 milliards")
    assert {"105", "12"} <= article_keys("ការអនុវត្តបាន ១០៥% នៅថ្ងៃទី ១២")
    said = english_numbers("The XIX Council's tenth meeting in the first six months reached 6.47 percent")
    assert said == [("6.47", {"647"}), ("XIX", {"19"}), ("tenth", {"10"})]


def test_meeting_names_are_judged_by_their_parts() -> None:
    from summarizer.evaluate import fidelity
    from summarizer.evaluate.matching import _EMPTY
    from summarizer.schema import Meeting

    def brief_named(name: str) -> Brief:
        return _EMPTY.model_copy(update={"meeting": Meeting(name=name)})

    gold = {
        "meeting_name": "9th Session of the 19th Lam Son Provincial People's Council",
        "meeting_name_facts": {"ordinal": 9, "term": 19, "body": ["Provincial People's Council"], "place": ["Lam Son"]},
    }
    right = fidelity.meeting_name_parts(brief_named("9th Session of the XIX Lam Son Provincial People's Council"), gold)
    assert right["right"] == (1, 1)
    wrong = fidelity.meeting_name_parts(brief_named("19th meeting of the National Committee of China"), gold)
    assert wrong["right"] == (0, 1) and wrong["ordinal"] == (0, 1) and wrong["body"] == (0, 1)
