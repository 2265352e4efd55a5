"""Which lines of an article may be learned as site furniture, and in what form.

Three kinds of line are never learned, however often a site repeats them:

- **quotations**: a line with a double quotation mark (straight, curly or guillemet), or
  one that opens with a single one. A quotation repeated across articles is a story the
  site followed, not furniture.
- **prose**: a line of at least ``PROSE_WORDS`` words that ends like a sentence and is at
  least ``PROSE_SHARE`` function words. A wire service's stock sentence ("The company did
  not immediately respond to a request for comment.") recurs on every site that runs it,
  and it is the article's text. The cues are ``checker.text.lineshape``'s, not a phrase list.
- **short common lines**: a line of one word is left out unless its form alone says it is
  furniture: in capitals ("ADVERTISEMENT"), a web address or a handle, only a clock time or
  a duration ("1:12"), or separator characters. A lone "Background" or "Updates" heading
  recurs on any news site and is the article's own. A line without a letter or a digit (a
  section break, "* * *") is never learned either.
"""

from __future__ import annotations

from checker.text.linenormal import normal_line
from checker.text.lineshape import FEATURE_NAMES, PROSE_WORDS, SEPARATORS, own_cues

#: Prose is about half function words; a long line that ends like a sentence with at least
#: this share of them reads as prose.
PROSE_SHARE = 0.3
_DOUBLE_QUOTES = frozenset('"“”«»„‟')
_SINGLE_OPENERS = ("'", "‘", "‹")
#: The cues ``own_cues`` gives, by name (their place in ``_Own.values``).
_FUNCTION_SHARE, _LINK, _HANDLE, _CLOCK_ONLY = (FEATURE_NAMES.index(name) for name in
                                            ("function_share", "link", "handle", "clock_only"))
#: Letters a line in capitals needs to count as one (a lone "AP" is a common abbreviation).
_CAPITALS = 4


def learnable(text: str) -> str | None:
    """The normal form of ``text`` (one line of an article) when it may be learned as site
    furniture; None for a quotation, prose, a short common line or a line of no words."""
    stripped = text.strip()
    if not stripped or not any(character.isalnum() for character in stripped):
        return None
    if not _DOUBLE_QUOTES.isdisjoint(stripped) or stripped.startswith(_SINGLE_OPENERS):
        return None
    own = own_cues(stripped)
    if own.prose and own.values[_FUNCTION_SHARE] >= PROSE_SHARE and own.words >= PROSE_WORDS:
        return None
    if len(stripped.split()) < 2 and not _furniture_shaped(stripped, own.values):
        return None
    return normal_line(stripped)


def _furniture_shaped(word: str, values: list[float]) -> bool:
    """A one-word line whose form says furniture: capitals, a link, a handle, a clock time,
    separators."""
    letters = [character for character in word if character.isalpha()]
    if len(letters) >= _CAPITALS and all(character.isupper() for character in letters):
        return True
    return bool(values[_LINK] or values[_HANDLE] or values[_CLOCK_ONLY]) or not SEPARATORS.isdisjoint(word)
