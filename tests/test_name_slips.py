"""consistency-spelling (the ``variants`` kind): name slips of every kind against the form the
article uses most, and no slip between two real names one letter apart (the shipped gazetteer).

Every sentence here is invented for these tests."""

import pytest

from checker.kinds.variants import VariantsRule, _inner_edit
from checker.text.gazetteer import _data as gazetteer_data
from checker.text.gazetteer import both_real, formal_states, real_words


def spelling(**options):
    return VariantsRule({"id": "test-spelling", "kind": "variants", "category": "consistency",
                         "message": "{match} / {majority}", **options})


def slips(text, article, **options):
    return [(f.location.text, f.suggestions[0]) for f in spelling(**options).check(article(text))]


@pytest.mark.parametrize(("text", "expected"), [
    # one letter replaced, next to the ending
    ("Councillor Brannigan opened the hall. Brannigen thanked the builders. Residents cheered Brannigan.",
     ("Brannigen", "Brannigan")),
    # two neighbours swapped, in the last two letters
    ("The mayor, Ottoline Quarmby, cut the ribbon while Quarmby's aides watched. Later Quarmyb left early "
     "and Quarmby returned.", ("Quarmyb", "Quarmby")),
    # two neighbours swapped inside
    ("Talks with Marcellin began at noon; by dusk Macrellin had walked out, and Marcellin called it a stunt.",
     ("Macrellin", "Marcellin")),
    # a letter dropped at the second place, the slip opening a sentence
    ("The envoy, Petra Schoulder, arrived in Lisbon, where Schoulder spoke first. Scoulder said nothing more.",
     ("Scoulder", "Schoulder")),
    # a doubled letter next to the ending, as typists double it
    ("Vandermeer Logistics lost the tender. Trucks from Vandermeer idled while Vandermeerr staff protested.",
     ("Vandermeerr", "Vandermeer")),
    # a letter dropped from a five-letter name: the slip has four
    ("Judge Hesse read the verdict. Reporters waited for Hesse outside; Hese left by a side door.",
     ("Hese", "Hesse")),
    ("Mayor Kranz opened the depot. Critics said Kanz had rushed it; Kranz denied that.", ("Kanz", "Kranz")),
    # a doubled letter dropped
    ("Coach Tillmann praised the defence. The fans chanted for Tilmann after the whistle. Tillmann smiled.",
     ("Tilmann", "Tillmann")),
    # a letter added inside
    ("Delgrosso won the primary. Turnout favoured Delgrosso in every ward, and Delagrosso conceded nothing.",
     ("Delagrosso", "Delgrosso")),
])
def test_each_kind_of_slip_is_flagged_against_the_usual_form(article, text, expected):
    assert slips(text, article) == [expected]


def test_a_slip_that_opens_a_sentence_is_still_a_slip_of_the_name(article):
    text = ("The rector, Ambrose Kettleby, opened the term on Monday. Students greeted Kettleby warmly. "
            "Kettelby then read the prizes aloud.")
    assert slips(text, article) == [("Kettelby", "Kettleby")]


@pytest.mark.parametrize("text", [
    # two real countries one letter apart
    "Fishing quotas split Iceland and Ireland. Iceland wants more cod, Ireland wants more hake. Iceland walked out.",
    "Wine from Austria and Australia was judged. Austria took gold twice. Austria and Australia shared bronze.",
    "Oil flowed from Iraq to Iran. Iraq raised tariffs and Iran answered. Iraq insisted.",
    # two real first names one letter apart
    "Sean and Sian ran the bakery. Sean baked; Sian sold. Sean kept the books.",
    "Dorian chaired the meeting. Doran took notes. Dorian closed it, and Dorian locked up.",
    # a country and its people, a place and a region
    "Mali said Malian troops would stay. Mali's army agreed. Mali denied the report.",
    "Delegates from Slovenia and Slovakia met. Slovenia hosted; Slovenia paid. Slovakia signed.",
    # endings are other words, not slips
    "Latino voters and one Latina candidate. Latino groups cheered. Latino turnout rose.",
    "The State archive lent a Statue to the State museum. The State paid for it.",
])
def test_two_real_names_one_letter_apart_are_not_a_slip(article, text):
    assert slips(text, article) == []


def test_an_alias_the_writer_gives_on_purpose_is_not_a_slip(article):
    text = ("Prosecutors charged Omar Keddaby on Monday. Keddaby, a/k/a 'Omar Keddby', was held overnight. "
            "Keddaby denied the charge, and Keddaby's lawyer asked for bail.")
    assert slips(text, article) == []
    assert slips(text.replace("a/k/a 'Omar Keddby'", "seen with Keddby"), article) == [("Keddby", "Keddaby")]


def test_the_gazetteer_can_be_turned_off(article):
    text = "Fishing quotas split Iceland and Ireland. Iceland wants more cod. Iceland walked out."
    assert slips(text, article) == []
    assert slips(text, article, gazetteer=False) == [("Ireland", "Iceland")]


