"""The shipped knowledge of states that cannot both hold (``checker/data/antonyms.json``,
built from Princeton WordNet 3.0 by ``scripts/build_antonyms.py``): verb and adjective
antonyms, adjectives of the same sense ("hurt": "injured"), the nouns naming a verb's act
("conviction"), weapons, verbs of winning, and each written form's
lemma. Read once, the first time a rule asks, never when the checker starts.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

import regex

from checker.patterns.trie import literal_alternation

ANTONYMS = Path(__file__).resolve().parent.parent.parent / "data" / "antonyms.json"


@dataclass(frozen=True)
class Lexicon:
    #: A lemma to the lemmas naming a state that cannot hold with it.
    opposite: dict[str, frozenset[str]]
    #: A written form (lower case) to its lemmas ("closed": the adjective and the verb "close")
    #: and what it is: "verb", "participle", "adjective" (a participle too, when it is one) or "act".
    forms: dict[str, tuple[frozenset[str], str]]
    weapons: frozenset[str]
    #: Every word above: the forms, the weapons and their plurals.
    words: frozenset[str]
    #: Verbs of winning and beating ("beat", "defeat", "overpower").
    victories: frozenset[str] = frozenset()

    @functools.cached_property
    def phrases(self) -> regex.Pattern | None:
        """The written forms of two words ("ruled out", "turns down"), as one pattern, or None."""
        found = [form for form in self.forms if " " in form]
        if not found:
            return None
        return regex.compile(rf"(?<![\p{{L}}-])(?:{literal_alternation(found)})(?![\p{{L}}-])")

    def with_pairs(self, pairs: dict[str, frozenset[str]], adjectives: frozenset[str] = frozenset(),
                   verbs: frozenset[str] = frozenset()) -> Lexicon:
        """This lexicon with a rule's own antonyms (plain verbs or adjectives, each word to the
        words it is paired with): "pass" / "defeat" read in every form ("was defeated");
        ``adjectives``, the rule's words that are no verbs ("alive", "dead"); ``verbs``, its
        verbs whose negation is checked ("was arrested" / "has not been arrested")."""
        forms = dict(self.forms)
        pairs = {**{verb: frozenset() for verb in verbs}, **pairs}
        for word in adjectives:
            lemmas, _ = forms.get(word, (frozenset(), "adjective"))
            forms[word] = (lemmas | {word}, "adjective")
        for word in pairs:
            if word in adjectives:
                continue
            for form, what in [(word, "verb"), *_phrase_forms(word, [])]:
                lemmas, known = forms.get(form, (frozenset(), what))
                forms[form] = (lemmas | {word}, known)
        opposite = dict(self.opposite)
        for word, others in pairs.items():
            opposite[word] = opposite.get(word, frozenset()) | others
        read = self.words | {form for form, (lemmas, what) in forms.items() if not (what == "verb" and form in lemmas)}
        return Lexicon(opposite, forms, self.weapons, frozenset(read), self.victories)

    def is_weapon(self, word: str) -> bool:
        """A weapon's name, singular or plural ("pistol", "rifles")."""
        return word in self.weapons or (word.endswith("s") and word[:-1] in self.weapons)


def _verb_forms(lemma: str, irregular: list[str]) -> list[tuple[str, str]]:
    """Finite forms and participles of a verb: "convict" -> convicted (participle), convicts;
    "win" -> won (participle, from WordNet's exceptions)."""
    found = {lemma + "s" if not lemma.endswith(("s", "sh", "ch", "x", "z")) else lemma + "es": "verb"}
    if lemma.endswith("e"):
        found[lemma + "d"] = "participle"
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        found[lemma[:-1] + "ied"] = "participle"
        found[lemma[:-1] + "ies"] = "verb"
    else:
        found[lemma + "ed"] = "participle"
    for form in irregular:
        found[form] = "participle"
    return list(found.items())


def _phrase_forms(lemma: str, irregular: list[str]) -> list[tuple[str, str]]:
    """``_verb_forms`` of a verb, or of a phrasal verb's verb with its particle after each
    ("rule out" -> "ruled out", "rules out")."""
    verb, _, particle = lemma.partition(" ")
    if not particle:
        return _verb_forms(lemma, irregular)
    return [(f"{form} {particle}", what) for form, what in _verb_forms(verb, irregular)]


@functools.cache
def lexicon() -> Lexicon:
    data = json.loads(ANTONYMS.read_text(encoding="utf-8"))
    opposite: dict[str, set[str]] = {}
    for first, second in data["verbs"] + data["adjectives"]:
        opposite.setdefault(first, set()).add(second)
        opposite.setdefault(second, set()).add(first)
    irregular: dict[str, list[str]] = {}
    for form, lemma in data["forms"].items():
        irregular.setdefault(lemma, []).append(form)
    forms: dict[str, tuple[frozenset[str], str]] = {}
    for first, second in data["verbs"]:
        for verb in (first, second):
            forms.setdefault(verb, (frozenset([verb]), "verb"))
            for form, what in _phrase_forms(verb, irregular.get(verb.split()[0], [])):
                forms.setdefault(form, (frozenset([verb]), what))
    for first, second in data["adjectives"]:
        for adjective in (first, second):
            lemmas, what = forms.get(adjective, (frozenset(), "adjective"))
            forms[adjective] = (lemmas | {adjective}, "adjective")
    for noun, verb in data["acts"].items():
        forms.setdefault(noun, (frozenset([verb]), "act"))
    for adjective, head in data["similar"].items():
        lemmas, _ = forms.get(adjective, (frozenset(), "adjective"))
        forms[adjective] = (lemmas | {head}, "adjective")
    for form, (lemmas, what) in forms.items():
        # "reopened" is open; "opened", the adjective, is the verb "open" done.
        lemmas = lemmas | {lemma[2:] for lemma in lemmas if lemma.startswith("re") and lemma[2:] in opposite}
        forms[form] = (lemmas, what)
    #: Each lemma's opposites, with the names of each (the adjective "opened": also "open").
    names = {form: lemmas for form, (lemmas, _) in forms.items()}
    expanded = {lemma: frozenset().union(*(names.get(other, {other}) for other in others))
                for lemma, others in opposite.items()}
    weapons = frozenset(data["weapons"])
    # A verb's plain form gives a state only after "did not", rarely: left out of the words read.
    read = {form for form, (lemmas, what) in forms.items() if not (what == "verb" and form in lemmas)}
    return Lexicon(expanded, forms, weapons, frozenset(read) | weapons | {weapon + "s" for weapon in weapons},
                   frozenset(data["victories"]))
