"""A selection that matches nothing is an error (exit 4, one line naming it), never a run of
zero rules that passes every article (issue 26, group 6)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, write

from checker.errors import ExitCode

ARTICLE = "Title: Port strike\n\nUSA officials said the White Residence was watching.\n\nShare this:\n"


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    write(tmp_path, "story.txt", ARTICLE)
    return tmp_path


def checker(folder: Path, *args: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "checker", "--no-cache", *args], cwd=folder, capture_output=True,
                          env=environment, timeout=300, text=True)


def one_line(result: subprocess.CompletedProcess) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


@pytest.mark.parametrize(("args", "expected"), [
    (["--select", "boilerplat"], "checker: error: --select 'boilerplat' matches no rule id, glob or category"),
    (["--select", "boilerplat,entity-swaped*"],
     "checker: error: --select 'boilerplat', 'entity-swaped*' match no rule id, glob or category"),
    (["--ignore", "*"], "checker: error: no rules left to run: the selection (--ignore '*') leaves none of the"),
    (["-k", "boilerplat and contradiction"], "checker: error: -k 'boilerplat and contradiction' matches no rule"),
    (["-m", "sport"], "checker: error: -m/--category 'sport' matches no rule category or tag"),
    (["--no-builtin-rules"], "checker: error: no rules to run: the built-in rules are off"),
])
@pytest.mark.parametrize("listing", [False, True])
def test_a_selection_that_leaves_no_rule_is_one_line_and_exit_4(desk, args, expected, listing):
    result = checker(desk, *args, *(["--list-rules"] if listing else ["story.txt"]))
    assert result.returncode == ExitCode.USAGE_ERROR
    assert one_line(result).startswith(expected)
    assert result.stdout == ""  # nothing reported as checked, nothing listed


def test_a_select_in_the_configuration_that_matches_nothing_names_the_file(desk):
    config = write(desk, ".checker.yaml", "select: [boilerplat]\n")
    for args in (["story.txt"], ["--list-rules"]):
        result = checker(desk, *args)
        assert result.returncode == ExitCode.USAGE_ERROR
        assert one_line(result) == (f"checker: error: select: 'boilerplat' in {config} matches no rule id, "
                                    "glob or category")


def test_a_pattern_that_matches_nothing_beside_one_that_does_fails_the_run_after_checking(desk):
    result = checker(desk, "--select", "boilerplate,boilerplat", "--format", "github", "story.txt")
    assert result.returncode == ExitCode.USAGE_ERROR
    assert one_line(result) == "checker: config error: --select 'boilerplat' matches no rule id, glob or category"
    assert "boilerplate-share" in result.stdout and "entity-swapped-name" not in result.stdout  # the others ran
    listed = checker(desk, "--select", "boilerplate,boilerplat", "--list-rules")
    assert listed.returncode == ExitCode.USAGE_ERROR and "boilerplate-share" in listed.stdout
    assert one_line(listed) == "checker: config error: --select 'boilerplat' matches no rule id, glob or category"


def test_selections_that_match_still_run(desk):
    for args in (["--select", "boilerplate"], ["--select", "entity-s*"], ["--ignore", "boilerplate"],
                 ["-k", "swapped"], ["-m", "entity"], ["--select", "style-acronym-undefined"]):
        result = checker(desk, *args, "story.txt")
        assert result.returncode in (ExitCode.OK, ExitCode.FINDINGS) and result.stderr == "", (args, result.stderr)


def test_a_session_from_option_values_refuses_an_empty_selection(desk):
    from checker.engine.startup import open_session
    from checker.errors import UsageError

    with pytest.raises(UsageError, match="--select 'boilerplat' matches no rule"):
        open_session({"select": ["boilerplat"], "no_config": True}, cwd=desk)
    with pytest.raises(UsageError, match="no rules left to run"):
        open_session({"ignore": ["*"], "no_config": True}, cwd=desk)
