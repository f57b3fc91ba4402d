"""Pure text rules behind the quality of a brief, in the languages these reports come in (no model)."""

from __future__ import annotations

import datetime as dt

from summarizer.steps.summary import lead_summary, whole_sentences
from summarizer.text.clauses import readable_clause
from summarizer.text.dates import day_in_lead, resolve_date
from summarizer.text.figures import find_candidates, rule_status
from summarizer.text.meetings import meeting_name_in
from summarizer.text.names import comrades, name_key, names_a_body, whole_name, without_honorific
from summarizer.text.places import is_a_venue, why_not_a_place
from summarizer.text.scripts import foreign_scripts, without_mixed_words
from summarizer.text.sentences import (
    chair_sentences,
    directive_sentences,
    marked_if_cut,
    opens_with_an_order,
    split_sentences,
    tasks_of,
)
from summarizer.text.speakers import speaker
from summarizer.text.statuses import annual_pace
from summarizer.text.titles import claimed_bodies, english_role, is_a_title, supported_bodies, title_holders


def figures(text: str) -> list[tuple[str, str | None]]:
    return [(candidate.figure, rule_status(candidate)) for candidate in find_candidates(text)]


def test_sentences_are_not_cut_after_abbreviations_initials_or_ordinals() -> None:
    vi = "Chủ tịch UBND TP. Hồ Chí Minh Phan Văn Mãi chủ trì hội nghị. Đ/c Nguyễn Văn A phát biểu."
    assert split_sentences(vi) == [
        "Chủ tịch UBND TP. Hồ Chí Minh Phan Văn Mãi chủ trì hội nghị.",
        "Đ/c Nguyễn Văn A phát biểu.",
    ]
    assert len(split_sentences("M. Nguyen a présidé la réunion le 3 nov. 2023 à Hanoi. Le Dr. Smith a parlé.")) == 2
    assert split_sentences("Засідання провів Фалько Н.І. Він сказав.") == ["Засідання провів Фалько Н.І. Він сказав."]
    assert len(split_sentences("Am 5. Juni 2024 tagte der Kreistag. Es war gut.")) == 2


def test_chairing_verbs_in_more_languages() -> None:
    text = (
        "La riunione è stata presieduta da Giorgia Meloni. Губернатор провёл совещание. "
        "Unter dem Vorsitz von Klaus Weber tagte der Rat. Đồng chí Lê Văn A chủ tọa kỳ họp. Ông B điều hành hội nghị."
    )
    assert len(chair_sentences(text, limit=10)) == 5
    convened = "O governador Rui Costa reuniu, hoje, os secretários de Estado. O conselho reuniu-se ontem."
    assert chair_sentences(convened) == ["O governador Rui Costa reuniu, hoje, os secretários de Estado."]
    # A guest who "attended and directed" (a translated "dự và chỉ đạo") did not chair; nor is a title a verb.
    guest = "El camarada Bui Van Tam asistió y dirigió la conferencia. Die Vorsitzende Anna Berg sprach."
    assert chair_sentences(guest) == []


def test_a_one_word_name_is_completed_from_its_sentence() -> None:
    def title(word: str) -> bool:
        return word in {"Presidente", "Secretario"}

    sentence = "Член ЦК КПВ Нгуен Ван Зунг провёл совещание в уезде."
    assert whole_name("Зунг", sentence, title) == "Нгуен Ван Зунг"
    assert whole_name("Liviantoni", "Presidenza del Presidente Liviantoni.", title) == "Liviantoni"
    assert whole_name("Nguyen Van A", "Nguyen Van A chủ trì.", title) == "Nguyen Van A"


def test_remarks_and_chairing_sentences_are_not_directives() -> None:
    text = (
        "Il convient de noter que la croissance est forte cette année. "
        "M. X a présidé la réunion et a demandé des efforts. "
        "Les comités doivent continuer à renforcer leur rôle. It should be noted that the weather was bad this year."
    )
    assert directive_sentences(text) == ["Les comités doivent continuer à renforcer leur rôle."]


