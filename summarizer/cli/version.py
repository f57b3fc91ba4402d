"""``summarize --version``: the installed distribution's version, read without ``importlib.metadata``.

``importlib.metadata`` imports the ``email`` package, ``zipfile``, ``csv`` and more (about 40 ms here,
a third of the command), only to read one header line of the distribution's ``METADATA`` file. The
file is found the way ``importlib.metadata`` finds it (the first ``sys.path`` entry holding the
distribution's ``.dist-info`` folder, or a build's ``.egg-info`` folder with its ``PKG-INFO``: a checkout
that was built holds one, and ``python -c`` there has it first); a zip falls back to ``importlib.metadata``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

__all__ = ["installed_version", "version_option"]

F = TypeVar("F", bound=Callable[..., Any])


def _is_distributions(folder: str, distribution: str) -> bool:
    """Whether ``folder`` (a ``.dist-info`` or ``.egg-info`` name) is ``distribution``'s metadata."""
    normalised = distribution.replace("-", "_").replace(".", "_").lower()
    stem = folder.lower().removesuffix(".dist-info").removesuffix(".egg-info")
    return stem == normalised or stem.startswith(normalised + "-")


def _metadata_version(path: str) -> str | None:
    """The ``Version:`` header of a ``METADATA`` file, or None if it has none before the body."""
    with open(path, encoding="utf-8") as metadata:
        for line in metadata:
            if not line.strip():
                return None  # the headers end at the first blank line
            if line.startswith("Version:"):
                return line.partition(":")[2].strip()
    return None


def _scan_path(distribution: str) -> str | None:
    """The version in the first ``sys.path`` entry's ``.dist-info`` for ``distribution``, if any."""
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            if os.path.isfile(entry):
                return None  # a zip on the path: importlib.metadata reads those
            continue  # a missing folder, a finder's hook
        for name in names:
            if name.endswith((".dist-info", ".egg-info")) and _is_distributions(name, distribution):
                # A .egg-info folder (a build leaves one in the source tree) holds PKG-INFO instead.
                headers = "METADATA" if name.endswith(".dist-info") else "PKG-INFO"
                metadata = os.path.join(entry or ".", name, headers)
                return _metadata_version(metadata) if os.path.isfile(metadata) else None
    return None


def installed_version(distribution: str) -> str:
    """The installed version of ``distribution``: the same answer as ``importlib.metadata.version``."""
    version = _scan_path(distribution)
    if version is None:
        import importlib.metadata  # an install this scan does not read: ask the standard library

        version = importlib.metadata.version(distribution)
    return version


def version_option(distribution: str) -> Callable[[F], F]:
    """``click.version_option(package_name=distribution)``, printing the same line, read cheaply."""

    def show(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
        if not value or ctx.resilient_parsing:
            return
        click.echo(f"{ctx.find_root().info_name}, version {installed_version(distribution)}", color=ctx.color)
        ctx.exit()

    return click.option(
        "--version", is_flag=True, expose_value=False, is_eager=True, help="Show the version and exit.", callback=show
    )
