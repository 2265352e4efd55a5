"""Quantities as news writes them, read as intervals of possible values.

"12" is exactly 12; "about 250" is 225 to 275; "more than 200" is 201 and up; "a dozen" is
12; "dozens" is 24 to 199; "nearly 50" is 42 to 50. Two statements can only contradict
each other when their intervals do not overlap, so "more than 200" and "about 250" agree
while "more than 200" and "fewer than 100" do not.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import regex

from checker.patterns.compiled import compiled

#: Runs of white space, or of white space and hyphens between number words.
_SPACES = compiled(r"\s+")
_SPACE_OR_HYPHEN = compiled(r"[\s-]+")

UNITS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "k": 1_000, "m": 1_000_000, "bn": 1_000_000_000}
#: Vague plurals: "dozens of", "hundreds of".
VAGUE = {"dozens": (24, 199), "scores": (40, 199), "hundreds": (200, 1_999), "thousands": (2_000, 19_999),
         "millions": (2_000_000, 1_999_999_999), "several": (3, 9), "a few": (2, 5), "a handful": (2, 6),
         "several hundred": (200, 999), "a few hundred": (200, 500), "several thousand": (2_000, 9_999),
         "a few thousand": (2_000, 5_000), "a dozen": (12, 12), "half a dozen": (6, 6), "a couple": (2, 2),
         "a couple of": (2, 2)}

#: The words a quantity is written with when not in digits ("twenty", "hundred", "dozens",
#: "handful"): every match of ``QUANTITY`` without a digit holds one as a whole word. Read off
#: the tables above, so that the users of this set and the pattern cannot drift apart.
NUMBER_WORDS = frozenset({
    *(unit for unit in UNITS if unit not in ("a", "an", "no")), *TENS,
    *(scale for scale in SCALES if len(scale) > 2),  # not "k", "m", "bn", which follow digits
    *(word for phrase in VAGUE for word in phrase.split() if word not in ("a", "of", "half")),
})
_UNIT_WORDS = "|".join(sorted((u for u in UNITS if u not in ("a", "an", "no")), key=len, reverse=True))
_TENS_WORDS = "|".join(TENS)
_SCALE_WORDS = "hundred|thousand|million|billion|trillion"
_WORD_NUMBER = (
    rf"(?:(?:{_TENS_WORDS})(?:[- ](?:{_UNIT_WORDS}))?|(?:{_UNIT_WORDS}))"
    rf"(?:\s+(?:{_SCALE_WORDS})(?:\s+(?:and\s+)?(?:(?:{_TENS_WORDS})(?:[- ](?:{_UNIT_WORDS}))?|(?:{_UNIT_WORDS})))?)*"
)
# ASCII digits only, here and in every pattern whose digits are read as numbers: the regex module's
# \d knows digits of scripts newer than Python's own tables, which int() and float() refuse.
_DIGITS = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_QUALIFIER = (
    r"(?:more\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of|no\s+fewer\s+than|no\s+less\s+than"
    r"|fewer\s+than|less\s+than|under|at\s+most|up\s+to|no\s+more\s+than"
    r"|about|around|approximately|roughly|some|nearly|almost|close\s+to|an\s+estimated|estimated|just\s+over"
    r"|just\s+under)"
)
#: The most words a quantity or a range has before its first number word or digit: a
#: qualifier's ("no fewer than") and then "half a" ("between" for a range).
WORDS_BEFORE_NUMBER = max(len(words.split(r"\s+")) for words in _QUALIFIER[3:-1].split("|")) + 2
#: A quantity: optional qualifier, then digits (with a scale word) or words, or a vague plural.
QUANTITY = compiled(
    rf"(?i)(?<![\p{{L}}\p{{N}}_$£€.,-])(?:(?P<qual>{_QUALIFIER})\s+)?(?P<cur>[$£€])?"
    rf"(?:(?P<num>{_DIGITS})(?:\s*(?P<scale>{_SCALE_WORDS}|bn|k|m)\b)?"
    rf"|(?P<vague>(?:several|a\s+few)\s+(?:hundred|thousand)|half\s+a\s+dozen|a\s+dozen|dozens|scores|hundreds|thousands|millions|several|a\s+few"
    rf"|a\s+handful|a\s+couple(?:\s+of)?)|(?P<words>an?\s+(?:{_SCALE_WORDS})|{_WORD_NUMBER}))"
    rf"(?![\p{{L}}\p{{N}}_]|[.,][0-9])"
)


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    @property
    def exact(self) -> bool:
        return self.low == self.high


def words_value(text: str) -> float | None:
    """The value of a number written in words: "twenty-one", "two hundred and five", "a dozen"."""
    total = 0.0
    current = 0.0
    seen = False
    for token in _SPACE_OR_HYPHEN.split(text.lower().strip()):
        if token in ("", "and"):
            continue
        if token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token in SCALES:
            scale = SCALES[token]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def digits_value(text: str, scale: str | None) -> float:
    value = float(text.replace(",", ""))
    if scale:
        value *= SCALES[scale.lower()]
    return value


def extra_quantity_pattern(words: list[str]) -> regex.Pattern | None:
    """A pattern like QUANTITY (same groups) for a rule's own number words ("a score",
    "a gross"), whose values ``interval`` takes from the rule's table."""
    if not words:
        return None
    body = "|".join(regex.sub(r"\\ ", r"\\s+", regex.escape(w)) for w in sorted(words, key=len, reverse=True))
    never = "(?!x)x"
    return regex.compile(
        rf"(?i)(?<![\p{{L}}\p{{N}}_$£€.,-])(?:(?P<qual>{_QUALIFIER})\s+)?(?P<cur>{never})?(?P<num>{never})?"
        rf"(?P<scale>{never})?(?P<vague>{never})?(?P<words>{body})(?![\p{{L}}\p{{N}}_])"
    )


