import json
import os
import re
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, run_checker, run_json, write

from checker.schema import REPORT_SCHEMA

SCHEMA = json.loads(REPORT_SCHEMA.read_text())
SPUN = "Title: Port strike\n\nUSA officials said the White Residence was watching.\n"
#: One of our own sample articles, with findings of several rules (a repeated headline first).
SAMPLE = ROOT / "sample_articles" / "spun-wire-story.txt"


def test_sample_articles_json_is_valid_against_schema_and_spans_match_source():
    report, result = run_json("sample_articles")
    jsonschema.validate(report, SCHEMA)
    assert result.returncode == 1
    assert report["summary"]["files"] == 9
    for entry in report["files"]:
        source = (ROOT / entry["path"]).read_text(encoding="utf-8")
        lines = source.splitlines(keepends=True)
        for finding in entry["findings"]:
            assert source[finding["offset"] : finding["offset"] + finding["length"]] == finding["text"]
            line_start = sum(len(x) for x in lines[: finding["line"] - 1])
            assert line_start + finding["column"] - 1 == finding["offset"]


def test_self_contradicting_sample_is_flagged_with_both_places():
    report, result = run_json("sample_articles/self-contradicting-report.txt")
    assert result.returncode == 1
    findings = report["files"][0]["findings"]
    rules = {f["rule"] for f in findings}
    assert rules >= {"contradiction-counts", "contradiction-ages", "contradiction-weekday",
                     "contradiction-quote-speaker", "contradiction-restated", "contradiction-event-dates"}
    # The paragraph restated with another time is a contradiction, not a repeat to remove.
    assert "duplicate-paragraph" not in rules
    for finding in findings:
        if finding["category"] == "contradiction":
            assert finding["related"] and finding["related"][0]["line"] <= finding["line"]


def test_clean_articles_exit_zero():
    result = run_checker("sample_articles/clean-council-report.txt", "sample_articles/clean-feature.md")
    assert result.returncode == 0, result.stdout.decode()
    assert b"0 findings" in result.stdout


def test_text_format_groups_findings_and_summarises():
    result = run_checker(str(SAMPLE))
    out = result.stdout.decode()
    assert result.returncode == 1
    assert out.startswith("checker ")
    assert "spun-wire-story.txt:6:1 error   duplicate-headline" in out
    assert "\x1b[" not in out  # no colour when not a terminal
    assert out.rstrip().splitlines()[-1].startswith("=") and "findings" in out.rstrip().splitlines()[-1]


def test_color_always_but_no_color_env_wins():
    assert b"\x1b[" in run_checker("--color", "always", str(SAMPLE), env={"NO_COLOR": ""}).stdout
    assert b"\x1b[" not in run_checker("--color", "always", str(SAMPLE), env={"NO_COLOR": "1"}).stdout


def test_stdin_with_filename():
    report, _ = run_json("-", "--stdin-filename", "story.txt", stdin=SPUN.encode())
    assert report["files"][0]["path"] == "story.txt"
    assert {f["rule"] for f in report["files"][0]["findings"]} >= {"entity-state-name-as-adjective",
                                                                   "entity-swapped-name"}


def test_fail_on_and_exit_zero(tmp_path):
    path = write(tmp_path, "a.txt", "Title: Storm\n\nUS troops came. US aid came. The USA said no.\n")
    assert run_checker(str(path)).returncode == 0  # a consistency warning does not fail by default
    assert run_checker("--fail-on", "warning", str(path)).returncode == 1
    assert run_checker("--fail-on", "warning", "--exit-zero", str(path)).returncode == 0


def test_selection_k_category_select_ignore(tmp_path):
    path = write(tmp_path, "a.txt", SPUN)
    rules = lambda *a: {f["rule"] for f in run_json(*a, str(path))[0]["files"][0]["findings"]}  # noqa: E731
    assert rules("-k", "swapped") == {"entity-swapped-name"}
    assert rules("-k", "entity and not swapped") == {"entity-state-name-as-adjective"}
    assert rules("--category", "boilerplate") == set()
    assert rules("--ignore", "entity-swapped-name") == {"entity-state-name-as-adjective"}
    assert rules("--select", "entity-s*") == {"entity-state-name-as-adjective", "entity-swapped-name"}


