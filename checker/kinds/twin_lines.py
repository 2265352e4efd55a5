"""The ``twin-lines`` rule kind: a caption or a title that a page shows twice, kept twice.

A picture's caption, a video's title or a teaser often stands twice on a web page: beside the
picture and under it, or once cut short (a thumbnail's caption, a player's title bar) and once
in full with its credit. A scraper keeps both, one after the other. No phrase gives them away;
the shape does:

- two lines close together (the next line, or the one after a short line between them, such
  as "Video" or a running time, but not a person's name: two lines alike on either side of
  one are items of a list, each person's role);
- the one is the other, or its start, word for word (case, spacing and the form of quotation
  marks aside): "Donald Trump speaks at a rally in Grand Rapids," over "Donald Trump speaks at
  a rally in Grand Rapids, Mich., on Nov. 8, 2016. (Photo: ...)";
- both are short, as captions and titles are: a paragraph of the story that a scraper doubled
  (a sentence of eight words or more with its full stop, kept twice whole) is the duplicate
  rules' to report, once, not this rule's to remove twice.

Both lines are flagged. The headline repeated in the body is ``duplicate-headline``'s. The
evidence is the shape alone, so removing the lines is an unsafe fix.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.patterns.compiled import compiled
from checker.text.article import Article
from checker.text.lineshape import NAME_LINE, article_lines

#: A line kept twice whole with at least this many words and a final full stop is prose.
_PROSE_WORDS = 8
#: How many characters of a line, made alike, are compared before the whole lines are.
_KEY = 12
_WORD = compiled(r"[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


def _normal(text: str) -> str:
    return " ".join(text.translate(_QUOTES).casefold().split())


class TwinLinesRule(Rule):
    """Flags a short line shown twice close together, or once cut short and once in full: a
    caption or a title the page showed twice."""

    name = "twin-lines"
    PLACEHOLDERS = frozenset({"match", "line"})
    HONOURED = frozenset({"exceptions", "fix"})
    default_scope = "line"
    #: The shape is the only evidence: removing the lines is left to --unsafe-fixes.
    default_fix = "unsafe"
    OPTIONS = {
        "min_words": Option(int, default=3, help="the shorter line has at least this many words"),
        "max_words": Option(int, default=25, help="a line shown twice whole has at most this many words (longer: "
                            "a doubled paragraph, the duplicate rules' to report)"),
        "max_full_words": Option(int, default=60, help="the full line of a pair cut short has at most this many "
                                 "words"),
        "max_between_words": Option(int, default=6, help="a line standing between the two has at most this many "
                                    "words (a label, a running time)"),
    }

    def check(self, article: Article) -> Iterator[Finding]:
        lines = article_lines(article)
        if article.set_apart:  # the cells of a table repeat values by design (two columns alike)
            lines = [line for line in lines if not article.in_set_apart(line[0])]
        if len(lines) < 2:
            return
        source = article.source
        headline = _normal(article.headline.value) if article.headline is not None else ""
        # Twins open alike: each line's first characters, made alike as the lines are, say which
        # pairs to read whole (most lines open like neither neighbour and are read no further).
        keys = [_normal(source[start:min(end, start + _KEY * 2)])[:_KEY] for start, end in lines]
        read: dict[int, tuple[str, int]] = {}

        def whole(index: int) -> tuple[str, int]:
            if index not in read:
                text = _normal(source[lines[index][0]:lines[index][1]])
                read[index] = (text, len(_WORD.findall(text)))
            return read[index]

        flagged: set[int] = set()
        for index in range(len(lines) - 1):
            for other in (index + 1, index + 2):
                if other >= len(lines):
                    break
                if not (keys[index].startswith(keys[other]) or keys[other].startswith(keys[index])):
                    continue
                if other == index + 2 and not self._between(source, lines[index + 1], whole(index + 1)[1]):
                    break
                (first, first_count), (second, second_count) = whole(index), whole(other)
                if self._twins(first, second, first_count, second_count, headline):
                    flagged.update((index, other))
                    break
        for index in sorted(flagged):
            start, end = lines[index]
            line = source[start:end]
            if self.exceptions and self.is_exception(line):
                continue
            yield self.finding(article, start, end, line=line, suggestions=[""], remove_line=True)

    def _between(self, source: str, span: tuple[int, int], count: int) -> bool:
        """Whether the line at ``span`` may stand between a caption and its copy: short, and no
        person's name alone."""
        return count <= self.options["max_between_words"] and not NAME_LINE.match(source[span[0]:span[1]].strip())

    def _twins(self, first: str, second: str, first_count: int, second_count: int, headline: str) -> bool:
        short, full, short_count, full_count = ((first, second, first_count, second_count)
                                                if len(first) <= len(second) else
                                                (second, first, second_count, first_count))
        if short_count < self.options["min_words"] or not full.startswith(short) or short == headline:
            return False
        if short == full:
            # A sentence of prose kept twice is a doubled paragraph: the duplicate rules report the
            # copy, and their fix removes it alone.
            prose = short_count >= _PROSE_WORDS and short.endswith((".", "!", "?", '."', ".'"))
            return not prose and short_count <= self.options["max_words"]
        # Cut short at a word's end, not inside one ("Deputy National" of "Deputy Nationals").
        if full[len(short)] not in " ,.;:!?-–—()\"'":
            return False
        return short_count <= self.options["max_words"] and full_count <= self.options["max_full_words"]
