"""The ``boilerplate`` rule kind: whole lines a scraper picked up from the page around the article."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.patterns.compiled import compiled
from checker.patterns.limits import TimedPattern
from checker.patterns.precheck import BEYOND_FOLDING_CHECKED, folded_source
from checker.patterns.syntax import required_literals
from checker.text.article import Article
from checker.text.sentences import split_sentences
from checker.text.stamps import has_date_or_time, is_stamp

_WORD = compiled(r"[\p{L}\p{N}][\p{L}\p{N}'’.-]*")
_COUNT = compiled(r"[0-9.,]+[kKmM]?")

class BoilerplateRule(Rule):
    """Flags whole lines a scraper picked up from the page around the article.

    A line of the scope is flagged when it is short enough (``max_words``) and starts with
    one of ``starts``, matches one of ``lines`` entirely, or ends with one of ``ends``; when it
    starts with one of ``strong``, at any length; when it is made only of ``words`` (share
    buttons: "Share Facebook Twitter"); with ``stamps``, when it is only a date and time
    stamp (``checker.text.stamps``: read from its words' classes, not from patterns).
    Patterns ignore case unless ``ignorecase: false``. The whole line is flagged and its
    removal suggested; a line that holds an exception is left alone."""

    name = "boilerplate"
    PLACEHOLDERS = frozenset({"match", "line"})
    #: Lines are read whole: a quotation in one does not make it the article's own words.
    HONOURED = frozenset({"scope", "exceptions", "ignorecase", "fix"})
    default_scope = "line"
    #: A boilerplate line is not the article's own words: removing it is safe.
    default_fix = "safe"
    #: Page furniture comes in any case ("SHARE THIS", "Share this").
    default_ignorecase = True
    OPTIONS = {
        "starts": Option(list, default=[], help="patterns a boilerplate line starts with"),
        "lines": Option(list, default=[], help="patterns a boilerplate line matches entirely"),
        "ends": Option(list, default=[], help="patterns a boilerplate line ends with"),
        "words": Option(list, default=[], help="lines made only of these words (and counts, punctuation)"),
        "strong": Option(list, default=[], help="patterns a boilerplate line starts with, at any length"),
        "max_words": Option(int, default=30, help="longer lines are article text, not furniture"),
        "max_run": Option(int, default=0, help="lines in a run of more than this many flagged lines are a list "
                          "the author made (0: no limit)"),
        "min_words": Option(int, default=0, help="shorter lines are article text (`strong` patterns excepted)"),
        "max_lines": Option(int, default=0, help="an article with more lines of the rule's shapes is written that "
                            "way (a timeline's dates): none is flagged (0: no limit)"),
        "stamps": Option(bool, default=False, help="also flag a line that is only a date and time stamp with a "
                         "short label, read from what its words are (``checker.text.stamps``), not from patterns"),
        "keep_sentences": Option(bool, default=False, help="a line matched by `ends` after sentences of the "
                                 "article's own loses only its last sentences that are furniture alone (and a "
                                 "question to the reader just before them), not the whole line"),
    }

    def setup(self) -> None:
        o = self.options
        if not (o["starts"] or o["lines"] or o["ends"] or o["words"] or o["strong"] or o["stamps"]):
            raise self.error("give at least one of starts, strong, lines, ends, words, stamps", "starts")
        self.strong = self._alternation(o["strong"], "strong", r"^\W{0,3}(?:", r")")
        self.starts = self._alternation(o["starts"], "starts", r"^\W{0,3}(?:", r")")
        self.lines = self._alternation(o["lines"], "lines", r"^\W{0,3}(?:", r")\W{0,3}$")
        self.ends = self._alternation(o["ends"], "ends", r"(?:", r")\W{0,3}$")
        self.words = frozenset(str(w).casefold() for w in o["words"])
        # The shapes anchored at the start as one alternation: one try at the start of a line.
        heads = [p for p in (self.lines, self.starts) if p is not None]
        self.head = heads[0] if len(heads) == 1 else None
        if len(heads) > 1:
            self.head = self.timed(regex.compile("|".join(f"(?:{p.pattern})" for p in heads), heads[0].flags))
        self._min_words, self._max_words = o["min_words"], o["max_words"]
        #: Texts one of which every match of ``strong`` holds, case-folded when it ignores case
        #: (None: no such texts are known): a line of ``check`` holding none of them in the
        #: article's case-folded source is not searched for it (``"|"`` for a credit after a bar,
        #: ``"hide caption "``: most lines hold neither, and the pattern reads up to 400
        #: characters of each line it tries).
        self._strong_texts: tuple[str, ...] | None = None
        self._strong_folded = False
        if self.strong is not None:
            literals = required_literals(self.strong.pattern, 1)
            # Folded texts only of characters whose folding agrees with ``regex``'s (as the source's).
            if literals and not (self.strong.flags & regex.IGNORECASE
                                 and any(BEYOND_FOLDING_CHECKED.search(t) for t in literals)):
                self._strong_folded = bool(self.strong.flags & regex.IGNORECASE)
                self._strong_texts = tuple({t.casefold() if self._strong_folded else t: None for t in literals})

    def _alternation(self, patterns: list, field: str, prefix: str, suffix: str) -> TimedPattern | None:
        if not patterns:
            return None
        for pattern in patterns:
            if not isinstance(pattern, str) or not pattern:
                raise self.error("must be a list of non-empty strings", field)
        body = "|".join(f"(?:{p})" for p in patterns)
        return self.compile_combined(prefix + body + suffix, patterns, field=field, whole_word=False)

    def is_boilerplate(self, text: str, count: int | None = None) -> bool:
        """``count``: how many words the line has, when the caller knows."""
        return self.shape_of(text, count) is not None

    def shape_of(self, text: str, count: int | None = None, may_be_strong: bool = True) -> str | None:
        """Which of the rule's shapes the line has (``strong``, ``head`` for ``starts`` and
        ``lines``, ``ends``, ``stamp``, ``words``), or None. ``may_be_strong``: False when the caller
        knows ``strong`` cannot match (``strong_test``)."""
        # ``find``: each pattern asked the quickest way (the seam's): the start-anchored ones at
        # the start only, ``ends`` backwards from the end.
        strong = self.strong
        if strong is not None and may_be_strong and strong.find(text) is not None:
            return "strong"
        if count is None:
            count = len(_WORD.findall(text))
        if not self._min_words <= count <= self._max_words:
            return None
        head = self.head
        if head is not None and head.find(text) is not None:
            return "head"
        ends = self.ends
        if ends is not None and ends.find(text) is not None:
            return "ends"
        if self.options["stamps"] and is_stamp(text):
            return "stamp"
        if not self.words:
            return None
        # Only the given words and counts: read word by word, stopping at the first other one.
        meaningful = False
        for match in _WORD.finditer(text):
            token = match.group()
            if _COUNT.fullmatch(token):
                continue
            if token.casefold().strip(".") not in self.words:
                return None
            meaningful = True
        return "words" if meaningful else None

    def prompt_tail(self, line: str) -> int | None:
        """Where the furniture of a line that ends like furniture starts, when sentences of
        the article's own come before it ("The vote is on Tuesday. Tell us what you think in
        the comments below."): the last sentences that each read as furniture on their own.
        None when the whole line goes (one sentence, or every sentence furniture, or a last
        sentence that is not furniture alone)."""
        sentences = split_sentences(line)
        if len(sentences) < 2:
            return None
        first = len(sentences)
        while first > 0 and self.shape_of(line[sentences[first - 1][0] : sentences[first - 1][1]]) is not None:
            first -= 1
        if 0 < first < len(sentences) and line[sentences[first - 1][0] : sentences[first - 1][1]].endswith("?"):
            first -= 1  # "Have something to add? Tell us in the comments.": the question asks the reader
        if first in (0, len(sentences)):
            return None
        return sentences[first][0]

    def strong_test(self, article: Article) -> Callable[[int, int, str], bool] | None:
        """A test of a line (start, end, text) that is False only where ``strong`` cannot
        match it: the line holds none of the texts every match holds. Ignoring case, the line
        is read in the article's case-folded source, where a case-insensitive match shows as
        its case-folded text (``checker.patterns.precheck``); None (every line searched) when
        no texts are known or the source has characters whose folding is not checked."""
        texts = self._strong_texts
        if texts is None:
            return None
        if not self._strong_folded:
            return lambda start, end, line: any(t in line for t in texts)
        folded = folded_source(article)
        if folded is None or len(folded) != len(article.source):
            return None
        return lambda start, end, line: any(t in folded[start:end] for t in texts)

    def check(self, article: Article) -> Iterator[Finding]:
        flagged = []
        tails = []
        #: The lines flagged for their stamp shape alone: read from word classes, not from a
        #: phrase the rule lists, so their removal is an unsafe fix (as a bare date's is).
        stamped: set[tuple[int, int]] = set()
        stamps = 0
        may_be_strong = self.strong_test(article)
        lines = article.derived(_lines, self.scope)
        for start, end, line, count, exact in lines:
            if not exact and count <= self._max_words:
                count = len(_WORD.findall(line))
            shape = self.shape_of(line, count, may_be_strong is None or may_be_strong(start, end, line))
            if shape is None or (self.exceptions and self.is_exception(line)):
                continue
            if shape == "stamp":
                if _in_embedded_post(article.source, start):
                    continue
                stamps += 1
            tail = self.prompt_tail(line) if shape == "ends" and self.options["keep_sentences"] else None
            if tail is None:
                flagged.append((start, end))
                if shape == "stamp":
                    stamped.add((start, end))
            else:  # the article's sentences stay; only the prompt after them goes
                tails.append((start + tail, end))
        max_lines = self.options["max_lines"]
        # Stamps count with the other short lines holding a date or a time ("at 2:30 PM
        # **Telephonic"): an article with more of them is a schedule, a timeline or a live
        # blog, whose dates and times are its own.
        dated = stamps
        if stamps and max_lines:
            dated = sum(1 for _, _, line, count, _ in lines if count <= self._max_words and has_date_or_time(line))
        if max_lines and len(flagged) + len(tails) + (dated - stamps) > max_lines:
            return
        max_run = self.options["max_run"]
        for run in _runs(article, flagged):
            if max_run and len(run) > max_run:
                continue
            for start, end in run:
                yield self.finding(article, start, end, line=article.source[start:end], suggestions=[""],
                                   remove_line=True, unsafe=(start, end) in stamped)
        for start, end in tails:
            # Written into the article's own paragraph, the prompt may be the author's sign-off
            # ("If you have any questions, tell me in the comments below."): --unsafe-fixes only.
            yield self.finding(article, start, end, line=article.source[start:end], suggestions=[""],
                               remove_line=True, unsafe=True)


#: A handle ("@realDonaldTrump"): the attribution line of an embedded post.
_HANDLE = compiled(r"(?<![\p{L}\p{N}_.])@[\p{L}\p{N}_]{2,}")
#: How far back from a stamp its embedded post's handle is looked for (two lines, at most).
_POST_REACH = 600


def _in_embedded_post(source: str, start: int) -> bool:
    """Whether the line at ``start`` is the date of an embedded post: one of the two non-blank
    lines before it names an account ("Dana Reyes @dreyes" / the post / "9:53 PM - 26 Dec 2016").
    That date is part of the post the article shows, not the page's stamp."""
    lines = [line for line in source[max(0, start - _POST_REACH):start].split("\n") if line.strip()][-2:]
    return any(_HANDLE.search(line) for line in lines)


#: Words are counted in the first this many characters of a line: a long line has more words
#: there than any rule allows, and is not read to its end for a count no rule needs.
COUNTED = 400


def _lines(article: Article, scope: str) -> list[tuple[int, int, str, int, bool]]:
    """The segments of a scope with their text and word count (read through
    ``article.derived``, once per article: every boilerplate rule reads the same lines). The
    count is of the first ``COUNTED`` characters, and says whether that is the whole line;
    otherwise it is a lower bound (a word cut at the limit still counts once)."""
    source = article.source
    return [
        (start, end, source[start:end], len(_WORD.findall(source, start, min(end, start + COUNTED))),
         end - start <= COUNTED)
        for start, end in article.segments(scope)
    ]


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
