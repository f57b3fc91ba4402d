"""OpenAI and any OpenAI-compatible server (Ollama, vLLM, llama.cpp server, LM Studio).

The SDK's own retries are off: tenacity, above every provider, owns retrying. Errors become the
package's exceptions with the original chained; transient ones carry the server's Retry-After. A
200 whose body is not a JSON chat completion (a proxy's HTML page, a cut body) is a transient fault
of the server, not an answer that breaks the schema.
"""

from __future__ import annotations

import json
import os
from typing import Any
from urllib.parse import urlsplit

from summarizer.errors import (
    AuthenticationError,
    ConfigurationError,
    ProviderError,
    TransientProviderError,
    register_secret,
)
from summarizer.providers.base import ANY_SCRIPT, schema_of
from summarizer.settings import Settings

SCHEMA_FORMATS = ("json_schema", "json_object")
DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
RUNS_IN_PROCESS = False  # the work happens on the server
_DROPPED_SETTINGS = ("repeat_penalty", ANY_SCRIPT)  # llama.cpp-only or ours; OpenAI rejects unknown fields


def from_settings(settings: Settings) -> OpenAIProvider:
    """The provider the settings ask for, completed from ``OPENAI_*`` and ``SUMMARIZER_*`` variables."""
    base_url = _checked_url(settings.base_url, "--base-url") or _checked_url(
        os.environ.get("OPENAI_BASE_URL"), "OPENAI_BASE_URL"
    )
    api_key = os.environ.get("OPENAI_API_KEY")
    if api_key:
        register_secret(api_key)  # error messages never show it, whatever a server echoes
    if not base_url and not api_key:
        raise ConfigurationError(
            "the openai provider needs OPENAI_API_KEY (for OpenAI) or OPENAI_BASE_URL (for your own server)"
        )
    model = settings.model or os.environ.get("SUMMARIZER_MODEL") or (None if base_url else DEFAULT_OPENAI_MODEL)
    if model is None:
        raise ConfigurationError("name the server's model with --model or SUMMARIZER_MODEL")
    schema_format = settings.schema_format or os.environ.get("SUMMARIZER_SCHEMA_FORMAT") or "json_schema"
    return OpenAIProvider(model, base_url, api_key, timeout=settings.timeout, schema_format=schema_format)


def _checked_url(value: object, where: str) -> str | None:
    """An http(s) URL with a host, or ``None`` when not given; anything else fails at once (no retries)."""
    if value is None or value == "":
        return None
    if (
        not isinstance(value, str)
        or urlsplit(value.strip()).scheme not in ("http", "https")
        or not urlsplit(value.strip()).netloc
    ):
        raise ConfigurationError(
            f"{where} {value!r} is not an http(s) URL; give the server's address, e.g. http://127.0.0.1:8080/v1"
        )
    return value.strip()


class OpenAIProvider:
    """Chat completions over HTTP with a JSON schema in ``response_format``.

    ``schema_format``: ``json_schema`` (OpenAI structured outputs, vLLM, Ollama, LM Studio) or
    ``json_object`` with a ``schema`` field (llama-cpp-python's server).
    """

    def __init__(
        self,
        model: str,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = 120.0,
        schema_format: str = "json_schema",
    ) -> None:
        import openai

        if schema_format not in SCHEMA_FORMATS:
            raise ProviderError(f"schema format must be one of {SCHEMA_FORMATS}, not {schema_format!r}")
        self.model_id = model
        self.endpoint = f"openai-compatible:{base_url.rstrip('/')}" if base_url else "openai"
        self.schema_format = schema_format
        # A local server needs no key, but the SDK insists on one.
        self._client = openai.OpenAI(api_key=api_key or "no-key", base_url=base_url, timeout=timeout, max_retries=0)

    def complete(self, request: dict[str, Any]) -> dict[str, Any]:
        """One chat completion over HTTP."""
        import openai
        from openai.types.chat import ChatCompletion

        body = {key: value for key, value in request.items() if key not in _DROPPED_SETTINGS}
        body["model"] = self.model_id
        schema = schema_of(request)
        if schema is not None and self.schema_format == "json_object":
            body["response_format"] = {"type": "json_object", "schema": schema}
        try:
            # The SDK's low-level post: ``chat.completions.create`` re-walks every message through its
            # TypedDict transforms (about 1.5 ms a call, measured), and the body is already plain JSON.
            completion = self._client.post("/chat/completions", body=body, cast_to=ChatCompletion)
        except json.JSONDecodeError as e:  # a 200 labelled JSON that is not
            raise TransientProviderError(f"{self.endpoint} answered something that is not JSON ({e})") from e
        except openai.AuthenticationError as e:
            raise AuthenticationError(
                f"{self.endpoint} rejected the API key (HTTP {e.status_code}); set OPENAI_API_KEY to a valid key"
            ) from e
        except openai.RateLimitError as e:
            raise TransientProviderError(f"rate limited (HTTP 429) by {self.endpoint}", _retry_after(e)) from e
        except openai.InternalServerError as e:
            raise TransientProviderError(f"{self.endpoint} answered HTTP {e.status_code}", _retry_after(e)) from e
        except (openai.APITimeoutError, openai.APIConnectionError) as e:
            raise TransientProviderError(f"{self.endpoint} did not answer: {e}") from e
        except openai.APIStatusError as e:
            raise ProviderError(f"{self.endpoint} refused the request (HTTP {e.status_code}): {e.message}") from e
        except openai.APIError as e:
            raise TransientProviderError(f"{self.endpoint} sent an unreadable answer: {e}") from e
        if not isinstance(completion, ChatCompletion):  # the SDK hands back the text of a non-JSON body
            text = str(completion)[:80]
            raise TransientProviderError(f"{self.endpoint} answered something that is not JSON: {text!r}")
        if not completion.choices:
            raise TransientProviderError(f"{self.endpoint} answered with no choices")
        result: dict[str, Any] = completion.model_dump(mode="json", exclude_none=True)
        return result


def _retry_after(error: Any) -> float | None:
    """Seconds from a Retry-After header, when the server sent one as a number."""
    value = error.response.headers.get("retry-after") if getattr(error, "response", None) is not None else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None
