"""The brief cache, applied around the pipeline: a replayed article costs one look-up, not a pipeline run.

Model answers are cached call by call (``client``); replaying them still runs every rule, grounding
step and validation. A finished brief is stored too, under a key of what really shapes it: the
article's content, the brief's second language, the model and endpoint, the generation settings,
the prompt texts, the code of the modules that make briefs (as parsed, so comments and docstrings do
not count) and the versions of the libraries whose behaviour reaches the brief. Any change to those
misses, and the call-level cache rebuilds the brief from the recorded answers.
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import hashlib
import time
from importlib import metadata
from pathlib import Path

from summarizer.brief import Brief
from summarizer.cache import cache_key
from summarizer.client import ModelClient
from summarizer.inputs import Article
from summarizer.pipeline import make_brief
from summarizer.prompts import load_prompt, prompts_dir
from summarizer.steps import PROMPT_NAMES
from summarizer.steps.base import Progress

_PACKAGE = Path(__file__).resolve().parent
# The code and the rule words (lexicon TOML) that turn an article and the model's answers into a brief;
# renderers, engines, the CLI and the caches themselves do not change a brief.
_BRIEF_CODE = ("inputs", "text", "steps", "lexicon", "pipeline.py", "schema.py", "brief.py", "client.py", "prompts.py")
# Libraries whose versions change briefs without a change to this package's code.
_LIBRARIES = ("pydantic", "instructor", "lingua-language-detector", "dateparser", "rapidfuzz", "trafilatura")


def summarize_article(
    article: Article, client: ModelClient, second_language: str | None = None, progress: Progress | None = None
) -> Brief:
    """The Brief of one article: from the brief cache when nothing that shapes it changed, else made."""
    started = time.perf_counter()
    key = brief_key(article, client, second_language)
    stored = _load(key, client, article, round(time.perf_counter() - started, 3))
    if stored is not None:
        return _with_notes(stored, article)
    brief = make_brief(article, client, second_language, progress)
    # A cache given up during the run (its problem is a warning of the brief) stores nothing.
    client.cache.set_text(key, brief.model_dump_json())
    return _with_notes(brief, article)


def _with_notes(brief: Brief, article: Article) -> Brief:
    """The brief with what reading the article had to guess (an encoding, damaged bytes) first among its warnings.

    Notes belong to how the bytes were read, not to the text: a stored brief of the same text read
    cleanly gets them added, and a brief is stored without them.
    """
    notes = [note for note in article.notes if note not in brief.warnings]
    return brief.model_copy(update={"warnings": [*notes, *brief.warnings]}) if notes else brief


def brief_key(article: Article, client: ModelClient, second_language: str | None) -> str:
    """The key of the brief of ``article`` made by ``client``."""
    provider = client.provider
    static = _static_digest(
        provider.model_id, provider.endpoint, client.settings, client.retry.reasks, prompts_dir(), code_fingerprint()
    )
    return "brief-" + cache_key({"article": article.sha256, "second_language": second_language, "static": static})


@functools.lru_cache(maxsize=32)
def _static_digest(model_id: str, endpoint: str, settings: object, reasks: int, directory: Path, code: str) -> str:
    """What shapes every brief a client makes, hashed once (keys are made per article)."""
    texts = {name: load_prompt(name, directory).source for name in PROMPT_NAMES}
    material = {
        "kind": "brief",
        "model": model_id,
        "endpoint": endpoint,
        "settings": dataclasses.asdict(settings),  # type: ignore[call-overload]
        "reasks": reasks,
        "prompts": cache_key(texts),
        "code": code,
    }
    return cache_key(material)


@functools.cache
def code_fingerprint() -> str:
    """A hash of the brief-making modules' syntax trees, of the lexicons' words and of the versions of
    the libraries that shape briefs."""
    digest = hashlib.sha256()
    for path in _brief_sources():
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        text = path.read_text(encoding="utf-8")
        digest.update((_code_only(text) if path.suffix == ".py" else text).encode())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}=={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} absent".encode())
    return digest.hexdigest()


def _brief_sources() -> list[Path]:
    paths: list[Path] = []
    for name in _BRIEF_CODE:
        place = _PACKAGE / name
        paths += sorted([*place.rglob("*.py"), *place.rglob("*.toml")]) if place.is_dir() else [place]
    return paths


def _code_only(source: str) -> str:
    """The module's syntax tree without docstrings: what it does, not how it is explained."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and _is_docstring(body[0]):
            node.body = body[1:] or [ast.Pass()]  # type: ignore[attr-defined]
    return ast.dump(tree)


def _is_docstring(statement: ast.stmt) -> bool:
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    )


def _load(key: str, client: ModelClient, article: Article, seconds: float) -> Brief | None:
    """The stored brief for ``key``, relabelled for this article, or None."""
    text = client.cache.get_text(key)
    if text is None:
        return None
    brief = Brief.model_validate_json(text)
    # A brief just made from the stored text, owned here: relabelled in place (copies cost more than the look-up).
    provenance = brief.provenance
    provenance.usage.cached_calls = provenance.usage.calls
    provenance.cached = True
    provenance.seconds = seconds
    provenance.source = article.source
    provenance.encoding = article.encoding
    provenance.input_format = article.format
    return brief
