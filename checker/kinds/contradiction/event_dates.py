"""One event, two dates: "the March 3 attack" ... "the attack on March 5".

An event is a definite, singular event noun from the rule's vocabulary ("the attack",
"the crash") with a date next to it: "the March 3 attack", "Tuesday's crash", "the attack
on March 5", "the crash, which happened on Monday". A weekday after the noun with no verb
between ("the cause of the fire on Thursday") is left alone: news puts the day of the
reporting there. Two mentions of one noun whose dates
have no day in common (see ``when``) disagree, unless a word before the noun marks another
event ("another attack", "the first crash", "a similar attack"), or the two sentences name
different places or people. Two different attacks reported in one article are usually far
apart in time, while a slip moves a date by a day or two: only dates at most ``max_days``
apart are compared.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import regex

from checker.kinds.contradiction import DIGIT, Conflict, Searcher, Statement
from checker.kinds.contradiction.people import NOT_PEOPLE
from checker.kinds.contradiction.when import DATE, When, read
from checker.patterns.compiled import compiled
from checker.patterns.trie import literal_alternation

#: The name right before a verb of an event: its subject ("Tomo was born", "Kerr, 34, vanished").
_SUBJECT = compiled(r"(?P<name>\p{Lu}[\p{L}'’-]+)(?:,[^,]{1,20},)?(?:\s+(?:was|were|has|had|have|is))?\s+$")
#: What may stand between an event (or its verb) and its date: a clock time, a named place
#: ("the shooting at 2am on Saturday", "the crash in Leeds on May 3").
_BETWEEN = (r"(?:(?:(?P<clock>at\s+(?:about\s+|around\s+)?[0-9]{1,2}(?:(?:[.:][0-9]{2})?\s*[ap]\.?m\.?|[.:][0-9]{2}))"
            r"|(?:in|at|near)\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}),?\s+)?")
#: What every date DATE reads holds: a digit, or a word with "day", "night" ... in it; a
#: sentence without one is not read further.
DATE_HINT = compiled(r"[0-9]|(?i:day|night|eve\b|week|halloween|solstice|tonight)")
_HINT_WORD = compiled(r"(?i:day|night|eve\b|week|halloween|solstice|tonight)")


def may_hold_date(text: str) -> bool:
    """Whether DATE_HINT is found in ``text``: a digit, or else one of its words. The same
    decision, faster: ``regex`` looks for one character alone far faster than for it or a word."""
    return DIGIT.search(text) is not None or _HINT_WORD.search(text) is not None

_ON = compiled(r"\bon\s+$", regex.IGNORECASE)
_INNER_NAME = compiled(r"(?<=[\p{L},;]\s+)\p{Lu}[\p{L}'’-]{2,}")
#: A speaker's name beside a verb of saying ("Ailsa Kerr said", "said farmer Ailsa Kerr",
#: "according to Kerr"): the teller of an event, not one of its places or people.
_SPEAKER = compiled(r"(?:\p{Lu}[\p{L}'’.-]+\s+){1,3}(?=(?:said|says|told|added|recalled)\b)"
                    r"|\b(?:said|says|told|added|according\s+to)\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}"
                    r"(?:\p{Lu}[\p{L}'’.-]+\s*){1,3}")


@dataclass(frozen=True)
class EventDate:
    #: The event's class: its noun, or the first noun of the rule's group that holds it.
    noun: str
    when: When
    statement: Statement
    names: frozenset[str]
    #: "a fire on May 29": may be taken up later, never takes an earlier one up.
    indefinite: bool = False
    #: The noun as the article has it ("blaze" of the class "fire"; a verb's class), for messages.
    word: str = ""
    #: Read from a past verb ("derailed on May 14"), not a noun: two such are not compared.
    verbal: bool = False


def event_pattern(nouns: list[str], verbs: Iterable[str] = ()) -> regex.Pattern:
    """The shapes that tie a date to an event noun (any case): definite, or indefinite before
    a date ("a fire on May 29", which only an earlier mention may be); or to a verb phrase of
    an event ("born at the zoo on June 14", "has not been seen since November 2")."""
    noun = "(?P<noun>(?i:" + "|".join(regex.escape(n) for n in sorted(nouns, key=len, reverse=True)) + "))"
    date = DATE.pattern
    # Without verbs the verb shape never matches; its groups are there all the same.
    body = "|".join(regex.escape(v).replace(r"\ ", r"\s+") for v in sorted(verbs, key=len, reverse=True)) or "(?!)"
    verbal = (rf"|\b(?P<verbal>(?i:{body}))(?:\s+(?!(?i:and|but|or|after|before|when|while|said|which|who|"
              rf"until|then)\b)[\p{{L}}'’-]+){{0,5}}?\s+(?i:on|since)\s+(?P<date4>{date})")
    return regex.compile(
        rf"(?P<before>\b(?i:the)\s+(?:[\p{{L}}-]+\s+)?)(?P<date>{date})(?:['’]s)?\s+{noun}(?![\p{{L}}-])"
        rf"|(?P<before2>\b(?i:the|his|her|its|their|(?P<indefinite>an?))\s+(?:[\p{{L}}-]+\s+)?){noun}(?![\p{{L}}-]),?\s+"
        rf"(?:(?:that|which)\s+)?"
        rf"(?:(?:was|were|had)\s+)?(?:(?P<verb>happened|took\s+place|occurred|struck|broke\s+out|held|"
        rf"(?P<start>began|started|opened|got\s+under\s*way|kicked\s+off))\s+)?{_BETWEEN}"
        rf"(?:on\s+|(?=(?i:next|last|this)\s))(?P<date2>{date})"
        rf"|(?P<date3>{date})['’]s\s+{noun}(?![\p{{L}}-])" + verbal,
        regex.V0,
    )


def _calendar(date: regex.Match) -> bool:
    """A date of the calendar ("May 3", "Bonfire Night", "the first Sunday of March", "the last
    weekend of October"), not a day told from the published date ("Thursday", "this weekend"),
    which news also writes for the day it reports on."""
    return any(date.group(name) for name in ("month", "month2", "named", "nth", "wk_nth"))


def noun_pattern(nouns: list[str]) -> regex.Pattern:
    """A quick test that a sentence names one of the events at all."""
    return regex.compile(r"(?i)\b(?:" + literal_alternation(nouns) + r")\b")


#: A pattern of ``event_pattern``, or what makes it when first needed (its compiling costs more
#: than most articles' reading).
EventPattern = regex.Pattern | Callable[[], regex.Pattern]


def events_in(source: str, sentences: Iterable[tuple[int, int]], pattern: EventPattern, other: Searcher,
              published: dt.date | None, nouns: regex.Pattern | None = None,
              classes: dict[str, str] | None = None, lasting: frozenset[str] = frozenset()) -> list[EventDate]:
    """The dated event mentions of the sentences, in order; ``classes`` maps a noun (lower
    case) to its class ("blaze" to "fire"), so that two nouns of one event are compared. A
    ``lasting`` event (a strike) is dated only by its start ("the strike began on May 3"):
    "the strike on Friday" may be any of its days."""
    classes = classes or {}
    found: list[EventDate] = []
    for start, end in sentences:
        text = source[start:end]
        if not may_hold_date(text):
            continue
        first = nouns.search(text) if nouns is not None else None
        if nouns is not None and first is None:
            continue
        names: frozenset[str] | None = None
        for match in _near_nouns(text, pattern, nouns, first.start() if first is not None else 0):
            before = match.group("before") or match.group("before2") or ""
            if match.group("verbal"):
                before = text[max(0, match.start() - 30):match.start()]
            if other.search(before):
                continue  # "another attack", "the first crash"
            group = next(g for g in ("date", "date2", "date3", "date4") if match.group(g))
            date_match = DATE.match(text, match.start(group), match.end(group))
            if date_match is None:
                continue
            if group == "date2" and not match.group("verb") and not _calendar(date_match) and not match.group("clock") \
                    and _ON.search(text, max(0, match.start("date2") - 6), match.start("date2")):
                # "the cause of the fire on Thursday": the day may be the verb's, not the fire's ("the
                # shooting at 2am on Saturday", "its release next Thursday" are the event's)
                continue
            when = read(date_match, published)
            if when.days is None and when.calendar_day is None:
                continue
            if names is None:
                told = _SPEAKER.sub(" ", text)  # who tells of an event is no place or party of it
                names = frozenset(n for n in (regex.sub(r"['’]s$", "", n) for n in _INNER_NAME.findall(told))
                                  if n not in NOT_PEOPLE)
            noun = " ".join((match.group("noun") or match.group("verbal")).lower().split())
            subject = _SUBJECT.search(text, max(0, match.start() - 40), match.start()) \
                if match.group("verbal") else None
            mention_names = names | {subject.group("name")} if subject else names
            event = classes.get(noun, noun)
            if event in lasting and not match.group("start"):
                continue
            found.append(EventDate(event, when,
                                   Statement(start + match.start(group), start + match.end(group),
                                             match.group(group)), mention_names, bool(match.group("indefinite")),
                                   noun if match.group("noun") else event))
    return found


#: How far before and after an event's word its dated shape may reach ("the March 3, 2015
#: attack"; "the crash in Leeds at 2am on Saturday, March 3, 2015").
_BEFORE_NOUN, _AFTER_NOUN = 60, 100


def _near_nouns(text: str, pattern: EventPattern, nouns: regex.Pattern | None,
                first: int = 0) -> Iterator[regex.Match]:
    """The matches of ``pattern`` around the event words of ``text``, in order, none twice:
    the large pattern is tried only near the words it needs, not at every position, and only
    where a date is. ``first``: where the first event word may be (none is before it)."""
    if nouns is None:
        yield from _compiled(pattern).finditer(text)
        return
    done = 0
    for noun in nouns.finditer(text, first):  # what a search from 0 finds, the look-behind seeing all
        if noun.end() <= done:
            continue
        begin, limit = max(done, noun.start() - _BEFORE_NOUN), min(len(text), noun.end() + _AFTER_NOUN)
        if DATE.search(text, begin, limit) is None:
            # Every match of the pattern holds a match of DATE (read with the same bounds): none
            # here. Most event words have no date near them, and DATE alone is searched faster.
            continue
        pattern = _compiled(pattern)
        for match in pattern.finditer(text, begin, limit):
            if match.end() == limit < len(text):
                break  # cut by the window: read again from the next word
            done = match.end()
            yield match


def _compiled(pattern: EventPattern) -> regex.Pattern:
    return pattern() if callable(pattern) else pattern


def _days_apart(a: When, b: When) -> int | None:
    if a.days and b.days:
        return min(abs((x - y).days) for x in a.days for y in b.days)
    if a.calendar_day and b.calendar_day and a.calendar_day[0] == b.calendar_day[0]:
        return abs(a.calendar_day[1] - b.calendar_day[1])
    return None


#: How many dated mentions of one event later ones are compared with (a bound on the work).
_KEPT = 8


def conflicts(found: list[EventDate], max_days: int, once: frozenset[str] = frozenset()) -> Iterator[Conflict]:
    """Two dates of one event that no day fits, at most ``max_days`` apart unless the event
    happens ``once`` to its subject (a birth)."""
    by_noun: dict[str, list[EventDate]] = defaultdict(list)
    for later in found:
        for earlier in () if later.indefinite else by_noun[later.noun]:
            if (earlier.verbal and later.verbal) or earlier.when.agrees(later.when) is not False:
                continue
            apart = _days_apart(earlier.when, later.when)
            if apart is None or (apart > max_days and later.noun not in once):
                continue
            if earlier.names and later.names and not earlier.names & later.names:
                continue  # different places or people: likely two events
            word = (earlier.word if later.verbal else later.word) or later.noun
            yield Conflict(earlier.statement, later.statement,
                           f"the {word} is dated '{earlier.statement.text}' and later "
                           f"'{later.statement.text}', days no single {word} can share")
            break
        if len(by_noun[later.noun]) < _KEPT:  # the first dates of an event say what the article holds
            by_noun[later.noun].append(later)
