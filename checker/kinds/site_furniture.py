"""The ``site-furniture`` rule kind: lines a site's pages repeat, learned from its archive."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.text.article import Article
from checker.text.linenormal import normal_line
from checker.text.lineshape import article_lines

#: The fields of one entry of ``lines``; only ``line`` is required.
ENTRY_FIELDS = ("line", "example", "site", "articles", "share")


class SiteFurnitureRule(Rule):
    """Flags a line that a site repeats across many of its articles: page furniture learned
    from the site's archive by `checker learn-furniture`, which writes the rule file.

    A line of the article (the headline, header and headings aside) is flagged when its
    normal form (case-folded, white space collapsed, each run of digits written 0) is one of
    `lines`, whichever site learned it. Each line was seen in many articles of a site, and
    quotations and prose were never learned, so the evidence is strong: removing the line is
    a safe fix. A reviewer deletes an entry to keep a line; a line that holds an exception
    is left alone."""

    name = "site-furniture"
    PLACEHOLDERS = frozenset({"match", "line", "site", "articles", "share"})
    HONOURED = frozenset({"exceptions", "ignorecase", "fix"})
    default_scope = "line"
    #: A line a site repeats on many pages is not an article's own text.
    default_fix = "safe"
    default_ignorecase = True
    OPTIONS = {
        "lines": Option(list, required=True, help="the learned lines: each a mapping with `line` (the normal form "
                        "matched) and, for review, `example` (the line as one article had it), `site`, `articles` "
                        "(how many of the site's articles hold it) and `share` (of the site's articles); or a "
                        "line as a plain string, normalised when loaded"),
        "learned": Option(dict, default={}, help="how the lines were learned (when, from which inputs, the "
                          "thresholds, the articles of each site), written by `checker learn-furniture` for review"),
    }

    def setup(self) -> None:
        self.table: dict[str, dict[str, Any]] = {}
        for index, entry in enumerate(self.options["lines"]):
            if isinstance(entry, str):
                entry = {"line": entry}
            if not isinstance(entry, dict) or not isinstance(entry.get("line"), str):
                raise self.error(f"entry {index + 1} must be a line or a mapping with a `line` string", "lines")
            unknown = sorted(set(entry) - set(ENTRY_FIELDS))
            if unknown:
                raise self.error(f"entry {index + 1} has unknown field(s) {', '.join(map(str, unknown))} "
                                 f"(known: {', '.join(ENTRY_FIELDS)})", "lines")
            normal = normal_line(entry["line"])
            if not normal:
                raise self.error(f"entry {index + 1} is an empty line", "lines")
            self.table.setdefault(normal, entry)

    def is_boilerplate(self, text: str, count: int | None = None) -> bool:
        """Whether the line is one the site repeats (the furniture line model asks, as it asks
        the phrase rules; ``count`` is not needed)."""
        del count
        return normal_line(text) in self.table

    def check(self, article: Article) -> Iterator[Finding]:
        if not self.table:
            return
        source = article.source
        for start, end in article_lines(article):
            text = source[start:end]
            entry = self.table.get(normal_line(text))
            if entry is None or (self.exceptions and self.is_exception(text)):
                continue
            share = entry.get("share")
            yield self.finding(article, start, end, line=text, site=entry.get("site", "the site"),
                               articles=entry.get("articles", "many"),
                               share=f"{share:.0%}" if isinstance(share, int | float) else "a share",
                               suggestions=[""], remove_line=True)
