"""``--format text``: pytest-like output for people at a terminal.

A header, one progress line per file, the findings grouped by file as
``path:line:col severity rule message``, and a summary line with counts and time.
Colour only on a terminal and never when ``NO_COLOR`` is set.
"""

from __future__ import annotations

import os
import shutil
from typing import IO, TYPE_CHECKING

from checker.about import __version__
from checker.report.safe import printable

if TYPE_CHECKING:  # pragma: no cover
    from checker.config.settings import Config
    from checker.engine.session import FileResult, Session, Summary
    from checker.finding import Finding

COLOURS = {"error": "31", "warning": "33", "info": "36", "ok": "32", "bold": "1", "dim": "2"}


def use_colour(stream: IO[str], choice: str = "auto") -> bool:
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    if choice == "always":
        return True
    return hasattr(stream, "isatty") and stream.isatty()


class TextReporter:
    def __init__(self, config: Config, stream: IO[str]) -> None:
        self.config = config
        self.stream = stream
        self.colour = use_colour(stream, getattr(config.options, "color", "auto") or "auto")
        self.quiet = getattr(config.options, "quiet", False)
        #: ``--statistics``: one line per rule instead of each finding.
        self.statistics = getattr(config.options, "statistics", False)
        #: ``--show-source``: each finding's line under it, so the run keeps each article's text.
        self.show_source = getattr(config.options, "show_source", False) and not self.statistics
        self.needs_text = self.show_source
        # The findings section is printed after the progress lines; it waits in a spooled
        # file (memory up to 1 MB, then disk), so a run over millions of articles stays flat.
        self.findings: IO[str] | None = None

    def paint(self, text: str, style: str) -> str:
        return f"\033[{COLOURS[style]}m{text}\033[0m" if self.colour else text

    def write(self, line: str = "") -> None:
        self.stream.write(line + "\n")

    def start(self, session: Session) -> None:
        if self.quiet:
            return
        workers = f", {session.jobs} worker processes" if getattr(session, "jobs", 1) > 1 else ""
        where = f", config: {printable(str(session.config.config_file))}" if session.config.config_file else ""
        self.write(self.paint(f"checker {__version__}: {len(session.rules)} rules{workers}{where}", "bold"))

    def file_done(self, result: FileResult) -> None:
        if result.error and self.statistics:
            # Counted, not listed: but an input that could not be read is still named.
            self._spooled().write(f"{printable(result.path)}: {self.paint('error', 'error')} "
                                  f"{printable(result.error)}\n")
        elif result.findings or result.error:
            if self.statistics:
                pass  # counted in the summary, written by ``finish``
            elif self.quiet:
                self.write_findings(result, self.stream)
            else:
                self.write_findings(result, self._spooled())
        if self.quiet:
            return
        if result.error:
            status = self.paint("ERROR", "error")
        elif result.findings:
            worst = max(result.findings, key=lambda f: f.severity).severity
            count = len(result.findings)
            status = self.paint(f"{count} finding{'s' if count != 1 else ''}", str(worst))
        else:
            status = self.paint("ok", "ok")
        self.write(f"{printable(result.path)} {status}")

    def _spooled(self) -> IO[str]:
        if self.findings is None:
            self.findings = _spool()
        return self.findings

    def write_findings(self, result: FileResult, stream: IO[str]) -> None:
        # Names, messages and the text they quote come from the articles: shown escaped, so
        # none can move the cursor or start a line a CI runner reads as a command.
        path = printable(result.path)
        if result.error:
            stream.write(f"{path}: {self.paint('error', 'error')} {printable(result.error)}\n")
        for finding in result.findings:
            severity = self.paint(f"{finding.severity!s:<7}", str(finding.severity))
            stream.write(f"{path}:{finding.location.line}:{finding.location.column} {severity} "
                         f"{printable(finding.rule)} {printable(finding.message)}"
                         f"{self.paint(printable(finding.fix_note), 'dim')}\n")
            if self.show_source and result.text is not None:
                self.write_source(finding, result.text, stream)

    def write_source(self, finding: Finding, text: str, stream: IO[str]) -> None:
        """The finding's line under it (``--show-source``), with carets under its text."""
        from checker.report.excerpt import excerpt  # only here: a run without the option never needs it

        location = finding.location
        shown = excerpt(text, location.offset, location.length, location.line)
        if shown is None:
            return
        gutter = len(str(shown.line))
        carets = self.paint("^" * shown.carets, str(finding.severity))
        stream.write(f"{shown.line:>{gutter}} | {shown.text}\n{' ' * gutter} | {' ' * shown.indent}{carets}\n")

    def finish(self, session: Session) -> None:
        summary = session.summary
        if self.statistics and self.quiet:
            if self.findings is not None:  # the unreadable inputs
                self.findings.seek(0)
                shutil.copyfileobj(self.findings, self.stream)
                self.findings.close()
            self.write_statistics(summary)
            return
        if self.quiet:
            return
        if self.findings is not None:
            self.write()
            self.write(self.paint(("errors" if self.statistics else "findings").center(60, "="), "bold"))
            self.findings.seek(0)
            shutil.copyfileobj(self.findings, self.stream)
            self.findings.close()
        if self.statistics and summary.by_rule:
            self.write()
            self.write(self.paint("statistics".center(60, "="), "bold"))
            self.write_statistics(summary)
        if summary.rule_seconds:
            self.write()
            self.write(self.paint("slowest rules".center(60, "="), "bold"))
            for rule, seconds in sorted(summary.rule_seconds.items(), key=lambda kv: -kv[1])[:10]:
                self.write(f"{seconds:8.3f}s  {printable(rule)}")
        parts = [f"{summary.findings} finding{'s' if summary.findings != 1 else ''}"]
        counts = [f"{n} {name}{'s' if n != 1 else ''}" for name, n in summary.by_severity.items() if n]
        if counts:
            parts[0] += f" ({', '.join(counts)})"
        parts.append(f"in {summary.files_with_findings} of {summary.files} file{'s' if summary.files != 1 else ''}")
        if summary.baselined:
            parts[0] += f" ({summary.baselined} more in the baseline)"
        if summary.errors:
            parts.append(f"{summary.errors} unreadable")
        line = f" {' '.join(parts[:2])}{', ' + parts[2] if len(parts) > 2 else ''}, {session.duration:.2f}s "
        style = "error" if session.exit_code else "ok"
        fixes = fix_summary(summary, getattr(self.config.options, "unsafe_fixes", False))
        if fixes:
            self.write(fixes)
        self.write(self.paint(line.center(60, "="), style))


    def write_statistics(self, summary: Summary) -> None:
        """One line per rule, most findings first: the count, the rule, its worst severity and
        how many of its findings ``--fix`` fixes (and ``--unsafe-fixes`` besides), as
        ``ruff --statistics`` lists them."""
        rows = summary.rule_rows()
        width = max((len(printable(row.rule)) for row in rows), default=0)
        digits = len(str(rows[0].count)) if rows else 1
        for row in rows:
            notes = [f"{row.safe} fixable"] if row.safe else []
            if row.unsafe:
                notes.append(f"{row.unsafe} with --unsafe-fixes")
            shown = self.paint(f"{row.severity:<7}" if notes else row.severity, row.severity)
            note = self.paint(f"  [{', '.join(notes)}]", "dim") if notes else ""
            self.write(f"{row.count:>{digits}}  {printable(row.rule):<{width}}  {shown}{note}")


def fix_summary(summary: Summary, unsafe: bool) -> str:
    """What was fixed and what --fix (and --unsafe-fixes) would still fix, as ruff says it."""
    parts = []
    if summary.fixed:
        parts.append(f"Fixed {summary.fixed} finding{'s' if summary.fixed != 1 else ''}.")
    safe, hidden = summary.fixable["safe"], summary.fixable["unsafe"]
    if unsafe and safe + hidden:
        parts.append(f"{safe + hidden} fixable with --fix --unsafe-fixes.")
    else:
        if safe:
            parts.append(f"{safe} fixable with --fix.")
        if hidden:
            parts.append(f"{hidden} more with --fix --unsafe-fixes.")
    return " ".join(parts)


def _spool() -> IO[str]:
    """Memory up to 1 MB, then a temporary file; closed by ``finish``."""
    import tempfile  # only here: a quiet run spools nothing (about 1 ms of a start otherwise)

    return tempfile.SpooledTemporaryFile(1 << 20, mode="w+", encoding="utf-8",
                                         errors="backslashreplace")
