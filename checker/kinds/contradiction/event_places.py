"""One event, two places: "the blast at the Pier Street depot" ... "the Quay Street explosion";
"his final rally ... in Kumasi" ... "the Accra rally"; "a freight train derailed in
Darlington" ... "the Durham derailment".

An event is known by a noun of the rule's classes (blast and explosion are one event), or by a
past verb of a noun's stem (``event_verbs.stem``: "derailed", "crashed"), which only an
earlier mention may be, in a sentence that neither hedges nor plans. Its
places are read from its sentence: names after a preposition of place ("in Harlow", "at the
Pier Street depot") and a name right before the noun ("the Quay Street explosion"). A later,
definite mention whose own place (the name before its noun, or right after it: "the rally in
Accra") is none of the places the article gave that event conflicts with them, when:

- the two places are of one level: two streets ("Pier Street", "Quay Street") or two plain
  names (towns, regions); a venue ("Independence Park") or a street is never set against a
  town, since one lies inside the other;
- no place contains the other: the names share no word, and the article never puts one in
  the other ("Kumasi, Ashanti", "Harlow in Essex", "Essex's Harlow");
- the later place is a place: a street, a name the article puts after "in" or "at" (the
  mention's own "in" or "at" after its noun among them: "the crash at Farrowdale"), or a
  real place name of the shipped gazetteer, not a person of the article.

A class is left alone in an article that names several such events (a plural noun: "the
blasts", or "another", "a second", "earlier" before a noun): two blasts may be in two
places. So are mentions in questions, hedged sentences and sentences that move the event
("moved to", "relocated", "instead").
"""

from __future__ import annotations

import functools
import itertools
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from checker.kinds.contradiction import Conflict, Searcher, Statement
from checker.kinds.contradiction.event_verbs import HEDGE, PAST_VERB, SAYING, SHORTEST, stem
from checker.kinds.contradiction.people import NOT_PEOPLE, TITLES
from checker.patterns.compiled import compiled
from checker.text.gazetteer import formal_states, real_words

#: A place's level: streets and roads, venues, countries, and plain names (towns, regions).
LEVELS = ("street", "venue", "country", "name")
#: Words that end a street's name: the place is a street, below a town.
STREET_WORDS = frozenset({
    "Street", "St", "Road", "Rd", "Avenue", "Ave", "Lane", "Way", "Drive", "Boulevard", "Square", "Place",
    "Crescent", "Terrace", "Close", "Row", "Highway", "Quay", "Wharf", "Embankment", "Parade", "Hill",
})
#: Words that end a venue's name (a building, a park): a place inside a town.
VENUE_WORDS = frozenset({
    "Park", "Stadium", "Arena", "Hall", "Centre", "Center", "Court", "Courthouse", "Theatre", "Theater",
    "Church", "Cathedral", "Mosque", "Temple", "School", "College", "University", "Hospital", "Station",
    "Airport", "Market", "Palace", "Castle", "Museum", "Gardens", "Ground", "Field", "Bridge", "Port", "Harbour",
    "Club", "House", "Hotel", "Mall", "Building", "Tower", "Estate", "Plaza", "Coliseum", "Coliseu", "Estadio",
})
#: A capitalised name of one to four words ("Pier Street", "Independence Park", "Kumasi").
_NAME = r"\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+(?:(?:de|do|da|del|di|la|le)\s+)?\p{Lu}[\p{L}\p{N}'’.-]*){0,3}"
#: A road's number ("A14", "M6", "I-95"): a place of a street's level.
_ROAD = compiled(r"(?:[ABMI]-?[0-9]{1,4}|N[0-9]{1,3}|US-?[0-9]{1,3})")
#: Names after a preposition of place: where something in the sentence happened.
_AFTER_PREPOSITION = compiled(rf"\b(?:in|at|(?P<near>near|outside)|(?P<on>on)|"
                              rf"(?:town|city|village|suburb|district)\s+of)\s+"
                              rf"(?:the\s+)?(?P<name>{_NAME})(?![\p{{L}}'’-])")