def test_bad_k_expression_is_usage_error():
    result = run_checker("-k", "dup and (", str(SAMPLE))
    assert result.returncode == 4 and b"-k" in result.stderr and b"Traceback" not in result.stderr


def test_list_rules_shows_id_kind_category_severity():
    result = run_checker("--list-rules")
    out = result.stdout.decode()
    assert result.returncode == 0
    assert "duplicate-headline" in out and "duplicate  " in out and "error" in out
    assert "style-acronym-undefined" not in out  # off by default
    listed = run_checker("--list-rules", "--select", "style-acronym-undefined").stdout.decode()
    assert "style-acronym-undefined" in listed


def test_missing_path_is_usage_error():
    result = run_checker("no/such/file.txt")
    assert result.returncode == 4
    assert result.stderr.decode().strip() == "checker: error: file or folder not found: no/such/file.txt"


def test_no_input_files_exit_5(tmp_path):
    assert run_checker(str(tmp_path)).returncode == 5


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_binary_and_bad_utf8_files_are_reported_and_others_still_checked(tmp_path, fmt):
    write(tmp_path, "a-binary.txt", b"\x00\x01\x02PNG")
    write(tmp_path, "b-latin1.txt", "Title: Café\n\nUn café à Paris.\n".encode("latin-1"))
    write(tmp_path, "c-good.txt", SPUN)
    write(tmp_path, "d-empty.txt", "")
    result = run_checker("--format", fmt, str(tmp_path))
    assert result.returncode == 6
    assert b"Traceback" not in result.stderr + result.stdout
    if fmt == "json":
        report = json.loads(result.stdout)
        jsonschema.validate(report, SCHEMA)
        by_name = {Path(f["path"]).name: f for f in report["files"]}
        assert "binary" in by_name["a-binary.txt"]["error"]
        assert "not valid UTF-8: byte 0xe9" in by_name["b-latin1.txt"]["error"]
        assert by_name["c-good.txt"]["findings"] and by_name["c-good.txt"]["error"] is None
        assert by_name["d-empty.txt"] == {"path": by_name["d-empty.txt"]["path"], "error": None, "findings": []}
    else:
        assert b"a-binary.txt: error binary file" in result.stdout


def test_encoding_option_reads_latin1(tmp_path):
    path = write(tmp_path, "b.txt", "Title: Café\n\nUn café à Paris.\n".encode("latin-1"))
    assert run_checker("--encoding", "latin-1", str(path)).returncode == 0


@pytest.mark.slow
def test_large_file_finishes(tmp_path):
    import random

    rng = random.Random(7)
    vocabulary = [f"w{n}" for n in range(5000)]
    # 5 MB of paragraphs: a rule that is not near-linear would not finish (a quadratic rule does
    # 25 times a 1 MB article's work here; the suite's own time limit stops it);
    # the time per MB is measured by bench/peers.py, not asserted here.
    text = "Title: Big\n\n" + "".join(" ".join(rng.choices(vocabulary, k=14)) + ".\n\n" for _ in range(65_000))
    path = write(tmp_path, "big.txt", text)
    assert path.stat().st_size > 5_000_000
    result = run_checker("-q", str(path))
    assert result.returncode == 0, result.stderr


