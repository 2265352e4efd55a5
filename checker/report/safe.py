"""Text from a checked folder made safe to show to people: in a terminal, a CI log, a page.

File names, record ids, messages and the article text they quote come from whoever wrote
the articles. Printed raw, a control character moves the cursor or recolours a terminal
(ESC sequences), a line break starts a new line that a CI runner reads as a command
(``::error file=...::`` forges a GitHub annotation, ``::stop-commands::`` turns the others
off), ``##[`` anywhere in a line is read by the Actions runner's older command syntax, and
bidirectional overrides make a name read differently from what it is (Trojan Source).

``printable`` shows each of these visibly, the way Python writes them in a string literal,
so the name can still be read and found:

- C0 controls, DEL and C1 controls (ESC, NEL, CSI, ...): ``\\t``, ``\\n``, ``\\r``, else ``\\xNN``;
- the Unicode line and paragraph separators and the bidirectional controls: ``\\uNNNN``;
- ``##[`` becomes ``##\\x5b`` wherever it is;
- ``::`` at the start of the text, after any spaces, becomes ``\\x3a:`` (the text has no line
  breaks left, so its start is the only line start it can make).

``printable`` is for one-line text (names, messages, errors, notes); ``printable_block`` shows
an article's text in the HTML report with its line breaks and tabs kept. Every human format
(text, JUnit, the HTML page's visible text), the annotations of the GitHub format (their
messages and titles) and every line on standard error use them; the JSON and SARIF reports
keep the exact text, escaped as JSON.

A backslash is left as it is (Windows paths stay readable), so ``\\x1b`` in a report may be a
real ESC or the four characters; the JSON and SARIF reports carry the exact text.
"""

from __future__ import annotations

import re

#: C0 controls, DEL, C1 controls, the line and paragraph separators, and the bidirectional
#: marks, embeddings, overrides and isolates.
_UNICODE_UNSAFE = "\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_UNICODE_UNSAFE}]")
_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
#: What the Actions runner reads as a command: ``::`` first on a line (it strips leading
#: white space first), ``##[`` anywhere.
_COMMAND_START = re.compile(r"^(\s*):(?=:)")
_LEGACY_COMMAND = "##["


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    if character in _SHORT:
        return _SHORT[character]
    code = ord(character)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control character, line break, bidirectional control and CI
    command marker shown as an escape (see the module's description); other text unchanged."""
    text = UNSAFE.sub(_escape, text)
    if _LEGACY_COMMAND in text:
        text = text.replace(_LEGACY_COMMAND, "##\\x5b")
    if "::" in text:
        text = _COMMAND_START.sub(_colon_at_start, text, count=1)
    return text


def _colon_at_start(match: re.Match[str]) -> str:
    return match.group(1) + "\\x3a"


#: What an article's body keeps when it is shown as a block (the HTML report's text): its
#: tabs and the line breaks a browser shows as such.
_BODY_UNSAFE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_UNICODE_UNSAFE}]")


_LINE_COMMAND_START = re.compile(r"^([^\S\n\r]*):(?=:)", re.MULTILINE)


def printable_block(text: str) -> str:
    """An article's text shown as a block (the HTML report's ``<pre>``): tabs, ``\\n`` and
    ``\\r`` kept, every other character ``printable`` escapes escaped the same way, ``##[``
    escaped, and ``::`` escaped at the start of each line, so the page holds no CI command
    even when it is printed to a log."""
    text = _BODY_UNSAFE.sub(_escape, text)
    if _LEGACY_COMMAND in text:
        text = text.replace(_LEGACY_COMMAND, "##\\x5b")
    if "::" in text:
        text = _LINE_COMMAND_START.sub(_colon_at_start, text)
    return text
