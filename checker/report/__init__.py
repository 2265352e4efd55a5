"""Reporters: each output format is a class built with ``(config, stream)``.

A reporter gets ``start(session)`` once, ``file_done(result)`` after each file, in input
order, and ``finish(session)`` once at the end. Reporters only read findings.
"""

from typing import IO


def ascii_json(stream: IO[str]) -> bool:
    """Whether JSON written to ``stream`` must escape every non-ASCII character: true when
    the stream cannot encode them all (an ASCII locale). On a UTF-8 stream only lone
    surrogates are left, and the stream writes those as their JSON escape (``\\ud800``)."""
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "").replace("_", "")
    return encoding not in ("utf8", "utf8sig")
