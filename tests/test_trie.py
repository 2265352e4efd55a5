import random

import pytest
import regex

from checker.patterns.trie import literal_alternation


def test_trie_matches_the_same_as_a_longest_first_alternation():
    rng = random.Random(3)
    letters = "ab .("
    literals = sorted({"".join(rng.choices(letters, k=rng.randint(1, 6))) for _ in range(300)})
    trie = regex.compile(literal_alternation(literals))
    plain = regex.compile("|".join(regex.escape(x) for x in sorted(literals, key=len, reverse=True)))
    for _ in range(500):
        text = "".join(rng.choices(letters + "c", k=40))
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_trie_escapes_metacharacters_and_rejects_empty_input():
    assert regex.fullmatch(literal_alternation(["a.b", "(x)"]), "a.b")
    assert not regex.fullmatch(literal_alternation(["a.b"]), "axb")
    with pytest.raises(ValueError):
        literal_alternation([])
    with pytest.raises(ValueError):
        literal_alternation(["a", ""])


def test_a_shortest_first_trie_matches_where_some_literal_starts_and_ends_soonest():
    literals = ["ab", "abcd", "b", "bcd"]
    shortest = regex.compile(literal_alternation(literals, shortest=True))
    for text in ("abcd", "xbcd", "abx", "cd"):
        for start in range(len(text)):
            found = shortest.match(text, start)
            ends = [start + len(literal) for literal in literals if text.startswith(literal, start)]
            assert (found.end() if found else None) == (min(ends) if ends else None), (text, start)
