"""One person, two titles; one quotation, two speakers.

Titles: a title from the vocabulary right before a full name ("Senator Jane Roe",
"Gov. Jane Roe"). The same full name with titles from two different groups conflicts,
unless a modifier puts one of them at another time ("former", "then-", "-elect", "acting").

Quotations: the same quotation (six words or more, compared without case and punctuation)
attributed to two different people ("..., said Smith" ... "Jones said: ...").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from checker.kinds.contradiction import Conflict, Searcher, Statement
from checker.kinds.contradiction.people import TITLES
from checker.patterns.compiled import compiled
from checker.patterns.trie import literal_alternation

_SPACES = compiled(r"\s+")

_FULL_NAME = r"(?P<name>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{L}'’-]+){1,2})"
_SPEAKER = r"(?P<speaker>\p{Lu}(?:[\p{L}'’-]+|\.)(?: \p{Lu}(?:[\p{L}'’-]+|\.)){0,2})"
_VERB = r"(?:said|says|added|wrote|told\s+[\p{L}\s]{1,30}?|explained|insisted|stated|declared|tweeted)"
#: A role in lower case before a speaker's name ("head coach Glen Tautahi said"): words, no
#: preposition (in "the mayor of Paris said", Paris is no speaker) and no determiner of an
#: unnamed person ("said one Trump supporter": Trump is no speaker).
_ROLE = (r"(?:(?!(?:of|in|from|at|for|with|on|by|to|one|a|an|another|some|many|several|two|three|other)\b)"
         r"[a-z][\p{L}-]*\s+){0,4}")
_AFTER = compiled(rf"^[\s,]*(?:{_VERB}\s+{_ROLE}{_SPEAKER}|{_ROLE}{_SPEAKER}\s+{_VERB})\b")
_BEFORE = compiled(rf"{_SPEAKER}\s+{_VERB}[:,]?\s*[\"“]?$")
_WORD = compiled(r"[\p{L}\p{N}]+")
NOT_SPEAKERS = frozenset(["He", "She", "They", "It", "The", "A", "We", "I", "This", "That", "Officials", "Police"])


@dataclass(frozen=True)
class Titled:
    name: str
    group: tuple[str, int]
    statement: Statement


def title_pattern(titles: list[str]) -> regex.Pattern:
    """A title (any spelling, "Sen." or "Senator") before a full name."""
    body = literal_alternation(titles)
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}-])(?P<title>{body})\s+{_FULL_NAME}\b")


def titled_names(source: str, sentences: list[tuple[int, int]], pattern: regex.Pattern,
                 group_of: dict[str, tuple[str, int]], modifiers: Searcher) -> list[Titled]:
    found = []
    for start, end in sentences:
        text = source[start:end]
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 12): match.start()]
            after = text[match.end("title"): match.end("title") + 6]
            if modifiers.search(before + "|" + after) or after.startswith(("-elect", " elect")):
                continue
            key = _SPACES.sub(" ", match.group("title")).lower().rstrip(".")
            group = group_of.get(key)
            if group is None:
                continue
            name = regex.sub(r"['’]s$", "", match.group("name"))
            found.append(Titled(name, group,
                                Statement(start + match.start(), start + match.end(), match.group(0))))
    return found


def title_conflicts(found: list[Titled]) -> Iterator[Conflict]:
    for j, later in enumerate(found):
        for earlier in found[:j]:
            same_kind = earlier.group[0] == later.group[0]
            if earlier.name == later.name and same_kind and earlier.group != later.group:
                yield Conflict(earlier.statement, later.statement,
                               f"'{earlier.statement.text}' and '{later.statement.text}'")
                break


def quote_speaker(source: str, quote: tuple[int, int]) -> str | None:
    """Who a quotation is attributed to, by the words right after or before it, if anyone."""
    start, end = quote
    after = source[end + 1: end + 60]
    before = source[max(0, start - 60): start]
    for match in (_AFTER.match(after), _BEFORE.search(before)):
        if match:
            name = match.group("speaker")
            if name.split()[0] not in NOT_SPEAKERS:
                return name
    return None


def _same_speaker(a: str, b: str) -> bool:
    """Whether two attributions may name one speaker: "Stuart F. Delery", "Delery" and
    "Stuart" may; "Senator Ann Lee" and "Senator Tom Cole" share only a title, and do not."""
    words_a = {w.rstrip(".") for w in a.split()} - TITLES
    words_b = {w.rstrip(".") for w in b.split()} - TITLES
    return bool(words_a & words_b) or not words_a or not words_b


def quote_conflicts(source: str, quotes: list[tuple[int, int]]) -> Iterator[Conflict]:
    seen: dict[tuple[str, ...], tuple[tuple[int, int], str]] = {}
    for quote in quotes:
        words = tuple(w.lower() for w in _WORD.findall(source[quote[0]:quote[1]]))
        if len(words) < 6:
            continue
        speaker = quote_speaker(source, quote)
        if speaker is None:
            continue
        if words in seen:
            (first, first_speaker) = seen[words]
            if not _same_speaker(first_speaker, speaker):
                yield Conflict(
                    Statement(first[0], first[1], source[first[0]:first[1]]),
                    Statement(quote[0], quote[1], source[quote[0]:quote[1]]),
                    f"the same words are attributed to {first_speaker} and to {speaker}",
                )
            continue
        seen[words] = (quote, speaker)
