"""Build ``checker/data/nouns.json``: for each common English noun, the nouns that may name the
same things in a later mention ("the 24 ewes" after "Thirty-six sheep"; "the three coaches"
after "two carriages"), for contradiction-recounts.

Nothing here runs with the checker; it reads, offline::

    apt-get install wordnet-base           # Princeton WordNet 3.0, /usr/share/wordnet
    python scripts/build_nouns.py          # writes checker/data/nouns.json
    python scripts/build_nouns.py --check  # exit 1 when the shipped file is out of date

Source: Princeton WordNet 3.0 (WordNet 3.0 licence, Princeton University: use, copy and
redistribution allowed with its copyright notice, which the file carries). A noun's links are
the other single-word, lower-case lemmas of its synsets (its synonyms: "carriage" and "coach")
and of the synsets its synsets' hypernym pointers lead to, one step up ("sheep" for "ewe"):
a later mention names the same things by another word or by the kind they are of. A link is
kept when one of its two nouns is one that WordNet's sense-tagged texts use (``cntlist.rev``:
"sheep", not "ewe"), and written once, under the word that sorts first. Very broad nouns (a
hypernym held by more than ``MAX_HYPONYMS`` such nouns: "person", "thing", "act") link
nothing: "the 12 people" is the counts' own, not a kind of everything.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_antonyms import NOTICE, write_or_check
from wordnet_reader import read, tagged_counts, version

OUTPUT = Path(__file__).resolve().parent.parent / "checker" / "data" / "nouns.json"
#: A hypernym with more tagged single-word nouns under it than this is too broad to say that a
#: later mention in it takes up an earlier one.
MAX_HYPONYMS = 40


def _plain(word: str) -> bool:
    return word.isascii() and word.isalpha() and word.islower() and len(word) >= 3


def build() -> dict[str, object]:
    wordnet = read()
    tagged = tagged_counts()
    plain = {lemma for lemmas in wordnet.lemmas.values() for lemma in lemmas if _plain(lemma)}
    used = {lemma for lemma in plain if tagged.get(lemma, 0) > 0}

    def words(key: tuple[str, str], among: set[str] = used) -> set[str]:
        return {lemma for lemma in wordnet.lemmas.get(key, ()) if lemma in among}

    below: Counter[tuple[str, str]] = Counter()
    for key in wordnet.lemmas:
        if key[0] != "n":
            continue
        for symbol, part, offset in wordnet.pointers.get(key, ()):
            if symbol == "@" and part == "n":
                below[(part, offset)] += len(words(key))
    links: dict[str, set[str]] = defaultdict(set)
    for key in wordnet.lemmas:
        if key[0] != "n":
            continue
        own = words(key, plain)
        if not own:
            continue
        related = set(own)
        for symbol, part, offset in wordnet.pointers.get(key, ()):
            if symbol == "@" and part == "n" and below[(part, offset)] <= MAX_HYPONYMS:
                related |= words((part, offset), plain)
        for word in own:
            for other in related:
                if other != word and (word in used or other in used):
                    first, second = sorted((word, other))
                    links[first].add(second)
    return {
        "about": "Common nouns to the nouns that may name the same things in a later mention: their synonyms and "
                 "the kinds they are of, one step up (contradiction-recounts); each link under the word that sorts "
                 "first. Built by scripts/build_nouns.py.",
        "sources": [f"Princeton WordNet 3.0 (Debian wordnet-base {version()}): noun synsets of data.noun, their "
                    "hypernym pointers, and cntlist.rev (nouns its sense-tagged texts use)"],
        "licence": NOTICE,
        "links": {word: " ".join(sorted(others)) for word, others in sorted(links.items())},
    }


def main() -> int:
    return write_or_check(build, OUTPUT, __doc__.split("\n\n")[0])


if __name__ == "__main__":
    sys.exit(main())
