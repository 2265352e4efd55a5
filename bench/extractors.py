"""End to end on real extractor output: what the checker flags in an extractor's text, and
whether ``checker --fix`` brings that text closer to the article.

Usage (from the project root; the extractors live in their own virtual environment):

    python3 -m venv /tmp/extractors-venv
    /tmp/extractors-venv/bin/pip install trafilatura newspaper4k readability-lxml lxml_html_clean
    python bench/extractors.py                       # every part, printed
    python bench/extractors.py --json figures.json   # and the figures as JSON
    python bench/extractors.py --write-labels        # also rewrite bench/data/lines/extractors.jsonl

Pages: each ``../shared/corpus/pages/html/*.gz`` with a record in ``annotations.json``. Four
extractions of each page are made inside the extractors' environment (``--venv``), one
subprocess per extractor, and cached under ``--work`` (a temporary folder by default):

- ``trafilatura``: ``trafilatura.extract`` with its defaults;
- ``newspaper4k``: ``newspaper.Article`` given the HTML, ``.text`` after ``.parse()``;
- ``readability``: readability-lxml's ``Document.summary()``, turned into text as below;
- ``plain``: every text of ``<body>`` (scripts, styles, ``noscript`` and templates dropped),
  a line break at each block element: what a raw scrape hands over.

An extractor that is not installed there is skipped, and the output says so. Each extracted
text is written with one blank line between its non-empty lines (each is a paragraph, as scrape
dumps are written), so a line of the text is a line of the file the checker reads.

Labels come from the page's snippets. A snippet and a line are normalised alike (case-folded,
white space collapsed); a line holding a ``without`` snippet is furniture, a line holding a
``with`` snippet is article text, a line holding both or neither is unlabelled and left out.

1. Lines. The checker runs as it ships (its default rules, or ``--checker-args``) with
   ``--format json`` over each extractor's texts. A line counts as flagged when a finding of the
   ``boilerplate`` category starts on it (every ``boilerplate-*`` rule that is enabled,
   ``boilerplate-furniture`` among them). Precision: flagged furniture lines over flagged
   labelled lines. Recall, "share of leftover furniture flagged": flagged furniture lines over
   the furniture lines the extractor kept.
2. End to end. Each text before and after ``checker --fix`` (safe fixes of every enabled rule,
   run on a copy) is scored against the page's snippets: ``kept`` = share of ``with`` snippets
   still in the (normalised) text, ``clean`` = share of ``without`` snippets not in it, F1 = the
   harmonic mean of the two. Per extractor: mean F1 before and after, the mean change, and how
   many pages got better and worse.

Split: a page is in the fit part when the first byte of the SHA-256 of its file name (without
``.gz``) is even, else in the held-out part. Tune on fit; report held-out. Labels written to
``bench/data/lines/extractors.jsonl`` are of the fit part only.

Also read: ``../shared/corpus/pages/newspaper/txt/`` (texts the newspaper library extracted; no
labels): how many lines the checker flags, and a fixed random sample of them to read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PAGES = SHARED / "corpus" / "pages"
LABELS_OUT = ROOT / "bench" / "data" / "lines" / "extractors.jsonl"
EXTRACTORS = ("trafilatura", "newspaper4k", "readability", "plain")
PARTS = ("fit", "held-out")
CATEGORY = "boilerplate"
QUOTE = 80  # at most this many characters of a line are kept in the labels
SAMPLE_SEED = 27

# Runs inside the extractors' environment: argv = extractor name, jobs file (JSON list of
# [html.gz path, url, output path]). Prints "missing: <why>" and exits 3 when the extractor
# cannot be imported there.
RUNNER = r'''
import gzip, json, sys
name, jobs_file = sys.argv[1], sys.argv[2]
try:
    import lxml.html
    if name == "trafilatura":
        import trafilatura
    elif name == "newspaper4k":
        import warnings
        warnings.simplefilter("ignore")
        import newspaper
    elif name == "readability":
        from readability import Document
except ImportError as error:
    print("missing:", error)
    sys.exit(3)

BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
          "table", "section", "article", "header", "footer", "nav", "aside", "blockquote", "pre",
          "figure", "figcaption", "dd", "dt", "dl", "form", "main", "hr", "address", "caption"}
DROPPED = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg"}

def block_text(root):
    parts = []
    def walk(element):
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if tag in DROPPED or not isinstance(element.tag, str):
            if element.tail:
                parts.append(element.tail)
            return
        block = tag in BLOCKS
        if block:
            parts.append("\n")
        if element.text:
            parts.append(element.text)
        for child in element:
            walk(child)
        if block:
            parts.append("\n")
        if element.tail:
            parts.append(element.tail)
    walk(root)
    return "".join(parts)

def decode(raw):
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue

def extract(raw, html, url):
    if name == "trafilatura":
        return trafilatura.extract(raw, url=url) or ""
    if name == "newspaper4k":
        article = newspaper.Article(url, fetch_images=False)
        article.download(input_html=html)
        article.parse()
        return article.text or ""
    if name == "readability":
        summary = Document(html).summary()
        return block_text(lxml.html.fromstring(summary)) if summary.strip() else ""
    document = lxml.html.document_fromstring(raw)  # bytes: lxml reads the page's declared encoding
    body = document.find("body")
    return block_text(body if body is not None else document)

try:
    from importlib.metadata import version
    package = {"readability": "readability-lxml", "plain": "lxml"}.get(name, name)
    print("version:", package, version(package))
except Exception:
    print("version: unknown")
failures = 0
for source, url, target in json.load(open(jobs_file, encoding="utf-8")):
    raw = gzip.open(source).read()
    html = decode(raw)
    try:
        text = extract(raw, html, url)
    except Exception as error:  # one page an extractor cannot read is an empty text, said once
        print("failed:", source, type(error).__name__, str(error)[:100])
        failures += 1
        text = ""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    with open(target, "w", encoding="utf-8") as out:
        out.write("\n\n".join(line for line in lines if line) + "\n")
print("done", failures, "failures")
'''


# -- scoring (pure functions: tests/test_bench_extractors.py) --------------------------------

def normalise(text: str) -> str:
    """Case-folded, white space collapsed to single spaces, stripped."""
    return " ".join(text.casefold().split())


def label_line(line: str, with_snippets: Iterable[str], without_snippets: Iterable[str]) -> str | None:
    """``furniture`` for a line holding a ``without`` snippet, ``text`` for one holding a
    ``with`` snippet, None for one holding both or neither."""
    normal = normalise(line)
    if not normal:
        return None
    furniture = any(snippet and snippet in normal for snippet in map(normalise, without_snippets))
    text = any(snippet and snippet in normal for snippet in map(normalise, with_snippets))
    if furniture == text:
        return None
    return "furniture" if furniture else "text"


def label_lines(text: str, with_snippets: list[str], without_snippets: list[str]) -> dict[int, str]:
    """1-based line number -> category, for the labelled lines of ``text``."""
    labels = {}
    for number, line in enumerate(text.split("\n"), start=1):
        category = label_line(line, with_snippets, without_snippets)
        if category is not None:
            labels[number] = category
    return labels


def f1(first: float, second: float) -> float:
    return 2 * first * second / (first + second) if first + second else 0.0


def snippet_score(text: str, with_snippets: list[str], without_snippets: list[str]) -> tuple[float, float, float]:
    """(kept, clean, F1): the share of ``with`` snippets in the text, the share of ``without``
    snippets not in it (1.0 where a list is empty), and their harmonic mean."""
    normal = normalise(text)
    wanted = [normalise(s) for s in with_snippets if normalise(s)]
    unwanted = [normalise(s) for s in without_snippets if normalise(s)]
    kept = sum(s in normal for s in wanted) / len(wanted) if wanted else 1.0
    clean = sum(s not in normal for s in unwanted) / len(unwanted) if unwanted else 1.0
    return kept, clean, f1(kept, clean)


def part_of(file_name: str) -> str:
    """The fixed split: the first byte of the SHA-256 of the page's file name, even = fit."""
    return "fit" if hashlib.sha256(file_name.encode("utf-8")).digest()[0] % 2 == 0 else "held-out"


