"""checker: a source-consistency checker for news articles."""

from __future__ import annotations

import pluggy

__version__ = "0.1.0"

PROJECT_NAME = "checker"

hookimpl = pluggy.HookimplMarker(PROJECT_NAME)

__all__ = ["PROJECT_NAME", "__version__", "hookimpl"]
