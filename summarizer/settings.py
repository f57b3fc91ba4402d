"""One frozen settings object, built once from options and environment and passed down whole.

It says which model answers (provider, model, endpoint, model file), how long a server may take
(``timeout`` for one answer, ``total_timeout`` for a request with all its retries), where answers
are cached and how, the brief's second language, and how a batch runs (engine, jobs, Ray options). Each provider
reads its own environment variables when it is made (``summarizer.providers``); the cache folder
falls back to ``SUMMARIZER_CACHE_DIR`` here.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

from summarizer.cache import CacheMode, check_mode
from summarizer.errors import ConfigurationError
from summarizer.paths import default_cache_dir

EngineName = Literal["local", "processes", "ray"]
ENGINES: tuple[str, ...] = get_args(EngineName)


@dataclass(frozen=True)
class RayOptions:
    """Where a Ray batch runs and how its actor pool is sized (unset: chosen from the provider and cluster)."""

    address: str | None = None
    actors: int | None = None
    cpus_per_actor: float | None = None
    batch_size: int | None = None  # articles per actor call; default: jobs


@dataclass(frozen=True)
class Settings:
    """Everything the user said about a run; unset model fields fall back to the provider's environment."""

    provider: str | None = None
    model: str | None = None
    base_url: str | None = None
    model_path: str | None = None
    schema_format: str | None = None
    timeout: float = 120.0  # seconds a server may take to answer one request
    total_timeout: float = 300.0  # seconds one model request may take in all, retries and waits included
    cache_dir: str | None = None
    cache_mode: CacheMode = "use"
    language: str | None = None
    jobs: int = 4
    engine: EngineName = "local"
    ray: RayOptions = field(default_factory=RayOptions)

    def __post_init__(self) -> None:
        check_mode(self.cache_mode)
        if self.language is not None:
            object.__setattr__(self, "language", check_language(self.language))
        for name in ("timeout", "total_timeout"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
                raise ConfigurationError(f"{name} must be a positive number of seconds, not {value!r}")
        if self.engine not in ENGINES:
            raise ConfigurationError(f"unknown engine {self.engine!r}; choose one of {', '.join(ENGINES)}")

    @classmethod
    def from_options(cls, **options: Any) -> Settings:
        """Settings from keyword options (the CLI's or the library's); ``None`` means "not given"."""
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(options) - names)
        if unknown:
            raise ConfigurationError(f"unknown option(s): {', '.join(unknown)}")
        given = {name: value for name, value in options.items() if value is not None}
        if "cache_dir" in given:
            given["cache_dir"] = str(given["cache_dir"])
        return cls(**given)

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` (``None`` values ignored, as in ``from_options``)."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    def cache_path(self) -> Path:
        """The response cache folder: the one given, else ``SUMMARIZER_CACHE_DIR``, else the user state's."""
        return Path(self.cache_dir) if self.cache_dir is not None else default_cache_dir()


def check_language(code: str) -> str:
    """An ISO 639-1 code the tool can name (lingua's languages), lowercased; else a ConfigurationError listing them."""
    from lingua import Language

    known = sorted(str(language.iso_code_639_1.name).lower() for language in Language.all())
    normal = code.strip().lower() if isinstance(code, str) else code
    if normal not in known:
        raise ConfigurationError(f"unknown language {code!r}; use an ISO 639-1 code: {', '.join(known)}")
    return str(normal)
