"""The shipped fixed expressions and the spinners' thesaurus (``checker/data/expressions.json``),
and the search for an expression with one word swapped for a spinner's synonym.

``scripts/build_expressions.py`` writes the file: multiword names and collocations common in
news ("Central Intelligence Agency", "City Council", "climate change"), each with the
positions of the words a spinner's swap breaks it at, the synonyms a spinner puts in place of
each such word ("agency": "bureau", "office", ...), and the swapped forms that are real
phrases (seen in the corpus the file was built from, or names of their own), which are never
flagged. Nothing is fetched at run time: the file is read once, the first time a rule asks,
never when the checker starts.

The search is linear in the text: each run of words (no punctuation between them) is read
once, and from each word a trie of the expressions' words, with one position left open
("central intelligence *"), is walked at most five words deep; a window is checked further
only when the word at its open position may fill it (a spinner's synonym of the word it
replaces).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import regex

from checker.cache.built import load_or_build
from checker.patterns.compiled import compiled
from checker.text.gazetteer import real_words

EXPRESSIONS = Path(__file__).resolve().parent.parent / "data" / "expressions.json"
LONGEST = 5
OPEN = "*"

#: A run of words: words with spaces between them, no punctuation, no line break; a possessive
#: ending ("Agency's") closes it and is not part of its last word.
_WORD = r"\p{L}[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)*"
_RUN = compiled(rf"{_WORD}(?:[ \u00a0]+{_WORD})*(?P<possessive>['’]s(?![\p{{L}}\p{{M}}]))?")
#: ``_RUN`` with its words (less the possessive ending) its only group: ``findall`` gives them
#: without a match object each.
_RUN_WORDS = compiled(rf"({_WORD}(?:[ \u00a0]+{_WORD})*)(?:['’]s(?![\p{{L}}\p{{M}}]))?")
#: A word of a run.
_PIECE = compiled(r"[^ \u00a0]+")
#: Before a sentence's first word: the start, or a full stop, a quotation mark, a colon ... and
#: space; a hyphen too (a list's bullet), not a dash: after "—" or "–" a sentence goes on, and
#: only a name takes a capital ("hopefuls — Mitt Romney").
_SENTENCE_START = compiled(r"(?:^|[.!?:;\"“”‘’()\[\]\n-])[ \u00a0]*$")
#: Before a word: a title's abbreviation and its full stop ("Gov. Mitt Romney"), which ends no
#: sentence (English titles abbreviated before a name, as style guides list them).
_TITLE_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Capt", "Sgt", "Adm", "Prof",
                        "Rev", "Sec", "Amb", "Pres", "Supt", "Insp", "Det")
#: So does the abbreviation of a country or a body that stands before a name as a modifier
#: ("U.N. General Assembly", "U.S. District Court").
_AFTER_TITLE = compiled(rf"(?<![\p{{L}}.])(?:(?:{'|'.join(_TITLE_ABBREVIATIONS)})\.|(?:\p{{Lu}}\.){{2,}})[ \u00a0]+$")
#: A title's abbreviation after a name ("New York Gov."), no word of the name.
TITLES = frozenset({"Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Capt", "Sgt", "Adm", "Sec", "Amb", "Supt", "Det"})
#: Capitalised words after a name that add no word to it: a weekday or a month ("told the
#: Washington Post Wednesday") and a post the name's body or place gives ("New York City Mayor
#: Bill de Blasio", "Republican National Committee Chairman Reince Priebus").
NOT_NAME_AFTER = frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "June", "July", "August", "September", "October", "November", "December",
    "Mayor", "Chairman", "Chairwoman", "Chairperson", "Judge", "Spokesman", "Spokeswoman", "Spokesperson",
    "Commissioner", "Sheriff", "Governor", "Senator", "Ambassador", "Nominee", "Candidate", "Official", "Officials",
    "Member", "Members",
})
#: A word with a capital at its start and small letters after ("Agency", "McCain", "Al-Assad"),
#: not one in capitals ("NEW"): a line in capitals says nothing about names.
_CAPITALISED = compiled(r"\p{Lu}\p{Ll}[\p{Lu}\p{Ll}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)*")
#: Words that join the words of a name ("Bureau of Investigation").
CONNECTORS = frozenset({"of", "the", "for", "and", "on", "in", "de", "del", "la", "le", "du", "des", "von", "van",
                        "da", "al", "at", "to", "&"})
#: The connectors that join a name's words in running text. "and", "to", "at", "on" and "in"
#: join two names as often as they join the words of one ("Obama and Mitt Romney", "the bridge
#: to New York City"); in a line in title case every word around a name is capitalised, and
#: all of ``CONNECTORS`` count there.
INNER_CONNECTORS = CONNECTORS - {"and", "to", "at", "on", "in"}


class Word(NamedTuple):
    """A word of a run, where it stands in the text."""

    text: str
    start: int
    end: int
    #: The first word of a sentence (its capital says nothing).
    initial: bool

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class Swap:
    """A phrase (``start``..``end``) that reads as ``expected`` with ``found`` in place of
    ``replaced``."""

    start: int
    end: int
    expected: str
    found: str
    replaced: str
    #: Other names the phrase may be a swap of, most likely first ("South Korea" after "North
    #: Korea" for "Upper Korea").
    others: tuple[str, ...] = ()


def runs(text: str, start: int = 0, end: int | None = None) -> Iterator[list[Word]]:
    """The runs of words of ``text[start:end]``: words with nothing but spaces between them (a
    possessive ending closes a run)."""
    end = len(text) if end is None else end
    for run in _RUN.finditer(text, start, end):
        yield _words(text, run, start)


def _words(text: str, run: regex.Match[str], start: int) -> list[Word]:
    """The words of a run that ``_RUN`` matched in ``text`` searched from ``start``."""
    first = run.start()
    initial = first == start or (_SENTENCE_START.search(text[max(start, first - 4):first]) is not None
                                 and _AFTER_TITLE.search(text, max(start, first - 8), first) is None)
    words: list[Word] = []
    for word in _PIECE.finditer(text, first, _run_end(run)):
        words.append(Word(word.group(), word.start(), word.end(), initial))
        initial = False
    return words


def _run_end(run: regex.Match[str]) -> int:
    return run.start("possessive") if run.group("possessive") else run.end()


def is_capitalised(word: str) -> bool:
    return _CAPITALISED.fullmatch(word) is not None


def title_case(text: str) -> bool:
    """A line or headline in title case (three words or more, most of them capitalised), where a
    capital says nothing about a name."""
    words = [w for w in text.split() if w[:1].isalpha()]
    capitals = sum(1 for w in words if w[:1].isupper())
    return len(words) >= 3 and capitals >= 0.7 * len(words)


@functools.cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXPRESSIONS.read_text(encoding="utf-8"))
    return data


#: A node of the index's trie: a word (or ``OPEN``) to the next node; at a key's end, ``""``
#: to the (expression, position) pairs whose key it is.
_Node = dict[str, Any]


@dataclass(frozen=True)
class _Index:
    #: A trie of the expressions' words with one position open ("central intelligence *"),
    #: each key's end holding its (expression, position) pairs.
    trie: _Node
    #: Every lower-case word of an expression.
    words: frozenset[str]
    #: Lower-case expressions, and the swapped forms that are real phrases.
    real: frozenset[str]
    #: Names to the positions where any common word is a swap.
    open_names: dict[str, str]
    #: The open names that are places' ("North Korea"): any common word there is a swap, one
    #: that other places' names hold too ("Upper", "Northern").
    open_places: frozenset[str]


@functools.cache
def _index() -> _Index:
    # Built from the data file and this module only: kept in the user's cache folder and read
    # back by later processes (``checker.cache.built``), a fifth of a cold start otherwise.
    parts = load_or_build("expressions-index", (EXPRESSIONS, Path(__file__)), _build_index, _index_shaped)
    return _Index(*parts)


def _index_shaped(parts: Any) -> bool:
    return (isinstance(parts, tuple) and len(parts) == 5 and isinstance(parts[0], dict)
            and isinstance(parts[1], frozenset) and isinstance(parts[2], frozenset) and isinstance(parts[3], dict)
            and isinstance(parts[4], frozenset))


def _build_index() -> tuple[_Node, frozenset[str], frozenset[str], dict[str, str], frozenset[str]]:
    """``_Index``'s fields, in order."""
    data = _data()
    trie: _Node = {}
    words: set[str] = set()
    # Built on the first article of a process (9,000 keys): each expression is split once,
    # whatever the number of its positions, and the walk is a plain loop.
    for group in ("names", "collocations", "open"):
        for expression, positions in data[group].items():
            if not positions:
                continue
            split = expression.lower().split()
            words.update(split)
            for position in positions:
                index = int(position)
                node = trie
                for i, word in enumerate(split):
                    key = OPEN if i == index else word
                    following = node.get(key)
                    if following is None:
                        following = node[key] = {}
                    node = following
                pairs = node.get("")
                if pairs is None:
                    node[""] = [(expression, index)]
                elif (expression, index) not in pairs:
                    pairs.append((expression, index))
    real = frozenset(data["seen"]) | {e.lower() for g in ("names", "collocations") for e in data[g]}
    return trie, frozenset(words), real, data["open"], frozenset(data["open_places"])


