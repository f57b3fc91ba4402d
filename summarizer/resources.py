"""Files shipped beside the code: prompt templates, JSON Schemas and the HTML report's templates.

In an installed package (a wheel, ``pip install .``) the repository's top-level ``prompts/`` and
``schemas/`` folders are package data of ``summarizer`` (``pyproject.toml`` maps them to the
packages ``summarizer.prompt_templates`` and ``summarizer.schema_files``), found here through
``importlib.resources``. In a source checkout (or an editable install) they are read from the
repository's folders themselves.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

# Installed package folder -> the repository folder it is built from.
SHIPPED = {"prompt_templates": "prompts", "schema_files": "schemas"}


@functools.cache
def resource_dir(installed: str) -> Path:
    """The folder of one kind of shipped file: inside the installed package, else the repository's."""
    packaged = resources.files("summarizer") / installed
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / SHIPPED[installed]


def prompt_templates() -> Path:
    """The folder of the prompt templates (``*.j2``)."""
    return resource_dir("prompt_templates")


def schema_files() -> Path:
    """The folder of the exported JSON Schemas (``*.schema.json``)."""
    return resource_dir("schema_files")
