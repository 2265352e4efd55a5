"""Wall time and peak memory of ``checker learn-furniture`` as an archive grows: synthetic
JSON Lines archives of short articles, each with a few furniture lines of its site among
varied prose, at several sizes. Peak memory should stay about flat as the articles grow
(the learner's table has a fixed capacity); time grows with the articles (two passes).

Usage: python bench/learn_furniture.py [--sizes 10000,100000,1000000] [--sites 20] [--keep DIR]

The archives are generated here (nothing is read from ``../shared``) and streamed to a file
a record at a time. The figures are for the docs (``docs/learn-furniture.md``), never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bounds import peak_kb

ROOT = Path(__file__).resolve().parent.parent
SUBJECTS = ["the council", "the harbour board", "the school trust", "the rail operator", "the museum", "the clinic",
            "the water company", "the cycling club", "the orchestra", "the fire service", "the county court"]
VERBS = ["approved", "delayed", "questioned", "announced", "rejected", "reviewed", "funded", "postponed", "opened"]
OBJECTS = ["a new budget", "the spring timetable", "plans for a bridge", "a survey of residents", "its annual report",
           "repairs to the pier", "a study of flooding", "the sale of a depot", "a pilot scheme", "longer hours"]
PLACES = ["Ashford", "Brindle", "Carrow", "Dunmere", "Elsby", "Fenwick", "Garston", "Holbeck", "Irnham", "Jessop"]
FURNITURE_SHAPES = ["Photo {n} of {m}", "Follow {site} on social media", "{SITE} | News you can use",
                    "Most read on {site}", "Sign up for the {site} newsletter", "Image courtesy of {site} readers",
                    "Listen: {site} podcast",
                    "Editors' picks", "Advertisement {n}", "Watch video {n}:{m}", "Share {n} Comments {m}"]


def sentence(rng: random.Random) -> str:
    return (f"{rng.choice(SUBJECTS).capitalize()} in {rng.choice(PLACES)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
            f"on {rng.choice(['Monday', 'Tuesday', 'Friday'])}, after {rng.randint(2, 900)} people wrote to "
            f"{rng.choice(SUBJECTS)} about {rng.choice(OBJECTS)}.")


def records(count: int, sites: int, seed: int = 7) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    names = [f"site{number}.example" for number in range(sites)]
    shapes = {name: rng.sample(FURNITURE_SHAPES, 4) for name in names}
    for index in range(count):
        site = names[index % sites]
        furniture = [shape.format(n=rng.randint(1, 40), m=rng.randint(1, 60), site=site.split(".")[0].title(),
                                  SITE=site.upper()) for shape in shapes[site] if rng.random() < 0.8]
        body = [furniture[0]] if furniture else []
        body += [sentence(rng) for _ in range(rng.randint(3, 6))]
        body.append(f"Notes {rng.randint(1, 10**9):x} {rng.choice(PLACES)} {rng.choice(OBJECTS)}")  # a line of its own
        body += furniture[1:]
        yield {"id": str(index), "url": f"https://www.{site}/{index}", "title": f"Story {index}",
               "body": "\n\n".join(body)}


def write_archive(path: Path, count: int, sites: int) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for record in records(count, sites):
            handle.write(json.dumps(record) + "\n")


def run(archive: Path, output: Path) -> tuple[float, float, int]:
    """Seconds, peak resident MB of the learning process, and its exit code."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "checker", "learn-furniture", str(archive), "-o", str(output)],
                               env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        peak = max(peak, peak_kb(process.pid))
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    stderr = process.stderr.read().decode() if process.stderr else ""
    if process.returncode:
        sys.stderr.write(stderr)
    return seconds, peak / 1024, process.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--sites", type=int, default=20)
    parser.add_argument("--keep", help="a folder to keep the archives and rule files in")
    options = parser.parse_args()
    folder = Path(options.keep) if options.keep else Path(tempfile.mkdtemp(prefix="learn-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{'articles':>10} {'MB on disk':>10} {'seconds':>8} {'peak MB':>8} {'lines':>6}")
    for size in (int(text) for text in options.sizes.split(",")):
        archive = folder / f"archive-{size}.jsonl"
        write_archive(archive, size, options.sites)
        output = folder / f"site-furniture-{size}.yaml"
        seconds, peak, code = run(archive, output)
        learned = output.read_text(encoding="utf-8").count("\n  - line: ") if output.exists() else 0
        print(f"{size:>10,} {archive.stat().st_size / 2**20:>10.1f} {seconds:>8.1f} {peak:>8.1f} {learned:>6}"
              + (f"  exit {code}" if code else ""), flush=True)
        if not options.keep:
            archive.unlink()
            output.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
