"""Prompt templates: declared variables are enforced at load and render time."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.errors import PromptError
from summarizer.pipeline import prompt_version
from summarizer.prompts import load_prompt
from summarizer.steps import PROMPT_NAMES


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
    rendered = [load_prompt(name).render(article="ARTICLE TEXT") for name in ("meeting", "summary")]
    prefix = "<article>\nARTICLE TEXT\n</article>"
    assert all(text.startswith(prefix) for text in rendered)
