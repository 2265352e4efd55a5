"""One event given two dates, places, clock times or lengths: the event-dates, event-places,
event-times and durations checks, on short articles written for these tests."""

from pathlib import Path

import pytest

from checker.kinds.contradiction.clock import CLOCK, minutes
from checker.kinds.contradiction.kind import ContradictionRule
from checker.load.collect import load_rule

RULES = Path(__file__).resolve().parent.parent / "rules" / "contradiction"


def rule(name: str) -> ContradictionRule:
    return load_rule(RULES / f"contradiction-{name}.yaml", {"contradiction": ContradictionRule})


def findings(name: str, article, text: str) -> list:
    return list(rule(name).check(article(text)))


@pytest.mark.parametrize(("text", "low", "high"), [
    ("8pm", 20 * 60 - 5, 20 * 60 + 5),
    ("8.15 p.m.", 20 * 60 + 10, 20 * 60 + 20),
    ("20:15", 20 * 60 + 10, 20 * 60 + 20),
    ("about 7am", 6 * 60 + 25, 7 * 60 + 35),
    ("shortly after 10pm", 22 * 60 - 5, 22 * 60 + 50),
    ("noon", 12 * 60 - 5, 12 * 60 + 5),
])
def test_clock_times_are_read_as_spans_of_minutes(text, low, high):
    span = minutes(CLOCK.search(text))
    assert (span.low, span.high) == (low, high)


def test_a_bound_is_no_time():
    assert minutes(CLOCK.search("after 8pm")) is None


# ---- dates -----------------------------------------------------------------------------

DATED = "Title: Rail line reopens\nPublished: 2025-06-09\n\n"


def test_one_derailment_two_dates_in_other_words(article):
    text = DATED + ("A fire on June 2 closed the Kelso depot for a day.\n\n"
                    "Crews said the blaze broke out on June 4 in a store room.")
    [finding] = findings("event-dates", article, text)
    assert finding.location.text == "June 4" and finding.related[0].text == "June 2"


def test_a_strike_started_on_a_weekday_that_its_date_does_not_fall_on(article):
    # Published on a Monday: "on Friday" is June 6 or June 13, not June 3.
    text = DATED + ("The strike started on Friday, the union said.\n\n"
                    "Since the walkout began on June 3, no bins have been emptied.")
    assert len(findings("event-dates", article, text)) == 1


def test_a_day_known_by_name_dates_a_disappearance(article):
    text = ("Title: Appeal\nPublished: 2024-12-30\n\nA walker has not been seen since December 23, police said.\n\n"
            "Friends said he vanished on Christmas Day after a long lunch.")
    [finding] = findings("event-dates", article, text)
    assert finding.location.text == "Christmas Day"


@pytest.mark.parametrize("text", [
    # A strike lasts: "on Friday" may be any of its days.
    DATED + "The strike began on June 3.\n\nPickets were out at the strike on Friday.",
    # Two fires, the second marked.
    DATED + "A fire on June 2 closed the depot.\n\nAnother blaze broke out on June 4.",
    # The same day in two forms.
    DATED + "The strike started on Tuesday, June 3.\n\nSince the walkout began on June 3, bins are full.",
    # Two births, two names.
    DATED + "Nala was born at the zoo on June 1.\n\nHer brother Tomo was born at the zoo on June 5.",
])
def test_dates_that_can_both_hold_stay_quiet(article, text):
    assert findings("event-dates", article, text) == []


# ---- places ----------------------------------------------------------------------------

def test_one_blast_two_streets(article):
    text = ("A blast at the Pier Street depot injured two workers on Monday.\n\n"
            "Fire crews said the Quay Street explosion was caused by a gas leak.")
    [finding] = findings("event-places", article, text)
    assert finding.location.text == "Quay Street explosion"
    assert "Pier Street" in finding.message and "Quay Street" in finding.message


def test_one_rally_two_towns(article):
    text = ("Thousands filled the square in Kumasi for her last rally of the campaign.\n\n"
            "Police put the crowd at the rally in Accra at 30,000.")
    assert len(findings("event-places", article, text)) == 1


@pytest.mark.parametrize("text", [
    # A town inside the region the article puts it in.
    "A blast in Harlow, Essex, hurt two workers.\n\nThe Essex explosion was caused by a gas leak.",
    # A street inside the town.
    "A blast in Harlow hurt two workers.\n\nThe Pier Street explosion was caused by a gas leak.",
    # Two blasts.
    "A blast at the Pier Street depot hurt two.\n\nA second explosion hit Quay Street.\n\n"
    "The Quay Street explosion was smaller.",
    "Two blasts hit the town.\n\nThe blast at the Pier Street depot hurt two. The Quay Street explosion hurt one.",
    # A move.
    "The rally in Kumasi drew thousands.\n\nThe rally was moved from Accra, where the Accra rally was planned.",
    # The later place is named elsewhere as part of the first.
    "A blast on Pier Street in the Docklands hurt two.\n\nThe Docklands explosion was caused by a gas leak.",
    # A question.
    "A blast at the Pier Street depot hurt two.\n\nWas the Quay Street explosion linked to it?",
])
def test_places_that_can_both_hold_stay_quiet(article, text):
    assert findings("event-places", article, text) == []


# ---- clock times -----------------------------------------------------------------------

def test_polls_closed_and_voting_ended_at_two_times(article):
    text = ("The polls closed at 8pm and counting began at once.\n\n"
            "Turnout was 61 percent when voting ended at 10pm, officials said.")
    [finding] = findings("event-times", article, text)
    assert "voting ended at 10pm" in finding.location.text
    assert "polls closed at 8pm" in finding.related[0].text


