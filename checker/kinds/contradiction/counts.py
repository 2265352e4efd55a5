"""Two figures for the same thing: "12 people were killed" ... "14 people were killed".

A count is a quantity (see ``numbers``) with the noun it counts ("people", "votes",
"percent", a currency) and, when there is one, the event word next to it ("killed",
"arrested", "death toll"). Two counts are the same thing when they share event and noun,
or when their whole sentences are the same apart from the figure (a restatement). They
contradict each other when the intervals of their values do not overlap and neither
sentence signals an update ("rose to", "now"), another event ("last year", "another") or
a part of the whole ("three of the 12").
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

import regex

from checker.kinds.contradiction import DIGIT, Conflict, Searcher, Statement
from checker.kinds.contradiction.numbers import (
    NUMBER_WORDS,
    QUANTITY,
    RANGE,
    WORDS_BEFORE_NUMBER,
    Interval,
    interval,
    range_interval,
)
from checker.kinds.contradiction.restated import NAMING_BEFORE, skeleton_of
from checker.patterns.compiled import compiled
from checker.text.dates import MONTH_PATTERN, MONTHS, WEEKDAYS
from checker.text.textshape import mostly_uppercase

_WORD = compiled(r"[\p{L}][\p{L}'’-]*|[0-9][0-9,.]*")
_AFTER_UNIT = compiled(r"\s*(?P<unit>[\p{L}][\p{L}-]*)(?:\s+(?P<unit2>[\p{L}][\p{L}-]*))?")
_NOT_A_COUNT = compiled(r"\s*(?:[:/][0-9]|-\p{L}|(?:st|nd|rd|th)\b|%?\s*(?:of|per)\s)")
_PERCENT = compiled(r"\s*(?:%|percent\b|per\s+cent\b)")
#: Money and shares differ for many reasons in one story: compared only in restatements.
_MEASURES = frozenset({"$", "£", "€", "percent"})
_INNER_NAME = compiled(r"(?<=\S\s+)\p{Lu}[\p{L}'’-]+")
#: A named source: capitalised words just before "said" or just after it ("Fire Chief Dana
#: Reed said", "said Reed", "according to Reed"). Its words name who speaks, not where or to
#: whom something happened. A place before "said" stays a place ("officials in Spain said").
_NAME_RUN = r"\p{Lu}[\p{L}'’.-]*(?:[^\S\n]+\p{Lu}[\p{L}'’.-]*){0,4}"
_SPEAKER = compiled(
    rf"(?<!\b(?:in|at|from|of|near|across)\s+){_NAME_RUN}(?=,?\s+(?:said|says|told|added)\b)"
    rf"|(?<=\b(?:said|says|according\s+to)\s+){_NAME_RUN}"
)
#: The sentence gives a source for what it says, named or not ("hospital sources told CNN").
_ATTRIBUTED = compiled(r"\b(?:said|says|told|added|according\s+to)\b")
#: Capitalised words that name a day, not a place or a person: "killed 15 on Tuesday" and
#: "12 killed in Italy" may be one event. ("May" and "Sun" may be names: they stay.)
_CALENDAR = frozenset(name for name in (*MONTHS, *WEEKDAYS) if len(name) >= 4)
#: The number words (``numbers.NUMBER_WORDS``): the two tests below read them.
_NUMBER_WORDS = NUMBER_WORDS
#: A cheap test that a sentence may hold a quantity at all, before the full pattern runs: a
#: digit, or one of the number words in the case-folded text (a substring test, ten times
#: faster than the same words as a case-insensitive pattern). A word starting with another of
#: them ("seventeen", "thousands") is left out: where it is, the other is too, at its start.
_MAY_COUNT_WORDS = tuple(sorted(word for word in _NUMBER_WORDS
                                if not any(other != word and word.startswith(other) for other in _NUMBER_WORDS)))
#: The sharper second test, for sentences that pass the first: a digit, or a number word as a
#: whole word (the first test also takes "one" in "someone", "ten" in "often"). Every match of
#: ``QUANTITY`` holds one, so a sentence without is skipped with no change in what is found.
_NUMBER_WORD = compiled(
    r"(?i)[0-9]|(?<![\p{L}\p{N}_])(?:"
    + "|".join(sorted(_NUMBER_WORDS, key=lambda word: (-len(word), word)))
    + r")(?![\p{L}\p{N}_])"
)
#: What may stand in a quantity before its first number word or digit: the words of a
#: qualifier ("more than") and "a", "an" or "half a", a currency sign, and white space;
#: searched backwards from that word, it finds the earliest place a quantity holding it can
#: start.
_BEFORE_NUMBER = compiled(rf"(?r)[\s$£€]*(?:\p{{L}}+[\s$£€]*){{0,{WORDS_BEFORE_NUMBER}}}")
#: Each digit, for ``number_places`` (a plain pattern: faster than ``DIGIT`` for many matches).
_ANY_DIGIT = re.compile(r"[0-9]")
_YEAR = compiled(r"^(?:1[89]|20)[0-9][0-9]$")
_PART_OF = compiled(r"(?i)(?:\bof|\bthe|\bfig\.?)\s*$")
#: "a total of", "an average of", "a death toll of", "a crowd of": an amount that the number
#: gives, not a part of a whole ("a third of", "a share of" are parts).
_AMOUNT_OF = compiled(r"(?i)\ban?\s+(?:[\p{L}-]+\s+)?(?!(?:third|quarter|half|fifth|tenth|fraction|share|portion|"
                      r"part|proportion|percentage|majority|minority|handful|few|number|couple|pair)\s)"
                      r"[\p{L}-]+\s+of\s*$")
_OF_NOUN = compiled(r"\s+of(?=\s+(?!the\b|them\b|those\b|these\b|whom\b|which\b|its\b|their\b)\p{L})")
_ALTERNATIVE_BEFORE = compiled(r"(?i)\bor\s+$")
_OR = compiled(r"(?i)\s+or\s+")
_MONTHS = compiled(rf"\b(?:{MONTH_PATTERN})\.?\s*$")
STOPWORDS = frozenset(
    [
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but", "as", "is",
        "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "that", "this", "these",
        "those", "it", "its", "their", "his", "her", "they", "he", "she", "we", "i", "you", "said", "says", "say",
        "told", "who", "which", "what", "when", "where", "while", "after", "before", "than", "then", "there", "here",
        "also", "not", "no", "so", "if", "into", "over", "about", "up", "out", "more", "most", "some", "any", "all",
        "just", "only", "very"
    ]
)
_PLURAL_IES = compiled(r"ies$")
#: A mark that closes a clause: an event word after it is not the count's.
_CLAUSE_MARK = compiled(r"[,;:()]")


def lemma(word: str) -> str:
    """A crude singular: enough to match "people"/"person" no, but "votes"/"vote" yes."""
    return _singular(word.lower())


@functools.lru_cache(maxsize=4096)  # the same words come back sentence after sentence
def _singular(lower: str) -> str:
    """``lemma`` of a word in lower case."""
    w = lower.replace("’", "'")
    if len(w) > 4 and w.endswith("ies"):
        return _PLURAL_IES.sub("y", w)
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


@dataclass(frozen=True)
class Vocabulary:
    #: event name -> compiled pattern of the words that name it ("killed|dead|died|death toll").
    events: dict[str, Searcher]
    #: A sentence with one of these is an update of an earlier figure.
    updates: Searcher
    #: A sentence with one of these speaks of another event, time or part.
    distinct: Searcher
    #: Nouns that count people (a headline's "12 killed" counts people).
    people: frozenset[str]
    #: Nouns too vague to identify what is counted ("times", "years", "ways").
    ignored_units: frozenset[str]
    #: A rule's own number words and their values ("a score": 20), and a pattern for them.
    number_words: dict[str, Interval] = field(default_factory=dict)
    number_pattern: regex.Pattern | None = None
    #: The longest word of each of those, case-folded: a sentence holding none of them cannot
    #: match ``number_pattern`` (empty: no such test).
    number_hints: tuple[str, ...] = ()
    #: All event words in one pattern: most windows name no event, and one search says so.
    any_event: Searcher | None = None
    #: ``word_hints(any_event)``: a sentence whose case folding holds none of them names no
    #: event, and its windows are not searched (None: every window is).
    event_hints: tuple[str, ...] | None = None


#: Words that open the parts of a group after its whole: "Nine died, including four children".
_PARTS_AFTER = frozenset({"including", "among them"})
#: Words that make the number right before them a part: "two of them", "three of whom".
_PART_OF_NUMBER = frozenset({"of them", "of whom"})
_PART_WORDS = _PARTS_AFTER | _PART_OF_NUMBER


class _Context:
    """What a sentence says besides its figures: its update and other-event words, the
    names in it and its words. Most counts are never compared with another (no earlier count
    of their noun, or values that agree), so each is read only when a comparison asks.

    A figure's signature is the sentence's words less the few its figure holds, so it is kept
    as that small difference (see ``Signature``): a sentence with thousands of figures (a
    results table) costs memory in its length, not in its length times its figures."""

    __slots__ = ("_common", "_counts", "_distinct", "_names", "_places", "_read", "_signatures", "_skeleton",
                 "_speaker", "_starts", "_update", "_words", "number", "text", "vocabulary", "words")

    def __init__(self, text: str, vocabulary: Vocabulary) -> None:
        self.text = text
        self.vocabulary = vocabulary
        #: The sentence's place among those holding counts once its counts are indexed; -1
        #: before, -2 for a copy of an earlier sentence (never indexed).
        self.number = -1
        self._update: frozenset[str] | None = None
        self._distinct: frozenset[str] | None = None
        self._names: frozenset[str] | None = None
        self._speaker: frozenset[str] | None = None
        self._places: frozenset[str] | None = None
        self._skeleton: str | None = None
        self._signatures: dict[tuple[int, int], Signature] = {}
        self._words: list[tuple[str, int, int, bool]] | None = None
        self._starts: list[int] = []
        self._counts: Counter[str] = Counter()
        self._read = False
        self.words: frozenset[str] = frozenset()
        #: Another sentence -> how many words the two sentences share.
        self._common: dict[_Context, int] = {}

    @property
    def update(self) -> frozenset[str]:
        if self._update is None:
            self._update = frozenset(m.group(0).lower() for m in self.vocabulary.updates.finditer(self.text))
        return self._update

    @property
    def distinct(self) -> frozenset[str]:
        if self._distinct is None:
            self._distinct = frozenset(m.group(0).lower() for m in self.vocabulary.distinct.finditer(self.text))
        return self._distinct

    def distinct_for(self, figure: tuple[int, int]) -> frozenset[str]:
        """``distinct`` for the figure at ``figure``: a word that picks out a part of a group
        marks only the part's figure, not the whole's ("Six workers were hurt, two of them
        badly": "of them" marks "two"; "Nine people died, including four children": "including"
        marks "four children"). A part word after the figure with another number between them
        ("of them"), or one that opens the parts after the figure ("including"), is not this
        figure's."""
        found = self.distinct
        if not found & _PART_WORDS:
            return found
        kept = set(found)
        for match in self.vocabulary.distinct.finditer(self.text, figure[1]):
            word = match.group(0).lower()
            if word in _PARTS_AFTER or (word in _PART_OF_NUMBER
                                        and first_number(self.text[figure[1]:match.start()],
                                                         self.text[figure[1]:match.start()].casefold()) is not None):
                kept.discard(word)
        for match in self.vocabulary.distinct.finditer(self.text, 0, figure[0]):
            kept.add(match.group(0).lower())  # the same word before the figure still marks it
        return frozenset(kept)

    @property
    def names(self) -> frozenset[str]:
        """Capitalised words inside the sentence (places, people, sources), but not stop
        words or days."""
        if self._names is None:
            self._read_names()
        return self._names  # type: ignore[return-value]

    @property
    def places(self) -> frozenset[str]:
        """``names`` without those of a named source: where or to whom something happened."""
        if self._places is None:
            self._read_names()
        return self._places  # type: ignore[return-value]

    @property
    def speaker(self) -> frozenset[str]:
        """The words of the sources the sentence names ("said Fire Chief Dana Reed")."""
        if self._speaker is None:
            self._read_names()
        return self._speaker  # type: ignore[return-value]

    @property
    def attributed(self) -> bool:
        """The sentence gives a source ("said", "told", "according to"), named or not."""
        return _ATTRIBUTED.search(self.text) is not None

    @property
    def skeleton(self) -> str:
        """The sentence with its figures and dates as slots (see ``restated.skeleton_of``)."""
        if self._skeleton is None:
            self._skeleton = skeleton_of(self.text)[0]
        return self._skeleton

    def _read_names(self) -> None:
        spans = [m.span() for m in _SPEAKER.finditer(self.text)]
        self._speaker = frozenset(word for start, end in spans for word in self.text[start:end].split())
        names = [m for m in _INNER_NAME.finditer(self.text)
                 if m.group(0).lower() not in STOPWORDS and m.group(0).lower() not in _CALENDAR]
        self._names = frozenset(m.group(0) for m in names)
        self._places = frozenset(m.group(0) for m in names if not any(s <= m.start() < e for s, e in spans))

    def read_words(self) -> frozenset[str]:
        """``words``: the lemmas of the sentence's words but stop words. Each word's lower
        case is read once, however often it comes: its lemma and the stop-word test depend on
        nothing else (``lemma``)."""
        if not self._read:
            lowered = {word.lower() for word in _WORD.findall(self.text)}
            lowered -= STOPWORDS
            self.words = frozenset(map(_singular, lowered))
            self._read = True
        return self.words

    def placed_words(self) -> list[tuple[str, int, int, bool]]:
        """The sentence's words but stop words: (lemma, start, end, written in digits), in
        order; read only for a signature (a figure compared with another)."""
        if self._words is None:
            self._words = [(lemma(w.group(0)), w.start(), w.end(), w.group(0)[0].isdigit())
                           for w in _WORD.finditer(self.text) if w.group(0).lower() not in STOPWORDS]
            self._starts = [start for _, start, _, _ in self._words]
            self._counts = Counter(word for word, _, _, _ in self._words)
            self.read_words()
        return self._words

    def signature(self, start: int, end: int) -> Signature:
        """The sentence's words without the figure at ``start:end`` (its other numbers stay):
        a word written in digits leaves the signature when each of its places in the sentence
        overlaps the figure."""
        known = self._signatures.get((start, end))
        if known is not None:
            return known
        words = self.placed_words()
        inside: Counter[str] = Counter()
        # Words are sorted and do not overlap: those overlapping the figure start before its
        # end, and the first of them is at most one place before the first starting in it.
        i = max(0, bisect.bisect_left(self._starts, start) - 1)
        while i < len(words) and words[i][1] < end:
            word, first, stop, digit = words[i]
            if digit and first < end and start < stop:
                inside[word] += 1
            i += 1
        excluded = frozenset(word for word, n in inside.items() if n == self._counts[word])
        signature = self._signatures[(start, end)] = Signature(self, excluded)
        return signature

    def common(self, other: _Context) -> int:
        """How many words this sentence shares with ``other`` (kept for the next figure)."""
        shared = self._common.get(other)
        if shared is None:
            small, large = sorted((self.words, other.words), key=len)
            shared = self._common[other] = sum(1 for word in small if word in large)
        return shared