#: "X in Y", "X, Y", "Y's X", "the Y town of X": one place put in another.
_CONTAINED = compiled(rf"(?P<inner>{_NAME})(?:,\s+|\s+in\s+(?:the\s+)?)(?P<outer>{_NAME})(?![\p{{L}}'’-])"
                      rf"|(?P<outer2>{_NAME})['’]s?\s+(?P<inner2>{_NAME})"
                      rf"|\b(?:the\s+)?(?P<outer3>{_NAME})\s+(?:city|town|village|district|province|region|suburb|"
                      rf"county|state)\s+of\s+(?P<inner3>{_NAME})")
#: A year near a mention: an event of another time ("the 2013 bombing", "the bombing in 2013").
_YEAR = compiled(r"(?<![0-9])(?:1[89]|20)[0-9]{2}(?![0-9])")
#: How many places of a sentence are kept, and how many candidate places an article looks up
#: in its whole text: bounds on the work an article of any size asks for.
_PLACES, _LOOKUPS = 16, 16
_POSSESSIVE = compiled(r"['’]s?$")
_SENTENCE_WORDS = frozenset({"The", "A", "An", "In", "At", "On", "It", "This", "That", "He", "She", "They", "We",
                             "His", "Her", "Their", "Its", "But", "And", "After", "Before", "When", "While", "As"})


@dataclass(frozen=True)
class Place:
    name: str
    #: One of ``LEVELS``.
    level: str
    #: Only near the event ("a plant near Ludwigshafen"): it may be in the next town.
    near: bool = False


@dataclass(frozen=True)
class Mention:
    event: str
    #: The places the mention's sentence names.
    places: tuple[Place, ...]
    #: The place the mention itself carries ("the Quay Street explosion"), if any.
    own: Place | None
    definite: bool
    statement: Statement
    #: The own place stands after the noun, after "in" or "at" ("the crash at Farrowdale"): a
    #: place, whatever its name (before the noun a name may be a person's: "the Casey Anthony trial").
    placed_after: bool = False


def noun_pattern(nouns: Iterable[str]) -> regex.Pattern:
    """A noun of the classes (any case, a phrase's spaces as any white space), with a plural
    ending if it has one."""
    body = "|".join(regex.sub(r"\\ ", r"\\s+", regex.escape(n)) for n in sorted(nouns, key=len, reverse=True))
    return regex.compile(rf"(?i)(?<![\p{{L}}-])(?P<noun>{body})(?P<plural>e?s)?(?![\p{{L}}'’-])")


#: "to" right before a word of the classes: a verb ("to march", "to protest"), not its noun.
_INFINITIVE = compiled(r"(?i)\bto\s+$")
#: What stands right before a noun: a determiner, then perhaps a name ("the Quay Street").
_BEFORE_NOUN = compiled(rf"(?P<det>\b(?i:the|a|an|his|her|their|its|this|that)\s+|['’]s?\s+)?"
                        rf"(?:(?P<own>{_NAME})\s+)?$")
#: A place right after a noun ("the rally in Accra", "the crash on the A14").
_AFTER_NOUN = compiled(rf",?\s+(?:in|at|(?P<on>on))\s+(?:the\s+)?(?P<after>{_NAME})(?![\p{{L}}'’-])")
#: How far before its noun a determiner and a name may start.
_BEFORE_REACH = 60


def level_of(name: str) -> str:
    last = name.split()[-1]
    if last in STREET_WORDS or _ROAD.fullmatch(name):
        return "street"
    if last in VENUE_WORDS or name.split()[0] in VENUE_WORDS:
        return "venue"
    if name in _countries().values():
        return "country"
    return "name"


@functools.cache
def _countries() -> dict[str, str]:
    """Each country's adjective to its short name ("Chilean": "Chile"), from the gazetteer."""
    return {adjective: short for short, adjective in formal_states().values() if adjective}


def _place(name: str) -> Place | None:
    if _POSSESSIVE.search(name):
        return None  # "the Leaders' Summit", "Tuesday's": an owner, not a place
    name = _countries().get(name.rstrip("."), name.rstrip("."))
    words = name.split()
    while words and (words[0] in _SENTENCE_WORDS or words[0] in NOT_PEOPLE):
        words = words[1:]
    if not words or any(w in NOT_PEOPLE or w in TITLES for w in words):
        return None
    clean = " ".join(w.rstrip(".") for w in words)
    return Place(clean, level_of(clean))


