"""The command line: ``checker [options] PATH...``, ``checker lsp``, ``checker trust`` and
``checker learn-furniture``, ``checker extract`` and ``checker rule``.

It parses the arguments (the parser is ``checker.config.options``; plugins are loaded first,
as they add options) and hands the options to the run skeleton, ``checker.engine.run``,
which runs the session and decides the exit code.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from pathlib import Path

from checker.engine import startup
from checker.engine.run import exit_code, say_error, wrap_session
from checker.engine.session import Session


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments[:1] == ["lsp"]:
        from checker.lsp import main as lsp_main

        return lsp_main(arguments[1:])
    if arguments[:1] == ["trust"]:
        from checker.config.trust import main as trust_main

        return trust_main(arguments[1:])
    if arguments[:1] == ["learn-furniture"]:
        from checker.learn.command import main as learn_main

        return learn_main(arguments[1:])
    if arguments[:1] == ["rule"]:
        from checker.explain import main as rule_main

        tolerant_streams()
        return int(rule_main(arguments[1:]))
    if arguments[:1] == ["extract"]:
        from checker.extract import main as extract_main

        tolerant_streams()
        return int(extract_main(arguments[1:]))
    tolerant_streams()
    try:
        options, pm = startup.parse_command_line(arguments)
    except (Exception, KeyboardInterrupt) as error:  # no session yet: nothing to finish
        say_error(error, debug="--debug" in arguments)
        return int(exit_code(None, error))
    return int(wrap_session(options, pm=pm))


def open_session(argv: Sequence[str] | None, cwd: Path | None = None) -> tuple[argparse.Namespace, Session]:
    """The options of a command line and the session it would check with, for tools and
    tests that start from a command line (a program has ``checker.engine.startup.open_session``)."""
    options, pm = startup.parse_command_line(argv, cwd)
    return options, startup.open_session(options, cwd, pm)


def tolerant_streams() -> None:
    """Text an output cannot encode is written as a backslash escape, never a crash: a lone
    surrogate from a JSON record, an emoji on an ASCII-only terminal. (In a JSON string,
    the escape is the JSON escape of the same character.)"""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")
