"""Dates as news writes them, read as the set of days they can stand for.

An absolute date ("March 3, 2015", "3 March", "Tuesday, March 3") is one day; without a
year it takes the year that puts it nearest the article's published date. A relative date
("yesterday", "on Tuesday", "last Wednesday", "three days ago") is read against the
published date, and is left unresolved without one. News uses a bare weekday both for the
past week and the coming one, and "last Wednesday" both for the latest Wednesday and the
one a week before, so those stand for two days each: two dates contradict each other only
when no day fits both. A weekday by its place in a month ("the first Saturday of October",
"the last Friday of the month") is one day; a weekend ("the last weekend of October", "last
weekend", "this weekend") stands for every day each reading of it gives; "a fortnight ago" is
fourteen days back.
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
#: "the first Saturday of March", "the last Friday of the month": a weekday by its place in a
#: month, named or told from the published date ("the month", "this month", "last month").
_NTH_WEEKDAY = (r"(?:(?i:the)\s+)?(?P<nth>(?i:first|second|third|fourth|last))\s+"
                rf"(?P<nth_weekday>{_FULL_WEEKDAY})\s+(?i:of|in)\s+"
                rf"(?:(?P<nth_month>{MONTH_PATTERN})|(?P<nth_rel>(?i:the|this|last|next))\s+(?i:month))")
#: A weekend: "the last weekend of October", "last weekend", "this weekend", "the weekend".
_WEEKEND = (rf"(?:(?i:the)\s+)?(?P<wk_nth>(?i:first|last))\s+(?i:weekend)\s+(?i:of|in)\s+(?P<wk_month>{MONTH_PATTERN})"
            r"|(?P<wk_which>(?i:last|this|next|the))\s+(?i:weekend)")
_RELATIVE = (
    r"(?P<rel_day>(?i:yesterday|today|tonight))"
    rf"|{_NTH_WEEKDAY}|{_WEEKEND}"
    rf"|(?:(?P<which>(?i:last|this|next|since|until|by))\s+)?(?P<rel_weekday>{_FULL_WEEKDAY})"
    rf"|(?P<count>[0-9]{{1,2}}|(?i:{_SMALL}|a))\s+(?P<unit>(?i:days?|weeks?|fortnights?))\s+"
    r"(?P<dir>(?i:ago|earlier|before|later))"
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


def _month_of(name: str | None, relative: str | None, published: dt.date | None) -> tuple[int, int] | None:
    """(year, month) of a month named ("March": the one nearest the published date) or told from
    the published date ("the month", "this month", "last month", "next month")."""
    if published is None:
        return None
    if name is not None:
        month = MONTHS[name.lower()]
        nearest = nearest_year(month, 15, published)
        return (nearest.year, month) if nearest else None
    shift = {"last": -1, "next": 1}.get((relative or "").lower(), 0)
    index = published.year * 12 + published.month - 1 + shift
    return index // 12, index % 12 + 1


def _weekdays_in(year: int, month: int, weekday: int) -> list[dt.date]:
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
    found = []
    while day.month == month:
        found.append(day)
        day += dt.timedelta(days=7)
    return found


_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": -1}
_SATURDAY, _SUNDAY = 5, 6


def _weekend(match: regex.Match, published: dt.date | None) -> frozenset[dt.date] | None:
    """The days a weekend stands for, every reading included: "the last weekend of October" is
    its last Saturday and the Sunday after, or its last Sunday and the Saturday before; "last
    weekend" the latest weekend before the published day or the one before it; "this weekend"
    and "the weekend" the latest or the coming one; "next weekend" the coming one or the next."""
    if match.group("wk_nth"):
        place = _month_of(match.group("wk_month"), None, published)
        if place is None:
            return None
        saturdays, sundays = _weekdays_in(*place, _SATURDAY), _weekdays_in(*place, _SUNDAY)
        index = _ORDINALS[match.group("wk_nth").lower()]
        saturday, sunday = saturdays[index], sundays[index]
        return frozenset({saturday, saturday + dt.timedelta(days=1), sunday, sunday - dt.timedelta(days=1)})
    if published is None:
        return None
    which = match.group("wk_which").lower()
    latest = published - dt.timedelta(days=(published.weekday() - _SATURDAY) % 7)  # the latest Saturday
    if latest == published and which == "last":
        latest -= dt.timedelta(days=7)
    weeks = {"last": (0, -1), "next": (1, 2)}.get(which, (0, 1))
    saturdays = [latest + dt.timedelta(days=7 * week) for week in weeks]
    return frozenset(day + dt.timedelta(days=extra) for day in saturdays for extra in (0, 1))


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
    if match.group("nth"):
        place = _month_of(match.group("nth_month"), match.group("nth_rel"), published)
        if place is None:
            return When(*span, text, None)
        days = _weekdays_in(*place, WEEKDAYS[match.group("nth_weekday").lower()])
        return When(*span, text, frozenset({days[_ORDINALS[match.group("nth").lower()]]}))
    if match.group("wk_nth") or match.group("wk_which"):
        return When(*span, text, _weekend(match, published))
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
    unit = match.group("unit").lower()
    days = count * (14 if unit.startswith("fortnight") else 7 if unit.startswith("week") else 1)
    direction = match.group("dir").lower()
    if direction == "ago":
        return When(*span, text, frozenset({published - dt.timedelta(days=days)}))
    return When(*span, text, None, anchored=True)  # "three days earlier": relative to another date
