"""What the sub-commands that read the check's configuration share (``checker extract``,
``checker rule``): their arguments parsed without ``argparse`` ending the process, and a
session opened from the options they pass on, its problems said on standard error."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from checker.engine.session import Session
from checker.errors import ExitCode
from checker.report.safe import printable


def parse(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.Namespace | ExitCode:
    """The options, or the exit code of ``--help`` (0) or of a usage error (4, said by argparse)."""
    try:
        return parser.parse_args(list(argv))
    except SystemExit as stop:
        return ExitCode.OK if stop.code == 0 else ExitCode.USAGE_ERROR


def open_session(options: argparse.Namespace, names: Iterable[str], extra: dict[str, Any],
                 quiet_kinds: frozenset[str] = frozenset()) -> Session:
    """A session from the options ``names`` (those given) and ``extra``, without the results
    cache; each problem of a kind not in ``quiet_kinds`` is said on standard error."""
    from checker.engine import startup

    values = {name: getattr(options, name) for name in names if getattr(options, name) not in (None, False, [])}
    session = startup.open_session({**values, "no_cache": True, **extra})
    for problem in session.config.problems:
        if problem.kind not in quiet_kinds:
            sys.stderr.write(f"checker: {problem.kind} error: {printable(problem.message)}\n")
    return session
