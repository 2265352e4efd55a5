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
    """The installed distributions ``names`` need, themselves included, and those the extras
    they ask of each other need (``lxml[html_clean]``)."""
    seen: dict[str, metadata.Distribution] = {}
    done: set[tuple[str, str]] = set()
    pending = [(name, "") for name in names]
    environment = default_environment()
    while pending:
        name, extra = pending.pop()
        name = canonicalize_name(name)
        if (name, extra) in done:
            continue
        done.add((name, extra))
        dist = seen.setdefault(name, metadata.distribution(name))
        for text in dist.requires or []:
            requirement = Requirement(text)
            if requirement.marker and not requirement.marker.evaluate({**environment, "extra": extra}):
                continue
            if extra and not requirement.marker:
                continue  # needed without the extra: already followed
            pending += [(requirement.name, ""), *((requirement.name, wanted) for wanted in requirement.extras)]
    return list(seen.values())


def repack(dist: metadata.Distribution, folder: Path) -> Path:
    tags = [line.split(":", 1)[1].strip().split("-") for line in (dist.read_text("WHEEL") or "").splitlines()
            if line.startswith("Tag:")]
    # A wheel built for several tags (py2-none-any and py3-none-any) names them all: py2.py3-none-any.
    tag = "-".join(".".join(dict.fromkeys(part[index] for part in tags)) for index in range(3))
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
