"""Helpers shared by the parsers: lines and blank-line separated blocks with offsets."""

from __future__ import annotations

from collections.abc import Iterator

from checker.patterns.compiled import compiled

_LINE = compiled(r"[^\r\n\u2028\u2029]*(?:\r\n|\r|\n|\u2028|\u2029)?")


def iter_lines(source: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of each line in source[start:end], line break excluded."""
    end = len(source) if end is None else end
    position = start
    while position < end:
        match = _LINE.match(source, position, end)
        assert match is not None
        if match.end() == position:
            break
        text = match.group(0).rstrip("\r\n\u2028\u2029")
        yield position, position + len(text), text
        position = match.end()


def trimmed(source: str, start: int, end: int) -> tuple[int, int]:
    while start < end and source[start].isspace():
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    return start, end


def paragraph_spans(source: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Blocks of consecutive non-blank lines, trimmed."""
    spans: list[tuple[int, int]] = []
    block_start: int | None = None
    block_end = start
    for line_start, line_end, text in iter_lines(source, start, end):
        if text.strip():
            if block_start is None:
                block_start = line_start
            block_end = line_end
        elif block_start is not None:
            spans.append(trimmed(source, block_start, block_end))
            block_start = None
    if block_start is not None:
        spans.append(trimmed(source, block_start, block_end))
    return [s for s in spans if s[1] > s[0]]
