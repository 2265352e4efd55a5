"""The ``duplicate`` rule kind: text repeated within one article, exactly or nearly."""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Iterator
from difflib import SequenceMatcher

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.kinds.contradiction.numbers import NUMBER_WORDS
from checker.patterns.compiled import compiled
from checker.text.article import Article
from checker.text.dates import MONTHS, WEEKDAYS

_WORD = compiled(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")
#: Trigrams shared by more units than this are too common to pair on.
MAX_POSTINGS = 50
#: Words after a headline that still read as a label's tail ("Watch the video", "1:27").
_SHORT_TAIL = 8
_SEPARATORS = ("|", "-", "–", "—", ":", "·", "•", "/", "(", "[")
#: The most words of a credit or label a caption puts before a headline run into it ("AP Photo").
_CREDIT_WORDS = 3
#: A capitalised word: what a caption's credit or label starts with.
_CAPITALISED = compiled(r"\s*\p{Lu}")
#: A sentence's opening ("A total of", "The vote"): what follows a headline glued to the next one.
_SENTENCE_OPENING = compiled(r"\s+\p{Lu}\p{Ll}*\s+\p{Ll}")
#: How many candidate units one unit is compared with.
MAX_COMPARISONS = 8


def words(text: str) -> list[str]:
    # The pattern treats both apostrophes alike, so replacing one in the text before the
    # search gives the same words as replacing it in each word after.
    return _WORD.findall(text.casefold().replace("’", "'"))


#: Characters that are in no word: where one stands beside a cut, no word runs across it.
_NO_WORD = frozenset(" \t\n\r\f\v\u00a0\u2009\u200a\u202f.,;:!?\"()[]{}“”«»„—–-/|*…")


def span_words(article: Article, start: int, end: int) -> list[str]:
    """``words`` of one span of the article, read once per article: the duplicate rules
    share lines, paragraphs and sentences. A span holding whole sentences (a line, a
    paragraph) is read as the words of those sentences and of the text between them."""
    return article.derived(SpanWords)[start, end]


class SpanWords(dict[tuple[int, int], list[str]]):
    """The words of an article's spans, by (start, end), each read when first asked for; one
    per article (``article.derived(SpanWords)``), so a rule reading many spans looks it up
    once. It keeps the source and the sentences, not the article, so that an article is freed
    as soon as it is done with."""

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.source = article.source
        sentences = article.sentences_in_order
        if any(a[1] > b[0] for a, b in itertools.pairwise(sentences)):
            sentences = []  # overlapping sentences: each span is read on its own
        self.sentences = sentences
        self.starts = [s for s, _ in sentences]
        #: The sentences themselves: each is read directly (``_words_of`` would find it first
        #: among the sentences at its start, which are unique as they do not overlap).
        self.whole = frozenset(sentences)

    def __missing__(self, span: tuple[int, int]) -> list[str]:
        found = self[span] = self._words_of(*span)
        return found

    def _words_of(self, start: int, end: int) -> list[str]:
        """``words(source[start:end])``, from the words of the sentences inside the span where
        every cut between them and the text around them has a character in no word beside it.

        Case folding maps each character on its own and the word pattern looks at nothing
        before a word, so a text cut where no word runs across reads as the words of its
        pieces, in order. A sentence's words are read once, for the sentence rule and the line
        it is on.
        """
        source, sentences = self.source, self.sentences
        if (start, end) in self.whole:
            return words(source[start:end])
        index = bisect.bisect_left(self.starts, start)
        pieces: list[list[str]] = []
        at = start
        while index < len(sentences) and sentences[index][1] <= end:
            first, last = sentences[index]
            if (first, last) == (start, end) or not (_cut(source, first, start, end)
                                                     and _cut(source, last, start, end)):
                return words(source[start:end])
            if first > at:
                pieces.append(_gap_words(source, at, first))
            pieces.append(self[first, last])
            at = last
            index += 1
        if not pieces:
            return words(source[start:end])
        if end > at:
            pieces.append(_gap_words(source, at, end))
        return list(itertools.chain.from_iterable(pieces))


def _cut(source: str, at: int, start: int, end: int) -> bool:
    """No word runs across position ``at`` of the span start..end."""
    return at in (start, end) or source[at - 1] in _NO_WORD or source[at] in _NO_WORD


def _gap_words(source: str, start: int, end: int) -> list[str]:
    gap = source[start:end]
    return [] if _NO_WORD.issuperset(gap) else words(gap)


def similarity(a: list[str], b: list[str], at_least: float = 0.0) -> float:
    """Ratio of matching words (difflib's 2M/T), or 0.0 when it cannot reach ``at_least``.

    Two cheap upper bounds (lengths, then shared words) rule out most pairs before the
    quadratic alignment runs.
    """
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    total = len(a) + len(b)
    floor = max(at_least, 0.6)
    if 2 * min(len(a), len(b)) / total < floor:
        return 0.0
    # The words shared (the multiset intersection) number at least the distinct words in both
    # and at most that plus the repeats of either list: the counters are needed only when
    # these bounds fall on both sides of the floor.
    set_a, set_b = set(a), set(b)
    distinct = len(set_a & set_b)
    if 2 * (distinct + min(len(a) - len(set_a), len(b) - len(set_b))) / total < floor:
        return 0.0
    if 2 * distinct / total < floor and 2 * sum((Counter(a) & Counter(b)).values()) / total < floor:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


#: Words whose change turns a repeat into another claim: a negation added or dropped.
_NEGATIONS = frozenset(["not", "no", "never", "none", "nor", "neither", "nobody", "nothing", "without"])


def says_otherwise(a: list[str], b: list[str]) -> bool:
    """Two near repeats that differ in a negation ("was closed" / "was not closed") or in a
    figure ("killed 12" / "killed 15") make two claims, not one twice: that is a
    contradiction (the contradiction rules report it), and removing either would hide it."""
    only_a, only_b = Counter(a) - Counter(b), Counter(b) - Counter(a)
    if any(w in _NEGATIONS or w.endswith("n't") for w in (*only_a, *only_b)):
        return True
    return _has_number(only_a) and _has_number(only_b)


def _shortened_heading(article: Article, first: tuple[int, int], second: tuple[int, int], a: list[str],
                       b: list[str]) -> bool:
    """Whether the later of two near repeats is a shorter form of the earlier, both lines of
    display text (one line each, no full stop at the end): a subheading or a deck that takes up
    the headline's words ("So Begins the Rug-Yank Phase of Fed Policy" ... "The Rug Yank Phase
    of Fed Policy"). A writer shortened it; a scraper's repeat is the same line or the line
    with a label or a credit added ("BREAKING: ...", "... (Photo: AP)"), which stays a repeat."""
    if not 0 < len(b) < len(a) or len(a) > DISPLAY_WORDS:
        return False
    if not all(_display_line(article.source[start:end]) for start, end in (first, second)):
        return False
    remaining = iter(a)
    return all(word in remaining for word in b)  # b's words in a, in order


#: A name: a capitalised word that does not open a sentence, a clause after a dash or colon, or the text.
_NAME = compiled(r"(?<![.!?:;—–-]\s{0,3})(?<=\w[,]?\s{1,3})\p{Lu}[\p{L}'’-]*")


#: Capitalised but not names: a day or month changed is a change of words, not of subject.
_CALENDAR = frozenset(name.casefold() for name in (*MONTHS, *WEEKDAYS))


def _about_others(article: Article, first: tuple[int, int], second: tuple[int, int], a: list[str],
                  b: list[str]) -> bool:
    """Two near repeats that differ in a name on both sides ("no early voting in Delaware" /
    "no early voting in Ohio") are about two things: items of one list written alike, or two
    claims about two people, not one text twice."""
    only_a, only_b = Counter(a) - Counter(b), Counter(b) - Counter(a)
    if not only_a or not only_b:
        return False
    source = article.source
    names_a = {name.casefold() for name in _NAME.findall(source, *first)} - _CALENDAR
    names_b = {name.casefold() for name in _NAME.findall(source, *second)} - _CALENDAR
    changed_a = [word for word in only_a if word in names_a]
    changed_b = [word for word in only_b if word in names_b]
    # "Gov." and "Governor", "Sept" and "September": one name written two ways, not two names.
    return bool(changed_a) and bool(changed_b) and not any(
        a.startswith(b) or b.startswith(a) for a in changed_a for b in changed_b)


def _has_number(words: Counter[str]) -> bool:
    return any(w in NUMBER_WORDS or any(c.isdigit() for c in w) for w in words)


def _starts_or_ends_with(line: list[str], headline: list[str], text: str) -> bool:
    """The line begins or ends with the whole headline (a caption or a label runs into it).

    A line that opens with the headline and goes on as a sentence ("This is how it ends,
    not with ...") is an editorial echo, not a scraping accident: the headline must be
    followed by a short tail ("1:27", "Read more") or a separator, not by a comma clause.
    """
    size = len(headline)
    if len(line) <= size:
        return False
    if line[-size:] == headline:
        return True
    for skip in range(_CREDIT_WORDS + 1):  # "AP Photo <headline> <first sentence>"
        if line[skip:skip + size] == headline:
            break
    else:
        return False
    tail = _after_words(text, skip + size)
    glued = _SENTENCE_OPENING.match(tail) is not None  # the next sentence runs on with no stop
    if skip:
        return glued and _CAPITALISED.match(text) is not None  # a credit or label before the headline
    if glued:
        return True
    tail = tail.lstrip()
    return tail[:1] not in (",", ";") and (len(line) - size <= _SHORT_TAIL or tail[:1] in _SEPARATORS)


def _after_words(text: str, count: int) -> str:
    """``text`` after its first ``count`` words (offsets of ``text`` itself: casefolding
    first would shift them, "ß" becoming "ss")."""
    first_words = list(itertools.islice(_WORD.finditer(text), count))
    return text[first_words[-1].end():] if first_words else text


def _paragraphs_and_lines(article: Article, with_lines: bool) -> tuple[list[tuple[int, int]], set[int]]:
    """Paragraphs and headings and, ``with_lines``, each line of those that have several, in
    order (a paragraph before its lines); and which of them are such lines."""
    units: list[tuple[int, int]] = []
    line_units: set[int] = set()
    lines, starts = article.text_lines, article.text_line_starts
    for block in article.blocks:
        if block.kind not in ("paragraph", "heading") or block.container:
            continue  # a table's cells and a code block's lines repeat by design
        units.append((block.start, block.end))
        first, last = bisect.bisect_left(starts, block.start), bisect.bisect_left(starts, block.end)
        if with_lines and last - first > 1:
            line_units.update(range(len(units), len(units) + last - first))
            units.extend(lines[first:last])
    return units, line_units


#: The most words of a line that reads as display text (a deck, a subheading, a teaser).
DISPLAY_WORDS = 25
_CLOSERS = "\"'”’)]»"


def _display_line(text: str) -> bool:
    """Whether ``text`` reads as display text: one line with no full stop at its end (a
    headline, a deck, a subheading, a teaser, a pull quote)."""
    text = text.strip()
    return "\n" not in text and not text.rstrip(_CLOSERS).endswith((".", "!", "?", "…"))


def _display_repeat(article: Article, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether the earlier of two repeated sentences or quotations stands in display text
    that quotes the story: a short paragraph or heading of one line with no full stop at its
    end (a deck under the headline, a numbered teaser, a subheading, a pull quote), while the
    later one is in a longer paragraph. Such a repeat is meant; a repeated paragraph is still
    the paragraph rule's to report."""
    earlier, later = _block_of(article, first[0]), _block_of(article, second[0])
    if earlier is None or later is None or earlier == later:
        return False
    (start, end), (later_start, later_end) = earlier, later
    if end < first[1] or later_end < second[1]:
        return False  # a unit outside the body's blocks
    if not _display_line(article.source[start:end]):
        return False
    table = article.derived(SpanWords)
    display, story = table[start, end], table[later_start, later_end]
    return 0 < len(display) <= DISPLAY_WORDS and len(story) > len(display)


#: At most this many words of a paragraph outside its quotations leave the quotation standing
#: alone (a pull quote, an embedded post), not quoted in the writer's own sentence.
ALONE_WORDS = 2
#: An attribution after a quotation shown on its own ("— Dana Reyes (@dreyes) May 2, 2024").
_SIGNATURE = compiled(r"\s[—–-]{1,2}\s*\p{Lu}[^\n]{0,120}$")


def _meant_repeat(article: Article, first: tuple[int, int], second: tuple[int, int], unit: str) -> bool:
    """A repeat the writer meant: a quotation and the words quoted shown on their own, items of
    one list written alike, a phrase quoted twice."""
    return (_quoted_and_shown(article, first, second) or _list_items(article, first, second)
            or _parallel_lists(article, first, second)
            or (unit == "quote" and (_fragment(article, first) or _fragment(article, second))))


def _quoted_and_shown(article: Article, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether two repeated units are a quotation in the writer's sentence and the words quoted
    shown on their own (the post or statement embedded, a pull quote): one is in quotation
    marks and the other not, or both are and only one stands in a sentence of the writer's.
    That repeat is meant: the reader sees what was quoted."""
    quoted = [_quoted(article, unit) for unit in (first, second)]
    if quoted[0] != quoted[1]:
        return True
    if not quoted[0]:
        return False
    return _alone(article, first) != _alone(article, second)


def _inner(article: Article, unit: tuple[int, int]) -> tuple[int, int]:
    """The unit less the punctuation and quotation marks around its words."""
    source, (start, end) = article.source, unit
    while start < end and not source[start].isalnum():
        start += 1
    while end > start and not source[end - 1].isalnum():
        end -= 1
    return start, end


def _quoted(article: Article, unit: tuple[int, int]) -> bool:
    start, end = _inner(article, unit)
    return start < end and article.in_quote(start, end)


def _alone(article: Article, unit: tuple[int, int]) -> bool:
    """Whether the quotation holding ``unit`` stands in a paragraph of its own: at most
    ``ALONE_WORDS`` words of the paragraph outside quotation marks, an attribution signed
    after a dash aside."""
    block = _block_of(article, unit[0])
    if block is None:
        return False
    start, end = block
    text = article.source[start:end]
    signature = _SIGNATURE.search(text)
    if signature is not None:
        end = start + signature.start()
    outside = 0
    position = start
    quotes = article.quotes
    for quote_start, quote_end in itertools.islice(quotes, bisect.bisect_right(quotes, start, key=_end), None):
        if quote_start >= end:
            break
        outside += len(_WORD.findall(article.source, position, max(position, quote_start)))
        position = max(position, quote_end)
    outside += len(_WORD.findall(article.source, position, max(position, end)))
    return outside <= ALONE_WORDS


#: The fewest words after its label that make a paragraph a list item, not a labelled line of
#: furniture ("Credit: Example Agency").
ITEM_WORDS = 8
#: A list item's label: a few words, then a dash or a colon ("Idaho — ...", "Step 3: ...").
_LABEL = compiled(r"\W{0,3}(\w[^\n—–:.!?]{0,40}?)\s*(?:[—–]|:)\s")


def _list_items(article: Article, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether the two units stand in two items of one list: paragraphs that each open with a
    label and a dash or colon, the labels differing ("Idaho — Counties must ..." / "Ohio —
    Counties must ..."). Items written from one template share sentences on purpose."""
    labels = []
    for start, _ in (first, second):
        block = _block_of(article, start)
        if block is None:
            return False
        block_start, block_end = block
        label = _LABEL.match(article.source, block_start, block_end)
        if label is None or len(_WORD.findall(article.source, label.end(), block_end)) < ITEM_WORDS:
            return False
        labels.append(label[1].casefold())
    return labels[0] != labels[1]


#: A list item's marker at the start of its line: a bullet, a dash or a number.
_ITEM_MARKER = compiled(r"[ \t]*(?:[-*+•▪◦‣–]|\d{1,3}[.)])[ \t]+")
#: An ``<li>`` just before a page's text, inline tags (``<strong>``, ``<a>``) between them.
_LI_OPEN = compiled(r"(?i)<li\b[^>]*>(?:\s|<(?!/?li\b)[^<>]*>)*$")
#: How far back from a block's text a page is read for its ``<li>``.
_LI_REACH = 300


def _list_item(article: Article, start: int) -> bool:
    """Whether the block starting at ``start`` is an item of a list: its line opens with a
    list marker (Markdown, plain text), or on a page it stands right inside an ``<li>``."""
    if article.origin is not None:
        at = article.origin.start(start)
        return _LI_OPEN.search(article.origin.original, max(0, at - _LI_REACH), at) is not None
    line_start = article.source.rfind("\n", 0, start) + 1
    marker = _ITEM_MARKER.match(article.source, line_start, start + 8)
    return marker is not None and marker.end() >= start


def _parallel_lists(article: Article, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether the two units are whole items of two different lists, and the lists are not one
    list copied: two products of a roundup share a pro ("- Long battery life"), two routes of a
    guide a warning. A list of two items or more repeated as a whole is still reported, as is
    an item repeated within its own list."""
    blocks, lists = article.derived(_BodyBlocks), article.derived(_Lists)
    table = article.derived(SpanWords)
    runs = []
    for unit in first, second:
        at = bisect.bisect_right(blocks.starts, unit[0]) - 1
        if at < 0 or lists.run[at] is None or table[blocks.spans[at]] != table[unit]:
            return False
        runs.append(lists.run[at])
    if runs[0] == runs[1]:
        return False
    items = [lists.items(article, run) for run in runs]
    return not (items[0] == items[1] and len(items[0]) >= 2)


class _Lists:
    """For each of the article's paragraphs and headings (``_BodyBlocks``' order): the run of
    consecutive list items it belongs to, as (first index, last index), or None."""

    def __init__(self, article: Article) -> None:
        spans = article.derived(_BodyBlocks).spans
        self.spans = spans
        flags = [_list_item(article, start) for start, _ in spans]
        self.run: list[tuple[int, int] | None] = [None] * len(spans)
        index = 0
        while index < len(spans):
            if not flags[index]:
                index += 1
                continue
            last = index
            while last + 1 < len(spans) and flags[last + 1]:
                last += 1
            for member in range(index, last + 1):
                self.run[member] = (index, last)
            index = last + 1
        self._items: dict[tuple[int, int], list[tuple[str, ...]]] = {}

    def items(self, article: Article, run: tuple[int, int]) -> list[tuple[str, ...]]:
        """The words of each item of ``run`` (computed once per run)."""
        if run not in self._items:
            table = article.derived(SpanWords)
            self._items[run] = [tuple(table[self.spans[i]]) for i in range(run[0], run[1] + 1)]
        return self._items[run]


def _block_of(article: Article, offset: int) -> tuple[int, int] | None:
    """The span of the paragraph or heading that starts at or before ``offset``; None before the first."""
    blocks = article.derived(_BodyBlocks)
    at = bisect.bisect_right(blocks.starts, offset) - 1
    return blocks.spans[at] if at >= 0 else None


def _end(span: tuple[int, int]) -> int:
    return span[1]


def _fragment(article: Article, quote: tuple[int, int]) -> bool:
    """Whether a quotation is a phrase set in the writer's own sentence ('found "27 files" on
    the laptop', 'called it "a disgrace"'), not a sentence of the speaker's: it opens in lower
    case, or follows a word with no colon or comma between and does not end a sentence of its
    own. Writers reuse such phrases."""
    start, end = _inner(article, quote)
    if start >= end:
        return False
    if article.source[start].islower():
        return True
    if article.source[quote[0] : quote[1]].rstrip().rstrip(_CLOSERS).endswith((".", "!", "?")):
        return False  # a sentence of its own, however it is introduced ('Obama Says "I Am Staying!"')
    before = article.source[max(0, quote[0] - 40) : quote[0]].rpartition("\n")[2]
    before = before.rstrip().rstrip("\"'“‘«„").rstrip()
    return bool(before) and before[-1].isalnum()


class _BodyBlocks:
    """The spans of an article's paragraphs and headings, in order, with their starts."""

    def __init__(self, article: Article) -> None:
        self.spans = [(b.start, b.end) for b in article.blocks if b.kind in ("paragraph", "heading")]
        self.starts = [start for start, _ in self.spans]


class DuplicateRule(Rule):
    """Flags text repeated within one article, exactly or nearly.

    Compares the units of ``of`` (the headline against every body line, paragraphs,
    sentences or quotations) and flags the later of two units that are the same once case,
    punctuation and white space are ignored, or alike at least to ``threshold``, suggesting
    its removal; the earlier one is in ``related``. Two near repeats that differ in a negation
    or a figure make two claims, not one twice, and are left to the contradiction rules.
    Candidate pairs come from shared word trigrams, so the cost grows with the text, not with
    the square of its units. A scraper often runs a repeated line into a caption or a link's
    text with no blank line between them, so that no paragraph repeats another: hence
    ``min_line_words``; short lines (a name, a job title, a dateline in a list) repeat in good
    articles."""

    name = "duplicate"
    PLACEHOLDERS = frozenset({"match", "unit", "line", "similarity"})
    #: ``of`` says what is read, and units are compared as words: no scope, quotation,
    #: exception or pattern applies.
    HONOURED = frozenset({"fix"})
    default_scope = "text"
    OPTIONS = {
        "of": Option(str, default="paragraph", help="what is compared: `headline` (against every body line), "
                     "`paragraph`, `sentence` or `quote`"),
        "threshold": Option(float, default=0.9, help="similarity from 0 to 1 at which two units are the same "
                            "(1: equal once case, punctuation and white space are ignored)"),
        "min_words": Option(int, default=6, help="units with fewer words are not compared"),
    }
    SELECTOR = "of"
    SELECTED_OPTIONS = {
        "headline": {
            "contains": Option(bool, default=False, help="also flag a body line that begins or ends with the whole "
                               "headline, as when a caption runs into it"),
        },
        "paragraph": {
            "min_line_words": Option(int, default=10, help="each line of a paragraph of several lines is compared "
                                     "too when it has at least this many words (0: lines are not compared)", minimum=0),
        },
        "sentence": {},
        "quote": {},
    }
    #: Removing an exact repeat (equal once case and punctuation are ignored) loses nothing;
    #: a near repeat may hold words the first lacks, so its removal is unsafe.
    default_fix = "safe"

    def setup(self) -> None:
        if not 0 < self.options["threshold"] <= 1:
            raise self.error("must be between 0 (exclusive) and 1", "threshold")
        if self.options["of"] == "quote":
            # Removing a quotation's words would leave empty quotation marks.
            if self.fix_level != "none" and "fix" in self.spec:
                raise self.error("a repeated quotation offers no fix (of: quote)", "fix")
            self.fix_level = "none"

    def check(self, article: Article) -> Iterator[Finding]:
        if self.options["of"] == "headline":
            yield from self._check_headline(article)
        else:
            yield from self._check_units(article)

    # ---- headline repeated in the body ---------------------------------------------------
    def _check_headline(self, article: Article) -> Iterator[Finding]:
        headline = next((b for b in article.blocks if b.kind == "headline"), None)
        if headline is None:
            return
        spans = article.derived(SpanWords)
        head_words = spans[headline.start, headline.end]
        if len(head_words) < max(2, min(self.options["min_words"], 4)):
            return
        source, threshold = article.source, self.options["threshold"]
        contains = self.options["contains"] and len(head_words) >= 4
        headings = sorted((b.start, b.end) for b in article.blocks if b.kind == "heading")
        heading_starts = [start for start, _ in headings]
        for start, end in article.text_lines:
            if headline.start <= start < headline.end:
                continue
            line_words = spans[start, end]
            score = similarity(head_words, line_words, threshold)
            at = bisect.bisect_right(heading_starts, start) - 1
            if score < 1.0 and at >= 0 and start < headings[at][1]:
                continue  # a heading the format marks, the headline's words and more: a section's title
            if score < 1.0 and score >= threshold and says_otherwise(head_words, line_words):
                continue
            if score >= threshold or (
                contains and source.find("://", start, end) < 0
                and _starts_or_ends_with(line_words, head_words, source[start:end])
            ):
                yield self._finding(article, (start, end), (headline.start, headline.end), score)

    # ---- paragraphs, sentences, quotations ---------------------------------------------
    def _units(self, article: Article) -> tuple[list[tuple[int, int]], set[int]]:
        """The units compared, in order, and which of them are lines of a longer paragraph."""
        unit = self.options["of"]
        if unit == "paragraph":
            return _paragraphs_and_lines(article, self.options["min_line_words"] > 0)
        headlines = [(b.start, b.end) for b in article.blocks if b.kind == "headline"]
        if unit == "sentence":
            if len(headlines) == 1:  # the usual case, tested without a generator per sentence
                (first, last), = headlines
                units = [(s, e) for s, e in article.sentences if not first <= s < last]
            else:
                units = [(s, e) for s, e in article.sentences if not any(hs <= s < he for hs, he in headlines)]
        else:
            units = article.quotes
        if article.set_apart:  # a table's cells and a code block's lines repeat by design
            units = [(s, e) for s, e in units if not article.in_set_apart(s)]
        return units, set()

    def _check_units(self, article: Article) -> Iterator[Finding]:
        units, lines = self._units(article)
        spans = article.derived(SpanWords)
        tokens = [spans[s, e] for s, e in units]
        threshold = self.options["threshold"]
        # Most trigrams occur in one unit only: set operations (in C) find those an earlier
        # unit also has, and only those get a posting list of the units holding them.
        seen: dict[tuple[str, ...], int] = {}  # each trigram -> the first unit with it
        postings: dict[tuple[str, ...], list[int]] = {}  # trigrams in two units or more
        reported: set[int] = set()
        reported_end = -1  # where the last reported unit ends
        paragraph_starts = [p.start for p in article.paragraphs]
        min_words, min_line_words = self.options["min_words"], self.options.get("min_line_words", 0)
        for index, unit_words in enumerate(tokens):
            is_line = index in lines
            if len(unit_words) < (min_line_words if is_line else min_words):
                continue
            if reported and units[index][1] <= reported_end and index not in reported:
                continue  # a line of a paragraph reported whole
            grams = (set(zip(unit_words, unit_words[1:], unit_words[2:], strict=False)) if len(unit_words) >= 3
                     else {tuple(unit_words)})
            shared = grams & seen.keys()
            if not shared:  # no earlier unit shares a trigram: no candidate
                seen.update(dict.fromkeys(grams, index))
                continue
            seen.update(dict.fromkeys(grams - shared, index))
            hits: list[int] = []  # the earlier units of each shared trigram, counted in C below
            for gram in shared:
                posting = postings.get(gram)
                if posting is None:
                    posting = postings[gram] = [seen[gram]]
                if len(posting) <= MAX_POSTINGS:
                    hits += posting
                posting.append(index)
            candidates = Counter(hits)
            best: tuple[float, int] | None = None
            # Only the units sharing the most trigrams can be near-duplicates worth comparing.
            if len(candidates) > MAX_COMPARISONS:
                likely = sorted(sorted(candidates, key=lambda o: (-candidates[o], o))[:MAX_COMPARISONS])
            else:
                likely = sorted(candidates)  # all of them: ranking them first changes nothing
            for other in likely:
                if units[other][1] > units[index][0]:
                    continue  # a paragraph and one of its own lines
                score = similarity(tokens[other], unit_words, threshold)
                if score < 1.0 and score >= threshold and (
                    says_otherwise(tokens[other], unit_words)
                    or _about_others(article, units[other], units[index], tokens[other], unit_words)
                    or _shortened_heading(article, units[other], units[index], tokens[other], unit_words)
                ):
                    continue
                if score >= threshold and (best is None or score > best[0]):
                    best = (score, other)
            if best is None:
                continue
            score, other = best
            if self.options["of"] != "paragraph" and (
                self._whole_paragraphs_repeat(article, paragraph_starts, units[other], units[index])
                or _display_repeat(article, units[other], units[index])
            ):
                continue
            if _meant_repeat(article, units[other], units[index], self.options["of"]):
                continue
            reported.add(index)
            reported_end = max(reported_end, units[index][1])
            yield self._finding(article, units[index], units[other], score, "line" if is_line else None)

    def _whole_paragraphs_repeat(self, article: Article, starts: list[int], first: tuple[int, int],
                                 second: tuple[int, int]) -> bool:
        """Both units sit in paragraphs that repeat each other: the paragraph rule reports that.
        Two units in the same paragraph are a repeat inside it, which no other rule reports."""
        indexes = [bisect.bisect_right(starts, start) - 1 for start, _ in (first, second)]
        if min(indexes) < 0 or indexes[0] == indexes[1]:
            return False
        table = article.derived(SpanWords)
        spans = [table[article.paragraphs[i].start, article.paragraphs[i].end] for i in indexes]
        return spans[0] != [] and similarity(spans[0], spans[1], 0.9) >= 0.9 and (
            len(spans[0]) >= self.options["min_words"]
        )

    def _finding(self, article: Article, later: tuple[int, int], earlier: tuple[int, int], score: float,
                 unit: str | None = None) -> Finding:
        line = article.line_of(earlier[0])
        return self.finding(
            article, *later,
            unit=unit or self.options["of"], line=line, similarity=f"{score:.0%}",
            suggestions=[""], related=[earlier], remove_line=True, unsafe=score < 1.0,
        )
