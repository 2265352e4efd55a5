"""A rule's compiled patterns under its time limit, and the fastest way to ask each one whether
it matches.

A team's pattern can take exponential time on some text ("(a+)+$"). Given ``timeout``, the
``regex`` module stops a search with a ``TimeoutError``; here that becomes a ``RuleTimeout``
naming the rule and the pattern, which the engine reports before it skips the rule for that
file. The keyword has a cost (even as None, it is a clock reading per search and per match,
more than a short search), so a ``TimedPattern`` binds its methods once per limit: with no
limit they are the compiled pattern's own methods, and the hot path pays nothing.

What a pattern's text shows (``syntax``) is read once, when it is compiled: a pattern that
must match at the start of the text is tried only there, one that must end at the end is
searched backwards from there (``reverse``), and a repeated character class cannot match more
often than every other character. Rule kinds ask (``find``, ``shortest_holding``); they do not
work these out themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import regex

from checker.patterns.reverse import reverse_search
from checker.patterns.syntax import anchored_at_end, anchored_at_start, repeated_class

#: Seconds one pattern may spend on one text before the rule is stopped.
DEFAULT_REGEX_TIMEOUT = 2.0


class RuleTimeout(Exception):
    """A rule's pattern ran past its time limit."""

    def __init__(self, rule_id: str, pattern: str) -> None:
        self.rule_id = rule_id
        self.pattern = pattern
        super().__init__(f"rule {rule_id}: pattern {pattern!r} ran past its time limit")


@dataclass(frozen=True)
class Shape:
    """What a pattern's text shows about where it can match, read once when it is compiled."""

    #: Every match starts where the text starts: tried there only (``match``).
    at_start: bool
    #: Every match ends where the text ends: this pattern, searched backwards from the end
    #: (``(?r)``); None when it is not so anchored or cannot run backwards.
    backward: regex.Pattern | None
    #: Matches are one character class repeated, so at least one character apart.
    class_run: bool
    #: The pattern matches the empty text.
    matches_empty: bool

    @classmethod
    def of(cls, compiled: regex.Pattern) -> Shape:
        text, flags = compiled.pattern, compiled.flags
        moved = bool(flags & (regex.MULTILINE | regex.REVERSE))  # "^" and "$" match elsewhere
        at_start = not moved and anchored_at_start(text)
        backward = None
        if not moved and not at_start and anchored_at_end(text):
            reversed_pattern = reverse_search(compiled)
            backward = reversed_pattern if reversed_pattern is not compiled else None
        return cls(at_start, backward, repeated_class(text), compiled.fullmatch("") is not None)


class TimedPattern:
    """A compiled pattern of one rule, searched under the rule's time limit.

    ``search``, ``match``, ``fullmatch``, ``finditer`` and ``findall`` are the compiled
    pattern's, bound to the limit (``limit``); ``find(text)`` is the fastest way to learn
    whether the pattern matches in ``text`` (its match need not be the leftmost: use it to
    decide, not to report). Any other attribute (``groupindex``, ``sub``, ...) is the compiled
    pattern's own, outside the limit.
    """

    __slots__ = ("compiled", "find", "findall", "finditer", "flags", "fullmatch", "groups", "match", "pattern",
                 "rule_id", "search", "seconds", "shape")

    def __init__(self, compiled: regex.Pattern, rule_id: str, seconds: float | None,
                 shape: Shape | None = None) -> None:
        self.compiled = compiled
        self.pattern: str = compiled.pattern
        self.flags: int = compiled.flags
        self.groups: int = compiled.groups
        self.shape = shape if shape is not None else Shape.of(compiled)
        self.limit(rule_id, seconds)

    def limit(self, rule_id: str, seconds: float | None) -> None:
        """Bind the methods to ``seconds`` (None: no limit); a timeout names ``rule_id``."""
        self.rule_id, self.seconds = rule_id, seconds
        compiled, shown = self.compiled, self.pattern
        self.search = bound(compiled.search, seconds, rule_id, shown)
        self.match = bound(compiled.match, seconds, rule_id, shown)
        self.fullmatch = bound(compiled.fullmatch, seconds, rule_id, shown)
        self.findall = bound(compiled.findall, seconds, rule_id, shown)
        self.finditer = bound_iterator(compiled.finditer, seconds, rule_id, shown)
        backward = self.shape.backward
        if self.shape.at_start:
            self.find = self.match
        elif backward is not None:
            self.find = _at_end(bound(backward.match, seconds, rule_id, shown),
                                bound(backward.search, seconds, rule_id, shown))
        else:
            self.find = self.search

    def shortest_holding(self, count: int) -> int:
        """The fewest characters a text needs to hold ``count`` matches: for a repeated class,
        whose matches are a character apart, ``2 * count - 1``; otherwise none is known (0: a
        pattern may match the empty text, or several times at one place)."""
        return max(2 * count - 1, 0) if self.shape.class_run else 0

    @property
    def matches_empty(self) -> bool:
        return self.shape.matches_empty

    def __getattr__(self, name: str) -> Any:
        if name in TimedPattern.__slots__:  # not set yet (while unpickling)
            raise AttributeError(name)
        return getattr(self.compiled, name)

    def __reduce__(self) -> tuple[Any, ...]:
        # Bound methods and closures do not pickle: the compiled pattern, its shape and the
        # limit do, and bind again. The shape's backward pattern pickles compiled.
        return (TimedPattern, (self.compiled, self.rule_id, self.seconds, self.shape))

    def __repr__(self) -> str:
        return f"TimedPattern({self.pattern!r}, rule={self.rule_id!r}, seconds={self.seconds})"


def bound(method: Callable[..., Any], seconds: float | None, rule_id: str, shown: str) -> Callable[..., Any]:
    """``method`` (a compiled pattern's) under the limit: itself when there is none."""
    if seconds is None:
        return method

    def limited(*arguments: Any, **keywords: Any) -> Any:
        try:
            return method(*arguments, timeout=seconds, **keywords)
        except TimeoutError:
            raise RuleTimeout(rule_id, shown) from None

    return limited


def bound_iterator(method: Callable[..., Iterator[Any]], seconds: float | None, rule_id: str,
                   shown: str) -> Callable[..., Iterator[Any]]:
    """``finditer`` (a compiled pattern's) under the limit, which it meets while it is
    iterated: itself when there is none."""
    if seconds is None:
        return method

    def limited(*arguments: Any, **keywords: Any) -> Iterator[Any]:
        try:
            yield from method(*arguments, timeout=seconds, **keywords)
        except TimeoutError:
            raise RuleTimeout(rule_id, shown) from None

    return limited


def _at_end(match: Callable[[str], Any], search: Callable[[str], Any]) -> Callable[[str], Any]:
    """Whether a pattern that must end where the text ends matches, searched backwards:
    anchored at the end (``match`` of the backward pattern), unless the text ends with a line
    break, before which ``$`` also matches."""

    def find(text: str) -> Any:
        return search(text) if text.endswith("\n") else match(text)

    return find