@dataclass(frozen=True)
class Signature:
    """What a sentence says besides one of its figures: its words less ``excluded``."""

    context: _Context
    excluded: frozenset[str]

    def __len__(self) -> int:
        return len(self.context.words) - len(self.excluded)

    def shared(self, other: Signature) -> int:
        """How many words the two signatures have in common."""
        mine, theirs = self.context.words, other.context.words
        lost = sum(1 for word in self.excluded | other.excluded if word in mine and word in theirs)
        return self.context.common(other.context) - lost


@dataclass(frozen=True)
class Count:
    value: Interval
    unit: str | None
    event: str | None
    statement: Statement
    sentence: tuple[int, int]
    context: _Context
    #: Where the figure and its noun are in the sentence's text (left out of the signature).
    figure: tuple[int, int]
    #: The noun is too vague to compare counts by event ("times", "years").
    vague_unit: bool
    #: Position among the counts of the same unit in its sentence, and how many there are.
    ordinal: tuple[int, int] = (0, 1)
    headline: bool = False

    @property
    def text(self) -> str:
        """The sentence's text."""
        return self.context.text

    @property
    def signature(self) -> Signature:
        """What the sentence says besides this figure: its words and its other numbers."""
        return self.context.signature(*self.figure)

    @property
    def update(self) -> frozenset[str]:
        """Update words ("rose", "now") in the sentence."""
        return self.context.update

    @property
    def distinct(self) -> frozenset[str]:
        """Words of another event, time or part ("last year") in the sentence."""
        return self.context.distinct_for(self.figure)


