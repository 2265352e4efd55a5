"""conditional: a use of ``first`` needs a matching ``second`` before it.

The classic case: an acronym used without being spelled out first. ``first`` and ``second``
are patterns with one capture group each; a capture of ``first`` is fine when ``second``
captured the same text earlier in the article. Each undefined capture is flagged once.
Placeholders: ``{match}``.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.text.article import Article


class ConditionalRule(Rule):
    name = "conditional"
    default_scope = "text"
    OPTIONS = {
        "first": Option(str, required=True),
        "second": Option(str, required=True),
    }

    def setup(self) -> None:
        self.first = self.compile(self.options["first"], field="first", whole_word=False)
        self.second = self.compile(self.options["second"], field="second", whole_word=False)
        for field, pattern in (("first", self.first), ("second", self.second)):
            if pattern.groups < 1:
                raise self.error("needs one capture group, as in '\\b([A-Z]{3,5})\\b'", field)

    def check(self, article: Article) -> Iterator[Finding]:
        segments = [(b.start, b.end) for b in article.text_blocks]
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
