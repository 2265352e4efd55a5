"""A regular expression that matches any of many literal strings, built as a prefix trie.

A plain alternation of thousands of literals makes the regex engine try each branch at
every position; factoring common prefixes ("White (?:Residence|Home|Mansion)") lets it
reject a position after a character or two. The longest literal wins where one is a
prefix of another, as with an alternation sorted longest first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import regex

_END = ""  # key marking that a literal ends at this node


def literal_alternation(literals: Iterable[str], escape: Callable[[str], str] = regex.escape) -> str:
    """A pattern (no capturing groups) matching exactly the given non-empty literals;
    ``escape`` quotes one character (``re.escape`` for a pattern of the ``re`` module)."""
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
    return _pattern(trie, escape)


def _pattern(node: dict, escape: Callable[[str], str]) -> str:
    ends_here = _END in node
    branches = []
    for char in sorted(k for k in node if k != _END):
        branches.append(escape(char) + _pattern(node[char], escape))
    if not branches:
        return ""
    if len(branches) == 1 and not ends_here:
        return branches[0]
    body = "|".join(branches)
    # Longer continuations are tried first; ending here is the last resort.
    return f"(?:{body})?" if ends_here else f"(?:{body})"
