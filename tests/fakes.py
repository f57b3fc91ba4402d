"""A provider for tests that answers from the requested schema, with no model and no network.

It fills every field with the smallest valid value (or with the values a test asks for), so tests
of the cache, CLI and pipeline plumbing exercise the real code path above the provider interface.
"""

from __future__ import annotations

import json
from typing import Any

from summarizer.providers.base import schema_of


class FakeProvider:
    """Counts calls; answers ``answers[schema title]`` (a value, or a function of the prompt) when
    given, else a minimal valid object."""

    model_id = "fake-model"
    endpoint = "fake"

    def __init__(self, answers: dict[str, Any] | None = None) -> None:
        self.answers = answers or {}
        self.requests: list[dict[str, Any]] = []

    def complete(self, request: dict[str, Any]) -> dict[str, Any]:
        self.requests.append(request)
        schema = schema_of(request) or {}
        content = self.answers.get(schema.get("title", ""), minimal(schema, schema))
        if callable(content):  # an answer that depends on the prompt
            content = content(request["messages"][-1]["content"])
        return {
            "id": f"fake-{len(self.requests)}",
            "object": "chat.completion",
            "created": 0,
            "model": self.model_id,
            "choices": [
                {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": json.dumps(content)}}
            ],
            "usage": {"prompt_tokens": 100, "completion_tokens": 10, "total_tokens": 110},
        }


def minimal(schema: dict[str, Any], root: dict[str, Any], fill: str = "x") -> Any:
    """The smallest value valid against ``schema`` (enough for the pipeline's draft models); strings are ``fill``."""
    if "$ref" in schema:
        return minimal(root["$defs"][schema["$ref"].split("/")[-1]], root, fill)
    if "anyOf" in schema:
        return None
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object":
        return {name: minimal(sub, root, fill) for name, sub in schema.get("properties", {}).items()}
    if kind == "array":
        return []
    if kind == "string":
        return fill[: schema.get("maxLength", len(fill))]
    if kind == "boolean":
        return False
    return 0
