"""Clock times as news writes them, read as intervals of minutes after midnight.

"8pm", "8 p.m.", "8.15pm", "20:15", "noon", "midnight"; a qualifier widens the time: "about
8pm" is 7.30pm to 8.30pm, "shortly after 10pm" 10pm to 10.45pm, "just before noon" 11.15am to
noon. A bare "after", "before", "by", "until" or "from" makes no point in time and is not read.
"""

from __future__ import annotations

import re

import regex

from checker.kinds.contradiction.numbers import Interval
from checker.patterns.compiled import compiled

_QUALIFIER = (r"(?P<qual>about|around|approximately|roughly|some\s+time\s+after|shortly\s+after|just\s+after|"
              r"soon\s+after|shortly\s+before|just\s+before|after|before|by|until|till|from|between|since)")
#: One clock time, with the qualifier before it if any.
CLOCK = compiled(
    rf"(?i)(?<![\p{{L}}\p{{N}}:.])(?:{_QUALIFIER}\s+)?"
    r"(?:(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5][0-9]))?\s*(?P<half>[ap](?:\.m\.|m\b))"
    r"|(?P<hour24>[01]?[0-9]|2[0-3]):(?P<minute24>[0-5][0-9])(?![0-9:])"
    r"|(?P<word>noon|midday|midnight))"
)
#: A time in digits, a quick test before CLOCK is tried (``re`` runs a pattern that starts with
#: one class of characters several times faster than ``regex``, and faster than an alternation).
_DIGIT_TIME = re.compile(r"[0-9](?:\s?[aApP]\.?[mM]|:[0-5][0-9])")
_WORD_TIMES = ("noon", "midday", "midnight", "Noon", "Midday", "Midnight", "NOON", "MIDDAY", "MIDNIGHT")


def may_hold_time(text: str, words: tuple[str, ...] = _WORD_TIMES) -> bool:
    """False when ``text`` holds no clock time CLOCK reads (a quick test, never a wrong False).
    ``words``: the words of times to look for, those of ``time_words(source)`` for a part of
    ``source``."""
    return _DIGIT_TIME.search(text) is not None or (bool(words) and any(word in text for word in words))


def time_words(source: str) -> tuple[str, ...]:
    """The words of times ("noon") ``source`` holds: no part of it holds another."""
    return tuple(word for word in _WORD_TIMES if word in source)


#: How far each qualifier widens a time, in minutes (before, after); the bare words are no point.
_WIDENING = {"about": (30, 30), "around": (30, 30), "approximately": (30, 30), "roughly": (30, 30),
             "shortly after": (0, 45), "just after": (0, 45), "soon after": (0, 60), "some time after": (0, 120),
             "shortly before": (45, 0), "just before": (45, 0)}
#: Every time is read to a few minutes: "8pm" may be 7.58pm.
_SLACK = 5


def minutes(match: regex.Match) -> Interval | None:
    """The minutes after midnight a CLOCK match stands for; None for a bound ("after 8pm")."""
    qualifier = " ".join((match.group("qual") or "").lower().split())
    if qualifier and qualifier not in _WIDENING:
        return None
    if match.group("word"):
        value = 12 * 60 if match.group("word").lower() in ("noon", "midday") else 0
    elif match.group("hour24"):
        value = int(match.group("hour24")) * 60 + int(match.group("minute24"))
    else:
        hour = int(match.group("hour")) % 12
        if match.group("half").lower().startswith("p"):
            hour += 12
        value = hour * 60 + int(match.group("minute") or 0)
    before, after = _WIDENING.get(qualifier, (0, 0))
    return Interval(value - before - _SLACK, value + after + _SLACK)
