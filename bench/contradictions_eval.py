"""Evaluate the contradiction rules: injected contradictions in real articles, and ContraDoc.

Usage: python bench/contradictions_eval.py [--articles N] [--seed S] [--keep DIR]

1. Injected. Real articles from ../shared/corpus/real are copied and changed, one change per
   copy, each of a known type:
   - count:   a sentence with a figure is restated later in the article with the figure changed;
   - polarity: a sentence "<Subject> <verb>ed ..." is restated later negated ("did not <verb>");
   - passive: a sentence "<Subject> was <verb>ed ..." is restated later negated ("was not <verb>ed");
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
from collections.abc import Callable
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
# The generator keeps to the standard library, not the checker's own date patterns, so the
# measurement does not grade the checker against itself.
MONTHS = list(calendar.month_name)[1:]
WEEKDAYS = list(calendar.day_name)

#: A whole sentence: it starts a line or follows the end of a sentence (a lower-case word or a
#: word of four letters or more, and a full stop: not "Jan.", "Sen." or "U."), starts with a
#: capital, and ends the same way.
_SENTENCE = regex.compile(
    r"(?:(?<=^|\n)|(?<=(?:\s\p{Ll}{2,}|\p{L}{4,})[.!?][\"”’]?\s))(?=\p{Lu})(?:[^.!?\n]|\.(?=\d)){30,300}"
    r"(?<=\s\p{Ll}{2,}|\p{L}{4,})[.!?](?!\d)"
)
_OPEN_ENDED = regex.compile(r"(?i)\b(?:more than|over|at least|fewer than|less than|under|up to|nearly|almost)\s+$")
_FIGURE = regex.compile(r"(?<![\d.,$£€-])\b([1-9]\d{0,2})\b(?!\s*(?:%|percent|[-:/.,]\d|-))(\s+[a-z]+)")
_YEARLIKE = regex.compile(r"^(?:19|20)\d\d$")
_PASSIVE_CLAIM = regex.compile(
    r"^(?P<subject>(?:The\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{L}[\p{L}'’-]+){0,2})\s+(?P<be>was|were)\s+"
    r"(?P<rest>(?:confirmed|denied|approved|rejected|accepted|signed|admitted|supported|opposed|announced|"
    r"released|received|acknowledged|paid|ordered|closed|opened|arrested|charged|killed|injured|evacuated|"
    r"cancell?ed)\s[^.!?]{5,200})[.!?]$"
)
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


def _sample_sentences(body: str, rng: random.Random, most: int) -> list[regex.Match]:
    """Up to ``most`` whole sentences of the body, in random order."""
    sentences = list(_SENTENCE.finditer(body))
    return rng.sample(sentences, k=min(most, len(sentences)))


def make_count(body: str, rng: random.Random) -> tuple[str, str] | None:
    for match in _sample_sentences(body, rng, 40):
        sentence = match.group(0).strip()
        figure = _FIGURE.search(sentence)
        if not figure or _YEARLIKE.match(figure.group(1)) or _OPEN_ENDED.search(sentence[: figure.start(1)]):
            continue  # no figure; a year; "more than 11 million" and "more than 16 million" agree
        value = int(figure.group(1))
        changed = str(value + max(2, value // 2))
        new = sentence[: figure.start(1)] + changed + sentence[figure.end(1):]
        return (insert_later(body, match.end(), new), insert_later(body, match.end(), sentence))
    return None


def _restate_negated(body: str, rng: random.Random, claim_pattern: regex.Pattern,
                     negate: Callable[[regex.Match], str]) -> tuple[str, str] | None:
    """The first sampled sentence that ``claim_pattern`` reads, restated later negated
    (``negate``) and, as the control, restated as it is."""
    for match in _sample_sentences(body, rng, 80):
        sentence = match.group(0).strip()
        claim = claim_pattern.match(sentence)
        if claim:
            return (insert_later(body, match.end(), negate(claim)), insert_later(body, match.end(), sentence))
    return None


def _did_not(claim: regex.Match) -> str:
    verb = claim.group("verb")
    base = _BASE.get(verb, verb[:-1] if verb.endswith(("ved", "sed", "ced", "ged")) else verb[:-2])
    return f"{claim.group('subject')} did not {base} {claim.group('rest')}."


def make_polarity(body: str, rng: random.Random) -> tuple[str, str] | None:
    return _restate_negated(body, rng, _PAST_CLAIM, _did_not)


def make_passive(body: str, rng: random.Random) -> tuple[str, str] | None:
    return _restate_negated(body, rng, _PASSIVE_CLAIM,
                            lambda claim: f"{claim.group('subject')} {claim.group('be')} not {claim.group('rest')}.")


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


def _plain(body: str, match: regex.Match) -> bool:
    """A mention a reporter could dress with an age or title: not in a possessive
    ("Clinton's"), not part of a longer name ("Alexander Graham Bell", "Thomas More Law
    Center"), not after "the"."""
    after = body[match.end(): match.end() + 3]
    return (_untitled(body, match) and not regex.match(r"['’]s\b|\s+\p{Lu}", after)
            and not regex.search(r"\bthe\s+$", body[max(0, match.start() - 5): match.start()]))


def _dressed(body: str, last: str) -> bool:
    """The article already gives this surname an age or a title ("Sen. Ted Cruz", "Carl
    Paladino, 70,"): one more would make a contradiction of the article's own."""
    name = regex.escape(last)
    aged = regex.search(rf"\b{name},\s+\d{{1,3}},|\d+-year-old\s+(?:\p{{L}}+\s+){{0,3}}{name}\b", body)
    titled = any(not _untitled(body, m) for m in regex.finditer(rf"\b\p{{Lu}}[a-z]+\s+{name}\b", body))
    return bool(aged) or titled


def _unique_surnames(body: str) -> set[str]:
    """Surnames that only one known first name carries in the article: an age or title
    given to "Clinton" in an article about Bill and Hillary Clinton is no contradiction."""
    firsts: dict[str, set[str]] = defaultdict(set)
    for m in _PERSON.finditer(body):
        if m.group("first") in FIRST_NAMES:
            firsts[m.group("last")].add(m.group("first"))
    return {last for last, names in firsts.items() if len(names) == 1}


def _person(body: str) -> tuple[regex.Match, regex.Match] | None:
    unique = _unique_surnames(body)
    counts = Counter(m.group(0) for m in _PERSON.finditer(body)
                     if m.group("first") not in _NOT_FIRST and m.group("first") in FIRST_NAMES
                     and m.group("last") in unique and _plain(body, m) and not _dressed(body, m.group("last")))
    for name, count in counts.most_common():
        if count < 2:
            break
        mentions = [m for m in _PERSON.finditer(body) if m.group(0) == name and _plain(body, m)]
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


_PEOPLE = (r"people|persons|civilians|soldiers|officers|children|students|protesters|migrants|passengers|workers"
           r"|victims|demonstrators|troops|militants|fighters|journalists|members|residents|men|women|suspects")
_EVENT_PASSIVE = regex.compile(
    rf"(?<![\d.,$-])\b(?P<n>[1-9]\d{{0,2}})\s+(?:(?:other|more|\p{{Ll}}+)\s+)?(?P<noun>{_PEOPLE})\s+"
    r"(?:were|have been|had been|are)\s+(?P<event>killed|injured|wounded|arrested|detained|charged|evacuated"
    r"|rescued|hospitali[sz]ed|displaced)\b"
)
_EVENT_ACTIVE = regex.compile(
    rf"\b(?P<verb>killed|killing|kills|injured|injuring|wounded|wounding|arrested|arresting|detained|detaining)\s+"
    rf"(?P<n>[1-9]\d{{0,2}})\s+(?P<noun>{_PEOPLE})\b"
)
_PARTICIPLE = {"killing": "killed", "kills": "killed", "injuring": "injured", "wounding": "wounded",
               "arresting": "arrested", "detaining": "detained"}


def make_count_paraphrase(body: str, rng: random.Random) -> tuple[str, str] | None:
    """A count of people killed, hurt or arrested, restated later in other words with
    another figure: "... killing 20 civilians." ... "Officials said 30 civilians were killed."
    """
    found = [(m, m.group("event")) for m in _EVENT_PASSIVE.finditer(body)]
    found += [(m, _PARTICIPLE.get(m.group("verb"), m.group("verb"))) for m in _EVENT_ACTIVE.finditer(body)]
    rng.shuffle(found)
    for match, event in found:
        if _OPEN_ENDED.search(body[max(0, match.start() - 20): match.start("n")]):
            continue
        value = int(match.group("n"))
        changed = value + max(2, value // 2)

        def restate(n: int, match: regex.Match = match, event: str = event) -> str:
            return insert_later(body, match.end(), f"Officials said {n} {match.group('noun')} were {event}.")

        return restate(changed), restate(value)
    return None


_MONTH_DAY = regex.compile(
    rf"\b(?P<month>{'|'.join(MONTHS)})\s+(?P<day>\d{{1,2}})\b(?!:|\d)(?:,\s+(?P<year>(?:19|20)\d\d))?"
)


def make_date(body: str, rng: random.Random) -> tuple[str, str] | None:
    """A sentence with a date restated later with the date moved by a few days."""
    for match in _sample_sentences(body, rng, 80):
        sentence = match.group(0).strip()
        date = _MONTH_DAY.search(sentence)
        if not date:
            continue
        month, day = MONTHS.index(date.group("month")) + 1, int(date.group("day"))
        year = int(date.group("year") or 2016)
        shift = rng.choice([-3, -2, -1, 1, 2, 3])
        try:
            moved = dt.date(year, month, day) + dt.timedelta(days=shift)
        except ValueError:
            continue
        if moved.year != year and date.group("year"):
            continue
        new = sentence[: date.start()] + f"{MONTHS[moved.month - 1]} {moved.day}" + sentence[date.end("day"):]
        return insert_later(body, match.end(), new), insert_later(body, match.end(), sentence)
    return None


_ON_WEEKDAY = regex.compile(rf"\bon (?P<weekday>{'|'.join(WEEKDAYS)})\b|\b(?P<yesterday>yesterday)\b")


def make_relative(head: str, body: str, rng: random.Random) -> tuple[str, str] | None:
    """A sentence that says "on Tuesday" (or "yesterday") restated later with a calendar date:
    the right one for the published date in the control, one a few days off in the change."""
    published = regex.search(r"(?m)^Published:\s*(\d{4})-(\d\d)-(\d\d)\s*$", head)
    if not published:
        return None
    today = dt.date(*map(int, published.groups()))
    for match in _sample_sentences(body, rng, 80):
        sentence = match.group(0).strip()
        relative = _ON_WEEKDAY.search(sentence)
        if not relative:
            continue
        if relative.group("yesterday"):
            right = today - dt.timedelta(days=1)
            start, end = relative.span("yesterday")
            prefix = "on "
        else:
            back = (today.weekday() - WEEKDAYS.index(relative.group("weekday"))) % 7
            right = today - dt.timedelta(days=back)
            start, end = relative.span("weekday")
            prefix = ""
        wrong = right + dt.timedelta(days=rng.choice([-3, -2, 2, 3]))

        def restate(day: dt.date, sentence: str = sentence, start: int = start, end: int = end,
                    prefix: str = prefix, match: regex.Match = match) -> str:
            return insert_later(body, match.end(),
                                f"{sentence[:start]}{prefix}{MONTHS[day.month - 1]} {day.day}{sentence[end:]}")

        return restate(wrong), restate(right)
    return None


_HEADLINE_CLAIM = regex.compile(
    r"^(?P<subject>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})\s+"
    r"(?P<verb>confirms|denies|approves|rejects|accepts|signs|wins|loses|admits|supports|opposes|announces"
    r"|releases|visits|receives|backs|endorses)\s+(?P<rest>[^.!?:|]{5,120})$"
)
_HEADLINE_BASE = {"denies": "deny", "backs": "back"}
_HEADLINE_FIGURE = regex.compile(r"(?<![\d.,$£€-])\b(?P<n>[1-9]\d{0,2})\s+(?P<word>[a-z]{3,})\b")


def make_headline(head: str, body: str, rng: random.Random) -> tuple[str, str, str, str] | None:
    """The headline against the body: a headline figure the body repeats ("12 killed" ...
    "killed 12 people") is changed in the headline; or the headline's claim ("Senate
    approves plan") is denied in a sentence added to the body. Returns (head, body) for the
    change and for the control."""
    title = regex.search(r"(?m)^Title:\s*(.+)$", head)
    if not title:
        return None
    text = title.group(1).strip()
    claim = _HEADLINE_CLAIM.match(text)
    if claim and rng.random() < 0.5:
        verb = claim.group("verb")
        base = _HEADLINE_BASE.get(verb, verb[:-1])
        denial = f"{claim.group('subject')} did not {base} {claim.group('rest').rstrip()}."
        return head, insert_later(body, 0, denial), head, body
    for figure in _HEADLINE_FIGURE.finditer(text):
        value = figure.group("n")
        if _YEARLIKE.match(value):
            continue
        repeated = regex.search(rf"(?<![\d.,$£€-])\b{value}\s+{figure.group('word')}\b", body)
        if not repeated:
            continue
        changed = str(int(value) + max(2, int(value) // 2))
        start = title.start(1) + figure.start("n")
        new_head = head[:start] + changed + head[start + len(value):]
        return new_head, body, head, body
    if claim:
        verb = claim.group("verb")
        denial = f"{claim.group('subject')} did not {_HEADLINE_BASE.get(verb, verb[:-1])} {claim.group('rest')}."
        return head, insert_later(body, 0, denial), head, body
    return None


_QUOTED = regex.compile(r"“(?P<quote>[^”\n]{40,300})[,.]?”\s*(?P<said>said|says)\s+"
                        r"(?P<speaker>\p{Lu}[a-z]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{L}-]+)?)(?=[\s.,;])")


def make_quote(body: str, rng: random.Random) -> tuple[str, str] | None:
    """A quotation given to one person is given again, later, to another person the
    article names."""
    quotes = list(_QUOTED.finditer(body))
    rng.shuffle(quotes)
    people = [m.group(0) for m in _PERSON.finditer(body) if m.group("first") in FIRST_NAMES]
    for quote in quotes:
        speaker = quote.group("speaker")
        others = sorted({p for p in people if p.split()[-1] != speaker.split()[-1]})
        if not others:
            continue
        other = rng.choice(others)

        def restate(who: str, quote: regex.Match = quote) -> str:
            return insert_later(body, quote.end(), f"“{quote.group('quote').rstrip(',.')},” {who} said.")

        return restate(other), restate(speaker)
    return None


MAKERS = {"count": make_count, "count-paraphrase": make_count_paraphrase, "polarity": make_polarity,
          "passive": make_passive, "weekday": make_weekday, "date": make_date, "age": make_age, "title": make_title,
          "quote": make_quote}
#: Makers that read the header (published date, headline) as well as the body.
HEAD_MAKERS = {"relative-date": make_relative, "headline": make_headline}


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
            variants: dict[str, list[tuple[str, str]]] = {}  # kind -> [(head, body) changed, control]
            for kind, maker in MAKERS.items():
                made = maker(body, random.Random(f"{seed}-{index}-{kind}"))
                if made is not None:
                    variants[kind] = [(head, made[0]), (head, made[1])]
            relative = make_relative(head, body, random.Random(f"{seed}-{index}-relative-date"))
            if relative is not None:
                variants["relative-date"] = [(head, relative[0]), (head, relative[1])]
            headline = make_headline(head, body, random.Random(f"{seed}-{index}-headline"))
            if headline is not None:
                variants["headline"] = [(headline[0], headline[1]), (headline[2], headline[3])]
            for kind, pair in variants.items():
                for variant, (new_head, new_body) in zip(("changed", "control"), pair, strict=True):
                    path = out / f"{index:04d}-{kind}-{variant}.txt"
                    path.write_text(f"{new_head}\n\n{new_body}", encoding="utf-8")
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
    for kind in [*MAKERS, *HEAD_MAKERS]:
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
