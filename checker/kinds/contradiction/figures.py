"""Each sentence's figures, read once per article for every check that reads them.

``counts`` and ``recounts`` both look for a sentence's first number word or digit
(``counts.first_number``) and then for the quantities from where one may start
(``numbers.QUANTITY`` from ``counts.search_start``): the same searches of the same sentence
text. ``SentenceFigures`` keeps what the first check read, by the sentence's place in the
source, and hands it to the next; an article's instance lives in ``Article.derived``.
"""

from __future__ import annotations

from checker.kinds.contradiction.counts import Figures
from checker.kinds.contradiction.counts import sentence_figures as read_figures
from checker.text.article import Article


class SentenceFigures:
    """The figures of the sentences asked about, by their (start, end) in the source."""

    def __init__(self) -> None:
        self._read: dict[tuple[int, int], Figures] = {}

    def of(self, start: int, end: int, text: str, folded: str, words: tuple[str, ...]) -> Figures:
        """``text`` is ``source[start:end]`` and ``folded`` its case folding; ``words``: the
        number words ``counts.first_number`` looks for (what it finds does not depend on them)."""
        known = self._read.get((start, end))
        if known is None:
            known = self._read[(start, end)] = read_figures(text, folded, words)
        return known


def _new(article: Article) -> SentenceFigures:
    return SentenceFigures()


def sentence_figures(article: Article) -> SentenceFigures:
    """The article's shared ``SentenceFigures``."""
    return article.derived(_new)
