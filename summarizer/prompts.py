"""Prompt templates: Jinja2 files in ``prompts/`` with a declared version and declared variables.

Each file starts with a front matter block inside a Jinja comment::

    {#---
    version = "1"
    variables = ["article"]
    ---#}

Loading fails when the template uses a variable it does not declare; rendering fails when a declared
variable is missing or an unknown one is given. ``SUMMARIZER_PROMPTS_DIR`` points at another folder.
"""

from __future__ import annotations

import functools
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.errors import PromptError

_FRONT_MATTER = re.compile(r"\A\{#---\n(?P<toml>.*?)\n---#\}\n", re.DOTALL)


def prompts_dir() -> Path:
    """The folder templates are read from: the override, the installed copy, or the repo's ``prompts/``."""
    override = os.environ.get("SUMMARIZER_PROMPTS_DIR")
    return Path(override) if override else _packaged_prompts_dir()


def _packaged_prompts_dir() -> Path:
    from summarizer.resources import prompt_templates

    return prompt_templates()


@dataclass(frozen=True)
class Prompt:
    """One loaded template."""

    name: str
    version: str
    variables: frozenset[str]
    source: str
    # Concrete examples the template shows, declared in its front matter: invented so that no article
    # has them, and tested never to come back in a brief (the small model's favourite answer is an example).
    examples: tuple[str, ...] = ()

    @property
    def tag(self) -> str:
        """``name:version``, the prompt's identity in cache keys and provenance."""
        return f"{self.name}:{self.version}"

    def render(self, **values: Any) -> str:
        """Render with exactly the declared variables."""
        missing = self.variables - values.keys()
        unknown = values.keys() - self.variables
        if missing or unknown:
            raise PromptError(
                f"prompt {self.name!r}: missing variables {sorted(missing)}, unknown variables {sorted(unknown)}"
            )
        rendered: str = self._template.render(**values)
        return rendered.strip()

    @functools.cached_property
    def _template(self) -> Any:
        """The compiled template, compiled on first use."""
        return _environment().from_string(self.source)


@functools.cache
def _environment() -> Any:
    import jinja2

    return jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=False, autoescape=False)


def load_prompt(name: str, directory: Path | None = None) -> Prompt:
    """Load ``<name>.j2`` and check its front matter against the variables it really uses.

    Loaded once per process and folder: every model call renders a prompt, and reading and parsing
    the file each time was measurable in replays. A template edited mid-process is not re-read.
    """
    return _load(name, directory or prompts_dir())


@functools.lru_cache(maxsize=64)
def _load(name: str, directory: Path) -> Prompt:
    import jinja2.meta

    path = directory / f"{name}.j2"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise PromptError(f"cannot read prompt template {path}: {e.strerror}") from e
    match = _FRONT_MATTER.match(text)
    if not match:
        raise PromptError(f"{path}: no front matter ('{{#---' ... '---#}}') at the top")
    try:
        meta = tomllib.loads(match["toml"])
        version, declared = str(meta["version"]), frozenset(meta["variables"])
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as e:
        raise PromptError(f"{path}: front matter needs 'version' and 'variables': {e}") from e
    source = text[match.end() :]
    used = jinja2.meta.find_undeclared_variables(_environment().parse(source))
    if used != declared:
        raise PromptError(f"{path}: declares {sorted(declared)} but uses {sorted(used)}")
    examples = tuple(str(example) for example in meta.get("examples", ()))
    missing = [example for example in examples if example not in source]
    if missing:
        raise PromptError(f"{path}: declared examples not in the template: {missing}")
    return Prompt(name=name, version=version, variables=declared, source=source, examples=examples)
