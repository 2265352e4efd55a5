"""The ``variants`` rule kind: a name spelled two ways in one article, found without a list of names."""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.patterns.compiled import compiled
from checker.patterns.precheck import Declared
from checker.patterns.trie import literal_uses
from checker.text.article import Article
from checker.text.expressions import common_words
from checker.text.gazetteer import both_real, real_words
from checker.text.gloss import introduced_as_another_name
from checker.text.textshape import MINOR_WORDS, line_words, mostly_uppercase, title_like

#: Not inside a word, a hashtag or a handle ("#Trumpwins", "@Jimbags").
_AFTER_NO_WORD = r"(?<![\p{L}\p{N}_'’#@-])"
_CAPITAL = r"\p{Lu}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*"
_CAPITAL_WORD = compiled(_AFTER_NO_WORD + _CAPITAL)
_LOWER_WORD = compiled(r"(?<![\p{L}\p{N}_'’-])\p{Ll}[\p{L}\p{M}]*")
_LOWER_INITIAL = compiled(r"\p{Ll}")
_MARK = compiled(r"\p{M}")
_NAME = compiled(r"\p{Lu}[\p{L}\p{M}]*\p{Ll}[\p{L}\p{M}]*")
_POSSESSIVE = ("'s", "’s")
_SENTENCE_OPENING = compiled(r"^[\s\"'“‘(\[«—–-]*$")
_LONG_NAME = 7
_NAME_GAP = compiled(r" (?:(?:of|for|on|and|the|de|la|du|von|van|al|bin) )?")
#: Two capitalised words (``_CAPITAL_WORD``) joined by a name gap, every such pair, overlapping.
_NAME_PAIR = compiled(_AFTER_NO_WORD + "(?=(" + _CAPITAL + _NAME_GAP.pattern + _CAPITAL + "))")
_MAX_NAME_WORDS = 5
#: A capitalised word (``_CAPITAL_WORD``) and, when a name gap and another one follow it, what
#: follows: in a text with no mark, what ``_NAME_PAIR`` finds is each word with what follows
#: it, read in one search (a pair starts where a capitalised word may: the look-behind keeps it
#: out of a word, where only a mark can come before a capital; the first word of a pair is no
#: shorter than the word found there, since no space is inside a word).
_CAPITAL_AND_PAIR = compiled(_AFTER_NO_WORD + "(" + _CAPITAL + ")(?:(?=(" + _NAME_GAP.pattern + _CAPITAL + ")))?")
#: A lower-case phrase as a whole phrase, possessive allowed: what may come before and after it.
_PHRASE_START = compiled(r"(?<![\p{L}\p{N}_])")
#: Before a run of capitalised words: a capitalised word and "of" or "of the" ("Night of the
#: Living Dead"). The run ends a longer title and is no name of its own: the same words in lower
#: case elsewhere ("the living dead") are no slip.
_TITLE_HEAD = compiled(r"\p{Lu}[\p{L}\p{M}'’-]*[ \u00a0]+of(?:[ \u00a0]+the)?[ \u00a0]+$")
_PHRASE_END = compiled(r"(?=['’]s\b|(?![\p{L}\p{N}_]))")
_INNER_CAPITAL = compiled(r"\p{Ll}\p{Lu}")

DEFAULT_TITLES = [
    "president", "minister", "secretary", "general", "attorney", "governor", "senator",
    "chairman", "chairwoman", "chair", "director", "chief", "officer", "judge", "justice",
    "mayor", "commissioner", "ambassador", "spokesman", "spokeswoman", "spokesperson",
    "representative", "leader", "speaker", "chancellor", "king", "queen", "prince",
    "princess", "pope", "bishop", "professor", "doctor", "editor", "manager", "councillor",
    "councilman", "councilwoman", "sheriff", "inspector", "superintendent", "captain",
    "commander", "colonel", "lieutenant", "sergeant", "admiral", "vice",
]
#: Words before a surname that are titles, not given names ("Judge Tesla", "Dame Tesla"): the
#: kind's titles and the honorifics. Only those the gazetteer also holds as names matter, since
#: a given name must be one of its first names.
_TITLE_WORDS = frozenset(DEFAULT_TITLES) | {"sir", "dame", "lord", "lady", "dean", "father", "sister", "brother"}
HOW = {"case": "other capitals", "edit": "one letter different", "lowercase": "lower case"}