def test_directive_words_in_each_language_and_not_in_the_past() -> None:
    said = [
        "Le Premier ministre a chargé le ministère de finaliser le rapport avant la fin du mois.",
        "El secretario llamó a mejorar los indicadores económicos el próximo año.",
        "Il ministro ha suggerito di concentrarsi sulle valutazioni complessive del Piano.",
        "O governador disse que precisamos de controlar as paragens dos transportes.",
        "Губернатор призвал глав районов обеспечить подготовку к зиме до октября.",
        "Голова району наголосив, що органи влади повинні сконцентрувати всі зусилля.",
        "Der Landrat appellierte an die Gemeinden, die Haushalte bis März vorzulegen.",
        "Tập trung huy động các nguồn vốn đầu tư phát triển hạ tầng giao thông của tỉnh.",
    ]
    done = "Ngay từ đầu năm, UBND huyện đã khẩn trương triển khai các nhiệm vụ phát triển kinh tế."
    assert directive_sentences(" ".join([*said, done])) == said
    reports = [
        "The district continued to focus on building rural roads last year.",
        "Ngành may tiếp tục phát triển, sản lượng ước đạt 40 triệu sản phẩm.",
        "Các đại biểu tập trung thảo luận kế hoạch của năm tới.",
        "Também deve ser destacada a queda do desemprego na cidade.",
        "The delegates reviewed the development of the river port in the spring.",
        "Le port continue de croître, devenant ainsi le moteur de la ville.",
    ]
    assert directive_sentences(" ".join(reports)) == []  # "development", "devenant" hold no "deve"


def test_dates_are_not_fractions_and_plan_shares_have_a_status() -> None:
    assert figures("Sáng 3/7, hội nghị khai mạc; tháng 7/2024 có 13/17 chỉ tiêu đạt và vượt.") == [("13/17", "met")]
    assert figures("Thu ngân sách đạt 105,3% kế hoạch năm.") == [("105,3%", "exceeded")]
    assert figures("6 tháng đầu năm, thu ngân sách đạt 52,3% dự toán. Giải ngân đạt 28% kế hoạch.") == [
        ("52,3%", "on_track"),
        ("28%", "at_risk"),
    ]
    assert figures("6 tháng đầu năm, giá trị sản xuất đạt 48,8% kế hoạch năm.") == [("48,8%", "on_track")]  # keeps pace
    # The same percentage of two things is two figures; repeated with the same words, one.
    twice = "A receita atingiu 100% da meta. A meta de vacinar 100% das crianças foi atingida."
    assert figures(twice) == [("100%", "met"), ("100%", "met")]
    assert figures("A receita atingiu 100% da meta. Repita: a receita atingiu 100% da meta.") == [("100%", "met")]
    apart = "Houve queda de 4,5% nas filas de espera do hospital municipal e alta de 12% nas matrículas."
    assert [figure for figure, _ in figures(apart)] == ["4,5%", "12%"]
    assert figures("Sau hai năm đã có 10 chỉ tiêu có khả năng hoàn thành.") == [("10 chỉ tiêu", "on_track")]
    two_counts = "The district saw 9 targets exceeding and 4 targets reaching the plan this year."
    assert figures(two_counts) == [("9 targets", "exceeded"), ("4 targets", "met")]
    assert [c.clause for c in find_candidates(two_counts)] == [
        "9 targets exceeding",
        "4 targets reaching the plan this year.",
    ]
    assert figures("Es wurden 20 von insgesamt 22 Zielen erreicht, das Wachstum lag bei 8,15 Prozent.") == [
        ("20 von insgesamt 22", "met"),
        ("8,15 Prozent", "unknown"),
    ]
    assert figures("План по вводу жилья выполнен на 104 процента.") == [("104 процента", "exceeded")]
    assert figures("El arroz alcanzó el 96 por ciento del plan anual y 15 de los 18 objetivos fueron cumplidos.") == [
        ("15 de los 18", "met"),
        ("96 por ciento", "partially_met"),
    ]


