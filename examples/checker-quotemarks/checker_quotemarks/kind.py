"""The ``quote-balance`` rule kind: quotation marks that do not pair up within a paragraph.

A lost closing mark is one of the commonest slips in copy that passes through several hands
(a quotation trimmed, a paragraph split by a scraper, a straight quote typed into curly copy),
and it changes who appears to be speaking: every word after the opening mark reads as the
speaker's. Newsroom style runs a long quotation over several paragraphs by leaving each
paragraph but the last open and opening the next with a quotation mark; that is not a mistake
and is not flagged (``continued``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from checker import Article, Finding, Option, Rule

#: The scopes whose segments are whole units a quotation should not cross: the paragraphs
#: (headings included) or the headline. A sentence or a line would cut quotations in half.
SCOPES = ("paragraph", "headline")


@dataclass(frozen=True)
class Mark:
    """An opening mark still waiting for its closing one."""

    char: str
    offset: int


class QuoteBalanceRule(Rule):
    """Flags a quotation mark without its partner in the same paragraph: an opening mark never
    closed, a closing mark that closes nothing, or one closed by the wrong mark (then
    suggesting the right one)."""

    name = "quote-balance"
    OPTIONS: ClassVar[dict[str, Option]] = {
        "pairs": Option(list, default=["“”", "«»", '""'],
                        help="the quotation marks to pair, each written as its opening and closing mark "
                             "(two characters; the same one twice for a mark that opens and closes, such as "
                             "the straight double quote). Single quotes are left out by default: ’ is also "
                             "the apostrophe"),
        "continued": Option(bool, default=True,
                            help="accept a quotation left open at the end of a paragraph when the next "
                                 "paragraph opens with the same mark: a quotation running over several "
                                 "paragraphs"),
    }
    PLACEHOLDERS = frozenset({"match", "problem"})
    # The kind reads the marks themselves, so quotes: false (leave quotations alone) would
    # leave it nothing to read; the other optional common fields it honours, as listed.
    HONOURED = frozenset({"scope", "exceptions", "ignorecase", "fix"})
    default_scope = "paragraph"

    def setup(self) -> None:
        if self.scope not in SCOPES:
            raise self.error(f"'{self.scope}' is not one of {', '.join(SCOPES)}: a quotation runs over "
                             "sentences and lines", "scope")
        pairs = self.options["pairs"]
        if not pairs or not all(isinstance(pair, str) and len(pair) == 2 for pair in pairs):
            raise self.error("must be a non-empty list of two-character strings, each an opening and a "
                             "closing mark, such as '“”'", "pairs")
        self.closer_of = {pair[0]: pair[1] for pair in pairs}
        self.closers = {pair[1] for pair in pairs}
        # Only the marks are visited, not every character of the paragraph.
        self.marks = re.compile("[" + re.escape("".join(set(self.closer_of) | self.closers)) + "]")

    def check(self, article: Article) -> Iterator[Finding]:
        segments = article.segments(self.scope)
        for index, (start, end) in enumerate(segments):
            following = segments[index + 1] if index + 1 < len(segments) else None
            yield from self.check_segment(article, start, end, following)

    def check_segment(self, article: Article, start: int, end: int,
                      following: tuple[int, int] | None) -> Iterator[Finding]:
        source = article.source
        skipped = self.excepted(source, start, end)
        open_marks: list[Mark] = []
        for found in self.marks.finditer(source, start, end):
            char, offset = found.group(), found.start()
            if offset in skipped:
                continue
            # A closing mark is tried first: a mark that both opens and closes (the straight
            # quote, or “ where „“ and “” are both pairs) closes the quotation that expects it.
            if open_marks and char == self.closer_of[open_marks[-1].char]:
                open_marks.pop()
            elif char in self.closer_of:
                open_marks.append(Mark(char, offset))
            elif any(char == self.closer_of[mark.char] for mark in open_marks):
                # It closes an outer quotation: those opened inside it were never closed.
                while char != self.closer_of[open_marks[-1].char]:
                    mark = open_marks.pop()
                    yield self.finding(article, mark.offset, mark.offset + 1, problem="is never closed")
                open_marks.pop()
            elif open_marks:
                opened = open_marks.pop()
                expected = self.closer_of[opened.char]
                yield self.finding(article, offset, offset + 1, suggestions=[expected],
                                   related=[(opened.offset, opened.offset + 1)],
                                   problem=f"closes the quotation opened with {opened.char} "
                                           f"(line {article.line_of(opened.offset)}); expected {expected}")
            else:
                yield self.finding(article, offset, offset + 1, problem="closes no quotation")
        if open_marks and self.options["continued"] and following is not None \
                and self.opens_with(source, following, open_marks[0].char):
            open_marks.pop(0)
        for mark in open_marks:
            yield self.finding(article, mark.offset, mark.offset + 1, problem="is never closed")

    def excepted(self, source: str, start: int, end: int) -> set[int]:
        """Offsets inside a match of an exception (``'\\d+"'`` for inch marks): their marks
        are not quotation marks."""
        skipped: set[int] = set()
        for pattern in self.exceptions:
            for match in pattern.finditer(source, start, end):
                skipped.update(range(match.start(), match.end()))
        return skipped

    @staticmethod
    def opens_with(source: str, segment: tuple[int, int], char: str) -> bool:
        text = source[segment[0]:segment[1]].lstrip()
        return text.startswith(char)