@functools.cache
def common_words() -> frozenset[str]:
    """The lower-case words of the thesaurus: common English words, not names."""
    found: set[str] = set()
    for word, (close, broader, *_) in _data()["thesaurus"].items():
        found.add(word)
        found.update(close.split())
        found.update(broader.split())
    return frozenset(found)


def synonyms(word: str, broad: bool = True) -> frozenset[str]:
    """The spinners' synonyms of a word form of an expression ("agency"): close ones and, when
    ``broad``, the broader words a spinner puts in a name ("fee" for "commission") and the
    Moby thesaurus's further ones ("firm" for "agency")."""
    return _synonyms(word.lower(), broad)


@functools.cache
def _synonyms(word: str, broad: bool) -> frozenset[str]:
    close, broader, spinner = _data()["thesaurus"].get(word, ("", "", ""))
    if not broad:
        return frozenset(close.split())
    return frozenset(close.split()) | frozenset(broader.split()) | frozenset(spinner.split())


def expressions() -> dict[str, dict[str, str]]:
    """The names and collocations, each to the positions (digits) a swap may break it at."""
    data = _data()
    return {"names": data["names"], "collocations": data["collocations"]}


def _fits_case(window: list[Word], expression: str, slot: int) -> bool:
    """A name's words are capitalised as it is, the swapped one too; a collocation's words are
    in lower case, the first of a sentence aside."""
    model = expression.split()
    name = model[0][:1].isupper()
    for index, (word, like) in enumerate(zip(window, model, strict=True)):
        if name:
            if like[:1].isupper() and not is_capitalised(word.text):
                return False
            if like[:1].islower() and index != slot and word.text != like:
                return False
        elif not (word.text.islower() or (word.initial and index == 0 and word.text[1:].islower())):
            return False
    return True


