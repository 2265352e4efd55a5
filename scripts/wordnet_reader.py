"""Read Princeton WordNet 3.0 from its database files (Debian's ``wordnet-base`` package puts
them in ``/usr/share/wordnet``): the synsets with their lemmas and pointers, and the noun
exception list that turns irregular plurals into lemmas. Used by
``scripts/build_expressions.py`` at build time only; the checker never reads WordNet.

The format is WordNet's own (``wndb(5)``): one synset a line, ``offset lex_filenum ss_type
w_cnt word lex_id ... p_cnt ptr ... | gloss``, ``w_cnt`` in hexadecimal.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

WORDNET = Path("/usr/share/wordnet")
PARTS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
#: Pointers followed for a spinner's broader words: the hypernym (a spinner's thesaurus offers
#: the broader word: "fee" for "commission") and, for adjectives, "similar to" and "also see".
#: Hyponyms, derived forms and synonyms of synonyms were tried: on the planted swaps of the fit
#: part they found 3 in 100 more, at twice the false alarms and a file 2.5 times the size.
SYNONYM_POINTERS = frozenset({"@", "&", "^"})


@dataclass
class WordNet:
    #: (part of speech, offset) to the synset's lemmas, as written ("Central_Intelligence_Agency").
    lemmas: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    #: (part of speech, offset) to its pointers: (symbol, part of speech, offset).
    pointers: dict[tuple[str, str], list[tuple[str, str, str]]] = field(default_factory=dict)
    #: A lower-case lemma to the synsets holding it.
    synsets_of: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    #: Irregular noun plurals to their lemmas ("men" -> "man").
    noun_exceptions: dict[str, str] = field(default_factory=dict)
    #: Irregular verb forms ("found", "took").
    verb_forms: set[str] = field(default_factory=set)
    #: The lexicographer file of each synset (``lexnames(5)``: "15" is noun.location).
    lexfile: dict[tuple[str, str], str] = field(default_factory=dict)

    def synonyms(self, lemma: str, parts: str = "nvar", broad: bool = True) -> set[str]:
        """Lower-case lemmas of every synset holding ``lemma`` (of the parts of speech ``parts``)
        and, when ``broad``, of the synsets its pointers of ``SYNONYM_POINTERS`` lead to,
        ``lemma`` itself left out; words joined by ``_``. Only the senses where ``lemma`` is a
        common word (written in lower case) count, and only the lower-case lemmas: a capitalised
        one is a name ("Son" and "Word" of one synset), no spinner's synonym."""
        found: set[str] = set()
        for key in self.synsets_of.get(lemma, ()):
            if key[0] not in parts or not any(word == lemma for word in self.lemmas[key]):
                continue  # a sense of the name ("Word", "Son", "Logos"), not of the common word
            targets = [key] + [(part, offset) for symbol, part, offset in self.pointers[key]
                               if broad and symbol in SYNONYM_POINTERS]
            for target in targets:
                # A spinner's thesaurus offers common words: a capitalised lemma is a name.
                found.update(word.lower() for word in self.lemmas.get(target, ()) if not word[:1].isupper())
        found.discard(lemma)
        return found

    def is_lemma(self, word: str) -> bool:
        return word in self.synsets_of

    def is_common_word(self, word: str) -> bool:
        """Whether some synset has ``word`` as a lemma written in lower case ("north", "new";
        not "york", which WordNet writes only as the name "York")."""
        return any(word in self.lemmas[key] for key in self.synsets_of.get(word, ()))

    def location_names(self) -> set[str]:
        """WordNet's names of places (capitalised lemmas of noun.location synsets), lower-cased
        with spaces: "new hampshire", "north korea", "great britain"."""
        return {lemma.replace("_", " ").lower() for key, lemmas in self.lemmas.items()
                if self.lexfile.get(key) == "15" for lemma in lemmas if lemma[:1].isupper()}

    def parts(self, word: str) -> set[str]:
        """The parts of speech (n, v, a, r) of a lemma or, for a noun plural, its lemma's n."""
        found = {part for part, _ in self.synsets_of.get(word, ())}
        if self.noun_lemma(word) is not None:
            found.add("n")
        return found

    def noun_lemma(self, word: str) -> str | None:
        """The noun lemma of a plural form ("rates" -> "rate", "agencies" -> "agency"), or None
        when ``word`` is not a plural WordNet knows."""
        if word in self.noun_exceptions:
            return self.noun_exceptions[word]
        for suffix, replacement in (("ies", "y"), ("ses", "s"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"),
                                    ("s", "")):
            if word.endswith(suffix) and len(word) > len(suffix) + 1:
                base = word[: -len(suffix)] + replacement
                if any(part == "n" for part, _ in self.synsets_of.get(base, ())):
                    return base
        return None


def read(folder: Path = WORDNET) -> WordNet:
    wordnet = WordNet()
    for name, part in PARTS.items():
        with (folder / f"data.{name}").open(encoding="latin-1") as lines:
            for line in lines:
                if line.startswith("  "):  # the licence at the top of each file
                    continue
                fields = line.split(" | ", 1)[0].split()
                offset, count = fields[0], int(fields[3], 16)
                words = [fields[4 + 2 * i].split("(")[0] for i in range(count)]
                at = 4 + 2 * count
                pointers = []
                for i in range(int(fields[at])):
                    symbol, target, target_part = fields[at + 1 + 4 * i: at + 4 + 4 * i]
                    pointers.append((symbol, "a" if target_part == "s" else target_part, target))
                key = (part, offset)
                wordnet.lemmas[key] = words
                wordnet.lexfile[key] = fields[1]
                wordnet.pointers[key] = pointers
                for word in words:
                    wordnet.synsets_of[word.lower()].append(key)
    with (folder / "noun.exc").open(encoding="latin-1") as lines:
        for line in lines:
            inflected, lemma, *_ = line.split()
            wordnet.noun_exceptions[inflected] = lemma
    with (folder / "verb.exc").open(encoding="latin-1") as lines:
        wordnet.verb_forms.update(line.split()[0] for line in lines if line.strip())
    return wordnet


def version(folder: Path = WORDNET) -> str:
    """The Debian package's version, from dpkg's status file, or 'unknown'."""
    status = Path("/var/lib/dpkg/status")
    if status.exists():
        for block in status.read_text(encoding="utf-8", errors="replace").split("\n\n"):
            if block.startswith("Package: wordnet-base\n"):
                for line in block.splitlines():
                    if line.startswith("Version: "):
                        return line.split(": ", 1)[1]
    return "unknown"


def tagged_counts(folder: Path = WORDNET) -> dict[str, int]:
    """How often each lemma is tagged in WordNet's sense-tagged texts (``cntlist.rev``: the
    Brown corpus part of SemCor): 0 for a word that no tagged text uses."""
    found: dict[str, int] = defaultdict(int)
    with (folder / "cntlist.rev").open(encoding="latin-1") as lines:
        for line in lines:
            key, _, count = line.split()
            found[key.split("%", 1)[0]] += int(count)
    return dict(found)

