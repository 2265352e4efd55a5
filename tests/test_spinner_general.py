"""swapped-name with the shipped expressions, around the words a name stands among: a title's
abbreviation before or after a name ("Gov. Mitt Romney", "New York Gov."), a close synonym
that is also a word of place names, and a listed name inside a longer shipped one. Every
sentence here is invented for these tests."""

from pathlib import Path

import pytest
import yaml

from checker.kinds.swapped_name import SwappedNameRule
from checker.read.parsers.text import parse_text
from checker.text import expressions

RULE = Path(__file__).resolve().parent.parent / "rules" / "entity" / "entity-swapped-name.yaml"


def shipped_rule():
    with open(RULE, encoding="utf-8") as handle:
        spec = yaml.safe_load(handle)
    spec.pop("examples", None)
    return SwappedNameRule(spec, str(RULE))


def findings(text):
    return [(f.location.text, f.suggestions[0]) for f in shipped_rule().check(parse_text("a.txt", text))]


@pytest.mark.parametrize(("text", "expected"), [
    # A title's full stop ends no sentence: the name after it is no sentence's first word.
    ("On Friday former Massachusetts Gov. Glove Romney spoke to donors in Boston.",
     ("Glove Romney", "Mitt Romney")),
    # ... and a title after a name is not a word of the name.
    ("Last week Fresh Jersey Gov. Phil Murphy signed the budget.", ("Fresh Jersey", "New Jersey")),
    # A close synonym counts even when it is also a word of place names ("Ocean City").
    ("Tankers crossed the Black Ocean on their way to the port.", ("Black Ocean", "Black Sea")),
    # A longer shipped name holding a listed name's swap is the finding, and its fix.
    ("Reporters met Secretary of Express John Kerry at the summit.",
     ("Secretary of Express John Kerry", "Secretary of State John Kerry")),
    # A past participle read as a verb and swapped for a synonym's participle.
    ("Delegates at the Linked Nations voted on Tuesday.", ("Linked Nations", "United Nations")),
    ("He wrote for the Connected Press for years.", ("Connected Press", "Associated Press")),
    # A common word that names places too ("new") is open in a fixed place name no other name
    # fills: any common word there is a swap, a thesaurus's synonym or not.
    ("Turnout in Latest Hampshire was higher than in 2012.", ("Latest Hampshire", "New Hampshire")),
    # A spinner's synonym from the Moby thesaurus, a word no known name holds.
    ("Officials at the Environmental Protection Firm said the rules would change.",
     ("Environmental Protection Firm", "Environmental Protection Agency")),
    # "and", "to", "at", "on" and "in" join two names in running text, not the words of one.
    ("The rally drew Senator Tim Kaine and Glove Romney to the same stage.", ("Glove Romney", "Mitt Romney")),
    ("The ferry to Fresh Jersey leaves at dawn.", ("Fresh Jersey", "New Jersey")),
    # After a dash a sentence goes on: only a name takes a capital there.
    ("Three governors — Glove Romney among them — signed the letter.", ("Glove Romney", "Mitt Romney")),
    # A weekday, a month or a post after a name adds no word to it ...
    ("An aide told the Washington Submit Thursday that the talks had stalled.",
     ("Washington Submit", "Washington Post")),
    ("The Republican Countrywide Committee Chairman spoke first.",
     ("Republican Countrywide Committee", "Republican National Committee")),
    # ... nor does the holder's first name after the name of an office.
    ("Guests cheered when Primary Lady Michelle Obama arrived.", ("Primary Lady", "First Lady")),
    # ... and the abbreviation of a country or a body before one ends no sentence.
    ("Envoys met on the fringes of the U.N. Broad Assembly in September.", ("Broad Assembly", "General Assembly")),
])
def test_flags_a_swap_among_the_words_around_a_name(text, expected):
    assert expected in findings(text)


