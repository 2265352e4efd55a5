"""Building a session from options: plugins, configuration, ``checker_configure``, rules.

Everything that checks articles starts here: the command line and its worker processes, the
language server, ``checker.dask`` and tests. A session is built from an options object (the
namespace ``parse_command_line`` gives, or a mapping of option values), never by replaying
a command line, so a program that embeds the checker says what it wants in values.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from checker.config.options import base_parser, options_from
from checker.config.settings import Problem, build_config
from checker.engine.session import Session
from checker.plugin.manager import PluginManager, load_plugins, new_plugin_manager

#: What ``open_session`` accepts as options.
OptionValues = argparse.Namespace | Mapping[str, Any]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a session is built: start-up makes tens
    of thousands of objects that live as long as the session (modules, the rules read back
    from their snapshot) and next to no garbage, and the collector's passes over them were
    about 4% of a cold start's instructions. Collection resumes (where it was on) as soon as
    the session is built or building fails; what a run finds does not depend on it."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@collector_paused()
def parse_command_line(argv: Sequence[str] | None, cwd: Path | None = None) -> tuple[argparse.Namespace, PluginManager]:
    """The options of a command line, and the plugin manager that parsed it: the plugins
    (``-p`` and those the configuration file names) are loaded first, as they add options."""
    early, _ = base_parser(add_help=False).parse_known_args(argv)
    pm = new_plugin_manager()
    load_plugins(pm, build_config(early, cwd), early.plugins)
    parser = base_parser()
    pm.hook.checker_addoption(parser=parser)
    return parser.parse_args(argv), pm


def plugins_for(values: Mapping[str, Any], cwd: Path | None = None) -> tuple[argparse.Namespace, PluginManager]:
    """The plugin manager for option values given as values, with its plugins loaded, and
    the values as a whole options namespace (theirs included, at their defaults)."""
    early = options_from(values, base_parser(), ignore_unknown=True)
    pm = new_plugin_manager()
    load_plugins(pm, build_config(early, cwd), early.plugins)
    parser = base_parser()
    pm.hook.checker_addoption(parser=parser)
    return options_from(values, parser), pm


@collector_paused()
def open_session(options: OptionValues | None = None, cwd: Path | None = None,
                 pm: PluginManager | None = None) -> Session:
    """A session ready to check articles: its configuration (found from ``cwd``), plugins,
    ``checker_configure`` called and rules collected.

    ``options``: the namespace ``parse_command_line`` gives, or option values by destination
    name, the others at their defaults (``{"no_config": True, "select": ["duplicate"]}``).
    ``pm``: the plugin manager that parsed the command line, its plugins loaded; without
    it the plugins are loaded here. Problems (a plugin that could not load, a bad rule file)
    are in ``session.config.problems``; a usage or configuration error raises ``CheckerError``.
    """
    if pm is None:
        values = vars(options) if isinstance(options, argparse.Namespace) else dict(options or {})
        options, pm = plugins_for(values, cwd)
    elif not isinstance(options, argparse.Namespace):
        raise TypeError("a plugin manager comes with the options namespace it parsed (parse_command_line)")
    config = build_config(options, cwd)
    config.problems.extend(Problem("plugin", message) for message in pm.problems)
    config.pluginmanager = pm
    pm.hook.checker_configure(config=config)
    session = Session(config, pm)
    session.cwd = str(cwd) if cwd else None
    for note in pm.notes:  # local code that was not run, said once at the end of the run
        session.note(note)
    session.collect_rules()
    return session
