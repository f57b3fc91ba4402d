"""The one interface every model backend implements.

A provider takes an OpenAI-style chat request (``messages``, ``response_format`` with a JSON
schema, generation settings) and returns an OpenAI-style ``chat.completion`` dict with ``usage``.
Everything else -- prompts, validation and re-asking (instructor), retries (tenacity), the cache --
lives above it, once, for all providers.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

# A request setting: the answer copies an article in a script the embedded model is otherwise kept from
# writing (Han, Kana, Hangul). In-process providers read it; it is never sent to a server.
ANY_SCRIPT = "any_script"


@runtime_checkable
class Provider(Protocol):
    """A model endpoint.

    ``model_id`` and ``endpoint`` identify the answers' source; both go into cache keys, so they must
    not contain secrets. A provider that computes in this process may say so with ``in_process = True``:
    its calls are then never abandoned at the client's wall-clock bound (see ``summarizer.client``).
    """

    model_id: str
    endpoint: str

    def complete(self, request: dict[str, Any]) -> dict[str, Any]:
        """Run one chat completion; raise ``TransientProviderError`` for failures worth retrying."""
        ...


def schema_of(request: dict[str, Any]) -> dict[str, Any] | None:
    """The JSON schema a request asks for, whichever ``response_format`` shape carries it."""
    response_format = request.get("response_format") or {}
    if response_format.get("type") == "json_schema":
        schema: dict[str, Any] = response_format["json_schema"]["schema"]
        return schema
    return response_format.get("schema")
