"""A weekday that does not match its date: "Tuesday, March 3, 2015" (a Wednesday).

Reads a weekday next to a date, either order ("Tuesday, March 3", "March 3 (Tuesday)",
"Tuesday (March 3)", "March 3, 2015, a Tuesday", "Tuesday 3 March 2015"). A date without a
year takes the year that puts it nearest the article's published date; with neither, the
pair is left alone. A weekday beside "yesterday", "today" or "tomorrow" is read against the
published date ("yesterday, Friday" in a paper of Thursday).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from checker.kinds.contradiction import DIGIT, Conflict, Statement
from checker.kinds.contradiction.when import nearest_year
from checker.patterns.compiled import compiled
from checker.text.dates import MONTH_PATTERN, MONTHS, WEEKDAY_PATTERN, WEEKDAYS, full_names

_WEEKDAY = rf"(?P<weekday>{WEEKDAY_PATTERN})"
_DATE = (rf"(?:(?P<month>{MONTH_PATTERN})\.?\s+(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?(?![0-9]|:[0-9])"
         rf"|(?P<day2>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{MONTH_PATTERN})\b\.?)"
         rf"(?:,?\s+(?P<year>(?:1[89]|20)[0-9][0-9])\b)?")
#: What every weekday name the patterns read starts with ("Mon" in "Monday" and "Mon"): a
#: sentence holding none of these names no weekday.
WEEKDAY_STARTS = tuple(sorted({name[:3].capitalize() for name in WEEKDAYS}))
#: Names for messages, in English whatever the process's locale.
_MONTH_NAMES, _DAY_NAMES = full_names(MONTHS), full_names(WEEKDAYS)
PATTERNS = [
    compiled(rf"\b{_WEEKDAY}\.?,?\s+\(?(?:the\s+)?{_DATE}"),  # "Monday, March 3", "Monday (March 3)"
    compiled(rf"\b{_DATE},?\s+\(?(?:a\s+)?{_WEEKDAY}\b\)?"),  # "March 3 (Monday)", "March 3, a Monday"
]


#: A day named relative to the published date, with its weekday beside it ("yesterday, Friday,",
#: "today (Monday)"): the days from the published date to it.
RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
_RELATIVE = compiled(rf"\b(?P<relative>(?i:{'|'.join(RELATIVE_DAYS)})),?\s+\(?{_WEEKDAY}\b")
_QUOTE_MARKS = "\"“”"


def _relative_conflicts(text: str, start: int, published: dt.date) -> Iterator[Conflict]:
    """A weekday beside "yesterday", "today" or "tomorrow" that the published date contradicts
    ("published Thursday: ... yesterday, Friday, ..."). A sentence is read only up to its
    first quotation mark: in a quotation the speaker's today may not be the paper's."""
    for match in _RELATIVE.finditer(text):
        if any(mark in text[: match.start()] for mark in _QUOTE_MARKS):
            return
        weekday = WEEKDAYS.get(match.group("weekday").lower())
        if weekday is None:
            continue
        date = published + dt.timedelta(days=RELATIVE_DAYS[match.group("relative").lower()])
        if date.weekday() == weekday:
            continue
        (r_start, r_end), (w_start, w_end) = match.span("relative"), match.span("weekday")
        when = f"{_MONTH_NAMES[date.month - 1]} {date.day}, {date.year}"
        yield Conflict(
            Statement(start + r_start, start + r_end, text[r_start:r_end]),
            Statement(start + w_start, start + w_end, text[w_start:w_end]),
            f"by the published date, {match.group('relative').lower()} was {when}, a "
            f"{_DAY_NAMES[date.weekday()]}, not a {_DAY_NAMES[weekday]}",
        )


def _resolve(month: int, day: int, year: int | None, published: dt.date | None) -> dt.date | None:
    if year is None:
        return nearest_year(month, day, published)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def conflicts(source: str, sentences: Iterable[tuple[int, int]], published: dt.date | None) -> Iterator[Conflict]:
    for start, end in sentences:
        text = source[start:end]
        if published is not None:
            yield from _relative_conflicts(text, start, published)
        if DIGIT.search(text) is None:
            continue  # both date patterns need the day in digits
        seen: set[int] = set()
        for pattern in PATTERNS:
            for match in pattern.finditer(text):
                if match.start() in seen:
                    continue
                seen.add(match.start())
                month = MONTHS.get((match.group("month") or match.group("month2")).lower())
                day = int(match.group("day") or match.group("day2"))
                year = int(match.group("year")) if match.group("year") else None
                weekday = WEEKDAYS.get(match.group("weekday").lower())
                if month is None or weekday is None:
                    continue
                date = _resolve(month, day, year, published)
                if date is None or date.weekday() == weekday:
                    continue
                w_start, w_end = match.span("weekday")
                d_start = min(s for s in (match.start("month"), match.start("month2"), match.start("day"),
                                          match.start("day2")) if s >= 0)
                d_end = max(match.end("day"), match.end("day2"), match.end("month"), match.end("month2"),
                            match.end("year"))
                when = f"{_MONTH_NAMES[date.month - 1]} {date.day}, {date.year}"
                inferred = "" if year is not None else " (the year taken from the published date)"
                yield Conflict(
                    Statement(start + d_start, start + d_end, text[d_start:d_end]),
                    Statement(start + w_start, start + w_end, text[w_start:w_end]),
                    f"{when} was a {_DAY_NAMES[date.weekday()]}, not a {_DAY_NAMES[weekday]}{inferred}",
                )
