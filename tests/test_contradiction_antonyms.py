"""contradiction-states (off by default) reading states: a thing given a state and, elsewhere, one that cannot
hold with it (WordNet's antonyms, shipped in checker/data/antonyms.json)."""

import json
from pathlib import Path

import pytest

from checker.kinds.contradiction.kind import ContradictionRule
from checker.kinds.contradiction.lexicon import ANTONYMS, lexicon
from checker.load.collect import load_rule

RULE = Path(__file__).resolve().parent.parent / "rules" / "contradiction" / "contradiction-states.yaml"


@pytest.fixture(scope="module")
def polarity() -> ContradictionRule:
    return load_rule(RULE, {"contradiction": ContradictionRule})


def lines_flagged(rule, article, text: str) -> list[int]:
    checked = article(text)
    return [finding.line for finding in rule.check(checked)]


def test_the_shipped_lexicon_names_its_source_and_holds_the_pairs_a_reporter_uses():
    data = json.loads(ANTONYMS.read_text(encoding="utf-8"))
    assert "WordNet 3.0" in data["sources"][0] and "Princeton" in data["licence"]
    words = lexicon()
    assert "convict" in words.opposite["acquit"]
    assert "unarmed" in words.opposite["armed"]
    assert "sober" in words.opposite["drunk"]
    assert words.forms["conviction"] == (frozenset({"convict"}), "act")
    assert "rifle" in words.weapons
    assert lexicon() is words  # read once
    notice = (ANTONYMS.parents[2] / "NOTICE").read_text(encoding="utf-8")
    assert "checker/data/antonyms.json" in notice and "Princeton WordNet 3.0" in notice


@pytest.mark.parametrize("text", [
    # a verdict, then its opposite named by a noun and a possessive
    "Title: Court news\n\nThe former mayor, Ines Varga, who was cleared in 2020 of fraud, spoke on Monday.\n\n"
    "Tomas Okafor, who was acquitted of arson last spring, has moved abroad.\n\n"
    "Since his conviction, Okafor has lived in Lisbon.",
    # a thing's state, then "remains" the opposite
    "Title: Roads\n\nThe ferry ramp at Hollin Point reopened to cars on Thursday after repairs.\n\n"
    "Lorries still face a long detour while the ramp remains shut.",
    # an apposition, then a weapon carried
    "Title: Shooting inquiry\n\nRelatives of Petra Lund, an unarmed cyclist stopped by officers on Friday, "
    "asked for the footage.\n\nLund, who was carrying a revolver in her bag, died at the scene.",
    # no one hurt, then someone hurt
    "Title: Crash\n\nA tram left the rails near the depot and no one was hurt, the operator said.\n\n"
    "The injured conductor was treated in hospital for a broken arm.",
    # an adjective and its antonym of one thing
    "Title: Crash\n\nThe lorry driver was sober, police said after tests.\n\nThe drunk driver was fined.",
    # the rule's own pairs in every form: "was defeated", "passed"
    "Title: Vote\n\nThe water levy was defeated in the assembly on Friday.\n\n"
    "Farmers have paid more since the levy passed.",
    # a verb's object given its state, then the opposite by the same body
    "Title: Zoning\n\nThe board rejected the marina scheme.\n\n"
    "The scheme, which was approved by the board, starts soon.",
    # an adjective after a passive participle; a weapon fired
    "Title: Hostage\n\nThe engineer was released unharmed, the ministry said.\n\n"
    "Surgeons treated the injured engineer for a knife wound.",
    "Title: Police\n\nThe gunman, who was unarmed, fled on foot.\n\nThe gunman fired a rifle at the patrol car.",
    # a state reported by someone: the noun phrase before "was"; the rule's own adjectives
    "Title: Crash\n\nThe diver was found dead in the cave.\n\nDivers said the diver was alive.",
    # a possessive whose owner follows: "his acquittal, the builder"
    "Title: Trial\n\nThe roofer was found guilty of fraud.\n\nSince his acquittal, the roofer has moved abroad.",
    # the rule's verbs negated: "was arrested" / "has not been arrested"; a name in apposition
    "Title: Police\n\nThe cyclist, Ines Moreau, was arrested at the scene.\n\n"
    "Moreau, who has not been arrested, thanked witnesses.",
    # a participle in apposition ("The viaduct, closed since the flood,")
    "Title: Roads\n\nThe Harlow viaduct, closed since the flood, carries no lorries.\n\n"
    "The viaduct remains open to buses, the council said.",
    # the headline against the body: a state, a verb's object with no article, a capital adjective
    "Title: Ferry pier reopens after storm\n\nThe pier between Arlo and Vance remains closed while divers inspect it.",
    "Title: Council rejects quarry plan\n\nThe quarry plan was approved by the council by 9 votes to 4.",
    "Title: Unarmed farmer shot by police\n\nThe farmer, who was armed with a shotgun, died at the scene.",
    # one person's seat kept, then lost, with no time between
    "Title: Election\n\nSenator Ruth Ames kept her seat in the river district.\n\n"
    "Ames, who lost her seat, plans to teach.",
    # a state through a period, then its opposite through the same period
    "Title: Library\n\nThe reading room was shut to readers for a month.\n\n"
    "The reading room remained open throughout the month, volunteers said.",
    # a decision told with a phrasal verb, a title before the name, an indefinite object taken up later
    "Title: Ports\n\nHarbour commissioner Lena Vasquez ruled out a new ferry terminal at Cobb Quay.\n\n"
    "Critics were dismayed after Vasquez backed the terminal at a board meeting.",
    # WordNet's synonym of an antonym ("decline", of "refuse"), the time in another clause
    "Title: Awards\n\nThe novelist Ottilie Brandt has accepted an honorary degree from the university.\n\n"
    "Two poets attended last year, but Brandt declined the degree, her agent said.",
    # an apposition between a name and its state; the name shortened later
    "Title: Storm\n\nGreyfield Leisure Centre, the town's only pool, was open all weekend.\n\n"
    "Swimmers went to Lowton instead because Greyfield Leisure, which stayed shut, had no power.",
])
def test_a_state_and_one_that_cannot_hold_with_it_are_flagged(polarity, article, text):
    assert lines_flagged(polarity, article, text) == [len(text.split("\n"))]


