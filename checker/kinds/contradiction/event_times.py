"""One event, two clock times: "the polls closed at 8pm" ... "when voting ended at 10pm";
"the blast at about 8.15pm" ... "the 10pm explosion".

An event is known by a noun of the rule's classes (polls and voting are one event); its time
is read from three forms: the noun, then a verb of one of the rule's phases, then the time
("the polls closed at 8pm", "the explosion happened shortly after 10 p.m."); the noun, then
"at" and the time ("the blast at 8pm"); the time right before the noun ("the 8pm blast"). A
phase is the part of the event the time belongs to (it began or happened, it ended):
only times of one phase of one event are compared, so "opened at 7am" and "closed at 8pm"
agree. Two times conflict when their intervals (see ``clock``) do not meet.

Left alone: two times in different zones ("8pm local time", "1am GMT": one moment), with three
times or more (a schedule), with a plan, a change or a hedge ("due to", "extended",
"postponed", "may"), or a question; an event the article names several of ("two blasts",
"another explosion"); two mentions whose sentences name different days.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from checker.kinds.contradiction import Conflict, Searcher, Statement
from checker.kinds.contradiction.clock import CLOCK, may_hold_time, minutes
from checker.kinds.contradiction.numbers import Interval
from checker.kinds.contradiction.when import DATE
from checker.patterns.compiled import compiled

_DAY_MINUTES = 24 * 60
#: Time zones and their words: a time in one zone may be another's.
_ZONE = compiled(r"\b(?:GMT|UTC|BST|CET|CEST|EET|[ECMP][SD]?T|AEST|AEDT|IST|JST|local\s+time|(?:our|their)\s+time|"
                 r"time\s+zones?|Zulu)\b")
#: Words between an event's noun and its verb that show the verb has another subject.
_CLAUSE_BREAK = compiled(r"[;:()]|\b(?:and|but|or|after|before|when|while|which|who|that|where|said|says|as|until|"
                         r"since|because)\b", regex.IGNORECASE)
#: A relative pronoun right after the noun: the clause's verb is the noun's ("the game, which began").
_RELATIVE = compiled(r",?\s+(?:which|that)\b", regex.IGNORECASE)
#: Between a noun and its time: "at", perhaps after a place ("the blaze at the timber yard at").
_NOUN_AT = compiled(r",?\s+(?:(?:at|in|on|near)\s+(?:[\p{L}'’-]+\s+){1,5}?)?at\s+")
#: One verb and its time, then "and": the next verb has the same subject ("opened at 7am and").
_SHARED_SUBJECT = compiled(r"\s+\p{Ll}+(?:\s+\p{Ll}+)?\s+(?:at\s+)?[0-9]{1,2}(?:[.:][0-9]{2})?\s*"
                           r"(?:[ap]\.?m\.?)?\s+and\s+")
#: How far before its verb the event's noun may stand ("the polls in the north closed").
_SUBJECT_REACH = 50
#: The phase of a time set right next to the noun ("the 8pm blast", "the meeting at 9am"): the
#: rule's phase of that name, when the event began (or happened, for one that takes a moment).
_HAPPENED = "began"
#: Schedules list three times or more in a sentence.
_SCHEDULE = 3


@dataclass(frozen=True)
class TimedEvent:
    event: str
    phase: str
    span: Interval
    statement: Statement
    #: The dates the sentence names, as written: two sentences with different dates are two days.
    days: frozenset[str]
    #: The time zone the sentence names ("gmt", "local"), or "" for none: the article's own.
    zone: str = ""


def noun_pattern(nouns: Iterable[str]) -> regex.Pattern:
    """The classes' nouns (any case), each with a plural ending if it has one."""
    body = "|".join(regex.sub(r"\\ ", r"\\s+", regex.escape(n)) for n in sorted(nouns, key=len, reverse=True))
    return regex.compile(rf"(?i)(?<![\p{{L}}-])(?P<noun>{body})(?P<plural>e?s)?(?![\p{{L}}'’-])")


def verb_pattern(phases: dict[str, str]) -> regex.Pattern:
    """A verb of a phase right before a clock time ("closed at", "began shortly after")."""
    body = "|".join(regex.sub(r"\\ ", r"\\s+", regex.escape(v)) for v in sorted(phases, key=len, reverse=True))
    return regex.compile(rf"(?i)\b(?P<verb>{body})\s+(?:(?:on\s+\p{{L}}+|(?:early\s+|late\s+)?(?:on\s+)?"
                         rf"\p{{L}}+day)\s+)?(?:at\s+)?$")


