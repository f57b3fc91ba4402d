"""Greedy decoding under a JSON schema that lets llama.cpp read, not write, the tokens the schema fixes.

In an answer such as ``{ "name_as_written": "...", "kind": "conference" }`` the keys, quotes and
colons are fixed by the schema: llguidance knows them before the model is asked (its
"fast-forward" tokens). Sampling them one at a time costs a full decode step each (about 70 ms on
two cores); here they are appended to the sampled token and evaluated in one batch, as a prompt
is. The model still chooses every token the schema leaves open, with the same rule as
llama-cpp-python's sampler chain for ``temperature=0``: the schema's mask, then the repeat penalty
over the last 64 tokens of the answer, then the most likely token.

What changes against sampling every token: llama.cpp computes a batch's logits along another path
than a single token's, so they differ in the last digits and a near-tie can fall the other way;
answers then differ slightly from plain constrained sampling (the cache keeps them apart: the
provider's endpoint says ``+ff``). The fixed tokens themselves are spelt as the model spells them:
on the seeds' calls llguidance's tokens were the model's own.

``usage`` keeps the OpenAI meaning (``completion_tokens``: every token of the answer) and adds
``forced_tokens``: how many of them the schema fixed and llama.cpp read in a batch.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from summarizer.providers.guidance import SchemaLogitsProcessor

PENALTY_WINDOW = 64  # llama-cpp-python's last_n_tokens_size: the repeat penalty looks this far back


@dataclass
class Decoded:
    """One answer: its tokens, how many the model sampled, and why it ended."""

    tokens: list[int] = field(default_factory=list)
    sampled: int = 0
    finish_reason: str = "length"


def chat_prompt(llama: Any, messages: list[dict[str, Any]]) -> list[int]:
    """The prompt tokens llama-cpp-python's ``create_chat_completion`` builds from the GGUF's chat template."""
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    eos, bos = llama.token_eos(), llama.token_bos()
    formatter = Jinja2ChatFormatter(
        template=llama.metadata["tokenizer.chat_template"],
        eos_token=llama._model.token_get_text(eos) if eos != -1 else "",
        bos_token=llama._model.token_get_text(bos) if bos != -1 else "",
        stop_token_ids=[eos],
    )
    result = formatter(messages=messages)  # type: ignore[arg-type]  # OpenAI-style dicts, as the library takes
    tokens: list[int] = llama.tokenize(result.prompt.encode("utf-8"), add_bos=not result.added_special, special=True)
    return tokens


def read_prompt(llama: Any, tokens: list[int]) -> None:
    """Evaluate ``tokens``, reusing the KV cache's longest common prefix (as ``Llama.generate`` does)."""
    if len(tokens) >= llama.n_ctx():
        raise ValueError(f"Requested tokens ({len(tokens)}) exceed context window of {llama.n_ctx()}")
    common = 0
    for cached, token in zip(llama._input_ids, tokens, strict=False):
        if cached != token:
            break
        common += 1
    keep = min(common, len(tokens) - 1)  # at least one token is evaluated, so its logits are fresh
    if keep > 0 and llama._ctx.kv_cache_seq_rm(-1, keep, -1):
        llama.n_tokens = keep
    else:
        llama.reset()
        keep = 0
    llama.eval(tokens[keep:])


def last_logits(llama: Any) -> np.ndarray[Any, np.dtype[np.single]]:
    """The logits after the last evaluated token."""
    import llama_cpp

    pointer = llama_cpp.llama_get_logits_ith(llama._ctx.ctx, -1)
    return np.ctypeslib.as_array(pointer, shape=(llama.n_vocab(),))


def greedy_token(
    logits: np.ndarray[Any, np.dtype[np.single]], allowed: np.ndarray[Any, Any], history: list[int], penalty: float
) -> int:
    """The allowed token of highest logit after the repeat penalty over ``history`` (llama.cpp's rule)."""
    size = min(len(logits), len(allowed))
    scores = np.where(allowed[:size], logits[:size], -np.inf)
    if penalty != 1.0 and history:
        seen = np.fromiter(set(history[-PENALTY_WINDOW:]), dtype=np.intp)
        seen = seen[seen < size]
        values = scores[seen]
        scores[seen] = np.where(values > 0, values / penalty, values * penalty)
    return int(np.argmax(scores))


def decode(
    llama: Any,
    prompt: list[int],
    processor: SchemaLogitsProcessor,
    max_tokens: int,
    penalty: float,
    forcing: bool = True,
) -> Decoded:
    """Write one answer under ``processor``'s grammar, fixed tokens read in batches.

    With ``forcing=False`` every token is sampled: the answer is then llama-cpp-python's own
    (``create_chat_completion`` with the processor), which the live tests check.
    """
    matcher, out = processor.matcher, Decoded()  # fed directly below: the prompt never reaches it
    opening = list(matcher.compute_ff_tokens())[:max_tokens] if forcing else []  # '{"' and the first key
    if opening and not matcher.consume_tokens(opening):
        processor.error = matcher.get_error() or "forced token rejected"
    out.tokens += opening
    read_prompt(llama, prompt + opening)
    while len(out.tokens) < max_tokens:
        started = time.perf_counter()
        token = greedy_token(last_logits(llama), processor.allowed(), out.tokens, penalty)
        if token == processor.eos:
            out.finish_reason = "stop"
            processor.seconds += time.perf_counter() - started
            break
        if not matcher.consume_token(token):
            processor.error = matcher.get_error() or "token rejected"
        forced = list(matcher.compute_ff_tokens()) if forcing and not processor.error else []
        forced = forced[: max(0, max_tokens - len(out.tokens) - 1)]
        if forced and not matcher.consume_tokens(forced):
            processor.error = matcher.get_error() or "forced token rejected"
        processor.seconds += time.perf_counter() - started
        processor.steps += 1
        out.tokens += [token, *forced]
        out.sampled += 1
        if matcher.is_stopped():  # the schema allows nothing more: no need to read the last tokens
            out.finish_reason = "stop"
            break
        llama.eval([token, *forced])
    return out


def complete(
    llama: Any, request: dict[str, Any], processor: SchemaLogitsProcessor, forcing: bool = True
) -> dict[str, Any]:
    """An OpenAI-style ``chat.completion`` for ``request``, written by ``decode``."""
    prompt = chat_prompt(llama, request["messages"])
    max_tokens = int(request.get("max_tokens") or llama.n_ctx() - len(prompt))
    penalty = float(request.get("repeat_penalty", 1.0))
    answer = decode(llama, prompt, processor, max_tokens, penalty, forcing)
    text = llama.detokenize(answer.tokens).decode("utf-8", errors="ignore")
    return {
        "id": f"chatcmpl-{uuid.uuid4()}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.get("model") or llama.model_path,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "logprobs": None,
                "finish_reason": answer.finish_reason,
            }
        ],
        "usage": {
            "prompt_tokens": len(prompt),
            "completion_tokens": len(answer.tokens),
            "total_tokens": len(prompt) + len(answer.tokens),
            "forced_tokens": len(answer.tokens) - answer.sampled,
        },
    }
