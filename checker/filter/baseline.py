"""A baseline: the findings a team has accepted, hidden from later runs.

Switching the checker on over an archive of thousands of articles, or in the CI of a site
with years of history, means thousands of findings at once. A baseline records them
(``--write-baseline FILE``) so that later runs (``--baseline FILE``, or ``baseline:`` in the
configuration) report only what is new, as detekt's and PHPStan's baselines do.

A finding is known by the file it is in, its rule and the text it quotes (spaces collapsed),
not by its line: an edit above it moves it without making it new. A finding with nothing to
quote (a missing headline) is known by its message, its figures left out. Each entry hides
one finding: a baseline with one repeated sentence hides one repeat, not a third one added
later. Paths are stored relative to the baseline file's folder, with ``/``, so the file
works in every checkout; a record of a JSON Lines dump is its file's path and ``#`` and its
id. Entries are sorted, so a baseline rewritten after a change shows only that change in a
review.

Writing a baseline replaces what the run covered, the files it checked with the rules it ran,
and keeps the other entries of the file it replaces: ``--write-baseline`` with ``--select
duplicate`` over one folder does not drop the accepted boilerplate of the whole archive.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.engine.written import write_whole
from checker.errors import UsageError
from checker.finding import Finding
from checker.patterns.compiled import compiled

VERSION = 1
_SPACES = compiled(r"\s+")
_FIGURES = compiled(r"\d+")
#: How much of a finding's quotation an entry keeps for a reader (the fingerprint has it all).
_QUOTE = 80


def fingerprint(finding: Finding, quoted: str | None = None) -> str:
    """What a finding is known by, whatever line it is on: its rule and what it quotes
    (``quoted``, when the caller has it already)."""
    quoted = _quoted(finding) if quoted is None else quoted
    said = quoted if quoted else "message:" + _FIGURES.sub("#", finding.message)
    return hashlib.sha256(f"{finding.rule}\0{said}".encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _quoted(finding: Finding) -> str:
    return _SPACES.sub(" ", finding.location.text).strip()


def key_of(path: str, file: str | None, folder: Path, stdin_name: str) -> str:
    """The name a file (or a record of ``file``) has in a baseline kept in ``folder``."""
    if path == "-":
        return stdin_name
    if file is not None:  # a record: "dump.jsonl#42"
        record = path[len(file):] if path.startswith(file) else "#" + path.rpartition("#")[2]
        return key_of(file, None, folder, stdin_name) + record
    try:
        relative = os.path.relpath(os.path.abspath(path), folder)
    except ValueError:  # another drive (Windows)
        relative = os.path.abspath(path)
    return relative.replace(os.sep, "/")


#: An entry's identity in a file: its rule and its fingerprint.
Mark = tuple[str, str]


@dataclass
class Baseline:
    """The accepted findings of a baseline file, by file key, as (rule, fingerprint) with counts;
    and the file's entries as written (``rows``), for a rewrite to keep what a run did not cover."""

    path: Path
    entries: dict[str, Counter[Mark]] = field(default_factory=dict)
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    #: The file keys seen in this run (for the entries left over).
    seen: set[str] = field(default_factory=set)
    #: The folder its paths are relative to (``folder_of``), resolved once.
    folder: Path = field(init=False)

    def __post_init__(self) -> None:
        self.folder = folder_of(self.path)

    def apply(self, key: str, findings: list[Finding]) -> list[Finding]:
        """``findings`` less those the baseline accepts for the file ``key``, each entry once."""
        self.seen.add(key)
        accepted = self.entries.get(key)
        if not accepted:
            return findings
        kept = []
        for finding in findings:
            mark = (finding.rule, fingerprint(finding))
            if accepted[mark] > 0:
                accepted[mark] -= 1
            else:
                kept.append(finding)
        return kept

    def left_over(self, rules: set[str]) -> int:
        """Entries of ``rules`` for the files checked in this run that hid nothing: fixed since,
        or edited past recognition. Rewrite the baseline to drop them."""
        return sum(count for key in self.seen for (rule, _), count in self.entries.get(key, Counter()).items()
                   if rule in rules)

    def uncovered(self, keys: set[str], rules: set[str]) -> Iterator[tuple[str, list[dict[str, Any]]]]:
        """The entries a run that checked the files ``keys`` with ``rules`` did not cover."""
        for key, rows in self.rows.items():
            kept = rows if key not in keys else [row for row in rows if row["rule"] not in rules]
            if kept:
                yield key, kept