def test_results_beside_their_plan_and_counts_of_targets_with_a_stated_status() -> None:
    half_year = "6 tháng đầu năm, công nghiệp tăng 6,47% (kế hoạch 9,05%); dịch vụ tăng 7,64% (kế hoạch 7,05%)."
    assert figures(half_year) == [("6,47%", "at_risk"), ("7,64%", "exceeded")]  # the plan's own rate is no result
    assert figures("In 2023 growth reached 5.2 % against a target of 6.5 %.") == [("5.2 %", "missed")]
    assert figures("Thu ngân sách đạt 113% kế hoạch tỉnh giao và 103% kế hoạch thành phố giao.") == [
        ("113%", "exceeded"),
        ("103%", "exceeded"),
    ]
    assert figures("Năm 2022 có 14/15 chỉ tiêu đạt và vượt, trong đó 4 chỉ tiêu vượt kế hoạch.") == [
        ("14/15", "met"),
        ("4 chỉ tiêu", "exceeded"),
    ]
    assert figures("Le gouvernement prévoit que 12 objectifs seront atteints d'ici la fin de l'année.") == [
        ("12 objectifs", "on_track")
    ]
    assert figures("The province set 11 targets for 2025.") == []  # a count with no status stated is no result


def test_futures_and_near_completion_are_on_track_and_the_lead_sets_the_pace() -> None:
    assert figures("Ожидается, что к концу года область достигнет 19 из 21 критерия.") == [("19 из 21", "on_track")]
    assert figures("Có 6 chỉ tiêu cận hoàn thành kế hoạch năm.") == [("6 chỉ tiêu", "on_track")]
    assert figures("Les 3 objectifs restants devraient être atteints en décembre.") == [("3 objectifs", "on_track")]
    lead = "Au cours des 6 premiers mois de l'année, la province a progressé. " + "Le commerce a repris. " * 20
    assert figures(lead + "La production industrielle atteint 52,8% du plan annuel.") == [("52,8%", "on_track")]
    eleven = "Au cours des onze premiers mois, la province a progressé. " + "Le commerce a repris. " * 20
    assert figures(eleven + "Les recettes atteignent 92,3 % des prévisions.") == [("92,3 %", "on_track")]
    four = "4月および年初4か月の社会経済状況について報告した。" + "商業は回復した。" * 20
    assert figures(four + "国内収入は推定値の29.7%に達した。") == [("29.7%", "at_risk")]  # a third of the year gone


def test_titles_become_english_roles_and_are_never_names() -> None:
    assert english_role("Phó Bí thư Thường trực Tỉnh ủy, Trưởng đoàn ĐBQH tỉnh") == (
        "Standing Deputy Secretary of the Provincial Party Committee, "
        "Head of the Provincial National Assembly Delegation"
    )
    assert english_role("Chủ tịch UBND TP. Hồ Chí Minh") == "Chairman of the City People's Committee"
    assert english_role("secrétaire du Comité provincial du Parti") == "Secretary of the Provincial Party Committee"
    assert is_a_title("Prime Minister") and is_a_title("Bí thư Tỉnh ủy") and not is_a_title("Pham Minh Chinh")
    assert ("Prime Minister", "Pham Minh Chinh") in title_holders("Prime Minister Pham Minh Chinh said so.")


def test_comrades_in_a_list_and_without_their_address() -> None:
    sentence = "Các đồng chí: Đỗ Trọng Hưng, Bí thư Tỉnh ủy; Lại Thế Nguyên, Phó Bí thư; Đỗ Minh Tuấn chủ trì hội nghị."
    assert comrades(sentence) == ["Đỗ Trọng Hưng", "Lại Thế Nguyên", "Đỗ Minh Tuấn"]
    assert without_honorific("Đồng chí Nguyễn Thị Thanh") == "Nguyễn Thị Thanh"
    assert without_honorific("camarade Nguyen Hong Son") == "Nguyen Hong Son"