@pytest.mark.parametrize("text", [
    # a state changed, with a time of its own
    "Title: Roads\n\nThe bridge was closed on Monday.\n\nThe bridge reopened to traffic on Tuesday.",
    # two events may both have happened
    "Title: Roads\n\nThe bridge closed in March for repairs.\n\nThe bridge reopened to traffic.",
    # different things of one kind
    "Title: Roads\n\nThe north bridge remains shut.\n\nThe south bridge reopened to traffic on Monday.",
    # a verdict overturned
    "Title: Court\n\nKarl Brenner, who was convicted in 2019, walked free.\n\n"
    "His conviction was quashed and Brenner was acquitted on appeal.",
    # hedged, questioned, quoted or disputed
    "Title: Police\n\nThe suspect, Ada Moss, was armed, police said.\n\nMoss may have been unarmed, her lawyer said.",
    "Title: Police\n\nThe suspect was armed, police said.\n\nWas the suspect unarmed?",
    "Title: Police\n\nThe suspect was armed, police said.\n\n\"The suspect was unarmed,\" her brother said.",
    "Title: Police\n\nThe guard was armed, officers said.\n\nHis family insisted the guard was unarmed.",
    # a past state against a present one
    "Title: Schools\n\nThe school had been unoccupied for a decade.\n\nThe school is occupied by 400 pupils.",
    # two people of one surname
    "Title: Police\n\nJon Reyes, an unarmed student, was stopped.\n\n"
    "His brother, Luis Reyes, who was carrying a rifle, was arrested.",
    # "no one was hurt" of one event, a person injured in another occasion
    "Title: Storms\n\nNo one was hurt when the roof fell in on Monday.\n\nAn injured walker was rescued last week.",
    # "not only"
    "Title: Arms\n\nThe guards were not only armed but trained.\n\nThe guards were armed.",
    # an event at a time, then a state that may have followed it; a state then and one now
    "Title: Roads\n\nCrews closed the tunnel in June for repairs.\n\nThe tunnel was open to lorries.",
    "Title: Shop\n\nThe bakery was closed on Sunday.\n\nThe bakery is open on weekdays.",
    # two bodies, two verdicts: a dispute, not a contradiction
    "Title: Court\n\nThe tribunal rejected the claim.\n\nThe claim, which was approved by the insurer, was paid.",
    # two events at two times: both happened
    "Title: Election\n\nSenator Ruth Ames kept her seat in 2019.\n\nAmes lost her seat in 2023.",
    # "no one was hurt" twice, about two things
    "Title: Blast\n\nNo one was injured in the depot blast.\n\nThe parade was cancelled and no one was injured.",
    # the article itself tells of the change
    "Title: Pay\n\nThe union rejected the offer, but members accepted the offer in a second ballot.\n\n"
    "The offer was accepted.",
    # a thing changed back, then the state it was changed from, at a time of its own
    "Title: Harbour lift reopens\n\nThe lift at Cobble Steps was shut on March 2 after a cable snapped.",
    # a state ordered or wanted, not told
    "Title: Court\n\nThe judge ordered the protester to be held overnight.\n\n"
    "The protester has been released on bail, her lawyer said.",
    # an indefinite thing of another kind ("a second") against "the other"
    "Title: Ports\n\nThe board approved a second jetty at the marina.\n\nThe board rejected the other jetty.",
    # two longer names that start alike: the short form names neither
    "Title: Schools\n\nHolm Park Primary was open as usual.\n\nHolm Park Academy stayed shut.\n\n"
    "Holm Park remained closed.",
])
def test_states_that_may_both_hold_are_left_alone(polarity, article, text):
    assert lines_flagged(polarity, article, text) == []


