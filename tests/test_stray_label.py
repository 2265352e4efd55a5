"""boilerplate-stray-label: a picture's alt text or file name, or a page's label, left as a line
of lower-case words, found by its shape.

Every line here is invented for these tests."""

from pathlib import Path

import pytest

from checker.kinds.boilerplate import BoilerplateRule
from checker.load.collect import load_rule
from checker.read.parsers.text import parse_text

RULE = Path(__file__).resolve().parent.parent / "rules" / "boilerplate" / "boilerplate-stray-label.yaml"

BODY = ("Title: Ferry timetable cut for winter\n\n"
        "The island ferry will sail twice a day from November, the operator said on Monday.\n"
        "{middle}\n"
        "Islanders said the cut would leave commuters stranded on the mainland after six.\n")


@pytest.fixture(scope="module")
def rule():
    return load_rule(RULE, {"boilerplate": BoilerplateRule})


def flagged(rule, middle: str) -> list[str]:
    article = parse_text("ferry.txt", BODY.format(middle=middle))
    return [finding.location.text for finding in rule.check(article)]


@pytest.mark.parametrize("line", [
    "ferry timetable winter",  # alt text
    "islay",
    "ferry_pier_0931_hr.jpg",  # a file name
    "2231-ferry-cuts-islay-1200",  # a slug
    "share",
    "close window",
    "o’brien ferry",
])
def test_a_lower_case_label_or_file_name_on_its_own_line_is_flagged(rule, line):
    assert flagged(rule, f"\n{line}\n") == [line]
    assert flagged(rule, line) == [line]  # glued to the caption or paragraph after it too


@pytest.mark.parametrize("line", [
    "Ferry timetable winter",  # a capital: a subheading, a name
    "ferry timetable winter cuts",  # four words
    "twice a day.",  # the end of a sentence wrapped onto its own line
    "the 6pm sailing",  # a figure
    "well-known",  # one dash: a word, not a slug
    "zzzzzzzzzzzzzzz",  # a separator typed by the author
    "ferry, bus",
])
def test_lines_of_another_shape_are_left_alone(rule, line):
    assert flagged(rule, f"\n{line}\n") == []


def test_a_list_of_lower_case_lines_is_the_authors(rule):
    assert flagged(rule, "\nThe survey asked about:\n\nfare paid\n\ntravel time\n\nseat found\n") == []
    assert flagged(rule, "\nfare paid\n\nThe survey also asked about the crossing.\n") == ["fare paid"]


def test_the_fix_removes_the_line(rule):
    article = parse_text("ferry.txt", BODY.format(middle="islay ferry"))
    (finding,) = rule.check(article)
    assert finding.fix is not None and finding.fix.applicability == "safe"
