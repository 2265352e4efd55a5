"""HTML pages read by their markup: the article's text taken out of the page, every piece mapped back.

The parser is the standard library's ``html.parser``: it is maintained with Python, keeps
going through broken markup, knows the line and column of every tag, and never fetches
anything or resolves external entities (it has no notion of a DTD).

What is the article:

* the root is the first ``<article>``, else the first ``<main>``, else ``<body>``; scripts,
  styles, forms, navigation and embedded objects are never text, and when the root is the
  whole body the page's ``<header>``, ``<footer>`` and ``<aside>`` are left out too;
* the headline is the first ``<h1>`` (in the root, else anywhere), else ``og:title``, else
  ``<title>``; other headings are headings;
* an element whose class, id, ``rel`` or ``itemprop`` names an author or byline is the
  byline; ``<time datetime>``, ``article:published_time`` and JSON-LD ``datePublished``
  give the publication date, ``author`` meta tags and JSON-LD the byline if there is none;
* every other block element (``p``, ``li``, ``blockquote``, ``div`` text ...) is a paragraph;
  ``<br>`` is a line break inside one.

Runs of white space become one space and entities are decoded; the text keeps, for each
piece, the span of the page it came from (``SourceMap``), so findings point into the page.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from checker.patterns.compiled import compiled
from checker.text.article import Article, Block, MetaField
from checker.text.sourcemap import SourceMap

#: ``rt`` and ``rp``: a ruby annotation (furigana, pinyin) and its fallback brackets are a
#: reading aid over the text, not text: "東京(とうきょう)" would read as a word and its gloss.
SKIP = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
                  "canvas", "select", "button", "nav", "form", "head", "rt", "rp"})
#: Never text, whoever decides what the article is. A page read whole for an extractor keeps
#: navigation and forms (some sites wrap the whole page in one ``<form>``): the extractor
#: decides whether they are the article.
NEVER_TEXT = SKIP - {"nav", "form"}
CHROME = frozenset({"header", "footer", "aside"})
_PAGE_CHROME = CHROME | {"nav"}
_CONTENT = frozenset({"article", "main"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                  "source", "track", "wbr"})
BLOCK = frozenset({"address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div", "dl",
                   "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
                   "header", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
                   "tfoot", "th", "thead", "tr", "ul", "caption", "html"})
#: A table with a cell of more words than this lays out the page's text (a data table's cells
#: hold values and short descriptions).
LAYOUT_CELL_WORDS = 60
HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_BYLINE_MARK = compiled(r"(?i)author|byline|\bcreator\b")
_ROOT = {"article": compiled(r"(?i)<article[\s>/]"), "main": compiled(r"(?i)<main[\s>/]")}
_BY = compiled(r"(?i)by\s+")
_BODY = compiled(r"(?i)<body[\s>/]")
_ENTITY = compiled(r"&#?[0-9A-Za-z.-]*;?")
_NEWLINE = compiled(r"\n")  # html.parser counts lines by \n only
_SPACE = compiled(r"[ \t\n\r\f]+")
_PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
                   "date", "dc.date", "dcterms.created")
_AUTHOR_META = ("author", "article:author", "dc.creator", "byl")


@dataclass
class _Piece:
    text: str
    start: int  # span of the page it stands for
    end: int

    @property
    def exact(self) -> bool:
        return self.end - self.start == len(self.text)


@dataclass
class _Block:
    kind: str
    pieces: list[_Piece] = field(default_factory=list)
    #: Some of its text is inside an element marked as a byline (a page read whole).
    byline_marked: bool = False
    #: Some of its text is in the page's own header, footer, navigation or aside, outside
    #: any ``<article>`` or ``<main>`` (a page read whole): that element's number, counted
    #: from 1 in the page's order (0: none).
    chrome: int = 0
    #: "table" inside a ``<table>``, "code" inside a ``<pre>``, else "" (``Block.container``).
    container: str = ""


@dataclass
class _Container:
    """An open ``<table>`` or ``<pre>`` and the blocks opened in it (not in a nested one)."""

    kind: str
    blocks: list[_Block] = field(default_factory=list)
    #: The cell each of ``blocks`` opened in (counted from 1; 0: before any).
    block_cells: list[int] = field(default_factory=list)
    every_cell: int = 0  # cells opened so far
    rows: int = 0
    columns: int = 0  # the most cells of a row
    cells: int = 0  # cells of the current row
    headed: bool = False  # a th, thead or caption
    nested: bool = False  # holds a table

    def cell(self, tag: str) -> None:
        if tag == "tr":
            self.rows += 1
            self.cells = 0
        elif tag in ("td", "th"):
            self.cells += 1
            self.every_cell += 1
            self.columns = max(self.columns, self.cells)
        if tag in ("th", "thead", "caption"):
            self.headed = True

    def close(self) -> None:
        """A table that lays out the page, not data, gives its blocks back to the running text:
        one holding a table, one of a single row or column without headers, or one with a cell
        that holds more than ``LAYOUT_CELL_WORDS`` words (paragraphs of text, not a value)."""
        if self.kind != "table":
            return
        words: Counter[int] = Counter()
        for block, cell in zip(self.blocks, self.block_cells, strict=True):
            words[cell] += sum(len(piece.text.split()) for piece in block.pieces)
        grid = self.headed or (self.rows >= 2 and self.columns >= 2)
        if self.nested or not grid or max(words.values(), default=0) > LAYOUT_CELL_WORDS:
            for block in self.blocks:
                block.container = ""


@dataclass
class _Open:
    tag: str
    skip: bool = False
    root: bool = False
    byline: bool = False
    block: bool = False
    chrome: bool = False
    content: bool = False
    #: A ``<table>`` or a ``<pre>``: its blocks are set apart (``Block.container``).
    container: bool = False


class _Extractor(HTMLParser):
    """The page's blocks of text, each piece with its span of the page. ``whole``: every
    block of the page, for an extractor to choose from (``html_content``); else the
    article by the markup rules of this module's docstring."""

    def __init__(self, page: str, whole: bool = False) -> None:
        super().__init__(convert_charrefs=False)
        self.page = page
        self.whole = whole
        self.skipped = NEVER_TEXT if whole else SKIP
        self.newlines = [0, *(match.end() for match in _NEWLINE.finditer(page))]
        self.root_tag = next((tag for tag, pattern in _ROOT.items() if pattern.search(page)), "body")
        if whole or (self.root_tag == "body" and not _BODY.search(page)):
            self.root_tag = ""  # a fragment (a CMS field): all of it is the article
        self.stack: list[_Open] = []
        self.skipping = 0
        self.in_root = 0 if self.root_tag else 1
        self.root_done = False
        self.in_byline = 0
        self.blocks: list[_Block] = []
        self.current: _Block | None = None
        self.outside_h1: _Block | None = None
        self.collect_outside: _Block | None = None
        self.title: _Block | None = None
        self.in_title = False
        self.meta: dict[str, str] = {}
        self.json_ld: list[str] = []
        self.in_json_ld = False
        self.published: str | None = None
        #: (page offset, value) of every ``<time datetime>`` of a page read whole.
        self.times: list[tuple[int, str]] = []
        self.has_head = False
        self.deepest = 0
        self.in_chrome = 0  # page chrome open, outside article and main
        self.chrome_number = 0  # the outermost open one's number
        self.in_content = 0  # article or main open
        self.containers: list[_Container] = []  # the open tables and pre elements, innermost last

    # ---- positions -------------------------------------------------------------------
    def here(self) -> int:
        line, column = self.getpos()
        return self.newlines[line - 1] + column

    def tag_end(self, start: int) -> int:
        text = self.get_starttag_text() or ""
        return start + len(text)

    # ---- blocks ----------------------------------------------------------------------
    def flush(self) -> None:
        if self.current is not None and any(p.text.strip() for p in self.current.pieces):
            self.blocks.append(self.current)
        self.current = None

    def open_block(self, kind: str) -> None:
        self.flush()
        self.current = self._block(kind)

    def _block(self, kind: str) -> _Block:
        """A new block, set apart when it opens inside a table or a pre element (the innermost
        one's kind; a table found to be the page's layout, not data, gives it back at its end)."""
        if not self.containers:
            return _Block(kind)
        inner = self.containers[-1]
        block = _Block(kind, container=inner.kind)
        inner.blocks.append(block)
        inner.block_cells.append(inner.every_cell)
        return block

    def collecting(self) -> bool:
        return self.in_root > 0 and not self.skipping

    def add(self, piece: _Piece) -> None:
        if self.in_title and self.title is not None:
            self.title.pieces.append(piece)
        if self.in_json_ld:
            self.json_ld.append(piece.text)
            return
        if self.collect_outside is not None and not self.skipping:
            self.collect_outside.pieces.append(piece)
        if not self.collecting():
            return
        if self.current is None:
            self.current = self._block("byline" if self.in_byline and not self.whole else "paragraph")
        self.current.pieces.append(piece)
        if self.in_byline and piece.text.strip():
            self.current.byline_marked = True
        if self.in_chrome and piece.text.strip():
            self.current.chrome = self.chrome_number

    # ---- parser callbacks ------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self.here()
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "head":
            self.has_head = True
        if tag == "meta":
            self._meta(values)
            return
        if tag == "title" and self.title is None:
            self.title = _Block("headline")
            self.in_title = True
        if tag == "script" and "ld+json" in values.get("type", "").lower():
            self.in_json_ld = True
        if tag == "time" and values.get("datetime") and self.in_root:
            if self.whole:
                self.times.append((start, values["datetime"]))
            elif self.published is None:
                self.published = values["datetime"]
        if tag == "br":
            self.add(_Piece("\n", start, self.tag_end(start)))
            return
        if tag in VOID:
            return
        entry = _Open(tag)
        if tag in _CONTENT:
            entry.content = True
            self.in_content += 1
        elif tag in _PAGE_CHROME and not self.in_content:
            entry.chrome = True
            if not self.in_chrome:
                self.chrome_number += 1
            self.in_chrome += 1
        if tag in self.skipped or (tag in CHROME and self.root_tag == "body" and self.in_root):
            entry.skip = True
            self.skipping += 1
        if tag == self.root_tag and not self.in_root and not self.root_done:
            entry.root = True
            self.in_root += 1
        marks = " ".join(values.get(name, "") for name in ("class", "id", "rel", "itemprop"))
        if self.collecting() and _BYLINE_MARK.search(marks) and not self.in_byline and tag not in ("article", "main"):
            entry.byline = True
            self.in_byline += 1
            if not self.whole:  # read whole, an element marked so may hold much more than a byline
                self.open_block("byline")
        if tag in ("table", "pre"):
            entry.container = True
            if tag == "table" and self.containers:
                self.containers[-1].nested = True
            self.containers.append(_Container("table" if tag == "table" else "code"))
        elif self.containers and self.containers[-1].kind == "table":
            self.containers[-1].cell(tag)
        if tag in BLOCK and not (entry.byline and not self.whole):
            entry.block = True
            if self.collecting() and (self.whole or not self.in_byline):
                kind = "h1" if tag == "h1" else "heading" if tag in HEADINGS else "paragraph"
                self.open_block(kind)
        if tag == "h1" and not self.in_root and self.outside_h1 is None and not self.skipping:
            self.outside_h1 = self.collect_outside = _Block("h1")
        self.stack.append(entry)
        self.deepest = max(self.deepest, len(self.stack))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag == "script":
            self.in_json_ld = False
        if tag == "h1" and self.collect_outside is not None:
            self.collect_outside = None
        if not any(entry.tag == tag for entry in self.stack):
            return
        while self.stack:
            entry = self.stack.pop()
            self.in_content -= entry.content
            self.in_chrome -= entry.chrome
            if entry.container:
                self.containers.pop().close()
            if entry.skip:
                self.skipping -= 1
            if entry.byline:
                self.in_byline -= 1
            if (entry.byline and not self.whole) or (entry.block and self.collecting()):
                self.flush()
            if entry.root:
                self.flush()
                self.in_root -= 1
                self.root_done = True
            if entry.tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if data:
            start = self.here()
            self.add(_Piece(data, start, start + len(data)))

    def _reference(self, text: str) -> None:
        start = self.here()
        match = _ENTITY.match(self.page, start)
        end = match.end() if match else start + len(text)
        raw = self.page[start:end]
        decoded = html.unescape(raw)
        self.add(_Piece(decoded, start, end))

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")

    def _meta(self, values: dict[str, str]) -> None:
        key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
        content = values.get("content")
        if key and content and key not in self.meta:
            self.meta[key] = content

    # ---- the article -----------------------------------------------------------------
    def metadata_from_json_ld(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for text in self.json_ld:
            try:
                data = json.loads(text)
            except ValueError:
                continue
            for item in data if isinstance(data, list) else [data]:
                if not isinstance(item, dict):
                    continue
                for entry in item.get("@graph", [item]) if isinstance(item.get("@graph"), list) else [item]:
                    if not isinstance(entry, dict):
                        continue
                    if isinstance(entry.get("datePublished"), str):
                        found.setdefault("published", entry["datePublished"])
                    if isinstance(entry.get("headline"), str):
                        found.setdefault("headline", entry["headline"])
                    author = entry.get("author")
                    names = [a.get("name") if isinstance(a, dict) else a
                             for a in (author if isinstance(author, list) else [author])]
                    names = [n for n in names if isinstance(n, str) and n.strip()]
                    if names:
                        found.setdefault("byline", ", ".join(names))
        return found


def _normalised(pieces: list[_Piece]) -> list[_Piece]:
    """White space collapsed to single spaces, trimmed at the ends and around line breaks."""
    result: list[_Piece] = []
    for piece in pieces:
        if not piece.exact:
            if piece.text.isspace() and piece.text != "\n" and result and result[-1].text in (" ", "\n"):
                continue
            result.append(piece)
            continue
        position = 0
        for match in _SPACE.finditer(piece.text):
            if match.start() > position:
                result.append(_Piece(piece.text[position : match.start()], piece.start + position,
                                     piece.start + match.start()))
            if not (result and result[-1].text in (" ", "\n")):
                result.append(_Piece(" ", piece.start + match.start(), piece.start + match.end()))
            position = match.end()
        if position < len(piece.text):
            result.append(_Piece(piece.text[position:], piece.start + position, piece.end))
    cleaned: list[_Piece] = []
    for piece in result:
        if piece.text == " " and (not cleaned or cleaned[-1].text == "\n"):
            continue
        if piece.text == "\n" and cleaned and cleaned[-1].text == " ":
            cleaned.pop()
        if piece.text == "\n" and (not cleaned or cleaned[-1].text == "\n"):
            continue
        cleaned.append(piece)
    while cleaned and cleaned[-1].text in (" ", "\n"):
        cleaned.pop()
    return cleaned


def read_page(page: str, whole: bool = False) -> _Extractor:
    """The page parsed once: its blocks (every block when ``whole``), title, meta tags and
    JSON-LD."""
    extractor = _Extractor(page, whole)
    extractor.feed(page)
    extractor.close()
    extractor.flush()
    while extractor.containers:  # a table or pre element the page never closed ends with it
        extractor.containers.pop().close()
    return extractor


def markup_article(path: str, page: str) -> Article:
    """The article by this module's markup rules (first ``<article>``, ``<main>`` or ``<body>``)."""
    extractor = read_page(page)
    blocks = extractor.blocks
    headline = next((b for b in blocks if b.kind == "h1"), None)
    if headline is None and extractor.outside_h1 is not None and _normalised(extractor.outside_h1.pieces):
        headline = extractor.outside_h1
    if headline is None and extractor.title is not None and _normalised(extractor.title.pieces):
        headline = extractor.title
    return assemble(path, page, extractor, blocks, headline, extractor.published)


def assemble(path: str, page: str, extractor: _Extractor, blocks: list[_Block], headline: _Block | None,
             published: str | None) -> Article:
    """The article of ``blocks`` (in page order), ``headline`` first; metadata the blocks do
    not give comes from the page's meta tags and JSON-LD."""
    meta = extractor.meta
    json_ld = extractor.metadata_from_json_ld()
    ordered = ([headline] if headline is not None else []) + [b for b in blocks if b is not headline]

    text_parts: list[str] = []
    mapping = SourceMap(page)
    spans: list[tuple[str, int, int, str]] = []
    last_end = 0
    for block in ordered:
        pieces = _normalised(block.pieces)
        if not pieces:
            continue
        if text_parts:
            text_parts.append("\n\n")
            mapping.add(2, last_end, last_end)
        start = mapping.length
        for piece in pieces:
            text_parts.append(piece.text)
            mapping.add(len(piece.text), piece.start, piece.end)
        kind = "headline" if block is headline else "heading" if block.kind == "h1" else block.kind
        spans.append((kind, start, mapping.length, "" if block is headline else block.container))
        last_end = pieces[-1].end
    text = "".join(text_parts)

    article = Article(path=path, source=text, format="html", origin=mapping)
    article.has_header = extractor.has_head or bool(meta)
    for kind, start, end, container in spans:
        article.blocks.append(Block(kind, start, end, container))
        if kind == "headline":
            article.metadata["headline"] = MetaField(text[start:end], start, end)
        elif kind == "byline" and "byline" not in article.metadata:
            name = _BY.match(text, start, end)
            name_start = name.end() if name else start
            article.metadata["byline"] = MetaField(text[name_start:end], name_start, end)
    if "headline" not in article.metadata:
        title = meta.get("og:title") or json_ld.get("headline")
        if title:
            article.metadata["headline"] = MetaField(title)
    if "byline" not in article.metadata:
        author = next((meta[k] for k in _AUTHOR_META if meta.get(k)), None) or json_ld.get("byline")
        if author:
            article.metadata["byline"] = MetaField(author)
    published = published or next((meta[k] for k in _PUBLISHED_META if meta.get(k)), None)
    published = published or json_ld.get("published")
    if published:
        article.metadata["published"] = MetaField(published)
    source = meta.get("og:url")
    if source:
        article.metadata["source"] = MetaField(source)
    return article