#: Two words or more joined by single spaces.
_PHRASE = compiled(rf"{_WORD}(?: {_WORD})+")


def run_phrase(text: str) -> bool:
    """``text`` is two words or more joined by single spaces: wherever it stands with no letter,
    digit or underscore just before or after it, it lies inside a run of ``WordRuns`` (a run
    goes on over letters, marks, hyphens before a letter and spaces before a word, and it ends
    only at none of those or after a possessive ending)."""
    return _PHRASE.fullmatch(text) is not None


class WordRun(NamedTuple):
    """A run of two words or more: its place among the runs (``WordRuns.match``), its text
    less a possessive ending, and its words in lower case."""

    index: int
    text: str
    lower: list[str]


class WordRuns:
    """The runs of ``text[start:end]`` that hold two words or more (a swap needs two), in order:
    what ``find_swaps`` reads, made once when a caller reads them for more than the search.

    The runs are read as strings; their matches, with their places in the text, are made
    only when one is asked for (few texts get that far), by the same search."""

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        self.text = text
        self.start = start
        self.end = len(text) if end is None else end
        self.runs: list[WordRun] = []
        for index, words in enumerate(_RUN_WORDS.findall(text, self.start, self.end)):
            if " " in words or "\u00a0" in words:  # the run's only spaces are its separators
                self.runs.append(WordRun(index, words, words.lower().split()))
        self._matches: list[regex.Match[str]] | None = None

    def match(self, run: WordRun) -> regex.Match[str]:
        """``_RUN``'s match of the run."""
        if self._matches is None:
            self._matches = list(_RUN.finditer(self.text, self.start, self.end))
        return self._matches[run.index]


