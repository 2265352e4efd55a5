"""Building the plugin manager: hook specs, built-ins, entry points, ``-p``, config, local file.

Each plugin is loaded on its own; one that fails to import or register is reported with
its name and the others still load (as sqlfluff's plugin host does).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Iterable
from pathlib import Path

import pluggy

from checker.about import PROJECT_NAME
from checker.config.settings import Config
from checker.errors import UsageError
from checker.plugin import hookspec as hookspec_module
from checker.plugin.entrypoints import checker_entry_points

ENTRY_POINT_GROUP = "checker"
#: The name the checker's own plugin is registered under.
BUILTIN = "builtin"


class PluginManager(pluggy.PluginManager):
    """pluggy's plugin manager, which also keeps what went wrong while loading plugins: the
    plugins are loaded before the configuration a run reports its problems in exists (their
    options are needed to parse the command line)."""

    def __init__(self) -> None:
        super().__init__(PROJECT_NAME)
        #: One line per plugin that could not be loaded.
        self.problems: list[str] = []


def new_plugin_manager() -> PluginManager:
    from checker.plugin import builtin

    pm = PluginManager()
    pm.add_hookspecs(hookspec_module)
    pm.register(builtin, name=BUILTIN)
    return pm


def block_plugins(pm: pluggy.PluginManager, names: Iterable[str]) -> None:
    """Block plugins given as ``-p no:NAME`` before anything registers them."""
    for name in names:
        if name.startswith("no:"):
            blocked = name[3:]
            if blocked == BUILTIN:
                raise UsageError("the builtin plugin cannot be disabled (use --no-builtin-rules for its rules)")
            pm.set_blocked(blocked)


def load_entry_points(pm: pluggy.PluginManager, problems: list[str]) -> None:
    for entry_point in checker_entry_points():
        if pm.is_blocked(entry_point.name) or pm.has_plugin(entry_point.name):
            continue
        try:
            plugin = entry_point.load()
            pm.register(plugin, name=entry_point.name)
        except Exception as error:
            problems.append(f"plugin {entry_point.name!r} could not be loaded: {type(error).__name__}: {error}")


def load_module_plugin(pm: pluggy.PluginManager, name: str, problems: list[str]) -> None:
    if pm.is_blocked(name) or pm.has_plugin(name):
        return
    for entry_point in checker_entry_points():
        if entry_point.name == name:
            target = entry_point.value.split(":")[0]
            break
    else:
        target = name
    try:
        module = importlib.import_module(target)
    except ImportError as error:
        raise UsageError(f"plugin {name!r} not found: {error}") from None
    except Exception as error:
        problems.append(f"plugin {name!r} could not be loaded: {type(error).__name__}: {error}")
        return
    if pm.is_registered(module):
        return
    pm.register(module, name=name)


def load_local_plugin(pm: pluggy.PluginManager, path: Path, problems: list[str]) -> None:
    """Load ``checkerconf.py`` next to the configuration, as pytest loads ``conftest.py``."""
    name = f"checkerconf:{path}"
    if pm.has_plugin(name):
        return
    spec = importlib.util.spec_from_file_location(f"checkerconf_{abs(hash(str(path)))}", path)
    if spec is None or spec.loader is None:
        problems.append(f"local plugin {path} could not be loaded")
        return
    module = importlib.util.module_from_spec(spec)
    try:
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        pm.register(module, name=name)
    except Exception as error:
        problems.append(f"local plugin {path} could not be loaded: {type(error).__name__}: {error}")


def load_plugins(pm: PluginManager, config: Config, cli_plugins: Iterable[str],
                 use_entry_points: bool = True) -> None:
    """Load the plugins of ``-p`` and of the configuration (``plugins:``, ``checkerconf.py``)
    and those of the entry-point group; what could not be loaded goes to ``pm.problems``."""
    problems = pm.problems
    cli_plugins = list(cli_plugins)
    block_plugins(pm, cli_plugins)
    for name in [p for p in cli_plugins if not p.startswith("no:")] + config.plugins:
        load_module_plugin(pm, name, problems)
    if use_entry_points:
        load_entry_points(pm, problems)
    if config.local_plugin is not None:
        load_local_plugin(pm, config.local_plugin, problems)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as error:
        raise UsageError(f"plugin {pm.get_name(error.plugin)!r}: {error}") from None