def test_help_lists_the_options_plugins_add(tmp_path):
    """``--help`` is answered after the plugins are loaded: the built-in learning plugin's
    options and those of a plugin named with ``-p`` are listed, as pytest lists its plugins'."""
    write(tmp_path, "housestyle.py", "from checker import hookimpl\n\n@hookimpl\ndef checker_addoption(parser):\n"
                                     "    parser.add_argument('--house-style-strict', action='store_true',\n"
                                     "                        help='treat house-style slips as errors')\n")
    result = run_checker("-p", "housestyle", "--help", env={"PYTHONPATH": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    shown = result.stdout.decode()
    assert "--house-style-strict" in shown and "treat house-style slips as errors" in shown
    assert "--learn-furniture" in shown and "--fix" in shown
    assert run_checker("-h").stdout.decode().count("--learn-furniture") >= 1


def test_bad_rule_file_is_one_line_and_other_rules_still_run(tmp_path):
    rules = tmp_path / "rules"
    write(rules, "broken.yaml", "id: broken\nkind: existence\n  tokens: [x\n")
    write(rules, "badregex.yaml", "id: team-regex\nkind: existence\ncategory: style\nmessage: m\ntokens: ['(oops']\n")
    write(rules, "list.yaml", "- id: x\n")
    write(rules, "empty.yaml", "")
    write(rules, "latin.yaml", "id: caf\xe9\n".encode("latin-1"))
    write(rules, "python.yaml", "!!python/object/apply:os.system ['echo hacked']\n")
    write(rules, "good.yaml", "id: team-word\nkind: existence\ncategory: style\nmessage: 'no {match}'\n"
                              "tokens: [watching]\n")
    report, result = run_json("--rules", str(rules), "-", stdin=SPUN.encode())
    assert result.returncode == 4
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 6
    assert any("broken.yaml: line 3" in line and "not valid YAML" in line for line in lines)
    assert any("badregex.yaml: rule team-regex field 'tokens': invalid regular expression '(oops'" in x for x in lines)
    assert any("list.yaml" in line and "mapping" in line for line in lines)
    assert any("empty.yaml: empty rule file" in line for line in lines)
    assert any("latin.yaml: not valid UTF-8" in line for line in lines)
    assert any("python.yaml" in line and "not valid YAML" in line for line in lines)
    assert "team-word" in {f["rule"] for f in report["files"][0]["findings"]}


def test_configuration_in_pyproject_and_checker_yaml(tmp_path):
    write(tmp_path, "a.txt", SPUN)
    write(tmp_path, "pyproject.toml", '[tool.checker]\nignore = ["entity-swapped-name"]\n'
                                     'severity = { "entity-state-name-as-adjective" = "info" }\n')
    report, result = run_json("a.txt", cwd=tmp_path)
    findings = report["files"][0]["findings"]
    assert {f["rule"] for f in findings} == {"entity-state-name-as-adjective"}
    assert findings[0]["severity"] == "info" and result.returncode == 0
    (tmp_path / "pyproject.toml").unlink()
    write(tmp_path, ".checker.yaml", "fail-on: info\nper-path-ignores:\n  'a.*': [entity]\n")
    sub = tmp_path / "deeper"
    sub.mkdir()
    report, result = run_json("../a.txt", cwd=sub)
    assert report["files"][0]["findings"] == [] or all(
        f["category"] != "entity" for f in report["files"][0]["findings"])


def test_bad_configuration_is_usage_error(tmp_path):
    write(tmp_path, ".checker.yaml", "colour: red\n")
    write(tmp_path, "a.txt", SPUN)
    result = run_checker("a.txt", cwd=tmp_path)
    assert result.returncode == 4 and b"unknown setting 'colour'" in result.stderr


def test_inline_suppressions_line_next_line_region_span_and_unused(tmp_path):
    text = (
        "Title: Suppressions\n\n"
        "USA officials spoke. [checker-disable-line entity-state-name-as-adjective]\n\n"
        "<!-- checker-disable-next-line entity -->\n"
        "USA officials spoke again.\n\n"
        "[checker-disable all]\n\nUSA officials spoke a third time.\n\n[checker-enable]\n\n"
        "The <!-- checker-disable entity-swapped-name -->White Residence<!-- checker-enable --> and the "
        "White Residence.\n\n"
        "[checker-disable-next-line boilerplate]\n\nA plain line nothing flags.\n"
    )
    path = write(tmp_path, "s.txt", text)
    report, _ = run_json("--warn-unused-suppressions", str(path))
    findings = report["files"][0]["findings"]
    remaining = [(f["rule"], f["line"]) for f in findings]
    assert [r for r in remaining if r[0] == "entity-swapped-name"] == [("entity-swapped-name", 14)]
    assert not [r for r in remaining if r[0] == "entity-state-name-as-adjective"]
    assert ("unused-suppression", 16) in remaining


def test_plugin_with_unknown_hook_fails_loudly(tmp_path):
    write(tmp_path, ".checker.yaml", "{}\n")
    write(tmp_path, "checkerconf.py",
          "from checker import hookimpl\n@hookimpl\ndef checker_chek_article():\n    pass\n")
    result = run_checker("--list-rules", cwd=tmp_path)
    assert result.returncode == 4 and b"checker_chek_article" in result.stderr


def test_unknown_plugin_and_format_are_usage_errors():
    assert run_checker("-p", "no_such_plugin_module", str(SAMPLE)).returncode == 4
    result = run_checker("--format", "yaml", str(SAMPLE))
    assert result.returncode == 4 and b"unknown format 'yaml'" in result.stderr


def test_output_file(tmp_path):
    out = tmp_path / "report.json"
    result = run_checker("--format", "json", "-o", str(out), str(SAMPLE))
    assert result.stdout == b"" and json.loads(out.read_text())["version"] == 1


def test_inputs_are_never_modified(tmp_path):
    path = write(tmp_path, "a.txt", SPUN)
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    run_checker(str(path))
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before


def test_json_names_the_archive_each_record_came_from(tmp_path):
    record = {"id": "tram", "title": "Tram line extended",
              "body": "USA officials rode the tram.\n\nIt reaches the hospital."}
    write(tmp_path, "feed.jsonl", json.dumps(record) + "\nnot json\n")
    write(tmp_path, "plain.txt", SPUN)
    report, result = run_json(str(tmp_path))
    assert result.returncode == 6  # a record that could not be read
    jsonschema.validate(report, SCHEMA)
    entries = {Path(entry["path"]).name: entry for entry in report["files"]}
    assert Path(entries["feed.jsonl#tram"]["file"]).name == "feed.jsonl"
    assert entries["feed.jsonl#tram"]["findings"]
    assert [Path(e["file"]).name for name, e in entries.items() if e["error"]] == ["feed.jsonl"]
    assert "file" not in entries["plain.txt"]  # a plain file is its own source


def test_statistics_count_each_rules_findings_and_fixes_instead_of_listing_them(tmp_path):
    articles = ROOT / "sample_articles"
    report, _ = run_json("--no-cache", str(articles))
    summary = report["summary"]
    result = run_checker("--no-cache", "--statistics", "-q", str(articles))
    assert result.returncode == 1
    lines = result.stdout.decode().splitlines()
    rows = [line.split() for line in lines]
    # One line per rule that made a finding, most first (ties by id), with its count.
    assert [row[1] for row in rows] == sorted(summary["by_rule"], key=lambda rule: (-summary["by_rule"][rule], rule))
    assert {row[1]: int(row[0]) for row in rows} == summary["by_rule"]
    assert not any(":" in row[0] for row in rows)  # no finding listed by its place
    # The fixes add up to what --fix (and --unsafe-fixes) would fix.
    findings = [f for file in report["files"] for f in file["findings"]]
    safe = sum(1 for f in findings if (f.get("fix") or {}).get("applicability") == "safe")
    unsafe = sum(1 for f in findings if (f.get("fix") or {}).get("applicability") == "unsafe")
    shown = " ".join(lines)
    assert sum(int(n) for n in re.findall(r"(\d+) fixable", shown)) == safe > 0
    assert sum(int(n) for n in re.findall(r"(\d+) with --unsafe-fixes", shown)) == unsafe > 0
    # Without -q, the usual header and summary frame the table; an unreadable input is named.
    write(tmp_path, "story.txt", SPUN)
    write(tmp_path, "huge.txt", SPUN * 50)
    result = run_checker("--no-cache", "--statistics", "--max-size", "1KB", str(tmp_path))
    out = result.stdout.decode()
    assert result.returncode == 6 and "statistics" in out and "huge.txt: error too large" in out
    assert "entity-state-name-as-adjective" in out and "story.txt:3:" not in out
    # It is a form of the text report: asked with another format, a usage error.
    result = run_checker("--statistics", "--format", "json", str(articles))
    assert result.returncode == 4 and result.stdout == b""
    assert b"--statistics is a form of the text report" in result.stderr
