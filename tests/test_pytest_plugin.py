"""The pytest plugin turns each YAML rule's examples into test items."""

RULE = """id: team-no-gonna
kind: existence
category: style
message: "avoid {match}"
tokens: [gonna]
examples:
  bad: ["We are gonna win."]
  good: ["We are going to win.", "{good}"]
"""


def test_rule_examples_become_items_and_a_wrong_example_fails(pytester):
    rules = pytester.mkdir("team_rules")
    (rules / "gonna.yaml").write_text(RULE.replace("{good}", "We are gonna lose."))
    result = pytester.runpytest(f"--checker-rules={rules}", "-v")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*team-no-gonna::bad?0? PASSED*", "*team-no-gonna::good?1? FAILED*",
                                 "*good example was flagged*"])


def test_broken_rule_file_is_a_failing_item(pytester):
    rules = pytester.mkdir("team_rules")
    (rules / "bad.yaml").write_text("id: x\nkind: nope\n")
    result = pytester.runpytest(f"--checker-rules={rules}")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*unknown kind 'nope'*"])


def test_ini_rule_folder_runs_with_the_suite_but_not_when_another_path_is_named(pytester):
    rules = pytester.mkdir("team_rules")
    (rules / "gonna.yaml").write_text(RULE.replace("{good}", "We are going home."))
    pytester.makeini("[pytest]\nchecker_rules = team_rules\n")
    pytester.makepyfile(test_other="def test_one():\n    pass\n")
    pytester.runpytest().assert_outcomes(passed=4)
    pytester.runpytest("test_other.py").assert_outcomes(passed=1)
    pytester.runpytest("team_rules").assert_outcomes(passed=3)
