"""Files that hold many articles: JSON Lines (one record per line) and JSON (one object,
an array, or an object with an array of records), optionally gzip-compressed.

Each record becomes the text of one article, written the way the text parser reads a
scrape dump: ``Title:``, ``Author:``, ``Published:`` and ``URL:`` header lines, a blank
line, then the body. Findings name the record, ``corpus.jsonl#<id>`` (or ``#L<line>`` for
a JSON Lines record without an id, ``#/<index>`` for a JSON array item), and their line and
column are in that text. JSON Lines files are read one line at a time: memory does not
grow with the number of records.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

import regex

from checker.errors import InputError, UsageError
from checker.inputs import DEFAULT_MAX_SIZE, GZIP_MAGIC, read_limited, too_large

#: Record fields looked for, in order, for each part of an article.
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "guid", "_id", "uuid", "slug"),
    "headline": ("headline", "title"),
    "body": ("body", "content", "text", "article", "story"),
    "published": ("published", "date", "published_at", "publish_date", "pubDate", "datePublished"),
    "url": ("url", "link", "source_url", "permalink"),
    "byline": ("byline", "author", "authors"),
}
_HEADER = (("headline", "Title"), ("byline", "Author"), ("published", "Published"), ("url", "URL"))
_COLLECTIONS = ("articles", "items", "records", "data", "results", "posts")
_SPACES = regex.compile(r"\s+")
_HTML_BODY = regex.compile(r"(?i)<(?:p|br|div|h[1-6]|li|blockquote)[\s>/]")


@dataclass(frozen=True)
class Record:
    """One article of a multi-article file, or the reason it could not be read."""

    name: str
    text: str = ""
    error: str | None = None


def parse_fields(items: Sequence[str], configured: Mapping[str, Any] | None = None) -> dict[str, tuple[str, ...]]:
    """Field names: the defaults, then the configuration's ``fields``, then ``--field PART=NAME``."""
    fields = dict(DEFAULT_FIELDS)
    pairs: list[tuple[str, Any]] = list((configured or {}).items())
    for item in items:
        part, sep, names = item.partition("=")
        if not sep:
            raise UsageError(f"--field expects PART=NAME, got {item!r}")
        pairs.append((part, names.split(",")))
    for part, names in pairs:
        part = str(part).strip()
        if part not in DEFAULT_FIELDS:
            raise UsageError(f"unknown record field {part!r} (known: {', '.join(DEFAULT_FIELDS)})")
        listed = names if isinstance(names, list) else [names]
        fields[part] = tuple(str(n).strip() for n in listed if str(n).strip())
    return fields