def test_the_finding_names_both_statements(polarity, article):
    text = ("Title: Crash\n\nA bus slid off the road and nobody was injured, police said.\n\n"
            "The injured driver was flown to hospital.")
    (finding,) = list(polarity.check(article(text)))
    assert "nobody was injured" in finding.message and "injured driver" in finding.message
    assert finding.related


@pytest.fixture(scope="module")
def headline() -> ContradictionRule:
    return load_rule(RULE.with_name("contradiction-headline.yaml"), {"contradiction": ContradictionRule})


def test_a_headline_win_the_body_says_fell_short_is_flagged(headline, article):
    text = ("Title: Farmers' party wins outright majority in county poll\n\n"
            "The farmers' party took 18 of the 40 seats, short of a majority, officials said.")
    assert lines_flagged(headline, article, text) == [3]


def test_another_party_falling_short_takes_nothing_back(headline, article):
    text = ("Title: Farmers' party wins majority in county poll\n\n"
            "The farmers' party took 24 of the 40 seats, while the greens fell short of a majority.")
    assert lines_flagged(headline, article, text) == []


def test_a_headline_winner_against_a_level_score_is_flagged(headline, article):
    text = ("Title: Ashby Town beat Rovers in cup tie\n\n"
            "Ashby Town hosted Rovers on Tuesday, and the tie ended 2-2 after extra effort from both sides.")
    assert lines_flagged(headline, article, text) == [3]


@pytest.mark.parametrize("text", [
    "Title: Ashby Town beat Rovers on penalties\n\nThe tie ended 2-2 and Ashby Town won the shoot-out 4-3.",
    "Title: Ashby Town beat Rovers\n\nAshby Town won 3-1. Last season the same tie ended 2-2.",
    "Title: Ashby Town beat Rovers\n\nIn the other semi-final, Dunmore and Kelso drew 1-1.",
])
def test_a_level_score_that_leaves_the_winner_standing_is_left_alone(headline, article, text):
    assert lines_flagged(headline, article, text) == []


def test_states_is_off_by_default_and_leaves_plain_negations_to_polarity(tmp_path):
    from conftest import run_json, write

    story = write(tmp_path, "story.txt", "Title: Pier news\n\nThe council approved the pier plan in May.\n\n"
                  "In June the council rejected the pier plan.\n\nThe pier at Holm reopened on Friday.\n\n"
                  "Anglers face a long walk while the pier remains shut.\n")
    default, _ = run_json("--no-cache", str(story))
    assert [f["rule"] for f in default["files"][0]["findings"] if f["category"] == "contradiction"] == [
        "contradiction-polarity"]
    both, _ = run_json("--no-cache", "--select", "contradiction-polarity,contradiction-states", str(story))
    assert sorted((f["rule"], f["line"]) for f in both["files"][0]["findings"]) == [
        ("contradiction-polarity", 5), ("contradiction-states", 9)]
