"""Dates as news writes them, read as the set of days they can stand for.

An absolute date ("March 3, 2015", "3 March", "Tuesday, March 3") is one day; without a
year it takes the year that puts it nearest the article's published date. A relative date
("yesterday", "on Tuesday", "last Wednesday", "three days ago") is read against the
published date, and is left unresolved without one. News uses a bare weekday both for the
past week and the coming one, and "last Wednesday" both for the latest Wednesday and the
one a week before, so those stand for two days each: two dates contradict each other only
when no day fits both.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from checker.kinds.contradiction.numbers import UNITS
from checker.patterns.compiled import compiled
from checker.text.dates import MONTH_PATTERN, MONTHS, WEEKDAY_PATTERN, WEEKDAYS, full_names

_YEAR = r"(?P<year>(?:1[89]|20)[0-9][0-9])"
_ABSOLUTE = (
    rf"(?:(?P<weekday>{WEEKDAY_PATTERN})\.?,?\s+(?:the\s+)?)?"
    rf"(?:(?P<month>{MONTH_PATTERN})\.?\s+(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?(?![0-9]|:[0-9])"
    rf"|(?P<day2>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{MONTH_PATTERN})\b\.?)"
    rf"(?:,?\s+{_YEAR}\b)?"
)

_SPACES = compiled(r"\s+")
_SMALL = "|".join(sorted((u for u in UNITS if u not in ("a", "an", "no", "zero")), key=len, reverse=True))
#: Relative weekdays only by their full names: "Sun" is a newspaper and "Wed" a verb.
_FULL_WEEKDAY = "|".join(full_names(WEEKDAYS))
_RELATIVE = (
    r"(?P<rel_day>(?i:yesterday|today|tonight))"
    rf"|(?:(?P<which>(?i:last|this|next|since|until|by))\s+)?(?P<rel_weekday>{_FULL_WEEKDAY})"
    rf"|(?P<count>[0-9]{{1,2}}|(?i:{_SMALL}|a))\s+(?P<unit>(?i:days?|weeks?))\s+(?P<dir>(?i:ago|earlier|before|later))"
)
#: Days known by name, each to its (month, day) choices: feasts and nights fixed in the
#: calendar, and the solstices of the northern hemisphere (June 20 or 21, December 21 or 22).
NAMED_DAYS: dict[str, tuple[tuple[int, int], ...]] = {
    "new year's day": ((1, 1),), "burns night": ((1, 25),), "valentine's day": ((2, 14),),
    "st patrick's day": ((3, 17),), "st. patrick's day": ((3, 17),), "halloween": ((10, 31),),
    "bonfire night": ((11, 5),), "guy fawkes night": ((11, 5),), "armistice day": ((11, 11),),
    "christmas eve": ((12, 24),), "christmas day": ((12, 25),), "boxing day": ((12, 26),),
    "new year's eve": ((12, 31),), "the longest day of the year": ((6, 20), (6, 21)),
    "the shortest day of the year": ((12, 21), (12, 22)), "the summer solstice": ((6, 20), (6, 21)),
    "the winter solstice": ((12, 21), (12, 22)),
}
_NAMED = "|".join(regex.escape(name).replace(r"\ ", r"\s+").replace("'", "['’]")
                  for name in sorted(NAMED_DAYS, key=len, reverse=True))
#: One date expression, absolute, named or relative (names case-sensitive: "may" is a verb).
DATE = compiled(rf"(?<![\p{{L}}\p{{N}}])(?:{_ABSOLUTE}|(?P<named>(?i:{_NAMED}))|{_RELATIVE})(?![\p{{L}}\p{{N}}])")


@dataclass(frozen=True)
class When:
    """A date expression: its span in the sentence, and the days it can stand for
    (None when it cannot be resolved: a relative date with no published date)."""

    start: int
    end: int
    text: str
    days: frozenset[dt.date] | None
    #: Anchored on another date of the article ("three days earlier"): not comparable alone.
    anchored: bool = False
    #: An absolute date as written: (month, day, year or None).
    calendar_day: tuple[int, int, int | None] | None = None

    def agrees(self, other: When) -> bool | None:
        """Whether some day fits both; None when either cannot be resolved."""
        if self.anchored or other.anchored:
            return None
        if self.days is not None and other.days is not None:
            return bool(self.days & other.days)
        if self.calendar_day and other.calendar_day:
            # No published date to place "March 3" in a year: compare the days as written.
            (m1, d1, y1), (m2, d2, y2) = self.calendar_day, other.calendar_day
            return (m1, d1) == (m2, d2) and (y1 is None or y2 is None or y1 == y2)
        return None


def nearest_year(month: int, day: int, published: dt.date | None) -> dt.date | None:
    """The day in the year that puts it nearest the published date (None without one)."""
    if published is None:
        return None
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(options, key=lambda d: abs((d - published).days)) if options else None


def _weekday_days(which: str, weekday: int, published: dt.date) -> frozenset[dt.date]:
    back = (published.weekday() - weekday) % 7  # days back to the latest such weekday (0: today)
    latest = published - dt.timedelta(days=back)
    coming = published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
    if which == "last":
        latest = latest if back else published - dt.timedelta(days=7)
        return frozenset({latest, latest - dt.timedelta(days=7)})
    if which == "next":
        return frozenset({coming, coming + dt.timedelta(days=7)})
    return frozenset({latest, coming})


def read(match: regex.Match, published: dt.date | None) -> When:
    """The days one DATE match stands for."""
    text = match.group(0)
    span = (match.start(), match.end())
    if match.group("month") or match.group("month2"):
        month = MONTHS[(match.group("month") or match.group("month2")).lower()]
        day = int(match.group("day") or match.group("day2"))
        if match.group("year"):
            try:
                date: dt.date | None = dt.date(int(match.group("year")), month, day)
            except ValueError:
                date = None
        else:
            date = nearest_year(month, day, published)
        year = int(match.group("year")) if match.group("year") else None
        return When(*span, text, frozenset({date}) if date else None, calendar_day=(month, day, year))
    if match.group("named"):
        name = _SPACES.sub(" ", match.group("named").lower()).replace("’", "'")
        choices = [nearest_year(month, day, published) for month, day in NAMED_DAYS[name]]
        days = frozenset(d for d in choices if d is not None)
        return When(*span, text, days or None)
    if published is None:
        return When(*span, text, None)
    if match.group("rel_day"):
        word = match.group("rel_day").lower()
        date = published - dt.timedelta(days=1) if word == "yesterday" else published
        return When(*span, text, frozenset({date}))
    if match.group("rel_weekday"):
        which = (match.group("which") or "").lower()
        if which in ("since", "until", "by"):
            return When(*span, text, None)  # a boundary, not the day itself
        weekday = WEEKDAYS[match.group("rel_weekday").lower()]
        return When(*span, text, _weekday_days(which, weekday, published))
    count_word = match.group("count").lower()
    count = 1 if count_word == "a" else int(count_word) if count_word.isdigit() else UNITS[count_word]
    days = count * (7 if match.group("unit").lower().startswith("week") else 1)
    direction = match.group("dir").lower()
    if direction == "ago":
        return When(*span, text, frozenset({published - dt.timedelta(days=days)}))
    return When(*span, text, None, anchored=True)  # "three days earlier": relative to another date
