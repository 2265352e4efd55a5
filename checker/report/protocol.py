"""What an output format implements: the ``Reporter`` protocol."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:  # pragma: no cover
    from checker.engine.session import FileResult, Session


@runtime_checkable
class Reporter(Protocol):
    """An output format's reporter.

    A plugin offers a format by returning ``{name: factory}`` from ``checker_output_formats``;
    the run calls ``factory(config, stream)`` (the run's ``Config`` and the text stream to
    write to), usually the reporter class itself. The run then calls ``start`` once,
    ``file_done`` once per article in input order, and ``finish`` once at the end. A reporter
    only reads: it never changes a finding.

    A reporter may also set the class attribute ``needs_text = True``: each result then
    carries the article's text in ``result.text`` (after any fixes, so the findings' offsets
    point into it), for a report that quotes the articles. It is not part of the protocol,
    since most reporters do not set it, and the run treats it as false when it is absent:
    keeping every article's text costs memory on large runs.
    """

    def start(self, session: Session) -> None:
        """Called once, after the rules are collected and before the first article."""

    def file_done(self, result: FileResult) -> None:
        """Called once per input, in input order, with its findings (or its read error)."""

    def finish(self, session: Session) -> None:
        """Called once at the end; ``session.summary`` and ``session.exit_code`` are final."""
