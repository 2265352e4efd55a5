"""How the HTML report holds up on a big batch: write it for N articles (default 5,000, the
shared corpus repeated under new names), then open it in headless Chromium and time the
load, a category filter and a search.

    python bench/html_report.py [--articles 5000] [--jobs 2] [--keep DIR]

Needs Debian's chromium and chromium-driver, and selenium. Not part of the test run.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def build_batch(folder: Path, count: int) -> None:
    sources = sorted(CORPUS.rglob("*.txt"))
    if not sources:
        sys.exit(f"no articles in {CORPUS}")
    for index in range(count):
        source = sources[index % len(sources)]
        shutil.copyfile(source, folder / f"{index // len(sources)}-{source.name}")


def write_report(batch: Path, report: Path, jobs: str) -> tuple[float, float]:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "checker", "--format", "html", "-o", str(report), "--no-cache",
                    "--no-progress", "-j", jobs, str(batch)], check=False, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak


def open_in_browser(report: Path) -> dict[str, float]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--window-size=1300,1000"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                              options=options)
    try:
        started = time.perf_counter()
        driver.get(report.as_uri())  # returns after the load event
        loaded = time.perf_counter() - started
        ready = driver.execute_script("return document.body.dataset.ready")
        assert ready == "true", "the report's script did not finish"
        paint = driver.execute_script(
            "var n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime;") / 1000
        toggle = driver.execute_script("""
            var box = document.querySelector('input[name="c"]');
            var t = performance.now(); box.click(); var off = performance.now() - t;
            box.click(); return off;""") / 1000
        search = driver.execute_script("""
            var input = document.getElementById('search'), shown = document.getElementById('shown');
            var before = shown.textContent, t = performance.now();
            input.value = 'reuters';
            input.dispatchEvent(new Event('input'));
            return new Promise(function (done) {
              (function wait() {
                if (shown.textContent !== before) { done(performance.now() - t); } else { setTimeout(wait, 5); }
              })();
            });""") / 1000
        return {"load (driver.get)": loaded, "load event (navigation timing)": paint,
                "category filter": toggle, "search (with its 120 ms typing pause)": search}
    finally:
        driver.quit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--jobs", default="2")
    parser.add_argument("--keep", type=Path, help="keep the report in this folder")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        batch = Path(temporary, "batch")
        batch.mkdir()
        build_batch(batch, options.articles)
        report = Path(options.keep or temporary, "report.html")
        report.parent.mkdir(parents=True, exist_ok=True)
        seconds, peak = write_report(batch, report, options.jobs)
        size = report.stat().st_size / 1e6
        print(f"{options.articles} articles: report written in {seconds:.1f} s (-j {options.jobs}), "
              f"{size:.1f} MB, largest process {peak:.0f} MB")
        for what, value in open_in_browser(report).items():
            print(f"  {what:34} {value:6.2f} s")


if __name__ == "__main__":
    main()
