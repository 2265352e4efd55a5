"""Precision and recall of page furniture (boilerplate lines), per source, on labelled lines.

Usage (from the project root):

    python bench/furniture_eval.py            # fit parts (labels-a, -c, -d), held-out parts (labels-b, -e, -f)
    python bench/furniture_eval.py --show     # also the false alarms and misses of the fit parts

Three configurations are run through the command line, as a team runs the checker:

- phrase rules alone: the built-in pack without ``boilerplate-furniture`` (``--ignore``);
- the line model alone: ``boilerplate-furniture`` only (it leaves the lines a phrase rule
  flags to the phrase rules, so these are the lines it adds);
- both: every rule of the pack, ``boilerplate-furniture`` included (``--select '*'``).

A line counts as flagged when a finding of the boilerplate category starts on it. A line
labelled ``boilerplate`` is furniture; every other line (unlabelled, duplicate, ok-repeat)
is article text; ``unsure`` lines are left out. Findings and labels are matched by the line
number of the file as stored.

The fit parts (``labels-a.jsonl``, ``labels-c.jsonl`` and ``labels-d.jsonl``, 80 horne2017
articles labelled with care for captions; the first two with ``../shared/eval/dev.jsonl`` the
data ``bench/fit_furniture.py`` fits on) may be read line by line with ``--show``; the held-out
parts (``labels-b.jsonl``, and ``labels-e.jsonl``, 100 articles labelled after the rules of
December 2026 were written) are only counted, never shown. ``labels-f.jsonl`` (100 articles
labelled in the tenth session by labellers who saw neither the rules nor the other parts) is
for reporting only: no change is to be kept or dropped for what it does there, so that its
figures stay an estimate on articles no decision looked at.
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
LABELS = ROOT / "bench" / "data" / "lines"
PARTS = {"fit": ("fit (labels-a)", LABELS / "labels-a.jsonl"),
         "fit-c": ("fit (labels-c)", LABELS / "labels-c.jsonl"),
         "fit-d": ("fit (labels-d)", LABELS / "labels-d.jsonl"),
         "held-out": ("held out (labels-b)", LABELS / "labels-b.jsonl"),
         "held-e": ("held out (labels-e)", LABELS / "labels-e.jsonl"),
         "held-f": ("held out (labels-f, report only)", LABELS / "labels-f.jsonl")}
RULE = "boilerplate-furniture"
CONFIGURATIONS = {
    "phrase rules": ["--ignore", RULE],
    "line model": ["--select", RULE],
    "both": ["--select", "*"],
}


def flagged_lines(command: str, extra: list[str], paths: list[Path]) -> dict[str, dict[int, str]]:
    """Run the checker once over ``paths``: for each file, the lines a boilerplate finding
    starts on, with the rule that flagged each."""
    argv = [*shlex.split(command), "--no-cache", "--no-progress", "--exit-zero", "-f", "json", *extra,
            *map(str, paths)]
    result = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        sys.exit(f"the checker printed no JSON (exit {result.returncode}): {result.stderr[-500:]}")
    flagged: dict[str, dict[int, str]] = {}
    for file in report["files"]:
        lines = flagged.setdefault(str(Path(file["path"]).resolve()), {})
        for finding in file["findings"] or []:
            if finding["category"] == "boilerplate":
                lines.setdefault(finding["line"], finding["rule"])
    return flagged


def read_part(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def source_of(file: str) -> str:
    parts = Path(file).parts
    return parts[-2] if len(parts) >= 2 else "?"


def score(items: list[dict], flagged: dict[str, dict[int, str]]) -> tuple[dict[str, list[int]], list[str]]:
    """Per source, [true positives, findings, labelled furniture]; and, for reading, each
    false alarm and miss."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    notes = []
    for item in items:
        path = (SHARED / item["file"]).resolve()
        labels = {label["line"]: label for label in item["labels"]}
        lines = path.read_text(encoding="utf-8").split("\n")
        found = flagged.get(str(path), {})
        source = source_of(item["file"])
        for line, rule in sorted(found.items()):
            label = labels.get(line)
            if label is not None and label["category"] == "unsure":
                continue
            hit = label is not None and label["category"] == "boilerplate"
            counts[source][0] += hit
            counts[source][1] += 1
            if not hit:
                text = lines[line - 1] if line <= len(lines) else ""
                notes.append(f"FALSE ALARM {item['file']}:{line} {rule}: {text[:90]!r}")
        for line, label in sorted(labels.items()):
            if label["category"] != "boilerplate":
                continue
            counts[source][2] += 1
            if line not in found:
                note, text = label.get("note", ""), label.get("text", "")[:80]
                notes.append(f"MISSED      {item['file']}:{line} [{note}] {text!r}")
    return counts, notes


def row(name: str, tp: int, findings: int, labelled: int) -> str:
    precision = f"{tp / findings:.3f}" if findings else "  -  "
    recall = f"{tp / labelled:.3f}" if labelled else "  -  "
    return (f"  {name:<16} precision {precision}  recall {recall}  "
            f"({tp} of {findings} findings right, {labelled} labelled)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checker", default=f"{shlex.quote(sys.executable)} -m checker",
                        help="the command that runs the checker")
    parser.add_argument("--show", action="store_true", help="print the false alarms and misses of the fit part")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--part", choices=[*PARTS, "all"], default="all", help="which part to score")
    options = parser.parse_args()

    figures: dict[str, dict[str, dict[str, list[int]]]] = {}
    shown: dict[str, list[str]] = {}
    for key, (part, path) in PARTS.items():
        if options.part not in (key, "all"):
            continue
        items = read_part(path)
        paths = [SHARED / item["file"] for item in items]
        figures[part] = {}
        for configuration, extra in CONFIGURATIONS.items():
            counts, notes = score(items, flagged_lines(options.checker, extra, paths))
            figures[part][configuration] = dict(counts)
            if not key.startswith("held"):
                shown.setdefault(configuration, []).extend(notes)
    if options.json:
        print(json.dumps(figures, indent=1))
        return 0
    for part, configurations in figures.items():
        print(f"== {part}")
        for configuration, counts in configurations.items():
            print(f" {configuration}")
            total = [sum(values[index] for values in counts.values()) for index in range(3)]
            for source in sorted(counts):
                print(row(source, *counts[source]))
            print(row("all", *total))
    if options.show and shown:
        for configuration in ("line model", "both"):
            print(f"== fit (labels-a, -c, -d), {configuration}: false alarms and misses")
            for note in shown[configuration]:
                if configuration == "line model" and note.startswith("MISSED"):
                    continue  # the model's misses are the lines the phrase rules leave: see "both"
                print(note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
