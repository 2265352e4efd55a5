"""entity-mixed-script: a word typed with look-alike letters of another alphabet. Every sentence
here is invented for these tests; the letters are named by their code points."""

import json
from pathlib import Path

import pytest
from conftest import CORPUS, run_checker, write

from checker.errors import RuleError
from checker.kinds.mixed_script import LOOK_ALIKES, MixedScriptRule
from checker.load.collect import load_rule

RULE = Path(__file__).resolve().parent.parent / "rules" / "entity" / "entity-mixed-script.yaml"
CYRILLIC_A, CYRILLIC_E, CYRILLIC_SHHA, ARMENIAN_U = "\u0430", "\u0435", "\u04bb", "\u057d"


@pytest.fixture(scope="module")
def rule():
    return load_rule(RULE, {"mixed-script": MixedScriptRule})


def found(rule, article, text):
    return [(f.location.text, f.suggestions, f.message) for f in rule.check(article(text))]


@pytest.mark.parametrize(("word", "fixed", "alphabet"), [
    (f"N{CYRILLIC_A}val", "Naval", "Cyrillic"),
    (f"w{CYRILLIC_SHHA}ether", "whether", "Cyrillic"),
    (f"{ARMENIAN_U}nderstand", "understand", "Armenian"),
    ("\u039flympic", "Olympic", "Greek"),  # a Greek capital omicron
    # Most letters of another alphabet, every one passing for Latin: a Latin word in disguise.
    (f"\u0410dv{CYRILLIC_E}rt\u0456\u0455{CYRILLIC_E}", "Advertise", "Cyrillic"),
])
def test_a_latin_word_with_look_alike_letters_is_flagged_and_retyped(rule, article, word, fixed, alphabet):
    [(text, suggestions, message)] = found(rule, article, f"Officials at the {word} office said nothing.")
    assert text == word and suggestions == (fixed,)
    assert f"Latin with {alphabet} letters" in message


def test_a_word_of_another_alphabet_with_a_latin_letter_is_flagged_without_a_fix(rule, article):
    word = "\u041a\u043e\u043c\u043c\u0435\u0440\u0441a\u043d\u0442\u044a"  # Cyrillic, with a Latin "a"
    [(text, suggestions, message)] = found(rule, article, f"The daily {word} reported the sale.")
    assert text == word and suggestions == ()
    assert "Cyrillic with Latin letters" in message


def test_a_word_of_look_alikes_in_a_line_of_another_alphabet_is_not_retyped_as_latin(rule, article):
    # "Сорок" (forty) with a Latin "o", in a Russian line: every Cyrillic letter has a Latin
    # look-alike, but the word is Russian.
    word = "\u0421o\u0440\u043e\u043a"
    [(text, suggestions, message)] = found(rule, article, f"\u0412\u0441\u0435\u0433\u043e {word} "
                                                          "\u0447\u0435\u043b\u043e\u0432\u0435\u043a.")
    assert text == word and suggestions == () and "Cyrillic with Latin letters" in message


@pytest.mark.parametrize("text", [
    "The Moscow daily \u041a\u043e\u043c\u043c\u0435\u0440\u0441\u0430\u043d\u0442\u044a reported the sale.",
    "Beta-carotene, or \u03b2-carotene, gives carrots their colour; NF-\u03baB is a protein.",
    "The filter stops dust of 10 \u00b5m and larger.",  # the micro sign
    "Her Greek name, \u0391\u03b8\u03b7\u03bd\u03ac, means Athena.",
    "The sign read \u65b0\u95fbNews in two scripts.",  # Chinese with Latin: no look-alikes
])
def test_words_of_one_alphabet_and_other_scripts_are_left_alone(rule, article, text):
    assert found(rule, article, text) == []


def test_the_fix_retypes_only_the_look_alikes(tmp_path):
    path = write(tmp_path, "story.txt", f"Title: Base\n\nThe N{CYRILLIC_A}val base will stay open, th{CYRILLIC_E} "
                                        "ministry said.\n")
    result = run_checker("--no-config", "--no-cache", "--select", "entity-mixed-script", "--fix", str(path))
    assert result.returncode == 0, result.stderr
    assert path.read_text(encoding="utf-8") == "Title: Base\n\nThe Naval base will stay open, the ministry said.\n"


def test_every_look_alike_is_of_the_three_alphabets_and_stands_for_one_latin_letter():
    for char, latin in LOOK_ALIKES.items():
        assert 0x0370 <= ord(char) <= 0x058F and latin.isascii() and latin.isalpha() and len(latin) == 1


def test_a_minimum_below_two_letters_is_refused():
    with pytest.raises(RuleError, match="min_letters"):
        MixedScriptRule({"id": "t", "kind": "mixed-script", "category": "entity", "message": "m",
                         "min_letters": 1})


@pytest.mark.corpus
def test_on_the_corpus_only_look_alike_words_are_flagged():
    # The real articles hold one spun word with a Cyrillic letter; nothing else is flagged.
    result = run_checker("--no-config", "--no-cache", "--exit-zero", "--select", "entity-mixed-script",
                         "-f", "json", str(CORPUS))
    findings = [f for entry in json.loads(result.stdout)["files"] for f in entry["findings"]]
    assert findings and all(f["fix"] and f["fix"]["applicability"] == "safe" for f in findings)
