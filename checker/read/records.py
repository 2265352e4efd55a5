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

import re
import sys
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, BinaryIO

from checker.errors import InputError, UsageError
from checker.patterns.compiled import compiled
from checker.read.html_reading import DEFAULT_READING, HtmlReading
from checker.read.inputs import BLOCK, DEFAULT_MAX_SIZE, GZIP_MAGIC, open_input, read_limited, too_large

#: Record fields looked for, in order, for each part of an article.
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "guid", "_id", "uuid", "slug"),
    "headline": ("headline", "title"),
    "body": ("body", "content", "text", "article", "story"),
    "published": ("published", "date", "published_at", "publish_date", "pubDate", "datePublished"),
    "url": ("url", "link", "source_url", "permalink"),
    "byline": ("byline", "author", "authors"),
    "site": ("site", "site_name", "domain"),
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
    #: The name of the file that holds the record (the session sets it to the input it read
    #: the record from). Per-path settings and reports' file locations use it, never the
    #: name: an id such as ``x/../../archive/y`` is a name, not a path. None: the part of
    #: ``name`` before its first ``#``.
    file: str | None = None
    #: The site the record names: its ``site`` field (``DEFAULT_FIELDS``), else the host of
    #: its URL, without ``www.``; None when it names neither. ``checker learn-furniture``
    #: groups records by it; the header of the article text never shows it.
    site: str | None = None


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
        # dict first: what json makes, tested in a fraction of the time of the abstract Mapping
        value = value.get(key) if type(value) is dict or isinstance(value, Mapping) else None
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


def record_text(record: Any, fields: Mapping[str, tuple[str, ...]], html: HtmlReading = DEFAULT_READING) -> str:
    """The article text of one record; ``ValueError`` says why there is none. A body in HTML
    is read as a page is (``html``): the article's text taken out of it."""
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

        body = fragment_text(body, html)
    header = []
    for part, label in _HEADER:
        value = _lookup(record, fields[part])
        if value is not None and _one_line(value):
            header.append(f"{label}: {_one_line(value)}\n")
    return "".join(header) + ("\n" if header else "") + body


def record_site(record: Any, fields: Mapping[str, tuple[str, ...]]) -> str | None:
    """The site a record names: its site field, else the host of its URL (``www.`` left
    out, lower case); None when it names neither."""
    if not isinstance(record, Mapping):
        return None
    site = _lookup(record, fields.get("site", DEFAULT_FIELDS["site"]))  # a mapping made before sites were read
    if isinstance(site, str) and site.strip():
        return _one_line(site).lower()
    url = _lookup(record, fields.get("url", DEFAULT_FIELDS["url"]))
    return url_host(url) if isinstance(url, str) else None


def url_host(url: str) -> str | None:
    """The host of a web address, lower case and without ``www.``; None when it has none
    (a host without a dot is a word, not a site)."""
    from urllib.parse import urlsplit

    text = url.strip()
    try:
        host = urlsplit(text if "//" in text else "//" + text).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host and "." in host else None


def record_id(record: Any, fields: Mapping[str, tuple[str, ...]]) -> str | None:
    if not isinstance(record, Mapping):
        return None
    value = _lookup(record, fields["id"])
    return _one_line(value) if isinstance(value, str | int) and not isinstance(value, bool) else None


def _open(path: str, display: str) -> tuple[BinaryIO, bool]:
    """The file's bytes, decompressed if it is gzip, and whether it is; ``InputError`` for a
    file that cannot be opened (a pipe or a device named as an input is refused unopened)."""
    if path == "-":
        return sys.stdin.buffer, False
    handle = open_input(path, display)
    if handle.peek(2)[:2] == GZIP_MAGIC:
        import gzip

        return gzip.open(handle), True  # type: ignore[return-value]
    return handle, False


#: Deepest nesting of arrays and objects read in a JSON record or file. Python's parser
#: recurses once per level (about a thousand levels end it with ``RecursionError``); an
#: article record nests a handful. Deeper input is refused after an iterative count.
MAX_NESTING = 200
_JSON_STRING = compiled(r'(?s)"[^"\\]*+(?:\\.[^"\\]*+)*+"')
_NOT_BRACKET = compiled(r"[^\[\]{}]++")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
TOO_DEEP = f"nested deeper than {MAX_NESTING} levels of arrays and objects; not read"


def too_deep(text: str) -> bool:
    """Whether arrays and objects nest more than ``MAX_NESTING`` deep in the JSON ``text``
    (brackets inside strings do not count), measured without recursion."""
    if text.count("[") + text.count("{") <= MAX_NESTING:
        return False  # too few brackets to nest that deep: most records stop here
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0) > MAX_NESTING


