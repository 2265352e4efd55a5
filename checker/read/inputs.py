"""Finding input files and reading them: decoding, binary detection, clear errors."""

from __future__ import annotations

import codecs
import fnmatch
import os
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, BinaryIO

from checker.errors import InputError, UsageError
from checker.read.own_reports import OwnReports

STDIN = "-"
BINARY_SNIFF = 8192
GZIP_MAGIC = b"\x1f\x8b"
#: The file that marks a cache folder (https://bford.info/cachedir/): never an input.
CACHE_TAG = "CACHEDIR.TAG"
#: Inputs larger than this are not read (``--max-size``): a hundred times the longest article
#: of a year's scrape, yet a 20 MB file still checks (about a minute and 700 MB of memory).
#: A bigger file is an archive, not an article: JSON Lines archives are streamed by record.
DEFAULT_MAX_SIZE = 25 * 1024 * 1024


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} bytes"


def too_large(size: int | None, max_size: int, what: str = "too large") -> str:
    """The reason an input over ``max_size`` bytes is skipped."""
    shown = f"{size_text(size)}, over" if size is not None else "over"
    return f"{what}: {shown} the {size_text(max_size)} size limit (--max-size); not checked"


#: How much is read at a time where the size is not known in advance (a pipe, a gzip stream).
BLOCK = 1 << 20


def read_limited(handle: Any, max_size: int) -> bytes | None:
    """At most ``max_size`` bytes of ``handle``; None if there is more (0: no limit). Read a
    block at a time: asking for ``max_size + 1`` bytes at once would allocate them up front
    (a ``--max-size 100GB`` is a ``MemoryError``, not a limit)."""
    if not max_size:
        return handle.read()
    blocks: list[bytes] = []
    size = 0
    while size <= max_size:
        block = handle.read(min(BLOCK, max_size + 1 - size))
        if not block:
            break
        blocks.append(block)
        size += len(block)
    return None if size > max_size else b"".join(blocks)


def collect_paths(arguments: Iterable[str], suffixes: Iterable[str], exclude: Iterable[str] = (),
                  reports: Iterable[str] = ()) -> list[str]:
    """Expand files and folders into a sorted, de-duplicated list of input paths.

    A file named on the command line is checked (a pipe or device named so is reported
    unreadable when it is read, never opened in a way that could block), unless it is one of
    ``reports``, the files this run writes its report to (``-o``; a shell's ``*.html`` names
    last run's). Folders contribute files with a known suffix. Hidden files and folders,
    ``exclude`` globs, cache folders (marked with a ``CACHEDIR.TAG``, as the checker's own
    results cache is), pipes, sockets and devices found in folders are skipped, and so are
    the checker's own reports: ``reports``, and those earlier runs wrote, while unchanged
    (``checker.read.own_reports``).
    """
    wanted = tuple(s.lower() for s in suffixes)
    patterns = list(exclude)
    result: list[str] = []
    seen: set[str] = set()
    reports = list(reports)
    own: OwnReports | None = None

    def own_reports() -> OwnReports:
        nonlocal own
        own = own if own is not None else OwnReports(reports)
        return own

    def excluded(path: str) -> bool:
        normal = path.replace(os.sep, "/")
        return any(fnmatch.fnmatch(normal, p) or fnmatch.fnmatch(os.path.basename(normal), p) for p in patterns)

    def add(path: str) -> None:
        if path not in seen:
            seen.add(path)
            result.append(path)

    for argument in arguments:
        if argument == STDIN:
            add(STDIN)
            continue
        if os.path.isdir(argument):
            found = []
            for folder, dirs, files in os.walk(argument, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not excluded(os.path.join(folder, d))
                                 and not os.path.isfile(os.path.join(folder, d, CACHE_TAG)))
                for name in files:
                    path = os.path.join(folder, name)
                    if name.startswith(".") or not name.lower().endswith(wanted) or excluded(path):
                        continue
                    try:
                        status = os.stat(path)
                    except OSError:  # a link that leads nowhere (or in a loop): kept, so its error is reported
                        found.append(path)
                        continue
                    if not stat.S_ISREG(status.st_mode):
                        continue  # a pipe, socket or device: reading it could block forever
                    if own_reports().holds(path, status):
                        continue
                    found.append(path)
            for path in sorted(found):
                add(path)
        elif os.path.exists(argument) or os.path.islink(argument):
            if not (reports and own_reports().writes(argument)):
                add(argument)
        else:
            raise UsageError(f"file or folder not found: {argument}")
    return result


