"""The ``repetition`` rule kind: the same word or phrase twice in a row ("the the")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.patterns.precheck import BEYOND_FOLDING_CHECKED, Declared, folded_source
from checker.text.article import Article

#: A word: letters and digits, with apostrophes and hyphens inside it ("don't", "part-time").
_DEFAULT_TOKENS = [r"[\p{L}\p{N}](?:[\p{L}\p{N}'’-]*[\p{L}\p{N}])?"]
#: Around a repeat of the default words: no letter or digit, and no apostrophe or hyphen that
#: joins one, next to it. "part-time time" and "in in-house" repeat no word; nor does a run of
#: quotation marks ("' '").
_WORD_BEFORE = r"(?<![\p{L}\p{N}_])(?<![\p{L}\p{N}]['’-])"
_WORD_AFTER = r"(?![\p{L}\p{N}_])(?!['’-][\p{L}\p{N}])"
#: A quick test that a text may repeat a word: a run of non-space characters, white space and
#: the same run, neither run touching a word character on its outer side. Every repeat of a
#: default token passes it (a token is such a run, taken whole: no word character stands
#: before it and white space after it, so no shorter one need be tried; ``re``'s word characters are among
#: ``regex``'s ``[\p{L}\p{N}_]`` and its white space includes ``regex``'s).
_MAY_REPEAT = re.compile(r"(?<!\w)(\S++)\s+\1(?!\w)")


def may_repeat(article: Article, ignorecase: bool) -> bool:
    """False when no default token of the article can be repeated (the same word twice, case
    per ``ignorecase``, with only white space between)."""
    text = folded_source(article) if ignorecase else article.source
    if text is None or (not ignorecase and BEYOND_FOLDING_CHECKED.search(text)):
        return True
    return _MAY_REPEAT.search(text) is not None


class RepetitionRule(Rule):
    """Flags the same word or phrase twice in a row ("the the"), suggesting it once.

    The repeat must be the same text, in the same case unless ``ignorecase``, with only white
    space between; numbers ("10 10") are left alone."""

    name = "repetition"
    PLACEHOLDERS = frozenset({"match", "word"})
    HONOURED = frozenset({"scope", "quotes", "exceptions", "ignorecase", "fix"})
    default_scope = "sentence"
    OPTIONS = {
        "tokens": Option(list, default=list(_DEFAULT_TOKENS), help="patterns of what counts as a repeatable "
                         "unit (default: any word)"),
    }

    def setup(self) -> None:
        unit = "|".join(f"(?:{t})" for t in self.options["tokens"])
        # The first occurrence is captured; the repeat must be the same text (case per ignorecase).
        repeat = rf"(?P<unit>{unit})(?:\s+(?P=unit))+"
        if self.options["tokens"] == _DEFAULT_TOKENS:
            repeat = rf"{_WORD_BEFORE}{repeat}{_WORD_AFTER}"
        self.pattern = self.compile(repeat, field="tokens")
        if self.options["tokens"] == _DEFAULT_TOKENS:
            # A back reference holds no fixed text: for the default words, the kind says what
            # a repeat needs.
            self.require(Declared(may_repeat, self.ignorecase))

    def check(self, article: Article) -> Iterator[Finding]:
        for match in self.search_segments(self.pattern, article):
            unit = match.group("unit")
            if unit.isdigit():
                continue
            yield self.finding(article, match.start(), match.end(), word=unit, suggestions=[unit])
