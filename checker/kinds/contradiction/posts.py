"""One person, two posts that cannot both hold ("Judge Ann Kerr" ... "Prosecutor Ann Kerr").

Each sentence is read for the forms reporters use to give a person a post:

- before the name: "Inspector Quilty", "Redcastle United defender Tariq Mensah", "the
  school's head teacher, Ana Silva,";
- after the name: "Silva, the school's deputy head,", "Jane Roe, chief executive of Acme,";
- in a relative clause: "Roe, who is the firm's finance director", "Mensah, who has been
  in the Dunholm City back four" (a place in a team), "Roe, who was appointed ..." (read, but
  a change of post, so it contradicts nothing);
- "Roe, who works as a nurse at ...";
- counsel's side, as court reports give it: "Prosecuting, Ann Kerr said" (a prosecutor),
  "Kerr, defending, told jurors" (a defence lawyer).

A person is resolved within the article by surname: the surname must have been introduced
with a full name, an honorific or a title, and a surname given with two different first
names in one article belongs to two people and is left alone. Only posts that hold now are
compared: a word that puts a post at another time or marks a change ("former", "acting",
"was", "until", "promoted", "in 2018" ...: the rule's ``shifts``) keeps the post out, and so
does a post held together with another ("chair and chief executive"), a name in a list and
a post inside a quotation.

Two present posts of one person conflict when they are two groups of one family of the
vocabulary (two police ranks, judge and prosecutor, chief executive and chief financial
officer) and name one organisation (the same proper name, or common nouns of one class such
as "the company" and "the group", or none for either); or when both are posts of a family
that ties a person to one team (a player) and name two different teams. Each person keeps
the few distinct posts read so far, so the work grows with the article, not its square.
"""

from __future__ import annotations

import bisect
import re
import string
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from checker.kinds.contradiction import Conflict, Searcher, Statement
from checker.kinds.contradiction.people import NOT_PEOPLE, TITLES
from checker.patterns.compiled import compiled
from checker.patterns.trie import literal_alternation

#: Words before a surname that are honorifics, not first names.
HONORIFICS = frozenset(["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame", "Lord", "Lady", "Rev"])
#: Capitalised words that open a sentence or a run without being a first name.
NOT_FIRST_NAMES = NOT_PEOPLE | frozenset(
    ["When", "After", "Before", "While", "Since", "As", "If", "Then", "Now", "Both", "Yesterday", "Today",
     "However", "Meanwhile", "Later", "Earlier", "Last", "Next", "Under", "With", "Without", "Former", "Acting"])
#: Capitalised words that end the names of places and organisations, never a person's surname.
NOT_SURNAMES = frozenset(
    ["Hospital", "School", "Court", "Council", "University", "College", "Club", "Company", "Group", "Bank",
     "Street", "Road", "Assembly", "Office", "Department", "House", "Hall", "Church", "Centre", "Center", "Park",
     "Museum", "Service", "Services", "Party", "Fund", "Trust", "Committee", "Board", "Commission", "Agency",
     "Institute", "Police", "Army", "Navy", "Force", "United", "City", "Rovers", "Athletic", "Orchestra"])
#: The spelling given to a place in a team ("in the Rovers back four", "plays for Rovers").
TEAM = "\0team"
#: How far after "Name," a form's post or "who" stands at most ("Silva, the Ashdown Primary
#: School's deputy head").
_FORM_REACH = 120
#: The most distinct posts kept per person: a bound on the work per post read.
MAX_POSTS = 12

_WORD = r"\p{Lu}[\p{L}'’-]*\p{L}"
#: Words of one name or one organisation stay on one line: a line break ends a name.
_GAP = r"[^\S\n]+"
_NAME = rf"(?P<name>{_WORD}(?:{_GAP}\p{{Lu}}\.)?(?:{_GAP}{_WORD}){{0,3}})"
_ORG = rf"{_WORD}(?:{_GAP}(?:of{_GAP}|&{_GAP})?{_WORD}){{0,3}}"
_POSSESSOR = (rf"(?:(?:the\s+)?(?P<{{p}}named>{_ORG})['’]s?|(?:the\s+)(?P<{{p}}noun>\p{{Ll}}+)['’]s"
              rf"|(?P<{{p}}its>its|their))\s+")
