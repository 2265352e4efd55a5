"""A later mention that takes up an earlier quantified thing and gives it another figure:
"Residents of about 140 homes were told to leave" ... "the order covering the 60 homes";
"burning 40 hectares" ... "the 400-hectare blaze"; "three prisoners" ... "the pair".

A mention is a quantity (see ``numbers``; also "three dozen", "one and a half", "the dozen")
with what it measures: a count of a noun ("140 homes", "a crowd of 14,200") or a measure in a
unit (length, area, mass, volume or one currency, converted to one base unit where the
conversion is sure). Its noun is known by its lemma or by its synonym class from the rule's
vocabulary (jobs, redundancies and posts are one class), or, for a definite later mention, by
the shipped noun links (``kinds_of``: "the 24 ewes" takes up "Thirty-six sheep", "the three
coaches" "two carriages"); and it carries the event word next to
it ("killed", "taken to hospital"), if any. A measure right after a past verb measures the noun
the verb is made from ("was fined £45,000": a fine; "granted £3 million": a grant).

Only a later mention that takes something up is compared: a definite phrase ("the 60 homes",
"all three climbers", "our three dozen buses", "the 400-hectare blaze", "the pair", "the
cordon, which stretched 1.5 km"). It conflicts with the earlier mentions of its class and event
when they all give one figure and it does not meet it. Left alone: figures of one list (two
figures of the class in one sentence), another occasion or a part ("another", "of whom",
"including"), an update ("rose to", "revised"), a hedge or a question, two named sources, two
places named after the noun ("homes in Alton" against "homes in Bray").
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from checker.kinds.contradiction import Conflict, Searcher, Statement
from checker.kinds.contradiction.counts import sentence_figures as read_figures
from checker.kinds.contradiction.figures import Figures, SentenceFigures
from checker.kinds.contradiction.kinds_of import same_things
from checker.kinds.contradiction.numbers import NUMBER_WORDS, QUANTITY, Interval, interval, words_value
from checker.patterns.compiled import compiled
from checker.text.dates import MONTH_PATTERN, MONTHS, WEEKDAY_PATTERN, WEEKDAYS

#: Base units: metres, square metres, kilograms, litres; money is compared only in one currency.
#: Each unit word (singular) -> (dimension, low factor, high factor): a US or imperial "ton" or
#: "gallon" is an interval, so a conversion that is not sure never makes a conflict.
UNITS: dict[str, tuple[str, float, float]] = {
    "metre": ("length", 1, 1), "meter": ("length", 1, 1), "kilometre": ("length", 1e3, 1e3),
    "kilometer": ("length", 1e3, 1e3), "km": ("length", 1e3, 1e3), "mile": ("length", 1609.344, 1609.344),
    "foot": ("length", 0.3048, 0.3048), "feet": ("length", 0.3048, 0.3048), "ft": ("length", 0.3048, 0.3048),
    "yard": ("length", 0.9144, 0.9144), "centimetre": ("length", 0.01, 0.01), "centimeter": ("length", 0.01, 0.01),
    "hectare": ("area", 1e4, 1e4), "ha": ("area", 1e4, 1e4), "acre": ("area", 4046.86, 4046.86),
    "square kilometre": ("area", 1e6, 1e6), "square kilometer": ("area", 1e6, 1e6), "sq km": ("area", 1e6, 1e6),
    "km2": ("area", 1e6, 1e6), "square mile": ("area", 2.58999e6, 2.58999e6),
    "square metre": ("area", 1, 1), "square meter": ("area", 1, 1),
    "kilogram": ("mass", 1, 1), "kilogramme": ("mass", 1, 1), "kg": ("mass", 1, 1), "kilo": ("mass", 1, 1),
    "tonne": ("mass", 1e3, 1e3), "metric ton": ("mass", 1e3, 1e3), "ton": ("mass", 907.18, 1016.05),
    "gram": ("mass", 1e-3, 1e-3), "litre": ("volume", 1, 1), "liter": ("volume", 1, 1),
    "gallon": ("volume", 3.785, 4.546),
    "year": ("duration", 365, 366), "month": ("duration", 28, 31), "week": ("duration", 7, 7),
    "day": ("duration", 1, 1), "storey": ("storeys", 1, 1), "story": ("storeys", 1, 1), "floor": ("storeys", 1, 1),
    "dollar": ("money:dollar", 1, 1), "euro": ("money:euro", 1, 1), "peso": ("money:peso", 1, 1),
    "yen": ("money:yen", 1, 1), "yuan": ("money:yuan", 1, 1), "rupee": ("money:rupee", 1, 1),
    "rouble": ("money:rouble", 1, 1), "ruble": ("money:rouble", 1, 1), "franc": ("money:franc", 1, 1),
    "krona": ("money:krona", 1, 1), "kronor": ("money:krona", 1, 1), "krone": ("money:krone", 1, 1),
    "kroner": ("money:krone", 1, 1), "rand": ("money:rand", 1, 1), "naira": ("money:naira", 1, 1),
}
_CURRENCY_SIGNS = {"$": "money:dollar", "£": "money:pound", "€": "money:euro"}
_UNIT_WORDS = "|".join(regex.escape(u).replace(r"\ ", r"\s+") for u in sorted(UNITS, key=lambda u: (-len(u), u)))
#: A unit after a quantity: " hectares", "-hectare", "-billion-peso" (a compound before a noun).
_UNIT_AFTER = compiled(
    rf"(?i)(?P<join>-|\s+)(?:(?P<scale>hundred|thousand|million|billion)(?P<join2>-|\s+))?"
    rf"(?P<unit>{_UNIT_WORDS})(?P<plural>e?s|ies)?(?![\p{{L}}\p{{N}}-])"
)
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}
#: Number forms ``numbers.QUANTITY`` does not read: "three dozen", "one and a half", "the dozen",
#: "a score of" (twenty; not a match's "a score of 3-1").
_SMALL = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
          r"|[0-9]+)")
_MORE_NUMBERS = compiled(
    rf"(?i)(?<![\p{{L}}\p{{N}}_$£€.,-])(?:(?P<dozens>{_SMALL})\s+dozen"
    rf"|(?P<whole>{_SMALL})\s+and\s+a\s+half(?:\s+(?P<scale>hundred|thousand|million|billion))?"
    rf"|(?<=\bthe\s+)(?P<dozen>dozen)"
    rf"|(?P<scores>a|one|two|three|four)\s+score\s+of(?=\s+(?!(?:an?|the|nil|zero|one|two|three|four|five|six|seven|eight|nine|ten)\b)[\p{{L}}]))(?![\p{{L}}\p{{N}}_])"
)
#: Nouns that count people by themselves: "the pair" after "three prisoners".
_GROUPS = {"pair": 2, "duo": 2, "trio": 3, "quartet": 4}
_GROUP = compiled(r"(?i)\b(?:the|both|all)\s+(?P<group>pair|duo|trio|quartet)\b(?!\s+of\b)")
#: A determiner that makes the phrase take something up ("the 60 homes", "all three").
_DEFINITES = frozenset({"the", "all", "its", "their", "our", "his", "her", "these", "those"})


_POSSESSIVES = frozenset({"its", "their", "our", "his", "her", "my", "your"})


def _owner(before: str) -> str | None:
    last = before.rsplit(None, 1)[-1:]
    word = last[0].lower().lstrip("\"'“‘(") if last else ""
    return word if word in _POSSESSIVES else None


def _definite(before: str) -> bool:
    """The words before a figure make the phrase take something up ("the", "all", "its", "the
    day's")."""
    if not before[-1:].isspace():
        return False
    last = before.rsplit(None, 1)[-1:]
    if not last:
        return False
    word = last[0].lower().lstrip("\"'“‘(")
    # A possessive noun takes up as "the" does: "the day's 25 cancelled flights".
    return word in _DEFINITES or (len(word) > 2 and word.endswith(("'s", "’s")))


_WORD = compiled(r"[\p{L}][\p{L}'’-]*")
#: Words that end the noun phrase after a figure: the noun is before them.
_FUNCTION = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but", "as", "is",
    "are", "was", "were", "be", "been", "has", "have", "had", "that", "this", "which", "who", "whom", "it", "its",
    "their", "his", "her", "they", "he", "she", "we", "said", "than", "more", "less", "per", "each", "year",
    "years", "ago", "old", "percent", "cent", "times",
    # Words that open a clause or a phrase of time or place: no noun phrase goes on over them
    # ("a £45,000 fine after a worker fell": the fine).
    "after", "before", "since", "until", "during", "over", "under", "into", "about", "against", "amid", "despite",
    "following", "when", "while", "because", "if", "where", "near", "across", "through", "without",
})
#: Words between the determiner or figure and the noun that make the phrase a part or another
#: group ("the 12 other passengers", "the remaining 20").
_PART_WORDS = frozenset({"other", "more", "remaining", "additional", "extra", "new", "further", "top", "first", "last",
                         "next", "previous", "past", "surviving", "injured", "missing", "former", "original"})
