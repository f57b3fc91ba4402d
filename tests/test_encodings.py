"""Reading text that is not UTF-8 (issue 14): legacy encodings guessed from the text and said, damaged
UTF-8 kept as UTF-8; the guess reaches the user in the brief. Real files; the CLI in its own process
against a server on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.inputs import read_article
from tests.conftest import REPO, seed
from tests.servers import FROM_SCHEMA, Action, scripted_server

UKRAINIAN = "\n".join(seed("003").read_text(encoding="utf-8").split("\n")[:2])
RUSSIAN = "Заседание комитета прошло в Москве 3 марта. Председатель подвёл итоги года и назвал задачи."


def summarize_command(*args: str, url: str) -> list[str]:
    return [sys.executable, "-m", "summarizer", *args, "--base-url", url, "--model", "m", "--cache-mode", "off"]


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(UKRAINIAN, "cp1251"), (RUSSIAN, "cp1251"), (RUSSIAN, "koi8_r"), ("Le comité s’est réuni à Genève.", "cp1252")],
    ids=["uk-cp1251", "ru-cp1251", "ru-koi8_r", "fr-cp1252"],
)
def test_a_legacy_encoding_is_guessed_from_the_text_and_said(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    article = read_article(path)
    assert (article.text, article.encoding) == (text, encoding)
    assert any(f"read as {encoding}" in note and "guess" in note for note in article.notes), article.notes


def test_utf8_with_a_damaged_byte_stays_utf8_and_says_so(tmp_path: Path) -> None:
    data = UKRAINIAN.encode("utf-8")
    cut = data.index("Центрального".encode()) + 1  # the second byte of a two-byte letter
    path = tmp_path / "damaged.txt"
    path.write_bytes(data[:cut] + data[cut + 1 :])
    article = read_article(path)
    assert article.encoding == "utf-8" and article.text.count("\ufffd") == 1
    assert article.text == UKRAINIAN.replace("Ц", "\ufffd", 1)
    assert any("1 damaged" in note for note in article.notes), article.notes


def test_the_guess_reaches_the_user_in_the_brief(tmp_path: Path) -> None:
    path = tmp_path / "cyrillic.txt"
    path.write_bytes(UKRAINIAN.encode("cp1251"))
    with scripted_server([Action(content=FROM_SCHEMA)]) as server:
        command = summarize_command(str(path), "--format", "json", url=server.url)
        result = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=REPO)
    assert result.returncode == 0, result.stderr
    brief = json.loads(result.stdout)
    assert brief["provenance"]["encoding"] == "cp1251" and brief["language"] == "uk"
    assert any("read as cp1251" in warning for warning in brief["warnings"]), brief["warnings"]
