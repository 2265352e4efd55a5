"""Reporters: each output format is a class built with ``(config, stream)``.

A reporter gets ``start(session)`` once, ``file_done(result)`` after each file, in input
order, and ``finish(session)`` once at the end. Reporters only read findings.
"""

# Not ``import json``: the package's own ``json`` module (the JSON reporter) takes that name
# in this namespace as soon as it is imported.
from json import dumps as json_dumps
from typing import IO, Any


def ascii_json(stream: IO[str]) -> bool:
    """Whether JSON written to ``stream`` must escape every non-ASCII character: true when
    the stream cannot encode them all (an ASCII locale). On a UTF-8 stream only lone
    surrogates are left, and the stream writes those as their JSON escape (``\\ud800``)."""
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "").replace("_", "")
    return encoding not in ("utf8", "utf8sig")


class JsonItems:
    """The items of a JSON array written one at a time, so a report of any size is streamed
    rather than built in memory; each is escaped as ``stream`` needs (``ascii_json``)."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.ascii = ascii_json(stream)
        self.count = 0

    def dumps(self, value: Any) -> str:
        return json_dumps(value, ensure_ascii=self.ascii)

    def add(self, value: Any) -> None:
        self.stream.write(("," if self.count else "") + "\n" + self.dumps(value))
        self.count += 1
