"""The shape of each line of an article, as numbers a line model for page furniture reads.

A scraper leaves page furniture (link lists, captions, credits, share counters, author boxes)
between the article's paragraphs. Furniture looks unlike prose: short, without a final full
stop, in title case or capitals, with few of the little words sentences are made of, with
digits, links or handles, and it gathers before the first and after the last paragraph of
prose. Each line of the article gets one vector of such cues (``FEATURES``, each 0 or 1 or a
share), read from the line itself and from the lines around it, in two passes over the lines:
the cost grows with the text, never with the square of its lines.

The cues are deliberately about form, not vocabulary: no phrase of any site is listed here, so
the model generalises to furniture nobody listed. The only word lists are closed classes of
English grammar (function words, auxiliary verbs, months), written for this module.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from checker.patterns.compiled import compiled
from checker.text.article import Article


def _words(*lines: str) -> frozenset[str]:
    """The words of ``lines``, with each apostrophe also written as a typographic one."""
    words = " ".join(lines).split()
    return frozenset(words + [word.replace("'", "’") for word in words if "'" in word])


#: English function words: articles, pronouns, prepositions, conjunctions, auxiliaries and the
#: commonest adverbs. Prose is about half made of them; furniture has few (jusText's signal,
#: with a list of our own: the corpus's copy of jusText's list stays outside the package).
FUNCTION_WORDS = _words(
    "a an the this that these those some any each every no all both either neither another such what which whose",
    "i me my mine myself you your yours yourself yourselves he him his himself she her hers herself it its itself",
    "we us our ours ourselves they them their theirs themselves who whom one",
    "about above across after against along among around as at before behind below beside besides between beyond",
    "but by despite down during except for from in inside into like near of off on onto out outside over past since",
    "through throughout till to toward towards under until up upon via with within without",
    "and or nor so yet because although though while whereas if unless whether than then once when where why how",
    "am is are was were be been being have has had having do does did doing will would shall should can could may",
    "might must not never also just only even still already very too quite rather again ever more most much many",
    "few less other same own there here now thus however",
    "it's i'm don't doesn't didn't isn't wasn't aren't weren't can't won't wouldn't couldn't shouldn't",
    "he's she's that's there's we're they're you're i've we've they've you've i'd he'd she'd we'd they'd",
)
#: Auxiliary and reporting verbs: a line with none of them rarely holds a finite clause.
VERBS = _words(
    "am is are was were be been being have has had do does did will would shall should can could may might must",
    "said says say told tells added asked wrote writes reported according",
    "it's i'm don't doesn't didn't isn't wasn't aren't weren't can't won't wouldn't couldn't shouldn't",
    "he's she's that's there's we're they're you're i've we've they've you've",
)
SECOND_PERSON = _words("you your yours yourself you're you've you'll")

#: Words and numbers are what stands between white space once punctuation is white space
#: too (a word keeps its apostrophes and hyphens): a substitution and a split, where a pattern
#: of letters would cost ten times as much on every line (and ``str.translate`` four times).
#: "4,101" is two numbers, "U.S." two words. The standard library's ``re``: faster here.
_PUNCTUATION = re.compile(r"[!\"#$%&()*+,./:;<=>?@\[\\\]^_`{|}~“”‘«»–—…•·]")
_URL = compiled(r"(?i)https?://|www\.|\.(?:com|org|net|co\.uk|gov)\b")
_HANDLE = compiled(r"(?<![\w.])@\w{2,}")
_DATE = compiled(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? [0-9]{1,2}\b"
    r"|\b[0-9]{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b"
    r"|\b[0-9]{1,2}:[0-9]{2}\b|\b[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}\b|\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b"
)
#: Characters that stand between the items of a menu, a credit or a counter row.
SEPARATORS = frozenset("|•·»«►▶/")
_CLOSERS = "\"'”’)]»*"
#: Only the start of a long line is read for its words: past this, a line is prose by length
#: alone, and its shares would not change the verdict. Its count of words is estimated from
#: its length.
READ = 120
CHARACTERS_PER_WORD = 6
#: A line of prose: at least this many words, and a sentence's final punctuation.
PROSE_WORDS = 10


#: Which way a cue points, as the fit must respect it (``bench/fit_furniture.py`` bounds each
#: weight's sign): towards furniture, towards the article's text, or either way.
FURNITURE, TEXT, EITHER = 1, -1, 0


@dataclass(frozen=True, slots=True)
class Feature:
    """One cue: its name in the weights file, how a finding names it, and which way it may
    point. A fixed direction keeps a weight from learning one odd article backwards, and
    keeps a finding's message honest: only cues that point to furniture are named."""

    name: str
    cue: str
    direction: int
    #: How a finding names the cue when its absence, or a low share, is what points to
    #: furniture (a tree model can read a cue either way); "not <cue>" when not given.
    absent: str = ""
    #: A share above this reads as the cue being there (0: any share at all).
    middle: float = 0.0

    def named(self, value: float) -> str:
        if value > self.middle and self.direction != TEXT:
            return self.cue
        return self.absent or f"not {self.cue}"