def test_listed_people_after_ong_and_ba_and_bodies_are_not_people() -> None:
    listed = "Ông Nguyễn Hồng Lĩnh, Bí thư Tỉnh ủy; bà Nguyễn Thị Yến, Phó Bí thư; ông Nguyễn Văn Thọ chủ trì hội nghị."
    assert comrades(listed) == ["Nguyễn Hồng Lĩnh", "Nguyễn Thị Yến", "Nguyễn Văn Thọ"]
    assert without_honorific("Bà Nguyễn Thị Yến") == "Nguyễn Thị Yến"
    assert names_a_body("партийный комитет района Тан Ки") and names_a_body("Tỉnh ủy Thanh Hóa")
    assert not names_a_body("Нгуен Ван Зунг")
    assert name_key("Фалько Н.І.") == name_key("Фалько Н.І")
    led = "Le 5 avril, sous la présidence du camarade Do Trong Hung, la conférence a eu lieu. "
    led += "O Governador dirigiu a XI Sessão."
    assert len(chair_sentences(led)) == 2


def test_vietnamese_meeting_names_are_found_as_written() -> None:
    text = "Ngày 29-9, Hội nghị lần thứ 25 Ban Chấp hành Đảng bộ tỉnh khóa XIX đã được tổ chức."
    assert meeting_name_in(text) == "Hội nghị lần thứ 25 Ban Chấp hành Đảng bộ tỉnh khóa XIX"


def test_a_text_cut_at_its_bound_is_marked_and_ends_on_a_whole_word() -> None:
    cut = "The budget reached 950 billion VND, with three targets hav"
    assert marked_if_cut(cut, len(cut)) == "The budget reached 950 billion VND, with three targets…"
    assert marked_if_cut("The budget reached its plan.", 20) == "The budget reached its plan."
    assert marked_if_cut("Short text", 300) == "Short text"


def test_summaries_end_whole_and_the_lead_skips_page_furniture() -> None:
    assert whole_sentences("The meeting ended. Delegates agreed to contin") == "The meeting ended."
    assert whole_sentences("No sentence end at all") == "No sentence end at all"
    page = (
        "Vietnam.vn\n\nMuong Khuong organise un atelier pour promouvoir le rôle des leaders\n\n27/06/2024\n\n"
        "Le matin du 27 juin, le Comité du Parti du district de Muong Khuong a organisé un atelier. "
        "Il a réuni les dirigeants du district et des communes.\n"
    )
    lead = lead_summary(page, "fr")
    assert lead.headline.startswith("Muong Khuong organise") and lead.summary.startswith("Le matin du 27 juin")
    assert lead.from_article


def test_the_lead_is_a_paragraph_that_ends_a_sentence_not_a_caption_or_teaser() -> None:
    page = (
        "Le Premier ministre préside la réunion du gouvernement sur le budget\n"
        "Une autre histoire sans rapport avec la réunion du gouvernement commence ici et s'arrête… Lire la suite\n"
        "Le Premier ministre s'adresse aux délégués lors de la réunion du gouvernement. Photo : VGP\n"
        "Le 28 août à Hanoi, le gouvernement s'est réuni pour examiner la situation budgétaire de l'année en cours. |\n"
    )
    lead = lead_summary(page, "fr")
    assert lead.headline.startswith("Le Premier ministre préside")
    assert lead.summary.startswith("Le 28 août à Hanoi") and lead.summary.endswith("de l'année en cours.")
    wrapped = (
        "Hội nghị sơ kết công tác 6 tháng đầu năm của tỉnh\nĐến dự và chỉ đạo hội nghị có các đồng\n"
        "chí lãnh đạo tỉnh. Hội nghị đã đánh giá kết quả thực hiện các nhiệm vụ\ntrong 6 tháng đầu năm\n"
    )
    assert lead_summary(wrapped, "vi").summary == "Đến dự và chỉ đạo hội nghị có các đồng chí lãnh đạo tỉnh."