def find_swaps(text: str, start: int = 0, end: int | None = None, *,
               title_case: bool | Callable[[], bool] = False, runs: WordRuns | None = None) -> Iterator[Swap]:
    """Phrases of ``text[start:end]`` that are a shipped expression with one word swapped for one
    of its spinners' synonyms, the swapped form no real phrase; overlapping finds give way to the
    longest. ``title_case``: the text is a headline in title case, where a capital says nothing,
    so only names are looked for there; a callable is asked only when a window is looked up
    (few texts get that far, and reading the case of a whole paragraph costs more than the
    search). ``runs``: ``WordRuns(text, start, end)``, when the caller has it already."""
    index = _index()
    in_title_case = _Lazy(title_case)
    if runs is None:
        runs = WordRuns(text, start, end)
    for run in runs.runs:
        found = _run_swaps(runs, run, index, in_title_case)
        if not found:
            continue
        taken: list[tuple[int, int]] = []
        for first, last, swap in sorted(found, key=lambda item: (item[0] - item[1], item[0])):
            if all(last <= a or first >= b for a, b in taken):
                taken.append((first, last))
                yield swap


def _run_swaps(runs: WordRuns, run: WordRun, index: _Index, in_title_case: _Lazy) -> list[tuple[int, int, Swap]]:
    """The swaps of one run, each with its first and last word (exclusive), in the order found."""
    lower = run.lower
    words: list[Word] = []  # the words with their places in the text, made only for a window the index holds
    found: list[tuple[int, int, Swap]] = []
    count = len(lower)
    trie = index.trie
    root_open: _Node = trie.get(OPEN, {})
    for first in range(count - 1):
        # The walk's own first steps, without its lists: can some key get past the second
        # word (a key with an open first word, or one starting with this word), going on
        # with the third word, or end there with its open word one that may fill it? That is
        # all the walk does with two words; most windows, even those starting with "the" or
        # going on with "of", fail here ("clerk of state": "* of" goes on with "state";
        # "the president": "* president" ends, but no spinner puts "the" in a name).
        second = lower[first + 1]
        after = lower[first + 2] if first + 2 < count else None
        goes_on = root_open.get(second)
        if goes_on is None or not (after in goes_on or ("" in goes_on and _may_fill(goes_on[""], lower[first]))):
            known = trie.get(lower[first])
            if known is None:
                continue
            if second not in known:
                opened = known.get(OPEN)
                if opened is None or not (after in opened or ("" in opened and _may_fill(opened[""], second))):
                    continue
        for slot, last, candidates in _walk(lower, first, trie, root_open):
            words = words or _words(runs.text, runs.match(run), runs.start)
            swap = _lookup(words, lower, first, last + 1 - first, slot, candidates, index, in_title_case, runs.text)
            if swap is not None:
                found.append((first, last + 1, swap))
    return found