_OF_ORG = rf"(?:\s+(?:of|at|for|with)\s+(?:(?:the\s+)?(?P<{{p}}ofnamed>{_ORG})|the\s+(?P<{{p}}ofnoun>\p{{Ll}}+)))?"
#: A run of capitalised words on one line, middle initials allowed: a name or an organisation.
_NAME_RUN = compiled(rf"{_WORD}(?:{_GAP}(?:\p{{Lu}}\.{_GAP})?{_WORD})*")
_WORD_START = compiled(r"(?<![\p{L}'’.-])\p{Lu}")
_SPEECH = r"(?:said|says|told|added|adds|explained|spoke|wrote)"
_PRESENT_VERBS = r"(?:is|has\s+been|remains|is\s+now|serves\s+as|works\s+as|plays\s+as)"
_PRESENT = compiled(rf"{_PRESENT_VERBS}|plays", regex.IGNORECASE)
_LAST_WORD = compiled(r"(\p{L}+)\s+$")
_SENTENCE_END = compiled(r"[;:.!?]")
_CHANGE_VERBS = (r"(?:was|had\s+been|became|becomes|will\s+be|will\s+become|was\s+appointed|was\s+named|"
                 r"was\s+promoted\s+to|was\s+made|has\s+been\s+appointed|has\s+been\s+named|is\s+to\s+become)")


@dataclass(frozen=True)
class Vocabulary:
    """The rule's vocabulary, compiled once when the rule loads."""

    #: Each spelling (lower case, white space single) to the (family, group) pairs it belongs to.
    groups: dict[str, frozenset[tuple[str, int]]]
    #: Each spelling to the first spelling of its group, for the message.
    names: dict[str, str]
    #: Families whose posts tie a person to one team or employer.
    team_families: frozenset[str]
    #: Common nouns for an organisation to their class ("group" and "company" are one).
    org_nouns: dict[str, str]
    #: The sentence forms, compiled.
    forms: tuple[regex.Pattern, ...]
    #: The same forms with simple case folding (``simple_case_forms``), for an article without
    #: a character on whose account the two foldings may differ; None when there is none.
    simple_forms: tuple[regex.Pattern, ...] | None
    #: A post followed by a capitalised word: where the form "TITLE Name" may end (searched
    #: first, so that the form is only tried in the few characters before one).
    anchor: regex.Pattern
    #: Where a post may start, for ``_anchors`` (``anchor_starts_pattern``); None: search the anchor.
    anchor_starts: re.Pattern | None
    #: A post joined to another ("chair and chief executive").
    joined: regex.Pattern
    #: Words that put a post at another time or mark a change.
    shifts: Searcher
    #: Any post or team word: the forms that open with "Name," need one (or "who") soon after.
    post_word: regex.Pattern


@dataclass(frozen=True)
class Post:
    """One post given to one person in one statement."""

    first: str | None
    surname: str
    spelling: str
    org: tuple[str, str] | None
    statement: Statement


@dataclass
class Person:
    """What the article says about one surname: first names seen, and whether it was introduced."""

    first_names: set[str] = field(default_factory=set)
    introduced: bool = False
    joined: bool = False


