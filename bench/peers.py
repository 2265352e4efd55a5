"""Side-by-side speed of checker and the peer prose linters, measured in the same run.

Usage: python bench/peers.py [--articles N] [--repeat R] [--peers DIR] [--records N] [--json FILE]
                             [--venv DIR]

Peers are installed by ../shared/bench/install-peers.sh under /tmp/peers (proselint in a
virtual environment; textlint with its common rules, write-good and alex under node/). A
peer that is not installed is skipped and said so. Each time is the median of --repeat
runs, each run a fresh process (what a user waits for); the runs go in rounds, every tool
once per round, so that a slow spell of a shared machine does not fall on one tool only:

- cold: one small article (what an editor or pre-commit pays per save);
- batch: N real articles from ../shared/corpus/real (an archive audit); the checker as a user
  runs it (a batch in one worker process per CPU), in one process (-j 1) and with -j 2; peak
  memory is the largest process's resident set;
- large: one 1 MB article made by joining corpus articles (where non-linear rules show);
- scaling: the checker alone, in one process, on articles of 1 KB to 1 MB;
- records: a JSON Lines file of --records short records (100,000 by default), its peak memory.

The checker runs with --no-cache, so every run checks every article, from byte-compiled
modules (as an installed wheel runs; the peers' installs are byte-compiled too). With --venv
it runs as installed by pip in a virtual environment of its own, as proselint does here: the
Python running this script may load site-packages start-up files (``.pth``) that cost every
process of it tens of milliseconds no peer pays. Ratios are peer time /
checker time (the default run's; the batch also against the checker in one process): above 1
means checker is faster. The tools do different work (checker's
duplicate, consistency and contradiction rules compare every part of an article with the
rest; the peers' rules look at words and phrases), so the ratio is what a user waits, not a
like-for-like count of operations.
"""

from __future__ import annotations

import argparse
import compileall
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


sys.path.insert(0, str(ROOT))
from checker.config.settings import available_cpus  # noqa: E402
from checker.engine.parallel import CHUNK  # noqa: E402

CHECKER_ARGS = ["-m", "checker", "-q", "--exit-zero", "--no-cache", "--no-progress"]


def installed_python(venv: Path) -> str:
    """The Python of a virtual environment holding the checker installed from this tree, as a
    user's ``pip install`` leaves it (made when missing, the checker reinstalled every run):
    its start-up pays only for what the checker needs, as the peers' own environments do."""
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(ROOT)],
                   check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                    "--force-reinstall", "--no-deps", str(ROOT)], check=True)
    return str(python)


def commands(peers: Path, checker: list[str]) -> dict[str, list[str] | None]:
    proselint = peers / "venv" / "bin" / "proselint"
    bin_dir = peers / "node" / "node_modules" / ".bin"
    textlint, write_good, alex = bin_dir / "textlint", bin_dir / "write-good", bin_dir / "alex"
    return {
        "checker": checker,  # as a user runs it: a batch in one worker per CPU
        "checker -j 1": [*checker, "-j", "1"],  # one process
        "checker -j 2": [*checker, "-j", "2"],
        "proselint": [str(proselint), "check"] if proselint.exists() else None,
        "textlint": ([str(textlint), "--config", str(peers / "node" / ".textlintrc.json")]
                     if textlint.exists() else None),
        "write-good": [str(write_good)] if write_good.exists() else None,
        "alex": [str(alex)] if alex.exists() else None,
    }


_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "subprocess.run(sys.argv[2:], cwd=sys.argv[1], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def measured(argv: list[str], cwd: Path) -> tuple[float, float]:
    """Seconds and peak resident memory (MB, the largest process) of one fresh run."""
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(cwd), *argv], capture_output=True, text=True,
                         check=True).stdout.split()
    return float(out[0]), int(out[1]) / 1024


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


def scaling(workdir: Path, articles: list[Path]) -> list[tuple[int, float]]:
    """The checker in one process on articles of 1 KB to 1 MB: seconds per size."""
    from checker.cli import open_session

    _, session = open_session(["--no-cache", "-q", "x"], workdir)
    bodies = [p.read_text(encoding="utf-8", errors="replace").split("\n\n", 1)[-1] for p in articles]
    text = "\n\n".join(bodies)
    rows = []
    for size in (1_000, 10_000, 100_000, 1_000_000):
        cut = text[:size].rsplit("\n\n", 1)[0] if size < len(text) else text
        article = "Title: Joined articles\n\n" + cut
        start = time.perf_counter()
        session.check_text(f"{size}.txt", article)
        rows.append((len(article), time.perf_counter() - start))
    return rows


