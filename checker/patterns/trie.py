"""A regular expression that matches any of many literal strings, built as a prefix trie.

A plain alternation of thousands of literals makes the regex engine try each branch at
every position; factoring common prefixes ("White (?:Residence|Home|Mansion)") lets it
reject a position after a character or two. The longest literal wins where one is a
prefix of another, as with an alternation sorted longest first (or, asked for, the
shortest: where only whether some literal starts at a place matters, and how soon it ends).

``literal_uses`` finds the uses of many literals in the lines of an article, choosing between
a substring search per literal and one compiled trie.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

import regex

_END = ""  # key marking that a literal ends at this node


def literal_alternation(literals: Iterable[str], escape: Callable[[str], str] = regex.escape,
                        shortest: bool = False) -> str:
    """A pattern (no capturing groups) matching exactly the given non-empty literals, the
    longest where several start at one place (``shortest``: the shortest, the longer ones
    then never matching there); ``escape`` quotes one character (``re.escape`` for a pattern
    of the ``re`` module)."""
    trie: dict = {}
    for literal in literals:
        if not literal:
            raise ValueError("empty literal")
        node = trie
        for char in literal:
            node = node.setdefault(char, {})
        node[_END] = {}
    if not trie:
        raise ValueError("no literals")
    return _pattern(trie, escape, shortest)


def _pattern(node: dict, escape: Callable[[str], str], shortest: bool) -> str:
    ends_here = _END in node
    if ends_here and shortest:
        return ""  # a literal ends here: what continues it is longer
    branches = []
    for char in sorted(k for k in node if k != _END):
        branches.append(escape(char) + _pattern(node[char], escape, shortest))
    if not branches:
        return ""
    if len(branches) == 1 and not ends_here:
        return branches[0]
    body = "|".join(branches)
    # Longer continuations are tried first; ending here is the last resort.
    return f"(?:{body})?" if ends_here else f"(?:{body})"


#: Above this many literal-and-line pairs one compiled pattern is cheaper than a find per pair.
FIND_PAIRS = 2000


def literal_uses(source: str, lines: Sequence[tuple[int, int]], literals: Sequence[str], before: regex.Pattern,
                 after: regex.Pattern, find_pairs: int = FIND_PAIRS) -> Iterator[tuple[str, int, int]]:
    """Each use of one of ``literals`` in the lines (spans of ``source``) where ``before``
    matches at its start and ``after`` at its end (lookarounds, say, for a whole word): what a
    search of the lines for ``before``, the literals' alternation and ``after`` finds, leftmost
    first, the longest literal at one place, uses not overlapping. Nothing past a line is
    looked at. For few literals and lines ``str.find`` per literal and line finds them without
    compiling a pattern for the text, which costs more than the search; for many, the pattern
    is compiled."""
    if len(literals) * len(lines) > find_pairs:
        pattern = regex.compile(before.pattern + literal_alternation(literals) + after.pattern)
        for line_start, line_end in lines:
            for match in pattern.finditer(source[line_start:line_end]):  # a slice: no look past the line
                yield match.group(), line_start + match.start(), line_start + match.end()
        return
    for line_start, line_end in lines:
        text = source[line_start:line_end]
        hits = []
        for literal in literals:
            at = text.find(literal)
            while at != -1:
                if before.match(text, at) and after.match(text, at + len(literal)):
                    hits.append((at, -len(literal), literal))
                at = text.find(literal, at + 1)
        reached = 0
        for at, minus_length, literal in sorted(hits):
            if at >= reached:
                reached = at - minus_length
                yield literal, line_start + at, line_start + reached
