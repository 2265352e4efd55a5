"""Output injection (issue 26, group 3): names, record ids and quoted text from a checked
folder cannot forge a CI command or reach a terminal as control sequences, in any human
format or on standard error; the JSON report keeps the exact text, so each finding can
still be found."""

from __future__ import annotations

import json
import re

import pytest
from conftest import run_checker

from checker.report.safe import printable, printable_block

#: A file name that would start a forged annotation line in a raw report.
FORGED = "a\n::error file=README.md,line=1::INJECTED\n.md"
#: A file name the Actions runner's older syntax reads as a command anywhere in a line.
STOP = "##[stop-commands]x.md"
#: A name whose line would start with ``::`` after the runner strips the leading space.
LEADING = " ::warning::y.md"
#: A JSON Lines record whose id and published date hold ESC sequences and ``##[``.
RECORD = {"id": "x\x1b[31m##[stop-commands]red", "title": "Port strike",
          "published": "\x1b]0;owned\x07##[set-output name=a;]b 2024-13-45",
          "body": "USA officials said the port would close.\n\nShare this:\n"}
ARTICLE = "Title: Port strike\n\nShare this:\n\nUSA officials said the port would close.\n"
#: Characters that must never reach a human report or standard error raw (a line feed ends
#: a line and is allowed between lines only).
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def assert_safe(output: str, where: str) -> None:
    for line in output.split("\n"):
        assert not line.lstrip().startswith("::"), f"{where}: a line starts a CI command: {line!r}"
        assert "##[" not in line, f"{where}: a line holds ##[: {line!r}"
        assert not RAW_CONTROL.search(line), f"{where}: a raw control character: {line!r}"


@pytest.fixture
def hostile(tmp_path):
    for name in (FORGED, STOP, LEADING):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "dump.jsonl").write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    return tmp_path


NAMES = [FORGED, STOP, LEADING, "dump.jsonl"]


@pytest.mark.parametrize("fmt", ["text", "junit", "html"])
def test_no_human_format_line_forges_a_command_or_holds_a_control_character(hostile, fmt):
    result = run_checker("--no-config", "--no-cache", "--format", fmt, *NAMES, cwd=hostile)
    assert result.returncode == 1, result.stderr
    out, err = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    assert_safe(out, fmt)
    assert_safe(err, "stderr")
    # Still reported, and findable: the escaped name, shown the way Python writes it.
    for name in (FORGED, STOP, LEADING):
        assert printable(name) in out or printable(name).replace("&", "&amp;") in out
    assert "metadata-published-date" in out


def test_the_text_report_names_the_file_and_line_escaped_and_json_keeps_them_exact(hostile):
    out = run_checker("--no-config", "--no-cache", *NAMES, cwd=hostile).stdout.decode("utf-8")
    lines = out.splitlines()
    assert "a\\n::error file=README.md,line=1::INJECTED\\n.md:3:1 error   boilerplate-share " \
        "Share or like prompt picked up from the page: remove the line. [fix: safe]" in lines
    assert any(line.startswith("##\\x5bstop-commands]x.md:3:1 ") for line in lines)
    assert any(line.startswith(" \\x3a:warning::y.md:3:1 ") for line in lines)
    dated = next(line for line in lines if "metadata-published-date" in line)
    assert dated.startswith("dump.jsonl#x\\x1b[31m##\\x5bstop-commands]red:")
    assert "'\\x1b]0;owned\\x07##\\x5bset-output name=a;]b 2024-13-45'" in dated
    # The JSON report is data: the exact names and text.
    report = json.loads(run_checker("--no-config", "--no-cache", "--format", "json", *NAMES, cwd=hostile).stdout)
    assert {entry["path"] for entry in report["files"]} == {FORGED, STOP, LEADING, f"dump.jsonl#{RECORD['id']}"}
    messages = [f["message"] for entry in report["files"] for f in entry["findings"]]
    assert any(RECORD["published"] in message for message in messages)


def test_the_github_format_writes_only_its_own_commands_and_escapes_standard_error(hostile):
    result = run_checker("--no-config", "--no-cache", "--format", "github", *NAMES, cwd=hostile)
    out, err = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    lines = out.splitlines()
    assert lines and all(re.match(r"::(error|warning|notice) file=[^:]*::", line) for line in lines), lines
    assert not RAW_CONTROL.search(out)
    # Each annotation names a real file, exactly; a record is annotated on its file, never on
    # a path made of its id.
    files = {_unescape(re.match(r"::\w+ file=([^,]*)", line)[1]) for line in lines}
    assert files == {FORGED, STOP, LEADING, "dump.jsonl"}
    assert_safe(err, "stderr")


