"""Start-up: ``summarize --help`` and ``--version`` import none of the heavy libraries (checked in a fresh process)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest

from summarizer.cli import LAZY_COMMANDS, cli

# What a command's help must not pay for: models, data frames, HTML extraction, the model client's
# stack, date parsing, rendering. (pydantic too: the schema alone costs more than all the rest.)
HEAVY = (
    "lingua",
    "pandas",
    "pyarrow",
    "trafilatura",
    "instructor",
    "openai",
    "llama_cpp",
    "dateparser",
    "rich.markdown",
    "pydantic",
    "jinja2",
    "diskcache",
    "ray",
    "numpy",
)

_PROBE = """
import json, sys
from summarizer.cli import cli
try:
    cli(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def imported_by(*args: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``summarize ARGS``."""
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, check=True)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("args", [["--help"], ["--version"], [], ["batch", "--help"], ["run", "--help"]])
def test_help_and_version_import_nothing_heavy(args: list[str]) -> None:
    modules = imported_by(*args)
    heavy = sorted(name for name in HEAVY if any(m == name or m.startswith(name + ".") for m in modules))
    assert heavy == [], f"summarize {' '.join(args)} imported {heavy}"


# What ``--version`` must not pay for either: importlib.metadata (with the email package, zipfile and
# csv it imports) only to read one header line of the distribution's METADATA.
METADATA_STACK = ("importlib.metadata", "email", "zipfile", "csv")


def test_version_reads_its_number_without_importlib_metadata() -> None:
    modules = imported_by("--version")
    stack = sorted(name for name in METADATA_STACK if any(m == name or m.startswith(name + ".") for m in modules))
    assert stack == [], f"summarize --version imported {stack}"


def test_version_prints_the_installed_distributions_version() -> None:
    import importlib.metadata

    done = subprocess.run([sys.executable, "-m", "summarizer", "--version"], capture_output=True, text=True, check=True)
    assert done.stdout == f"python -m summarizer, version {importlib.metadata.version('meeting-briefs')}\n"


def test_installed_version_reads_the_first_dist_info_and_falls_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.metadata

    from summarizer.cli.version import installed_version

    for folder, version in (("first", "2.0"), ("second", "1.0")):
        info = tmp_path / folder / "Some_Dist-9.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: some-dist\nVersion: {version}\n\nVersion: 3\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path / "missing"), str(tmp_path / "first"), str(tmp_path / "second")])
    assert installed_version("some-dist") == importlib.metadata.version("some-dist") == "2.0"
    egg = tmp_path / "egg" / "some_dist.egg-info"  # a build's .egg-info first on the path: its PKG-INFO, as there
    egg.mkdir(parents=True)
    (egg / "PKG-INFO").write_text("Metadata-Version: 1.1\nName: some-dist\nVersion: 0.5\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path / "egg"), *sys.path])
    assert installed_version("some-dist") == importlib.metadata.version("some-dist") == "0.5"
    with pytest.raises(importlib.metadata.PackageNotFoundError):
        installed_version("not-installed")


def test_lazy_commands_are_listed_with_their_own_summaries() -> None:
    context = click.Context(cli)
    for name, (_module, _attribute, summary) in LAZY_COMMANDS.items():
        real = cli.get_command(context, name)
        assert real is not None and real.name == name
        assert (real.help or "").strip().splitlines()[0] == summary


def test_lazy_commands_run() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "summarizer", "schema", "meeting"], capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout)["type"] == "object"