def test_foreign_scripts_are_leaks_but_names_in_latin_are_not() -> None:
    assert foreign_scripts("les diverses部门 de la province", "fr") == {"han"}
    assert not foreign_scripts("Лідери партії та Nguyen Van A", "uk")
    garbled = "Le Hong Vinh's Advice to Tan Ky: Restрукture and Specialized Areas"
    assert without_mixed_words(garbled) == "Le Hong Vinh's Advice to Tan Ky: and Specialized Areas"
    assert without_mixed_words("Тан Ки meets Nguyễn Văn A") == "Тан Ки meets Nguyễn Văn A"  # each word one script


def test_a_role_claims_no_title_or_body_its_words_do_not_say() -> None:
    from summarizer.steps.chairs import _context, _role

    assert claimed_bodies("Chairman of the Provincial People's Council") == {"provincial", "people's", "council"}
    assert supported_bodies("голова райдержадміністрації") == {"district"}
    assert _role("Chairman of the Provincial People's Council", "голова райдержадміністрації") == ""
    german = "Vorsitzende des Provinzvolksrats"
    assert (
        _role("Chairwoman of the Provincial People's Council", german)
        == "Chairwoman of the Provincial People's Council"
    )
    listed = "sous la présidence du camarade Do Trong Hung, président du Conseil populaire et des camarades : "
    listed += "Lai The Nguyen, secrétaire adjoint permanent du Comité provincial du Parti."
    names = ["Do Trong Hung", "Lai The Nguyen"]
    assert (
        _context("Lai The Nguyen", names, listed).strip(" ,.")
        == "secrétaire adjoint permanent du Comité provincial du Parti"
    )
    before = "Chairman of the Provincial People's Committee Nguyen Hoang Giang, chaired the session."
    assert "Chairman" in _context("Nguyen Hoang Giang", ["Nguyen Hoang Giang"], before)


def test_a_posting_time_stamp_is_not_the_meeting_day() -> None:
    from summarizer.steps.meeting import _meeting_day

    page = "Михайло Добкін пропонує\n\n14.08.2012 11:05 Агропром\nНа нараді 13.08.2012 губернатор заявив..."
    warnings: list[str] = []
    assert _meeting_day("14.08.2012", page, warnings) is None and "time stamp" in warnings[0]
    assert _meeting_day("13.08.2012", page, []) == "13.08.2012"
    # A posting time after a word, to the second (fr-03's page: the meeting was on the 28th)
    stamped = "Jeudi, 29 août 2019 à 10:57:06 Font Size: |\nLa permanence s'est réunie le 28 août à Hanoi."
    assert _meeting_day("29 août 2019", stamped, []) is None
    # a meeting's hour after a word is no stamp
    assert _meeting_day("29 août 2019", "La réunion du 29 août 2019 à 10:30 a adopté", []) == "29 août 2019"


def test_a_status_in_the_next_clause_without_a_number_speaks_for_the_figure() -> None:
    assert figures("Tăng trưởng GRDP đạt 7,39%, vượt kế hoạch đề ra.") == [("7,39%", "exceeded")]
    assert figures("Thu ngân sách đạt 95%, tăng 12% so với cùng kỳ.")[0] == ("95%", "met")  # a number: its own
    other = "Thành phố hoàn thành 12/15 chỉ tiêu, riêng chỉ tiêu tăng trưởng không đạt."
    assert figures(other) == [("12/15", "met")]  # the next clause is about another target


