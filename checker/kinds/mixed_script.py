"""The ``mixed-script`` rule kind: a word written in two alphabets, with look-alike letters."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.patterns.compiled import compiled
from checker.patterns.precheck import Declared
from checker.text.article import Article

#: The letters of the alphabets whose letters pass for Latin ones: Greek (with its extended
#: block), Cyrillic (with its supplement and extensions) and Armenian, by Unicode block. The
#: micro sign ("µm") is a Latin-1 character and none of them.
_BLOCKS = {"Greek": "\u0370-\u03ff\u1f00-\u1fff",
           "Cyrillic": "\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f",
           "Armenian": "\u0530-\u058f\ufb13-\ufb17"}
_MAY_MIX = re.compile(f"[{''.join(_BLOCKS.values())}]")
_SCRIPTS = tuple((name, re.compile(f"[{blocks}]")) for name, blocks in _BLOCKS.items())
#: A word: letters and marks. A hyphen or an apostrophe ends it, so "β-carotene" is two words.
_WORD = compiled(r"[\p{L}\p{M}]+")
_LATIN = compiled(r"\p{Latin}")
#: Greek, Cyrillic and Armenian letters drawn like a Latin letter in common fonts, to the
#: letter they pass for (read from the letters' shapes).
LOOK_ALIKES = {
    # Cyrillic
    "а": "a", "е": "e", "і": "i", "ј": "j", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "ѕ": "s",
    "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l", "к": "k",
    "А": "A", "В": "B", "Е": "E", "Ѕ": "S", "І": "I", "Ј": "J", "К": "K", "М": "M", "Н": "H", "О": "O",
    "Р": "P", "С": "C", "Т": "T", "Х": "X", "У": "Y", "Ү": "Y", "Ԛ": "Q", "Ԝ": "W", "Ӏ": "I",
    # Greek
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ν": "v", "υ": "u", "ι": "i", "κ": "k", "ρ": "p",
    # Armenian
    "ս": "u", "օ": "o", "հ": "h", "ո": "n", "ց": "g", "զ": "q",
}


def may_mix(article: Article) -> bool:
    """False when the article holds no Greek, Cyrillic or Armenian letter: most do not."""
    return _MAY_MIX.search(article.source) is not None


class MixedScriptRule(Rule):
    """Flags a word of Latin letters with Greek, Cyrillic or Armenian letters in it that look
    the same ("Nаval" with a Cyrillic "а"), and any word typed in two of those alphabets.

    Spinners and spammers swap letters for look-alikes of another alphabet so that copied
    text escapes plagiarism and spam filters; the word reads the same but no search, spelling
    check or rule finds it. A word of three letters or more written in two of those alphabets
    is flagged; a word with letters of any other script (Chinese, Arabic ...) is left alone,
    and so are hyphenated parts ("β-carotene", "NF-κB") and units ("µm"). When each letter of
    another alphabet has a Latin look-alike and most letters of the word or of its line are Latin,
    the word is a Latin one ("Аdvеrtіѕе" among English words, even with most of its letters
    Cyrillic) and the fix retypes those letters; otherwise ``main`` is the alphabet of most of
    its letters, and no fix is offered."""

    name = "mixed-script"
    PLACEHOLDERS = frozenset({"match", "main", "script", "letters", "suggestion"})
    HONOURED = frozenset({"scope", "quotes", "exceptions", "fix"})
    default_scope = "text"
    #: Retyping a letter as the one it passes for changes nothing a reader sees.
    default_fix = "safe"
    OPTIONS = {
        "min_letters": Option(int, default=3, help="shorter words are left alone (symbols and units)", minimum=2),
    }

    def setup(self) -> None:
        self.require(Declared(may_mix))

    def check(self, article: Article) -> Iterator[Finding]:
        source = article.source
        shortest = self.options["min_letters"]
        latin_lines: dict[int, bool] = {}  # a line's start to whether most of its letters are Latin
        for start, end in article.segments(self.scope):
            if _MAY_MIX.search(source, start, end) is None:
                continue
            for word in _WORD.finditer(source, start, end):
                text = word.group()
                if len(text) < shortest or _MAY_MIX.search(text) is None:
                    continue
                found = _scripts(text)
                if found is None or len(found) < 2:
                    continue
                if not self.quotes and article.in_quote(word.start(), word.end()):
                    continue
                if self.exceptions and self.is_exception(text):
                    continue
                # A word whose other letters all pass for Latin ones is a Latin word in
                # disguise when most of its letters, or of its line's, are Latin ("Аdvеrtіѕе"
                # among English words, most of its letters Cyrillic); in a Russian line
                # "Сoрок" is a Russian word with a Latin "o", and no fix is offered.
                suggestion = None
                if "Latin" in found and (found.most_common(1)[0][0] == "Latin"
                                         or _latin_line(source, word.start(), latin_lines)):
                    suggestion = _retyped(text)
                main = "Latin" if suggestion else found.most_common(1)[0][0]
                others = sorted(name for name in found if name != main)
                letters = "".join(dict.fromkeys(c for c in text if _script_of(c) in others))
                yield self.finding(article, word.start(), word.end(), main=main, script=" and ".join(others),
                                   letters=letters, suggestion=suggestion or "",
                                   suggestions=[suggestion] if suggestion else [])


def _script_of(char: str) -> str | None:
    if _LATIN.match(char):
        return "Latin"
    for name, pattern in _SCRIPTS:
        if pattern.match(char):
            return name
    return None


def _scripts(word: str) -> Counter[str] | None:
    """How many letters of the word each alphabet has; None when a letter is of another script
    (a word of Latin and Chinese letters is no look-alike)."""
    counts: Counter[str] = Counter()
    for char in word:
        if not char.isalpha():
            continue  # a mark
        script = _script_of(char)
        if script is None:
            return None
        counts[script] += 1
    return counts


def _latin_line(source: str, at: int, known: dict[int, bool]) -> bool:
    """Whether most letters of the line holding ``at`` are Latin (read once a line)."""
    start = source.rfind("\n", 0, at) + 1
    if start not in known:
        end = source.find("\n", at)
        line = source[start:] if end < 0 else source[start:end]
        latin = len(_LATIN.findall(line))
        known[start] = latin > len(_MAY_MIX.findall(line))
    return known[start]


def _retyped(word: str) -> str | None:
    """The word with every letter of another alphabet retyped as the Latin letter it passes
    for; None when one has no look-alike."""
    letters = []
    for char in word:
        if _LATIN.match(char) or not char.isalpha():
            letters.append(char)
        elif char in LOOK_ALIKES:
            letters.append(LOOK_ALIKES[char])
        else:
            return None
    return "".join(letters)
