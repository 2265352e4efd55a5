"""Page furniture found by its form rather than by a listed phrase: a run of other stories'
headlines after the article (the link-list kind), and the line shapes of the phrase rules that
read structure (menus and breadcrumbs, time stamps, credits, gallery counters, doubled
counters of an embedded post)."""

from __future__ import annotations

from functools import cache

import pytest

from checker.load.collect import builtin_rules_dir, load_rules
from checker.plugin.builtin import checker_rule_kinds
from checker.read.parsers.text import parse_text


@cache
def rules() -> dict:
    loaded, errors = load_rules([builtin_rules_dir()], checker_rule_kinds())
    assert not errors
    return {rule.id: rule for rule in loaded}


def flagged(rule_id: str, text: str) -> list[int]:
    article = parse_text("<test>", text)
    return [finding.location.line for finding in rules()[rule_id].check(article)]


def article(*paragraphs: str) -> str:
    return "Title: A test story\nPublished: 2026-11-02\n\n" + "\n\n".join(paragraphs) + "\n"


BODY = (
    "The county's only lido reopened on Saturday after a winter of repairs to its cracked basin.",
    "Swimmers queued from seven in the morning, and the first hundred were let in free of charge.",
    "The trust that runs it said ticket prices would stay at last year's level until September.",
)

# -- link lists ------------------------------------------------------------------------------


def test_a_run_of_headlines_after_the_story_is_flagged_with_its_label():
    text = article(*BODY, "ELSEWHERE IN THE REGION",
                   "Bus drivers vote to accept improved pay deal",
                   "Why the old mill chimney is leaning again",
                   "10 autumn walks within an hour of the city")
    assert flagged("boilerplate-link-list", text) == [10, 12, 14, 16]


def test_an_unlabelled_run_is_flagged_too():
    text = article(*BODY, "Council tax to rise by 4.9 percent", "Police appeal after quad bike thefts")
    assert flagged("boilerplate-link-list", text) == [10, 12]


def test_a_single_trailing_headline_or_a_run_followed_by_prose_is_left_alone():
    assert flagged("boilerplate-link-list", article(*BODY, "Council tax to rise by 4.9 percent")) == []
    text = article(*BODY, "Council tax to rise by 4.9 percent", "Police appeal after quad bike thefts",
                   "The lido opens daily from eight until dusk, weather permitting, the trust said.")
    assert flagged("boilerplate-link-list", text) == []


def test_lists_the_author_made_and_closing_sentences_are_left_alone():
    people = article(*BODY, "The volunteers thanked by the trust were:",
                     "Maud Ellery, a retired plumber from Castleton",
                     "Tobias Wren, who repainted the changing rooms")
    assert flagged("boilerplate-link-list", people) == []
    closing = article(*BODY, "And who will pay for next winter's repairs?", "It is not yet clear")
    assert flagged("boilerplate-link-list", closing) == []
    fields = article(*BODY, "Opening hours: 8am to 7pm", "Adult ticket: £4.50")
    assert flagged("boilerplate-link-list", fields) == []


def test_a_text_with_no_prose_before_the_run_is_left_alone():
    text = article("Harvest festival timetable", "Tractor parade through the high street",
                   "Cake stall on the village green", "Bonfire and fireworks at the rugby club")
    assert flagged("boilerplate-link-list", text) == []


def test_addresses_and_sentences_with_a_full_stop_break_the_run():
    text = article(*BODY, "Read more at www.example-lido.org", "Bus drivers vote to accept improved pay deal")
    assert flagged("boilerplate-link-list", text) == []


def test_tags_and_section_names_join_the_run_when_there_are_enough_of_them():
    tags = article(*BODY, "Topics", "Swimming", "Leisure", "Parks and gardens")
    assert flagged("boilerplate-link-list", tags) == [10, 12, 14, 16]
    mixed = article(*BODY, "Hot topics", "Half-term", "Transfer window",
                    "Bus drivers vote to accept improved pay deal", "Why the old mill chimney is leaning again")
    assert flagged("boilerplate-link-list", mixed) == [10, 12, 14, 16, 18]


