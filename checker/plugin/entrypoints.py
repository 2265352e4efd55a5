"""Installed plugins (the ``checker`` entry-point group), found without a scan per run.

Finding entry points means reading the metadata of every installed distribution: about
15 ms with a few hundred packages, paid on every save in an editor. The answer only
changes when packages are installed or removed, which changes the modification time of
the folder they are installed in, so it is kept in a small file in the user's cache folder,
keyed by the interpreter and by each ``sys.path`` folder and its modification time (one
file per interpreter). Any change there, or an unreadable cache file, means a fresh scan.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.cache.folders import user_cache_dir

GROUP = "checker"


@dataclass(frozen=True)
class EntryPoint:
    name: str
    value: str

    def load(self) -> Any:
        module, _, attribute = self.value.partition(":")
        target: Any = importlib.import_module(module.strip())
        for part in attribute.strip().split(".") if attribute.strip() else []:
            target = getattr(target, part)
        return target


def cache_file() -> Path:
    """One file per interpreter: two environments (a project's and pre-commit's, say) that
    share the user's cache folder would otherwise replace each other's answer on every run."""
    interpreter = hashlib.sha256(f"{sys.executable}\0{sys.prefix}".encode("utf-8", "surrogatepass")).hexdigest()
    return user_cache_dir() / f"entry-points-{interpreter[:16]}.json"


def _signature() -> str:
    parts = [sys.executable, sys.version]
    for entry in sys.path:
        try:
            parts.append(f"{entry}\0{os.stat(entry or '.').st_mtime_ns}")
        except OSError:
            parts.append(f"{entry}\0-")
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _scan() -> list[EntryPoint]:
    from importlib.metadata import entry_points

    found = {ep.name: ep.value for ep in entry_points(group=GROUP)}  # the first on sys.path wins
    return [EntryPoint(name, value) for name, value in found.items()]


def checker_entry_points() -> list[EntryPoint]:
    """The ``checker`` entry points of the installed distributions."""
    path = cache_file()
    signature = _signature()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("signature") == signature:
            return [EntryPoint(str(name), str(value)) for name, value in data["entry_points"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    found = _scan()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        temporary.write_text(json.dumps({"signature": signature,
                                         "entry_points": [[ep.name, ep.value] for ep in found]}), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass  # a read-only home only costs the scan
    return found
