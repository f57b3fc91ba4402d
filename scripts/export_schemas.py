"""Write the JSON Schemas of the Brief and of every model-facing draft into ``schemas/``."""

from __future__ import annotations

from pathlib import Path

from summarizer.jsonschemas import exported_schemas, schema_text

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"

if __name__ == "__main__":
    SCHEMAS.mkdir(exist_ok=True)
    for name, schema in exported_schemas().items():
        (SCHEMAS / f"{name}.schema.json").write_text(schema_text(schema), encoding="utf-8")
        print(f"wrote schemas/{name}.schema.json")