def compile_forms(spellings: list[str], qualifiers: list[str], team_words: list[str]) -> tuple[regex.Pattern, ...]:
    """The patterns of the forms that give a person a post (see the module's docstring)."""
    post = literal_alternation(spellings)
    qualifier = literal_alternation(qualifiers) if qualifiers else r"(?!x)x"
    team = literal_alternation(team_words) if team_words else r"(?!x)x"
    possessor_a, possessor_b, possessor_c = (_POSSESSOR.replace("{p}", x) for x in "abc")
    of_org_a, of_org_c = (_OF_ORG.replace("{p}", x) for x in "ac")
    head = rf"(?:(?:{qualifier})\s+)?(?P<post>{post})(?![\p{{L}}-])"
    before = (rf"(?<![\p{{L}}\p{{N}}])(?:{possessor_b}|(?P<bnamed2>{_ORG})\s+)?{head}"
              rf"(?P<comma>,)?\s+{_NAME}(?![\p{{L}}'’-])(?(comma)(?=\s*(?:,|\.|;|\s+{_SPEECH}\b)))")
    # Not a name inside a run of names or a list ("Cal Irwin, Dee Hart, the school's deputy head").
    not_in_list = rf"(?<!(?:,|\band)\s+)(?<!\p{{Lu}}[\p{{L}}'’.-]*{_GAP})"
    after = (rf"(?<![\p{{L}}\p{{N}}]){not_in_list}{_NAME},\s+(?:(?:the|a|an)\s+)?(?:{possessor_a})?"
             rf"{head}{of_org_a}(?=\s*(?:,|\.|;|$|\s+{_SPEECH}\b))")
    clause = (rf"(?<![\p{{L}}\p{{N}}]){_NAME},\s+who\s+(?P<verb>{_PRESENT_VERBS}|{_CHANGE_VERBS})\s+"
              rf"(?:(?:the|a|an)\s+)?(?:{possessor_c})?{head}{of_org_c}")
    in_team = (rf"(?<![\p{{L}}\p{{N}}]){_NAME},\s+who\s+(?P<verb>{_PRESENT_VERBS}|{_CHANGE_VERBS})\s+in\s+the\s+"
               rf"(?P<tnamed>{_ORG})\s+(?P<team>{team})(?![\p{{L}}-])")
    plays_for = (rf"(?<![\p{{L}}\p{{N}}]){_NAME},\s+who\s+(?P<verb>plays|has\s+played)\s+for\s+(?:the\s+)?"
                 rf"(?P<tnamed>{_ORG})")
    flags = regex.IGNORECASE | regex.VERSION1
    # Names and organisations must be capitalised: only the post and the small words ignore case.
    return tuple(regex.compile(_case_sensitive_names(p), flags) for p in (before, after, clause, in_team, plays_for))


def _full_case_relatives() -> frozenset[str] | None:
    """The characters outside ASCII on whose account full case folding may match otherwise
    than simple case folding: those that fold to several characters ("ß", "ﬁ", "ŉ"), the
    characters of those foldings ("ʼ", Greek iota, combining accents), and every case of one of
    them or of an ASCII letter ("ſ", the Kelvin sign, "İ"). Read from the ``regex`` module's
    own tables; None when the module does not tell them (the full forms are then always used)."""
    try:
        from regex import _regex
        expanding = _regex.get_expand_on_folding()
        fold_case, all_cases = _regex.fold_case, _regex.get_all_cases
    except (ImportError, AttributeError):
        return None
    full, simple = regex.FULLCASE | regex.IGNORECASE | regex.UNICODE, regex.IGNORECASE | regex.UNICODE
    related = set(string.ascii_letters) | set(expanding)
    for char in expanding:
        related.update(fold_case(full, char))
    for char in list(related):
        related.update(chr(c) for c in all_cases(simple, ord(char)))
        related.update(fold_case(simple, char), fold_case(full, char))
    return frozenset(c for c in related if not c.isascii())


FULL_CASE_RELATIVES = _full_case_relatives()
#: Any of ``FULL_CASE_RELATIVES`` (never matching when the module does not tell them); ``re``
#: searches a set of characters many times faster than ``regex``.
_FULL_CASE_RELATIVE = re.compile(
    "[" + "".join(f"\\U{ord(c):08x}" for c in sorted(FULL_CASE_RELATIVES or ())) + "]"
    if FULL_CASE_RELATIVES else r"(?!x)x")


def simple_case_forms(forms: tuple[regex.Pattern, ...]) -> tuple[regex.Pattern, ...] | None:
    """The forms with simple case folding, where they match as the forms (full case folding,
    the default of VERSION1) do on any text without a full-case relative
    (``FULL_CASE_RELATIVES``); None when a form's own text holds one, or when they are unknown.

    Why it is exact: full case folding differs from simple folding only by the foldings of
    several characters it adds. Without a relative in the text or the pattern, the only ones
    that can match are the ASCII ones ("ss", "fi", "ffl", "st" ...), letters only, which the
    patterns add where a single letter already matches ("\\p{L}", "[\\p{L}'’-]*": a run
    of letters read two at a time, the same run) or in a literal, which matches the same ASCII
    either way. Full folding is much slower: a letter class becomes a branch of dozens of
    strings, tried at every letter. (tests/test_fast_paths.py compares the two.)"""
    if FULL_CASE_RELATIVES is None or any(_FULL_CASE_RELATIVE.search(f.pattern) for f in forms):
        return None
    return tuple(regex.compile("(?-f)" + f.pattern, f.flags) for f in forms)


