"""boilerplate-disclaimer: the legal formulas a site prints around every article, kept by a
scraper with the story. Every line here is invented for these tests."""

from pathlib import Path

import pytest

from checker.kinds.boilerplate import BoilerplateRule
from checker.load.collect import load_rule
from checker.read.parsers.text import parse_text

RULE = Path(__file__).resolve().parent.parent / "rules" / "boilerplate" / "boilerplate-disclaimer.yaml"
LEDE = "The ferry company will raise fares by 4 per cent in May, its chief executive said on Monday."


@pytest.fixture(scope="module")
def rule():
    return load_rule(RULE, {"boilerplate": BoilerplateRule})


def flagged(rule, line: str) -> list[str]:
    article = parse_text("ferry.txt", f"Title: Ferry fares to rise\n\n{LEDE}\n\n{line}\n")
    return [finding.location.text for finding in rule.check(article)]


@pytest.mark.parametrize("line", [
    "The opinions expressed in this commentary are those of the writer alone and do not necessarily reflect "
    "the position of the Harbour Post or its owners.",
    "Views expressed here are the author's own.",
    "Disclaimer: the writer holds shares in no company named in this piece.",
    "The information on this site is provided for general informational purposes and is not investment advice.",
    "This page may contain affiliate links; we may earn a small commission if you buy through them.",
    "Advertiser Disclosure: some of the cards on this page come from our partners.",
    "Our tips are general guidance and are not intended as financial advice.",
])
def test_a_sites_disclaimer_is_flagged(rule, line):
    assert flagged(rule, line) == [line]


@pytest.mark.parametrize("line", [
    "The views expressed by residents at the meeting were mostly hostile to the rise.",
    "Critics said the fares did not reflect the cost of running the boats.",
    "She said the advice she had been given was not financial advice but common sense.",
    "The company earns a commission on every ticket sold through travel agents, it said.",
])
def test_the_storys_own_sentences_are_left_alone(rule, line):
    assert flagged(rule, line) == []
