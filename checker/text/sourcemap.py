"""Offsets in extracted article text mapped back to the file it was extracted from.

An HTML page's article text is not a slice of the page: tags are left out, entities are
decoded and runs of white space become one space. The parser records, for each piece of
the text, the piece of the file it came from; rules work on the text and every finding is
reported at the file's own line, column and offset.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from dataclasses import dataclass, field
from functools import cached_property


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text``, without its line break. Every Unicode line
    break counts, so positions agree with what editors show."""
    # str.splitlines breaks at exactly \r\n (one break), \r, \n, \u2028, \u2029, \x0b, \x0c,
    # \x1c, \x1d, \x1e and \x85, the line breaks of Unicode: each line's length with and
    # without its break gives its span, all in C.
    lengths = list(map(len, text.splitlines(keepends=True)))
    starts = list(itertools.accumulate(lengths, initial=0))
    spans = list(zip(starts, map(operator.add, starts, map(len, text.splitlines())), strict=False))
    if not lengths or spans[-1][1] != len(text):
        spans.append((len(text), len(text)))  # the empty line after a final break
    return spans


@dataclass
class SourceMap:
    """Pieces of text, each with the span of the file it stands for.

    A piece is exact (its text is the file's text there, character for character) or
    replaced (an entity, a run of white space, a separator the parser added): a span that
    starts or ends inside a replaced piece widens to the whole of it.
    """

    original: str
    _text_starts: list[int] = field(default_factory=list)
    _text_ends: list[int] = field(default_factory=list)
    _file_starts: list[int] = field(default_factory=list)
    _file_ends: list[int] = field(default_factory=list)
    length: int = 0

    def add(self, text_length: int, file_start: int, file_end: int) -> None:
        """The next ``text_length`` characters of text stand for ``original[file_start:file_end]``."""
        self._text_starts.append(self.length)
        self.length += text_length
        self._text_ends.append(self.length)
        self._file_starts.append(file_start)
        self._file_ends.append(file_end)

    def _exact(self, index: int) -> bool:
        return self._text_ends[index] - self._text_starts[index] == self._file_ends[index] - self._file_starts[index]

    def start(self, offset: int) -> int:
        """The file offset where text starting at ``offset`` begins."""
        if not self._text_starts:
            return 0
        index = max(0, bisect.bisect_right(self._text_starts, offset) - 1)
        if offset >= self._text_ends[index]:
            return self._file_ends[index]
        if self._exact(index):
            return self._file_starts[index] + offset - self._text_starts[index]
        return self._file_starts[index]

    def end(self, offset: int) -> int:
        """The file offset where text ending at ``offset`` (exclusive) ends."""
        if not self._text_starts or offset <= 0:
            return self.start(0)
        index = max(0, bisect.bisect_right(self._text_starts, offset - 1) - 1)
        if self._exact(index):
            return self._file_starts[index] + min(offset, self._text_ends[index]) - self._text_starts[index]
        return self._file_ends[index]

    def span(self, start: int, end: int) -> tuple[int, int]:
        file_start = self.start(start)
        return file_start, max(file_start, self.end(end)) if end > start else file_start

    @cached_property
    def line_spans(self) -> list[tuple[int, int]]:
        return line_spans(self.original)
