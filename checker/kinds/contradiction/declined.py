"""Declined to comment, then quoted: "Okonjo refused to comment on the filing" ... "'The tender
was clean,' Okonjo said of the filing".

A refusal is a person's name (its surname is what is compared) right before a verb of
refusing to speak: "declined to comment", "refused to be interviewed", "did not respond to
requests", "could not be reached", "was not available for comment", with at most an apposition
between ("Brandstaetter, who chairs the works council, declined to comment"). A quotation that
comes after it and is attributed to the same surname says the person did speak. Left alone: a
refusal of something more ("declined to comment further", "beyond", "on the record"), a
name that is not the subject ("a spokesman for Okonjo declined", "Okonjo's lawyer declined"),
and a quotation put at another time ("in a 2019 interview", "had said", "earlier", "last
week").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from checker.kinds.contradiction import Conflict, Statement
from checker.kinds.contradiction.roles import quote_speaker
from checker.patterns.compiled import compiled

_NAME = r"(?P<name>\p{Lu}[\p{L}'’-]+(?:[^\S\n]+\p{Lu}[\p{L}'’-]+){0,2})"
_REFUSING = (r"(?:(?:has|have|had)\s+)?(?:declined|refused)\s+(?:to\s+(?:comment|be\s+interviewed|speak|talk|answer)"
             r"|(?:all\s+|several\s+|repeated\s+)?(?:requests|interview))"
             r"|(?:did|does|do|would|could|has|had)\s+not\s+(?:respond|reply|comment|return|answer|be\s+reached)"
             r"|(?:was|is|were|are)\s+not\s+(?:available\s+(?:for|to)\s+comment|reachable)")
#: What a sentence holding a refusal holds (case-folded): "declined", "refused", "not".
REFUSAL_TEXTS = ("declin", "refus", " not ")
#: The subject's name, an apposition at most, a verb of refusing.
#: Not the subject: after a preposition ("a spokesman for Okafor"), or inside a longer name.
_NOT_SUBJECT = r"(?<!\b(?:for|of|at|to|with|by|from|and)\s+)(?<!\p{Lu}[\p{L}'’-]*\s+|[\p{L}'’-])"
_REFUSAL = compiled(rf"{_NOT_SUBJECT}{_NAME}(?!['’])"
                    rf"(?:,[^,;.\n]{{1,100}},)?\s+(?P<refusal>{_REFUSING})")
#: A refusal of something more than speaking: not all of it.
_PARTIAL = compiled(r"\s*(?:further|beyond|on\s+the\s+record|in\s+detail|specifically|directly)\b")
#: An attribution or sentence that puts the quotation at another time.
_ELSEWHEN = compiled(r"(?i)\b(?:earlier|previously|before|later|once|ago|had\s+said|has\s+said|has\s+often\s+said|"
                     r"last\s+(?:week|month|year|spring|summer|autumn|fall|winter)|in\s+(?:19|20)[0-9]{2}|"
                     r"[0-9]{4}\s+interview|in\s+(?:a|an)\s+(?:previous|earlier|past)|at\s+the\s+time)\b")


def conflicts(source: str, refusing: Iterable[tuple[int, int]], quotes: list[tuple[int, int]]) -> Iterator[Conflict]:
    """Quotations attributed to someone who, earlier in the article, declined to speak.
    ``refusing``: the sentences that may hold a refusal (those holding ``REFUSAL_TEXTS``)."""
    refusals: dict[str, Statement] = {}
    for start, end in refusing:
        text = source[start:end]
        for match in _REFUSAL.finditer(text):
            if _PARTIAL.match(text, match.end()):
                continue
            surname = match.group("name").split()[-1].replace("’", "'")
            refusals.setdefault(surname, Statement(start + match.start(), start + match.end(), match.group(0)))
    if refusals:
        for quote in quotes:
            yield from _against(source, quote, refusals)


def _against(source: str, quote: tuple[int, int], refusals: dict[str, Statement]) -> Iterator[Conflict]:
    if not refusals:
        return
    speaker = quote_speaker(source, quote)
    if speaker is None:
        return
    surname = speaker.split()[-1].replace("’", "'")
    refusal = refusals.get(surname)
    if refusal is None or refusal.start > quote[0]:
        return
    line_end = source.find("\n", quote[1])
    around = source[max(0, quote[0] - 80):min(quote[1] + 100, line_end if line_end != -1 else len(source))]
    if _ELSEWHEN.search(around):
        return
    yield Conflict(refusal, Statement(quote[0], quote[1], source[quote[0]:quote[1]]),
                   f"'{refusal.text}', yet {speaker} is quoted here")
