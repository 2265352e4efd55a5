"""The ``swapped-name`` rule kind: a well-known multiword name with one word replaced by a synonym."""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.patterns.compiled import compiled
from checker.patterns.trie import literal_alternation
from checker.text.article import Article
from checker.text.expressions import Swap, WordRuns, find_swaps, run_phrase, title_case


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
    capital first letter.

    With ``gazetteer: true`` the shipped fixed expressions count too (``checker/data/
    expressions.json``: names such as "Central Intelligence Agency" or "City Council" and
    collocations such as "interest rates", from WordNet, the tortured-phrase list and what
    recurs across real articles), each with the spinners' synonyms of its words from the
    shipped thesaurus (WordNet's, the tortured pairs', and for names the Moby thesaurus's that
    no known name holds): "Metropolis Council", "Federal Bureau of Examination",
    "Environmental Protection Firm". Where no other known name fills a word's place ("* York"),
    any common word there is a swap ("Latest York"); in a place's name that a few names fill
    ("* Korea": North, South), a word of their stem is ("Northern Korea"; not "Imperial Korea",
    "Coastal Carolina"). A phrase that may be a swap of several names ("Degree of Science") is
    given them all, the one whose word shares the swapped word's stem or that the article writes
    elsewhere first, and no fix. A swapped form
    that is a real phrase (seen in the articles the file was built from, or a name of its own)
    is left alone, a name's words must be capitalised as the name's are, and a collocation's
    in lower case (a headline in title case is searched for names only); a title's
    abbreviation ("Gov. Glove Romney", "Fresh Jersey Gov. Phil Murphy") ends no sentence and
    adds no word to the name; a swapped form on a frame the article fills with two other
    names or more ("Trump University", "Trump Network" beside "Trump Institute") is one more
    of a family of names, and left alone. A longer shipped name holding a listed name's swap is the
    finding ("Secretary of Express John Kerry"). Its fix is never applied without
    ``--unsafe-fixes``: the shipped vocabulary is broad."""

    name = "swapped-name"
    #: ``or_others``: the other names the phrase may be a swap of, as " (or 'South Korea')",
    #: empty when there are none.
    PLACEHOLDERS = frozenset({"match", "suggestion", "or_others"})
    #: Not ``ignorecase``: a name's case is part of it ("white house" is not a name).
    HONOURED = frozenset({"scope", "quotes", "exceptions", "fix"})
    default_scope = "paragraph"
    OPTIONS = {
        "names": Option(list, default=[], help="the fixed names and phrases, as written, two words or more "
                        "(required without `gazetteer`)"),
        "synonyms": Option(dict, default={}, help="a mapping of a word to the synonyms spinners put in its "
                           "place (required without `gazetteer`)"),
        "gazetteer": Option(bool, default=False, help="true: also the shipped fixed expressions with the "
                            "shipped spinners' synonyms of their words"),
    }

    def setup(self) -> None:
        self.gazetteer: bool = self.options["gazetteer"]
        if not self.gazetteer:
            for field in ("names", "synonyms"):
                if not self.options[field]:
                    raise self.error("is required unless `gazetteer` is true", field)
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
        self.pattern = None
        if not self.variants:
            if not self.gazetteer:
                raise self.error("no name has a word with synonyms", "synonyms")
            return
        alternation = literal_alternation(self.variants)
        self.pattern = self.compile(alternation, field="names", ignorecase=False)
        if not self.gazetteer:
            # Every match is one of the variants as written: an article must hold one.
            self.require_literals(self.variants)
        #: With the gazetteer, whose search reads the runs of words anyway, a variant is looked
        #: for only in a run that holds a piece of it (``_key``): a variant of words joined by
        #: single spaces, a run's only spaces, lies inside a run.
        self.keys: frozenset[str] | None = None
        if self.gazetteer and all(run_phrase(variant) for variant in self.variants):
            self.keys = frozenset(_key(variant, name) for variant, name in self.variants.items())

    def check(self, article: Article) -> Iterator[Finding]:
        listed: list[Finding] = []
        segments = article.segments(self.scope)
        runs = [WordRuns(article.source, start, end) for start, end in segments] if self.gazetteer else None
        if self.pattern is not None:
            if self.keys is None or runs is None:
                matches = self.search_in(self.pattern, article, segments)
            else:
                matches = self.search_in(self.pattern, article, self._run_spans(segments, runs, self.keys))
            for match in matches:
                text = match.group(0)
                name = self.variants.get(text)
                if name is None:
                    continue
                listed.append(self.finding(article, match.start(), match.end(), suggestion=name, or_others="",
                                       suggestions=[name]))
        if not self.gazetteer:
            yield from listed
            return
        # A shipped expression that holds a listed name's swap is the longer name, and wins
        # ("Secretary of Express John Kerry" is "Secretary of State John Kerry", not only
        # "Secretary of State"); otherwise the listed name does.
        found = list(self._gazetteer_findings(article, segments, runs or []))
        for finding in listed:
            start, end = finding.location.offset, finding.location.offset + finding.location.length
            if not any(_covers(other, start, end) for other in found):
                yield finding
        for finding in found:
            start, end = finding.location.offset, finding.location.offset + finding.location.length
            if not any(_overlaps(other, start, end) and not _covers(finding, *_span(other)) for other in listed):
                yield finding

    @staticmethod
    def _run_spans(segments: list[tuple[int, int]], runs: list[WordRuns],
                   keys: frozenset[str]) -> Iterator[tuple[int, int]]:
        """The spans of the segments' runs that may hold a variant, each with the character
        before and after it, so that a search of the span alone reads what a search of the
        segment reads there: the variant's own bounds (no letter, digit or underscore next to
        it). No variant starts or ends at those characters: no letter starts or ends a run.

        A run that holds a variant holds its pieces (``_pieces``), a key among them, as whole
        pieces of its own unless it holds a mark: a variant's first piece follows the run's
        start, a space or a hyphen, its last one comes before a space, a hyphen, the possessive
        ending or the run's end (a mark may join a piece to a letter before it)."""
        for (start, end), found in zip(segments, runs, strict=True):
            # The segment's runs joined by spaces: its pieces are theirs together, and it is
            # ASCII or free of marks only if each of them is; a segment that passes no run
            # yields nothing, with one test in C instead of one for each run.
            joined = " ".join(run.text for run in found.runs)
            if keys.isdisjoint(_pieces(joined)) and (joined.isascii() or _MARK.search(joined) is None):
                continue
            for run in found.runs:
                if keys.isdisjoint(_pieces(run.text)) and (run.text.isascii() or _MARK.search(run.text) is None):
                    continue
                match = found.match(run)
                yield max(start, match.start() - 1), min(end, match.end() + 1)

    def _gazetteer_findings(self, article: Article, segments: list[tuple[int, int]],
                            runs: list[WordRuns]) -> Iterator[Finding]:
        source = article.source
        for (start, end), found in zip(segments, runs, strict=True):
            paragraph = functools.partial(title_case, source[start:end])
            for swap in find_swaps(source, start, end, title_case=paragraph, runs=found):
                if not self.quotes and article.in_quote(swap.start, swap.end):
                    continue
                if self.exceptions and self.is_exception(source[swap.start:swap.end]):
                    continue
                if swap.expected[:1].isupper() and in_family(source, swap):
                    continue
                yield self.finding(article, swap.start, swap.end, suggestion=swap.expected,
                                   or_others=_or_others(swap.others),
                                   suggestions=[swap.expected, *swap.others], unsafe=True)