# -- running --------------------------------------------------------------------------------

def load_pages() -> list[dict]:
    records = json.loads((PAGES / "annotations.json").read_text(encoding="utf-8"))
    by_file = {record["file"]: {**record, "url": url} for url, record in records.items()}
    pages = []
    for path in sorted((PAGES / "html").glob("*.gz")):
        record = by_file.get(path.name[: -len(".gz")])
        if record is not None:
            pages.append({"file": record["file"], "path": path, "url": record["url"],
                          "with": record.get("with") or [], "without": record.get("without") or [],
                          "part": part_of(record["file"])})
    return pages


def run_extractor(name: str, python: Path, pages: list[dict], folder: Path) -> bool:
    """Extract every page not cached yet; False when the extractor is not installed."""
    folder.mkdir(parents=True, exist_ok=True)
    jobs = [[str(page["path"]), page["url"], str(folder / f"{page['file']}.txt")] for page in pages
            if not (folder / f"{page['file']}.txt").exists()]
    if not jobs:
        return True
    for stale in folder.parent.glob(f"{name}.version"):
        stale.unlink()
    jobs_file = folder.parent / f"{name}.jobs.json"
    jobs_file.write_text(json.dumps(jobs), encoding="utf-8")
    result = subprocess.run([str(python), "-c", RUNNER, name, str(jobs_file)], capture_output=True, text=True)
    if result.returncode == 3:
        print(f"skipped {name}: not installed in {python.parent.parent} ({result.stdout.strip()})")
        return False
    if result.returncode != 0:
        sys.exit(f"{name} failed (exit {result.returncode}): {result.stderr[-800:]}")
    for line in result.stdout.splitlines():
        if line.startswith("failed:"):
            print(f"  {name} {line}")
        elif line.startswith("version:"):
            (folder.parent / f"{name}.version").write_text(line.split(":", 1)[1].strip(), encoding="utf-8")
    return True


