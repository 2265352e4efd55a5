"""``--format junit``: JUnit XML, one test case per article, as ``pytest --junitxml`` writes.

An article fails when it has findings at or above the fail threshold (``--fail-on``), the
same rule as the exit code; its findings are the failure's text. Findings below the
threshold go to the test case's ``system-out``. An unreadable file is an ``error``.
Names, messages and quoted text are shown as ``checker.report.safe.printable`` shows them
(control characters, line breaks and CI command markers escaped: a CI log may print this
report), and characters XML 1.0 cannot carry (lone surrogates) are written as ``\\xNN``
escapes so the report always parses.
"""

from __future__ import annotations

import datetime
import os
from typing import IO, TYPE_CHECKING
from xml.sax.saxutils import escape as _escape
from xml.sax.saxutils import quoteattr

from checker.patterns.compiled import compiled
from checker.report.safe import printable

if TYPE_CHECKING:  # pragma: no cover
    from checker.config.settings import Config
    from checker.engine.session import FileResult, Session
    from checker.finding import Finding

_NOT_XML = compiled(r"[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


def clean(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def escape(text: str) -> str:
    return _escape(clean(text))


def attr(text: str) -> str:
    return quoteattr(clean(text))


def finding_line(finding: Finding) -> str:
    location = finding.location
    return (f"{location.line}:{location.column} {finding.severity} {printable(finding.rule)} "
            f"{printable(finding.message)}{printable(finding.fix_note)}")


class JunitReporter:
    def __init__(self, config: Config, stream: IO[str]) -> None:
        self.config = config
        self.stream = stream
        self.cases: list[str] = []
        self.failures = 0
        self.errors = 0
        self.started = datetime.datetime.now(datetime.UTC)

    def start(self, session: Session) -> None:
        pass

    def file_done(self, result: FileResult) -> None:
        folder, name = os.path.split(result.path)
        head = (f"<testcase classname={attr(printable(folder or '.'))} name={attr(printable(name or result.path))} "
                f'time="{result.duration:.3f}"')
        failing = [f for f in result.findings if f.severity >= self.config.fail_on]
        passing = [f for f in result.findings if f.severity < self.config.fail_on]
        body = []
        if result.error:
            self.errors += 1
            error = printable(result.error)
            body.append(f"<error type=\"unreadable\" message={attr(error)}>{escape(error)}</error>")
        elif failing:
            self.failures += 1
            worst = max(f.severity for f in failing)
            count = len(failing)
            message = f"{count} finding{'s' if count != 1 else ''} at or above {self.config.fail_on}"
            text = "\n".join(f"{printable(result.path)}:{finding_line(f)}" for f in failing)
            body.append(f"<failure type=\"{worst}\" message={attr(message)}>{escape(text)}</failure>")
        if passing:
            text = "\n".join(f"{printable(result.path)}:{finding_line(f)}" for f in passing)
            body.append(f"<system-out>{escape(text)}</system-out>")
        self.cases.append(f"{head}>{''.join(body)}</testcase>" if body else f"{head}/>")

    def finish(self, session: Session) -> None:
        tests = len(self.cases)
        time = f"{session.duration:.3f}"
        import socket  # the host name, read once at the end

        counts = f'tests="{tests}" failures="{self.failures}" errors="{self.errors}"'
        write = self.stream.write
        write('<?xml version="1.0" encoding="utf-8"?>\n')
        write(f'<testsuites name="checker" {counts} time="{time}">\n')
        write(f'<testsuite name="checker" {counts} skipped="0" time="{time}" '
              f'timestamp="{self.started.isoformat(timespec="seconds")}" hostname={attr(socket.gethostname())}>\n')
        if session.config.problems:
            problems = "\n".join(f"{p.kind} error: {printable(p.message)}" for p in session.config.problems)
            write(f"<system-err>{escape(problems)}</system-err>\n")
        for case in self.cases:
            write(case + "\n")
        write("</testsuite>\n</testsuites>\n")
        self.stream.flush()