def first_number(text: str, folded: str, words: tuple[str, ...] = _MAY_COUNT_WORDS) -> regex.Match | None:
    """``_NUMBER_WORD.search(text)``: the first digit or whole number word, or None.
    ``folded``: the text case-folded; ``words``: the number words to look for (those the
    whole text holds, when known). A text without any of them as a substring has no number
    word, and its first number is its first digit; in a text as long as its folding, a number
    is looked for only where ``number_places`` finds one may start."""
    if len(folded) == len(text):
        return next_number(text, number_places(folded, words), 0)
    if any(word in folded for word in words):
        return _NUMBER_WORD.search(text)
    return DIGIT.search(text)


def number_places(folded: str, words: tuple[str, ...]) -> list[int]:
    """Where a digit or number word may start in a text as long as its case folding
    ``folded``, in order: each digit, and each place the folded text holds one of ``words``
    (``_MAY_COUNT_WORDS``, or those of them a longer text holding this one holds). Every
    ``_NUMBER_WORD`` match starts at one: a case-insensitive match of an ASCII letter or digit
    is a character that case-folds to it (``tests/test_fast_paths.py`` checks each character),
    and each number word starts with one of ``_MAY_COUNT_WORDS``. Some are no number ("one" in
    "someone", "ten" in "often")."""
    places = [digit.start() for digit in _ANY_DIGIT.finditer(folded)]
    for word in words:
        at = folded.find(word)
        while at >= 0:
            places.append(at)
            at = folded.find(word, at + 1)
    places.sort()
    return places


