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


# ---- items of two lists written alike ------------------------------------------------------------
def flagged_in(name: str, text: str) -> list[tuple[str, int]]:
    from checker.read.parsers.html import parse_html
    from checker.read.parsers.markdown import parse_markdown

    parse = parse_html if name.endswith(".html") else parse_markdown if name.endswith(".md") else parse_text
    article = parse(name, text)
    return sorted((f.rule, f.location.line) for rule in duplicate_rules() for f in rule.check(article))


LONG_BATTERY = "Runs for more than forty minutes on a single charge in the standard mode"
SMALL_BIN = "The bin is small and fills quickly when there are pets in the house"

ROUNDUP_MD = f"""# Cordless vacuums we would buy

We tried eleven machines over six weeks in a terraced house with two dogs and a cat.

## Harlow V8

The lightest machine we tried, and the easiest to carry up the stairs.

**Pros**

- {LONG_BATTERY}
- Empties without getting dust on your hands

**Cons**

- {SMALL_BIN}

## Brisket Pro 2

It picked up the most hair from our test rug, though it is heavier.

**Pros**

- {LONG_BATTERY}
- A wide floor head that clears a hallway in a few passes

**Cons**

- {SMALL_BIN}
"""


def test_two_products_of_a_roundup_sharing_a_pro_and_a_con_are_no_duplicate():
    assert flagged_in("roundup.md", ROUNDUP_MD) == []


def test_the_same_roundup_as_a_page_with_html_lists_is_no_duplicate_either():
    sections = []
    for name, lead, pro in (("Harlow V8", "The lightest machine we tried, and the easiest on the stairs.",
                             "Empties without dust on your hands"),
                            ("Brisket Pro 2", "It picked up the most hair from our rug, though it is heavier.",
                             "A wide floor head")):
        sections.append(f"<h2>{name}</h2><p>{lead}</p>"
                        f"<h3>Pros</h3><ul><li><strong>{LONG_BATTERY}</strong></li><li>{pro}</li></ul>"
                        f"<h3>Cons</h3><ul>\n  <li>{SMALL_BIN}</li>\n</ul>")
    page = f"<html><body><article><h1>Cordless vacuums we would buy</h1>{''.join(sections)}</article></body></html>"
    assert flagged_in("roundup.html", page) == []


def test_a_bullet_list_copied_whole_is_still_a_duplicate():
    items = ["- Bring photo identification to the polling station",
             "- Polls open at seven in the morning and close at ten at night",
             "- Postal votes must arrive by five in the afternoon on polling day"]
    text = "\n\n".join(["# How to vote on Thursday", "Voters in the ward go to the polls this week.", *items,
                        "Counting starts as soon as the polls close.", *items]) + "\n"
    found = flagged_in("vote.md", text)
    assert [rule for rule, _ in found] == ["duplicate-paragraph"] * 3


def test_an_item_repeated_in_its_own_list_and_a_paragraph_repeated_under_two_headings_are_reported():
    repeated_in_list = "\n\n".join([
        "# Road closures this weekend", "Three roads close for resurfacing on Saturday.",
        "- Mill Lane between the bridge and the school, all day",
        "- Station Road from the roundabout to the level crossing",
        "- Mill Lane between the bridge and the school, all day"]) + "\n"
    assert [rule for rule, _ in flagged_in("roads.md", repeated_in_list)] == ["duplicate-paragraph"]
    paragraph = "The council said diversions would be signposted and buses would keep to their timetables."
    twice = "\n\n".join(["# Road closures this weekend", "## Saturday", "Mill Lane closes at dawn.", paragraph,
                         "## Sunday", "Station Road closes at noon.", paragraph]) + "\n"
    assert [rule for rule, _ in flagged_in("roads.md", twice)] == ["duplicate-paragraph"]


def test_plain_text_lists_marked_with_bullets_are_read_as_lists_too():
    text = "\n\n".join([
        "Title: Two walks for a wet weekend",
        "Both routes start at the village car park and take about two hours.",
        "The river path", "• Flat all the way and suitable for pushchairs in dry weather",
        "• Boots are needed after heavy rain, as the lower field floods",
        "The ridge path", "• Steep for the first mile, with views of the estuary from the top",
        "• Boots are needed after heavy rain, as the lower field floods"]) + "\n"
    assert flagged_in("walks.txt", text) == []


def test_a_subheading_that_shortens_the_headline_is_no_duplicate_but_a_labelled_repeat_is():
    shortened = flagged(
        "Why the Night Buses Are Coming Back to Harford",
        "The council will restore three night bus routes from January, after a two-year gap.",
        "The Night Buses Coming Back to Harford",
        "Shift workers at the hospital had campaigned for the routes since they were cut.",
    )
    assert shortened == []
    labelled = flagged(
        "Why the Night Buses Are Coming Back to Harford",
        "The council will restore three night bus routes from January, after a two-year gap.",
        "READ MORE: Why the Night Buses Are Coming Back to Harford",
    )
    assert [rule for rule, _ in labelled] == ["duplicate-paragraph"]
