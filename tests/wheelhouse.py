"""Build a local wheelhouse from the distributions installed in this interpreter.

pre-commit installs a hook's repository into a fresh virtual environment with pip. The
tests run without network, so pip is pointed at this folder (``PIP_NO_INDEX``,
``PIP_FIND_LINKS``): each installed distribution the checker needs to build and run is
packed back into a wheel from the files its RECORD lists.
"""

from __future__ import annotations

import importlib.metadata as metadata
import zipfile
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name


def closure(names: list[str]) -> list[metadata.Distribution]:
    """The installed distributions ``names`` need, themselves included."""
    seen: dict[str, metadata.Distribution] = {}
    pending = list(names)
    environment = default_environment()
    while pending:
        name = canonicalize_name(pending.pop())
        if name in seen:
            continue
        dist = metadata.distribution(name)
        seen[name] = dist
        for text in dist.requires or []:
            requirement = Requirement(text)
            if requirement.marker and not requirement.marker.evaluate({**environment, "extra": ""}):
                continue
            pending.append(requirement.name)
    return list(seen.values())


def repack(dist: metadata.Distribution, folder: Path) -> Path:
    tag = next(line.split(":", 1)[1].strip() for line in (dist.read_text("WHEEL") or "").splitlines()
               if line.startswith("Tag:"))
    name = canonicalize_name(dist.metadata["Name"]).replace("-", "_")
    target = folder / f"{name}-{dist.version}-{tag}.whl"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as wheel:
        for file in dist.files or []:
            if ".." in file.parts or "__pycache__" in file.parts or file.name == "direct_url.json":
                continue  # scripts outside site-packages are made again from entry points
            path = Path(file.locate())
            if path.is_file():
                wheel.write(path, file.as_posix())
    return target


def build(names: list[str], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [repack(dist, folder) for dist in closure(names)]
