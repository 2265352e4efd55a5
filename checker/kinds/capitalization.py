"""capitalization: a segment (usually the headline) must follow a casing style.

Fields: ``match``: ``$title``, ``$sentence``, ``$lower``, ``$upper`` or a pattern the whole
segment must match. Placeholders: ``{match}``, ``{style}``.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.patterns.compiled import compiled
from checker.text.article import Article
from checker.text.textshape import MINOR_WORDS

_WORD = compiled(r"[\p{L}][\p{L}'’-]*")


def title_case(text: str) -> str:
    words = list(_WORD.finditer(text))
    out = list(text)
    for index, match in enumerate(words):
        word = match.group(0)
        if word.isupper() and len(word) > 1:
            continue
        minor = word.lower() in MINOR_WORDS and 0 < index < len(words) - 1
        if not minor and word[0].islower():
            out[match.start()] = word[0].upper()
    return "".join(out)


def is_title(text: str) -> bool:
    return title_case(text) == text


def is_sentence(text: str) -> bool:
    words = [m.group(0) for m in _WORD.finditer(text)]
    if not words or not words[0][0].isupper():
        return False
    rest = [w for w in words[1:] if w.lower() not in MINOR_WORDS and not w.isupper()]
    return len(rest) < 3 or sum(w[0].isupper() for w in rest) / len(rest) < 0.5


class CapitalizationRule(Rule):
    name = "capitalization"
    PLACEHOLDERS = frozenset({"match", "style"})
    default_scope = "headline"
    OPTIONS = {"match": Option(str, required=True)}

    def setup(self) -> None:
        style = self.options["match"]
        self.pattern = None
        if style not in ("$title", "$sentence", "$lower", "$upper"):
            self.pattern = self.compile(style, field="match", whole_word=False)

    def conforms(self, text: str) -> bool:
        style = self.options["match"]
        if style == "$title":
            return is_title(text)
        if style == "$sentence":
            return is_sentence(text)
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
            if self.conforms(text):
                continue
            suggestions = [title_case(text)] if style == "title" else []
            yield self.finding(article, start, end, style=style, suggestions=suggestions)
