"""The article model: source text, metadata, blocks, sentences and quotations, with offsets.

Every span is a pair of code-point offsets into ``Article.source``, so any finding maps
back to an exact line and column of the file as read.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from checker.finding import Location
from checker.patterns.compiled import compiled
from checker.text.sentences import split_sentences
from checker.text.sourcemap import SourceMap, line_spans

_Value = TypeVar("_Value")
_MISSING: Any = object()

#: Block kinds a parser may produce.
BLOCK_KINDS = ("headline", "paragraph", "heading", "byline", "meta")


#: What a block may stand in, besides running text: a cell or row of a table, or preformatted
#: code. Such text repeats by design (two columns with the same value, a command run twice),
#: so the rules that compare blocks with each other leave it out.
CONTAINERS = ("table", "code")


@dataclass(frozen=True)
class Block:
    kind: str
    start: int
    end: int
    #: ``""`` in running text, else one of ``CONTAINERS``.
    container: str = ""


@dataclass(frozen=True)
class MetaField:
    """A metadata value (headline, byline, published, ...) and where it sits in the source."""

    value: str
    start: int | None = None
    end: int | None = None


@dataclass
class Article:
    path: str
    source: str
    format: str
    blocks: list[Block] = field(default_factory=list)
    metadata: dict[str, MetaField] = field(default_factory=dict)
    #: Lines that belong to the format itself (header lines, front matter): not article text.
    structural: list[tuple[int, int]] = field(default_factory=list)
    #: The parser found a metadata header (so a missing headline/byline is meaningful).
    has_header: bool = False
    #: Problems the parser noticed (malformed front matter ...): (message, start, end).
    parse_notes: list[tuple[str, int, int]] = field(default_factory=list)
    #: How the article was read, when not as usual (an HTML page its extractor could not read):
    #: said once per run on standard error, never a finding.
    reading_notes: list[str] = field(default_factory=list)
    #: Set when ``source`` was extracted from the file (HTML): where each piece came from.
    #: Findings are then reported at the file's positions and carry no fixes.
    origin: SourceMap | None = None
    #: What ``derived`` worked out, by function and arguments.
    _derived: dict[tuple[Callable[..., Any], tuple[Hashable, ...]], Any] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def derived(self, function: Callable[..., _Value], *arguments: Hashable) -> _Value:
        """``function(self, *arguments)``, worked out once per article and shared by every rule
        that asks (the words of each line, the case-folded text). Keyed by the function itself
        and the arguments, so no rule invents a key and no two can collide."""
        key = (function, arguments)
        value = self._derived.get(key, _MISSING)
        if value is _MISSING:
            value = self._derived[key] = function(self, *arguments)
        return value

    # ---- positions -------------------------------------------------------------------
    @cached_property
    def line_spans(self) -> list[tuple[int, int]]:
        """(start, end) of every line, without its line break."""
        return line_spans(self.source)

    @cached_property
    def line_starts(self) -> list[int]:
        return [start for start, _ in self.line_spans]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def location(self, start: int, end: int) -> Location:
        """Where source[start:end] is in the file: the same span, or the span of the file
        it was extracted from."""
        if self.origin is not None:
            return self.file_location(*self.origin.span(start, end))
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Location(line, column, end_line, end_column, start, end - start, self.source[start:end])

    @property
    def file_text(self) -> str:
        """The text of the file as read (``source`` unless it was extracted)."""
        return self.source if self.origin is None else self.origin.original

    @property
    def editable(self) -> bool:
        """Fixes can be applied: offsets into ``source`` are offsets into the file."""
        return self.origin is None

    @cached_property
    def file_line_spans(self) -> list[tuple[int, int]]:
        """Lines of the file as read (``line_spans`` unless the text was extracted)."""
        return self.line_spans if self.origin is None else self.origin.line_spans

    @cached_property
    def file_line_starts(self) -> list[int]:
        return [start for start, _ in self.file_line_spans]

    def file_location(self, start: int, end: int) -> Location:
        """A Location from offsets into the file's text."""
        starts = self.file_line_starts
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_right(starts, end) - 1
        return Location(first + 1, start - starts[first] + 1, last + 1, end - starts[last] + 1, start, end - start,
                        self.file_text[start:end])

    def line_of(self, offset: int) -> int:
        """The file's line number of a source offset (for messages such as "see line 4")."""
        return self.location(offset, offset).line

    @cached_property
    def _header_spans(self) -> list[tuple[int, int]]:
        spans = [(b.start, b.end) for b in self.blocks if b.kind in ("headline", "byline", "meta")]
        return spans + [(f.start, f.end) for f in self.metadata.values() if f.start is not None and f.end is not None]

    def in_header(self, start: int, end: int) -> bool:
        """The span touches the headline, the byline or a metadata field."""
        return any(s < end and start < e for s, e in self._header_spans)

    def removal_span(self, start: int, end: int) -> tuple[int, int]:
        """What to delete to remove the text at start..end cleanly.

        When that text is all its lines hold (white space aside), the lines go with one line
        break, and a blank line that would then double another goes too. Otherwise the text
        goes with the spaces after it (or before it, at the end of a line).
        """
        spans = self.line_spans
        first = bisect.bisect_right(self.line_starts, start) - 1
        last = bisect.bisect_right(self.line_starts, max(start, end - 1)) - 1
        line_start, line_end = spans[first][0], spans[last][1]
        source = self.source
        if source[line_start:start].strip() or source[end:line_end].strip():
            after = end
            while after < line_end and source[after] in " \t":
                after += 1
            if after > end:
                return start, after
            before = start
            while before > line_start and source[before - 1] in " \t":
                before -= 1
            return before, end

        def blank(index: int) -> bool:
            return 0 <= index < len(spans) and not source[spans[index][0] : spans[index][1]].strip()

        rest_blank = all(blank(index) for index in range(last + 1, len(spans)))
        if rest_blank and first > 0:
            # The last words of the file: keep its final line break, drop the ones before.
            before = first - 1
            while before >= 0 and blank(before):
                before -= 1
            return (spans[before][1] if before >= 0 else 0), line_end
        if last + 1 < len(spans):
            cut_end = spans[last + 1][0]
            if (first == 0 or blank(first - 1)) and blank(last + 1) and last + 2 < len(spans):
                cut_end = spans[last + 2][0]
            return line_start, cut_end
        return line_start, line_end

    def text(self, start: int, end: int) -> str:
        return self.source[start:end]

    # ---- structure --------------------------------------------------------------------
    @property
    def headline(self) -> MetaField | None:
        return self.metadata.get("headline")

    @cached_property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "paragraph"]

    @cached_property
    def text_blocks(self) -> list[Block]:
        """Headline, headings and paragraphs: the article's own words."""
        return [b for b in self.blocks if b.kind in ("headline", "heading", "paragraph")]

    @cached_property
    def body_span(self) -> tuple[int, int] | None:
        body = [b for b in self.blocks if b.kind in ("paragraph", "heading")]
        if not body:
            return None
        return body[0].start, body[-1].end

    @cached_property
    def text_lines(self) -> list[tuple[int, int]]:
        """Non-blank lines inside text blocks, trimmed of surrounding white space."""
        result = []
        blocks = self.text_blocks
        spans = self.line_spans
        for block in blocks:
            index = bisect.bisect_right(self.line_starts, block.start) - 1
            while index < len(spans) and spans[index][0] < block.end:
                start, end = spans[index]
                index += 1
                s, e = max(start, block.start), min(end, block.end)
                while s < e and self.source[s].isspace():
                    s += 1
                while e > s and self.source[e - 1].isspace():
                    e -= 1
                if e > s:
                    result.append((s, e))
        return result

    @cached_property
    def set_apart(self) -> list[tuple[int, int]]:
        """The spans of the blocks in a table or in preformatted code (``CONTAINERS``), in order."""
        return sorted((b.start, b.end) for b in self.blocks if b.container)

    def in_set_apart(self, offset: int) -> bool:
        """``offset`` lies in a block of a table or of preformatted code."""
        return bool(self.set_apart) and _within(self.set_apart, offset, offset + 1)

    @cached_property
    def text_line_starts(self) -> list[int]:
        return [start for start, _ in self.text_lines]

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        result: list[tuple[int, int]] = []
        for block in self.text_blocks:
            result.extend(split_sentences(self.source[block.start : block.end], block.start))
        return result

    @cached_property
    def sentences_in_order(self) -> list[tuple[int, int]]:
        """The sentences sorted by where they start (a parser's blocks need not be in order)."""
        return sorted(self.sentences)

    @cached_property
    def unquoted_sentences(self) -> list[tuple[int, int]]:
        """The sentences not wholly inside a direct quotation: what the rules that leave
        quotations alone read (several do, so it is worked out once)."""
        return [s for s in self.sentences if not self.in_quote(*s)]

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        """Spans of direct quotations, in order: inside the quotation marks, per text block, and
        whole paragraphs set out as quotations (``block_quotes``), which hold the marks inside
        them."""
        result: list[tuple[int, int]] = []
        for block in self.text_blocks:
            result.extend(find_quotes(self.source, block.start, block.end))
        blocks = self.block_quotes
        if not blocks:
            return result
        return sorted([span for span in result if not _within(blocks, *span)] + blocks)

    def in_block_quote(self, start: int, end: int) -> bool:
        """Whether ``start:end`` lies in a paragraph set out as a quotation (``block_quotes``):
        another author's text, with that author's spelling and style."""
        return _within(self.block_quotes, start, end)

    @cached_property
    def block_quotes(self) -> list[tuple[int, int]]:
        """Paragraphs set out as quotations: an embedded post (a paragraph signed "— Dana Reyes
        (@dreyes) May 2, 2024" at its end), and a paragraph of prose after one that introduces it
        with a colon after a word of saying or writing, or after "From" and a name ("The
        Telegraph reported:", "Palmieri wrote:", "According to Dana Reed, a fellow at the
        institute:", "From TruthFeed:"). A paragraph that ends with a colon without one ("Here
        is what we know:") introduces the writer's own words."""
        source = self.source
        paragraphs = sorted((b for b in self.blocks if b.kind == "paragraph"), key=lambda b: b.start)
        # An embedded post: someone else's words, signed "— Name (@handle) date" at the end.
        found = {(b.start, b.end) for b in paragraphs
                 if source.find("@", b.start, b.end) >= 0 and _EMBED_SIGNATURE.search(source, b.start, b.end)}
        for before, block in itertools.pairwise(paragraphs):
            # Only a paragraph ending in a colon is copied and split into sentences.
            last = before.end - 1
            while last >= before.start and source[last].isspace():
                last -= 1
            if last < before.start or source[last] != ":" or (block.start, block.end) in found:
                continue
            text = source[before.start:last + 1]
            sentences = split_sentences(text, 0)
            if not sentences or not _INTRODUCES.search(text, sentences[-1][0]):
                continue
            if len(_WORDS.findall(source, block.start, block.end)) >= _QUOTED_WORDS:
                found.add((block.start, block.end))
        found |= self._quoted_lines(found)
        return sorted(found)

    def _quoted_lines(self, paragraphs: set[tuple[int, int]]) -> set[tuple[int, int]]:
        """Lines of a paragraph set out as quotations, for text that breaks lines without a
        blank line between them: the line after one that introduces it with a colon after a
        word of saying or writing (an e-mail's "On Mar 8, 2015, Jane Roe <jr@example.org>
        wrote:"), and an e-mail's header line ("From: ... To: ... Subject: ...") with the
        line after it. Lines inside a paragraph already found are left to it."""
        source = self.source
        lines = self.text_lines
        found: set[tuple[int, int]] = set()
        for (start, end), (next_start, next_end) in itertools.pairwise(lines):
            if source.count("\n", end, next_start) != 1:
                continue  # a blank line between: the paragraph rule's to read
            header = source.find("From:", start, end) >= 0 and _MAIL_HEADER.search(source, start, end) is not None
            if header:
                found.add((start, end))
            elif source[end - 1] != ":" or not _INTRODUCES.search(
                    source, split_sentences(source[start:end], start)[-1][0], end):
                continue
            if len(_WORDS.findall(source, next_start, next_end)) >= _QUOTED_WORDS:
                found.add((next_start, next_end))
        ordered = sorted(paragraphs)
        return {span for span in found if not _within(ordered, *span)}

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [s for s, _ in self.quotes]

    def in_quote(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self._quote_starts, start) - 1
        return index >= 0 and self.quotes[index][0] <= start and end <= self.quotes[index][1]

    def segments(self, scope: str) -> list[tuple[int, int]]:
        """The spans a rule of ``scope`` looks at."""
        if scope == "text":
            return [(0, len(self.source))]
        if scope == "headline":
            return [(b.start, b.end) for b in self.blocks if b.kind == "headline"]
        if scope == "paragraph":
            return [(b.start, b.end) for b in self.blocks if b.kind in ("paragraph", "heading")]
        if scope == "body":
            return [self.body_span] if self.body_span else []
        if scope == "sentence":
            return self.sentences
        if scope == "line":
            return self.text_lines
        if scope == "quote":
            return self.quotes
        if scope == "metadata":
            return [
                (f.start, f.end)
                for f in self.metadata.values()
                if f.start is not None and f.end is not None
            ]
        raise ValueError(f"unknown scope {scope!r}")


