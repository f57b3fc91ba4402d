"""A normal install works: the wheel ships the prompt templates and JSON Schemas, and a replay runs from it.

The wheel is built from a copy of the package's files with pip (as ``pip install .`` would), installed
without its dependencies into a fresh virtual environment outside the repository, which borrows this
environment's third-party libraries through a ``.pth`` line (not its editable ``summarizer``). Building
may fetch setuptools from the package index (pip's isolated build), like any ``pip install .``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

from tests.conftest import REPO, seed
from tests.together import together

SEED = seed("000")


def _run(*args: str | Path, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    # Without PYTHONPATH: a checkout put first on the path would shadow the installed wheel.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    result = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return result


def test_the_listed_packages_are_the_package_folders() -> None:
    setuptools = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    found = {"summarizer"} | {
        "summarizer." + p.parent.relative_to(REPO / "summarizer").as_posix().replace("/", ".")
        for p in (REPO / "summarizer").glob("*/__init__.py")
    }
    mapped = setuptools["package-dir"]
    assert set(setuptools["packages"]) == found | set(mapped)
    assert {mapped[name]: setuptools["package-data"][name] for name in mapped} == {
        "prompts": ["*.j2"],
        "schemas": ["*.json"],
    }


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the package installed from a freshly built wheel."""
    root = tmp_path_factory.mktemp("install")
    source = root / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    for name in ("summarizer", "prompts", "schemas"):
        shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    _run(*pip, "wheel", "--no-deps", "--quiet", "-w", root / "dist", ".", cwd=source)
    (wheel,) = (root / "dist").glob("meeting_briefs-*.whl")
    venv = root / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=root)
    python = venv / "bin" / "python"
    _run(*pip, "--python", python, "install", "--no-deps", "--no-index", "--quiet", wheel, cwd=root)
    # This environment's libraries, after the new one's own site-packages (a plain path: no .pth inside runs).
    purelib = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=root).stdout.strip()
    Path(purelib, "borrowed-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return venv


def test_the_wheel_ships_templates_and_schemas(installed: Path, tmp_path: Path) -> None:
    code = (
        "import summarizer, summarizer.prompts as p, summarizer.resources as r;"
        "print(summarizer.__file__); print(p.prompts_dir()); print(sorted(x.name for x in r.schema_files().iterdir()));"
        "from summarizer.render.html import environment; print(environment().get_template('report.html.j2').filename)"
    )
    output = _run(installed / "bin" / "python", "-c", code, cwd=tmp_path).stdout
    where, prompts, schemas, report = output.splitlines()
    assert where.startswith(str(installed)) and prompts.startswith(str(installed))
    assert prompts.endswith("summarizer/prompt_templates") and Path(prompts, "system.j2").is_file()
    assert "brief.schema.json" in schemas
    assert report.startswith(str(installed)) and report.endswith("summarizer/render/templates/report.html.j2")


def test_a_seed_replays_from_the_installed_wheel_as_from_the_checkout(
    installed: Path, recorded_cache: Path, tmp_path: Path
) -> None:
    args = [SEED, "--cache-dir", recorded_cache, "--cache-mode", "replay", "--provider", "local"]
    from_wheel, from_checkout = together(  # two independent processes: side by side
        lambda: _run(installed / "bin" / "summarize", *args, cwd=tmp_path).stdout,
        lambda: _run(sys.executable, "-m", "summarizer", *args, cwd=REPO).stdout,
    )
    assert from_wheel == from_checkout
    assert "Chaired by" in from_wheel and len(from_wheel) > 500