def test_a_figure_clause_without_its_subject_is_led_by_the_clause_that_names_it() -> None:
    sentence = "Thu ngân sách đạt 950 tỷ đồng, bằng 108% KH, tăng 12% so với CK."
    # The clauses between (another figure of the same thing) are skipped; abbreviations are spelt out.
    assert readable_clause("tăng 12% so với CK.", sentence) == "Thu ngân sách đạt 950 tỷ VND, tăng 12% so với cùng kỳ."
    assert readable_clause("bằng 108% KH", sentence) == "Thu ngân sách đạt 950 tỷ VND, bằng 108% kế hoạch"
    # A clause that starts with its figure, or names it before, stands alone; "đồng chí" is not a currency.
    whole = "3/34 цілі досягнуто на 100%, 20/34 цілі досягнуто понад 50%"
    assert readable_clause("20/34 цілі досягнуто понад 50%", whole) == "20/34 цілі досягнуто понад 50%"
    assert readable_clause("đồng chí Hà nói thu đạt 5%", "đồng chí Hà nói thu đạt 5%") == "đồng chí Hà nói thu đạt 5%"


def test_words_the_model_copies_as_a_place_that_are_no_place() -> None:
    text = (
        "Roma, 8 nov. (Agenzia) – La riunione si è svolta a Palazzo Chigi.\n"
        "Sáng 3/7, Chủ tịch UBND tỉnh Lê Văn Tâm chủ trì cuộc họp tại thành phố Vinh, gần parque.\n"
        "TRỌNG TÂM HOÀN THÀNH KẾ HOẠCH"
    )
    assert why_not_a_place("Roma", text) == "it is the dateline of a news agency"
    assert why_not_a_place("tỉnh Lê Văn Tâm", text) == "it is the title and name of who chaired"
    assert why_not_a_place("Tâm Hoàn Thanh", text) == "it is not written so in the article"
    assert why_not_a_place("parque", text) == "it names no town, region or building"
    assert why_not_a_place("Palazzo Chigi", text) is None and why_not_a_place("thành phố Vinh", text) is None
    assert is_a_venue("Sala de Sessões do Conselho Executivo Provincial") and not is_a_venue("Conselho Executivo")


def test_the_subject_of_a_directive_verb_is_who_gave_it() -> None:
    assert speaker("Ana Pérez Ruiz, primera secretaria del Partido en la provincia, llamó a mejorar la zafra.") == (
        "Ana Pérez Ruiz"
    )
    assert speaker("Заместитель губернатора Иван Петров поручил Анне Ивановой подготовить отчёт.") == "Иван Петров"
    assert speaker("No seu discurso, Maria Silva disse que precisamos de activar as mentes.") == "Maria Silva"
    # A body (German capitalises its nouns), a place after a level word and a sentence naming nobody give none.
    assert speaker("Die Vaterländische Front solle auf allen Ebenen Propaganda betreiben.") is None
    assert speaker("Nhân dân huyện Hà Trung tiếp tục phát huy truyền thống.") is None
    assert speaker("The committees must continue to strengthen their role.") is None
    # A title that goes on in lowercase, or a newspaper, is nobody's name.
    assert speaker("Tổng Bí thư đề nghị các tỉnh rà soát kế hoạch năm tới.") is None
    assert speaker("Báo Nông thôn cần đổi mới cách đưa tin về xã.") is None
    assert speaker("Trần Văn Bình đề nghị các tỉnh rà soát kế hoạch năm tới.") == "Trần Văn Bình"


def test_a_meeting_name_is_found_in_the_lead_when_the_models_copy_names_none() -> None:
    assert meeting_name_in("El 3 de mayo, el Comité municipal celebró la 14ª conferencia para revisar el plan.") == (
        "14ª conferencia"
    )
    # A year-month stamp is no ordinal; a conference a resolution is named after is another meeting.
    assert (
        meeting_name_in(" date 2023-05 Kỳ họp thứ 9 HĐND huyện Yên Lạc thảo luận") == "Kỳ họp thứ 9 HĐND huyện Yên Lạc"
    )
    assert meeting_name_in("Gemäß der Resolution Nr. 18 der 6. Konferenz des Zentralkomitees tagte man.") is None
    # After "tại" (at), "sơ kết" and "đánh giá" belong to the name; elsewhere they end it.
    assert meeting_name_in("Phát biểu tại Hội nghị sơ kết công tác 6 tháng của xã An Phú, ông A nói.") == (
        "Hội nghị sơ kết công tác 6 tháng của xã An Phú"
    )
    assert meeting_name_in("Hội nghị sơ kết công tác 6 tháng của xã An Phú.") is None


