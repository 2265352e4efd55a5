"""HTML pages and fragments: which part is the article, and its text with every piece mapped back.

A whole page (``<html>`` or ``<body>``) is read as the ``html-extractor`` setting says:
``trafilatura`` (the default) lets the extractor find the article among the page's blocks
(``html_content``), ``markup`` takes the first ``<article>``, ``<main>`` or ``<body>``
(``html_markup``). A fragment (a CMS body field) is all article: it is read by the markup
rules either way. Either way the article's text keeps, for each piece, the span of the page it
came from, so findings point into the page, and nothing is ever fetched.
"""

from __future__ import annotations

from checker.patterns.compiled import compiled
from checker.read.html_reading import DEFAULT_READING, HtmlReading
from checker.read.parsers.html_content import main_content_article
from checker.read.parsers.html_markup import markup_article
from checker.text.article import Article

_PAGE = compiled(r"(?i)<(?:html|body)[\s>/]")


def is_page(text: str) -> bool:
    """A whole page (``<html>`` or ``<body>``), not a fragment such as a CMS body field,
    all of which is the article."""
    return _PAGE.search(text) is not None


def parse_html(path: str, page: str, reading: HtmlReading = DEFAULT_READING) -> Article:
    if reading.extractor == "markup" or not is_page(page):
        return markup_article(path, page)
    return main_content_article(path, page, reading.comments)


def fragment_text(fragment: str, reading: HtmlReading = DEFAULT_READING) -> str:
    """The article text of HTML in a record (a CMS body field, or a whole page): its blocks,
    separated by blank lines."""
    return parse_html("", fragment, reading).source
