"""Structured model calls, the same for every provider.

instructor turns a pydantic model into a schema-constrained request, validates the answer and
re-asks (bounded) when it does not fit. Underneath, each request goes to the cache first, then to
the provider through tenacity, which retries transient failures with exponential backoff, jitter and
``Retry-After``. Every attempt is counted in the article's ``Usage``.

A request with all its retries and waits ends within ``RetryPolicy.total_seconds`` of wall-clock
time, whatever the server does (silent, or trickling bytes that never make an answer): an attempt
at a server runs in a helper thread that is abandoned when the time is up. Providers that compute
in this process (llama.cpp) are not cut off: their calls cannot hang on a network.
"""

from __future__ import annotations

import copy
import functools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel

from summarizer.cache import ResponseCache, cache_key
from summarizer.errors import (
    CacheMissError,
    ModelOutputError,
    ProviderError,
    SummarizerError,
    TransientProviderError,
)
from summarizer.providers import make_provider
from summarizer.providers.base import ANY_SCRIPT, Provider, schema_of
from summarizer.schema import Usage
from summarizer.settings import Settings

T = TypeVar("T", bound=BaseModel)
_PROMPT_KEY = "summarizer_prompt"  # travels through instructor's kwargs into the cache key

# instructor logs every failed attempt at ERROR; this package reports failures as exceptions, once. A
# NullHandler keeps those lines out of a notebook's stderr (Python's last-resort handler) and still
# lets an application that configures logging see them.
logging.getLogger("instructor").addHandler(logging.NullHandler())


@dataclass(frozen=True)
class GenerationSettings:
    """Decoding settings sent with every request: greedy and seeded, so answers replay."""

    temperature: float = 0.0
    seed: int = 0
    repeat_penalty: float = 1.05

    def as_request(self, max_tokens: int) -> dict[str, Any]:
        """The settings as request fields."""
        return {
            "temperature": self.temperature,
            "seed": self.seed,
            "repeat_penalty": self.repeat_penalty,
            "max_tokens": max_tokens,
        }


@dataclass(frozen=True)
class RetryPolicy:
    """Bounds for transient retries (tenacity) and schema re-asks (instructor)."""

    attempts: int = 5
    first_wait: float = 1.0
    max_wait: float = 30.0
    total_seconds: float = 300.0
    reasks: int = 2


