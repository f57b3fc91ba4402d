"""Meeting names in thirteen languages, said in English by rule from the glossary's words alone.

Each language has a few names of our own (invented numbers; real provinces in invented names) with the
English the parser must give, and a name with free words that must stay unread (the model translates
those). Then every tuning-split name of the development set is parsed: the names listed in
``READ_WHOLE`` must be read whole, no other may be, and a name read whole must agree with its gold
facts (ordinal, term, body, place). Validation-split records are never read here.

``python tests/test_meeting_names.py`` prints the tuning names' parts (and, with the development texts
at ``$SUMMARIZER_DEV_TEXTS``, the parts completed by the words after each name in its article).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from summarizer.text.fidelity import fold
from summarizer.text.meeting_names import english_name, parse_name
from summarizer.text.name_context import full_name_parts

GOLD = Path(__file__).resolve().parent.parent / "eval" / "dev.gold.jsonl"

CASES = [
    # Chinese
    ("zh", "乂安省第十八届人民议会第二十一次会议", "21st Session of the 18th Nghe An Provincial People's Council"),
    ("zh", "越共第十三届中央委员会第九次全会", "9th Plenum of the 13th Party Central Committee"),
    ("zh", "越南第十五届国会第八次会议", "8th Session of the 15th National Assembly"),
    (
        "zh",
        "广宁省第十五届人民议会（2021-2026年任期）第十二次会议",
        "12th Session of the 15th Quang Ninh Provincial People's Council (2021-2026 term)",
    ),
    (
        "zh",
        "胡志明市人民委员会2025年3月份例行会议",
        "Regular Meeting of the Ho Chi Minh City People's Committee (March 2025)",
    ),
    (
        "zh",
        "清化省委执行委员会第五次全体会议（扩大）",
        "5th Extended Plenary Meeting of the Thanh Hoa Provincial Party Executive Committee",
    ),
    ("zh", "越南共产党第十四次全国代表大会", "14th National Congress of the Communist Party of Vietnam"),
    ("zh", "河内市委第十七届执行委员会第二十次会议", "20th Session of the 17th Hanoi City Party Executive Committee"),
    # Japanese
    (
        "ja",
        "第20期ゲアン省党委員会執行委員会第3回会議",
        "3rd Meeting of the 20th Nghe An Provincial Party Executive Committee",
    ),
    ("ja", "第13期党中央委員会第9回総会", "9th Plenum of the 13th Party Central Committee"),
    (
        "ja",
        "クアンニン省人民委員会の2025年3月定例会議",
        "Regular Meeting of the Quang Ninh Provincial People's Committee (March 2025)",
    ),
    ("ja", "ハノイ市人民評議会第16期第20回会議", "20th Meeting of the 16th Hanoi City People's Council"),
    # Korean
    (
        "ko",
        "꽝닌성 인민의회 제15기(2021~2026년 임기) 제12차 회의",
        "12th Meeting of the 15th Quang Ninh Provincial People's Council (2021-2026 term)",
    ),
    ("ko", "제13기 당 중앙위원회 제9차 전원회의", "9th Plenum of the 13th Party Central Committee"),
    (
        "ko",
        "응에안성 당 집행위원회 제5차 확대회의",
        "5th Extended Meeting of the Nghe An Provincial Party Executive Committee",
    ),
    (
        "ko",
        "하노이시 인민위원회 2025년 3월 정기회의",
        "Regular Meeting of the Hanoi City People's Committee (March 2025)",
    ),
    ("ko", "베트남 공산당 제14차 전국대표대회", "14th National Congress of the Communist Party of Vietnam"),
    # Khmer
    ("km", "សម័យប្រជុំលើកទី៨ នៃរដ្ឋសភានីតិកាលទី១៥", "8th Session of the 15th National Assembly"),
    ("km", "កិច្ចប្រជុំសាមញ្ញលើកទី៥ នៃក្រុមប្រឹក្សាខេត្តកណ្ដាលអាណត្តិទី៤", "5th Ordinary Meeting of the 4th Kandal Provincial Council"),
    ("km", "កិច្ចប្រជុំរដ្ឋាភិបាលប្រចាំខែមីនា", "Monthly Meeting of the Government (March)"),
    ("km", "កិច្ចប្រជុំពេញអង្គគណៈរដ្ឋមន្ត្រី", "Plenary Meeting of the Council of Ministers"),
    # Lao
    (
        "lo",
        "ກອງປະຊຸມໃຫຍ່ ຜູ້ແທນອົງຄະນະພັກແຂວງຈຳປາສັກ ຄັ້ງທີ XI",
        "11th Congress of the Champasak Provincial Party Organisation",
    ),
    ("lo", "ກອງປະຊຸມສະໄໝສາມັນ ເທື່ອທີ 7 ຂອງສະພາແຫ່ງຊາດ ຊຸດທີ IX", "7th Ordinary Session of the 9th National Assembly"),
    (
        "lo",
        "ກອງປະຊຸມ ຄົບຄະນະບໍລິຫານງານພັກແຂວງ ເປີດກວ້າງ ຄັ້ງທີ 3 ສະໄໝທີ IV",
        "3rd Extended Plenary Meeting of the 4th Provincial Party Executive Committee",
    ),
    ("lo", "ກອງປະຊຸມລັດຖະບານ ປະຈຳເດືອນມີນາ 2025", "Monthly Meeting of the Government (March 2025)"),
    ("lo", "ກອງປະຊຸມໃຫຍ່ ຄັ້ງທີ XII ຂອງພັກປະຊາຊົນປະຕິວັດລາວ", "12th Congress of the Lao People's Revolutionary Party"),
    # Thai
    (
        "th",
        "การประชุมคณะกรมการจังหวัดเลย ประจำเดือนมีนาคม",
        "Monthly Meeting of the Loei Provincial Administrative Committee (March)",
    ),
    ("th", "การประชุมสภาผู้แทนราษฎร ชุดที่ 26 ครั้งที่ 5", "5th Meeting of the 26th House of Representatives"),
    (
        "th",
        "การประชุมสมัยสามัญสภาองค์การบริหารส่วนจังหวัดขอนแก่น ครั้งที่ 2",
        "2nd Ordinary Session of the Khon Kaen Provincial Administrative Organization Council",
    ),
    # French
    ("fr", "la 8e session de l'Assemblée nationale de la XVe législature", "8th Session of the 15th National Assembly"),
    ("fr", "le 9e plénum du Comité central du Parti (XIIIe mandat)", "9th Plenum of the 13th Party Central Committee"),
    (
        "fr",
        "la 5e session du Conseil populaire de la province de Lam Son, mandat 2021-2026",
        "5th Session of the Lam Son Provincial People's Council (2021-2026 term)",
    ),
    ("fr", "la réunion périodique de mars 2025 du Gouvernement", "Regular Meeting of the Government (March 2025)"),
    (
        "fr",
        "le 14e Congrès national du Parti communiste du Vietnam",
        "14th National Congress of the Communist Party of Vietnam",
    ),
    # Spanish
    (
        "es",
        "el IX Pleno del Comité Central del Partido de la XIII legislatura",
        "9th Plenum of the 13th Party Central Committee",
    ),
    (
        "es",
        "la quinta sesión del Consejo Popular de la provincia de Quang Ninh, mandato 2021-2026",
        "5th Session of the Quang Ninh Provincial People's Council (2021-2026 term)",
    ),
    ("es", "la reunión periódica de marzo de 2025 del Gobierno", "Regular Meeting of the Government (March 2025)"),
    # Portuguese
    (
        "pt",
        "a 7.ª conferência alargada do Comité Provincial do Partido de Quang Ninh",
        "7th Extended Conference of the Quang Ninh Provincial Party Committee",
    ),
    (
        "pt",
        "a décima primeira sessão da Assembleia Provincial de Sofala",
        "11th Session of the Sofala Provincial Assembly",
    ),
    # Italian
    (
        "it",
        "il nono plenum del Comitato centrale del Partito della XIII legislatura",
        "9th Plenum of the 13th Party Central Committee",
    ),
    (
        "it",
        "la seduta straordinaria del consiglio comunale di Perugia",
        "Extraordinary Sitting of the Perugia Municipal Council",
    ),
    ("it", "la seduta del consiglio regionale del 12 marzo 2024", "Sitting of the Regional Council (12 March 2024)"),
    # German
    ("de", "die 30. Konferenz des 19. Provinzparteikomitees", "30th Conference of the 19th Provincial Party Committee"),
    (
        "de",
        "die 12. Konferenz des Komitees der Vaterländischen Front der Provinz Bac Kan (10. Amtszeit)",
        "12th Conference of the 10th Bac Kan Provincial Vietnam Fatherland Front Committee",
    ),
    (
        "de",
        "die 5. Tagung des Volksrates der Provinz Quang Ninh (Amtszeit 2021-2026)",
        "5th Session of the Quang Ninh Provincial People's Council (2021-2026 term)",
    ),
    (
        "de",
        "die 12. Konferenz des Provinzkomitees der Vietnamesischen Vaterländischen Front (Amtszeit 2024-2029)",
        "12th Conference of the Provincial Vietnam Fatherland Front Committee (2024-2029 term)",
    ),
    # Russian
    ("ru", "9-й пленум ЦК КПВ 13-го созыва", "9th Plenum of the 13th Party Central Committee"),
    (
        "ru",
        "12-я конференция исполнительного комитета партийной организации провинции Нгеан",
        "12th Conference of the Nghe An Provincial Party Executive Committee",
    ),
    ("ru", "очередное заседание Правительства за март 2025 года", "Regular Meeting of the Government (March 2025)"),
    ("ru", "восьмая сессия Национального собрания 15-го созыва", "8th Session of the 15th National Assembly"),
    ("ru", "XIV съезд КПВ", "14th Congress of the Communist Party of Vietnam"),
    # Ukrainian
    ("uk", "позачергова сесія районної ради VIII скликання", "Extraordinary Session of the 8th District Council"),
    (
        "uk",
        "чергове засідання виконавчого комітету міської ради",
        "Regular Meeting of the City Council Executive Committee",
    ),
    ("uk", "XXV сесія районної ради VIII скликання", "25th Session of the 8th District Council"),
    # Vietnamese: a name that is only the meeting's noun and its ordinal ("phiên họp thứ 16" came back from
    # the model as "First meeting"), and one that says more than that formula.
    ("vi", "phiên họp thứ 16", "16th Meeting"),
    ("vi", "Hội nghị lần thứ 21", "21st Conference"),
    ("vi", "Kỳ họp thứ 12", "12th Session"),
    ("vi", "Kỳ họp thứ 11, HĐND huyện An Phú", "11th Session of the An Phu District People's Council"),
]

# Names with words that are not formulaic: the parser must not claim to read them whole.
FREE_WORDS = [
    ("zh", "青林省人民委员会关于数字化转型的会议"),
    ("ja", "省人民委員会とデジタル化に関する会議"),
    ("ko", "성 인민위원회와 기업인들의 대화 회의"),
    ("km", "កិច្ចប្រជុំពិភាក្សាអំពីផែនការវិនិយោគ"),
    ("lo", "ກອງປະຊຸມ ປຶກສາຫາລືແຜນການລົງທຶນ"),
    ("th", "การประชุมติดตามการเบิกจ่ายงบประมาณ"),
    ("fr", "la réunion pour examiner le travail de la commission"),
    ("es", "la reunión para revisar el trabajo de la comisión"),
    ("pt", "a reunião para avaliar o trabalho da comissão"),
    ("it", "la riunione per esaminare il lavoro della commissione"),
    ("de", "die Konferenz zur Bewertung der Arbeit des Ausschusses"),
    ("ru", "совещание по итогам работы комиссии"),
    ("uk", "нарада з питань роботи комісії"),
]

# Tuning-split names the glossary reads whole (the others have free words, or words it lacks).
READ_WHOLE = {
    *("vi-01", "vi-02", "vi-03", "vi-04", "vi-05", "vi-06", "vi-07", "vi-08", "vi-10", "vi-12", "vi-18"),
    *("long-01", "long-02", "long-05"),
    "zh-04",
    "ja-02",
    "ko-04",
    "km-01",
    "lo-02",
    "fr-01",
    "fr-03",
    "es-01",
    "es-02",
    "it-03",
    "pt-01",
    "pt-03",
    "de-02",
    "de-03",
    "ru-03",
}


@pytest.mark.parametrize(("language", "written", "english"), CASES, ids=[f"{c[0]}-{n}" for n, c in enumerate(CASES)])
def test_a_name_the_glossary_reads_whole_is_said_by_rule(language: str, written: str, english: str) -> None:
    parts = parse_name(written, language)
    assert parts.complete, parts.unknown
    assert english_name(parts) == english


@pytest.mark.parametrize(("language", "written"), FREE_WORDS, ids=[language for language, _ in FREE_WORDS])
def test_a_name_with_free_words_is_left_to_the_model(language: str, written: str) -> None:
    parts = parse_name(written, language)
    assert parts.noun is not None and not parts.complete


def tuning_records() -> list[dict[str, Any]]:
    """The development set's tuning-split records that name a meeting (never the validation split)."""
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [record for record in records if record.get("split") == "tuning" and record.get("meeting_name_span")]


