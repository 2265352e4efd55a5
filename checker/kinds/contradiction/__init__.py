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
from checker.patterns.precheck import Literals, derived

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


def word_hints(pattern: Searcher | None) -> tuple[str, ...] | None:
    """Case-folded texts of which a text holds one wherever ``pattern`` (a vocabulary's, any
    case) finds a match in a piece of it, or in its words joined again by single spaces (the
    windows ``counts`` and ``recounts`` search for an event word): of each of the texts one of
    its matches must hold (``precheck.derived``), the longest run without white space. None:
    no such texts are known. A sentence whose case folding holds none of them has no match,
    so it is not searched; the test is exact only where ``precheck.folded_source`` is not None
    (its case folding and ``regex``'s agree)."""
    if pattern is None:
        return None
    condition = derived(pattern.pattern, pattern.flags | regex.IGNORECASE)
    if not isinstance(condition, Literals):
        return None
    pieces = []
    for text in condition.texts:
        words = text.split()
        if not words:
            return None
        pieces.append(max(words, key=len))
    # A text holding a piece holds every shorter piece inside it ("kill" in "killed"): the
    # shorter one alone says the same.
    return tuple(sorted(piece for piece in set(pieces) if not any(other != piece and other in piece
                                                                   for other in pieces)))

