"""llguidance sampling for the embedded model: the script ban, the processor's bookkeeping, the provider's choice.

Offline tests use a tiny byte-level tokenizer; the ``live`` test asks the real embedded model.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from summarizer.errors import ConfigurationError
from summarizer.providers.guidance import (
    SchemaLogitsProcessor,
    VocabGuide,
    closed_objects,
    habit_grammar,
    has_banned_script,
    is_banned_char,
    json_grammar,
    script_allowed_mask,
)
from summarizer.providers.local import LocalProvider

WORDS = [b'{"', b'":"', b'"}', b'":', b'",', "部门".encode(), "ア".encode(), "한".encode(), b"\xe9\x83", b" diverses"]


class ByteTokenizer:
    """256 byte tokens, a few words (some CJK, one a cut character), then EOS."""

    def __init__(self) -> None:
        self.tokens = [bytes([i]) for i in range(256)] + WORDS + [b"<|end|>"]
        self.eos_token_id = len(self.tokens) - 1
        self.bos_token_id = None
        self.special_token_ids = [self.eos_token_id]

    def __call__(self, text: bytes | str) -> list[int]:
        """Greedy longest match, as llguidance expects tokenizations to look."""
        data = text.encode("utf-8") if isinstance(text, str) else text
        ids, at = [], 0
        while at < len(data):
            best = max((w for w in WORDS if data.startswith(w, at)), key=len, default=data[at : at + 1])
            ids.append(256 + WORDS.index(best) if len(best) > 1 else best[0])
            at += len(best)
        return ids


@pytest.fixture(scope="module")
def tokenizer() -> Any:
    from llguidance import LLTokenizer, TokenizerWrapper

    return LLTokenizer(TokenizerWrapper(ByteTokenizer()))


def word(text: str | bytes) -> int:
    return 256 + WORDS.index(text.encode("utf-8") if isinstance(text, str) else text)


def allowed_tokens(processor: SchemaLogitsProcessor, input_ids: list[int], size: int | None = None) -> set[int]:
    """Run the processor once on flat scores; the tokens left with a finite logit."""
    scores = np.zeros(size or processor.vocab_size, dtype=np.single)
    out = processor(np.array(input_ids, dtype=np.intc), scores)
    assert out.shape == scores.shape
    return set(np.flatnonzero(np.isfinite(out)).tolist())


# --- the script ban -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "piece",
    ["部门", "diverses部门", "ア", "カタカナ", "ひらがな", "한국어", "。", "、", "，", "（", "丶", "𠀀", "ㄅ"],
)
def test_tokens_with_cjk_characters_are_banned(piece: str) -> None:
    assert has_banned_script(piece.encode("utf-8"))


@pytest.mark.parametrize(
    "piece",
    ["diverses", "réunion", "засідання", "Việt Nam", "đồng chí", "Ελλάδα", "—", "€", "…", "🙂", "٣", "हिन्दी", " "],
)
def test_tokens_of_other_scripts_are_kept(piece: str) -> None:
    assert not has_banned_script(piece.encode("utf-8"))


@pytest.mark.parametrize(
    ("piece", "banned"),
    [
        (b"\xe9\x83", True),  # the first two bytes of 部: only a Han character can follow
        (b"abc\xe4", True),  # a lead byte of U+4000..4FFF at the end
        (b"\xe3", True),  # U+3000..3FFF: CJK punctuation, kana, ...
        (b"\xeb", True),  # U+B000..BFFF: Hangul syllables
        (b"\xea", False),  # U+A000..AFFF: also Yi, Cyrillic Extended-B, Latin Extended-D
        (b"\xea\xb0", True),  # U+AC00..AC3F: Hangul
        (b"\xf0\xa0", True),  # U+20000..20FFF: Han Extension B
        (b"\xf0\x9f", False),  # emoji and other symbols
        (b"\xd1", False),  # Cyrillic
        (b"\x83\xa8", False),  # the tail of a character begun in an earlier token
        (b"\xff<|end|>", False),  # a special token as llama.cpp spells it
    ],
)
def test_cut_characters_are_judged_by_what_can_complete_them(piece: bytes, banned: bool) -> None:
    assert has_banned_script(piece) is banned


def test_banned_chars() -> None:
    assert is_banned_char("部") and is_banned_char("ㅎ") and is_banned_char("ｱ")
    assert not is_banned_char("a") and not is_banned_char("ї") and not is_banned_char("ệ")


def test_the_script_mask_clears_exactly_the_banned_tokens() -> None:
    pieces = [b"a", "部".encode(), b"", "ї".encode(), b"\xe4\xb8", b"x" * 3] + [b"b"] * 30 + ["한".encode()]
    mask = script_allowed_mask(pieces, 2)
    assert mask.shape == (1, 2) and mask.dtype == np.int32
    bits = np.unpackbits(mask.view(np.uint8), bitorder="little")
    assert set(np.flatnonzero(bits == 0).tolist()) == {1, 4, 36}
    assert bits[37:].all()  # past the vocabulary: left to the vocabulary-size mask


# --- schema to grammar --------------------------------------------------------------------------------


def test_objects_are_closed_unless_the_schema_says_otherwise() -> None:
    schema = {
        "type": "object",
        "properties": {"a": {"type": "object", "properties": {"b": {"type": "string"}}}, "c": {"$ref": "#/$defs/C"}},
        "$defs": {"C": {"type": "object", "properties": {}, "additionalProperties": True}},
    }
    closed = closed_objects(schema)
    assert closed["additionalProperties"] is False
    assert closed["properties"]["a"]["additionalProperties"] is False
    assert closed["$defs"]["C"]["additionalProperties"] is True
    assert "additionalProperties" not in schema  # a copy


def test_a_grammar_is_made_from_every_recorded_schema() -> None:
    from llguidance import LLMatcher

    for path in sorted(Path(__file__).resolve().parent.parent.glob("schemas/*.schema.json")):
        grammar = json_grammar(json.loads(path.read_text(encoding="utf-8")))
        assert LLMatcher.validate_grammar(grammar) == "", path.name


# --- the processor ------------------------------------------------------------------------------------

SCHEMA = {
    "type": "object",
    "properties": {"a": {"type": "string", "maxLength": 12}},
    "required": ["a"],
    "additionalProperties": False,
}


def test_the_prompt_is_recorded_once_and_only_later_tokens_are_fed(tokenizer: Any) -> None:
    processor = VocabGuide(tokenizer).processor(SCHEMA)  # with the script ban
    prompt = tokenizer.tokenize_str("Answer in JSON: {not json at all")
    first = allowed_tokens(processor, prompt)
    assert processor.prompt_length == len(prompt) and processor.consumed == 0
    assert first == {ord("{"), word('{"')}  # the prompt's own brace was not fed to the matcher

    generated = [word('{"'), ord("a"), word('":"')]
    inside = allowed_tokens(processor, prompt + generated)
    assert processor.consumed == 3 and processor.prompt_length == len(prompt)
    assert ord(" ") in inside and ord("x") in inside and word(" diverses") in inside
    assert word("部门") not in inside and word(b"\xe9\x83") not in inside

    done = allowed_tokens(processor, [*prompt, *generated, ord("o"), ord("k"), word('"}')])
    assert done == {tokenizer.eos_token}
    assert processor.matcher.is_accepting() and processor.steps == 3 and not processor.error


def test_without_the_ban_cjk_tokens_may_be_written(tokenizer: Any) -> None:
    processor = SchemaLogitsProcessor(tokenizer, json_grammar(SCHEMA), script_mask=None)
    allowed_tokens(processor, [ord("Q")])
    inside = allowed_tokens(processor, [ord("Q"), word('{"'), ord("a"), word('":"')])
    assert {word("部门"), word("ア"), word("한")} <= inside


NUMBERS = {"type": "array", "items": {"type": "integer"}, "maxItems": 5}
BLANKS = {ord(" "), ord("\n"), ord("\t"), ord("\r")}


def test_json_layout_allows_one_space_at_most(tokenizer: Any) -> None:
    processor = SchemaLogitsProcessor(tokenizer, json_grammar(NUMBERS))
    prompt = [ord("Q")]
    assert allowed_tokens(processor, prompt) == {ord("[")}  # nothing before the value
    after_bracket = allowed_tokens(processor, [*prompt, ord("[")])
    assert {ord("]"), ord("7"), ord(" ")} <= after_bracket and not after_bracket & (BLANKS - {ord(" ")})
    after_space = allowed_tokens(processor, [*prompt, ord("["), ord(" ")])
    assert ord("7") in after_space and not after_space & BLANKS  # no second space, no newline, no indent
    after_item = allowed_tokens(processor, [*prompt, ord("["), ord(" "), ord("7")])
    assert {ord(","), ord("]"), ord("0"), ord(" ")} <= after_item


def test_compact_json_allows_no_whitespace(tokenizer: Any) -> None:
    processor = SchemaLogitsProcessor(tokenizer, json_grammar(NUMBERS, layout="compact"))
    prompt = [ord("Q")]
    assert allowed_tokens(processor, prompt) == {ord("[")}
    after_bracket = allowed_tokens(processor, [*prompt, ord("[")])
    assert ord("]") in after_bracket and ord("7") in after_bracket
    after_item = allowed_tokens(processor, [*prompt, ord("["), ord("7")])
    assert {ord(","), ord("]"), ord("0")} <= after_item
    for tokens in (after_bracket, after_item):
        assert not tokens & BLANKS


def accepts(tokenizer: Any, grammar: str, text: str) -> bool:
    """Whether ``grammar`` takes ``text`` whole, byte by byte."""
    from llguidance import LLMatcher

    matcher = LLMatcher(tokenizer, grammar, log_level=0)
    return matcher.consume_tokens(list(text.encode("utf-8"))) and matcher.is_accepting()


CHAIRS = {
    "type": "object",
    "properties": {
        "whole_meeting": {"type": "boolean"},
        "chairs": {"type": "array", "items": {"$ref": "#/$defs/Chair"}, "maxItems": 2},
    },
    "required": ["whole_meeting", "chairs"],
    "$defs": {
        "Chair": {
            "type": "object",
            "properties": {"name": {"type": "string"}, "role": {"type": "string"}},
            "required": ["name", "role"],
        }
    },
}


def test_the_habit_layout_leaves_only_the_opening_to_choose(tokenizer: Any) -> None:
    grammar = habit_grammar(SCHEMA)
    assert accepts(tokenizer, grammar, '{ "a": "x" }') and accepts(tokenizer, grammar, '{"a": "x"}')
    for text in ('{ "a": "x"}', '{"a":"x"}', '{"a" : "x"}', '{  "a": "x" }', '{\n"a": "x"}'):
        assert not accepts(tokenizer, grammar, text), text
    nested = habit_grammar(CHAIRS)  # properties in their order; $defs reach the values; closed objects
    assert accepts(tokenizer, nested, '{ "whole_meeting": true, "chairs": [{"name": "A", "role": "B"}] }')
    assert not accepts(tokenizer, nested, '{ "chairs": [], "whole_meeting": true }')
    assert not accepts(tokenizer, nested, '{ "whole_meeting": true, "chairs": [{"name": "A", "role": "B", "c": 1}] }')


def test_the_habit_layout_falls_back_to_json_dumps_for_other_schemas(tokenizer: Any) -> None:
    optional = {**SCHEMA, "required": []}
    for schema in (NUMBERS, optional):
        assert habit_grammar(schema) == json_grammar(schema, layout="dumps")
    assert accepts(tokenizer, habit_grammar(optional), '{"a": "x"}')


def test_logits_past_the_vocabulary_are_masked(tokenizer: Any) -> None:
    processor = SchemaLogitsProcessor(tokenizer, json_grammar(SCHEMA))
    allowed = allowed_tokens(processor, [ord("Q")], size=processor.vocab_size + 40)
    assert max(allowed) < processor.vocab_size


def test_the_ban_never_leaves_nothing_to_write(tokenizer: Any) -> None:
    only_cjk = {"type": "object", "properties": {"a": {"const": "部门"}}, "required": ["a"]}
    processor = VocabGuide(tokenizer).processor(only_cjk)
    prompt = [ord("Q")]
    allowed_tokens(processor, prompt)
    inside = allowed_tokens(processor, [*prompt, word('{"'), ord("a"), word('":"')])
    assert inside == {word("部门")}  # the only token the grammar allows is banned: the ban gives way


def test_a_rejected_token_ends_generation(tokenizer: Any) -> None:
    processor = SchemaLogitsProcessor(tokenizer, json_grammar(SCHEMA))
    allowed_tokens(processor, [ord("Q")])
    assert allowed_tokens(processor, [ord("Q"), ord("x")]) == {tokenizer.eos_token}
    assert processor.error


def test_the_guide_builds_the_script_mask_once(tokenizer: Any) -> None:
    guide = VocabGuide(tokenizer)
    mask = guide.script_mask()
    assert guide.script_mask() is mask
    bits = np.unpackbits(mask.view(np.uint8), bitorder="little")
    assert not bits[word("部门")] and not bits[word("한")] and bits[word(" diverses")] and bits[tokenizer.eos_token]
    assert isinstance(guide.processor(SCHEMA), SchemaLogitsProcessor)


# --- the provider -------------------------------------------------------------------------------------


class FakeLlama:
    """Records the keyword arguments of each chat completion."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def create_chat_completion(self, **kwargs: Any) -> dict[str, Any]:
        self.calls.append(kwargs)
        for processor in kwargs.get("logits_processor") or []:
            processor(np.array([ord("Q")], dtype=np.intc), np.zeros(processor.vocab_size, dtype=np.single))
        return {"object": "chat.completion", "usage": {"prompt_tokens": 1, "completion_tokens": 1}}