TUNING = tuning_records()


@pytest.mark.parametrize("record", TUNING, ids=[record["id"] for record in TUNING])
def test_a_tuning_name_is_read_whole_exactly_when_expected_and_then_agrees_with_its_gold(record: dict) -> None:
    parts = parse_name(record["meeting_name_span"], record["language"])
    english = english_name(parts) or ""
    assert parts.complete == (record["id"] in READ_WHOLE), (parts.unknown, english)
    if not parts.complete:
        return
    facts = record.get("meeting_name_facts") or {}
    for said, gold in ((parts.ordinal, facts.get("ordinal")), (parts.term, facts.get("term"))):
        assert said is None or gold is None or said == gold, english
    if parts.body and facts.get("body"):
        assert any(fold(body) in fold(english) for body in _listed(facts["body"])), english
    if parts.place and facts.get("place"):
        assert any(fold(place) in fold(english) for place in _listed(facts["place"])), english


def _listed(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else [str(item) for item in value]


def report(texts: Path | None) -> None:
    """Each tuning name's parts and English, and its gold facts (with its article's words when ``texts`` has it)."""
    for record in TUNING:
        written, language = record["meeting_name_span"], record["language"]
        parts = parse_name(written, language)
        print(f"{record['id']:8} complete={parts.complete!s:5} {english_name(parts)}  unknown={parts.unknown}")
        text = texts / f"{record['id']}.txt" if texts else None
        if text is not None and text.exists():
            full = full_name_parts(written, text.read_text(encoding="utf-8"), None, language)
            print(f"{'':8} with the article's words: complete={full.complete!s:5} {english_name(full)}")
        facts = record.get("meeting_name_facts") or {}
        print(f"{'':8} gold: {', '.join(f'{key}={facts.get(key)}' for key in ('ordinal', 'term', 'body', 'place'))}")


if __name__ == "__main__":
    folder = os.environ.get("SUMMARIZER_DEV_TEXTS")
    report(Path(folder) if folder else None)
    sys.exit(0)
