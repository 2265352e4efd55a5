"""A claim and its negation, or its antonym, about the same subject and object.

"The Kremlin did not confirm the report" ... "The Kremlin confirmed the report";
"the council approved the plan" ... "the council rejected the plan". A clause is read as a
subject (a name, or "the" and a noun), an optional negation, a verb and what follows it up
to the next punctuation. Two clauses conflict when subject, verb (or an antonym pair) and
object agree and the polarity differs. Objects agree when their content words do, or when
they name one noun and what one says of it is among what the other says ("the pay offer",
"the council's offer": an owner aside, unless both name one). Questions, conditionals and
hedged clauses ("may", "would", "if") are left alone, as are objects of one noun that say
different things of it ("the housing plan", "the transport plan") or mark one as another
("the improved offer").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from checker.kinds.contradiction import Conflict, Searcher, Statement
from checker.kinds.contradiction.counts import STOPWORDS
from checker.patterns.compiled import compiled
from checker.patterns.trie import literal_alternation

#: A subject's leading article ("The Kremlin" is "kremlin").
_LEADING_THE = compiled(r"^(?i:the)\s+")

#: A subject's words stay on one line: a scraped line break ends a caption or a label, and
#: "Brother-in-law\nRoger Clinton" is not one name.
_SUBJECT = (r"(?P<subject>(?:[Tt]he[^\S\n]+)?\p{Lu}[\p{L}.'’-]*(?:[^\S\n]+\p{Lu}[\p{L}.'’-]*){0,3}"
            r"|[Tt]he[^\S\n]+[a-z][\p{L}-]*"
            r"(?:[^\S\n]+(?!(?:is|are|was|were|has|have|had|did|does|do|never)\b)[a-z][\p{L}-]*)?)")
_NEGATION = r"(?P<neg>(?:did|does|do|has|have|had)\s*(?:not|n[’']t)|never|(?:did|has|have)\s+never)"
_AUX = r"(?:(?:has|have|had)\s+)?"
#: The passive: "was (not) closed", "were never charged", "has (not) been approved", "isn't".
_PASSIVE = (r"(?P<passive>(?:is|are|was|were)(?P<pneg>\s*n[’']t|\s+not|\s+never)?"
            r"|(?:has|have|had)(?P<bneg>\s*n[’']t|\s+not|\s+never)?\s+been)")
#: "did not approve the plan until Friday", "was not closed before noon": a when, not a denial.
_NOT_UNTIL = compiled(r"\b(?:until|till|before|yet)\b")
_OBJECT_END = compiled(
    r"\s(?:on|in|at|for|after|before|during|with|by|from|because|as|when|while|since|until|and|but|or|over"
    r"|under|amid|despite|following|last|this|next|yesterday|today)\s"
)


def clause_pattern(forms: Iterable[str]) -> regex.Pattern:
    """Subject, optional negation (or the passive, negated or not), one of the verb ``forms``,
    and the rest up to punctuation."""
    verbs = literal_alternation(forms)
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}])(?:{_SUBJECT})\s+(?:{_NEGATION}\s+|{_PASSIVE}\s+|{_AUX})(?P<verb>{verbs})"
        r"(?![\p{L}\p{N}])"
        r"(?P<object>[^.,;:!?\"“”()]*)"
    )


_OBJECT_WORD = compiled(r"[\p{L}\p{N}][\p{L}\p{N}'’-]*")
PRONOUNS = frozenset(["it", "this", "that", "them", "these", "those", "so"])
IRREGULAR = {
    "win": ["won"], "lose": ["lost"], "rise": ["rose", "risen"], "fall": ["fell", "fallen"],
    "hold": ["held"], "sell": ["sold"], "buy": ["bought"], "pay": ["paid"], "meet": ["met"],
    "leave": ["left"], "give": ["gave", "given"], "take": ["took", "taken"], "know": ["knew", "known"],
}


def verb_forms(base: str) -> dict[str, tuple[str, bool]]:
    """Inflected forms of a verb -> (the verb, whether the form is finite on its own).

    "confirm" gives confirmed, confirms (finite: "the Kremlin confirmed") and confirm (only
    after an auxiliary: "did not confirm").
    """
    b = base.lower()
    forms = {b: (b, False)}
    finite = list(IRREGULAR.get(b, []))
    if b.endswith("e"):
        finite += [b + "d", b + "s"]
    elif b.endswith("y") and len(b) > 2 and b[-2] not in "aeiou":
        finite += [b[:-1] + "ied", b[:-1] + "ies"]
    elif b.endswith(("s", "sh", "ch", "x", "z")):
        finite += [b + "ed", b + "es"]
    else:
        finite += [b + "ed", b + "s"]
        if len(b) >= 3 and b[-1] in "bdgmnprt" and b[-2] in "aeiou" and b[-3] not in "aeiou":
            finite.append(b + b[-1] + "ed")  # "stop" -> "stopped"
    for form in finite:
        forms.setdefault(form, (b, True))
    return forms


@dataclass(frozen=True)
class Clause:
    subject: str
    verb: str
    negated: bool
    object: tuple[str, ...]
    statement: Statement
    sentence: tuple[int, int]
    passive: bool = False


def clauses_in(source: str, sentences: Iterable[tuple[int, int]], pattern: regex.Pattern,
               forms: dict[str, tuple[str, bool]], hedges: Searcher,
               adjectives: frozenset[str] = frozenset()) -> list[Clause]:
    """The clauses of the sentences. ``adjectives``: forms that make a clause after "is",
    "was" ... ("the bridge was open") though no verb form is finite there. Every clause holds
    one of the verb ``forms`` as written: the sentences may be only those holding one."""
    found: list[Clause] = []
    for start, end in sentences:
        text = source[start:end]
        if text.rstrip().endswith("?"):
            continue
        for match in pattern.finditer(text):
            known = forms.get(match.group("verb"))
            if known is None:
                continue
            verb, finite = known
            passive = match.group("passive") is not None
            negated = match.group("neg") is not None or match.group("pneg") is not None or (
                match.group("bneg") is not None)
            adjective = passive and match.group("verb") in adjectives
            if not finite and (passive or not negated) and not adjective:
                continue  # "the Kremlin confirm", "the report was confirm" are no clauses
            if hedges.search(text[max(0, match.start() - 40): match.end("verb")]):
                continue
            phrase = match.group("object")
            if negated and _NOT_UNTIL.search(phrase):
                continue
            subject = _LEADING_THE.sub("", match.group("subject")).lower()
            # A verb's object may open with a preposition ("voted for the plan"); what follows an
            # adjective and opens with one is a circumstance ("was empty at the time").
            cut = _OBJECT_END.search(phrase + " ", 0 if adjective else 1)
            words = [w.lower() for w in _OBJECT_WORD.findall(phrase[: cut.start()] if cut else phrase)]
            obj = tuple(w for w in words[:6] if w not in STOPWORDS or w in PRONOUNS)
            statement = Statement(start + match.start(), start + match.end("object"),
                                  text[match.start(): match.end("object")].rstrip())
            found.append(Clause(subject, verb, negated, obj, statement, (start, end), passive))
    return found


def conflicts(clauses: list[Clause], antonyms: dict[str, frozenset[str]]) -> Iterator[Conflict]:
    """Each clause against the first earlier clause it contradicts. Two clauses can clash
    only when subject, voice and the content words of their objects agree, so earlier
    clauses are indexed under those with verb and polarity, and a later clause looks up the
    keys that would clash with it: the same verb with the other polarity, and (neither
    negated) each verb it is the antonym of. Time and memory stay linear in the clauses,
    however often one clause repeats."""
    opposites: dict[str, set[str]] = defaultdict(set)  # verb -> the verbs whose antonym it is
    for verb, others in antonyms.items():
        for other in others:
            opposites[other].add(verb)
    #: (subject, passive, content words, verb, negated) -> the first clause under it. Clauses
    #: come in order, so a later clause's own sentence is the newest: the first clause under a
    #: key is in another sentence, or all under it are in the later clause's own.
    first: dict[tuple[str, bool, tuple[str, ...], str, bool], tuple[int, Clause]] = {}
    for position, later in enumerate(clauses):
        contents = [_content(later.object)]
        head = _head(contents[0])
        if head is not None:
            contents.append(head)
        keys = []
        for content in contents:
            keys.append((later.subject, later.passive, content, later.verb, not later.negated))
            if not later.negated and content:
                keys += [(later.subject, later.passive, content, verb, False) for verb in opposites[later.verb]]
        found = [item for item in map(first.get, keys) if item is not None and item[1].sentence != later.sentence
                 and _compatible(_content(item[1].object), contents[0])]
        if found:
            _, earlier = min(found, key=lambda item: item[0])
            yield Conflict(earlier.statement, later.statement,
                           f"'{earlier.statement.text}' against '{later.statement.text}'")
        for content in contents:
            first.setdefault((later.subject, later.passive, content, later.verb, later.negated), (position, later))


#: Words before an object's noun that make it another one of its kind: "the first offer" and
#: "the revised offer" are two offers; so are two owners' ("the union's offer", "the council's").
_ANOTHER = frozenset({"new", "revised", "improved", "second", "third", "final", "latest", "another", "fresh",
                      "better", "earlier", "previous", "first", "last", "original", "initial", "next", "other",
                      "different", "separate", "later", "amended", "updated"})


def _head(content: tuple[str, ...]) -> tuple[str, ...] | None:
    """The object's noun alone (its last content word), under which two objects of that noun
    agree whatever else they say of it ("the pay offer", "the council's offer"); None when a
    word marks it as another one of its kind (``_compatible`` tells what else may differ)."""
    if not content or any(w in _ANOTHER or w.isdigit() for w in content[:-1]):
        return None
    return ("\0head", content[-1])


def _compatible(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """Two objects may be one thing: the same words, or the same noun with what one says of
    it among what the other says ("the pay offer", "the offer") and no two owners ("the
    union's offer", "the council's offer" are two offers; "the pay offer" may be the
    council's). "The housing plan" and "the transport plan" are two plans."""
    if first == second:
        return True
    if not first or not second or first[-1] != second[-1]:
        return False
    owners = [{w for w in words[:-1] if w.endswith(("'s", "’s"))} for words in (first, second)]
    if owners[0] and owners[1] and not owners[0] & owners[1]:
        return False
    said = [set(words[:-1]) - owned for words, owned in zip((first, second), owners, strict=True)]
    return said[0] <= said[1] or said[1] <= said[0]


def _content(words: tuple[str, ...]) -> tuple[str, ...]:
    """The object's content words: two objects agree when these do (pronouns aside)."""
    return tuple(w for w in words if w not in PRONOUNS)
