"""Whether a rule can match an article at all, settled before the rule reads it (as Vale's
``MightMatch``).

Most rules find nothing in most articles. A test that a text every finding needs is absent
from the article costs one substring search in C, against a pattern tried at every position
of every segment. Each condition here is necessary, never a guess: a rule whose condition
says False for an article would have found nothing in it. Where that cannot be shown (a
pattern with no text every match holds, characters whose case folding is not known to
agree), the condition is ``ALWAYS``.

A rule's condition is derived from the patterns it compiles (``derived``), or declared by its
kind when no pattern says it (``Literals``, ``AtLeast``, ``AnyOf``, ``Declared``); the engine asks
``Rule.might_match`` before ``Rule.check``. ``spans_holding`` is the same test for each
sentence or line a rule reads.

This module chooses how literals are looked for: a substring search for each of a few, one
search for a prefix trie of many (compiled for the standard ``re`` module, which runs a trie
of literals several times faster than ``regex``).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import regex

from checker.patterns.syntax import required_literals
from checker.patterns.trie import literal_alternation

if TYPE_CHECKING:  # pragma: no cover
    from checker.text.article import Article

Spans = list[tuple[int, int]]

#: Characters outside Basic Latin to Combining Marks and General Punctuation, and the Turkish
#: "İ" and "ı" (``regex`` takes "ı" for "I" ignoring case; ``casefold`` does not). For the
#: other characters of these ranges Python's ``casefold`` and ``regex``'s case-insensitive
#: matching agree (tests/test_fast_paths.py checks every pair), so a case-insensitive match
#: shows in the case-folded text; a text with anything else is searched in full.
BEYOND_FOLDING_CHECKED = re.compile("[^\x00-\u012f\u0132-\u036f\u2000-\u206f]")

#: Above this many literals one search for their trie is cheaper than a substring search for
#: each, whatever they are (measured on the shared corpus).
MANY_LITERALS = 40

#: How many characters a condition searches without its trie before compiling it: compiling
#: one costs about as much as a substring search for each literal through this much text.
TRIE_AFTER = 40_000

#: The one class before literals that the substring search reads itself: white space.
WHITE_SPACE = r"\s"


def folded(article: Article) -> str | None:
    """The article's source case-folded, or None when it holds characters outside the checked
    ranges. Read through ``folded_source``, once per article."""
    source = article.source
    return None if BEYOND_FOLDING_CHECKED.search(source) else source.casefold()


def folded_source(article: Article) -> str | None:
    """``folded``, worked out once per article and shared by every rule that compares
    case-folded text."""
    return article.derived(folded)


class Precheck:
    """A necessary condition of a rule's finding anything in an article."""

    def might_match(self, article: Article) -> bool:  # pragma: no cover - abstract
        raise NotImplementedError


class _Always(Precheck):
    """No condition: the rule reads every article."""

    def might_match(self, article: Article) -> bool:
        return True

    def __reduce__(self) -> str:
        return "ALWAYS"  # the one instance, also after unpickling

    def __repr__(self) -> str:
        return "ALWAYS"


ALWAYS: Precheck = _Always()