#: The cues a line gives by itself, in the order ``own_cues`` lists them.
OWN_FEATURES: tuple[Feature, ...] = (
    Feature("words_1", "a single word", FURNITURE),
    Feature("words_2_3", "two or three words", FURNITURE),
    Feature("words_4_7", "four to seven words", FURNITURE),
    Feature("words_8_15", "eight to fifteen words", EITHER),
    Feature("words_16_30", "sixteen to thirty words", EITHER),
    Feature("ends_sentence", "ends like a sentence", TEXT, "no sentence ending"),
    Feature("ends_colon", "ends with a colon", EITHER),
    Feature("ends_bare", "no final punctuation", FURNITURE),
    Feature("starts_lower", "starts in lower case", EITHER),
    Feature("title_case", "title case", FURNITURE),
    Feature("capitals", "in capitals", FURNITURE),
    Feature("function_share", "share of function words", TEXT, "few function words"),
    Feature("no_function", "no function words", FURNITURE),
    Feature("no_verb", "no auxiliary or reporting verb", FURNITURE),
    Feature("number_share", "share of numbers", FURNITURE),
    Feature("counter", "repeated counts", FURNITURE),
    Feature("link", "a web address", FURNITURE),
    Feature("handle", "a handle (@name)", EITHER),
    Feature("date", "a date or clock time", EITHER),
    Feature("quoted", "quotation marks", TEXT, "no quotation marks"),
    Feature("separator", "separator characters", FURNITURE),
    Feature("second_person", "addresses the reader", FURNITURE),
    Feature("doubled", "says the same thing twice", FURNITURE),
    Feature("name_comma", "a name, then a comma", TEXT),
    Feature("label_colon", "a short label and a colon", FURNITURE),
    Feature("comma_items", "a list of items", EITHER),
    Feature("clock_only", "only a clock time or duration", FURNITURE),
    Feature("date_end", "ends with a date", FURNITURE),
    Feature("numbered", "a numbered item", TEXT),
    Feature("short_date", "a short line with a date or time", FURNITURE),
    Feature("contact", "an e-mail address or telephone number", FURNITURE),
    Feature("glued_words", "words glued together", FURNITURE),
    Feature("name_copula", "a name, then what the person is", EITHER),
    Feature("byline", "the shape of a byline", FURNITURE),
    Feature("exclaims", "ends with an exclamation mark", EITHER),
    Feature("trails_off", "ends with an ellipsis", EITHER),
)
#: The cues of a line's place among the others, in the order ``place_cues`` lists them.
PLACE_FEATURES: tuple[Feature, ...] = (
    Feature("repeated", "repeats in the article", FURNITURE),
    Feature("before_prose", "before the first paragraph of prose", FURNITURE),
    Feature("after_prose", "after the last paragraph of prose", FURNITURE),
    Feature("between_prose", "between two paragraphs of prose", TEXT, "not between two paragraphs of prose"),
    Feature("beside_prose", "next to a paragraph of prose", EITHER),
    Feature("in_list", "in a run of short lines", EITHER),
    Feature("list_bare", "in a run of lines without final punctuation", EITHER),
    Feature("no_prose", "no prose in the article", FURNITURE),
    Feature("in_head", "among the first words of the article", FURNITURE),
    Feature("in_tail", "among the last words of the article", FURNITURE),
    Feature("embed", "in an embedded post", TEXT),
    Feature("link_list", "in a run of web addresses", TEXT),
    Feature("short_after", "a short line after the prose", FURNITURE),
    Feature("bare_after", "a line without final punctuation after the prose", FURNITURE),
    Feature("bare_before", "a line without final punctuation before the prose", FURNITURE),
    Feature("neighbour_short", "next to short lines", FURNITURE),
    Feature("list_item", "an item of a list the author made", TEXT),
    Feature("header_field", "a header field above the article", TEXT),
    Feature("in_block", "shares its paragraph with other lines", FURNITURE),
    Feature("glued", "shares its paragraph where others stand alone", FURNITURE),
    Feature("evidence", "a phrase rule or the site's evidence flags it", FURNITURE),
    Feature("evidence_near", "next to a line a phrase rule or the site's evidence flags", FURNITURE),
    Feature("evidence_block", "among short lines one of which a phrase rule or the site's evidence flags", FURNITURE),
    Feature("after_label", "below a short label", FURNITURE),
    Feature("list_after", "in a run of short lines after the prose", FURNITURE),
    Feature("headline_run", "in a run of headline-like lines", EITHER),
    Feature("far_after", "well after the last paragraph of prose", FURNITURE),
    Feature("clock_near", "next to a clock time or a date", FURNITURE),
    Feature("bio_after", "a name and what the person is, after the prose", FURNITURE),
    Feature("subheading", "a short heading between two paragraphs of prose", TEXT),
    Feature("echo", "begins like a line beside it", FURNITURE),
    Feature("shared_words", "share of its words found elsewhere in the article", TEXT,
            "few of its words found elsewhere in the article"),
    Feature("position", "in the later part of the article", EITHER, "in the first part of the article", 0.5),
    Feature("run_inside", "in a run of short lines amid the prose", EITHER),
)
#: Every cue, in the order of a line's vector. ``cue`` is how a finding's message names one.
FEATURES: tuple[Feature, ...] = OWN_FEATURES + PLACE_FEATURES
FEATURE_NAMES: tuple[str, ...] = tuple(feature.name for feature in FEATURES)
_INDEX = {name: index for index, name in enumerate(FEATURE_NAMES)}
#: Cues of a line the author put there whatever it looks like: an item of a list the author
#: made (a run of lines of one form: names with their roles, numbered or bulleted points,
#: labels with their values, single words, bare web addresses of sources), and an embedded
#: post (a handle, the post, its date); and a field of a header the format did not read as
#: one ("Published: 2024-06-04" above a Markdown article), since a header is never furniture.
#: A line model leaves them alone at any score; they stay
#: in the vector so that a fit learns the other weights without those lines pulling on them.
LEFT_ALONE: tuple[int, ...] = (_INDEX["list_item"], _INDEX["embed"], _INDEX["header_field"])
_ENDS_BARE = _INDEX["ends_bare"]
_CLOCK_AT, _SHORT_DATE_AT = _INDEX["clock_only"], _INDEX["short_date"]


