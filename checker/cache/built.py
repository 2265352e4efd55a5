"""Tables built from shipped data, kept between runs so that a fresh process reads them back
instead of building them again (the spinner-swap index: about 20 ms of a 3 KB article's
cold start, read back in about 6).

A table is kept with ``marshal`` (plain dicts, lists, tuples, strings, numbers, sets: what
these tables are made of; it reads back several times faster than ``pickle`` or JSON) in the
user's cache folder, which only that user can write: the same trust as the rules snapshot.
It is keyed by the Python version and by the path, size and modification time of every file
the table is built from (its data file and the module that builds it), so an edit of either
builds it afresh. ``CHECKER_NO_SNAPSHOT=1`` turns it off. A missing, damaged or stale file, a
value of another shape, or a folder that cannot be written only means the table is built as
before: what a run finds never depends on this file.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from checker.cache.codestamp import stamp_lines
from checker.cache.folders import user_cache_dir

VERSION = 1


def _key(sources: Sequence[Path]) -> str | None:
    digest = hashlib.sha256(f"{VERSION} {sys.version}\n".encode())
    try:
        for line in stamp_lines(sources):
            digest.update(line)
    except OSError:
        return None
    return digest.hexdigest()


def table_path(name: str) -> Path:
    """One file per table and Python version (marshal's format is the interpreter's own)."""
    python = hashlib.sha256(sys.version.encode()).hexdigest()[:12]
    return user_cache_dir() / f"{name}-{python}.marshal"


def load_or_build(name: str, sources: Sequence[Path], build: Callable[[], Any],
                  valid: Callable[[Any], bool]) -> Any:
    """``build()``, or what it returned for the same ``sources`` in an earlier run. ``valid``
    checks the shape of a value read back (anything else is built afresh)."""
    if os.environ.get("CHECKER_NO_SNAPSHOT"):
        return build()
    key = _key(sources)
    if key is None:
        return build()
    path = table_path(name)
    try:
        kept_key, value = marshal.loads(path.read_bytes())
        if kept_key == key and valid(value):
            return value
    except Exception:  # missing, damaged or of another shape: only a slower start
        pass
    value = build()
    _save(path, key, value)
    return value


def _save(path: Path, key: str, value: Any) -> None:
    """Written atomically (a reader sees the old file or the new one); any failure (a
    read-only home, a value marshal cannot write) leaves no file and costs only the build."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        data = marshal.dumps((key, value))
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except Exception:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
