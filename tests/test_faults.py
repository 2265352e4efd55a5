"""Faults: plugins that raise or hang, workers that die, ``--fix`` killed mid-write, a damaged
cache. Each is reported and isolated; no input is dropped from the summary, none is left
half-written.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import run_measured, write

SPUN = "Title: Port strike\n\nUSA officials said the White Residence was watching.\n"

HANGING_HOOK = (
    "import time\n"
    "from checker import hookimpl\n"
    "@hookimpl\n"
    "def checker_check_article(article):\n"
    "    if 'HANG' in article.source:\n"
    "        while True:\n"
    "            try:\n"
    "                time.sleep(60)\n"
    "            except Exception:  # a plugin that swallows everything still stops\n"
    "                pass\n"
    "    return []\n"
)

HANGING_KIND = (
    "from checker import hookimpl\n"
    "from checker.kinds.base import Rule\n"
    "class Spin(Rule):\n"
    "    name = 'spin'\n"
    "    def check(self, article):\n"
    "        while 'HANG' in article.source:\n"
    "            pass\n"
    "        return []\n"
    "@hookimpl\n"
    "def checker_rule_kinds():\n"
    "    return {'spin': Spin}\n"
)


def articles(folder: Path, count: int, marked: int, marker: str) -> list[str]:
    names = []
    for index in range(count):
        body = f"{marker} in paragraph {index}." if index == marked else f"An ordinary paragraph number {index}."
        text = f"Title: Story {index}\n\nUSA officials said so. {body}\n"
        names.append(write(folder, f"a{index:02d}.txt", text).name)
    return names


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_hanging_plugin_hook_is_stopped_reported_and_isolated(tmp_path, jobs):
    write(tmp_path, ".checker.yaml", "time-limit: 1\n")
    write(tmp_path, "checkerconf.py", HANGING_HOOK)
    names = articles(tmp_path, 6, 2, "HANG")
    result = run_measured(f"plugin hook that hangs (-j {jobs})", "--format", "json", "--no-cache", "-j", jobs,
                          *names, cwd=tmp_path, timeout=120)
    assert result.returncode == 3
    stderr = result.stderr.decode()
    assert "a02.txt" in stderr and "checkerconf" in stderr and "time limit of 1 s" in stderr
    assert "Traceback" not in stderr
    report = json.loads(result.stdout)
    assert report["summary"]["files"] == 6
    # The built-in rules' findings survive on every file, the hanging one included.
    assert all(entry["findings"] for entry in report["files"])


def test_a_hanging_rule_kind_from_a_plugin_is_stopped_with_its_rule_id(tmp_path):
    write(tmp_path, ".checker.yaml", "time-limit: 1\nrules: [team]\n")
    write(tmp_path, "checkerconf.py", HANGING_KIND)
    write(tmp_path, "team/spin.yaml", "id: team-spin\nkind: spin\ncategory: style\nmessage: m\n")
    names = articles(tmp_path, 3, 1, "HANG")
    result = run_measured("plugin rule kind that spins", "--format", "json", "--no-cache", *names, cwd=tmp_path,
                          timeout=120)
    assert result.returncode == 4  # a rule problem, as for a runaway pattern
    stderr = result.stderr.decode()
    assert "a01.txt: rule team-spin" in stderr and "time limit" in stderr
    assert all(entry["findings"] for entry in json.loads(result.stdout)["files"])


def test_a_plugin_hook_that_raises_is_reported_and_isolated(tmp_path):
    write(tmp_path, ".checker.yaml", "{}\n")
    write(tmp_path, "checkerconf.py", (
        "from checker import hookimpl\n"
        "@hookimpl\n"
        "def checker_check_article(article):\n"
        "    if 'BOOM' in article.source:\n"
        "        raise RuntimeError('kaput')\n"
        "    return []\n"
    ))
    names = articles(tmp_path, 3, 1, "BOOM")
    result = run_measured("plugin hook that raises", "--format", "json", *names, cwd=tmp_path)
    assert result.returncode == 3
    stderr = result.stderr.decode()
    assert "a01.txt" in stderr and "kaput" in stderr and "Traceback" not in stderr
    assert all(entry["findings"] for entry in json.loads(result.stdout)["files"])


@pytest.mark.parametrize("death", ["os._exit(9)", "os.kill(os.getpid(), signal.SIGKILL)"])
def test_a_worker_that_dies_is_reported_and_nothing_is_dropped(tmp_path, death):
    write(tmp_path, "killer.py", (
        "import multiprocessing, os, signal\nfrom checker import hookimpl\n\n"
        "@hookimpl\ndef checker_check_article(article):\n"
        "    if 'KILL-THE-WORKER' in article.source and multiprocessing.parent_process() is not None:\n"
        f"        {death}\n    return []\n"))
    articles(tmp_path, 12, 5, "KILL-THE-WORKER")
    result = run_measured(f"-j 2 worker killed by {death.split('(')[0]}", "--format", "json", "--no-cache", "-j", "2",
                          "-p", "killer", ".", cwd=tmp_path, env={"PYTHONPATH": str(tmp_path)})
    report = json.loads(result.stdout)
    assert report["summary"]["files"] == 12  # the count always equals the number of inputs
    errors = {e["path"]: e["error"] for e in report["files"] if e["error"]}
    assert list(errors) == ["./a05.txt"] and "worker process" in errors["./a05.txt"]
    assert all(e["findings"] for e in report["files"] if not e["error"])  # its chunk-mates were re-run
    assert result.returncode == 6


# ---- --fix killed at random points ----------------------------------------------------------


def fixable_article(seed: int) -> str:
    """An article of about 40 KB with boilerplate lines (safe fixes) between paragraphs."""
    rng = random.Random(seed)
    words = ["officials", "said", "the", "council", "would", "meet", "again", "on", "Monday", "to", "count",
             "the", "votes"]
    lines = [f"Title: Council story {seed}", ""]
    for index in range(120):
        lines += [" ".join(rng.choice(words) for _ in range(50)) + ".", ""]
        if index % 3 == 0:
            lines += [rng.choice(["Share this:", "Like this:", "Click here to subscribe", "Advertisement"]), ""]
    return "\n".join(lines)


@pytest.mark.slow
def test_fix_killed_at_random_points_never_leaves_a_truncated_or_mixed_article(tmp_path):
    originals = {f"story{n}.txt": fixable_article(n).encode() for n in range(6)}
    reference = tmp_path / "reference"
    for name, data in originals.items():
        write(reference, name, data)
    command = [sys.executable, "-m", "checker", "--fix", "--no-cache", "-q", "."]
    started = time.perf_counter()
    subprocess.run(command, cwd=reference, capture_output=True, check=False, timeout=300)
    full = time.perf_counter() - started
    fixed = {name: (reference / name).read_bytes() for name in originals}
    assert all(fixed[name] != originals[name] for name in originals)  # every file has fixes to apply

    rng = random.Random(2026)
    outcomes = []
    for attempt in range(30):
        folder = tmp_path / f"run{attempt}"
        for name, data in originals.items():
            write(folder, name, data)
        process = subprocess.Popen(command, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.0, full * 1.05))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        states = []
        for name in originals:
            data = (folder / name).read_bytes()
            assert data in (originals[name], fixed[name]), f"{name} is neither the original nor the fixed text"
            states.append(data == fixed[name])
        leftovers = sorted(set(os.listdir(folder)) - set(originals))
        assert all(name.startswith(".") and name.endswith(".checker-tmp") for name in leftovers), leftovers
        outcomes.append(sum(states))
        shutil.rmtree(folder)
    # The kills landed before, during and (some) after the writing, or the test proved little.
    assert min(outcomes) == 0 and any(0 < count < len(originals) for count in outcomes), outcomes


# ---- a damaged cache ------------------------------------------------------------------------


def test_a_damaged_cache_is_a_miss_never_a_wrong_result_or_a_crash(tmp_path):
    for index in range(4):
        write(tmp_path, f"a{index}.txt", SPUN.replace("Port strike", f"Story {index}"))
    cache = tmp_path / "cache"
    fresh = run_measured("cache: first run", "--format", "json", "--cache-dir", str(cache), ".", cwd=tmp_path)
    entries = sorted(path for path in cache.rglob("*") if path.is_file())
    assert len(entries) >= 4
    damage = [b"", b"\x00" * 64, b"garbage that is not an entry", None]  # None: a folder in its place
    for entry, harm in zip(entries, damage, strict=False):
        if harm is None:
            entry.unlink()
            entry.mkdir()
        else:
            entry.write_bytes(harm if harm else entry.read_bytes()[: len(entry.read_bytes()) // 2])
    again = run_measured("cache: every entry damaged", "--format", "json", "--cache-dir", str(cache), ".",
                         cwd=tmp_path)
    assert again.returncode == fresh.returncode == 1
    assert "Traceback" not in again.stderr.decode()

    def findings(result):
        return [(e["path"], e["findings"]) for e in json.loads(result.stdout)["files"]]

    assert findings(again) == findings(fresh)



def test_a_record_reader_or_rule_collector_that_hangs_is_stopped(tmp_path):
    write(tmp_path, ".checker.yaml", "time-limit: 1\n")
    write(tmp_path, "checkerconf.py", (
        "import time\n"
        "from checker import hookimpl\n"
        "from checker.read.records import Record\n"
        "@hookimpl\n"
        "def checker_collect_rules():\n"
        "    time.sleep(60)\n"
        "@hookimpl(tryfirst=True)\n"
        "def checker_read_records(path):\n"
        "    if not path.endswith('.feed'):\n"
        "        return None\n"
        "    def records():\n"
        "        yield Record(path + '#1', 'Title: A\\n\\nUSA officials said so.\\n')\n"
        "        time.sleep(60)\n"
        "    return records()\n"
    ))
    write(tmp_path, "stuck.feed", "")
    write(tmp_path, "a.txt", SPUN)
    result = run_measured("record reader and rule collector that hang", "--format", "json", "stuck.feed", "a.txt",
                          cwd=tmp_path, timeout=120)
    assert result.returncode == 3
    stderr = result.stderr.decode()
    assert "time limit of 1 s in checker_collect_rules; its rules are left out" in stderr
    assert "stuck.feed: reading its records ran past its time limit of 1 s" in stderr
    report = json.loads(result.stdout)
    names = [entry["path"] for entry in report["files"]]
    assert names == ["stuck.feed#1", "stuck.feed", "a.txt"]
    assert report["files"][0]["findings"] and report["files"][2]["findings"]
    assert "time limit" in report["files"][1]["error"]