def verb_classes(classes: dict[str, str]) -> dict[str, str]:
    """The stems of the classes' one-word nouns, each to its event: the past verb of one stem
    tells the same act ("derailed" and "derailment", "crashed" and "crash"; see
    ``event_verbs``). Verbs of saying are none."""
    found: dict[str, str] = {}
    for noun, event in classes.items():
        if " " not in noun:
            word_stem = stem(noun)
            if len(word_stem) >= SHORTEST and word_stem not in SAYING:
                found.setdefault(word_stem, event)
    return found


def _verb_events(text: str, start: int, verbs: dict[str, str]) -> list[tuple[str, Statement]]:
    """The past verbs of ``verbs``' stems in a sentence ("a freight train derailed near
    Ossory"), each with its event: an earlier mention of the event, with the sentence's
    places, that a later, definite noun may take up ("the Kelby derailment"), never the
    other way round. None in a sentence that hedges or plans ("was expected to march")."""
    if HEDGE.search(text):
        return []
    found = []
    for verb in PAST_VERB.finditer(text):
        event = verbs.get(stem(verb.group("verb")))
        if event is not None:
            found.append((event, Statement(start + verb.start(), start + verb.end(), verb.group("verb"))))
    return found


def mentions_in(source: str, sentences: Iterable[tuple[int, int]], pattern: regex.Pattern, classes: dict[str, str],
                distinct: Searcher, moves: Searcher, verbs: dict[str, str] | None = None
                ) -> tuple[list[Mention], set[str]]:
    """The mentions of the classes' events, in order, and the classes the article names more
    than one event of (a plural noun, "another blast"). ``verbs``: stems of past verbs that
    tell an event (``verb_classes``), read as earlier mentions too."""
    found: list[Mention] = []
    several: set[str] = set()
    for start, end in sentences:
        text = source[start:end]
        places: tuple[Place, ...] | None = None
        unsure: bool | None = None
        told = _verb_events(text, start, verbs) if verbs else []
        if told and not text.rstrip().endswith("?") and moves.search(text) is None:
            places = tuple(itertools.islice(_sentence_places(text), _PLACES))
            found.extend(Mention(event, places, None, False, statement) for event, statement in told)
        for match in pattern.finditer(text):
            event = classes[" ".join(match.group("noun").lower().split())]
            before = text[max(0, match.start() - 30):match.start()]
            if _INFINITIVE.search(before):
                continue  # "expected to march in Tamale": a verb, and a plan
            if match.group("plural") or distinct.search(before) \
                    or _YEAR.search(text, max(0, match.start() - 30), min(len(text), match.end() + 30)):
                several.add(event)
                continue
            if unsure is None:  # once a sentence, not once a noun: a long sentence holds many
                unsure = text.rstrip().endswith("?") or moves.search(text) is not None
            if unsure:
                continue
            if places is None:
                places = tuple(itertools.islice(_sentence_places(text), _PLACES))
            lead = _BEFORE_NOUN.search(text, max(0, match.start() - _BEFORE_REACH), match.start())
            after = _AFTER_NOUN.match(text, match.end())
            own = None
            placed_after = False
            first, last = match.start(), match.end()
            if match.group("noun")[0].isupper() and match.start() > 0:
                pass  # "the Leaders' Summit", "the Boston Marathon bombing": a proper name, not a place's event
            elif lead is not None and lead.group("own") and lead.group("det"):
                own = _place(lead.group("own"))
                first = lead.start("own")
            elif after is not None:
                own = _place(after.group("after"))
                if own and after.group("on") and own.level != "street":
                    own = None  # "the attack on Mitt Romney": a target, not a place
                last = after.end() if own else last
                placed_after = own is not None and not after.group("on")
            det = ((lead.group("det") if lead else None) or "").strip().lower()
            definite = bool(det) and det not in ("a", "an")
            all_places = places + ((own,) if own else ())
            found.append(Mention(event, all_places, own, definite, Statement(start + first, start + last,
                                                                             text[first:last]), placed_after))
    return found, several


