"""Build ``checker/data/antonyms.json``: pairs of states that cannot both hold of one thing
("acquit" / "convict", "armed" / "unarmed", "open" / "shut"), the nouns that name the act of
one of those verbs ("conviction", "acquittal"), and the irregular forms of those verbs.

Nothing here runs with the checker; it reads, offline::

    apt-get install wordnet-base               # Princeton WordNet 3.0, /usr/share/wordnet
    python scripts/build_antonyms.py           # writes checker/data/antonyms.json
    python scripts/build_antonyms.py --check   # exit 1 when the shipped file is out of date

Source: Princeton WordNet 3.0 (WordNet 3.0 licence, Princeton University: use, copy and
redistribution allowed with its copyright notice, which the file carries):

- antonyms: WordNet's lexical antonym pointers (``!``) between verbs (single words, or a verb
  and its particle: "turn down"), given also to the synonyms of the two senses where the sense
  is one of a word's two most frequent ("accept" / "refuse": "decline", whose second sense it
  is, and "turn down"; not "take", of whose many senses it is a rare one), and between
  head adjectives, given to every word of the two synsets ("drunk", of "intoxicated"); a verb
  "re" + verb whose hypernym is that verb ("reopen" is a kind of "open") takes the verb's
  antonyms;
- adjectives: only pairs of states that follow an event, one word a participle ("armed" /
  "unarmed", "drunk" / "sober"), not of degrees or kinds ("big" / "small", "able" / "unable"),
  each word of at most four adjective senses ("new", of eleven, is too vague) unless both are
  verbs of the verb pairs or their participles ("open" / "closed");
- similar: adjectives whose most frequent sense is a satellite (``&``) of a head adjective of
  a pair of a participle and its negation, to that head ("hurt" -> "injured"; not an irregular
  verb form such as "taken", nor an adverb such as "over", nor a word of more than four senses);
- weapons: the nouns below "weapon" (``~`` hyponym pointers): "carrying a pistol" is armed;
- victories: the verbs of winning and beating and those below them (``~`` troponym pointers),
  in their most frequent sense ("win", "trounce"; not "take"): a headline with one names a winner;
- acts: the derivationally related forms (``+``) of those verbs that are nouns of acts, events
  or states (WordNet's lexicographer files noun.act, noun.event, noun.state): "conviction" for
  "convict", not "convict" the person;
- forms: the irregular verb forms of ``verb.exc`` for those verbs ("shut" for "shut", "won").

"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wordnet_reader import WORDNET, version

OUTPUT = Path(__file__).resolve().parent.parent / "checker" / "data" / "antonyms.json"
#: Lexicographer files of nouns that name an act, an event or a state (wndb(5), lexnames).
ACT_FILES = frozenset({"04", "11", "26"})
#: Prefixes that negate an adjective ("unarmed", "inactive", "dishonest"); not "non", whose
#: pairs are of kinds rather than states ("political" / "nonpolitical").
NEGATIVE_PREFIXES = ("un", "in", "im", "il", "ir", "dis")
#: Adjectives of more senses are too vague to name a state ("new": 11, "open": 21, "sober": 4).
MAX_SENSES = 4
#: Verbs whose most frequent senses are winning a contest or beating someone in one: a
#: headline with one of them, or a verb below them, names a winner.
VICTORY = ("win", "beat", "defeat")
#: The noun synset "weapon, arm, weapon system": what one carries to be armed.
WEAPON = "04565375"
#: A verb's synonym shares its antonym only where their synset is one of the synonym's two most
#: frequent senses ("decline", sense 2: "refuse"), and the antonym's synset one of its own.
LEADING_SENSES = 2
#: Auxiliaries and light verbs: their antonyms ("have" / "lack", "give" / "take") say nothing of a state.
LIGHT_VERBS = frozenset({"be", "have", "do", "get", "go", "come", "make", "take", "give", "let", "put", "set", "say"})
NOTICE = ("WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Provided 'as is' under the "
          "WordNet 3.0 licence, which allows use, copying, modification and distribution of the database for any "
          "purpose without fee, with this notice kept.")


def _synsets(part: str) -> dict[str, tuple[str, list[str], list[tuple[str, str, str, int, int]]]]:
    """offset -> (lexicographer file, words, pointers as (symbol, part, offset, source, target))."""
    found = {}
    with (WORDNET / f"data.{part}").open(encoding="latin-1") as lines:
        for line in lines:
            if line.startswith("  "):
                continue
            fields = line.split(" | ", 1)[0].split()
            count = int(fields[3], 16)
            words = [fields[4 + 2 * i].split("(")[0].lower() for i in range(count)]
            at = 4 + 2 * count
            pointers = []
            for i in range(int(fields[at])):
                symbol, offset, target_part, ends = fields[at + 1 + 4 * i: at + 5 + 4 * i]
                pointers.append((symbol, target_part, offset, int(ends[:2], 16), int(ends[2:], 16)))
            found[fields[0]] = (fields[1], words, pointers)
    return found


def _single(word: str) -> bool:
    return word.isalpha() and word.islower() and len(word) > 2


#: The particles of the phrasal verbs kept ("turn down", "shut down", "pass up").
PARTICLES = frozenset({"up", "down", "out", "off", "back", "away", "over"})


def _verbal(word: str) -> bool:
    """A single word, or a verb and its particle ("turn_down"), written with a space."""
    verb, _, particle = word.partition(" ")
    return _single(verb) and (not particle or particle in PARTICLES)


def _absolute(first: str, second: str, participles: set[str]) -> bool:
    """An adjective pair of states that follow an event rather than of degrees or kinds: one
    word is a participle ("armed" / "unarmed", "drunk" / "sober", "occupied" / "vacant"),
    not "able" / "unable" or "political" / "nonpolitical"."""
    return any(word.endswith("ed") or word in participles for word in (first, second))


def _sense_counts(part: str) -> dict[str, int]:
    """Each word to its number of senses in ``index.<part>``."""
    found = {}
    with (WORDNET / f"index.{part}").open(encoding="latin-1") as lines:
        for line in lines:
            if not line.startswith("  "):
                fields = line.split()
                found[fields[0]] = int(fields[2])
    return found


def _first_senses(part: str = "noun") -> dict[str, str]:
    """Each word to the offset of its most frequent sense (the first in ``index.noun``, ...)."""
    found = {}
    with (WORDNET / f"index.{part}").open(encoding="latin-1") as lines:
        for line in lines:
            if not line.startswith("  "):
                fields = line.split()
                found[fields[0]] = fields[-int(fields[2])]
    return found


def _senses(part: str) -> dict[str, list[str]]:
    """Each word to the offsets of its senses, the most frequent first (``index.<part>``)."""
    found = {}
    with (WORDNET / f"index.{part}").open(encoding="latin-1") as lines:
        for line in lines:
            if not line.startswith("  "):
                fields = line.split()
                found[fields[0]] = fields[-int(fields[2]):]
    return found


def _leading(word: str, offset: str, senses: dict[str, list[str]]) -> bool:
    """``offset`` is one of the ``LEADING_SENSES`` most frequent senses of ``word``."""
    return offset in senses.get(word, [])[:LEADING_SENSES]


def _hyponyms(nouns: dict, root: str) -> set[str]:
    """The single words whose most frequent sense is ``root`` or below it (types and
    instances): "pistol", not "ball" or "bar"."""
    first = _first_senses()
    found, todo, seen = set(), [root], set()
    while todo:
        offset = todo.pop()
        if offset in seen:
            continue
        seen.add(offset)
        _, words, pointers = nouns[offset]
        found.update(word for word in words if _single(word) and first.get(word) == offset)
        todo.extend(target for symbol, part, target, _, _ in pointers if symbol in ("~", "~i") and part == "n")
    return found


def _troponyms(verbs: dict, roots: tuple[str, ...]) -> set[str]:
    """The single words whose most frequent sense is that of one of ``roots`` or below it
    (``~`` troponym pointers): "trounce", not "take" or "break"."""
    first = _first_senses("verb")
    found, todo, seen = set(), [first[root] for root in roots], set()
    while todo:
        offset = todo.pop()
        if offset in seen:
            continue
        seen.add(offset)
        _, words, pointers = verbs[offset]
        found.update(word for word in words if _single(word) and first.get(word) == offset)
        todo.extend(target for symbol, part, target, _, _ in pointers if symbol == "~" and part == "v")
    return found


def build() -> dict:
    verbs, adjectives, nouns = _synsets("verb"), _synsets("adj"), _synsets("noun")
    with (WORDNET / "verb.exc").open(encoding="latin-1") as lines:
        exceptions = dict(line.split()[:2] for line in lines if line.strip())
    senses, adverbs = _sense_counts("adj"), _sense_counts("adv")
    verb_senses = _senses("verb")
    acted: set[str] = set()  # the verbs of the pairs and their participles: "open", "closed"
    kinds: dict[str, set[tuple[str, str]]] = {}
    for table, part in ((verbs, "v"), (adjectives, "a")):
        pairs: set[tuple[str, str]] = kinds.setdefault(part, set())
        for here, (_, words, pointers) in table.items():
            for symbol, target_part, offset, source, target in pointers:
                if symbol != "!" or source == 0 or target_part not in (part, "s"):
                    continue
                if part == "v":
                    # The two words, and their synonyms in the two senses where the synset is one of
                    # a word's leading senses ("accept" / "refuse": "decline", "turn down" too).
                    ends = [(first, second) for first in words for second in table[offset][1]
                            if (first, second) == (words[source - 1], table[offset][1][target - 1])
                            or (_leading(first, here, verb_senses) and _leading(second, offset, verb_senses))]
                else:  # a head adjective's synonyms share its antonym: "drunk" / "sober"
                    ends = [(first, second) for first in words for second in table[offset][1]]
                for first, second in ends:
                    if part == "v":
                        first, second = first.replace("_", " "), second.replace("_", " ")
                    single = _verbal if part == "v" else _single
                    if not (single(first) and single(second)) or {first, second} & LIGHT_VERBS:
                        continue
                    if part == "v" or (_absolute(first, second, set(exceptions)) and (
                            max(senses.get(first, 0), senses.get(second, 0)) <= MAX_SENSES
                            or {first, second} <= acted)):
                        pairs.add(tuple(sorted((first, second))))
        if part == "v":
            for verb in {w for pair in pairs for w in pair}:
                acted.update((verb, verb + "d", verb + "ed"))
                acted.update(form for form, base in exceptions.items() if base == verb)
    pairs = kinds["v"]
    opposite: dict[str, set[str]] = defaultdict(set)
    for first, second in pairs:
        opposite[first].add(second)
        opposite[second].add(first)
    # "reopen": a verb "re" + a verb with antonyms, whose hypernym holds that verb.
    for _, (_, words, pointers) in verbs.items():
        for word in words:
            base = word[2:]
            if word.startswith("re") and base in opposite and any(
                    symbol == "@" and base in verbs[offset][1] for symbol, _, offset, _, _ in pointers):
                for other in opposite[base]:
                    pairs.add(tuple(sorted((word, other))))
    verb_words = {w for first, second in pairs for w in (first, second)}
    acts: dict[str, str] = {}
    for _, (_, words, pointers) in verbs.items():
        for symbol, target_part, offset, source, target in pointers:
            if symbol != "+" or target_part != "n" or source == 0 or words[source - 1] not in verb_words:
                continue
            lexfile, noun_words, _ = nouns[offset]
            noun = noun_words[target - 1]
            verb = words[source - 1]
            if lexfile in ACT_FILES and _single(noun) and noun != verb and noun not in verb_words:
                acts.setdefault(noun, verb)
    # "hurt" (first sense: "suffering from physical injury") is "injured", whose antonym is "uninjured".
    # Heads of a pair of a word and its negation ("injured" / "uninjured"): states, not degrees.
    heads = {w for pair in kinds["a"] for w in pair
             if any(pair[1] == prefix + pair[0] or pair[0] == prefix + pair[1] for prefix in NEGATIVE_PREFIXES)}
    first_adjective = _first_senses("adj")
    similar: dict[str, str] = {}
    for offset, (_, words, pointers) in adjectives.items():
        head = next((adjectives[target][1] for symbol, _, target, _, _ in pointers if symbol == "&"), None)
        if head is None or head[0] not in heads or not (head[0].endswith("ed") or head[0] in exceptions):
            continue  # a participle's ("injured"), not a degree's ("large")
        for word in words:
            if (_single(word) and word not in heads and word not in exceptions and word not in adverbs
                    and first_adjective.get(word) == offset and senses.get(word, 0) <= MAX_SENSES):
                similar[word] = head[0]
    verb_heads = {word.split()[0] for word in verb_words}  # "turn" of "turn down" too
    forms = {inflected: lemma for inflected, lemma in sorted(exceptions.items())
             if lemma in verb_heads and inflected != lemma}
    return {
        "about": "States that cannot both hold of one thing, for the contradiction kind's polarity and headline "
                 "checks; built by scripts/build_antonyms.py.",
        "sources": [f"Princeton WordNet 3.0 (Debian wordnet-base {version()}): antonym (!), derivation (+), "
                    "similar-to (&) and hyponym (~) pointers, index sense counts, verb.exc"],
        "licence": NOTICE,
        "verbs": sorted(list(pair) for pair in kinds["v"]),
        "adjectives": sorted(list(pair) for pair in kinds["a"]),
        "similar": dict(sorted(similar.items())),
        "weapons": sorted(_hyponyms(nouns, WEAPON)),
        "victories": sorted(_troponyms(verbs, VICTORY)),
        "acts": dict(sorted(acts.items())),
        "forms": dict(sorted(forms.items())),
    }


def write_or_check(build: Callable[[], dict[str, object]], output: Path, description: str) -> int:
    """A build script's command line: write ``build()`` to ``output``, or with ``--check``
    exit 1 when the shipped file differs from it."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="exit 1 when the shipped file is out of date")
    args = parser.parse_args()
    text = json.dumps(build(), indent=0, ensure_ascii=False) + "\n"
    if args.check:
        return 0 if output.exists() and output.read_text(encoding="utf-8") == text else 1
    output.write_text(text, encoding="utf-8")
    return 0


def main() -> int:
    return write_or_check(build, OUTPUT, __doc__.split("\n\n")[0])


if __name__ == "__main__":
    sys.exit(main())
