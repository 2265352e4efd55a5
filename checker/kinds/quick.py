"""Quick looks: one test on the whole article that settles, before a rule's search of every
sentence or paragraph, that the search cannot find anything.

Most rules find nothing in most articles. A test that a string every match must contain is
absent from the article costs one substring search in C, against a pattern tried at every
position of every segment. Each test here is a necessary condition of a match, never a
guess: where that cannot be shown (a pattern with no required text, characters whose case
folding is not known to agree), the rule searches as before.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

import regex

from checker.article import Article

#: Characters outside Basic Latin to Combining Marks and General Punctuation, and the Turkish
#: "İ" and "ı" (``regex`` takes "ı" for "I" ignoring case; ``casefold`` does not). For the
#: other characters of these ranges Python's ``casefold`` and ``regex``'s case-insensitive
#: matching agree (tests/test_fast_paths.py checks every pair), so a case-insensitive match
#: shows in the case-folded text; a text with anything else is searched in full.
BEYOND_FOLDING_CHECKED = re.compile("[^\x00-\u012f\u0132-\u036f\u2000-\u206f]")


def folded_text(article: Article) -> str | None:
    """The article's source case-folded, read once per article and shared by the rules that
    compare case-folded text; None when it holds characters outside the checked ranges."""
    memo = article.memo
    if "quick.folded" not in memo:
        source = article.source
        memo["quick.folded"] = None if BEYOND_FOLDING_CHECKED.search(source) else source.casefold()
    return memo["quick.folded"]

_SPECIAL = frozenset("\\.^$*+?{}[]|()")
_QUANTIFIER = frozenset("?*+{")
#: Inline flags that change how the literal reads: ignoring case, or verbose (spaces ignored).
_READING_FLAGS = regex.compile(r"\(\?[a-zA-Z-]*[ix]")
MIN_LITERAL = 3


def required_literal(pattern: str, min_length: int = MIN_LITERAL) -> str | None:
    """The text every match of ``pattern`` starts with, after any lookbehinds: its leading
    plain characters ("how numerous" in ``how numerous(?= \\d)``). None when the pattern has
    a top-level alternative, inline case or verbose flags, or fewer than ``min_length`` such
    characters."""
    if _READING_FLAGS.search(pattern) or _top_level_bar(pattern):
        return None
    index = 0
    while pattern.startswith(("(?<!", "(?<="), index):
        end = _group_end(pattern, index)
        if end is None:
            return None
        index = end
    text, _ = _plain_run(pattern, index)
    return text if text and len(text) >= min_length else None


def plain_text(pattern: str) -> str | None:
    """The one string ``pattern`` matches when it is plain text (escaped punctuation allowed:
    ``U\\.S\\.``), else None."""
    if _READING_FLAGS.search(pattern):
        return None
    text, end = _plain_run(pattern, 0)
    return text if end == len(pattern) else None


def _plain_run(pattern: str, index: int) -> tuple[str, int]:
    """The plain characters of ``pattern`` from ``index`` on, and where they stop: at a special
    character, a class or anchor escape, or a character a quantifier makes optional."""
    literal: list[str] = []
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            if index + 1 >= len(pattern) or pattern[index + 1].isalnum():
                break  # a class (\d, \s), an anchor (\b) or a reference: not plain text
            char, step = pattern[index + 1], 2
        elif char in _SPECIAL:
            break
        else:
            step = 1
        if index + step < len(pattern) and pattern[index + step] in _QUANTIFIER:
            break  # "abc?": the last character may be missing
        literal.append(char)
        index += step
    return "".join(literal), index


def _skip_set(pattern: str, index: int) -> int:
    """The index after the character set opening at ``index``."""
    index += 1
    if index < len(pattern) and pattern[index] == "^":
        index += 1
    if index < len(pattern) and pattern[index] == "]":
        index += 1  # a "]" first in a set is the character itself
    while index < len(pattern) and pattern[index] != "]":
        index += 2 if pattern[index] == "\\" else 1
    return index + 1


def _parens(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """Each "(", ")" and "|" of ``pattern`` from ``start`` that is not escaped or inside a
    character set: its index, itself and the depth of groups it stands in."""
    depth = 0
    index = start
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = _skip_set(pattern, index)
            continue
        if char == "(":
            yield index, char, depth
            depth += 1
        elif char == ")":
            depth -= 1
            yield index, char, depth
        elif char == "|":
            yield index, char, depth
        index += 1


def _group_end(pattern: str, start: int) -> int | None:
    """The index after the group that opens at ``start``; None when it does not close."""
    return next((index + 1 for index, char, depth in _parens(pattern, start) if char == ")" and depth == 0), None)


def _top_level_bar(pattern: str) -> bool:
    return any(char == "|" and depth == 0 for _, char, depth in _parens(pattern))


class LiteralGate:
    """Whether an article may hold a match of a rule whose every match contains one of
    ``literals`` (matched ignoring case when ``ignorecase``)."""

    def __init__(self, literals: Iterable[str], ignorecase: bool) -> None:
        self.literals = tuple(literals)
        self.ignorecase = ignorecase
        self.folded = tuple(literal.casefold() for literal in self.literals)

    @classmethod
    def of(cls, patterns: Iterable[str], ignorecase: bool) -> LiteralGate | None:
        """The gate for a rule matching any of ``patterns``; None when one of them has no
        required text (or, ignoring case, text outside the checked ranges)."""
        literals = [required_literal(pattern) for pattern in patterns]
        return None if None in literals else cls.of_literals(literals, ignorecase)  # type: ignore[arg-type]

    @classmethod
    def of_literals(cls, literals: Iterable[str], ignorecase: bool) -> LiteralGate | None:
        """The gate for a rule whose every match contains one of ``literals``; None when
        there are none or, ignoring case, one has characters outside the checked ranges."""
        literals = list(literals)
        if not literals or (ignorecase and any(BEYOND_FOLDING_CHECKED.search(text) for text in literals)):
            return None
        return cls(literals, ignorecase)

    def may_match(self, article: Article) -> bool:
        if not self.ignorecase:
            return any(literal in article.source for literal in self.literals)
        folded = folded_text(article)
        return folded is None or any(literal in folded for literal in self.folded)

    def holding(self, article: Article, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The spans that may hold a match: those a literal lies wholly inside. Ignoring case,
        the literals are found in the case-folded text, whose offsets are the source's when
        it is as long (each character then folds to one); when it is not, or holds
        characters outside the checked ranges, every span may."""
        text, literals = article.source, self.literals
        if self.ignorecase:
            folded = folded_text(article)
            if folded is None or len(folded) != len(text):
                return spans
            text, literals = folded, self.folded
        hits: list[tuple[int, int]] = []
        for literal in literals:
            at = text.find(literal)
            while at != -1:
                hits.append((at, at + len(literal)))
                at = text.find(literal, at + 1)
        hits.sort()
        starts = [start for start, _ in hits]
        held = []
        for start, end in spans:
            index = bisect.bisect_left(starts, start)
            while index < len(hits) and hits[index][0] < end:
                if hits[index][1] <= end:
                    held.append((start, end))
                    break
                index += 1
        return held
