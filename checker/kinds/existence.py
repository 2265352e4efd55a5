"""The ``existence`` rule kind: flag any of a list of words, phrases or patterns."""

from __future__ import annotations

from collections.abc import Iterator

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.text.article import Article


class ExistenceRule(Rule):
    """Flags any of a list of words, phrases or patterns.

    Each of ``tokens`` is matched as whole words unless ``nonword``; ``suggest`` offers one
    fixed replacement."""

    name = "existence"
    HONOURED = frozenset({"scope", "quotes", "exceptions", "ignorecase", "fix"})
    OPTIONS = {
        "tokens": Option(list, required=True, help="words, phrases or patterns to flag"),
        "nonword": Option(bool, default=False, help="do not wrap tokens in word boundaries"),
        "suggest": Option(str, default=None, help='a fixed suggestion; `""` suggests removing the match'),
    }

    def setup(self) -> None:
        tokens = self.options["tokens"]
        if not tokens or not all(isinstance(t, str) and t for t in tokens):
            raise self.error("must be a non-empty list of non-empty strings", "tokens")
        self.pattern = self.compile_combined("|".join(f"(?:{t})" for t in tokens), tokens, field="tokens",
                                             whole_word=not self.options["nonword"], required=True)

    def check(self, article: Article) -> Iterator[Finding]:
        suggest = self.options["suggest"]
        for match in self.search_segments(self.pattern, article):
            yield self.finding(article, match.start(), match.end(),
                               suggestions=[suggest] if suggest is not None else [])
