"""The user's cache folder: where the checker keeps what only speeds it up."""

from __future__ import annotations

import os
from pathlib import Path


def user_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/checker``, else ``~/.cache/checker``: written only by this user, so
    what is read back from it carries the same trust as the user's own files."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "checker"
