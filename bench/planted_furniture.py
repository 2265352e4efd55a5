"""Furniture from a vocabulary nobody tuned on, planted in real articles: how much is found.

Usage (from the project root):

    python bench/planted_furniture.py                 # the held-out vocabulary, printed
    python bench/planted_furniture.py --json out.json # and the figures as JSON

The vocabulary, ``bench/data/planted/vocabulary.jsonl``, is invented page furniture of every
sort the boilerplate rules are for (link lists with and without a label, captions, credits,
bylines, datelines, sign-offs, author boxes, disclaimers, player and widget residue, share
counters, button labels, app prompts, navigation, comment prompts, advert markers): one unit a
line, ``{"sort": ..., "where": "before" | "middle" | "after", "lines": [...]}``. A unit is in
the fit vocabulary when the first byte of the SHA-256 of its first line is even, else in the
held-out vocabulary. ``bench/fit_furniture.py`` fits on the fit vocabulary planted in the fit
articles; this script reports on the held-out vocabulary planted in articles of
``../shared/corpus/real`` that no labelled part holds (not reserved, not in ``labels-a``,
``labels-b``, ``labels-c`` or ``dev.jsonl``).

Planting: each unit goes into ``--hosts`` articles drawn at random (seed 27), where it says:
``before`` right below the header, ``after`` below the last line, ``middle`` at a paragraph
break between a third and two thirds of the body. Its lines are paragraphs of their own, or,
one time in four, lines of one paragraph (as some scrapes glue them).

Figures, per configuration (the pack as it ships; every rule, ``--select '*'``): recall of the
planted lines (a planted line is found when a finding of the ``boilerplate`` category starts on
it), per sort; and the lines of the host article flagged in the planted copy but not in the
article as it was: false alarms the planting caused.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shlex
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
VOCABULARY = ROOT / "bench" / "data" / "planted" / "vocabulary.jsonl"
LABELS = ROOT / "bench" / "data" / "lines"
LABELLED = [LABELS / "labels-a.jsonl", LABELS / "labels-b.jsonl", LABELS / "labels-c.jsonl",
            LABELS / "labels-f.jsonl", SHARED / "eval" / "dev.jsonl"]
RESERVED = SHARED / "eval" / "reserved.txt"
CATEGORY = "boilerplate"
SEED = 27
GLUED = 0.25  # the share of units whose lines are planted as one paragraph
CONFIGURATIONS = {"pack as shipped": [], "every rule": ["--select", "*"]}


@dataclass(frozen=True)
class Unit:
    sort: str
    where: str
    lines: tuple[str, ...]

    @property
    def part(self) -> str:
        return "fit" if hashlib.sha256(self.lines[0].encode("utf-8")).digest()[0] % 2 == 0 else "held-out"


@dataclass(frozen=True)
class Planted:
    """An article with a unit planted in it: its text, the 1-based numbers of the planted
    lines, and for each other line its number in the host article."""

    name: str
    host: str
    unit: Unit
    text: str
    planted: tuple[int, ...]
    original: dict[int, int]


def vocabulary(part: str) -> list[Unit]:
    units = []
    for number, raw in enumerate(VOCABULARY.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        item = json.loads(raw)
        if item.get("where") not in ("before", "middle", "after") or not item.get("lines"):
            sys.exit(f"{VOCABULARY}:{number}: a unit needs 'where' (before, middle, after) and 'lines'")
        units.append(Unit(item.get("sort", "other"), item["where"], tuple(item["lines"])))
    return [unit for unit in units if unit.part == part]


def _files(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    return {json.loads(line)["file"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def reserved() -> set[str]:
    if not RESERVED.is_file():
        return set()
    return {line.strip() for line in RESERVED.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def unlabelled_hosts() -> list[str]:
    """Articles of ``corpus/real`` no labelled part holds and not reserved (as paths under
    ``../shared``)."""
    refused = reserved().union(*(_files(path) for path in LABELLED))
    folder = SHARED / "corpus" / "real"
    names = sorted(f"corpus/real/{path.parent.name}/{path.name}" for path in folder.glob("*/*.txt"))
    return [name for name in names if name not in refused]


def plant(text: str, unit: Unit, rng: random.Random) -> tuple[str, tuple[int, ...], dict[int, int]]:
    """``text`` with ``unit`` planted where it says; the planted line numbers and the map
    of the other lines to their numbers in ``text``."""
    header, _, body = text.partition("\n\n")
    header_lines = [*header.split("\n"), ""]
    body_lines = body.rstrip("\n").split("\n")
    glued = rng.random() < GLUED
    block = list(unit.lines) if glued else [line for item in unit.lines for line in (item, "")][:-1]
    if unit.where == "before":
        at = 0
        block = [*block, ""]
    elif unit.where == "after":
        at = len(body_lines)
        block = ["", *block]
    else:
        breaks = [index for index in range(1, len(body_lines)) if not body_lines[index - 1].strip()]
        middle = [index for index in breaks if len(body_lines) / 3 <= index <= 2 * len(body_lines) / 3]
        at = rng.choice(middle or breaks or [len(body_lines)])
        block = [*block, ""]
    lines = header_lines + body_lines[:at] + block + body_lines[at:]
    offset = len(header_lines) + at
    planted = tuple(offset + index + 1 for index, line in enumerate(block) if line)
    original = {}
    for index in range(len(lines)):
        if offset <= index < offset + len(block):
            continue
        original[index + 1] = index + 1 if index < offset else index + 1 - len(block)
    return "\n".join(lines) + "\n", planted, original


def planted_articles(units: list[Unit], hosts: list[str], per_unit: int, seed: int = SEED) -> Iterator[Planted]:
    """Each unit planted in ``per_unit`` hosts drawn at random."""
    rng = random.Random(seed)
    for number, unit in enumerate(units):
        for host in rng.sample(hosts, min(per_unit, len(hosts))):
            text = (SHARED / host).read_text(encoding="utf-8")
            new, planted, original = plant(text, unit, rng)
            name = f"{number:03d}-{Path(host).stem}.txt"
            yield Planted(name, host, unit, new, planted, original)


def flagged_lines(command: list[str], extra: list[str], paths: list[Path]) -> dict[str, set[int]]:
    argv = [*command, "--no-cache", "--no-progress", "--exit-zero", "-f", "json", *extra, *map(str, paths)]
    result = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        sys.exit(f"the checker printed no JSON (exit {result.returncode}): {result.stderr[-500:]}")
    flagged: dict[str, set[int]] = {}
    for file in report["files"]:
        lines = flagged.setdefault(str(Path(file["path"]).resolve()), set())
        lines.update(finding["line"] for finding in file["findings"] or [] if finding["category"] == CATEGORY)
    return flagged


def measure(command: list[str], extra: list[str], articles: list[Planted], folder: Path) -> dict:
    paths = [folder / article.name for article in articles]
    hosts = sorted({article.host for article in articles})
    found = flagged_lines(command, extra, paths)
    before = flagged_lines(command, extra, [SHARED / host for host in hosts])
    by_sort: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    caused = 0
    caused_lines = []
    for article, path in zip(articles, paths, strict=True):
        flagged = found.get(str(path.resolve()), set())
        was = before.get(str((SHARED / article.host).resolve()), set())
        for line in article.planted:
            by_sort[article.unit.sort][0] += line in flagged
            by_sort[article.unit.sort][1] += 1
        for line in flagged - set(article.planted):
            if article.original.get(line) not in was:
                caused += 1
                caused_lines.append(f"{article.name}:{line}")
    hit = sum(value[0] for value in by_sort.values())
    total = sum(value[1] for value in by_sort.values())
    return {"recall": hit / total if total else None, "found": hit, "planted": total, "caused_false_alarms": caused,
            "by_sort": {sort: {"found": value[0], "planted": value[1]} for sort, value in sorted(by_sort.items())}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checker", default=f"{shlex.quote(sys.executable)} -m checker",
                        help="the command that runs the checker")
    parser.add_argument("--hosts", type=int, default=4, help="articles each unit is planted in")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the figures to FILE")
    options = parser.parse_args()

    units = vocabulary("held-out")
    hosts = unlabelled_hosts()
    articles = list(planted_articles(units, hosts, options.hosts))
    print(f"held-out vocabulary: {len(units)} units, {sum(len(unit.lines) for unit in units)} lines "
          f"(of {len(units) + len(vocabulary('fit'))} units); planted {options.hosts} times each in "
          f"{len({article.host for article in articles})} of {len(hosts)} unlabelled real articles")
    figures = {}
    with tempfile.TemporaryDirectory(prefix="checker-planted-") as temporary:
        folder = Path(temporary)
        for article in articles:
            (folder / article.name).write_text(article.text, encoding="utf-8")
        command = shlex.split(options.checker)
        for configuration, extra in CONFIGURATIONS.items():
            figures[configuration] = result = measure(command, extra, articles, folder)
            print(f"== {configuration}: recall {result['recall']:.3f} ({result['found']} of {result['planted']} "
                  f"planted lines); host lines newly flagged: {result['caused_false_alarms']}")
            for sort, value in result["by_sort"].items():
                print(f"  {sort:<12} {value['found']:>3} of {value['planted']:>3}")
    if options.json:
        options.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