#: A link from a noun to the measure that follows ("a fire ... burning 40 hectares", "a cordon
#: with a radius of 500 metres", "a ship carrying 6,000 tonnes", "at a cost of 18 billion pesos").
_LINK = compiled(
    r"(?i)\b(?:burn(?:ing|ed|t)|cover(?:ing|ed|s)|measur(?:ing|ed|es)|spann(?:ing|ed)|spans|stretch(?:ing|ed|es)"
    r"|destroy(?:ing|ed|s)|scorch(?:ing|ed)|ravag(?:ing|ed)|blacken(?:ing|ed)|consum(?:ing|ed)"
    r"|carry(?:ing)?|carried|carries|weigh(?:ing|ed|s)|cost(?:ing|s)?|worth|valued\s+at|priced\s+at"
    r"|(?:radius|area|length|size|cost|weight|value|price|distance|height|depth)\s+of|(?:an?\s+)?area\s+of"
    r"|ran\s+for|runs?\s+for)\s+(?:(?:about|around|some|roughly|nearly|almost|more\s+than|over|up\s+to|just)\s+)?$"
)
#: A verb of sentencing before a length: the length is a sentence's ("jailed for six years").
_SENTENCED = compiled(r"(?i)\b(?:jailed|imprisoned|sentenced|locked\s+up|put\s+away)\s+(?:for|to)\s+$")
#: "The cordon, which stretched one and a half kilometres": a definite noun taken up with a measure.
_WHICH = compiled(r"(?i)(?:^|\b(?:the|its)\s+)(?P<noun>[\p{L}-]+),\s+(?:which|that)\s+(?:\p{L}+\s+){1,2}$")
_PLACE_AFTER = compiled(r"\s+(?:in|at|near|on|from)\s+(?:the\s+)?"
                        r"(?P<place>\p{Lu}[\p{L}'’-]+(?:\s+(?:[\p{L}'’-]+)){0,5})")
_SPEAKER = compiled(
    r"(?<!\b(?:in|at|from|of|near|across)\s+)(?P<name>\p{Lu}[\p{L}'’.-]*(?:[^\S\n]+\p{Lu}[\p{L}'’.-]*){0,4})"
    r"(?=,?\s+(?:said|says|told|added)\b)|(?<=\b(?:said|says|according\s+to)\s+)"
    r"(?P<after>\p{Lu}[\p{L}'’.-]*(?:[^\S\n]+\p{Lu}[\p{L}'’.-]*){0,4})"
)
_CLAUSE_END = compiled(r"[;:()\[\]]|\s[–—]\s|,\s+(?:but|while|whereas|and)\b")
#: How many words after a count's noun its event word may be ("guests at a wedding ... were
#: taken to hospital"), and before its figure ("cut 300 jobs", "the bodies of all three").
_EVENT_AFTER = 16
_EVENT_BEFORE = 4
#: How far before a measure's link its nouns are read ("A forest fire that forced the evacuation of
#: two villages ... after burning 40 hectares"): a bound, so a long list costs its length.
_NOUN_REACH = 240
#: The earlier mentions of one class kept: the first mentions say what the article holds.
_KEPT = 8
#: Counts kept for each event, whatever their noun, that a later mention in another noun may take
#: up: the first ones, so that an article of thousands of figures costs a bounded search a mention.
_COUNTED = 32
#: The class of "the pair", "the trio": any count of people.
PEOPLE = "\x00people"
#: Nouns that say nothing of a group but that it is people, workers or staff.
_GENERIC = frozenset({"people", "person", "staff", "employee", "worker", "workforce"})
#: Nouns of people that say nothing more: "the nine men" takes up "11 fishermen".
_PLAIN_PEOPLE = frozenset({"people", "person", "men", "man", "women", "woman"})
#: How far back (in characters) "the pair" or "the nine men" looks for the count it takes up.
_GROUP_REACH = 1500
_PARTITIVE = compiled(r"(?i)\s+of\s+(?:the|these|those|its|their)(?=\s)")
_JOINED = compiled(r"\s+(?:and|or|&)\s")
#: The class of every sum of money: "the 2,500 dollars" takes up the one sum given before.
AMOUNT = "\x00amount"