def test_two_short_lines_under_the_story_stay_the_storys():
    # An author's name and a wire's end mark; a single tag: not a list of other pages.
    assert flagged("boilerplate-link-list", article(*BODY, "Petra Lund", "Ends")) == []
    assert flagged("boilerplate-link-list", article(*BODY, "Tags", "Lido")) == []
    # Two short lines do not carry headlines after them into a list either.
    signed = article(*BODY, "Petra Lund", "Ends", "Bus drivers vote to accept improved pay deal")
    assert flagged("boilerplate-link-list", signed) == []


def test_a_source_address_or_tags_field_between_the_story_and_the_list_is_passed_over():
    text = article(*BODY, "Source: https://www.example-lido.org/news/reopening",
                   "Tags: lido, swimming", "Bus drivers vote to accept improved pay deal",
                   "Why the old mill chimney is leaning again")
    # The tags field reads as the list's label and goes with it; the source's address is passed over.
    assert flagged("boilerplate-link-list", text) == [12, 14, 16]
    # A sentence of prose that gives an address still ends the article: the list under it is
    # flagged, the sentence is not.
    told = article(*BODY, "Tickets can be bought at www.example-lido.org from Monday.",
                   "Bus drivers vote to accept improved pay deal", "Why the old mill chimney is leaning again")
    assert flagged("boilerplate-link-list", told) == [12, 14]
    # Three fields in a row are more than a page puts there: no list is read past them.
    fields = article(*BODY, "Source: www.example-lido.org", "Via: www.example-news.org", "Photo: www.example.org",
                     "Bus drivers vote to accept improved pay deal", "Why the old mill chimney is leaning again")
    assert flagged("boilerplate-link-list", fields) == []


# -- line shapes of the phrase rules ---------------------------------------------------------


@pytest.mark.parametrize(("rule_id", "line"), [
    ("boilerplate-site-nav", "Home > Sport > Cricket > County"),
    ("boilerplate-site-nav", "News | Weather | Traffic | Jobs"),
    ("boilerplate-site-nav", "About us · Advertise · Cookie settings · Help"),
    ("boilerplate-site-nav", "Like 12 | Reply | Share"),
    ("boilerplate-stamp", "2 hours ago"),
    ("boilerplate-stamp", "Updated 45 minutes ago"),
    ("boilerplate-stamp", "6 min read"),
    ("boilerplate-stamp", "Fri 3 Mar 2023 | 4 min read"),
    ("boilerplate-dateline", "Tuesday June 6, 2023 | Updated 14:05"),
    ("boilerplate-credit", "(Reporting by Ines Duarte in Porto; Editing by Carl Voss)"),
    ("boilerplate-credit", "Additional reporting by Mei Tan and Owen Pryce"),
    ("boilerplate-credit", "By Rhiannon Lutz, Education Correspondent"),
    ("boilerplate-credit", "Words by Ada Brennan"),
    ("boilerplate-image-credit", "Photo 5 of 18"),
    ("boilerplate-image-credit", "Slide 3/9 The flooded underpass on Mill Road"),
    ("boilerplate-widget", "View gallery"),
    ("boilerplate-widget", "Tap to unmute"),
    ("boilerplate-widget", "312 312 Shares 1,045 1,045 Hearts"),
    ("boilerplate-comments", "9 Responses"),
    ("boilerplate-comments", "Leave a reply"),
    ("boilerplate-origin", "Lido reopens after winter repairs is a post from The Valley Swimmer"),
])
def test_furniture_shapes_are_flagged_wherever_they_stand(rule_id: str, line: str):
    text = article(BODY[0], BODY[1], line, BODY[2])
    assert flagged(rule_id, text) == [8]


