"""Finding input files and reading them: decoding, binary detection, clear errors."""

from __future__ import annotations

import codecs
import fnmatch
import os
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from checker.errors import InputError, UsageError

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


def read_limited(handle: Any, max_size: int) -> bytes | None:
    """At most ``max_size`` bytes of ``handle``; None if there is more (0: no limit)."""
    if not max_size:
        return handle.read()
    data = handle.read(max_size + 1)
    return None if len(data) > max_size else data


def collect_paths(arguments: Iterable[str], suffixes: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    """Expand files and folders into a sorted, de-duplicated list of input paths.

    A file named on the command line is always checked; folders contribute files with a
    known suffix. Hidden files and folders, ``exclude`` globs, cache folders (marked with a
    ``CACHEDIR.TAG``, as the checker's own results cache is) and pipes, sockets and devices
    found in folders are skipped.
    """
    wanted = tuple(s.lower() for s in suffixes)
    patterns = list(exclude)
    result: list[str] = []
    seen: set[str] = set()

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
                    if _special(path):
                        continue
                    found.append(path)
            for path in sorted(found):
                add(path)
        elif os.path.exists(argument) or os.path.islink(argument):
            add(argument)
        else:
            raise UsageError(f"file or folder not found: {argument}")
    return result


def _special(path: str) -> bool:
    """A pipe, socket or device found in a folder: reading it could block forever. A link
    that leads nowhere (or in a loop) is kept, so that its read error is reported."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


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


def decode_source(data: bytes, name: str, encoding: str = "utf-8") -> Source:
    if b"\x00" in data[:BINARY_SNIFF] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError("binary file (contains NUL bytes), not checked", source=name)
    bom = b""
    codec = encoding
    if data.startswith(codecs.BOM_UTF16_LE):
        bom, codec = codecs.BOM_UTF16_LE, "utf-16-le"
    elif data.startswith(codecs.BOM_UTF16_BE):
        bom, codec = codecs.BOM_UTF16_BE, "utf-16-be"
    elif encoding.lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig"):
        codec = "utf-8"
        if data.startswith(codecs.BOM_UTF8):
            bom = codecs.BOM_UTF8
    try:
        return Source(data[len(bom):].decode(codec), codec, bom)
    except UnicodeDecodeError as error:
        shown = "UTF-16" if codec.startswith("utf-16") else error.encoding.upper()
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
            with open(path, "rb") as handle:
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
