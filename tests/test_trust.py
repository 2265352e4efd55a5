"""Local code (``checkerconf.py``, ``plugins:`` modules beside a configuration) runs only
where the user trusts it: the language server never runs an untrusted folder's code,
``--no-local-plugins`` / ``CHECKER_NO_LOCAL_PLUGINS=1`` do the same on the command line, and
the search for a configuration stops at the repository root (issue 26, group 1)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, write
from lspclient import LspClient

ARTICLE = "Title: Port reopens\n\nThe port reopened on Monday.\n\nShare this:\n"
#: Code an attacker commits beside an article: it leaves a mark and empties every finding.
HOSTILE = """\
import os
from pathlib import Path

from checker import hookimpl

Path(os.environ["MARK_FOLDER"], "{name}").write_text("ran", encoding="utf-8")


@hookimpl
def checker_process_findings(findings):
    findings.clear()
"""


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """An environment of its own: configuration and cache folders in ``tmp_path``, the
    checker of this checkout, and a folder where hostile code leaves its marks."""
    marks = tmp_path / "marks"
    marks.mkdir()
    environment = {**os.environ, "NO_COLOR": "1", "XDG_CONFIG_HOME": str(tmp_path / "config"),
                   "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT),
                   "PYTHONDONTWRITEBYTECODE": "1", "MARK_FOLDER": str(marks)}
    environment.pop("CHECKER_NO_LOCAL_PLUGINS", None)
    return environment


def project(folder: Path, plugin_module: bool = False) -> Path:
    """A folder of articles with a configuration and hostile local code."""
    write(folder, ".checker.yaml", "plugins: [newsdesk_plugin]\n" if plugin_module else "{}\n")
    write(folder, "checkerconf.py", HOSTILE.format(name="checkerconf"))
    if plugin_module:
        write(folder, "newsdesk_plugin.py", HOSTILE.format(name="newsdesk_plugin"))
    write(folder, "story.txt", ARTICLE)
    return folder


def checker(environment: dict[str, str], *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, capture_output=True,
                          env=environment, timeout=300, text=True)


def marks(environment: dict[str, str]) -> list[str]:
    return sorted(os.listdir(environment["MARK_FOLDER"]))


def clear_marks(environment: dict[str, str]) -> None:
    for name in marks(environment):
        os.unlink(os.path.join(environment["MARK_FOLDER"], name))


def notes(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("checker: note: ")]


# ---- the command line -------------------------------------------------------------------------
def test_the_command_line_runs_the_local_code_of_the_project_it_runs_in(tmp_path, home):
    folder = project(tmp_path / "desk", plugin_module=True)
    result = checker(home, "--no-cache", "story.txt", cwd=folder)
    assert result.returncode == 0 and marks(home) == ["checkerconf", "newsdesk_plugin"]  # as pytest's conftest.py


@pytest.mark.parametrize("switch", ["option", "environment"])
def test_no_local_plugins_runs_no_untrusted_code_and_says_so_once(tmp_path, home, switch):
    folder = project(tmp_path / "contribution", plugin_module=True)
    args = ["--no-local-plugins"] if switch == "option" else []
    environment = {**home, "CHECKER_NO_LOCAL_PLUGINS": "1"} if switch == "environment" else home
    result = checker(environment, "--no-cache", *args, "story.txt", cwd=folder)
    assert marks(home) == []
    assert result.returncode == 1 and "boilerplate-share" in result.stdout  # the findings stay
    said = notes(result.stderr)
    assert len(said) == 2 and len(result.stderr.splitlines()) == 2, result.stderr
    conf = folder.resolve() / "checkerconf.py"
    assert any(str(conf) in line and f"checker trust {folder.resolve()}" in line for line in said)
    assert any("newsdesk_plugin" in line and f"checker trust {folder.resolve()}" in line for line in said)
    assert ("--no-local-plugins" if switch == "option" else "CHECKER_NO_LOCAL_PLUGINS") in said[0]


def test_installed_plugins_still_load_without_local_code(tmp_path, home):
    folder = tmp_path / "desk"
    write(folder, ".checker.yaml", "plugins: [json]\n")  # installed (the standard library): not local code
    write(folder, "story.txt", ARTICLE)
    result = checker(home, "--no-cache", "--no-local-plugins", "story.txt", cwd=folder)
    assert result.returncode == 1 and result.stderr == ""


def test_trust_records_each_hash_and_code_that_changes_needs_trusting_again(tmp_path, home):
    folder = project(tmp_path / "desk", plugin_module=True)
    real = folder.resolve()
    trusted = checker(home, "trust", str(folder), cwd=tmp_path)
    assert trusted.returncode == 0, trusted.stderr
    assert "checkerconf.py" in trusted.stdout and "newsdesk_plugin.py" in trusted.stdout
    store = tmp_path / "config" / "checker" / "trust.json"
    assert stat.S_IMODE(store.stat().st_mode) == 0o600
    recorded = json.loads(store.read_text())["folders"][str(real)]["files"]
    assert set(recorded) == {str(real / "checkerconf.py"), str(real / "newsdesk_plugin.py")}
    assert all(len(digest) == 64 for digest in recorded.values())

    result = checker(home, "--no-cache", "--no-local-plugins", "story.txt", cwd=folder)
    assert marks(home) == ["checkerconf", "newsdesk_plugin"] and result.stderr == ""
    clear_marks(home)

    (folder / "checkerconf.py").write_text(HOSTILE.format(name="checkerconf") + "# changed\n", encoding="utf-8")
    result = checker(home, "--no-cache", "--no-local-plugins", "story.txt", cwd=folder)
    assert marks(home) == ["newsdesk_plugin"]  # unchanged: still trusted
    [note] = notes(result.stderr)
    assert "checkerconf.py" in note and "changed since" in note and f"checker trust {real}" in note
    listed = checker(home, "trust", "--list", cwd=tmp_path)
    assert listed.returncode == 0 and str(real) in listed.stdout and "changed" in listed.stdout
    clear_marks(home)

    write(folder, "inner/checkerconf.py", HOSTILE.format(name="inner"))  # new since the folder was trusted
    write(folder, "inner/.checker.yaml", "{}\n")
    result = checker(home, "--no-cache", "--no-local-plugins", "../story.txt", cwd=folder / "inner")
    assert marks(home) == [] and "is new since" in notes(result.stderr)[0]

    assert checker(home, "trust", str(folder), cwd=tmp_path).returncode == 0
    checker(home, "--no-cache", "--no-local-plugins", "story.txt", cwd=folder)
    assert marks(home) == ["checkerconf", "newsdesk_plugin"]
    clear_marks(home)

    revoked = checker(home, "trust", "--revoke", str(folder), cwd=tmp_path)
    assert revoked.returncode == 0
    result = checker(home, "--no-cache", "--no-local-plugins", "story.txt", cwd=folder)
    assert marks(home) == [] and len(notes(result.stderr)) == 2
    again = checker(home, "trust", "--revoke", str(folder), cwd=tmp_path)
    assert again.returncode == 4 and again.stderr.startswith("checker: error: ") and "not trusted" in again.stderr
    assert checker(home, "trust", str(folder / "story.txt"), cwd=tmp_path).returncode == 4  # not a folder


def test_a_trust_file_others_can_write_trusts_nothing(tmp_path, home):
    folder = project(tmp_path / "desk")
    assert checker(home, "trust", str(folder), cwd=tmp_path).returncode == 0
    store = tmp_path / "config" / "checker" / "trust.json"
    store.chmod(0o666)
    result = checker(home, "--no-cache", "--no-local-plugins", "story.txt", cwd=folder)
    assert marks(home) == [] and "writable by others" in notes(result.stderr)[0]


def test_the_configuration_search_stops_at_the_repository_root(tmp_path, home):
    downloads = project(tmp_path / "Downloads")  # a shared folder with a configuration and code
    for marker in (".git", ".hg"):
        repository = downloads / f"repository{marker}"
        (repository / marker).mkdir(parents=True)
        write(repository, "articles/story.txt", ARTICLE)
        result = checker(home, "--no-cache", "story.txt", cwd=repository / "articles")
        assert marks(home) == [], marker
        assert result.returncode == 1 and "config:" not in result.stdout.splitlines()[0]
    # A worktree or submodule holds .git as a file.
    worktree = downloads / "worktree"
    write(worktree, ".git", "gitdir: /elsewhere\n")
    write(worktree, "story.txt", ARTICLE)
    assert checker(home, "--no-cache", "story.txt", cwd=worktree).returncode == 1 and marks(home) == []


# ---- the language server ------------------------------------------------------------------------
class Client(LspClient):
    """The server started with the test's home folder as its environment."""

    def __init__(self, cwd: Path, environment: dict[str, str]) -> None:
        super().__init__(cwd, environment=environment, wait=60)

    def diagnostics(self, path: Path) -> list[dict[str, Any]]:  # type: ignore[override]
        """Open ``path`` as written on disk: its diagnostics."""
        return super().diagnostics(self.open(path, path.read_text(encoding="utf-8"), write=False))

    @property
    def logged(self) -> list[str]:  # type: ignore[override]
        return [m["params"]["message"] for m in self.notifications if m["method"] == "window/logMessage"]

    def finish(self) -> str:
        self.request("shutdown", None)
        self.notify("exit", None)
        _, stderr = self.process.communicate(timeout=60)
        return stderr.decode("utf-8", "replace")


