"""Evaluate the contradiction rules: injected contradictions in real articles, and ContraDoc.

Usage: python bench/contradictions_eval.py [--articles N] [--seed S] [--keep DIR]

1. Injected. Real articles from ../shared/corpus/real are copied and changed, one change per
   copy, each of a known type:
   - count:   a sentence with a figure is restated later in the article with the figure changed;
   - polarity: a sentence "<Subject> <verb>ed ..." is restated later negated ("did not <verb>");
   - weekday: a full date ("March 3, 2015") gets a weekday it did not fall on;
   - age:     a person named twice gets an age at the first mention and another age later;
   - title:   a person named twice gets two different titles of office.
   Controls: the same restatements with nothing changed (a figure restated as it was), and the
   untouched articles. Recall is per type; false alarms are findings of category
   contradiction per 100 untouched articles and per 100 controls.
2. Real. ../shared/corpus/contradictions (ContraDoc news subset, when present): a document
   counts as flagged when any contradiction finding is reported; precision and recall at the
   document level, and how often a finding (or its related location) touches the labelled
   evidence sentence.

The generator uses its own simple patterns, not the checker's, so the measurement is not
circular; it is also simple on purpose, so the numbers describe plain cases.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
# The generator keeps to the standard library, not the checker's own date patterns, so the
# measurement does not grade the checker against itself.
MONTHS = list(calendar.month_name)[1:]
WEEKDAYS = list(calendar.day_name)

_SENTENCE = regex.compile(r"(?:[^.!?\n]|\.(?=\d)){30,300}[.!?](?!\d)")
_FIGURE = regex.compile(r"(?<![\d.,$£€-])\b([1-9]\d{0,2})\b(?!\s*(?:%|percent|[-:/.,]\d|-))(\s+[a-z]+)")
_YEARLIKE = regex.compile(r"^(?:19|20)\d\d$")
_PAST_CLAIM = regex.compile(
    r"^(?P<subject>(?:The\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})\s+"
    r"(?P<verb>confirmed|denied|approved|rejected|accepted|signed|attended|admitted|supported|opposed|announced|"
    r"visited|released|received|acknowledged|won|lost)\s+(?P<rest>[^.!?]{5,200})[.!?]$"
)
_BASE = {"won": "win", "lost": "lose", "denied": "deny"}
_DATE = regex.compile(rf"\b(?P<month>{'|'.join(MONTHS)})\s+(?P<day>\d{{1,2}}),\s+(?P<year>(?:19|20)\d\d)\b")
_PERSON = regex.compile(r"\b(?P<first>\p{Lu}[a-z]{2,})\s+(?P<last>\p{Lu}[a-z]{3,})\b")
_NOT_FIRST = frozenset(WEEKDAYS + MONTHS + ["The", "This", "That", "New", "United", "White", "North", "South",
                                            "East", "West", "Supreme", "President", "Senator"])


def body_of(text: str) -> tuple[str, str]:
    head, _, body = text.partition("\n\n")
    return head, body


def insert_later(body: str, position: int, sentence: str) -> str:
    """Insert ``sentence`` as its own paragraph after the paragraph after ``position``."""
    cut = body.find("\n\n", position)
    if cut != -1:
        following = body.find("\n\n", cut + 2)
        cut = following if following != -1 else cut
    if cut == -1:
        return body.rstrip("\n") + "\n\n" + sentence + "\n"
    return body[:cut] + "\n\n" + sentence + body[cut:]


def make_count(body: str, rng: random.Random) -> tuple[str, str] | None:
    for match in rng.sample(list(_SENTENCE.finditer(body)), k=min(40, len(list(_SENTENCE.finditer(body))))):
        sentence = match.group(0).strip()
        figure = _FIGURE.search(sentence)
        if not figure or _YEARLIKE.match(figure.group(1)):
            continue
        value = int(figure.group(1))
        changed = str(value + max(2, value // 2))
        new = sentence[: figure.start(1)] + changed + sentence[figure.end(1):]
        return (insert_later(body, match.end(), new), insert_later(body, match.end(), sentence))
    return None


def make_polarity(body: str, rng: random.Random) -> tuple[str, str] | None:
    for match in rng.sample(list(_SENTENCE.finditer(body)), k=min(80, len(list(_SENTENCE.finditer(body))))):
        sentence = match.group(0).strip()
        claim = _PAST_CLAIM.match(sentence)
        if not claim:
            continue
        verb = claim.group("verb")
        base = _BASE.get(verb, verb[:-1] if verb.endswith(("ved", "sed", "ced", "ged")) else verb[:-2])
        negated = f"{claim.group('subject')} did not {base} {claim.group('rest')}."
        return (insert_later(body, match.end(), negated), insert_later(body, match.end(), sentence))
    return None


def make_weekday(body: str, rng: random.Random) -> tuple[str, str] | None:
    dates = list(_DATE.finditer(body))
    rng.shuffle(dates)
    for match in dates:
        try:
            date = dt.date(int(match.group("year")), MONTHS.index(match.group("month")) + 1, int(match.group("day")))
        except ValueError:
            continue
        wrong = WEEKDAYS[(date.weekday() + rng.randint(1, 6)) % 7]
        right = WEEKDAYS[date.weekday()]
        return (body[: match.start()] + f"{wrong}, " + body[match.start():],
                body[: match.start()] + f"{right}, " + body[match.start():])
    return None


#: Common given names: the generator only dresses up people, not "Atlantic Ocean" or "State Bank".
FIRST_NAMES = frozenset([
    "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles",
    "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Paul", "Steven", "Andrew", "Kenneth", "Joshua", "Kevin",
    "Brian", "George", "Edward", "Ronald", "Timothy", "Jason", "Jeffrey", "Ryan", "Jacob", "Gary", "Eric",
    "Jonathan", "Stephen", "Larry", "Justin", "Scott", "Brandon", "Benjamin", "Samuel", "Gregory", "Frank",
    "Alexander", "Raymond", "Patrick", "Jack", "Dennis", "Jerry", "Tyler", "Aaron", "Jose", "Adam", "Henry",
    "Nathan", "Douglas", "Peter", "Kyle", "Walter", "Ethan", "Jeremy", "Harold", "Keith", "Christian", "Roger",
    "Noah", "Gerald", "Carl", "Terry", "Sean", "Austin", "Arthur", "Lawrence", "Jesse", "Dylan", "Bryan", "Joe",
    "Jordan", "Billy", "Bruce", "Albert", "Willie", "Gabriel", "Logan", "Alan", "Juan", "Wayne", "Roy", "Ralph",
    "Randy", "Eugene", "Vincent", "Russell", "Elijah", "Louis", "Bobby", "Philip", "Johnny", "Mary", "Patricia",
    "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Nancy", "Lisa", "Betty",
    "Margaret", "Sandra", "Ashley", "Kimberly", "Emily", "Donna", "Michelle", "Dorothy", "Carol", "Amanda",
    "Melissa", "Deborah", "Stephanie", "Rebecca", "Sharon", "Laura", "Cynthia", "Kathleen", "Amy", "Shirley",
    "Angela", "Helen", "Anna", "Brenda", "Pamela", "Nicole", "Emma", "Samantha", "Katherine", "Christine", "Debra",
    "Rachel", "Catherine", "Carolyn", "Janet", "Ruth", "Maria", "Heather", "Diane", "Virginia", "Julie", "Joyce",
    "Victoria", "Olivia", "Kelly", "Christina", "Lauren", "Joan", "Evelyn", "Judith", "Megan", "Cheryl", "Andrea",
    "Hannah", "Martha", "Jacqueline", "Frances", "Gloria", "Ann", "Teresa", "Kathryn", "Sara", "Janice", "Jean",
    "Alice", "Madison", "Doris", "Abigail", "Julia", "Judy", "Grace", "Denise", "Amber", "Marilyn", "Beverly",
    "Danielle", "Theresa", "Sophia", "Marie", "Diana", "Brittany", "Natalie", "Isabella", "Charlotte", "Rose",
    "Alexis", "Kayla", "Bernie", "Mitch", "Chuck", "Nancy", "Elizabeth", "Marco", "Rand", "Ted", "Ben", "Tim",
    "Tom", "Bill", "Jim", "Mike", "Steve", "Chris", "Dan", "Matt", "Tony", "Rick", "Nick", "Greg", "Jeff", "Ken",
    "Ron", "Don", "Pat", "Sam", "Max", "Ivanka", "Jared", "Kellyanne", "Sean", "Reince", "Rex", "Jeff", "Betsy",
    "Loretta", "Eric", "Hillary", "Barack", "Michelle", "Joe", "Jill", "Melania", "Vladimir", "Angela", "Emmanuel",
    "Theresa", "Boris", "Justin", "Kim", "Xi", "Recep", "Bashar", "Benjamin", "Mahmoud"
])


def _untitled(body: str, match: regex.Match) -> bool:
    """Not already after a capitalised word (a title or another name)."""
    return not regex.search(r"\p{Lu}[\p{L}.]*\s+$", body[max(0, match.start() - 30): match.start()])


def _person(body: str) -> tuple[regex.Match, regex.Match] | None:
    counts = Counter(m.group(0) for m in _PERSON.finditer(body)
                     if m.group("first") not in _NOT_FIRST and m.group("first") in FIRST_NAMES and _untitled(body, m))
    for name, count in counts.most_common():
        if count < 2:
            break
        mentions = [m for m in _PERSON.finditer(body) if m.group(0) == name and _untitled(body, m)]
        if len(mentions) < 2:
            continue
        return mentions[0], mentions[-1]
    return None


def make_age(body: str, rng: random.Random) -> tuple[str, str] | None:
    found = _person(body)
    if not found:
        return None
    first, last = found
    age = rng.randint(25, 70)
    other = age + rng.choice([-3, -2, 2, 3, 5])

    def build(second_age: int) -> str:
        return (body[: first.end()] + f", {age}," + body[first.end(): last.start()]
                + f"the {second_age}-year-old {last.group('last')}" + body[last.end():])

    return build(other), build(age)


def make_title(body: str, rng: random.Random) -> tuple[str, str] | None:
    found = _person(body)
    if not found:
        return None
    first, last = found
    titles = ["Senator", "Governor", "Mayor", "Attorney General", "Secretary of State"]
    a, b = rng.sample(titles, 2)

    def build(second: str) -> str:
        return (body[: first.start()] + f"{a} " + body[first.start(): last.start()] + f"{second} "
                + body[last.start():])

    return build(b), build(a)


MAKERS = {"count": make_count, "polarity": make_polarity, "weekday": make_weekday, "age": make_age,
          "title": make_title}


def run_checker(paths: list[Path]) -> dict[str, list[dict]]:
    result = subprocess.run([sys.executable, "-m", "checker", "--format", "json", "--exit-zero", "--category",
                             "contradiction", *map(str, paths)], capture_output=True, text=True, check=False)
    report = json.loads(result.stdout)
    return {str(Path(f["path"]).resolve()): f["findings"] for f in report["files"]}


def injected(count: int, seed: int, keep: Path | None) -> None:
    rng = random.Random(seed)
    articles = sorted((SHARED / "corpus" / "real").rglob("*.txt"))
    rng.shuffle(articles)
    articles = articles[:count]
    with tempfile.TemporaryDirectory() as tmp:
        out = keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        cases: list[tuple[str, str, Path]] = []  # (type, variant, path)
        for index, source in enumerate(articles):
            text = source.read_text(encoding="utf-8", errors="replace")
            head, body = body_of(text)
            original = out / f"{index:04d}-original.txt"
            original.write_text(text, encoding="utf-8")
            cases.append(("original", "control", original))
            for kind, maker in MAKERS.items():
                made = maker(body, random.Random(f"{seed}-{index}-{kind}"))
                if made is None:
                    continue
                for variant, new_body in zip(("changed", "control"), made, strict=True):
                    path = out / f"{index:04d}-{kind}-{variant}.txt"
                    path.write_text(f"{head}\n\n{new_body}", encoding="utf-8")
                    cases.append((kind, variant, path))
        findings = run_checker([p for _, _, p in cases])
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])  # flagged, total, findings
    for kind, variant, path in cases:
        found = findings.get(str(path.resolve()), [])
        entry = tally[(kind, variant)]
        entry[0] += bool(found)
        entry[1] += 1
        entry[2] += len(found)
    print(f"Injected contradictions in {len(articles)} real articles (seed {seed}):\n")
    print("| type | changed copies | flagged (recall) | controls | controls flagged | false alarms /100 controls |")
    print("|---|---|---|---|---|---|")
    for kind in MAKERS:
        changed, control = tally[(kind, "changed")], tally[(kind, "control")]
        if not changed[1]:
            print(f"| {kind} | 0 | - | 0 | - | - |")
            continue
        print(f"| {kind} | {changed[1]} | {changed[0]} ({changed[0] / changed[1]:.2f}) | {control[1]} | "
              f"{control[0]} | {control[2] / control[1] * 100:.1f} |")
    original = tally[("original", "control")]
    print(f"\nUntouched articles: {original[1]}, flagged {original[0]}, "
          f"{original[2] / original[1] * 100:.1f} false alarms per 100 articles.")


def contradoc() -> None:
    folder = SHARED / "corpus" / "contradictions"
    labels_path = folder / "labels.jsonl"
    if not labels_path.exists():
        print("\nContraDoc: not present, skipped.")
        return
    labels = [json.loads(line) for line in labels_path.read_text().splitlines() if line.strip()]
    paths = [folder / f"{item['id']}.txt" for item in labels]
    findings = run_checker(paths)
    tp = fp = fn = tn = located = 0
    by_scope: Counter[str] = Counter()
    by_scope_hit: Counter[str] = Counter()
    for item, path in zip(labels, paths, strict=True):
        found = findings.get(str(path.resolve()), [])
        positive = item["has_contradiction"]
        if positive:
            for scope in item.get("scope") or ["?"]:
                by_scope[scope] += 1
                by_scope_hit[scope] += bool(found)
        if found and positive:
            tp += 1
            start, end = item["evidence_char_span"]
            spans = [(f["offset"], f["offset"] + f["length"]) for f in found]
            spans += [(r["offset"], r["offset"] + r["length"]) for f in found for r in f.get("related", [])]
            located += any(s < end and start < e for s, e in spans)
        elif found:
            fp += 1
        elif positive:
            fn += 1
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    print(f"\nContraDoc news subset: {len(labels)} documents ({tp + fn} with a contradiction).")
    print(f"Document level: flagged {tp + fp}; precision {precision:.2f}, recall {recall:.2f} "
          f"(tp {tp}, fp {fp}, fn {fn}, tn {tn}); findings touching the evidence sentence: {located}.")
    print("Recall by scope: " + ", ".join(f"{s} {by_scope_hit[s]}/{n}" for s, n in sorted(by_scope.items())))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--keep", type=Path, help="write the generated articles here")
    args = parser.parse_args()
    injected(args.articles, args.seed, args.keep)
    contradoc()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