@dataclass
class _Form:
    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    #: Seen at least once away from the start of a sentence, where capitals are not automatic.
    mid: bool = False
    #: Uses in prose lines; the others are in lines in title case (headings, link lists).
    prose: int = 0

    @property
    def name_like(self) -> bool:
        """Capitals at the start of a sentence are automatic: a form seen only there is taken
        for a name when it is long or has inner capitals, which ordinary words do not."""
        return self.mid or len(self.text) >= _LONG_NAME or bool(_INNER_CAPITAL.search(self.text))


Word = tuple[str, int, int, bool]  # text, start, end, starts a sentence


class VariantsRule(Rule):
    """Flags a name spelled two ways in one article, found without a list of names.

    Where ``consistency`` needs the variant groups spelled out, this kind finds them: it
    collects the names an article uses (capitalised words away from the start of a sentence)
    and pairs forms that are one slip apart:

    - ``case``: the same letters with different inner capitals ("LePanto" / "Lepanto",
      "BrideGate" / "Bridgegate");
    - ``edit``: one letter replaced, added or dropped, one doubled or undoubled, or two
      neighbours swapped ("Telsa" / "Tesla", "Nagalese" / "Nagalase", "Merkle" / "Merkel",
      "Hilary" / "Hillary"). The first letter is kept and the ending is left alone: a
      different last letter or one more at the end makes another word ("Iraq" / "Iran",
      "Latino" / "Latina", "Russia" / "Russian"). Two words of real names (countries,
      regions, cities, peoples, first names: "Iceland" / "Ireland", "Austria" / "Australia"
      are no slip) are never paired, unless ``gazetteer`` is false, nor are two surnames each
      written with a given name, never the same one ("Blake Farenthold", "David Fahrenthold");
    - ``lowercase``: a multiword name written in lower case elsewhere ("Electoral College" /
      "electoral college"), unless its last word is a title ("Prime Minister" before a name,
      "the prime minister" otherwise, is house style, not a slip), nor when it ends a longer
      title ("Night of the Living Dead" and "the living dead").

    The form used more often is the majority; each use of the other is flagged when it is used
    at most ``max_minority`` times and the majority at least ``min_majority`` times. A word the
    article also uses in lower case is an ordinary word, not a name, and is left alone, as are
    lines mostly in capitals. Lines in title case (the headline, headings, lists of links)
    capitalise every word: their uses of a name count toward its usual form, and a form used
    only there is flagged only when it is no word the shipped data knows ("Trmp", not
    "Thinks"); hashtags and handles are no spelling of a name. A paragraph quoted from another
    author (``Article.block_quotes``) keeps that author's spelling: its uses count, none is
    flagged."""

    name = "variants"
    PLACEHOLDERS = frozenset({"match", "majority", "count", "majority_count", "how"})
    #: Not ``ignorecase``: telling forms apart by their capitals is what the kind does.
    HONOURED = frozenset({"scope", "quotes", "exceptions", "fix"})
    default_scope = "paragraph"
    #: Which of several forms to keep is an editor's call, and the majority form may be the
    #: spun one ("USA" outnumbering "US"): the suggestion is offered, never applied by --fix.
    default_fix = "none"
    OPTIONS = {
        "checks": Option(list, default=list(HOW), help="which slips to look for: case, edit, lowercase"),
        "min_length": Option(int, default=5, help="shortest word the edit check compares (its slip may be one "
                             "letter shorter: a letter dropped)", minimum=3),
        "min_length_substitution": Option(int, default=6,
                                          help="shortest word in which one replaced letter always counts; in a "
                                          "shorter one it counts only when the rarer form is no word or name the "
                                          "shipped data knows and is seen mid-sentence (with gazetteer)"),
        "min_majority": Option(int, default=2, help="the majority form must occur at least this often"),
        "max_minority": Option(int, default=2, help="a form used more often than this is not a slip"),
        "titles": Option(list, default=DEFAULT_TITLES,
                         help="last words that make a multiword name a title (lowercase check)"),
        "ignore": Option(list, default=[], help="names never reported"),
        "gazetteer": Option(bool, default=True, help="false: also report two words of real names one letter apart "
                            "(places, peoples, first names: \"Iran\" / \"Iraq\"), which the shipped gazetteer "
                            "otherwise leaves alone"),
    }

    def setup(self) -> None:
        unknown = set(map(str, self.options["checks"])) - set(HOW)
        if unknown:
            raise self.error(f"unknown check(s) {', '.join(sorted(unknown))} (known: {', '.join(HOW)})", "checks")
        self.checks = frozenset(self.options["checks"])
        self.titles = frozenset(str(t).lower() for t in self.options["titles"])
        self.ignore = frozenset(str(t).lower() for t in self.options["ignore"])
        # What the rule reports is a pair of forms, which no pattern says: the kind's own test.
        self.require(Declared(self.may_report))

    def check(self, article: Article) -> Iterator[Finding]:
        # What the pre-check found possible (worked out there already when the engine asked it):
        # only those checks are made.
        slips, lowercase_names = article.derived(_reportable, self)
        lines, display, lowercase = self._prose_lines(article, read_lowercase=slips)
        words = self._words(article, lines)
        findings: list[Finding] = []
        if words and slips:
            shown = self._words(article, display)
            findings.extend(self._pairs(article, self._names(words, lowercase, shown)))
        if words and lowercase_names:
            findings.extend(self._lowercase(article, words, lines))
        return iter(sorted(findings, key=Finding.sort_key))

    # ---- the pre-check -------------------------------------------------------------------
    def may_report(self, article: Article) -> bool:
        """False when the rule cannot report anything in the article; most articles (seven in
        eight of the shared corpus) are then done without reading their lines one by one."""
        return any(article.derived(_reportable, self))

    def reportable(self, article: Article) -> tuple[bool, bool]:
        """Whether ``check`` may report a slip (``case``, ``edit``), and whether it may report
        a lower-case name (``lowercase``): it looks for neither where it cannot. Either holds
        for no more articles than the pre-check as first written passed (``may_report``).

        It reads every capitalised word of the scope's segments, a superset of the words the
        rule reads (those of prose lines, outside quotations), each at least as often. A
        reported slip is a pair of those forms one ``_slip`` apart, one used at least
        ``min_majority`` times (``_may_slip``). A reported lower-case name has at least
        ``min_majority`` capitalised uses, each opening with two words joined by a name gap,
        and its lower-case use holds those two words lower-cased somewhere in the text: the
        pre-check as first written asked for one pair of words so used ``min_majority`` times
        (``_lowered_pairs``), which ``_may_lower`` refines."""
        source = article.source
        most = self.options["min_majority"]
        words: Counter[str] = Counter()
        pairs: Counter[str] = Counter()
        lowercase = "lowercase" in self.checks
        for start, end in [*article.segments(self.scope), *self._headline(article)]:
            segment = source[start:end]  # a slice, as the lines are read: nothing is looked at before it
            if not lowercase:
                words.update(_CAPITAL_WORD.findall(segment))
                continue
            found = _CAPITAL_AND_PAIR.findall(segment)
            words.update(map(itemgetter(0), found))
            if segment.isascii() or _MARK.search(segment) is None:
                pairs.update(word + rest for word, rest in found if rest)
            else:
                pairs.update(_NAME_PAIR.findall(segment))
        slips = bool(self.checks & {"case", "edit"}) and self._may_slip(words, most)
        if not slips and not _lowered_pairs(pairs, most, source):
            return False, False
        return slips, lowercase and _may_lower(pairs, most, source)

    def _may_slip(self, words: Counter[str], most: int) -> bool:
        """Two of the forms are one ``_slip`` apart and one is used ``most`` times or more. A
        slip keeps the first letter and the length within one (lower-cased), so only forms
        alike in those are compared."""
        forms: Counter[str] = Counter()
        for word, count in words.items():
            forms[word[:-2] if word.endswith(_POSSESSIVE) else word] += count
        shapes: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
        for form in forms:
            lower = form.lower()
            shapes[(lower[0], len(lower))].append((form, lower))
        # Whether a form is a name (``_NAME``) is read only for the forms compared.
        names: dict[str, bool] = {}
        for form, count in forms.items():
            if count < most or not _NAME.fullmatch(form):
                continue
            lower = form.lower()
            for size in (len(lower) - 1, len(lower), len(lower) + 1):
                for other, other_lower in shapes.get((lower[0], size), ()):
                    # ``_slip`` finds a slip only between forms alike but for case or one ``_inner_edit`` apart.
                    if other == form or (other_lower != lower and not _inner_edit(lower, other_lower)):
                        continue
                    name = names.get(other)
                    if name is None:
                        name = names[other] = _NAME.fullmatch(other) is not None
                    if name and self._slip(form, other, rare=other) is not None:
                        return True
        return False

    # ---- collecting the article's words ----------------------------------------------
    def _prose_lines(self, article: Article, read_lowercase: bool = True
                     ) -> tuple[list[tuple[int, int]], list[tuple[int, int]], set[str]]:
        """The scope's lines that read as prose (not in capitals, not headings in title
        case), those in title case (headings, link lists: capitals there say nothing about
        names, but a name is spelt there too), and the words the prose lines write in lower
        case, lower-cased (none unless ``read_lowercase``: only the slips read them)."""
        result = []
        display = []
        read: list[tuple[str, list[str]]] = []
        for seg_start, seg_end in article.segments(self.scope):
            for start, end in _lines(article, seg_start, seg_end):
                line = article.source[start:end]
                if mostly_uppercase(line):
                    continue
                words = line_words(line)
                if not title_like(line, words):
                    result.append((start, end))
                    read.append((line, words))
                else:
                    display.append((start, end))
        for seg_start, seg_end in self._headline(article):
            display.extend(_lines(article, seg_start, seg_end))
        if not read_lowercase:
            return result, sorted(display), set()
        return result, sorted(display), {w.lower() for w in lowercase_words(read)}

    def _headline(self, article: Article) -> list[tuple[int, int]]:
        """The headline, read as a heading is (its uses of a name count; a slip there is
        flagged) when the scope is the paragraphs, which leave it out."""
        return article.segments("headline") if self.scope == "paragraph" else []

    def _words(self, article: Article, lines: list[tuple[int, int]]) -> list[Word]:
        """The capitalised words of the prose lines, with whether each starts a sentence."""
        words: list[Word] = []
        sentence_starts = iter([s for s, _ in article.sentences_in_order])
        next_start = next(sentence_starts, None)
        current = 0
        source = article.source
        for line_start, line_end in lines:
            line = source[line_start:line_end]
            for match in _CAPITAL_WORD.finditer(line):
                start, end = match.start() + line_start, match.end() + line_start
                while next_start is not None and next_start <= start:
                    current = next_start
                    next_start = next(sentence_starts, None)
                if not self.quotes and article.in_quote(start, end):
                    continue
                opening = max(current, line_start)
                if opening == start:
                    initial = True
                elif source[opening].isalnum():  # no letter or digit is an opening mark
                    initial = False
                else:
                    initial = bool(_SENTENCE_OPENING.match(source[opening:start]))
                word = match.group(0)
                if word.endswith(_POSSESSIVE):  # a word ends in a letter: only "'s" can end it
                    word = word[:-2]
                words.append((word, start, end, initial))
        return words

    def _names(self, words: list[Word], lowercase: set[str], shown: list[Word] = ()) -> list[_Form]:
        """Capitalised words the article never also uses in lower case: those of the prose
        lines, then (``shown``) those of lines in title case, which count as uses of a name
        but say nothing of whether a word is one."""
        names: dict[str, _Form] = {}
        for index, (word, start, _end, initial) in enumerate((*words, *shown)):
            if not _NAME.fullmatch(word) or word.lower() in lowercase or word.lower() in self.ignore:
                continue
            if self.is_exception(word):
                continue
            form = names.setdefault(word, _Form(word))
            form.spans.append((start, start + len(word)))
            if index < len(words):
                form.mid = form.mid or not initial
                form.prose += 1
        for form in names.values():
            form.spans.sort()
        return sorted(names.values(), key=lambda form: form.spans[0])

    # ---- single-word slips --------------------------------------------------------------
    def _pairs(self, article: Article, names: list[_Form]) -> Iterator[Finding]:
        pairs = self._candidates(names)
        flagged: set[str] = set()
        by_text = {form.text: form for form in names}
        ordered = sorted(pairs, key=lambda p: (-max(len(by_text[p[0]].spans), len(by_text[p[1]].spans)), p))
        for a_text, b_text in ordered:
            a, b = by_text[a_text], by_text[b_text]
            if len(a.spans) == len(b.spans):
                continue
            minor_form = b if len(a.spans) > len(b.spans) else a
            # A short form seen only at the start of a sentence may be any word ("While" / "White").
            rare = minor_form.text if minor_form.mid else None
            how = self._slip(a.text, b.text, rare=rare)
            if how is None:
                continue
            major, minor = (a, b) if len(a.spans) > len(b.spans) else (b, a)
            # The name is the majority; a slip of it may open a sentence ("Marcon said ...").
            if not major.name_like or (how == "case" and not minor.name_like):
                continue
            # Title case capitalises every word: a form used only there is taken for a slip of a
            # name the prose uses only when it is no word the shipped data knows ("Trmp", not
            # "Stat"); a name used only in headings pairs with nothing.
            if not major.prose or (not minor.prose and (how != "edit" or _known_inflection(minor.text.lower()))):
                continue
            if minor.text in flagged or major.text in flagged:
                continue
            if how == "edit" and _two_people(article.source, major, minor):
                continue
            if len(major.spans) < self.options["min_majority"] or len(minor.spans) > self.options["max_minority"]:
                continue
            # A paragraph quoted from another author keeps that author's spelling: its uses count
            # toward the usual form, but none of them is flagged.
            spans = [span for span in minor.spans if not article.in_block_quote(*span)
                     and not introduced_as_another_name(article.source, span[0])]  # "a/k/a Ahmad Rahimi"
            if not spans:
                continue
            flagged.add(minor.text)
            for start, end in spans:
                yield self.finding(
                    article, start, end, majority=major.text, count=len(minor.spans),
                    majority_count=len(major.spans), how=HOW[how],
                    suggestions=[major.text], related=[major.spans[0]],
                )

    def _candidates(self, names: list[_Form]) -> set[tuple[str, str]]:
        """The pairs of forms (in text order) that may be one slip apart and whose counts can
        make one the majority and the other a slip: a majority form is used at least
        ``min_majority`` times, the other fewer times and at most ``max_minority`` times.

        Words one edit apart share a key: the word itself or the word less one letter (a
        symmetric-deletion index), so only candidates are compared, never all pairs. Only the
        majority forms are indexed, and only the rare forms look themselves up."""
        most, least = self.options["min_majority"], self.options["max_minority"]
        buckets: dict[str, list[_Form]] = defaultdict(list)
        for form in names:
            if len(form.spans) >= most:
                for key in self._keys(form.text):
                    buckets[key].append(form)
        pairs: set[tuple[str, str]] = set()
        if not buckets:
            return pairs
        for form in names:
            if len(form.spans) > least:
                continue
            for key in self._keys(form.text):
                for other in buckets.get(key, ()):
                    if len(other.spans) > len(form.spans):
                        pairs.add((form.text, other.text) if form.text < other.text else (other.text, form.text))
        return pairs

    def _keys(self, word: str) -> set[str]:
        """The index keys of a word: its lower case, and the forms less one letter where an
        edit can count (no edit is looked for between words shorter than ``min_length``)."""
        if "edit" in self.checks and len(word) >= self.options["min_length"]:
            return _deletions(word.lower())
        return {word.lower()}

    def _slip(self, a: str, b: str, rare: str | None = None) -> str | None:
        """How ``b`` may be a slip of ``a`` (or ``a`` of ``b``): "case", "edit", or None.
        ``rare``: the form written fewer times, the one that would be the slip."""
        la, lb = a.lower(), b.lower()
        if la == lb:
            return "case" if "case" in self.checks else None
        # A letter dropped from a name of ``min_length`` letters still counts ("Trmp" / "Trump").
        shortest = self.options["min_length"] - (len(a) != len(b))
        if "edit" not in self.checks or max(len(a), len(b)) < self.options["min_length"]:
            return None
        if min(len(a), len(b)) < shortest:
            return None
        # In short words one replaced letter often makes another name (Obama / Osama): a
        # substitution there counts only when the other form is no known word or name at all
        # (not a place, people or first name of the gazetteer, not a common English word).
        short = len(a) == len(b) and len(a) < self.options["min_length_substitution"]
        if short and sum(x != y for x, y in zip(la, lb, strict=True)) == 1 \
                and not (self.options["gazetteer"] and rare is not None and not _known_word(rare.lower())):
            return None
        if not _inner_edit(la, lb):
            return None
        if self.options["gazetteer"] and both_real(la, lb):
            return None  # two real places, peoples or first names: "Iceland" / "Ireland", "Sean" / "Sian"
        return "edit"

    # ---- lower-case multiword names -------------------------------------------------------
    def _lowercase(self, article: Article, words: list[Word], lines: list[tuple[int, int]]) -> Iterator[Finding]:
        capital: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for run in _name_runs(article, words):
            while run and run[0][0].lower() in MINOR_WORDS:
                run = run[1:]
            while run and run[-1][0].lower() in MINOR_WORDS:
                run = run[:-1]
            if len(run) < 2 or run[0][3] or not all(_NAME.fullmatch(w[0]) for w in run):
                continue
            span = (run[0][1], run[-1][1] + len(run[-1][0]))
            if _TITLE_HEAD.search(article.source, max(0, span[0] - 40), span[0]):
                continue
            phrase = article.source[span[0]:span[1]].lower()
            if not 2 <= phrase.count(" ") + 1 <= _MAX_NAME_WORDS or run[-1][0].lower() in self.titles:
                continue
            if phrase not in self.ignore:
                capital[phrase].append(span)
        capital = {k: v for k, v in capital.items() if len(v) >= self.options["min_majority"]}
        if not capital:
            return
        lower: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for phrase, start, end in literal_uses(article.source, lines, list(capital), _PHRASE_START, _PHRASE_END):
            if (not self.quotes and article.in_quote(start, end)) or article.in_block_quote(start, end):
                continue
            if self.exceptions and self.is_exception(phrase):
                continue
            lower[phrase].append((start, end))
        for phrase, spans in lower.items():
            caps = capital[phrase]
            if len(caps) <= len(spans) or len(spans) > self.options["max_minority"]:
                continue
            majority = article.source[caps[0][0]:caps[0][1]]
            for start, end in spans:
                yield self.finding(
                    article, start, end, majority=majority, count=len(spans), majority_count=len(caps),
                    how=HOW["lowercase"], suggestions=[majority], related=[caps[0]],
                )


