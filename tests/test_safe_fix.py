"""--fix and the files it replaces (issue 26, group 4, and the long names of group 11): no
link is followed out of the checked folder, owner, group and mode are kept, hard links are
not broken, a file changed since it was read is not replaced, concurrent runs take turns,
and a name of 235+ bytes can be fixed."""

from __future__ import annotations

import fcntl
import os
import stat
import subprocess
import sys
import time

import pytest
from conftest import ROOT

from checker.cli import main
from checker.engine import fix as fixmod

#: Two safe fixes from two rules: the repeated headline and the share prompt.
ARTICLE = ("Title: Storm closes schools\n\nStorm closes schools\n\n"
           "All schools stayed shut on Monday.\n\nShare this:\n")
WITHOUT_HEADLINE = "Title: Storm closes schools\n\nAll schools stayed shut on Monday.\n\nShare this:\n"
WITHOUT_SHARE = "Title: Storm closes schools\n\nStorm closes schools\n\nAll schools stayed shut on Monday.\n"
FIXED = "Title: Storm closes schools\n\nAll schools stayed shut on Monday.\n"


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)

    def call(*args: str) -> tuple[int, str, str]:
        code = main(["--no-config", "--no-cache", "-j", "1", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return call


# ---- links ------------------------------------------------------------------------------------
def test_a_symbolic_link_out_of_the_checked_folder_is_checked_not_fixed(tmp_path, cli):
    outside = tmp_path / "outside" / "secret.txt"
    outside.parent.mkdir()
    outside.write_text(ARTICLE, encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "story.txt").symlink_to(outside)
    (articles / "real.txt").write_text(ARTICLE, encoding="utf-8")
    (articles / "alias.txt").symlink_to(articles / "real.txt")
    (articles / "own.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, err = cli("--fix", "articles")
    assert outside.read_text(encoding="utf-8") == ARTICLE  # never written through the link
    assert (articles / "story.txt").is_symlink()
    assert f"checker: note: articles/story.txt: checked, not fixed: it is a symbolic link to {outside}, " \
           f"outside the checked folder {articles}" in err
    assert "articles/story.txt 2 findings" in out  # checked as it is
    # A link inside the folder is followed and stays a link; other files are fixed.
    assert (articles / "alias.txt").is_symlink() and (articles / "real.txt").read_text(encoding="utf-8") == FIXED
    assert (articles / "own.txt").read_text(encoding="utf-8") == FIXED
    assert code == 1


def test_a_file_with_hard_links_is_checked_not_fixed(tmp_path, cli):
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    twin = tmp_path / "twin.txt"
    os.link(story, twin)
    code, out, err = cli("--fix", "story.txt")
    assert os.stat(story).st_ino == os.stat(twin).st_ino and os.stat(story).st_nlink == 2
    assert story.read_text(encoding="utf-8") == twin.read_text(encoding="utf-8") == ARTICLE
    assert "checker: note: story.txt: checked, not fixed: it has 2 hard links, which replacing it would break" in err
    assert "story.txt 2 findings" in out and code == 1


# ---- owner, group and mode ----------------------------------------------------------------------
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file away needs root")
def test_fix_keeps_owner_group_and_mode_of_another_users_file(tmp_path, cli):
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    os.chown(story, 4321, 8765)
    story.chmod(0o2664)  # set-group-id too, which a chown after the chmod would clear
    code, _, err = cli("--fix", "story.txt")
    status = os.stat(story)
    assert story.read_text(encoding="utf-8") == FIXED, err
    assert (status.st_uid, status.st_gid, stat.S_IMODE(status.st_mode)) == (4321, 8765, 0o2664)
    assert code == 0


# ---- a file that changes during the run -------------------------------------------------------
def _changing(monkeypatch, change) -> None:
    """Run ``change()`` once the fixes are computed, before they are written."""
    original = fixmod.fix_text

    def fix_then_change(*args, **kwargs):
        outcome = original(*args, **kwargs)
        change()
        return outcome

    monkeypatch.setattr(fixmod, "fix_text", fix_then_change)


def test_a_line_appended_between_the_read_and_the_write_is_kept(tmp_path, cli, monkeypatch):
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE, encoding="utf-8")

    def append() -> None:
        if story.read_text(encoding="utf-8") == ARTICLE:
            with open(story, "a", encoding="utf-8") as stream:
                stream.write("A line from another program.\n")

    _changing(monkeypatch, append)
    code, out, _ = cli("--fix", "story.txt", "other.txt")
    assert story.read_text(encoding="utf-8") == ARTICLE + "A line from another program.\n"
    assert "story.txt: error changed during the run (its size, modification time or inode changed since it " \
           "was read); the fixes were not written, run again" in out
    assert other.read_text(encoding="utf-8") == FIXED  # the others are still fixed
    assert code == 6


def test_a_change_of_the_same_size_and_time_is_found_by_the_content_hash(tmp_path, cli, monkeypatch):
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    before = os.stat(story)
    edited = ARTICLE.replace("Monday", "Friday")

    def rewrite() -> None:
        story.write_text(edited, encoding="utf-8")
        os.utime(story, ns=(before.st_atime_ns, before.st_mtime_ns))

    _changing(monkeypatch, rewrite)
    code, out, _ = cli("--fix", "story.txt")
    assert story.read_text(encoding="utf-8") == edited
    assert "story.txt: error changed during the run (its content changed since it was read)" in out
    assert code == 6


def _holds_open(pid: int, path: str) -> bool:
    folder = f"/proc/{pid}/fd"
    try:
        return any(os.path.realpath(os.path.join(folder, fd)) == path for fd in os.listdir(folder))
    except OSError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="watches /proc for the waiting processes")
def test_two_concurrent_fix_runs_take_turns_and_neither_loses_work_silently(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    environment = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}

    def start(rule: str) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "checker", "--no-config", "--no-cache", "-j", "1", "--fix",
                                 "--select", rule, "story.txt"], cwd=tmp_path, env=environment,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    with open(story, "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as a third run would: both read the file, then wait
        runs = [start("duplicate-headline"), start("boilerplate-share")]
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and any(run.poll() is None for run in runs):
            if all(_holds_open(run.pid, str(story)) for run in runs):
                break
            time.sleep(0.05)
        time.sleep(0.2)
    outcomes = [(run.wait(timeout=120), run.stdout.read().decode(), run.stderr.read().decode()) for run in runs]
    codes = sorted(code for code, _, _ in outcomes)
    assert codes == [0, 6], outcomes  # one wrote its fix, the other found the file changed and said so
    waited = next(out for code, out, _ in outcomes if code == 6)
    assert "changed during the run" in waited
    assert story.read_text(encoding="utf-8") in (WITHOUT_HEADLINE, WITHOUT_SHARE)  # the first run's fix, whole
    for run in runs:
        run.stdout.close()
        run.stderr.close()
    # Run again, the second run's fix lands on top of the first's.
    again = subprocess.run([sys.executable, "-m", "checker", "--no-config", "--no-cache", "--fix", "story.txt"],
                           cwd=tmp_path, env=environment, capture_output=True, timeout=120)
    assert again.returncode == 0 and story.read_text(encoding="utf-8") == FIXED


# ---- long names --------------------------------------------------------------------------------
def test_a_file_name_of_250_bytes_can_be_fixed(tmp_path, cli):
    name = "é" * 100 + "a" * 46 + ".txt"  # 250 bytes in UTF-8, 5 short of the limit
    assert len(name.encode()) == 250
    story = tmp_path / name
    story.write_text(ARTICLE, encoding="utf-8")
    code, _, err = cli("--fix", name)
    assert story.read_text(encoding="utf-8") == FIXED, err
    assert sorted(p.name for p in tmp_path.iterdir()) == [name] and code == 0
