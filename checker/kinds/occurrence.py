"""occurrence: too many or too few matches of a pattern in each scope segment.

Fields: ``token`` (pattern), ``max`` and/or ``min``. Placeholders: ``{count}``, ``{max}``, ``{min}``.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.article import Article
from checker.finding import Finding
from checker.kinds.base import Option, Rule


class OccurrenceRule(Rule):
    name = "occurrence"
    PLACEHOLDERS = frozenset({"match", "count", "max", "min"})
    default_scope = "sentence"
    OPTIONS = {
        "token": Option(str, required=True),
        "max": Option(int),
        "min": Option(int),
        "nonword": Option(bool, default=True),
    }

    def setup(self) -> None:
        if self.options["max"] is None and self.options["min"] is None:
            raise self.error("give 'max', 'min' or both", "max")
        self.pattern = self.compile(self.options["token"], field="token", whole_word=not self.options["nonword"])

    def check(self, article: Article) -> Iterator[Finding]:
        high, low = self.options["max"], self.options["min"]
        for segment in article.segments(self.scope):
            count = self.count_in(self.pattern, article, segment)
            if high is not None and count > high:
                matches = list(self.search_in(self.pattern, article, [segment]))
                yield self.finding(article, matches[high].start(), matches[-1].end(), count=count, max=high, min=low)
            elif low is not None and count < low:
                yield self.finding(article, *segment, count=count, max=high, min=low)