class LineShape(NamedTuple):
    """One line of the article: its span in ``Article.source``, its cues in the order of
    ``FEATURES``, and its words in lower case (of its first ``READ`` characters, numbers
    aside). A named tuple: one is made for every line, and a tuple is made fastest."""

    start: int
    end: int
    values: list[float]
    words: str

    def cue(self, name: str) -> float:
        return self.values[_INDEX[name]]


class _Own(NamedTuple):
    """What a line says on its own, before its neighbours are read."""

    values: list[float]  # in the order of OWN_FEATURES
    words: int
    prose: bool
    short: bool
    bare: bool
    link: bool
    handle: bool
    header: bool
    key: str
    form: str
    label: bool  # a short label above what it names ("MORE ON THIS STORY", "Related:")
    headline: bool  # shaped like a headline: a few words, capitalised, no final punctuation
    clock: bool  # a clock time, a duration or a date, and little else
    bio: bool  # a name, then what the person is ("<name> is <site>'s editor")


#: A line that is a person's name alone ("Michael J. Green", "William G. Milliken"): among
#: short lines, it makes them the writer's list of people (each with a role), not furniture.
NAME_LINE = compiled(r"^\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}\.)*(?:\s+(?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.))+$")
_NAME_COMMA = compiled(r"^(?:\p{Lu}[\p{L}.'’-]*\s){1,3}\p{Lu}[\p{L}.'’-]*,\s")
_LABEL_COLON = compiled(r"^\p{Lu}[\p{L} ]{0,24}:\s+\S")
_CLOCK_ONLY = compiled(r"^\W*(?:[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\W*)+$")
_DATE_END = compiled(r"(?i)(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? [0-9]{1,2},? [0-9]{4}"
                     r"|\b[0-9]{4}-[0-9]{2}-[0-9]{2}|\b[0-9]{1,2}:[0-9]{2}(?: ?[ap]\.?m\.?)?)\W*$")
