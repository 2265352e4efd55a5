"""The example plugins, installed as real packages and loaded through their entry points."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from conftest import ROOT, run_checker

EXAMPLES = ROOT / "examples"
SHORT = "Title: Short\n\nOnly a few words here.\n"


def install(example: str, target: Path) -> dict[str, str]:
    """Install an example plugin as pip installs it, into a folder of its own (no network: its
    build backend is installed here); return the environment that puts it on the path."""
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                    "--target", str(target), str(EXAMPLES / example)],
                   check=True, capture_output=True, timeout=300)
    # No byte code written into the example's folder, which is part of the checkout.
    return {"PYTHONPATH": os.pathsep.join([str(target), str(ROOT)]), "PYTHONDONTWRITEBYTECODE": "1"}


def test_example_plugin_installed_and_loaded_through_entry_point(tmp_path):
    installed = install("checker-shortarticle", tmp_path / "site")
    article = tmp_path / "short.txt"
    article.write_text(SHORT)
    result = run_checker("--min-words", "10", "--format", "count", str(article), env=installed)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines() == [f"1\t{article}", "1\ttotal"]
    disabled = run_checker("-p", "no:shortarticle", "--format", "json", str(article), env=installed)
    assert b"shortarticle/too-short" not in disabled.stdout


def test_quotemarks_example_passes_its_own_tests_and_rule_examples(tmp_path):
    """The kind plugin's suite, run as its author runs it (``pytest`` in its folder, after
    installing it): its command-line tests and, through checker's pytest plugin, the examples
    of its YAML rule. Each expected item must be there and pass, so an empty run fails too."""
    folder = EXAMPLES / "checker-quotemarks"
    installed = install("checker-quotemarks", tmp_path / "site")
    report = tmp_path / "report.xml"
    # Nothing written into the example's folder: no cache, no benchmark store, temporary files here.
    result = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:benchmark",
                             f"--junitxml={report}", f"--basetemp={tmp_path / 'temporary'}"],
                            cwd=folder, capture_output=True, text=True, timeout=600,
                            env={**os.environ, **installed})
    assert result.returncode == 0, result.stdout + result.stderr
    cases = ElementTree.parse(report).getroot().iter("testcase")
    # JUnit names a rule example's item "bad[0]" in class "...quotemarks-unbalanced", a test
    # function by its name in class "tests.test_quote_balance".
    outcomes = {f"{case.get('classname', '').rpartition('.')[2]}::{case.get('name')}": [child.tag for child in case]
                for case in cases}
    assert all(not outcome for outcome in outcomes.values()), outcomes
    tests = re.findall(r"^def (test_\w+)", (folder / "tests" / "test_quote_balance.py").read_text(), re.MULTILINE)
    rule = (folder / "rules" / "quotemarks-unbalanced.yaml").read_text(encoding="utf-8")
    bad = rule.split("  good:")[0].count("\n    - ")
    good = rule.split("  good:")[1].count("\n    - ")
    examples = [f"quotemarks-unbalanced::bad[{index}]" for index in range(bad)]
    examples += [f"quotemarks-unbalanced::good[{index}]" for index in range(good)]
    assert len(tests) >= 5 and bad >= 4 and good >= 4
    assert set(outcomes) == {*(f"test_quote_balance::{test}" for test in tests), *examples}
