"""The shipped gazetteer (``checker/data/gazetteer.json``): the words of real place names,
peoples and first names, and the formal names of states with their short names and adjectives.

``scripts/build_gazetteer.py`` writes the file from packages that ship such data, each named
with its version and licence in the file's ``sources``. Nothing is fetched at run time: the
file is read once, the first time a rule asks.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

GAZETTEER = Path(__file__).resolve().parent.parent / "data" / "gazetteer.json"


@functools.cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GAZETTEER.read_text(encoding="utf-8"))
    return data


@functools.cache
def real_words() -> frozenset[str]:
    """The lower-cased words of real countries, regions, cities, peoples, languages and first
    names ("iceland", "ireland", "icelandic", "sean", "sian")."""
    return frozenset(_data()["words"].split())


def both_real(a: str, b: str) -> bool:
    """True when both words (any case) are words of real names: two places, peoples or first
    names one letter apart ("Iran" / "Iraq") are two names, not one name misspelt."""
    return _real(a.lower()) and _real(b.lower())


def _real(word: str) -> bool:
    """A word of a real name, or its plural ("Americans", "Ivanas")."""
    words = real_words()
    return word in words or (word.endswith("s") and word[:-1] in words)


@functools.cache
def formal_states() -> dict[str, tuple[str, str]]:
    """Each formal state name ("Kingdom of Spain") to its short name and adjective
    ("Spain", "Spanish"); the adjective is empty where the sources give none that fits."""
    return {name: (short, adjective) for name, (short, adjective) in _data()["formal_states"].items()}
