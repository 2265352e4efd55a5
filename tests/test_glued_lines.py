"""boilerplate-glued-lines (the ``glued-lines`` kind): headlines of other stories, a caption or a
player's title that a page set in a paragraph's container, kept glued to it by a scraper.

Every line here is invented for these tests."""

from pathlib import Path

import pytest

from checker.kinds.glued_lines import GluedLinesRule
from checker.load.collect import load_rule

RULE = Path(__file__).resolve().parent.parent / "rules" / "boilerplate" / "boilerplate-glued-lines.yaml"

PROSE = "The mill's owners said the looms would be moved to a new shed on the edge of the town by March."
BODY = ("Title: Wool mill to move after 140 years\n\n"
        "Halbury's last wool mill is to leave the building it has used since 1886, its owners said.\n\n"
        "{middle}\n\n"
        "About 60 people work at the mill, which makes cloth for tailors in London and Milan.\n\n"
        "The old building will be sold, and the council has said it wants it kept as a museum.\n")


@pytest.fixture(scope="module")
def rule():
    return load_rule(RULE, {"glued-lines": GluedLinesRule})


def flagged(rule, article, middle, body=BODY):
    return [f.location.text for f in rule.check(article(body.format(middle=middle)))]


@pytest.mark.parametrize(("middle", "expected"), [
    # a box of links to other stories, glued to the paragraph after it
    (f"Bakery chain opens third shop in Halbury\nCouncil agrees new bus lane on Mill Road\n{PROSE}",
     ["Bakery chain opens third shop in Halbury", "Council agrees new bus lane on Mill Road"]),
    # a player's title bar and the title with its running time
    (f"Play Inside Halbury's last wool mill Share Embed\nInside Halbury's last wool mill 2:41\n{PROSE}",
     ["Play Inside Halbury's last wool mill Share Embed", "Inside Halbury's last wool mill 2:41"]),
    # a picture's caption and its credit
    (f"Weavers at the mill in the 1950s\nPhoto courtesy of Halbury Museum\n{PROSE}",
     ["Weavers at the mill in the 1950s", "Photo courtesy of Halbury Museum"]),
])
def test_headline_like_lines_glued_to_a_paragraph_are_flagged(rule, article, middle, expected):
    assert flagged(rule, article, middle) == expected


@pytest.mark.parametrize("middle", [
    # one line alone: more often the writer's subheading
    f"Why the mill is moving\n{PROSE}",
    # the same lines set between blank lines: the writer's
    f"Bakery chain opens third shop in Halbury\n\nCouncil agrees new bus lane on Mill Road\n\n{PROSE}",
    # names over a quotation: the writer's list of who said what
    "Ruth Okafor\nChair of the Halbury Civic Society\n\"We want the building kept whole, and open to the public, "
    "whoever buys it,\" she said.",
    # a list the paragraph goes on with, no prose after it
    "Bakery chain opens third shop in Halbury\nCouncil agrees new bus lane on Mill Road\nMarket moves to Friday",
    # lines that end like sentences
    f"The mill was built in 1886.\nIt was extended in 1902.\n{PROSE}",
])
def test_lines_the_writer_set_are_left_alone(rule, article, middle):
    assert flagged(rule, article, middle) == []


def test_an_article_whose_paragraphs_share_lines_throughout_is_left_alone(rule, article):
    # Most paragraphs hold several lines: a line break inside one says nothing of the page.
    body = ("Title: Wool mill to move after 140 years\n\n"
            "Halbury's last wool mill is to leave the building it has used since 1886, its owners said.\n"
            "The move was agreed at a meeting of the family that owns it.\n\n"
            "{middle}\n\n"
            "About 60 people work at the mill, which makes cloth for tailors in London and Milan.\n"
            "Most of them live within a mile of it.\n\n"
            "The old building will be sold, and the council has said it wants it kept as a museum.\n"
            "A decision is due in the spring.\n")
    middle = f"Bakery chain opens third shop in Halbury\nCouncil agrees new bus lane on Mill Road\n{PROSE}"
    assert flagged(rule, article, middle, body) == []


def test_removing_the_lines_is_an_unsafe_fix(rule, article):
    middle = f"Bakery chain opens third shop in Halbury\nCouncil agrees new bus lane on Mill Road\n{PROSE}"
    first, _ = rule.check(article(BODY.format(middle=middle)))
    assert first.fix is not None and first.fix.applicability == "unsafe"
