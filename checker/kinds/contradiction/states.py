"""States of the things an article names, and pairs of them that cannot both hold.

"The swing bridge ... reopened to traffic" ... "while the bridge remains shut"; "Nicola
Carbone, who was acquitted in 2021" ... "Since his conviction, Carbone"; "Marcus Delaney,
an unarmed 34-year-old" ... "Delaney, who was carrying a pistol"; "no one was hurt" ... "the
injured driver". A sentence is cut into clauses (at punctuation and at words such as
"while", "who"); in each, a word of the lexicon (``lexicon``: WordNet's antonyms and the
rule's own pairs) gives a state to a thing:

- a participle or adjective after "is", "was", "remains", "was found" ... ("the bridge
  remains shut"), negated or not, of the clause's subject or of the noun phrase after a
  reporting word ("rescuers said the pilot was alive"); "no one" denies it of everyone;
- a verb with no object after it ("the bridge reopened to traffic"); a verb's definite or
  possessed object ("the council rejected the plan": the plan; "kept her seat": her seat);
- an adjective before a noun ("the drunk driver": the driver), or opening an apposition
  ("Marcus Delaney, an unarmed 34-year-old"; "the viaduct, closed since the flood,");
- a noun naming a verb's act after a possessive ("his conviction": the man named next);
- a weapon carried, held or fired ("carrying a pistol": armed).

A thing is a name (known by its last word, "Carbone"; a surname two people share is no key)
or a noun's head ("the swing bridge": bridge), resolved back through "who", "which" and
"he", "she". The headline is read as headlines are written: a capital opens a noun phrase
("Swing bridge reopens"), a plain verb and an object without an article are a claim ("Board
backs merger"), and no tense is read. Two states of one thing clash when one's lemma is the
other's antonym, or the same lemma is negated once. Left alone: questions, hedges,
conditionals, quotations, claims disputed in the sentence ("denied", "insisted"), a change
cue ("again", "now", "later", "no longer", "on appeal"), two stated times, two events
(both may have happened) unless neither is timed and both name who did them, an event at a
time against a later state without "remains", a "re-" verb (changed back), a past state
against a present one, a past perfect against a plain tense, two agents ("rejected by the
judge", "approved by the lawyers"), states qualified differently ("safe to drink", "safe for
children"), nouns whose modifiers disagree ("the north bridge", "the south bridge"), and a
state the article has already given the thing.

Linear in the article: each sentence's words are looked up in a set, only a sentence holding
a word of the lexicon is cut into clauses, and earlier states are indexed by (thing, lemma,
polarity) and by (thing, an opposite lemma), so a later state looks up the few keys that
would clash with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import regex

from checker.kinds.contradiction import Conflict, Searcher, Statement
from checker.kinds.contradiction.counts import STOPWORDS, lemma
from checker.kinds.contradiction.lexicon import Lexicon
from checker.kinds.contradiction.numbers import NUMBER_WORDS
from checker.patterns.compiled import compiled

#: Where a clause ends: punctuation, or a word that opens another clause ("and" only before a
#: determiner or a pronoun: not "the line between Alder and Brooke").
_CLAUSE_BREAK = compiled(r"[,;:()\[\]—–]|\s-\s|\band\b(?=\s+(?:the|a|an|no|nobody|none|he|she|it|they|his|her|its|"
                         r"their|all|some|many|most|several)\b)|\b(?:but|while|whereas|when|after|before|because|as|since|until|"
                         r"although|though|who|which|where|whose|if|unless|so|then)\b")
_WORD = compiled(r"\p{L}[\p{L}'’-]*")
#: A copula or a verb of remaining, with a negation or "still" after it, right before a state.
_COPULA = compiled(r"\b(?:is|are|was|were|be|been|being|remains?|remained|stays?|stayed|became|becomes?|"
                   r"seemed|appeared|lay|left|kept)\b(?:\s+(?:not|never|still|also|all|now|no\s+longer))*"
                   r"(?:\s+\p{Ll}+(?:ed|en|nd|wn|ft|ht))?\s+$"  # "was released unharmed", "was found dead"
                   r"|n[’']t\s+(?:be\s+|been\s+)?$", regex.IGNORECASE)
_NEGATION = compiled(r"\b(?:not(?!\s+only\b)|never|no\s+longer)\b|n[’']t\b(?!\s+only\b)", regex.IGNORECASE)
_REMAINS = compiled(r"\b(?:remains?|remained|stays?|stayed|still)\b", regex.IGNORECASE)
#: A state in an infinitive is wanted, ordered or planned, not told ("ordered her to be held").
_INFINITIVE = compiled(r"\bto\s+(?:be\s+|have\s+been\s+)?$", regex.IGNORECASE)
_PERFECT = compiled(r"\bhad\b(?:\s+(?:not|never))?\s+(?:been\s+)?(?:\p{L}+\s+)?$", regex.IGNORECASE)
#: What may follow a verb with no object: the end of its clause, or a preposition or an
#: adverb opening a circumstance ("reopened to traffic on Monday", "closed early").
_NO_OBJECT_AFTER = compiled(r"\s*(?:$|[.,;:!?)]|(?:to|on|in|at|for|after|before|during|with|by|from|until|"
                            r"over|under|amid|despite|following|last|this|yesterday|today|again|early|late|"
                            r"overnight|\p{L}+ly)\b)")
_POSSESSIVE = compiled(r"\b(?:(?P<pronoun>his|her|their)|(?P<name>\p{Lu}\p{Ll}[\p{L}-]*)['’]s)\s+(?:\p{L}+\s+)?$")
_CARRY = compiled(r"\b(?:carr(?:y|ying|ied|ies)|hold(?:ing|s)?|held|brandish(?:ing|ed)?|wield(?:ing|ed)?|"
                  r"armed\s+with|pointed|pointing|fired|firing)\s+(?:(?:a|an|the|his|her|two|\p{L}+-?)\s+){0,3}$",
                  regex.IGNORECASE)
#: A sentence that says a state changed, or disputes a claim.
_CHANGE = compiled(r"\b(?:again|now|later|since\s+then|no\s+longer|any\s+more|anymore|subsequently|eventually|"
                   r"afterwards|then|at\s+(?:that|the)\s+time|on\s+appeal|overturned|quashed|reversed|retrial|until|denie[sd]|deny|disputed?|"
                   r"insist(?:s|ed)?|claim(?:s|ed)?|alleg\p{L}*|accus\p{L}*|contradict\p{L}*)\b", regex.IGNORECASE)
_TIME = compiled(r"\b(?:(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|"
                 r"July|August|September|October|November|December|(?:19|20)\d\d|yesterday|today|tonight|tomorrow|"
                 r"(?:last|this|next|that)\s+(?:year|month|week|season|spring|summer|autumn|winter|morning|night)|"
                 r"ago|earlier|previously|first|(?:second|third)(?=\s+(?:time|day|week|month|year|round|half|quarter|night|"
                 r"attempt|vote|ballot|poll|reading|hearing|term|stage|leg|match|game|test|trial|bid))|"
                 r"initially|once|weekdays?|weekends?|daily|noon|midnight|dawn|"
                 r"(?:in\s+the\s+)?(?:morning|afternoon|evening)|(?:at|that|last)\s+night)\b")
_DETERMINER = frozenset({"the", "a", "an", "this", "that", "its", "their"})
_NUMBERS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "some",
                      "many"})
_PRONOUNS = frozenset({"he", "she"})
_CAPITAL_STOPWORDS = frozenset(word.capitalize() for word in STOPWORDS)
#: Modifiers that make a noun another thing of its kind ("the other bridge", "the new stadium").
_OTHER = frozenset({"other", "another", "new", "old", "former", "first", "second", "third", "last", "next",
                    "previous", "original", "same"})
#: Words that end a noun phrase read as a subject (a verb, an auxiliary, a preposition).
_NOT_IN_SUBJECT = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
                             "did", "does", "do", "be", "been", "remains", "remained", "stays", "stayed", "not",
                             "never", "still", "also", "said", "says", "against", "about", "into", "through", "over",
                             "under", "between", "among", "across", "toward", "towards", "near", "within", "without",
                             "behind", "beyond", "during", "despite", "amid", "who", "which", "whose"})


@dataclass(frozen=True)
class State:
    key: str
    #: The thing's modifiers ("swing" of "the swing bridge"): two sets that share none name two things.
    modifiers: frozenset[str]
    lemmas: frozenset[str]
    negated: bool
    statement: Statement
    sentence: int
    #: The stated times of its sentence ("on Monday", "in 2021"), as written, lower case.
    times: frozenset[str]
    #: An event (an active verb, an act: "reopened", "his arrival"), not a state ("remains shut",
    #: "was acquitted", "unarmed"): two events may both have happened, at two times.
    event: bool
    #: An event told at a time of its own ("reopened on Tuesday").
    timed_event: bool
    perfect: bool
    remains: bool
    #: What qualifies the state ("safe to drink", "safe for children"): the words of a
    #: phrase opened by a preposition right after it, lower case; empty when none.
    complement: tuple[str, ...] = ()
    #: "present" ("is open", "reopens"), "past" ("was closed", "reopened") or "" (an adjective
    #: before a noun, an act).
    tense: str = ""
    #: Who gave it the state ("the council rejected the plan", "approved by the council"), or "".
    agent: str = ""


@dataclass
class _Names:
    """The people and things named so far: a surname to the full names that end with it, and
    the last person named (for "he", "his")."""

    full: dict[str, set[str]]
    last: str | None = None
    #: The first words of a longer name, two or more, to its key: "Tallow Brae" is the "Tallow
    #: Brae Primary" named before.
    shortened: dict[str, str] = field(default_factory=dict)

    def key(self, name: str) -> str | None:
        words = name.split()
        lower = " ".join(words).lower().replace("’", "'")
        if lower in self.shortened:
            return self.shortened[lower] or None  # "" when two longer names start so
        surname = words[-1].lower().replace("’", "'")
        for size in range(2, len(words)):
            start = " ".join(lower.split()[:size])
            self.shortened[start] = surname if self.shortened.get(start, surname) == surname else ""
        known = self.full.setdefault(surname, set())
        if len(words) > 1 and not any(_ends(other, lower) for other in known):
            known.difference_update([other for other in known if _ends(lower, other)])
            known.add(lower)
        if len(known) > 1:
            return None  # two people of one surname ("Ruth Ames" is "Senator Ruth Ames")
        self.last = surname
        return surname


def _ends(name: str, part: str) -> bool:
    """``name`` is ``part`` or ends with its words ("senator ruth ames", "ruth ames")."""
    return name == part or name.endswith(" " + part)


def states_in(source: str, sentences: Iterable[tuple[int, int]], lexicon: Lexicon, hedges: Searcher,
              in_quote: Callable[[int, int], bool], title: tuple[int, int] | None = None) -> list[State]:
    """The states the sentences give, in order. In the headline (``title``), which drops
    articles and tells the past in the present, a capital opens a noun phrase ("Swing bridge
    reopens"), a verb's object needs no "the" ("Board backs merger") and no tense is read."""
    names = _Names({})
    found: list[State] = []
    for number, (start, end) in enumerate(sentences):
        text = source[start:end]
        in_title = title is not None and title[0] <= start < title[1]
        for index, name in enumerate(_NAME.findall(text)):
            # A single capitalised word opening the sentence may be any word ("Since", "Rescuers").
            if name.split(None, 1)[0] not in _CAPITAL_STOPWORDS and (index or " " in name or not text.startswith(name)):
                names.key(name)
        # A set look-up of the small-letter words: a sentence with none of the lexicon's
        # words (most) is read no further.
        # (A headline's plain verb is a claim: "Drivers accept pay offer".)
        readable = lexicon.forms.keys() | lexicon.words if in_title else lexicon.words
        pattern = _TITLE_WORD if in_title else _SMALL_WORD  # "Unarmed man shot by police"
        phrases = [] if lexicon.phrases is None else list(lexicon.phrases.finditer(text))  # "ruled out"
        if (readable.isdisjoint(pattern.findall(text.lower() if in_title else text)) and not phrases) or (
                text.rstrip().endswith("?") or _CHANGE.search(text)):
            continue
        if in_title:
            words = [m for m in pattern.finditer(text) if m.group(0).lower() in readable]
        else:
            words = [m for m in pattern.finditer(text) if m.group(0) in readable and _may_state(m, text, lexicon)]
        if phrases:
            # A phrasal verb's verb is read with its particle, not alone ("ruled out", not "ruled").
            starts = {m.start() for m in phrases}
            words = sorted([m for m in words if m.start() not in starts]
                           + [m for m in phrases if _may_state(m, text, lexicon)], key=lambda m: m.start())
        if not words:
            continue
        antecedent: tuple[str, frozenset[str]] | None = None
        previous, previous_opener = "", ""
        #: The times of a sentence's opening clause when it gives no state ("On Monday, ..."): they
        #: time every clause after it. A time in a clause of its own times that clause alone
        #: ("Last year's mayor attended, but Sowerby declined").
        lead: frozenset[str] = frozenset()
        for number_of_clause, (clause_start, clause_end, opener) in enumerate(_clauses(text)):
            clause = text[clause_start:clause_end]
            inside = [m for m in words if clause_start <= m.start() < clause_end]
            if not inside:
                if number_of_clause == 0:
                    lead = _times(clause)
                if not _apposition(clause, previous_opener, opener):
                    previous = clause
                previous_opener = opener
                continue
            # What a "who" or an apposition refers to: the thing the clause before ends on.
            antecedent = _last_thing(previous, names) or antecedent
            previous, previous_opener = clause, opener
            times = lead | _times(clause)
            for match in inside:
                subject = _subject(text[clause_start:match.start()], opener, antecedent, names, in_title)
                absolute = start + match.start()
                if in_quote(absolute, start + match.end()):
                    continue
                before = text[max(clause_start, match.start() - 40):match.start()]
                if hedges.search(before) or _INFINITIVE.search(before):
                    continue
                state = _state(text, clause_start, match, lexicon, subject, antecedent, opener, names, in_title)
                if state is None:
                    continue
                key, modifiers, lemmas, negated, event, agent = state
                if negated and _NOT_UNTIL.match(text, match.end()):
                    continue  # "was not closed before noon": a when, not a denial
                negated = negated != (key == EVERYONE)
                statement = Statement(start + clause_start, start + clause_end,
                                      text[clause_start:clause_end].strip())
                by = _BY.match(text, match.end())
                if not agent and by and NUMBER_WORDS.isdisjoint(by.group(0).lower().split()):
                    agent = lemma(by.group(1).lower())  # "approved by the council", not "by three votes"
                found.append(State(key, modifiers, lemmas, negated, statement, number, times, event,
                                   event and bool(times), _PERFECT.search(before) is not None,
                                   _REMAINS.search(before) is not None,
                                   _complement(text[match.end():clause_end]),
                                   "" if in_title else _tense(before, match.group(0), event), agent))
    return found


def _times(clause: str) -> frozenset[str]:
    """The stated times of a clause ("on Monday", "in 2021"), as written, lower case."""
    return frozenset(" ".join(m.group(0).lower().split()) for m in _TIME.finditer(clause))


def _apposition(clause: str, previous_opener: str, opener: str) -> bool:
    """A clause set between commas after a name, saying what it is ("Tallow Brae Primary, the
    district's largest, was open"): the clause after it is still about the name."""
    words = _WORD.findall(clause)
    return (opener == "," and previous_opener != "," and len(words) <= 6 and bool(words)
            and words[0].lower() in ("the", "a", "an", "its", "his", "her", "their"))


#: "No one was hurt": a state denied of every one (the key ``EVERYONE``).
_NO_ONE = compiled(r"\s*(?:[Nn]o(?:\s+|-)one|[Nn]obody)\b")
EVERYONE = "*"
_COMPLEMENT = compiled(r"\s+(to|for|of|about|with|from|against|towards?)\s+[^,;.:!?]{1,40}?(?=\s+(?:on|in|at|by|after|"
                       r"before|during|since|until|when|while)\b|[,;.:!?]|$)", regex.IGNORECASE)
_NOT_UNTIL = compiled(r"[^,;.:!?]*?\b(?:until|till|before|yet)\b")
#: A definite object after a verb: "the plan", "the charges" (up to its end).
#: An indefinite one introduces the thing ("accepted an invitation", "ruled out a second runway").
_DONE_TO = compiled(r"\s+(?:[Tt]he|(?P<owner>his|her|their|its)|(?P<indefinite>an?))"
                    r"\s+[\p{Ll}-]+(?:\s+[\p{Ll}-]+){0,2}")
_BY = compiled(r"\s+by\s+(?:the\s+)?(?:\p{L}+\s+){0,2}?(\p{L}+)(?=\s*(?:$|[,;.:!?]|\s(?:on|in|at|for|after|before)\b))")
_PRESENT = compiled(r"\b(?:is|are|remains?|stays?|becomes?|seems?|appears?)\b(?:\s+\p{L}+)?\s+$", regex.IGNORECASE)
_PAST = compiled(r"\b(?:was|were|remained|stayed|became|seemed|appeared)\b(?:\s+\p{L}+)?\s+$", regex.IGNORECASE)
#: A headline's object: the words after its verb up to a preposition ("merger", "pay offer").
_TITLE_OBJECT = compiled(r"\s+[\p{L}-]+(?:\s+[\p{L}-]+){0,2}")
#: What a noun phrase a clause ends on looks like: "the pilot", "the swing bridge", "Maas".
_ENDING_PHRASE = compiled(r"(?:\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat)\s+(?P<phrase>(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)"
                          r"|(?<![\p{L}’'-])(?P<name>\p{Lu}\p{Ll}[\p{L}’'-]*))\s*$")
_REPORTED = compiled(r"\b(?:said|says|say|told|tells|reported|added|believes?|believed|thinks?|thought|that)\s+$")
#: Whose act a possessive names, just after it: "his conviction, Carbone" / ", the builder".
_AHEAD = compiled(r"[\s,]+(?:(?P<name>\p{Lu}\p{Ll}[\p{L}’'-]*)|[Tt]he\s+(?P<noun>\p{Ll}[\p{L}-]*)"
                  r"(?=\s+(?:has|had|is|was|were|are|will|would|\p{Ll}+ed)\b))")
_NOUN_AFTER = compiled(r"\s+([\p{Ll}\d][\p{L}\d-]*)")
_ARTICLE_BEFORE = compiled(r"\b(?i:the|an?|two|three|four|five|six|seven|eight|nine|ten|several|some|many|\d+)\s+$")
_TITLE_WORD = compiled(r"(?<![\p{L}-])[A-Za-z][a-z]*(?![\p{L}-])")
_SMALL_WORD = compiled(r"(?<![\p{L}-])[a-z]+(?![\p{L}-])")
_LAST_NAME = compiled(r"\p{Lu}\p{Ll}[\p{L}’'-]*(?:\s+(?:\p{Lu}{2,4}\s+)?\p{Lu}\p{Ll}[\p{L}’'-]*)*$")
#: A name of two words or more ending a subject, its verb's auxiliaries after it ("Transport
#: minister Orla Fennimore has").
_NAME_BEFORE_VERB = compiled(r"(?<=\p{Ll}\s+)(?P<name>\p{Lu}\p{Ll}[\p{L}’'-]*(?:\s+\p{Lu}\p{Ll}[\p{L}’'-]*)+)"
                             r"(?:\s+(?:has|have|had|was|were|is|are|did|does|not|never|also|then|only|n[’']t))*\s*$")
#: A name: capitalised words, with a short title in capitals among them ("Veteran MP Carla Dunn").
_NAME = compiled(r"\p{Lu}\p{Ll}[\p{L}’'-]*(?:\s+(?:\p{Lu}{2,4}\s+)?\p{Lu}\p{Ll}[\p{L}’'-]*)*")


#: A copula or an auxiliary shortly before a verb form ("was found", "has not been", "did not").
_AUXILIARY_BEFORE = compiled(r"(?:\b(?:is|are|was|were|be|been|being|remains?|remained|stays?|stayed|became|becomes?|"
                             r"seemed|appeared|lay|left|kept|has|have|had|did|does|do|not|never|still|also|all|"
                             r"now|longer)|n[’']t)"
                             r"\s+(?:\p{Ll}+\s+)?$", regex.IGNORECASE)


def _may_state(match: regex.Match, text: str, lexicon: Lexicon) -> bool:
    """A quick look at a word's neighbours before any clause is cut: a verb form gives a state
    only after a copula, an auxiliary or a comma, or before no object or a definite one; a
    noun of an act only after a possessive ("his conviction"). Adjectives and weapons may
    anywhere."""
    word = match.group(0)
    what = lexicon.forms[word][1] if word in lexicon.forms else "weapon"
    if what in ("adjective", "weapon"):
        return True
    start = match.start()
    if what == "act":
        return _POSSESSIVE.search(text, max(0, start - 30), start) is not None
    return (_AUXILIARY_BEFORE.search(text, max(0, start - 30), start) is not None
            or text[:start].rstrip().endswith(",")
            or _NO_OBJECT_AFTER.match(text, match.end()) is not None
            or _DONE_TO.match(text, match.end()) is not None)


def _tense(before: str, word: str, event: bool) -> str:
    if _PRESENT.search(before):
        return "present"
    if _PAST.search(before):
        return "past"
    if event:
        return "present" if word.endswith("s") else "past"
    return ""


def _complement(after: str) -> tuple[str, ...]:
    phrase = _COMPLEMENT.match(after)
    if phrase is None:
        return ()
    return tuple(w.lower() for w in _WORD.findall(phrase.group(0)) if w.lower() not in STOPWORDS) or (
        phrase.group(1).lower(),)


def _clauses(text: str) -> list[tuple[int, int, str]]:
    """(start, end, the word or mark that opened it) of each clause."""
    found = []
    at, opener = 0, ""
    for cut in _CLAUSE_BREAK.finditer(text):
        found.append((at, cut.start(), opener))
        at, opener = cut.end(), cut.group(0).lower()
    found.append((at, len(text), opener))
    return [item for item in found if not text[item[0]:item[1]].isspace() and item[1] > item[0]]


def _subject(clause: str, opener: str, antecedent: tuple[str, frozenset[str]] | None,
             names: _Names, in_title: bool = False) -> tuple[str, frozenset[str]] | None:
    """The thing a clause is about: its first noun phrase, or, in a clause opened by "who" or
    "which" or in an apposition ("an unarmed 34-year-old"), the thing named before it."""
    if opener in ("who", "which"):
        return antecedent
    words = _WORD.findall(clause)
    if not words or words[0].lower() in _NOT_IN_SUBJECT:  # "The driver, Tom Reyes, was arrested"
        return antecedent if opener == "," else None
    first = words[0]
    if _NO_ONE.match(clause):
        return EVERYONE, frozenset()
    if first.lower() in _PRONOUNS:
        return (names.last, frozenset()) if names.last else None
    if first.lower() in ("a", "an") and opener == ",":
        return antecedent
    if in_title and len(words) > 1 and words[1].islower():
        phrase = []  # "Swing bridge", "Coach driver was": a noun phrase, its capital the headline's
        for word in words[:5]:
            if word.lower() in STOPWORDS or word.lower() in _NOT_IN_SUBJECT:
                break
            phrase.append(word.lower())
        if len(phrase) > 1:
            return lemma(phrase[-1]), frozenset(phrase[:-1])
    if first[0].isupper() and first.lower() not in STOPWORDS and first.lower() not in _NUMBERS:
        named = _NAME_BEFORE_VERB.search(clause)
        if named and named.start() > 0 and not in_title:
            # "Transport minister Orla Fennimore ruled out": the name right before the verb.
            key = names.key(named.group("name"))
            return (key, frozenset()) if key else None
        name = _NAME.match(clause.lstrip())
        if name and not clause.lstrip()[name.end():].startswith(("'s", "’s")):
            key = names.key(name.group(0))
            return (key, frozenset()) if key else None
        return None
    bare = first.islower() and first.endswith("s") and first not in STOPWORDS
    if first.lower() in _DETERMINER or bare:  # "the union", "members" (a bare plural)
        phrase = []
        for word in words[0 if bare else 1:6]:
            low = word.lower()
            if low in _NOT_IN_SUBJECT or low in STOPWORDS or low.endswith(("n't", "n’t")):
                break
            phrase.append(low)
        if len(phrase) > 1 and phrase[-1].endswith("ed"):
            phrase.pop()  # "the suspect fired": a verb after the noun
        if phrase:
            return lemma(phrase[-1]), frozenset(phrase[:-1])
    return None


def _nearest(before: str, names: _Names) -> tuple[str, frozenset[str]] | None:
    """The noun phrase a text ends on after a word such as "said" or "that": "police said the
    pilot" -> pilot; None when the text is the clause's own subject or ends otherwise."""
    found = _ENDING_PHRASE.search(before)
    if found is None or not _REPORTED.search(before, 0, found.start()):
        return None
    if found.group("name"):
        key = names.key(found.group("name"))
        return (key, frozenset()) if key else None
    words = found.group("phrase").lower().split()
    return lemma(words[-1]), frozenset(words[:-1])


def _title_object(phrase: str) -> tuple[str, frozenset[str]] | None:
    words = []
    for word in _WORD.findall(phrase):
        if word.lower() in STOPWORDS:
            break
        words.append(word.lower())
    return (lemma(words[-1]), frozenset(words[:-1])) if words else None


def _last_thing(clause: str, names: _Names) -> tuple[str, frozenset[str]] | None:
    """The thing a clause ends on, which a "who" or an apposition after it refers to."""
    stripped = clause.rstrip()
    name = _LAST_NAME.search(stripped)
    if name and name.group(0).split()[0].lower() not in STOPWORDS:
        key = names.key(name.group(0))
        return (key, frozenset()) if key else None
    if len(stripped) < 40 and _WORD.findall(stripped)[:1] and _WORD.findall(stripped)[0].lower() == "the":
        return _subject(stripped, "", None, names)  # "The plan, which was approved"
    return None


def _state(text: str, clause_start: int, match: regex.Match, lexicon: Lexicon,
           subject: tuple[str, frozenset[str]] | None, antecedent: tuple[str, frozenset[str]] | None,
           opener: str, names: _Names, in_title: bool = False,
           ) -> tuple[str, frozenset[str], frozenset[str], bool, bool, str] | None:
    """(key, modifiers, lemmas, negated, an event with no lasting state, who did it when the key
    is the verb's object) of one lexicon word, or None."""
    word = match.group(0)
    before = text[clause_start:match.start()]
    after = text[match.end():]
    low = word.lower()
    if lexicon.is_weapon(low):
        if subject is None or not _CARRY.search(before):
            return None
        return subject[0], subject[1], frozenset({"armed"}), False, False, ""
    known = lexicon.forms.get(low)
    if known is None:
        return None
    lemmas, what = known
    if what == "act":
        owner = _POSSESSIVE.search(before)
        if owner is None:
            return None
        if owner.group("pronoun"):
            # "Since his conviction, Carbone ...", "Since his acquittal, the builder ...".
            ahead = _AHEAD.match(text, match.end())
            if ahead and ahead.group("name"):
                key = names.key(ahead.group("name"))
            elif ahead:
                key = lemma(ahead.group("noun"))
            else:
                key = names.last
        else:
            key = names.key(owner.group("name"))
        return (key, frozenset(), lemmas, False, True, "") if key else None
    if opener == "," and not before.strip() and what in ("participle", "adjective") and antecedent:
        return antecedent[0], antecedent[1], lemmas, False, False, ""  # "The bridge, closed since March,"
    copula = _COPULA.search(before)
    if copula:
        if what == "verb":
            return None  # "was win"
        # "Rescuers said the pilot was alive": the noun phrase right before the copula.
        subject = _nearest(before[:copula.start()], names) or subject
        if subject is None:
            return None
        negated = _NEGATION.search(before, max(0, copula.start() - 12)) is not None  # "has not been"
        return subject[0], subject[1], lemmas, negated, False, ""
    noun = _NOUN_AFTER.match(after)
    if what == "adjective" and noun and noun.group(1) not in STOPWORDS and noun.group(1) not in lexicon.forms:
        # An adjective before its noun: in an apposition ("Marcus Delaney, an unarmed
        # 34-year-old"), the thing named before; else the noun ("the drunk driver").
        if opener == "," and before.strip().lower() in ("a", "an") and antecedent:
            return antecedent[0], antecedent[1], lemmas, False, False, ""
        if _ARTICLE_BEFORE.search(before) or (in_title and not before.strip()):  # "Unarmed man shot"
            head = noun.group(1)
            # "empty five-storey building"; in a headline, whose verbs are bare, the first noun ("man shot")
            for word in _WORD.finditer(after, noun.end(), noun.start() if in_title else noun.end() + 40):
                if word.start() != noun.end() + 1 and not after[noun.end():word.start()].isspace():
                    break
                low_word = word.group(0)
                if (not low_word.islower() or low_word in STOPWORDS or low_word in _NOT_IN_SUBJECT
                        or low_word.endswith(("ed", "n't", "n’t"))
                        or lexicon.forms.get(low_word, (None, "act"))[1] != "act"):
                    break  # "the empty warehouse burned": a verb after the noun
                head = low_word
                noun = word
            return lemma(head), frozenset(), lemmas, False, False, ""
        return None
    if subject is None:
        return None
    if what in ("verb", "participle") and _NO_OBJECT_AFTER.match(after):
        # "the bridge reopened to traffic": the verb right after its subject, no object.
        words = _WORD.findall(before)
        negation = _NEGATION.search(before)
        auxiliaries = [w for w in words if w.lower() in ("did", "does", "do", "has", "have", "had", "not", "never")]
        subject_words = len(words) - len(auxiliaries)
        if subject_words > 12 or (negation is None and what == "verb" and low == next(iter(lemmas))):
            return None  # "the bridge ... open": a bare verb is no claim without "did not"
        return subject[0], subject[1], lemmas, negation is not None, True, ""
    done = (_TITLE_OBJECT if in_title else _DONE_TO).match(after)
    finite = what in ("participle", "adjective") or (what == "verb" and (in_title or low not in lemmas))
    if finite and done and (_WORD.findall(before) or opener in ("who", "which")) and not _COPULA.search(before):
        # "the council rejected the plan": the plan is rejected (an event, as "reopened" is).
        if in_title:
            head = _title_object(done.group(0))
        elif done.group("owner"):  # "kept her seat": the seat of the one who kept it
            head = _subject("the" + done.group(0)[done.end("owner") - done.start():], "", None, names)
            head = (f"{head[0]}@{subject[0]}", head[1]) if head and subject else None
        else:
            head = _subject(done.group(0), "", None, names)
            if head is not None and done.group("indefinite"):
                # "a second runway" is the one "the runway" later names: its "second" tells it
                # from runways the article does not speak of.
                head = (head[0], head[1] - _OTHER)
        if head is None or _NEGATION.search(before):
            return None
        return head[0], head[1], lemmas, False, True, lemma(subject[0]) if subject else ""
    return None


def conflicts(states: list[State], lexicon: Lexicon) -> Iterator[Conflict]:
    """Each state against the first earlier state of the same thing it cannot hold with."""
    #: (thing, lemma, negated) -> the first state saying so; (thing, lemma) -> the first state
    #: that cannot hold with that lemma (antonymy is read both ways: "shut" / "opened", "open").
    first: dict[tuple[str, str, bool], State] = {}
    against: dict[tuple[str, str], State] = {}
    for later in states:
        keys = [(later.key, lemma_, not later.negated) for lemma_ in later.lemmas]
        if not later.negated:
            keys += [(later.key, other, False) for lemma_ in later.lemmas for other in lexicon.opposite.get(lemma_, ())]
            keys += [(EVERYONE, lemma_, True) for lemma_ in later.lemmas]
        found = [first.get(key) for key in keys]
        if not later.negated:
            found += [against.get((later.key, lemma_)) for lemma_ in later.lemmas]
        agreed = any((later.key, lemma_, later.negated) in first for lemma_ in later.lemmas)
        for earlier in found:
            if agreed or earlier is None or earlier.sentence == later.sentence or not _compatible(earlier, later):
                continue  # agreed: the article has already said so ("rejected ..., but accepted it in a second vote")
            yield Conflict(earlier.statement, later.statement,
                           f"'{earlier.statement.text}' against '{later.statement.text}'")
            break
        for lemma_ in later.lemmas:
            first.setdefault((later.key, lemma_, later.negated), later)
            if not later.negated:
                for other in lexicon.opposite.get(lemma_, ()):
                    against.setdefault((later.key, other), later)


def _compatible(earlier: State, later: State) -> bool:
    """Whether two states of one key may be read as of one thing at one time."""
    if earlier.agent and later.agent and earlier.agent != later.agent:
        return False  # "rejected by the judge", "approved by the lawyers": two say different things
    if earlier.tense and later.tense and earlier.tense != later.tense and not later.remains:
        return False  # "was closed on Sunday", "is open": a state then and one now
    if earlier.event and earlier.times and not later.remains:
        return False  # "closed the bridge in March", "was reopened": it may have changed since
    if any(lemma_.startswith("re") and lemma_[2:] in later.lemmas for lemma_ in later.lemmas) and not later.remains:
        return False  # "reopened": changed back
    if any(lemma_.startswith("re") and lemma_[2:] in earlier.lemmas for lemma_ in earlier.lemmas) and (
            later.times or later.tense == "past"):
        return False  # "Coast road reopens" ... "the road was closed on January 8": the state before
    if earlier.key == EVERYONE and later.times:
        return False  # "no one was hurt", "an injured walker ... last week"
    if earlier.modifiers and later.modifiers and not earlier.modifiers & later.modifiers:
        return False
    if (earlier.modifiers | later.modifiers) & _OTHER:
        return False
    if earlier.complement and later.complement and earlier.complement != later.complement:
        return False  # "safe to drink", "not safe for children"
    if earlier.times and later.times and earlier.times != later.times and not later.remains:
        return False
    if earlier.event and later.event and (earlier.times or later.times or not (earlier.agent and later.agent)):
        return False  # two events, at two times or by anyone: both may have happened
    return not (later.timed_event or earlier.perfect != later.perfect)
