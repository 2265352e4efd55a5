"""Side-by-side speed of checker and the peer prose linters, measured in the same run.

Usage: python bench/peers.py [--articles N] [--repeat R] [--peers DIR] [--json FILE]

Peers are installed by ../shared/bench/install-peers.sh under /tmp/peers (proselint in a
virtual environment, textlint with its common rules under node/). A peer that is not
installed is skipped and said so. Three measurements, each the median of --repeat runs:

- cold: one small article, a fresh process (what an editor or pre-commit pays per save);
- batch: N real articles from ../shared/corpus/real in one process (an archive audit);
- large: one 1 MB article made by joining corpus articles (where non-linear rules show).

Ratios are peer time / checker time: above 1 means checker is faster. The tools do different
work (checker's duplicate and consistency rules compare every part of an article with the
rest; the peers' rules look at words and phrases), so the ratio is what a user waits, not
a like-for-like count of operations.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def commands(peers: Path) -> dict[str, list[str] | None]:
    proselint = peers / "venv" / "bin" / "proselint"
    textlint = peers / "node" / "node_modules" / ".bin" / "textlint"
    return {
        "checker": [sys.executable, "-m", "checker", "-q", "--exit-zero"],
        "proselint": [str(proselint), "check"] if proselint.exists() else None,
        "textlint": ([str(textlint), "--config", str(peers / "node" / ".textlintrc.json")]
                     if textlint.exists() else None),
    }


def timed(argv: list[str], cwd: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def prepare(workdir: Path, count: int) -> tuple[Path, list[Path], Path]:
    articles = sorted(CORPUS.rglob("*.txt"))[:count]
    batch = workdir / "batch"
    batch.mkdir()
    copies = []
    for index, path in enumerate(articles):
        copy = batch / f"{index:05d}-{path.name}"
        shutil.copyfile(path, copy)
        copies.append(copy)
    small = min(copies, key=lambda p: abs(p.stat().st_size - 3000))
    parts, size = [], 0
    for path in articles:
        body = path.read_text(encoding="utf-8", errors="replace").split("\n\n", 1)[-1]
        parts.append(body)
        size += len(body)
        if size >= 1_000_000:
            break
    large = workdir / "large.txt"
    large.write_text("Title: Joined articles\n\n" + "\n\n".join(parts), encoding="utf-8")
    return small, copies, large


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--peers", type=Path, default=Path("/tmp/peers"))
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    tools = commands(args.peers)
    results: dict[str, dict[str, float | None]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        small, batch, large = prepare(workdir, args.articles)
        total_kb = sum(p.stat().st_size for p in batch) / 1024
        print(f"cold: 1 article ({small.stat().st_size} bytes); batch: {len(batch)} articles ({total_kb:.0f} KB); "
              f"large: 1 article ({large.stat().st_size / 1e6:.1f} MB); median of {args.repeat}")
        for name, argv in tools.items():
            if argv is None:
                print(f"{name}: not installed under {args.peers}, skipped (run ../shared/bench/install-peers.sh)")
                continue
            cwd = args.peers / "node" if name == "textlint" else workdir
            results[name] = {
                "cold": timed([*argv, str(small)], cwd, args.repeat),
                "batch": timed([*argv, *map(str, batch)], cwd, args.repeat),
                "large": timed([*argv, str(large)], cwd, args.repeat),
            }
    base = results["checker"]
    print("\n| tool | cold (s) | batch (s) | articles/s | large 1 MB (s) | ratio cold | ratio batch | ratio large |")
    print("|---|---|---|---|---|---|---|---|")
    for name, times in results.items():
        rate = len(batch) / times["batch"]
        ratios = " | ".join(f"{times[k] / base[k]:.2f}" for k in ("cold", "batch", "large"))
        print(f"| {name} | {times['cold']:.3f} | {times['batch']:.2f} | {rate:.0f} | {times['large']:.2f} | {ratios} |")
    if args.json:
        args.json.write_text(json.dumps({"articles": len(batch), "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