_SPEAKER = compiled(r"\b(?P<name>\p{Lu}[\p{L}'’-]+)\s+(?:said|says|told|added|wrote)\b"
                    r"|\b(?:Mr|Mrs|Ms|Dr|Miss)\.?\s+(?P<name2>\p{Lu}[\p{L}'’-]+)")


def people_in(source: str) -> frozenset[str]:
    """Names the article gives a person ("Hurley said", "Mr Hurley"): not places."""
    return frozenset(m.group("name") or m.group("name2") for m in _SPEAKER.finditer(source))


def _sentence_places(text: str) -> Iterator[Place]:
    """The places a sentence names after a preposition; after "on" only streets and roads
    ("on Pier Street", not "the attack on Mitt Romney")."""
    for match in _AFTER_PREPOSITION.finditer(text):
        place = _place(match.group("name"))
        if place and (not match.group("on") or place.level == "street"):
            yield Place(place.name, place.level, near=True) if match.group("near") else place


def containment(source: str) -> set[frozenset[str]]:
    """Pairs of places the article puts one in the other ("Harlow in Essex", "Essex's Harlow")."""
    pairs: set[frozenset[str]] = set()
    for match in _CONTAINED.finditer(source):
        inner = match.group("inner") or match.group("inner2") or match.group("inner3")
        outer = match.group("outer") or match.group("outer2") or match.group("outer3")
        a, b = _place(inner), _place(outer)
        if a and b:
            pairs.add(frozenset({a.name, b.name}))
    return pairs


def _is_place(place: Place, located: set[str]) -> bool:
    """A street, a venue or a country by its words, a name the article puts after "in" or
    "at", or one word of a real place name (two words may be a person: "the Casey Anthony
    trial")."""
    if place.level in ("street", "venue", "country") or place.name in located:
        return True
    return " " not in place.name and place.name.lower() in real_words()


def _words(place: Place) -> set[str]:
    """The words that tell a place from others ("Pier" of "Pier Street")."""
    return {w.lower() for w in place.name.split() if w not in STREET_WORDS and w not in VENUE_WORDS}


def _apart(a: Place, b: Place, contained: set[frozenset[str]]) -> bool:
    """Two places that cannot be one: one level, no word in common, neither put in the other."""
    if a.level != b.level or _words(a) & _words(b):
        return False
    return frozenset({a.name, b.name}) not in contained


def _only_as_own(place: Place, event: str, owns: Counter[tuple[str, Place]], source: str) -> bool:
    """The article names the place only as this event's own ("the Quay Street explosion"): a
    place it names elsewhere too ("in Manhattan, in the neighbourhood known as Chelsea") may
    be part of another, or the place of something else."""
    return source.count(place.name) <= owns[(event, place)]


def conflicts(mentions: list[Mention], several: set[str], source: str, people: frozenset[str]) -> Iterator[Conflict]:
    contained: set[frozenset[str]] | None = None
    located = {p.name for m in mentions for p in m.places if p != m.own}  # named after "in", "at" ...
    by_event: dict[str, list[Mention]] = {}
    flagged: set[str] = set()
    owns = Counter((m.event, m.own) for m in mentions if m.own)
    counted = 0  # places looked up in the whole article: a bound on the work
    for later in mentions:
        if later.event in several:
            continue
        earlier_ones = by_event.setdefault(later.event, [])
        own = later.own
        if own and later.definite and earlier_ones and own.name not in people \
                and (later.placed_after or _is_place(own, located)) \
                and own.name not in flagged and counted < _LOOKUPS:
            counted += 1
            if not _only_as_own(own, later.event, owns, source):
                own = None
        else:
            own = None
        if own:
            if contained is None:
                contained = containment(source)
            known = [p for m in earlier_ones for p in m.places]
            same_level = [p for p in known if p.level == own.level and not p.near]
            if same_level and all(_apart(p, own, contained) for p in same_level) \
                    and all(not (_words(p) & _words(own)) for p in known):
                earlier = next(m for m in earlier_ones if any(p in same_level for p in m.places))
                place = next(p for p in earlier.places if p in same_level)
                flagged.add(own.name)
                yield Conflict(earlier.statement, later.statement,
                               f"the {later.event} is placed in {place.name} and later in {own.name}")
                continue
        if len(earlier_ones) < 8:
            earlier_ones.append(later)
