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
#: optionally after a label ("About the author:"), and the letters of degrees or credentials
#: after it ("Jr.", "PhD", "CPA, CFP": capitals, small letters inside, as post-nominals are written).
_OPENING = compiled(
    r"^\W{0,3}(?i:about the (?:author|writer)s?\s*[:.-]?\s*)?"
    r"(?P<name>\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}\.)?(?:\s+(?:(?:de|van|von|der|da|di|le|la)\s+)?\p{Lu}[\p{L}'’-]+){1,2})"
    r"(?:,\s*(?:Jr\.?|Sr\.?|\p{Lu}[\p{Lu}\p{Ll}.]{0,3}\p{Lu}\.?|Esq\.?)(?:,\s*(?:\p{Lu}[\p{Lu}\p{Ll}.]{0,3}\p{Lu}\.?))*\s*,?)?"
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
#: Words of a line are counted in its first this many characters (enough for PROSE_WORDS).
PROSE_SCAN = 200
#: Lines longer than this are the story's text, where a mention of the person counts.
MENTION_CHARS = 60
_WORD = compiled(r"[\p{L}\p{N}]+")
#: A role given without an article ("is author of", "is professor at", "is founder and CEO of"): a
#: noun (or two joined by "and"), then a preposition.
_BARE_ROLE = compiled(r"^(?!\w+ed\b)\p{Ll}[\p{L}-]+(?: and \p{L}[\p{L}-]+)? (?:of|at|for|with|in)\b")
#: A label on a line of its own above a box ("About the author", "Author bio", "Contributor").
_LABEL = compiled(r"^\W{0,3}(?:about\s+(?:the\s+)?(?:authors?|writers?|contributors?|columnists?)|(?:the\s+)?authors?"
                  r"(?:\s+bio(?:graphy)?)?|bio(?:graphy)?|contributors?)\W{0,3}$", regex.IGNORECASE)
#: An e-mail or web address: the words in it are no mention of a person in the story.
_ADDRESS = compiled(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+")
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
        "max_words": Option(int, default=150, help="longer lines are the article's own paragraphs"),
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
        first_tail = max(self.options["min_body_lines"], _last_prose(source, lines, tail))
        known: _KnownWords | None = None  # made when a line first opens like a box: most articles have none
        index = first_tail
        while index < len(lines):
            start, end = lines[index]
            text = source[start:end]
            name = self._opening_name(text)
            if name is not None:
                if known is None:
                    known = _KnownWords(source, lines, index)
                known.read_to(index)
                if all(part in known.words for part in _WORD.findall(name.split()[-1])):
                    name = None  # the story mentioned the person before: not a box
            if name is None:
                index += 1
                continue
            surname = name.split()[-1]
            box = [index]
            if index > 0 and _LABEL.search(source[lines[index - 1][0] : lines[index - 1][1]]):
                box.insert(0, index - 1)  # "About the author" on a line of its own heads the box
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

    def _opening_name(self, text: str) -> str | None:
        """The person's name when ``text`` opens like an author box (whether the story named
        the person before is the caller's to ask), else None."""
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
        return name


def _last_prose(source: str, lines: list[tuple[int, int]], count: int) -> int:
    """The index of the ``count``-th line of prose from the end (0 when there are fewer), read
    from the end back only as far as that."""
    seen = 0
    for index in range(len(lines) - 1, -1, -1):
        start, end = lines[index]
        if len(_WORD.findall(source, start, min(end, start + PROSE_SCAN))) >= PROSE_WORDS:
            seen += 1
            if seen == count:
                return index
    return 0


class _KnownWords:
    """The words of the article's lines of prose before a given line, read once, forward: a
    person the story names is in them (a short byline line at the top does not count)."""

    def __init__(self, source: str, lines: list[tuple[int, int]], upto: int) -> None:
        self.source, self.lines, self.read = source, lines, 0
        self.words: set[str] = set()
        self.read_to(upto)

    def read_to(self, upto: int) -> None:
        for start, end in self.lines[self.read : upto]:
            if end - start > MENTION_CHARS:
                line = self.source[start:end]
                if "@" in line or "://" in line or "www." in line:
                    line = _ADDRESS.sub(" ", line)  # "Send tips to Shafer.Politico@gmail.com" names no one
                self.words.update(_WORD.findall(line))
        self.read = max(self.read, upto)