def next_number(text: str, places: list[int], start: int) -> regex.Match | None:
    """``_NUMBER_WORD.search(text, start)``, tried only at the ``places`` (``number_places``)
    from ``start`` on."""
    for index in range(bisect.bisect_left(places, start), len(places)):  # no copy: a table has thousands
        found = _NUMBER_WORD.match(text, places[index])
        if found is not None:
            return found
    return None


def _may_hold_own_words(folded: str, vocabulary: Vocabulary, hints: tuple[str, ...]) -> bool:
    """``hints``: the rule's number hints that the whole text holds."""
    if vocabulary.number_pattern is None:
        return False
    return not vocabulary.number_hints or any(hint in folded for hint in hints)


def counts_in(source: str, sentences: Iterable[tuple[int, int]], vocabulary: Vocabulary,
              headline: tuple[int, int] | None = None, figures: SentenceFigures | None = None,
              folded_source: str | None = None) -> list[Count]:
    """The counts of the sentences. ``figures``: the article's sentence figures, which
    ``recounts`` reads too (a fresh one when not given); ``folded_source``: the article's
    ``precheck.folded_source`` (None: not known, or not exact)."""
    figures = SentenceFigures() if figures is None else figures
    found: list[Count] = []
    # Case folding maps each character on its own, so a sentence's folded text is a piece of
    # the folded source: a word the source lacks is looked for in no sentence, and where
    # folding keeps the length (each character folds to one) the piece is cut out, not folded.
    whole = source.casefold() if folded_source is None else folded_source
    same_offsets = len(whole) == len(source)
    whole_or_none = whole if same_offsets else None
    hints = tuple(hint for hint in vocabulary.number_hints if hint in whole)
    # ``Vocabulary.event_hints``, where the test in the folded text is exact: a sentence
    # holding none of them names no event near any of its figures. (Each is looked for in the
    # few sentences with a figure, not in the whole source: that costs more than it saves.)
    event_hints = vocabulary.event_hints if folded_source is not None else None
    # The rule's own number words may be in a sentence only where this is true.
    own_anywhere = vocabulary.number_pattern is not None and (not vocabulary.number_hints or bool(hints))
    spans = list(sentences)
    for (start, end), held in zip(spans, figures.holding(spans, whole_or_none), strict=True):
        if not held and not own_anywhere:
            continue  # no number, nor one of the rule's number words
        text = source[start:end]
        folded = whole[start:end] if same_offsets else text.casefold()
        own_words = _may_hold_own_words(folded, vocabulary, hints)
        if not held and not own_words:
            # No number (its figures are (None, 0, [], None)) and none of the rule's own
            # number words: no count, as below, without reading its figures.
            continue
        number, begin, quantities, places = figures.of(start, end, text, folded, whole_or_none)
        may_count = number or (own_words and vocabulary.number_pattern.search(text))  # type: ignore[union-attr]
        if not may_count or mostly_uppercase(text):
            continue  # no number at all; or a table, ticker or shouted line
        if number is None:
            begin = len(text)
        matches = list(quantities) if number else list(QUANTITY.finditer(text, begin))
        if own_words:
            taken = [m.span() for m in matches]
            matches += [m for m in vocabulary.number_pattern.finditer(text)
                        if all(m.end() <= s or e <= m.start() for s, e in taken)]
            matches.sort(key=lambda m: m.start())
        if not matches:
            continue
        context = _Context(text, vocabulary)
        events = event_hints is None or any(hint in folded for hint in event_hints)
        here = [c for c in (_count(text, start, match, vocabulary, context, events) for match in matches)
                if c is not None]
        here = _with_ranges(text, folded, places, start, here, begin)
        in_headline = headline is not None and headline[0] <= start < headline[1]
        totals = Counter(c.unit for c in here)
        seen: Counter[str | None] = Counter()
        for count in here:
            ordinal = (seen[count.unit], totals[count.unit])
            # A count is made with the first of one (0, 1) outside the headline: a copy of it
            # with these would be equal (and no one tells counts apart by identity).
            found.append(count if ordinal == (0, 1) and not in_headline
                         else replace(count, ordinal=ordinal, headline=in_headline))
            seen[count.unit] += 1
    return found


