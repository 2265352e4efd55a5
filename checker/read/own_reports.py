"""The checker's own reports (``-o FILE``), recognised so that a report written inside a checked
folder is never read as an article: not in the run that writes it, not in any later one.

A report is recognised by what the checker remembers, never by what the file says. A file
that merely looks like a report (an article that begins with a report's header) is checked
like any other, so an untrusted folder cannot hide an article from the gate by dressing it up
as a report. A run that writes a report records, in the user's cache folder, the file's
device and inode with the size and SHA-256 of what it wrote; a folder walk skips a file only
while it is that same file with that same content. A report edited since, or copied
elsewhere, is an article again. The record is a cache: deleting it is safe (reports found
then are checked as articles), and where it cannot be written nothing is skipped.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import time
from collections.abc import Iterable
from pathlib import Path

from checker.cache.folders import user_cache_dir

#: The record's file in the user's cache folder.
RECORD = "reports.json"
#: Reports remembered at most; past this the oldest are forgotten (and checked if found).
MAX_REPORTS = 1000


def record_path() -> Path:
    return user_cache_dir() / RECORD


def remember(path: str) -> None:
    """Record the report just written at ``path``. Best effort: a record that cannot be read
    or written costs only the skipping, never the run."""
    try:
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode):
            return  # -o /dev/stdout and the like: nothing a walk would find
        entry = {"device": status.st_dev, "inode": status.st_ino, "size": status.st_size,
                 "sha256": _digest(path), "written": time.time()}
        reports = _load()
        reports[os.path.realpath(path)] = entry
        if len(reports) > MAX_REPORTS:
            newest = sorted(reports.items(), key=lambda item: item[1]["written"])[-MAX_REPORTS:]
            reports = dict(newest)
        _save(reports)
    except (OSError, ValueError):
        pass


class OwnReports:
    """The reports a walk skips: those this run is about to write (``writing``: their paths,
    which exist if an earlier run wrote them) and those remembered, while unchanged."""

    def __init__(self, writing: Iterable[str] = ()) -> None:
        self.writing: set[tuple[int, int]] = set()
        for path in writing:
            with contextlib.suppress(OSError):
                status = os.stat(path)
                self.writing.add((status.st_dev, status.st_ino))
        self.remembered = {(entry["device"], entry["inode"]): entry for entry in _load().values()}

    def writes(self, path: str) -> bool:
        """Whether ``path`` is a file this run writes its report to."""
        try:
            status = os.stat(path)
        except OSError:
            return False
        return (status.st_dev, status.st_ino) in self.writing

    def holds(self, path: str, status: os.stat_result) -> bool:
        """Whether the file at ``path`` (whose ``os.stat`` is ``status``) is one of them."""
        identity = (status.st_dev, status.st_ino)
        if identity in self.writing:
            return True
        entry = self.remembered.get(identity)
        if entry is None or entry["size"] != status.st_size:
            return False
        try:
            return _digest(path) == entry["sha256"]
        except OSError:
            return False  # reading it again reports why


def _digest(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _load() -> dict[str, dict[str, object]]:
    """The remembered reports; none where the record is missing, damaged, or not this user's
    own (another user who could write it could make the walk skip an article)."""
    try:
        handle = os.open(record_path(), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return {}
    with os.fdopen(handle, "rb") as stream:
        status = os.fstat(stream.fileno())
        if hasattr(os, "getuid") and (status.st_uid != os.getuid() or status.st_mode & 0o022):
            return {}
        try:
            data = json.loads(stream.read())
        except (ValueError, OSError):
            return {}
    if not isinstance(data, dict):
        return {}
    fields = {"device": int, "inode": int, "size": int, "sha256": str, "written": (int, float)}
    return {path: entry for path, entry in data.items()
            if isinstance(entry, dict) and all(isinstance(entry.get(name), kind) for name, kind in fields.items())}


def _save(reports: dict[str, dict[str, object]]) -> None:
    path = record_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_name(f"{RECORD}.{os.getpid()}")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(reports, stream)
        os.replace(temporary, path)  # concurrent runs: the last one's record wins, whole
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
