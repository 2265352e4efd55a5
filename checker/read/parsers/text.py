"""Plain-text articles.

Understands three shapes:

* a header block of ``Key: value`` lines (``Title:``, ``Published:``, ``Source:``, ``Author:``,
  ``Byline:``, ``Section:``, ``Date:``) followed by a blank line, as scrape dumps write it;
* the seed shape: a ``Published:`` line, a ``Section | By Author`` line, then the headline
  as the first body line;
* no header at all: a short first line without a closing full stop is the headline.
"""

from __future__ import annotations

from checker.patterns.compiled import compiled
from checker.read.parsers.blocks import iter_lines, paragraph_spans, trimmed
from checker.text.article import Article, Block, MetaField
from checker.text.directives import MARK, PLAIN_DIRECTIVE_LINE

HEADER_KEYS = {
    "title": "headline",
    "headline": "headline",
    "published": "published",
    "date": "published",
    "source": "source",
    "url": "source",
    "author": "byline",
    "byline": "byline",
    "by": "byline",
    "section": "section",
}

_HEADER_LINE = compiled(r"(?i)^(title|headline|published|date|source|url|author|byline|by|section):[ \t]?(.*)$")
_SECTION_BYLINE = compiled(r"^(?:(?P<section>[^|]{1,60}?)\s*\|\s*)?By\s+(?P<byline>\S.{0,120})$")
MAX_HEADLINE_LENGTH = 250


def _looks_like_headline(text: str) -> bool:
    stripped = text.strip()
    return 0 < len(stripped) <= MAX_HEADLINE_LENGTH and "\n" not in stripped and not stripped.endswith(".")


def _without_directives(source: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraphs less the lines that hold directives only ("[checker-disable-next-line
    RULE]"): such a line is no part of the article's text, and it separates the lines around it
    as a blank line does, so that the paragraph it stands above starts on the line it names."""
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if MARK not in source[start:end]:
            kept.append((start, end))
            continue
        run: tuple[int, int] | None = None
        for line_start, line_end, text in iter_lines(source, start, end):
            if PLAIN_DIRECTIVE_LINE.fullmatch(text):
                if run is not None:
                    kept.append(trimmed(source, *run))
                run = None
            else:
                run = (line_start, line_end) if run is None else (run[0], line_end)
        if run is not None:
            kept.append(trimmed(source, *run))
    return [span for span in kept if span[1] > span[0]]


def parse_text(path: str, source: str) -> Article:
    article = Article(path=path, source=source, format="text")
    body_start = 0
    header_lines = []
    for line_start, line_end, text in iter_lines(source):
        if not text.strip():
            if header_lines:
                body_start = line_end
                break
            continue
        header = _HEADER_LINE.match(text)
        byline = _SECTION_BYLINE.match(text.strip()) if header_lines else None
        if not header and not byline:
            break
        header_lines.append((line_start, line_end, header, byline))
        body_start = line_end
    else:
        body_start = len(source)

    if header_lines:
        article.has_header = True
        for line_start, line_end, header, byline in header_lines:
            article.structural.append((line_start, line_end))
            if header:
                key = HEADER_KEYS[header.group(1).lower()]
                value_start, value_end = trimmed(source, line_start + header.start(2), line_start + header.end(2))
                article.metadata[key] = MetaField(source[value_start:value_end], value_start, value_end)
                if key == "headline":
                    article.blocks.append(Block("headline", value_start, value_end))
            else:
                offset = line_start + (len(source[line_start:line_end]) - len(source[line_start:line_end].lstrip()))
                for group in ("section", "byline"):
                    if byline.group(group):
                        s, e = trimmed(source, offset + byline.start(group), offset + byline.end(group))
                        article.metadata[group] = MetaField(source[s:e], s, e)
                article.blocks.append(Block("byline", line_start, line_end))

    spans = paragraph_spans(source, body_start)
    if MARK in source:
        spans = _without_directives(source, spans)
    if "headline" not in article.metadata and spans:
        first_start, first_end = spans[0]
        if _looks_like_headline(source[first_start:first_end]) and (len(spans) > 1):
            article.metadata["headline"] = MetaField(source[first_start:first_end], first_start, first_end)
            article.blocks.append(Block("headline", first_start, first_end))
            spans = spans[1:]
    article.blocks.extend(Block("paragraph", s, e) for s, e in spans)
    article.blocks.sort(key=lambda b: b.start)
    return article
