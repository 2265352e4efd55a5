"""Build ``checker/data/wordclass.json``: the English words that can be verbs, and the adverbs
ending in "-s", which tell a plural noun after a state's formal name ("Republic of Singapore
experts") from a verb ("the Russian Federation objects").

Nothing here runs with the checker; it reads, offline::

    apt-get install wordnet-base               # Princeton WordNet 3.0, /usr/share/wordnet
    python scripts/build_wordclass.py           # writes checker/data/wordclass.json
    python scripts/build_wordclass.py --check   # exit 1 when the shipped file is out of date

Source: Princeton WordNet 3.0 (WordNet 3.0 licence, Princeton University: use, copy and
redistribution allowed with its copyright notice, which the file carries):

- verbs: every single-word, lower-case lemma of a verb synset (``data.verb``): "object",
  "ship", "troop" are verbs; "expert", "biscuit", "patriot" are not;
- adverbs_in_s: the single-word, lower-case adverb lemmas (``data.adv``) ending in "-s"
  ("nowadays", "indoors"), which a word's ending would take for a plural.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_antonyms import NOTICE, write_or_check
from wordnet_reader import read, version

OUTPUT = Path(__file__).resolve().parent.parent / "checker" / "data" / "wordclass.json"


def _plain(word: str) -> bool:
    return word.isascii() and word.isalpha() and word.islower()


def build() -> dict[str, object]:
    wordnet = read()
    verbs: set[str] = set()
    adverbs: set[str] = set()
    for (part, _), lemmas in wordnet.lemmas.items():
        for lemma in lemmas:
            if not _plain(lemma):
                continue  # a name ("Christmas"), a phrase ("give_up"), a hyphenated word
            if part == "v":
                verbs.add(lemma)
            elif part == "r" and lemma.endswith("s"):
                adverbs.add(lemma)
    return {
        "about": "Words that can be verbs, and adverbs in -s, for telling a plural noun after a state's formal "
                 "name from a verb (checker.text.wordclass); built by scripts/build_wordclass.py.",
        "sources": [f"Princeton WordNet 3.0 (Debian wordnet-base {version()}): lemmas of data.verb and data.adv"],
        "licence": NOTICE,
        "verbs": sorted(verbs),
        "adverbs_in_s": sorted(adverbs),
    }


def main() -> int:
    return write_or_check(build, OUTPUT, __doc__.split("\n\n")[0])


if __name__ == "__main__":
    sys.exit(main())
