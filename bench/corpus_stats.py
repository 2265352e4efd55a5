"""Findings per 1,000 words on a folder of real articles, per category and per rule.

Usage: python bench/corpus_stats.py [FOLDER] [--sample N]

Runs the checker once (JSON output) over every article under FOLDER (default
../shared/corpus/real), prints the rate of findings per 1,000 words, and with --sample
prints N random findings with their line, for reading by eye: false alarms on real
articles are what makes people switch a linter off.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
WORD = regex.compile(r"[\p{L}\p{N}]+")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "real"))
    parser.add_argument("--sample", type=int, default=0, help="print this many random findings")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--category", help="sample only this category")
    args = parser.parse_args()

    result = subprocess.run([sys.executable, "-m", "checker", "--format", "json", "--exit-zero", args.folder],
                            capture_output=True, text=True, check=False)
    report = json.loads(result.stdout)
    words = 0
    by_category: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    flagged_files = 0
    everything = []
    for entry in report["files"]:
        text = Path(entry["path"]).read_text(encoding="utf-8", errors="replace")
        words += len(WORD.findall(text))
        findings = entry["findings"]
        flagged_files += bool(findings)
        for finding in findings:
            by_category[finding["category"]] += 1
            by_rule[finding["rule"]] += 1
            everything.append((entry["path"], finding))
    total = sum(by_category.values())
    print(f"{len(report['files'])} articles, {words} words, {total} findings, "
          f"{total / words * 1000:.2f} per 1,000 words; {flagged_files} articles flagged")
    for name, counter in (("category", by_category), ("rule", by_rule)):
        print(f"\nper {name}:")
        for key, count in counter.most_common():
            print(f"  {key:40} {count:6}  {count / words * 1000:6.3f} per 1,000 words")
    if args.sample:
        pool = [item for item in everything if not args.category or item[1]["category"] == args.category]
        random.Random(args.seed).shuffle(pool)
        print(f"\n{min(args.sample, len(pool))} random findings:")
        for path, finding in pool[: args.sample]:
            print(f"- {Path(path).name}:{finding['line']} {finding['rule']}: {finding['text'][:100]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
