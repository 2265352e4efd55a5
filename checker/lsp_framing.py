"""The language server's standard input, read defensively: each message's ``Content-Length``
framing is checked before pygls sees it.

pygls trusts the header it is given. A missing, negative or non-numeric ``Content-Length``
leaves its reader out of step with the stream for good (each later body is read as a header
line, swallowing the next message's header), so the server goes silent; a huge one
(``99999999999``) is allocated and the server dies of ``MemoryError``. ``FramedInput`` stands
between standard input and pygls: it finds each message's header, checks its length, caps a
body at ``MAX_MESSAGE`` bytes and hands pygls only well-formed frames. A bad message is
dropped and reported in one line, and reading resumes at the next header.

Finding the next header is safe because a JSON body cannot hold one: a JSON string cannot
contain a raw carriage return or line feed, and ``Content-Length:`` outside a string is not
JSON, so ``Content-Length: 42`` followed by CR LF in the byte stream always starts a message.
That is also how a body shorter than its declared length is noticed: the next message's
header turns up inside it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import BinaryIO

#: The largest message body accepted, in bytes (a didOpen carries the whole document).
MAX_MESSAGE = 64 * 1024 * 1024
#: The largest header block (the lines up to the blank line), in bytes.
MAX_HEADER = 8 * 1024
_CHUNK = 1024 * 1024
_HEADER = re.compile(rb"content-length[ \t]{0,8}:[ \t]{0,8}([^\r\n]{0,40})\r\n", re.IGNORECASE)
#: What may come between two messages, or before Content-Length in a header block: other
#: header fields (Content-Type) and blank lines.
_FIELDS = re.compile(rb"(?:[!-9;-~]+[ \t]*:[^\r\n]*\r\n|[ \t]*\r?\n)*")
#: A header's longest match, kept from a chunk without one in case it is cut in two.
_TAIL = 128


class FramedInput:
    """A reader with the ``readline`` and ``read`` pygls calls, serving only well-formed frames
    (``Content-Length: N``, a blank line, N bytes) read from ``stream``. ``report`` is called
    with a one-line description of each message dropped, from the thread that reads."""

    def __init__(self, stream: BinaryIO, report: Callable[[str], None], max_message: int = MAX_MESSAGE) -> None:
        self.stream = stream
        self.report = report
        self.max_message = max_message
        self.buffer = bytearray()
        self.ended = False
        self.lines: list[bytes] = []
        self.body = b""
        #: Bytes skipped while looking for a header (reported once the header is found).
        self.skipped = 0
        #: The bytes being skipped are the body of a message already reported as dropped.
        self.dropping = False

    # ---- what pygls calls --------------------------------------------------------------
    def readline(self) -> bytes:
        if not self.lines:
            body = self.next_message()
            if body is None:
                return b""
            self.body = body
            self.lines = [b"Content-Length: %d\r\n" % len(body), b"\r\n"]
        return self.lines.pop(0)

    def read(self, size: int) -> bytes:
        body, self.body = self.body, b""
        return body[:size]

    # ---- framing -----------------------------------------------------------------------
    def next_message(self) -> bytes | None:
        """The next well-formed message body, or None at the end of the input."""
        while True:
            value = self._find_header()
            if value is None:
                return None
            problem = self._header_block()
            if problem is None:
                problem = self._length_problem(value)
            if problem is not None:
                self._drop(problem)
                continue
            length = int(value)
            body = self._body(length)
            if body is None:
                continue
            stripped = body.strip()
            if not (stripped.startswith(b"{") and stripped.endswith(b"}")) and not (
                    stripped.startswith(b"[") and stripped.endswith(b"]")):
                self._drop(f"a message of {length} bytes that is not a JSON object")
                continue
            return body

    def _drop(self, why: str) -> None:
        then = "" if self.ended else "; reading on from the next header"
        self.report(f"checker: dropped a message: {why}{then}")
        self.dropping = True

    def _fill(self, wanted: int = _CHUNK) -> bool:
        """Read what the stream has (up to ``wanted`` bytes, waiting for at least one); False at its end."""
        if self.ended:
            return False
        read = getattr(self.stream, "read1", self.stream.read)
        chunk = read(max(1, min(wanted, _CHUNK)))
        if not chunk:
            self.ended = True
            return False
        self.buffer += chunk
        return True

    def _find_header(self) -> bytes | None:
        """Move the buffer to just after the next ``Content-Length`` line: its value, or None
        at the end of the input. What comes before it is skipped, a bounded tail at a time."""
        start = 0
        while True:
            match = _HEADER.search(self.buffer, start)
            if match is not None:
                before = bytes(self.buffer[: match.start()])
                if not _FIELDS.fullmatch(before):
                    self.skipped += len(before)
                self._report_skipped()
                value = match.group(1).strip()
                del self.buffer[: match.end()]
                return value
            if len(self.buffer) > _TAIL:
                cut = len(self.buffer) - _TAIL
                if not _FIELDS.fullmatch(bytes(self.buffer[:cut])):
                    self.skipped += cut
                del self.buffer[:cut]
            start = 0
            if not self._fill():
                if self.buffer.strip():
                    self.skipped += len(self.buffer)
                self.buffer.clear()
                self._report_skipped()
                return None

    def _report_skipped(self) -> None:
        if self.skipped and not self.dropping:
            self.report(f"checker: skipped {self.skipped} bytes without a Content-Length header")
        self.skipped = 0
        self.dropping = False

    def _header_block(self) -> str | None:
        """Consume the header lines after Content-Length, up to the blank line; what is wrong with them, if anything."""
        while True:
            if self.buffer.startswith(b"\r\n"):
                del self.buffer[:2]
                return None
            end = self.buffer.find(b"\r\n\r\n", 0, MAX_HEADER + 4)
            if end >= 0:
                fields = bytes(self.buffer[: end + 2])
                del self.buffer[: end + 4]
                return None if _FIELDS.fullmatch(fields) else "a header line that is not a header field"
            if len(self.buffer) > MAX_HEADER:
                return f"a header longer than {MAX_HEADER} bytes"
            if not self._fill():
                return "the input ended inside a header"

    def _length_problem(self, value: bytes) -> str | None:
        shown = value.decode("ascii", "backslashreplace")
        if not value:
            return "an empty Content-Length"
        if not value.isdigit():
            return f"Content-Length {shown!r} is not a number of bytes"
        length = int(value)
        if length == 0:
            return "an empty message (Content-Length 0)"
        if length > self.max_message:
            return f"Content-Length {length} is over the limit of {self.max_message // (1024 * 1024)} MB"
        return None

    def _body(self, length: int) -> bytes | None:
        """The next ``length`` bytes, or None where the input ends first or the next message's
        header turns up inside them (the declared length was longer than the body)."""
        searched = 0
        while True:
            window = min(len(self.buffer), length)
            match = _HEADER.search(self.buffer, max(0, searched - _TAIL), window)
            if match is not None:
                del self.buffer[: match.start()]
                self._drop(f"a message shorter than its Content-Length of {length} bytes")
                self.dropping = False  # the next header is already in the buffer: nothing to skip
                return None
            if window == length:
                body = bytes(self.buffer[:length])
                del self.buffer[:length]
                return body
            searched = window
            if not self._fill(length - len(self.buffer)):
                self.buffer.clear()
                self._drop(f"the input ended inside a message of {length} bytes")
                return None

