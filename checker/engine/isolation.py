"""Each plugin's part of a hook on its own: one that raises or runs past the time limit is
reported with the plugin's name, and the other plugins' parts still run.

The hooks are called through ``pm.hook`` like any pluggy hook, so hook wrappers,
``tryfirst``/``trylast`` and pluggy's tracing work as a plugin author expects. The isolation
is done below pluggy: each implementation (not wrapper) of the hooks whose results are
merged has its function replaced by a guard that calls it under the time limit, records a
failure as a problem of the run and returns None, which pluggy leaves out of the results.
The built-in ``checker_check_article`` limits each rule on its own, so it is not limited as
a whole. The built-in ``checker_rule_kinds`` and ``checker_collect_rules`` are the checker's
own start-up, not a plugin's code: on a cold start (no rule snapshot, no bytecode, a busy
machine) loading the built-in rules can take longer than a short ``--time-limit``, which
would leave the run with no built-in rules at all. Every other plugin's implementation is
limited. Wrappers are not guarded: a wrapper that raises fails the whole hook call, which
the session reports.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pluggy

from checker.config.settings import Config
from checker.engine.watchdog import TimeLimitExceeded, time_limit
from checker.errors import CheckerError
from checker.plugin.manager import BUILTIN, LEARN

#: The hooks whose implementations run on their own, and what a failing one costs the run.
GUARDED = {
    "checker_rule_kinds": "its kinds are left out",
    "checker_collect_rules": "its rules are left out",
    "checker_check_article": "its findings for this file are lost",
}


class Isolation:
    """The guards of one session's plugin manager, and where their problems go."""

    def __init__(self, config: Config) -> None:
        self.config = config
        #: Put before a problem's message: the article being checked (``"story.txt: "``), if any.
        self.where = ""
        #: While a list: each guarded implementation's plugin and what it returned, in call order
        #: (which plugin registered a rule kind).
        self.returned: list[tuple[str, Any]] | None = None

    def guard(self, pm: pluggy.PluginManager) -> None:
        """Guard the implementations registered now; a guard set for another session is replaced."""
        for hook in GUARDED:
            for impl in getattr(pm.hook, hook).get_hookimpls():
                if impl.wrapper or impl.hookwrapper:
                    continue
                function = getattr(impl.function, "__wrapped__", impl.function)
                impl.function = self._guarded(function, hook, impl.plugin_name)

    def _guarded(self, function: Callable[..., Any], hook: str, plugin: str) -> Callable[..., Any]:
        # The checker's own rules have their own timer, and its own start-up (kinds, rule
        # files) is no plugin's code; learning an archive's furniture (--learn-furniture) reads
        # the whole archive, which takes as long as the archive.
        limited = not (plugin == BUILTIN or (hook == "checker_collect_rules" and plugin == LEARN))
        lost = GUARDED[hook]
        config = self.config

        # pluggy calls an implementation with the arguments it asks for, in order.
        def guarded(*args: Any) -> Any:
            try:
                if limited and config.time_limit:
                    with time_limit(config.time_limit, f"plugin {plugin!r}"):
                        result = function(*args)
                else:
                    result = function(*args)
            except TimeLimitExceeded as error:
                config.problem("plugin", f"{self.where}{error} in {hook}; {lost}")
                return None
            except CheckerError as error:
                if hook == "checker_collect_rules":  # a rule file the plugin loads, named in the message
                    config.problem("rule", str(error))
                else:
                    config.problem("plugin", f"{self.where}plugin {plugin!r} raised in {hook}: "
                                             f"{type(error).__name__}: {error}; {lost}")
                return None
            except Exception as error:
                config.problem("plugin", f"{self.where}plugin {plugin!r} raised in {hook}: "
                                         f"{type(error).__name__}: {error}; {lost}")
                return None
            if self.returned is not None and result is not None:
                self.returned.append((plugin, result))
            return result

        guarded.__wrapped__ = function  # type: ignore[attr-defined]
        return guarded
