"""contradiction-recounts: a later mention that takes up a counted or measured thing with another figure."""

from pathlib import Path

import pytest

from checker.kinds.contradiction.kind import ContradictionRule
from checker.load.collect import load_rule

RULE = Path(__file__).resolve().parent.parent / "rules" / "contradiction" / "contradiction-recounts.yaml"


@pytest.fixture(scope="module")
def recounts():
    return load_rule(RULE, {"contradiction": ContradictionRule})


def findings(rule, article, text):
    return list(rule.check(article(text)))


@pytest.mark.parametrize(("text", "earlier", "later"), [
    # A definite count in the same noun.
    ("Staff at about 90 shops were sent home after the flood. The council said the 30 shops would reopen "
     "next month.", "about 90 shops", "30 shops"),
    # Another noun of one class, with the same event.
    ("The bakery chain will axe 120 jobs this spring. The 200 redundancies follow a fall in sales.",
     "120 jobs", "200 redundancies"),
    # A measure, taken up in another unit.
    ("A reed fire burning 25 hectares closed the road. The 250-hectare blaze was out by dawn.",
     "25 hectares", "250-hectare blaze"),
    ("Farmers sold a 4-hectare meadow to the trust. The trust will plant trees on the 30-acre meadow.",
     "4-hectare meadow", "30-acre meadow"),
    # Numbers in words.
    ("The depot runs a fleet of 52 trams. Its four dozen trams carry 9,000 riders a day.",
     "52 trams", "four dozen trams"),
    ("A sponsored walk raised $3,100 for the clinic. Organisers thanked donors for the four and a half thousand "
     "dollars raised.", "$3,100", "four and a half thousand dollars"),
    # "The pair" takes up a count of people.
    ("Coastguards are searching for three kayakers who set off from the cove on Monday. Relatives said "
     "the pair were experienced.", "three kayakers", "the pair"),
    ("Lifeboat crews rescued 11 fishermen from a trawler off Peterhead. The nine men were flown to Aberdeen.",
     "11 fishermen", "nine men"),
    ("Four men have been charged after a jewellery shop was raided. The trio appear in court on Monday.",
     "Four men", "The trio"),
    # A plain count of people, and a noun of the ones who did what they did.
    ("About 3,000 people marched through the city centre on Saturday. Organisers thanked the 8,000 marchers.",
     "About 3,000 people", "8,000 marchers"),
    # The event named by a modifier; a measure of a noun after "of".
    ("Heavy rain flooded 60 homes in Brampton overnight. The 25 flooded houses were in the lowest streets.",
     "60 homes", "25 flooded houses"),
    ("Thieves stole 14 tonnes of copper cable from a depot. Police said the 4,000 kilograms of cable was sold.",
     "14 tonnes of copper cable", "4,000 kilograms of cable"),
    ("The 90-metre ferry ran aground off Skye on Friday. The 60-metre vessel was refloated at high tide.",
     "90-metre ferry", "60-metre vessel"),
    ("Crews fought a blaze that destroyed 15 hectares of heath. The 50-acre fire was started by a barbecue.",
     "15 hectares", "50-acre fire"),
    # A prison sentence.
    ("A courier has been jailed for four years for smuggling tobacco. He will appeal against his nine-year term.",
     "four years", "nine-year term"),
    # A definite mention naming no event takes up a count made with one.
    ("The trust has appointed 16 midwives for the new birth centre. The nine midwives start work in June.",
     "16 midwives", "nine midwives"),
    ("The orchestra recruited 12 violinists from abroad. The 18 violinists will play at the opening gala.",
     "12 violinists", "18 violinists"),
    # "a score of" is twenty.
    ("A score of lifeguards were taken on for the summer. The 14 lifeguards patrol three beaches.",
     "A score of lifeguards", "14 lifeguards"),
    # "each" after a verb's helper shares the act out among the same group: no other occasion.
    ("The board has hired twenty dentists for its clinics. The 14 dentists will each work four days a week.",
     "twenty dentists", "14 dentists"),
    # A noun of the same class as a definite mention ("staff" and "employees").
    ("The bakery on the quay has six staff. Customers queued on Monday. The owners thanked the 12 employees.",
     "six staff", "12 employees"),
    # A synonym counted with the same event, without "the".
    ("Two walkers were killed by a rockfall on Sunday. The accident, in which five hikers died, shut the path.",
     "Two walkers", "five hikers"),
    # A vote's margin and its tally; a change's rate and its two figures.
    ("The motion passed by 30 votes to 11 on Monday. Critics said it was carried by a margin of four votes.",
     "30 votes to 11", "margin of four"),
    ("Flu cases in the district rose from 50 to 75 in a week. The 80 percent rise worried doctors.",
     "rose from 50 to 75", "The 80 percent rise"),
    # A word before the noun that the earlier sentence says of it narrows nothing; a possessive
    # takes up as "the" does.
    ("Forty flights were cancelled as fog covered the coast. Passengers on the 25 cancelled flights were "
     "offered hotel rooms.", "Forty flights", "25 cancelled flights"),
    ("Storms closed 14 schools across the county. Parents at the county's nine schools were sent a letter.",
     "14 schools", "nine schools"),
    # A measure's noun ends before a word that opens a clause ("a £45,000 fine after a worker fell").
    ("A roofing firm was given a £45,000 fine after a worker fell. The firm paid the £20,000 fine on Friday.",
     "£45,000 fine", "£20,000 fine"),
    # A sum after a past verb measures the verb's noun ("fined": a fine; "granted": a grant).
    ("A roofing firm was fined £45,000 after a worker fell. The firm paid the £20,000 fine on Friday.",
     "fined £45,000", "£20,000 fine"),
    ("The hall was granted £3 million by the lottery fund. Trustees said the £2 million grant paid for a roof.",
     "granted £3 million", "£2 million grant"),
    # Another noun that names the same things: a synonym, or the kind they are of.
    ("Two carriages of a freight train came off the tracks near Ollerby. Cranes will lift the three coaches "
     "that came off the tracks.", "Two carriages", "three coaches"),
    ("Thirty-six sheep died when a barn burned at Kelsholm. The farmer said the 24 ewes that died were his best.",
     "Thirty-six sheep", "24 ewes"),
    ("Eighteen flats were damaged by the blast on Friday. Engineers said the 11 damaged apartments would be "
     "rebuilt.", "Eighteen flats", "11 damaged apartments"),
])
def test_a_mention_taking_up_a_figure_with_another_is_flagged(recounts, article, text, earlier, later):
    found = findings(recounts, article, text)
    assert len(found) == 1
    assert earlier in found[0].message and later in found[0].message
    assert found[0].location.text == later
    assert found[0].related[0].text == earlier