def checker_report(command: list[str], extra: list[str], paths: list[Path]) -> dict:
    argv = [*command, "--no-cache", "--no-progress", "--exit-zero", "-f", "json", *extra, *map(str, paths)]
    result = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT)
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError:
        sys.exit(f"the checker printed no JSON (exit {result.returncode}): {result.stderr[-500:]}")


def flagged_lines(report: dict) -> dict[str, dict[int, str]]:
    """Per file (resolved path): the lines a boilerplate finding starts on, with its rule."""
    flagged: dict[str, dict[int, str]] = {}
    for file in report["files"]:
        lines = flagged.setdefault(str(Path(file["path"]).resolve()), {})
        for finding in file["findings"] or []:
            if finding["category"] == CATEGORY:
                lines.setdefault(finding["line"], finding["rule"])
    return flagged


def fix_copy(command: list[str], extra: list[str], source: Path, target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    argv = [*command, "--no-cache", "--no-progress", "--exit-zero", "--fix", *extra, str(target)]
    result = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT)
    if result.returncode not in (0, 1):
        sys.exit(f"checker --fix failed (exit {result.returncode}): {result.stderr[-500:]}")


def ratio(top: int, bottom: int) -> str:
    return f"{top / bottom:.3f}" if bottom else "  -  "


