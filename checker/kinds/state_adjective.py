"""The ``state-adjective`` rule kind: a formal state name used as an adjective before a noun."""

from __future__ import annotations

from collections.abc import Iterator

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.kinds.substitution import match_case
from checker.patterns.compiled import compiled
from checker.patterns.trie import literal_alternation
from checker.text.article import Article
from checker.text.gazetteer import formal_states
from checker.text.wordclass import NOT_MODIFIED, is_verb_or_adverb

#: A lower-case word (hyphens join its parts) after the name, then maybe a second one.
_NEXT = compiled(r"[ \u00a0]+(\p{Ll}[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)*)(?:[ \u00a0]+(\p{Ll}[\p{L}\p{M}]*))?")
#: What follows a plural noun or a gerund straight after a name, never a verb in "-s" or
#: "-ing" there: a verb of its own ("United States of America lives will be"); a sentence's
#: verb has no second verb after it.
_VERB_AFTER = compiled(r"[ \u00a0]*(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|"
                       r"shall|do|does|did)(?![\p{L}\p{N}_'’-])")
#: A closing mark: after a word in "-ing" straight after a name it makes the word a noun
#: ("Federal Republic of Germany cooking?"), which as a verb would need "is" before it. (After a
#: word in "-s" it proves nothing: "the Russian Federation objects.")
_CLOSING = compiled(r"[ \u00a0]*[.,;:!?)\]—–]")
#: Words before "USA" that make it part of a name ("Team USA athletes").
_NAMED_BEFORE = compiled(r"(?:Team|Miss|Mister)[ \u00a0]+$")


class StateAdjectiveRule(Rule):
    """Flags a formal state name used as an adjective before a common noun ("Kingdom of Spain
    troops", "Republic of Korea officials", "USA officials").

    The names are the formal names of states from the shipped gazetteer (ISO 3166's official
    names, each with its short name and adjective) and those of ``names``. A name is flagged
    when the next word is in lower case and reads as a noun or the adjective of one: not a
    verb, an adverb or a small word ("the Russian Federation said", "the USA also", "Kingdom
    of Spain and"), which ``not_nouns``, the word's ending and the verbs of English (a plural
    no verb has for a form is a noun: "Republic of Singapore experts") tell, or what follows it: a word
    ending like a verb is a noun when a verb of its own follows ("United States of America
    lives will be") or, in "-ing", a closing mark ("Federal Republic of Germany cooking?");
    a word listed in ``nouns``
    is always a noun or a modifier ("officials", "forces", "armed"). A
    capitalised next word is left alone: an official title ("Russian Federation Council",
    "Republic of Korea Navy"), as is "USA" in a name ("Team USA", "USA Today"). Inside a
    direct quotation a one-word name ("USA") counts only before the nouns of ``nouns``
    (nothing with ``quotes: false``): a spinner rewrites quotations too, but speakers say "USA
    jobs"; a formal name of several words before a noun is a rewrite wherever it stands. The
    suggestion is the adjective ("Spanish") or, where no adjective is known, the short name."""

    name = "state-adjective"
    PLACEHOLDERS = frozenset({"match", "suggestion"})
    #: Not ``ignorecase``: "usa" is no name, and a capitalised next word is a title.
    HONOURED = frozenset({"scope", "quotes", "exceptions", "fix"})
    OPTIONS = {
        "names": Option(dict, default={}, help="more names, each to its suggestion (several separated by `|`); "
                        "a name given here replaces the gazetteer's suggestion"),
        "gazetteer": Option(bool, default=True, help="false: only the names of `names`, not the formal names of "
                            "the shipped gazetteer"),
        "nouns": Option(list, default=[], help="lower-case words always taken for nouns after a name, also as "
                        "the second word after it"),
        "not_nouns": Option(list, default=[], help="more lower-case words never taken for a noun or a modifier "
                            "after a name (verbs, adverbs, small words)"),
    }

    def setup(self) -> None:
        names: dict[str, list[str]] = {}
        if self.options["gazetteer"]:
            for name, (short, adjective) in formal_states().items():
                names[name] = [adjective or short]
        for name, right in self.options["names"].items():
            if not isinstance(name, str) or not isinstance(right, str) or not name.strip():
                raise self.error(f"entry {name!r}: both sides must be strings", "names")
            names[name] = [choice.strip() for choice in right.split("|")]
        for name in list(names):  # both apostrophes: "People's" and "People’s"
            for one, other in (("'", "’"), ("’", "'")):
                if one in name:
                    names.setdefault(name.replace(one, other), names[name])
        if not names:
            raise self.error("no names: give `names` or leave `gazetteer` on", "names")
        self.names = names
        self.nouns = frozenset(str(word).lower() for word in self.options["nouns"])
        self.not_nouns = NOT_MODIFIED | {str(word).lower() for word in self.options["not_nouns"]}
        alternation = r"(?<![\p{L}\p{N}_#@])(?:" + literal_alternation(names) + r")(?=[ \u00a0]+\p{Ll})"
        self.pattern = self.compile(alternation, field="names", ignorecase=False, required=True)
        self.require_literals(names)

    def check(self, article: Article) -> Iterator[Finding]:
        source = article.source
        for match in self.search_segments(self.pattern, article):
            name, start, end = match.group(0), match.start(), match.end()
            following = _NEXT.match(source, end)
            if following is None:
                continue
            # In a quotation the speaker's words are judged on the listed nouns alone.
            listed_only = " " not in name and article.in_quote(start, end)
            if not self._modifies(following.group(1), following.group(2), listed_only) and not (
                    not listed_only and _noun_by_what_follows(following.group(1), source, following.end(1))):
                continue
            if name == "USA" and _NAMED_BEFORE.search(source, max(0, start - 12), start):
                continue
            choices = [match_case(choice, name) for choice in self.names.get(name, [])]
            yield self.finding(article, start, end, suggestions=choices,
                               suggestion=" or ".join(f"'{c}'" for c in choices))

    def _modifies(self, word: str, second: str | None, listed_only: bool = False) -> bool:
        """The name stands before a noun: the next word is a noun or a modifier of one, and a
        hyphenated next word ("anti-drug") is followed by one; ``listed_only``: a noun of
        ``nouns``."""
        word = word.lower()
        if word in self.nouns:
            return True
        if word in self.not_nouns:
            return False
        if "-" in word:
            return second is not None and self._modifies(second, None, listed_only)
        return not listed_only and not is_verb_or_adverb(word)


def _noun_by_what_follows(word: str, source: str, end: int) -> bool:
    """A word ending like a verb in "-s" or "-ing" ("lives", "cooking") that is a noun by what
    follows it (``_VERB_AFTER``, ``_CLOSING``). Listed verbs and small words stay verbs."""
    word = word.lower()
    if word in NOT_MODIFIED or not word.endswith(("s", "ing")):
        return False
    if _VERB_AFTER.match(source, end):
        return True
    return word.endswith("ing") and _CLOSING.match(source, end) is not None
