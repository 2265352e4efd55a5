"""Parsing the dates news articles carry: ISO, RFC 2822, "Wed, February 14, 2018", "14 Feb. 2018"."""

from __future__ import annotations

import datetime as dt

from checker.patterns.compiled import compiled

MONTHS = {name: index for index, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")], start=1) for name in names}
WEEKDAYS = {name: index for index, names in enumerate(
    [("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thur", "thurs"),
     ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun")]) for name in names}



def _names_pattern(names: dict[str, int]) -> str:
    """Capitalised names, longest first ("September|Sept|Sep"): in running text a
    lower-case "may" or "sun" is a word, not a date."""
    return "|".join(name.capitalize() for name in sorted(names, key=len, reverse=True))


def full_names(names: dict[str, int]) -> list[str]:
    """The full, capitalised name for each index ("September", not "Sept"): independent of the
    process's locale, unlike ``calendar.month_name``."""
    longest: dict[int, str] = {}
    for name, index in names.items():
        if len(name) > len(longest.get(index, "")):
            longest[index] = name
    return [longest[index].capitalize() for index in sorted(longest)]


#: Patterns (no groups) for a month or weekday name as written in running text.
MONTH_PATTERN = _names_pattern(MONTHS)
WEEKDAY_PATTERN = _names_pattern(WEEKDAYS)

_ISO = compiled(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[T ][0-9:.]+(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?$")
_SLASH_YMD = compiled(r"^([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})$")
_SLASH_MDY = compiled(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")
_WORDS = compiled(
    r"^(?:(?P<weekday>[A-Za-z]+)\.?,?\s+)?"
    r"(?:(?P<month1>[A-Za-z]+)\.?\s+(?P<day1>[0-9]{1,2})(?:st|nd|rd|th)?,?|(?P<day2>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?P<month2>[A-Za-z]+)\.?,?)"
    r"\s+(?P<year>[0-9]{4})(?:\s+[0-9:]+.*)?$"
)


class DateProblem(ValueError):
    """The text is not a date, or names a day that does not exist."""


def _make(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as error:
        raise DateProblem(f"'{text}' cannot be a date ({error})") from None


def parse_date(text: str) -> dt.date:
    value = text.strip()
    for pattern in (_ISO, _SLASH_YMD):
        match = pattern.match(value)
        if match:
            return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)), value)
    match = _SLASH_MDY.match(value)
    if match:
        return _make(int(match.group(3)), int(match.group(1)), int(match.group(2)), value)
    match = _WORDS.match(value)
    if match:
        month_name = (match.group("month1") or match.group("month2")).lower()
        if month_name not in MONTHS:
            raise DateProblem(f"'{value}' cannot be parsed as a date (unknown month {month_name!r})")
        day = int(match.group("day1") or match.group("day2"))
        weekday = match.group("weekday")
        if weekday and weekday.lower() not in WEEKDAYS:
            raise DateProblem(f"'{value}' cannot be parsed as a date (unknown weekday {weekday!r})")
        return _make(int(match.group("year")), MONTHS[month_name], day, value)
    from email.utils import parsedate_to_datetime  # RFC 2822 dates are rare: imported when met

    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return parsed.date()
    raise DateProblem(f"'{value}' cannot be parsed as a date")
