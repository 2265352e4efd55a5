"""Hostile rules and hostile inputs: each ends with a one-line message naming the file (and
rule), a documented exit code, the other inputs still checked, in bounded time and memory.

Each case runs the real command through ``run_measured``, which also records its time and
peak memory (CHECKER_HARDENING_TABLE=FILE writes the table of the closing note).
"""

from __future__ import annotations

import gzip
import json
import os
import random
from pathlib import Path

import pytest
from conftest import run_measured, write

SPUN = "Title: Port strike\n\nUSA officials said the White Residence was watching.\n"
WORDS = ["the", "minister", "said", "on", "Tuesday", "that", "officials", "in", "the", "capital", "had",
         "counted", "more", "votes", "than", "expected", "while", "rain", "fell", "across", "the", "north"]


def prose(size: int, seed: int = 1, paragraph: int = 80) -> str:
    """About ``size`` characters of sentences in paragraphs of ``paragraph`` words (0: one line)."""
    rng = random.Random(seed)
    words = " ".join(rng.choice(WORDS) for _ in range(size // 5 + 1))[:size]
    if not paragraph:
        return words
    chunks = words.split(" ")
    return "\n\n".join(" ".join(chunks[i:i + paragraph]) + "." for i in range(0, len(chunks), paragraph))


def json_report(result) -> dict:
    return json.loads(result.stdout)


def assert_one_line_each(stderr: bytes) -> None:
    text = stderr.decode("utf-8", "replace")
    assert "Traceback" not in text
    assert all(line.startswith("checker: ") for line in text.splitlines()), text


# ---- hostile rules -------------------------------------------------------------------------


def test_catastrophic_team_regex_is_stopped_and_the_run_completes(tmp_path):
    write(tmp_path / "rules", "slow.yaml", "id: team-slow\nkind: existence\ncategory: style\nmessage: m\n"
                                          "nonword: true\ntokens: ['(a+)+$']\n")
    write(tmp_path, "in/a.txt", "Title: A\n\n" + "a" * 3000 + "b\n")
    write(tmp_path, "in/b.txt", SPUN)
    result = run_measured("catastrophic regex (a+)+$ on a 3,000-character line", "--format", "json",
                          "--regex-timeout", "0.3", "--rules", str(tmp_path / "rules"), str(tmp_path / "in"))
    assert result.returncode == 4
    stderr = result.stderr.decode()
    assert "team-slow" in stderr and "a.txt" in stderr and "time limit" in stderr
    assert_one_line_each(result.stderr)
    report = json_report(result)
    assert report["summary"]["files"] == 2 and report["files"][1]["findings"]


@pytest.mark.parametrize(("case", "lines"), [
    # 99 aliases, under the count limit, standing for 9**12 values once expanded.
    ("billion laughs rule file (99 aliases, 9^12 values)",
     ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
     + [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 12)]
     + ["id: team-bomb", "kind: existence", "category: style", "message: m", "tokens: *a11"]),
    ("rule file with 500 aliases", ["a: &a x", "b: [" + ", ".join(["*a"] * 500) + "]"]),
])
def test_alias_bomb_rule_file_is_refused_without_exhausting_memory(tmp_path, case, lines):
    write(tmp_path / "rules", "bomb.yaml", "\n".join(lines) + "\n")
    write(tmp_path, "a.txt", SPUN)
    result = run_measured(case, "--rules", "rules", "a.txt", cwd=tmp_path, timeout=60)
    assert result.returncode == 4
    [line] = result.stderr.decode().splitlines()
    assert line.startswith("checker: rule error: rules/bomb.yaml: ") and "(refused as a possible alias bomb)" in line
    assert result.peak_mb < 200


@pytest.mark.parametrize(("case", "content", "message"), [
    ("python tag", 'id: !!python/object/apply:os.system ["touch PWNED"]\nkind: existence\n',
     "could not determine a constructor"),
    ("not UTF-8", b"id: caf\xe9\nkind: existence\n", "not valid UTF-8 (byte 0xe9 at offset 7)"),
    ("empty", "", "empty rule file"),
    ("list, not mapping", "- id: x\n  kind: existence\n", "must be a mapping of fields, not a list"),
    ("malformed YAML", "id: x\nkind: [existence\n", "not valid YAML"),
    ("invalid regex", "id: x\nkind: existence\ncategory: style\nmessage: m\ntokens: ['(unclosed']\n",
     "rule x field 'tokens': invalid regular expression '(unclosed': missing ) at position 9"),
])
def test_bad_rule_files_get_a_clear_error_and_build_nothing(tmp_path, case, content, message):
    write(tmp_path / "rules", "team.yaml", content)
    write(tmp_path, "a.txt", SPUN)
    result = run_measured(f"rule file: {case}", "--format", "json", "--rules", "rules", "a.txt", cwd=tmp_path)
    assert result.returncode == 4
    stderr = result.stderr.decode()
    assert "rules/team.yaml: " in stderr and message in stderr
    assert_one_line_each(result.stderr)
    assert not (tmp_path / "PWNED").exists()
    assert json_report(result)["files"][0]["findings"]  # the built-in rules still checked the article


# ---- hostile inputs ------------------------------------------------------------------------


def test_a_100_mb_file_is_refused_unread_and_the_others_are_checked(tmp_path):
    big = tmp_path / "archive.txt"
    block = prose(1 << 20).encode()
    with open(big, "wb") as stream:
        for _ in range(100):
            stream.write(block)
    write(tmp_path, "b.txt", SPUN)
    result = run_measured("100 MB text file", "--format", "json", str(big), str(tmp_path / "b.txt"))
    assert result.returncode == 6
    report = json_report(result)
    assert report["summary"]["files"] == 2 and report["summary"]["errors"] == 1
    assert "size limit" in report["files"][0]["error"] and "--max-size" in report["files"][0]["error"]
    assert report["files"][1]["findings"]
    assert result.peak_mb < 100  # not read into memory


def test_a_gzip_bomb_is_not_decompressed_past_the_limit(tmp_path):
    with gzip.open(tmp_path / "bomb.txt.gz", "wb") as stream:  # 256 MB of text in 250 KB
        for _ in range(256):
            stream.write(b"a" * (1 << 20))
    result = run_measured("gzip bomb (256 MB in 250 KB)", "--format", "json", str(tmp_path / "bomb.txt.gz"))
    assert result.returncode == 6
    assert "when decompressed" in json_report(result)["files"][0]["error"]
    assert result.peak_mb < 100


@pytest.mark.slow
def test_a_10_mb_line_is_checked_in_bounded_time_and_memory(tmp_path):
    write(tmp_path, "line.txt", prose(10 << 20, paragraph=0))
    result = run_measured("one 10 MB line", "--format", "json", str(tmp_path / "line.txt"), timeout=300)
    # Checked, or single rules stopped by their time limit (exit 4, named): never a hang or a crash.
    assert result.returncode in (0, 1, 4)
    assert_one_line_each(result.stderr)
    assert json_report(result)["summary"]["files"] == 1
    assert result.peak_mb < 1000


def test_deeply_nested_html_is_extracted_without_recursion_limits(tmp_path):
    depth = 100_000
    page = ("<html><body><article><h1>Deep page</h1>" + "<div>" * depth
            + "<p>USA officials said so.</p>" + "</div>" * depth + "</article></body></html>")
    write(tmp_path, "deep.html", page)
    result = run_measured("HTML nested 100,000 deep", "--format", "json", str(tmp_path / "deep.html"))
    assert result.returncode == 1
    findings = json_report(result)["files"][0]["findings"]
    assert [f["text"] for f in findings if f["rule"] == "entity-state-name-as-adjective"] == ["USA"]


def test_a_malformed_record_in_the_middle_costs_only_itself(tmp_path):
    good = [json.dumps({"id": f"r{i}", "body": SPUN}).encode() for i in range(6)]
    bad = [b'{"id": "broken", "body": "unterminated', b'{"id": "latin", "body": "caf\xe9"}',
           json.dumps(["not", "an", "object"]).encode()]
    write(tmp_path, "dump.jsonl", b"\n".join([*good[:3], *bad, *good[3:]]) + b"\n")
    result = run_measured("JSON Lines with 3 bad records mid-file", "--format", "json",
                          str(tmp_path / "dump.jsonl"))
    assert result.returncode == 6
    report = json_report(result)
    assert report["summary"]["files"] == 9 and report["summary"]["errors"] == 3
    errors = {entry["path"].rsplit("#", 1)[1]: entry["error"] for entry in report["files"] if entry.get("error")}
    assert set(errors) == {"L4", "L5", "L6"}
    assert "line 4: not valid JSON" in errors["L4"] and "line 5: not valid utf-8: byte 0xe9" in errors["L5"]
    assert "must be an object" in errors["L6"]
    assert all(entry["findings"] for entry in report["files"] if not entry.get("error"))


def test_a_symlink_loop_ends_with_a_clear_error(tmp_path):
    root = tmp_path / "archive"
    write(root, "a.txt", SPUN)
    os.symlink(root, root / "again")  # a folder that contains itself
    os.symlink(root / "y.txt", root / "x.txt")  # two links that point at each other
    os.symlink(root / "x.txt", root / "y.txt")
    os.mkfifo(root / "pipe.txt")  # reading it would block forever
    result = run_measured("folder with a symlink loop, a link cycle and a FIFO", "--format", "json", str(root))
    assert result.returncode == 6
    report = json_report(result)
    paths = [Path(entry["path"]).name for entry in report["files"]]
    assert paths == ["a.txt", "x.txt", "y.txt"]
    assert all("symbolic links" in entry["error"] for entry in report["files"][1:])


def test_files_that_vanish_or_turn_unreadable_during_the_run(tmp_path):
    """A local plugin, run on the first article, removes the second file, turns the third
    into a folder and makes the fourth unreadable: by its permissions, or for root (whom
    permissions do not stop) by putting a socket in its place, which cannot be opened.
    The fifth is checked as usual."""
    write(tmp_path, ".checker.yaml", "{}\n")
    write(tmp_path, "checkerconf.py", (
        "import os, socket\n"
        "from checker import hookimpl\n"
        "keep = []\n"
        "@hookimpl\n"
        "def checker_check_article(article):\n"
        "    if article.path.endswith('1.txt'):\n"
        "        os.remove('2.txt')\n"
        "        os.remove('3.txt'); os.mkdir('3.txt')\n"
        "        if os.geteuid() != 0:\n"
        "            os.chmod('4.txt', 0)\n"
        "        else:\n"
        "            os.remove('4.txt'); keep.append(socket.socket(socket.AF_UNIX)); keep[0].bind('4.txt')\n"
        "    return []\n"
    ))
    for number in range(1, 6):
        write(tmp_path, f"{number}.txt", SPUN)
    result = run_measured("files vanishing / unreadable mid-run", "--format", "json", "-j", "1", "--no-cache",
                          *[f"{n}.txt" for n in range(1, 6)], cwd=tmp_path)
    assert result.returncode == 6
    report = json_report(result)
    entries = {entry["path"]: entry for entry in report["files"]}
    assert report["summary"]["files"] == 5
    assert "No such file" in entries["2.txt"]["error"]
    assert "is a folder" in entries["3.txt"]["error"]
    expected = "Permission denied" if os.geteuid() != 0 else "No such device or address"
    assert f"cannot read: {expected}" in entries["4.txt"]["error"]
    assert entries["1.txt"]["findings"] and entries["5.txt"]["findings"]
    assert_one_line_each(result.stderr)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_lone_surrogates_and_unencodable_text_reach_every_format(tmp_path, fmt):
    record = '{"id": "x\\ud800y", "headline": "T\\udfff", "body": "USA officials \\ud83d said.\\u2028Like this:"}\n'
    write(tmp_path, "dump.jsonl", record)
    result = run_measured(f"lone surrogates, --format {fmt}", "--format", fmt, str(tmp_path / "dump.jsonl"),
                          env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 1, result.stderr
    assert_one_line_each(result.stderr)
    if fmt in ("json", "sarif"):
        json.loads(result.stdout)


def test_digits_of_scripts_newer_than_python_are_not_read_as_numbers(tmp_path):
    """The regex module's \\d knows digits of scripts added to Unicode after Python's own
    tables (Garay, U+10D40 on): int() and float() refuse them. No rule may read them as a
    number, in a figure, an age, a date, a time or the published date."""
    import unicodedata

    import regex

    newer = [chr(c) for c in range(0x10000, 0x20000) if regex.match(r"\d", chr(c)) and not chr(c).isdigit()]
    if not newer:
        pytest.skip(f"regex and Python {unicodedata.unidata_version} agree on every digit")
    d = newer[0]
    text = (f"Title: {d}{d} dead in blast\nPublished: 2024-03-0{d}\n\nAt least {d}{d} people died on {d} May "
            f"20{d}{d}. Ana Ruiz, {d}{d}, said at 1{d}:{d}5 pm that {d},{d}{d}{d} homes and between {d} and "
            f"{d}{d} shops were hit.\n\nRuiz, 4{d}, was born in 19{d}{d}. Three people died.\n")
    for name in ("story.txt", "story.md"):
        write(tmp_path, name, text if name.endswith(".txt") else "# " + text)
    result = run_measured("digits newer than Python's tables", "--no-cache", "--select", "*", "--format", "json",
                          str(tmp_path / "story.txt"), str(tmp_path / "story.md"))
    assert result.returncode in (0, 1), result.stderr
    assert not result.stderr.strip(), result.stderr
    assert all(entry["error"] is None for entry in json_report(result)["files"])


def test_max_size_is_read_from_configuration_and_the_command_line(tmp_path):
    write(tmp_path, ".checker.yaml", "max-size: 1K\n")
    write(tmp_path, "small.txt", SPUN)
    write(tmp_path, "large.txt", SPUN + prose(2000))
    result = run_measured("max-size 1K from .checker.yaml", "--format", "json", "small.txt", "large.txt",
                          cwd=tmp_path)
    errors = {e["path"]: e["error"] for e in json_report(result)["files"]}
    assert errors["small.txt"] is None and "over the 1 KB size limit" in errors["large.txt"]
    assert result.returncode == 6
    result = run_measured("--max-size 0 lifts it", "--max-size", "0", "-q", "large.txt", cwd=tmp_path)
    assert result.returncode == 1
    result = run_measured("--max-size 5XB", "--max-size", "5XB", "large.txt", cwd=tmp_path)
    assert result.returncode == 4 and b"--max-size: expected a size" in result.stderr