class ModelClient:
    """A provider wrapped with cache, retries and validation; one per process is enough."""

    def __init__(
        self,
        provider: Provider,
        cache: ResponseCache,
        settings: GenerationSettings | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.provider = provider
        self.cache = cache
        self.settings = settings or GenerationSettings()
        self.retry = retry or RetryPolicy()

    def session(self, label: str) -> Session:
        """A session for one article: its own token count, its name in error messages."""
        return Session(self, label)


@dataclass
class Session:
    """The calls made for one article."""

    client: ModelClient
    label: str
    usage: Usage = field(default_factory=Usage)

    def ask(
        self,
        response_model: type[T],
        messages: list[dict[str, str]],
        prompt_tag: str,
        max_tokens: int,
        any_script: bool = False,
    ) -> T:
        """Ask for ``response_model``; raise a ``SummarizerError`` when it cannot be had. ``any_script``: the
        answer copies an article written in a script the embedded model is otherwise kept from writing (Han,
        Kana, Hangul), so it may."""
        from instructor.core import IncompleteOutputException, InstructorRetryException

        from summarizer.instructor_once import instructor_checking_once

        instructor = instructor_checking_once()
        create = instructor.patch(create=self._create, mode=instructor.Mode.JSON_SCHEMA)
        request: dict[str, Any] = {**self.client.settings.as_request(max_tokens), _PROMPT_KEY: prompt_tag}
        if any_script:
            request[ANY_SCRIPT] = True
        try:
            result: T = create(
                response_model=_for_instructor(response_model),
                messages=messages,
                max_retries=self.client.retry.reasks,
                **request,
            )
        except InstructorRetryException as e:
            if isinstance(e.__cause__, SummarizerError):
                raise e.__cause__ from e.__cause__.__cause__
            raise ModelOutputError(
                f"{self.label}: the model's answers for {prompt_tag} did not fit the schema after "
                f"{e.n_attempts} attempts; last error: {str(e)[:300]}"
            ) from e
        except IncompleteOutputException as e:
            raise ModelOutputError(
                f"{self.label}: the model's answer for {prompt_tag} was cut off at {max_tokens} tokens"
            ) from e
        return result

    def _create(self, **request: Any) -> Any:
        """instructor's ``create``: cache first, then the provider with transient retries."""
        from openai.types.chat import ChatCompletion

        prompt_tag = request.pop(_PROMPT_KEY)
        provider, cache = self.client.provider, self.client.cache
        material = {
            "model": provider.model_id,
            "endpoint": provider.endpoint,
            "messages": request["messages"],
            "schema": schema_of(request),
            "settings": {k: v for k, v in request.items() if k not in ("messages", "response_format")},
            "prompt": prompt_tag,
        }
        key = cache_key(material)
        response = cache.get(key)
        if response is not None:
            self._count(response, cached=True)
        elif cache.mode == "replay":
            raise CacheMissError(
                f"{self.label}: no recorded response for prompt {prompt_tag} (cache key {key}) in "
                f"{cache.directory}; record it with --cache-mode use"
            )
        else:
            response = self._call_provider(request)
            cache.set(key, material, response)
        return ChatCompletion.model_validate(response)

    def _call_provider(self, request: dict[str, Any]) -> dict[str, Any]:
        from tenacity import Retrying, retry_if_exception_type

        policy = self.client.retry
        deadline = time.monotonic() + policy.total_seconds
        retrying = Retrying(
            retry=retry_if_exception_type(TransientProviderError),
            stop=_stop(policy, deadline),
            wait=_backoff(policy),
            reraise=True,
        )
        try:
            return retrying(self._attempt, request, deadline)
        except TransientProviderError as e:
            attempts = retrying.statistics.get("attempt_number", policy.attempts)
            spent = policy.total_seconds - (deadline - time.monotonic())
            raise ProviderError(
                f"{self.client.provider.endpoint} still failing after {attempts} attempts in {spent:.0f} s: {e}"
            ) from e

    def _attempt(self, request: dict[str, Any], deadline: float) -> dict[str, Any]:
        self.usage.calls += 1
        provider = self.client.provider
        if getattr(provider, "in_process", False):
            response = provider.complete(dict(request))
        else:
            seconds = self.client.retry.total_seconds
            response = _within(lambda: provider.complete(dict(request)), deadline, seconds)
        self._count(response, cached=False, count_call=False)
        return response

    def _count(self, response: dict[str, Any], cached: bool, count_call: bool = True) -> None:
        usage = response.get("usage") or {}
        self.usage.prompt_tokens += int(usage.get("prompt_tokens") or 0)
        self.usage.completion_tokens += int(usage.get("completion_tokens") or 0)
        self.usage.forced_tokens += int(usage.get("forced_tokens") or 0)
        if count_call:
            self.usage.calls += 1
        if cached:
            self.usage.cached_calls += 1


@functools.lru_cache(maxsize=128)
def _for_instructor(response_model: type[T]) -> type[T]:
    """``response_model`` wrapped as instructor wraps it on every call, once per model class.

    instructor makes a new wrapper class per call and asks pydantic for its JSON schema each time
    (about 1 ms a call in a replay, measured). The wrapper is instructor's own and its schema is
    pydantic's, made once and handed out as a copy, so the schema sent and every cache key stay the
    same. (Models made per call, such as the steps' one-field models, still cost that: the bound
    keeps them from piling up.)
    """
    try:
        from instructor.v2.core.function_calls import ResponseSchema, response_schema
    except ImportError:  # another instructor layout: let it wrap the model itself
        return response_model
    if issubclass(response_model, ResponseSchema):
        return response_model
    wrapped: Any = response_schema(response_model)
    made = wrapped.model_json_schema  # pydantic's, bound to the wrapper
    schema = made()

    def model_json_schema(_cls: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        copied: dict[str, Any] = copy.deepcopy(schema) if not args and not kwargs else made(*args, **kwargs)
        return copied

    wrapped.model_json_schema = classmethod(model_json_schema)
    result: type[T] = wrapped
    return result


def make_client(settings: Settings | None = None) -> ModelClient:
    """A model client: the chosen provider behind the response cache, retries and validation."""
    settings = settings or Settings()
    cache = ResponseCache(settings.cache_path(), settings.cache_mode)
    return ModelClient(make_provider(settings), cache, retry=RetryPolicy(total_seconds=settings.total_timeout))


def _within(call: Callable[[], dict[str, Any]], deadline: float, total: float) -> dict[str, Any]:
    """``call()`` in a helper thread, given up at ``deadline`` (the thread is left to end on its own)."""
    outcome: dict[str, Any] = {}
    finished = threading.Event()

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as error:  # handed to the caller's thread as is
            outcome["error"] = error
        finally:
            finished.set()

    threading.Thread(target=run, name="summarizer-request", daemon=True).start()
    if not finished.wait(max(0.0, deadline - time.monotonic())):
        raise TransientProviderError(f"no whole answer within {total:g} s")
    if "error" in outcome:
        raise outcome["error"]
    value: dict[str, Any] = outcome["value"]
    return value


def _stop(policy: RetryPolicy, deadline: float) -> Callable[[Any], bool]:
    """Stop after the last attempt, or when the next wait would end at the deadline: no time is left."""
    from tenacity import stop_after_attempt

    attempts = stop_after_attempt(policy.attempts)

    def stop(retry_state: Any) -> bool:
        no_time_left = time.monotonic() + (retry_state.upcoming_sleep or 0.0) >= deadline
        return bool(attempts(retry_state) or no_time_left)

    return stop


def _backoff(policy: RetryPolicy) -> Callable[[Any], float]:
    """Exponential backoff with jitter that waits at least as long as the server's Retry-After."""
    from tenacity import wait_exponential_jitter

    jitter = wait_exponential_jitter(multiplier=policy.first_wait, jitter=policy.first_wait, max=policy.max_wait)

    def wait(retry_state: Any) -> float:
        error = retry_state.outcome.exception() if retry_state.outcome else None
        retry_after = getattr(error, "retry_after", None) or 0.0
        return float(min(max(jitter(retry_state), retry_after), policy.max_wait))

    return wait
