"""The shape of a line of text: shouted in capitals, or set in title case like a heading.

Rules that judge prose (name consistency, name spelling, counts) skip such lines: capitals
there are typography, not spelling.
"""

from __future__ import annotations

import regex

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
_WORD = regex.compile(r"(?<![\p{L}\p{N}_'’-])\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*")


#: In ASCII the capitals are A-Z and the letters A-Z and a-z: deleting them from the bytes
#: counts them in C, where ``str.isupper`` per character is a Python call each.
_ASCII_CAPITALS = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LETTERS = _ASCII_CAPITALS + bytes(range(ord("a"), ord("z") + 1))


def mostly_uppercase(text: str) -> bool:
    """More than 60% of at least 8 letters are capitals."""
    if text.isascii():
        data = text.encode("ascii")
        capitals = len(data) - len(data.translate(None, _ASCII_CAPITALS))
        if capitals <= _MOSTLY_UPPER * 8:
            return False
        letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
        return letters >= 8 and capitals / letters > _MOSTLY_UPPER
    capitals = sum(map(str.isupper, text))
    if capitals <= _MOSTLY_UPPER * 8:
        return False  # too few capitals to be 60% of 8 letters: no need to count the letters
    letters = sum(map(str.isalpha, text))
    return letters >= 8 and capitals / letters > _MOSTLY_UPPER


def title_like(line: str) -> bool:
    """Most content words start with a capital, or the line is a short label (four words
    or fewer): a heading, not a sentence."""
    words = _WORD.findall(line)
    # lower() never shortens a word: one longer than the longest minor word is not one.
    content = [w for w in words if len(w) > _LONGEST_MINOR or w.lower() not in MINOR_WORDS]
    if len(content) < 3:
        return len(words) <= 4
    return sum(w[0].isupper() for w in content) / len(content) >= _TITLE_LINE
