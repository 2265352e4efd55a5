"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

``::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::message`` shows the
finding on the pull request's changed lines. Values are escaped as the Actions runner
expects: ``%``, CR and LF everywhere, and ``:`` and ``,`` inside properties as well.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from checker.config.settings import Config
    from checker.engine.session import FileResult, Session

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: Any) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{level}{' ' + props if props else ''}::{escape_data(message)}"


class GithubReporter:
    def __init__(self, config: Config, stream: IO[str]) -> None:
        self.config = config
        self.stream = stream

    def start(self, session: Session) -> None:
        pass

    def file_done(self, result: FileResult) -> None:
        if result.error:
            self.stream.write(command("error", result.error, file=result.path, title="checker") + "\n")
        for finding in result.findings:
            location = finding.location
            message = finding.message
            if finding.related:
                message += f" (other place: line {finding.related[0].line})"
            message += finding.fix_note
            self.stream.write(command(
                LEVELS[str(finding.severity)], message, file=result.path, line=location.line, col=location.column,
                endLine=location.end_line, endColumn=location.end_column, title=f"{finding.rule} ({finding.category})",
            ) + "\n")

    def finish(self, session: Session) -> None:
        for problem in session.config.problems:
            self.stream.write(command("error", f"{problem.kind} error: {problem.message}", title="checker") + "\n")
        self.stream.flush()
