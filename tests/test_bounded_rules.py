"""Rules bounded in the size of the article (issue 26, groups 7 and 8): a results table of
thousands of rows, a list of figures in one sentence and the same paragraph many times over
cost memory linear in their length; a team pattern nested thousands deep costs only its rule.

Time is not asserted here (``bench/bounds.py`` measures it); memory is, as the peak the
checker's process reached, and growth as the ratio of two sizes of one input.
"""

from __future__ import annotations

import json
import tracemalloc

from conftest import results_table, run_measured, write

from checker.kinds.contradiction import counts, polarity
from checker.load.collect import builtin_rules_dir, load_rules
from checker.plugin.builtin import checker_rule_kinds
from checker.read.parsers.markdown import parse_markdown
from checker.read.parsers.text import parse_text

RULES = {rule.id: rule for rule in load_rules([builtin_rules_dir()], checker_rule_kinds())[0]}


def peak_bytes(work) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def count_conflicts(article) -> list:
    rule = RULES["contradiction-counts"]
    found = counts.counts_in(article.source, article.sentences, rule.vocabulary)
    return list(counts.conflicts(found, rule.vocabulary))


def test_a_results_table_costs_memory_linear_in_its_rows():
    small, large = (parse_markdown("results.md", results_table(rows)) for rows in (750, 3000))
    assert max(len(article.source) for article in (small, large)) > 36_000
    growth = peak_bytes(lambda: count_conflicts(large)) / peak_bytes(lambda: count_conflicts(small))
    # Four times the rows: about four times the memory (sixteen before, a word set per figure).
    assert growth < 6, growth


def test_figures_listed_in_one_sentence_cost_memory_linear_in_their_number():
    def listed(n: int):
        wards = ", ".join(f"{300 + i * 37 % 900} votes in ward {i}" for i in range(n))
        return parse_text("list.txt", f"Title: Count\n\nThe tally gave {wards}.\n")

    small, large = listed(500), listed(2000)
    growth = peak_bytes(lambda: count_conflicts(large)) / peak_bytes(lambda: count_conflicts(small))
    assert growth < 6, growth


def test_copies_of_a_sentence_are_not_compared_again():
    once = "Rescuers pulled 12 people alive from the collapsed market building, officials said on Tuesday."
    other = "Officials said on Tuesday that rescuers had pulled 15 people alive from the collapsed market building."
    article = parse_text("copies.txt", "Title: Quake\n\n" + "\n\n".join([once] * 3000 + [other]))
    compared = 0
    real = counts._relation

    def counting(*args):
        nonlocal compared
        compared += 1
        return real(*args)

    counts._relation = counting
    try:
        conflicts = count_conflicts(article)
    finally:
        counts._relation = real
    # The last sentence conflicts with the first; the 2,999 copies in between are not indexed.
    assert [(c.earlier.text, c.later.text) for c in conflicts] == [("12 people", "15 people")]
    assert compared < 10


def test_the_same_paragraph_50_000_times_keeps_polarity_linear():
    rule = RULES["contradiction-polarity"]
    paragraph = "The committee approved the budget for the new library, officials said."
    article = parse_text("same.txt", "Title: Library\n\n" + "\n\n".join([paragraph] * 50_000)
                         + "\n\nThe committee did not approve the budget for the new library.")
    clauses = polarity.clauses_in(article.source, article.sentences, rule.clause, rule.forms, rule.hedges,
                                  rule.adjectives)
    assert len(clauses) == 50_001
    [conflict] = polarity.conflicts(clauses, rule.antonyms)
    assert conflict.earlier.start == clauses[0].statement.start  # the first of the copies
    assert conflict.later.text == "The committee did not approve the budget for the new library"


def test_a_3000_row_results_table_in_the_command_line_stays_under_200_mb(tmp_path):
    write(tmp_path, "results.md", results_table(3000))
    result = run_measured("results table, 3,000 rows", "--no-cache", "--format", "json", str(tmp_path / "results.md"),
                          timeout=120)
    assert result.returncode in (0, 1), result.stderr
    assert b"time limit" not in result.stderr
    assert result.peak_mb < 200, result.peak_mb


def test_a_team_pattern_nested_5000_deep_costs_only_its_rule(tmp_path):
    team = tmp_path / "team"
    write(team, "deep.yaml", "id: team-deep\nkind: existence\ncategory: style\nmessage: m\ntokens: ['"
          + "(" * 5000 + "x" + ")" * 5000 + "']\n")
    write(team, "fine.yaml", "id: team-fine\nkind: existence\ncategory: style\nmessage: the word\ntokens: [ferry]\n")
    write(tmp_path, "story.txt", "Title: Ferry\n\nThe ferry left late.\n\nShare this:\n")
    result = run_measured("team pattern nested 5,000 deep", "--no-cache", "--rules", str(team), "--format", "json",
                          str(tmp_path / "story.txt"))
    assert result.returncode == 4
    errors = result.stderr.decode().strip().splitlines()
    assert len(errors) == 1 and "deep.yaml" in errors[0] and "team-deep" in errors[0], errors
    assert "nests too deeply" in errors[0] and "Traceback" not in errors[0] and len(errors[0]) < 300
    found = {f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]}
    assert {"team-fine", "boilerplate-share"} <= found  # the team's other rule and the built-in pack ran