#: A sentence's first number word or digit (None: none), where a quantity holding it may start
#: (``search_start``), the quantities from there, and where a number may start in the sentence
#: (``number_places``; None where case folding changes its length); without a number,
#: (None, 0, [], None).
Figures = tuple[regex.Match | None, int, list[regex.Match], list[int] | None]


class SentenceFigures:
    """The figures of the sentences asked about, by their (start, end) in the source: read once
    per article for every check that reads them (see ``figures``). Where a number may start is
    read once for the whole source: a sentence's places are those of the source within it (a
    number word the sentence cuts off is tried and found to be none)."""

    def __init__(self) -> None:
        self._read: dict[tuple[int, int], Figures] = {}
        self._places: list[int] | None = None

    def of(self, start: int, end: int, text: str, folded: str, whole: str | None) -> Figures:
        """``text`` is ``source[start:end]`` and ``folded`` its case folding; ``whole``: the
        source's case folding where it is as long as the source (else None)."""
        known = self._read.get((start, end))
        if known is None:
            known = self._read[(start, end)] = sentence_figures(text, folded, self._within(start, end, whole))
        return known

    def may_hold_number(self, start: int, end: int, whole: str | None) -> bool:
        """False when ``source[start:end]`` holds no place a number may start at: it has no
        number, and its figures are (None, 0, [], None). ``whole`` as ``of`` takes it."""
        if whole is None:
            return True
        places = self._article_places(whole)
        index = bisect.bisect_left(places, start)
        return index < len(places) and places[index] < end

    def holding(self, spans: list[tuple[int, int]], whole: str | None) -> list[bool]:
        """``may_hold_number`` of each span, in one loop (the places read once)."""
        if whole is None:
            return [True] * len(spans)
        places = self._article_places(whole)
        count = len(places)
        return [(index := bisect.bisect_left(places, start)) < count and places[index] < end for start, end in spans]

    def _within(self, start: int, end: int, whole: str | None) -> list[int] | None:
        """``number_places`` of ``whole[start:end]``, from those of the whole source."""
        if whole is None:
            return None
        places = self._article_places(whole)
        return [at - start for at in places[bisect.bisect_left(places, start):bisect.bisect_left(places, end)]]

    def _article_places(self, whole: str) -> list[int]:
        if self._places is None:
            self._places = number_places(whole, _MAY_COUNT_WORDS)
        return self._places


