"""Inputs that cost only themselves: deeply nested JSON, gzip totals, runs of blank lines and
of unreadable records, UTF-32, pipes and devices named as inputs, limits given as ``inf`` or
``nan``, and the checker's own reports inside a checked folder (issue 26, groups 8, 9, 11).

Each hostile input is made here, in ``tmp_path``, and each case runs the real command.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from conftest import run_measured, write

from checker.read import own_reports
from checker.read.inputs import collect_paths
from checker.read.records import LISTED_ERRORS, MAX_NESTING, UNREADABLE_RUN

SPUN = "Title: Port strike\n\nUSA officials said the White Residence was watching.\n"
SUFFIXES = [".txt", ".md", ".html", ".json", ".jsonl"]


def record(identifier: str, body: str | None = SPUN) -> bytes:
    return json.dumps({"id": identifier, **({"body": body} if body is not None else {})}).encode() + b"\n"


def report_of(result) -> dict:
    return json.loads(result.stdout)


def assert_one_line_each(result, *absent: str) -> None:
    """Standard error holds one line per message, no traceback and none of ``absent``."""
    text = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in text
    assert all(line.startswith("checker: ") for line in text.splitlines()), text
    assert not any(word in text for word in absent), text


# ---- group 8: deep nesting of JSON records -------------------------------------------------


@pytest.mark.parametrize(("opening", "closing"), [("[", "]"), ('{"a":', "}")])
def test_a_json_lines_record_nested_5000_deep_costs_only_itself(tmp_path, opening, closing):
    deep = b'{"id": "deep", "body": ' + (opening * 5000 + "1" + closing * 5000).encode() + b"}\n"
    assert 10_000 <= len(deep) < 40_000
    # Brackets inside a string are text, not nesting: this record is read and checked.
    quoted = record("quoted", SPUN + "[" * 5000 + "{" * 5000)
    write(tmp_path, "dump.jsonl", record("first") + deep + quoted + record("last"))
    result = run_measured("JSON Lines record nested 5,000 deep", "--format", "json", str(tmp_path / "dump.jsonl"))
    assert result.returncode == 6
    assert_one_line_each(result, "plugin error", "internal error", "RecursionError")
    files = report_of(result)["files"]
    assert [Path(entry["path"]).name for entry in files] == ["dump.jsonl#first", "dump.jsonl#L2",
                                                            "dump.jsonl#quoted", "dump.jsonl#last"]
    assert files[1]["error"] == f"line 2: nested deeper than {MAX_NESTING} levels of arrays and objects; not read"
    assert all(entry["findings"] for entry in files if entry["error"] is None)


def test_a_json_file_nested_5000_deep_is_unreadable_and_the_others_are_checked(tmp_path):
    write(tmp_path, "deep.json", '{"body": ' + "[" * 5000 + "]" * 5000 + "}")
    write(tmp_path, "story.txt", SPUN)
    result = run_measured("JSON file nested 5,000 deep", "--format", "json", str(tmp_path / "deep.json"),
                          str(tmp_path / "story.txt"))
    assert result.returncode == 6
    assert_one_line_each(result, "plugin error", "internal error", "RecursionError")
    deep, story = report_of(result)["files"]
    assert deep["error"] == f"nested deeper than {MAX_NESTING} levels of arrays and objects; not read"
    assert story["findings"]


# ---- group 9: gzip totals, blank lines, bounded record errors ----------------------------------


@pytest.mark.parametrize("limit", [["--max-size", "1MB"], []])
def test_a_gzip_file_over_the_limit_in_all_is_one_error_in_bounded_time(tmp_path, limit):
    """52 KB that expand to 27 MB: 3 million records without a body, each line tiny."""
    path = tmp_path / "index.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "x"}\n' * 3_000_000, compresslevel=9))
    assert path.stat().st_size < 100_000
    write(tmp_path, "story.txt", SPUN)
    result = run_measured("gzip JSON Lines, 3 million records in 52 KB", "--format", "json", *limit, str(path),
                          str(tmp_path / "story.txt"), timeout=120)
    assert result.returncode == 6
    assert_one_line_each(result, "plugin error", "internal error")
    archive, story = report_of(result)["files"]
    shown = "1.0 MB" if limit else "25.0 MB"
    assert archive["error"] == f"too large when decompressed: over the {shown} size limit (--max-size); not checked"
    assert story["findings"]
    assert result.seconds < 15 and len(result.stdout) < 20_000


def test_unreadable_records_are_listed_up_to_a_bound_then_counted(tmp_path):
    lines = [record("r0")] + [record(f"n{i}", None) for i in range(LISTED_ERRORS + 400)] + [b"{broken\n"] * 100
    write(tmp_path, "dump.jsonl", b"".join(lines) + record("last"))
    result = run_measured("JSON Lines with 500 unreadable records", "--format", "json", str(tmp_path / "dump.jsonl"))
    assert result.returncode == 6
    files = report_of(result)["files"]
    errors = [entry for entry in files if entry["error"]]
    assert len(errors) == LISTED_ERRORS + 1
    assert errors[-1]["path"].endswith("dump.jsonl")
    assert errors[-1]["error"] == (f"500 more unreadable records not listed, 400 of them without a body "
                                   f"(the first {LISTED_ERRORS} are)")
    assert Path(files[0]["path"]).name == "dump.jsonl#r0" and files[0]["findings"]
    assert any(Path(entry["path"]).name == "dump.jsonl#last" and entry["findings"] for entry in files)


def test_a_file_where_no_record_has_a_body_is_one_error_and_reading_stops(tmp_path):
    """No record has a body (an index, a log): one error for the file, however many records,
    and reading stops after a bounded run of them, within the time limit."""
    write(tmp_path, "index.jsonl", b'{"id": "x"}\n' * (UNREADABLE_RUN + 50_000) + record("late"))
    result = run_measured("JSON Lines index without bodies", "--format", "json", "--time-limit", "10",
                          str(tmp_path / "index.jsonl"), timeout=120)
    assert result.returncode == 6
    assert_one_line_each(result, "plugin error", "internal error")
    errors = [entry["error"] for entry in report_of(result)["files"]]
    assert errors == [f"no record has a body ({UNREADABLE_RUN:,} records; looked for body, content, text, "
                      "article, story; set --field body=NAME)",
                      f"{UNREADABLE_RUN:,} unreadable records in a row: the rest of the file is not read"]


def blank_lines(megabytes: int) -> bytes:
    return b"\n" * (1 << 20) * megabytes


@pytest.mark.parametrize(("case", "options", "code", "checked"), [
    ("within the limit (--max-size 0)", ["--max-size", "0"], 1, True),
    ("over the default limit", [], 6, False),
])
def test_200_mb_of_blank_lines_in_a_gzip_file(tmp_path, case, options, code, checked):
    path = tmp_path / "dump.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=9) as stream:
        stream.write(record("first"))
        for _ in range(200):
            stream.write(blank_lines(1))
        stream.write(record("after"))
    result = run_measured(f"200 MB of blank lines gzipped, {case}", "--format", "json", *options, str(path),
                          timeout=120)
    assert result.returncode == code
    assert_one_line_each(result, "plugin error", "internal error")
    files = report_of(result)["files"]
    if checked:
        assert [Path(entry["path"]).name for entry in files] == ["dump.jsonl.gz#first", "dump.jsonl.gz#after"]
        assert all(entry["findings"] for entry in files)
    else:
        assert [entry["error"] for entry in files] == [
            "too large when decompressed: over the 25.0 MB size limit (--max-size); not checked"]
    assert result.peak_mb < 200


def test_blank_lines_are_skipped_in_blocks_and_numbered(tmp_path):
    """20 MB of blank lines used to be read one line at a time: past a two-second time limit,
    the file ended as a plugin error. Now the record after them is checked, with its line."""
    path = tmp_path / "dump.jsonl"
    path.write_bytes(blank_lines(20) + b"   \t\r\n" + b"{broken\n" + record("after"))
    result = run_measured("20 MB of blank lines, --time-limit 2", "--format", "json", "--time-limit", "2", str(path))
    assert result.returncode == 6
    assert_one_line_each(result, "plugin error", "internal error")
    broken, after = report_of(result)["files"]
    assert broken["path"].endswith(f"dump.jsonl#L{20 * (1 << 20) + 2}") and "not valid JSON" in broken["error"]
    assert after["findings"]


@pytest.mark.slow
def test_200_mb_of_blank_lines_in_a_plain_file_then_a_record(tmp_path):
    """A plain JSON Lines file is an archive streamed record by record: its limit is on each
    record, and 200 MB of blank lines are skipped in bounded time and memory."""
    path = tmp_path / "dump.jsonl"
    with open(path, "wb") as stream:
        for _ in range(200):
            stream.write(blank_lines(1))
        stream.write(record("after"))
    result = run_measured("200 MB of blank lines, plain", "--format", "json", str(path), timeout=120)
    assert result.returncode == 1
    assert_one_line_each(result, "plugin error", "internal error")
    [after] = report_of(result)["files"]
    assert after["path"].endswith("dump.jsonl#after") and after["findings"]
    assert result.seconds < 20 and result.peak_mb < 200


# ---- group 11: UTF-32, pipes and devices, limits, own reports -------------------------------


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_with_a_byte_order_mark_is_decoded_and_checked(tmp_path, codec):
    bom = b"\xff\xfe\x00\x00" if codec == "utf-32-le" else b"\x00\x00\xfe\xff"
    write(tmp_path, "story.txt", bom + SPUN.encode(codec))
    result = run_measured(f"{codec} with a BOM", "--format", "json", str(tmp_path / "story.txt"))
    assert result.returncode == 1
    [story] = report_of(result)["files"]
    assert [finding["text"] for finding in story["findings"] if finding["rule"] ==
            "entity-state-name-as-adjective"] == ["USA"]


def test_a_fifo_or_device_named_as_an_input_is_refused_without_hanging(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # nothing ever writes to it: opening it would wait forever
    os.mkfifo(tmp_path / "pipe.jsonl")
    write(tmp_path, "story.txt", SPUN)
    result = run_measured("FIFOs and a device named on the command line", "--format", "json", "pipe.txt",
                          "pipe.jsonl", "/dev/zero", "story.txt", cwd=tmp_path, timeout=30)
    assert result.returncode == 6
    assert_one_line_each(result, "plugin error", "internal error")
    errors = {entry["path"]: entry["error"] for entry in report_of(result)["files"]}
    pipe = "a named pipe (FIFO), not a regular file: not read (give - to read standard input)"
    assert errors == {"pipe.txt": pipe, "pipe.jsonl": pipe, "/dev/zero": "a device, not a regular file: not read",
                      "story.txt": None}


@pytest.mark.parametrize(("setting", "value", "shown"), [
    ("time-limit", "-5", "-5"), ("time-limit", ".nan", "nan"), ("time-limit", ".inf", "inf"),
    ("time-limit", "2000000", "2000000"), ("regex-timeout", "-1", "-1"), ("regex-timeout", ".inf", "inf"),
    ("max-size", "inf", "'inf'"), ("max-size", "nan", "'nan'"), ("max-size", "1e400", "'1e400'"),
    ("max-size", "'-5'", "'-5'"),
])
def test_a_limit_that_is_no_number_of_seconds_or_bytes_is_a_configuration_error(tmp_path, setting, value, shown):
    write(tmp_path, ".checker.yaml", f"{setting}: {value}\n")
    write(tmp_path, "story.txt", SPUN)
    result = run_measured(f"{setting}: {value} in .checker.yaml", "story.txt", cwd=tmp_path)
    assert result.returncode == 4
    assert_one_line_each(result, "plugin error", "internal error")
    [line] = result.stderr.decode().splitlines()
    assert line.startswith(f"checker: error: {tmp_path / '.checker.yaml'}: {setting}: expected ")
    assert line.endswith(f", got {shown}")


@pytest.mark.parametrize(("option", "value"), [
    ("--time-limit", "-5"), ("--time-limit", "nan"), ("--time-limit", "inf"), ("--time-limit", "1e400"),
    ("--regex-timeout", "-1"), ("--regex-timeout", "nan"),
    ("--max-size", "inf"), ("--max-size", "nan"), ("--max-size", "1e400"), ("--max-size", "-5"),
])
def test_a_limit_on_the_command_line_that_is_no_number_is_a_usage_error(tmp_path, option, value):
    write(tmp_path, "story.txt", SPUN)
    result = run_measured(f"{option} {value}", f"{option}={value}", "story.txt", cwd=tmp_path)
    assert result.returncode == 4
    assert_one_line_each(result, "plugin error", "internal error")
    [line] = result.stderr.decode().splitlines()
    assert line.startswith(f"checker: error: {option}: expected ")


def test_zero_means_no_limit_and_a_huge_size_is_only_a_limit(tmp_path):
    """0 is no limit for each of the three (a regex timeout of 0 made every team pattern time
    out); a size far beyond memory is a limit never reached, not an allocation."""
    write(tmp_path / "rules", "team.yaml", "id: team-watching\nkind: existence\ncategory: style\nmessage: m\n"
                                           "tokens: ['watching']\n")
    write(tmp_path, ".checker.yaml", "regex-timeout: 0\ntime-limit: 0\nmax-size: 0\n")
    write(tmp_path, "story.txt", SPUN)
    result = run_measured("regex-timeout, time-limit and max-size 0", "--format", "json", "--rules", "rules",
                          "story.txt", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "team-watching" in {finding["rule"] for finding in report_of(result)["files"][0]["findings"]}
    for option in (["--max-size", "100GB"], ["--max-size", "1e300"], ["--regex-timeout", "0"]):
        result = run_measured(f"{option[0]} {option[1]}", "--format", "json", "--no-config", "--rules", "rules",
                              *option, "story.txt", cwd=tmp_path)
        assert result.returncode == 1, result.stderr
        assert_one_line_each(result)


def test_the_report_written_into_the_checked_folder_is_not_an_article(tmp_path):
    """``-o`` inside the checked folder: the report is not checked in the run that writes it
    (it is there from the last run), nor in a later run without ``-o``; a file that only looks
    like one of its reports, or a report changed since, is checked like any article."""
    cache = tmp_path / "cache"
    folder = tmp_path / "articles"
    write(folder, "story.txt", SPUN)
    environment = {"XDG_CACHE_HOME": str(cache)}
    for fmt, name in [("html", "report.html"), ("json", "report.json"), ("text", "report.txt")]:
        for _ in range(2):
            result = run_measured(f"-o {name} inside the folder", "--no-cache", "--format", fmt, str(folder),
                                  "-o", str(folder / name), env=environment)
            assert result.returncode == 1
        result = run_measured("the folder again", "--no-cache", "--format", "json", str(folder), env=environment)
        assert [Path(entry["path"]).name for entry in report_of(result)["files"]] == ["story.txt"]
    text = (folder / "report.html").read_text(encoding="utf-8")
    write(folder, "forged.html", text)  # the same bytes, but not the file the checker wrote
    with open(folder / "report.json", "a", encoding="utf-8") as stream:
        stream.write("\n")
    result = run_measured("a copied and a changed report", "--no-cache", "--format", "json", str(folder),
                          env=environment)
    names = [Path(entry["path"]).name for entry in report_of(result)["files"]]
    assert names == ["forged.html", "report.json", "story.txt"]


def test_collect_paths_skips_this_runs_report_and_remembered_unchanged_ones(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "articles"
    for name in ("story.txt", "old.html", "new.json", "copy.html"):
        write(folder, name, SPUN)
    assert collect_paths([str(folder)], SUFFIXES, reports=[str(folder / "new.json")]) == [
        str(folder / name) for name in ("copy.html", "old.html", "story.txt")]
    own_reports.remember(str(folder / "old.html"))
    assert collect_paths([str(folder)], SUFFIXES) == [str(folder / name) for name in ("copy.html", "new.json",
                                                                                     "story.txt")]
    # Named on the command line: checked, unless this run is about to write its report there.
    assert collect_paths([str(folder / "old.html"), str(folder / "new.json")], SUFFIXES,
                         reports=[str(folder / "new.json")]) == [str(folder / "old.html")]
    write(folder, "old.html", SPUN + "changed\n")
    assert str(folder / "old.html") in collect_paths([str(folder)], SUFFIXES)
    # A record another user could write is not trusted.
    own_reports.remember(str(folder / "old.html"))
    os.chmod(own_reports.record_path(), 0o666)
    assert str(folder / "old.html") in collect_paths([str(folder)], SUFFIXES)
