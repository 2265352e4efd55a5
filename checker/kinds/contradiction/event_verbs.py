"""Events told by a verb and taken up by a noun: "the footbridge collapsed on Monday" ...
"the March 7 collapse"; "a train derailed on May 14" ... "since the derailment on May 16".

A reader links a dated past verb to the noun naming the same act, whatever the act is. The
link is made by form, not by a list of events: a verb's past form ("derailed", "resigned",
"evacuated") and a noun ("derailment", "resignation", "evacuation") name one act when they
share a stem once the endings English uses to make them are taken off (``stem``). Verbs of
saying and of planning name no event of the story's own ("reported on Monday", "scheduled
on") and are left out, as are sentences that hedge or plan. A verb's date is the date after
"on" that follows it with no new clause between ("derailed near Ossory on May 14"). Two
dated verbs of one stem are not compared (two people may be arrested on two days); a verb
and a definite noun of its stem are, by the event-dates check, like two nouns.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

import regex

from checker.kinds.contradiction import Searcher, Statement
from checker.kinds.contradiction.event_dates import EventDate, event_pattern, may_hold_date
from checker.kinds.contradiction.when import DATE, read
from checker.patterns.compiled import compiled

#: The endings that make a noun or a past form of a verb, longest first ("resign-ation",
#: "evacu-ated", "derail-ment", "clos-ure", "arriv-al", "open-ing", "arrest-ed").
_ENDINGS = ("ations", "ation", "itions", "ition", "ated", "ions", "ion", "ments", "ment", "ures", "ure", "als", "al",
            "ings", "ing", "ied", "ed", "es", "e", "s")
#: The shortest stem kept: "fin-al" is no act of "fin".
SHORTEST = 4
#: Verbs of saying, asking and planning: their date is the telling's or the plan's, not the event's.
SAYING = frozenset({
    "report", "announc", "confirm", "stat", "add", "claim", "reveal", "not", "publish", "warn", "describ", "explain",
    "insist", "deni", "admitt", "admit", "post", "tweet", "comment", "respond", "repli", "ask", "call", "urg",
    "schedul", "plann", "plan", "expect", "propos", "suggest", "predict", "estimat", "updat", "question",
    "allege", "alleg", "accus", "quot", "cit", "mention", "indicat", "argu", "agre", "decid",
})
#: A past verb, with a particle ("caved in", "broke out" are read by their first word).
PAST_VERB = compiled(r"(?<![\p{L}'’-])(?P<verb>\p{Ll}{3,}ed)(?![\p{L}'’-])")
#: What may stand between a verb and "on" and its date: a few words, no new clause.
_GAP = compiled(r"(?:\s+(?!(?i:and|but|or|after|before|when|while|said|says|which|who|that|until|then|since|because|"
                r"as|if|whether|once)\b)[\p{L}\p{N}'’-]+,?){0,6}?\s+on\s+$")
#: A sentence that hedges or plans: its dates are no facts of the event.
HEDGE = compiled(r"\b(?:expected|scheduled|due\s+to|set\s+to|planned|will|would|could|might|(?-i:may)|should|"
                 r"if|whether|unless|reportedly|allegedly)\b", regex.IGNORECASE)
_REACH = 80
#: "on" before a date: the only places a date is looked for (the date pattern is large).
_ON = compiled(r"(?<=\s)on\s+(?=[\p{Lu}0-9]|the\s|(?i:yesterday|today|tonight)\b)")


@functools.lru_cache(maxsize=4096)  # the words of articles repeat; a pure function of the word
def stem(word: str) -> str:
    """The word without the ending that made it a noun or a past form ("derailment",
    "derailed": "derail"); a doubled last consonant is made single ("stopped": "stop")."""
    word = word.lower()
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= SHORTEST:
            word = word[: -len(ending)]
            break
    if len(word) > SHORTEST and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    return word


def key_of(word_stem: str) -> str:
    """The event class of a stem no rule noun holds: marked so no noun of the rule's is taken."""
    return "~" + word_stem


def dated_verbs(source: str, sentences: Iterable[tuple[int, int]], published: dt.date | None,
                other: Searcher) -> list[EventDate]:
    """The past verbs of the sentences that carry a date ("derailed near Ossory on May 14"),
    as events of their stem's class, in order."""
    found: list[EventDate] = []
    for start, end in sentences:
        text = source[start:end]
        if " on " not in text or text.rstrip().endswith("?"):
            continue
        dates = [date for date in (DATE.match(text, on.end()) for on in _ON.finditer(text)) if date is not None]
        # Tests of the whole sentence, made only where a date follows "on" (the cheaper test).
        if not dates or not may_hold_date(text) or HEDGE.search(text):
            continue
        for date_match in dates:
            window = max(0, date_match.start() - _REACH)
            verbs = [v for v in PAST_VERB.finditer(text, window, date_match.start())
                     if _GAP.fullmatch(text, v.end(), date_match.start())]
            if not verbs:
                continue
            verb = verbs[-1]
            word_stem = stem(verb.group("verb"))
            if word_stem in SAYING or len(word_stem) < SHORTEST or other.search(text, max(0, verb.start() - 30),
                                                                                 verb.start()):
                continue
            when = read(date_match, published)
            if when.days is None and when.calendar_day is None:
                continue
            found.append(EventDate(key_of(word_stem), when,
                                   Statement(start + date_match.start(), start + date_match.end(), date_match.group(0)),
                                   frozenset(), word=verb.group("verb"), verbal=True))
    return found


_WORD = compiled(r"(?<![\p{L}'’-])\p{Ll}{4,}(?![\p{L}'’-])")


def nouns_of(source: str, stems: frozenset[str]) -> dict[str, str]:
    """The article's words (not past forms) that share a stem with ``stems``, each to its
    event class: the nouns that may take a dated verb up ("derailment" for "derailed")."""
    found: dict[str, str] = {}
    for word in dict.fromkeys(_WORD.findall(source)):  # each word once, in the order of its first use
        if word.endswith("ed"):
            continue
        word_stem = stem(word)
        if word_stem in stems:
            found[word] = key_of(word_stem)
    return found


@functools.lru_cache(maxsize=256)
def noun_event_pattern(nouns: tuple[str, ...]) -> regex.Pattern:
    """The dated shapes of an article's own nouns (compiled once for each set of them)."""
    return event_pattern(list(nouns))
