"""A sentence restated with another figure or date: "Nearly 26 million jobs would be
created." ... "Nearly 39 million jobs would be created."

Each sentence is reduced to its skeleton: its words in lower case with every quantity,
date and clock time replaced by a slot. Two sentences with one skeleton say the same thing;
when the values in their slots cannot both be true (quantities whose intervals do not
overlap, dates with no day in common, two clock times), one of them is wrong. When both a
figure and a date differ, the sentences more likely report two occasions ("fell 120 points
on Tuesday" ... "fell 80 points on Wednesday"), and the pair is left alone. Numbers that
name rather than count ("Part 2", "No. 3", "Route 66") stay part of the skeleton.
"""

from __future__ import annotations

import bisect
import datetime as dt
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import filterfalse

import regex

from checker.kinds.contradiction import Conflict, Statement
from checker.kinds.contradiction.numbers import QUANTITY, Interval, interval
from checker.kinds.contradiction.when import DATE, When, read
from checker.patterns.compiled import compiled
from checker.patterns.reverse import reverse_search
from checker.text.textshape import mostly_uppercase

_TIME = compiled(r"(?<![\p{N}:.])(?P<h>[0-9]{1,2}):(?P<m>[0-9][0-9])(?![\p{N}:])"
                 r"(?:\s*(?P<ap>[ap])\.?\s?m\b\.?)?", regex.I)
#: Words before a number that names rather than counts: "Part 2", "No. 3", "Route 66".
NAMING = compiled(
    r"(?i)(?:\bpart|\bchapter|\bepisode|\bno\.|\bnumber|#|\bround|\bgame|\bstep|\bphase|\bseason|\bvolume"
    r"|\bvol\.|\bpage|\bsection|\barticle|\bitem|\bquestion|\bstage|\blevel|\bgrade|\bclass|\bcategory|\broute"
    r"|\bhighway|\binterstate|\bflight|\broom|\bunit|\bsuite|\bdistrict|\bward|\bprecinct|\bchannel|\btier"
    r"|\bfigure|\btable|\bversion|\bpsalm|\bverse|\bproposition|\bprop\.|\bamendment|\btitle|\bband)\s*$"
)
#: ``NAMING`` searched backwards from the end of the text, where it must end: found or ruled
#: out there at once, instead of its alternation being tried at every position (ten times
#: faster on the 16 to 40 characters before a number that it is asked about).
NAMING_BEFORE = reverse_search(NAMING, fixed=True)
_WORD = compiled(r"\p{L}+")
_EDGE = compiled(r"^[\s\"'“”‘’(\[–—-]+|[\s\"'“”‘’)\].!?,;:–—-]+$")
#: Fewer words than this besides the slots, and two sentences are alike by chance.
MIN_WORDS = 4

_DATE_SLOT, _TIME_SLOT, _NUMBER_SLOT = "\x01", "\x02", "\x03"
_LONG_WORD = compiled(r"\p{L}{5,}")
#: Every word of five letters or more that a slot can hold, read off the slot patterns
#: themselves, so a word added to a pattern can never split two sentences of one skeleton.
_SLOT_WORDS = frozenset(w.casefold() for w in regex.findall(r"[A-Za-z]{5,}", DATE.pattern + QUANTITY.pattern))
_ON_DATE = compiled(r"\bon \x01")


@dataclass(frozen=True)
class Slot:
    kind: str
    start: int
    end: int
    text: str
    value: Interval | When | tuple[int, int] | None


@dataclass(frozen=True)
class Shaped:
    skeleton: str
    slots: tuple[Slot, ...]
    sentence: tuple[int, int]