def _reportable(article: Article, rule: VariantsRule) -> tuple[bool, bool]:
    """``rule.reportable(article)``, worked out once per article (``Article.derived``)."""
    return rule.reportable(article)


def _lowered_pairs(pairs: Counter[str], most: int, source: str) -> bool:
    """The pre-check's test for a lower-case name as first written: some pair, lower-cased and
    less a possessive ending, is counted ``most`` times or more and is in ``source``."""
    lowered: Counter[str] = Counter()
    for pair, count in pairs.items():
        lowered[(pair[:-2] if pair.endswith(_POSSESSIVE) else pair).lower()] += count
    return any(count >= most and pair in source for pair, count in lowered.items())


def _may_lower(pairs: Counter[str], most: int, source: str) -> bool:
    """``_lowercase`` may report a name: pairs (``_NAME_PAIR``) used ``most`` times or more in
    all may open a name (``_opens_name``) and, lower-cased and less a possessive ending, are
    in ``source``.

    Each capitalised use of a reported name opens with such a pair, and where ``str.lower``
    works letter by letter (a capital sigma aside, whose small form depends on what follows)
    the pair lower-cased is where the name lower-cased starts: in the lower-case use. The uses
    need not open with the same pair ("Bank Of America" opens with "Bank Of", "Bank of
    America" with all three words)."""
    if "Σ" in source:
        return True
    found = 0
    for pair, count in pairs.items():
        if _opens_name(pair) and (pair[:-2] if pair.endswith(_POSSESSIVE) else pair).lower() in source:
            found += count
            if found >= most:
                return True
    return False


