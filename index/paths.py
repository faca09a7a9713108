"""Where the library lives: --library, else $NEWSDESK_HOME, else the platform data dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "NEWSDESK_HOME"


def library_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The library folder to use; the caller's override wins over the environment."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("newsdesk", appauthor=False))
