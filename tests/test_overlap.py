"""One piece of furniture, one finding (checker/filter/overlap.py): a line two boilerplate
rules flag is reported once, by the surer rule, after suppressions have had their say."""

from __future__ import annotations

import itertools
from pathlib import Path

from checker.engine.startup import open_session
from checker.filter.overlap import merge_overlapping_furniture
from checker.finding import Edit, Finding, Fix, Location, Severity


def finding(rule: str, start: int, end: int, *, category: str = "boilerplate", severity: Severity = Severity.ERROR,
            fix: str | None = "safe") -> Finding:
    location = Location(1, start + 1, 1, end + 1, start, end - start, "x" * (end - start))
    edits = (Edit(location, ""),)
    return Finding(rule=rule, category=category, severity=severity, message="m", location=location,
                   fix=Fix(fix, "Remove", edits) if fix else None)


def kept(findings: list[Finding]) -> list[str]:
    return sorted(f.rule for f in merge_overlapping_furniture(findings))


def test_one_line_flagged_by_two_rules_is_reported_once_by_the_surer_in_any_order():
    surer = finding("boilerplate-related", 100, 180)
    weaker = finding("boilerplate-inline-link", 100, 180, severity=Severity.WARNING, fix="unsafe")
    for order in itertools.permutations([surer, weaker, finding("boilerplate-share", 300, 320)]):
        assert kept(list(order)) == ["boilerplate-related", "boilerplate-share"]


def test_equal_findings_of_one_span_keep_the_first_rule_id_whatever_the_rule_order():
    pair = [finding("boilerplate-widget", 5, 18), finding("boilerplate-ad", 5, 18),
            finding("boilerplate-stray-label", 5, 18)]
    for order in itertools.permutations(pair):
        assert kept(list(order)) == ["boilerplate-ad"]


def test_a_weaker_wide_finding_never_hides_a_stronger_one_inside_it():
    # A run of glued lines (a warning with an unsafe fix) over a video title (an error with a
    # safe fix): dropping the title's finding would change what --fix removes and the exit code.
    run = finding("boilerplate-glued-lines", 0, 200, severity=Severity.WARNING, fix="unsafe")
    title = finding("boilerplate-video", 0, 60)
    assert kept([run, title]) == ["boilerplate-glued-lines", "boilerplate-video"]
    # The other way round, the wide one covers it.
    assert kept([finding("boilerplate-about-section", 0, 200), title]) == ["boilerplate-about-section"]
    # A finding without a fix never hides one with a fix: of the same span, the one with the fix is kept.
    assert kept([finding("boilerplate-share", 0, 200, fix=None), title]) == ["boilerplate-share", "boilerplate-video"]
    assert kept([finding("boilerplate-share", 0, 60, fix=None), title]) == ["boilerplate-video"]


def test_spans_that_only_touch_or_cross_are_both_kept_and_other_categories_are_never_merged():
    assert kept([finding("boilerplate-ad", 0, 50), finding("boilerplate-share", 50, 90)]) == \
        ["boilerplate-ad", "boilerplate-share"]
    assert kept([finding("boilerplate-ad", 0, 50), finding("boilerplate-share", 30, 90)]) == \
        ["boilerplate-ad", "boilerplate-share"]
    assert kept([finding("boilerplate-ad", 0, 50), finding("duplicate-sentence", 0, 50, category="duplicate"),
                 finding("style-passive", 10, 20, category="style")]) == \
        ["boilerplate-ad", "duplicate-sentence", "style-passive"]


ARTICLE = """Title: Harbour ferry returns after the winter repairs

The ferry between the two harbour towns ran again on Saturday after three months in dry dock.

{directive}advertisement

Crews replaced the propeller shaft and repainted the hull, the operator said.
"""


def rules_on_the_label(tmp_path: Path, directive: str) -> list[str]:
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE.format(directive=directive), encoding="utf-8")
    session = open_session({"no_config": True, "no_cache": True, "select": ["*"]}, tmp_path)
    result = session.check_text(str(path), path.read_text(encoding="utf-8"))
    label = path.read_text(encoding="utf-8").index("advertisement")
    return sorted(f.rule for f in result.findings if f.location.offset == label)


def test_the_article_gets_one_finding_and_a_suppressed_rule_leaves_the_line_to_the_next(tmp_path):
    [first] = rules_on_the_label(tmp_path, "")
    # Suppressing the rule kept does not clear the line: the others still see it.
    [second] = rules_on_the_label(tmp_path, f"<!-- checker-disable-next-line {first} -->\n")
    assert second != first and second.startswith("boilerplate-")
