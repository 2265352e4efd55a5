"""swapped-name with the shipped fixed expressions (``gazetteer: true``): a fixed name or
collocation with one word swapped for a spinner's synonym, the expression offered as an unsafe
fix; real phrases, other case, sentence openings and (with ``quotes: false``) quotations left
alone. Every sentence here is invented for these tests."""

import subprocess
import sys

import pytest

from checker.errors import RuleError
from checker.kinds.swapped_name import SwappedNameRule
from checker.text import expressions


def rule(**options):
    return SwappedNameRule({"id": "test-swaps", "kind": "swapped-name", "category": "entity",
                            "message": "{match} / {suggestion}", "gazetteer": True, **options})


def swaps(text, article, **options):
    return [(f.location.text, f.suggestions[0]) for f in rule(**options).check(article(text))]


@pytest.mark.parametrize(("text", "expected"), [
    ("Agents of the Federal Bureau of Probe searched the flat on Thursday.",
     ("Federal Bureau of Probe", "Federal Bureau of Investigation")),
    ("Two former officers of the Central Intelligence Bureau wrote the memo.",
     ("Central Intelligence Bureau", "Central Intelligence Agency")),
    ("A spokeswoman for the European Fee declined to say when the fine would be paid.",
     ("European Fee", "European Commission")),
    ("By a narrow margin, lawmakers in the House of Agents passed the farm bill.",
     ("House of Agents", "House of Representatives")),
    ("Rules drafted by the Environmental Protection Bureau cap emissions from coal plants.",
     ("Environmental Protection Bureau", "Environmental Protection Agency")),
    ("Experts at the World Health Establishment warned of a new strain of flu.",
     ("World Health Establishment", "World Health Organization")),
    ("Growers in the valley blame environment change for three failed harvests.",
     ("environment change", "climate change")),
])
def test_a_swapped_word_in_a_shipped_expression_is_flagged_with_the_expression(article, text, expected):
    assert swaps(text, article) == [expected]


def test_the_fix_is_unsafe_and_keeps_a_sentence_opening_capital(article):
    [finding] = rule().check(article("Environment change worries the island's fishing fleet."))
    assert finding.suggestions == ("Climate change",)
    assert finding.fix is not None and finding.fix.applicability == "unsafe"


@pytest.mark.parametrize("text", [
    "The main court building was closed for repairs after the storm.",
    "An elderly man was taken to hospital with minor injuries.",
    "She grew up in a tiny town near the northern coast.",
    "The city council met on Monday to discuss the main street.",
    "Prices at the corner shop rose again, the owner said.",
    "The Prime Minister met the Home Secretary at noon.",
    # after a word that counts or denies, a collocation's first word has its own sense
    "Only one previous secretary of state had been questioned under oath.",
    "No previous secretary of state had visited the island.",
])
def test_real_phrases_holding_a_synonym_are_not_flagged(article, text):
    assert swaps(text, article) == []


@pytest.mark.parametrize("text", [
    # a name's words must be capitalised as the name's are
    "Officers of the central intelligence bureau were never named.",
    # a line in capitals says nothing about names
    "AGENTS OF THE FEDERAL BUREAU OF PROBE SEARCHED THE FLAT.",
    # part of a longer name: "Supreme Tribunal" inside "Supreme Tribunal Reform Society"
    "She chairs the Supreme Tribunal Reform Society in Leeds.",
    # a sentence's first word is capitalised whatever it is
    "Join America's oldest rowing club this summer.",
])
def test_case_and_name_boundaries(article, text):
    assert swaps(text, article) == []


def test_a_family_of_names_on_one_frame_is_the_writers_own(article):
    """A frame the article fills with several names ("Environmental Protection Agency" as
    "Environmental Protection ___": the Bureau, the Fund, the League) is a family the writer
    names, not a spinner's swap of one; one other name on the frame is not enough."""
    family = ("The Environmental Protection Bureau of the province, the Environmental Protection Fund and "
              "the Environmental Protection League signed the accord.")
    assert swaps(family, article) == []
    alone = ("The Environmental Protection Bureau wrote to the Environmental Protection Fund about "
             "emissions from the coal plants.")
    assert swaps(alone, article) == [("Environmental Protection Bureau", "Environmental Protection Agency")]


def test_quotations_are_left_alone_only_when_the_rule_says_so(article):
    text = "“The European Fee will hear us,” the farmer shouted at the rally."
    assert swaps(text, article) == [("European Fee", "European Commission")]
    assert swaps(text, article, quotes=False) == []


def test_without_the_gazetteer_the_rule_needs_its_own_names():
    with pytest.raises(RuleError, match="names"):
        SwappedNameRule({"id": "x", "kind": "swapped-name", "category": "entity", "message": "{match}"})


def test_listed_names_and_the_gazetteer_do_not_flag_one_phrase_twice(article):
    found = swaps("The Supreme Tribunal sat late.", article, names=["Supreme Court"],
                  synonyms={"court": ["tribunal"]})
    assert found == [("Supreme Tribunal", "Supreme Court")]


def test_the_shipped_file_names_its_sources_and_holds_expressions_and_synonyms():
    data = expressions._data()
    sources = " ".join(data["sources"])
    assert "WordNet 3.0" in sources and "Princeton University" in sources
    assert "tortured-phrase" in sources and "CC BY 4.0" in sources
    assert "statistics only" in sources
    assert data["counts"]["names"] == len(data["names"]) > 1000
    assert data["counts"]["collocations"] == len(data["collocations"])
    for expression, positions in [*data["names"].items(), *data["collocations"].items()]:
        assert positions and all(int(p) < len(expression.split()) for p in positions)
    assert "bureau" in expressions.synonyms("agency")


def test_the_data_is_read_once_and_not_when_the_checker_starts():
    assert expressions._data() is expressions._data()
    code = ("import checker.docs, checker.text.expressions as e; rules = checker.docs.builtin_rules(); "
            "assert any(r.id == 'entity-swapped-name' for r in rules); print(e._data.cache_info().currsize)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "0"
