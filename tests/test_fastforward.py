"""Fast-forwarded decoding: the schema's fixed tokens are read in batches, the model picks the rest.

Offline: a scripted stand-in for llama.cpp (its logits always favour the next byte of a given
answer) and the tiny byte tokenizer of ``test_guidance``. Live: the embedded model, whose answers
with forcing off must be llama-cpp-python's own, token for token.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from summarizer.providers import fastforward
from summarizer.providers.guidance import VocabGuide
from summarizer.providers.local import LocalProvider
from tests.test_guidance import FRENCH, LIVE_SCHEMA, SCHEMA, embedded_home, tokenizer  # noqa: F401 (fixtures)


class _Context:
    def __init__(self, owner: ScriptedLlama) -> None:
        self.owner = owner

    def kv_cache_seq_rm(self, _seq: int, start: int, _end: int) -> bool:
        del self.owner.input_ids[start:]
        return True


class ScriptedLlama:
    """Stands in for ``llama_cpp.Llama``: its logits favour the byte that continues ``answer``."""

    def __init__(self, vocabulary: Any, answer: bytes) -> None:
        self.tokenizer, self.answer = vocabulary, answer
        self.input_ids: list[int] = []
        self.prompt: list[int] = []
        self.batches: list[list[int]] = []
        self._ctx = _Context(self)

    @property
    def _input_ids(self) -> list[int]:
        return self.input_ids

    @property
    def n_tokens(self) -> int:
        return len(self.input_ids)

    @n_tokens.setter
    def n_tokens(self, value: int) -> None:
        del self.input_ids[value:]

    def n_ctx(self) -> int:
        return 4096

    def reset(self) -> None:
        self.input_ids.clear()

    def eval(self, tokens: list[int]) -> None:
        self.batches.append(list(tokens))
        self.input_ids += tokens

    def logits(self) -> np.ndarray[Any, Any]:
        written = self.tokenizer.decode_bytes(self.input_ids[len(self.prompt) :])
        scores = np.zeros(int(self.tokenizer.vocab_size), dtype=np.single)
        if written == self.answer:
            scores[self.tokenizer.eos_token] = 10.0
        elif self.answer.startswith(written):
            scores[self.answer[len(written)]] = 10.0  # tokens 0-255 are the bytes
        return scores


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch, tokenizer: Any) -> Any:  # noqa: F811 (fixture)
    def make(answer: str) -> tuple[ScriptedLlama, Any]:
        llama = ScriptedLlama(tokenizer, answer.encode("utf-8"))
        llama.prompt = tokenizer.tokenize_str("Answer in JSON.")
        monkeypatch.setattr(fastforward, "last_logits", lambda model: model.logits())
        return llama, VocabGuide(tokenizer).processor(SCHEMA, layout="dumps")

    return make


def test_fixed_tokens_are_read_with_the_sampled_one(scripted: Any, tokenizer: Any) -> None:  # noqa: F811
    llama, processor = scripted('{"a": "xyz"}')
    out = fastforward.decode(llama, list(llama.prompt), processor, max_tokens=50, penalty=1.0)
    assert tokenizer.decode_bytes(out.tokens) == b'{"a": "xyz"}'
    assert out.finish_reason == "stop"
    # The schema fixed '{"a": ' and the final '}'; the model chose the string: its quotes, x, y and z.
    assert out.sampled == 5 and processor.steps == 5 and len(out.tokens) == 10
    read = [tokenizer.decode_bytes(batch) for batch in llama.batches]
    assert read == [b'Answer in JSON.{"a": ', b'"', b"x", b"y", b"z"]  # '"}' ends it: nothing left to read


def test_without_forcing_every_token_is_sampled(scripted: Any, tokenizer: Any) -> None:  # noqa: F811
    llama, processor = scripted('{"a": "xyz"}')
    out = fastforward.decode(llama, list(llama.prompt), processor, max_tokens=50, penalty=1.0, forcing=False)
    assert tokenizer.decode_bytes(out.tokens) == b'{"a": "xyz"}'
    assert out.sampled == len(out.tokens)


def test_the_answer_stops_at_max_tokens(scripted: Any) -> None:
    llama, processor = scripted('{"a": "abcdefghijkl"}')
    out = fastforward.decode(llama, list(llama.prompt), processor, max_tokens=6, penalty=1.0)
    assert len(out.tokens) == 6 and out.finish_reason == "length"


def test_the_cached_prefix_is_kept_and_only_the_rest_is_read(scripted: Any) -> None:
    llama, _ = scripted('{"a": "q"}')
    llama.input_ids = [*llama.prompt[:-2], 7, 7, 7]  # an earlier call shared all but the prompt's end
    fastforward.read_prompt(llama, list(llama.prompt))
    assert llama.input_ids == llama.prompt
    assert llama.batches == [llama.prompt[-2:]]


def test_a_prompt_already_in_the_cache_reads_its_last_token_again(scripted: Any) -> None:
    llama, _ = scripted('{"a": "q"}')
    llama.input_ids = list(llama.prompt)
    fastforward.read_prompt(llama, list(llama.prompt))
    assert llama.batches == [llama.prompt[-1:]]  # fresh logits for the first choice


def test_greedy_choice_follows_llama_cpp_repeat_penalty() -> None:
    logits = np.array([2.0, 2.05, -1.0, -0.99, 0.5], dtype=np.single)
    allowed = np.array([True, True, True, True, False])
    assert fastforward.greedy_token(logits, allowed, [], 1.05) == 1
    # A positive logit is divided by the penalty, a negative one multiplied: 2.05 / 1.05 < 2.0.
    assert fastforward.greedy_token(logits, allowed, [1], 1.05) == 0
    assert fastforward.greedy_token(logits[2:4], allowed[2:4], [], 1.05) == 1
    assert fastforward.greedy_token(logits[2:4], allowed[2:4], [1], 1.05) == 0  # -0.99 * 1.05 < -1.0
    # Only the last 64 tokens count; a token allowed by nobody is never chosen, however likely.
    assert fastforward.greedy_token(logits, allowed, [1] + [3] * 64, 1.05) == 1
    assert fastforward.greedy_token(logits, allowed, [0, 1], 1.0) == 1


def test_fast_forwarding_is_asked_for_and_named_in_the_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUMMARIZER_FAST_FORWARD", raising=False)
    monkeypatch.delenv("SUMMARIZER_SAMPLER", raising=False)
    assert LocalProvider().endpoint == "llama.cpp+llguidance"  # the recorded answers' source
    monkeypatch.setenv("SUMMARIZER_FAST_FORWARD", "1")
    assert LocalProvider().endpoint == "llama.cpp+llguidance+ff"
    assert LocalProvider(fast_forward=False).endpoint == "llama.cpp+llguidance"
    assert LocalProvider(sampler="gbnf").endpoint == "llama.cpp"  # llama.cpp's grammar cannot fast-forward


# --- the real model -----------------------------------------------------------------------------------


def _request(max_tokens: int = 200) -> dict[str, Any]:
    messages = [
        {"role": "system", "content": "Tu réponds en JSON, en français."},
        {"role": "user", "content": f"Donne un titre et les décisions de cette réunion.\n\n{FRENCH}"},
    ]
    return {
        "messages": messages,
        "temperature": 0.0,
        "seed": 0,
        "repeat_penalty": 1.05,
        "max_tokens": max_tokens,
        "response_format": {"type": "json_schema", "json_schema": {"name": "decisions", "schema": LIVE_SCHEMA}},
    }


@pytest.mark.live
def test_without_forcing_the_answer_is_llama_cpp_pythons_own(
    embedded_home: Path,  # noqa: F811 (fixture)
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SUMMARIZER_HOME", str(embedded_home))
    provider = LocalProvider(n_ctx=2048, sampler="llguidance", fast_forward=False)
    reference = provider.complete(_request())
    llama = provider._llama()
    processor = provider._processor(llama, LIVE_SCHEMA, ban=provider.ban_cjk)  # as complete() does for this request
    ours = fastforward.complete(llama, _request(), processor, forcing=False)
    assert ours["choices"][0]["message"]["content"] == reference["choices"][0]["message"]["content"]
    assert ours["usage"]["prompt_tokens"] == reference["usage"]["prompt_tokens"]
    assert ours["usage"]["completion_tokens"] == reference["usage"]["completion_tokens"]


@pytest.mark.live
def test_forced_tokens_are_counted_and_the_answer_keeps_to_the_schema(
    embedded_home: Path,  # noqa: F811 (fixture)
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import jsonschema

    monkeypatch.setenv("SUMMARIZER_HOME", str(embedded_home))
    provider = LocalProvider(n_ctx=2048, sampler="llguidance", fast_forward=True)
    result = provider.complete(_request())
    content = result["choices"][0]["message"]["content"]
    answer = json.loads(content)
    jsonschema.validate(answer, LIVE_SCHEMA)
    assert content.startswith(('{ "headline": "', '{"headline": "')) and answer["headline"].strip()
    assert result["choices"][0]["finish_reason"] == "stop"
    usage = result["usage"]
    assert usage["forced_tokens"] > 0
    assert provider.sampling_steps + usage["forced_tokens"] == usage["completion_tokens"]
