"""Schema-constrained sampling for the embedded model with llguidance, as a llama-cpp-python logits processor.

llama.cpp's own grammar sampler (GBNF made from the JSON schema) costs about 22 ms per token on two
cores; this processor, llguidance's token mask included, takes about 0.6 ms per token. ``SchemaLogitsProcessor``
is handed to ``Llama.create_chat_completion(logits_processor=...)``; on each step it feeds the
matcher the tokens sampled since its last call, computes the mask of tokens the schema allows next,
and sets every other logit to ``-inf``. When the JSON is complete the matcher allows only EOS, which
ends generation.

Details that matter:

- llama-cpp-python passes ``input_ids`` holding the whole prompt on the first call: its length is
  recorded once and only the tokens after it are fed to the matcher;
- logits past the tokenizer's vocabulary (padding rows of the output matrix) are masked;
- JSON whitespace is bounded: at most one space between JSON tokens, as in llama.cpp's GBNF, so the
  model spends no tokens on newlines or indentation (fully compact JSON is available, but changes
  this small model's answers for the worse: see ``JSON_OPTIONS``);
- the llguidance tokenizer takes about a second to build: ``VocabGuide.of`` builds it once per
  process and model, together with the optional script ban below;
- optionally, tokens holding a character of a CJK script are banned (``providers.scriptban``): the
  small model leaks Chinese words into French or Ukrainian text ("diverses部门"), and this tool
  never writes those scripts.
"""

from __future__ import annotations

import json
import threading
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from summarizer.providers.scriptban import (
    BANNED_RANGES,
    Bitmask,
    has_banned_script,
    is_banned_char,
    script_allowed_mask,
)

__all__ = [
    "BANNED_RANGES",
    "JSON_OPTIONS",
    "LAYOUTS",
    "Bitmask",
    "SchemaLogitsProcessor",
    "VocabGuide",
    "closed_objects",
    "habit_grammar",
    "has_banned_script",
    "is_banned_char",
    "json_grammar",
    "script_allowed_mask",
]

# JSON layout, applied as overrides (they win over any "x-guidance" settings in a schema): at most one
# space between JSON tokens, as llama.cpp's GBNF converter allows (``space ::= " "?``), so no newlines
# or indentation to spend tokens on. Fully compact JSON (``COMPACT_JSON_OPTIONS``: no space at all)
# saves about three tokens a call but moves this small model off the layout it writes by habit
# (``{ "key": value }``), and its greedy answers change: measured on seed 003, the meeting call gave
# the string "null" for every field instead of the values GBNF and this layout give, and the summary
# shrank from 190 to 70 tokens. ``lenient``: keywords llguidance does not implement are ignored (the
# answer is validated anyway).
JSON_OPTIONS: dict[str, Any] = {"whitespace_flexible": False, "whitespace_pattern": " ?", "lenient": True}
COMPACT_JSON_OPTIONS: dict[str, Any] = {
    "whitespace_flexible": False,
    "item_separator": ",",
    "key_separator": ":",
    "lenient": True,
}
# Python's ``json.dumps`` layout (``{"key": value, "key2": value}``): no whitespace left to choose, so
# every key, quote and separator is fixed and can be fast-forwarded (``providers/fastforward.py``).
# Alone it moves this model off the ``{ "key"`` opening it often writes (on the development set it
# then judged other sentences to be orders); ``habit_grammar`` keeps that opening a choice.
DUMPS_JSON_OPTIONS: dict[str, Any] = {
    "whitespace_flexible": False,
    "item_separator": ", ",
    "key_separator": ": ",
    "lenient": True,
}
LAYOUTS: dict[str, dict[str, Any]] = {
    "spaced": JSON_OPTIONS,
    "compact": COMPACT_JSON_OPTIONS,
    "dumps": DUMPS_JSON_OPTIONS,
}


