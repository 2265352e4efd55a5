"""The ``conditional`` rule kind: a use of ``first`` needs a matching ``second`` before it."""

from __future__ import annotations

from collections.abc import Iterator

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.text.article import Article


class ConditionalRule(Rule):
    """Flags a use of ``first`` that no matching ``second`` comes before.

    The classic case: an acronym used without being spelled out first. A capture of
    ``first`` is fine when ``second`` captured the same text earlier in the scope ("World
    Health Organization (WHO)" defines WHO); each undefined capture is flagged once. An
    exception is a capture (or a whole match) left alone. The default scope, ``text``, is the
    headline, headings and paragraphs: the article's own words, not its header fields."""

    name = "conditional"
    #: No suggestion, so no ``fix``.
    HONOURED = frozenset({"scope", "quotes", "exceptions", "ignorecase"})
    default_scope = "text"
    OPTIONS = {
        "first": Option(str, required=True, help="a pattern with one capture group: the use (`\\b([A-Z]{3,5})\\b`)"),
        "second": Option(str, required=True, help="a pattern with one capture group: the definition that must "
                         "come first"),
    }

    def setup(self) -> None:
        self.first = self.compile(self.options["first"], field="first", whole_word=False)
        self.second = self.compile(self.options["second"], field="second", whole_word=False)
        for field, pattern in (("first", self.first), ("second", self.second)):
            if pattern.groups < 1:
                raise self.error("needs one capture group, as in '\\b([A-Z]{3,5})\\b'", field)

    def check(self, article: Article) -> Iterator[Finding]:
        if self.scope == "text":  # the text blocks: a header line ("By FBI staff") defines nothing
            segments = [(b.start, b.end) for b in article.text_blocks]
        else:
            segments = article.segments(self.scope)
        defined: dict[str, int] = {}
        for match in self.search_in(self.second, article, segments):
            defined.setdefault(match.group(1), match.start())
        reported: set[str] = set()
        for match in self.search_in(self.first, article, segments):
            key = match.group(1)
            if key in reported or self.is_exception(key):
                continue
            if key in defined and defined[key] <= match.start(1):
                continue
            if key in defined and defined[key] <= match.start() <= defined[key] + 200:
                continue  # the use is the definition itself: "World Health Organization (WHO)"
            reported.add(key)
            yield self.finding(article, match.start(1), match.end(1))
