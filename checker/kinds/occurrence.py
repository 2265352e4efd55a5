"""The ``occurrence`` rule kind: too many or too few matches of a pattern in each scope segment."""

from __future__ import annotations

from collections.abc import Iterator

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.text.article import Article


class OccurrenceRule(Rule):
    """Flags too many or too few matches of a pattern in one segment (a sentence's words).

    The matches of ``token`` are counted in each segment of the scope; a segment with more
    than ``max`` is flagged from the first match past the maximum to the last, one with
    fewer than ``min`` whole. Give ``max``, ``min`` or both."""

    name = "occurrence"
    PLACEHOLDERS = frozenset({"match", "count", "max", "min"})
    #: No suggestion, so no ``fix``.
    HONOURED = frozenset({"scope", "quotes", "exceptions", "ignorecase"})
    default_scope = "sentence"
    OPTIONS = {
        "token": Option(str, required=True, help="the pattern counted"),
        "max": Option(int, help="a segment with more matches than this is flagged", minimum=0),
        "min": Option(int, help="a segment with fewer matches than this is flagged", minimum=1),
        "nonword": Option(bool, default=True, help="false: wrap `token` in word boundaries"),
    }

    def setup(self) -> None:
        high, low = self.options["max"], self.options["min"]
        if high is None and low is None:
            raise self.error("give 'max', 'min' or both", "max")
        # A count is 0 or more (the fields' minimums): a maximum below the minimum would flag every
        # segment, a mistake in the rule.
        if high is not None and low is not None and high < low:
            raise self.error(f"{high} is below 'min' ({low}): every segment would be flagged", "max")
        # With only a maximum (not below 0), every finding is a segment with more matches than
        # that: at least one.
        self.pattern = self.compile(self.options["token"], field="token", whole_word=not self.options["nonword"],
                                    required=low is None)

    def check(self, article: Article) -> Iterator[Finding]:
        high, low = self.options["max"], self.options["min"]
        # With only a maximum, a segment too short to hold more matches need not be counted.
        shortest = self.pattern.shortest_holding(high + 1) if low is None else 0
        for segment in article.segments(self.scope):
            if segment[1] - segment[0] < shortest:
                continue
            count = self.count_in(self.pattern, article, segment)
            if high is not None and count > high:
                matches = list(self.search_in(self.pattern, article, [segment]))
                yield self.finding(article, matches[high].start(), matches[-1].end(), count=count, max=high, min=low)
            elif low is not None and count < low:
                yield self.finding(article, *segment, count=count, max=high, min=low)
