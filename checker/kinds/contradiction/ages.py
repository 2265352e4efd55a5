"""One person, two ages: "Smith, 54, said" ... "the 56-year-old Smith".

An age is a statement about a person: an interval of years at the published date (the day the
article speaks from). It is read from the forms news uses:

- a plain age: "Name, 54,", "Name (54)", "Name, aged 54", "54-year-old [noun] Name",
  "Name, who is 54,", "Name, now 54,";
- an age put at another time and brought to the published date: "born in 1961", "who turned
  45 in March", "her 100th birthday", "at the age of 22 in 2019";
- an age given loosely: "in his eighties", "in her early twenties", "a teenager".

The person is known by the surname; when both mentions give a first name too, the first names
must agree. Two forms name no one: the lede's subject ("A pensioner in his eighties has
grown ...", bound to the full name that opens a following sentence, "Harold Beckwith fed ...")
and a bare "the 22-year-old" with no noun after it, which takes up the one person the article
has aged so far. A plain age in a sentence that puts it at another time ("in 1998", "at the
time", "when he was") is left alone. Two plain ages conflict when they differ; an age that was
brought from another time or given loosely is an interval wide enough for a birthday to fall
anywhere in it, and conflicts only when the two intervals do not meet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from checker.kinds.contradiction import DIGIT, Conflict, Searcher, Statement
from checker.kinds.contradiction.people import NOT_PEOPLE, TITLES
from checker.patterns.compiled import compiled

_NAME = r"(?P<name>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{L}'’-]+){0,2})"
_AGE = r"(?P<age>[0-9]{1,3})"
#: Plain ages, bound to the name in the match.
PATTERNS = [
    compiled(rf"{_NAME},\s+(?:(?:still|only|just|barely)\s+){{0,2}}{_AGE},"),
    compiled(rf"{_NAME},\s+aged\s+{_AGE}\b"),
    compiled(rf"{_NAME}\s+\({_AGE}\)"),
    compiled(rf"\b{_AGE}-year-old\s+(?:[a-z][\p{{L}}-]*\s+){{0,3}}{_NAME}"),
]
#: A plain age in a relative clause or with "now": the present, whatever else the sentence dates.
_NOW = compiled(rf"{_NAME},\s+(?:who\s+is\s+(?:now\s+)?|now\s+(?:aged\s+)?){_AGE}(?=\s*[,.;]|\s+years\s+old)")
#: "the 22-year-old" with no noun or name after it: a person the article has already aged.
_ANAPHOR = compiled(rf"\b[Tt]he\s+{_AGE}-year-old(?=\s*[,.;:]|\s+(?:had|has|was|is|said|says|told|will|would|could|"
                    r"added|\p{Ll}+ed)\b)")
#: Ages put at another time, bound to the nearest name in the sentence.
_BIRTHDAY = compiled(r"\b(?P<age>[0-9]{1,3})(?:st|nd|rd|th)\s+birthday\b(?:\s+of\s+" + _NAME + ")?")
_TURNED = compiled(r"\b(?:turned|turns)\s+(?P<age>[0-9]{1,3})\b(?!\s*(?:%|per|percent|years?\s+(?:ago|since)))")
_BORN = compiled(r"\b[Bb]orn\s+(?:on\s+|in\s+)?(?:\p{Lu}\p{Ll}+\s+(?:[0-9]{1,2},?\s+)?|[0-9]{1,2}\s+\p{Lu}\p{Ll}+\s+)?"
                 r"(?:in\s+)?(?P<year>(?:18|19|20)[0-9]{2})\b")
_AT_AGE = compiled(r"\bat\s+the\s+age\s+of\s+(?P<age>[0-9]{1,3})\b")
_YEAR = compiled(r"\bin\s+(?P<year>(?:19|20)[0-9]{2})\b")
#: Loose ages.
_DECADE = compiled(r"\bin\s+(?:his|her|their)\s+(?:(?P<part>early|mid|late)[\s-]*)?"
                   r"(?P<decade>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|[2-9]0s)\b")
_TEEN = compiled(r"\b(?:[Aa]|[Tt]he)\s+teenager\b|\b[Tt]eenage\s+\p{Ll}+")
#: A sentence's first full name: the person a lede without a name goes on to name.
_OPENING_NAME = compiled(r"^[\"“‘']?(\p{Lu}[\p{Ll}'’-]+)\s+(\p{Lu}[\p{L}'’-]+)\b")
#: A lede's unnamed subject: "A pensioner", "LONDON — A retired miner", up to three words.
_LEDE_OPENING = r"^[\"“‘']?(?:[A-Z\s,.—–-]{0,40}[—–-]\s+)?(?:An?)\s+(?:[\p{Ll}-]+\s+){0,3}?"
_LEDE_SUBJECT = compiled(_LEDE_OPENING + r"(?:in\s+(?:his|her|their)|teenager|born\s|aged\s+[0-9])")
#: A plain age of a lede's unnamed subject: "A man aged 61 has been ...".
_LEDE_AGED = compiled(_LEDE_OPENING + rf"(?P<phrase>aged\s+{_AGE})\b")
_FULL_NAME = compiled(r"\b(\p{Lu}[\p{Ll}'’-]+)\s+(\p{Lu}[\p{L}'’-]+)")
#: A run of capitalised words ("Founder Lena Hoffmann"): its last word is the surname.
_NAME_RUN = compiled(r"\b\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)+")
#: One capitalised word and a comma: a surname alone ("Ortega, who celebrated ...").
_SURNAME_COMMA = compiled(r"\b(\p{Lu}[\p{Ll}'’-]+),\s")
_OPENER = compiled(r"[.!?\n][\"'“”‘’)]*\s*$")
_LOWER_WORD = compiled(r"(?<![\p{L}'’-])\p{Ll}[\p{Ll}'’-]*")
_DECADES = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
            "eighties": 80, "nineties": 90}
_PARTS = {None: (0, 9), "early": (0, 3), "mid": (3, 6), "late": (6, 9)}
#: The protagonist of a lede with no name: a stand-in surname no real name can take.
LEDE = "(the lede's subject)"
#: Texts one of which every match of a pattern holds, as written (the patterns are
#: case-sensitive): a sentence holding none is not searched with it, which could find nothing
#: there. Most sentences hold none, and a substring test costs far less than a search.
NEEDS: dict[regex.Pattern, tuple[str, ...]] = {
    PATTERNS[0]: tuple(f"{digit}," for digit in "0123456789"),  # "Name, 54,"
    PATTERNS[1]: ("aged",), PATTERNS[2]: ("(",), PATTERNS[3]: ("-year-old",),
    _NOW: ("now", "who"), _ANAPHOR: ("-year-old",), _LEDE_AGED: ("aged",),
    _DECADE: ("ties", "0s"),  # "in his sixties", "in her 60s": the decades end so
    _TEEN: ("eenage",),
}


def _may_match(pattern: regex.Pattern, text: str) -> bool:
    """False when ``pattern`` finds nothing in ``text`` (it holds none of the pattern's NEEDS)."""
    return any(map(text.__contains__, NEEDS[pattern]))


def _may_be_loose(text: str) -> bool:
    """``_may_match`` for _DECADE or _TEEN, written out: asked of every sentence."""
    return "ties" in text or "0s" in text or "eenage" in text


@dataclass(frozen=True)
class Age:
    surname: str | None
    first: str | None
    low: int
    high: int
    statement: Statement
    sentence: tuple[int, int]
    #: A plain age, read as written; otherwise brought from another time or given loosely.
    plain: bool = True
    #: "the 22-year-old": takes up the one person aged before it.
    anaphor: bool = False

    @property
    def age(self) -> int:
        return self.low


def ages_in(source: str, sentences: Iterable[tuple[int, int]], time_shift: Searcher,
            published: dt.date | None = None, body: tuple[int, int] | None = None) -> list[Age]:
    """The ages the sentences state, in their order. ``published``: the date ages are brought
    to; ``body``: where the body's first two paragraphs lie (a lede with no name is bound to a
    full name opening a sentence there)."""
    found: list[Age] = []
    sentences = list(sentences)
    for start, end in sentences:
        text = source[start:end]
        may_be_loose = _may_be_loose(text)
        if DIGIT.search(text) is None:
            if may_be_loose:
                found.extend(_loose(text, start, end))
            continue
        # The rule's time shift is looked for only where a plain age is (its search costs more).
        plain = list(_plain(text, start, end))
        if plain and time_shift.search(text) is not None:
            plain = []
        lede = _LEDE_AGED.search(text) if _may_match(_LEDE_AGED, text) else None
        if lede is not None and 0 < int(lede.group("age")) < 120:
            age = int(lede.group("age"))
            statement = Statement(start + lede.start("phrase"), start + lede.end("phrase"), lede.group("phrase"))
            plain.append(Age(LEDE, None, age, age, statement, (start, end)))
        found.extend(plain)
        if _may_match(_NOW, text):
            found.extend(_now(text, start, end, plain))
        if _may_match(_ANAPHOR, text):
            found.extend(_anaphors(text, start, end))
        if published is not None:
            found.extend(_brought(text, start, end, published.year))
        if may_be_loose:
            found.extend(_loose(text, start, end))
    found.sort(key=lambda a: a.statement.start)
    return _bind_lede(found, source, sentences, body)


def _person(names: str) -> tuple[str, str | None] | None:
    words = [n for n in names.split() if n.rstrip(".") not in NOT_PEOPLE and n not in TITLES]
    if not words:
        return None
    surname = words[-1].replace("’", "'").removesuffix("'s")
    return surname, (words[0] if len(words) > 1 else None)


def _plain(text: str, start: int, end: int) -> Iterator[Age]:
    seen: set[int] = set()
    for pattern in PATTERNS:
        matches = list(pattern.finditer(text)) if _may_match(pattern, text) else []
        if len(matches) > 1 and pattern is not PATTERNS[-1]:
            continue  # "Ohio (18), Texas (38)": a list of figures, not of ages
        for match in matches:
            person = _person(match.group("name"))
            age = int(match.group("age"))
            if match.start() in seen or person is None or not 0 < age < 120:
                continue
            seen.add(match.start())
            statement = Statement(start + match.start(), start + match.end(), match.group(0))
            yield Age(person[0], person[1], age, age, statement, (start, end))


def _now(text: str, start: int, end: int, plain: list[Age]) -> Iterator[Age]:
    """``plain``: the sentence's plain ages already read (a "Name, 54," is not read twice)."""
    taken = {a.statement.start for a in plain}
    for match in _NOW.finditer(text):
        person = _person(match.group("name"))
        age = int(match.group("age"))
        if person is None or not 0 < age < 120 or start + match.start() in taken:
            continue
        statement = Statement(start + match.start(), start + match.end(), match.group(0))
        yield Age(person[0], person[1], age, age, statement, (start, end))


def _anaphors(text: str, start: int, end: int) -> Iterator[Age]:
    for match in _ANAPHOR.finditer(text):
        age = int(match.group("age"))
        if 0 < age < 120:
            statement = Statement(start + match.start(), start + match.end(), match.group(0))
            yield Age(None, None, age, age, statement, (start, end), anaphor=True)


def _brought(text: str, start: int, end: int, year: int) -> Iterator[Age]:
    """Ages put at another time, brought to the published year."""
    for match in _BIRTHDAY.finditer(text):
        age = int(match.group("age"))
        named = _person(match.group("name")) if match.group("name") else _nearest(text, match.start())
        if named and 0 < age < 120:
            yield _loose_age(named, age - 1, age, text, start, end, match.start(), match.end())
    for match in _TURNED.finditer(text):
        age = int(match.group("age"))
        named = _nearest(text, match.start())
        if named and 0 < age < 120:
            yield _loose_age(named, age - 1, age, text, start, end, match.start(), match.end())
    for match in _BORN.finditer(text):
        born = int(match.group("year"))
        # "A retired miner born in 1958 ...": the lede's unnamed subject (see ``_bind_lede``).
        named = _nearest(text, match.start()) or (LEDE, None)
        if named and 0 <= year - born < 120:
            yield _loose_age(named, year - born - 1, year - born, text, start, end, match.start(), match.end())
    at_age = _AT_AGE.search(text)
    then = _YEAR.search(text)
    if at_age is not None and then is not None:
        age, gap = int(at_age.group("age")), year - int(then.group("year"))
        named = _nearest(text, at_age.start())
        if named and 0 < age < 120 and gap >= 0:
            first, last = min(at_age.start(), then.start()), max(at_age.end(), then.end())
            yield _loose_age(named, age + gap - 1, age + gap + 1, text, start, end, first, last)


def _loose(text: str, start: int, end: int) -> Iterator[Age]:
    for match in _DECADE.finditer(text) if _may_match(_DECADE, text) else ():
        decade = match.group("decade")
        base = _DECADES.get(decade) or int(decade[0]) * 10
        low, high = _PARTS[match.group("part")]
        named = _nearest(text, match.start()) or (LEDE, None)
        yield _loose_age(named, base + low, base + high, text, start, end, match.start(), match.end())
    for match in _TEEN.finditer(text) if _may_match(_TEEN, text) else ():
        named = _nearest(text, match.start(), after=True) or (LEDE, None)
        yield _loose_age(named, 13, 19, text, start, end, match.start(), match.end())


def _loose_age(named: tuple[str, str | None], low: int, high: int, text: str, start: int, end: int,
               first: int, last: int) -> Age:
    statement = Statement(start + first, start + last, text[first:last])
    return Age(named[0], named[1], low, high, statement, (start, end), plain=False)


def _nearest(text: str, at: int, after: bool = False) -> tuple[str, str | None] | None:
    """The person of an age phrase at ``at``: the last full name or "Name," before it in the
    sentence, else (``after``, or a sentence that opens with the phrase) the first one after."""
    before = [m for m in _NAME_RUN.finditer(text, 0, at) if _person(m.group(0))]
    if before and not after:
        return _person(before[-1].group(0))
    following = next((m for m in _NAME_RUN.finditer(text, at) if _person(m.group(0))), None)
    if following is not None and (after or not text[:at].strip(" \"“‘'")):
        return _person(following.group(0))
    single = _SURNAME_COMMA.search(text, 0, at)
    if single is not None and not after and single.group(1) not in NOT_PEOPLE:
        return _person(single.group(1))
    return None


def _bind_lede(found: list[Age], source: str, sentences: list[tuple[int, int]],
               body: tuple[int, int] | None) -> list[Age]:
    """Ages of the lede's unnamed subject, given to the full name that opens a sentence of the
    body's first two paragraphs; left unbound (their own person) when none does."""
    if not any(a.surname == LEDE for a in found):
        return found
    lede = next(((s, e) for s, e in sentences if body is None or s >= body[0]), None)
    if lede is None or _LEDE_SUBJECT.search(source[lede[0]:lede[1]]) is None:
        return [a for a in found if a.surname != LEDE]
    bound: tuple[str, str | None] | None = None
    for start, end in sentences:
        if start <= lede[0] or (body is not None and start >= body[1]):
            continue
        opening = _OPENING_NAME.search(source[start:end])
        if opening is not None and _person(opening.group(0)):
            bound = _person(opening.group(0))
            break
    kept = []
    for age in found:
        if age.surname == LEDE:
            if age.sentence != lede:
                continue  # a loose age elsewhere with no name: nobody to pin it on
            if bound is not None:
                age = Age(bound[0], None, age.low, age.high, age.statement, age.sentence, plain=False)
        kept.append(age)
    return kept


#: The earlier ages of one person a later one is held against (a results table names some
#: people many times; the first few mentions say what the article holds).
_EARLIER = 8


def conflicts(ages: list[Age], source: str = "") -> Iterator[Conflict]:
    shared: set[str] | None = None  # read from the whole article only when a pair needs it
    by_person: dict[str, list[Age]] = {}
    aged: set[str] = set()  # the people aged so far (``ages`` is in the article's order)
    for later in ages:
        if later.anaphor:
            if len(aged) != 1:
                continue  # "the 22-year-old" takes up one person aged before it, or nobody
            (surname,) = aged
            later = Age(surname, None, later.low, later.high, later.statement, later.sentence, plain=True)
        else:
            assert later.surname is not None
            aged.add(later.surname)
        assert later.surname is not None
        earlier_ones = by_person.setdefault(later.surname, [])
        for earlier in earlier_ones:
            if not _apart(earlier, later):
                continue
            if earlier.first and later.first and earlier.first != later.first:
                continue  # two people of one family
            if later.surname != LEDE and (not earlier.first or not later.first):
                shared = _shared_surnames(source) if shared is None else shared
                if later.surname in shared:
                    continue  # "Peterson" alone, in an article about Drew and Stacy Peterson
            who = "The person" if later.surname == LEDE else later.surname
            yield Conflict(earlier.statement, later.statement,
                           f"{who} is {_years(earlier)} in '{earlier.statement.text}' "
                           f"but {_years(later)} in '{later.statement.text}'")
            break
        if len(earlier_ones) < _EARLIER:
            earlier_ones.append(later)


def _apart(earlier: Age, later: Age) -> bool:
    """Two ages of one person that cannot both hold: two plain ages that differ, or two
    intervals that do not meet (an age brought from another time already spans the year a
    birthday may fall in)."""
    if earlier.plain and later.plain:
        return earlier.low != later.low
    return later.low > earlier.high or earlier.low > later.high


def _years(age: Age) -> str:
    if age.low == age.high:
        return str(age.low)
    return f"{max(age.low, 0)} to {age.high}"


def _shared_surnames(source: str) -> set[str]:
    """Surnames the article gives to more than one first name.

    A title ("President Obama") is no first name, nor is a capitalised word that the
    article also uses in lower case and that only comes before the surname at the start of
    a sentence ("When Obama", "Said Obama"); "the bill" does not make "Bill Clinton" a
    sentence opener, since he is also named mid-sentence."""
    lower = {m.group(0) for m in _LOWER_WORD.finditer(source)}
    firsts: dict[str, dict[str, bool]] = {}  # surname -> first name -> seen mid-sentence
    for match in _FULL_NAME.finditer(source):
        first, last = match.group(1), match.group(2).replace("’", "'").removesuffix("'s")
        if first in NOT_PEOPLE or first in TITLES:
            continue
        before = source[max(0, match.start() - 4): match.start()]
        opener = _OPENER.search(before) is not None or (match.start() < 4 and not before.strip())
        names = firsts.setdefault(last, {})
        names[first] = names.get(first, False) or not opener
    return {last for last, names in firsts.items()
            if sum(1 for first, middle in names.items() if middle or first.lower() not in lower) > 1}
