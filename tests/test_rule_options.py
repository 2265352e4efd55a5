"""``rule-options`` in the configuration: a team tunes a built-in rule's own options (a
threshold, a length) without copying the rule."""

from __future__ import annotations

import json

from conftest import run_checker, run_json, write

LONG = ("Title: Harbour wall\n\nThe council said on Tuesday that the new harbour wall, which has been under "
        "construction since the spring of last year, would open to walkers next month.\n")


def long_sentence_lines(folder, *args: str) -> list[int]:
    report, result = run_json(*args, "--select", "style-long-sentence", str(folder / "a.txt"), cwd=folder)
    assert result.returncode in (0, 1), result.stderr
    return [f["line"] for f in report["files"][0]["findings"]]


def test_a_rules_own_option_set_in_the_configuration_changes_its_findings(tmp_path):
    write(tmp_path, "a.txt", LONG)
    write(tmp_path, ".checker.yaml", "{}\n")
    assert long_sentence_lines(tmp_path, "--no-cache") == []  # 27 words: under the built-in 70
    write(tmp_path, ".checker.yaml", "rule-options:\n  style-long-sentence: {max: 20}\n")
    assert long_sentence_lines(tmp_path, "--no-cache") == [3]
    # The results cache knows the option: a cached run after a change is not the old result.
    write(tmp_path, ".checker.yaml", "rule_options:\n  style-long-sentence: {max: 40}\n")
    assert long_sentence_lines(tmp_path) == []
    write(tmp_path, ".checker.yaml", "rule-options:\n  style-long-sentence: {max: 20}\n")
    assert long_sentence_lines(tmp_path) == [3]
    # Worker processes read the same rules.
    write(tmp_path, "b.txt", LONG)
    report, _ = run_json("--no-cache", "-j", "2", "--select", "style-long-sentence", str(tmp_path), cwd=tmp_path)
    assert [len(f["findings"]) for f in report["files"]] == [1, 1]
    # The message says the limit in force.
    result = run_checker("--no-cache", "-q", "--select", "style-long-sentence", "a.txt", cwd=tmp_path)
    assert b"under 20" in result.stdout


def test_a_wrong_rule_option_is_a_one_line_usage_error_naming_the_file(tmp_path):
    write(tmp_path, "a.txt", LONG)
    cases = {
        "rule-options:\n  style-long-sentense: {max: 20}\n":
            "no rule 'style-long-sentense' is collected (did you mean style-long-sentence",
        "rule-options:\n  style-long-sentence: {max-words: 20}\n":
            "rule 'style-long-sentence' (kind occurrence) has no option 'max_words' (its options: max, min",
        "rule-options:\n  style-long-sentence: {max: twenty}\n":
            "rule style-long-sentence field 'max': expected a number",
        "rule-options:\n  style-long-sentence: 20\n": "expected a rule id and a mapping of its options",
        "rule-options: [style-long-sentence]\n": "setting 'rule-options' has the wrong type",
    }
    for configuration, said in cases.items():
        write(tmp_path, ".checker.yaml", configuration)
        result = run_checker("--no-cache", "a.txt", cwd=tmp_path)
        error = result.stderr.decode()
        assert result.returncode == 4 and result.stdout == b"", configuration
        assert said in error and ".checker.yaml" in error and "Traceback" not in error, (configuration, error)
        assert len(error.strip().splitlines()) == 1, error


def test_checker_rule_shows_the_options_in_force_and_which_the_configuration_set(tmp_path):
    write(tmp_path, ".checker.yaml", "rule-options:\n  style-long-sentence: {max: 20}\n")
    page = run_checker("rule", "style-long-sentence", cwd=tmp_path).stdout.decode()
    assert "| `max` | `20` (set by `rule-options`) |" in page and "| `nonword` | `true` |" in page
    result = run_checker("rule", "style-long-sentence", "contradiction-event-dates", "--format", "json", cwd=tmp_path)
    records = {record["id"]: record for record in json.loads(result.stdout)}
    assert records["style-long-sentence"]["options"]["max"] == 20
    assert records["style-long-sentence"]["configured"] == ["max"]
    assert records["contradiction-event-dates"]["options"]["max_days"] == 3
    assert records["contradiction-event-dates"]["configured"] == []
    # Without the configuration: the value the rule ships with, nothing marked.
    shipped = run_checker("rule", "style-long-sentence", "--no-config", cwd=tmp_path).stdout.decode()
    assert "| `max` | `70` |" in shipped and "set by" not in shipped
