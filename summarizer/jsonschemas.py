"""The JSON Schemas written to ``schemas/``: the Brief, and each draft the model is asked to fill in."""

from __future__ import annotations

import json
from typing import Any

from summarizer.brief import Brief
from summarizer.steps import DRAFT_MODELS


def exported_schemas() -> dict[str, dict[str, Any]]:
    """Schemas by file stem: ``brief`` and one per prompt that asks for a draft."""
    schemas = {"brief": Brief.model_json_schema()}
    schemas.update({name: model.model_json_schema() for name, model in DRAFT_MODELS.items()})
    return schemas


def schema_text(schema: dict[str, Any]) -> str:
    """Stable text form of a schema, as stored in ``schemas/``."""
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