@pytest.mark.parametrize("line", [
    "The path runs from the station > past the mill > to the weir, walkers said.",
    "Two hours ago the pool was still being filled, the manager said on Saturday.",
    "By Sunday evening, more than 900 people had swum there.",
    "By Air Force One, the minister flew on to Geneva.",
    "Reporting by the local paper first raised the alarm about the basin.",
    "Photos of the opening day were shared widely online.",
    "The gallery shows 18 photos of the basin being rebuilt.",
    "Shares in the operator rose 4 percent on the news.",
    "Nine responses to the consultation opposed the price rise.",
])
def test_sentences_that_share_words_with_furniture_are_left_alone(line: str):
    text = article(BODY[0], BODY[1], line, BODY[2])
    for rule_id in ("boilerplate-site-nav", "boilerplate-stamp", "boilerplate-dateline", "boilerplate-credit",
                    "boilerplate-image-credit", "boilerplate-widget", "boilerplate-comments",
                    "boilerplate-origin", "boilerplate-link-list"):
        assert flagged(rule_id, text) == [], rule_id


def test_a_short_last_sentence_still_ends_the_article_and_a_quoted_sentence_is_no_headline():
    text = article(*BODY, "Here is the timetable.", "Bus drivers vote to accept improved pay deal",
                   "Why the old mill chimney is leaning again")
    assert flagged("boilerplate-link-list", text) == [12, 14]
    quoted = article(*BODY, "“Who will pay for the heating next winter?”", "“We simply do not know yet.”")
    assert flagged("boilerplate-link-list", quoted) == []
    introduced = article(*BODY, "The winners were:", "Harbour Road Primary School choir",
                         "Castleton Brass Band under fifteens")
    assert flagged("boilerplate-link-list", introduced) == []


@pytest.mark.parametrize(("rule_id", "line"), [
    ("boilerplate-subscribe", "Liked this piece? Join 12,000 readers who get our morning briefing"),
    ("boilerplate-subscribe", "Also available on Android and iPhone"),
    ("boilerplate-widget", "Play 1:05 Firefighters tackle the blaze from the roof"),
    ("boilerplate-widget", "Flood map: tap a street to see its water level"),
    ("boilerplate-widget", "Hover over each ward for its turnout"),
    ("boilerplate-site-nav", "Filed under Education, Budget"),
    ("boilerplate-site-nav", "Email the newsdesk at desk@valleygazette.example"),
])
def test_prompts_players_filing_and_contact_lines_are_flagged(rule_id: str, line: str):
    assert flagged(rule_id, article(BODY[0], BODY[1], line, BODY[2])) == [8]


@pytest.mark.parametrize("line", [
    "Did you enjoy the festival? Many visitors said they did.",
    "The app is available on Android phones only, the council said.",
    "Play resumed at 3:15 after the rain stopped.",
    "The complaint was filed under the new rules last month.",
    "Residents can contact the council if their bins are missed.",
    "Readers who click on the link are taken to a fake bank page, police said.",
    "Scroll through any newspaper from 1923 and the adverts tell the story.",
])
def test_sentences_like_prompts_are_left_alone(line: str):
    text = article(BODY[0], BODY[1], line, BODY[2])
    for rule_id in ("boilerplate-subscribe", "boilerplate-widget", "boilerplate-site-nav"):
        assert flagged(rule_id, text) == [], rule_id


def test_an_about_the_author_label_goes_with_the_box_under_it():
    from test_author_box import BODY as STORY
    from test_author_box import lines_flagged
    text = article(*STORY, "About the author", "Ines Varga writes about transport for the Harbour Post.")
    assert lines_flagged(text) == [12, 14]


# -- a headline of another story between paragraphs ------------------------------------------

LIDO = (
    "The county's only lido reopened on Saturday after a winter of repairs to its cracked basin and pumps.",
    "Swimmers queued from seven in the morning, and the first hundred swimmers were let in free of charge.",
    "The trust that runs the lido said ticket prices would stay at last year's level until September.",
)


