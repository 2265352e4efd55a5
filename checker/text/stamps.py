"""Lines that are a page's date and time stamp, read from what their words are, not from a
list of the stamps sites print.

A page shows when a story was posted or updated, how long ago that was and how long the story
takes to read: "Friday 9 August 2024 | Last updated 17:45", "Wed 11 Jan 2023 // 8 min read",
"5 hours ago", "Posted on 2016-10-08 at 17:22 GMT". Each site words it its own way, but the
line is always the same stuff: calendar and clock words (weekdays, months, day numbers,
years, times, time zones, units of time, "ago"), separators, and a label of a word or two.
A line is a stamp when it holds a time that cannot be anything else (a clock time, an amount
of time "ago" or to "read"), or such a date (a day and a month, a numeric date) with a
label (not a header field: "Published: 2024-03-02" opens a text file), and at most
``MAX_LABEL_WORDS`` other words, each of them a label's: a participle ("updated", "posted",
"filed", "written"), an adverb ("originally"), "last" or "first". Small words of a
stamp ("on", "at", "by", "the") are not counted. A sentence or a notice has other words:
"The vote is on May 3", "Doors open at 7pm", "Born 12 May 1931", "Last night at 11pm".
"""

from __future__ import annotations

from checker.patterns.compiled import compiled
from checker.text.dates import MONTHS, WEEKDAYS

#: Words of a stamp besides its calendar and clock words: its label ("Last updated", "Posted").
MAX_LABEL_WORDS = 2
#: The longest word a label holds ("Published", "Modified", "Originally").
MAX_LABEL_LENGTH = 12
#: The most words a stamp line has.
MAX_WORDS = 16

#: The month and weekday names and their abbreviations the date parser knows, longest first
#: (matched ignoring case: a stamp writes "SEPT" and "sept" alike).
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_UNIT = r"s(?:ec(?:ond)?s?)?|m(?:in(?:ute)?s?)?|h(?:(?:ou)?rs?)?|days?|w(?:ee)?ks?|mo(?:nth)?s?|y(?:(?:ea)?rs?)?"
_DAY = r"[0-3]?[0-9](?:st|nd|rd|th)?"

#: A date that is nothing else: a day with its month, a numeric date.
_DATE = compiled(
    rf"(?i)(?<![\p{{L}}\p{{N}}])(?:"
    rf"(?:{_MONTH})\.?\s+{_DAY}(?![\p{{L}}\p{{N}}])"
    rf"|{_DAY}\s+(?:of\s+)?(?:{_MONTH})\.?(?![\p{{L}}])"
    rf"|[0-9]{{1,2}}[/.][0-9]{{1,2}}[/.](?:[0-9]{{4}}|[0-9]{{2}})(?![\p{{N}}])"
    rf"|[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}"
    rf")"
)
#: A time that is nothing else: a clock time, an amount of time ago or to read.
_TIME = compiled(
    rf"(?i)(?<![\p{{L}}\p{{N}}])(?:"
    rf"[0-2]?[0-9]:[0-5][0-9](?:\s*[ap]\.?m\.?)?(?![\p{{N}}])"
    # "11.02 EDT", "9.15am": with a point, only before a time zone or "am"/"pm" (else a price).
    rf"|[0-2]?[0-9]\.[0-5][0-9](?=\s*(?:[ap]\.?m\.?(?![\p{{L}}])|(?-i:[A-Z]{{1,4}}T|UTC|GMT)\b))"
    rf"|[0-1]?[0-9]\s*[ap]\.?m\.?(?![\p{{L}}])"
    rf"|(?:[0-9]+|an?|one|a\s+few)\s*(?:{_UNIT})\.?\s+ago"
    rf"|[0-9]+\s*-?\s*(?:m(?:in(?:ute)?s?)?)\.?\s+(?:read|listen|watch)"
    rf")"
)
#: A word of a stamp that is not its label.
_STAMP_WORD = compiled(
    rf"(?i)(?:{_MONTH}|{_WEEKDAY})\.?|{_DAY}|[0-9]+(?:[:./-][0-9]+)*(?:\s*[ap]\.?m\.?)?|[ap]\.?m\.?"
    rf"|(?:{_UNIT})\.?|ago|today|yesterday|tonight|now|read|on|at|by|the|of|in|from|since"
    rf"|(?-i:[A-Z]{{1,4}}T|UTC|GMT|Z)"
)
_TOKEN = compiled(r"[\p{L}\p{N}][\p{L}\p{N}:./'’-]*(?<![.:/-])")
#: A word a stamp's label is made of: a participle, an adverb, or one of the few others.
_LABEL = compiled(r"(?i)\p{L}{2,}(?:ed|en|ly)|last|first")


#: A header field: a label and a colon at the start of the line.
_FIELD = compiled(r"\W{0,3}\p{L}+\s*:")
#: What every date or time of a stamp holds: a digit, or "ago" ("an hour ago").
_HINT = compiled(r"[0-9]|(?i:ago)")


def is_stamp(line: str) -> bool:
    """Whether ``line`` is only a date and time stamp: a time, or a date with its label. A
    bare date ("May 31, 2015") is not one here: a letter or a timeline heads its parts with
    one (``boilerplate-dateline`` reads those, more warily)."""
    if len(line) > 200 or _HINT.search(line) is None:
        return False
    timed = _TIME.search(line) is not None
    if not timed and _DATE.search(line) is None:
        return False
    tokens = _TOKEN.findall(line)
    if len(tokens) > MAX_WORDS:
        return False
    label = 0
    for token in tokens:
        if _STAMP_WORD.fullmatch(token) is not None:
            continue
        label += 1
        if label > MAX_LABEL_WORDS or len(token) > MAX_LABEL_LENGTH or _LABEL.fullmatch(token) is None:
            return False
    # "Published: 2024-03-02" with no time is a header field a text or Markdown file opens
    # with, the article's own metadata.
    return timed or (label > 0 and _FIELD.match(line) is None)


def has_date_or_time(line: str) -> bool:
    """Whether ``line`` holds a date or a time a stamp would (``is_stamp``'s, without the rest)."""
    return _HINT.search(line) is not None and (_TIME.search(line) is not None or _DATE.search(line) is not None)