@pytest.mark.parametrize(("a", "b", "one_slip"), [
    ("tesla", "telsa", True), ("merkel", "merkle", True), ("merkel", "merkal", True),
    ("hillary", "hilary", True), ("zelensky", "zelenskyy", True), ("timmermans", "timmermanns", True),
    ("stickney", "stickey", True), ("macron", "marcon", True), ("scholz", "sholz", True),
    ("iran", "iraq", False), ("russia", "russian", False), ("latino", "latina", False),
    ("state", "statue", False), ("americas", "americans", False), ("merkel", "erkel", False),
    ("macron", "nacron", False),
])
def test_what_one_slip_is(a, b, one_slip):
    assert _inner_edit(a, b) is one_slip and _inner_edit(b, a) is one_slip


def test_the_shipped_gazetteer_names_its_sources_and_holds_real_names():
    data = gazetteer_data()
    assert len(data["sources"]) >= 5 and all("(" in source for source in data["sources"])
    assert {"iceland", "ireland", "austria", "australia", "sean", "sian", "mali", "icelandic"} <= real_words()
    assert both_real("Iran", "Iraq") and both_real("Americas", "Americans") and not both_real("Tesla", "Telsa")
    assert formal_states()["Kingdom of Spain"] == ("Spain", "Spanish")
    assert len(real_words()) > 20_000


def test_one_letter_replaced_in_a_short_name_when_the_slip_is_no_known_word(article):
    text = ("Senator Vance chaired the hearing. Aides said Vance would vote no, and Vanxe later "
            "confirmed it. Vance left at noon.")
    assert slips(text, article) == [("Vanxe", "Vance")]


@pytest.mark.parametrize("text", [
    # the other form is a first name of the gazetteer
    "Reporters asked Obama about the deal. Crowds greeted Obama, and Osama supporters marched. "
    "Aides said Obama was tired.",
    # the other form is a common English word
    "Inspector Stane led the raid. Officers followed Stane inside, and Stone said little. Reporters asked Stane later.",
    # a short form seen only at the start of a sentence may be any word
    "Drivers at White Lake protested. Officials from White Lake met them. While talks went on, crews left White Lake.",
])
def test_one_letter_replaced_in_a_short_name_that_makes_a_known_word_is_left_alone(article, text):
    assert slips(text, article) == []


def test_a_slip_in_a_heading_or_a_list_of_links_is_flagged_against_the_prose(article):
    text = ("Wardlaw Shipping posted a loss on Tuesday.\n\n"
            "Analysts said Wardlaw had borrowed too much, and Wardlaw's lenders agreed.\n\n"
            "More From The Harbour Desk\n\n"
            "Why Wardlwa Cut Its Fleet In Half\n\n"
            "Dock Strike Enters Third Week\n")
    assert slips(text, article) == [("Wardlwa", "Wardlaw")]


def test_a_name_in_the_headline_counts_toward_the_usual_form(article):
    # one use in the prose and one in a heading make the name the usual form
    text = ("Councillor Pettigrew Backs The Ferry Plan\n\n"
            "The vote on the ferry is due in March, and Pettigrew says the numbers work.\n\n"
            "Residents who oppose it wrote to Petigrew last week.\n")
    assert slips(text, article) == [("Petigrew", "Pettigrew")]


@pytest.mark.parametrize("text", [
    # a heading's ordinary word (an inflection of a known word) beside a prose name one letter off
    "Things went wrong early. Things got worse by noon.\n\nWhat The Minister Really Thinks About Rail\n",
    # a hashtag's own capitals are no spelling of the name
    "Ryanair cancelled the flights. Ryanair said the storm was to blame.\n\n"
    "Staff at the #RyanAir desk Were Sent Home Early Tonight\n",
    # a name used only in headings is paired with nothing
    "Heading For Cardenas\n\nOther Stops Include Cardenaz And Mérida\n\nThe bus left at dawn.\n",
])
def test_title_case_lines_add_no_false_slip(article, text):
    assert slips(text, article) == []


def test_two_people_whose_surnames_are_one_letter_apart_are_not_a_slip(article):
    text = ("Rep. Marta Halvorsen chaired the hearing. Halvorsen asked about the budget, and Halvorsen "
            "closed the session.\n\nThe reporter Ingrid Halvorson covered it for the Ledger.\n")
    assert slips(text, article) == []
    # the same given name, or none, and it is a slip again
    assert slips(text.replace("Ingrid Halvorson", "Marta Halvorson"), article) == [("Halvorson", "Halvorsen")]
    assert slips(text.replace("The reporter Ingrid Halvorson", "Halvorson"), article) == [("Halvorson", "Halvorsen")]


def test_a_paragraph_quoted_from_another_author_keeps_its_spelling_but_counts(article):
    text = ("Title: T\n\nThe chemist Odile Brancato published the study. Critics wrote to Brancato.\n\n"
            "The Valley Courier reported:\n\n"
            "Brancatto, who leads the team, said the results would be checked by a second laboratory soon.\n")
    assert slips(text, article) == []
    # its uses still make the usual form
    quoted = ("Title: T\n\nThe chemist Odile Brancato published the study.\n\nThe Valley Courier reported:\n\n"
              "Brancato, who leads the team, said the results would be checked by a second laboratory soon.\n\n"
              "Critics wrote to Brancatto on Friday.\n")
    assert slips(quoted, article) == [("Brancatto", "Brancato")]
