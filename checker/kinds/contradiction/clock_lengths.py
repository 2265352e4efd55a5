"""An event's length read off its clock times: "a sitting that began at 7pm" ... "approved at
1am, after a sitting that began at 7pm" (six hours at least); "the strike ran from 6am to
2pm" (eight hours); "the meeting began at 9am and ended at 11am" (two hours).

A length from two times of one sentence is the time from the first to the second round the
clock (7pm to 1am is six hours). The event is the noun right before the start ("a sitting
that began at", "the strike ran from"); the end is "to", "until", "and ended at" after the
start, or, for "at T2 ... after a NOUN that began at T1", the time the sentence's main clause
happened, which the event reached: a length of at least T2 - T1.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import regex

from checker.kinds.contradiction.clock import CLOCK, minutes
from checker.kinds.contradiction.numbers import Interval
from checker.patterns.compiled import compiled

_DAY_MINUTES = 24 * 60
#: "NOUN (that|which) began at", "NOUN ran from": the start of an event's time.
_START = compiled(r"\s*,?\s+(?:(?:that|which)\s+)?(?:(?P<verb>began|started|opened|got\s+under\s*way)\s+(?:at\s+)?"
                  r"|(?:ran|lasted|went\s+on|continued)\s+from\s+)$", regex.IGNORECASE)
#: What joins a start to its end: "to", "until", "and ended at".
_TO_END = compiled(r"\s*(?:-|–|to|until|till|through|,?\s*and\s+(?:ended|finished|closed|adjourned|broke\s+up)\s+"
                   r"(?:at\s+)?)\s*$", regex.IGNORECASE)
#: "after a NOUN": the start's event came before the sentence's main clause.
_AFTER = compiled(r"\bafter\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,2}$", regex.IGNORECASE)


def clock_lengths(text: str, noun_pattern: regex.Pattern) -> Iterator[tuple[regex.Match, Interval, int, int]]:
    """Each (noun, length in seconds, first, last) the sentence's clock times give an event:
    ``first`` and ``last`` bound the words read."""
    times = [t for t in CLOCK.finditer(text) if minutes(t) is not None]
    if len(times) != 2:
        return  # a length needs a start and an end, and a schedule is no length
    first, second = times
    for start_time, end_time, after in ((first, second, False), (second, first, True)):
        lead = _START.search(text, max(0, start_time.start() - 40), start_time.start())
        if lead is None:
            continue
        noun = None
        for candidate in noun_pattern.finditer(text, max(0, lead.start() - 40), lead.start() + 1):
            if candidate.end() == lead.start():
                noun = candidate
        if noun is None:
            continue
        begin, finish = minutes(start_time), minutes(end_time)
        assert begin is not None and finish is not None
        gap = (round((finish.low + finish.high) / 2) - round((begin.low + begin.high) / 2)) % _DAY_MINUTES
        if gap == 0:
            continue
        seconds = gap * 60.0
        # Each time's own width ("shortly before 11pm") widens the length.
        slack = 60.0 * ((begin.high - begin.low) + (finish.high - finish.low)) / 2
        if not after and _TO_END.fullmatch(text, start_time.end(), end_time.start()):
            yield noun, Interval(seconds * 0.9 - slack, seconds * 1.1 + slack), noun.start(), end_time.end()
        elif after and _AFTER.search(text, max(0, noun.start() - 40), noun.start()):
            yield noun, Interval(seconds * 0.9, math.inf), end_time.start(), start_time.end()
