from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed"
CORPUS = SHARED / "corpus" / "real"
#: Why a test marked ``corpus`` is skipped in a clone with nothing beside it.
NO_SHARED = f"needs the shared articles folder {SHARED} (the seed article, the corpus), which is not here"


def pytest_configure(config: pytest.Config) -> None:
    """The suite's runs keep their compiled-rules snapshots and caches in a folder of their own,
    not in the user's cache folder (each test's rule files would add a snapshot there)."""
    folder = tempfile.mkdtemp(prefix="checker-tests-cache-")
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
    os.environ["XDG_CACHE_HOME"] = folder


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``corpus`` read ``../shared``: skipped, with the reason, where it is absent."""
    if SHARED.is_dir():
        return
    skip = pytest.mark.skip(reason=NO_SHARED)
    for item in items:
        if item.get_closest_marker("corpus") is not None:
            item.add_marker(skip)


def run_checker(*args: str, cwd: Path | None = None, stdin: bytes | None = None,
                env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd or ROOT, input=stdin,
                          capture_output=True, env=environment, timeout=900)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    """Create ``folder/name`` (and its folders) with ``content``."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@dataclass
class Measured:
    """A finished checker process, with what it cost."""

    returncode: int
    stdout: bytes
    stderr: bytes
    seconds: float
    peak_mb: float


def high_water_kb(pid: int) -> int:
    """The process's peak resident memory so far (Linux). ``wait4``'s figure cannot be used:
    it counts the memory of the test process the child was forked from."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def run_measured(case: str, *args: str, cwd: Path | None = None, timeout: float = 600,
                 env: dict[str, str] | None = None) -> Measured:
    """Run the checker as ``run_checker`` does and measure its wall time and peak memory
    (the child's own high-water mark, sampled as it runs). With CHECKER_HARDENING_TABLE set
    to a file, each case is appended to it as a JSON line: the closing note's table."""
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "checker", *args], cwd=cwd or ROOT,
                                   stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=environment)
        deadline = started + timeout
        peak_kb = 0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            peak_kb = max(peak_kb, high_water_kb(process.pid))
            if time.perf_counter() > deadline:
                process.kill()
                os.wait4(process.pid, 0)
                raise AssertionError(f"{case}: still running after {timeout} s")
            time.sleep(0.005)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        result = Measured(process.returncode, out.read(), err.read(), seconds, (peak_kb or usage.ru_maxrss) / 1024)
    first = (result.stderr.decode("utf-8", "replace").strip().splitlines() or [""])[0]
    record_case(case, result.returncode, seconds, result.peak_mb, first)
    return result


def record_case(case: str, outcome: int | str, seconds: float, peak_mb: float, detail: str = "") -> None:
    """Append one row to the hardening table when CHECKER_HARDENING_TABLE names a file."""
    table = os.environ.get("CHECKER_HARDENING_TABLE")
    if table:
        with open(table, "a", encoding="utf-8") as stream:
            stream.write(json.dumps({"case": case, "exit": outcome, "seconds": round(seconds, 2),
                                     "peak_mb": round(peak_mb), "stderr": detail[:160]}) + "\n")


def run_json(*args: str, **kwargs) -> tuple[dict, subprocess.CompletedProcess]:
    result = run_checker("--format", "json", *args, **kwargs)
    return json.loads(result.stdout), result


@pytest.fixture
def checker_run():
    return run_checker


@pytest.fixture
def article():
    from checker.read.parsers.text import parse_text

    def make(text: str, path: str = "<test>"):
        return parse_text(path, text)

    return make


def results_table(rows: int) -> str:
    """An election night's results as a Markdown table of ``rows`` rows (about 30 bytes a
    row): many figures of one noun in what the sentence splitter reads as one long sentence."""
    parties = ["Labour", "Green", "Liberal", "Independent", "Conservative"]
    lines = ["# County council results", "", "Counting finished overnight, the returning officer said.", "",
             "| Ward | Party | Votes | Share |", "|---|---|---:|---:|"]
    for row in range(rows):
        votes = 300 + (row * 7919) % 4700
        lines.append(f"| Ward {row + 1} | {parties[row % 5]} | {votes:,} votes | {10 + row % 80}.{row % 10}% |")
    return "\n".join(lines) + "\n"