@dataclass(frozen=True)
class Vocabulary:
    #: Noun lemma -> its class (a noun not in the table is its own class).
    classes: dict[str, str]
    #: Nouns that count people (a class or a lemma): "the pair" takes up a count of these.
    people: frozenset[str]
    #: Event name -> pattern of the words that name it.
    events: dict[str, Searcher]
    updates: Searcher
    distinct: Searcher
    hedges: Searcher
    #: Nouns too vague to say what is counted ("times", "points").
    ignored: frozenset[str]
    #: Events that say by themselves which group is counted ("killed", "cut"): a later count of
    #: one of them in another noun of the class ("three mountaineers died") is compared too.
    anchors: frozenset[str] = frozenset()
    #: All event words in one pattern (as ``counts.Vocabulary.any_event``): most mentions name
    #: no event, and one search says so.
    any_event: Searcher | None = None
    #: ``word_hints(any_event)``: a sentence whose case folding holds none of them names no
    #: event (None: every text is searched).
    event_hints: tuple[str, ...] | None = None

    def names_event(self, text: str) -> bool:
        """Whether one of the events' patterns finds a match in ``text``."""
        if self.any_event is not None:
            return self.any_event.search(text) is not None
        return any(pattern.search(text) for pattern in self.events.values())


@dataclass(frozen=True)
class Mention:
    value: Interval
    #: "count", or the dimension of a measure ("area", "money:euro").
    dimension: str
    #: The class (or lemma) of the noun counted or measured.
    noun: str
    event: str | None
    #: The mention takes up something said before.
    definite: bool
    statement: Statement
    sentence: tuple[int, int]
    #: The names of a place right after the noun ("homes in Larch Bay").
    place: frozenset[str] | None
    #: What the sentence says besides its figures, read when a comparison asks.
    context: _Sentence
    #: Lower-case words between the figure and its noun ("four politburo members"): a group
    #: so narrowed is not the one a plain "the seven members" takes up.
    modifiers: frozenset[str] = frozenset()
    #: The whole of a part ("five of the seven members"): an earlier smaller figure may be a part.
    whole: bool = False
    #: The noun as written, singular ("mountaineer" where ``noun`` is its class "climber").
    lemma: str = ""
    #: The words of a phrase narrowing the noun after it ("the 120 evacuees at the school"),
    #: less its event's: a definite so narrowed may be a part of what was counted before.
    restriction: frozenset[str] = frozenset()
    #: For a count of plain people, its clause in lower case ("3,000 people marched through"):
    #: "the 8,000 marchers" takes it up.
    clause: str = ""
    #: The possessive before the figure ("his four overs", "their 20 overs"): two owners, two things.
    owner: str | None = None
    #: A part of a group ("120 of the homes"): a later mention may take it up; it is compared with none.
    part: bool = False
    #: The noun is joined to another ("women and men"): the group is not its noun's alone.
    joined: bool = False

    def cues(self) -> tuple[bool, bool]:
        """(update, marked): an update word, and another occasion, a part or a hedge. A
        definite mention is marked by the words next to it, not by its whole sentence: "the
        400-hectare blaze is the largest so far this year" still says the blaze's size."""
        context = self.context
        if not self.definite:
            return context.update, context.marked
        text = context.text
        start, stop = self.statement.start - context.start, self.statement.end - context.start
        near = " ".join(text[max(0, start - 50):start].split()[-_CUE_REACH:] + text[stop:stop + 60].split()[
            :_CUE_REACH])
        vocabulary = context.vocabulary
        return (vocabulary.updates.search(near) is not None,
                bool(vocabulary.distinct.search(near) or vocabulary.hedges.search(near) or context.question))


class _Sentence:
    """A sentence's update, other-occasion and hedge words, sources, day and names: most
    mentions are never compared, so each is read only when a comparison asks."""

    def __init__(self, text: str, start: int, vocabulary: Vocabulary) -> None:
        self.text = text
        self.start = start
        self.vocabulary = vocabulary

    @functools.cached_property
    def question(self) -> bool:
        return self.text.rstrip().endswith("?")

    @functools.cached_property
    def marked(self) -> bool:
        return bool(self.vocabulary.distinct.search(self.text) or self.vocabulary.hedges.search(self.text)
                    or self.question)

    @functools.cached_property
    def update(self) -> bool:
        return self.vocabulary.updates.search(self.text) is not None

    @functools.cached_property
    def speakers(self) -> frozenset[str]:
        return frozenset(w for m in _SPEAKER.finditer(self.text) for w in m.group(0).split())

    @functools.cached_property
    def when(self) -> str | None:
        when = _WHEN.search(self.text)
        return " ".join(when.group(1).lower().split()) if when else None

    @functools.cached_property
    def words(self) -> frozenset[str]:
        return frozenset(w.lower() for w in _WORD.findall(self.text))

    @functools.cached_property
    def names(self) -> frozenset[str]:
        return frozenset(m.group(0) for m in _INNER_NAME.finditer(self.text)
                         if m.group(0).lower() not in _CALENDAR and m.group(0) not in self.speakers)


