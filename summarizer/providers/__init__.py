"""Model providers behind one interface, and the choice between them (a registry, no chains of ifs).

``local`` (the embedded model, llama.cpp) is the default; ``openai`` is chosen when
``OPENAI_API_KEY`` or ``OPENAI_BASE_URL`` is set, or when asked for. Each provider's module builds it
from the settings and reads its own environment (``from_settings``).
"""

from __future__ import annotations

import importlib
import os
from typing import Any

from summarizer.errors import ConfigurationError
from summarizer.providers.base import Provider
from summarizer.settings import Settings

# name -> module whose from_settings(settings) builds the provider (imported only when chosen)
_REGISTRY = {"local": "summarizer.providers.local", "openai": "summarizer.providers.openai"}
PROVIDERS: tuple[str, ...] = tuple(_REGISTRY)


def choose_provider_name(settings: Settings) -> str:
    """``openai`` when asked for or when OpenAI settings are present, else ``local``."""
    name = settings.provider or os.environ.get("SUMMARIZER_PROVIDER")
    if name is None:
        openai_configured = settings.base_url or os.environ.get("OPENAI_API_KEY") or os.environ.get("OPENAI_BASE_URL")
        name = "openai" if openai_configured else "local"
    if name not in _REGISTRY:
        raise ConfigurationError(f"unknown provider {name!r}; choose one of {', '.join(PROVIDERS)}")
    return name


def _module(settings: Settings) -> Any:
    return importlib.import_module(_REGISTRY[choose_provider_name(settings)])


def make_provider(settings: Settings | None = None) -> Provider:
    """Build the provider the settings and environment ask for."""
    settings = settings or Settings()
    provider: Provider = _module(settings).from_settings(settings)
    return provider


def runs_in_process(settings: Settings) -> bool:
    """True when the chosen provider computes in this process (it then wants whole cores of its own)."""
    return bool(_module(settings).RUNS_IN_PROCESS)
