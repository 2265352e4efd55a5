"""boilerplate-dateline: a page's date stamp kept as a line of the article, found by its shape;
and the boilerplate kind's ``max_lines`` option, which leaves an article written in such lines
alone. Every line here is invented for these tests."""

from pathlib import Path

import pytest

from checker.kinds.boilerplate import BoilerplateRule
from checker.load.collect import load_rule
from checker.read.parsers.text import parse_text

RULE = Path(__file__).resolve().parent.parent / "rules" / "boilerplate" / "boilerplate-dateline.yaml"
LEDE = "The town's last cinema will close in March after 90 years, its owners said on Friday."
END = "The building has been sold to a housing association."


@pytest.fixture(scope="module")
def rule():
    return load_rule(RULE, {"boilerplate": BoilerplateRule})


def flagged(rule, *paragraphs: str) -> list[str]:
    text = "Title: Cinema to close\n\n" + "\n\n".join(paragraphs) + "\n"
    return [finding.location.text for finding in rule.check(parse_text("cinema.txt", text))]


@pytest.mark.parametrize("stamp", [
    "March 4, 2024", "Monday, March 4, 2024 at 9:12 AM", "4 March 2024", "Updated: 04/03/2024 09:12",
    "(from Sept 28, 2013)", "Posted on Mar. 4th, 2024", "2024-03-04",
])
def test_a_lone_date_stamp_is_flagged_with_an_unsafe_fix(rule, stamp):
    assert flagged(rule, stamp, LEDE, END) == [stamp]
    finding = next(iter(rule.check(parse_text("c.txt", f"Title: Cinema to close\n\n{LEDE}\n\n{stamp}\n"))))
    assert finding.fix is not None and finding.fix.applicability == "unsafe"


@pytest.mark.parametrize("paragraphs", [
    (LEDE, "The cinema opened on March 4, 1934.", END),  # a date inside a sentence
    (LEDE, "Monday, March 4, 2024 at 9:12 AM", "Tuesday, March 5, 2024 at 9:12 AM", END),  # a schedule
    (LEDE, "March 4, 1934", "The first film was a western.", "June 1, 1960", "Colour came late.",
     "May 2, 1999", END),  # a timeline: more than two date lines
    (LEDE, "Date: Mon, Mar 4, 2024 at 9:12 AM", END),  # a forwarded e-mail's header
    ("Published: 2024-03-04", LEDE, END),  # a Markdown file's own header line
])
def test_dates_of_the_articles_own_are_left_alone(rule, paragraphs):
    assert flagged(rule, *paragraphs) == []
