"""The ``glued-lines`` rule kind: headlines of other stories, captions or a player's title glued
to the start of a paragraph.

Where an article's paragraphs stand one line each between blank lines (most scraped text), a
paragraph that holds several lines was put together by the page, not by the writer: a box of
links to other stories, a picture's caption or a video's title sits in the same container as
the paragraph after it, and the scraper keeps them together. No phrase gives them away; the
shape does:

- the paragraph opens with two or more lines shaped like headlines (three to fifteen words,
  the first capitalised, no final punctuation) and goes on in prose (a line of ten words or
  more that ends like a sentence);
- none of those lines is a person's name alone: a name and a role over a quotation are the
  writer's list of who said what.

Lines the writer set between blank lines are never read, nor an article whose paragraphs
share lines throughout. The evidence is the shape alone, so removing the lines is an unsafe fix.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.text.article import Article
from checker.text.lineshape import NAME_LINE, article_lines, own_cues, paragraph_numbers, paragraphs_stand_alone


class GluedLinesRule(Rule):
    """Flags a run of headline-like lines glued to the start of a paragraph of prose, in an
    article whose paragraphs otherwise stand alone: links, captions or titles the page set
    in the paragraph's container."""

    name = "glued-lines"
    PLACEHOLDERS = frozenset({"match", "line"})
    HONOURED = frozenset({"exceptions", "fix"})
    default_scope = "line"
    #: The shape is the only evidence: removing the lines is left to --unsafe-fixes.
    default_fix = "unsafe"
    OPTIONS = {
        "min_run": Option(int, default=2, help="at least this many headline-like lines open the paragraph (one "
                          "alone is more often a subheading)"),
    }

    def check(self, article: Article) -> Iterator[Finding]:
        lines = article_lines(article)
        if len(lines) < 3:
            return
        blocks = paragraph_numbers(article, lines)
        if not paragraphs_stand_alone(blocks):
            return
        index = 0
        while index < len(lines):
            block = blocks[index]
            end = index + 1
            while end < len(lines) and block >= 0 and blocks[end] == block:
                end += 1
            if end - index > self.options["min_run"]:
                yield from self._opening(article, lines[index:end])
            index = end

    def _opening(self, article: Article, lines: list[tuple[int, int]]) -> Iterator[Finding]:
        source = article.source
        texts = [source[start:end].strip() for start, end in lines]
        run = 0
        while run < len(texts) and own_cues(texts[run]).headline and not NAME_LINE.match(texts[run]):
            run += 1
        if run < self.options["min_run"] or run == len(texts):
            return
        following = texts[run]
        if not own_cues(following).prose:
            return
        for (start, end), text in zip(lines[:run], texts[:run], strict=True):
            if self.exceptions and self.is_exception(text):
                continue
            yield self.finding(article, start, end, line=source[start:end], suggestions=[""], remove_line=True)
