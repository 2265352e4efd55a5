"""The ``about-section`` rule kind: the "About <organisation>" section that closes a press release.

A press release ends on boilerplate of its own (the name the trade gives it): a label "About
<organisation>" or "About Us" on a line of its own, a paragraph describing the organisation,
then contact details and sign-offs. A story republished from a release keeps it, and a blog
post keeps its writer's "About <name>" box the same way. Nothing in it is the story's text.
What gives it away is form and place, not a phrase: a label line of a few capitalised words
after "About", with no verb and no final full stop, standing among the article's last lines,
with a line of prose right after it. The label and every line after it to the end are
flagged; a label further from the end is a heading of the article's own ("About the
project"), and one with nothing described after it is left alone. Removing the lines is an
unsafe fix.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.patterns.compiled import compiled
from checker.text.article import Article
from checker.text.lineshape import article_lines

#: "About Us", "About Data Bridge Market Research:", "About ALPS OutdoorZ, an ALPS Brands
#: Company:", "About the author": "About" with a capital, then a name (capitalised words, "Us",
#: "the" before a noun), perhaps an apposition, and nothing else.
_LABEL = compiled(
    r"\W{0,3}About\s+(?P<name>Us|Me|the\s+\p{Ll}+s?|\p{Lu}[\p{L}\p{N}.&'’-]*(?:\s+(?:of|for|and|&|the|de)?\s*"
    r"[\p{Lu}\p{N}][\p{L}\p{N}.&'’-]*){0,6})(?:,\s+(?:an?|the)\s+[^.:!?]{1,60})?\s*:?\s*$")
#: A line that describes: a sentence of some length.
_PROSE_WORDS = 8


class AboutSectionRule(Rule):
    """Flags an "About <organisation>" section among the article's last lines: the label, the
    description after it and everything that follows to the end."""

    name = "about-section"
    PLACEHOLDERS = frozenset({"match", "line", "name"})
    HONOURED = frozenset({"exceptions", "fix"})
    default_scope = "line"
    #: Structure, not a listed phrase: removing the lines is left to --unsafe-fixes.
    default_fix = "unsafe"
    OPTIONS = {
        "tail_lines": Option(int, default=12, help="a label further from the end is a heading of the article's own"),
        "min_body_lines": Option(int, default=3, help="lines of the article before the label, at least"),
    }

    def check(self, article: Article) -> Iterator[Finding]:
        lines = article_lines(article)
        source = article.source
        first = max(self.options["min_body_lines"], len(lines) - self.options["tail_lines"])
        for index in range(first, len(lines) - 1):
            start, end = lines[index]
            match = _LABEL.fullmatch(source, start, end)
            if match is None:
                continue
            after = source[lines[index + 1][0] : lines[index + 1][1]]
            if len(after.split()) < _PROSE_WORDS:
                continue  # nothing described after the label
            name = regex.sub(r"\s+", " ", match["name"])
            for line_start, line_end in lines[index:]:
                line = source[line_start:line_end]
                if self.exceptions and self.is_exception(line):
                    continue
                yield self.finding(article, line_start, line_end, line=line.strip(), name=name, suggestions=[""],
                                   remove_line=True)
            return
