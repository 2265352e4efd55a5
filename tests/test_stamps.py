"""Date and time stamps a page printed with the story, read from what their words are
(``checker.text.stamps``, ``boilerplate-stamp``). Every line and article here is invented."""

from __future__ import annotations

from functools import cache

import pytest

from checker.load.collect import builtin_rules_dir, load_rules
from checker.plugin.builtin import checker_rule_kinds
from checker.read.parsers.text import parse_text
from checker.text.stamps import is_stamp

STAMPS = [
    "Thursday 14 March 2024 | Last updated 08:05",
    "Tue 3 Sep 2019 // 6 min read",
    "12 minutes ago",
    "Published 16:40 CET, 21 February 2022",
    "Last edited: 7 October 2020 13:02 BST",
    "Posted on 2021-06-30 at 09:45",
    "Originally posted January 9, 2018",
    "4 days ago | 2 min read",
    "Modified 3 hours ago",
    "Sun 28 Jan 2024 07.30 GMT",
    "4:17",
]

NOT_STAMPS = [
    "Voting ends at 10pm on Sunday in every ward of the borough",
    "The hearing is on June 12.",
    "Gates open at 6pm",
    "Born 2 August 1948",
    "Late on Friday at 11pm",
    "Tickets: Saturday 8pm, Corn Exchange",
    "Surgery hours: 8am to 6pm",
    "October 21, 2016",  # a bare date: boilerplate-dateline's, more warily
    "Date: 2011-03-04 10:12",  # an e-mail's header quoted in the story
    "Published: 2026-03-02",  # the header field a text or Markdown file opens with
    "Price: 2.49",
    "Three hours ago the ferry left the harbour with 40 passengers aboard",
    "It takes about 5 min to read the whole ruling, the clerk said.",
]


@pytest.mark.parametrize("line", STAMPS)
def test_a_stamp_of_any_wording_is_read_as_one(line):
    assert is_stamp(line)


@pytest.mark.parametrize("line", NOT_STAMPS)
def test_sentences_notices_and_bare_dates_are_no_stamp(line):
    assert not is_stamp(line)


@cache
def stamp_rule():
    rules, _ = load_rules([builtin_rules_dir()], checker_rule_kinds())
    return next(rule for rule in rules if rule.id == "boilerplate-stamp")


def flagged(text: str) -> list[int]:
    return [finding.location.line for finding in stamp_rule().check(parse_text("<t>", text))]


def test_the_pages_stamp_above_the_story_is_flagged_and_its_removal_is_an_unsafe_fix():
    """Read from word classes rather than a listed phrase, the stamp shape is a model's
    decision: ``--fix`` leaves it to ``--unsafe-fixes``, as ``boilerplate-dateline`` does."""
    text = ("Title: Bakery wins regional prize\n\nSat 9 Nov 2024 · Updated 10:12\n\n"
            "A family bakery in the old market won the region's bread prize on Friday.\n\n"
            "Its sourdough beat entries from forty other shops, the judges said.\n")
    [finding] = stamp_rule().check(parse_text("<t>", text))
    assert finding.location.line == 3 and finding.fix is not None and not finding.fix.safe
    [listed] = stamp_rule().check(parse_text("<t>", text.replace("Sat 9 Nov 2024 · Updated 10:12", "5 hours ago")))
    assert listed.fix is not None and listed.fix.safe  # a shape the rule lists stays a safe fix


def test_the_date_of_an_embedded_post_is_part_of_the_post():
    text = ("Title: Minister replies to critics\n\nThe minister answered her critics online late on Monday.\n\n"
            "Ana Ferreira @AnaFerreiraMP\n\nWe will publish every figure before the vote. Nothing is hidden.\n\n"
            "10:41 PM - 4 Mar 2024\n\nOpposition members said the figures should have come weeks ago.\n")
    assert flagged(text) == []


def test_a_schedule_of_dated_lines_is_the_articles_own():
    text = ("Title: Planning committee dates\n\nThe committee will meet three times before the summer.\n\n"
            "Wednesday, 15 May 2024 at 6:30 PM, council chamber\n\n"
            "Wednesday, 12 June 2024 at 6:30 PM\n\n"
            "Wednesday, 10 July 2024 at 6:30 PM\n\n"
            "Members of the public may attend each meeting.\n")
    assert flagged(text) == []


def test_a_player_time_left_in_the_text_is_flagged():
    text = ("Title: Floods close the coast road\n\n"
            "The coast road was closed on Tuesday after the river burst its banks.\n\n"
            "2:48\n\nCrews expect to reopen one lane by the weekend, the highways office said.\n")
    assert flagged(text) == [5]
