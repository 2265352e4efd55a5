"""The article of a page as trafilatura finds it, every piece still at its place in the page.

trafilatura (https://trafilatura.readthedocs.io, Apache-2.0) decides which parts of a page are
its main content: navigation, teasers, "related" lists, share bars, comment sections and
widgets are left out. Its output is text, not positions, so the page is also read once by
this package's own parser (``html_markup.read_page(whole=True)``: every block of the page with the
span each piece of it came from), and trafilatura's text is aligned to those blocks
(``alignment``): a block whose words trafilatura kept is article text, unless the page's
markup puts it in the page's own header, footer, navigation or aside (outside any
``<article>`` or ``<main>``: what trafilatura keeps of a very short page). The article is built
from the kept blocks, so every finding still points at the page's own line, column and
offset. The headline, byline and date come from the page itself: the ``<h1>`` nearest the
article text, a block marked as a byline next to it, a ``<time>`` inside it, the meta tags.

Nothing is fetched: trafilatura is given the page as text and no URL; lxml's HTML parser
reads no DTD and resolves no external entity. A page the extractor cannot read (nested
deeper than lxml's 256 levels, over ``MAX_EXTRACTED`` characters, or an error inside the
extractor) is read by the markup rules of ``html_markup`` with a note saying why; so is a page in
which the extractor finds no article text (a stub, a page of links), silently.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from checker.patterns.compiled import compiled
from checker.read.parsers.alignment import kept_blocks
from checker.read.parsers.html_markup import _Block, _Extractor, _normalised, assemble, markup_article, read_page
from checker.text.article import Article

#: Pages longer than this are read by the markup rules: trafilatura's cleaning of the tree is
#: not linear in every case, and no article page comes near (the largest of the corpus's pages
#: is 1.9 MB, saved with every script and style).
MAX_EXTRACTED = 8 * 1024 * 1024
#: At most this many words make a block marked as a byline a byline (an "author" box holding a
#: biography is not one).
BYLINE_WORDS = 20
#: Blocks before the first kept one in which the headline and byline are looked for when the
#: extractor kept no heading.
LEAD_BLOCKS = 6
#: Words the extractor must keep in one header, footer, navigation or aside of the page, and
#: words a block on average, for that element to be read as the article's (see
#: ``_outside_chrome``).
CHROME_PROSE_WORDS = 50
CHROME_BLOCK_WORDS = 8
#: trafilatura's options (``extract``). On the fit part of ``bench/html_extract.py``'s pages,
#: ``favor_recall`` found 229 of 234 ``with`` snippets and kept 29 of 234 ``without`` ones
#: (its defaults: 226 and 28; ``favor_precision``: 225 and 25; ``fast``: 224 and 28): the checker
#: would rather read a furniture line, which its boilerplate rules flag, than miss article text.
OPTIONS: dict[str, bool] = {"favor_recall": True}
#: When those options find fewer words than this, the extractor is run again with its
#: defaults, and the blocks of that text are read too when it holds ``LONGER`` times as many
#: words: on a few pages (a gallery, a listicle) ``favor_recall`` settles on a short caption
#: block and the defaults find the article (on 5 of the 160 unlabelled pages of
#: ``corpus/pages/newspaper/``; on the fit part's one such page the defaults drop a recipe's
#: ingredients, which the first text keeps).
SHORT_WORDS = 150
LONGER = 2
_WORD = compiled(r"\w+")
_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "readability")


class ExtractorUnavailable(Exception):
    """The extractor cannot read this page (the message says why, in a few words)."""


def extracted_text(page: str, comments: bool = False) -> str:
    """trafilatura's main text of ``page`` (with its comments when ``comments``), '' when it
    finds none; ``ExtractorUnavailable`` when it cannot read the page."""
    return "\n".join(extracted_texts(page, comments))


def extracted_texts(page: str, comments: bool = False) -> list[str]:
    """trafilatura's main text of ``page`` with ``OPTIONS`` and, when that is short and its
    defaults find much more, that text too (each one the page's words in order; none when
    it finds nothing); ``ExtractorUnavailable`` when it cannot read the page."""
    if len(page) > MAX_EXTRACTED:
        raise ExtractorUnavailable(f"over {MAX_EXTRACTED // (1024 * 1024)} MB")
    try:
        import trafilatura
        from trafilatura.utils import HTML_PARSER, load_html
    except ImportError as error:  # a broken install: the page is still read
        raise ExtractorUnavailable(f"trafilatura cannot be imported ({error})") from None
    for name in _LOGGERS:  # its complaints about a page are not the checker's output
        logging.getLogger(name).addHandler(logging.NullHandler())
    try:
        tree = load_html(page)
        if any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in HTML_PARSER.error_log):
            raise ExtractorUnavailable("nested deeper than lxml reads (256 levels)")
        if tree is None:
            return []
        text = trafilatura.extract(tree, include_comments=comments, output_format="txt", **OPTIONS) or ""
        found = len(text.split())
        if found < SHORT_WORDS:
            other = _with_defaults(page, comments, load_html, trafilatura.extract)
            if len(other.split()) > LONGER * found:
                return [text, other] if text.strip() else [other]
        return [text] if text.strip() else []
    except ExtractorUnavailable:
        raise
    except (Exception, RecursionError) as error:  # the extractor's bug costs only this page's selection
        raise ExtractorUnavailable(f"{type(error).__name__}: {str(error)[:100]}") from None


def _with_defaults(page: str, comments: bool, load_html: Callable[[str], Any],
                   extract: Callable[..., str | None]) -> str:
    """trafilatura's text of ``page`` with its default options ('' when it finds none or
    fails: the first text is kept then). The page is parsed again: the first extraction's
    cleaning changed the tree."""
    try:
        tree = load_html(page)
        return (extract(tree, include_comments=comments, output_format="txt") or "") if tree is not None else ""
    except (Exception, RecursionError):
        return ""


def main_content_article(path: str, page: str, comments: bool = False) -> Article:
    """The article of ``page`` as trafilatura finds it, or by the markup rules when it cannot
    read the page (with a note) or finds nothing in it."""
    try:
        extracted = extracted_texts(page, comments)
    except ExtractorUnavailable as error:
        article = markup_article(path, page)
        article.reading_notes.append(f"trafilatura could not read the page ({error}); "
                                     "the article was taken by the markup rules")
        return article
    if not extracted:
        return markup_article(path, page)
    parsed = read_page(page, whole=True)
    blocks = parsed.blocks
    words = [_words(block) for block in blocks]
    kept = sorted({index for text in extracted for index in kept_blocks(words, _WORD.findall(text.casefold()))})
    kept = _outside_chrome(blocks, kept, words)
    body = [index for index in kept if blocks[index].kind != "h1" or index != kept[0]]
    if not body:
        return markup_article(path, page)
    headline = _headline(parsed, kept)
    first = min(headline if headline is not None else kept[0], kept[0])
    byline = _byline(blocks, first if headline is not None else max(0, kept[0] - LEAD_BLOCKS), kept[-1])
    chosen = sorted({*kept, *(index for index in (headline, byline) if index is not None)})
    selected: list[_Block] = []
    for index in chosen:
        block = blocks[index]
        if index == byline:
            block = _Block("byline", block.pieces)
        selected.append(block)
    headline_block = selected[chosen.index(headline)] if headline is not None else _title_block(parsed)
    start = blocks[first].pieces[0].start
    end = blocks[kept[-1]].pieces[-1].end
    published = next((value for offset, value in parsed.times if start <= offset <= end), None)
    return assemble(path, page, parsed, selected, headline_block, published)


def _outside_chrome(blocks: list[_Block], kept: list[int], words: list[list[str]]) -> list[int]:
    """The kept blocks less those of the page's header, footer, navigation and asides (what
    trafilatura keeps of a tiny page's menu), but for such an element in which it kept prose:
    at least ``CHROME_PROSE_WORDS`` words, ``CHROME_BLOCK_WORDS`` a block on average (an
    article set in an ``<aside>``; a menu's or a footer's blocks are a few words each).
    ``words``: each block's words."""
    counted: dict[int, list[int]] = {}
    for index in kept:
        if blocks[index].chrome:
            counted.setdefault(blocks[index].chrome, []).append(len(words[index]))
    prose = {number for number, counts in counted.items()
             if sum(counts) >= CHROME_PROSE_WORDS and sum(counts) >= CHROME_BLOCK_WORDS * len(counts)}
    return [index for index in kept if not blocks[index].chrome or blocks[index].chrome in prose]