def sentence_figures(text: str, folded: str, places: list[int] | None = None) -> Figures:
    """A sentence's figures (see ``Figures``); ``folded``: the text case-folded; ``places``:
    its ``number_places``, or where a number may start among others (read here when not given)."""
    if places is None and len(folded) == len(text):
        places = number_places(folded, _MAY_COUNT_WORDS)
    if places is None:
        number = first_number(text, folded)
        if number is None:
            return None, 0, [], None
        begin = search_start(text, number.start())
        return number, begin, list(QUANTITY.finditer(text, begin)), None
    number = next_number(text, places, 0)
    if number is None:
        return None, 0, [], None
    begin = search_start(text, number.start())
    return number, begin, find_quantities(text, places, begin), places


def find_quantities(text: str, places: list[int], begin: int) -> list[regex.Match]:
    """``list(QUANTITY.finditer(text, begin))``, searched only from before each number: no
    quantity starts before the run of words that ends at the first number after the last one
    found (see ``search_start``), and a later number's run does not start before an earlier
    one's (it holds fewer words before that one, or stops after it)."""
    found = []
    at = begin
    while (number := next_number(text, places, at)) is not None:
        match = QUANTITY.search(text, max(at, search_start(text, number.start())))
        if match is None:
            break
        found.append(match)
        at = match.end()  # a quantity is never empty
    return found


def find_ranges(text: str, folded: str, places: list[int] | None, begin: int) -> list[regex.Match]:
    """``list(RANGE.finditer(text, begin))``, tried only where a range may start: at "between"
    or at its first number, one of the ``places`` that follows no digit (``RANGE`` looks behind
    for one, and only a digit folds to a digit). None: searched in full."""
    if places is None:
        return list(RANGE.finditer(text, begin))
    starts = [at for at in places if at >= begin and not (at and folded[at - 1] in _ASCII_DIGITS)]
    if "between" in folded:
        starts = sorted(starts + [at for at in _between(folded) if at >= begin])
    found = []
    for at in starts:
        if found and at < found[-1].end():
            continue  # inside the range just found: the next starts after it
        match = RANGE.match(text, at)
        if match is not None:
            found.append(match)
    return found


_ASCII_DIGITS = frozenset("0123456789")


def _between(folded: str) -> Iterator[int]:
    """Where the folded text holds "between", which a range may start with."""
    at = folded.find("between")
    while at >= 0:
        yield at
        at = folded.find("between", at + 1)


def search_start(text: str, first_number: int) -> int:
    """Where to search ``text`` for quantities and ranges (``QUANTITY``, ``RANGE``), given
    where its first number word or digit is (see ``_NUMBER_WORD``). Every quantity and range
    holds one, and before it at most ``WORDS_BEFORE_NUMBER`` whole words (a qualifier's,
    "half a", "between"), white space and a currency sign, so none starts before the run of
    those that ends there. A search that starts there finds what a search of the whole text
    finds (its look-behind still sees the text before)."""
    return _BEFORE_NUMBER.match(text, 0, first_number).start()


def _with_ranges(text: str, folded: str, places: list[int] | None, base: int, here: list[Count],
                 begin: int) -> list[Count]:
    """Counts whose number ends a range ("between 10 and 20 people") take the whole range;
    the range's first number is then no count of its own. ``begin``: where to search for
    ranges (see ``search_start``); ``folded``, ``places``: see ``find_ranges``."""
    if not here:
        return here
    ends: dict[int, tuple[Interval, int]] = {}  # start of a range's last number -> (range, range start)
    firsts: set[int] = set()
    for match in find_ranges(text, folded, places, begin):
        value = range_interval(match)
        if value is not None:
            first, last = ("a", "b") if match.group("a") else ("c", "d")
            ends[base + match.start(last)] = (value, base + match.start())
            firsts.add(base + match.start(first))
    if not ends:
        return here
    result = []
    for count in here:
        if count.statement.start in firsts:
            continue
        if count.statement.start in ends:
            value, start = ends[count.statement.start]
            statement = Statement(start, count.statement.end, text[start - base: count.statement.end - base])
            count = replace(count, value=value, statement=statement)
        result.append(count)
    return result


