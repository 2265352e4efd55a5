"""Recall on planted spinner swaps and false alarms on real text, for entity-swapped-name with the
shipped fixed expressions (``checker/data/expressions.json``).

Usage (from the project root, ``../shared`` beside it):

    python bench/spinner_swaps.py                  # recall, held-out and fit parts
    python bench/spinner_swaps.py --false-alarms   # also every finding on the unplanted corpus
    python bench/spinner_swaps.py --show-misses    # also the misses of the fit part

Plants. One word of a fixed expression, where a real article writes it, is replaced by a
synonym a spinner would put there; each planted article holds one swap, and the swap counts as
found when a finding of the rule covers it and suggests the expression (``recall``), or
suggests a fix that gives back the unplanted text, a longer name than the expression included
("New York Times" for "Unused York Times"; ``fix restores the text``). Articles are the held-out
part of the real articles (reserved files never read) and of the newspaper page texts, by the
split of ``scripts/build_expressions.py`` (the build counts only the fit part). The synonyms
planted are never shipped: the held-out part of the tortured-phrase pairs (their single-word
swaps) and ``bench/data/spinner/synonyms.tsv``, written for this bench. Two sets of expressions:

- hand: ``bench/data/spinner/expressions.txt``, written for this bench without the build's
  output: an expression the shipped file lacks is a miss, so this is the recall overall;
- shipped, held-out / fit: the shipped expressions, split by the sha256 of the expression
  (rules and thresholds were tuned looking at the fit part only).

False alarms: the rule's findings on every real article (less reserved files) and every
newspaper page text, unplanted, each printed with its part, to be read one by one.
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
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_expressions import (  # noqa: E402
    FUNCTION_WORDS,
    SHARED,
    body,
    corpus_files,
    part,
    single_swaps,
    tortured_pairs,
)

from checker.finding import Finding  # noqa: E402
from checker.kinds.swapped_name import SwappedNameRule  # noqa: E402
from checker.read.parsers.text import parse_text  # noqa: E402
from checker.text.expressions import expressions, synonyms  # noqa: E402

DATA = ROOT / "bench" / "data" / "spinner"
RULE = ROOT / "rules" / "entity" / "entity-swapped-name.yaml"
#: At most this many plants an article, for each set, so that a few long articles do not dominate.
PER_ARTICLE = 3


def _lines(path: Path) -> list[str]:
    return [line.rstrip("\n") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def held_out_synonyms(shared: Path) -> dict[str, list[str]]:
    """A word to the synonyms planted for it: the hand list's, then the held-out tortured swaps."""
    found: dict[str, list[str]] = defaultdict(list)
    for line in _lines(DATA / "synonyms.tsv"):
        word, *choices = line.split("\t")
        found[word].extend(c for c in choices if c and c != word and c not in found[word])
    for tortured, correct in tortured_pairs(shared):
        if part("\t".join((tortured, correct))) == "held-out":
            for _, word, synonym in single_swaps(tortured, correct):
                if synonym not in found[word]:
                    found[word].append(synonym)
    return found


def _pick(key: str, count: int) -> int:
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:4], "big") % count


def _shape(word: str, model: str) -> str:
    if model[:1].isupper():
        return " ".join(w[:1].upper() + w[1:] for w in word.split(" "))
    return word


def plants(text: str, expression_list: list[str], swaps: dict[str, list[str]], key: str
           ) -> list[tuple[str, int, int, str, str, str]]:
    """(expression, start, end, planted phrase, word, synonym): one occurrence of each expression
    in ``text`` (as written; a collocation also with a capital first letter), one slot and one
    synonym chosen by hash."""
    found = []
    taken: list[tuple[int, int]] = []
    for expression in expression_list:
        words = expression.split()
        slots = [i for i, w in enumerate(words) if w.lower() not in FUNCTION_WORDS and swaps.get(w.lower())]
        if not slots:
            continue
        pattern = regex.escape(expression)
        if expression[:1].islower():
            pattern = f"(?:{pattern}|{regex.escape(expression[:1].upper() + expression[1:])})"
        match = regex.search(rf"(?<![\p{{L}}\p{{N}}_-]){pattern}(?![\p{{L}}\p{{N}}_-])", text)
        if match is None or any(match.start() < b and a < match.end() for a, b in taken):
            continue
        slot = slots[_pick(key + expression, len(slots))]
        choices = swaps[words[slot].lower()]
        synonym = choices[_pick(key + expression + "/", len(choices))]
        written = match.group(0).split()
        written[slot] = _shape(synonym, written[slot])
        found.append((expression, match.start(), match.end(), " ".join(written), words[slot], synonym))
        taken.append((match.start(), match.end()))
        if len(found) == PER_ARTICLE:
            break
    return found


