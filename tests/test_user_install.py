"""A user's install, as docs/install.md tells it: ``pip install`` from a clone or from a built wheel, into fresh
virtual environments, dependencies from the package index, no extra. Then, outside the repository: the
command replays a seed exactly as the checkout does (no model, no llama.cpp needed), the package imports as
``summarizer``, and asking the embedded model says which extra brings it.

These install real dependencies from the package index (network, a few minutes): `make install-test` and
`.ci/run` (through `make test`) run them, with SUMMARIZER_INSTALL_TESTS=1; elsewhere they are skipped.
A fast test checks that docs/install.md names every extra pyproject.toml declares.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import REPO, seed

DIST = "meeting-briefs"
SEED = seed("004")
needs_network = pytest.mark.skipif(
    not os.environ.get("SUMMARIZER_INSTALL_TESTS"),
    reason="installs from the package index: run by make install-test and .ci/run (SUMMARIZER_INSTALL_TESTS=1)",
)


def run(
    *args: str | Path, cwd: Path, ok: bool = True, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in (env or os.environ).items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    done = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=1200, env=clean)
    if ok:
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done


def fresh_venv(where: Path) -> Path:
    run(sys.executable, "-m", "venv", where, cwd=where.parent)
    return where / "bin"


def clone(where: Path) -> Path:
    """The files a clone has: those git tracks or would (not ignored ones such as .venv), as they are here."""
    files = run("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=REPO).stdout.split("\0")
    for name in filter(None, files):
        if (REPO / name).is_file():
            (where / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, where / name)
    return where


def test_the_install_guide_names_every_extra_and_the_distribution() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    guide = (REPO / "docs" / "install.md").read_text(encoding="utf-8")
    assert project["name"] == DIST and f"pip install {DIST}" not in guide  # not published: from a clone or a wheel
    for extra in project["optional-dependencies"]:
        assert f"`[{extra}]`" in guide, extra


@needs_network
@pytest.mark.install
def test_pip_install_from_a_wheel_and_from_a_clone_replays_without_any_extra(
    tmp_path: Path, recorded_cache: Path
) -> None:
    source = clone(tmp_path / "clone")
    constraints = source / "constraints.txt"
    wheels = tmp_path / "dist"
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", wheels, source, cwd=tmp_path)
    (wheel,) = wheels.glob("meeting_briefs-*.whl")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    expected = run(
        sys.executable, "-m", "summarizer", SEED, "--cache-dir", recorded_cache, "--cache-mode", "replay", cwd=REPO
    )
    for name, target in (("from-wheel", wheel), ("from-clone", source)):
        bin_dir = fresh_venv(tmp_path / name)
        run(bin_dir / "pip", "install", "--quiet", "-c", constraints, target, cwd=outside)
        env = {**os.environ, "SUMMARIZER_HOME": str(tmp_path / name / "state")}
        replay = [bin_dir / "summarize", SEED, "--cache-dir", recorded_cache, "--cache-mode", "replay"]
        assert run(*replay, cwd=outside, env=env).stdout == expected.stdout
        where = run(bin_dir / "python", "-c", "import summarizer; print(summarizer.__file__)", cwd=outside).stdout
        assert where.startswith(str(tmp_path / name))
        assert run(bin_dir / "python", "-c", "import llama_cpp", cwd=outside, ok=False).returncode != 0
        asked = run(bin_dir / "summarize", "--text", "Le comité a tenu sa conférence le 3 mars 2024.", "--cache-mode",
                    "off", cwd=outside, env=env, ok=False)  # fmt: skip
        assert asked.returncode == 1 and f"pip install '{DIST}[local]'" in asked.stderr, asked.stderr
        version = run(bin_dir / "summarize", "--version", cwd=outside).stdout
        assert "0.1.0" in version
