"""The GitHub Action (action.yml): its steps' scripts run here as the runner runs them, on a
pull request made in a temporary repository with a local origin."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from checker.plugin import builtin

ACTION = ROOT / "action.yml"
SCRIPTS = ROOT / ".github" / "action"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

BAD = ("Title: Council votes to close the library\nPublished: 2026-03-02\n\n"
       "Council votes to close the library\n\nThe council voted on Monday to close the branch library.\n")
CLEAN = ("Title: Harbour ferry returns after repairs\nPublished: 2026-03-02\n\n"
         "The harbour ferry carried its first passengers in six weeks on Monday morning.\n")


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True,
                          env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}).stdout


@pytest.fixture
def pull_request(tmp_path: Path) -> Path:
    """A clone whose branch changes one article, adds one with a space and a leading dash in
    its name, and adds a file the checker does not read, against origin/main."""
    origin, work = tmp_path / "origin.git", tmp_path / "work"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    git(tmp_path, "clone", "-q", str(origin), str(work))
    (work / "articles").mkdir()
    (work / "articles" / "ferry.txt").write_text(CLEAN, encoding="utf-8")
    (work / "articles" / "library.txt").write_text(CLEAN.replace("ferry", "bus"), encoding="utf-8")
    git(work, "add", ".")
    git(work, "commit", "-q", "-m", "base")
    git(work, "push", "-q", "origin", "HEAD:main")
    git(work, "checkout", "-q", "-b", "story")
    (work / "articles" / "library.txt").write_text(BAD, encoding="utf-8")
    (work / "articles" / "-late edition.md").write_text(CLEAN.replace("ferry", "tram"), encoding="utf-8")
    (work / "articles" / "notes.csv").write_text("a,b\n", encoding="utf-8")
    git(work, "add", ".")
    git(work, "commit", "-q", "-m", "story")
    return work


def run_step(script: str, cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(SCRIPTS / script), *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "GITHUB_ACTION_PATH": str(ROOT), **env})


def outputs(file: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in file.read_text(encoding="utf-8").splitlines())


def test_run_steps_take_inputs_from_the_environment_only():
    """A `${{ }}` expression inside a script is pasted into the shell code by the runner: a
    branch or file name could then run as a command. Inputs reach the scripts as variables."""
    action = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    runs = [step for step in action["runs"]["steps"] if "run" in step]
    assert runs, "the action has no run steps"
    for step in runs:
        assert "${{" not in step["run"], step["name"]
        assert step["shell"] == "bash"
    assert action["runs"]["using"] == "composite"
    assert {"paths", "changed-only", "fail-on", "args", "sarif"} <= set(action["inputs"])


def test_the_suffixes_the_action_picks_are_the_ones_the_checker_reads():
    text = (SCRIPTS / "articles.sh").read_text(encoding="utf-8")
    pattern = re.compile(re.search(r"SUFFIXES='(.+)'", text).group(1), re.IGNORECASE)
    for suffix in builtin.checker_input_suffixes():
        assert pattern.search("story" + suffix), suffix
    assert not pattern.search("notes.csv") and not pattern.search("report.txt.bak")


def test_a_pull_request_is_checked_on_its_changed_articles_only(pull_request: Path, tmp_path: Path):
    github_output = tmp_path / "github-output"
    env = {"INPUT_PATHS": "articles", "INPUT_CHANGED_ONLY": "true", "BASE_REF": "main",
           "GITHUB_OUTPUT": str(github_output), "RUNNER_TEMP": str(tmp_path)}
    chosen = run_step("articles.sh", pull_request, env)
    assert chosen.returncode == 0, chosen.stderr
    step = outputs(github_output)
    assert step["count"] == "2"
    assert sorted(Path(step["file"]).read_text(encoding="utf-8").splitlines()) == [
        "articles/-late edition.md", "articles/library.txt"]

    check = run_step("check.sh", pull_request, {"ARTICLES_FILE": step["file"], "INPUT_FAIL_ON": "error",
                                                "INPUT_ARGS": "--no-cache"}, "github")
    assert check.returncode == 1, check.stderr  # the repeated headline is an error
    annotations = [line for line in check.stdout.splitlines() if line.startswith("::")]
    assert annotations and all("file=articles/library.txt" in line for line in annotations)
    assert any("duplicate-headline" in line for line in annotations)

    sarif = run_step("check.sh", pull_request, {"ARTICLES_FILE": step["file"], "INPUT_ARGS": "--no-cache"}, "sarif")
    assert sarif.returncode == 0, sarif.stderr  # the annotations step decides the outcome
    report = json.loads((pull_request / "checker.sarif").read_text(encoding="utf-8"))
    uris = {result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for result in report["runs"][0]["results"]}
    assert uris == {"articles/library.txt"}


def test_fail_on_and_extra_arguments_reach_the_checker(pull_request: Path, tmp_path: Path):
    listed = tmp_path / "list"
    listed.write_text("articles/library.txt\n", encoding="utf-8")
    ignored = run_step("check.sh", pull_request, {"ARTICLES_FILE": str(listed), "INPUT_FAIL_ON": "error",
                                                  "INPUT_ARGS": "--no-cache --ignore duplicate"}, "github")
    assert ignored.returncode == 0, ignored.stdout + ignored.stderr


def test_without_a_pull_request_the_paths_are_checked_as_given(pull_request: Path, tmp_path: Path):
    github_output = tmp_path / "github-output"
    env = {"INPUT_PATHS": "articles", "INPUT_CHANGED_ONLY": "true", "BASE_REF": "",
           "GITHUB_OUTPUT": str(github_output), "RUNNER_TEMP": str(tmp_path)}
    assert run_step("articles.sh", pull_request, env).returncode == 0
    step = outputs(github_output)
    assert step["count"] == "1"
    assert Path(step["file"]).read_text(encoding="utf-8").splitlines() == ["articles"]


def test_a_pull_request_that_changes_no_article_checks_nothing(pull_request: Path, tmp_path: Path):
    git(pull_request, "checkout", "-q", "-b", "docs", "main")
    (pull_request / "notes.csv").write_text("only data\n", encoding="utf-8")
    git(pull_request, "add", ".")
    git(pull_request, "commit", "-q", "-m", "data only")
    github_output = tmp_path / "github-output"
    env = {"INPUT_PATHS": ".", "INPUT_CHANGED_ONLY": "true", "BASE_REF": "main",
           "GITHUB_OUTPUT": str(github_output), "RUNNER_TEMP": str(tmp_path)}
    assert run_step("articles.sh", pull_request, env).returncode == 0
    assert outputs(github_output)["count"] == "0"