def interval(match: regex.Match, extra: dict[str, Interval] | None = None) -> Interval | None:
    """The interval a QUANTITY match stands for, or None when it is no count. ``extra``
    holds a rule's own number words (lower case, single spaces) and their values."""
    if extra and match.group("words"):
        value = extra.get(" ".join(match.group("words").lower().split()))
        if value is not None:
            return qualify_interval(value, match.group("qual"))
    vague = match.group("vague")
    if vague:
        low, high = VAGUE[_SPACES.sub(" ", vague.lower())]
        return Interval(low, high)
    if match.group("num"):
        value = digits_value(match.group("num"), match.group("scale"))
    else:
        found = words_value(match.group("words"))
        if found is None:
            return None
        value = found
    return qualify(value, match.group("qual"))


def qualify(value: float, qualifier: str | None) -> Interval:
    q = _SPACES.sub(" ", qualifier.lower()) if qualifier else ""
    if q in ("more than", "over", "upwards of", "in excess of", "just over"):
        return Interval(_next_up(value), math.inf)
    if q in ("at least", "no fewer than", "no less than"):
        return Interval(value, math.inf)
    if q in ("fewer than", "less than", "under", "just under"):
        return Interval(0, _next_down(value))
    if q in ("at most", "up to", "no more than"):
        return Interval(0, value)
    if q in ("nearly", "almost", "close to"):
        return Interval(value * 0.85, value)
    if q:  # about, around, some, an estimated ...
        return Interval(value * 0.85, value * 1.15)
    if value >= 100 and value % 100 == 0:
        # Round figures are usually rounded: "200" may stand for 195.
        return Interval(value * 0.9, value * 1.1)
    return Interval(value, value)


def qualify_interval(value: Interval, qualifier: str | None) -> Interval:
    """An interval with a qualifier: "about a score" is about 20; "more than a gross" is 145 and up."""
    if value.exact:
        return qualify(value.low, qualifier)
    return value if not qualifier else Interval(qualify(value.low, qualifier).low, qualify(value.high, qualifier).high)


def _next_up(value: float) -> float:
    return value + 1 if value == int(value) else value


def _next_down(value: float) -> float:
    return value - 1 if value == int(value) else value


def describe(match: regex.Match) -> str:
    return match.group(0)


_BOUND = rf"(?:{_DIGITS}|{_WORD_NUMBER})"
#: A range: "between 10 and 20", "10 to 12", "10-12" (not a score or a date: both ends plain numbers).
RANGE = compiled(
    rf"(?i)(?<![\p{{L}}\p{{N}}_$£€.,-])(?:between\s+(?P<a>{_BOUND})\s+and\s+(?P<b>{_BOUND})"
    rf"|(?P<c>{_BOUND})\s*(?:to|–|-)\s*(?P<d>{_BOUND}))(?![\p{{L}}\p{{N}}_]|[.,][0-9])"
)


def range_interval(match: regex.Match) -> Interval | None:
    """The interval of a RANGE match, or None when its ends are not increasing."""
    ends = []
    for name in (("a", "b") if match.group("a") else ("c", "d")):
        text = match.group(name)
        value = words_value(text) if text[0].isalpha() else digits_value(text, None)
        if value is None:
            return None
        ends.append(value)
    low, high = ends
    return Interval(low, high) if low < high else None