def newspaper_txt(command: list[str], extra: list[str], sample: int) -> dict:
    folder = PAGES / "newspaper" / "txt"
    paths = sorted(folder.glob("*.txt"))
    flagged = flagged_lines(checker_report(command, extra, paths))
    rows = []
    total_lines = 0
    for path in paths:
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        total_lines += sum(1 for line in lines if line.strip())
        for number, rule in sorted(flagged.get(str(path.resolve()), {}).items()):
            text = lines[number - 1] if number <= len(lines) else ""
            rows.append((path.name, number, rule, text))
    by_rule: dict[str, int] = {}
    for _, _, rule, _ in rows:
        by_rule[rule] = by_rule.get(rule, 0) + 1
    shown = random.Random(SAMPLE_SEED).sample(rows, min(sample, len(rows)))
    return {"files": len(paths), "non_empty_lines": total_lines, "flagged_lines": len(rows),
            "files_flagged": len({name for name, *_ in rows}), "by_rule": by_rule,
            "sample": [{"file": name, "line": number, "rule": rule, "text": text[:QUOTE]}
                       for name, number, rule, text in sorted(shown)]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--venv", type=Path, default=Path("/tmp/extractors-venv"),
                        help="the virtual environment the extractors are installed in")
    parser.add_argument("--work", type=Path,
                        help="folder for the extracted texts (kept: a cache); default a temporary one")
    parser.add_argument("--checker", default=f"{shlex.quote(sys.executable)} -m checker",
                        help="the command that runs the checker")
    parser.add_argument("--checker-args", default="",
                        help="more checker options for every run, e.g. \"--select '*'\"")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the figures to FILE")
    parser.add_argument("--write-labels", action="store_true",
                        help=f"rewrite {LABELS_OUT.relative_to(ROOT)} (fit part)")
    parser.add_argument("--sample", type=int, default=30, help="flagged newspaper/txt lines to print")
    options = parser.parse_args()

    command = shlex.split(options.checker)
    extra = shlex.split(options.checker_args)
    python = options.venv / "bin" / "python"
    temporary = None
    if options.work is None:
        temporary = tempfile.TemporaryDirectory(prefix="checker-extractors-")
        options.work = Path(temporary.name)
    work = options.work.resolve()
    pages = load_pages()
    print(f"{len(pages)} pages: {sum(p['part'] == 'fit' for p in pages)} fit, "
          f"{sum(p['part'] == 'held-out' for p in pages)} held out "
          "(fit: first byte of sha256(file name) even)")
    print(f"checker: {shlex.join(command + extra)}; a line is flagged when a finding of category "
          f"'{CATEGORY}' starts on it (every enabled boilerplate-* rule)")

    figures: dict = {"split": "fit when sha256(file name)[0] is even, else held-out", "parts": {}}
    label_records = []
    for name in EXTRACTORS:
        if not python.exists():
            print(f"skipped {name}: no python at {python}")
            continue
        if not run_extractor(name, python, pages, work / "extracted" / name):
            continue
        extracted = work / "extracted" / name
        version_file = work / "extracted" / f"{name}.version"
        version = version_file.read_text(encoding="utf-8") if version_file.exists() else "version unknown (cached)"
        print(f"extractor {name}: {version}")
        figures.setdefault("extractors", {})[name] = version
        fixed = work / "fixed" / name
        fix_copy(command, extra, extracted, fixed)
        flagged = flagged_lines(checker_report(command, extra, sorted(extracted.glob("*.txt"))))
        for part in PARTS:
            line_counts = [0, 0, 0, 0]  # flagged furniture, flagged labelled, furniture, text lines flagged
            scores = []
            for page in (p for p in pages if p["part"] == part):
                path = extracted / f"{page['file']}.txt"
                before = path.read_text(encoding="utf-8")
                after = (fixed / path.name).read_text(encoding="utf-8")
                labels = label_lines(before, page["with"], page["without"])
                found = flagged.get(str(path.resolve()), {})
                for number, category in labels.items():
                    hit = number in found
                    line_counts[0] += hit and category == "furniture"
                    line_counts[1] += hit
                    line_counts[2] += category == "furniture"
                    line_counts[3] += hit and category == "text"
                if part == "fit" and labels:
                    lines = before.split("\n")
                    label_records.append({"extractor": name, "file": f"corpus/pages/html/{page['file']}.gz",
                                          "labels": [{"line": number, "category": category,
                                                      "text": lines[number - 1][:QUOTE]}
                                                     for number, category in sorted(labels.items())]})
                scores.append((page["file"], snippet_score(before, page["with"], page["without"]),
                               snippet_score(after, page["with"], page["without"])))
            count = len(scores)
            mean_before = sum(b[2] for _, b, _ in scores) / count if count else 0.0
            mean_after = sum(a[2] for _, _, a in scores) / count if count else 0.0
            figures["parts"].setdefault(part, {})[name] = {
                "pages": count,
                "lines": {"flagged_furniture": line_counts[0], "flagged_labelled": line_counts[1],
                          "furniture": line_counts[2], "text_flagged": line_counts[3],
                          "precision": line_counts[0] / line_counts[1] if line_counts[1] else None,
                          "recall": line_counts[0] / line_counts[2] if line_counts[2] else None},
                "end_to_end": {
                    "kept_before": sum(b[0] for _, b, _ in scores) / count if count else 0.0,
                    "clean_before": sum(b[1] for _, b, _ in scores) / count if count else 0.0,
                    "kept_after": sum(a[0] for _, _, a in scores) / count if count else 0.0,
                    "clean_after": sum(a[1] for _, _, a in scores) / count if count else 0.0,
                    "f1_before": mean_before, "f1_after": mean_after, "f1_change": mean_after - mean_before,
                    "better": sum(a[2] > b[2] + 1e-9 for _, b, a in scores),
                    "worse": sum(a[2] < b[2] - 1e-9 for _, b, a in scores),
                    "worse_pages": [file for file, b, a in scores if a[2] < b[2] - 1e-9] if part == "fit" else [],
                }}

    for part in PARTS:
        rows = figures["parts"].get(part, {})
        title = "FIT (tune on this part)" if part == "fit" else "HELD-OUT (report this part; do not tune on it)"
        print(f"\n== {title}")
        print(f"  {'extractor':<12} {'pages':>5}  lines: {'prec':>5} {'recall':>6} (flagged furn/flagged labelled/"
              "furn kept, text flagged)")
        for name, row in rows.items():
            lines = row["lines"]
            precision = ratio(lines["flagged_furniture"], lines["flagged_labelled"])
            recall = ratio(lines["flagged_furniture"], lines["furniture"])
            print(f"  {name:<12} {row['pages']:>5}         {precision:>5} {recall:>6} ({lines['flagged_furniture']}/"
                  f"{lines['flagged_labelled']}/{lines['furniture']}, {lines['text_flagged']})")
        print(f"  {'extractor':<12} end to end: {'kept':>5} {'clean':>5} {'F1':>5} -> after --fix: {'kept':>5} "
              f"{'clean':>5} {'F1':>5}  {'change':>7}  better worse")
        for name, row in rows.items():
            e = row["end_to_end"]
            print(f"  {name:<12}             {e['kept_before']:.3f} {e['clean_before']:.3f} {e['f1_before']:.3f}"
                  f"                  {e['kept_after']:.3f} {e['clean_after']:.3f} {e['f1_after']:.3f}  "
                  f"{e['f1_change']:+.4f}  {e['better']:>6} {e['worse']:>5}")
            if e["worse_pages"]:
                print(f"  {'':<12} worse: {', '.join(e['worse_pages'])}")

    newspaper = newspaper_txt(command, extra, options.sample)
    figures["newspaper_txt"] = newspaper
    print(f"\n== newspaper/txt (real newspaper output, unlabelled): {newspaper['flagged_lines']} of "
          f"{newspaper['non_empty_lines']} non-empty lines flagged, in {newspaper['files_flagged']} of "
          f"{newspaper['files']} files; by rule: {newspaper['by_rule']}")
    print(f"  {len(newspaper['sample'])} flagged lines at random (seed {SAMPLE_SEED}):")
    for item in newspaper["sample"]:
        print(f"  {item['file']}:{item['line']} {item['rule']}: {item['text']!r}")

    if options.write_labels:
        LABELS_OUT.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in label_records),
                              encoding="utf-8")
        print(f"\nwrote {len(label_records)} labelled texts to {LABELS_OUT.relative_to(ROOT)}")
    if options.json:
        options.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    if temporary is not None:
        temporary.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