def _unescape(value: str) -> str:
    return (value.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
            .replace("%25", "%"))


def test_standard_error_escapes_names_in_errors_notes_and_problems(hostile, tmp_path):
    news = ":: \x1b[2Jnews\u202e.jsonl"  # no '#': a name with one is not read as JSON Lines
    (hostile / news).write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    (hostile / "\x1b[2J##[bin].txt").write_bytes(b"\x00\x01binary")
    noted = run_checker("--no-config", "--no-cache", "--fix", news, cwd=hostile)
    err = noted.stderr.decode("utf-8")
    assert "checker: note: \\x3a: \\x1b[2Jnews\\u202e.jsonl: records of JSON and JSON Lines files are checked, " \
        "not fixed" in err
    assert_safe(err, "a note")
    assert_safe(noted.stdout.decode("utf-8"), "text")
    diffed = run_checker("--no-config", "--no-cache", "--diff", "\x1b[2J##[bin].txt", cwd=hostile)
    assert "checker: \\x1b[2J##\\x5bbin].txt: binary file" in diffed.stderr.decode("utf-8")
    assert_safe(diffed.stderr.decode("utf-8"), "--diff's errors")
    missing = run_checker("--no-config", "no\n::error::such\x1b##[file].txt", cwd=hostile)
    assert missing.returncode == 4
    assert missing.stderr.decode("utf-8") == \
        "checker: error: file or folder not found: no\\n::error::such\\x1b##\\x5bfile].txt\n"
    # A plugin's problem quotes what it was given: one escaped line too.
    (tmp_path / "loud.py").write_text(
        "from checker import hookimpl\n"
        "@hookimpl\n"
        "def checker_check_article(article):\n"
        "    raise ValueError('\\n::error::forged ##[stop-commands] \\x1b[31m')\n", encoding="utf-8")
    problem = run_checker("--no-config", "--no-cache", "-p", "loud", STOP, cwd=hostile,
                          env={"PYTHONPATH": str(tmp_path)})
    err = problem.stderr.decode("utf-8")
    assert problem.returncode == 3 and "ValueError: \\n::error::forged ##\\x5bstop-commands] \\x1b[31m" in err
    assert_safe(err, "a plugin's problem")


def test_printable_escapes_visibly_and_leaves_other_text_alone():
    assert printable("plain café 🙂 C:\\dir") == "plain café 🙂 C:\\dir"
    assert printable("a\tb\nc\rd\x1b\x7f\x85\u2028\u202e") == "a\\tb\\nc\\rd\\x1b\\x7f\\x85\\u2028\\u202e"
    assert printable("::x") == "\\x3a:x" and printable("  ::x") == "  \\x3a:x" and printable("a::x") == "a::x"
    assert printable("x ##[y ###[z") == "x ##\\x5by ###\\x5bz"
    assert printable_block("a\tb\n::c\r\n##[d\x1b") == "a\tb\n\\x3a:c\r\n##\\x5bd\\x1b"


def test_the_diff_shows_the_articles_control_characters_and_commands_escaped(tmp_path):
    """``--diff`` prints the article's lines: an ESC sequence, a bidirectional override or a
    line that would start a CI command is shown escaped, tabs and the fix itself unchanged."""
    text = ("Title: Harbour works\n\nShare this:\n\nCranes arrived \x1b[31mlate\x1b[0m on\tTuesday.\n\n"
            " ::error file=README.md::forged\n\nThe quay\u202e reopens in May.\n\nShare this:\n")
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    result = run_checker("--no-config", "--no-cache", "--diff", "story.txt", cwd=tmp_path)
    out = result.stdout.decode("utf-8")
    assert_safe(out.replace("\t", " "), "--diff")
    lines = out.splitlines()
    assert "-Share this:" in lines
    assert " Cranes arrived \\x1b[31mlate\\x1b[0m on\tTuesday." in lines
    assert "  \\x3a:error file=README.md::forged" in lines
    assert " The quay\\u202e reopens in May." in lines
    assert (tmp_path / "story.txt").read_text(encoding="utf-8") == text  # --diff writes nothing
