"""Whole briefs kept in the response cache, so a replayed article costs one look-up, not a pipeline run.

The model answers are cached call by call (``llm.py``); replaying them still runs every rule,
grounding step and validation, about 35 ms an article. A finished brief is stored too, under a key
made of everything that shapes it: the article's content, the brief's second language, the model and
endpoint, the generation settings, the prompt texts, the pipeline's own code and the versions of the
libraries whose behaviour reaches the brief. Any change to those misses, and the call-level cache
rebuilds the brief from the recorded answers, so a stale brief is never served.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from importlib import metadata
from pathlib import Path

from summarizer.cache import cache_key
from summarizer.inputs import Article
from summarizer.llm import GenerationSettings, ModelClient
from summarizer.prompts import load_prompt, prompts_dir
from summarizer.schema import Brief

_PACKAGE = Path(__file__).resolve().parent
# Libraries whose versions change briefs without a change to this package's code.
_LIBRARIES = ("pydantic", "instructor", "lingua-language-detector", "dateparser", "rapidfuzz")


def brief_key(article: Article, client: ModelClient, second_language: str | None, prompt_names: tuple[str, ...]) -> str:
    """The key of the brief of ``article`` made by ``client``."""
    provider = client.provider
    static = _static_digest(
        provider.model_id,
        provider.endpoint,
        client.settings,
        client.retry.reasks,
        prompt_names,
        prompts_dir(),
        code_fingerprint(),
    )
    return "brief-" + cache_key({"article": article.sha256, "second_language": second_language, "static": static})


@functools.lru_cache(maxsize=32)
def _static_digest(
    model_id: str,
    endpoint: str,
    settings: GenerationSettings,
    reasks: int,
    prompt_names: tuple[str, ...],
    directory: Path,
    code: str,
) -> str:
    """What shapes every brief a client makes, hashed once (keys are made per article)."""
    material = {
        "kind": "brief",
        "model": model_id,
        "endpoint": endpoint,
        "settings": dataclasses.asdict(settings),
        "reasks": reasks,
        "prompts": _prompts_digest(prompt_names, directory),
        "code": code,
    }
    return cache_key(material)


@functools.lru_cache(maxsize=8)
def _prompts_digest(names: tuple[str, ...], directory: Path) -> str:
    """A hash of the prompt templates' texts (computed once per folder: key making is per article)."""
    texts = {name: load_prompt(name, directory).source for name in names}
    return cache_key(texts)


@functools.cache
def code_fingerprint() -> str:
    """A hash of this package's source files and of the versions of the libraries that shape briefs."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}=={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} absent".encode())
    return digest.hexdigest()


def load_brief(key: str, client: ModelClient, article: Article, seconds: float) -> Brief | None:
    """The stored brief for ``key``, relabelled for this article, or None."""
    text = client.cache.get_text(key)
    if text is None:
        return None
    brief = Brief.model_validate_json(text)
    provenance = brief.provenance
    usage = provenance.usage.model_copy(update={"cached_calls": provenance.usage.calls})
    brief.provenance = provenance.model_copy(
        update={
            "usage": usage,
            "cached": True,
            "seconds": seconds,
            "source": article.source,
            "encoding": article.encoding,
            "input_format": article.format,
        }
    )
    return brief


def store_brief(key: str, client: ModelClient, brief: Brief) -> None:
    """Keep ``brief`` for later runs (a cache given up during the run, whose problem the brief reports
    as a warning, stores nothing, so such a brief is never reused)."""
    client.cache.set_text(key, brief.model_dump_json())
