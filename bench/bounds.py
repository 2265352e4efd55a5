"""Wall time and peak memory of the full pack on inputs that grow one dimension far past
what an article holds: a results table, a list of figures in one sentence, the same
paragraph many times over. Each runs in the command line and in the language server (one
``didOpen``, until its diagnostics arrive), at two sizes, so the ratio shows how cost grows.

Usage: python bench/bounds.py [--only NAME]

The inputs are made here (nothing is read from ``../shared``); the figures are for the
closing note and docs, never asserted (``tests/test_bounded_rules.py`` asserts memory).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PARTIES = ["Labour", "Green", "Liberal", "Independent", "Conservative"]


def table(rows: int) -> str:
    lines = ["# County council results", "", "Counting finished overnight, the returning officer said.", "",
             "| Ward | Party | Votes | Share |", "|---|---|---:|---:|"]
    lines += [f"| Ward {i + 1} | {PARTIES[i % 5]} | {300 + (i * 7919) % 4700:,} votes | {10 + i % 80}.{i % 10}% |"
              for i in range(rows)]
    return "\n".join(lines) + "\n"


def listed(figures: int) -> str:
    wards = ", ".join(f"{300 + i * 37 % 900} votes in ward {i}" for i in range(figures))
    return f"Title: Count\n\nThe tally gave {wards}.\n"


def repeated(paragraphs: int) -> str:
    paragraph = "The committee approved the budget for the new library, officials said on Monday."
    return "Title: Library\n\n" + "\n\n".join([paragraph] * paragraphs) + "\n"


CASES: dict[str, tuple[Callable[[int], str], str, tuple[int, int]]] = {
    "results table (rows)": (table, ".md", (1500, 3000)),
    "figures in one sentence": (listed, ".txt", (1500, 3000)),
    "same paragraph (copies)": (repeated, ".txt", (25_000, 50_000)),
}


def peak_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            return next((int(line.split()[1]) for line in status if line.startswith("VmHWM:")), 0)
    except OSError:
        return 0


def cli(path: Path) -> tuple[float, float]:
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "checker", "--no-cache", "-j", "1", "--format", "json",
                                str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        peak = max(peak, peak_kb(process.pid))
        time.sleep(0.005)
    return time.perf_counter() - started, peak / 1024


def frame(message: dict) -> bytes:
    body = json.dumps({"jsonrpc": "2.0", **message}).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read_message(stream) -> dict:
    length = 0
    while (line := stream.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("ascii").partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return json.loads(stream.read(length))


def lsp(path: Path) -> tuple[float, float]:
    """Seconds from ``didOpen`` to the document's diagnostics, and the server's peak memory."""
    process = subprocess.Popen([sys.executable, "-m", "checker", "lsp", "--debounce", "0"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=path.parent)
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(frame({"id": 1, "method": "initialize",
                               "params": {"processId": None, "rootUri": path.parent.as_uri(), "capabilities": {}}}))
    process.stdin.write(frame({"method": "initialized", "params": {}}))
    process.stdin.flush()
    while read_message(process.stdout).get("id") != 1:
        pass
    uri = path.as_uri()
    started = time.perf_counter()
    process.stdin.write(frame({"method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": path.read_text()}}}))
    process.stdin.flush()
    while True:
        message = read_message(process.stdout)
        if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
            break
    seconds = time.perf_counter() - started
    peak = peak_kb(process.pid) / 1024
    process.kill()
    process.wait()
    return seconds, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="run only the case whose name starts with this")
    args = parser.parse_args()
    print(f"{'case':<26} {'size':>7} {'KB':>6}  {'cli s':>6} {'cli MB':>7}  {'lsp s':>6} {'lsp MB':>7}")
    with tempfile.TemporaryDirectory() as folder:
        for name, (make, suffix, sizes) in CASES.items():
            if args.only and not name.startswith(args.only):
                continue
            for size in sizes:
                path = Path(folder) / f"case{suffix}"
                path.write_text(make(size), encoding="utf-8")
                cli_s, cli_mb = cli(path)
                lsp_s, lsp_mb = lsp(path)
                kb = os.path.getsize(path) / 1024
                print(f"{name:<26} {size:>7} {kb:>6.0f}  {cli_s:>6.2f} {cli_mb:>7.0f}  {lsp_s:>6.2f} {lsp_mb:>7.0f}",
                      flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