def lemma(word: str) -> str:
    """A crude singular, enough for "homes"/"home", "redundancies"/"redundancy"."""
    w = word.lower().replace("’", "'")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes", "buses")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def mentions_in(source: str, sentences: Iterable[tuple[int, int]], vocabulary: Vocabulary,
                figures: SentenceFigures | None = None, folded_source: str | None = None) -> list[Mention]:
    """The mentions of the sentences. ``figures``: the article's sentence figures, which
    ``counts`` reads too (a fresh one when not given); ``folded_source``: the article's
    ``precheck.folded_source`` (None: not known, or not exact)."""
    figures = SentenceFigures() if figures is None else figures
    found: list[Mention] = []
    # Case folding maps each character on its own: a sentence's folded text is a piece of the
    # folded source where the lengths agree.
    whole = source.casefold() if folded_source is None else folded_source
    same_offsets = len(whole) == len(source)
    whole_or_none = whole if same_offsets else None
    # The event hints, where the test in the folded text is exact (see ``_read``).
    event_hints = vocabulary.event_hints if folded_source is not None else None
    spans = list(sentences)
    for (start, end), held in zip(spans, figures.holding(spans, whole_or_none), strict=True):
        text = source[start:end]
        folded = whole[start:end] if same_offsets else text.casefold()
        if held:
            figured = figures.of(start, end, text, folded, whole_or_none)
            if figured[0] is None and not _may_mention_without_number(text, folded):
                continue
        elif _may_mention_without_number(text, folded):
            figured = figures.of(start, end, text, folded, whole_or_none)
        else:
            continue  # no number and no cue: nothing to read
        found.extend(_read(text, start, end, vocabulary, folded, figured, event_hints))
    if any(_is_group_word(m) for m in found):
        # Where the article first names that many people together, by their number.
        named: dict[int, int] = {}
        for match in _NAMED_GROUP.finditer(source):
            named.setdefault(_names_in(match.group(0)), match.start())
        found = [m for m in found if not (_is_group_word(m) and named.get(int(m.value.low), len(source))
                                          < m.statement.start)]
    return found


def _is_group_word(mention: Mention) -> bool:
    """A mention read from "the pair", "the trio" ... (``_GROUP``)."""
    return mention.noun == PEOPLE and mention.statement.text.split()[-1].lower() in _GROUPS


#: People named one after another, the last after "and" ("Tom Reed and Ann Lowe", "Ali, Bea and
#: Cy"): "the pair" or "the trio" after them takes them up, not a count made earlier.
_NAME_WORDS = r"\p{Lu}[\p{L}'’-]+(?:[^\S\n]+\p{Lu}[\p{L}'’-]+){0,2}"
_NAMED_GROUP = compiled(rf"(?<![\p{{L}}'’-]){_NAME_WORDS}(?:,[^\S\n]+{_NAME_WORDS}){{0,4}},?[^\S\n]+and[^\S\n]+"
                        rf"{_NAME_WORDS}(?![\p{{L}}'’-])")


def _names_in(text: str) -> int:
    """How many names a ``_NAMED_GROUP`` match joins."""
    return text.count(",") - (1 if ", and " in text else 0) + 2


def _may_mention_without_number(text: str, folded: str) -> bool:
    """Whether ``_read`` may find a mention in a sentence without a number word or digit: the
    tests it makes before any pattern runs on such a sentence, taken together (a currency sign
    or " score " in ``_quantities``, a vote, a change or a rate in ``_derived``, a group word).
    Most sentences pass none of them."""
    return _CUES.search(text) is not None or " score " in folded


#: The texts of ``_may_mention_without_number`` (but " score ", looked for in the folded text),
#: in one plain search: it finds one where the text holds one.
_CUES = re.compile("|".join(re.escape(cue) for cue in ("$", "£", "€", "vot", "Vot", "otion", " from ", "%", "cent",
                                                        *_GROUPS)))


def _quantities(text: str, folded: str,
                figures: Figures | None = None) -> list[tuple[int, int, Interval, str | None]]:
    """(start, end, value, currency sign) of each quantity, the extra forms first. ``figures``:
    the sentence's, from the article's ``SentenceFigures`` (read here when not given)."""
    taken: list[tuple[int, int, Interval, str | None]] = []
    if figures is None:
        figures = read_figures(text, folded)
    number, begin, quantities, _ = figures
    if number is None and not any(sign in text for sign in "$£€") and " score " not in folded:
        return taken
    more = _MORE_NUMBERS.finditer(text, begin) if "dozen" in folded or " half" in folded or " score " in folded \
        else ()
    for match in more:
        if match.group("scores"):
            base = 1 if match.group("scores").lower() == "a" else words_value(match.group("scores"))
            value = None if base is None else base * 20
        elif match.group("dozens"):
            base = words_value(match.group("dozens")) if match.group("dozens")[0].isalpha() \
                else float(match.group("dozens"))
            value = None if base is None else base * 12
        elif match.group("whole"):
            base = words_value(match.group("whole")) if match.group("whole")[0].isalpha() \
                else float(match.group("whole"))
            scale = match.group("scale")
            value = None if base is None else (base + 0.5) * (_SCALES[scale.lower()] if scale else 1)
        else:
            value = 12.0
        if value is not None:
            taken.append((match.start(), match.end(), Interval(value, value), None))
    extra = [(s, e) for s, e, _, _ in taken]  # in order: "three dozen", "one and a half"
    next_extra = 0
    for match in quantities if number else QUANTITY.finditer(text, begin):
        while next_extra < len(extra) and extra[next_extra][1] <= match.start():
            next_extra += 1
        if next_extra < len(extra) and extra[next_extra][0] < match.end():
            continue  # inside one of the forms read above
        if match.group("vague"):
            continue  # "dozens", "several": too loose to take up
        number = match.group("num")
        if number and _YEAR.fullmatch(number) and not match.group("cur"):
            continue  # a year
        value = interval(match)
        if value is not None:
            taken.append((match.start(), match.end(), value, match.group("cur")))
    taken.sort()
    return taken


#: How many words before and after a definite mention an update, another occasion or a hedge is
#: read ("rose to 60 homes", "if the 60 homes").
_CUE_REACH = 4


