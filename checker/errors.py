"""Exit codes and the one exception type for mistakes a user can make."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """How a run ended. Mirrors pytest's ExitCode where the meaning is the same."""

    #: Nothing at or above the fail threshold was found.
    OK = 0
    #: Findings at or above the fail threshold (pytest: TESTS_FAILED).
    FINDINGS = 1
    #: Interrupted by the user (Ctrl-C).
    INTERRUPTED = 2
    #: A bug in the checker or a plugin that raised.
    INTERNAL_ERROR = 3
    #: Bad command line, configuration or rule file.
    USAGE_ERROR = 4
    #: No input files were found (pytest: NO_TESTS_COLLECTED).
    NO_INPUT = 5
    #: At least one input could not be read or decoded; the others were checked.
    INPUT_ERROR = 6


class CheckerError(Exception):
    """A mistake the user can fix: bad path, bad rule file, bad configuration.

    The CLI prints ``str(error)`` as one line and exits with ``exit_code``.
    """

    exit_code = ExitCode.USAGE_ERROR

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class UsageError(CheckerError):
    """Bad command-line arguments or configuration."""


class RuleError(CheckerError):
    """A rule file that cannot be loaded: malformed YAML, bad field, bad regex."""


class InputError(CheckerError):
    """An input file that cannot be read or decoded."""

    exit_code = ExitCode.INPUT_ERROR
