"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

``::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::message`` shows the
finding on the pull request's changed lines. Values are escaped as the Actions runner
expects: ``%``, CR and LF everywhere, and ``:`` and ``,`` inside properties as well. The
message and title are first made printable (``checker.report.safe``: no terminal control
sequence reaches the log); the file name is kept exact, so the annotation finds its file,
and the runner reads a line that starts with ``::`` as one command, whatever ``##[`` the
file name holds. A record of a multi-article file (``dump.jsonl#42``) is annotated on the
file that holds it, without a line (its lines are the record's, not the file's): the message
starts with the record's name and its line and column. The id is never part of ``file=``.
"""

from __future__ import annotations

import os
import re
from typing import IO, TYPE_CHECKING, Any

from checker.report.safe import printable

if TYPE_CHECKING:  # pragma: no cover
    from checker.config.settings import Config
    from checker.engine.session import FileResult, Session

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


_LINE_BREAK = re.compile(r"(\r\n|\r|\n)")


def printable_message(value: str) -> str:
    """``value`` made printable line by line: an annotation may have several lines (CR and
    LF are sent as ``%0D`` and ``%0A``), but no other control character."""
    return "".join(part if index % 2 else printable(part) for index, part in enumerate(_LINE_BREAK.split(value)))


def command(level: str, message: str, **properties: Any) -> str:
    props = ",".join(f"{key}={escape_property(str(value) if key == 'file' else printable(str(value)))}"
                     for key, value in properties.items() if value is not None)
    return f"::{level}{' ' + props if props else ''}::{escape_data(printable_message(message))}"


class GithubReporter:
    def __init__(self, config: Config, stream: IO[str]) -> None:
        self.config = config
        self.stream = stream

    def start(self, session: Session) -> None:
        pass

    def file_done(self, result: FileResult) -> None:
        record = result.file is not None
        file = result.file if record else result.path
        if result.error:
            message = f"{result.path}: {result.error}" if record else result.error
            self.stream.write(command("error", message, file=file, title="checker") + "\n")
        for finding in result.findings:
            location = finding.location
            message = finding.message
            if finding.related:
                message += f" (other place: line {finding.related[0].line})"
            message += finding.fix_note
            title = f"{finding.rule} ({finding.category})"
            if record:
                message = f"{result.path}:{location.line}:{location.column}: {message}"
                self.stream.write(command(LEVELS[str(finding.severity)], message, file=file, title=title) + "\n")
                continue
            self.stream.write(command(
                LEVELS[str(finding.severity)], message, file=file, line=location.line, col=location.column,
                endLine=location.end_line, endColumn=location.end_column, title=title,
            ) + "\n")

    def finish(self, session: Session) -> None:
        for problem in session.config.problems:
            self.stream.write(command("error", f"{problem.kind} error: {problem.message}", title="checker") + "\n")
        self.stream.flush()
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_file:
            try:
                with open(summary_file, "a", encoding="utf-8") as summary:
                    summary.write(job_summary(session))
            except OSError as error:  # the annotations are out; a summary the runner cannot take is a note
                session.note(f"could not write the job summary {summary_file}: {error.strerror or error}")


def job_summary(session: Session) -> str:
    """The run as Markdown for the job's summary page (``GITHUB_STEP_SUMMARY``): the totals and,
    most first, each rule's findings, severity and fixes. Rule ids and counts only: no file name
    or article text reaches the page."""
    summary = session.summary
    counts = ", ".join(f"{n} {name}{'s' if n != 1 else ''}" for name, n in summary.by_severity.items() if n)
    lines = ["### checker", "",
             f"{summary.findings} finding{'s' if summary.findings != 1 else ''}"
             + (f" ({counts})" if counts else "")
             + f" in {summary.files_with_findings} of {summary.files} file{'s' if summary.files != 1 else ''}"
             + (f", {summary.errors} unreadable" if summary.errors else "")
             + (f", {summary.baselined} more in the baseline" if summary.baselined else "") + ".", ""]
    if summary.by_rule:
        lines += ["| rule | findings | severity | fixable (`--fix`) | with `--unsafe-fixes` |",
                  "|---|---:|---|---:|---:|"]
        for row in summary.rule_rows():
            lines.append(f"| `{printable(row.rule)}` | {row.count} | {row.severity} | {row.safe} | {row.unsafe} |")
        lines.append("")
    return "\n".join(lines) + "\n"
