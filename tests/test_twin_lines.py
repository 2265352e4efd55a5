"""boilerplate-twin-lines (the ``twin-lines`` kind): a caption or title a page showed twice, kept
twice by a scraper, found by its shape.

Every line here is invented for these tests."""

from pathlib import Path

import pytest

from checker.kinds.twin_lines import TwinLinesRule
from checker.load.collect import load_rule

RULE = Path(__file__).resolve().parent.parent / "rules" / "boilerplate" / "boilerplate-twin-lines.yaml"

BODY = ("Title: Lock gates replaced on the canal\n\n"
        "Engineers lifted the old lock gates out of the canal at Hebble Bridge on Tuesday.\n\n"
        "{middle}\n\n"
        "The new oak gates were built in a yard in Yorkshire and took nine months to make.\n")


@pytest.fixture(scope="module")
def rule():
    return load_rule(RULE, {"twin-lines": TwinLinesRule})


def flagged(rule, article, middle):
    return [f.location.text for f in rule.check(article(BODY.format(middle=middle)))]


@pytest.mark.parametrize(("middle", "expected"), [
    # the same caption twice
    ("A crane lowers a gate into the lock\n\nA crane lowers a gate into the lock",
     ["A crane lowers a gate into the lock", "A crane lowers a gate into the lock"]),
    # cut short, then in full with its credit
    ("A crane lowers a gate into the lock at Hebble,\n\nA crane lowers a gate into the lock at Hebble, west of "
     "the town, on Tuesday. (Photo: Ines Varga, Canal Times)",
     ["A crane lowers a gate into the lock at Hebble,",
      "A crane lowers a gate into the lock at Hebble, west of the town, on Tuesday. (Photo: Ines Varga, Canal Times)"]),
    # a video's title over the player and under it, a label between; quotation marks differ
    ("Inside the \"lock keeper's\" cottage\n\nVideo\n\nInside the “lock keeper’s” cottage",
     ["Inside the \"lock keeper's\" cottage", "Inside the “lock keeper’s” cottage"]),
])
def test_a_caption_kept_twice_is_flagged_on_both_lines(rule, article, middle, expected):
    assert flagged(rule, article, middle) == expected


@pytest.mark.parametrize("middle", [
    # a paragraph of the story doubled by a scraper: the duplicate rules' to report, once
    ("The gates had been in place since 1956 and were leaking so badly that boats waited an hour to pass, "
     "the canal trust said in a statement on Monday.\n\n"
     "The gates had been in place since 1956 and were leaking so badly that boats waited an hour to pass, "
     "the canal trust said in a statement on Monday."),
    # a short sentence of the story doubled, with a share prompt between: the duplicate rules'
    "The lock keeper said the gates would open to boats again on Friday.\n\nShare this:\n\n"
    "The lock keeper said the gates would open to boats again on Friday.",
    # a list the author made: two people's roles, alike, with each name between them
    "Ada Brennan\n\nFormer chair of the canal trust\n\nTomas Rue\n\nFormer chair of the canal trust board",
    # a short sentence and a longer one that goes on in its own words
    "The work is finished.\n\nThe work is finishing touches to a long job, the trust said.",
    # two lines too short to be a caption
    "Thank you\n\nThank you",
    # lines far apart
    ("A crane lowers a gate\n\nBoats were moored upstream for the day.\n\nThe towpath stayed open.\n\n"
     "A crane lowers a gate"),
])
def test_lines_that_are_no_caption_shown_twice_are_left_alone(rule, article, middle):
    assert flagged(rule, article, middle) == []


def test_the_headline_repeated_is_left_to_duplicate_headline(rule, article):
    assert flagged(rule, article, "Lock gates replaced on the canal\n\nLock gates replaced on the canal") == []


def test_removing_the_lines_is_an_unsafe_fix(rule, article):
    [first, _] = rule.check(article(BODY.format(middle="A crane lowers a gate into the lock\n\n"
                                                       "A crane lowers a gate into the lock")))
    assert first.fix is not None and first.fix.applicability == "unsafe"
