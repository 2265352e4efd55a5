"""The ``metadata`` rule kind: the article's header fields (a date that cannot be a date, a missing
headline or byline)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.text.article import Article
from checker.text.dates import DateProblem, parse_date


class MetadataRule(Rule):
    """Flags a header field that is missing, empty or not a plausible date.

    Reads one header field of the article (a ``Title:``, ``Author:`` or ``Published:`` line,
    a field of a record or a page's metadata) and flags it when ``check`` fails: ``present``
    (the field must be there when the format has a header), ``not-empty`` (a field that is
    there must have a value: its whole header line is flagged) or ``date`` (the value must
    parse as a plausible date)."""

    name = "metadata"
    PLACEHOLDERS = frozenset({"match", "field", "reason"})
    #: It reads one header field: no scope, quotation, exception or pattern; no suggestion.
    HONOURED = frozenset()
    default_scope = "metadata"
    OPTIONS = {
        "field": Option(str, required=True, help="the header field read: `headline`, `byline`, `published` or `url`"),
        "check": Option(str, default="present", help="`present`, `not-empty` or `date`"),
    }
    SELECTOR = "check"
    SELECTED_OPTIONS = {
        "date": {"earliest_year": Option(int, default=1800, help="a year before this one is implausible")},
        "present": {},
        "not-empty": {},
    }

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