def forms_for(source: str, vocabulary: Vocabulary) -> tuple[regex.Pattern, ...]:
    """The forms to read an article with: the simple-case ones where they are exact."""
    if vocabulary.simple_forms is not None and _FULL_CASE_RELATIVE.search(source) is None:
        return vocabulary.simple_forms
    return vocabulary.forms


def _case_sensitive_names(pattern: str) -> str:
    r"""Make the capital-letter classes hold under IGNORECASE (``\p{Lu}`` would match any letter)."""
    return pattern.replace(r"\p{Lu}", r"(?-i:\p{Lu})").replace(r"\p{Ll}", r"(?-i:\p{Ll})")


def anchor_pattern(spellings: list[str]) -> regex.Pattern:
    """A post right before a capitalised word ("Inspector Quilty", "director, Ana")."""
    post = literal_alternation(spellings)
    return regex.compile(_case_sensitive_names(rf"(?<![\p{{L}}])(?:{post}),?\s+\p{{Lu}}"), regex.IGNORECASE)


def anchor_starts_pattern(spellings: list[str]) -> re.Pattern | None:
    """Where the anchor may match: one of the posts, in any case, not right after an ASCII
    letter, as ``re`` finds it (several times faster than ``regex``). For an ASCII post, the
    cases ``regex`` equates with one of its letters are cases ``re`` equates too, so every
    place the anchor matches is one of these. None when a post is not ASCII."""
    if not all(spelling.isascii() for spelling in spellings):
        return None
    post = literal_alternation(spellings, re.escape, shortest=True)  # whether one starts is enough
    return re.compile(rf"(?<![a-zA-Z])(?:{post})", re.IGNORECASE)


def post_word_pattern(words: list[str]) -> regex.Pattern:
    """Any of the posts or team words, whole words, any case."""
    return regex.compile(rf"(?<![\p{{L}}])(?:{literal_alternation(words)})(?![\p{{L}}])", regex.IGNORECASE)


def joined_pattern(spellings: list[str]) -> regex.Pattern:
    """A post joined to another by "and", "&" or "/": one person holding both."""
    post = literal_alternation(spellings)
    return regex.compile(rf"(?<![\p{{L}}])(?:{post})\s*(?:and|&|/)\s*(?:the\s+)?(?:{post})(?![\p{{L}}])",
                         regex.IGNORECASE)


def posts_in(source: str, sentences: list[tuple[int, int]], with_posts: list[tuple[int, int]],
             quotes: list[tuple[int, int]], vocabulary: Vocabulary) -> tuple[list[Post], dict[str, Person]]:
    """Every post read in the sentences that may name one (``with_posts``, outside
    quotations), and what all the sentences say of the people, by surname: of those given two
    posts or more, the only ones ``conflicts`` compares (names are read only for them, and only
    in an article where there are some)."""
    found: list[Post] = []
    joined: set[str] = set()
    inside = _QuoteIndex(quotes)
    forms = forms_for(source, vocabulary)
    for start, end in with_posts:
        text = source[start:end]
        for match in _matches(text, vocabulary, forms):
            post = _read(match, text, start, vocabulary, joined)
            if post is not None and not inside(post.statement.start, post.statement.end):
                found.append(post)
    found.extend(_counsel(source, with_posts, inside, vocabulary))
    found.sort(key=lambda p: p.statement.start)
    surnames = Counter(post.surname for post in found)
    twice = {surname for surname, count in surnames.items() if count > 1}
    people: dict[str, Person] = {}
    if twice:
        _note_names(source, sentences, people, vocabulary, twice)
        for surname in joined & twice:
            people.setdefault(surname, Person()).joined = True
    return found, people


