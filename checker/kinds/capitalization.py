"""The ``capitalization`` rule kind: a segment (usually the headline) must follow a casing style."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.patterns.compiled import compiled
from checker.text.article import Article
from checker.text.textshape import MINOR_WORDS

_WORD = compiled(r"[\p{L}][\p{L}'’-]*")


Spans = Sequence[tuple[int, int]]


def _kept(start: int, kept: Spans) -> bool:
    return any(first <= start < last for first, last in kept)


def _without(text: str, kept: Spans) -> str:
    """``text`` less the ``kept`` spans (which may overlap: several exceptions can match)."""
    characters = list(text)
    for first, last in kept:
        characters[first:last] = [""] * (last - first)
    return "".join(characters)


def title_case(text: str, kept: Spans = ()) -> str:
    """``text`` in title case; words that start in a ``kept`` span keep their own case."""
    words = list(_WORD.finditer(text))
    out = list(text)
    for index, match in enumerate(words):
        word = match.group(0)
        if (word.isupper() and len(word) > 1) or (kept and _kept(match.start(), kept)):
            continue
        minor = word.lower() in MINOR_WORDS and 0 < index < len(words) - 1
        if not minor and word[0].islower():
            out[match.start()] = word[0].upper()
    return "".join(out)


def is_title(text: str, kept: Spans = ()) -> bool:
    return title_case(text, kept) == text


def is_sentence(text: str, kept: Spans = ()) -> bool:
    """``text`` reads as a sentence: a capital first, mostly lower case after; words that
    start in a ``kept`` span are left out (a ``kept`` first word counts as a capital)."""
    matches = list(_WORD.finditer(text))
    if not matches:
        return False
    first = matches[0]
    if not first.group(0)[0].isupper() and not (kept and _kept(first.start(), kept)):
        return False
    words = [m.group(0) for m in matches[1:] if not (kept and _kept(m.start(), kept))]
    rest = [w for w in words if w.lower() not in MINOR_WORDS and not w.isupper()]
    return len(rest) < 3 or sum(w[0].isupper() for w in rest) / len(rest) < 0.5


STYLES = ("$title", "$sentence", "$lower", "$upper")


class CapitalizationRule(Rule):
    """Flags a segment (the headline by default) that does not follow a casing style.

    Each segment of the scope is checked against the style of ``match``; for ``$title`` the
    title-case form is suggested. As in Vale, ``exceptions`` are words that keep their own
    case ("iPhone", "eBay", "NASA"): they are left out when the segment's case is judged, for
    the named styles."""

    name = "capitalization"
    PLACEHOLDERS = frozenset({"match", "style"})
    HONOURED = frozenset({"scope", "exceptions", "ignorecase", "fix"})
    default_scope = "headline"
    OPTIONS = {"match": Option(str, required=True, help="`$title`, `$sentence`, `$lower`, `$upper`, or a pattern "
                               "the whole segment must match")}

    def setup(self) -> None:
        style = self.options["match"]
        self.pattern = None
        if style not in STYLES:
            self.pattern = self.compile(style, field="match", whole_word=False)
            if self.exceptions:
                raise self.error(f"applies to {', '.join(STYLES)}; a pattern in 'match' says its own exceptions",
                                 "exceptions")
        if "ignorecase" in self.spec and self.pattern is None and not self.exceptions:
            raise self.error("applies to a pattern in 'match' and to 'exceptions'; this rule has neither",
                             "ignorecase")

    def kept(self, text: str) -> list[tuple[int, int]]:
        """The spans of ``text`` that exceptions keep in their own case."""
        return [match.span() for exception in self.exceptions for match in exception.finditer(text)]

    def conforms(self, text: str, kept: Spans = ()) -> bool:
        style = self.options["match"]
        if style == "$title":
            return is_title(text, kept)
        if style == "$sentence":
            return is_sentence(text, kept)
        if kept:
            text = _without(text, kept)
        if style == "$lower":
            return text == text.lower()
        if style == "$upper":
            return text == text.upper()
        assert self.pattern is not None
        return self.pattern.fullmatch(text) is not None

    def check(self, article: Article) -> Iterator[Finding]:
        style = self.options["match"].lstrip("$")
        for start, end in article.segments(self.scope):
            text = article.source[start:end]
            kept = self.kept(text) if self.exceptions else []
            if self.conforms(text, kept):
                continue
            suggestions = [title_case(text, kept)] if style == "title" else []
            yield self.finding(article, start, end, style=style, suggestions=suggestions)