def _count(text: str, base: int, match: regex.Match, vocabulary: Vocabulary, context: _Context,
           events: bool = True) -> Count | None:
    """The count ``match`` gives, if any. ``events``: False where the sentence holds none of
    the event hints (``Vocabulary.event_hints``): no word of it names an event."""
    number = match.group("num")
    qualifier = match.group("qual")
    if number and _YEAR.match(number) and not match.group("cur") and not qualifier and not match.group("scale"):
        return None  # a year
    before = text[max(0, match.start() - 40): match.start()]  # the patterns below look at its end
    end = match.end()
    if match.group("vague") or (match.group("words") and vocabulary.number_words):
        # "dozens of people", "a score of villagers": the "of" belongs to the number.
        of = _OF_NOUN.match(text, end)
        end = of.end() if of else end
    after = text[end: end + 200]  # the patterns below look at its start
    if (_MONTHS.search(before) or _NOT_A_COUNT.match(after)) and not _PERCENT.match(after):
        # A date, a time, a compound adjective ("5-inch"), an ordinal, a part of a whole
        # ("three of the 12") or a rate: not a count of something on its own.
        return None
    if (_PART_OF.search(before) and not _AMOUNT_OF.search(before)) or NAMING_BEFORE.search(before):
        return None  # "of the 12", "No. 3", "Part 2": a reference or a part of a whole
    alternative = _OR.match(after)
    if _ALTERNATIVE_BEFORE.search(before) or (alternative and QUANTITY.match(after, alternative.end())):
        return None  # "four or eight years": no one figure
    value = interval(match, vocabulary.number_words)
    if value is None:
        return None
    unit = None
    unit_end = end
    if match.group("cur"):
        unit = match.group("cur")
    elif _PERCENT.match(after):
        unit = "percent"
        unit_end = end + _PERCENT.match(after).end()
    else:
        following = _AFTER_UNIT.match(after)
        if following:
            first, second = following.group("unit"), following.group("unit2")
            candidate = first
            # Skip one modifier.
            if second and (first[:1].isupper() or first.lower() in ("more", "other", "new", "additional")
                           or lemma(second) in vocabulary.people):
                candidate = second  # "12 Palestinian civilians", "14 more people", "16 police officers"
            if vocabulary.any_event is not None:
                is_event = events and vocabulary.any_event.search(candidate) is not None
            else:
                is_event = any(pattern.search(candidate) for pattern in vocabulary.events.values())
            if candidate[:1].islower() and candidate.lower() not in STOPWORDS and not is_event:
                unit = lemma(candidate)
                unit_end = end + following.end("unit2" if candidate is second else "unit")
    event = _event(text, match.start(), unit_end, vocabulary) if events else None
    statement = Statement(base + match.start(), base + unit_end, text[match.start():unit_end])
    return Count(value, unit, event, statement, (base, base + len(text)), context, (match.start(), unit_end),
                 unit in vocabulary.ignored_units)


def _event(text: str, start: int, end: int, vocabulary: Vocabulary) -> str | None:
    """The event word next to a quantity: up to three words before it ("killed 12",
    "death toll of 12") or six after it ("12 people were killed")."""
    window_before = " ".join(text[max(0, start - 80): start].split()[-3:])
    window_after = " ".join(text[end: end + 200].split()[:6])
    screen = vocabulary.any_event
    if screen is not None and screen.search(window_after) is None and screen.search(window_before) is None:
        return None
    for name, pattern in vocabulary.events.items():
        after = pattern.search(window_after)
        if after and not _CLAUSE_MARK.search(window_after, 0, after.start()):
            return name
        if pattern.search(window_before):
            return name
    return None


def _relation(a: Count, b: Count, vocabulary: Vocabulary) -> str | None:
    """"event" when both count one event in one noun; "headline" when a body sentence has
    most of the headline's words and the noun of its figure; "restated" when the sentences are
    the same apart from the figure; None when they count different things."""
    if a.event and a.event == b.event and a.unit not in _MEASURES and not a.vague_unit:
        if a.unit == b.unit and a.unit is not None:
            return "event"
        # A headline's "12 killed" counts people; a bare number in the body counts anything.
        if a.headline and a.unit is None and b.unit in vocabulary.people:
            return "event"
    if a.unit != b.unit:
        return None
    from_headline = a.headline and not b.headline and a.unit is not None
    if not from_headline and a.ordinal != b.ordinal:
        return None  # neither relation can hold: the sentences' words are not read
    first, second = a.signature, b.signature
    shared = first.shared(second)
    if from_headline and len(first) and shared >= max(3, 0.6 * len(first)):
        return "headline"  # the body says again what the headline says, with another figure
    if a.ordinal != b.ordinal:
        return None
    union = len(first) + len(second) - shared
    return "restated" if shared >= _RESTATED_SHARED and shared / union >= 0.8 else None


#: A restatement shares at least this many words with the sentence it restates.
_RESTATED_SHARED = 6
#: Of each kind of earlier figure a later one may relate to (the headline's, the same event's,
#: those of sentences sharing words with its own), a figure is compared with at most the first
#: this many: an article with thousands of figures (a results table, a long list, the same
#: paragraph many times over) is checked in time linear in its figures.
_COMPARED = 256


