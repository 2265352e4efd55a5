"""``--format sarif``: SARIF 2.1.0, as GitHub code scanning and other dashboards read it.

One run: the tool with every collected rule (id, descriptions, help text and link, default
level, category tags), one result per finding with its region, the other place of a
two-place finding as a related location, a fix with its applicability, and an invocation
that records unreadable files and configuration or plugin problems. Results are written as
files are checked; columns are Unicode code points (``columnKind``), as in every format.

A record of a multi-article file (``dump.jsonl#42``) is located in the file that holds it:
its URI is the file's, and the record is a logical location (``kind`` ``object``, its name
the id, its fully qualified name ``dump.jsonl#42``). The id is never part of a URI, so an id
such as ``x/../../etc/passwd`` cannot name another file. The region, as in every format, is
in the record's article text; records are never fixed, so their results carry no fix.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import quote

from checker.about import DISTRIBUTION, HOMEPAGE, __version__
from checker.finding import Finding, Location
from checker.report import JsonItems

if TYPE_CHECKING:  # pragma: no cover
    from checker.config.settings import Config
    from checker.engine.session import FileResult, Session
    from checker.kinds.base import Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
#: Findings the session itself makes, not a rule file: described here so every result has a rule.
#: Findings the run itself makes (no rule file): id to category, level, text. Their pages
#: (``docs/rules/<id>.md``) are written by ``checker.docs`` like the rules' own.
SESSION_RULES = {
    "parse-error": ("metadata", "error", "The article's metadata header or front matter could not be read."),
    "unused-suppression": ("style", "warning", "A checker-disable comment that suppresses nothing."),
}
#: Where each of ``SESSION_RULES`` is explained at length (a page of ``docs/``).
SESSION_RULE_GUIDES = {"parse-error": "inputs.md", "unused-suppression": "suppressions.md"}


def artifact(path: str) -> dict[str, str]:
    """The artifactLocation of ``path``: relative to the source root when inside it."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute)
    except ValueError:  # another drive on Windows
        relative = ""
    if relative and not relative.startswith(".."):
        return {"uri": quote(relative.replace(os.sep, "/"), errors="backslashreplace"), "uriBaseId": "%SRCROOT%"}
    try:
        return {"uri": Path(absolute).as_uri()}
    except (UnicodeEncodeError, ValueError):  # a record id with a lone surrogate
        return {"uri": "file://" + quote(absolute.replace(os.sep, "/"), errors="backslashreplace")}


def region(location: Location) -> dict[str, Any]:
    return {
        "startLine": location.line,
        "startColumn": location.column,
        "endLine": location.end_line,
        "endColumn": location.end_column,
        "charOffset": location.offset,
        "charLength": location.length,
        "snippet": {"text": location.text},
    }


def physical(path: str, location: Location) -> dict[str, Any]:
    return {"artifactLocation": artifact(path), "region": region(location)}


def record_location(file: str, name: str) -> dict[str, str]:
    """The logicalLocation of the record ``name`` (``file#id``) of ``file``."""
    return {"name": name[len(file) + 1:] if name.startswith(file + "#") else name,
            "fullyQualifiedName": name, "kind": "object"}


def rule_descriptor(rule: Rule, config: Config) -> dict[str, Any]:
    summary = rule.summary()
    help_text = rule.description or rule.summary()
    examples = "".join(f"\n\nExample ({key}): {example}" for key in ("bad", "good")
                       for example in rule.examples.get(key, [])[:2])
    return {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": rule.description or summary},
        "help": {"text": help_text + examples, "markdown": help_text + examples.replace("\n\n", "\n\n- ")},
        "helpUri": config.rule_url(rule.id, rule.link),
        "defaultConfiguration": {"level": LEVELS[str(rule.severity)]},
        "properties": {"tags": list(dict.fromkeys([rule.category, rule.kind, *rule.tags])), "category": rule.category,
                       "kind": rule.kind, "fix": rule.fix_level},
    }


def session_rule(rule_id: str, config: Config) -> dict[str, Any]:
    category, level, text = SESSION_RULES[rule_id]
    return {
        "id": rule_id,
        "name": rule_id,
        "shortDescription": {"text": text},
        "fullDescription": {"text": text},
        "helpUri": config.rule_url(rule_id),
        "defaultConfiguration": {"level": LEVELS[level]},
        "properties": {"tags": [category], "category": category},
    }


