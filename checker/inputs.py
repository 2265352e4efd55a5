"""Finding input files and reading them: decoding, binary detection, clear errors."""

from __future__ import annotations

import codecs
import fnmatch
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass

from checker.errors import InputError, UsageError

STDIN = "-"
BINARY_SNIFF = 8192
GZIP_MAGIC = b"\x1f\x8b"


def collect_paths(arguments: Iterable[str], suffixes: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    """Expand files and folders into a sorted, de-duplicated list of input paths.

    A file named on the command line is always checked; folders contribute files with a
    known suffix. Hidden files and folders and ``exclude`` globs are skipped.
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
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not excluded(os.path.join(folder, d)))
                for name in files:
                    path = os.path.join(folder, name)
                    if name.startswith(".") or not name.lower().endswith(wanted) or excluded(path):
                        continue
                    found.append(path)
            for path in sorted(found):
                add(path)
        elif os.path.exists(argument) or os.path.islink(argument):
            add(argument)
        else:
            raise UsageError(f"file or folder not found: {argument}")
    return result


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


def read_source(path: str, encoding: str = "utf-8") -> Source:
    """Read and decode one input; raise ``InputError`` with a one-line reason."""
    if path == STDIN:
        return decode_source(sys.stdin.buffer.read(), "<stdin>", encoding)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except IsADirectoryError:
        raise InputError("is a folder", source=path) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", source=path) from None
    if data.startswith(GZIP_MAGIC):
        return _gunzip(data, path, encoding)
    return decode_source(data, path, encoding)


def _gunzip(data: bytes, path: str, encoding: str) -> Source:
    import gzip
    import zlib

    try:
        inner = gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as error:
        raise InputError(f"not a readable gzip file: {error}", source=path) from None
    source = decode_source(inner, path, encoding)
    return Source(source.text, source.codec, source.bom, gzipped=True)