class _Spans:
    """Spans that do not overlap, kept sorted: whether a new span is free is a binary search,
    so a sentence with thousands of figures (a results table) is read in n log n."""

    __slots__ = ("ends", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        # The first span ending after ``start`` is the only one that may overlap: the spans
        # are disjoint and sorted, so their ends are sorted too.
        i = bisect.bisect_right(self.ends, start)
        return i == len(self.starts) or end <= self.starts[i]

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def skeleton_of(text: str, base: int = 0, published: dt.date | None = None) -> tuple[str, tuple[Slot, ...]]:
    """The sentence's skeleton and its slots (offsets plus ``base``)."""
    slots: list[Slot] = []
    taken = _Spans()
    for match in DATE.finditer(text):
        slots.append(Slot(_DATE_SLOT, match.start(), match.end(), match.group(0), read(match, published)))
        taken.add(*match.span())
    for match in _TIME.finditer(text):
        if taken.free(*match.span()):
            hour, minute = int(match.group("h")), int(match.group("m"))
            if match.group("ap") and match.group("ap").lower() == "p" and hour < 12:
                hour += 12
            slots.append(Slot(_TIME_SLOT, match.start(), match.end(), match.group(0), (hour, minute)))
            taken.add(*match.span())
    for match in QUANTITY.finditer(text):
        if not taken.free(*match.span()) or NAMING_BEFORE.search(text, max(0, match.start() - 16), match.start()):
            continue
        if not (match.group("num") or match.group("words") or match.group("vague")):
            continue
        slots.append(Slot(_NUMBER_SLOT, match.start(), match.end(), match.group(0), interval(match)))
        taken.add(*match.span())
    slots.sort(key=lambda s: s.start)
    parts: list[str] = []
    position = 0
    for slot in slots:
        parts.append(text[position: slot.start])
        parts.append(slot.kind)
        position = slot.end
    parts.append(text[position:])
    skeleton = _EDGE.sub("", " ".join("".join(parts).casefold().split()))
    # "yesterday", "on Tuesday" and "on March 3" name a day the same way.
    skeleton = _ON_DATE.sub(_DATE_SLOT, skeleton)
    shifted = tuple(Slot(s.kind, base + s.start, base + s.end, s.text, s.value) for s in slots)
    return skeleton, shifted


def _rough_key(text: str, start: int = 0, end: int = sys.maxsize) -> tuple[str, ...]:
    """The longer words of ``text[start:end]`` that no slot can hold: two sentences with one
    skeleton have one rough key, so only sentences whose key comes twice need their skeleton.
    (``findall`` within ``start:end`` finds what it finds in the slice: the pattern has no
    look-around. The words are folded and filtered in C: ``filterfalse`` keeps those not in
    ``_SLOT_WORDS``, as a test of each in a loop would.)"""
    return tuple(filterfalse(_IS_SLOT_WORD, map(str.casefold, _LONG_WORD.findall(text, start, end))))


_IS_SLOT_WORD = _SLOT_WORDS.__contains__


def shaped(source: str, sentences: Iterable[tuple[int, int]], published: dt.date | None) -> list[Shaped]:
    keyed: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for start, end in sentences:
        keyed.setdefault(_rough_key(source, start, end), []).append((start, end))
    candidates = sorted(span for group in keyed.values() if len(group) > 1 for span in group)
    found = []
    for start, end in candidates:
        text = source[start:end]
        if mostly_uppercase(text):
            continue  # a table, ticker or shouted line
        skeleton, slots = skeleton_of(text, start, published)
        if slots and len(_WORD.findall(skeleton)) >= MIN_WORDS:
            found.append(Shaped(skeleton, slots, (start, end)))
    return found


def _differs(a: Slot, b: Slot) -> bool | None:
    """True when the two values cannot both be true, False when they can, None when it
    cannot be told."""
    if a.kind == _NUMBER_SLOT:
        if not isinstance(a.value, Interval) or not isinstance(b.value, Interval):
            return None if a.text.casefold() != b.text.casefold() else False
        return not a.value.overlaps(b.value)
    if a.kind == _TIME_SLOT:
        return a.value != b.value
    if isinstance(a.value, When) and isinstance(b.value, When):
        agrees = a.value.agrees(b.value)
        if agrees is None:
            return None if a.text.casefold() != b.text.casefold() else False
        return not agrees
    return None


def conflicts(sentences: list[Shaped]) -> Iterator[Conflict]:
    first: dict[str, Shaped] = {}
    for later in sentences:
        earlier = first.setdefault(later.skeleton, later)
        if earlier is later:
            continue
        figures: list[tuple[Slot, Slot]] = []
        dates: list[tuple[Slot, Slot]] = []
        unknown = False
        for old, new in zip(earlier.slots, later.slots, strict=True):
            differs = _differs(old, new)
            if differs is None:
                unknown = True
            elif differs:
                (figures if old.kind == _NUMBER_SLOT else dates).append((old, new))
        if unknown or bool(figures) == bool(dates):
            continue  # nothing differs; or both a figure and a date: two occasions
        old, new = (figures or dates)[0]
        what = "figure" if figures else "date" if old.kind == _DATE_SLOT else "time"
        yield Conflict(Statement(old.start, old.end, old.text), Statement(new.start, new.end, new.text),
                       f"the same sentence gives the {what} '{old.text}' and later '{new.text}'")
