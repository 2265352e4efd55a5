"""Finding statements inside one article that cannot both be true.

Each module reads one kind of statement out of the article's sentences and pairs those
that disagree: ``counts`` (two figures for the same thing), ``ages`` (one person, two
ages), ``weekdays`` (a weekday that does not match its date), ``polarity`` (a claim and its
negation, or its antonym), ``roles`` (one person, two titles; one quotation, two speakers).
The ``contradiction`` rule kind (``checker.kinds.contradiction.kind``) runs them with
vocabularies from YAML. Every pair is (earlier, later): the finding points at the later
statement and names the earlier one. Each check prefers missing a contradiction to raising
a false alarm: when a sentence signals an update, another event or another time, the pair
is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

import regex

from checker.patterns.compiled import compiled

#: A quick test that a sentence holds a figure written in digits (ages, dated weekdays, counts).
DIGIT = compiled(r"[0-9]")


@dataclass(frozen=True)
class Statement:
    """One statement a check read: where it is and what it says, in the article's words."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Conflict:
    earlier: Statement
    later: Statement
    #: Why the two disagree, in words for the message ("12 against 14").
    detail: str


class Searcher(Protocol):
    """A vocabulary pattern (a ``TimedPattern``): ``search`` and ``finditer`` as in ``regex``,
    under the rule's time limit."""

    def search(self, text: str) -> regex.Match | None: ...

    def finditer(self, text: str) -> Iterator[regex.Match]: ...
