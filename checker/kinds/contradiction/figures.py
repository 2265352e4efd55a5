"""Each sentence's figures, read once per article for every check that reads them.

``counts`` and ``recounts`` both look for a sentence's first number word or digit
(``counts.first_number``) and then for the quantities from where one may start
(``numbers.QUANTITY`` from ``counts.search_start``): the same searches of the same sentence
text. ``SentenceFigures`` keeps what the first check read, by the sentence's place in the
source, and hands it to the next; an article's instance lives in ``Article.derived``.
"""

from __future__ import annotations

import regex

from checker.kinds.contradiction.counts import first_number, search_start
from checker.kinds.contradiction.numbers import QUANTITY
from checker.text.article import Article

#: A sentence's first number word or digit (None: none), where a quantity holding it may start
#: (``counts.search_start``), and the quantities from there; without a number, (None, 0, []).
Figures = tuple[regex.Match | None, int, list[regex.Match]]


class SentenceFigures:
    """The figures of the sentences asked about, by their (start, end) in the source."""

    def __init__(self) -> None:
        self._read: dict[tuple[int, int], Figures] = {}

    def of(self, start: int, end: int, text: str, folded: str, words: tuple[str, ...]) -> Figures:
        """``text`` is ``source[start:end]`` and ``folded`` its case folding; ``words``: the
        number words ``counts.first_number`` looks for (what it finds does not depend on them)."""
        known = self._read.get((start, end))
        if known is None:
            number = first_number(text, folded, words)
            if number is None:
                known = (None, 0, [])
            else:
                begin = search_start(text, number.start())
                known = (number, begin, list(QUANTITY.finditer(text, begin)))
            self._read[(start, end)] = known
        return known


def _new(article: Article) -> SentenceFigures:
    return SentenceFigures()


def sentence_figures(article: Article) -> SentenceFigures:
    """The article's shared ``SentenceFigures``."""
    return article.derived(_new)