def _lookup(record: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value: Any = record
        for key in name.split("."):  # "content.rendered" reaches into nested objects
            value = value.get(key) if isinstance(value, Mapping) else None
        if value not in (None, "", []):
            return value
    return None


def _one_line(value: Any) -> str:
    if isinstance(value, list):
        value = ", ".join(str(v.get("name", "") if isinstance(v, Mapping) else v) for v in value)
    elif isinstance(value, Mapping):
        value = value.get("name", "")
    return _SPACES.sub(" ", str(value)).strip()


def record_text(record: Any, fields: Mapping[str, tuple[str, ...]]) -> str:
    """The article text of one record; ``ValueError`` says why there is none."""
    if not isinstance(record, Mapping):
        raise ValueError(f"a record must be an object, not {type(record).__name__}")
    body = _lookup(record, fields["body"])
    if body is None:
        raise ValueError(f"no body (looked for {', '.join(fields['body'])}; set --field body=NAME)")
    if not isinstance(body, str):
        raise ValueError(f"the body must be a string, not {type(body).__name__}")
    if _HTML_BODY.search(body):
        from checker.parsers.html import fragment_text

        body = fragment_text(body)
    header = []
    for part, label in _HEADER:
        value = _lookup(record, fields[part])
        if value is not None and _one_line(value):
            header.append(f"{label}: {_one_line(value)}\n")
    return "".join(header) + ("\n" if header else "") + body


def record_id(record: Any, fields: Mapping[str, tuple[str, ...]]) -> str | None:
    if not isinstance(record, Mapping):
        return None
    value = _lookup(record, fields["id"])
    return _one_line(value) if isinstance(value, str | int) and not isinstance(value, bool) else None


def _open(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdin.buffer
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed by the caller
    except IsADirectoryError:
        raise InputError("is a folder", source=path) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", source=path) from None
    if handle.peek(2)[:2] == GZIP_MAGIC:
        import gzip

        return gzip.open(handle)  # type: ignore[return-value]
    return handle


def read_jsonl(path: str, display: str, fields: Mapping[str, tuple[str, ...]],
               encoding: str = "utf-8", max_size: int = DEFAULT_MAX_SIZE) -> Iterator[Record]:
    """Records of a JSON Lines file, one line at a time; a bad line is a Record with an error.
    A line over ``max_size`` bytes is skipped without being held in memory."""
    import json

    handle = _open(path)
    try:
        for number, raw in _lines(handle, max_size):
            name = f"{display}#L{number}"
            if raw is None:
                yield Record(name, error=f"line {number}: " + too_large(None, max_size, "record too large"))
                continue
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode(encoding).lstrip("\ufeff"))
            except UnicodeDecodeError as error:
                yield Record(name, error=f"line {number}: not valid {encoding}: byte 0x{raw[error.start]:02x}")
                continue
            except ValueError as error:
                yield Record(name, error=f"line {number}: not valid JSON: {error}")
                continue
            identifier = record_id(record, fields)
            if identifier:
                name = f"{display}#{identifier}"
            try:
                yield Record(name, record_text(record, fields))
            except ValueError as error:
                yield Record(name, error=f"line {number}: {error}")
    except (OSError, EOFError) as error:
        yield Record(display, error=f"cannot read: {getattr(error, 'strerror', None) or error}")
    finally:
        if handle is not sys.stdin.buffer:
            handle.close()


def _lines(handle: BinaryIO, max_size: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines of ``handle``; None for one longer than ``max_size`` (0: no limit),
    which is read past in blocks rather than kept."""
    number = 0
    while True:
        raw = handle.readline(max_size + 1) if max_size else handle.readline()
        if not raw:
            return
        number += 1
        if max_size and len(raw) > max_size and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = handle.readline(1 << 20)
            yield number, None
            continue
        yield number, raw


def read_json(path: str, display: str, fields: Mapping[str, tuple[str, ...]],
              encoding: str = "utf-8", max_size: int = DEFAULT_MAX_SIZE) -> Iterator[Record]:
    """Records of a JSON file: one article object, an array of them, or an object holding an
    array. The file is parsed whole, so it must fit ``max_size``; big exports stream as JSON Lines."""
    import json

    handle = _open(path)
    try:
        raw = read_limited(handle, max_size)
        if raw is None:
            raise InputError(too_large(None, max_size) + "; JSON Lines files are streamed instead", source=display)
        data = json.loads(raw.decode(encoding).lstrip("\ufeff"))
    except UnicodeDecodeError as error:
        raise InputError(f"not valid {encoding} at byte offset {error.start}", source=display) from None
    except ValueError as error:
        raise InputError(f"not valid JSON: {error}", source=display) from None
    except (OSError, EOFError) as error:
        raise InputError(f"cannot read: {getattr(error, 'strerror', None) or error}", source=display) from None
    finally:
        if handle is not sys.stdin.buffer:
            handle.close()
    if isinstance(data, Mapping) and _lookup(data, fields["body"]) is None:
        data = next((data[key] for key in _COLLECTIONS if isinstance(data.get(key), list)), data)
    items = data if isinstance(data, list) else [data]
    for index, record in enumerate(items):
        identifier = record_id(record, fields)
        name = display if not isinstance(data, list) else f"{display}#{identifier or '/' + str(index)}"
        try:
            yield Record(name, record_text(record, fields))
        except ValueError as error:
            yield Record(name, error=str(error) if not isinstance(data, list) else f"item {index}: {error}")