@pytest.mark.parametrize("text", [
    # The same figure, or one within the first's interval.
    "Staff at about 90 shops were sent home. The council said the 85 shops on the quay would reopen.",
    "Two sisters were rescued from the cliff on Sunday. The pair had been stuck for six hours.",
    "A plot of 4 hectares was sold. The 10-acre plot will become a park.",
    # A part of the group counted before, or a narrowed group.
    "Two passengers were hurt when the coach crashed. The 40 passengers were taken on by another coach.",
    "Four board members resigned on Monday. Three of the nine members had signed the letter.",
    "About 300 people were evacuated on Friday. The 80 people staying at the school hall were given beds.",
    "The council will build 300 homes. About 120 of the homes will be affordable, and the 120 homes will be let.",
    # A word before the noun that the earlier sentence does not say of it: a narrower group.
    "Forty flights were cancelled as fog covered the coast. Passengers on the 25 delayed flights waited.",
    # Two groups of a class before: which one is taken up is not known.
    "Police counted 40 marchers at the start and 200 marchers at the finish. The 120 marchers then dispersed.",
    # "The two million women and men": no one group of people.
    "About 3,000 supporters rallied on Friday. The two million women and men who work in banks were not there.",
    # Two events count two groups of a noun: a definite mention naming none takes up neither.
    "The agency hired 30 nurses in March and dismissed 12 nurses in May. The 25 nurses were not told why.",
    # Different groups.
    "At least 40 marchers walked the route. A handful of counter-protesters met them at the bridge.",
    # Items of one list.
    "The club bought 12 balls for training and 30 balls for matches. The 20 balls were stolen on Friday.",
    # An update, another occasion, a hedge.
    "Thirty homes were evacuated. The number of evacuated homes rose to 90 by Friday, and the 90 homes stayed empty.",
    "Twelve climbers were killed on the ridge. In a similar accident last year, the 20 climbers on the face survived.",
    "The firm will cut 300 jobs. If the 500 redundancies go ahead, the town will suffer.",
    # Another day.
    "A plane carrying 160 people crashed on Tuesday. On July 17 another airline lost all 298 people on board.",
    # A match's score is no number of things.
    "United won with a score of three goals to one. The 11 players were cheered off.",
    "A score of 3-1 sent 11 players home. The 11 players were cheered off.",
    # "each" as "per": a figure for one of them, not the group.
    "The club signed 12 players in the summer. Each of the 20 players on the list was paid a fee.",
    # A sum after a past verb and a later sum of that verb's noun that it meets, or of another noun.
    "A roofing firm was fined £45,000 after a worker fell. The firm paid the £45,000 fine on Friday.",
    "A roofing firm was fined £45,000 after a worker fell. It also paid the £20,000 costs of the case.",
    # "The pair" after two people named together takes them up, not a count made before.
    "Tom Reed and Ann Lowe went missing on the fells. Twenty volunteers searched all night. The pair were found "
    "at dawn.",
    # Two currencies are never compared.
    "The grant of €4 million was approved. The £6 million grant covers the rest.",
    # Another noun of the same things, narrowed or told of another event: another group.
    "Thirty-six sheep died when a barn burned at Kelsholm. The 24 ewes that survived were moved to a shed.",
    "Fourteen homes were evacuated as the river rose. The 30 houses on the hill were not affected.",
    # A noun too broad to take up a count of one kind ("animals" is no one step above "sheep").
    "Thirty-six sheep died when a barn burned at Kelsholm. Vets said the 50 animals on the farm were insured.",
    # A count that is no number of things taken up: ages and years.
    "The 45-year-old driver was charged. The driver, jailed in 2010 for five years, denied it.",
])
def test_figures_that_can_both_hold_are_left_alone(recounts, article, text):
    assert findings(recounts, article, text) == []


def test_numbers_in_other_words_are_read(recounts, article):
    from checker.kinds.contradiction import recounts as module

    text = "three dozen one and a half two and a half thousand"
    values = sorted(value.low for _, _, value, _ in module._quantities(text, text.casefold()))
    assert values == [1.5, 36, 2500]


def test_the_vocabulary_is_validated():
    from checker.errors import RuleError

    spec = {"id": "x-recounts", "kind": "contradiction", "check": "recounts", "message": "m",
            "category": "contradiction", "classes": ["jobs"]}
    with pytest.raises(RuleError, match="list of nouns"):
        ContradictionRule(spec)


@pytest.mark.parametrize(("first", "second", "same"), [
    ("carriage", "coach", True),   # synonyms (one WordNet synset)
    ("ewe", "sheep", True),        # the kind they are of, one step up
    ("sheep", "ewe", True),        # either way round
    ("flat", "apartment", True),
    ("sheep", "animal", False),    # more than one step up
    ("sheep", "flight", False),
    ("person", "child", False),    # a kind too broad to take up a count
])
def test_the_shipped_noun_links(first, second, same):
    from checker.kinds.contradiction.kinds_of import same_things

    assert same_things(first, second) is same
