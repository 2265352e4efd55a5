"""The shipped links between common nouns that may name the same things (``checker/data/
nouns.json``, built from Princeton WordNet 3.0 by ``scripts/build_nouns.py``): a noun's
synonyms ("carriage", "coach") and the kind it is of, one step up ("ewe", "sheep"). Read once,
the first time a rule asks (an article with a later count in another noun than the earlier
one's), never when the checker starts, and kept between runs as the user's cached table
(``checker.cache.built``: read back in a few milliseconds instead of parsing 1 MB of JSON).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from checker.cache.built import load_or_build

NOUNS = Path(__file__).resolve().parent.parent.parent / "data" / "nouns.json"


@functools.cache
def _links() -> dict[str, str]:
    links: dict[str, str] = load_or_build("noun-links", (NOUNS,), _read, _shaped)
    return links


def _read() -> dict[str, str]:
    links: dict[str, str] = json.loads(NOUNS.read_text(encoding="utf-8"))["links"]
    return links


def _shaped(value: object) -> bool:
    return isinstance(value, dict)


def same_things(first: str, second: str) -> bool:
    """Two singular nouns (lower case) that may name the same things: synonyms, or one the
    kind the other is of ("the 24 ewes" may take up "Thirty-six sheep")."""
    if first == second:
        return True
    low, high = sorted((first, second))
    others = _links().get(low)
    return others is not None and f" {high} " in f" {others} "