def open_input(path: str, name: str) -> BinaryIO:
    """One input file opened for reading, or ``InputError`` saying why not. Only a regular
    file is read: a named pipe blocks the open until something writes to it, and a device
    may block every read, so either could hang the run. The kind is checked before the open
    and again on what was opened (which is opened without blocking), so a file replaced by a
    pipe in between cannot hang it either."""
    try:
        _refuse_special(os.stat(path).st_mode, name)
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except IsADirectoryError:
        raise InputError("is a folder", source=name) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", source=name) from None
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise InputError("is a folder", source=name)
        _refuse_special(mode, name)
        os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def _refuse_special(mode: int, name: str) -> None:
    """``InputError`` for a pipe or a device (a socket cannot be opened at all, and says so)."""
    if stat.S_ISFIFO(mode):
        raise InputError("a named pipe (FIFO), not a regular file: not read (give - to read standard input)",
                         source=name)
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise InputError("a device, not a regular file: not read", source=name)


@dataclass(frozen=True)
class Source:
    """Decoded input and how to turn text back into the same kind of bytes.

    ``bom`` is the byte-order mark the file began with (kept out of ``text``); ``codec``
    encodes text without one. Line breaks are kept as they were, so unchanged text
    encodes back to the same bytes.
    """

    text: str
    codec: str
    bom: bytes = b""
    #: The file was gzip-compressed (fixed text is compressed again).
    gzipped: bool = False

    def encode(self, text: str) -> bytes:
        data = self.bom + text.encode(self.codec)
        if self.gzipped:
            import gzip

            return gzip.compress(data, mtime=0)
        return data


#: Byte-order marks and the codec each stands for. UTF-32 comes first: its little-endian
#: mark begins with UTF-16's (FF FE), so testing UTF-16 first reads UTF-32 as UTF-16.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode_source(data: bytes, name: str, encoding: str = "utf-8") -> Source:
    marked = next(((bom, codec) for bom, codec in _BOMS if data.startswith(bom)), None)
    if b"\x00" in data[:BINARY_SNIFF] and marked is None:
        raise InputError("binary file (contains NUL bytes), not checked", source=name)
    bom = b""
    codec = encoding
    if marked is not None:
        bom, codec = marked
    elif encoding.lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig"):
        codec = "utf-8"
        if data.startswith(codecs.BOM_UTF8):
            bom = codecs.BOM_UTF8
    try:
        return Source(data[len(bom):].decode(codec), codec, bom)
    except UnicodeDecodeError as error:
        shown = codec[:6].upper() if marked is not None else error.encoding.upper()
        raise InputError(
            f"not valid {shown}: byte 0x{data[len(bom) + error.start]:02x} at offset "
            f"{len(bom) + error.start} (use --encoding to read another encoding)", source=name
        ) from None
    except LookupError:
        raise UsageError(f"unknown encoding {encoding!r}") from None


def read_source(path: str, encoding: str = "utf-8", max_size: int = DEFAULT_MAX_SIZE) -> Source:
    """Read and decode one input; raise ``InputError`` with a one-line reason. An input over
    ``max_size`` bytes (0: no limit) is refused without being read, a gzip file without
    being decompressed past the limit."""
    name = "<stdin>" if path == STDIN else path
    try:
        if path == STDIN:
            data = read_limited(sys.stdin.buffer, max_size)
        else:
            with open_input(path, name) as handle:
                size = os.fstat(handle.fileno()).st_size
                if max_size and size > max_size:
                    raise InputError(too_large(size, max_size), source=name)
                data = read_limited(handle, max_size)
    except IsADirectoryError:
        raise InputError("is a folder", source=name) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", source=name) from None
    if data is None:
        raise InputError(too_large(None, max_size), source=name)
    if data.startswith(GZIP_MAGIC):
        return _gunzip(data, name, encoding, max_size)
    return decode_source(data, name, encoding)


def _gunzip(data: bytes, path: str, encoding: str, max_size: int) -> Source:
    import gzip
    import io
    import zlib

    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            inner = read_limited(stream, max_size)
    except (OSError, EOFError, zlib.error) as error:
        raise InputError(f"not a readable gzip file: {error}", source=path) from None
    if inner is None:
        raise InputError(too_large(None, max_size, "too large when decompressed"), source=path)
    source = decode_source(inner, path, encoding)
    return Source(source.text, source.codec, source.bom, gzipped=True)