def test_statuses_said_around_the_figures() -> None:
    # A next clause that points back at both figures and measures them against their target.
    both = (
        "Houve redução de 5% no número de pessoas em filas de espera do posto e aumento de 12% na receita da feira, "
        "ambos superando a meta do ano."
    )
    assert figures(both) == [("5%", "exceeded"), ("12%", "exceeded")]
    assert figures("Houve aumento de 12% na receita, que cresceu no verão.") == [("12%", "unknown")]
    # A count of targets after the clauses that state its status; "can reach" is on track.
    assert figures("Le ministère peut encore atteindre, voire dépasser, les 9 objectifs fixés pour l'année.") == [
        ("9 objectifs", "on_track")
    ]
    assert figures("Le ministère a tenu sa réunion, puis a présenté les 9 objectifs.") == []


def test_a_share_of_an_annual_plan_is_measured_against_the_day_of_the_report() -> None:
    def paced(text: str, day: dt.date | None) -> list[tuple[str, str | None]]:
        return [(c.figure, rule_status(c)) for c in find_candidates(text, day=day)]

    quarter = "Thu ngân sách xã đạt 1/3 kế hoạch năm."  # a fraction of a plan is a share of it, not 1 of 3 targets
    assert paced(quarter, None) == [("1/3", "partially_met")]
    assert paced(quarter, dt.date(2024, 5, 1)) == [("1/3", "on_track")]
    assert paced(quarter, dt.date(2024, 9, 1)) == [("1/3", "at_risk")]
    assert paced("Doanh thu đạt 60% kế hoạch năm.", dt.date(2024, 6, 30)) == [("60%", "on_track")]
    # A review held in December or January, or of another year, is not measured by the day.
    assert annual_pace("Doanh thu đạt 60% kế hoạch năm.", dt.date(2024, 12, 20)) is None
    assert annual_pace("Năm 2023 doanh thu đạt 60% kế hoạch năm.", dt.date(2024, 3, 1)) is None


def test_the_lead_gives_the_day_when_the_model_copies_an_archive_stamp() -> None:
    lead = "2024-03 Kỳ họp thứ 5 HĐND xã An Phú  Sáng 1/3, HĐND xã An Phú tổ chức kỳ họp thứ 5."
    assert day_in_lead(lead) == "Sáng 1/3"
    assert resolve_date(day_in_lead(lead), lead, "vi") == dt.date(2024, 3, 1)
    assert day_in_lead("Theo Nghị quyết số 12 ngày 2/3 của HĐND xã, kỳ họp bàn về đường.") is None


def test_quantities_measured_against_their_plan() -> None:
    # A quantity followed by a status said against a plan, in its clause or opening the next one.
    assert figures("Năm nay xã kết nạp được 57 đảng viên vượt chỉ tiêu Nghị quyết đề ra.") == [
        ("57 đảng viên", "exceeded")
    ]
    assert figures("Toàn xã đã gieo cấy xong 1.450 ha, đạt kế hoạch đề ra.") == [("1.450 ha", "met")]
    assert figures("Toàn xã đã gieo cấy xong 1.450 ha lúa xuân.") == []  # no plan said: a quantity is no target
    # The quantity done beside the quantity planned, in the same unit.
    assert figures("Ми планували заготовити 3,2 тис. тонн сіна, а заготовили 3,5 тис. тонн.") == [
        ("3,5 тис.", "exceeded")
    ]
    assert figures("The region had planned to sow 900 ha and sowed 850 ha by June.") == [("850 ha", "partially_met")]
    # A result beside the range planned for it.
    assert figures("Growth met the five-year target of the Congress (6.8/6.5-7).") == [("6.8/6.5-7", "met")]
    assert figures("Growth fell short of the target (5.9/6.5-7).") == [("5.9/6.5-7", "missed")]
    goal = "Apesar do objetivo de construir mais 30 cisternas, em 2023, só foram construídas 12 cisternas."
    assert figures(goal) == [("12 cisternas", "partially_met")]