def _matches(text: str, vocabulary: Vocabulary, forms: tuple[regex.Pattern, ...]) -> Iterator[regex.Match]:
    """The matches of every form (``forms``: the vocabulary's, either folding) in a sentence.
    The form "TITLE Name" may start anywhere before its post, so it is tried only in a short
    window before each post that a capitalised word follows."""
    before, *others = forms
    seen: set[tuple[int, int]] = set()
    for anchor in _anchors(text, vocabulary):
        match = before.search(text, max(0, anchor.start() - 60), min(len(text), anchor.end() + 80))
        while match is not None and match.start("post") < anchor.start():
            match = before.search(text, match.start() + 1, min(len(text), anchor.end() + 80))
        if match is not None and match.start("post") == anchor.start() and match.span() not in seen:
            seen.add(match.span())
            yield match
    # The other forms open with a name and a comma: tried only at the words of a run of
    # capitalised words that a comma closes.
    for run in _NAME_RUN.finditer(text):
        if not text.startswith(",", run.end()):
            continue
        reach = min(len(text), run.end() + _FORM_REACH)
        if "who" not in text[run.end():reach] and vocabulary.post_word.search(text, run.end(), reach) is None:
            continue  # no post and no "who" after the comma: none of these forms can match
        for word in _WORD_START.finditer(text, run.start(), run.end()):
            for pattern in others:
                match = pattern.match(text, word.start())
                if match is not None:
                    yield match


def _anchors(text: str, vocabulary: Vocabulary) -> Iterator[regex.Match]:
    """What ``vocabulary.anchor.finditer(text)`` finds: the anchor is tried, in order, only at
    the places where it may match (``anchor_starts``), each try after the last match's end."""
    starts = vocabulary.anchor_starts
    if starts is None:
        yield from vocabulary.anchor.finditer(text)
        return
    at = 0
    while (start := starts.search(text, at)) is not None:
        match = vocabulary.anchor.match(text, start.start())  # a lookbehind sees the text before
        if match is None:
            at = start.start() + 1
        else:
            yield match
            at = match.end()


@dataclass(frozen=True)
class _Naming:
    """What one run of capitalised words says of a person: the surname, the first name if one
    is given, and whether a title or honorific introduced it."""

    surname: str
    first: str | None
    titled: bool


def _naming(run: str, vocabulary: Vocabulary) -> _Naming | None:
    """The person a run of capitalised words names ("Ana Silva", "Inspector Quilty"), if any."""
    words = run.split()
    stripped = False
    while words and (words[0].rstrip(".") in HONORIFICS or words[0] in TITLES
                     or words[0].lower() in vocabulary.groups or words[0] in NOT_FIRST_NAMES):
        stripped = stripped or words[0] not in NOT_FIRST_NAMES
        words.pop(0)
    words = [w for w in words if not _initial(w)]
    if not words or len(words) > 3:
        return None
    surname = _plain(words[-1])
    if surname in NOT_SURNAMES:
        return None
    return _Naming(surname, words[0] if len(words) >= 2 else None, stripped)


def _note_names(source: str, sentences: list[tuple[int, int]], people: dict[str, Person],
                vocabulary: Vocabulary, surnames: set[str]) -> None:
    """Record the full names ("Ana Silva") and titled surnames ("Inspector Quilty") in the
    sentences of the people with one of the ``surnames``. What is recorded of a run of
    capitalised words depends on its words alone, and recording it again or in another order
    changes nothing, so each distinct run is read once (names recur). The run pattern has no
    lookaround: searched between a sentence's ends, it finds what it finds in the sentence cut
    out."""
    runs: set[str] = set()
    for start, end in sentences:
        runs.update(_NAME_RUN.findall(source, start, end))
    for run in runs:
        # A run names, if anyone, the surname its last word gives (never an initial: a run
        # ends with a letter); ``_naming`` takes only words off the front.
        if _plain(run.split()[-1]) not in surnames:
            continue
        naming = _naming(run, vocabulary)
        if naming is None:
            continue
        person = people.setdefault(naming.surname, Person())
        if naming.first is not None:
            person.first_names.add(naming.first)
            person.introduced = True
        elif naming.titled:
            person.introduced = True


def _initial(word: str) -> bool:
    """Whether a word is a middle initial ("F.")."""
    return len(word) == 2 and word[1] == "." and word[0].isupper()