def _opens_name(pair: str) -> bool:
    """A pair (``_NAME_PAIR``) may open a lower-case name's capitalised use: both its words
    (less a possessive ending) are names (``_NAME``), and the first is no minor word, since
    ``_lowercase`` takes the minor words off a run's ends and keeps a run of names only."""
    first, last = pair[:pair.index(" ")], pair[pair.rindex(" ") + 1:]
    if first.endswith(_POSSESSIVE):
        first = first[:-2]
    if last.endswith(_POSSESSIVE):
        last = last[:-2]
    return first.lower() not in MINOR_WORDS and _NAME.fullmatch(first) is not None \
        and _NAME.fullmatch(last) is not None


def lowercase_words(lines: Iterable[tuple[str, list[str]]]) -> set[str]:
    """What ``_LOWER_WORD`` finds in the lines (pairs of a line and its ``line_words``):
    the words that start with a lower-case letter, each up to its first hyphen or
    apostrophe, read off the line words of all the lines at once instead of searching
    each line again.

    A lower-case word starts where a line word starts (both follow no letter, digit,
    underscore, hyphen or apostrophe) and runs over that word's letters and marks. Inside a
    word only a letter after a combining mark follows none of those: a line with a mark is
    searched as well.
    """
    tokens: set[str] = set()
    found: set[str] = set()
    for line, words in lines:
        tokens.update(words)
        if not line.isascii() and _MARK.search(line):
            found.update(_LOWER_WORD.findall(line))
    for word in tokens:
        initial = word[0]
        if ("a" <= initial <= "z") or (initial > "\x7f" and _LOWER_INITIAL.match(initial)):
            for joint in "-'’":
                word = word.partition(joint)[0]
            found.add(word)
    return found


