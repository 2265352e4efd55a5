"""The markers a plugin uses: ``hookimpl`` for its hook implementations, ``hookspec`` for ours."""

from __future__ import annotations

import pluggy

from checker.about import PROJECT_NAME

hookimpl = pluggy.HookimplMarker(PROJECT_NAME)
hookspec = pluggy.HookspecMarker(PROJECT_NAME)
