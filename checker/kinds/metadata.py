"""The ``metadata`` rule kind: the article's header fields (a date that cannot be a date, a missing
headline or byline, a headline that is not the text's)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.patterns.compiled import compiled
from checker.text.article import Article
from checker.text.dates import DateProblem, parse_date
from checker.text.lineshape import FUNCTION_WORDS

_WORD = compiled(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: Words are compared by their first letters, so that "electoral" meets "elections" and
#: "Islamist" meets "Islam": a rough stem, enough to say that two texts share a word.
_STEM = 5
#: Words shorter than this say little about what a text is about.
_SHORTEST = 3
#: The shortest word of the text that may end a compound of the headline ("fire" in "wildfire").
_COMPOUND_END = 4


class MetadataRule(Rule):
    """Flags a header field that is missing, empty or not a plausible date.

    Reads one header field of the article (a ``Title:``, ``Author:`` or ``Published:`` line,
    a field of a record or a page's metadata) and flags it when ``check`` fails: ``present``
    (the field must be there when the format has a header), ``not-empty`` (a field that is
    there must have a value: its whole header line is flagged) or ``date`` (the value must
    parse as a plausible date) or ``related`` (one word of the field, at least, is a word of
    the text: a headline that shares no word with a body of ``min_words`` words or more is
    not that text's headline, or the text is not the article: a site's or a section's name,
    a byline, a photo credit or a salutation taken for the headline, or another article's
    text scraped under it). Words are compared without function words and by their first
    five letters, so "elections" meets "electoral"."""

    name = "metadata"
    PLACEHOLDERS = frozenset({"match", "field", "reason"})
    #: It reads one header field: no scope, quotation, exception or pattern; no suggestion.
    HONOURED = frozenset()
    default_scope = "metadata"
    OPTIONS = {
        "field": Option(str, required=True, help="the header field read: `headline`, `byline`, `published` or `url`"),
        "check": Option(str, default="present", help="`present`, `not-empty`, `date` or `related`"),
    }
    SELECTOR = "check"
    SELECTED_OPTIONS = {
        "date": {"earliest_year": Option(int, default=1800, help="a year before this one is implausible")},
        "present": {},
        "not-empty": {},
        "related": {"min_words": Option(int, default=50, help="the fewest words of text from which a field that "
                                        "shares none of them is flagged")},
    }

    def setup(self) -> None:
        if self.options["check"] == "related" and self.options["min_words"] < 1:
            raise self.error("must be at least 1", "min_words")

    def check(self, article: Article) -> Iterator[Finding]:
        name, check = self.options["field"], self.options["check"]
        meta = article.metadata.get(name)
        if check == "present":
            if article.has_header and (meta is None or not meta.value.strip()):
                start, end = article.structural[0] if article.structural else (0, 0)
                if meta is not None and meta.start is not None:
                    start, end = meta.start, meta.end or meta.start
                yield self.finding(article, start, end, field=name, reason="missing")
            return
        if meta is None or meta.start is None or meta.end is None:
            return
        if check == "related":
            if meta.value.strip() and not self._shares_a_word(meta.value, article):
                yield self.finding(article, meta.start, meta.end, field=name, reason="unrelated")
            return
        if check == "not-empty" and not meta.value.strip():
            # An empty value has no span of its own: flag its whole header line ("Author:").
            line, _ = article.position(meta.start)
            start, end = article.line_spans[line - 1]
            yield self.finding(article, start, end, field=name, reason="empty")
        if check == "date" and meta.value.strip():
            try:
                value = parse_date(meta.value)
            except DateProblem as problem:
                yield self.finding(article, meta.start, meta.end, field=name, reason=str(problem))
                return
            latest = dt.date.today().year + 1
            if not self.options["earliest_year"] <= value.year <= latest:
                yield self.finding(article, meta.start, meta.end, field=name,
                                   reason=f"the year {value.year} is implausible")

    def _shares_a_word(self, value: str, article: Article) -> bool:
        """Whether ``value`` shares a word with the article's text, or the text is too short
        (or ``value`` too bare: a number, a lone short word) to tell."""
        own_words = _content_words(value)
        span = article.body_span
        if not own_words or span is None:
            return True
        own = {word[:_STEM] for word in own_words}
        text = article.source[span[0]:span[1]]
        # Most headlines share a word with the lead: the text's words are read until one
        # shares a stem, not all of them.
        for match in _WORD.finditer(text):
            word = match.group().lower()
            if word[:_STEM] in own and word not in FUNCTION_WORDS:
                return True
        if len(text.split()) < self.options["min_words"]:
            return True
        # A compound of the headline ends with a word of the text: "wildfire" ... "the fire".
        words = _content_words(text)
        return any(word[cut:] in words for word in own_words for cut in range(1, len(word) - _COMPOUND_END + 1))


def _content_words(text: str) -> set[str]:
    """The words of ``text`` that say what it is about, in lower case."""
    return {word for word in (match.lower() for match in _WORD.findall(text))
            if len(word) >= _SHORTEST and word not in FUNCTION_WORDS}
