"""Helpers shared by the parsers: lines and blank-line separated blocks with offsets."""

from __future__ import annotations

from collections.abc import Iterator

from checker.patterns.compiled import compiled

_LINE = compiled(r"[^\r\n\u2028\u2029]*(?:\r\n|\r|\n|\u2028|\u2029)?")
_BREAKS = "\r\n\u2028\u2029"


def iter_lines(source: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of each line in source[start:end] (``0 <= start <= len(source)``), line break excluded."""
    end = len(source) if end is None else end
    if start >= end:
        return  # the pattern would read a negative end from the end of the text
    # Each match starts where the one before ended (a line is never empty before ``end``: it
    # holds a character or a break), so one scan gives the lines one match at a time did.
    for match in _LINE.finditer(source, start, end):
        position = match.start()
        if match.end() == position:
            break
        text = match.group(0).rstrip(_BREAKS)
        yield position, position + len(text), text


def trimmed(source: str, start: int, end: int) -> tuple[int, int]:
    while start < end and source[start].isspace():
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    return start, end


def paragraph_spans(source: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Blocks of consecutive non-blank lines, trimmed (``0 <= start <= len(source)``)."""
    spans: list[tuple[int, int]] = []
    block_start: int | None = None
    block_end = start
    # ``iter_lines`` inline: a line with its break is blank when all of it is white space, as
    # the breaks are white space themselves; only a line that is not needs its end.
    end = len(source) if end is None else end
    if start >= end:
        return []  # the pattern would read a negative end from the end of the text
    for match in _LINE.finditer(source, start, end):
        line_start = match.start()
        line = match.group()
        if not line:
            break
        if not line.isspace():
            if block_start is None:
                block_start = line_start
            block_end = line_start + len(line.rstrip(_BREAKS))
        elif block_start is not None:
            spans.append(trimmed(source, block_start, block_end))
            block_start = None
    if block_start is not None:
        spans.append(trimmed(source, block_start, block_end))
    return [s for s in spans if s[1] > s[0]]
