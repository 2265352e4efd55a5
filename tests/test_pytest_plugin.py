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


MAPPING_RULE = """id: team-no-gonna
kind: existence
category: style
message: "avoid {match}"
tokens: [gonna]
examples:
  bad: ["We are gonna win."]
  good:
    - {good}
"""


def run_mapping_example(pytester, good: str):
    rules = pytester.mkdir("team_rules")
    (rules / "gonna.yaml").write_text(MAPPING_RULE.replace("{good}", good))
    return pytester.runpytest(f"--checker-rules={rules}", "-v")


def test_an_example_with_a_misspelt_key_is_an_error_naming_the_key(pytester):
    # Read as before, {txt: ...} was an empty article, and an empty article passes as good.
    result = run_mapping_example(pytester, "{txt: 'We are gonna lose.'}")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*team-no-gonna::good?0? FAILED*",
                                 "*example good[[]0]: unknown key(s) 'txt' (expected: text, format)*"])


def test_an_example_without_text_is_an_error(pytester):
    result = run_mapping_example(pytester, "{format: markdown}")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*example good[[]0]: 'text' is required and must be a string, got None*"])


def test_an_example_in_an_unknown_format_is_an_error_naming_the_format(pytester):
    # Read as before, any format but markdown was plain text, so a typo went unnoticed.
    result = run_mapping_example(pytester, "{text: 'We are going to win.', format: markdwon}")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*team-no-gonna::good?0? FAILED*", "*example good[[]0]: unknown format 'markdwon'*"])


def test_examples_are_read_by_the_parser_of_their_format(pytester):
    # The HTML parser reads the page's text, not its markup: the word in the link's target is
    # not in the article. Read as plain text, as before, this good example was flagged.
    result = run_mapping_example(pytester, "{text: '<p>We are <a href=\"/gonna\">going</a> to win.</p>', format: html}")
    result.assert_outcomes(passed=2)