def result_entry(path: str, finding: Finding, rule_index: dict[str, int], file: str | None = None) -> dict[str, Any]:
    """The result of ``finding`` in the article ``path``; ``file``: the file that holds it
    when ``path`` names a record (``file#id``), which is where its locations point."""
    name, path = path, file if file is not None else path
    message = finding.message
    related = []
    for number, location in enumerate(finding.related, start=1):
        related.append({"id": number, "physicalLocation": physical(path, location),
                        "message": {"text": "the other place"}})
    if related:
        message += " " + " ".join(f"[other place]({n})" for n in range(1, len(related) + 1))
    entry: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVELS[str(finding.severity)],
        "kind": "fail",
        "message": {"text": message},
        "locations": [{"physicalLocation": physical(path, finding.location)}],
        "partialFingerprints": {"checker/v1": fingerprint(name, finding)},
        "properties": {"category": finding.category},
    }
    if finding.rule in rule_index:
        entry["ruleIndex"] = rule_index[finding.rule]
    if file is not None:
        entry["locations"][0]["logicalLocations"] = [record_location(file, name)]
        entry["properties"]["record"] = name
    if related:
        entry["relatedLocations"] = related
    if finding.fix is not None and file is None:  # a record's fix would be applied to its whole file
        entry["fixes"] = [{
            "description": {"text": f"{finding.fix.message} ({finding.fix.applicability} fix)"},
            "artifactChanges": [{
                "artifactLocation": artifact(path),
                "replacements": [{"deletedRegion": region(edit.location),
                                  "insertedContent": {"text": edit.replacement}} for edit in finding.fix.edits],
            }],
            "properties": {"applicability": finding.fix.applicability},
        }]
    if finding.fix is not None:
        entry["properties"]["applicability"] = finding.fix.applicability
    if finding.suggestions:
        entry["properties"]["suggestions"] = list(finding.suggestions)
    return entry


def fingerprint(path: str, finding: Finding) -> str:
    """Stable across runs and across edits elsewhere in the article: rule, file and the text."""
    key = "\0".join((finding.rule, path.replace(os.sep, "/"), finding.location.text))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class SarifReporter:
    def __init__(self, config: Config, stream: IO[str]) -> None:
        self.config = config
        self.stream = stream
        self.items = JsonItems(stream)
        self.rule_index: dict[str, int] = {}
        self.unreadable: list[dict[str, Any]] = []

    def start(self, session: Session) -> None:
        rules = [rule_descriptor(rule, self.config) for rule in sorted(session.rules, key=lambda r: r.id)]
        rules += [session_rule(rule_id, self.config) for rule_id in SESSION_RULES]
        self.rule_index = {rule["id"]: index for index, rule in enumerate(rules)}
        root = Path(os.getcwd()).as_uri().rstrip("/") + "/"
        run = {
            "tool": {"driver": {
                "name": "checker",
                "fullName": f"{DISTRIBUTION} {__version__}",
                "organization": DISTRIBUTION,
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": HOMEPAGE,
                "rules": rules,
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": root}},
            "columnKind": "unicodeCodePoints",
        }
        head = self.items.dumps({"$schema": SCHEMA_URI, "version": "2.1.0"})[:-1]
        self.stream.write(head + ', "runs": [' + self.items.dumps(run)[:-1] + ', "results": [')

    def file_done(self, result: FileResult) -> None:
        if result.error:
            self.unreadable.append({
                "level": "error",
                "message": {"text": f"{result.path}: {result.error}"},
                "locations": [{"physicalLocation": {"artifactLocation": artifact(result.file or result.path)},
                               **({"logicalLocations": [record_location(result.file, result.path)]}
                                  if result.file is not None else {})}],
            })
        for finding in result.findings:
            entry = result_entry(result.path, finding, self.rule_index, result.file)
            self.items.add(entry)

    def finish(self, session: Session) -> None:
        notifications = self.unreadable + [
            {"level": "error", "message": {"text": f"{problem.kind} error: {problem.message}"}}
            for problem in session.config.problems
        ]
        invocation = {
            "executionSuccessful": int(session.exit_code) in (0, 1),
            "exitCode": int(session.exit_code),
            "toolExecutionNotifications": notifications,
        }
        self.stream.write('\n], "invocations": [' + self.items.dumps(invocation) + "]}]}\n")
        self.stream.flush()