_COMMA_ITEMS = 3
#: How far into a line its cheap tests look for the comma after a name, the colon after a
#: label, and how far from its end for a final date: the patterns cannot match beyond.
_NAME_REACH, _LABEL_REACH, _DATE_REACH = 120, 28, 48
_QUOTES = frozenset('"“”«»')
_SENTENCE_ENDS = frozenset(".!?…")
_NUMBERED = compiled(r"^\(?[0-9]{1,2}[.)]\s")
_BULLET = compiled(r"^[•·▪◦*–—-]\s")
#: The fields of a scrape's header (``checker.read.parsers.text``), and "Updated".
#: An e-mail address, or a telephone number of ten digits or so in groups.
_CONTACT = re.compile(r"[\w.+-]@[\w-]+\.[a-z]{2,}|(?<!\d)(?:\(\d{3}\) ?|\d{3,5}[-. ])\d{3}[-. ]\d{3,4}(?!\d)")
#: Two pieces of a page glued without a space: a sentence and a caption's credit
#: ("the magazine.Photo: ..."), a label and a player's time ("Play Video2:14").
_GLUED = re.compile(r"[a-z]{2}[.!?:][A-Z][a-z]|[A-Za-z]{2}\d{1,2}:\d{2}")
#: A name (one to three capitalised words, perhaps a title between commas), then a verb that
#: says what the person is or does: the first line of an author's box.
_NAME_COPULA = compiled(r"^(?:\p{Lu}[\p{L}'’.-]*\s){0,2}\p{Lu}[\p{L}'’.-]*(?:,[^,]{1,40},)?\s"
                        r"(?:is|was|has been|writes|covers|reports|lives|works|teaches)\s")
#: "By <Name>", perhaps after one word ("Story by", "Words by").
_BYLINE = compiled(r"^(?:[A-Za-z]+\s)?[Bb]y\s+\p{Lu}")
_BYLINE_WORDS = 12
#: A label names what follows it in a few words: in capitals, or ending with a colon.
_LABEL_WORDS = 6
_HEADER_FIELD = compiled(r"(?i)^(?:title|headline|published|updated|date|source|url|author|byline|by|section):\s")



