"""Recall of entity-state-name-as-adjective on formal state names planted in real text.

Usage (from the project root, ``../shared`` beside it):

    python bench/state_adjectives.py            # recall, fit and held-out parts
    python bench/state_adjectives.py --show     # also the fit part's misses

Plants. Where a real article (``../shared/corpus/real``, files of ``../shared/eval/reserved.txt``
never read) or a newspaper page text (``../shared/corpus/pages/newspaper/txt``) writes a
country's adjective before a lower-case word ("Spanish troops", "Egyptian state media",
"German carmakers"), the adjective is replaced by the country's formal name from the shipped
gazetteer ("Kingdom of Spain troops"), as a spinner or a careless rewrite does; one plant per
article and adjective, at the adjective's first such use. The next word must not be a small
word of a sentence going on ("Spanish and", "Russian in"), so that the plant stands before
the noun it describes; nothing else about the word is chosen. A plant counts as found when a
finding of the rule covers the formal name. Where the gazetteer has several formal names for
one adjective, the plant's is chosen by hash.

Split by the SHA-256 of the next word (first byte even: fit, odd: held out), so the held-out
part's nouns are words the rule was never read against (``--show`` lists the fit part's misses
only). The rule's findings on the unplanted texts are counted too (its false alarms there are
read in the closing note).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter, defaultdict
from pathlib import Path

import regex
import yaml

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from name_slips import reserved  # noqa: E402

from checker.kinds.state_adjective import StateAdjectiveRule  # noqa: E402
from checker.read.parsers.text import parse_text  # noqa: E402
from checker.text.gazetteer import formal_states  # noqa: E402
from checker.text.wordclass import _SMALL  # noqa: E402

RULE = ROOT / "rules" / "entity" / "entity-state-name-as-adjective.yaml"


def part_of(word: str) -> str:
    return "fit" if hashlib.sha256(word.lower().encode()).digest()[0] % 2 == 0 else "held"


def texts() -> list[tuple[str, str]]:
    skip = reserved()
    found = []
    for path in sorted((SHARED / "corpus" / "real").rglob("*.txt")):
        name = path.relative_to(SHARED).as_posix()
        if name not in skip:
            found.append((name, path.read_text(encoding="utf-8", errors="replace")))
    for path in sorted((SHARED / "corpus" / "pages" / "newspaper" / "txt").glob("*.txt")):
        found.append((path.relative_to(SHARED).as_posix(), path.read_text(encoding="utf-8", errors="replace")))
    return found


def formal_by_adjective() -> dict[str, list[str]]:
    names: dict[str, list[str]] = defaultdict(list)
    for formal, (_short, adjective) in formal_states().items():
        if adjective and " " not in adjective and "'" not in formal and "’" not in formal:
            names[adjective].append(formal)
    return names


def plants(text: str, name: str, names: dict[str, list[str]], pattern: regex.Pattern[str]
           ) -> list[tuple[str, int, int, str]]:
    """(planted text, start, end of the formal name, next word) for each adjective's first
    attributive use in ``text``."""
    found = []
    seen: set[str] = set()
    for match in pattern.finditer(text):
        adjective, word = match.group("adj"), match.group("next")
        if adjective in seen or word in _SMALL:
            continue
        seen.add(adjective)
        choices = sorted(names[adjective])
        formal = choices[hashlib.sha256(f"{name}/{adjective}".encode()).digest()[0] % len(choices)]
        start = match.start("adj")
        planted = text[:start] + formal + text[match.end("adj"):]
        found.append((planted, start, start + len(formal), word))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="list the fit part's misses")
    options = parser.parse_args()
    if not (SHARED / "corpus" / "real").is_dir():
        print(f"no corpus at {SHARED / 'corpus' / 'real'}", file=sys.stderr)
        return 2
    spec = yaml.safe_load(RULE.read_text(encoding="utf-8"))
    spec.pop("examples", None)
    rule = StateAdjectiveRule(spec, str(RULE))
    names = formal_by_adjective()
    adjectives = "|".join(sorted(map(regex.escape, names), key=len, reverse=True))
    pattern = regex.compile(rf"(?<![\p{{L}}\p{{N}}_-])(?P<adj>{adjectives})[ ]+(?P<next>\p{{Ll}}[\p{{L}}-]*)")
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: Counter[str] = Counter()
    unplanted = 0
    for name, text in texts():
        unplanted += len(list(rule.check(parse_text(name, text))))
        for planted, start, end, word in plants(text, name, names, pattern):
            found = any(f.location.offset <= start < f.location.offset + f.location.length
                        for f in rule.check(parse_text(name, planted)))
            part = part_of(word)
            tally[part][0] += found
            tally[part][1] += 1
            if not found and part == "fit":
                misses[f"{planted[start:end]} {word}"] += 1
    for part in ("fit", "held"):
        hits, total = tally[part]
        print(f"{part}: recall {hits}/{total} = {hits / max(total, 1):.3f}")
    print(f"findings on the unplanted texts: {unplanted}")
    if options.show:
        for text, count in misses.most_common():
            print(f"  missed ({count}) {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
