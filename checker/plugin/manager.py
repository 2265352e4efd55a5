"""Building the plugin manager: hook specs, built-ins, entry points, ``-p``, config, local file.

Each plugin is loaded on its own; one that fails to import or register is reported with
its name and the others still load (as sqlfluff's plugin host does). Local code (a
``checkerconf.py``, a ``plugins:`` module that is not installed) runs only as the run's
``LocalCodePolicy`` allows (``checker.config.trust``); code that does not run is a note.
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
from checker.config.trust import LocalCodePolicy, local_module
from checker.errors import UsageError
from checker.plugin import hookspec as hookspec_module
from checker.plugin.entrypoints import checker_entry_points

ENTRY_POINT_GROUP = "checker"
#: The name the checker's own plugin is registered under.
BUILTIN = "builtin"
#: The checker's plugin that learns site furniture in a check run (``--learn-furniture``).
LEARN = "learn-furniture"
#: The built-in reader of HTML pages (``builtin.HtmlPages``), a plugin object of its own.
HTML_PAGES = "builtin-html"
#: The plugins that are the checker's own: they keep no state across articles.
OWN_PLUGINS = frozenset({BUILTIN, LEARN, HTML_PAGES})


class PluginManager(pluggy.PluginManager):
    """pluggy's plugin manager, which also keeps what went wrong while loading plugins: the
    plugins are loaded before the configuration a run reports its problems in exists (their
    options are needed to parse the command line)."""

    def __init__(self) -> None:
        super().__init__(PROJECT_NAME)
        #: One line per plugin that could not be loaded.
        self.problems: list[str] = []
        #: One line per piece of local code that was not run (untrusted), for the run's notes.
        self.notes: list[str] = []


def new_plugin_manager() -> PluginManager:
    from checker.learn import plugin as learn_plugin
    from checker.plugin import builtin

    pm = PluginManager()
    pm.add_hookspecs(hookspec_module)
    # Registered first: of the built-in trylast parsers, the one asked first (see HtmlPages).
    pm.register(builtin.HtmlPages(), name=HTML_PAGES)
    pm.register(builtin, name=BUILTIN)
    pm.register(learn_plugin, name=LEARN)
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


def load_local_plugin(pm: PluginManager, path: Path, problems: list[str],
                      policy: LocalCodePolicy | None = None) -> None:
    """Load ``checkerconf.py`` next to the configuration, as pytest loads ``conftest.py``,
    when ``policy`` lets it run. The bytes checked against the trusted hash are the bytes run."""
    name = f"checkerconf:{path}"
    if pm.has_plugin(name):
        return
    try:
        source = path.read_bytes()
    except OSError as error:
        problems.append(f"local plugin {path} could not be read: {error.strerror or error}")
        return
    refusal = policy.refusal(path, path.parent, source) if policy is not None else None
    if refusal is not None:
        pm.notes.append(f"{path} was not run: {refusal}")
        return
    spec = importlib.util.spec_from_file_location(f"checkerconf_{abs(hash(str(path)))}", path)
    if spec is None or spec.loader is None:
        problems.append(f"local plugin {path} could not be loaded")
        return
    module = importlib.util.module_from_spec(spec)
    try:
        sys.modules[spec.name] = module
        exec(compile(source, str(path), "exec", dont_inherit=True), module.__dict__)
        pm.register(module, name=name)
    except Exception as error:
        problems.append(f"local plugin {path} could not be loaded: {type(error).__name__}: {error}")


def configured_plugin_allowed(pm: PluginManager, name: str, config: Config, policy: LocalCodePolicy) -> bool:
    """A ``plugins:`` name of the configuration file may be imported: an installed module or
    checker plugin, or local code the policy lets run (else a note says why not)."""
    if not policy.trusted_only or config.config_file is None or pm.is_blocked(name) or pm.has_plugin(name):
        return True
    if any(entry_point.name == name for entry_point in checker_entry_points()):
        return True
    location = local_module(name)
    if location is None:
        return True
    refusal = policy.refusal(location, config.config_file.parent)
    if refusal is None:
        return True
    pm.notes.append(f"plugin {name!r} ({location}), named in {config.config_file}, was not run: {refusal}")
    return False


def load_plugins(pm: PluginManager, config: Config, cli_plugins: Iterable[str],
                 use_entry_points: bool = True) -> None:
    """Load the plugins of ``-p`` and of the configuration (``plugins:``, ``checkerconf.py``)
    and those of the entry-point group; what could not be loaded goes to ``pm.problems``,
    local code the run may not run to ``pm.notes``."""
    problems = pm.problems
    cli_plugins = list(cli_plugins)
    policy = LocalCodePolicy.from_options(config.options)
    block_plugins(pm, cli_plugins)
    for name in [p for p in cli_plugins if not p.startswith("no:")]:
        load_module_plugin(pm, name, problems)
    for name in config.plugins:
        if configured_plugin_allowed(pm, name, config, policy):
            load_module_plugin(pm, name, problems)
    if use_entry_points:
        load_entry_points(pm, problems)
    if config.local_plugin is not None:
        load_local_plugin(pm, config.local_plugin, problems, policy)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as error:
        raise UsageError(f"plugin {pm.get_name(error.plugin)!r}: {error}") from None