def load_rule() -> SwappedNameRule:
    spec = yaml.safe_load(RULE.read_text(encoding="utf-8"))
    spec.pop("examples", None)
    return SwappedNameRule(spec, str(RULE))


def measure(rule: SwappedNameRule, files: list[tuple[str, Path]], sets: dict[str, list[str]],
            swaps: dict[str, list[str]], shipped: set[str], show: bool) -> dict[str, Counter[str]]:
    results: dict[str, Counter[str]] = defaultdict(Counter)
    for name, path in files:
        text = body(path)
        for label, expression_list in sets.items():
            for expression, start, end, planted, word, synonym in plants(text, expression_list, swaps, name):
                changed = text[:start] + planted + text[end:]
                stop = start + len(planted)
                findings = [f for f in rule.check(parse_text(name, changed))
                            if f.location.offset < stop and start < f.location.offset + f.location.length]
                right = any(expression.lower() in (s.lower() for s in f.suggestions) for f in findings)
                restored = right or any(_restores(f, changed, text) for f in findings)
                known = expression.lower() in shipped
                counts = results[label]
                counts["planted"] += 1
                counts["found"] += right
                counts["restored"] += restored
                counts["other suggestion"] += bool(findings) and not restored
                counts["in gazetteer"] += known
                counts["found, in gazetteer"] += right and known
                counts["synonym shipped"] += synonym in synonyms(word, expression[:1].isupper())
                if show and not restored and label.endswith("fit"):
                    print(f"  miss [{label}] {planted!r} for {expression!r} ({name})")
    return results


def _restores(finding: Finding, changed: str, original: str) -> bool:
    """The finding's first suggestion, put in place of what it covers, gives back the unplanted
    text (case aside): a longer name than the planted expression ("New York Times" for "Unused
    York Times") is as right as the expression itself."""
    start = finding.location.offset
    end = start + finding.location.length
    fixed = changed[:start] + finding.suggestions[0] + changed[end:]
    return fixed.lower() == original.lower()


def false_alarms(rule: SwappedNameRule, files: list[tuple[str, Path]]) -> None:
    total: Counter[str] = Counter()
    for name, path in files:
        article = parse_text(name, path.read_text(encoding="utf-8", errors="replace"))
        for finding in rule.check(article):
            total[part(name)] += 1
            print(f"  {part(name):8} {name}: {finding.location.text!r} -> {finding.suggestions[0]!r}")
    print(f"findings on unplanted text: {dict(total)} in {len(files)} files")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--false-alarms", action="store_true", help="also every finding on the unplanted corpus")
    parser.add_argument("--show-misses", action="store_true", help="also the misses of the fit part")
    options = parser.parse_args()
    if not (options.shared / "corpus").is_dir():
        print(f"needs the shared folder {options.shared}", file=sys.stderr)
        return 2
    rule = load_rule()
    files = corpus_files(options.shared)
    held = [(n, p) for n, p in files if part(n) == "held-out"]
    shipped_groups = expressions()
    shipped = [e for group in shipped_groups.values() for e in group]
    shipped_lower = {e.lower() for e in shipped}
    sets = {
        "hand, held-out": _lines(DATA / "expressions.txt"),
        "shipped, held-out": sorted(e for e in shipped if part(e) == "held-out"),
        "shipped, fit": sorted(e for e in shipped if part(e) == "fit"),
    }
    swaps = held_out_synonyms(options.shared)
    results = measure(rule, held, sets, swaps, shipped_lower, options.show_misses)
    print(f"planted in {len(held)} held-out articles; synonyms never shipped (hand list, held-out tortured swaps)")
    for label, counts in results.items():
        planted, known = counts["planted"], counts["in gazetteer"]
        print(f"{label:18} planted {planted:4}  recall {counts['found'] / max(planted, 1):.2f}  "
              f"(fix restores the text {counts['restored'] / max(planted, 1):.2f})  "
              f"in gazetteer {known:4} (recall there {counts['found, in gazetteer'] / max(known, 1):.2f})  "
              f"other suggestion {counts['other suggestion']}  synonym in shipped thesaurus "
              f"{counts['synonym shipped']}")
    if options.false_alarms:
        false_alarms(rule, files)
    return 0


if __name__ == "__main__":
    sys.exit(main())
