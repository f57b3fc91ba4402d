"""Model providers behind one interface, and the choice between them.

``local`` (the embedded model, llama.cpp) is the default; ``openai`` is chosen when
``OPENAI_API_KEY`` or ``OPENAI_BASE_URL`` is set, or when asked for.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from summarizer.errors import ConfigurationError
from summarizer.providers.base import Provider

PROVIDERS = ("local", "openai")
DEFAULT_OPENAI_MODEL = "gpt-4o-mini"


@dataclass(frozen=True)
class ProviderSettings:
    """What the user said about the model; unset fields fall back to the environment."""

    provider: str | None = None
    model: str | None = None
    base_url: str | None = None
    model_path: str | None = None
    schema_format: str | None = None
    timeout: float = 600.0


def choose_provider_name(settings: ProviderSettings) -> str:
    """``openai`` when asked for or when OpenAI settings are present, else ``local``."""
    name = settings.provider or os.environ.get("SUMMARIZER_PROVIDER")
    if name is None:
        openai_configured = settings.base_url or os.environ.get("OPENAI_API_KEY") or os.environ.get("OPENAI_BASE_URL")
        name = "openai" if openai_configured else "local"
    if name not in PROVIDERS:
        raise ConfigurationError(f"unknown provider {name!r}; choose one of {', '.join(PROVIDERS)}")
    return name


def make_provider(settings: ProviderSettings | None = None) -> Provider:
    """Build the provider the settings and environment ask for."""
    settings = settings or ProviderSettings()
    if choose_provider_name(settings) == "local":
        from summarizer.providers.local import LocalProvider

        return LocalProvider(model_path=settings.model_path)
    from summarizer.providers.openai import OpenAIProvider

    base_url = settings.base_url or os.environ.get("OPENAI_BASE_URL")
    api_key = os.environ.get("OPENAI_API_KEY")
    if not base_url and not api_key:
        raise ConfigurationError(
            "the openai provider needs OPENAI_API_KEY (for OpenAI) or OPENAI_BASE_URL (for your own server)"
        )
    model = settings.model or os.environ.get("SUMMARIZER_MODEL") or (None if base_url else DEFAULT_OPENAI_MODEL)
    if model is None:
        raise ConfigurationError("name the server's model with --model or SUMMARIZER_MODEL")
    schema_format = settings.schema_format or os.environ.get("SUMMARIZER_SCHEMA_FORMAT") or "json_schema"
    return OpenAIProvider(model, base_url, api_key, timeout=settings.timeout, schema_format=schema_format)
