"""What every extraction step shares: asking the model about the article, and keeping only what stands in it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, create_model

from summarizer.client import Session
from summarizer.prompts import Prompt, load_prompt
from summarizer.text.grounding import appears_in
from summarizer.text.names import value_or_none

T = TypeVar("T", bound=BaseModel)
Progress = Callable[[str], None]


class Draft(BaseModel):
    """What a prompt asks the model to fill in: no field beyond the schema's. ``COPIES_ARTICLE``: its answer
    copies the article's words, so in an article written in Han, Kana or Hangul it may write them."""

    model_config = ConfigDict(extra="forbid")
    COPIES_ARTICLE: ClassVar[bool] = False


def one_field_each(model_name: str, prefix: str, fields: list[Any]) -> type[BaseModel]:
    """A draft with one required field per item (``prefix1``, ``prefix2``...), each of the given
    ``(type, default-or-Field)``: offered a list instead, the small model answers with an empty one."""
    definitions = {f"{prefix}{number}": field for number, field in enumerate(fields, 1)}
    model: type[BaseModel] = create_model(model_name, __config__=ConfigDict(extra="forbid"), **definitions)
    return model


class Asker:
    """Renders a step's prompt and asks the session; the system prompt is shared so prefixes are reused.

    ``max_tokens`` maps each prompt to the longest answer it can need: the schema bounds every string,
    so a well-formed answer never reaches it, only a runaway one does.
    """

    def __init__(
        self, session: Session, article_text: str, max_tokens: dict[str, int], any_script: bool = False
    ) -> None:
        self.session = session
        self.article_text = article_text
        self.max_tokens = max_tokens
        self.any_script = any_script  # the article is written in a script the model is otherwise kept from
        self.system = load_prompt("system")
        self._system_text = self.system.render()

    def for_text(self, article_text: str) -> Asker:
        """An asker about another text (a part of the article, or the parts' summaries)."""
        return Asker(self.session, article_text, self.max_tokens, self.any_script)

    def ask_about_article(self, name: str, model: type[T]) -> T:
        """Ask prompt ``name``, whose one variable is the article."""
        return self.ask(load_prompt(name), model, article=self.article_text)

    def ask(self, prompt: Prompt, model: type[T], **values: str) -> T:
        """Ask ``prompt`` rendered with ``values`` for an answer of ``model``'s shape."""
        messages = [
            {"role": "system", "content": self._system_text},
            {"role": "user", "content": prompt.render(**values)},
        ]
        copies = self.any_script and bool(getattr(model, "COPIES_ARTICLE", False))
        return self.session.ask(
            model, messages, f"{self.system.tag}+{prompt.tag}", self.max_tokens[prompt.name], any_script=copies
        )


def found_in_article(field: str, value: str | None, original: str, warnings: list[str]) -> str | None:
    """Keep a copied value only when it stands in the article (dropping it with a warning otherwise)."""
    value = value_or_none(value)
    if value is not None and not appears_in(value, original):
        warnings.append(f"dropped meeting {field} {value!r}: not found in the article")
        return None
    return value
