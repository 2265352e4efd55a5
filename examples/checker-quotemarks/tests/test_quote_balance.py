"""The quote-balance kind as a team uses it: the installed plugin, a YAML rule, the command line.

Run ``pip install -e .`` first (the kind is found through the plugin's entry point), then
``pytest``: these tests, and the examples of every rule in ``rules/`` (checker's pytest plugin).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

RULES = Path(__file__).resolve().parent.parent / "rules"

CLEAN = """Title: Bridge to reopen by spring
Published: 2024-11-04

“We will rebuild the bridge by spring,” the mayor said on Monday.

“The money is there, and the crews are ready.

“We expect the first cars in April,” she added.

Crews will lay a 12" pipe under the deck first.
"""

UNBALANCED = """Title: Bridge to reopen by spring
Published: 2024-11-04

“We will rebuild the bridge by spring, the mayor said on Monday.

The council approved the money.” Work starts next week.

“The crews are ready» she added.
"""


def checker(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command line, with only this plugin's rules, so the built-in rules do not interfere."""
    command = [sys.executable, "-m", "checker", "--no-config", "--no-cache", "--no-builtin-rules",
               "--rules", str(RULES), *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "NO_COLOR": "1"})


def findings(result: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    return [finding for file in json.loads(result.stdout)["files"] for finding in file["findings"]]


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_plugin_offers_the_kind_through_its_entry_point(tmp_path):
    listed = checker("--list-rules", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert "quotemarks-unbalanced" in listed.stdout
    without = checker("-p", "no:quotemarks", "--list-rules", cwd=tmp_path)
    assert without.returncode == 4
    assert "unknown kind 'quote-balance'" in without.stdout + without.stderr


def test_balanced_and_continued_quotations_pass(tmp_path):
    result = checker("--format", "json", "--fail-on", "info", str(write(tmp_path, "clean.txt", CLEAN)), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert findings(result) == []


def test_each_unpaired_mark_is_reported_where_it_is(tmp_path):
    article = write(tmp_path, "unbalanced.txt", UNBALANCED)
    result = checker("--format", "json", str(article), cwd=tmp_path)
    # The rule's severity is warning, below the default threshold (error).
    assert result.returncode == 0, result.stderr
    reported = [(f["rule"], f["line"], f["column"], f["text"], f["message"]) for f in findings(result)]
    assert reported == [
        ("quotemarks-unbalanced", 4, 1, "“", "Quotation mark “ is never closed."),
        ("quotemarks-unbalanced", 6, 32, "”", "Quotation mark ” closes no quotation."),
        ("quotemarks-unbalanced", 8, 21, "»",
         "Quotation mark » closes the quotation opened with “ (line 8); expected ”."),
    ]
    failing = checker("--fail-on", "warning", str(article), cwd=tmp_path)
    assert failing.returncode == 1
    assert f"{article}:4:1 warning quotemarks-unbalanced Quotation mark “ is never closed." in failing.stdout


def test_the_wrong_closing_mark_is_an_unsafe_fix(tmp_path):
    article = write(tmp_path, "mismatched.txt", "“The crews are ready» she added.\n")
    checker("--fix", str(article), cwd=tmp_path)
    assert article.read_text(encoding="utf-8") == "“The crews are ready» she added.\n"
    fixed = checker("--fix", "--unsafe-fixes", str(article), cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert article.read_text(encoding="utf-8") == "“The crews are ready” she added.\n"


def test_a_rule_the_kind_cannot_honour_is_refused_when_loaded(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    rule = write(rules, "by-sentence.yaml", "id: team-quotes\nkind: quote-balance\ncategory: style\n"
                                            "message: '{match} {problem}'\nscope: sentence\n")
    write(rules, "bad-pairs.yaml", "id: team-pairs\nkind: quote-balance\ncategory: style\n"
                                   "message: '{match} {problem}'\npairs: ['“']\n")
    result = checker("--rules", str(rules), "--list-rules", cwd=tmp_path)
    assert result.returncode == 4
    output = result.stdout + result.stderr
    assert f"{rule}: rule team-quotes field 'scope': 'sentence' is not one of paragraph, headline" in output
    assert "rule team-pairs field 'pairs': must be a non-empty list of two-character strings" in output