class Literals(Precheck):
    """Every finding's text holds one of ``literals`` (as written, or ignoring case), right
    after a character of the ``re`` class ``before`` when one is given (``\\s``: a word after
    white space). Made by ``literals_of``, which shares one instance between rules and
    snapshots."""

    def __init__(self, literals: tuple[str, ...], ignorecase: bool, before: str = "") -> None:
        self.literals = literals
        self.ignorecase = ignorecase
        self.before = before
        #: The texts looked for: the literals, case-folded when ignoring case.
        self.texts = tuple(dict.fromkeys(literal.casefold() for literal in literals)) if ignorecase else literals
        #: For many literals, or a class before them, one search: at each place the shortest
        #: literal starting there (a longer one there holds it, so no span holds only that).
        #: Compiled once the texts searched without it add up to ``TRIE_AFTER`` characters
        #: (or a class other than white space comes before them), so that a run checking one
        #: short article (an editor's save) does not pay for compiling it.
        self._search: Callable[..., re.Match | None] | None = None
        self._trie = bool(before) or _trie_pays(self.texts)
        self._unsearched = TRIE_AFTER if self._trie and before in ("", WHITE_SPACE) else 0
        #: Asked for the spans holding the literals (``holding``): from then on whether there
        #: is one is read off where they all are, so the text is searched once for both.
        self._holds = False

    def __reduce__(self) -> tuple[Any, ...]:
        return (literals_of, (self.literals, self.ignorecase, self.before))

    def __repr__(self) -> str:
        return f"Literals({self.literals!r}, ignorecase={self.ignorecase}, before={self.before!r})"

    def _text(self, article: Article) -> str | None:
        return folded_source(article) if self.ignorecase else article.source

    def _trie_search(self, text: str) -> Callable[..., re.Match | None] | None:
        """The trie's search, compiled now if searching ``text`` without it no longer pays."""
        if self._search is None and self._trie:
            self._unsearched -= len(text)
            if self._unsearched < 0:
                trie = literal_alternation(self.texts, re.escape, shortest=True)
                self._search = re.compile(f"{self.before}(?:{trie})").search
        return self._search

    def might_match(self, article: Article) -> bool:
        text = self._text(article)
        if text is None:
            return True
        search = self._trie_search(text)
        if search is not None:
            return search(text) is not None
        if self.before or (self._holds and len(text) == len(article.source)):
            return bool(article.derived(_hits, self)[0])
        return any(literal in text for literal in self.texts)

    def holding(self, article: Article, spans: Sequence[tuple[int, int]]) -> Spans:
        """The spans a literal (with the character before it, given a class) lies wholly
        inside, in their order; every span when that cannot be read off the source's offsets
        (ignoring case, a source whose case-folded form is not as long, or holds characters
        outside the checked ranges)."""
        text = self._text(article)
        if text is None or len(text) != len(article.source):
            return list(spans)
        search = self._trie_search(text)
        if search is not None:  # one search in C per span, up to its first literal
            return [(start, end) for start, end in spans if search(text, start, end) is not None]
        self._holds = True
        found, starts = article.derived(_hits, self)
        if not found:
            return []
        held = []
        for start, end in spans:
            index = bisect.bisect_left(starts, start)
            while index < len(found) and found[index][0] < end:
                if found[index][1] <= end:
                    held.append((start, end))
                    break
                index += 1
        return held


def _hits(article: Article, condition: Literals) -> tuple[Spans, list[int]]:
    """Where a few literals lie in the (case-folded) source, sorted by start, and their starts:
    a substring search for each, overlapping uses included; after white space, the white space
    character included, when the condition asks for it. Read through ``article.derived``."""
    text = condition._text(article)
    assert text is not None
    found: Spans = []
    spaced = condition.before == WHITE_SPACE
    for literal in condition.texts:
        at = text.find(literal)
        while at != -1:
            if not spaced:
                found.append((at, at + len(literal)))
            elif at and text[at - 1].isspace():  # what ``re``'s \s matches in a str
                found.append((at - 1, at + len(literal)))
            at = text.find(literal, at + 1)
    found.sort()
    return found, [start for start, _ in found]


def _trie_pays(texts: tuple[str, ...]) -> bool:
    """Whether one search for a trie of ``texts`` beats a substring search for each. A substring
    search skips ahead by about the length of its text, so short texts cost more; a trie is
    tried wherever a first character of its texts stands, so texts opening with a lower-case
    letter or a space (most places of an article) make it slow. Measured on the shared corpus:
    weekday names, titles and country names are found faster by a trie; event nouns, phrases
    and a few long names by substring searches."""
    if len(texts) > MANY_LITERALS:
        return True
    if any(text[0].islower() or text[0].isspace() for text in texts):
        return False
    return sum(1 / len(text) for text in texts) >= 1


