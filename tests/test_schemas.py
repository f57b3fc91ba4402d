"""The exported JSON Schemas match the pydantic models, and drafts are bounded for small models."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from summarizer.jsonschemas import exported_schemas, schema_text
from summarizer.steps import DRAFT_MODELS

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


@pytest.mark.parametrize("name", sorted(exported_schemas()))
def test_exported_schema_has_not_drifted(name: str) -> None:
    path = SCHEMAS / f"{name}.schema.json"
    assert path.is_file(), f"{path} missing: run python scripts/export_schemas.py"
    assert path.read_text(encoding="utf-8") == schema_text(exported_schemas()[name]), (
        f"{path} differs from the models: run python scripts/export_schemas.py"
    )


def test_no_stale_schema_files() -> None:
    assert {p.name for p in SCHEMAS.glob("*.schema.json")} == {f"{n}.schema.json" for n in exported_schemas()}


def _unbounded(schema: dict[str, Any], root: dict[str, Any], where: str) -> list[str]:
    if "$ref" in schema:
        return _unbounded(root["$defs"][schema["$ref"].split("/")[-1]], root, where)
    found = []
    for option in schema.get("anyOf", []):
        found += _unbounded(option, root, where)
    if schema.get("type") == "string" and "enum" not in schema and "maxLength" not in schema:
        found.append(where)
    if schema.get("type") == "array":
        if "maxItems" not in schema:
            found.append(where)
        found += _unbounded(schema["items"], root, where + "[]")
    for name, sub in schema.get("properties", {}).items():
        found += _unbounded(sub, root, f"{where}.{name}")
    return found


@pytest.mark.parametrize("name", sorted(DRAFT_MODELS))
def test_every_model_facing_string_and_list_is_bounded(name: str) -> None:
    schema = DRAFT_MODELS[name].model_json_schema()
    assert _unbounded(schema, schema, name) == []