def _plain(word: str) -> str:
    """A name without its possessive ending ("Kerr's" -> "Kerr")."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _read(match: regex.Match, text: str, offset: int, vocabulary: Vocabulary, joined: set[str]) -> Post | None:
    """The post a form's match gives, or None when it is not a present post of one person;
    ``joined`` gets the surname of a person given a post held together with another."""
    groups = match.groupdict()
    words = [w for w in (groups["name"] or "").split() if not _initial(w)]
    while words and (words[0].rstrip(".") in HONORIFICS or words[0] in TITLES
                     or words[0].lower() in vocabulary.groups or words[0] in NOT_FIRST_NAMES):
        words.pop(0)
    if not words or len(words) > 3:
        return None
    surname = _plain(words[-1])
    first = words[0] if len(words) > 1 else None
    if surname in NOT_SURNAMES or _inside_longer_post(match, text, vocabulary):
        return None
    if groups.get("verb") and not _PRESENT.fullmatch(groups["verb"]):
        return None  # "who became", "who was appointed", "who has played for": a change or a past
    spelling = TEAM if groups.get("tnamed") else " ".join(groups["post"].lower().split())
    if spelling != TEAM and spelling not in vocabulary.groups:
        return None
    if _shifted(match, text, vocabulary):
        return None
    if spelling != TEAM and vocabulary.joined.search(text, max(0, match.start("post") - 40),
                                                         min(len(text), match.end("post") + 40)):
        joined.add(surname)
    org = _organisation(groups, vocabulary)
    statement = Statement(offset + match.start(), offset + match.end(), match.group())
    return Post(first, surname, spelling, org, statement)


#: Court reports give counsel their side with a participle: "Prosecuting, Eleanor Shaw said";
#: "Wendell Pryce, defending, told jurors". Each side to the post it is.
COUNSEL_SIDES = {"prosecuting": "prosecutor", "defending": "defence lawyer"}
_SIDE = r"(?P<side>(?i:prosecuting|defending))"
_COUNSEL_FORMS = (
    compiled(rf"(?<![\p{{L}}\p{{N}}]){_SIDE},[^\S\n]+{_NAME}(?=[^\S\n]+(?:said|says|told|argued|added|asked|"
             rf"explained|suggested|claimed|urged|described)\b)"),
    compiled(rf"(?<![\p{{L}}\p{{N}}]){_NAME},[^\S\n]+{_SIDE}[^\S\n]*,"),
)


def _counsel(source: str, spans: list[tuple[int, int]], inside: _QuoteIndex, vocabulary: Vocabulary
             ) -> Iterator[Post]:
    """The posts court reports give counsel by their side (``COUNSEL_SIDES``), in the sentences
    ``spans`` that hold one, outside quotations; none where the rule's posts do not list the
    side's post."""
    for start, end in spans:
        text = source[start:end]
        lower = text.lower()
        if "prosecuting" not in lower and "defending" not in lower:
            continue
        for form in _COUNSEL_FORMS:
            for match in form.finditer(text):
                spelling = COUNSEL_SIDES[match.group("side").lower()]
                words = [w for w in match.group("name").split() if not _initial(w)]
                while words and (words[0].rstrip(".") in HONORIFICS or words[0] in TITLES
                                 or words[0] in NOT_FIRST_NAMES):
                    words.pop(0)
                if spelling not in vocabulary.groups or not words or len(words) > 3:
                    continue
                surname = _plain(words[-1])
                if surname in NOT_SURNAMES or _shifted(match, text, vocabulary) \
                        or inside(start + match.start(), start + match.end()):
                    continue
                yield Post(words[0] if len(words) > 1 else None, surname, spelling, None,
                           Statement(start + match.start(), start + match.end(), match.group()))


def _inside_longer_post(match: regex.Match, text: str, vocabulary: Vocabulary) -> bool:
    """Whether the post read is the end of a longer one ("General" in "Attorney General")."""
    if match.groupdict().get("post") is None:
        return False
    word = _LAST_WORD.search(text[max(0, match.start("post") - 30): match.start("post")])
    return bool(word) and f"{word.group(1)} {match.group('post')}".lower() in vocabulary.groups


#: How far after a post a word of change is read: the verb right after an apposition.
_SHIFT_REACH = 25


def _shifted(match: regex.Match, text: str, vocabulary: Vocabulary) -> bool:
    """Whether a word near the post puts it at another time or marks a change: the match
    itself, a few words before it and the first words after it in its sentence ("X, the
    finance director, was named ..." changes the post in the verb after the apposition; "X,
    the oboist, said the money would go on new instruments" does not)."""
    before = text[max(0, match.start() - 30): match.start()]
    rest = text[match.end(): match.end() + _SHIFT_REACH]
    sentence_end = _SENTENCE_END.search(rest)
    after = rest[: sentence_end.start() if sentence_end else len(rest)]
    return any(vocabulary.shifts.search(part) for part in (before, match.group(), after))


