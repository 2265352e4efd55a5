"""The checker's own module-level patterns, kept compiled between runs.

The contradiction, date, parser and rule-kind modules build about eighty patterns when they
are imported (quantities, dates, sentence ends, ...). The ``regex`` module compiles in Python:
that was about 80 ms of a 0.25 s cold start, while unpickling a compiled pattern (its
compiled program) takes a fraction of a millisecond. ``compiled`` looks each pattern up in
one file in the user's cache folder, next to the rule snapshot and with the same trust (see
``checker.patterns.snapshot``), keyed by the pattern's text and flags exactly, in a file named by the
Python and ``regex`` versions; the patterns compiled afresh in a run are added when the
process exits, written atomically. ``CHECKER_NO_SNAPSHOT=1`` turns it off. A damaged,
unreadable or unwritable file only means a slower start.

For patterns fixed in the code only: a rule's patterns are in the rule snapshot.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import pickle
import sys
from pathlib import Path

import regex

from checker.cache.folders import user_cache_dir

#: Entries past which the file is started again rather than grown: the code's patterns are
#: fewer than this, so more means patterns of older code versions piling up.
MAX_ENTRIES = 1000

_Key = tuple[str, int]
_patterns: dict[_Key, regex.Pattern] | None = None
_file: Path | None = None  # where they are kept; None: not kept (read with the patterns)
_fresh = 0
#: How many patterns this process took from the file and how many it compiled (a pattern two
#: modules write alike is compiled once and counted once).
stats = {"loaded": 0, "compiled": 0}
_compiled_here: set[tuple[str, int]] = set()  # the patterns this process has counted


def compiled(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(pattern, flags)``, from the file of compiled patterns when it is there."""
    global _fresh
    known = _known()
    key = (pattern, int(flags))
    found = known.get(key)
    if found is not None:
        if key not in _compiled_here:
            _compiled_here.add(key)  # counted once, however many modules write it
            stats["loaded"] += 1
        return found
    found = regex.compile(pattern, flags)
    stats["compiled"] += 1
    _compiled_here.add(key)
    if _file is not None:
        if not _fresh:
            atexit.register(_save)
        _fresh += 1
        known[key] = found
    return found


def _path() -> Path | None:
    if os.environ.get("CHECKER_NO_SNAPSHOT"):
        return None
    versions = hashlib.sha256(f"{sys.version}\n{regex.__version__}".encode()).hexdigest()[:16]
    return user_cache_dir() / f"patterns-{versions}.pickle"


def _known() -> dict[_Key, regex.Pattern]:
    global _patterns, _file
    if _patterns is None:
        _file = _path()
        _patterns = _load(_file)
    return _patterns


def _load(path: Path | None) -> dict[_Key, regex.Pattern]:
    if path is None:
        return {}
    try:
        with open(path, "rb") as stream:
            loaded = pickle.load(stream)
    except Exception:  # missing, damaged or from another version: compiled afresh
        return {}
    if not isinstance(loaded, dict) or len(loaded) > MAX_ENTRIES:
        return {}
    found = {key: value for key, value in loaded.items() if isinstance(value, regex.Pattern)}
    return found


def _save() -> None:
    """Write the file with this run's new patterns (at exit; forked workers leave through
    ``os._exit`` and write nothing)."""
    path = _file
    if path is None or not _fresh or _patterns is None:
        return
    from checker.patterns.snapshot import write_pickle  # only when there is something to write

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_pickle(path, _patterns)
    except Exception:
        return
