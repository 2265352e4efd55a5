"""The ``author-box`` rule kind: a biography of the writer that a scraper kept at the foot.

An author box reads like prose ("Dana Reyes is a contributing editor at Example Weekly. Her
book on river towns comes out in May."), so no phrase rule catches it without also catching
the article's own sentences about people. What gives it away is structure, not words:

- it stands among the article's last lines;
- it opens with a person's full name as the subject of a description ("is a ...", "has
  written ...", "writes about ...");
- that person appears nowhere in the article before it: a story that ends on a person it
  never mentioned is ending on someone else's text.

Lines right after such a line that go on about the same person (opening with the surname or
a personal pronoun) belong to the same box. The evidence is structural and a mistake would
cut article text, so removing the lines is an unsafe fix.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.patterns.compiled import compiled
from checker.text.article import Article
from checker.text.lineshape import FUNCTION_WORDS, article_lines

#: A full name at the start of a line: two to four capitalised words, a middle initial allowed,
#: optionally after a label ("About the author:").
_OPENING = compiled(
    r"^\W{0,3}(?i:about the (?:author|writer)s?\s*[:.-]?\s*)?"
    r"(?P<name>\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}\.)?(?:\s+(?:(?:de|van|von|der|da|di|le|la)\s+)?\p{Lu}[\p{L}'’-]+){1,2})"
    r"(?:,\s*(?:PhD|MD|Jr\.?|Sr\.?)\s*,?)?"
    r"\s+(?P<verb>is|was|has|writes|wrote|covers|serves|works|teaches|lives|holds|spent|joined|founded|"
    r"edits|hosts|reports)\b\s*(?P<rest>.*)$",
)
#: What a description of a person goes on with after "is" or "was": a role as a noun phrase
#: ("a", "the", "Example Weekly's"), not a state or an action of the story ("is expected to",
#: "was arrested").
_ROLE_START = compiled(r"^(?:a|an|the|one|also|\p{Lu}[\p{L}.&'’ -]{0,40}?['’]s)\b")
def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Titles before a name: a public figure the story is about, not its writer.
_TITLES = _set(
    "president president-elect vice senator sen rep representative governor gov mayor judge justice minister "
    "secretary general gen colonel col captain capt sergeant sgt officer detective chief prince princess king "
    "queen lord lady sir dame pope bishop rev reverend father sister dr doctor professor prof mr mrs ms miss "
    "chancellor premier ambassador commissioner director chairman chairwoman ceo")
#: Last words of an organisation's name ("Example Media is a ..."): the closed set of the commonest ones.
_ORGANISATIONS = _set(
    "administration agency association authority bank board bureau center centre church college commission "
    "committee company corporation council court department foundation fund group inc institute league ltd media "
    "ministry network news newspaper office organization organisation party post press service society times "
    "university")
#: A line of at least this many words is prose, for counting the article's last lines.
PROSE_WORDS = 8
#: A role given without an article ("is author of", "is professor at"): a noun, then a preposition.
_BARE_ROLE = compiled(r"^(?!\w+ed\b)\p{Ll}[\p{L}-]+ (?:of|at|for|with|in)\b")
#: A line going on about the person of the box.
_PRONOUN = compiled(r"^\W{0,3}(?:he|she|they|his|her|their|him|contact|follow|email|e-mail)\b", regex.IGNORECASE)


class AuthorBoxRule(Rule):
    """Flags a writer's biography kept at the foot of the article: one of the last lines
    opening with a full name described ("is a ...", "has written ...") that the article never
    mentioned before, with the lines after it that go on about the same person."""

    name = "author-box"
    PLACEHOLDERS = frozenset({"match", "line", "name"})
    HONOURED = frozenset({"exceptions", "fix"})
    default_scope = "line"
    #: Structure, not a listed phrase: removing the lines is left to --unsafe-fixes.
    default_fix = "unsafe"
    OPTIONS = {
        "tail_lines": Option(int, default=4, help="how many of the article's last lines are read"),
        "max_words": Option(int, default=90, help="longer lines are the article's own paragraphs"),
        "min_body_lines": Option(int, default=4, help="shorter articles are left alone (no body to compare with)"),
    }

    def check(self, article: Article) -> Iterator[Finding]:
        lines = article_lines(article)
        tail = self.options["tail_lines"]
        if tail <= 0 or len(lines) < self.options["min_body_lines"] + 1:
            return
        source = article.source
        # The window holds the last ``tail`` lines of prose (lists of links, sources and
        # buttons after them do not push a box out of it) and everything after them.
        prose = [index for index, (start, end) in enumerate(lines) if len(source[start:end].split()) >= PROSE_WORDS]
        first_tail = max(self.options["min_body_lines"], prose[-tail] if len(prose) >= tail else 0)
        index = first_tail
        while index < len(lines):
            start, end = lines[index]
            text = source[start:end]
            name = self._box_opening(text, source, lines[:index])
            if name is None:
                index += 1
                continue
            surname = name.split()[-1]
            box = [index]
            following = index + 1
            while following < len(lines):
                next_text = source[lines[following][0] : lines[following][1]].lstrip()
                if not (next_text.startswith(surname) or _PRONOUN.search(next_text)):
                    break
                box.append(following)
                following += 1
            for at in box:
                line_start, line_end = lines[at]
                line = source[line_start:line_end]
                if self.exceptions and self.is_exception(line):
                    continue
                yield self.finding(article, line_start, line_end, line=line, name=name, suggestions=[""],
                                   remove_line=True)
            index = following

    def _box_opening(self, text: str, source: str, before: list[tuple[int, int]]) -> str | None:
        """The person's name when ``text`` opens an author box, else None."""
        if len(text.split()) > self.options["max_words"]:
            return None
        match = _OPENING.search(text)
        if match is None:
            return None
        rest = match["rest"]
        if match["verb"] in ("is", "was") and not (_ROLE_START.search(rest) or _BARE_ROLE.search(rest)):
            return None
        name = match["name"]
        words = name.split()
        if words[0].casefold() in FUNCTION_WORDS or words[0].casefold().rstrip(".") in _TITLES \
                or words[-1].casefold() in _ORGANISATIONS:
            return None  # "The Court is ...", "Senator Ann Lee has ...", "Example Media is ...": not a writer
        surname = name.split()[-1]
        # The person is new to the article: not in any earlier line of prose (a short byline
        # line naming the writer at the top does not count as the story mentioning them).
        for start, end in before:
            if end - start > 60 and _mentions(source, start, end, surname):
                return None
        return name


def _mentions(source: str, start: int, end: int, word: str) -> bool:
    """Whether ``word`` stands as a whole word in ``source[start:end]``."""
    at = source.find(word, start, end)
    while at != -1:
        after = at + len(word)
        if (at == 0 or not source[at - 1].isalnum()) and (after >= len(source) or not source[after].isalnum()):
            return True
        at = source.find(word, at + 1, end)
    return False