def _or_others(others: tuple[str, ...]) -> str:
    """" (or 'South Korea')", " (or 'A' or 'B')"; empty without others."""
    return " (or " + " or ".join(f"'{name}'" for name in others) + ")" if others else ""


_MARK = compiled(r"\p{M}")
#: Other names of a swapped name's frame an article holds (besides the swapped form and the
#: name itself) from which on the frame names a family: "Trump University", "Trump Network"
#: and "Trump Model" beside "Trump Institute" (the name: "Trump Foundation").
FAMILY = 2
_NAME_WORD = r"(\p{Lu}[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)*)"


def in_family(text: str, swap: Swap) -> bool:
    """The swapped word is one more member of a family of names the article holds: the name
    with its swapped word open ("Trump *") is filled by ``FAMILY`` other capitalised words or
    more in ``text``. A spinner swaps a word of one name; a family of names on one frame is
    the writer's (a businessman's ventures, a city's councils), and its members are real."""
    words = swap.expected.split()
    if swap.replaced not in words:
        return False
    slot = words.index(swap.replaced)
    frame = r"[ \u00a0]+".join(_NAME_WORD if index == slot else regex.escape(word) for index, word in enumerate(words))
    pattern = regex.compile(rf"(?<![\p{{L}}\p{{M}}]){frame}(?![\p{{L}}\p{{M}}])")
    fillers = {match.group(1) for match in pattern.finditer(text)} - {swap.found, swap.replaced}
    return len(fillers) >= FAMILY


def _pieces(text: str) -> list[str]:
    """The words of a text split at spaces and hyphens too."""
    return text.replace("-", " ").split()


def _key(variant: str, name: str) -> str:
    """A piece of the variant (the swapped word's, where it is no piece of the name): a run
    that holds no such piece holds no variant."""
    pieces = _pieces(variant)
    named = set(_pieces(name))
    return next((piece for piece in pieces if piece not in named), pieces[0])


def _span(finding: Finding) -> tuple[int, int]:
    return finding.location.offset, finding.location.offset + finding.location.length


def _overlaps(finding: Finding, start: int, end: int) -> bool:
    a, b = _span(finding)
    return a < end and start < b


def _covers(finding: Finding, start: int, end: int) -> bool:
    """``finding`` spans more than ``start``..``end`` and holds it."""
    a, b = _span(finding)
    return a <= start and end <= b and b - a > end - start
