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

from checker.errors import InputError, UsageError
from checker.patterns.compiled import compiled
from checker.read.inputs import DEFAULT_MAX_SIZE, GZIP_MAGIC, read_limited, too_large

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
_SPACES = compiled(r"\s+")
_HTML_BODY = compiled(r"(?i)<(?:p|br|div|h[1-6]|li|blockquote)[\s>/]")


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


def _resolve(record: Mapping[str, Any], name: str) -> Any:
    value: Any = record
    for key in name.split("."):  # "content.rendered" reaches into nested objects
        value = value.get(key) if isinstance(value, Mapping) else None
    return value


def _lookup(record: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    """The first of the fields ``names`` that holds something (not empty)."""
    for name in names:
        value = _resolve(record, name)
        if value not in (None, "", []):
            return value
    return None


def _one_line(value: Any) -> str:
    if isinstance(value, list):
        value = ", ".join(str(v.get("name", "") if isinstance(v, Mapping) else v) for v in value)
    elif isinstance(value, Mapping):
        value = value.get("name", "")
    return _SPACES.sub(" ", str(value)).strip()


class NoBody(ValueError):
    """A record with none of the body fields at all (an empty body is another error: the
    record is an article whose text is missing)."""


def _has_field(record: Mapping[str, Any], names: tuple[str, ...]) -> bool:
    """Whether one of the fields ``names`` is there at all, empty or not."""
    return any(_resolve(record, name) is not None for name in names)


def _looked_for(fields: Mapping[str, tuple[str, ...]]) -> str:
    return f"looked for {', '.join(fields['body'])}; set --field body=NAME"


def record_text(record: Any, fields: Mapping[str, tuple[str, ...]]) -> str:
    """The article text of one record; ``ValueError`` says why there is none."""
    if not isinstance(record, Mapping):
        raise ValueError(f"a record must be an object, not {type(record).__name__}")
    body = _lookup(record, fields["body"])
    if body is None:
        problem = ValueError if _has_field(record, fields["body"]) else NoBody
        raise problem(f"no body ({_looked_for(fields)})")
    if not isinstance(body, str):
        raise ValueError(f"the body must be a string, not {type(body).__name__}")
    if _HTML_BODY.search(body):
        from checker.read.parsers.html import fragment_text

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
    return _one_error_when_no_record_has_a_body(_jsonl_records(path, display, fields, encoding, max_size),
                                                display, fields)


#: No-body errors held back at the start of a file, waiting to see whether any record has a
#: body; past this many they are reported one by one, as the records after them are.
HELD_RECORDS = 10_000


def _one_error_when_no_record_has_a_body(records: Iterator[tuple[Record, bool]], display: str,
                                         fields: Mapping[str, tuple[str, ...]]) -> Iterator[Record]:
    """The records as read (with whether each is one without a body), except that when no
    record of the file has a body, the file is an index or a log, not an article dump: its
    no-body errors become one error for the file, in the place of the first, instead of one
    per record. Until a record with a body is read the errors are held back (at most
    ``HELD_RECORDS``, so memory stays bounded); the order of what is reported never changes."""
    held: list[tuple[Record, bool]] | None = []
    for record, no_body in records:
        if held is None:
            yield record
            continue
        held.append((record, no_body))
        if record.error is None or len(held) > HELD_RECORDS:
            yield from (r for r, _ in held)
            held = None
    if not held:
        return
    missing = sum(no_body for _, no_body in held)
    summary_at = next(index for index, (_, no_body) in enumerate(held) if no_body) if missing > 1 else -1
    for index, (record, no_body) in enumerate(held):
        if index == summary_at:
            yield Record(display, error=f"no record has a body ({missing} records; {_looked_for(fields)})")
        elif not (no_body and summary_at >= 0):
            yield record


def _read_record(name: str, record: Any, fields: Mapping[str, tuple[str, ...]], where: str) -> tuple[Record, bool]:
    """One record read as an article, or its error prefixed with ``where``; and whether it
    is an error for a record without any body field."""
    try:
        return Record(name, record_text(record, fields)), False
    except ValueError as error:
        return Record(name, error=f"{where}{error}"), isinstance(error, NoBody)


def _jsonl_records(path: str, display: str, fields: Mapping[str, tuple[str, ...]], encoding: str,
                   max_size: int) -> Iterator[tuple[Record, bool]]:
    import json

    handle = _open(path)
    try:
        for number, raw in _lines(handle, max_size):
            name = f"{display}#L{number}"
            if raw is None:
                yield Record(name, error=f"line {number}: " + too_large(None, max_size, "record too large")), False
                continue
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode(encoding).lstrip("\ufeff"))
            except UnicodeDecodeError as error:
                yield Record(name, error=f"line {number}: not valid {encoding}: byte 0x{raw[error.start]:02x}"), False
                continue
            except ValueError as error:
                yield Record(name, error=f"line {number}: not valid JSON: {error}"), False
                continue
            identifier = record_id(record, fields)
            if identifier:
                name = f"{display}#{identifier}"
            yield _read_record(name, record, fields, f"line {number}: ")
    except (OSError, EOFError) as error:
        yield Record(display, error=f"cannot read: {getattr(error, 'strerror', None) or error}"), False
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
    yield from _one_error_when_no_record_has_a_body(_json_records(items, display, fields, isinstance(data, list)),
                                                    display, fields)


def _json_records(items: list[Any], display: str, fields: Mapping[str, tuple[str, ...]],
                  array: bool) -> Iterator[tuple[Record, bool]]:
    for index, record in enumerate(items):
        identifier = record_id(record, fields)
        name = f"{display}#{identifier or '/' + str(index)}" if array else display
        yield _read_record(name, record, fields, f"item {index}: " if array else "")