class _Index:
    """The earlier counts, indexed so that a later count meets only those it can relate to:
    the headline's of its noun, those of the same event and noun, and those of sentences
    sharing enough words with its own to be a restatement (with the same noun and place
    among the sentence's figures). Words are indexed once per sentence, not per figure."""

    def __init__(self) -> None:
        self.counts: list[Count] = []
        #: noun -> positions of the headline's counts of it.
        self.headlines: dict[str | None, list[int]] = defaultdict(list)
        #: (noun, event) -> positions of the counts of that event in that noun.
        self.by_event: dict[tuple[str | None, str], list[int]] = defaultdict(list)
        #: (sentence number, noun, place among the sentence's figures of the noun) -> position.
        self.by_place: dict[tuple[int, str | None, tuple[int, int]], int] = {}
        #: word -> numbers of the sentences holding it, in order.
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.sentences: list[_Context] = []
        #: (sentence text, in the headline) -> the first sentence with it.
        self.seen: dict[tuple[str, bool], _Context] = {}
        self._near: tuple[_Context | None, list[int]] = (None, [])

    def related(self, later: Count) -> list[Count]:
        """The earlier counts, in order, that can stand in a relation with ``later``."""
        positions = set(self.headlines.get(later.unit, ())[:_COMPARED])
        if later.event:
            positions.update(self.by_event.get((later.unit, later.event), ())[:_COMPARED])
        for number in self._near_sentences(later.context):
            position = self.by_place.get((number, later.unit, later.ordinal))
            if position is not None:
                positions.add(position)
        return [self.counts[i] for i in sorted(positions)]

    def headline_counts(self, unit: str | None) -> list[Count]:
        return [self.counts[i] for i in self.headlines.get(unit, ())[:_COMPARED]]

    def _near_sentences(self, context: _Context) -> list[int]:
        """The first ``_COMPARED`` earlier sentences sharing at least six words with this one.
        One of them shares one of any len - 5 of its words: the rarest len - 5 words'
        postings hold every such sentence, and the first of each posting hold the first of
        all. Read once per sentence: its figures follow one another."""
        if self._near[0] is context:
            return self._near[1]
        context.read_words()
        words = context.words
        near: list[int] = []
        if len(words) >= _RESTATED_SHARED:
            lists = sorted((self.postings.get(word, ()) for word in words), key=len)
            found = {number for posting in lists[: len(words) - _RESTATED_SHARED + 1] for number in posting[:_COMPARED]}
            near = sorted(found)[:_COMPARED]
        self._near = (context, near)
        return near

    def add(self, count: Count) -> None:
        """Index ``count``, unless its sentence repeats an earlier one word for word: a later
        figure that conflicts with the copy conflicts with the original first, and the copy
        would only lengthen the lists (the same paragraph many times over)."""
        context = count.context
        if context.number < 0 and self.seen.setdefault((context.text, count.headline), context) is not context:
            context.number = -2  # a copy: never indexed
        if context.number == -2:
            return
        position = len(self.counts)
        self.counts.append(count)
        if context.number < 0:
            context.number = len(self.sentences)
            self.sentences.append(context)
            context.read_words()
            for word in context.words:
                self.postings[word].append(context.number)
        if count.headline:
            self.headlines[count.unit].append(position)
        if count.event:
            self.by_event[(count.unit, count.event)].append(position)
        self.by_place[(context.number, count.unit, count.ordinal)] = position


def _may_be_one_event(earlier: _Context, later: _Context) -> bool:
    """Whether two sentences counting one kind of event may speak of the same one. Not when
    two named sources give figures ("Russia said ...", "Ukraine said ..."): that is a
    dispute; nor when they name different places or people. A named source is no place
    where the other sentence names none ("3 firefighters hurt" and "Fire Chief Dana Reed
    said four were hurt"); where both give a source, their names are all compared."""
    if earlier.speaker and later.speaker and not earlier.speaker & later.speaker:
        return False
    if earlier.attributed and later.attributed:
        first, second = earlier.names, later.names
    else:
        first, second = earlier.places, later.places
    return not (first and second and not first & second)


#: "the" and a noun: a sentence's definite mention of something ("in the blast").
_DEFINITE = compiled(r"(?<![\p{L}])[Tt]he\s+(\p{Ll}{4,})(?![\p{L}'’-])")


def _takes_up(text: str, headline: str) -> bool:
    """The sentence names the headline's own event by a definite mention of a noun of the
    headline ("Three injured in grain elevator blast" ... "Six workers were injured in the
    blast, taken to hospital in Regina"): the headline's event, whatever other places the
    sentence names."""
    words = {word.lower() for word in _HEADLINE_WORD.findall(headline)} - STOPWORDS
    return any(match.group(1) in words for match in _DEFINITE.finditer(text))


_HEADLINE_WORD = compiled(r"\p{L}{4,}")


def conflicts(counts: list[Count], vocabulary: Vocabulary) -> Iterator[Conflict]:
    # Every relation needs the same noun, except a headline's bare "12 killed", which counts
    # people: so each count is compared only with the earlier counts of its noun.
    index = _Index()
    for later in counts:
        candidates = index.related(later)
        if later.unit in vocabulary.people:
            candidates = index.headline_counts(None) + candidates
        for earlier in candidates:
            if earlier.sentence == later.sentence or earlier.value.overlaps(later.value):
                continue
            relation = _relation(earlier, later, vocabulary)
            if relation == "event":
                if later.update or later.distinct or earlier.distinct:
                    continue
                if not _may_be_one_event(earlier.context, later.context) and not (
                        earlier.headline and _takes_up(later.context.text, earlier.context.text)):
                    continue
            elif relation == "headline":
                if later.update - earlier.update:
                    continue
            elif relation == "restated":
                # The same sentence: only words the later one adds can mark an update.
                if later.update - earlier.update or later.distinct ^ earlier.distinct:
                    continue
            else:
                continue
            if earlier.context.skeleton == later.context.skeleton:
                continue  # word for word the same sentence: the restated check reports it
            yield Conflict(earlier.statement, later.statement,
                           f"'{earlier.statement.text}' against '{later.statement.text}'")
            break
        index.add(later)
