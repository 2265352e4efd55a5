"""entity-state-name-as-adjective (the ``state-adjective`` kind): any formal state name of the
shipped gazetteer before a common noun, not only the nouns on a list; official titles,
quotations and the name as a subject left alone.

Every sentence here is invented for these tests."""

import pytest

from checker.errors import RuleError
from checker.kinds.state_adjective import StateAdjectiveRule
from checker.load.collect import builtin_rules_dir, load_rules
from checker.plugin.builtin import checker_rule_kinds
from checker.text.wordclass import is_verb_or_adverb


def builtin_rule(rule_id):
    rules, _ = load_rules([builtin_rules_dir()], checker_rule_kinds())
    return next(r for r in rules if r.id == rule_id)


def found(text, article, rule=None):
    rule = rule or builtin_rule("entity-state-name-as-adjective")
    return [(f.location.text, f.suggestions) for f in rule.check(article(text))]


@pytest.mark.parametrize(("text", "name", "suggestions"), [
    ("Kingdom of Spain troops crossed the river before dawn.", "Kingdom of Spain", ("Spanish",)),
    ("The hotel was booked by Republic of Korea officials for a week.", "Republic of Korea", ("South Korean",)),
    ("Two French Republic diplomats left the room during the vote.", "French Republic", ("French",)),
    ("A Hellenic Republic coastguard cutter towed the dinghy to Lesbos.", "Hellenic Republic", ("Greek",)),
    ("Federal Republic of Germany carmakers lobbied hard against the tariff.", "Federal Republic of Germany",
     ("German",)),
    ("An Islamic Republic of Iran oil tanker was seized off Gibraltar.", "Islamic Republic of Iran", ("Iranian",)),
    ("The fund bought Kingdom of the Netherlands water engineering bonds.", "Kingdom of the Netherlands",
     ("Dutch",)),
    ("Crowds greeted the Swiss Confederation delegation at the station.", "Swiss Confederation", ("Swiss",)),
    ("A State of Qatar gas contract was signed in Doha on Sunday.", "State of Qatar", ("Qatari",)),
    ("Russian Federation spacecraft docked with the station at noon.", "Russian Federation", ("Russian",)),
    ("The United States of America exporters complained loudly.", "United States of America", ("U.S.", "American")),
    ("Several USA anti-doping inspectors arrived late.", "USA", ("U.S.", "American")),
    ("The People’s Republic of China ministry issued a notice.", "People’s Republic of China", ("Chinese",)),
    # a word ending like a verb, a noun by the verb after it or, in "-ing", the mark after it
    ("Talks stalled when the Hellenic Republic offers were rejected.", "Hellenic Republic", ("Greek",)),
    ("Planners said Kingdom of Denmark harbours are full this summer.", "Kingdom of Denmark", ("Danish",)),
    ("Who taught them Argentine Republic baking?", "Argentine Republic", ("Argentine",)),
    # a plural no verb of English has for a form, whatever its stem's ending
    ("The airline flew in Republic of Singapore experts to read the recorders.", "Republic of Singapore",
     ("Singaporean",)),
    ("The cargo held Kingdom of Norway biscuits and little else.", "Kingdom of Norway", ("Norwegian",)),
])
def test_a_formal_name_before_a_common_noun_is_flagged_with_the_adjective(article, text, name, suggestions):
    assert found(text, article) == [(name, suggestions)]