def timed_in(source: str, sentences: Iterable[tuple[int, int]], nouns: regex.Pattern, classes: dict[str, str],
             verbs: regex.Pattern, phases: dict[str, str], distinct: Searcher,
             plans: Searcher) -> tuple[list[TimedEvent], set[str]]:
    """The clock times of events the sentences state, in order, and the classes the article
    names more than one event of."""
    found: list[TimedEvent] = []
    several: set[str] = set()
    if not may_hold_time(source):
        return found, several  # most articles give no clock time
    for start, end in sentences:
        text = source[start:end]
        named = list(nouns.finditer(text))
        if not named:
            continue
        for noun in named:
            if noun.group("plural") or distinct.search(text, max(0, noun.start() - 25), noun.start()):
                several.add(classes[_key(noun.group("noun"))])
        times = list(CLOCK.finditer(text))
        if not times or len(times) >= _SCHEDULE or plans.search(text) or text.rstrip().endswith("?"):
            continue
        zones = {_zone_name(z.group(0)) for z in _ZONE.finditer(text)}
        if len(zones) > 1:
            continue  # "8pm local time (1am GMT)": one moment in two zones
        zone = zones.pop() if zones else ""
        days = frozenset(" ".join(d.group(0).lower().split()) for d in DATE.finditer(text))
        for time in times:
            span = minutes(time)
            if span is None:
                continue
            bound = _bound(text, time, named, verbs, phases)
            if bound is None:
                continue
            noun, phase = bound
            if noun.group("plural"):
                continue
            first, last = min(noun.start(), time.start()), max(noun.end(), time.end())
            found.append(TimedEvent(classes[_key(noun.group("noun"))], phase, span,
                                    Statement(start + first, start + last, text[first:last]), days, zone))
    return found, several


def _zone_name(zone: str) -> str:
    zone = " ".join(zone.lower().split())
    return "local" if zone.endswith("time") else zone


def _same_zone(a: TimedEvent, b: TimedEvent) -> bool:
    """Two times in one zone: the same one named, or none named and local time."""
    return a.zone == b.zone or {a.zone, b.zone} == {"", "local"}


def _key(noun: str) -> str:
    return " ".join(noun.lower().split())


def _bound(text: str, time: regex.Match, named: list[regex.Match], verbs: regex.Pattern,
           phases: dict[str, str]) -> tuple[regex.Match, str] | None:
    """The event noun a time belongs to, and the phase: "NOUN VERB at TIME", "NOUN at TIME",
    "the TIME NOUN"."""
    for noun in named:
        if noun.start() == time.end() + 1 and text[time.end()] == " ":
            return noun, _HAPPENED  # "the 8pm blast"
        gap = text[noun.end():time.start()]
        if _NOUN_AT.fullmatch(gap):
            return noun, _HAPPENED  # "the blast at 8pm", "the blaze at the timber yard at 11pm"
    verb = verbs.search(text, max(0, time.start() - 40), time.start())
    if verb is None:
        return None
    subject = None
    for noun in named:
        if verb.start() - _SUBJECT_REACH <= noun.end() <= verb.start():
            subject = noun
    if subject is None:
        return None
    relative = _RELATIVE.match(text, subject.end(), verb.start())  # "the game, which kicked off at"
    begin = relative.end() if relative else subject.end()
    shared = _SHARED_SUBJECT.fullmatch(text, begin, verb.start())  # "the polls opened at 7am and closed at"
    if shared is None and _CLAUSE_BREAK.search(text, begin, verb.start()):
        return None
    return subject, phases[_key(verb.group("verb"))]


def _meet(a: Interval, b: Interval) -> bool:
    """Whether two spans of minutes meet on the clock (a day wraps round)."""
    return any(a.overlaps(Interval(b.low + shift, b.high + shift)) for shift in (-_DAY_MINUTES, 0, _DAY_MINUTES))


def conflicts(found: list[TimedEvent], several: set[str]) -> Iterator[Conflict]:
    by_phase: dict[tuple[str, str], list[TimedEvent]] = {}
    for later in found:
        if later.event in several:
            continue
        earlier_ones = by_phase.setdefault((later.event, later.phase), [])
        for earlier in earlier_ones:
            if _meet(earlier.span, later.span) or not _same_zone(earlier, later) \
                    or (earlier.days and later.days and not earlier.days & later.days):
                continue
            yield Conflict(earlier.statement, later.statement,
                           f"'{earlier.statement.text}' and '{later.statement.text}' cannot both be "
                           f"when the {later.event} {later.phase}")
            break
        if len(earlier_ones) < 8:
            earlier_ones.append(later)
