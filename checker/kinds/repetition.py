"""The ``repetition`` rule kind: the same word or phrase twice in a row ("the the")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.patterns.quick import BEYOND_FOLDING_CHECKED, folded_text
from checker.text.article import Article

_DEFAULT_TOKENS = [r"[\p{L}\p{N}'’-]+"]
#: A quick test that a text may repeat a word: a run of non-space characters, white space and
#: the same run, neither run touching a word character on its outer side. Every repeat of a
#: default token passes it (a token is such a run, taken whole: the run is followed by white
#: space, so no shorter one need be tried; ``re``'s word characters are among
#: ``regex``'s ``[\p{L}\p{N}_]`` and its white space includes ``regex``'s).
_MAY_REPEAT = re.compile(r"(?<!\w)(\S++)\s+\1(?!\w)")


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
        self.pattern = self.compile(rf"(?P<unit>{unit})(?:\s+(?P=unit))+", field="tokens")
        self.quick = self.options["tokens"] == _DEFAULT_TOKENS

    def may_repeat(self, article: Article) -> bool:
        """False when no word of the article can be repeated: the rule has nothing to find."""
        if not self.quick:
            return True
        text = folded_text(article) if self.ignorecase else article.source
        if text is None or (not self.ignorecase and BEYOND_FOLDING_CHECKED.search(text)):
            return True
        return _MAY_REPEAT.search(text) is not None

    def check(self, article: Article) -> Iterator[Finding]:
        if not self.may_repeat(article):
            return
        for match in self.search_segments(self.pattern, article):
            unit = match.group("unit")
            if unit.isdigit():
                continue
            yield self.finding(article, match.start(), match.end(), word=unit, suggestions=[unit])