def own_cues(text: str) -> _Own:
    """The cues a line gives by itself (those of its place are left at 0).

    Every line of every article comes here, so each test is the cheapest that gives its
    answer: set and substring tests in C, and a pattern only where a cheap test allows a
    match (no date without a digit, no handle without an "@")."""
    head = text[:READ]
    long = len(text) > READ
    tokens = _PUNCTUATION.sub(" ", head).split()
    words = [token for token in tokens if token[0].isalpha()]
    numbers = len([token for token in tokens if token[0].isdigit()])
    count = max(len(tokens), len(text) // CHARACTERS_PER_WORD) if long else len(tokens)
    lowered = [word.lower() for word in words]
    is_function = [word in FUNCTION_WORDS for word in lowered]
    function = sum(is_function)
    content = [word for word, function_word in zip(words, is_function, strict=True) if not function_word]
    capitalised = len([word for word in content if word[0].isupper()])
    last = text.rstrip(_CLOSERS)[-1:]
    ends_sentence = last in _SENTENCE_ENDS
    verb = not VERBS.isdisjoint(lowered)
    link = ("//" in head or "www." in head or ".co" in head or ".org" in head or ".net" in head
            or ".gov" in head) and _URL.search(head) is not None
    handle = "@" in head and _HANDLE.search(head) is not None
    date = numbers > 0 and _DATE.search(head) is not None
    colon = ":" in head[:_LABEL_REACH]
    name_comma = "," in head[:_NAME_REACH] and _NAME_COMMA.match(head) is not None
    label_colon = colon and _LABEL_COLON.match(head) is not None
    numbered = head[:2].lstrip("(")[:1].isdigit() and _NUMBERED.match(head) is not None
    bio = count >= 3 and head[:1].isupper() and _NAME_COPULA.match(head) is not None
    # In the order of OWN_FEATURES: a list made at once costs a fraction of one filled by name,
    # and the constants 1.0 and 0.0 are shared where float(...) would make a number each time.
    values = [
        1.0 if count == 1 else 0.0,
        1.0 if 2 <= count <= 3 else 0.0,
        1.0 if 4 <= count <= 7 else 0.0,
        1.0 if 8 <= count <= 15 else 0.0,
        1.0 if 16 <= count <= 30 else 0.0,
        1.0 if ends_sentence else 0.0,
        1.0 if last == ":" else 0.0,
        1.0 if last.isalnum() else 0.0,
        1.0 if words and words[0][0].islower() else 0.0,
        1.0 if len(content) >= 2 and capitalised >= 0.75 * len(content) else 0.0,
        1.0 if len(words) >= 2 and head == head.upper() else 0.0,
        function / len(words) if words else 0.0,
        1.0 if count >= 2 and function == 0 else 0.0,
        1.0 if not verb else 0.0,
        numbers / count if count else 0.0,
        1.0 if numbers >= 2 and count <= 12 and len(set(tokens)) < len(tokens) else 0.0,
        1.0 if link else 0.0,
        1.0 if handle else 0.0,
        1.0 if date else 0.0,
        1.0 if not _QUOTES.isdisjoint(head) else 0.0,
        1.0 if not SEPARATORS.isdisjoint(head) else 0.0,
        1.0 if not SECOND_PERSON.isdisjoint(lowered) else 0.0,
        1.0 if not long and _doubled(text) else 0.0,
        1.0 if name_comma else 0.0,
        1.0 if label_colon else 0.0,
        1.0 if not verb and head.count(",") >= _COMMA_ITEMS else 0.0,
        1.0 if numbers > 0 and count <= 4 and _CLOCK_ONLY.match(head) is not None else 0.0,
        1.0 if date and not long and _DATE_END.search(text[-_DATE_REACH:]) is not None else 0.0,
        1.0 if numbered else 0.0,
        1.0 if date and count <= 8 else 0.0,
        1.0 if (("@" in head or numbers >= 2) and _CONTACT.search(head) is not None) else 0.0,
        1.0 if _GLUED.search(head) is not None else 0.0,
        1.0 if bio else 0.0,
        1.0 if count <= _BYLINE_WORDS and "y " in head and _BYLINE.match(head) is not None else 0.0,
        1.0 if last == "!" else 0.0,
        1.0 if text.rstrip(_CLOSERS).endswith(("…", "...")) else 0.0,
    ]
    header = colon and _HEADER_FIELD.match(head) is not None
    form = _list_form(text, name_comma, numbered, label_colon, link, handle, len(words), numbers)
    prose = count >= PROSE_WORDS and ends_sentence
    capitals = len(words) >= 1 and head == head.upper() and any(character.isalpha() for character in head)
    label = not prose and count <= _LABEL_WORDS and (last == ":" or capitals)
    headline = 3 <= count <= 15 and not ends_sentence and last != ":" and bool(words) and words[0][0].isupper()
    return _Own(values, count, prose, count <= 12, not ends_sentence, link, handle, header, " ".join(lowered), form,
                label, headline, bool(values[_CLOCK_AT] or values[_SHORT_DATE_AT]), bio)


#: Lines in a run of this many or more of one list form are a list the author made.
LIST_RUN = 3


def _list_form(text: str, name_comma: bool, numbered: bool, label_colon: bool, link: bool, handle: bool,
               words: int, numbers: int) -> str:
    """The form a line shares with the other items of a list the author made: "a name, a
    role", a numbered or bulleted item, a label and its value (a transcript, an e-mail's
    header, a fact box), a word or two (ingredients, places), a bare web address (a list of
    sources); "" when none."""
    if name_comma:
        return "name"
    if numbered:
        return "number"
    if _BULLET.match(text):
        return "bullet"
    if label_colon:
        return "label"
    if link:
        return "link" if " " not in text.strip() else ""
    if 1 <= words <= 2 and not numbers and not handle:
        return "word"
    return ""


def _doubled(text: str) -> bool:
    """The line is one phrase written twice, as a scraper leaves a caption or a counter
    that a page shows in two places ("Photo of X. AP Photo of X. AP", "4,101 4,101")."""
    length = len(text)
    if length < 4 or length > 400:
        return False
    half = length // 2
    for cut in (half, half + 1, half - 1):
        left, right = text[:cut].strip(), text[cut:].strip()
        if left and left == right:
            return True
    return False


def article_lines(article: Article) -> list[tuple[int, int]]:
    """The lines the model reads: the article's text lines, less the headline, the header and
    the headings its format marks (``#`` in Markdown, ``<h2>`` in HTML: the author's own)."""
    headings = [(block.start, block.end) for block in article.blocks if block.kind == "heading"]
    return [(start, end) for start, end in article.text_lines
            if not article.in_header(start, end) and not any(s <= start < e for s, e in headings)]


def shape_lines(article: Article, lines: Sequence[tuple[int, int]] | None = None,
                evidence: Sequence[bool] | None = None) -> list[LineShape]:
    """Every line's cues, its own and those of its place among the others.

    ``lines``: the spans to read (default ``article_lines``), in the order they stand.
    ``evidence``: for each of them, whether stronger evidence (a phrase rule, the site's
    learned furniture) flags it; none when not given."""
    if lines is None:
        lines = article_lines(article)
    source = article.source
    own = [own_cues(source[start:end]) for start, end in lines]
    blocks = paragraph_numbers(article, lines)
    places = place_cues(own, blocks, evidence if evidence is not None else [False] * len(own))
    return [LineShape(start, end, line.values + place, line.key)
            for (start, end), line, place in zip(lines, own, places, strict=True)]


#: How much of an article ``function_share`` reads: enough words to tell English prose from
#: another language or a table, and a fixed cost however long the article.
SAMPLE = 2000


def function_share(text: str) -> float:
    """The share of English function words among the words of the start of ``text``: about
    half in English prose, next to none in another language. Words are split at white space
    only: a few that carry a comma go uncounted, which moves no article across the line."""
    words = text[:SAMPLE].lower().split()
    return sum(map(FUNCTION_WORDS.__contains__, words)) / len(words) if words else 0.0


def paragraph_numbers(article: Article, lines: Sequence[tuple[int, int]]) -> list[int]:
    """The paragraph each line stands in, as a number (-1: none), in one pass over both:
    the lines and the paragraphs are in the order of the text."""
    paragraphs = sorted((block.start, block.end) for block in article.paragraphs)
    result = []
    index = 0
    for start, _ in lines:
        while index < len(paragraphs) and paragraphs[index][1] <= start:
            index += 1
        inside = index < len(paragraphs) and paragraphs[index][0] <= start
        result.append(index if inside else -1)
    return result


#: A line is in the head or tail of the article when less than this share of its words
#: stands before or after it.
EDGE_SHARE = 0.15
#: Most paragraphs of a scraped article are single lines apart from blank lines; a line that
#: shares its paragraph there was glued to its neighbour by the page (a caption, a counter).
GLUED_SHARE = 0.6


def paragraphs_stand_alone(blocks: Sequence[int]) -> bool:
    """Whether most paragraphs of an article are one line each (``blocks``: the paragraph of
    each line, as ``paragraph_numbers`` gives them), so that lines sharing one were glued by
    the page rather than by the writer."""
    sizes = Counter(block for block in blocks if block >= 0)
    return sum(1 for size in sizes.values() if size == 1) >= GLUED_SHARE * len(sizes) if sizes else False


#: A line this many lines or more below the last line of prose is well after it.
FAR_AFTER = 3
#: A short line between two paragraphs of prose, without final punctuation, of at most this
#: many words, reads as a subheading.
SUBHEADING_WORDS = 10


def place_cues(own: list[_Own], blocks: list[int], evidence: Sequence[bool]) -> list[list[float]]:
    """The cues of where each line stands, in the order of ``PLACE_FEATURES``: before the
    first or after the last line of prose, between two, in a run of short lines (a list, a
    menu), in a list the author made, in an embedded post, below a label, next to a line
    that stronger evidence (``evidence``: a phrase rule, the site's learned furniture) flags
    or in one block of short lines with it."""
    prose_at = [position for position, line in enumerate(own) if line.prose]
    first, last = (prose_at[0], prose_at[-1]) if prose_at else (len(own), -1)
    keys = Counter(line.key for line in own if line.key)
    total = sum(line.words for line in own) or 1
    edge = EDGE_SHARE * total
    # The run each line belongs to, measured once per run.
    short_run = _runs([line.short and not line.prose for line in own])
    bare_run = _runs([line.short and line.bare for line in own])
    link_run = _runs([line.link for line in own])
    list_run = _runs([line.form for line in own])
    sizes = Counter(block for block in blocks if block >= 0)
    alone = paragraphs_stand_alone(blocks)
    headline_run = _runs([line.headline for line in own])
    # Each run of lines that are not prose, by number, and whether evidence flags one of them.
    block_of = _run_numbers([not line.prose for line in own])
    flagged_blocks = {block_of[position] for position, flag in enumerate(evidence) if flag}
    labelled = _below_label(own)
    echoes = _echoes(own)
    shared = _shared_words(own)
    no_prose = 1.0 if not prose_at else 0.0
    result = []
    before_words = 0
    previous = before_previous = None
    for position, line in enumerate(own):
        following = own[position + 1] if position + 1 < len(own) else None
        previous_prose = previous is not None and previous.prose
        following_prose = following is not None and following.prose
        is_before, is_after = position < first, position > last
        in_head = before_words < edge
        before_words += line.words
        in_block = blocks[position] >= 0 and sizes[blocks[position]] > 1
        result.append([
            1.0 if line.key and keys[line.key] > 1 else 0.0,
            1.0 if is_before else 0.0,
            1.0 if is_after else 0.0,
            1.0 if previous_prose and following_prose else 0.0,
            1.0 if previous_prose != following_prose else 0.0,
            1.0 if short_run[position] >= 3 else 0.0,
            1.0 if bare_run[position] >= 3 else 0.0,
            no_prose,
            1.0 if in_head else 0.0,
            1.0 if total - before_words < edge else 0.0,
            # An embedded post (a tweet) gives its author's handle, then the post, then its date.
            1.0 if (line.handle or (previous is not None and previous.handle)
                    or (before_previous is not None and before_previous.handle)) else 0.0,
            1.0 if link_run[position] >= 3 else 0.0,
            1.0 if is_after and line.words <= 7 else 0.0,
            1.0 if is_after and line.values[_ENDS_BARE] > 0 else 0.0,
            1.0 if is_before and line.values[_ENDS_BARE] > 0 else 0.0,
            1.0 if (previous is not None and previous.short and not previous.prose
                    and following is not None and following.short and not following.prose) else 0.0,
            1.0 if list_run[position] >= LIST_RUN else 0.0,
            1.0 if is_before and line.header else 0.0,
            1.0 if in_block else 0.0,
            1.0 if in_block and alone else 0.0,
            1.0 if evidence[position] else 0.0,
            1.0 if ((position > 0 and evidence[position - 1])
                    or (following is not None and evidence[position + 1])) else 0.0,
            1.0 if not line.prose and block_of[position] in flagged_blocks else 0.0,
            1.0 if labelled[position] else 0.0,
            1.0 if is_after and short_run[position] >= 2 else 0.0,
            1.0 if headline_run[position] >= 2 else 0.0,
            1.0 if position >= last + FAR_AFTER and prose_at else 0.0,
            1.0 if ((previous is not None and previous.clock) or (following is not None and following.clock)) else 0.0,
            1.0 if line.bio and (is_after or total - before_words < edge) else 0.0,
            1.0 if (previous_prose and following_prose and line.bare and line.words <= SUBHEADING_WORDS) else 0.0,
            1.0 if echoes[position] else 0.0,
            shared[position],
            (before_words - line.words) / total,
            1.0 if short_run[position] >= 3 and first < position < last else 0.0,
        ])
        before_previous, previous = previous, line
    return result


#: Two lines echo when they begin with these many words alike: a caption a page shows twice,
#: once with its credit ("Photo of X" then "Photo of X (AP)"), a video's title above and below
#: its player.
ECHO_WORDS = 4
#: How many lines apart an echo is looked for (a "Play video" line may stand between).
ECHO_REACH = 2
#: Words of fewer letters than this are left out of the article's vocabulary (initials, "st").
SHARED_LETTERS = 3


def _echoes(own: list[_Own]) -> list[bool]:
    """Whether each line begins with the same ``ECHO_WORDS`` words as a line at most
    ``ECHO_REACH`` lines before or after it."""
    starts = [tuple(line.key.split()[:ECHO_WORDS]) if line.words >= ECHO_WORDS - 1 else None for line in own]
    result = [False] * len(own)
    for position, start in enumerate(starts):
        if start is None:
            continue
        for other in range(position + 1, min(position + 1 + ECHO_REACH, len(starts))):
            if starts[other] == start:
                result[position] = result[other] = True
    return result


def _shared_words(own: list[_Own]) -> list[float]:
    """For each line, the share of its content words (function words and short words aside)
    that another line of the article uses too: an article's own lines, its subheadings and
    captions share its vocabulary; a promotion, an author's box or another story's headline
    less so (jusText's idea of a block's content, read across the article). One count of the
    words of every line, then one pass: linear in the text."""
    vocabulary = [{word for word in line.key.split() if len(word) >= SHARED_LETTERS and word not in FUNCTION_WORDS}
                  for line in own]
    lines_with = Counter(word for words in vocabulary for word in words)
    return [sum(1 for word in words if lines_with[word] > 1) / len(words) if words else 0.0
            for words in vocabulary]


def _run_numbers(keys: Sequence[bool]) -> list[int]:
    """For each position, the number of the run of true keys it stands in (-1 where false)."""
    numbers = []
    run = -1
    previous = False
    for key in keys:
        if key and not previous:
            run += 1
        numbers.append(run if key else -1)
        previous = key
    return numbers


def _below_label(own: list[_Own]) -> list[bool]:
    """Whether each line stands below a short label ("MORE ON THIS", "Read next:") with only
    lines that are not prose between: the items the label names."""
    result = []
    active = False
    for line in own:
        result.append(active and not line.prose)
        if line.prose:
            active = False
        elif line.label:
            active = True
    return result


def _runs(keys: Sequence[object]) -> list[int]:
    """For each position, the length of the run of equal keys it stands in; 0 where its key
    is false (not short, no list form)."""
    lengths = [0] * len(keys)
    index = 0
    while index < len(keys):
        key = keys[index]
        end = index + 1
        while end < len(keys) and key and keys[end] == key:
            end += 1
        if key:
            lengths[index:end] = [end - index] * (end - index)
        index = end
    return lengths