def test_a_relative_clause_gives_its_noun_a_time(article):
    text = ("The match kicked off at 3pm in heavy rain.\n\n"
            "The game, which kicked off at 5.30pm, was stopped twice.")
    assert len(findings("event-times", article, text)) == 1


@pytest.mark.parametrize("text", [
    # Two phases of one event.
    "The polls opened at 7am.\n\nVoting ended at 10pm, officials said.",
    # Time zones.
    "The polls closed at 8pm local time.\n\nVoting ended at 1am GMT.",
    # A plan and a change.
    "The polls were due to close at 8pm.\n\nVoting ended at 10pm after long queues.",
    # Two events.
    "A blast at 8pm shook the harbour.\n\nA second explosion at 11pm destroyed a shed.",
    # Times that meet.
    "The blast at about 8pm shook the harbour.\n\nThe explosion happened shortly after 8pm, police said.",
    # A schedule.
    "Voting ended at 8pm in the north, 9pm in the centre and 10pm in the south.",
    # Two days.
    "On Friday the polls closed at 8pm.\n\nOn Saturday voting ended at 10pm.",
])
def test_times_that_can_both_hold_stay_quiet(article, text):
    assert findings("event-times", article, text) == []


# ---- lengths from clock times ------------------------------------------------------------

def test_a_length_read_off_a_start_and_an_end_time(article):
    text = ("The council passed the budget at 2am, after a sitting that began at 6pm.\n\n"
            "One member called the two-hour sitting a disgrace.")
    [finding] = findings("durations", article, text)
    assert "two-hour sitting" in finding.location.text


def test_a_length_that_fits_its_clock_times_stays_quiet(article):
    text = ("The meeting began at 9am and ended at 5pm.\n\n"
            "Members said the eight-hour meeting was long.")
    assert findings("durations", article, text) == []


# ---- more forms ----------------------------------------------------------------------------

def test_a_date_read_past_a_clock_time_and_a_place(article):
    text = DATED + ("The shooting at 2am on Saturday left one man hurt.\n\n"
                    "Detectives said the shooting in Marlow on June 5 was targeted.")
    assert len(findings("event-dates", article, text)) == 1


@pytest.mark.parametrize("text", [
    "The crash on the A14 near Cambridge closed the road.\n\nPolice said the M11 crash involved three lorries.",
    "The earthquake in Peru killed four.\n\nRescuers said the Chilean quake had damaged roads.",
])
def test_roads_and_countries_are_places_of_their_own_level(article, text):
    assert len(findings("event-places", article, text)) == 1


def test_a_country_is_not_set_against_a_town(article):
    text = "The earthquake in Arequipa killed four.\n\nRescuers said the Chilean quake had damaged roads."
    assert findings("event-places", article, text) == []


def test_times_in_the_article_s_own_zone_are_compared(article):
    text = ("The quake struck at 4.17am local time.\n\n"
            "Residents said the 6am quake woke the whole town.")
    assert len(findings("event-times", article, text)) == 1


def test_a_death_dated_by_its_verb_and_its_noun(article):
    text = DATED + "Ada Mensah died on Saturday at her home.\n\nFriends learnt of her death on June 4 from a neighbour."
    assert len(findings("event-dates", article, text)) == 1


def test_two_people_s_deaths_stay_apart(article):
    text = DATED + "Ada Mensah died on June 5.\n\nHer husband Kofi died on June 7 at the same hospital."
    assert findings("event-dates", article, text) == []


def test_a_release_next_thursday_is_the_release_s_day(article):
    # Published on a Monday: next Thursday is June 12 or June 19, not June 13.
    text = DATED + ("The inquiry will publish its report on June 13.\n\n"
                    "Families will see it on the day of its release next Thursday.")
    assert len(findings("event-dates", article, text)) == 1


@pytest.mark.parametrize("text", [
    # A proper name holding the noun names an event, not a place.
    "The summit in Geneva opened on Monday.\n\nDelegates said the Leaders' Summit would follow in June.",
    "A blast in Harlow hurt two.\n\nIt was as large as the Boston Marathon bombing, police said.",
])
def test_names_of_events_are_no_places(article, text):
    assert findings("event-places", article, text) == []


def test_two_verbs_of_one_subject_each_keep_their_time(article):
    text = ("Polling stations opened at 7am and closed at 10pm.\n\n"
            "Turnout was strong by the time the polls closed at 9pm.")
    assert len(findings("event-times", article, text)) == 1


def test_a_time_after_the_place_of_an_event_and_its_start(article):
    text = ("Crews were called to the blaze at the Greyfield timber yard at 11.20pm.\n\n"
            "The fire, which broke out at 2am, burned for six hours.")
    assert len(findings("event-times", article, text)) == 1


def test_a_length_from_a_start_and_a_loose_end(article):
    text = ("The council meeting began at 6pm and ended shortly before 11pm.\n\n"
            "Residents sat through the two-hour meeting to speak.")
    assert len(findings("durations", article, text)) == 1


def test_a_place_only_near_the_event_is_not_set_against_another(article):
    text = ("The explosion at a chemical plant near Ludwigshafen injured 12 workers.\n\n"
            "The cause of the Mannheim blast is not yet known.")
    assert findings("event-places", article, text) == []


def test_one_robbery_two_times(article):
    text = ("The robbery at the Hatton Street jewellers happened at 10am.\n\n"
            "The 2pm robbery netted jewels worth 400,000 pounds.")
    assert len(findings("event-times", article, text)) == 1
