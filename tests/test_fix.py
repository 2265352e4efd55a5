"""Autofix: --fix, --unsafe-fixes, --diff; fixes in every format; atomic, byte-preserving writes."""

from __future__ import annotations

import json
import os
import stat
import subprocess

import pytest
from conftest import run_checker

from checker.cli import main
from checker.engine import fix as fixmod
from checker.finding import Edit, Finding, Fix, Location, Severity

HEADLINE = "Storm closes schools across the county"
ARTICLE = (
    f"Title: {HEADLINE}\n\n{HEADLINE}\n\n"
    "All public schools stayed shut on Monday, the café owners said 🙂.\n\n"
    "Share this:\n\n"
    "Like this:\n\n"
    "The council met on Tuesday to discuss the the budget.\n"
)
#: The article after --fix: the repeated headline and both share prompts gone, nothing else.
FIXED = (
    f"Title: {HEADLINE}\n\n"
    "All public schools stayed shut on Monday, the café owners said 🙂.\n\n"
    "The council met on Tuesday to discuss the the budget.\n"
)


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)

    def call(*args: str) -> tuple[int, str, str]:
        code = main(["--no-config", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return call


def _fix(start: int, end: int, replacement: str, applicability: str = "safe") -> Fix:
    location = Location(1, start + 1, 1, end + 1, start, end - start, "")
    return Fix(applicability, "test", (Edit(location, replacement),))


def _finding(fix: Fix | None) -> Finding:
    location = Location(1, 1, 1, 2, 0, 1, "x")
    return Finding("r", "style", Severity.WARNING, "m", location, fix=fix)


# ---- applying edits -----------------------------------------------------------------------
def test_edits_are_applied_from_the_end_so_offsets_stay_valid():
    text = "one two three four"
    assert fixmod.apply(text, [_fix(0, 3, "1"), _fix(8, 13, "3"), _fix(4, 7, "")]) == "1  3 four"


def test_overlapping_fixes_keep_the_earlier_one():
    chosen = fixmod.choose([_fix(4, 10, "b"), _fix(0, 6, "a"), _fix(10, 12, "c"), _fix(5, 5, "x")])
    assert [(f.start, f.end) for f in chosen] == [(0, 6), (10, 12)]


def test_unsafe_fixes_are_only_chosen_when_asked():
    findings = [_finding(_fix(0, 1, "a")), _finding(_fix(2, 3, "b", "unsafe")), _finding(None)]
    assert [f.applicability for f in fixmod.applicable(findings, unsafe=False)] == ["safe"]
    assert len(fixmod.applicable(findings, unsafe=True)) == 2


@pytest.mark.parametrize(("text", "target", "expected"), [
    ("a\n\nShare this:\n\nb\n", "Share this:", "a\n\nb\n"),          # the line and one blank line
    ("Share this:\nb\n", "Share this:", "b\n"),                       # first line
    ("a\n\nShare this:", "Share this:", "a"),                         # last line, no final break
    ("a\n\nShare this:\n\n", "Share this:", "a\n\n"),                # last words: final breaks kept
    ("a\r\n\r\nShare this:\r\n\r\nb\r\n", "Share this:", "a\r\n\r\nb\r\n"),
    ("One. Two two. Three.\n", "Two two.", "One. Three.\n"),          # a sentence, not the line
    ("One. Two.\n", "Two.", "One.\n"),                                # sentence at a line's end
])
def test_removal_span_removes_a_line_or_a_sentence_cleanly(article, text, target, expected):
    parsed = article(text)
    start = text.index(target)
    cut = parsed.removal_span(start, start + len(target))
    assert text[: cut[0]] + text[cut[1] :] == expected


# ---- the command line --------------------------------------------------------------------
def test_fix_applies_safe_fixes_and_leaves_every_other_byte(tmp_path, cli):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = cli("--fix", str(path))
    assert path.read_text(encoding="utf-8") == FIXED
    assert "Fixed 3 findings." in out
    assert "style-repeated-word" in out and "[fix: unsafe]" in out  # left for --unsafe-fixes
    assert code == 0  # what is left is an info finding


def test_a_prompt_after_the_articles_own_sentences_goes_and_the_sentences_stay(tmp_path, cli):
    """A paragraph that ends with a comment prompt keeps its own sentences; a line that is
    only prompts goes whole."""
    path = tmp_path / "story.txt"
    path.write_text("Title: Library hours\n\nThe library will open on Sundays from March. Staff "
                    "voted for the change last week. Have your say in the comments below!\n\n"
                    "Is this a good idea? Leave a comment below.\n\nThe trial runs until June.\n", encoding="utf-8")
    cli("--fix", str(path))
    assert path.read_text(encoding="utf-8") == (
        "Title: Library hours\n\nThe library will open on Sundays from March. Staff voted for the change last "
        "week. Have your say in the comments below!\n\nThe trial runs until June.\n")
    cli("--fix", "--unsafe-fixes", str(path))  # written into a paragraph of its own, the prompt may be the author's
    assert path.read_text(encoding="utf-8") == (
        "Title: Library hours\n\nThe library will open on Sundays from March. Staff voted for the change last "
        "week.\n\nThe trial runs until June.\n")


def test_fix_keeps_crlf_bom_and_non_ascii_bytes(tmp_path, cli):
    path = tmp_path / "story.txt"
    original = b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(original)
    cli("--fix", str(path))
    assert path.read_bytes() == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode("utf-8")


def test_fix_writes_utf16_and_latin1_back_in_their_own_encoding(tmp_path, cli):
    wide = tmp_path / "wide.txt"
    wide.write_bytes(b"\xfe\xff" + ARTICLE.encode("utf-16-be"))
    latin = tmp_path / "latin.txt"
    latin.write_bytes(ARTICLE.replace(" 🙂", "").encode("latin-1"))
    cli("--fix", str(wide))
    cli("--fix", "--encoding", "latin-1", str(latin))
    assert wide.read_bytes() == b"\xfe\xff" + FIXED.encode("utf-16-be")
    assert latin.read_bytes() == FIXED.replace(" 🙂", "").encode("latin-1")


def test_second_fix_run_finds_nothing_to_fix(tmp_path, cli):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    cli("--fix", "--unsafe-fixes", str(path))
    once = path.read_bytes()
    assert b"the the" not in once
    code, out, err = cli("--diff", "--unsafe-fixes", str(path))
    assert (code, out) == (0, "") and "nothing to fix" in err
    _, out, _ = cli("--fix", "--unsafe-fixes", "--format", "json", str(path))
    assert json.loads(out)["files"][0]["findings"] == [] or path.read_bytes() == once
    assert path.read_bytes() == once


def test_fixes_that_reveal_new_fixes_reach_a_fixed_point(tmp_path, cli):
    # The repeated paragraph's removal and the last line's touch each other: the second is
    # applied in a later round of the same run.
    paragraph = "The mayor said the new bridge would open to traffic in the spring of next year."
    path = tmp_path / "story.txt"
    path.write_text(f"Title: Bridge\n\n{paragraph}\n\nShare this:\n\n{paragraph}\n\nLike this:\n", encoding="utf-8")
    cli("--fix", str(path))
    assert path.read_text(encoding="utf-8") == f"Title: Bridge\n\n{paragraph}\n"
    _, out, _ = cli("--diff", str(path))
    assert out == ""


def test_diff_shows_the_fix_and_writes_nothing(tmp_path, cli):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    before = os.stat(path)
    code, out, err = cli("--diff", str(path))
    assert code == 1 and "would fix 3 findings" in err
    assert "-Share this:\n" in out and f"-{HEADLINE}\n" in out and "the the" not in out.replace(" the the budget", "")
    assert path.read_text(encoding="utf-8") == ARTICLE
    assert os.stat(path).st_mtime_ns == before.st_mtime_ns
    # The diff is a real patch: applying it gives what --fix writes.
    subprocess.run(["patch", "-s", str(path)], input=out.encode(), check=True)
    assert path.read_text(encoding="utf-8") == FIXED


def test_fix_and_diff_of_a_batch_in_workers_equal_those_of_one_process(tmp_path):
    """A batch runs in worker processes by default: each fixes its files, and the files, the
    report and the diff are those of a run in one process."""
    folders = {}
    for jobs in ("1", "2"):
        folder = folders[jobs] = tmp_path / f"j{jobs}"
        folder.mkdir()
        for number in range(20):
            (folder / f"s{number:02d}.txt").write_text(ARTICLE.replace("Monday", f"day {number}"), encoding="utf-8")
    diffs = {jobs: run_checker("--no-config", "--no-cache", "--diff", "-j", jobs, ".", cwd=folder)
             for jobs, folder in folders.items()}
    assert diffs["1"].stdout == diffs["2"].stdout and diffs["1"].stdout.count(b"-Share this:") == 20
    reports = {}
    for jobs, folder in folders.items():
        result = run_checker("--no-config", "--no-cache", "--fix", "--format", "json", "-j", jobs, ".", cwd=folder)
        reports[jobs] = json.loads(result.stdout)
        assert result.returncode == 0
    assert reports["1"]["files"] == reports["2"]["files"]
    assert reports["1"]["summary"] | {"duration": 0} == reports["2"]["summary"] | {"duration": 0}
    for name in sorted(os.listdir(folders["1"])):
        fixed = (folders["2"] / name).read_text(encoding="utf-8")
        assert fixed == (folders["1"] / name).read_text(encoding="utf-8") and "Share this" not in fixed
    assert sorted(os.listdir(folders["2"])) == sorted(os.listdir(folders["1"]))  # no temporary file left


def test_unsafe_fixes_apply_only_with_the_flag(tmp_path, cli):
    path = tmp_path / "story.txt"
    path.write_text("Title: Budget\n\nThe council will discuss the the budget on Tuesday.\n", encoding="utf-8")
    cli("--fix", str(path))
    assert "the the" in path.read_text(encoding="utf-8")
    cli("--fix", "--unsafe-fixes", str(path))
    assert path.read_text(encoding="utf-8") == "Title: Budget\n\nThe council will discuss the budget on Tuesday.\n"


def test_fix_keeps_mode_and_leaves_no_temporary_file(tmp_path, cli):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0o640)
    inode = os.stat(path).st_ino
    cli("--fix", str(path))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert os.stat(path).st_ino != inode  # replaced by rename, not rewritten in place
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt"]


def test_fix_through_a_symlink_keeps_the_link(tmp_path, cli):
    target = tmp_path / "real.txt"
    target.write_text(ARTICLE, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    cli("--fix", str(link))
    assert link.is_symlink() and target.read_text(encoding="utf-8") == FIXED


def test_interrupted_write_leaves_the_original_whole(tmp_path, monkeypatch):
    path = tmp_path / "story.txt"
    path.write_bytes(b"original")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(fixmod.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fixmod.write_atomic(str(path), b"new content")
    assert path.read_bytes() == b"original"
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]


def test_unreadable_and_unparsable_files_are_never_written(tmp_path, cli, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    latin = tmp_path / "latin.txt"
    latin_bytes = "Title: Caf\xe9\n\nShare this:\n".encode("latin-1")
    latin.write_bytes(latin_bytes)
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"Share this:\n\x00\x01")
    plugin = tmp_path / "badparser.py"
    plugin.write_text(
        "from checker import hookimpl\n"
        "@hookimpl(tryfirst=True)\n"
        "def checker_parse_article(path, text, format):\n"
        "    if path.endswith('.md'):\n"
        "        raise ValueError('cannot parse this')\n", encoding="utf-8")
    markdown = tmp_path / "story.md"
    markdown.write_text(ARTICLE, encoding="utf-8")
    clean = tmp_path / "story.txt"
    clean.write_text(ARTICLE, encoding="utf-8")
    code, _, err = cli("--fix", "-p", "badparser", str(latin), str(binary), str(markdown), str(clean))
    assert latin.read_bytes() == latin_bytes
    assert binary.read_bytes() == b"Share this:\n\x00\x01"
    assert markdown.read_text(encoding="utf-8") == ARTICLE
    assert clean.read_text(encoding="utf-8") == FIXED  # the others are still fixed
    assert code == 3  # the crashing parser plugin decides the exit code
    assert "story.md: parsing failed: ValueError: cannot parse this" in err


def test_fix_from_standard_input_writes_the_text_to_standard_output():
    result = run_checker("--no-config", "--fix", "-", stdin=ARTICLE.encode("utf-8"))
    assert result.stdout.decode("utf-8") == FIXED
    assert b"Fixed 3 findings." in result.stderr


def test_json_carries_each_fix_with_its_applicability(tmp_path, cli):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    _, out, _ = cli("--format", "json", str(path))
    findings = {f["rule"]: f for f in reversed(json.loads(out)["files"][0]["findings"])}  # first of each
    boiler = findings["boilerplate-share"]["fix"]
    assert boiler["applicability"] == "safe"
    [edit] = boiler["edits"]
    assert edit["replacement"] == "" and edit["text"] == "Share this:\n\n"
    assert findings["style-repeated-word"]["fix"]["applicability"] == "unsafe"
    assert findings["style-repeated-word"]["fix"]["edits"][0]["replacement"] == "the"


def test_rule_file_sets_the_applicability(tmp_path, cli):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "names.yaml").write_text(
        "id: house-usa\nkind: substitution\ncategory: entity\nmessage: use {suggestion}\n"
        "fix: safe\nswap:\n  USA officials: U.S. officials\n", encoding="utf-8")
    (rules / "never.yaml").write_text(
        "id: house-never\nkind: substitution\ncategory: entity\nmessage: use {suggestion}\n"
        "fix: none\nswap:\n  harbour: harbor\n", encoding="utf-8")
    path = tmp_path / "story.txt"
    path.write_text("Title: Port\n\nUSA officials visited the harbour.\n", encoding="utf-8")
    cli("--no-builtin-rules", "--rules", str(rules), "--fix", str(path))
    assert path.read_text(encoding="utf-8") == "Title: Port\n\nU.S. officials visited the harbour.\n"
    (rules / "bad.yaml").write_text(
        "id: house-bad\nkind: substitution\ncategory: entity\nmessage: m\nfix: always\nswap: {a: b}\n",
        encoding="utf-8")
    code, _, err = cli("--no-builtin-rules", "--rules", str(rules), str(path))
    assert code == 4 and "house-bad" in err and "'fix'" in err


@pytest.mark.corpus
def test_seed_article_fixes(tmp_path, cli):
    """The seed page: safe fixes drop the repeated headline and the scraped lines; unsafe ones
    also undo the spinner's names. Which of several forms to keep (US / USA) is left to the editor."""
    from conftest import SEED

    [source] = sorted(SEED.glob("*.txt"))
    original = source.read_text(encoding="utf-8")
    path = tmp_path / "seed.txt"
    path.write_text(original, encoding="utf-8")
    cli("--fix", str(path))
    safe = path.read_text(encoding="utf-8")
    headline = "Russian Military Contractors Killed in US-Led Attack in Syria"
    assert original.count(headline) == 2 and safe.count(headline) == 1
    assert "More news:" not in safe and "Like this:" not in safe
    assert "Russian Federation" in safe  # a spun name is an unsafe fix
    cli("--fix", "--unsafe-fixes", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert "non-Russian soldiers" in fixed and "backed by Russia," in fixed and "how many dead" in fixed
    assert "USA officials" in fixed and "US-led coalition" in fixed  # consistency suggestions are not applied
    gone = [line for line in original.splitlines() if line not in fixed.splitlines()]
    assert [line[:20] for line in gone] == ['"I don\'t have any re', "Mr Assad is backed b",
                                            "More news: Pak Talib", "Like this:"]
    # Six lines fewer: the repeated headline and the two scraped lines, each with one blank line.
    assert len(original.splitlines()) - len(fixed.splitlines()) == 6


def test_a_finding_in_the_headline_is_never_removed(tmp_path, cli):
    path = tmp_path / "story.txt"
    text = "Title: New law for protesters, spread the news and share this\n\nThe bill was introduced in January.\n"
    path.write_text(text, encoding="utf-8")
    _, out, _ = cli("--format", "json", str(path))
    [finding] = [f for f in json.loads(out)["files"][0]["findings"] if f["rule"] == "boilerplate-share"]
    assert finding["fix"] is None
    cli("--fix", "--unsafe-fixes", str(path))
    assert path.read_text(encoding="utf-8") == text
