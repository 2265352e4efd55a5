"""substitution: flag a word or phrase and suggest its replacement.

Fields: ``swap`` (mapping of pattern to replacement; a replacement may offer several
choices separated by ``|``), ``nonword``. Placeholders: ``{match}``, ``{suggestion}``.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.article import Article
from checker.finding import Finding
from checker.kinds.base import Option, Rule


def match_case(replacement: str, original: str) -> str:
    """Give ``replacement`` the capitalisation of ``original`` where that is unambiguous."""
    if original.isupper() and len(original) > 1 and not replacement.isupper():
        return replacement.upper() if " " not in original else replacement
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class SubstitutionRule(Rule):
    name = "substitution"
    PLACEHOLDERS = frozenset({"match", "suggestion"})
    OPTIONS = {
        "swap": Option(dict, required=True, help="pattern -> replacement"),
        "nonword": Option(bool, default=False),
    }

    def setup(self) -> None:
        swap = self.options["swap"]
        if not swap:
            raise self.error("must not be empty", "swap")
        self.entries: list[tuple[regex.Pattern, list[str]]] = []
        self.literal: dict[str, list[str]] = {}
        for wrong, right in swap.items():
            if not isinstance(wrong, str) or not isinstance(right, str):
                raise self.error(f"entry {wrong!r}: both sides must be strings", "swap")
            choices = [c.strip() for c in right.split("|")]
            self.entries.append((self.compile(wrong, field="swap", whole_word=False), choices))
            if regex.escape(wrong, literal_spaces=True) == wrong:
                self.literal[wrong.lower() if self.ignorecase else wrong] = choices
        alternation = "|".join(f"(?:{w})" for w in sorted(swap, key=len, reverse=True))
        self.pattern = self.compile(alternation, field="swap", whole_word=not self.options["nonword"])

    def choices_for(self, text: str) -> list[str]:
        key = text.lower() if self.ignorecase else text
        if key in self.literal:
            return self.literal[key]
        for pattern, choices in self.entries:
            if pattern.fullmatch(text):
                return choices
        return []

    def check(self, article: Article) -> Iterator[Finding]:
        for match in self.search_segments(self.pattern, article):
            text = match.group(0)
            choices = [match_case(c, text) for c in self.choices_for(text)]
            if choices and all(c == text for c in choices):
                continue
            yield self.finding(article, match.start(), match.end(), suggestions=choices,
                               suggestion=" or ".join(f"'{c}'" if c else "removing it" for c in choices))
