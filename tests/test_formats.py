"""CI formats: SARIF 2.1.0 (validated against the published schema), GitHub Actions
workflow commands and JUnit XML (validated against the Jenkins xunit JUnit schema)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import xmlschema
from conftest import ROOT, run_checker, run_json

DATA = Path(__file__).parent / "data"
SARIF_SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
JUNIT_SCHEMA = xmlschema.XMLSchema(str(DATA / "junit-10.xsd"))
INPUTS = ("sample_articles",)


def sarif(*args: str, **kwargs) -> dict:
    result = run_checker("--format", "sarif", *args, **kwargs)
    assert result.returncode in (0, 1, 6), result.stderr.decode()
    log = json.loads(result.stdout)
    validator = jsonschema.Draft4Validator(SARIF_SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    validator.validate(log)
    return log


def test_sarif_is_valid_and_carries_every_finding_with_its_region():
    log = sarif(*INPUTS)
    report, _ = run_json(*INPUTS)
    [run] = log["runs"]
    expected = [(entry["path"], f["rule"], f["line"], f["column"], f["end_line"], f["end_column"], f["text"])
                for entry in report["files"] for f in entry["findings"]]
    got = []
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        region = location["region"]
        uri = location["artifactLocation"]["uri"]
        got.append((uri, result["ruleId"], region["startLine"], region["startColumn"], region["endLine"],
                    region["endColumn"], region["snippet"]["text"]))
    normalise = [(Path(p).resolve(), *rest) for p, *rest in expected]
    resolved = [((ROOT / u).resolve() if not u.startswith("file:") else Path(u[7:]).resolve(), *rest)
                for u, *rest in got]
    assert resolved == normalise
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_rules_have_ids_descriptions_help_and_levels():
    [run] = sarif("sample_articles")["runs"]
    rules = run["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert "duplicate-headline" in ids and "boilerplate-share" in ids and len(ids) == len(set(ids))
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["helpUri"].startswith("https://") and rule["id"] in rule["helpUri"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_two_place_findings_have_related_locations_and_fixes_their_applicability():
    [run] = sarif("sample_articles")["runs"]
    by_rule = {}
    for result in run["results"]:
        by_rule.setdefault(result["ruleId"], result)
    for rule in ("duplicate-paragraph", "contradiction-counts"):
        result = by_rule[rule]
        [related] = result["relatedLocations"]
        assert related["physicalLocation"]["region"]["startLine"] < \
            result["locations"][0]["physicalLocation"]["region"]["startLine"]
        assert "[other place](1)" in result["message"]["text"]
    [fix] = by_rule["boilerplate-share"]["fixes"]
    assert fix["properties"]["applicability"] == "safe"
    [change] = fix["artifactChanges"]
    assert change["replacements"][0]["insertedContent"]["text"] == ""
    # Removing an exact repeat is safe; removing a near repeat (97% alike) may lose words.
    applicability = {result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].rsplit("/", 1)[1]:
                     result["fixes"][0]["properties"]["applicability"]
                     for result in run["results"] if result["ruleId"] == "duplicate-paragraph" and "fixes" in result}
    assert applicability["pasted-embed-code.txt"] == "safe"
    assert applicability["scraped-blog-post.md"] == "unsafe"


def test_sarif_reports_unreadable_files_and_absolute_paths_outside_the_root(tmp_path):
    bad = tmp_path / "latin.txt"
    bad.write_bytes("Title: Caf\xe9\n".encode("latin-1"))
    story = tmp_path / "story.txt"
    story.write_text("Title: Port strike\n\nShare this:\n\nThe port closed.\n", encoding="utf-8")
    [run] = sarif(str(bad), str(story))["runs"]
    [notification] = run["invocations"][0]["toolExecutionNotifications"]
    assert "not valid UTF-8" in notification["message"]["text"]
    assert run["invocations"][0]["exitCode"] == 6
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == story.as_uri()


# ---- GitHub Actions ------------------------------------------------------------------------
_COMMAND = re.compile(r"^::(?P<level>error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def _unescape(value: str) -> str:
    return (value.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
            .replace("%25", "%"))


def test_github_annotations_escape_properties_and_messages(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "odd.yaml").write_text(
        'id: odd-message\nkind: existence\ncategory: style\nseverity: warning\n'
        'message: "100% sure: {match}, see\\nnext line"\ntokens: [harbour]\n', encoding="utf-8")
    folder = tmp_path / "a,b:c"
    folder.mkdir()
    story = folder / "story 50%.txt"
    story.write_text("Title: Port\n\nThe harbour closed.\n", encoding="utf-8")
    result = run_checker("--no-builtin-rules", "--rules", str(rules), "--format", "github", str(story))
    [line] = result.stdout.decode().splitlines()
    match = _COMMAND.match(line)
    assert match and match["level"] == "warning"
    props = dict(item.split("=", 1) for item in match["props"].split(","))
    assert _unescape(props["file"]) == str(story)
    assert (props["line"], props["col"], props["endLine"], props["endColumn"]) == ("3", "5", "3", "12")
    assert _unescape(props["title"]) == "odd-message (style)"
    assert _unescape(match["message"]) == "100% sure: harbour, see\nnext line"


def test_github_levels_and_unreadable_files(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfeT\x00\x00\xd8")  # UTF-16 with a lone surrogate
    result = run_checker("--format", "github", "sample_articles", str(bad))
    lines = result.stdout.decode().splitlines()
    assert all(_COMMAND.match(line) for line in lines)
    levels = {line.split(" ", 1)[0] for line in lines}
    assert {"::error", "::warning"} <= levels
    assert any(line.startswith("::error file=") and "bad.txt" in line and "title=checker" in line for line in lines)


# ---- JUnit ---------------------------------------------------------------------------------
def test_junit_is_valid_with_one_case_per_article():
    result = run_checker("--format", "junit", *INPUTS)
    xml = result.stdout.decode()
    JUNIT_SCHEMA.validate(xml)
    data = JUNIT_SCHEMA.to_dict(xml)
    suite = data["testsuite"][0]
    report, _ = run_json(*INPUTS)
    assert int(suite["@tests"]) == report["summary"]["files"] == len(suite["testcase"])
    failing = {entry["path"] for entry in report["files"] if any(f["severity"] == "error" for f in entry["findings"])}
    failed = {f"{case['@classname']}/{case['@name']}" for case in suite["testcase"] if "failure" in case}
    assert {str(Path(p)) for p in failed} == {str(Path(p)) for p in failing}
    assert int(suite["@failures"]) == len(failing)


def test_junit_failure_follows_fail_on_and_survives_control_characters(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Title: Port\n\nThe the harbour \x01closed <b>&amp;</b> \"quoted\".\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    strict = run_checker("--format", "junit", "--fail-on", "info", str(story), str(bad)).stdout.decode()
    JUNIT_SCHEMA.validate(strict)
    data = JUNIT_SCHEMA.to_dict(strict)["testsuite"][0]
    cases = {case["@name"]: case for case in data["testcase"]}
    assert "failure" in cases["story.txt"] and "error" in cases["bad.txt"]
    assert "style-repeated-word" in cases["story.txt"]["failure"][0]["$"]
    lenient = run_checker("--format", "junit", str(story)).stdout.decode()
    case = JUNIT_SCHEMA.to_dict(lenient)["testsuite"][0]["testcase"][0]
    assert "failure" not in case and "style-repeated-word" in case["system-out"][0]


@pytest.mark.parametrize("fmt", ["sarif", "github", "junit"])
def test_a_plugin_can_replace_a_built_in_format(tmp_path, fmt):
    (tmp_path / "myformat.py").write_text(
        "from checker import hookimpl\n"
        "class Quiet:\n"
        "    def __init__(self, config, stream): self.stream = stream\n"
        "    def start(self, session): pass\n"
        "    def file_done(self, result): pass\n"
        "    def finish(self, session): self.stream.write('replaced\\n')\n"
        "@hookimpl\n"
        f"def checker_output_formats():\n    return {{'{fmt}': Quiet}}\n", encoding="utf-8")
    article = str(ROOT / "sample_articles" / "spun-wire-story.txt")
    result = run_checker("-p", "myformat", "--format", fmt, article, env={"PYTHONPATH": str(tmp_path)})
    assert result.stdout.decode() == "replaced\n"
