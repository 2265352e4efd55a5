"""The contradiction kind: counts, ages, weekdays and polarity inside one article."""

from pathlib import Path

import pytest

from checker.collect import load_rule
from checker.contradiction.numbers import QUANTITY, Interval, interval
from checker.errors import RuleError
from checker.kinds.base import RuleTimeout
from checker.kinds.contradiction import ContradictionRule

RULES = Path(__file__).resolve().parent.parent / "rules" / "contradiction"
KINDS = {"contradiction": ContradictionRule}


def rule(name: str) -> ContradictionRule:
    return load_rule(RULES / f"contradiction-{name}.yaml", KINDS)


def found(rule_, article, text):
    return list(rule_.check(article(text)))


@pytest.mark.parametrize(("text", "low", "high"), [
    ("12", 12, 12),
    ("twenty-one", 21, 21),
    ("two hundred and five", 205, 205),
    ("a dozen", 12, 12),
    ("dozens", 24, 199),
    ("more than 200", 201, float("inf")),
    ("fewer than 100", 0, 99),
    ("at least 14", 14, float("inf")),
    ("nearly 50", 42.5, 50),
    ("1,250", 1250, 1250),
])
def test_quantities_are_read_as_intervals(text, low, high):
    value = interval(QUANTITY.search(text))
    assert (value.low, value.high) == pytest.approx((low, high))


def test_about_and_more_than_agree_but_fewer_than_does_not():
    about = interval(QUANTITY.search("about 250"))
    more = interval(QUANTITY.search("more than 200"))
    fewer = interval(QUANTITY.search("fewer than 100"))
    assert about.overlaps(more) and not more.overlaps(fewer)
    assert Interval(1, 2).overlaps(Interval(2, 3))


def test_two_death_counts_flag_the_later_with_the_earlier_related(article):
    text = "Twelve people were killed when the bus left the road.\n\nPolice said 14 people were killed in the crash."
    [finding] = found(rule("counts"), article, text)
    assert finding.location.text == "14 people"
    assert finding.related[0].text == "Twelve people" and finding.related[0].line == 1
    assert "'Twelve people' against '14 people'" in finding.message


def test_headline_figure_contradicted_by_the_body(article):
    text = "Title: Bus crash kills 12\n\nFourteen people were killed when the bus left the road."
    [finding] = found(rule("counts"), article, text)
    assert finding.related[0].text == "12"


@pytest.mark.parametrize("text", [
    "The attack killed more than 200 people. About 250 people were killed, officials said.",
    "Twelve people were killed on Monday. The death toll rose to 15 on Tuesday.",
    "Twelve people were killed in the attack. Last year a similar attack killed 30 people.",
    "Three of the 12 people killed were children. Twelve people were killed.",
    "Twelve people were killed in Paris. Fourteen people were killed in Brussels.",
    "The firm paid $3 million for the land. It paid $5 million for the building.",
])
def test_counts_that_agree_or_count_other_things_are_left_alone(article, text):
    assert found(rule("counts"), article, text) == []


def test_a_restated_sentence_with_another_figure_is_flagged(article):
    sentence = "The committee reviewed {} documents before the hearing on the budget of the port authority."
    text = sentence.format(40) + "\n\nIt was long.\n\n" + sentence.format(65)
    [finding] = found(rule("counts"), article, text)
    assert finding.location.text == "65 documents"
    assert found(rule("counts"), article, sentence.format(40) + "\n\n" + sentence.format(40)) == []


def test_one_person_two_ages(article):
    text = "John Smith, 54, was arrested on Monday. Police said the 56-year-old Smith had no record."
    [finding] = found(rule("ages"), article, text)
    assert finding.location.text == "56-year-old Smith" and "54" in finding.message


@pytest.mark.parametrize("text", [
    "Anna Smith, 54, spoke first. Her son Tom Smith, 26, spoke next.",
    "Smith, 54, retired this year. In 1998, Smith, 30, joined the firm.",
    "Drew Peterson, 53, spoke. Stacy Peterson, 23, is missing. Peterson, 53, said he last saw her.",
    "Delegates: Ohio (18) and West Virginia (5); Virginia (13) voted later.",
])
def test_ages_of_other_people_or_times_are_left_alone(article, text):
    assert found(rule("ages"), article, text) == []


def test_weekday_that_does_not_match_its_date(article):
    [finding] = found(rule("weekday"), article, "The vote took place on Wednesday, March 3, 2015, in the capital.")
    assert finding.location.text == "Wednesday"
    assert finding.related[0].text == "March 3, 2015"
    assert "was a Tuesday" in finding.message
    assert found(rule("weekday"), article, "It happened on Tuesday, March 3, 2015.") == []