@pytest.mark.parametrize("text", [
    "On Friday former Massachusetts Gov. Mitt Romney spoke to donors in Boston.",
    "Last week New Jersey Gov. Phil Murphy signed the budget.",
    "Tankers crossed the Black Sea on their way to the port.",
    "Reporters met Secretary of State John Kerry at the summit.",
    # A sentence's first word is capitalised whatever it is.
    "Fresh snow fell overnight. Jersey cows grazed on the hill.",
    "Related stories appear below the map of the city.",
    "Two linked nations signed the pact.",
    # A name of its own that holds a close synonym's word is no swap.
    "The new ferry, named Ocean Spirit, docked at noon.",
    # A description of a region, no fixed name: its direction word is not open.
    "Shelling resumed in Western Ukraine overnight.",
    "Voters in South Florida waited for hours.",
    # In a line in title case every word is capitalised: a name next to it across "on" or
    # "and" may be a longer one.
    "Budget Talks Move on to Fresh Jersey",
    # A Moby synonym that names hold may make another real name: "ministry" for "department".
    "The Interior Ministry issued a statement on the border crossings.",
    # A capitalised word that is not a post goes on with the name: a longer name, unknown.
    "The Republican Countrywide Committee Fund paid for the posters.",
])
def test_leaves_real_names_and_sentence_openings_alone(text):
    assert findings(text) == []


def test_a_title_abbreviation_does_not_start_a_sentence():
    text = "They thanked Sen. Susan Collins."
    run = next(r for r in expressions.runs(text) if r[0].text == "Susan")
    assert not run[0].initial
    after_stop = next(r for r in expressions.runs("It rained. Susan left.") if r[0].text == "Susan")
    assert after_stop[0].initial


def test_listed_name_still_found_alone():
    assert findings("Officials at the White Residence declined to comment.") == [("White Residence", "White House")]


def all_suggestions(text):
    return [(f.location.text, f.suggestions) for f in shipped_rule().check(parse_text("a.txt", text))]


@pytest.mark.parametrize(("text", "found", "name"), [
    # A place's name whose open word few names fill ("* Korea": North, South) takes a word of
    # their kind, even one other places' names hold ("Northern", "Southern") ...
    ("Troops massed along the border of Northern Korea after the talks collapsed.", "Northern Korea", "North Korea"),
    ("Storms closed schools across Southern Carolina on Tuesday.", "Southern Carolina", "South Carolina"),
])
def test_a_place_frame_few_names_fill_takes_a_word_of_their_kind(text, found, name):
    assert findings(text) == [(found, name)]


@pytest.mark.parametrize("text", [
    # ... not any other word: these are names of their own, or descriptions.
    "Historians of Imperial Korea met in Seoul on Friday.",
    "The team from Coastal Carolina won on Friday.",
    "He coached at Western Carolina for six years.",
    "A map of Greater Korea hung in the hall.",
])
def test_a_place_frame_few_names_fill_leaves_other_words_alone(text):
    assert findings(text) == []


@pytest.mark.parametrize("text", [
    # The names that fill the frame themselves, and one WordNet holds beside them.
    "Talks between North Korea and South Korea resumed in the spring.",
    "Farmers in Northern Virginia and West Virginia lost crops to the frost.",
    # A name of a body is no place: its office's open word takes no word of other names
    # ("State" of "Secretary of State John Kerry" after a quotation's close).
    '"We can\'t announce an agreement we do not have," Secretary of State John Kerry said.',
])
def test_the_names_of_a_closed_frame_are_left_alone(text):
    assert findings(text) == []


@pytest.mark.parametrize(("text", "message"), [
    # A listed name's swap, and a shipped name's with one reading: the name alone.
    ("Officials at the White Residence declined to comment.",
     "'White Residence' looks like 'White House' with a word swapped for a synonym; write 'White House'."),
    # A swapped word that may stand for the word of several names: the message names them all.
    ("She earned a Degree of Science at the state university.",
     "'Degree of Science' looks like 'Bachelor of Science' (or 'Doctor of Science' or 'Master of Science') "
     "with a word swapped for a synonym; write 'Bachelor of Science' (or 'Doctor of Science' or "
     "'Master of Science')."),
])
def test_the_message_names_every_reading(text, message):
    assert [f.message for f in shipped_rule().check(parse_text("a.txt", text))] == [message]


def test_a_phrase_with_several_readings_gets_no_fix():
    [finding] = shipped_rule().check(parse_text("a.txt", "He holds a Degree of Divinity from the seminary."))
    assert finding.fix is None and len(finding.suggestions) == 3
