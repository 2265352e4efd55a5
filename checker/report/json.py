"""``--format json``: the versioned contract that editors and CI read.

The schema ships as ``checker/schema/report-v1.json``. Files are written as they are
checked, so memory does not grow with the number of inputs.
"""

from __future__ import annotations

import json
from typing import IO, TYPE_CHECKING, Any

from checker.about import __version__
from checker.report import JsonItems

if TYPE_CHECKING:  # pragma: no cover
    from checker.config.settings import Config
    from checker.engine.session import FileResult, Session

FORMAT_VERSION = 1


def file_entry(result: FileResult) -> dict[str, Any]:
    entry: dict[str, Any] = {"path": result.path}
    if result.file is not None:  # a record of an archive: the file it came from
        entry["file"] = result.file
    entry["error"] = result.error
    entry["findings"] = [finding.to_dict() for finding in result.findings]
    return entry


def summary_entry(session: Session) -> dict[str, Any]:
    summary = session.summary
    return {
        "files": summary.files,
        "files_with_findings": summary.files_with_findings,
        "errors": summary.errors,
        "findings": summary.findings,
        "by_severity": summary.by_severity,
        "by_category": dict(sorted(summary.by_category.items())),
        "by_rule": dict(sorted(summary.by_rule.items())),
        "baselined": summary.baselined,
        "rules": len(session.rules),
        "problems": [{"kind": p.kind, "message": p.message} for p in session.config.problems],
        "fail_on": str(session.config.fail_on),
        "exit_code": int(session.exit_code),
        "duration": round(session.duration, 4),
    }


class JsonReporter:
    def __init__(self, config: Config, stream: IO[str]) -> None:
        self.config = config
        self.stream = stream
        self.items = JsonItems(stream)

    def start(self, session: Session) -> None:
        head = json.dumps({"version": FORMAT_VERSION, "tool": {"name": "checker", "version": __version__}})
        self.stream.write(head[:-1] + ', "files": [')

    def file_done(self, result: FileResult) -> None:
        self.items.add(file_entry(result))

    def finish(self, session: Session) -> None:
        self.stream.write('\n], "summary": ' + json.dumps(summary_entry(session)) + "}\n")
        self.stream.flush()