def records_file(path: Path, count: int, articles: list[Path]) -> None:
    """``count`` short records (a headline and two short paragraphs) cycled from the corpus."""
    samples = []
    for article in articles[:500]:
        text = article.read_text(encoding="utf-8", errors="replace")
        paragraphs = [p.strip() for p in text.split("\n\n") if len(p.strip()) > 40][:3]
        if len(paragraphs) == 3:
            samples.append({"title": paragraphs[0][:120], "body": "\n\n".join(p[:300] for p in paragraphs[1:])})
    with path.open("w", encoding="utf-8") as stream:
        for index in range(count):
            stream.write(json.dumps({"id": index, **samples[index % len(samples)]}) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--records", type=int, default=100_000, help="records in the JSON Lines test (0: skip)")
    parser.add_argument("--peers", type=Path, default=Path("/tmp/peers"))
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--venv", type=Path,
                        help="run the checker installed in this virtual environment (made when missing) "
                             "instead of from this checkout with this Python")
    args = parser.parse_args()
    checker = [installed_python(args.venv) if args.venv is not None else sys.executable, *CHECKER_ARGS]

    # Byte-compile the checker as pip does when it installs the wheel (the peers were installed
    # so): a checkout run with PYTHONDONTWRITEBYTECODE would compile every module at each start.
    compileall.compile_dir(ROOT / "checker", quiet=1)
    tools = commands(args.peers, checker)
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        small, batch, large = prepare(workdir, args.articles)
        total_kb = sum(p.stat().st_size for p in batch) / 1024
        print(f"cold: 1 article ({small.stat().st_size} bytes); batch: {len(batch)} articles ({total_kb:.0f} KB); "
              f"large: 1 article ({large.stat().st_size / 1e6:.1f} MB); median of {args.repeat}", flush=True)
        installed = {}
        for name, argv in tools.items():
            if argv is None:
                print(f"{name}: not installed under {args.peers}, skipped (run ../shared/bench/install-peers.sh)")
            else:
                installed[name] = argv
        # Rounds: each tool runs once per round, so a slow spell of the machine falls on all
        # of them alike instead of on whichever tool happened to be running.
        runs: dict[str, dict[str, list[tuple[float, float]]]] = {
            name: {"cold": [], "batch": [], "large": []} for name in installed}
        for _ in range(args.repeat):
            for name, argv in installed.items():
                cwd = args.peers / "node" if name == "textlint" else workdir
                for key, inputs in (("cold", [small]), ("batch", batch), ("large", [large])):
                    runs[name][key].append(measured([*argv, *map(str, inputs)], cwd))
        for name, measured_runs in runs.items():
            times = {key: statistics.median(t for t, _ in values) for key, values in measured_runs.items()}
            results[name] = {**times, "batch_mb": max(m for _, m in measured_runs["batch"]),
                             "large_mb": max(m for _, m in measured_runs["large"])}
            print(f"  {name}: cold {times['cold']:.3f}s, batch {times['batch']:.2f}s, large {times['large']:.2f}s",
                  flush=True)
        sizes = scaling(workdir, batch)
        jsonl = None
        if args.records:
            dump = workdir / "records.jsonl"
            records_file(dump, args.records, batch)
            seconds, memory = measured([*checker, "-j", "2", "-f", "json", "-o", str(workdir / "out.json"),
                                        str(dump)], workdir)
            jsonl = {"records": args.records, "seconds": seconds, "peak_mb": memory,
                     "file_mb": dump.stat().st_size / 1e6}
    base, serial = results["checker"], results["checker -j 1"]
    print(f"\nthe checker's default run used {min(available_cpus(), -(-len(batch) // CHUNK))} worker processes "
          f"for the batch (one per CPU) and one process for a single article")
    print("\n| tool | cold (s) | batch (s) | articles/s | peak MB (batch) | large 1 MB (s) "
          "| ratio cold | ratio batch | ratio batch, one process | ratio large |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, times in results.items():
        rate = len(batch) / times["batch"]
        ratios = [f"{times[k] / base[k]:.2f}" for k in ("cold", "batch")]
        ratios += [f"{times['batch'] / serial['batch']:.2f}", f"{times['large'] / base['large']:.2f}"]
        print(f"| {name} | {times['cold']:.3f} | {times['batch']:.2f} | {rate:.0f} | {times['batch_mb']:.0f} "
              f"| {times['large']:.2f} | {' | '.join(ratios)} |")
    for name in ("checker", "checker -j 2"):
        print(f"\n{name} speed-up over one process (batch): {serial['batch'] / results[name]['batch']:.2f}x")
    print("\nscaling, one process (size -> seconds, ms per KB):")
    for size, seconds in sizes:
        print(f"  {size / 1000:8.0f} KB  {seconds:7.3f} s  {seconds * 1000 / (size / 1000):6.2f} ms/KB")
    if jsonl:
        print(f"\nJSON Lines: {jsonl['records']} records ({jsonl['file_mb']:.0f} MB), -j 2: {jsonl['seconds']:.1f} s, "
              f"peak memory {jsonl['peak_mb']:.0f} MB")
    if args.json:
        args.json.write_text(json.dumps({"articles": len(batch), "results": results, "scaling": sizes,
                                         "jsonl": jsonl}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