def test_weekday_without_year_uses_the_published_date(article):
    text = "Published: 2018-02-16\n\nThe council met on Thursday, February 14, and voted."
    [finding] = found(rule("weekday"), article, text)
    assert "February 14, 2018 was a Wednesday" in finding.message
    assert found(rule("weekday"), article, "The council met on Thursday, February 14, and voted.") == []


def test_claim_and_its_negation(article):
    text = "The Kremlin did not confirm the report on Monday. Later, the Kremlin confirmed the report."
    [finding] = found(rule("polarity"), article, text)
    assert finding.location.text == "the Kremlin confirmed the report"
    assert finding.related[0].text.startswith("The Kremlin did not confirm")


def test_antonyms_with_the_same_subject_and_object(article):
    text = "The council approved the housing plan in May. In June the council rejected the housing plan."
    assert len(found(rule("polarity"), article, text)) == 1


@pytest.mark.parametrize("text", [
    "The Kremlin did not confirm the report. The Kremlin confirmed the meeting.",
    "Smith won the first round. Smith lost the second round.",
    "The Kremlin would not confirm the report. The Kremlin confirmed it had received it.",
    "Did the Kremlin confirm the report? The Kremlin confirmed the report.",
])
def test_polarity_leaves_other_objects_hedges_and_questions_alone(article, text):
    assert found(rule("polarity"), article, text) == []


def test_vocabularies_are_validated():
    base = {"id": "team-c", "kind": "contradiction", "category": "contradiction", "message": "{detail}"}
    with pytest.raises(RuleError, match="not one of"):
        ContradictionRule({**base, "check": "vibes"})
    with pytest.raises(RuleError, match="needs 'events'"):
        ContradictionRule({**base, "check": "counts"})
    with pytest.raises(RuleError, match="two verbs"):
        ContradictionRule({**base, "check": "polarity", "antonyms": [["win"]]})
    with pytest.raises(RuleError, match="invalid regular expression"):
        ContradictionRule({**base, "check": "counts", "events": {"killed": ["killed("]}})


def test_a_catastrophic_team_pattern_is_stopped(article):
    spec = {"id": "team-c", "kind": "contradiction", "category": "contradiction", "message": "{detail}",
            "check": "counts", "events": {"killed": ["killed"]}, "updates": ["(a|aa)+$"]}
    team = ContradictionRule(spec)
    team.timeout = 0.2
    with pytest.raises(RuleTimeout):
        found(team, article, "Twelve people were killed. " + "a" * 3000 + "!")


def test_one_person_two_titles_of_one_kind(article):
    text = "Senator Jane Roe spoke on Monday. Later, Governor Jane Roe said the bill would pass."
    [finding] = found(rule("titles"), article, text)
    assert finding.location.text == "Governor Jane Roe" and finding.related[0].text == "Senator Jane Roe"


@pytest.mark.parametrize("text", [
    "Senator Jane Roe spoke. Later, Sen. Jane Roe said the bill would pass.",  # one title, two spellings
    "Former Governor Jane Roe, now Senator Jane Roe, spoke.",  # a past title
    "President Pervez Musharraf spoke. Gen. Pervez Musharraf left.",  # an office and a rank
    "Senator Jane Roe spoke. Governor John Roe replied.",  # two people
])
def test_titles_that_can_both_be_true_are_left_alone(article, text):
    assert found(rule("titles"), article, text) == []


def test_one_quotation_two_speakers(article):
    quote = "\u201cWe will rebuild the bridge by next summer,\u201d"
    text = f"{quote} said Maria Lopez. Critics doubted it.\n\n{quote} said John Smith."
    [finding] = found(rule("quote-speaker"), article, text)
    assert "Maria Lopez" in finding.message and "John Smith" in finding.message
    assert finding.location.line == 3 and finding.related[0].line == 1
    assert found(rule("quote-speaker"), article, f"{quote} said Maria Lopez. Then {quote} Lopez said.") == []


def test_ranges_are_intervals(article):
    agree = "Between 10 and 20 people were killed in the blast. Officials said 15 people were killed in the blast."
    assert found(rule("counts"), article, agree) == []
    clash = "Police arrested 10 to 12 men on Friday. Police arrested 40 men, the chief said."
    [finding] = found(rule("counts"), article, clash)
    assert finding.related[0].text == "10 to 12 men"