def closed_objects(schema: Any) -> Any:
    """A copy of ``schema`` in which objects without ``additionalProperties`` allow no other keys.

    JSON Schema allows extra keys by default, and with llguidance the model then adds some
    (``"image": "https://..."``); llama.cpp's GBNF converter closes such objects, and so does this.
    """
    if isinstance(schema, list):
        return [closed_objects(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = dict(schema)
    for key in ("properties", "$defs", "definitions", "patternProperties"):
        if isinstance(out.get(key), dict):
            out[key] = {name: closed_objects(sub) for name, sub in out[key].items()}
    for key in ("items", "prefixItems", "anyOf", "oneOf", "allOf", "not", "additionalProperties", "contains"):
        if isinstance(out.get(key), dict | list):
            out[key] = closed_objects(out[key])
    if "properties" in out and "additionalProperties" not in out:
        out["additionalProperties"] = False
    return out


def habit_grammar(schema: dict[str, Any]) -> str:
    """A grammar for ``schema`` in the layout this model writes by habit, with no whitespace left open.

    Greedy, it opens an object either ``{ "key": value, "key2": value }`` or ``{"key": value}``
    (which one depends on the prompt) and always separates with ``", "`` and ``": "``. Here it
    chooses only the opening; after it every key, quote and separator is fixed, so they can be
    fast-forwarded without moving the model off its own layout (``json.dumps``'s layout alone did:
    it changed which sentences it judged to be orders). Values inside keep ``json.dumps``'s layout.
    A schema that is not an object whose properties are all required gets the ``dumps`` grammar.
    """
    from llguidance import LLMatcher

    closed = closed_objects(schema)
    properties = closed.get("properties") or {}
    if closed.get("type") != "object" or not properties or set(closed.get("required") or ()) != set(properties):
        return json_grammar(schema, "dumps")
    shared = {key: closed[key] for key in ("$defs", "definitions") if key in closed}
    pieces, rules = [], []
    for number, (name, subschema) in enumerate(properties.items()):
        separator = "" if number == 0 else ", "
        pieces += [json.dumps(f'{separator}"{name}": '), f"value{number}"]
        inline = {**subschema, **shared, "x-guidance": DUMPS_JSON_OPTIONS}
        rules.append(f"value{number}: %json {json.dumps(inline)}")
    body = " ".join(pieces)
    lark = "\n".join(['start: "{ " body " }" | "{" body "}"', f"body: {body}", *rules])
    return str(LLMatcher.grammar_from_lark(lark))


def json_grammar(schema: dict[str, Any], layout: str = "spaced") -> str:
    """The llguidance grammar of a JSON schema with closed objects, laid out as one of ``LAYOUTS``."""
    from llguidance import LLMatcher

    text = json.dumps(closed_objects(schema))
    return str(LLMatcher.grammar_from_json_schema(text, overrides=LAYOUTS[layout]))  # type: ignore[arg-type]


@dataclass
class VocabGuide:
    """What every constrained call of one model shares: the llguidance tokenizer and the script ban."""

    tokenizer: Any  # llguidance.LLTokenizer
    _script_mask: Bitmask | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def n_words(self) -> int:
        return (int(self.tokenizer.vocab_size) + 31) // 32

    def script_mask(self) -> Bitmask:
        """The banned-script mask, computed on first use (about 0.25 s for Qwen's 152k tokens)."""
        with self._lock:
            if self._script_mask is None:
                pieces = [self.tokenizer.decode_bytes([t]) for t in range(self.tokenizer.vocab_size)]
                self._script_mask = script_allowed_mask(pieces, self.n_words)
            return self._script_mask

    def processor(
        self, schema: dict[str, Any], ban_scripts: bool = True, layout: str = "spaced"
    ) -> SchemaLogitsProcessor:
        """A fresh processor for one call; raises ``ValueError`` when llguidance cannot compile the schema."""
        grammar = habit_grammar(schema) if layout == "habit" else json_grammar(schema, layout)
        return SchemaLogitsProcessor(self.tokenizer, grammar, self.script_mask() if ban_scripts else None)

    @classmethod
    def of(cls, llama: Any) -> VocabGuide:
        """The guide of a loaded ``llama_cpp.Llama``, built once per process and model."""
        key = id(llama)
        with _guides_lock:
            cached = _guides.get(key)
            if cached is not None and cached[0] is llama:
                return cached[1]
            import llama_cpp
            from llguidance.llamacpp import lltokenizer_from_vocab

            with warnings.catch_warnings():  # it calls llama_token_get_attr, deprecated, once per token
                warnings.simplefilter("ignore", DeprecationWarning)
                guide = cls(lltokenizer_from_vocab(llama_cpp.llama_model_get_vocab(llama.model)))
            _guides[key] = (llama, guide)
            return guide


_guides: dict[int, tuple[Any, VocabGuide]] = {}
_guides_lock = threading.Lock()


class SchemaLogitsProcessor:
    """A llama-cpp-python logits processor that keeps one generation inside a grammar.

    Use one per call: it learns the prompt's length on its first call. ``seconds`` and ``steps``
    count the time spent here and the calls (one per sampled token); ``error`` holds the matcher's
    error, if it ever had one (generation is then ended with EOS, and the answer fails validation).
    """

    def __init__(self, tokenizer: Any, grammar: str, script_mask: Bitmask | None = None) -> None:
        from llguidance import LLMatcher

        self.tokenizer = tokenizer
        self.matcher = LLMatcher(tokenizer, grammar, log_level=0)
        if self.matcher.is_error():
            raise ValueError(f"llguidance cannot use this grammar: {self.matcher.get_error()}")
        self.vocab_size = int(tokenizer.vocab_size)
        self.eos = int(tokenizer.eos_token)
        self.script_mask = script_mask
        self.mask: Bitmask = np.full((1, (self.vocab_size + 31) // 32), -1, dtype=np.int32)
        self.prompt_length: int | None = None
        self.consumed = 0
        self.seconds = 0.0
        self.steps = 0
        self.error = ""

    def __call__(self, input_ids: npt.NDArray[np.intc], scores: npt.NDArray[np.single]) -> npt.NDArray[np.single]:
        started = time.perf_counter()
        try:
            return self._constrain(input_ids, scores)
        finally:
            self.seconds += time.perf_counter() - started
            self.steps += 1

    def feed(self, input_ids: Sequence[int] | npt.NDArray[np.intc]) -> None:
        """Give the matcher the tokens sampled since the last call (the first call sets the prompt)."""
        if self.prompt_length is None:
            self.prompt_length = len(input_ids)
        new = input_ids[self.prompt_length + self.consumed :]
        if len(new) and not self.error and not self.matcher.consume_tokens([int(t) for t in new]):
            self.error = self.matcher.get_error() or "token rejected"
        self.consumed += len(new)

    def allowed(self) -> npt.NDArray[np.bool_]:
        """Which of the tokenizer's tokens may come next (after ``feed``)."""
        from llguidance.numpy import fill_next_token_bitmask

        if self.error or self.matcher.is_error():
            self.error = self.error or self.matcher.get_error()
            self.mask[:] = 0
            self.mask.view(np.uint32)[0, self.eos // 32] = 1 << (self.eos % 32)
        else:
            fill_next_token_bitmask(self.matcher, self.mask)
            if self.script_mask is not None:
                banned_out = self.mask & self.script_mask
                if banned_out.any():  # never leave the model with nothing to say
                    self.mask = banned_out
        bits = np.unpackbits(self.mask.view(np.uint8), bitorder="little", count=self.vocab_size)
        return bits.astype(bool)

    def _constrain(self, input_ids: npt.NDArray[np.intc], scores: npt.NDArray[np.single]) -> npt.NDArray[np.single]:
        self.feed(input_ids)
        allowed = self.allowed()
        out = np.full(len(scores), -np.inf, dtype=np.single)
        size = min(len(scores), self.vocab_size)
        out[:size] = np.where(allowed[:size], scores[:size], -np.inf)
        return out
