"""A headline the body takes back: "Drivers accept pay offer" ... "drivers voted to reject the
pay offer"; "Airline scraps Porto-Lisbon shuttle" ... "will add three flights between Porto
and Lisbon".

The headline's claim is a verb of the rule's antonym pairs (in any form: "accepts",
"accepted") and the content words after it, up to a preposition or the end (its object:
"pay offer"). A body sentence takes the claim back when it holds the verb's antonym, or the
verb itself negated ("did not accept", "refused to accept"), followed within a few words by
one of the object's content words, in a sentence that names a content word of the headline
before its verb (the subject, loosely: headlines drop articles). A headline verb after a
determiner ("The rise of"), "to", a negation or a report ("says", "would have") is no claim;
a body sentence holding both verbs ("will open and close") takes nothing back. A body verb after a hedge
("may", "would", "if", "reports that") close before it is left alone, and so is a sentence
that puts the claim at another time or occasion ("last year", "previous").
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

import regex

from checker.kinds.contradiction import Conflict, Searcher, Statement
from checker.kinds.contradiction.counts import STOPWORDS, lemma
from checker.kinds.contradiction.polarity import verb_forms
from checker.patterns.compiled import compiled
from checker.patterns.trie import literal_alternation

#: Irregular forms of the first words of phrasal verbs ("go ahead", "call off").
_IRREGULAR = {"go": ("goes", "went", "going", "gone"), "call": ("calls", "called", "calling"),
              "win": ("wins", "won", "winning"), "lose": ("loses", "lost", "losing"),
              "keep": ("keeps", "kept", "keeping"), "hold": ("holds", "held", "holding"),
              "beat": ("beats", "beaten", "beating"), "rise": ("rises", "rose", "risen", "rising"),
              "fall": ("falls", "fell", "fallen", "falling"), "cut": ("cuts", "cutting"),
              "drop": ("drops", "dropped", "dropping"), "quit": ("quits", "quitting"),
              "set": ("sets", "setting"), "put": ("puts", "putting"), "pull": ("pulls", "pulled", "pulling")}
_WORD = compiled(r"[\p{L}][\p{L}'’]*")
#: Where a headline's object ends: a preposition or conjunction after it.
_OBJECT_STOP = frozenset({"in", "on", "at", "for", "after", "before", "over", "as", "amid", "despite", "with", "by",
                          "from", "to", "and", "but", "following", "during", "under", "against", "while"})
#: A negation right before a body verb: "did not accept", "refused to accept", "won't go ahead".
_NEGATED = compiled(r"(?:\b(?:(?:did|does|do|has|have|had|will|was|were|is|are|can|could)\s+)?(?:not|never|no\s+longer)"
                    r"|\b\p{L}+n[’']t|\b(?:refused|refuse|refuses|declined|failed)\s+to)"
                    r"\s+(?:\p{L}+\s+)?$", regex.IGNORECASE)
#: How many words after a body verb its object's words may come ("add three daily flights between Porto").
_OBJECT_REACH = 7


#: What may not stand before a headline's verb for it to be a claim: right before it, a
#: determiner or "of" (a noun: "The rise of") or "to" (a plan or an order: "ordered to lay
#: off"); with a word at most between, a negation ("Don't support") or a report or hedge
#: ("says", "would have", "claims"). "The council approves" is a claim.
_NOT_A_CLAIM = compiled(r"\b(?:the|a|an|of|to)\s+$"
                        r"|(?:\b(?:not|never|no|would|could|may|might|will|says?|claims?|denies|wants?|plans?|hopes?"
                        r"|threatens?|vows?|urges?|have|has|had)|n[’']t)\s+(?:\p{L}+\s+)?$", regex.IGNORECASE)


@dataclass(frozen=True)
class Claim:
    lemma: str
    #: The object's content words (lemmas).
    object: frozenset[str]
    #: The content words before the verb (lemmas): who or what the claim is about.
    subject: frozenset[str]
    statement: Statement


def forms_of(verb: str) -> dict[str, str]:
    """Each written form of ``verb`` (lower case; a phrasal verb's first word inflected) to the verb."""
    words = verb.lower().split()
    head, rest = words[0], words[1:]
    heads = set(verb_forms(head)) | set(_IRREGULAR.get(head, ())) | {head}
    if head.endswith("e"):
        heads.add(head[:-1] + "ing")
    else:
        heads.add(head + "ing")
    return {" ".join([form, *rest]): verb.lower() for form in heads}


def verb_pattern(forms: Iterable[str]) -> regex.Pattern:
    """Any of ``forms``, whole words, any case, a phrase's space as any white space (a trie:
    one pass over a long article)."""
    body = literal_alternation(sorted(set(forms)), escape=_escape)
    return regex.compile(rf"(?i)(?<![\p{{L}}-])(?:{body})(?![\p{{L}}-])")


def _escape(char: str) -> str:
    return r"\s+" if char == " " else regex.escape(char)


@functools.lru_cache(maxsize=256)
def _body_verbs(lemmas: frozenset[str]) -> regex.Pattern:
    """The forms of the verbs a body sentence may take a headline back with."""
    return verb_pattern(form for verb in lemmas for form in forms_of(verb))


def claims_in(headline: str, start: int, verbs: regex.Pattern, lemma_of: dict[str, str]) -> list[Claim]:
    """The headline's claims: each verb of the pairs with the content words after it."""
    found = []
    for match in verbs.finditer(headline):
        if _NOT_A_CLAIM.search(headline, 0, match.start()):
            continue
        words = []
        for word in _WORD.finditer(headline, match.end()):
            low = word.group(0).lower()
            if low in _OBJECT_STOP:
                break
            words.append(low)
        content = frozenset(_content(" ".join(words)))
        if content:
            verb = lemma_of[" ".join(match.group(0).lower().split())]
            subject = frozenset(_content(headline[:match.start()]))
            statement = Statement(start + match.start(), start + match.end(), match.group(0))
            found.append(Claim(verb, content, subject, statement))
    return found


def _content(text: str) -> Iterator[str]:
    for word in regex.split(r"[^\p{L}'’]+", text):
        low = word.lower()
        if len(low) > 2 and low not in STOPWORDS:
            yield lemma(low)


#: "short of a majority", "fell short of the target": what a headline said was won was not reached.
_SHORT_OF = compiled(r"\bshort\s+of\s+(?:(?:an?|the|its|their|his|her)\s+)?(?:(?:outright|overall|absolute|clear|"
                     r"working)\s+)?(?P<object>\p{L}+)", regex.IGNORECASE)


_CLAUSE_OPENING = compiled(r";|\b(?:but|while|whereas|and|although|though)\b")


def _short_of(text: str, claims: list[Claim], antonyms: dict[str, frozenset[str]]) -> tuple[Claim, regex.Match] | None:
    """A claim of winning or gaining something ("wins outright majority": a verb whose antonym is
    "lose") that the sentence says was not reached ("short of a majority"), about the claim's
    subject, or None."""
    if "hort" not in text:
        return None
    for match in _SHORT_OF.finditer(text):
        reached = lemma(match.group("object").lower())
        # Who fell short: the words of its clause ("the Reds fell short", after "; " or "while").
        opening = max((m.end() for m in _CLAUSE_OPENING.finditer(text, 0, match.start())), default=0)
        said = {lemma(w.lower()) for w in _WORD.findall(text, opening, match.start())}
        for claim in claims:
            if "lose" in antonyms.get(claim.lemma, ()) and reached in claim.object and (
                    not claim.subject or claim.subject & said):
                return claim, match
    return None


def conflicts(claims: list[Claim], source: str, sentences: Iterable[tuple[int, int]], lemma_of: dict[str, str],
              antonyms: dict[str, frozenset[str]], hedges: Searcher, distinct: Searcher) -> Iterator[Conflict]:
    """Body sentences taking back a headline claim: the first one for each claim."""
    if not claims:
        return
    open_claims = list(claims)
    verbs = _body_verbs(frozenset(v for c in claims for v in (c.lemma, *antonyms.get(c.lemma, ()))))
    for start, end in sentences:
        text = source[start:end]
        short = _short_of(text, open_claims, antonyms)
        if short is not None and not (hedges.search(text[:short[1].start()]) or distinct.search(text)):
            claim, match = short
            statement = Statement(start + match.start(), start + match.end(), match.group(0))
            yield Conflict(claim.statement, statement,
                           f"the headline's '{claim.statement.text}' against '{statement.text}' here")
            open_claims.remove(claim)
            if not open_claims:
                return
        words: set[str] | None = None  # the sentence's words and verbs, read only for a candidate
        said: set[str] = set()
        for match in verbs.finditer(text):
            verb = lemma_of[" ".join(match.group(0).lower().split())]
            candidates = [c for c in open_claims if verb == c.lemma or verb in antonyms.get(c.lemma, ())]
            if not candidates:
                continue
            following = {lemma(w.group(0).lower()) for w in islice(_WORD.finditer(text, match.end()), _OBJECT_REACH)}
            candidates = [c for c in candidates if c.object & following]
            if not candidates:
                continue
            before = text[max(0, match.start() - 40):match.start()]
            if hedges.search(before) or distinct.search(text) or text.rstrip().endswith("?"):
                continue
            negated = _NEGATED.search(before) is not None
            for claim in candidates:
                opposite = verb in antonyms.get(claim.lemma, frozenset()) and not negated
                denied = verb == claim.lemma and negated
                if not (opposite or denied):
                    continue
                if words is None:
                    words = {lemma(w.group(0).lower()) for w in _WORD.finditer(text)}
                    said = {lemma_of[" ".join(m.group(0).lower().split())] for m in verbs.finditer(text)}
                if claim.subject and not claim.subject & words:
                    continue  # about someone or something else
                if opposite and claim.lemma in said:
                    continue  # "will open and close the convention": both, not one against the other
                negation = _NEGATED.search(before) if denied else None
                first = match.start() - (len(before) - negation.start()) if negation else match.start()
                statement = Statement(start + first, start + match.end(), text[first:match.end()])
                yield Conflict(claim.statement, statement,
                               f"the headline's '{claim.statement.text}' against '{statement.text}' here")
                open_claims.remove(claim)
                break
            if not open_claims:
                return