@functools.cache
def literals_of(literals: tuple[str, ...], ignorecase: bool, before: str = "") -> Precheck:
    """The condition that an article holds one of ``literals`` (after a character of the ``re``
    class ``before``, when given): ``ALWAYS`` when there are none or, ignoring case, one has
    characters outside the checked ranges."""
    if not literals or not all(literals):
        return ALWAYS
    if ignorecase and any(BEYOND_FOLDING_CHECKED.search(literal) for literal in literals):
        return ALWAYS
    return Literals(literals, ignorecase, before)


def spans_holding(article: Article, spans: Sequence[tuple[int, int]], literals: tuple[str, ...],
                  ignorecase: bool = False, before: str = "") -> Spans:
    """The spans that may hold a match needing one of ``literals`` (after a character of the
    ``re`` class ``before``, when given): those one lies wholly inside, in their order. Every
    span, when that cannot be read off the source's offsets."""
    condition = literals_of(literals, ignorecase, before)
    if not isinstance(condition, Literals):
        return list(spans)
    return condition.holding(article, spans)


class AtLeast(Precheck):
    """At least ``count`` of ``parts`` hold (a form of a group counted once per form)."""

    def __init__(self, count: int, parts: Iterable[Precheck]) -> None:
        self.count = count
        self.parts = tuple(parts)
        #: Where every part is one text as written, the texts: tested in one loop.
        self._texts: tuple[str, ...] | None = None
        if all(isinstance(part, Literals) and len(part.texts) == 1 and not part.ignorecase and not part.before
               for part in self.parts):
            self._texts = tuple(part.texts[0] for part in self.parts)  # type: ignore[attr-defined]

    def might_match(self, article: Article) -> bool:
        needed = self.count
        if self._texts is not None:
            source = article.source
            for text in self._texts:
                if text in source:
                    needed -= 1
                    if needed <= 0:
                        return True
            return needed <= 0
        for part in self.parts:
            if part.might_match(article):
                needed -= 1
                if needed <= 0:
                    return True
        return needed <= 0


class AllOf(Precheck):
    """Every one of ``parts`` holds. Made by ``all_of``."""

    def __init__(self, parts: Iterable[Precheck]) -> None:
        self.parts = tuple(parts)

    def might_match(self, article: Article) -> bool:
        return all(part.might_match(article) for part in self.parts)


class AnyOf(Precheck):
    """One of ``parts`` holds. Made by ``any_of``."""

    def __init__(self, parts: Iterable[Precheck]) -> None:
        self.parts = tuple(parts)

    def might_match(self, article: Article) -> bool:
        return any(part.might_match(article) for part in self.parts)


class Declared(Precheck):
    """A kind's own test, for a condition no pattern of the rule says: ``function(article,
    *arguments)``. ``function`` must pickle (a module's function or a rule's method), since
    rules are kept in the rule snapshot."""

    def __init__(self, function: Callable[..., bool], *arguments: Any) -> None:
        self.function = function
        self.arguments = arguments

    def might_match(self, article: Article) -> bool:
        return self.function(article, *self.arguments)


def all_of(parts: Iterable[Precheck]) -> Precheck:
    """Every one of ``parts`` (``ALWAYS`` left out, nested ``AllOf`` flattened)."""
    flat: list[Precheck] = []
    for part in parts:
        for inner in part.parts if isinstance(part, AllOf) else (part,):
            if inner is not ALWAYS and inner not in flat:
                flat.append(inner)
    if not flat:
        return ALWAYS
    return flat[0] if len(flat) == 1 else AllOf(flat)


def any_of(parts: Iterable[Precheck]) -> Precheck:
    """One of ``parts``: ``ALWAYS`` when one of them is."""
    parts = tuple(parts)
    if not parts or any(part is ALWAYS for part in parts):
        return ALWAYS
    return parts[0] if len(parts) == 1 else AnyOf(parts)


def derived(pattern: str, flags: int) -> Precheck:
    """The condition a compiled pattern sets: the article holds one of the texts every match
    holds (``syntax.required_literals``), ignoring case when ``flags`` say so."""
    try:
        literals = required_literals(pattern)
    except RecursionError:  # groups nested hundreds deep: no quick look, the pattern decides
        literals = None
    if literals is None:
        return ALWAYS
    return literals_of(literals, bool(flags & regex.IGNORECASE))