def _read(text: str, base: int, end: int, vocabulary: Vocabulary, folded: str,
          figures: Figures | None = None, event_hints: tuple[str, ...] | None = None) -> Iterator[Mention]:
    """The mentions of a sentence. ``event_hints``: the vocabulary's, where a test of the
    folded text is exact (else None): a sentence holding none of them names no event in any
    window read here, and none is searched. Looked for once, when a window is first read."""
    events: bool | None = None if event_hints is not None else True
    context = _Sentence(text, base, vocabulary)
    sentence = (base, end)
    for start, stop, value, sign in _quantities(text, folded, figures):
        before = text[max(0, start - 40):start]
        definite = _definite(before)
        unit = _UNIT_AFTER.match(text, stop)
        if sign or unit:
            yield from _measure(text, base, sentence, start, stop, value, sign, unit, definite, vocabulary,
                                context)
            continue
        strong = _STRONG.match(text, stop)
        noun = _noun_after(text, strong.end() if strong else stop, vocabulary, plural=not strong)
        part = False
        if noun is None:
            partitive = _PARTITIVE.match(text, stop)
            noun = _noun_after(text, partitive.end(), vocabulary) if partitive else None
            part = noun is not None  # "About 120 of the homes": a part, taken up but never compared
            definite = definite and not part
        if noun is None:
            of = _NOUN_OF.search(before)
            if of is None or of.group("noun").lower() in _FUNCTION:
                continue
            # "a crowd of 14,200", "an attendance of 9,000": the noun before counts.
            noun_text, noun_start, noun_end = of.group("noun"), start - len(before) + of.start("noun"), stop
            definite = False
        else:
            noun_text, noun_start, noun_end = noun
            noun_start = start
        key = _key(noun_text, vocabulary)
        if key in vocabulary.ignored:
            continue
        if events is None:
            events = any(hint in folded for hint in event_hints)  # type: ignore[union-attr]
        event = _event(text, start, noun_end, vocabulary) if events else None
        place = _PLACE_AFTER.match(text, noun_end)
        # Modifiers narrow the group ("four politburo members"), unless they name its event ("the
        # 60 evacuated homes").
        between = frozenset(w.lower() for w in text[stop:noun_end].split()[:-1] if w[0].islower()
                            and not (events and vocabulary.names_event(w)))
        yield Mention(value, "count", key, event, definite,
                      Statement(base + noun_start, base + noun_end, text[noun_start:noun_end]), sentence,
                      _names(place.group("place")) if place else None, context, modifiers=between,
                      whole=_WHOLE.search(before) is not None, lemma=lemma(noun_text),
                      restriction=_restriction(text, noun_end, vocabulary) if definite else frozenset(),
                      clause=_clause_after(text, start, noun_end).lower() if lemma(noun_text) in _GENERIC else "",
                      joined=_JOINED.match(text, noun_end) is not None, part=part, owner=_owner(before))
    yield from _derived(text, base, sentence, context)
    groups = _GROUP.finditer(text) if any(word in text for word in _GROUPS) else ()
    for group in groups:
        count = float(_GROUPS[group.group("group").lower()])
        if events is None:
            events = any(hint in folded for hint in event_hints)  # type: ignore[union-attr]
        event = _event(text, group.start(), group.end(), vocabulary) if events else None
        yield Mention(Interval(count, count), "count", PEOPLE, event, True,
                      Statement(base + group.start(), base + group.end(), group.group(0)), sentence, None, context)


_INNER_NAME = compiled(r"(?<=\S\s+)\p{Lu}[\p{L}'’-]+")
_CALENDAR = frozenset(name for name in (*MONTHS, *WEEKDAYS) if len(name) >= 4) | {"the", "a", "an", "this", "that"}
#: "Five of the seven members", "a majority of the 538 votes": the figure is a whole.
_WHOLE = compiled(r"(?i)\bof\s+(?:the|its|their)\s+$")
#: The day or month a sentence puts its event on ("on Tuesday", "in March", "On July 17").
_WHEN = compiled(rf"(?i)\b(?:on|in)\s+((?:{WEEKDAY_PATTERN}|{MONTH_PATTERN})\.?(?:\s+[0-9]{{1,2}})?)\b")


_N = r"[0-9][0-9,]*|(?:" + "|".join(sorted(NUMBER_WORDS - {"hundred", "thousand", "million", "billion", "trillion"},
                                            key=lambda w: (-len(w), w))) + r")"
_YEAR = compiled(r"(?:1[89]|20)[0-9][0-9]")
#: "a crowd of 14,200": the noun before "of" counts.
_NOUN_OF = compiled(r"(?i)\b(?P<noun>[\p{L}-]+)\s+of\s+(?:about\s+|some\s+|around\s+)?$")
_LOWER_NEXT = compiled(r"\s+(?P<word>\p{Ll}[\p{L}-]*)")
#: "14 tonnes of copper cable": the noun a measure is of.
_OF_AFTER = compiled(r"\s+of(?=\s)")
#: "The 14,000-strong crowd": a count before a singular noun.
_STRONG = compiled(r"(?i)-strong\b")
#: A vote's tally ("passed by 21 votes to 12") and a margin said of it ("a margin of two votes").
_TALLY = compiled(rf"(?i)\b(?P<a>{_N})\s+(?:votes?\s+)?to\s+(?P<b>{_N})\b(?!\s*(?:%|per))")
_VOTE = compiled(r"(?i)\bvot|\bballot|\bmotion\b")
_MARGIN = compiled(rf"(?i)\b(?:(?:margin|majority)\s+of\s+(?:just\s+|only\s+)?(?P<m>{_N})(?!\s*(?:%|per))"
                   rf"|by\s+(?:just\s+|only\s+)?(?P<n>{_N})\s+votes?\b(?!\s+to\b))")
#: A change from one figure to another ("rising from 40 to 80") and its rate said later ("the
#: 50 percent rise").
_CHANGE = compiled(rf"(?i)\b(?P<verb>ris(?:e|es|ing|en)|rose|increas\w*|grew|grow\w*|jump\w*|climb\w*|doubl\w*"
                   rf"|fell|fall(?:s|ing|en)?|dropp?\w*|declin\w*)\s+from\s+(?P<a>{_N})\s+to\s+(?P<b>{_N})\b"
                   rf"(?!\s*(?:%|per|[.,][0-9]))")
_RATE = compiled(r"(?i)\bthe\s+(?P<p>[0-9]+(?:\.[0-9]+)?)(?:\s*%|[- ]per[- ]?cent|[- ]percent)\s+"
                 r"(?P<dir>rise|increase|jump|growth|gain|fall|drop|decline|decrease|reduction)\b")
_DOWN = ("fell", "fall", "drop", "declin", "decrease", "reduction")


def _number(text: str) -> float | None:
    return float(text.replace(",", "")) if text[0].isdigit() else words_value(text)