def _organisation(groups: dict[str, str | None], vocabulary: Vocabulary) -> tuple[str, str] | None:
    """The organisation a post names: ("named", words) for a proper name, ("noun", class) for
    "the school's", None for none or "its"."""
    for key in ("bnamed", "bnamed2", "anamed", "aofnamed", "cnamed", "cofnamed", "tnamed"):
        value = groups.get(key)
        if value:
            words = [w for w in value.split() if w not in ("The", "of", "and", "&")]
            if words and not (len(words) == 1 and words[0] in NOT_FIRST_NAMES):
                return ("named", " ".join(_plain(w) for w in words))
    for key in ("bnoun", "anoun", "aofnoun", "cnoun", "cofnoun"):
        value = groups.get(key)
        if value:
            return ("noun", vocabulary.org_nouns.get(value.lower(), value.lower()))
    return None


class _QuoteIndex:
    """Whether a span lies inside one of the quotations (sorted spans)."""

    def __init__(self, quotes: list[tuple[int, int]]) -> None:
        self.quotes = sorted(quotes)
        self.starts = [s for s, _ in self.quotes]

    def __call__(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.starts, start) - 1
        return index >= 0 and self.quotes[index][0] <= start < self.quotes[index][1]


def conflicts(found: list[Post], people: dict[str, Person], vocabulary: Vocabulary) -> Iterator[Conflict]:
    """Each later post that cannot hold together with an earlier one of the same person."""
    kept: dict[str, list[Post]] = {}
    for post in found:
        person = people.get(post.surname)
        if person is None or person.joined or not _resolved(post, person):
            continue
        earlier_posts = kept.setdefault(post.surname, [])
        for earlier in earlier_posts:
            reason = _why(earlier, post, vocabulary)
            if reason:
                yield Conflict(earlier.statement, post.statement, reason)
                break
        if len(earlier_posts) < MAX_POSTS and all((p.spelling, p.org) != (post.spelling, post.org)
                                                  for p in earlier_posts):
            earlier_posts.append(post)


def _resolved(post: Post, person: Person) -> bool:
    """A surname stands for one person: introduced, and never with two first names."""
    if len(person.first_names) > 1:
        return False
    if post.first is not None and person.first_names and post.first not in person.first_names:
        return False
    return person.introduced


def _why(earlier: Post, later: Post, vocabulary: Vocabulary) -> str | None:
    """Why the two posts cannot both hold, in words; None when they can."""
    a, b = earlier.spelling, later.spelling
    team_a = a == TEAM or _in_team_family(a, vocabulary)
    team_b = b == TEAM or _in_team_family(b, vocabulary)
    if team_a and team_b:
        if (earlier.org and later.org and earlier.org[0] == later.org[0] == "named"
                and not set(earlier.org[1].split()) & set(later.org[1].split())):
            return (f"{later.surname} plays for {earlier.org[1]} in '{earlier.statement.text}' and for "
                    f"{later.org[1]} in '{later.statement.text}'; a player belongs to one team at a time")
        return None
    if a == TEAM or b == TEAM or not _same_organisation(earlier.org, later.org):
        return None
    groups_a, groups_b = vocabulary.groups[a], vocabulary.groups[b]
    if groups_a & groups_b:
        return None  # one post, two spellings
    families_a = {family for family, _ in groups_a}
    if any(family in families_a for family, _ in groups_b):
        return (f"{later.surname} is called {vocabulary.names[a]} in '{earlier.statement.text}' and "
                f"{vocabulary.names[b]} in '{later.statement.text}'; one person cannot hold both posts at once")
    return None


def _in_team_family(spelling: str, vocabulary: Vocabulary) -> bool:
    return any(family in vocabulary.team_families for family, _ in vocabulary.groups.get(spelling, ()))


def _same_organisation(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    """Whether two posts are posts of one organisation: none named for either, the same proper
    name, or a common noun and none or a noun of the same class ("the group", "the company")."""
    if a is None or b is None:
        return (a or b or ("noun", ""))[0] == "noun"
    if a[0] != b[0]:
        return False
    if a[0] == "noun":
        return a[1] == b[1]
    return bool(set(a[1].split()) & set(b[1].split()))