REQUEST = {
    "model": "x",
    "messages": [{"role": "user", "content": "hi"}],
    "temperature": 0.0,
    "max_tokens": 7,
    "response_format": {"type": "json_schema", "json_schema": {"name": "a", "schema": SCHEMA}},
}


@pytest.fixture
def fake_llama(monkeypatch: pytest.MonkeyPatch, tokenizer: Any) -> Iterator[FakeLlama]:
    llama = FakeLlama()
    monkeypatch.setenv("SUMMARIZER_FAST_FORWARD", "0")  # llama-cpp-python's own loop (fastforward.py has its tests)
    monkeypatch.setattr(LocalProvider, "_llama", lambda self: llama)
    monkeypatch.setattr(VocabGuide, "of", classmethod(lambda cls, _llama: VocabGuide(tokenizer)))
    yield llama


def test_llguidance_is_the_default_sampler(fake_llama: FakeLlama, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUMMARIZER_SAMPLER", raising=False)
    provider = LocalProvider()
    result = provider.complete(dict(REQUEST))
    (call,) = fake_llama.calls
    assert "response_format" not in call and "model" not in call
    assert (call["temperature"], call["max_tokens"]) == (0.0, 7)
    (processor,) = call["logits_processor"]
    assert isinstance(processor, SchemaLogitsProcessor) and processor.script_mask is not None
    assert result["usage"] == {"prompt_tokens": 1, "completion_tokens": 1}
    assert provider.sampling_steps == 1 and provider.sampling_seconds > 0


def test_gbnf_stays_available(fake_llama: FakeLlama, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_SAMPLER", "gbnf")
    LocalProvider().complete(dict(REQUEST))
    LocalProvider(sampler="llguidance", ban_cjk=False).complete(dict(REQUEST))
    gbnf, guided = fake_llama.calls
    assert gbnf["response_format"] == {"type": "json_object", "schema": SCHEMA} and "logits_processor" not in gbnf
    assert guided["logits_processor"][0].script_mask is None


def test_requests_without_a_schema_are_not_constrained(fake_llama: FakeLlama) -> None:
    LocalProvider().complete({"messages": [{"role": "user", "content": "hi"}]})
    (call,) = fake_llama.calls
    assert "logits_processor" not in call and "response_format" not in call


def test_an_unknown_sampler_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="sampler"):
        LocalProvider(sampler="beam")


# --- the real model -----------------------------------------------------------------------------------

FRENCH = (
    "Le conseil municipal de Lyon s'est réuni le 12 mars sous la présidence du maire. Les élus ont adopté le "
    "budget, qui prévoit 8,5 % d'investissements en plus pour les écoles, et demandé aux services de "
    "renforcer l'entretien des parcs avant l'été."
)
LIVE_SCHEMA = {
    "type": "object",
    "properties": {
        "headline": {"type": "string", "maxLength": 80},
        "decisions": {"type": "array", "items": {"type": "string", "maxLength": 100}, "maxItems": 3},
    },
    "required": ["headline", "decisions"],
    "additionalProperties": False,
}


@pytest.fixture(scope="module")
def embedded_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    from summarizer.providers.local import assemble_embedded_model

    home = tmp_path_factory.mktemp("model-home")
    os.environ["SUMMARIZER_HOME"] = str(home)
    try:
        assemble_embedded_model()
    finally:
        del os.environ["SUMMARIZER_HOME"]
    yield home


@pytest.mark.live
def test_the_embedded_model_answers_inside_the_schema(embedded_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import jsonschema

    monkeypatch.setenv("SUMMARIZER_HOME", str(embedded_home))
    monkeypatch.delenv("SUMMARIZER_SAMPLER", raising=False)
    provider = LocalProvider(n_ctx=2048, fast_forward=False)  # forced tokens: test_fastforward.py
    messages = [
        {"role": "system", "content": "Tu réponds en JSON, en français."},
        {"role": "user", "content": f"Donne un titre et les décisions de cette réunion.\n\n{FRENCH}"},
    ]
    request = {
        "messages": messages,
        "temperature": 0.0,
        "seed": 0,
        "max_tokens": 200,
        "response_format": {"type": "json_schema", "json_schema": {"name": "decisions", "schema": LIVE_SCHEMA}},
    }
    result = provider.complete(request)
    content = result["choices"][0]["message"]["content"]
    answer = json.loads(content)
    jsonschema.validate(answer, LIVE_SCHEMA)
    assert answer["headline"].strip()
    assert not any(is_banned_char(char) for char in content)
    assert "\n" not in content and not content.startswith(("{  ", "{\n"))  # no layout beyond one space
    assert result["choices"][0]["finish_reason"] == "stop"
    assert result["object"] == "chat.completion"
    usage = result["usage"]
    assert usage["prompt_tokens"] > 50 and 0 < usage["completion_tokens"] <= 200
    assert provider.sampling_steps == usage["completion_tokens"] + 1  # the last step allowed only EOS
