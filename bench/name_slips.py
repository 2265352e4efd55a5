"""Recall of consistency-spelling on name slips planted in real articles, and what planting adds.

Usage (from the project root, ``../shared`` beside it):

    python bench/name_slips.py              # recall per kind of slip, fit and held-out parts
    python bench/name_slips.py --show       # also the fit part's misses

For each real article of ``../shared/corpus/real`` (files listed in ``../shared/eval/reserved.txt``
never read), the name it uses most often, written the same way three times or more (a
capitalised word of five letters or more that is never in lower case and is not a word of a real
place, people or first name of the shipped gazetteer: a surname or an organisation), gets one
of its later occurrences misspelt, in one of six ways chosen by the article's hash: two
neighbouring letters swapped, a doubled letter undoubled, a letter doubled, a letter replaced by
a neighbour on the keyboard, a letter added, a letter dropped (never the first letter). A slip
that makes another word of the article is skipped. The slip counts as found when a
consistency-spelling finding on its line quotes it and suggests the name.

New findings: consistency-spelling findings on a planted article that the same article had not
before, other than the slip itself (a planted slip must not make the rule report something
else).

The split is by the SHA-256 of the article's path: first byte even = fit (read its misses with
``--show``), odd = held out (only counted).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from checker.text.gazetteer import real_words  # noqa: E402

RULE = "consistency-spelling"
KINDS = ("swap", "undouble", "double", "replace", "insert", "drop")
_WORD = regex.compile(r"\b\p{Lu}\p{Ll}{4,}\b")
#: Each letter's right-hand neighbour on the keyboard (the last of a row: its left-hand one).
_KEYBOARD = {c: n for row in ("qwertyuiop", "asdfghjkl", "zxcvbnm")
             for c, n in zip(row, row[1:] + row[-2], strict=True)}


def part_of(path: str) -> str:
    return "fit" if hashlib.sha256(path.encode()).digest()[0] % 2 == 0 else "held"


def reserved() -> set[str]:
    lines = (SHARED / "eval" / "reserved.txt").read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def slipped(name: str, kind: str) -> str | None:
    """``name`` with one slip of ``kind`` (never its first letter), or None when it has no place
    for one."""
    inner = range(1, len(name) - 1)
    if kind == "swap":
        spots = [i for i in inner if name[i] != name[i + 1]]
        i = spots[len(spots) // 2] if spots else None
        return None if i is None else name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    if kind == "undouble":
        spots = [i for i in range(1, len(name) - 1) if name[i] == name[i + 1]]
        return name[: spots[0]] + name[spots[0] + 1 :] if spots else None
    if kind == "double":
        spots = [i for i in inner if name[i] != name[i + 1] and name[i] != name[i - 1]]
        i = spots[len(spots) // 2] if spots else None
        return None if i is None else name[: i + 1] + name[i] + name[i + 1 :]
    if kind == "replace":
        spots = [i for i in inner if name[i] in _KEYBOARD]
        i = spots[len(spots) // 2] if spots else None
        return None if i is None else name[:i] + _KEYBOARD[name[i]] + name[i + 1 :]
    if kind == "insert":
        i = len(name) // 2
        extra = "e" if name[i - 1] != "e" and name[i] != "e" else "a"
        return name[:i] + extra + name[i:]
    if kind == "drop":
        spots = [i for i in inner if name[i] != name[i - 1]]
        i = spots[len(spots) // 2] if spots else None
        return None if i is None else name[:i] + name[i + 1 :]
    raise ValueError(kind)


def plant(text: str, path: str) -> tuple[str, str, str, int, str] | None:
    """(planted text, name, slip, line of the slip, kind) for one article, or None."""
    lowered = set(regex.findall(r"\b\p{Ll}+\b", text))
    counts = Counter(_WORD.findall(text))
    real = real_words()
    names = [n for n, c in counts.most_common() if c >= 3 and n.lower() not in lowered and n.lower() not in real]
    if not names:
        return None
    name = names[0]
    digest = hashlib.sha256(path.encode()).digest()
    kind = KINDS[digest[1] % len(KINDS)]
    slip = slipped(name, kind)
    words = set(regex.findall(r"\b\w+\b", text))
    if slip is None or slip == name or slip in words or slip.lower() in real:
        return None
    spots = [m.start() for m in regex.finditer(rf"\b{regex.escape(name)}\b", text)]
    at = spots[-1]  # the last mention: the name is established before it
    planted = text[:at] + slip + text[at + len(name) :]
    return planted, name, slip, text.count("\n", 0, at) + 1, kind


def findings(paths: list[Path]) -> dict[str, list[dict]]:
    if not paths:
        return {}
    result = subprocess.run([sys.executable, "-m", "checker", "--no-cache", "--no-config", "--select", RULE,
                             "--format", "json", *map(str, paths)], capture_output=True, text=True)
    return {entry["path"]: entry["findings"] for entry in json.loads(result.stdout)["files"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="list the fit part's misses")
    options = parser.parse_args()
    if not (SHARED / "corpus" / "real").is_dir():
        print(f"no corpus at {SHARED / 'corpus' / 'real'}", file=sys.stderr)
        return 2
    skip = reserved()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        cases = []
        for index, source in enumerate(sorted((SHARED / "corpus" / "real").rglob("*.txt"))):
            relative = source.relative_to(SHARED).as_posix()
            if relative in skip:
                continue
            text = source.read_text(encoding="utf-8", errors="replace")
            made = plant(text, relative)
            if made is None:
                continue
            planted, name, slip, line, kind = made
            (work / f"{index:05d}-before.txt").write_text(text, encoding="utf-8")
            (work / f"{index:05d}-after.txt").write_text(planted, encoding="utf-8")
            cases.append((index, relative, name, slip, line, kind))
        found = findings(sorted(work.iterdir()))
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    added: Counter[str] = Counter()
    misses = []
    for index, relative, name, slip, line, kind in cases:
        part = part_of(relative)
        after = found.get(str(work / f"{index:05d}-after.txt"), [])
        before = found.get(str(work / f"{index:05d}-before.txt"), [])
        hit = any(f["line"] == line and f["text"] == slip and name in f["suggestions"] for f in after)
        tally[(part, kind)][0] += hit
        tally[(part, kind)][1] += 1
        old = {(f["text"], tuple(f["suggestions"])) for f in before}
        added[part] += sum(1 for f in after if f["text"] != slip and (f["text"], tuple(f["suggestions"])) not in old)
        if not hit and part == "fit":
            misses.append(f"missed {relative}:{line} ({kind}) {slip} for {name}")
    for part in ("fit", "held"):
        rows = [(kind, tally[(part, kind)]) for kind in KINDS if tally[(part, kind)][1]]
        hits, total = sum(r[1][0] for r in rows), sum(r[1][1] for r in rows)
        print(f"{part}: recall {hits}/{total} = {hits / max(total, 1):.2f}; other new findings {added[part]}")
        for kind, (h, t) in rows:
            print(f"  {kind:<9} {h}/{t}")
    if options.show:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