def _words(block: _Block) -> list[str]:
    return _WORD.findall("".join(piece.text for piece in block.pieces).casefold())


def _headline(parsed: _Extractor, kept: list[int]) -> int | None:
    """The index of the headline's block, an ``<h1>`` up to the article's last block: the one
    the page's title (meta tags, JSON-LD, ``<title>``) agrees with nearest the article text,
    else the first the extractor kept, else the last shortly before the article text, else
    the page's only one."""
    blocks = parsed.blocks
    headings = [index for index in range(kept[-1] + 1) if blocks[index].kind == "h1"]
    if not headings:
        return None
    titles = [_plain(value) for value in (parsed.meta.get("og:title"), parsed.meta.get("twitter:title"),
                                          parsed.metadata_from_json_ld().get("headline"),
                                          _text(parsed.title) if parsed.title is not None else None) if value]
    agreeing = [index for index in headings if _agrees(_plain(_text(blocks[index])), titles)]
    if agreeing:
        return min(agreeing, key=lambda index: abs(index - kept[0]))
    chosen = set(kept)
    kept_headings = [index for index in headings if index in chosen]
    if kept_headings:
        return kept_headings[0]
    before = [index for index in headings if kept[0] - LEAD_BLOCKS <= index < kept[0]]
    if before:
        return before[-1]
    declared = parsed.meta.get("og:title") or parsed.metadata_from_json_ld().get("headline")
    return headings[0] if len(headings) == 1 and not declared else None


def _agrees(heading: str, titles: list[str]) -> bool:
    """Whether a heading is the page's title: the same words, or most of a title that also
    names the site ("Headline | Site"), or a title and a little more."""
    return bool(heading) and any(
        heading == title or (heading in title and 2 * len(heading) >= len(title))
        or (title in heading and 2 * len(title) >= len(heading)) for title in titles if title)


def _byline(blocks: list[_Block], first: int, last: int) -> int | None:
    """The index of the first short block marked as a byline from ``first`` (the headline, or
    a few blocks before the article text) to ``last``, the article's last block; a block of
    mostly figures is a date line, not a byline."""
    for index in range(first, last + 1):
        block = blocks[index]
        if not block.byline_marked or block.kind != "paragraph":
            continue
        words = _words(block)
        dated = sum(any(character.isdigit() for character in word) for word in words)
        if 0 < len(words) <= BYLINE_WORDS and 2 * dated < len(words):
            return index
    return None


def _title_block(parsed: _Extractor) -> _Block | None:
    """The ``<title>`` as the headline of a page whose headline is neither an ``<h1>`` near
    the article nor in its meta tags."""
    if parsed.meta.get("og:title") or parsed.metadata_from_json_ld().get("headline"):
        return None
    if parsed.title is not None and _normalised(parsed.title.pieces):
        return parsed.title
    return None


def _text(block: _Block) -> str:
    return "".join(piece.text for piece in block.pieces)


def _plain(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))
