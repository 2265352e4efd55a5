"""Markdown articles with optional YAML front matter.

Front matter keys ``title``/``headline``, ``author``/``byline``, ``date``/``published`` and
``section`` become metadata. Without a title, the first level-one heading is the headline.
Fenced code and HTML comments are not article text; list and quote markers are left out of
the block spans so rules see the words. Each row of a table is a block of its own (a results
table is many short statements, not one sentence of thousands of words), and the row of dashes
under a table's header is not text.
"""

from __future__ import annotations

import datetime as dt

import regex
import yaml

from checker.patterns.compiled import compiled
from checker.read.parsers.blocks import iter_lines, trimmed
from checker.text.article import Article, Block, MetaField

FRONT_MATTER_KEYS = {
    "title": "headline",
    "headline": "headline",
    "author": "byline",
    "authors": "byline",
    "byline": "byline",
    "date": "published",
    "published": "published",
    "section": "section",
    "source": "source",
    "url": "source",
}

_FENCE = compiled(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = compiled(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MARKER = compiled(r"^\s{0,3}(?:>\s?)*(?:[-*+]\s+|[0-9]{1,9}[.)]\s+)?")
_COMMENT_ONLY = compiled(r"^\s*<!--.*-->\s*$")
_SETEXT = compiled(r"^\s{0,3}(=+|-+)\s*$")
#: The delimiter row under a table's header: cells of dashes with optional colons, split by pipes.
_TABLE_DELIMITER = compiled(r"^\s{0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$|^\s{0,3}\|\s*:?-+:?\s*\|\s*$")
#: A row of a table written with a leading pipe.
_TABLE_ROW = compiled(r"^\s{0,3}\|")


def _front_matter(article: Article) -> int:
    source = article.source
    lines = list(iter_lines(source))
    if not lines or lines[0][2].strip() != "---":
        return 0
    for index, (line_start, line_end, text) in enumerate(lines[1:], start=1):
        if text.strip() in ("---", "..."):
            yaml_start, yaml_end = lines[0][1], line_start
            article.structural.append((0, line_end))
            article.has_header = True
            try:
                data = yaml.safe_load(source[yaml_start:yaml_end]) or {}
            except yaml.YAMLError as error:
                mark = getattr(error, "problem_mark", None)
                detail = getattr(error, "problem", None) or "malformed YAML"
                where = f" (line {mark.line + 2})" if mark else ""
                article.parse_notes.append((f"front matter is not valid YAML: {detail}{where}", 0, line_end))
                return line_end
            if not isinstance(data, dict):
                article.parse_notes.append(("front matter is not a mapping", 0, line_end))
                return line_end
            _apply_front_matter(article, data, lines[1:index])
            return line_end
    return 0


def _apply_front_matter(article: Article, data: dict, lines: list[tuple[int, int, str]]) -> None:
    for raw_key, value in data.items():
        key = FRONT_MATTER_KEYS.get(str(raw_key).lower())
        if key is None or key in article.metadata or value is None:
            continue
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        elif isinstance(value, dt.datetime | dt.date):
            value = value.isoformat()
        text = str(value)
        start = end = None
        for line_start, line_end, line in lines:
            if regex.match(rf"\s*{regex.escape(str(raw_key))}\s*:", line):
                position = line.find(text) if text else -1
                if position >= 0:
                    start, end = line_start + position, line_start + position + len(text)
                else:
                    colon = line.index(":") + 1
                    start, end = trimmed(article.source, line_start + colon, line_end)
                break
        article.metadata[key] = MetaField(text, start, end)
        if key == "headline" and start is not None and end is not None:
            article.blocks.append(Block("headline", start, end))


def _same(first: str, second: str) -> bool:
    return " ".join(first.casefold().split()) == " ".join(second.casefold().split())


def parse_markdown(path: str, source: str) -> Article:
    article = Article(path=path, source=source, format="markdown")
    body_start = _front_matter(article)
    in_fence: str | None = None
    block_start: int | None = None
    block_end = 0
    blocks: list[tuple[str, int, int]] = []

    def close() -> None:
        nonlocal block_start
        if block_start is not None:
            s, e = trimmed(source, block_start, block_end)
            if e > s:
                blocks.append(("paragraph", s, e))
        block_start = None

    in_table = False
    previous: tuple[int, int, str] | None = None  # the line before this one, when it is in the open block

    def row(start: int, end: int) -> None:
        s, e = trimmed(source, start, end)
        if e > s:
            blocks.append(("row", s, e))

    for line_start, line_end, text in iter_lines(source, body_start):
        last, previous = previous, (line_start, line_end, text)
        fence = _FENCE.match(text)
        if in_fence is not None:
            if fence and fence.group(1)[0] == in_fence[0] and len(fence.group(1)) >= len(in_fence):
                in_fence = None
            continue
        if fence:
            close()
            in_fence = fence.group(1)
            continue
        if not text.strip() or _COMMENT_ONLY.match(text):
            close()
            in_table = False
            continue
        header = last is not None and "|" in last[2] and block_start is not None
        if _TABLE_DELIMITER.match(text) and (in_table or header):
            if not in_table and last is not None:
                # The header row is the open block's last line: the lines before it are a paragraph.
                if block_start is not None and block_start < last[0]:
                    block_end = last[0]
                    close()
                block_start = None
                row(last[0], last[1])
            in_table = True
            continue
        if (in_table and "|" in text) or _TABLE_ROW.match(text):
            close()
            row(line_start, line_end)
            in_table = True
            continue
        in_table = False
        heading = _HEADING.match(text)
        if heading:
            close()
            s = line_start + heading.start(2)
            e = line_start + heading.end(2)
            if e > s:
                kind = "h1" if len(heading.group(1)) == 1 else "heading"
                blocks.append((kind, s, e))
            continue
        if _SETEXT.match(text) and block_start is not None:
            s, e = trimmed(source, block_start, block_end)
            block_start = None
            blocks.append(("h1" if text.strip()[0] == "=" else "heading", s, e))
            continue
        marker = _MARKER.match(text)
        content_start = line_start + (marker.end() if marker else 0)
        if marker and marker.group(0).strip():
            close()  # a list item or quote line starts its own block
        if block_start is None:
            block_start = content_start
        block_end = line_end
    close()

    title = article.metadata.get("headline")
    first = blocks[0] if blocks else None
    if title is not None and first is not None and first[0] == "h1" and _same(source[first[1] : first[2]], title.value):
        # The first heading displays the front-matter title: it is the headline, not a repeat.
        article.blocks = [b for b in article.blocks if b.kind != "headline"]
        _, s, e = blocks.pop(0)
        article.metadata["headline"] = MetaField(source[s:e], s, e)
        article.blocks.append(Block("headline", s, e))
    for kind, s, e in blocks:
        if kind == "h1" and "headline" not in article.metadata:
            article.metadata["headline"] = MetaField(source[s:e], s, e)
            article.blocks.append(Block("headline", s, e))
        elif kind == "row":
            article.blocks.append(Block("paragraph", s, e, "table"))
        else:
            article.blocks.append(Block("heading" if kind == "h1" else kind, s, e))
    article.blocks.sort(key=lambda b: b.start)
    return article