def _walk(lower: list[str], first: int, trie: _Node, root_open: _Node) -> list[tuple[int, int, list[tuple[str, int]]]]:
    """The keys of the trie that the window from ``first`` holds, up to ``LONGEST`` words: each
    as (open position, last word, its (expression, position) pairs), by last word then open
    position, those whose open word may fill the key only (``_may_fill``).

    The states of the walk are the nodes reached with the open position taken (at most one
    for each position: the trie is a tree) and the one node reached without (``exact``), whose
    own keys all have an open position still ahead: no key ends there."""
    ends: list[tuple[int, int, list[tuple[str, int]]]] = []
    opened: list[tuple[_Node, int]] = [(root_open, first)]  # ascending open positions
    exact: _Node | None = trie.get(lower[first])
    for last in range(first + 1, min(first + LONGEST, len(lower))):
        word = lower[last]
        following: list[tuple[_Node, int]] = []
        for node, slot in opened:
            child = node.get(word)
            if child is not None:
                following.append((child, slot))
                if "" in child and _may_fill(child[""], lower[slot]):
                    ends.append((slot, last, child[""]))
        if exact is not None:
            child = exact.get(OPEN)
            if child is not None:
                following.append((child, last))
                if "" in child and _may_fill(child[""], word):
                    ends.append((last, last, child[""]))
            exact = exact.get(word)
        if not following and exact is None:
            break
        opened = following
    return ends


def _lookup(run: list[Word], lower: list[str], first: int, size: int, slot: int,
            candidates: list[tuple[str, int]], index: _Index, title_case: _Lazy, text: str = "") -> Swap | None:
    words = lower[first:first + size]
    phrase = " ".join(words)
    if phrase in index.real:
        return None
    window = run[first:first + size]
    found = lower[slot]
    fitting: list[tuple[str, int]] = []
    #: The names open at this place: two or more are a frame several names fill ("* Korea").
    opens = [_open(expression, position, run[slot], index) for expression, position in candidates]
    shared = sum(opens) > 1
    for (expression, position), opened in zip(candidates, opens, strict=True):
        replaced = expression.split()[position]
        name = expression[:1].isupper()
        place = opened and expression in index.open_places
        synonym = found in _synonyms(replaced.lower(), name)
        if not synonym and not opened:
            continue
        if not synonym and shared and not _same_stem(found, replaced.lower()):
            # A place several names fill ("North Korea", "South Korea") takes a word of their
            # kind only ("Northern Korea"): "Imperial Korea", "Coastal Carolina" are names too.
            continue
        if not name and title_case():
            continue
        if not name and position == 0 and first > 0 and run[first - 1].lower in _COUNTING:
            continue  # "no previous secretary of state", "one previous president": the word's own sense
        if not _fits_case(window, expression, position):
            continue
        close = found in _synonyms(replaced.lower(), False)
        if name and (run[slot].initial
                     or not _whole_name(run, first, first + size, CONNECTORS if title_case() else INNER_CONNECTORS,
                                        office=expression.split()[-1] in OFFICES)
                     or (_both_real(run[slot].text) and not close and not place)):
            continue  # a sentence's first word is capitalised whatever it is
        fitting.append((expression, position))
    if not fitting:
        return None
    ranked = sorted(fitting, key=lambda pair: _likeness(pair, found, text))
    expression, position = ranked[0]
    others = tuple(_shaped(other, window) for other, _ in ranked[1:])
    return Swap(window[0].start, window[-1].end, _shaped(expression, window), run[slot].text,
                expression.split()[position], others)


def _likeness(candidate: tuple[str, int], found: str, text: str) -> tuple[bool, bool]:
    """How likely ``candidate`` is the name that ``found`` was swapped into, best first: the
    word it replaced has ``found`` for a synonym, or shares its stem ("Northern" for "North"),
    then the article writes the name elsewhere ("Upper Korea" in an article that names North
    Korea)."""
    expression, position = candidate
    replaced = expression.split()[position].lower()
    return (not (_same_stem(found, replaced) or found in _synonyms(replaced, True)), expression not in text)


def _same_stem(found: str, replaced: str) -> bool:
    """One word starts with the other, four letters or more ("northern", "north")."""
    return min(len(found), len(replaced)) >= 4 and (found.startswith(replaced) or replaced.startswith(found))