def _derived(text: str, base: int, sentence: tuple[int, int], context: _Sentence) -> Iterator[Mention]:
    """Figures worked out from others: a vote's margin, a change's rate."""
    if ("vot" in text or "Vot" in text or "otion" in text) and _VOTE.search(text):
        for tally in _TALLY.finditer(text):
            a, b = _number(tally.group("a")), _number(tally.group("b"))
            if a is not None and b is not None and a > b:
                yield Mention(Interval(a - b, a - b), "margin", "vote", None, False,
                              Statement(base + tally.start(), base + tally.end(), tally.group(0)), sentence, None,
                              context)
        for margin in _MARGIN.finditer(text):
            m = _number(margin.group("m") or margin.group("n"))
            if m is not None:
                yield Mention(Interval(m, m), "margin", "vote", None, True,
                              Statement(base + margin.start(), base + margin.end(), margin.group(0)), sentence, None,
                              context)
    for change in _CHANGE.finditer(text) if " from " in text else ():
        a, b = _number(change.group("a")), _number(change.group("b"))
        if a and b is not None and (b > a) == (not change.group("verb").lower().startswith(_DOWN)):
            rate = (b - a) / a * 100
            yield Mention(Interval(rate - 1, rate + 1), "rate", "change", None, False,
                          Statement(base + change.start(), base + change.end(), change.group(0)), sentence, None,
                          context)
    for rate in _RATE.finditer(text) if "%" in text or "cent" in text else ():
        value = float(rate.group("p")) * (-1 if rate.group("dir").lower().startswith(_DOWN) else 1)
        yield Mention(Interval(value, value), "rate", "change", None, True,
                      Statement(base + rate.start(), base + rate.end(), rate.group(0)), sentence, None, context)


#: A phrase after a noun that narrows it: a relative clause, a participle, a place.
_NARROWING = compiled(r"(?i)\s+(?:(?:who|that|which|in|at|inside|on|from|near|with|staying|living|working)\b"
                      r"|\p{L}+(?:ed|ing)\b)")
_AUXILIARY = compiled(r"(?i)\b(?:was|were|is|are|had|has|have|will|would|could|can|must|should|did|do|does)\b")


def _restriction(text: str, end: int, vocabulary: Vocabulary) -> frozenset[str]:
    """The content words of a phrase narrowing the noun that ends at ``end``, up to the clause's
    verb (six words at most), less the words naming an event."""
    if _NARROWING.match(text, end) is None:
        return frozenset()
    rest = text[end:end + 80]
    stop = _CLAUSE_END.search(rest)
    rest = rest[:stop.start() if stop else len(rest)]
    verb = _AUXILIARY.search(rest, 1)
    phrase = rest[:verb.start() if verb else len(rest)]
    for pattern in vocabulary.events.values():
        phrase = _blank(pattern, phrase)
    return frozenset(w.lower() for w in _WORD.findall(phrase)[:6]
                     if len(w) > 2 and w.lower() not in _FUNCTION and w.lower() not in _NARROWING_WORDS)


def _blank(pattern: Searcher, text: str) -> str:
    """``text`` with each match of ``pattern`` replaced by a space."""
    pieces, at = [], 0
    for match in pattern.finditer(text):
        pieces.append(text[at:match.start()])
        at = match.end()
    return " ".join([*pieces, text[at:]])


_NARROWING_WORDS = frozenset({"who", "that", "which", "inside", "near", "with"})


def _names(text: str) -> frozenset[str]:
    return frozenset(w for w in text.split() if w[0].isupper())


def _key(noun: str, vocabulary: Vocabulary) -> str:
    word = lemma(noun)
    return vocabulary.classes.get(word, vocabulary.classes.get(noun.lower(), word))


def _noun_after(text: str, at: int, vocabulary: Vocabulary, plural: bool = True) -> tuple[str, int, int] | None:
    """The noun a figure counts or measures, in lower case, within three words after it and
    before a function word: a known noun, else (``plural``) the first plural ("Two Polish
    climbers were" -> climbers), else (not ``plural``) the first word ("the 400-hectare blaze").
    A capital is a name ("the 12 Apostles"); "the 12 other passengers" is a part."""
    words = []
    for word in _WORD.finditer(text, at, min(len(text), at + 60)):
        gap = text[words[-1].end() if words else at:word.start()]
        if not gap.isspace() or word.group(0).lower() in _FUNCTION or len(words) == 3:
            break
        words.append(word)
    if any(w.group(0).lower() in _PART_WORDS for w in words):
        return None
    for word in words:
        if word.group(0)[0].islower() and lemma(word.group(0)) in vocabulary.classes:
            return word.group(0), word.start(), word.end()
    if not plural:
        # A singular head is the phrase's last word ("a 3-hectare vine plot", "the £6 million
        # repair bill"), before a participle ("plot belonging") or a name.
        phrase = []
        for word in words:
            lower = word.group(0).lower()
            if word.group(0)[0].isupper() or lower.endswith(("ing", "ed")) or lower in _MODALS:
                break
            phrase.append(word)
        return (phrase[-1].group(0), phrase[-1].start(), phrase[-1].end()) if phrase else None
    for word in words:
        lower = word.group(0).lower()
        if word.group(0)[0].isupper():
            continue
        if lemma(lower) in vocabulary.classes or lower in _PLURALS or lower.endswith("men") or (
                lower.endswith("s") and not lower.endswith("ss") and len(lower) > 3):
            return word.group(0), word.start(), word.end()
    return None


_MODALS = frozenset({"will", "would", "could", "can", "may", "might", "must", "should", "shall", "did", "does", "do",
                     "now", "also", "still", "then"})


#: Plurals without an s.
_PLURALS = frozenset({"people", "men", "women", "children", "staff", "police", "crew", "cattle", "sheep", "fish",
                      "personnel", "deer", "aircraft", "feet"})


def _event(text: str, start: int, end: int, vocabulary: Vocabulary) -> str | None:
    """The event word of a mention: a few words before the figure, the noun itself, and after
    it the words up to its verb and a few more ("guests at a wedding ... were taken to
    hospital"), within the clause."""
    before = " ".join(text[max(0, start - 60):start].split()[-_EVENT_BEFORE:])
    after = _clause_after(text, start, end)
    if not vocabulary.names_event(after) and not vocabulary.names_event(before):
        return None
    for name, pattern in vocabulary.events.items():
        if pattern.search(after) or pattern.search(before):
            return name
    return None


def _clause_after(text: str, start: int, end: int) -> str:
    """The mention from ``start`` and its clause after ``end``: up to the verb after the noun
    and four words more, or six words when no verb comes soon."""
    rest = text[end:min(len(text), end + 200)]
    stop = _CLAUSE_END.search(rest)
    words = rest[:stop.start() if stop else len(rest)].split()
    verb = next((i for i, w in enumerate(words[:_EVENT_AFTER]) if w.lower() in _VERBS), None)
    keep = words[:verb + 5] if verb is not None else words[:6]
    return text[start:end] + " " + " ".join(keep)


