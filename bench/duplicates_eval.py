"""Precision and recall of the duplicate rules on labelled lines, fit and held-out parts apart.

Usage (from the project root, ``../shared`` beside it):

    python bench/duplicates_eval.py          # both parts
    python bench/duplicates_eval.py --show   # also the fit part's false alarms and misses

Labels: ``bench/data/lines/labels-a.jsonl`` and ``labels-c.jsonl`` (fit: read and debug on them) and ``labels-b.jsonl``
(held out: scores only), 75 real articles each (see that folder's README). A line labelled
``duplicate`` is a repeat to remove (the later occurrence); a line labelled ``ok-repeat`` is a
repeat the writer meant (a quotation repeated on purpose) and, like every other line, is not one.
A finding of the ``duplicate`` category counts on the line it starts on; ``unsure`` lines are
left out. A repeat of page furniture (a share prompt printed twice) is the boilerplate rules' to
report, so a duplicate finding on a line labelled ``boilerplate`` is neither right nor wrong.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
LABELS = ROOT / "bench" / "data" / "lines"
#: labels-c labels duplicates where its labeller saw them (furniture was the point there): a second
#: fit part whose false alarms may be repeats nobody labelled, to read rather than to count on.
PARTS = {"fit": LABELS / "labels-a.jsonl", "fit-c": LABELS / "labels-c.jsonl", "held-out": LABELS / "labels-b.jsonl",
         "held-e": LABELS / "labels-e.jsonl", "held-f": LABELS / "labels-f.jsonl"}


def flagged(paths: list[Path]) -> dict[str, dict[int, str]]:
    argv = [sys.executable, "-m", "checker", "--no-cache", "--no-progress", "--exit-zero", "-f", "json",
            *map(str, paths)]
    report = json.loads(subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, check=False).stdout)
    lines: dict[str, dict[int, str]] = {}
    for file in report["files"]:
        found = lines.setdefault(str(Path(file["path"]).resolve()), {})
        for finding in file["findings"] or []:
            if finding["category"] == "duplicate":
                found.setdefault(finding["line"], finding["rule"])
    return lines


def score(path: Path) -> tuple[int, int, int, list[str]]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    found_by_file = flagged([SHARED / item["file"] for item in items])
    right = findings = labelled = 0
    notes = []
    for item in items:
        file = (SHARED / item["file"]).resolve()
        labels = {label["line"]: label for label in item["labels"]}
        text = file.read_text(encoding="utf-8").split("\n")
        found = found_by_file.get(str(file), {})
        for line, rule in sorted(found.items()):
            category = labels[line]["category"] if line in labels else "text"
            if category in ("unsure", "boilerplate"):
                continue
            findings += 1
            right += category == "duplicate"
            if category != "duplicate":
                notes.append(f"FALSE ALARM {item['file']}:{line} {rule} [{category}]: {text[line - 1][:90]!r}")
        for line, label in sorted(labels.items()):
            if label["category"] == "duplicate":
                labelled += 1
                if line not in found:
                    notes.append(f"MISSED      {item['file']}:{line} [{label.get('note', '')}] "
                                 f"{label.get('text', '')[:80]!r}")
    return right, findings, labelled, notes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", action="store_true", help="list the fit part's false alarms and misses")
    options = parser.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} is missing: the labels point at its articles")
    for part, path in PARTS.items():
        right, findings, labelled, notes = score(path)
        precision = f"{right / findings:.3f}" if findings else "-"
        recall = f"{right / labelled:.3f}" if labelled else "-"
        print(f"{part:<9} precision {precision} recall {recall} ({right} of {findings} findings right, "
              f"{labelled} labelled)")
        if options.show and part.startswith("fit"):
            print("\n".join(notes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