#: Words that count or deny before a noun phrase ("no previous secretary of state", "only one
#: previous president"): after them a collocation's first word reads in its own sense.
_COUNTING = frozenset({"no", "any", "every", "each", "one", "two", "three", "several", "many", "few", "all", "some",
                       "other", "both", "neither", "either"})


class _Lazy:
    """A truth value read at most once, and only when asked."""

    def __init__(self, value: bool | Callable[[], bool]) -> None:
        self._read = value if callable(value) else None
        self._value = bool(value) if not callable(value) else False

    def __call__(self) -> bool:
        if self._read is not None:
            self._value, self._read = self._read(), None
        return self._value


def _may_fill(candidates: list[tuple[str, int]], word: str) -> bool:
    """``word`` may be a swap at the open position of some of ``candidates``: a spinner's
    synonym of the word it replaces, or any common word where a name takes one."""
    fillers = _FILLERS.get(id(candidates))
    if fillers is None:
        fillers = _FILLERS[id(candidates)] = _fillers(candidates)
    return word in fillers[0] or (fillers[1] and word in common_words())


#: The fillers of the index's candidate lists, by the list's identity (the lists live as long as
#: the cached index, so an identity is never reused for another list).
_FILLERS: dict[int, tuple[frozenset[str], bool]] = {}


def _fillers(candidates: list[tuple[str, int]]) -> tuple[frozenset[str], bool]:
    words: set[str] = set()
    any_common = False
    index = _index()
    for expression, position in candidates:
        replaced = expression.split()[position].lower()
        words |= _synonyms(replaced, expression[:1].isupper())
        any_common = any_common or str(position) in index.open_names.get(expression, "")
    return frozenset(words), any_common


def _open(expression: str, position: int, word: Word, index: _Index) -> bool:
    """Any common word at a position of a name no other name fills ("Latest York")."""
    return str(position) in index.open_names.get(expression, "") and word.lower in common_words()


#: The last words of names of offices ("First Lady", "Prime Minister", "House Speaker"): a
#: person's first name after one starts the holder's name and adds no word to the office's
#: ("Primary Lady Michelle Obama").
OFFICES = frozenset({"Lady", "Minister", "Speaker", "Leader", "General", "Secretary", "President", "Governor",
                     "Senator", "Mayor", "Chairman", "Chairwoman", "Director", "Chief", "Judge", "Justice",
                     "Ambassador", "Commissioner", "Chancellor", "Attorney", "Representative"})


def _whole_name(run: list[Word], first: int, last: int, connectors: frozenset[str] = CONNECTORS,
                office: bool = False) -> bool:
    """``run[first:last]`` is a whole name, not part of a longer one ("Trade Commission" in
    "Federal Trade Commission", "Health Organization" in "World Health Organization ... of ..."):
    no capitalised word before it (a sentence's first word aside) or after it, directly or
    across ``connectors``; after the name of an ``office``, a person's first name may follow."""
    def name_word(index: int, before: bool) -> bool:
        if not 0 <= index < len(run):
            return False
        word = run[index]
        if word.text in connectors:
            return name_word(index - 1 if before else index + 1, before)
        if not before and word.text in TITLES and index == len(run) - 1:
            return False  # "New York Gov. Andrew Cuomo": the run ends at the title's full stop
        if not before and word.text in NOT_NAME_AFTER:
            return False
        if not before and office and index == last and word.lower in real_words():
            return False  # the holder's first name after an office ("First Lady Michelle Obama")
        return is_capitalised(word.text) and not (before and word.initial)

    return not name_word(first - 1, True) and not name_word(last, False)


def _both_real(word: str) -> bool:
    """The swapped-in word is a name of its own (a people, a place, a first name: "Great
    European", "Chief Josh"), capitalised by right, not a spinner's synonym."""
    return word.lower() in real_words()


def _shaped(expression: str, window: list[Word]) -> str:
    """A collocation capitalised where the phrase starts a sentence with a capital."""
    if expression[:1].islower() and window[0].text[:1].isupper():
        return expression[:1].upper() + expression[1:]
    return expression
