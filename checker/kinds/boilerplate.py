"""boilerplate: whole lines a scraper picked up from the page around the article.

A line is flagged when it is short enough (``max_words``) and either starts with one of
``starts``, matches one of ``lines`` entirely, or ends with one of ``ends``; ``words``
flags lines made only of the given words (share buttons: "Share Facebook Twitter").
Patterns are case-insensitive unless ``ignorecase: false``. The whole line is flagged and
its removal is suggested. Placeholders: ``{match}``, ``{line}``.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.article import Article
from checker.finding import Finding
from checker.kinds.base import Option, Rule

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.-]*")
_COUNT = regex.compile(r"[\d.,]+[kKmM]?")


class BoilerplateRule(Rule):
    name = "boilerplate"
    PLACEHOLDERS = frozenset({"match", "line"})
    default_scope = "line"
    #: A boilerplate line is not the article's own words: removing it is safe.
    default_fix = "safe"
    OPTIONS = {
        "starts": Option(list, default=[], help="patterns a boilerplate line starts with"),
        "lines": Option(list, default=[], help="patterns a boilerplate line matches entirely"),
        "ends": Option(list, default=[], help="patterns a boilerplate line ends with"),
        "words": Option(list, default=[], help="lines made only of these words (and counts, punctuation)"),
        "strong": Option(list, default=[], help="patterns a boilerplate line starts with, at any length"),
        "max_words": Option(int, default=30, help="longer lines are article text, not furniture"),
        "max_run": Option(int, default=0, help="lines in a run of more than this many flagged lines are a list "
                          "the author made (0: no limit)"),
        "min_words": Option(int, default=0),
    }

    def setup(self) -> None:
        if "ignorecase" not in self.spec:
            self.ignorecase = True
        o = self.options
        if not (o["starts"] or o["lines"] or o["ends"] or o["words"] or o["strong"]):
            raise self.error("give at least one of starts, strong, lines, ends, words", "starts")
        self.strong = self._alternation(o["strong"], "strong", r"^\W{0,3}(?:", r")")
        self.starts = self._alternation(o["starts"], "starts", r"^\W{0,3}(?:", r")")
        self.lines = self._alternation(o["lines"], "lines", r"^\W{0,3}(?:", r")\W{0,3}$")
        self.ends = self._alternation(o["ends"], "ends", r"(?:", r")\W{0,3}$")
        self.words = frozenset(str(w).casefold() for w in o["words"])
        # One search per line instead of three: the three shapes as one alternation.
        shapes = [p for p in (self.lines, self.starts, self.ends) if p is not None]
        self.short = shapes[0] if len(shapes) == 1 else None
        if len(shapes) > 1:
            self.short = regex.compile("|".join(f"(?:{p.pattern})" for p in shapes), shapes[0].flags)

    def _alternation(self, patterns: list, field: str, prefix: str, suffix: str) -> regex.Pattern | None:
        if not patterns:
            return None
        for pattern in patterns:
            if not isinstance(pattern, str) or not pattern:
                raise self.error("must be a list of non-empty strings", field)
        body = "|".join(f"(?:{p})" for p in patterns)
        return self.compile_combined(prefix + body + suffix, patterns, field=field, whole_word=False)

    def _search(self, pattern: regex.Pattern | None, text: str) -> bool:
        return pattern is not None and self.search(pattern, text) is not None

    def is_boilerplate(self, text: str, tokens: list[str] | None = None) -> bool:
        if tokens is None:
            tokens = _WORD.findall(text)
        if self._search(self.strong, text):
            return True
        if len(tokens) > self.options["max_words"] or len(tokens) < self.options["min_words"]:
            return False
        if self._search(self.short, text):
            return True
        if self.words and tokens:
            meaningful = [t for t in tokens if not _COUNT.fullmatch(t)]
            return bool(meaningful) and all(t.casefold().strip(".") in self.words for t in meaningful)
        return False

    def check(self, article: Article) -> Iterator[Finding]:
        flagged = []
        # Every boilerplate rule counts the words of the same lines: counted once per article.
        tokens_of: dict[tuple[int, int], list[str]] = article.memo.setdefault("boilerplate.tokens", {})
        for start, end in article.segments(self.scope):
            line = article.source[start:end]
            tokens = tokens_of.get((start, end))
            if tokens is None:
                tokens = tokens_of[(start, end)] = _WORD.findall(line)
            if self.is_boilerplate(line, tokens) and not self.is_exception(line):
                flagged.append((start, end))
        max_run = self.options["max_run"]
        for run in _runs(article, flagged):
            if max_run and len(run) > max_run:
                continue
            for start, end in run:
                yield self.finding(article, start, end, line=article.source[start:end], suggestions=[""],
                                   remove_line=True)


def _runs(article: Article, spans: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """Group flagged lines that follow each other (blank lines between them allowed)."""
    lines = article.text_lines
    index_of = {span: index for index, span in enumerate(lines)}
    run: list[tuple[int, int]] = []
    previous = -2
    for span in spans:
        index = index_of.get(span, -10)
        if run and index != previous + 1:
            yield run
            run = []
        run.append(span)
        previous = index
    if run:
        yield run
