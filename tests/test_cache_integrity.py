"""The results cache takes nothing a checkout brings along on trust, and every setting that
changes findings is part of its key (issue 26, group 2)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, write

#: Three errors: a state name as an adjective, a name with a word swapped, a share prompt.
BAD = "Title: Port strike\n\nUSA officials said the White Residence was watching.\n\nShare this:\n"
RULES = {"entity-state-name-as-adjective", "entity-swapped-name", "boilerplate-share"}
CLEAN = "Title: Council meets\n\nThe council met on Tuesday and approved the budget.\n"
SHORT_PLUGIN = ROOT / "examples" / "checker-shortarticle"


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """The checker of this checkout, with a user cache folder of its own."""
    environment = {**os.environ, "NO_COLOR": "1", "XDG_CACHE_HOME": str(tmp_path / "user-cache"),
                   "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    for name in ("CHECKER_CACHE_DIR", "GITHUB_ACTIONS"):
        environment.pop(name, None)
    return environment


def checker(environment: dict[str, str], *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, capture_output=True,
                          env=environment, timeout=300, text=True)


def entries(folder: Path) -> list[Path]:
    return sorted((folder / ".checker_cache").rglob("*.json"))


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    folder = tmp_path / "checkout"
    write(folder, ".checker.yaml", "{}\n")
    write(folder, "bad.txt", BAD)
    write(folder, "clean.txt", CLEAN)
    return folder


@pytest.mark.parametrize("format", ["text", "github", "sarif"])
def test_a_forged_empty_entry_does_not_make_a_bad_article_pass(newsroom, home, format):
    first = checker(home, "--format", format, "bad.txt", cwd=newsroom)
    assert first.returncode == 1
    [entry] = entries(newsroom)
    entry.write_text('{"findings": []}', encoding="utf-8")  # what an attacker commits
    forged = checker(home, "--format", format, "bad.txt", cwd=newsroom)
    assert forged.returncode == 1
    assert all(rule in forged.stdout for rule in RULES)
    if format == "text":
        assert "3 findings (3 errors)" in forged.stdout
    if format == "github":
        assert forged.stdout.count("::error ") == 3
    if format == "sarif":
        assert len(json.loads(forged.stdout)["runs"][0]["results"]) == 3
    # The entry that did not verify was checked again and rewritten: the next run reads it.
    assert entry.read_text(encoding="utf-8") != '{"findings": []}'
    assert checker(home, "--format", format, "bad.txt", cwd=newsroom).returncode == 1


def test_an_entry_moved_from_a_clean_article_does_not_verify(newsroom, home):
    assert checker(home, "bad.txt", "clean.txt", cwd=newsroom).returncode == 1
    by_size = sorted(entries(newsroom), key=lambda path: path.stat().st_size)
    clean_entry, bad_entry = by_size  # the clean article's entry holds no findings
    bad_entry.write_bytes(clean_entry.read_bytes())
    result = checker(home, "--format", "json", "bad.txt", cwd=newsroom)
    assert result.returncode == 1
    assert {f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]} == RULES


def test_entries_made_under_another_users_key_are_checked_again_and_rewritten(newsroom, home, tmp_path):
    elsewhere = {**home, "XDG_CACHE_HOME": str(tmp_path / "contributor-cache")}
    assert checker(elsewhere, "bad.txt", cwd=newsroom).returncode == 1  # the cache a checkout brings
    [entry] = entries(newsroom)
    brought = entry.read_bytes()
    assert checker(home, "bad.txt", cwd=newsroom).returncode == 1
    assert entry.read_bytes() != brought  # not read: checked again and sealed with this user's key


def test_the_key_is_made_once_in_the_users_cache_folder_readable_by_the_user_alone(newsroom, home, tmp_path):
    checker(home, "bad.txt", cwd=newsroom)
    key = tmp_path / "user-cache" / "checker" / "results-key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and len(key.read_bytes()) == 32
    made = key.read_bytes()
    checker(home, "clean.txt", cwd=newsroom)
    assert key.read_bytes() == made
    key.chmod(0o644)  # others could read it, and so forge entries: no cache is used then
    [entry] = [path for path in entries(newsroom) if "boilerplate" in path.read_text(encoding="utf-8")]
    entry.write_text('{"findings": []}', encoding="utf-8")
    assert checker(home, "bad.txt", cwd=newsroom).returncode == 1


def test_a_plugin_option_is_part_of_the_key(tmp_path, home):
    """The example plugin's ``--min-words``: a changed value gives fresh results, not stale ones."""
    environment = {**home, "PYTHONPATH": os.pathsep.join([str(SHORT_PLUGIN), str(ROOT)])}
    folder = tmp_path / "desk"
    write(folder, ".checker.yaml", "{}\n")
    write(folder, "story.txt", CLEAN)

    def rules(*args: str) -> set[str]:
        result = checker(environment, "-p", "checker_shortarticle", "--format", "json", *args, "story.txt",
                         cwd=folder)
        assert result.returncode == 0, result.stderr
        return {f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]}

    assert rules("--min-words", "5") == set()
    assert rules("--min-words", "50") == {"shortarticle/too-short"}
    assert rules("--min-words", "5") == set()


def test_settings_that_change_findings_are_part_of_the_key(newsroom, home):
    def findings(*args: str) -> list[tuple[str, str]]:
        result = checker(home, "--format", "json", *args, "bad.txt", cwd=newsroom)
        return sorted((f["rule"], f["severity"]) for f in json.loads(result.stdout)["files"][0]["findings"])

    plain = findings()
    assert ("boilerplate-share", "error") in plain
    assert ("boilerplate-share", "info") in findings("--severity", "boilerplate-share=info")
    write(newsroom, ".checker.yaml", "severity: {boilerplate-share: warning}\n")
    assert ("boilerplate-share", "warning") in findings()
    write(newsroom, ".checker.yaml", "per-path-ignores: {'bad.txt': [boilerplate]}\n")
    assert "boilerplate-share" not in dict(findings())
    write(newsroom, ".checker.yaml", "{}\n")
    assert findings() == plain