def folder_of(path: Path) -> Path:
    """The folder a baseline kept at ``path`` names files relative to."""
    return path.resolve().parent


def load(path: Path) -> Baseline:
    """Read a baseline file; any problem is a ``UsageError`` naming it."""
    try:
        with path.open("rb") as stream:
            raw = stream.read()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such baseline file (write one with --write-baseline {path})") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot read the baseline: {error.strerror or error}") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise UsageError(f"{path}: the baseline is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise UsageError(f"{path}:{error.lineno}: the baseline is not valid JSON: {error.msg}") from None
    return Baseline(path, *_entries(data, path))


def _entries(data: Any, path: Path) -> tuple[dict[str, Counter[Mark]], dict[str, list[dict[str, Any]]]]:
    if not isinstance(data, dict) or data.get("tool") != "checker" or not isinstance(data.get("files"), dict):
        raise UsageError(f"{path}: not a checker baseline (expected an object with \"tool\": \"checker\" and "
                         "\"files\")")
    if data.get("version") != VERSION:
        raise UsageError(f"{path}: baseline version {data.get('version')!r} is not {VERSION}: remove it and write "
                         "a new one with --write-baseline")
    entries: dict[str, Counter[Mark]] = {}
    rows: dict[str, list[dict[str, Any]]] = {}
    for key, findings in data["files"].items():
        if not isinstance(findings, list):
            raise UsageError(f"{path}: the entry of {key!r} is not a list of findings")
        counts: Counter[Mark] = Counter()
        for index, item in enumerate(findings):
            mark = item.get("fingerprint") if isinstance(item, dict) else None
            rule = item.get("rule") if isinstance(item, dict) else None
            if not (isinstance(mark, str) and mark and isinstance(rule, str) and rule):
                raise UsageError(f"{path}: finding {index + 1} of {key!r} has no rule or no fingerprint")
            counts[(rule, mark)] += 1
        entries[key] = counts
        rows[key] = findings
    return entries, rows


def entry(finding: Finding) -> dict[str, Any]:
    """A finding as a baseline stores it: enough for a reviewer to see what was accepted."""
    quoted = _quoted(finding)
    shown = quoted if len(quoted) <= _QUOTE else quoted[:_QUOTE - 1] + "…"
    return {"rule": finding.rule, "line": finding.location.line, "text": shown,
            "fingerprint": fingerprint(finding, quoted)}


def write(path: Path, files: Iterable[tuple[str, list[Finding]]],
          kept: Iterable[tuple[str, list[dict[str, Any]]]] = ()) -> int:
    """Write the findings of ``files`` (file key, findings) and the entries ``kept`` from the
    baseline this one replaces to ``path`` atomically, sorted; return how many findings were
    written from ``files``. Files without findings are left out."""
    table: dict[str, list[dict[str, Any]]] = {}
    for key, rows in kept:
        table.setdefault(key, []).extend(rows)
    written = 0
    for key, findings in files:
        if findings:
            table.setdefault(key, []).extend(entry(f) for f in findings)
            written += len(findings)
    for rows in table.values():
        rows.sort(key=lambda row: (row.get("line", 0), row["rule"], row["fingerprint"]))
    data = {"tool": "checker", "version": VERSION, "files": dict(sorted(table.items()))}
    try:
        write_whole(str(path), json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    except OSError as error:
        raise UsageError(f"{path}: cannot write the baseline: {error.strerror or error}") from None
    return written
