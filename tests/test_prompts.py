"""Prompt templates: declared variables are enforced at load and render time."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.errors import PromptError
from summarizer.pipeline import prompt_version
from summarizer.prompts import load_prompt
from summarizer.steps import PROMPT_NAMES
from tests.conftest import REPO


def write(directory: Path, name: str, text: str) -> None:
    (directory / f"{name}.j2").write_text(text, encoding="utf-8")


def test_every_shipped_prompt_loads_with_a_version() -> None:
    tags = prompt_version().split()
    assert [tag.split(":")[0] for tag in tags] == list(PROMPT_NAMES)
    assert all(tag.split(":")[1] for tag in tags)


def test_missing_variable_is_an_error() -> None:
    with pytest.raises(PromptError, match=r"missing variables \['article'\]"):
        load_prompt("meeting").render()


def test_unknown_variable_is_an_error() -> None:
    with pytest.raises(PromptError, match=r"unknown variables \['extra'\]"):
        load_prompt("meeting").render(article="text", extra="x")


def test_template_using_an_undeclared_variable_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "bad", '{#---\nversion = "1"\nvariables = ["a"]\n---#}\n{{ a }} {{ b }}\n')
    with pytest.raises(PromptError, match="declares"):
        load_prompt("bad", tmp_path)


def test_template_without_front_matter_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "plain", "{{ a }}\n")
    with pytest.raises(PromptError, match="front matter"):
        load_prompt("plain", tmp_path)


def test_article_comes_first_so_calls_share_a_prefix() -> None:
    rendered = [
        load_prompt("meeting").render(article="ARTICLE TEXT"),
        load_prompt("summary").render(article="ARTICLE TEXT", glossary="HĐND = People's Council", avoid="yuan"),
    ]
    prefix = "<article>\nARTICLE TEXT\n</article>"
    assert all(text.startswith(prefix) for text in rendered)


def test_declared_examples_are_invented_and_shown_in_their_template() -> None:
    shown = {name: load_prompt(name).examples for name in PROMPT_NAMES}
    assert shown["chair_sentence"]
    for examples in shown.values():
        for example in examples:
            assert any(word in example for word in ("99", "Valombre", "Quỳnh Dao")), example  # invented words


def test_an_example_that_is_not_in_its_template_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "p", '{#---\nversion = "1"\nvariables = []\nexamples = ["Moon Council"]\n---#}\nHi')
    with pytest.raises(PromptError, match="examples not in the template"):
        load_prompt("p", tmp_path)


RECORDED = sorted((REPO / "seeds").glob("*.txt")) + sorted((REPO / "tests" / "data").glob("case_*.txt"))


@pytest.mark.parametrize("path", RECORDED, ids=[path.stem for path in RECORDED])
def test_no_prompt_example_comes_back_in_a_brief(path: Path, recorded_cache: Path) -> None:
    from summarizer import summarize

    made = summarize(path, cache_dir=recorded_cache, cache_mode="replay", provider="local")
    # The fields, not the warnings: a warning may quote an example the model gave, as it drops it.
    brief = made.model_dump_json(exclude={"warnings"})
    invented = ("Valombre", "Quỳnh Dao", "Quynh Dao", "Lighthouse", "99th")
    for name in PROMPT_NAMES:
        for example in load_prompt(name).examples:
            assert example not in brief
    for word in invented:
        assert word not in brief
    for warning in made.warnings:
        assert not any(word in warning for word in invented) or warning.startswith("dropped "), warning
