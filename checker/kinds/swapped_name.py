"""The ``swapped-name`` rule kind: a well-known multiword name with one word replaced by a synonym."""

from __future__ import annotations

from collections.abc import Iterator

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.patterns.trie import literal_alternation
from checker.text.article import Article


def _shape_like(word: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return " ".join(w[:1].upper() + w[1:] for w in word.split(" "))
    return word


class SwappedNameRule(Rule):
    """Flags a well-known multiword name with one word replaced by a synonym.

    Article spinners swap words for synonyms without knowing that some phrases are fixed:
    "White House" becomes "White Residence", "Attorney General" becomes "Lawyer General"
    (research on spun text calls these tortured phrases). Every name of ``names`` with one word
    swapped for one of its ``synonyms`` is flagged, suggesting the name. Case is the kind's
    own: capitalised names match only capitalised, lower-case phrases with or without a
    capital first letter."""

    name = "swapped-name"
    PLACEHOLDERS = frozenset({"match", "suggestion"})
    #: Not ``ignorecase``: a name's case is part of it ("white house" is not a name).
    HONOURED = frozenset({"scope", "quotes", "exceptions", "fix"})
    default_scope = "paragraph"
    OPTIONS = {
        "names": Option(list, required=True, help="the fixed names and phrases, as written, two words or more"),
        "synonyms": Option(dict, required=True, help="a mapping of a word to the synonyms spinners put in its "
                           "place"),
    }

    def setup(self) -> None:
        synonyms: dict[str, list[str]] = {}
        for word, choices in self.options["synonyms"].items():
            if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
                raise self.error(f"entry {word!r}: expected a list of words", "synonyms")
            synonyms[str(word).lower()] = [c for c in choices if c.lower() != str(word).lower()]
        self.variants: dict[str, str] = {}
        for name in self.options["names"]:
            if not isinstance(name, str) or len(name.split()) < 2:
                raise self.error(f"{name!r}: a name needs at least two words", "names")
            words = name.split()
            for index, word in enumerate(words):
                for synonym in synonyms.get(word.lower(), []):
                    variant = [*words[:index], _shape_like(synonym, word), *words[index + 1 :]]
                    text = " ".join(variant)
                    self.variants.setdefault(text, name)
                    if name[:1].islower():
                        self.variants.setdefault(text[:1].upper() + text[1:], name[:1].upper() + name[1:])
        if not self.variants:
            raise self.error("no name has a word with synonyms", "synonyms")
        alternation = literal_alternation(self.variants)
        self.pattern = self.compile(alternation, field="names", ignorecase=False)
        # Every match is one of the variants as written: an article must hold one.
        self.require_literals(self.variants)

    def check(self, article: Article) -> Iterator[Finding]:
        for match in self.search_segments(self.pattern, article):
            text = match.group(0)
            name = self.variants.get(text)
            if name is None:
                continue
            yield self.finding(article, match.start(), match.end(), suggestion=name, suggestions=[name])
