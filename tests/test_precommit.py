"""pre-commit: the repository's .pre-commit-hooks.yaml works end to end with `pre-commit try-repo`.

pre-commit clones this repository, builds the checker into a fresh virtual environment and
runs the hook on a temporary git repository's articles. pip is given a wheelhouse packed
from this interpreter's installed distributions instead of an index, so nothing is
downloaded.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT
from wheelhouse import build

BAD = ("# Storm closes schools across the county\n\nStorm closes schools across the county\n\n"
       "All public schools stayed shut on Monday.\n\nShare this:\n")
CLEAN = "# Council approves budget\n\nThe council approved the budget on Tuesday by seven votes to two.\n"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")


def git(*args: str, cwd) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def environment(tmp_path_factory):
    base = tmp_path_factory.mktemp("precommit")
    wheels = base / "wheels"
    build(["hatchling", "pluggy", "pyyaml", "regex", "trafilatura"], wheels)
    home = base / "home"
    home.mkdir()
    return {
        **os.environ,
        "HOME": str(home),
        "PRE_COMMIT_HOME": str(base / "cache"),
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(wheels),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "VIRTUALENV_NO_DOWNLOAD": "1",
        "NO_COLOR": "1",
        "GIT_CONFIG_NOSYSTEM": "1",
    }


@pytest.fixture
def repo(tmp_path):
    git("init", "-q", cwd=tmp_path)
    git("config", "user.email", "desk@example.org", cwd=tmp_path)
    git("config", "user.name", "Desk", cwd=tmp_path)
    (tmp_path / "bad.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "notes.py").write_text("Share this:\n", encoding="utf-8")  # not an article: not passed to the hook
    git("add", ".", cwd=tmp_path)
    return tmp_path


def try_repo(hook: str, repo, environment, *files: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--files", *files],
                          cwd=repo, env=environment, capture_output=True, text=True, timeout=600)


def test_hook_fails_on_a_bad_article_and_passes_a_clean_one(repo, environment):
    bad = try_repo("checker", repo, environment, "bad.md", "clean.md", "notes.py")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert "bad.md:3:1 error   duplicate-headline" in bad.stdout, bad.stdout
    assert "notes.py" not in bad.stdout and "clean.md:" not in bad.stdout
    clean = try_repo("checker", repo, environment, "clean.md")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout


def test_fix_hook_rewrites_the_article(repo, environment):
    result = try_repo("checker-fix", repo, environment, "bad.md")
    assert result.returncode == 1  # pre-commit fails a hook that changed files
    assert "files were modified by this hook" in result.stdout
    assert (repo / "bad.md").read_text(encoding="utf-8") == (
        "# Storm closes schools across the county\n\nAll public schools stayed shut on Monday.\n")
