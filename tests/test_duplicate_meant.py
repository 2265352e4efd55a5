"""Repeats a writer means, which the duplicate rules leave alone: a quotation and the post or
statement it came from shown in full, items of one list written from one template, a phrase
quoted twice, two near-alike lines about two different people or places. And the repeats
that are still accidents. Every article here is invented for these tests."""

from __future__ import annotations

from functools import cache

import pytest

from checker.load.collect import builtin_rules_dir, load_rules
from checker.plugin.builtin import checker_rule_kinds
from checker.read.parsers.text import parse_text


@cache
def duplicate_rules():
    rules, _ = load_rules([builtin_rules_dir()], checker_rule_kinds())
    return [rule for rule in rules if rule.id.startswith("duplicate-")]


def flagged(*paragraphs: str) -> list[tuple[str, int]]:
    article = parse_text("<test>", "Title: Test story\n\n" + "\n\n".join(paragraphs) + "\n")
    return sorted((f.rule, f.location.line) for rule in duplicate_rules() for f in rule.check(article))


POST = ("The harbour will reopen to fishing boats on Friday after the storm damage is cleared, "
        "and the fish market will follow next week.")


def test_a_quotation_then_the_post_it_came_from_is_not_a_duplicate():
    assert flagged(
        f"The harbour master wrote on Tuesday evening: \u201c{POST}\u201d",
        "Boat owners said they had lost a week of work.",
        f"{POST} \u2014 Port of Kelmarsh (@kelmarshport) March 3, 2026",
    ) == []


def test_a_statement_quoted_in_a_sentence_and_again_as_a_pull_quote_is_not_a_duplicate():
    assert flagged(
        f"\u201c{POST}\u201d",
        f"\u201c{POST}\u201d the harbour master said in a statement on Tuesday evening.",
    ) == []


def test_the_same_paragraph_with_its_quotation_twice_is_still_a_duplicate():
    line = f"\u201c{POST}\u201d the harbour master said in a statement."
    assert ("duplicate-paragraph", 7) in flagged(line, "Boat owners said they had lost a week of work.", line)


def test_items_of_one_list_written_from_a_template_share_sentences_on_purpose():
    rule = "Ballots must reach the county clerk by 8 p.m. on election day to be counted."
    assert flagged(
        f"Alder County \u2014 Early voting opens on October 21 at the library. {rule}",
        f"Birch County \u2014 Early voting opens on October 24 at the town hall. {rule}",
        "Cedar County \u2014 There is no early voting in Cedar County, as voters need an excuse to vote early.",
        "Dunmore County \u2014 There is no early voting in Dunmore County, as voters need an excuse to vote early.",
    ) == []


def test_a_short_phrase_quoted_twice_is_the_writers_choice_not_an_accident():
    assert flagged(
        "Inspectors found \u201cserious failings in the handling of records\u201d at the clinic.",
        "The board met on Monday to discuss the report and the clinic's reply.",
        "Its chair said the \u201cserious failings in the handling of records\u201d had been fixed.",
    ) == []


def test_a_quoted_sentence_given_twice_is_still_reported():
    found = flagged(
        "\u201cWe will rebuild every school that the flood damaged,\u201d the governor said on Monday.",
        "Teachers returned to two of the buildings on Wednesday.",
        "Later she told reporters: \u201cWe will rebuild every school that the flood damaged.\u201d",
    )
    assert ("duplicate-quote", 7) in found


@pytest.mark.parametrize("second", [
    "The committee chair Noor Haddad voted against the plan to sell the old depot to developers.",
    "The committee chair Ilse Brandt voted against the plan to sell the old depot to developers.",
])
def test_near_alike_lines_about_two_people_are_two_claims(second):
    first = "The committee chair Tom Okafor voted against the plan to sell the old depot to developers."
    assert flagged(first, "The vote was close.", second) == []


def test_a_near_repeat_with_a_word_changed_is_still_a_duplicate():
    first = "The committee voted on Tuesday against the plan to sell the old bus depot to developers."
    second = "The committee voted on Tuesday against the plan to sell the old bus garage to developers."
    assert ("duplicate-paragraph", 7) in flagged(first, "The vote was close.", second)
