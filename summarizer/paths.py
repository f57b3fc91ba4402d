"""Where the tool keeps user state: one folder, movable with ``SUMMARIZER_HOME``.

Inside it: ``models/`` (the assembled embedded GGUF) and ``responses/`` (the response cache, which
``SUMMARIZER_CACHE_DIR`` or ``--cache-dir`` can move on its own).
"""

from __future__ import annotations

import os
from pathlib import Path

HOME_ENV = "SUMMARIZER_HOME"
CACHE_DIR_ENV = "SUMMARIZER_CACHE_DIR"


def state_home() -> Path:
    """The root folder of all user state."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("summarizer", appauthor=False))


def models_dir() -> Path:
    """Folder holding assembled model files."""
    return state_home() / "models"


def default_cache_dir() -> Path:
    """The response cache folder unless the caller names another."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return state_home() / "responses"