def test_one_task_per_part_of_a_long_directive_sentence_and_orders_that_open_a_sentence() -> None:
    listed = (
        "Mỗi cán bộ xã phải sâu sát cơ sở, gần dân, lắng nghe ý kiến của nhân dân về đường giao thông nông thôn; "
        "luôn giữ tinh thần trách nhiệm trong công việc hằng ngày; các thôn cần hoàn thành việc thu quỹ trước "
        "tháng 12 và báo cáo kết quả về Ủy ban nhân dân xã."
    )
    assert directive_sentences(listed) == [listed]  # judged whole by the model, then one directive per task
    assert tasks_of(listed) == [
        "Mỗi cán bộ xã phải sâu sát cơ sở, gần dân, lắng nghe ý kiến của nhân dân về đường giao thông nông thôn",
        "các thôn cần hoàn thành việc thu quỹ trước tháng 12 và báo cáo kết quả về Ủy ban nhân dân xã.",
    ]  # the middle part holds no directive word
    short = "Các thôn cần thu quỹ; các hộ phải dọn vệ sinh."
    assert tasks_of(short) == [short]  # a short sentence stays whole
    assert opens_with_an_order("Đề nghị Ủy ban nhân dân xã báo cáo thêm về tiến độ làm đường.")
    assert opens_with_an_order("Необходимо обеспечить подготовку школ к зиме.")
    assert not opens_with_an_order("Đề nghị của xã đã được huyện chấp thuận.")  # told in the past
    assert not opens_with_an_order("Tiếp tục làm đường liên thôn, năm nay xã hoàn thành 3 km.")  # also opens results
    assert not opens_with_an_order('"Cần làm ngay", ông nói.')  # a quote


def test_a_directive_repeated_whole_inside_another_quote_is_one() -> None:
    from summarizer.steps.directives import DirectiveDraft, grounded_directives

    task = "Tập trung hoàn thành đường liên thôn trong năm 2024"
    text = f"{task}\n{task} (ảnh)"  # a headline and its caption
    twice = [
        DirectiveDraft(evidence="Tập trung hoàn thành đường liên thôn trong năm 2024", what="Finish the road"),
        DirectiveDraft(evidence="Tập trung hoàn thành đường liên thôn trong năm 2024 (ảnh)", what="Finish it"),
    ]
    (directive,) = grounded_directives(twice, text, [])
    assert directive.what == "Finish the road"


def test_the_lead_of_a_page_in_a_language_the_short_text_checker_lacks() -> None:
    japanese = (
        "Vietnam.vn - Nền tảng quảng bá Việt Nam\n"  # the site's own line, in Vietnamese
        "タムソン省人民委員会の第7回会議\n"
        "12月3日午前、タムソン省人民委員会は第7回会議を開催し、社会経済目標の実施状況を評価した。"
        "会議には省党委員会の指導者らが出席し、年末までの課題について意見を交わした。\n"
    )
    lead = lead_summary(japanese, "ja")
    assert lead.headline == "タムソン省人民委員会の第7回会議" and lead.summary.startswith("12月3日午前")
    thai = (
        "20/09/2031\n"  # a page's date, not a title
        "จ.ตามสนประชุมติดตามการเบิกจ่ายงบประมาณ ปี 2574\n"  # a title of three spaced phrases
        "เมื่อวันที่ 24 ก.พ. 2574 ที่ห้องประชุมศาลากลางจังหวัดตามสน ผู้ว่าราชการจังหวัดเป็นประธานการประชุม"
        "ติดตามการเบิกจ่ายงบประมาณประจำปี เพื่อเร่งรัดการใช้จ่ายให้เป็นไปตามเป้าหมาย.\n"
    )
    assert lead_summary(thai, "th").headline.startswith("จ.ตามสนประชุม")