def read_jsonl(path: str, display: str, fields: Mapping[str, tuple[str, ...]],
               encoding: str = "utf-8", max_size: int = DEFAULT_MAX_SIZE, *,
               html: HtmlReading = DEFAULT_READING) -> Iterator[Record]:
    """Records of a JSON Lines file, one line at a time; a bad line is a Record with an error.
    A line over ``max_size`` bytes is skipped without being held in memory; a gzip file whose
    content is over ``max_size`` in all is refused, one error for the file (``_jsonl_records``)."""
    return _reported(_jsonl_records(path, display, fields, encoding, max_size, html), display, fields)


#: Unreadable records of one file reported one by one; the others are counted, in one line
#: for the file at its end, so a file of millions of bad records makes a report of a hundred.
LISTED_ERRORS = 100
#: Unreadable records in a row after which the rest of a file is not read: a log, an index or
#: a dump without bodies, not articles. Each costs some microseconds while nothing reaches the
#: report, so this also bounds the time between two records read (``--time-limit``).
UNREADABLE_RUN = 100_000


def _reported(records: Iterator[tuple[Record, bool]], display: str,
              fields: Mapping[str, tuple[str, ...]]) -> Iterator[Record]:
    """The records as read (each with whether it is an error for a record without any body
    field), the errors bounded. When no record of the file has a body, the file is an index
    or a log, not an article dump: its no-body errors become one error for the file, in the
    place of the first, instead of one per record. Until a record with a body is read, the
    errors are held back (at most ``LISTED_ERRORS``, the rest only counted); the order of
    what is reported never changes. Past ``LISTED_ERRORS`` errors they are counted, and one
    line for the file ends it; after ``UNREADABLE_RUN`` in a row, reading stops."""
    held: list[tuple[Record, bool]] | None = []  # None once a record with a body is read
    listed = unlisted = unlisted_no_body = run = 0
    missing = 0  # no-body errors while no record has a body
    missing_unheld = 0  # of which past the listed ones
    stopped = False
    for record, no_body in records:
        if record.error is None:
            run = 0
            if held is not None:
                yield from (r for r, _ in held)
                unlisted, unlisted_no_body = unlisted + missing_unheld, unlisted_no_body + missing_unheld
                held = None
            yield record
            continue
        run += 1
        if held is not None:
            missing += no_body
        if listed < LISTED_ERRORS:
            listed += 1
            if held is None:
                yield record
            else:
                held.append((record, no_body))
        elif held is not None and no_body:
            missing_unheld += 1  # in the file's no-body line, or counted once a body is read
        else:
            unlisted += 1
            unlisted_no_body += no_body
        if run >= UNREADABLE_RUN:
            stopped = True
            break
    if held is not None and missing > 1:
        summary = Record(display, error=f"no record has a body ({missing:,} records; {_looked_for(fields)})")
        first = next((index for index, (_, no_body) in enumerate(held) if no_body), len(held))
        yield from (record for record, no_body in held[:first] if not no_body)
        yield summary
        yield from (record for record, no_body in held[first:] if not no_body)
    elif held is not None:
        yield from (record for record, _ in held)
        unlisted, unlisted_no_body = unlisted + missing_unheld, unlisted_no_body + missing_unheld
    if unlisted:
        without = f", {unlisted_no_body:,} of them without a body" if unlisted_no_body else ""
        yield Record(display, error=f"{unlisted:,} more unreadable records not listed{without} "
                                    f"(the first {LISTED_ERRORS} are)")
    if stopped:
        yield Record(display, error=f"{UNREADABLE_RUN:,} unreadable records in a row: the rest of the file "
                                    "is not read")


def _read_record(name: str, record: Any, fields: Mapping[str, tuple[str, ...]], where: str,
                 html: HtmlReading) -> tuple[Record, bool]:
    """One record read as an article, or its error prefixed with ``where``; and whether it
    is an error for a record without any body field."""
    try:
        return Record(name, record_text(record, fields, html), site=record_site(record, fields)), False
    except ValueError as error:
        return Record(name, error=f"{where}{error}"), isinstance(error, NoBody)


def _jsonl_records(path: str, display: str, fields: Mapping[str, tuple[str, ...]], encoding: str,
                   max_size: int, html: HtmlReading) -> Iterator[tuple[Record, bool]]:
    """The records of a JSON Lines file. ``max_size`` bounds each line of a plain file (an
    archive streams record by record) and the whole content of a gzip file, whose size on
    disk says nothing of it: such a file over the limit is refused before any record is
    read, one error for the file."""
    import json

    handle, gzipped = _open(path, display)
    try:
        if gzipped and max_size and not _gzip_within(handle, max_size):
            yield Record(display, error=too_large(None, max_size, "too large when decompressed")), False
            return
        for number, raw in _lines(handle, max_size, whole=gzipped):
            name = f"{display}#L{number}"
            if raw is None:
                yield Record(name, error=f"line {number}: " + too_large(None, max_size, "record too large")), False
                continue
            try:
                text = raw.decode(encoding).lstrip("\ufeff")
                if too_deep(text):
                    yield Record(name, error=f"line {number}: {TOO_DEEP}"), False
                    continue
                record = json.loads(text)
            except UnicodeDecodeError as error:
                yield Record(name, error=f"line {number}: not valid {encoding}: byte 0x{raw[error.start]:02x}"), False
                continue
            except ValueError as error:
                yield Record(name, error=f"line {number}: not valid JSON: {error}"), False
                continue
            identifier = record_id(record, fields)
            if identifier:
                name = f"{display}#{identifier}"
            yield _read_record(name, record, fields, f"line {number}: ", html)
    except _OverTotal as error:
        yield Record(display, error=too_large(None, max_size, "too large when decompressed")
                     + f"; lines from {error.line} on not read"), False
    except (OSError, EOFError, zlib.error) as error:
        yield Record(display, error=f"cannot read: {getattr(error, 'strerror', None) or error}"), False
    finally:
        if handle is not sys.stdin.buffer:
            handle.close()


