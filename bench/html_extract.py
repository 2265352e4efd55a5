"""The article the checker reads from an HTML page, scored next to the extractors, and timed.

Usage (from the project root; the other extractors run in their own virtual environment, as
for ``bench/extractors.py``, whose code runs them and whose split and scoring this uses):

    python bench/html_extract.py                      # both parts, printed
    python bench/html_extract.py --json figures.json  # and the figures as JSON

Pages: the 141 annotated pages of ``../shared/corpus/pages/html/`` (see ``bench/extractors.py``).
Each page is decoded as the runner there decodes it (UTF-8, else cp1252, else Latin-1) and read
by the checker's HTML path, ``checker.read.parsers.html.parse_html``, twice: with
``html-extractor: markup`` (the markup rules: first ``<article>``, ``<main>`` or ``<body>``;
the checker before trafilatura) and ``html-extractor: trafilatura`` (the default). The text of
the article it builds (headline, byline, body; what ``checker extract`` prints) is scored
against the page's snippets as the extractors' texts are (and, in the row "body only", its body
alone, without the headline, byline and date: what the extractors' texts and the external
benchmark's article body hold): ``with`` = share of the page's
``with`` snippets in the text (recall), ``without`` = share of its ``without`` snippets still
in it (furniture kept; lower is better), ``F1`` = harmonic mean of ``with`` and ``1 - without``;
means over pages, and the snippets counted over the whole part. The extractors' columns are
trafilatura's ``extract`` with its defaults (comments included), newspaper4k, readability-lxml
and a plain all-text extraction, run by ``bench/extractors.py``'s runner (``--venv``; one that
is not installed is skipped, and the output says so).

Time: each page's HTML path, measured in this process after one warm-up page (the import of
trafilatura, about 0.2 s once per process, is not counted): median, mean, 90th percentile
and the slowest page, per part, for both settings.

Split: ``bench/extractors.py``'s (sha256 of the file name: fit / held-out). Tune on fit;
report held-out.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent)]

import extractors  # noqa: E402  (bench/extractors.py: pages, split, scoring, the runner)

from checker.extract import as_record  # noqa: E402
from checker.read.html_reading import HtmlReading  # noqa: E402
from checker.read.parsers.html import parse_html  # noqa: E402

SETTINGS = {"checker (markup)": HtmlReading(extractor="markup"),
            "checker (trafilatura)": HtmlReading(extractor="trafilatura")}


def decode(raw: bytes) -> str:
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def checker_texts(pages: list[dict], reading: HtmlReading) -> tuple[dict[str, str], dict[str, str],
                                                                  dict[str, float]]:
    """Per page: the article text the checker reads (headline, byline, date and body), its body
    alone (what ``checker extract --format json`` gives as ``body``: like the extractors' texts,
    which hold no headline, and the external benchmark's article body), and the seconds its HTML
    path took."""
    texts, bodies, seconds = {}, {}, {}
    for page in pages:
        html = decode(gzip.decompress(page["path"].read_bytes()))
        started = time.perf_counter()
        article = parse_html(page["file"] + ".html", html, reading)
        seconds[page["file"]] = time.perf_counter() - started
        texts[page["file"]] = article.source
        bodies[page["file"]] = "\n\n".join(as_record(page["file"], article)["body"])
    return texts, bodies, seconds


def scores(pages: list[dict], texts: dict[str, str]) -> dict:
    """Mean ``with`` recall, ``without`` share kept and F1 over the pages, and the snippet counts."""
    rows = [extractors.snippet_score(texts.get(page["file"], ""), page["with"], page["without"]) for page in pages]
    found = kept = wanted = unwanted = 0
    for page in pages:
        normal = extractors.normalise(texts.get(page["file"], ""))
        wanted_here = [s for s in map(extractors.normalise, page["with"]) if s]
        unwanted_here = [s for s in map(extractors.normalise, page["without"]) if s]
        found += sum(s in normal for s in wanted_here)
        kept += sum(s in normal for s in unwanted_here)
        wanted += len(wanted_here)
        unwanted += len(unwanted_here)
    count = len(rows) or 1
    return {"pages": len(rows), "with": sum(r[0] for r in rows) / count,
            "without": sum(1 - r[1] for r in rows) / count, "f1": sum(r[2] for r in rows) / count,
            "with_found": found, "with_total": wanted, "without_kept": kept, "without_total": unwanted}


def timing(seconds: list[float]) -> dict:
    ordered = sorted(seconds)
    return {"median_ms": 1000 * statistics.median(ordered), "mean_ms": 1000 * statistics.fmean(ordered),
            "p90_ms": 1000 * ordered[int(0.9 * (len(ordered) - 1))], "max_ms": 1000 * ordered[-1]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--venv", type=Path, default=Path("/tmp/extractors-venv"),
                        help="the virtual environment the other extractors are installed in")
    parser.add_argument("--work", type=Path, help="folder for the extractors' texts (a cache); default a temporary one")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the figures to FILE")
    options = parser.parse_args()

    pages = extractors.load_pages()
    print(f"{len(pages)} pages: {sum(p['part'] == 'fit' for p in pages)} fit, "
          f"{sum(p['part'] == 'held-out' for p in pages)} held out (fit: first byte of sha256(file name) even)")
    with tempfile.TemporaryDirectory(prefix="checker-html-extract-") as temporary:
        figures = measure(pages, (options.work or Path(temporary)).resolve(), options.venv / "bin" / "python")
    if options.json:
        options.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


def measure(pages: list[dict], work: Path, python: Path) -> dict:
    """Read, score and time every page; print the tables; return the figures."""
    texts: dict[str, dict[str, str]] = {}
    seconds: dict[str, dict[str, float]] = {}
    parse_html("warm-up.html", decode(gzip.decompress(pages[0]["path"].read_bytes())))  # imports trafilatura once
    for name, reading in SETTINGS.items():
        texts[name], body, seconds[name] = checker_texts(pages, reading)
        if reading.extractor == "trafilatura":
            texts[name.replace(")", ", body only)")] = body
    versions = {}
    for name in extractors.EXTRACTORS:
        if not python.exists():
            print(f"skipped {name}: no python at {python}")
            continue
        folder = work / "extracted" / name
        if not extractors.run_extractor(name, python, pages, folder):
            continue
        version_file = folder.parent / f"{name}.version"
        versions[name] = version_file.read_text(encoding="utf-8") if version_file.exists() else "unknown (cached)"
        texts[name] = {page["file"]: (folder / f"{page['file']}.txt").read_text(encoding="utf-8") for page in pages}
    print("extractors: " + ", ".join(f"{name} {version}" for name, version in versions.items()))

    figures: dict = {"split": "fit when sha256(file name)[0] is even, else held-out", "versions": versions,
                     "parts": {}}
    for part in extractors.PARTS:
        chosen = [page for page in pages if page["part"] == part]
        title = "FIT (tune on this part)" if part == "fit" else "HELD-OUT (report this part; do not tune on it)"
        print(f"\n== {title}: {len(chosen)} pages")
        print(f"  {'text read by':<34} {'with':>6} {'without':>8} {'F1':>6}   snippets: with found, without kept")
        rows = figures["parts"].setdefault(part, {"scores": {}, "time": {}})
        for name, by_page in texts.items():
            row = rows["scores"][name] = scores(chosen, by_page)
            print(f"  {name:<34} {row['with']:>6.3f} {row['without']:>8.3f} {row['f1']:>6.3f}   "
                  f"{row['with_found']}/{row['with_total']}, {row['without_kept']}/{row['without_total']}")
        print(f"  {'HTML path time per page':<34} {'median':>8} {'mean':>8} {'p90':>8} {'max':>8} (ms)")
        for name, by_page in seconds.items():
            row = rows["time"][name] = timing([by_page[page["file"]] for page in chosen])
            print(f"  {name:<34} {row['median_ms']:>8.1f} {row['mean_ms']:>8.1f} {row['p90_ms']:>8.1f} "
                  f"{row['max_ms']:>8.1f}")
    return figures


if __name__ == "__main__":
    raise SystemExit(main())