#: Words that start the verb after a noun ("guests ... were taken"): a relative pronoun or an
#: auxiliary.
_VERBS = frozenset({"who", "which", "that", "were", "was", "are", "is", "have", "has", "had", "will", "would",
                    "been", "be", "could", "must", "should", "can"})


def _measure(text: str, base: int, sentence: tuple[int, int], start: int, stop: int, value: Interval,
             sign: str | None, unit: regex.Match | None, definite: bool, vocabulary: Vocabulary,
             context: _Sentence) -> Iterator[Mention]:
    if unit is not None:
        name = " ".join(unit.group("unit").lower().split())
        dimension, low, high = UNITS[name]
        if sign and not dimension.startswith("money"):
            return
        if sign and _CURRENCY_SIGNS[sign] != dimension:
            return
        scale = _SCALES[unit.group("scale").lower()] if unit.group("scale") else 1
        after = unit.end()
        compound = unit.group("join") == "-" and not unit.group("plural")
    else:
        assert sign is not None
        dimension, low, high, scale = _CURRENCY_SIGNS[sign], 1.0, 1.0, 1.0
        after = stop
        next_word = _LOWER_NEXT.match(text, after)
        compound = next_word is not None and next_word.group("word").lower() not in _FUNCTION
    # A measure in a unit is rounded, the more so when converted: a tenth either way. A sum of
    # money is read as written (round sums are widened by ``numbers.qualify`` already).
    widen = 0.0 if dimension.startswith("money") else 0.1
    span = Interval(value.low * scale * low * (1 - widen), value.high * scale * high * (1 + widen))
    if compound:
        # "the 400-hectare blaze", "the $2 billion deal": the noun follows.
        noun = _noun_after(text, after, vocabulary, plural=False)
        key = _key(noun[0], vocabulary) if noun is not None else None
        if noun is not None and (dimension != "duration" or key == _key("sentence", vocabulary)):
            yield Mention(span, dimension, key or "", None, definite,
                          Statement(base + start, base + noun[2], text[start:noun[2]]), sentence, None, context)
    statement = Statement(base + start, base + after, text[start:after])
    if dimension.startswith("money"):
        # Every sum is an amount; "the two and a half thousand dollars given" takes up the one
        # sum the article gave before in that currency, if it gave one.
        plain = not compound and _WHICH.search(text, max(0, start - 80), start) is None
        yield Mention(span, dimension, AMOUNT, None, definite and plain, statement, sentence, None, context)
    if compound:
        return
    if dimension == "duration":
        # Lengths of time are many and of many things: only a prison sentence is read here.
        if _SENTENCED.search(text, max(0, start - 40), start):
            yield Mention(span, dimension, _key("sentence", vocabulary), None, False, statement, sentence, None,
                          context)
        return
    which = _WHICH.search(text, max(0, start - 80), start)
    if which is not None:
        # "The cordon, which stretched one and a half kilometres": takes the cordon up.
        yield Mention(span, dimension, _key(which.group("noun"), vocabulary), None, True, statement, sentence,
                      None, context)
        return
    of = _OF_AFTER.match(text, after)
    noun = _noun_after(text, of.end(), vocabulary, plural=False) if of else None
    if noun is not None:
        # "the 4,000 kilograms of cable" ... "14 tonnes of copper cable": the measure of a noun.
        yield Mention(span, dimension, _key(noun[0], vocabulary), None, definite,
                      Statement(base + start, base + noun[2], text[start:noun[2]]), sentence, None, context)
    verb = _PAST_BEFORE.search(text, max(0, start - 30), start)
    if verb is not None:
        # "was fined £45,000" ... "the £20,000 fine": the past verb's noun is what the sum
        # measures, by its form ("fined": "fine"; "granted": "grant"), so a later definite
        # mention of that noun takes the sum up.
        told = Statement(base + verb.start(), base + after, text[verb.start():after])
        for key in sorted({_key(noun, vocabulary) for noun in _nouns_of_verb(verb.group("verb").lower())}):
            yield Mention(span, dimension, key, None, False, told, sentence, None, context)
    link = _LINK.search(text, max(0, start - 60), start)
    if link is None:
        return
    # "A forest fire ... after burning 40 hectares": each noun before the link may be measured.
    words = _WORD.finditer(text, max(0, link.start() - _NOUN_REACH), link.start())
    nouns = {_key(w.group(0), vocabulary) for w in words
             if w.group(0)[0].islower() and w.group(0).lower() not in _FUNCTION}
    for key in sorted(nouns):
        yield Mention(span, dimension, key, None, False, statement, sentence, None, context)


#: A past verb right before a sum or a measure ("was fined £45,000", "granted about £3 million").
_PAST_BEFORE = compiled(r"(?<![\p{L}'’-])(?P<verb>\p{Ll}{3,}ed)\s+"
                        r"(?:about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+|less\s+than\s+|over\s+|under\s+"
                        r"|some\s+)?$")


def _nouns_of_verb(verb: str) -> set[str]:
    """The nouns a past verb may be made from: less "d" ("fined": "fine"), less "ed"
    ("granted": "grant"), less a doubled last consonant too ("billed": "bill", "fitted": "fit")."""
    nouns = {verb[:-1], verb[:-2]}
    if len(verb) > 4 and verb[-3] == verb[-4]:
        nouns.add(verb[:-3])
    return {noun for noun in nouns if len(noun) >= 3}


