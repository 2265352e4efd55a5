"""Each sentence's figures, read once per article for every check that reads them.

``counts`` and ``recounts`` both look for a sentence's first number word or digit
(``counts.first_number``) and then for the quantities from where one may start
(``numbers.QUANTITY`` from ``counts.search_start``): the same searches of the same sentence
text. ``counts.SentenceFigures`` keeps what the first check read, by the sentence's place in the
source, and hands it to the next; an article's instance lives in ``Article.derived``.
"""

from __future__ import annotations

from checker.kinds.contradiction.counts import Figures, SentenceFigures
from checker.text.article import Article

__all__ = ["Figures", "SentenceFigures", "sentence_figures"]


def _new(article: Article) -> SentenceFigures:
    return SentenceFigures()


def sentence_figures(article: Article) -> SentenceFigures:
    """The article's shared ``SentenceFigures``."""
    return article.derived(_new)
