"""repetition: the same word or phrase twice in a row ("the the").

Fields: ``tokens`` (what counts as a repeatable unit; default any word). Placeholders: ``{match}``, ``{word}``.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.article import Article
from checker.finding import Finding
from checker.kinds.base import Option, Rule


class RepetitionRule(Rule):
    name = "repetition"
    PLACEHOLDERS = frozenset({"match", "word"})
    default_scope = "sentence"
    OPTIONS = {
        "tokens": Option(list, default=[r"[\p{L}\p{N}'’-]+"]),
    }

    def setup(self) -> None:
        unit = "|".join(f"(?:{t})" for t in self.options["tokens"])
        # The first occurrence is captured; the repeat must be the same text (case per ignorecase).
        self.pattern = self.compile(rf"(?P<unit>{unit})(?:\s+(?P=unit))+", field="tokens")

    def check(self, article: Article) -> Iterator[Finding]:
        for match in self.search_segments(self.pattern, article):
            unit = match.group("unit")
            if unit.isdigit():
                continue
            yield self.finding(article, match.start(), match.end(), word=unit, suggestions=[unit])