def _lines(article: Article, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The article's text lines that overlap (start, end), clipped to it."""
    lines = article.text_lines
    index = max(0, bisect.bisect_right(article.text_line_starts, start) - 1)
    while index < len(lines) and lines[index][0] < end:
        line_start, line_end = lines[index]
        index += 1
        if line_end > start:
            yield max(line_start, start), min(line_end, end)


def _name_runs(article: Article, words: list[Word]) -> list[list[Word]]:
    """Runs of capitalised words joined by single spaces or by one small word inside a name
    ("Court of Human Rights"), so part of a longer name is not taken for a name."""
    runs: list[list[Word]] = []
    current: list[Word] = []
    for word in words:
        if current and _NAME_GAP.fullmatch(article.source[current[-1][2]:word[1]]):
            current.append(word)
            continue
        if current:
            runs.append(current)
        current = [word]
    if current:
        runs.append(current)
    return runs


#: A given name just before a surname: a capitalised word and one space ("Blake " in "Blake
#: Farenthold"), a first name of the shipped gazetteer; a title's abbreviation ("Rep. ") ends
#: in a full stop and is none.
_GIVEN = compiled(r"(?<![\p{L}\p{M}.'’-])(\p{Lu}\p{Ll}[\p{L}\p{M}]*) $")


def _given_names(source: str, spans: list[tuple[int, int]]) -> set[str]:
    found = set()
    for start, _ in spans:
        match = _GIVEN.search(source, max(0, start - 30), start)
        if match is not None and match.group(1).lower() in real_words() and match.group(1).lower() not in _TITLE_WORDS:
            found.add(match.group(1))
    return found


def _two_people(source: str, major: _Form, minor: _Form) -> bool:
    """Two surnames one letter apart, each written with a given name, never the same one:
    two people ("Blake Farenthold" and "David Fahrenthold"), not a slip."""
    given = _given_names(source, minor.spans)
    if not given:
        return False
    others = _given_names(source, major.spans)
    return bool(others) and not given & others


def _deletions(word: str) -> set[str]:
    """The word and every form of it less one letter after the first."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(1, len(word))}


def _known_word(word: str) -> bool:
    """A lower-case word the shipped data knows: a place, people or first name, or a common
    English word of the spinners' thesaurus."""
    return word in real_words() or word in common_words()


#: Endings of English inflections, each with what may stand in its place in the word's base form.
_INFLECTIONS = (("ies", ("y",)), ("es", ("", "e")), ("s", ("",)), ("ied", ("y",)), ("ed", ("", "e")),
                ("ing", ("", "e")), ("er", ("", "e")), ("est", ("", "e")))


def _known_inflection(word: str) -> bool:
    """``_known_word``, or an inflection of one ("thinks", "studies"): a word a heading
    in title case may hold that is no slip."""
    if _known_word(word):
        return True
    return any(_known_word(word[: -len(ending)] + base) for ending, bases in _INFLECTIONS if word.endswith(ending)
               for base in bases)


def _inner_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` (lower-cased) are one slip apart with the same first letter:
    one letter replaced (not the last), two neighbours swapped, one letter doubled or undoubled
    anywhere, or one letter added or dropped inside the word. A different last letter, or one
    more at the end or just before it, is left alone: those make other words ("Iraq" / "Iran",
    "Latino" / "Latina", "Russia" / "Russian", "State" / "Statue", "Americas" / "Americans")."""
    if a[0] != b[0]:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return 0 < diff[0] < len(a) - 1
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            i = diff[0]
            return a[i] == b[i + 1] and a[i + 1] == b[i]
        return False
    if abs(len(a) - len(b)) != 1:
        return False
    long, short = (a, b) if len(a) > len(b) else (b, a)
    i = 0
    while i < len(short) and long[i] == short[i]:
        i += 1
    if long[i + 1 :] != short[i:]:
        return False
    if long[i] == long[i - 1] or (i + 1 < len(long) and long[i] == long[i + 1]):
        return True  # a letter doubled, as transliterations and typists do: "Zelenskyy", "Hilary"
    return i < len(short) - 1  # added or dropped inside, not next to the ending ("Statue" / "State")
