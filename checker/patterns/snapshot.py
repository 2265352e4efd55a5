"""Compiled rules kept between runs, so a cold start does not compile every pattern again.

Loading the built-in pack means reading 36 YAML files and compiling a few hundred regular
expressions; the ``regex`` module compiles in Python, and that was two thirds of a cold
start. A compiled ``regex`` pattern pickles as its compiled program, so the loaded rules
are pickled once and later runs load them in about 2 ms.

The snapshot is keyed by everything that shapes the rules: the Python and ``regex``
versions, the checker's own code, each rule kind's module, and every rule file's path,
size and modification time. Any change means a fresh load (and a new snapshot). It is
written atomically to the user's cache folder (``~/.cache/checker``, or
``$XDG_CACHE_HOME``), which only that user can write: the same trust as the user's own
installed code. The folder keeps the newest ``KEEP`` snapshots. ``CHECKER_NO_SNAPSHOT=1``
turns it off. Rule files with errors are never snapshotted, so their errors are reported on
every run.

A rule keeps what the seam worked out when it compiled its patterns (``TimedPattern`` shapes,
backward patterns, pre-check literals), so a snapshot load does none of that again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import regex

from checker.cache.codestamp import code_files, stamp_lines
from checker.cache.folders import user_cache_dir

VERSION = 1
#: How many snapshots the cache folder keeps, this run's included.
KEEP = 8


def snapshot_path(files: Sequence[Path], kinds: dict[str, type]) -> Path | None:
    if os.environ.get("CHECKER_NO_SNAPSHOT"):
        return None
    digest = hashlib.sha256(f"{VERSION} {sys.version} {regex.__version__}\n".encode())
    for name, kind in sorted(kinds.items()):
        digest.update(f"{name}={kind.__module__}.{kind.__qualname__}\n".encode())
    try:
        for line in stamp_lines([*code_files(kind.__module__ for kind in kinds.values()), *files]):
            digest.update(line)
    except OSError:
        return None
    return user_cache_dir() / f"rules-{digest.hexdigest()[:32]}.pickle"


def load(path: Path | None) -> Any:
    if path is None:
        return None
    try:
        with open(path, "rb") as stream:
            return pickle.load(stream)
    except Exception:  # a damaged or stale snapshot is only a slower start
        return None


def save(path: Path | None, value: Any) -> None:
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        prune(path.parent, keep=path)
        write_pickle(path, value)
    except Exception:
        return


def prune(folder: Path, keep: Path) -> None:
    """Remove the snapshots of other rule sets that are a week old or beyond the newest
    ``KEEP - 1``: each edit of a rule file makes a new snapshot, and the old ones would
    otherwise pile up (a few hundred kilobytes each)."""
    others = []
    for old in folder.glob("rules-*.pickle"):
        if old != keep:
            try:
                others.append((old.stat().st_mtime, old))
            except OSError:
                continue  # removed by another run meanwhile
    others.sort(reverse=True)
    for index, (modified, old) in enumerate(others):
        if index >= KEEP - 1 or modified < _week_ago():
            old.unlink(missing_ok=True)


def write_pickle(path: Path, value: Any) -> None:
    """Pickle ``value`` to ``path`` atomically: a reader sees the old file or the new one."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        with open(temporary, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)  # a value that cannot be pickled leaves no litter
        raise


def _week_ago() -> float:
    return time.time() - 7 * 24 * 3600