SCOPES = ("headline", "body", "paragraph", "sentence", "line", "quote", "text", "metadata")

#: In that sentence, what introduces a quotation set out below it: a word of saying or writing,
#: a document quoted, or "From" and a name.
_INTRODUCES = compiled(
    r"(?<![\p{L}])(?:[Ss]aid|[Ss]ays|[Ww]rote|[Ww]rites|[Rr]eads?|[Ss]tated|[Ss]tates|[Tt]old|[Aa]dded|[Ee]xplained|"
    r"[Rr]eported|[Tt]weeted|[Pp]osted|[Nn]oted|[Dd]eclared|[Ww]arned|[Cc]ommented|[Aa]nnounced|[Rr]eplied|"
    r"[Rr]esponded|[Aa]rgued|[Cc]oncluded|[Aa]ccording to|[Ss]tatement|[Ee]xcerpt|[Ll]etter|[Mm]emo|[Tt]weet|"
    r"[Tt]ranscript)(?![\p{L}])|(?:^|\s)From\s+(?:the\s+)?\p{Lu}"
)
_WORDS = compiled(r"[\p{L}\p{N}]+")
#: An e-mail's header on one line: "From: ... To: ..." (or "Subject:", "Sent:", "Date:").
_MAIL_HEADER = compiled(r"\bFrom:[^\n]{1,300}?\b(?:To|Subject|Sent|Date|Cc):")
#: The signature that ends an embedded post: a dash, a name, the handle in brackets, maybe a date.
_EMBED_SIGNATURE = compiled(r"[—–-]{1,2}[^\S\n]*\p{Lu}[^\n()@]{0,60}\(@\w{1,30}\)[^\n@()]{0,40}$")
#: A paragraph set out as a quotation has at least this many words (not a label or a list item).
_QUOTED_WORDS = 8

