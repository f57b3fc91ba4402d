"""Shared fixtures: every test gets its own state folder and no OpenAI settings from the machine."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "seeds").glob("*.txt"))


def seed(prefix: str) -> Path:
    """The seed article whose file name starts with ``prefix``."""
    (path,) = [p for p in SEEDS if p.name.startswith(prefix)]
    return path


@pytest.fixture(autouse=True)
def isolated_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point all user state at a temporary folder; hide the machine's OpenAI settings."""
    home = tmp_path / "state"
    monkeypatch.setenv("SUMMARIZER_HOME", str(home))
    for name in (
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "SUMMARIZER_CACHE_DIR",
        "SUMMARIZER_PROVIDER",
        "SUMMARIZER_MODEL",
        "SUMMARIZER_MODEL_PATH",
        "SUMMARIZER_SCHEMA_FORMAT",
        "SUMMARIZER_PROMPTS_DIR",
    ):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture(scope="session")
def recorded_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repo's recorded cache, so replaying never touches the checked-in files."""
    copy = tmp_path_factory.mktemp("recorded") / "cache"
    shutil.copytree(REPO / "cache", copy)
    return copy


@pytest.fixture(scope="session")
def batch_results(recorded_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A batch's results file replayed from the recorded answers: two seeds and one missing file between them."""
    from click.testing import CliRunner

    from summarizer.cli import cli

    out = tmp_path_factory.mktemp("export") / "results.jsonl"
    inputs = [str(seed("003")), str(out.parent / "missing.txt"), str(seed("004"))]
    args = ["batch", *inputs, "-o", str(out), "--cache-dir", str(recorded_cache), "--cache-mode", "replay"]
    result = CliRunner().invoke(cli, [*args, "--provider", "local", "--jobs", "1"])
    assert result.exit_code == 1, result.output  # the missing file fails alone
    return out