def test_another_storys_headline_between_paragraphs_is_flagged():
    text = article(LIDO[0], "Bakery chain to close eleven branches across the north west", LIDO[1], LIDO[2])
    assert flagged("boilerplate-inline-link", text) == [6]


def test_subheadings_questions_and_capitals_between_paragraphs_are_left_alone():
    for line in ("Trust says the lido basin repairs cost more than planned",  # shares the story's words
                 "Will the bakery chain close any more of its branches next year?",
                 "BAKERY CHAIN TO CLOSE ELEVEN BRANCHES IN THE NORTH WEST",
                 "Bakery chain closes branches"):  # too short to tell from a subheading
        assert flagged("boilerplate-inline-link", article(LIDO[0], line, LIDO[1], LIDO[2])) == [], line


def test_a_headline_line_without_prose_on_both_sides_is_left_alone():
    text = article(LIDO[0], LIDO[1], LIDO[2], "Bakery chain to close eleven branches across the north west")
    assert flagged("boilerplate-inline-link", text) == []


# -- the "About <organisation>" section of a press release -----------------------------------

RELEASE = (
    "Kestrel Foods will open a second bakery in Marlow Vale next spring, creating about sixty jobs.",
    "The company said the new site would supply supermarkets across the south of the county.",
    "Building work is due to start in January, subject to planning approval.",
)


def test_a_releases_about_section_is_flagged_to_the_end():
    text = article(*RELEASE, "About Kestrel Foods:",
                   "Kestrel Foods is a family-owned baker founded in 1961 with four sites in the region.",
                   "Media contact: Ruth Ames", "Tel: 01632 960 123")
    assert flagged("boilerplate-about-section", text) == [10, 12, 14, 16]


def test_about_as_a_sentence_or_a_heading_far_from_the_end_is_left_alone():
    sentence = article(*RELEASE, "About 40 of the jobs will be for apprentices, the company said.")
    assert flagged("boilerplate-about-section", sentence) == []
    nothing_after = article(*RELEASE, "About Kestrel Foods", "Contact us")
    assert flagged("boilerplate-about-section", nothing_after) == []
    long_story = article(*RELEASE[:2], "About the new bakery",
                         *(f"Paragraph {n} of the story goes on about the bakery and its plans for the town."
                           for n in range(14)))
    assert flagged("boilerplate-about-section", long_story) == []


# -- control lines (boilerplate-widget, written by scripts/build_control_lines.py) ------------


def test_the_widget_rules_control_lines_are_those_the_script_writes():
    import runpy

    from conftest import ROOT

    script = runpy.run_path(str(ROOT / "scripts" / "build_control_lines.py"))
    assert script["main"](["--check"]) == 0


@pytest.mark.parametrize("line", ["Loading photo gallery", "Video unavailable", "Already a subscriber? Log in",
                                  "Follow this author", "Save for later", "Enlarge", "Next slide"])
def test_a_line_of_nothing_but_controls_words_is_flagged(line: str):
    assert flagged("boilerplate-widget", article(*BODY[:2], line, BODY[2])) == [8]


@pytest.mark.parametrize("line", ["Share this:", "Share This Video"])
def test_share_prompts_are_left_to_the_share_rule_so_its_settings_hold(line: str):
    assert flagged("boilerplate-widget", article(*BODY[:2], line, BODY[2])) == []
    assert flagged("boilerplate-share", article(*BODY[:2], line, BODY[2])) == [8]


@pytest.mark.parametrize("line", ["Watch this space", "Facebook and Twitter", "View from the top", "Javascript",
                                  "Share prices fell", "Follow the money", "Read the full report"])
def test_headings_and_sentences_with_other_words_are_left_alone(line: str):
    assert flagged("boilerplate-widget", article(*BODY[:2], line, BODY[2])) == []