_OPENERS = {"“": "”", "«": "»", "„": "“"}
#: Every character that opens or closes a quotation.
_QUOTE_CHARS = compiled('[“”«»„"]')


def _within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` lies inside one of ``spans`` (sorted, not overlapping)."""
    index = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= start and end <= spans[index][1]


def find_quotes(source: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quotation spans between start and end: curly, guillemet and straight double quotes.

    Straight quotes pair up in order; an unpaired one at the end of a block is left open
    (a quotation continuing in the next paragraph) and is not counted. An opening curly mark
    typed where the closing one belongs (after a word, before a space or punctuation:
    “Risk of war rises“, NATO said) closes the quotation it ends.
    """
    spans: list[tuple[int, int]] = []
    open_char: str | None = None
    open_at = 0
    for match in _QUOTE_CHARS.finditer(source, start, end):  # other characters change nothing
        char, index = match.group(), match.start()
        if open_char is None:
            if char in _OPENERS or char == '"':
                open_char, open_at = char, index
        else:
            closer = _OPENERS.get(open_char, '"')
            if char == closer or (open_char == '"' and char == "”") or (open_char == "“" and char == '"') or (
                    char == open_char == "“" and not source[index - 1].isspace()
                    and (index + 1 >= end or not source[index + 1].isalnum())):
                spans.append((open_at + 1, index))
                open_char = None
    return spans
