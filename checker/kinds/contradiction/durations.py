"""One event, two lengths: "a three-week strike" ... "the ten-day stoppage"; "the two-day
trial" ... "on the fifth day of the trial".

A length is a statement about an event: an interval of time. It is read from the forms news
uses: a length before the event's noun ("the fourteen-hour operation", "a 48-hour strike"),
a verb of lasting after it ("the outage lasted about 40 minutes", "a strike that lasted
three weeks", "the outage, which stretched past six hours"), and a day of the event ("on the
fifth day of the trial": five days at least; "the sixth and final day": six). The event is
known by its noun's class from the rule's vocabulary (strike, stoppage and walkout are one
event), so "the ten-day stoppage" takes up "a strike that lasted three weeks". A day of the
event with no noun ("on the sixth and final day") belongs to the one event the article has
given a length to, if there is one.

Two lengths of one event conflict when their intervals do not meet, each widened by a tenth
(lengths are rounded). A later length is compared only when it takes the event up (a
definite noun, "the ... lasted", a day of it): "a 24-hour strike" and then "a 48-hour
strike" are two strikes. A length marked as another occasion ("another", "last year's",
"the first") or as a plan or a change ("scheduled to last", "extended", "originally") is
left alone.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from checker.kinds.contradiction import Conflict, Searcher, Statement
from checker.kinds.contradiction.clock import may_hold_time, time_words
from checker.kinds.contradiction.clock_lengths import clock_lengths
from checker.kinds.contradiction.numbers import QUANTITY, UNITS, Interval, interval, words_value
from checker.patterns.compiled import compiled

#: The units of a length, by name.
_UNIT_NAMES = "minute|hour|day|week|fortnight|month|year"
_HOUR = 3600.0
_DAY = 24 * _HOUR
#: Seconds in each unit, as intervals (a month is 28 to 31 days).
_UNITS = {"minute": (60.0, 60.0), "hour": (_HOUR, _HOUR), "day": (_DAY, _DAY), "week": (7 * _DAY, 7 * _DAY),
          "fortnight": (14 * _DAY, 14 * _DAY), "month": (28 * _DAY, 31 * _DAY), "year": (365 * _DAY, 366 * _DAY)}
#: A unit word after a space or a hyphen: where a length may be (a quantity is read before it).
_UNIT_WORD = compiled(rf"(?i)[-\s](?P<unit>{_UNIT_NAMES})s?\b(?!-old)")
#: _UNIT_WORD's start, for ``re``, a quick test before it: ``re`` runs it about twice as fast, and
#: finds all _UNIT_WORD finds (its white space and its letters ignoring case include ``regex``'s:
#: tests/test_fast_paths.py).
_MAY_BE_UNIT = re.compile(rf"(?i)[-\s](?:{_UNIT_NAMES})")
#: How far before its unit a quantity may start ("two hundred and fifty").
_QUANTITY_REACH = 40
_AFTER_NUMBER = compiled(rf"(?P<join>-|\s+)(?P<unit>{_UNIT_NAMES})(?P<plural>s)?\b"
                         r"(?P<old>-old\b)?(?:-long\b)?")
#: A verb of lasting right before the length ("lasted", "lasting for", "stretched past").
_LASTING = compiled(r"\b(?:lasted|lasting|lasts|last|took|taking|ran|running|stretched|continued|went\s+on|spanned|"
                    r"dragged\s+on)(?:\s+(?:for|into|to))?\s+(?P<beyond>past\s+|beyond\s+|longer\s+than\s+)?$")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}
_ORDINAL = r"(?P<ordinal>" + "|".join(_ORDINALS) + r"|[0-9]{1,2}(?:st|nd|rd|th))"
_DAY_OF = compiled(rf"\b(?:the|its)\s+{_ORDINAL}(?P<final>\s+and\s+(?:final|last))?\s+day\b"
                   r"(?:\s+of\s+(?:the|its|this)\s+(?P<rest>(?:[\p{L}-]+\s+){0,3}?[\p{L}-]+))?", regex.IGNORECASE)
_DAY_NUMBER = compiled(r"\bday\s+(?P<number>[0-9]{1,2}|" + "|".join(n for n in UNITS if len(n) > 2) +
                       r")\s+of\s+(?:the|its|this)\s+(?P<rest>(?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)", regex.IGNORECASE)
_DEFINITE = compiled(r"(?:\b(?:the|its|this|that|his|her|their|our)|['’]s?)\s+(?:[\p{L}-]+\s+){0,3}$", regex.IGNORECASE)
#: Words between a noun and a verb of lasting that show the verb has another subject.
_CLAUSE_BREAK = compiled(r"\b(?:after|before|when|while|because|since|as|and|but|or|had|has|have|was|were|is|are|"
                         r"been|said|says|took|came|made|saw)\b", regex.IGNORECASE)
#: How far before a verb of lasting its event's noun may stand ("a strike over pensions that lasted").
_SUBJECT_REACH = 60


@dataclass(frozen=True)
class Length:
    event: str
    #: Seconds, widened by a tenth unless open.
    span: Interval
    #: The statement takes an event up (may be compared with an earlier length).
    definite: bool
    statement: Statement
    sentence: tuple[int, int]


def event_noun_pattern(nouns: Iterable[str]) -> regex.Pattern:
    """The event nouns (any case, a phrase's spaces as any white space), whole words."""
    body = "|".join(regex.sub(r"\\ ", r"\\s+", regex.escape(noun))
                    for noun in sorted(nouns, key=len, reverse=True))
    return regex.compile(rf"(?i)(?<![\p{{L}}-])(?:{body})(?![\p{{L}}-])")


def lengths_in(source: str, sentences: Iterable[tuple[int, int]], events: dict[str, str],
               noun_pattern: regex.Pattern, distinct: Searcher, plans: Searcher) -> list[Length]:
    """The lengths of events the sentences state, in their order. ``events``: each noun (lower
    case) to its event's name; ``noun_pattern`` finds those nouns."""
    found: list[Length] = []
    clocks = may_hold_time(source)  # most articles give no clock time
    words = time_words(source) if clocks else ()
    for start, end in sentences:
        text = source[start:end]
        has_unit = _MAY_BE_UNIT.search(text) is not None and _UNIT_WORD.search(text) is not None
        has_clock = clocks and may_hold_time(text, words)
        if not has_unit and not has_clock:
            continue  # no length here (a cheap test before the quantities are read)
        stated: list[Length] = []
        if has_unit:
            stated.extend(_stated(text, start, end, events, noun_pattern, distinct))
            stated.extend(_days_of(text, start, end, events, noun_pattern, distinct))
        if has_clock:
            stated.extend(_from_clock(text, start, end, events, noun_pattern, distinct))
        # "scheduled to last two days", "extended", "originally": a plan or a change. Looked for
        # only where a length was read (most sentences with a unit give none).
        if stated and not plans.search(text):
            found.extend(stated)
    found.sort(key=lambda length: length.statement.start)
    return _bind_days(found)


def _stated(text: str, start: int, end: int, events: dict[str, str], noun_pattern: regex.Pattern,
            distinct: Searcher) -> Iterator[Length]:
    for unit in _UNIT_WORD.finditer(text):
        # The quantity right before the unit, read in a short window: "three weeks", "48-hour".
        match = None
        for candidate in QUANTITY.finditer(text, max(0, unit.start() - _QUANTITY_REACH), unit.start()):
            match = candidate
        if match is None:
            continue
        after = _AFTER_NUMBER.match(text, match.end())
        if after is None or after.start("unit") != unit.start("unit") or after.group("old") or match.group("cur") \
                or match.group("vague"):
            continue
        value = interval(match)
        if value is None or value.high == 0:
            continue
        low, high = _UNITS[after.group("unit")]
        if after.group("join") == "-" or not after.group("plural"):
            # "a three-week strike", "the 48 hour strike": the event's noun follows.
            noun = _noun_within(text, after.end(), noun_pattern)
            if noun is None:
                continue
            before = text[max(0, match.start() - 40):match.start()]
            definite = _DEFINITE.search(before) is not None
        else:
            # "the outage lasted about 40 minutes": a verb of lasting, its event's noun before it.
            lasting = _LASTING.search(text, max(0, match.start() - 30), match.start())
            if lasting is None:
                continue
            if lasting.group("beyond"):
                value = Interval(value.high, math.inf)
            noun = _last_noun(text, max(0, lasting.start() - _SUBJECT_REACH), lasting.start(), noun_pattern)
            if noun is None or _CLAUSE_BREAK.search(text, noun.end(), lasting.start()):
                continue  # no event noun, or one of another clause ("the delay came after the flight took")
            before = text[max(0, noun.start() - 40):noun.start()]
            definite = _DEFINITE.search(before) is not None
        if distinct.search(text[max(0, match.start() - 40):match.start()] + " " + before):
            continue  # "another 24-hour strike", "last year's four-day festival"
        span = _widened(Interval(value.low * low, value.high * high))
        first = min(match.start(), noun.start())
        last = max(after.end(), noun.end())
        statement = Statement(start + first, start + last, text[first:last])
        yield Length(events[" ".join(noun.group(0).lower().split())], span, definite, statement, (start, end))


def _from_clock(text: str, start: int, end: int, events: dict[str, str], noun_pattern: regex.Pattern,
                distinct: Searcher) -> Iterator[Length]:
    """Lengths from an event's start and end times ("a sitting that began at 7pm" ... "at 1am")."""
    for noun, span, first, last in clock_lengths(text, noun_pattern):
        if distinct.search(text[max(0, noun.start() - 40):noun.start()]):
            continue
        first, last = min(first, noun.start()), max(last, noun.end())
        yield Length(events[" ".join(noun.group(0).lower().split())], span, True,
                     Statement(start + first, start + last, text[first:last]), (start, end))


def _noun_within(text: str, at: int, noun_pattern: regex.Pattern) -> regex.Match | None:
    """The event noun heading the phrase that starts at ``at``: within three more words
    ("the four-day Kochi Food Festival"), before any punctuation or function word."""
    phrase = regex.match(r"(?:\s+[\p{L}-]+){1,4}", text[at:])
    if phrase is None:
        return None
    stop = regex.search(r"\s(?:of|in|at|on|for|that|which|who|was|were|is|are|and|to|with|by|from)\b",
                        phrase.group(0), regex.IGNORECASE)
    limit = at + (stop.start() if stop else len(phrase.group(0)))
    found = None
    for noun in noun_pattern.finditer(text, at, limit):
        found = noun
    return found


def _last_noun(text: str, begin: int, end: int, noun_pattern: regex.Pattern) -> regex.Match | None:
    found = None
    for noun in noun_pattern.finditer(text, begin, end):
        found = noun
    return found


def _days_of(text: str, start: int, end: int, events: dict[str, str], noun_pattern: regex.Pattern,
             distinct: Searcher) -> Iterator[Length]:
    """"The fifth day of the trial" (five days at least), "the sixth and final day" (six)."""
    for pattern in (_DAY_OF, _DAY_NUMBER):
        for match in pattern.finditer(text):
            if pattern is _DAY_OF:
                ordinal = match.group("ordinal").lower()
                day = _ORDINALS.get(ordinal) or int(regex.sub(r"[^0-9]", "", ordinal))
            else:
                day = int(match.group("number")) if match.group("number").isdigit() \
                    else int(words_value(match.group("number")) or 0)
            if day < 2:
                continue  # a first day says nothing of the length
            event = ""
            if match.group("rest"):
                noun = _last_noun(text, match.start("rest"), match.end("rest"), noun_pattern)
                if noun is None:
                    continue  # "the third day of the month"
                event = events[" ".join(noun.group(0).lower().split())]
            if distinct.search(text[max(0, match.start() - 40):match.end()]):
                continue
            final = pattern is _DAY_OF and match.group("final")
            span = Interval(day * _DAY * 0.9 if final else (day - 1) * _DAY, day * _DAY * 1.1 if final else math.inf)
            yield Length(event, span, True, Statement(start + match.start(), start + match.end(), match.group(0)),
                         (start, end))


def _bind_days(found: list[Length]) -> list[Length]:
    """A day with no event named belongs to the one event given a length before it, if one."""
    kept = []
    events: set[str] = set()  # the events given a length so far (``found`` is in order)
    for length in found:
        if length.event:
            kept.append(length)
            events.add(length.event)
        elif len(events) == 1:
            kept.append(Length(next(iter(events)), length.span, True, length.statement, length.sentence))
    return kept


def _widened(span: Interval) -> Interval:
    return Interval(span.low * 0.9, span.high * 1.1)


def conflicts(lengths: list[Length]) -> Iterator[Conflict]:
    by_event: dict[str, list[Length]] = {}
    for later in lengths:
        earlier_ones = by_event.setdefault(later.event, [])
        if later.definite:
            for earlier in earlier_ones:
                if earlier.sentence == later.sentence or earlier.span.overlaps(later.span):
                    continue
                yield Conflict(earlier.statement, later.statement,
                               f"'{earlier.statement.text}' and '{later.statement.text}' cannot both be "
                               f"the length of one {later.event}")
                break
        if len(earlier_ones) < 8:  # the first mentions of an event say what the article holds
            earlier_ones.append(later)
