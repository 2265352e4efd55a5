"""The shape of a line of text: shouted in capitals, or set in title case like a heading.

Rules that judge prose (name consistency, name spelling, counts) skip such lines: capitals
there are typography, not spelling.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from checker.patterns.compiled import compiled

#: Small words a title leaves in lower case.
MINOR_WORDS = frozenset(
    [
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "off", "on", "onto", "or",
        "per", "so", "the", "to", "up", "via", "vs", "with", "yet"
    ]
)
_LONGEST_MINOR = max(map(len, MINOR_WORDS))
_MOSTLY_UPPER = 0.6
_TITLE_LINE = 0.6
_WORD = compiled(r"(?<![\p{L}\p{N}_'’-])\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*")


#: In ASCII the capitals are A-Z and the letters A-Z and a-z: deleting them from the bytes
#: counts them in C, where ``str.isupper`` per character is a Python call each. Text with a
#: few characters beyond ASCII (curly quotes, dashes) counts its ASCII part so and tests only
#: those characters one by one.
_ASCII_CAPITALS = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LETTERS = _ASCII_CAPITALS + bytes(range(ord("a"), ord("z") + 1))
_BEYOND_ASCII = re.compile("[^\x00-\x7f]")


def _count(text: str, data: bytes, beyond: list[str] | None, ascii_chars: bytes, test: Callable[[str], bool]) -> int:
    """How many characters of ``text`` pass ``test``. ``data``: its ASCII characters, as
    bytes, of which ``ascii_chars`` pass; ``beyond``: its other characters (None when they
    are most of it: every character is then tested)."""
    if beyond is None:
        return sum(map(test, text))
    return len(data) - len(data.translate(None, ascii_chars)) + sum(map(test, beyond))


def mostly_uppercase(text: str) -> bool:
    """More than 60% of at least 8 letters are capitals."""
    data = text.encode("ascii", "ignore")  # the ASCII characters, in order; read once for both counts
    beyond_count = len(text) - len(data)
    beyond = None if beyond_count > len(data) else _BEYOND_ASCII.findall(text) if beyond_count else []
    capitals = _count(text, data, beyond, _ASCII_CAPITALS, str.isupper)
    if capitals <= _MOSTLY_UPPER * 8:
        return False  # too few capitals to be 60% of 8 letters: no need to count the letters
    letters = _count(text, data, beyond, _ASCII_LETTERS, str.isalpha)
    return letters >= 8 and capitals / letters > _MOSTLY_UPPER


def line_words(line: str) -> list[str]:
    """The words ``title_like`` reads: runs of letters (with marks), joined by hyphens and
    apostrophes, that follow no letter, digit, underscore, hyphen or apostrophe."""
    return _WORD.findall(line)


def title_like(line: str, words: list[str] | None = None) -> bool:
    """Most content words start with a capital, or the line is a short label (four words
    or fewer): a heading, not a sentence. ``words``: ``line_words(line)``, when known."""
    if words is None:
        words = line_words(line)
    # lower() never shortens a word: one longer than the longest minor word is not one.
    content = [w for w in words if len(w) > _LONGEST_MINOR or w.lower() not in MINOR_WORDS]
    if len(content) < 3:
        return len(words) <= 4
    return sum(w[0].isupper() for w in content) / len(content) >= _TITLE_LINE
