"""Checking a corpus on a Dask cluster: ``pip install 'checker[dask]'``.

When an archive outgrows one machine, Dask spreads the work; the checker only supplies the
function each partition runs. Every worker builds the same session the command line
would (same options, configuration file, rules and plugins; built once per worker process
and reused), so findings are the CLI's findings::

    import dask.bag as db
    from distributed import Client
    from checker.dask import check, to_dataframe, jsonl_records

    client = Client("scheduler:8786")
    paths = db.from_sequence(sorted(glob.glob("archive/**/*.html", recursive=True)), npartitions=64)
    findings = check(paths, ["--select", "duplicate,boilerplate"])     # a bag of dicts
    findings = check(paths, {"select": ["duplicate", "boilerplate"]})  # the same, as option values
    frame = to_dataframe(findings)                                   # a Dask DataFrame
    frame.groupby("rule").size().compute()

    records = jsonl_records("dumps/2024-*.jsonl")                    # (name, record) pairs
    check(records).filter(lambda f: f["severity"] == "error").count().compute()

Items may be paths (each file is checked as ``checker PATH`` would, JSON Lines files
record by record), JSON records (mappings, read with the configured field names), or
``(name, record)`` pairs that name the record as the command line does
(``dump.jsonl#<id>``). Each finding is ``Finding.to_dict()`` plus ``path``; an input that
could not be read is one dict with ``path`` and ``error`` and no ``rule``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from checker.engine.session import FileResult, Session
from checker.errors import UsageError
from checker.read.records import Record, record_id, record_text

try:
    import dask.bag as db
    import dask.dataframe as dd
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError("checker.dask needs Dask: pip install 'checker[dask]'") from error

#: Columns of ``to_dataframe``, in order, with their dtypes.
COLUMNS: dict[str, str] = {
    "path": "object", "rule": "object", "category": "object", "severity": "object", "message": "object",
    "line": "Int64", "column": "Int64", "end_line": "Int64", "end_column": "Int64", "offset": "Int64",
    "length": "Int64", "text": "object", "suggestion": "object", "fix": "object", "error": "object",
}

#: What ``check`` and ``session_for`` accept as options: the command line's arguments
#: (``["--select", "duplicate"]``) or option values by name (``{"select": ["duplicate"]}``).
Arguments = Sequence[str] | Mapping[str, Any]

_SESSIONS: dict[tuple[str, str], Session] = {}


def session_for(args: Arguments = (), cwd: str | None = None) -> Session:
    """The session ``checker ARGS`` run in ``cwd`` would use; one per process, reused.

    A configuration, rule-file or plugin problem raises ``UsageError``: a cluster should not
    run a corpus with half a rule pack.
    """
    where = cwd or os.getcwd()
    key = (repr(sorted(args.items())) if isinstance(args, Mapping) else repr(tuple(args)), where)
    session = _SESSIONS.get(key)
    if session is None:
        from checker.engine.startup import open_session, parse_command_line

        # Nothing to share between the workers' caches, and no terminal to show progress on.
        if isinstance(args, Mapping):
            session = open_session({"no_cache": True, "no_progress": True, **args}, Path(where))
        else:
            options, pm = parse_command_line(["--no-cache", "--no-progress", *args], Path(where))
            session = open_session(options, Path(where), pm)
        if session.config.problems:
            raise UsageError("; ".join(p.message for p in session.config.problems))
        _SESSIONS[key] = session
    return session


def check(items: db.Bag, args: Arguments = (), cwd: str | None = None) -> db.Bag:
    """Findings of every item of ``items`` as a bag of dicts (see the module's help)."""
    where = cwd or os.getcwd()
    session_for(args, where)  # fail here, on the client, with a clear message
    return items.map_partitions(_check_partition, dict(args) if isinstance(args, Mapping) else list(args), where)


def to_dataframe(findings: db.Bag) -> dd.DataFrame:
    """A bag from ``check`` as a Dask DataFrame: one row per finding, ``COLUMNS``."""
    return findings.map(_row).to_dataframe(meta=_meta())


def jsonl_records(urlpath: str | Sequence[str], *, blocksize: int | None = None, args: Arguments = (),
                  cwd: str | None = None) -> db.Bag:
    """``(name, record)`` pairs of JSON Lines files, named as the command line names them:
    ``file#<id>`` (records need an id to be named; ``file#?`` otherwise)."""
    fields = session_for(args, cwd or os.getcwd()).config.fields
    lines = db.read_text(urlpath, blocksize=blocksize, include_path=True)
    return lines.filter(lambda pair: bool(pair[0].strip())).map(_named_record, fields)


def _named_record(pair: tuple[str, str], fields: Mapping[str, tuple[str, ...]]) -> tuple[str, Any]:
    import json


    line, path = pair
    try:
        record = json.loads(line)
    except ValueError as error:
        return f"{path}#?", {"__checker_error__": f"not valid JSON: {error}"}
    return f"{path}#{record_id(record, fields) or '?'}", record


def _check_partition(items: Iterable[Any], args: Arguments, cwd: str) -> list[dict[str, Any]]:
    session = session_for(args, cwd)
    rows: list[dict[str, Any]] = []
    for index, item in enumerate(items):
        for result in _results(session, item, index):
            if result.error is not None:
                rows.append({"path": result.path, "error": result.error})
            for finding in result.findings:
                rows.append({"path": result.path, **finding.to_dict()})
    return rows


def _results(session: Session, item: Any, index: int) -> Iterable[FileResult]:
    if isinstance(item, str | os.PathLike):
        return session.check_input(os.fspath(item))
    name, record = item if isinstance(item, tuple) and len(item) == 2 else (f"record#{index}", item)
    if isinstance(record, Mapping) and "__checker_error__" in record:
        return [session.check_record(Record(name, error=record["__checker_error__"]))]
    try:
        text = record_text(record, session.config.fields, session.config.html)
    except ValueError as error:
        return [session.check_record(Record(name, error=str(error)))]
    return [session.check_record(Record(name, text))]


def _row(finding: Mapping[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {name: finding.get(name) for name in COLUMNS}
    suggestions = finding.get("suggestions") or []
    row["suggestion"] = suggestions[0] if len(suggestions) == 1 else None
    row["fix"] = (finding.get("fix") or {}).get("applicability")
    return row


def _meta() -> Any:
    import pandas as pd

    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in COLUMNS.items()})
