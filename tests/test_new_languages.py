"""The rules alone (no model) on our own test articles in Chinese, Japanese, Korean, Khmer and Lao
(tests/data/case_*.txt): the chairing sentence, the figures measured against a plan or target with the
status their words state, the directive sentence; and the shapes that read scripts without spaces."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from summarizer.text.figures import find_candidates, rule_status
from summarizer.text.names import whole_name, without_honorific
from summarizer.text.sentences import chair_sentences, directive_sentences, split_clauses, split_sentences
from summarizer.text.statuses import annual_pace

DATA = Path(__file__).parent / "data"
LANGUAGES = ("zh", "ja", "ko", "km", "lo")


def _case(language: str) -> tuple[str, dict[str, object]]:
    text = (DATA / f"case_{language}.txt").read_text(encoding="utf-8")
    return text, json.loads((DATA / f"case_{language}.expect.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_first_chairing_sentence_names_the_chair(language: str) -> None:
    text, expect = _case(language)
    found = chair_sentences(text)
    assert found, f"no chairing sentence in case_{language}"
    assert all(name in found[0] for name in expect["chairs"])  # type: ignore[union-attr]


# Each figure the rules find, with the status its words or its share of the plan state (the expected brief's).
RULED = {
    "zh": {"9.1%": "exceeded", "50.2%": "on_track", "24.6%": "missed", "6.7%": "unknown"},
    "ja": {"112%": "exceeded", "24.8%": "on_track", "9.6%": "missed", "5.9%": "unknown"},
    "ko": {"7.9%": "exceeded", "21%": "on_track", "4,200개": "missed"},
    "km": {"១០៨%": "exceeded", "៦៥%": "on_track", "៣,៨%": "missed"},
    "lo": {"112,4%": "exceeded", "100%": "met", "31%": "missed", "4,8%": "unknown"},
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_figures_and_the_status_their_words_state(language: str) -> None:
    text, expect = _case(language)
    day = dt.date.fromisoformat(str(expect["date"]))
    found = {candidate.figure: rule_status(candidate) for candidate in find_candidates(text, day=day)}
    assert found == RULED[language]


def test_targets_themselves_are_no_figures_and_quantities_measured_against_nothing_are_left_out() -> None:
    # "上半年40%的目标", "목표 7%", "គោលដៅ ៣%", "ຄາດໝາຍ 50%" are what results are measured against; "38만 명"
    # and "៤២០.០០០ នាក់" are counts with no plan (as in every language, the rules find no plain quantity).
    figures = {c.figure for language in LANGUAGES for c in find_candidates(_case(language)[0])}
    assert not figures & {"40%", "7%", "20%", "៣%", "50%", "5,000개", "38만 명", "៤២០.០០០ នាក់"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_closing_directive_is_a_directive_sentence(language: str) -> None:
    text, expect = _case(language)
    assert expect["directive"] in directive_sentences(text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_report_sentences_are_no_directives(language: str) -> None:
    text, expect = _case(language)
    assert directive_sentences(text) == [expect["directive"]]


def test_sentences_end_at_khmer_and_chinese_full_stops() -> None:
    assert split_sentences("ខេត្តបានរៀបចំកិច្ចប្រជុំ។ លោក សុខ វណ្ណា បានថ្លែង។") == [
        "ខេត្តបានរៀបចំកិច្ចប្រជុំ។",
        "លោក សុខ វណ្ណា បានថ្លែង។",
    ]
    assert split_sentences("同比增长5.33%。9月份指数增长3.66%。") == ["同比增长5.33%。", "9月份指数增长3.66%。"]


def test_clauses_end_at_the_commas_of_scripts_without_spaces_not_inside_numbers() -> None:
    assert split_clauses("水稻产量达到约880万吨,超过计划的1.12%") == ["水稻产量达到约880万吨", "超过计划的1.12%"]
    assert split_clauses("収入は1,800万ドンに達し、目標を上回った") == ["収入は1,800万ドンに達し", "目標を上回った"]


@pytest.mark.parametrize(
    ("sentence", "figure", "status"),
    [
        ("水稻产量达到约880万吨,超过计划的1.12%。", "1.12%", "exceeded"),  # a margin over the plan
        ("出口额完成全年计划的40.2%。", "40.2%", "partially_met"),  # a share of it
        ("全县26项经济社会指标中有24项达到并超过目标。", "26项经济社会指标中有24项", "met"),
        ("26개 지표 중 24개가 목표를 달성했다.", "26개 지표 중 24개", "met"),
        ("省は18の指標で目標を達成した。", "18の指標", "met"),
        ("ខេត្តសម្រេចបាន ២៤ ក្នុងចំណោម ២៦ គោលដៅ។", "២៤ ក្នុងចំណោម ២៦", None),
        ("ແຂວງປູກຕົ້ນໄມ້ໄດ້ 600 ເຮັກຕາ ເກີນແຜນການ.", "600 ເຮັກຕາ", "exceeded"),
        ("全县发展党员143名,超过计划。", "143名", "exceeded"),
        ("성장률은 7.5%로 7% 목표를 웃돌았다.", "7.5%", "exceeded"),  # no status word: the numbers say it
        ("增长率为6.1%,而目标为7%。", "6.1%", "missed"),
    ],
)
def test_figure_shapes_of_scripts_without_spaces(sentence: str, figure: str, status: str | None) -> None:
    found = {candidate.figure: rule_status(candidate) for candidate in find_candidates(sentence)}
    assert found == {figure: status}


def test_a_year_in_another_script_names_the_year_a_share_is_of() -> None:
    day = dt.date(2025, 6, 30)
    assert annual_pace("ការបញ្ចេញទុនសម្រេចបាន ៤០% នៃផែនការឆ្នាំ ២០២៥។", day) is not None
    assert annual_pace("ការបញ្ចេញទុនសម្រេចបាន ៤០% នៃផែនការឆ្នាំ ២០២៤។", day) is None
    assert annual_pace("出口额完成2024年全年计划的40%。", day) is None


def test_chairing_look_alikes_are_not_chairing_verbs() -> None:
    assert chair_sentences("베트남 주재 한국 대사가 축사를 했다. 节目主持人王丽介绍了嘉宾。") == []


def test_names_lose_words_of_address_after_them_and_dotted_names_are_completed() -> None:
    assert without_honorific("黎光朗同志") == "黎光朗"
    assert without_honorific("ドー・ヴァン・ティエン氏") == "ドー・ヴァン・ティエン"
    assert without_honorific("ສະຫາຍ ນາງ ວັນນະລີ ພົມມະຈັນທອນ") == "ວັນນະລີ ພົມມະຈັນທອນ"
    assert without_honorific("លោកជំទាវកិត្តិសង្គហបណ្ឌិត ម៉ែន សំអន") == "ម៉ែន សំអន"
    sentence = "省人民委員会委員長のドー・ヴァン・ティエン氏が会議の議長を務めた。"
    assert whole_name("ティエン", sentence, lambda _word: False) == "ドー・ヴァン・ティエン"


def test_a_lao_degree_does_not_end_the_sentence_before_the_chairs_name() -> None:
    text = "ກອງປະຊຸມໄດ້ໄຂຂຶ້ນພາຍໃຕ້ການເປັນປະທານຂອງທ່ານ ປອ. ສົມພອນ ແກ້ວມະນີ ເຈົ້າແຂວງ."
    assert chair_sentences(text) == [text]


def test_khmer_and_lao_chairs_are_the_names_after_words_of_address_the_chairing_verb_governs() -> None:
    from summarizer.text.addressed import addressed_chairs

    before = "នៅព្រឹកនេះ អភិបាលខេត្តលោក ចាន់ សុភា បានអញ្ជើញដឹកនាំកិច្ចប្រជុំប្រចាំខែ។"  # active: the name before
    assert addressed_chairs(before, "km") == ["ចាន់ សុភា"]
    led_by = "កិច្ចប្រជុំដែលដឹកនាំកិច្ចប្រជុំដោយ ឯកឧត្តម សុខ វណ្ណា ប្រធាន និង ឯកឧត្តម ជា សុផល អភិបាលរង។"
    assert addressed_chairs(led_by, "km") == ["សុខ វណ្ណា", "ជា សុផល"]  # passive: both joined by "and"
    degree = "ກອງປະຊຸມໄດ້ໄຂຂຶ້ນພາຍໃຕ້ການເປັນປະທານຂອງທ່ານ ປອ. ສົມພອນ ແກ້ວມະນີ, ເຈົ້າແຂວງ."
    assert addressed_chairs(degree, "lo") == ["ສົມພອນ ແກ້ວມະນີ"]  # the degree "ປອ." passed over
    latin = "លោក Tam Son Quynh បានអញ្ជើញជាអធិបតីក្នុងកិច្ចប្រជុំ។"
    assert addressed_chairs(latin, "km") == ["Tam Son Quynh"]
    title_only = "ក្រោមអធិបតីភាពសម្ដេចក្រឡាហោម ដែលជាប្រធានគណៈកម្មាធិការជាតិ កិច្ចប្រជុំនេះបានបើក។"
    assert addressed_chairs(title_only, "km") == []  # an honorific with a title after it, no name
    assert addressed_chairs("Bí thư Lê Văn Ba chủ trì hội nghị.", "vi") == []  # names read otherwise there


def test_a_korean_chair_is_the_name_before_a_title_and_its_subject_particle() -> None:
    from summarizer.text.addressed import titled_chairs

    sentence = "6월 4일 오전 탐선성에서 또 탐 당 서기장은 두 지방 상임부와의 회의를 주재했다."
    assert titled_chairs(sentence, "ko") == ["또 탐"]  # "탐선성에서" (in Tam Son) ends the name's words
    assert titled_chairs("하노이 정부청사에서 팜 탐 선 총리는 정례회의를 주재했다.", "ko") == ["팜 탐 선"]
    assert titled_chairs("팜 탐 선 총리, 각 지방과 회의 주재", "ko") == []  # a headline: no subject particle
    assert titled_chairs("회의가 열렸다. 탐 선 총리는 발언했다.", "ko") == []  # no chairing verb
    assert titled_chairs("Le Van Ba chủ trì hội nghị.", "vi") == []
