"""Assembling a GGUF from part files: hash and size checked, a verified file reused, not re-hashed."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from summarizer.errors import ModelUnavailableError
from summarizer.providers.local import EMBEDDED_SHA256, EMBEDDED_SIZE, LocalProvider, assemble_embedded_model


def parts(tmp_path: Path) -> tuple[list[Path], int, str]:
    chunks = [b"GGUF" + bytes(range(256)) * 40, b"second part", b"third"]
    paths = []
    for number, chunk in enumerate(chunks, 1):
        path = tmp_path / f"part{number:02d}.bin"
        path.write_bytes(chunk)
        paths.append(path)
    whole = b"".join(chunks)
    return paths, len(whole), hashlib.sha256(whole).hexdigest()


def test_parts_are_joined_in_order_and_verified(tmp_path: Path) -> None:
    paths, size, digest = parts(tmp_path)
    target = tmp_path / "out" / "model.gguf"
    assert assemble_embedded_model(target, paths, size, digest) == target
    assert target.read_bytes() == b"".join(p.read_bytes() for p in paths)


def test_a_verified_file_is_reused_without_reading_the_parts(tmp_path: Path) -> None:
    paths, size, digest = parts(tmp_path)
    target = tmp_path / "model.gguf"
    assemble_embedded_model(target, paths, size, digest)
    for path in paths:
        path.unlink()
    assert assemble_embedded_model(target, paths, size, digest) == target


def test_a_wrong_hash_is_refused_and_leaves_nothing_behind(tmp_path: Path) -> None:
    paths, size, _ = parts(tmp_path)
    target = tmp_path / "model.gguf"
    with pytest.raises(ModelUnavailableError, match=r"corrupt.*expected"):
        assemble_embedded_model(target, paths, size, "0" * 64)
    assert not target.exists() and not list(tmp_path.glob("model.partial-*"))


def test_the_embedded_identity_is_the_official_file() -> None:
    assert EMBEDDED_SIZE == 1_117_320_768
    assert EMBEDDED_SHA256 == "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
    provider = LocalProvider()
    assert provider.model_id == "qwen2.5-coder-1.5b-instruct-q4_k_m@cc324af070c2"
    assert provider.endpoint == "llama.cpp+llguidance"  # the default sampler shapes answers: it is in cache keys


def test_a_missing_custom_model_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailableError, match="does not exist"):
        LocalProvider(model_path=tmp_path / "nope.gguf")
