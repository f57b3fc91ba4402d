"""Reading articles: encodings, and clear refusals of what is not an article."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from summarizer.errors import InputError
from summarizer.inputs import read_article
from summarizer.inputs.clean import clean_article, noise_spans
from tests.conftest import SEEDS

TEXT = "Le comité a présidé la conférence à Hà Nội, le 13 décembre."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
    ],
)
def test_unicode_encodings_are_read(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    article = read_article(path)
    assert (article.text, article.encoding) == (TEXT, encoding)


def test_cp1252_text_is_read_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Le comité s’est réuni à Genève — 13 décembre".encode("cp1252"))
    article = read_article(path)
    assert article.text == "Le comité s’est réuni à Genève — 13 décembre"
    assert article.encoding == "cp1252"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"  \n\t \n", "only whitespace"),
        (b"\x7fELF\x02\x01\x00\x00binary", "binary"),
    ],
)
def test_bad_files_are_refused_with_the_reason(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_article(path)


def test_missing_file_and_directory_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_article(str(tmp_path / "missing.txt"))
    with pytest.raises(InputError, match="is a directory"):
        read_article(tmp_path)


def test_text_is_taken_as_the_article() -> None:
    assert read_article("line one\nline two").source == "<text>"


def test_cleaning_drops_scraped_noise_and_keeps_captions() -> None:
    raw = (
        "Titre\n\nbna_ MH1.jpg\nLe camarade X a présidé la conférence. Photo : MH\n"
        + "Un long paragraphe sur les objectifs atteints. " * 5
        + "\nComment (0)\nNo data\nSource\nMême sujet\nAutre article"
    )
    cleaned = clean_article(raw)
    assert "jpg" not in cleaned and "Comment (0)" not in cleaned and "Autre article" not in cleaned
    assert "Le camarade X a présidé la conférence. Photo : MH" in cleaned
    spans = noise_spans(raw)
    assert [raw[start:end] for start, end in spans] == [
        "bna_ MH1.jpg\n",
        "Comment (0)\nNo data\nSource\nMême sujet\nAutre article",
    ]


def without(text: str, spans: list[tuple[int, int]]) -> str:
    kept, position = [], 0
    for start, end in spans:
        kept.append(text[position:start])
        position = end
    return "".join(kept) + text[position:]


@pytest.mark.parametrize("path", SEEDS, ids=lambda path: path.name[:3])
def test_noise_spans_are_exactly_what_cleaning_drops(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    spans = noise_spans(text)
    assert spans and all(start < end for start, end in spans)
    assert all(end <= start for (_, end), (start, _) in itertools.pairwise(spans)) and spans[-1][1] <= len(text)
    assert clean_article(without(text, spans)) == clean_article(text)  # nothing else is noise...
    for start, end in spans:  # ...and every line of the spans is gone from the cleaned text
        assert not {line.strip() for line in text[start:end].split("\n")} & set(clean_article(text).split("\n")) - {""}


def test_a_20_mb_file_is_refused_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Le comite s'est reuni. " * (20 * 1024 * 1024 // 23))
    with pytest.raises(InputError, match=r"too large for one article \(limit 5,242,880\)"):
        read_article(path)


def test_an_unreadable_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    path = tmp_path / "secret.txt"
    path.write_text("texte", encoding="utf-8")

    def refuse(*_args: object, **_kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)  # root reads anything, so the refusal is simulated
    with pytest.raises(InputError, match="permission denied"):
        read_article(path)


def test_html_files_and_html_text_are_reduced_to_the_article(tmp_path: Path) -> None:
    from tests.conftest import REPO

    page = REPO / "tests" / "data" / "article.html"
    article = read_article(page)
    assert article.format == "html"
    assert "Nguyen Hong Son" in article.text and "21 des 25 objectifs" in article.text
    for boilerplate in ("Accueil", "Articles liés", "Tous droits réservés", "Cliquez ici", "window.ads"):
        assert boilerplate not in article.text, boilerplate
    # HTML given as text (stdin, or a .txt that holds a page) is recognised by its first tag.
    copy = tmp_path / "page.txt"
    copy.write_bytes(page.read_bytes())
    assert read_article(copy).text == article.text
    assert read_article("Le 11 juillet, <b>réunion</b> du comité.").format == "text"


def test_html_with_no_article_text_is_an_input_error(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><body><script>var a = 1;</script><img src='x.jpg'></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="no article text"):
        read_article(page)


def test_a_long_one_line_text_is_the_articles_text_not_a_file_name() -> None:
    from summarizer.inputs import read_article

    line = "การประชุมคณะกรรมการติดตามงบประมาณจังหวัดนาคาธาร เมื่อวันที่ 12 มีนาคม 2568 " * 2  # 400+ bytes
    assert read_article(line).text == line