def _gzip_within(handle: BinaryIO, max_size: int) -> bool:
    """Whether the gzip file ``handle`` holds at most ``max_size`` bytes, found by
    decompressing it (never past the limit) and rewinding it. A damaged file counts as
    within: reading it reports the damage where it is, after the records before it."""
    size = 0
    try:
        while block := handle.read(BLOCK):
            size += len(block)
            if size > max_size:
                return False
    except (OSError, EOFError, zlib.error):
        pass
    handle.seek(0)
    return True


class _OverTotal(Exception):
    """The content of a gzip file went past the size limit while it was read."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


_CONTENT = re.compile(rb"[^ \t\r\n\x0b\x0c]")  # what bytes.strip() keeps


def _lines(handle: BinaryIO, max_size: int, whole: bool = False) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines of ``handle`` that hold something; None for one longer than
    ``max_size`` (0: no limit), read past rather than kept. Blank lines are skipped a block
    at a time, never one by one (a file of 200 MB of them takes a fraction of a second).
    ``whole``: the limit is also on everything read, past which ``_OverTotal`` is raised."""
    number = 0  # lines before the one being read
    total = 0
    pending: list[bytes] = []  # the part of the line read so far
    pending_size = 0
    skipping = False  # the line is over the limit: read past, not kept
    started = False  # something other than blanks was read on this line
    while block := handle.read(BLOCK):
        total += len(block)
        if whole and max_size and total > max_size:
            raise _OverTotal(number + 1)
        position = 0
        while position < len(block):
            if not started:
                content = _CONTENT.search(block, position)
                if content is None:
                    number += block.count(b"\n", position)
                    break
                number += block.count(b"\n", position, content.start())
                position, started = content.start(), True
            newline = block.find(b"\n", position)
            end = len(block) if newline < 0 else newline + 1
            if not skipping:
                if max_size and pending_size + end - position > max_size:
                    skipping, pending, pending_size = True, [], 0
                else:
                    pending.append(block[position:end])
                    pending_size += end - position
            if newline < 0:
                break
            number += 1
            yield number, None if skipping else b"".join(pending)
            pending, pending_size, skipping, started = [], 0, False, False
            position = end
    if started:
        yield number + 1, None if skipping else b"".join(pending)


def read_json(path: str, display: str, fields: Mapping[str, tuple[str, ...]],
              encoding: str = "utf-8", max_size: int = DEFAULT_MAX_SIZE, *,
              html: HtmlReading = DEFAULT_READING) -> Iterator[Record]:
    """Records of a JSON file: one article object, an array of them, or an object holding an
    array. The file is parsed whole, so it must fit ``max_size``; big exports stream as JSON Lines."""
    import json

    handle, _ = _open(path, display)
    try:
        raw = read_limited(handle, max_size)
        if raw is None:
            raise InputError(too_large(None, max_size) + "; JSON Lines files are streamed instead", source=display)
        text = raw.decode(encoding).lstrip("\ufeff")
        if too_deep(text):
            raise InputError(TOO_DEEP, source=display)
        data = json.loads(text)
    except UnicodeDecodeError as error:
        raise InputError(f"not valid {encoding} at byte offset {error.start}", source=display) from None
    except ValueError as error:
        raise InputError(f"not valid JSON: {error}", source=display) from None
    except (OSError, EOFError, zlib.error) as error:
        raise InputError(f"cannot read: {getattr(error, 'strerror', None) or error}", source=display) from None
    finally:
        if handle is not sys.stdin.buffer:
            handle.close()
    if isinstance(data, Mapping) and _lookup(data, fields["body"]) is None:
        data = next((data[key] for key in _COLLECTIONS if isinstance(data.get(key), list)), data)
    items = data if isinstance(data, list) else [data]
    yield from _reported(_json_records(items, display, fields, isinstance(data, list), html), display, fields)


def _json_records(items: list[Any], display: str, fields: Mapping[str, tuple[str, ...]],
                  array: bool, html: HtmlReading) -> Iterator[tuple[Record, bool]]:
    for index, record in enumerate(items):
        identifier = record_id(record, fields)
        name = f"{display}#{identifier or '/' + str(index)}" if array else display
        yield _read_record(name, record, fields, f"item {index}: " if array else "", html)
