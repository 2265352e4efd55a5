"""What code is running, as a hash: the checker's own modules and shipped data, and the
modules of loaded plugins and rule kinds, by path, size and modification time.

The results cache and the rules snapshot both key on it, so an edited checker (an editable
install keeps its version number) or plugin never serves results from the old code.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]


@functools.cache
def _package_files() -> tuple[Path, ...]:
    # The shipped data (the gazetteer, the furniture weights) decides findings as code does.
    return tuple(sorted([*PACKAGE.rglob("*.py"), *(PACKAGE / "data").glob("*.json")]))


def code_files(modules: Iterable[str] = ()) -> list[Path]:
    """The checker's modules, then the files of the named loaded modules outside it."""
    files = list(_package_files())
    for name in sorted(set(modules)):
        file = getattr(sys.modules.get(name), "__file__", None)
        if file and not Path(file).resolve().is_relative_to(PACKAGE):
            files.append(Path(file))
    return files


def stamp_lines(paths: Iterable[Path]) -> Iterable[bytes]:
    """One line per file: its path, size and modification time; ``FileNotFoundError``
    (an ``OSError``) when one has gone."""
    for path in paths:
        stat = path.stat()
        yield f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode("utf-8", "surrogatepass")
