"""A headline that names a winner against a body whose match ended level: "Rovers beat
Athletic" ... "the match ended 0-0".

The headline's claim is a verb of winning or beating (WordNet's, shipped in the lexicon:
"beat", "defeat", "overpower", "win" and the verbs below them) after a capitalised word. A
body sentence takes it back when it gives a level final score ("ended 1-1", "drew 2-2", "a
goalless draw") and names a word of the headline. Left alone: an article that speaks of
penalties, a shoot-out, extra time or an aggregate (a level score may still have a winner), a
sentence about another occasion ("last season", "first leg") or hedged.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import regex

from checker.kinds.contradiction import Conflict, Searcher, Statement
from checker.kinds.contradiction.counts import STOPWORDS
from checker.kinds.contradiction.lexicon import lexicon
from checker.patterns.compiled import compiled

#: A level final score: "ended 0-0", "drew 2-2 with", "a 1-1 draw", "a goalless draw".
_LEVEL = compiled(r"\b(?:(?:ended|finished|drew|draw|drawn|tied|level)\b[^.;]{0,25}?\b(?P<a>\d{1,2})\s*[-–]\s*(?P=a)\b"
                  r"|(?P<b>\d{1,2})\s*[-–]\s*(?P=b)\s+(?:draw|tie|stalemate)\b"
                  r"|\b(?:goalless|scoreless)\s+(?:draw|stalemate|tie)\b"
                  r"|\b(?:ended|finished)\s+(?:goalless|scoreless|level|all\s+square)\b)", regex.IGNORECASE)
#: A quick test before the headline is read: a figure, a dash and a figure, or "goalless"...
_LEVEL_HINT = compiled(r"\d\s*[-–]\s*\d|goalless|scoreless|level|all\s+square", regex.IGNORECASE)
#: How a level score may still have a winner.
_DECIDED = compiled(r"\b(?:penalt\p{L}*|shoot-?outs?|extra\s+time|aggregate|away\s+goals?|tie-?break\p{L}*)\b",
                    regex.IGNORECASE)
_WORD = compiled(r"\p{L}[\p{L}'’-]*")


@functools.cache
def victory_pattern() -> regex.Pattern:
    """The written forms of the lexicon's verbs of winning after a capitalised word: "Rovers
    beat", "City defeats" (read the first time a headline is checked)."""
    forms: set[str] = set()
    for verb in lexicon().victories:
        forms.update((verb, verb + "s", verb + "ed", verb + "d" if verb.endswith("e") else verb + "ed"))
    forms.update(("won", "beaten", "overcame", "overcome"))
    alternatives = "|".join(sorted(map(regex.escape, forms), key=len, reverse=True))
    return regex.compile(rf"\p{{Lu}}[\p{{L}}'’-]*\s+(?P<verb>{alternatives})\b")


def conflicts(headline: str, start: int, source: str, sentences: Iterable[tuple[int, int]],
              hedges: Searcher, distinct: Searcher) -> Iterator[Conflict]:
    """The first body sentence giving a level score, when the headline names a winner."""
    # A level score anywhere first: the verbs of winning (the lexicon, about 50 ms to load and
    # compile) are read only for an article that gives one ("level" and "2019-20" are common).
    if not _LEVEL_HINT.search(source) or not _LEVEL.search(source):
        return
    claim = victory_pattern().search(headline)
    if claim is None or _DECIDED.search(source):
        return
    named = {w.lower() for w in _WORD.findall(headline) if w.lower() not in STOPWORDS and len(w) > 2}
    said = Statement(start + claim.start("verb"), start + claim.end("verb"), claim.group("verb"))
    for first, end in sentences:
        text = source[first:end]
        level = _LEVEL.search(text)
        if level is None or hedges.search(text[:level.start()]) or distinct.search(text):
            continue
        if not named & {w.lower() for w in _WORD.findall(text)}:
            continue  # another match
        statement = Statement(first + level.start(), first + level.end(), level.group(0))
        yield Conflict(said, statement, f"the headline's '{said.text}' names a winner, but here '{statement.text}'")
        return