@pytest.mark.parametrize("text", [
    # official titles in capitals
    "A statement from the Russian Federation Council followed on Friday.",
    "Two Republic of Korea Navy frigates joined the exercise.",
    "The Kingdom of Spain Royal Guard paraded past the palace.",
    # "USA" in a name
    "She reads USA Today on the train every morning.",
    "Team USA athletes marched in first.",
    "Miss USA contestants toured the factory.",
    # "USA" in quotations, before nouns not on the rule's list
    "“We want the USA jobs back,” the farmer shouted.",
    "He wrote that \"USA negotiators never called\" and hung up.",
    # the name as a subject or an object, followed by a verb, an adverb or a small word
    "The Kingdom of Spain signed the treaty after a long night.",
    "The Republic of Korea says it will send observers.",
    "Talks stalled when the Hellenic Republic walked away.",
    # a word in "-s" before a closing mark may be a verb ending its sentence
    "Whenever the Kingdom of Spain invests, its neighbours follow.",
    "Nobody was surprised when the Russian Federation objects.",
    # a word in "-ing" with no closing mark or verb after it may be a verb
    "With the Russian Federation shelling the port, ships left.",
    "The Russian Federation has denied the report.",
    "Investors trust the Swiss Confederation because it rarely defaults.",
    "He lived in the Kingdom of Cambodia sometime before 2010.",
    "Critics say the USA hasn’t ever been honest about it.",
    "The loan helped the Republic of Korea build new ports.",
    "The USA also sent troops to the border.",
    "Aid reached the French Republic quickly.",
    "The State of Israel remains a close ally of the bloc.",
    "Ties between the Kingdom of Morocco and the Republic of Senegal deepened.",
    # a hashtag or a handle is its author's
    "Crowds cheered the #USA athletes at the airport.",
    # possessives and hyphens are other constructions
    "The Kingdom of Spain's troops crossed the river.",
    "Some Russian Federation-backed groups met in Minsk.",
])
def test_titles_quotations_and_subjects_are_left_alone(article, text):
    assert found(text, article) == []


def test_in_a_quotation_usa_counts_only_before_the_listed_nouns(article):
    text = "“USA troops and USA fishermen left,” she said. USA fishermen stayed."
    assert [f[0] for f in found(text, article)] == ["USA", "USA"]
    spans = [f.location.column for f in builtin_rule("entity-state-name-as-adjective").check(article(text))]
    assert spans[0] == 2 and spans[1] > 40


def test_in_a_quotation_a_formal_name_of_several_words_counts_as_anywhere(article):
    text = "“Kingdom of Spain fishermen left,” she said. He wrote that \"Republic of Korea negotiators never called\"."
    assert [f[0] for f in found(text, article)] == ["Kingdom of Spain", "Republic of Korea"]


def test_a_headline_is_read_too():
    from checker.read.parsers.text import parse_text

    article = parse_text("a.txt", "Title: Italian Republic prime minister resigns\n\nHe resigned on Monday.\n")
    assert [article.source[f.location.offset:f.location.offset + f.location.length]
            for f in builtin_rule("entity-state-name-as-adjective").check(article)] == ["Italian Republic"]


def test_team_names_and_suggestions_override_the_gazetteer(article):
    rule = StateAdjectiveRule({"id": "team-states", "kind": "state-adjective", "category": "entity",
                               "message": "{match}: {suggestion}", "gazetteer": False,
                               "names": {"Grand Duchy of Fenwick": "Fenwickian"}, "nouns": ["cheese"]})
    assert found("Grand Duchy of Fenwick cheese sold out. Kingdom of Spain troops left.", article, rule) == [
        ("Grand Duchy of Fenwick", ("Fenwickian",))]


def test_the_kind_needs_names():
    with pytest.raises(RuleError, match="no names"):
        StateAdjectiveRule({"id": "empty", "kind": "state-adjective", "category": "entity", "message": "m",
                            "gazetteer": False})


@pytest.mark.parametrize(("word", "verb"), [
    ("officials", False), ("exporters", False), ("diplomats", False), ("authorities", False), ("militaries", False),
    ("says", True), ("wants", True), ("offers", True), ("denies", True), ("quickly", True), ("signed", True),
    ("sending", True), ("funding", False), ("ally", False), ("business", False),
    # WordNet's verbs: a plural no verb has for a form is a noun; one some verb has may be a verb
    ("experts", False), ("biscuits", False), ("patriots", False), ("candidates", False), ("beliefs", False),
    ("objects", True), ("applies", True), ("uses", True), ("nowadays", True), ("indoors", True),
])
def test_a_word_after_a_name_is_told_by_its_ending(word, verb):
    assert is_verb_or_adverb(word) is verb


def test_the_verbs_are_shipped_with_their_provenance_and_licence():
    import json

    from checker.text.wordclass import WORDCLASS

    data = json.loads(WORDCLASS.read_text(encoding="utf-8"))
    assert "WordNet 3.0" in data["sources"][0] and "Princeton" in data["licence"]
    assert {"object", "apply", "troop"} <= set(data["verbs"]) and "expert" not in data["verbs"]
    notice = (WORDCLASS.parents[2] / "NOTICE").read_text(encoding="utf-8")
    assert "checker/data/wordclass.json" in notice