def conflicts(mentions: list[Mention], vocabulary: Vocabulary) -> Iterator[Conflict]:
    """Each definite mention against the earlier mentions of its class, dimension and event."""
    earlier: dict[tuple[str, str, str | None], list[Mention]] = {}
    people: dict[str | None, list[Mention]] = {}
    by_event: dict[str | None, list[Mention]] = {}
    people_all: list[Mention] = []
    by_noun: dict[tuple[str, str], list[Mention]] = {}
    #: The first counts of each event (any noun, no part), for a later noun naming the same things.
    counted: dict[str | None, list[Mention]] = {}
    in_sentence: dict[tuple[tuple[int, int], str, str], int] = {}
    for mention in mentions:
        if not mention.part:  # "all but two of the dozen guests" is one group, not a list
            key = (mention.sentence, mention.dimension, mention.noun)
            in_sentence[key] = in_sentence.get(key, 0) + 1
    for later in mentions:
        group = (later.noun, later.dimension, later.event)
        if later.part:
            kept = earlier.setdefault(group, [])
            if len(kept) < _KEPT:
                kept.append(later)
            continue
        is_group = later.noun == PEOPLE or (later.definite and later.lemma in _PLAIN_PEOPLE and not later.joined)
        if is_group:
            # "The pair", "the nine men": any one count of people before (of the same event, where
            # it names one).
            before = people_all if later.event is None else people.get(later.event, [])
            before = [m for m in before if later.statement.start - m.statement.end < _GROUP_REACH]
        else:
            before = earlier.get(group, [])
            if not before and later.event is None and later.definite:
                # "The board hired 20 dentists" ... "the 14 dentists will start in May": a definite
                # mention that names no event takes up its noun counted with an event that makes
                # the group (hiring), not with one that picks a part of it ("two passengers were
                # hurt" ... "the 40 passengers").
                before = [m for m in by_noun.get((later.noun, later.dimension), [])
                          if m.event not in vocabulary.anchors]
        if not before and later.definite and later.dimension == "count" and later.lemma.endswith("er"):
            # "About 3,000 people marched" ... "the 8,000 marchers": a noun of the one who does
            # what a plain count of people did.
            stem = later.lemma[:-2]
            stems = (stem, stem[:-1]) if len(stem) > 2 and stem[-1] == stem[-2] else (stem,)
            before = [m for m in people_all if m.clause and any(regex.search(rf"\b{regex.escape(s)}", m.clause)
                                                                for s in stems)]
        if not before and later.definite and later.dimension == "count" and not is_group:
            # "Thirty-six sheep died" ... "the 24 ewes that perished"; "Two carriages came off the
            # tracks" ... "the three coaches": a definite mention in another noun that names the
            # same things (a synonym, or the kind they are of) takes up their count.
            before = [m for m in counted.get(later.event, [])
                      if m.noun != later.noun and same_things(m.lemma, later.lemma)]
        anchored = later.event in vocabulary.anchors and later.dimension == "count"
        if anchored and not before and not is_group:
            # "shed 450 jobs" ... "all 620 people employed there will lose their jobs": with an event
            # that says which group, a plain "people" takes up a count in any noun, and back.
            generic = later.lemma in _GENERIC
            if generic or later.noun in vocabulary.people or later.noun == vocabulary.classes.get("job"):
                before = [m for m in by_event.get(later.event, []) if m.lemma in _GENERIC or (
                    generic and (m.noun in vocabulary.people or m.noun == vocabulary.classes.get("job")))]
        taken = by_noun.get((later.noun, later.dimension), [])
        if later.definite and any(m.value.overlaps(later.value) for m in taken):
            before = []  # "the two agents" takes up "the two agents" said before, whatever the event
        if before and later.definite:
            update, marked = later.cues()
            if not update and not marked:
                conflict = _against(later, before, in_sentence)
                if conflict is not None:
                    yield conflict
        elif (before and anchored and not later.context.marked and not later.context.update
              and all(m.lemma != later.lemma for m in before)):
            # "Two climbers were killed" ... "the accident, in which three mountaineers died": the
            # event says which group; the same noun is the counts rule's to compare.
            conflict = _against(later, before, in_sentence)
            first, second = before[0].context.names, later.context.names
            if conflict is not None and not (first and second and not first & second):
                yield conflict
        if is_group:
            continue
        kept = by_noun.setdefault((later.noun, later.dimension), [])
        if len(kept) < _KEPT:
            kept.append(later)
        kept = earlier.setdefault(group, [])
        if len(kept) < _KEPT:
            kept.append(later)
        if later.dimension == "count":
            kept = counted.setdefault(later.event, [])
            if len(kept) < _COUNTED:
                kept.append(later)
        if anchored:
            kept = by_event.setdefault(later.event, [])
            if len(kept) < _KEPT:
                kept.append(later)
        if later.dimension == "count" and (later.noun in vocabulary.people or later.lemma in _GENERIC):
            kept = people.setdefault(later.event, [])
            if len(kept) < _KEPT:
                kept.append(later)
            if len(people_all) < _KEPT:
                people_all.append(later)


def _same_modifiers(first: Mention, later: Mention) -> bool:
    """The two mentions narrow their noun alike: the same words between figure and noun, or
    words each one's sentence says of the other ("Forty flights were cancelled" ... "the 25
    cancelled flights"); "four politburo members" ... "the seven members" are two groups."""
    if first.modifiers == later.modifiers:
        return True
    return first.modifiers <= later.context.words and later.modifiers <= first.context.words


def _against(later: Mention, before: list[Mention],
             in_sentence: dict[tuple[tuple[int, int], str, str], int]) -> Conflict | None:
    if any(m.value.overlaps(later.value) for m in before):
        return None  # the later one takes up one of them
    candidates = [m for m in before if m.sentence != later.sentence and not m.part]
    if not candidates:
        return None
    first = candidates[0]
    if any(not m.value.overlaps(first.value) for m in candidates[1:]):
        return None  # two groups of the class: which one is taken up is not known
    if first.context.marked or in_sentence.get((first.sentence, first.dimension, first.noun), 0) > 1 \
            or in_sentence.get((later.sentence, later.dimension, later.noun), 0) > 1:
        return None  # a list, or an update, another occasion, a part, a hedge
    if not _same_modifiers(first, later) and later.noun != PEOPLE:
        return None  # "four politburo members" ... "the seven members": two groups
    if later.owner and first.owner and later.owner != first.owner:
        return None  # "his four overs" ... "their 20 overs"
    if later.restriction - first.context.words:
        return None  # "the 120 evacuees at the school": narrowed by words the earlier lacks
    if later.whole and first.value.high < later.value.low:
        return None  # "four members" ... "five of the seven members": a part and its whole
    if later.context.when and first.context.when and later.context.when != first.context.when:
        return None  # "On July 17 ... all 298 people": another occasion
    if first.place and later.place and not first.place & later.place:
        return None
    speakers, others = first.context.speakers, later.context.speakers
    if speakers and others and not speakers & others:
        return None  # two named sources
    if math.isinf(first.value.high) and math.isinf(later.value.high):
        return None
    return Conflict(first.statement, later.statement,
                    f"'{first.statement.text}' against '{later.statement.text}'")
