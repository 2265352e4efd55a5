"""The source line of a finding, cut around it and underlined, for ``--show-source``::

      12 | … said the White Residence was watching the talks closely.
         |            ^^^^^^^^^^^^^^^

A paragraph is one line of text, often hundreds of characters long, so the line is shown from a
little before the finding to a little after it, "…" marking what is left out. Every character is
shown as ``printable`` shows it (a tab as ``\\t``, a control as its escape, ``##[`` escaped), and
the carets are placed by the columns a terminal gives each character (two for a wide one, none
for a combining mark), so they stand under the finding's own text.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from checker.report.safe import printable

#: Characters of the line shown before the finding and after it.
CONTEXT = 40
#: The most characters of the finding itself shown (a long one ends in "…").
SPAN_MOST = 80
ELLIPSIS = "…"


class Excerpt(NamedTuple):
    line: int
    text: str
    #: Terminal columns before the carets, and how many carets.
    indent: int
    carets: int


def excerpt(text: str, offset: int, length: int, line: int) -> Excerpt | None:
    """The excerpt of ``text`` for a finding at ``offset`` (``length`` characters, on ``line``);
    None when the offset is not in the text. Only the window shown is read, never the whole
    line: an article that is one line of megabytes costs each finding the same."""
    if not 0 <= offset <= len(text):
        return None
    # The start: a line break within CONTEXT characters before the finding, else CONTEXT back.
    low = max(0, offset - CONTEXT)
    brk = max(text.rfind("\n", low, offset), text.rfind("\r", low, offset))
    left = brk + 1 if brk >= 0 else low
    head = ELLIPSIS if brk < 0 and left > 0 and text[left - 1] not in "\r\n" else ""
    # The end: the finding up to SPAN_MOST characters, then CONTEXT more, within the line.
    limit = min(len(text), offset + SPAN_MOST + CONTEXT + 1)
    ends = [i for i in (text.find("\n", offset, limit), text.find("\r", offset, limit)) if i >= 0]
    line_end = min(ends) if ends else len(text)
    span_end = min(offset + max(length, 0), line_end)
    shown_end = min(span_end, offset + SPAN_MOST)
    right = min(line_end, shown_end + CONTEXT)
    tail = ELLIPSIS if right < len(text) and text[right] not in "\r\n" else ""
    cut = ELLIPSIS if shown_end < span_end else ""
    pieces = _shown(text[left:right], text[max(0, left - 2):left])
    before = pieces[:offset - left]
    inside = pieces[offset - left:shown_end - left]
    indent = _width(head) + sum(_width(piece) for piece in before)
    carets = max(1, sum(_width(piece) for piece in inside) + _width(cut))
    return Excerpt(line, head + "".join(pieces) + tail, indent, carets)


def _shown(chars: str, previous: str) -> list[str]:
    """Each character as ``printable`` shows it; a "[" after "##" escaped as ``printable``
    escapes ``##[`` (``previous``: the two characters before ``chars``)."""
    pieces = []
    seen = previous
    for character in chars:
        if character == "[" and seen.endswith("##"):
            pieces.append("\\x5b")
        else:
            pieces.append(printable(character))
        seen = (seen + character)[-2:]
    return pieces


def _width(shown: str) -> int:
    """Terminal columns of ``shown``: two for a wide or full-width character, none for a
    combining mark or a zero-width format character."""
    columns = 0
    for character in shown:
        if unicodedata.combining(character) or unicodedata.category(character) == "Cf":
            continue
        columns += 2 if unicodedata.east_asian_width(character) in "WF" else 1
    return columns
