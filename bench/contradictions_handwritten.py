"""Score the contradiction rules on the hand-written set (bench/data/contradictions).

A contradiction counts as found when a finding of the contradiction category lies on the
labelled later line or on the earlier one (either statement of the pair names the problem);
a control counts as a false alarm when it gets any contradiction finding. Prints recall per
kind and the share of controls flagged, for the fit part (odd numbers of a/, b/, e/ and f/, and
all of d/, a second fit set), the held-out parts (even numbers of a/ and b/; even numbers of e/
and f/, "held-ef", written later by writers who saw no rule) and the fresh part (all of c/,
written by someone who saw neither the rules nor a/ and b/) separately: read and debug on the
fit part, report the held-out and fresh figures. ``--show`` lists the fit part's misses and false alarms only.

    python bench/contradictions_handwritten.py [--part fit|held|held-ef|fresh|all] [--show]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "contradictions"


PARTS = ("fit", "held", "held-ef", "fresh")


def part_of(name: str) -> str:
    if name.startswith("c"):
        return "fresh"
    if name.startswith("d"):
        return "fit"
    if name.startswith(("e", "f")):  # written after a/ to d/, by writers who saw no rule
        return "fit" if int(name[1:4]) % 2 else "held-ef"
    return "fit" if int(name[1:4]) % 2 else "held"


def labelled() -> list[tuple[Path, dict]]:
    items = []
    for folder in sorted(p for p in DATA.iterdir() if p.is_dir()):
        for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines():
            label = json.loads(line)
            items.append((folder / label["file"], label))
    return items


def contradiction_lines(paths: list[Path]) -> dict[str, list[tuple[int, str]]]:
    """Each file's contradiction findings as (line, rule)."""
    result = subprocess.run([sys.executable, "-m", "checker", "--no-cache", "-m", "contradiction", "--format", "json",
                             *map(str, paths)], capture_output=True, text=True)
    report = json.loads(result.stdout)
    return {entry["path"]: [(f["line"], f["rule"]) for f in entry["findings"] if f["category"] == "contradiction"]
            for entry in report["files"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=[*PARTS, "all"], default="all")
    parser.add_argument("--show", action="store_true", help="list the fit part's misses and false alarms")
    args = parser.parse_args()
    items = [(path, label) for path, label in labelled() if args.part in ("all", part_of(path.name))]
    findings = contradiction_lines([path for path, _ in items])
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    shown = []
    for path, label in items:
        found = findings.get(str(path), [])
        part = part_of(path.name)
        if label["kind"] == "control":
            tally[(part, "control")][0] += bool(found)
            tally[(part, "control")][1] += 1
            if found and part == "fit":
                shown.append(f"false alarm {path.name}: {found}")
            continue
        hit = any(line in (label["first"], label["second"]) for line, _ in found)
        tally[(part, label["kind"])][0] += hit
        tally[(part, label["kind"])][1] += 1
        if not hit and part == "fit":
            shown.append(f"missed {path.name} ({label['kind']}): {label['text']}")
    for part in PARTS:
        rows = sorted((kind, counts) for (p, kind), counts in tally.items() if p == part)
        if not rows:
            continue
        found = sum(c[0] for k, c in rows if k != "control")
        total = sum(c[1] for k, c in rows if k != "control")
        print(f"{part}: recall {found}/{total} = {found / max(total, 1):.2f}")
        for kind, (hits, count) in rows:
            label = "controls flagged" if kind == "control" else "found"
            print(f"  {kind:<11} {label} {hits}/{count}")
    if args.show:
        print("\n".join(shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