def start(cwd: Path, environment: dict[str, str], options: dict[str, Any] | None = None,
          root: bool = False) -> Client:
    client = Client(cwd, environment)
    client.initialize(cwd if root else None, options or {})
    return client


@pytest.fixture
def editor(home):
    pytest.importorskip("pygls")
    started: list[Client] = []

    def launch(*args: Any, **kwargs: Any) -> Client:
        client = start(*args, **kwargs)
        started.append(client)
        return client

    yield launch
    for client in started:
        if client.process.poll() is None:
            client.process.kill()
            client.process.wait()


def test_the_language_server_runs_no_code_from_an_untrusted_folder(tmp_path, home, editor):
    # As the issue found it: no root, one document opened below a shared folder's configuration.
    downloads = project(tmp_path / "Downloads")
    write(downloads, "new/story.txt", ARTICLE)
    client = editor(tmp_path, home)
    diagnostics = client.diagnostics(downloads / "new" / "story.txt")
    assert [d["code"] for d in diagnostics] == ["boilerplate-share"]
    stderr = client.finish()
    assert marks(home) == []
    [note] = [line for line in stderr.splitlines() if line.startswith("checker: note: ")]
    assert str(downloads.resolve() / "checkerconf.py") in note and f"checker trust {downloads.resolve()}" in note
    assert any("checkerconf.py" in line for line in client.logged)
    # The server started in the folder (an editor opening it), where its plugins: module is found.
    desk = project(tmp_path / "desk", plugin_module=True)
    client = editor(desk, home, root=True)
    assert [d["code"] for d in client.diagnostics(desk / "story.txt")] == ["boilerplate-share"]
    stderr = client.finish()
    assert marks(home) == []
    said = [line for line in stderr.splitlines() if line.startswith("checker: note: ")]
    assert len(said) == 2 and all(f"checker trust {desk.resolve()}" in line for line in said)


def test_the_language_server_runs_code_the_user_or_the_editor_trusts(tmp_path, home, editor):
    trusted_by_command = project(tmp_path / "desk", plugin_module=True)
    assert checker(home, "trust", str(trusted_by_command), cwd=tmp_path).returncode == 0
    client = editor(trusted_by_command, home, root=True)
    assert client.diagnostics(trusted_by_command / "story.txt") == [], client.logged  # its code emptied them
    assert marks(home) == ["checkerconf", "newsdesk_plugin"]
    client.finish()
    clear_marks(home)

    trusted_by_editor = project(tmp_path / "workspace")
    client = editor(tmp_path, home, {"trustedFolders": [trusted_by_editor.as_uri()]})
    assert client.diagnostics(trusted_by_editor / "story.txt") == [], client.logged
    assert marks(home) == ["checkerconf"]
    client.finish()
