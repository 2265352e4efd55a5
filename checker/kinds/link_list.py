"""The ``link-list`` rule kind: the headlines of other stories a scraper kept after the article.

A page lists links to other stories under and beside the article ("Most read", "In other
news", "YOU MIGHT HAVE MISSED", or no label at all), and a scraper that keeps the links' text
leaves their headlines as lines of the article. No phrase gives them away, since every site
labels its lists its own way and many lists carry no label; what does is their form and their
place:

- they come after the article's last sentence (and the article holds at least one sentence of
  ``prose_words`` words), and nothing but such lines follows;
- each reads as a headline: a few words (``min_words`` to ``max_words``) opening with a
  capital or a figure, with no full stop, comma or colon at its end, no address, no figure
  given as a field's value ("Pages: 116"), and no opening that ties it to the sentence before
  ("And", "But", "It", "If" ...);
- (up to two lines of the page's metadata, a web address or a short field such as "Source:
  ..." or "Tags: ...", may stand between the article and the run, and are not flagged here);
- there are at least ``min_items`` of them, perhaps under one short label (a few words in
  capitals or ending in a colon, no verb: "MORE FROM THE NEWSROOM", "Popular right now:");
- shorter items, one or two words of letters with a capital first (a tag list: "Rivers",
  "Pollution"; a site's sections: "Transfer window"), belong to the run when it holds at least
  ``min_short_items`` of them; fewer stop it, as an author's name or "Ends" under the text would.

A list the author made is left alone: items that name a person and describe them ("Ana
Silva, a nurse from Leeds"), which is how articles list people, and items that are a
sentence of the article's closing thoughts (they open like one). The evidence is structural
and a mistake would cut the article's last lines, so removing the lines is an unsafe fix.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.patterns.compiled import compiled
from checker.text.article import Article
from checker.text.lineshape import FUNCTION_WORDS, article_lines

#: What ends a sentence of prose (a quotation may close it).
_SENTENCE_END = tuple(".!?…\"”’')")
#: A web address or an e-mail: a link the page spelled out, not a headline.
_ADDRESS = compiled(r"https?://|www\.|@|\.(?:com|org|net|co\.uk)\b")


def _closed(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Finite verbs a sentence that introduces a list holds ("The winners were:", "They include:").
_VERBS = _closed("is are was were be include includes included including follow follows")
#: Words that tie a line to the sentence before it: a line opening with one is prose, not a
#: headline (English conjunctions and pronouns, a closed class).
_TIES = _closed("and but or so yet nor then if when because as while though although it it's it’s its this that "
                "these those he she they we i you there here which who")
#: A person named and described ("Ana Silva, a nurse from Leeds"; "Tom Reed, 54,"): how an
#: article lists the people it quotes or counts.
_PERSON_ITEM = compiled(r"^\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3},\s")
#: A field of a data sheet: a label, a colon and a figure ("No. of pages: 116", "Price: $2,900
#: (single user)"): a value given, not a story's headline.
_FIELD = compiled(r"^[^:]{1,40}:\s*[$€£¥]?[0-9]")
#: A line of the page's metadata that may stand between the article and the list under it: a
#: web address, or a short field name and its value ("Source: ...", "TAGS: ...").
_META = compiled(r"https?://|www\.|^[\p{L} ]{1,20}:\s*\S")
#: How many such lines may stand there.
_META_LINES = 2
#: A tag or a section's name: words of letters, the first a capital ("Transfer window", "Rivers").
_SHORT_ITEM = compiled(r"\p{Lu}[\p{L}'’&-]*(?:\s+[\p{L}'’&-]+)?")
#: A word, for the words a line shares with the rest of the article.
_WORD = compiled(r"[^\W\d_][\w'’-]*")
#: A word is known by its first letters (a crude stem: "fundraisers", "fundraising").
STEM = 5


def _stems(text: str) -> list[str]:
    """The content words of ``text`` (no function words, three letters or more), as stems."""
    return [word.casefold()[:STEM] for word in _WORD.findall(text)
            if len(word) >= 3 and word.casefold() not in FUNCTION_WORDS]


class LinkListRule(Rule):
    """Flags a run of headline-like lines after the article's last sentence, with
    the short label above them if there is one: links to other stories, kept as text."""

    name = "link-list"
    PLACEHOLDERS = frozenset({"match", "line", "count"})
    HONOURED = frozenset({"exceptions", "fix"})
    default_scope = "line"
    #: Structure, not a listed phrase: removing the lines is left to --unsafe-fixes.
    default_fix = "unsafe"
    OPTIONS = {
        "min_items": Option(int, default=2, help="fewer headline-like lines at the end are the article's own"),
        "min_words": Option(int, default=3, help="shorter lines are labels or names, not headlines"),
        "max_words": Option(int, default=16, help="longer lines are prose, not headlines"),
        "min_short_items": Option(int, default=3, help="shorter lines (tags, a site's sections) belong to the list "
                                  "when it holds at least this many of them"),
        "max_label_words": Option(int, default=6, help="a label above the list has at most this many words"),
        "prose_words": Option(int, default=8, help="the article before the list holds a sentence of at least this "
                              "many words"),
        "between": Option(bool, default=False, help="instead: one headline of another story standing between two "
                          "paragraphs of prose, whose words the rest of the article does not use"),
        "min_between_words": Option(int, default=7, help="with `between`: shorter lines may be the article's "
                                    "subheadings"),
        "max_shared": Option(float, default=0.2, help="with `between`: the most of a line's words the rest of the "
                             "article may use (a subheading shares its words with the paragraphs it heads)"),
    }

    def check(self, article: Article) -> Iterator[Finding]:
        lines = article_lines(article)
        source = article.source
        texts = [source[start:end].strip() for start, end in lines]
        if self.options["between"]:
            yield from self._between(article, lines, texts)
            return
        # Back from the end: headline-like lines, and the label above them if there is one. A
        # run that holds enough one- or two-word items (a tag list, a site's sections) takes
        # those too; with fewer, they stop it, as an author's name or "Ends" would.
        index = self._run_start(texts, short=True)
        if 0 < sum(1 for text in texts[index + 1:] if self._short_item(text)) < self.options["min_short_items"]:
            index = self._run_start(texts, short=False)
        items = len(texts) - 1 - index
        if items and index >= 0 and self._label(texts[index]):
            index -= 1
        before = index
        while before >= 0 and index - before < _META_LINES and not self._prose(texts[before]) \
                and _META.search(texts[before]) is not None:
            before -= 1  # a source's address or the tags' field between the article and the list
        if items < self.options["min_items"] or before < 0 or not self._prose(texts[before]):
            return  # no article before the run: the whole text is a list, or the run is its own
        if not any(self._prose(text, self.options["prose_words"]) for text in texts[: before + 1]):
            return
        first = index + 1
        run = texts[first:]
        if sum(1 for text in run if _PERSON_ITEM.search(text)) * 2 >= len(run):
            return  # people named and described: the article's own list
        for (start, end), text in zip(lines[first:], run, strict=True):
            if self.exceptions and self.is_exception(text):
                continue
            yield self.finding(article, start, end, line=text, count=str(len(run)), suggestions=[""],
                               remove_line=True)

    def _run_start(self, texts: list[str], short: bool) -> int:
        """The index of the last line before the run of list items that ends the text."""
        index = len(texts) - 1
        while index >= 0 and (self._headline(texts[index]) or (short and self._short_item(texts[index]))):
            index -= 1
        return index

    def _short_item(self, text: str) -> bool:
        """A tag or a section's name: one or two words, a capital first, letters only."""
        words = text.split()
        return 1 <= len(words) < self.options["min_words"] and _SHORT_ITEM.fullmatch(text) is not None \
            and words[0].casefold() not in _TIES

    def _between(self, article: Article, lines: list[tuple[int, int]], texts: list[str]) -> Iterator[Finding]:
        """A headline of another story set between two paragraphs: a headline-like statement
        (not a question, not in capitals) with prose on both sides, most of whose words the
        article uses nowhere else. A subheading heads what follows and shares its words."""
        candidates = [index for index in range(1, len(texts) - 1) if self._inserted(texts, index)]
        if not candidates:
            return
        stems = [_stems(text) for text in texts]
        counts = Counter(stem for line in stems for stem in line)
        for index in candidates:
            own = Counter(stems[index])
            if len(stems[index]) < 3:
                continue
            shared = sum(1 for stem in stems[index] if counts[stem] > own[stem])
            if shared > self.options["max_shared"] * len(stems[index]):
                continue
            text = texts[index]
            if self.exceptions and self.is_exception(text):
                continue
            start, end = lines[index]
            yield self.finding(article, start, end, line=text, count="1", suggestions=[""], remove_line=True)

    def _inserted(self, texts: list[str], index: int) -> bool:
        text = texts[index]
        if len(text.split()) < self.options["min_between_words"] or not self._headline(text) or text.endswith("?"):
            return False
        if text.upper() == text:
            return False  # a subheading in capitals
        wide = self.options["prose_words"] + 4
        return self._prose(texts[index - 1], wide) and self._prose(texts[index + 1], wide)

    def _headline(self, text: str) -> bool:
        words = text.split()
        if not self.options["min_words"] <= len(words) <= self.options["max_words"]:
            return False
        if text[-1] in ".,;:" or _ADDRESS.search(text) is not None or _FIELD.search(text) is not None:
            return False
        if text[-1] in "\"”’'" and len(text) > 1 and text[-2] in ".?!,":
            return False  # a quoted sentence ("“What about the others?”"), not a headline
        if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"“‘'"):
            return False
        return words[0].casefold().strip("\"“‘'") not in _TIES

    def _label(self, text: str) -> bool:
        words = text.split()
        if not 1 <= len(words) <= self.options["max_label_words"] or _ADDRESS.search(text) is not None:
            return False
        if any(word.casefold().strip(":,.") in _VERBS for word in words):
            return False  # "The winners were:": a sentence that opens the author's own list
        # A colon ends it, or it is short and capitalised without a sentence's final stop
        # ("MORE FROM THE NEWSROOM", "Popular right now").
        return text.endswith(":") or (text[0].isupper() and text[-1] not in ".!?")

    def _prose(self, text: str, least: int = 4) -> bool:
        """A sentence of ``least`` words or more, or a paragraph too long for a headline."""
        words = len(text.split())
        return (words >= least and text.endswith(_SENTENCE_END)) or words >= 25
