"""How HTML pages are read: who decides which parts of a page are the article.

A setting of its own module so the configuration can name it without importing a parser.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.errors import UsageError

#: ``trafilatura``: the extractor finds the article (``checker.read.parsers.html_content``);
#: ``markup``: the first ``<article>``, ``<main>`` or ``<body>`` is the article
#: (``checker.read.parsers.html``).
EXTRACTORS = ("trafilatura", "markup")


@dataclass(frozen=True)
class HtmlReading:
    """``extractor``: one of ``EXTRACTORS`` (``html-extractor``); ``comments``: whether a
    page's comment section is read as article text (``html-comments``; only the extractor
    tells a comment section apart)."""

    extractor: str = "trafilatura"
    comments: bool = False


#: The defaults, as a default argument.
DEFAULT_READING = HtmlReading()


def parse_extractor(value: object, where: str, source: str | None = None) -> str:
    """An ``html-extractor`` value, or ``UsageError`` naming the known ones."""
    if value not in EXTRACTORS:
        raise UsageError(f"{where}: unknown HTML extractor {value!r} (known: {', '.join(EXTRACTORS)})", source=source)
    return str(value)
