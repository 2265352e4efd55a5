"""One person, two ages: "Smith, 54, said" ... "the 56-year-old Smith".

Ages are read from the forms news uses: "Name, 54,", "Name (54)", "Name, aged 54", and
"54-year-old [noun] Name". The person is known by the surname; when both mentions give a
first name too, the first names must agree. A sentence that places the age at another time
("in 1998", "at the time", "when he was", "turned") is left alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from checker.kinds.contradiction import DIGIT, Conflict, Searcher, Statement
from checker.kinds.contradiction.people import NOT_PEOPLE, TITLES
from checker.patterns.compiled import compiled

_NAME = r"(?P<name>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{L}'’-]+){0,2})"
_AGE = r"(?P<age>[0-9]{1,3})"
PATTERNS = [
    compiled(rf"{_NAME},\s+{_AGE},"),
    compiled(rf"{_NAME},\s+aged\s+{_AGE}\b"),
    compiled(rf"{_NAME}\s+\({_AGE}\)"),
    compiled(rf"\b{_AGE}-year-old\s+(?:[a-z][\p{{L}}-]*\s+){{0,3}}{_NAME}"),
]
_FULL_NAME = compiled(r"\b(\p{Lu}[\p{Ll}'’-]+)\s+(\p{Lu}[\p{L}'’-]+)")
_OPENER = compiled(r"[.!?\n][\"'“”‘’)]*\s*$")
_LOWER_WORD = compiled(r"(?<![\p{L}'’-])\p{Ll}[\p{Ll}'’-]*")


@dataclass(frozen=True)
class Age:
    surname: str
    first: str | None
    age: int
    statement: Statement
    sentence: tuple[int, int]


def ages_in(source: str, sentences: Iterable[tuple[int, int]], time_shift: Searcher) -> list[Age]:
    found: list[Age] = []
    for start, end in sentences:
        text = source[start:end]
        if DIGIT.search(text) is None or time_shift.search(text):
            continue  # every pattern has the age in digits; or the sentence moves in time
        seen: set[int] = set()
        for index, pattern in enumerate(PATTERNS):
            matches = list(pattern.finditer(text))
            if len(matches) > 1 and index != len(PATTERNS) - 1:
                continue  # "Ohio (18), Texas (38)": a list of figures, not of ages
            for match in matches:
                if match.start() in seen:
                    continue
                names = [n for n in match.group("name").split() if n.rstrip(".") not in NOT_PEOPLE]
                age = int(match.group("age"))
                if not names or not 0 < age < 120:
                    continue
                seen.add(match.start())
                surname = names[-1].replace("’", "'").removesuffix("'s")
                first = names[0] if len(names) > 1 else None
                statement = Statement(start + match.start(), start + match.end(), match.group(0))
                found.append(Age(surname, first, age, statement, (start, end)))
    found.sort(key=lambda a: a.statement.start)
    return found


def conflicts(ages: list[Age], source: str = "") -> Iterator[Conflict]:
    shared: set[str] | None = None  # read from the whole article only when a pair needs it
    for j, later in enumerate(ages):
        for earlier in ages[:j]:
            if earlier.surname != later.surname or earlier.age == later.age:
                continue
            if earlier.first and later.first and earlier.first != later.first:
                continue  # two people of one family
            if not earlier.first or not later.first:
                shared = _shared_surnames(source) if shared is None else shared
                if earlier.surname in shared:
                    continue  # "Peterson" alone, in an article about Drew and Stacy Peterson
            yield Conflict(earlier.statement, later.statement,
                           f"{later.surname} is {earlier.age} in '{earlier.statement.text}' "
                           f"but {later.age} in '{later.statement.text}'")
            break


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
