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


def carets_under(text: str, offset: int, length: int) -> tuple[str, str]:
    """The excerpt's line and the text its carets stand under, read back by character
    (every shown character here takes one column)."""
    from checker.report.excerpt import excerpt

    shown = excerpt(text, offset, length, 1)
    assert shown is not None
    return shown.text, shown.text[shown.indent:shown.indent + shown.carets]


def test_the_source_excerpt_is_cut_around_the_finding_and_underlines_its_text():
    from checker.report.excerpt import CONTEXT, excerpt

    line = "The harbour board said the White Residence was watching the talks."
    text = f"Title: Talks\n\n{line}\r\nNext line.\n"
    start = text.index("White")
    shown, under = carets_under(text, start, len("White Residence"))
    assert shown == line and under == "White Residence"
    # A long paragraph: the line is cut around the finding, "…" where text is left out.
    long = "word " * 60 + "Russian Federation soldiers" + " more" * 60
    shown, under = carets_under(long, long.index("Russian"), len("Russian Federation"))
    assert under == "Russian Federation" and shown.startswith("…") and shown.endswith("…")
    assert len(shown) <= 2 * CONTEXT + len("Russian Federation") + 2
    # Controls, tabs and a CI command are shown escaped, the carets still under the finding.
    odd = "::warning::x\t##[group] \x1b[31mUSA officials spoke"
    shown, under = carets_under(odd, odd.index("USA"), 3)
    assert "\x1b" not in shown and "\t" not in shown and "##[" not in shown and under == "USA"
    # Wide characters take two columns each: the carets count columns, not characters.
    wide = "東京の会議で USA officials spoke"
    found = excerpt(wide, wide.index("USA"), 3, 1)
    assert found is not None and found.indent == 2 * 6 + 1 and found.carets == 3
    # An empty span still gets one caret; an offset outside the text gets no excerpt.
    assert excerpt("abc", 3, 0, 1) is not None and excerpt("abc", 3, 0, 1).carets == 1
    assert excerpt("abc", 9, 1, 1) is None


def test_show_source_prints_each_findings_line_with_carets_in_every_input_format(tmp_path):
    (tmp_path / "story.txt").write_text("Title: Talks\n\nThe talks went on as USA officials said.\n",
                                        encoding="utf-8")
    (tmp_path / "page.html").write_text(
        "<html><body><article><h1>Talks</h1>\n<p>Officials said USA officials would stay.</p>\n"
        "<p>The talks end on Friday after a week of meetings in the capital.</p></article></body></html>\n",
        encoding="utf-8")
    result = run_checker("--no-cache", "-q", "--show-source", "--select", "entity-state-name-as-adjective",
                         str(tmp_path))
    out = result.stdout.decode().splitlines()
    story = out.index(next(line for line in out if "story.txt:3:" in line))
    assert out[story + 1] == "3 | The talks went on as USA officials said."
    assert out[story + 2] == "  | " + " " * len("The talks went on as ") + "^^^"
    page = out.index(next(line for line in out if "page.html:2:" in line))
    assert out[page + 1] == "2 | <p>Officials said USA officials would stay.</p>"
    assert out[page + 2].endswith(" " * len("<p>Officials said ") + "^^^")
    # Without it the report lists the findings alone; with --statistics it counts them.
    plain = run_checker("--no-cache", "-q", "--select", "entity-state-name-as-adjective", str(tmp_path))
    assert len(plain.stdout.decode().splitlines()) == 2
    counted = run_checker("--no-cache", "-q", "--show-source", "--statistics", str(tmp_path))
    assert " | " not in counted.stdout.decode()
    # It belongs to the text report: with another format, or with --diff, a usage error.
    for other in (["--format", "json"], ["--diff"]):
        refused = run_checker("--show-source", *other, str(tmp_path))
        assert refused.returncode == 4 and b"--show-source is a form of the text report" in refused.stderr


def test_github_format_adds_a_job_summary_of_the_rules_without_article_text(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a |<b>x<b>| story.txt").write_text(
        "Title: Port strike\n\nPort strike\n\nUSA officials said the White Residence was watching.\n\nShare this:\n",
        encoding="utf-8")
    summary_file = tmp_path / "summary.md"
    summary_file.write_text("earlier step\n", encoding="utf-8")
    environment = {"GITHUB_STEP_SUMMARY": str(summary_file), "GITHUB_ACTIONS": "true"}
    report, _ = run_json("--no-cache", str(articles))
    by_rule = report["summary"]["by_rule"]
    result = run_checker("--no-cache", "--format", "github", str(articles), env=environment)
    assert result.returncode == 1 and result.stdout.decode().count("::error") >= 3
    written = summary_file.read_text(encoding="utf-8")
    assert written.startswith("earlier step\n### checker\n")  # appended, as the runner expects
    rows = dict(re.findall(r"^\| `([^`]+)` \| (\d+) \|", written, re.MULTILINE))
    assert {rule: int(count) for rule, count in rows.items()} == by_rule
    assert f"{report['summary']['findings']} findings" in written
    assert "<b>" not in written and "story.txt" not in written and "Residence" not in written
    # A summary the runner cannot take is a note; the annotations and the exit code stand.
    unwritable = run_checker("--no-cache", "--format", "github", str(articles),
                             env={"GITHUB_STEP_SUMMARY": str(tmp_path), "GITHUB_ACTIONS": "true"})
    assert unwritable.returncode == 1 and unwritable.stdout == result.stdout
    assert b"could not write the job summary" in unwritable.stderr
    # Outside Actions (no summary file named), nothing is written anywhere.
    quiet = run_checker("--no-cache", "--format", "github", str(articles), env={"GITHUB_STEP_SUMMARY": ""})
    assert quiet.stdout == result.stdout and summary_file.read_text(encoding="utf-8") == written


def test_the_source_excerpt_reads_only_its_window_of_a_line_of_megabytes():
    from checker.report.excerpt import CONTEXT, SPAN_MOST, excerpt

    class Watched(str):
        """A text that remembers the longest piece of it a caller cut out."""

        longest = 0

        def __getitem__(self, key):
            piece = str.__getitem__(self, key)
            if isinstance(key, slice):
                Watched.longest = max(Watched.longest, len(piece))
            return piece

    line = "USA officials met. " * 300_000  # one line of 5.7 MB
    text = Watched("Title: Big\n\n" + line + "\n")
    for offset in (12, len(text) // 2, len(text) - 30):
        shown = excerpt(text, offset, 3, 3)
        assert shown is not None and shown.carets == 3
        assert len(shown.text) <= 2 * CONTEXT + 3 + 2  # the window and its two "…"
    assert Watched.longest <= 2 * CONTEXT + SPAN_MOST + 2
