"""The ``substitution`` rule kind: flag a word or phrase and suggest its replacement."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.patterns.limits import TimedPattern
from checker.text.article import Article


def match_case(replacement: str, original: str) -> str:
    """Give ``replacement`` the capitalisation of ``original`` where that is unambiguous."""
    if original.isupper() and len(original) > 4 and not replacement.isupper():
        return replacement.upper()
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class SubstitutionRule(Rule):
    """Flags a word or phrase and suggests its replacement.

    Each match of a ``swap`` entry is flagged with the entry's replacement, given the match's
    capitalisation; a replacement of several choices offers each of them."""

    name = "substitution"
    PLACEHOLDERS = frozenset({"match", "suggestion"})
    HONOURED = frozenset({"scope", "quotes", "exceptions", "ignorecase", "fix"})
    OPTIONS = {
        "swap": Option(dict, required=True, help="a mapping of pattern to replacement; a replacement may offer "
                       "several choices separated by `|`, an empty one suggests removing the match"),
        "nonword": Option(bool, default=False, help="do not wrap the patterns in word boundaries"),
        "followed_by": Option(str, default=None, help="a pattern that must follow the match (not flagged)"),
        "preceded_by": Option(str, default=None, help="a pattern that must come before the match (not flagged)"),
    }

    def setup(self) -> None:
        swap = self.options["swap"]
        if not swap:
            raise self.error("must not be empty", "swap")
        self.entries: list[tuple[TimedPattern, list[str]]] = []
        self.literal: dict[str, list[str]] = {}
        for wrong, right in swap.items():
            if not isinstance(wrong, str) or not isinstance(right, str):
                raise self.error(f"entry {wrong!r}: both sides must be strings", "swap")
            choices = [c.strip() for c in right.split("|")]
            self.entries.append((self.compile(wrong, field="swap", whole_word=False), choices))
            if regex.escape(wrong, literal_spaces=True) == wrong:
                self.literal[wrong.lower() if self.ignorecase else wrong] = choices
        alternation = "|".join(f"(?:{w})" for w in sorted(swap, key=len, reverse=True))
        if not self.options["nonword"]:
            alternation = rf"(?<![\p{{L}}\p{{N}}_])(?:{alternation})(?![\p{{L}}\p{{N}}_])"
        if self.options["preceded_by"]:
            self.compile(self.options["preceded_by"], field="preceded_by", whole_word=False)
            alternation = f"(?<=(?:{self.options['preceded_by']}))" + alternation
        if self.options["followed_by"]:
            self.compile(self.options["followed_by"], field="followed_by", whole_word=False)
            alternation += f"(?=(?:{self.options['followed_by']}))"
        self.pattern = self.compile(alternation, field="swap", whole_word=False, required=True)

    def choices_for(self, text: str, source: str, start: int) -> list[str]:
        """The replacement of the entry that matched ``text`` at ``start`` of ``source``."""
        key = text.lower() if self.ignorecase else text
        if key in self.literal:
            return self.literal[key]
        for pattern, choices in self.entries:
            match = pattern.match(source, start)
            if match and match.end() == start + len(text):
                return choices
        return []

    def check(self, article: Article) -> Iterator[Finding]:
        for match in self.search_segments(self.pattern, article):
            text = match.group(0)
            choices = [match_case(c, text) for c in self.choices_for(text, article.source, match.start())]
            if choices and all(c == text for c in choices):
                continue
            yield self.finding(article, match.start(), match.end(), suggestions=choices,
                               suggestion=" or ".join(f"'{c}'" if c else "removing it" for c in choices))
