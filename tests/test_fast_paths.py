"""The speed shortcuts decide exactly what the plain way decides.

Each shortcut (a pattern tried only at the start of a line, a pattern that must end at the end
of a line searched backwards, a word count read once per line, a rule's pre-check) is compared
with the plain way it replaces, on generated text and on the real corpus. A rule's pre-check is
tested as the engine uses it: what the built-in check hook reports (``might_match``, then
``check``) against ``check`` asked alone.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
import regex
from conftest import CORPUS
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from seam_paths import checked, gated

from checker.kinds.boilerplate import _COUNT, _WORD, BoilerplateRule
from checker.kinds.occurrence import OccurrenceRule
from checker.load.collect import builtin_rules_dir, load_rules
from checker.patterns.precheck import ALWAYS, AtLeast, Declared, Literals, spans_holding
from checker.patterns.reverse import reverse_search
from checker.plugin.builtin import checker_rule_kinds
from checker.read.parsers.blocks import trimmed  # unchanged by the one-pass reading: shared
from checker.read.parsers.text import parse_text
from checker.text.stamps import is_stamp

SETTINGS = settings(max_examples=int(os.environ.get("CHECKER_PROPERTY_EXAMPLES", "200")), deadline=None,
                    derandomize=bool(os.environ.get("CI")), suppress_health_check=[HealthCheck.too_slow])


def boilerplate_rules() -> list[BoilerplateRule]:
    rules, errors = load_rules([builtin_rules_dir()], checker_rule_kinds())
    assert not errors
    found = [r for r in rules if isinstance(r, BoilerplateRule)]
    assert len(found) >= 10
    return found


RULES = boilerplate_rules()


def plain(rule: BoilerplateRule, line: str) -> bool:
    """The decision as first written: every shape searched forwards, the words listed."""
    if rule.strong is not None and rule.strong.search(line):
        return True
    tokens = _WORD.findall(line)
    if not rule.options["min_words"] <= len(tokens) <= rule.options["max_words"]:
        return False
    if any(p is not None and p.search(line) for p in (rule.lines, rule.starts, rule.ends)):
        return True
    if rule.options["stamps"] and is_stamp(line):  # a shape read from the words, not a pattern
        return True
    meaningful = [t for t in tokens if not _COUNT.fullmatch(t)]
    return bool(rule.words) and bool(meaningful) and all(t.casefold().strip(".") in rule.words for t in meaningful)


#: Pieces of boilerplate and of prose, so generated lines hit every shape.
PIECES = [example for rule in RULES for key in ("bad", "good") for example in rule.examples.get(key, [])] + [
    "Share", "Facebook", "Twitter", "12", "1.2k", " | Getty", " / AP", "(Reuters)", "photo.jpg", "Advertisement",
    "Buy now", "×", "Like this:", "Related:", " ", "  ", "-", "—", "...", "the council met", "İ", "ß", "\u00a0",
]
line = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8).filter(lambda t: "\n" not in t)),
                max_size=12).map("".join)


@SETTINGS
@given(line)
def test_boilerplate_decides_as_a_forward_search_does(text):
    for rule in RULES:
        assert rule.is_boilerplate(text) == plain(rule, text), (rule.id, text)


@pytest.mark.corpus
def test_boilerplate_decides_as_a_forward_search_does_on_the_corpus():
    lines = {text for path in sorted(CORPUS.rglob("*.txt")) for text in path.read_text().splitlines()}
    assert len(lines) > 10_000
    flagged = 0
    for text in lines:
        for rule in RULES:
            decided = rule.is_boilerplate(text)
            assert decided == plain(rule, text), (rule.id, text)
            flagged += decided
    assert flagged > 500  # the shortcuts are exercised, not only the plain "no"


@pytest.mark.parametrize("pattern", [
    r"(\w+) \1$",  # a back reference: matched before its group, backwards
    r"(?P<w>\w+) (?P=w)$",
    r"(?>a+)b$",  # an atomic group
    r"a++b$",  # a possessive quantifier
    r"(a)?(?(1)b|c)$",  # a conditional
    r"(?r)abc$",
])
def test_patterns_whose_meaning_depends_on_direction_are_searched_forwards(pattern):
    compiled = regex.compile(pattern)
    assert reverse_search(compiled) is compiled


@pytest.mark.parametrize(("pattern", "text", "expected"), [
    (r"(?<=via )getty\W{0,3}$", "Photo via Getty.", True),
    (r"(?<=via )getty\W{0,3}$", "Photo by Getty.", False),
    (r"bye(?= now)", "bye now", False),  # must end at the end of the line
    (r"\d+ comments?", "Read the 12 comments", True),
    (r"[a-z]{2,}?s", "xx items", True),
])
def test_a_reversed_pattern_finds_what_the_forward_one_finds(pattern, text, expected):
    forward = regex.compile(f"(?:{pattern})\\W{{0,3}}$", regex.IGNORECASE)
    backward = reverse_search(forward)
    assert backward is not forward
    assert (forward.search(text) is not None) == (backward.search(text) is not None) == expected


def test_a_team_rule_with_a_back_reference_in_ends_still_flags_its_lines():
    rule = BoilerplateRule({"id": "team-echo", "kind": "boilerplate", "category": "boilerplate", "message": "m",
                            "ends": [r"(\w+) \1"]})
    assert rule.is_boilerplate("Thanks for reading, bye bye")
    assert not rule.is_boilerplate("bye for now")


# ---- consistency-spelling: lower-case uses of a capitalised phrase ------------------------
phrase = st.lists(st.sampled_from(["new", "york", "city", "state", "white", "house", "s"]), min_size=1, max_size=3).map(
    " ".join)
filler = st.sampled_from([" ", "'s", "’s ", "’s", "-", "x", "_", ".", "newyork", "é", "\u0301", "New York", "1"])


@SETTINGS
@given(st.lists(phrase, min_size=1, max_size=4, unique=True),
       st.lists(st.lists(st.one_of(phrase, filler), max_size=10).map("".join), min_size=1, max_size=3))
def test_phrase_uses_are_those_a_search_of_their_alternation_finds(phrases, lines):
    from checker.kinds.variants import _PHRASE_END, _PHRASE_START
    from checker.patterns.trie import literal_alternation, literal_uses

    source = "\n".join(lines)
    spans, start = [], 0
    for text in lines:
        spans.append((start, start + len(text)))
        start += len(text) + 1
    pattern = regex.compile(r"(?<![\p{L}\p{N}_])" + literal_alternation(phrases) + r"(?=['’]s\b|(?![\p{L}\p{N}_]))")
    expected = [(m.group(0), s + m.start(), s + m.end()) for s, e in spans for m in pattern.finditer(source[s:e])]
    assert list(literal_uses(source, spans, phrases, _PHRASE_START, _PHRASE_END)) == expected
    assert list(literal_uses(source, spans, phrases, _PHRASE_START, _PHRASE_END, find_pairs=0)) == expected


# ---- consistency-spelling: capitalised words and whether each opens a sentence -------------
def plain_words(rule, article, lines):
    from checker.kinds.variants import _CAPITAL_WORD, _SENTENCE_OPENING

    words = []
    starts = sorted(s for s, _ in article.sentences)
    for line_start, line_end in lines:
        for match in _CAPITAL_WORD.finditer(article.source[line_start:line_end]):
            start = match.start() + line_start
            current = max([s for s in starts if s <= start], default=0)
            initial = bool(_SENTENCE_OPENING.match(article.source[max(current, line_start):start]))
            words.append((regex.sub(r"['’]s?$", "", match.group(0)), start, match.end() + line_start, initial))
    return words


word_piece = st.sampled_from(["Trump's", "Trump’s", "Trump'S", "Anne's\u0301", "“Quoted", "(Aside", "« Guillemet",
                              "— Dash", "the", ". ", "! ", "\n\n", " ", "Élan", "e\u0301Bob", "O'Neil", "x-Ray"])


@SETTINGS
@given(st.lists(st.one_of(word_piece, st.text(max_size=5)), max_size=30).map("".join))
def test_capitalised_words_are_read_as_the_plain_way_reads_them(text):
    from checker.kinds.variants import VariantsRule
    from checker.read.parsers.text import parse_text

    rule = VariantsRule({"id": "v", "kind": "variants", "category": "consistency", "message": "m"})
    article = parse_text("a.txt", "Title: T\n\n" + text)
    lines, display, _ = rule._prose_lines(article)
    assert rule._words(article, lines) == plain_words(rule, article, lines)
    assert rule._words(article, display) == plain_words(rule, article, display)


@SETTINGS
@given(st.lists(st.one_of(word_piece, st.sampled_from(["well-known", "o'clock", "ªb", "ǅx", "ßa", "a\u0301B", "\u0301b",
                                                       "3d", "_x", "'tis", "x’y", "Ab-cd"]),
                          st.text(max_size=5)), max_size=30).map("".join))
@example("Xe\u0301abc")
@example("well-known o'clock ªb")
def test_lower_case_words_are_read_off_the_line_words_as_a_search_finds_them(text):
    from checker.kinds.variants import _LOWER_WORD, lowercase_words
    from checker.text.textshape import line_words

    lines = text.split("\n")
    assert lowercase_words((line, line_words(line)) for line in lines) == set(_LOWER_WORD.findall(text))
    for line in lines:
        assert lowercase_words([(line, line_words(line))]) == set(_LOWER_WORD.findall(line))


# ---- contradiction-polarity: the sentences read for clauses --------------------------------
def test_re_white_space_includes_every_regex_white_space_character():
    import re
    import sys

    regex_space, re_space = regex.compile(r"\s"), re.compile(r"\s")
    missing = [hex(c) for c in range(sys.maxunicode + 1) if regex_space.match(chr(c)) and not re_space.match(chr(c))]
    assert missing == []


clause_piece = st.sampled_from(["The Kremlin", "Smith", " ", "\u00a0", "\u2003", "\n", "did not", "didn’t", "has",
                                "never", "confirmed", "confirm", "denied", "denies", "deny", " the report", ".", ",",
                                "unconfirmed", "Confirmed", "x"])


@SETTINGS
@given(st.lists(clause_piece, max_size=12).map("".join))
def test_every_sentence_with_a_clause_holds_a_verb_form(text):
    from checker.kinds.contradiction.polarity import clause_pattern, verb_forms

    forms = {**verb_forms("confirm"), **verb_forms("deny")}
    article = parse_text("a.txt", "Title: T\n\n" + text)
    held = spans_holding(article, article.sentences, tuple(forms))
    for start, end in article.sentences:
        if clause_pattern(forms).search(article.source[start:end]):
            assert (start, end) in held


LITERAL_SETS = [("monday", "tuesday", "sunday"), ("said", "says", "told"), ("the", "then", "theft")]


@SETTINGS
@given(st.lists(st.sampled_from(["Monday", "monday", "said", " told", "\tthen", "\u2003the", "theft", "x",
                                 " ", "\n", "ß", "Sunday.", "-", "İ"]), max_size=14).map("".join),
       st.sampled_from(LITERAL_SETS), st.booleans(), st.sampled_from(["", r"\s"]))
def test_literals_decide_the_same_before_and_after_their_trie_is_compiled(text, literals, ignorecase, before):
    from checker.patterns import precheck

    article = parse_text("a.txt", "Title: T\n\n" + text)
    spans = [(0, len(article.source)), *article.sentences, *((b.start, b.end) for b in article.paragraphs)]
    decisions = []
    for trie_after in (10**9, 0):  # substring searches only; the trie from the first text on
        condition = Literals(literals, ignorecase, before)
        condition._trie, condition._unsearched = True, trie_after
        fresh = parse_text("a.txt", "Title: T\n\n" + text)  # no derived hits shared between the two
        decisions.append((condition.might_match(fresh), condition.holding(fresh, spans)))
        if condition._text(fresh) is not None:
            assert (condition._search is None) == (trie_after > 0)
    assert decisions[0] == decisions[1]
    assert precheck.TRIE_AFTER > 0


# ---- rules that skip an article after one quick look at its text ---------------------------
def builtin(rule_id: str):
    rules, _ = load_rules([builtin_rules_dir()], checker_rule_kinds())
    return next(r for r in rules if r.id == rule_id)


NAMES = builtin("consistency-names")
# The built-in rule also reads the shipped expressions, which no literal pre-check covers: its
# listed names alone are what the pre-check is derived from.
SWAPPED = type(builtin("entity-swapped-name"))({**builtin("entity-swapped-name").spec, "gazetteer": False})
name_piece = st.sampled_from(["US", "U.S.", "USA", "U.S.A.", "Russia", "Russian Federation", "Kyiv", "Kiev", "e-mail",
                              "email", "White Residence", "White House", "Lawyer General", "officials", " ", ". ",
                              "\n\n", "USAID", "us", "Russia's", "THE US", "Team ", " Today"])


def findings(rule, text):
    return checked(rule, parse_text("a.txt", "Title: T\n\n" + text))


def engine_findings(rule, text):
    return gated(rule, parse_text("a.txt", "Title: T\n\n" + text))


@SETTINGS
@given(st.lists(name_piece, max_size=25).map("".join))
@example("US troops left. US aid came. USA officials said so.")
@example("Kyiv said. Kyiv added. Kiev denied it.")
def test_the_pre_check_skips_only_articles_the_rule_would_pass(text):
    assert NAMES.precheck is not ALWAYS  # the built-in forms start with plain text
    assert isinstance(SWAPPED.precheck, Literals)
    for rule in (NAMES, SWAPPED):
        assert engine_findings(rule, text) == findings(rule, text)


def _literal_groups(rule):
    """The texts of the forms of each group that a consistency rule's pre-check looks for."""
    groups = rule.precheck.parts if not isinstance(rule.precheck, AtLeast) else [rule.precheck]
    return [[part.literals[0] for part in group.parts] for group in groups]


def test_a_group_with_a_pattern_is_looked_for_by_the_text_its_forms_hold():
    from checker.kinds.consistency import ConsistencyRule

    def rule(*forms):
        return ConsistencyRule({"id": "c", "kind": "consistency", "category": "consistency", "message": "m",
                                "groups": [list(forms)]})

    text = "The colour, the hue and the color again."
    assert _literal_groups(rule("colou?r", "hue")) == [["colo", "hue"]]
    assert engine_findings(rule("colou?r", "hue"), text) == findings(rule("colou?r", "hue"), text) != []
    assert not rule("colou?r", "hue").might_match(parse_text("a.txt", "The colour, and the color again."))  # one form
    assert _literal_groups(rule("[Cc]olou?r", "hue")) == [["olo", "hue"]]
    assert rule("[Cc]olou?r", "[Hh][Uu][Ee]").precheck is ALWAYS  # no text in every match: always searched
    assert engine_findings(rule("[Cc]olou?r", "[Hh][Uu][Ee]"), text) != []


# ---- style-repeated-word: the quick test for a repeat -----------------------------------
CHECKED = [chr(c) for c in (*range(0x130), *range(0x132, 0x370), *range(0x2000, 0x2070))]


def test_the_checked_ranges_are_those_the_rule_checks():
    from checker.patterns.precheck import BEYOND_FOLDING_CHECKED

    assert [c for c in map(chr, range(0x2100)) if not BEYOND_FOLDING_CHECKED.match(c)] == CHECKED


def test_in_the_checked_ranges_re_word_characters_are_regex_word_characters():
    import re

    re_word, regex_word = re.compile(r"\w"), regex.compile(r"[\p{L}\p{N}_]")
    assert [c for c in CHECKED if re_word.match(c) and not regex_word.match(c)] == []


def test_in_the_checked_ranges_casefold_keeps_what_regex_ignorecase_equates():
    letters = [c for c in CHECKED if c.isalpha()]
    for c in letters:
        same = regex.compile(regex.escape(c), regex.IGNORECASE)
        for d in letters:
            if same.fullmatch(d):
                assert c.casefold() == d.casefold(), (c, d)
        # folding keeps a non-space a non-space, and white space as it is
        assert c.casefold().strip() == c.casefold()


repeat_piece = st.sampled_from(["the", "The", "THE", "the the", "that that", " ", "  ", "\n", "\u00a0", "\u2003", "(",
                                "-", "--", "’", "'s", "ß", "SS", "ss", "ǅ", "ǆ", "1", "22", "x_", ".", "İ", "i̇", "K"])


@SETTINGS
@given(st.lists(repeat_piece, max_size=20).map("".join))
@example("The the council met.")
@example("(the the) -- -- ß SS")
def test_the_repeat_pre_check_passes_every_article_with_a_repeat(text):
    rule = builtin("style-repeated-word")
    assert isinstance(rule.precheck, Declared)
    assert engine_findings(rule, text) == findings(rule, text)


@pytest.mark.parametrize("text", ["A caption | Getty\n", "A caption | Getty\n\n", "A caption | Getty", "| Getty x\n"])
def test_an_ends_pattern_before_a_final_newline_is_still_found(text):
    rule = next(r for r in RULES if r.id == "boilerplate-image-credit")
    assert rule.is_boilerplate(text) == plain(rule, text)


# ---- substitution rules: the text every entry requires ----------------------------------
@pytest.mark.parametrize(("pattern", "literals"), [
    ("how numerous(?= (?:dead|people))", ("how numerous",)),
    (r"(?<!\b[Tt]he )(?<!THE )(?<!-)Russian Federation", ("Russian Federation",)),
    (r"U\.S\.A\.", ("U.S.A.",)),
    ("People’s Republic", ("People’s Republic",)),
    ("kicks? the bucket", (" the bucket",)),  # the "s" may be missing; the longer run is the sharper look
    ("colou?r", ("colo",)),
    ("ab", None),  # too short to be worth a look
    ("how numerous|as many", ("how numerous", "as many")),  # either side may match
    ("(?i)USA", None), ("(?x)U S A", None), ("(?i:usa) officials", None),  # flags change the reading
    (r"\d+ dead", (" dead",)), (r"\bUSA", ("USA",)), ("[Uu]SA", None), ("(?:USA) aid", (" aid",)),
    ("a (?:good|great) deal of", (" deal of",)), ("(?:good|great)", ("good", "great")),
    (r"(?<=[(|])USA", ("USA",)),  # a bar inside a lookbehind's set
    ("a[|]b|c", None),
    ("(?:cat)?dog", ("dog",)), ("(?:cats)*", None), ("(?:cats){0,2}", None), ("(?:cats){2}", ("cats",)),
    ("(?:cats){e<=1}", None),  # fuzzy: the text may differ
    (r"\u0041BCD", None), (r"\L<words> said", None), (r"\N{EM DASH}xyz", None),  # not read: no look
    ("(?(1)abc|def)", None), ("(?=abc)", None), ("(?#note)abc", ("abc",)), ("(?m)^More news", ("More news",)),
])
def test_the_required_text_of_a_pattern(pattern, literals):
    from checker.patterns.syntax import required_literals

    assert required_literals(pattern) == literals
    if literals is not None:  # and it is required: a match without it does not exist
        for literal in literals:
            for text in ("x " + literal + " y", literal.upper(), "nothing here"):
                for match in regex.finditer(pattern, text):
                    assert any(literal in match.group(0) for literal in literals)


_ATOMS = st.sampled_from(["abc", "US", "USA", " aid", "de", "a", "b", "[ab]", "[|]", r"\d", r"\b", r"\s", ".", "^",
                          "$", r"\u0041", r"\x41", r"\.", r"\p{Lu}", " "])
_QUANTIFIERS = st.sampled_from(["", "", "", "?", "*", "+", "{2}", "{0,2}", "{1,}", "{e<=1}", "??", "+?", "*+"])
_OPENINGS = st.sampled_from(["(?:", "(", "(?P<n>", "(?>", "(?=", "(?!", "(?<=", "(?<!", "(?s:", "(?#"])


def _regex_parts(children):
    group = st.tuples(_OPENINGS, children, _QUANTIFIERS).map(lambda t: f"{t[0]}{t[1]})" + (
        "" if t[0].startswith(("(?=", "(?!", "(?<", "(?#")) else t[2]))
    sequence = st.lists(st.one_of(children, group), min_size=1, max_size=4).map("".join)
    alternation = st.lists(children, min_size=2, max_size=3).map("|".join)
    return st.one_of(sequence, alternation, st.tuples(children, _QUANTIFIERS).map("".join))


_PATTERNS = st.recursive(_ATOMS, _regex_parts, max_leaves=10)


@SETTINGS
@given(_PATTERNS, st.lists(st.sampled_from(["abc", "USA", "US", " aid", "de", "a", "b", "1", " ", ".", "|", "A"]),
                           max_size=12).map("".join))
@example("(?:USA|abc)+ aid", "USA aid")
@example("(?:abc){e<=1}", "ab c")  # fuzzy matching: the text may differ
@example("a(?#abc)?", "")  # a quantifier after a comment makes what precedes it optional
def test_every_match_holds_one_of_the_required_texts(pattern, text):
    from checker.patterns.syntax import required_literals

    try:
        compiled = regex.compile(pattern)
    except (regex.error, OverflowError, RecursionError):
        return
    literals = required_literals(pattern, min_length=1)
    if literals is None:
        return
    assert literals and all(literals)
    for match in compiled.finditer(text, timeout=1):
        assert any(literal in match.group(0) for literal in literals), (pattern, text, literals)


def test_a_team_rule_opening_with_a_choice_keeps_the_one_look():
    from checker.kinds.substitution import SubstitutionRule

    rule = SubstitutionRule({"id": "team-deal", "kind": "substitution", "category": "entity", "message": "m",
                             "swap": {"a (?:good|great) deal of": "many", r"\d+ (?:folks|peoples)": "people"}})
    assert isinstance(rule.precheck, Literals) and set(rule.precheck.literals) == {" deal of", "folks", "peoples"}
    for text in ("So a great deal of people came. 12 folks left.", "So a great many people came.", "12 peoples"):
        assert engine_findings(rule, text) == findings(rule, text)
    assert engine_findings(rule, "So a great deal of people came.") != []
    assert not rule.might_match(parse_text("a.txt", "Nothing here."))


SUBSTITUTIONS = [builtin(i) for i in ("entity-broken-phrase", "entity-formal-name-without-article",
                                      "entity-state-name-as-adjective")]
entity_piece = st.sampled_from([
    "how numerous dead", "HOW NUMEROUS people", "as numerous as 5", "Russian Federation", "the Russian Federation",
    "USA officials", "U.S.A. troops", "People’s Republic of China", "Republic of Türkiye forces", "kick the bucket",
    "ſ", "K", " ", ". ", "\n\n", "said",
])


@SETTINGS
@given(st.lists(entity_piece, max_size=15).map("".join))
@example("How numerous dead were counted. USA officials said.")
def test_substitution_rules_skip_only_articles_they_would_pass(text):
    for rule in SUBSTITUTIONS:
        assert isinstance(rule.precheck, Literals)
        assert engine_findings(rule, text) == findings(rule, text)


@pytest.mark.corpus
def test_pre_checks_and_shortcuts_change_nothing_on_the_corpus():
    """Every built-in rule with a pre-check, through the engine, against ``check`` alone; the
    spelling rule also against every pair of forms compared."""
    import copy

    rules = [rule for rule in load_rules([builtin_rules_dir()], checker_rule_kinds())[0] if rule.precheck is not ALWAYS]
    assert len(rules) >= 10
    plain_spelling = copy.copy(SPELLING)
    plain_spelling._candidates = lambda names: every_pair(names)
    found = skipped = 0
    for path in sorted(CORPUS.rglob("*.txt")):
        article = parse_text(str(path), path.read_text())
        for rule in rules:
            plain = checked(rule, article)
            assert gated(rule, article) == plain, (rule.id, path)
            found += len(plain)
            skipped += not rule.might_match(article)
        assert checked(SPELLING, article) == checked(plain_spelling, article), path
    assert found > 50 and skipped > 1000


# ---- contradiction-counts: only related earlier counts are compared ------------------------
def plain_conflicts(found, vocabulary):
    """The comparison as first written: every earlier count of the noun, in order."""
    from collections import defaultdict

    from checker.kinds.contradiction.counts import _may_be_one_event, _relation
    from checker.kinds.contradiction.restated import skeleton_of

    by_unit = defaultdict(list)
    for later in found:
        candidates = by_unit[later.unit]
        if later.unit in vocabulary.people:
            candidates = [c for c in by_unit[None] if c.headline] + candidates
        for earlier in candidates:
            if earlier.sentence == later.sentence or earlier.value.overlaps(later.value):
                continue
            relation = _relation(earlier, later, vocabulary)
            kept = {
                "event": not (later.update or later.distinct or earlier.distinct)
                and _may_be_one_event(earlier.context, later.context),
                "headline": not later.update - earlier.update,
                "restated": not (later.update - earlier.update or later.distinct ^ earlier.distinct),
            }
            if relation is None or not kept[relation]:
                continue
            if skeleton_of(earlier.text)[0] == skeleton_of(later.text)[0]:
                continue
            yield earlier.statement, later.statement
            break
        by_unit[later.unit].append(later)


COUNTS = builtin("contradiction-counts")
count_sentence = st.builds(
    "{} {} {} {} {}.".format,
    st.sampled_from(["Police said", "Officials said", "The agency reported that", "Reuters said", "Later,"]),
    st.sampled_from(["12", "14", "twelve", "more than 200", "about 250", "3", "a dozen", "1,000"]),
    st.sampled_from(["people", "civilians", "votes", "percent", "soldiers", "homes"]),
    st.sampled_from(["were killed", "were injured", "were arrested", "went missing", "were counted", "voted"]),
    st.sampled_from(["in the attack on the market", "in the attack on the market in the north", "on Monday",
                     "in Gaza City", "after the storm hit the coast", ""]),
)


@SETTINGS
@given(st.sampled_from(["Bus crash kills 12", "12 people killed in the attack on the market", "14 soldiers killed",
                        "Vote count: 200 votes counted", "Festival draws 12 visitors"]),
       st.lists(count_sentence, min_size=1, max_size=25))
@example("12 people killed in the attack on the market",
         ["Police said 14 people were killed in the attack on the market."])
@example("Festival draws 12 visitors",  # the headline relation alone: no event word
         ["The festival draws 14 visitors, the organisers said on Sunday evening in the old town."])
def test_counts_compared_through_the_index_conflict_as_all_pairs_do(title, sentences):
    from checker.kinds.contradiction.counts import conflicts, counts_in
    from checker.read.parsers.text import parse_text

    article = parse_text("a.txt", f"Title: {title}\n\n" + " ".join(sentences))
    headline = next(((b.start, b.end) for b in article.blocks if b.kind == "headline"), None)
    found = counts_in(article.source, article.sentences, COUNTS.vocabulary, headline)
    expected = list(plain_conflicts(found, COUNTS.vocabulary))
    assert [(c.earlier, c.later) for c in conflicts(found, COUNTS.vocabulary)] == expected


@pytest.mark.corpus
def test_counts_compared_through_the_index_conflict_as_all_pairs_do_on_the_corpus():
    from checker.kinds.contradiction.counts import conflicts, counts_in
    from checker.read.parsers.text import parse_text

    paths = sorted(CORPUS.rglob("*.txt"))
    joined = parse_text("all.txt", "\n\n".join(path.read_text() for path in paths[:300]))  # many figures per noun
    for article in [joined, *(parse_text(str(p), p.read_text()) for p in paths)]:
        found = counts_in(article.source, article.sentences, COUNTS.vocabulary)
        fast = [(c.earlier, c.later) for c in conflicts(found, COUNTS.vocabulary)]
        assert fast == list(plain_conflicts(found, COUNTS.vocabulary)), article.path


@pytest.mark.parametrize(("field", "pattern", "text", "expected"), [
    ("starts", "(?m)more:", "Read this\nMore: stories", False),  # the flag stays inside its group
    ("starts", "(?r)more news", "More news: markets", True),  # a team pattern that runs backwards
    ("strong", "(?r)watch", "Watch the video", True),
])
def test_start_patterns_with_their_own_flags_decide_as_a_forward_search(field, pattern, text, expected):
    rule = BoilerplateRule({"id": "team-start", "kind": "boilerplate", "category": "boilerplate", "message": "m",
                            field: [pattern], "scope": "paragraph"})
    assert rule.is_boilerplate(text) == plain(rule, text) == expected


@pytest.mark.parametrize(("pattern", "text"), [
    (r"U\.S\.", "U.S."), ("US", "US"), ("al-Qaeda", "al-Qaeda"),
    ("Democratic People's Republic", "Democratic People's Republic"),
    ("USA(?! Today)", "USA"), ("(?<!Team )USA", "USA"), ("colou?r", "colo"), (r"\bUS", "US"), ("[Uu]S", "S"),
    ("S?US", "US"), ("(?i)us", None), ("US|USA", None), ("(?:[Uu]|X)S", "S"), (r"[Uu]\.?S\.?", None),
])
def test_the_text_a_consistency_form_holds(pattern, text):
    """consistency's pre-check: every match of a form holds this text, however short."""
    from checker.patterns.syntax import required_literal

    assert required_literal(pattern, min_length=1) == text
    if text is not None:
        for sample in ("USA Today", "Team USA", "US", "U.S.", "colour", "color", "al-Qaeda"):
            for match in regex.finditer(pattern, sample):
                assert text in match.group(0)


@pytest.mark.parametrize(("pattern", "text"), [
    (r"U\.S\.", "U.S."), ("US", "US"), ("Democratic People's Republic", "Democratic People's Republic"),
    ("colou?r", None), (r"\bUS", None), ("(?i)us", None), ("US|USA", None), ("[Uu]S", None), ("USA(?! Today)", None),
])
def test_the_one_string_a_plain_pattern_matches(pattern, text):
    from checker.patterns.syntax import plain_text

    assert plain_text(pattern) == text
    if text is not None:
        assert regex.fullmatch(pattern, text)


# ---- contradiction-counts: the first look for a number ------------------------------------
def test_every_number_word_passes_the_first_look():
    """A sentence whose only number is a word ("a trillion dollars") must pass the substring
    screen that runs before the number pattern; a word the screen lacks was never counted."""
    from checker.kinds.contradiction.counts import _NUMBER_WORD, first_number

    words = _NUMBER_WORD.pattern.split("(?:", 1)[1].rsplit(")(?!", 1)[0].split("|")
    assert len(words) > 30
    missed = [word for word in words
              if first_number(f"It cost a {word} dollars.", f"it cost a {word} dollars.") is None]
    assert missed == []



_QUANTITY_PIECES = ["more than", "no fewer than", "in excess of", "about", "at least", "half a dozen", "a few",
                    "a couple of", "an estimated", "$", "£", "€", "12", "1,200", "3.5", "5bn", " k", "twenty-one",
                    "two hundred and five", "thousands", "a", "an", "hundred", "people", "between", "and", "to", "–",
                    " ", "  ", "\n", ",", ".", "-", "Some", "ſome", "K", "\u0301", "x"]


def _found(pattern, text, start=0):
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text, start)]


def _searched_from_the_start(text):
    """Quantities and ranges found searching from ``search_start``, and by a whole search."""
    from checker.kinds.contradiction.counts import _NUMBER_WORD, search_start
    from checker.kinds.contradiction.numbers import QUANTITY, RANGE

    first = _NUMBER_WORD.search(text)
    start = len(text) if first is None else search_start(text, first.start())
    return [_found(p, text, start) for p in (QUANTITY, RANGE)], [_found(p, text) for p in (QUANTITY, RANGE)]


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(_QUANTITY_PIECES), st.text(max_size=3)), max_size=16).map(" ".join))
@example("about  $ 12 people")
@example("x, more than\n\nhalf a dozen")
@example("x, between ten and 12, twentyto thirty")
@example("x, said no fewer than  half a dozen")
@example("x, said no fewer than £12")
def test_quantities_searched_from_before_the_first_number_are_all_quantities(text):
    found, expected = _searched_from_the_start(text)
    assert found == expected


@pytest.mark.slow
@pytest.mark.corpus
def test_quantities_searched_from_before_the_first_number_are_all_quantities_on_the_corpus():
    for path in sorted(CORPUS.glob("*/*.txt")):
        article = parse_text(path.name, path.read_text(encoding="utf-8"))
        for start, end in article.sentences:
            found, expected = _searched_from_the_start(article.source[start:end])
            assert found == expected, (path.name, start)


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(["seven", "SEVENTEEN", "Thousands", "often", "İ", "ß", "ſix", "ﬁfty", " ",
                                           ".", "1", "a few", "FEW", "K"]), st.text(max_size=3)),
                max_size=12).map("".join),
       st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=5))
def test_the_number_words_a_whole_text_holds_are_all_its_sentences_can_hold(source, spans):
    from checker.kinds.contradiction.counts import _MAY_COUNT_WORDS, _NUMBER_WORD, first_number

    words = tuple(word for word in _MAY_COUNT_WORDS if word in source.casefold())
    for start, end in spans:
        text = source[min(start, end):max(start, end)]
        expected = _NUMBER_WORD.search(text)
        for found in (first_number(text, text.casefold(), words), first_number(text, text.casefold())):
            assert (found and found.start()) == (expected and expected.start())


@SETTINGS
@given(st.lists(st.sampled_from(["ßß", "İİ", "Straße", "Twelve people came", "twelve", "3 people", "ten",
                                 "It rained", ". ", " ", "\n\n", "a dozen cars"]), max_size=12).map("".join))
@example("ßß. Twelve people came.")
def test_counts_read_in_a_whole_article_are_those_read_sentence_by_sentence(text):
    from checker.kinds.contradiction.counts import counts_in

    article = parse_text("a.txt", "Title: Counts\n\n" + text)
    source = article.source

    def read(found, shift=0):
        return [(c.statement.start + shift, c.statement.text, c.value, c.unit) for c in found]

    alone = [item for start, end in article.sentences
             for item in read(counts_in(source[start:end], [(0, end - start)], COUNTS.vocabulary), start)]
    assert read(counts_in(source, article.sentences, COUNTS.vocabulary)) == alone

# ---- contradiction-counts, -recounts: numbers looked for only where one may start ----------
def test_a_case_insensitive_letter_or_digit_is_a_character_folding_to_it():
    """``counts.number_places`` looks in the case-folded text, and takes a place there for the
    same place in the text: each character a case-insensitive pattern takes for an ASCII letter
    or digit folds to it, or to more than one character (the text is then longer folded, and
    is searched the plain way); and only a digit folds to a digit (``find_ranges``)."""
    import string
    import sys

    every = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
    for ascii_character in string.ascii_lowercase + string.digits:
        for match in regex.finditer(f"(?i){ascii_character}", every):
            folded = match.group(0).casefold()
            assert folded == ascii_character or len(folded) > 1, hex(ord(match.group(0)))
    digits = set(string.digits)
    assert [hex(ord(c)) for c in every if c.casefold() in digits and c not in digits] == []


def _described(matches):
    return [(m.span(), m.groupdict()) for m in matches]


def _plain_figures(text):
    """A sentence's first number, where its quantities may start and its quantities, searched
    the plain way."""
    from checker.kinds.contradiction.counts import _NUMBER_WORD, search_start
    from checker.kinds.contradiction.numbers import QUANTITY

    number = _NUMBER_WORD.search(text)
    if number is None:
        return None, 0, []
    begin = search_start(text, number.start())
    return number.start(), begin, _described(QUANTITY.finditer(text, begin))


def _figures_at_places(text, whole=None, start=0):
    """The same, read at the places a number may start (of ``whole``, the folded text ``text``
    is cut from at ``start``, when given); and the ranges from there, both ways."""
    from checker.kinds.contradiction.counts import SentenceFigures, find_ranges, sentence_figures
    from checker.kinds.contradiction.numbers import RANGE

    folded = text.casefold()
    if whole is None:
        number, begin, quantities, places = sentence_figures(text, folded)
    else:
        number, begin, quantities, places = SentenceFigures().of(start, start + len(text), text, folded, whole)
    ranges = (_described(find_ranges(text, folded, places, begin)), _described(RANGE.finditer(text, begin)))
    return (number and number.start(), begin, _described(quantities)), ranges


_PLACE_PIECES = [*_QUANTITY_PIECES, "between", "BETWEEN", "sevento5", "someone", "often", "İ", "ß", "ſix", "K",
                 "SEVENTEEN", "Thousands", "ﬁfty", "10-12", "10 to 12", "1,000,000", "COVID-19", "A380", "ten"]


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(_PLACE_PIECES), st.text(max_size=3)), max_size=16).map(" ".join),
       st.integers(0, 200), st.integers(0, 200))
@example("x between  ten and 12, sevento5 someone", 0, 0)
@example("about  $ 12 people, between 10 and 20, often 1,000,000", 7, 30)
def test_numbers_quantities_and_ranges_looked_for_at_their_places_are_those_a_search_finds(text, begin, cut):
    from checker.kinds.contradiction.counts import (
        _MAY_COUNT_WORDS,
        _NUMBER_WORD,
        SentenceFigures,
        find_quantities,
        find_ranges,
        next_number,
        number_places,
    )
    from checker.kinds.contradiction.numbers import QUANTITY, RANGE

    figures, (ranges, expected_ranges) = _figures_at_places(text)
    assert figures == _plain_figures(text)
    assert ranges == expected_ranges
    folded = text.casefold()
    if len(folded) == len(text):
        places = number_places(folded, _MAY_COUNT_WORDS)
        begin = min(begin, len(text))
        for start in range(len(text) + 1):
            found, expected = next_number(text, places, start), _NUMBER_WORD.search(text, start)
            assert (found and found.span()) == (expected and expected.span())
        assert _described(find_quantities(text, places, begin)) == _described(QUANTITY.finditer(text, begin))
        assert _described(find_ranges(text, folded, places, begin)) == _described(RANGE.finditer(text, begin))
        # A sentence cut from a longer text: the places of the whole within it.
        cut = min(cut, len(text))
        assert _figures_at_places(text[cut:], folded, cut) == _figures_at_places(text[cut:])
        if _plain_figures(text[cut:])[0] is not None:
            assert SentenceFigures().may_hold_number(cut, len(text), folded)


@pytest.mark.slow
@pytest.mark.corpus
def test_numbers_quantities_and_ranges_looked_for_at_their_places_are_those_a_search_finds_on_the_corpus():
    for path in sorted(CORPUS.glob("*/*.txt")):
        article = parse_text(path.name, path.read_text(encoding="utf-8"))
        whole = article.source.casefold()
        for start, end in article.sentences:
            text = article.source[start:end]
            found = _figures_at_places(text, whole if len(whole) == len(article.source) else None, start)
            assert found[0] == _plain_figures(text), (path.name, start)
            assert found[1][0] == found[1][1], (path.name, start)


RECOUNTS = builtin("contradiction-recounts")
_RECOUNT_EVENT_WORDS = ["killed", "lost their lives", "Bodies", "body", "hospitalised", "evacuated", "evacuations",
                        "told to leave", "ordered out", "orders", "in custody", "detainee", "laid off", "laying off",
                        "layoffs", "redundancies", "flooding", "under water", "razed", "hire", "recruits", "ill",
                        "fell ill", "shed", "lose"]
_MENTION_PIECES = [*_RECOUNT_EVENT_WORDS, "$", "£", "€", " score ", "a score of", "votes", "Vote", "motion", " from ",
                   "%", "per cent", "recent", "the pair", "both duo", "all trio", "quartet", "twelve", "12", "the",
                   "homes", "people", " ", ".", ",", "rose", "dozen", " half", "x", "İ", "ß", "Sevento"]


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(_MENTION_PIECES), st.text(max_size=3)), max_size=14).map(" ".join))
@example("Three homes were evacuated.")
def test_the_recount_events_in_one_pattern_find_what_each_finds(text):
    vocabulary = RECOUNTS.recount_vocabulary
    assert vocabulary.any_event is not None
    assert vocabulary.names_event(text) == any(pattern.search(text) for pattern in vocabulary.events.values())


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(_MENTION_PIECES), st.text(max_size=3)), max_size=14).map(" ".join))
@example("The board of the club said the pair left.")
def test_a_sentence_without_a_number_is_read_for_mentions_only_with_a_cue(text):
    from checker.kinds.contradiction import recounts
    from checker.kinds.contradiction.counts import sentence_figures

    folded = text.casefold()
    figures = sentence_figures(text, folded)
    if figures[0] is None and not recounts._may_mention_without_number(text, folded):
        assert list(recounts._read(text, 0, len(text), RECOUNTS.recount_vocabulary, folded, figures)) == []


def test_a_count_written_only_in_words_is_read():
    from checker.kinds.contradiction.counts import counts_in

    text = "The debt reached a trillion dollars."
    found = counts_in(text, [(0, len(text))], COUNTS.vocabulary)
    assert [c.unit for c in found] == ["dollar"]
    assert found[0].value.low <= 1e12 <= found[0].value.high


# ---- event-dates: the look for an event noun in the whole article ---------------------------
EVENT_DATES = builtin("contradiction-event-dates")
event_piece = st.sampled_from(["the fire", "The Fire", "fired", "the crash on Monday", "Monday's crash", " ", ". ",
                               "\n\n", "afraid", "the RAID", "on March 3", "İ", "ß", "the attack on May 2, 2021",
                               "the attack on May 5, 2021", "ATTACK"])


@SETTINGS
@given(st.lists(event_piece, max_size=14).map("".join))
def test_the_event_noun_look_skips_only_articles_without_events(text):
    article = parse_text("a.txt", "Title: Events\n\n" + text)
    if not EVENT_DATES.might_match(article):
        assert not any(EVENT_DATES.event_nouns.search(article.source[s:e]) for s, e in article.sentences)
    assert gated(EVENT_DATES, article) == checked(EVENT_DATES, article)



@SETTINGS
@given(st.lists(st.one_of(event_piece, st.sampled_from(["Ǆ", "ǅ", "K", "ﬁre", "É", "\u0301"])),
                max_size=14).map("".join))
@example("The FIRE. ß the fire.")
@example("ßß the fire\n\nThe crash")
@example("Fire! The crash. Nothing")
def test_the_sentences_holding_an_event_noun_are_all_those_a_search_finds(text):
    article = parse_text("a.txt", "Title: Events\n\n" + text)
    held = spans_holding(article, article.sentences, EVENT_DATES.nouns, ignorecase=True)
    assert set(held) <= set(article.sentences)
    for start, end in article.sentences:
        if EVENT_DATES.event_nouns.search(article.source[start:end]):
            assert (start, end) in held


@pytest.mark.parametrize("ignorecase", [True, False])
def test_only_spans_a_literal_lies_wholly_inside_are_held(ignorecase):
    article = parse_text("a.txt", "Title: T\n\nA fire. No fi\nre here. Fire again.\n")
    spans = [(0, 0), *article.sentences]
    texts = [article.source[s:e] for s, e in spans_holding(article, spans, ("fire",), ignorecase)]
    assert texts == (["A fire.", "Fire again."] if ignorecase else ["A fire."])


@SETTINGS
@given(st.lists(st.sampled_from(["Tuesday, March 4, 2015", "Tues. 4 March 2015", "March 4, 2015 (Tue)", "Sun",
                                 "Monday", "MONDAY, March 4, 2015", "tuesday, March 4, 2015", "the Fri 4 July 2015",
                                 " ", ". ", "\n\n", "March 4", "2016", "Sunni", "x"]), max_size=12).map("".join))
@example("It was Tuesday, March 4, 2015. Sun")
def test_weekday_conflicts_are_found_in_the_sentences_naming_a_weekday(text):
    from checker.kinds.contradiction import weekdays

    article = parse_text("a.txt", "Title: Days\n\n" + text)
    held = spans_holding(article, article.sentences, weekdays.WEEKDAY_STARTS)
    every = list(weekdays.conflicts(article.source, article.sentences, None))
    assert list(weekdays.conflicts(article.source, held, None)) == every
    if text == "It was Tuesday, March 4, 2015. Sun":
        assert every  # March 4, 2015 was a Wednesday

# ---- consistency-spelling: which pairs of forms are compared --------------------------------
SPELLING = builtin("consistency-spelling")


def every_pair(names):
    """The candidate pairs as first found: every form indexed by itself and its deletions."""
    from collections import defaultdict

    from checker.kinds.variants import _deletions

    buckets = defaultdict(list)
    for form in names:
        for key in _deletions(form.text.lower()):
            buckets[key].append(form)
    return {(a.text, b.text) if a.text < b.text else (b.text, a.text)
            for bucket in buckets.values() for a in bucket for b in bucket if a.text != b.text}


def _edited(word: str, how: str, at: int, letter: str) -> str:
    at = at % len(word)
    if how == "drop":
        return word[:at] + word[at + 1:]
    if how == "add":
        return word[:at] + letter + word[at:]
    if how == "replace":
        return word[:at] + letter + word[at + 1:]
    if how == "swap" and at + 1 < len(word):
        return word[:at] + word[at + 1] + word[at] + word[at + 2:]
    return word.upper() if how == "upper" else word


spelled = st.builds(_edited, st.sampled_from(["Tesla", "Nagalase", "Lepanto", "BrideGate", "Obama", "Iraq",
                                              "Russia", "Kyiv", "Zelensky", "Ann", "Al"]),
                    st.sampled_from(["drop", "add", "replace", "swap", "upper", "none"]),
                    st.integers(0, 12), st.sampled_from(["a", "s", "G", "l", "e"]))


@SETTINGS
@given(st.dictionaries(spelled, st.integers(1, 4), max_size=8))
def test_the_candidates_hold_every_pair_that_can_be_reported(uses):
    from checker.kinds.variants import _Form

    names = [_Form(text, spans=[(i, i + 1) for i in range(count)]) for text, count in uses.items() if text]
    counts = {form.text: len(form.spans) for form in names}
    most, least = SPELLING.options["min_majority"], SPELLING.options["max_minority"]

    def reportable(pair):
        a, b = counts[pair[0]], counts[pair[1]]
        return a != b and max(a, b) >= most and min(a, b) <= least and SPELLING._slip(*pair) is not None

    candidates = SPELLING._candidates(names)
    assert {pair for pair in every_pair(names) if reportable(pair)} <= candidates
    assert candidates <= every_pair(names)


spelling_piece = st.one_of(spelled, st.sampled_from([
    " ", " ", ". ", ", ", "\n", "\n\n", "’s", "'s", "“", "”", "the ", "of ", " of ", "said ", "ELECTORAL COLLEGE ",
    "Electoral College", "electoral college", "Court of Human Rights", "court of human rights", "New York", "new york",
    "The ", "President ", "president", "É", "\u0301", "-", "O'Neill", "O’neill",
]))


@SETTINGS
@given(st.lists(spelling_piece, max_size=30).map("".join))
@example("The Electoral College met. The Electoral College voted. Critics of the electoral college objected.")
@example("Zelensky spoke. Zelensky left. Zelenskyy returned.")
@example("LePanto said so. Lepanto agreed. Lepanto left.")
def test_the_spelling_rule_skips_only_articles_it_would_pass(text):
    assert isinstance(SPELLING.precheck, Declared)
    assert engine_findings(SPELLING, text) == findings(SPELLING, text)


# ---- text shape: capitals counted in bytes for ASCII text ---------------------------------
def _mostly_uppercase_plainly(text: str) -> bool:
    capitals = sum(map(str.isupper, text))
    letters = sum(map(str.isalpha, text))
    return letters >= 8 and capitals / letters > 0.6


@SETTINGS
@given(st.text(alphabet=st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefgh 0123.,'-\n\tÉé’ß"), max_size=40))
@example("SHARE THIS ARTICLE")
@example("ABCDE fgh")
@example("ABCDEfgh")
@example("Share This Article")
@example("“SHARE THIS ARTICLE”")
@example("ÉÉÉÉÉÉÉÉé’ABC")
@example("ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉABC")
def test_mostly_uppercase_counts_as_the_character_test_does(text):
    from checker.text.textshape import mostly_uppercase

    assert mostly_uppercase(text) is _mostly_uppercase_plainly(text)


def _occurrence(token: str, **fields) -> OccurrenceRule:
    return OccurrenceRule({"id": "test-occurrence", "kind": "occurrence", "category": "style",
                           "message": "{count} words", "token": token, "scope": "sentence", **fields})


@pytest.mark.parametrize(("token", "bounded"), [
    (r"[\p{L}\p{N}]+", True), (r"[^\s]+", True), (r"[]a]+", True), (r"[\]x]+", True),
    (r"\w+", False), (r"[a-z]+'?", False), (r"[[a-z]--[q]]+", False), (r"[a-z]*", False), (r"(?i)[a-z]+", False),
])
def test_only_a_repeated_single_class_is_bounded_by_the_length(token, bounded):
    assert _occurrence(token, max=3).pattern.shortest_holding(4) == (7 if bounded else 0)
    assert _occurrence(token, max=3, nonword=False).pattern.shortest_holding(4) == 0  # word bounds around it


@SETTINGS
@given(st.text(alphabet=st.sampled_from("ab1 .,'’-\n"), max_size=60), st.integers(0, 12),
       st.sampled_from([r"[\p{L}\p{N}]+", r"[a]+", r"[^ ]+"]), st.booleans())
@example("a b c d", 3, r"[\p{L}\p{N}]+", True)
@example("a b c d e", 2, r"[\p{L}\p{N}]+", False)
def test_segments_too_short_to_exceed_the_maximum_are_skipped_with_no_change(text, high, token, quotes):
    rule = _occurrence(token, max=high, quotes=quotes)
    article = parse_text("t.txt", text)
    assert rule.pattern.shortest_holding(high + 1) == 2 * high + 1
    plain = []  # every segment counted
    for segment in article.segments(rule.scope):
        matches = list(rule.search_in(rule.pattern, article, [segment]))
        if len(matches) > high:
            plain.append(rule.finding(article, matches[high].start(), matches[-1].end(), count=len(matches),
                                      max=high, min=None).to_dict())
    assert [f.to_dict() for f in rule.check(article)] == plain


_PROSE_PIECES = ["The council met.", " ", "  ", "\n", "\n\n", "“We won,” she said.", "It's", "U.S.", "e.g.", "’",
                 "'", "ß", "İ", "Σ", "12", "3.5", "—", "-", "(", ")", "a", "B", "?", "!", "\u00a0", "\t",
                 "rock'n'roll", ".."]


def _spans_read_for_duplicates(article) -> list[tuple[int, int]]:
    spans = [*article.text_lines, *article.sentences, *article.quotes]
    return [*spans, *((b.start, b.end) for b in article.blocks), (0, len(article.source))]


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(_PROSE_PIECES), st.text(max_size=4)), max_size=30).map("".join))
@example("A cat sat.“Yes” it is.\nNo. It's here.")
@example("One two three. Four'five six. Seven\n\nEight nine. Ten")
def test_words_of_a_span_read_through_its_sentences_are_its_words(text):
    from checker.kinds.duplicate import span_words, words

    article = parse_text("t.txt", text)
    for start, end in _spans_read_for_duplicates(article):
        assert span_words(article, start, end) == words(article.source[start:end]), (start, end)


@pytest.mark.slow
@pytest.mark.corpus
def test_words_of_a_span_read_through_its_sentences_are_its_words_on_the_corpus():
    from checker.kinds.duplicate import span_words, words

    for path in sorted(CORPUS.glob("*/*.txt")):
        article = parse_text(path.name, path.read_text(encoding="utf-8"))
        for start, end in _spans_read_for_duplicates(article):
            assert span_words(article, start, end) == words(article.source[start:end]), (path.name, start, end)


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(_PROSE_PIECES), st.text(max_size=4)), max_size=20).map("".join),
       st.lists(st.integers(0, 200), max_size=8), st.lists(st.tuples(st.integers(0, 200), st.integers(0, 200)),
                                                           max_size=6))
@example("ab'cd ef", [3, 8], [(0, 8)])
@example("ab cd", [1, 5], [(0, 5)])
def test_words_of_a_span_cut_at_any_sentence_bounds_are_its_words(text, cuts, spans):
    """Sentences cut anywhere (inside a word too): only safe cuts are read through."""
    from checker.kinds.duplicate import span_words, words

    article = parse_text("t.txt", text)
    bounds = sorted({0, len(text), *(c for c in cuts if c <= len(text))})
    article.__dict__["sentences"] = list(itertools.pairwise(bounds))
    for start, end in spans:
        start, end = sorted((min(start, len(text)), min(end, len(text))))
        assert span_words(article, start, end) == words(text[start:end]), (start, end)


@SETTINGS
@given(st.lists(st.sampled_from(["part", "Part", "no.", "No. ", "#", " ", "  ", "\n", "the ", "apart", "counterpart",
                                 "x", "Chapter", "band", "husband", "12", ",", "vol."]), max_size=10).map("".join),
       st.integers(0, 40), st.integers(0, 40))
@example("Part ", 0, 5)
@example("part\n", 0, 5)
def test_a_number_name_searched_backwards_is_found_where_a_forward_search_finds_it(text, pos, endpos):
    from checker.kinds.contradiction.restated import NAMING, NAMING_BEFORE

    assert NAMING_BEFORE is not NAMING
    assert (NAMING_BEFORE.search(text) is None) == (NAMING.search(text) is None)
    assert (NAMING_BEFORE.search(text, pos, endpos) is None) == (NAMING.search(text, pos, endpos) is None)


@pytest.mark.parametrize("words", [60, 79, 80, 81, 119, 120, 121, 200])
@pytest.mark.parametrize("max_words", [30, 79, 80, 120, 500])
def test_a_long_line_is_counted_in_full_when_a_rule_allows_that_many_words(words, max_words):
    """Lines are counted in their first 400 characters; a rule that allows more words than
    that holds still gets the whole count."""
    from checker.kinds.boilerplate import COUNTED

    rule = BoilerplateRule({"id": "team-long", "kind": "boilerplate", "category": "boilerplate", "message": "m",
                            "starts": ["word"], "max_words": max_words})
    line = " ".join(["word"] * words)
    assert (len(line) > COUNTED) == (words > 80)
    article = parse_text("a.txt", f"Title: T\n\n{line}\n\nAn ordinary closing sentence for the story.\n")
    flagged = [f.location.text for f in rule.check(article)]
    assert flagged == ([line] if words <= max_words else [])


# ---- contradiction-polarity: clauses looked up by key, not compared pair by pair ----------
def plain_polarity(clauses, antonyms):
    """Every clause against each earlier one of its subject, in order: the definition."""
    def content(words):
        return [w for w in words if w not in {"it", "this", "that", "them", "these", "those", "so"}]

    for i, later in enumerate(clauses):
        for earlier in clauses[:i]:
            if earlier.subject != later.subject or earlier.sentence == later.sentence:
                continue
            if earlier.passive != later.passive:
                continue
            a, b = content(earlier.object), content(later.object)
            if earlier.verb == later.verb and earlier.negated != later.negated:
                if a != b:
                    continue
            elif later.verb in antonyms.get(earlier.verb, frozenset()) and not earlier.negated and not later.negated:
                if not a or a != b:
                    continue
            else:
                continue
            yield earlier.statement, later.statement
            break


POLARITY = builtin("contradiction-polarity")
polarity_sentence = st.builds(
    "{} {} {}{}.".format,
    st.sampled_from(["The council", "Smith", "The Kremlin", "The board", "Police"]),
    st.sampled_from(["approved", "did not approve", "rejected", "confirmed", "denied", "never confirmed",
                     "was approved", "was not approved", "has not confirmed", "won", "lost"]),
    st.sampled_from(["the plan", "the report", "it", "the plan for the bridge", "", "the seat"]),
    st.sampled_from(["", " on Monday", ", officials said"]),
)


@SETTINGS
@given(st.lists(polarity_sentence, min_size=1, max_size=20))
def test_polarity_through_its_index_conflicts_as_all_pairs_do(sentences):
    from checker.kinds.contradiction.polarity import clauses_in, conflicts
    from checker.read.parsers.text import parse_text

    article = parse_text("a.txt", " ".join(sentences))
    rule = POLARITY
    found = clauses_in(article.source, article.sentences, rule.clause, rule.forms, rule.hedges, rule.adjectives)
    fast = [(c.earlier, c.later) for c in conflicts(found, rule.antonyms)]
    assert fast == list(plain_polarity(found, rule.antonyms))


# contradiction-roles: the forms read with simple case folding where full folding cannot differ,
# the anchor tried only where a post starts, names read only for surnames given two posts.
ROLES = builtin("contradiction-roles")
ROLES_VOCABULARY = ROLES.roles_vocabulary
#: Letters that full case folding reads two or three at a time ("ss", "fi", "ffl", "st").
FOLDING = ["ss", "SS", "fi", "Fi", "ff", "ffi", "ffl", "fl", "st", "ST", "sst", "Staffs", "Bassist", "Officer"]
role_piece = st.sampled_from(
    ["Ana Silva", "Jess Fiss", "Kerr", "O'Neil-Ross", "Ross", "Mr", "Dr.", "J.", "A. ", ", ", ",", " ", "  ", "\n",
     ".", ". ", ";", "the ", "The ", "the school's ", "Ashdown Primary School's ", "Rovers’ ", "its ", "who ",
     "who is ", "who has been ", "who was ", "who plays for ", "plays ", "in the ", " said", " said.", " of ",
     " at ", "the firm", "the company", "deputy ", "chief ", "former ", "senior ", "co-", "Dunholm City",
     " back four", "é", "É", "’", "-", "and ", "1999", "i\u0307", "ǅ", "ª", "Ǆ", "Inspector", "SERGEANT", "Chief",
     *FOLDING, *[s for s in sorted(ROLES_VOCABULARY.groups) if len(s) < 12][::3]])
#: Characters on whose account full case folding may read otherwise (``FULL_CASE_RELATIVES``).
RELATIVES = ["ß", "ẞ", "ſ", "\u212a", "İ", "ı", "ﬁ", "ﬆ", "ŉ", "ʼn", "ǰ", "ΐ", "\u0345", "\u030c", "e\u0301"]
role_sentence = st.builds(
    "{}{}{}{}{} ".format,
    st.sampled_from(["", "Judge ", "Inspector ", "Sgt. ", "Mr ", "Former ", "Ashdown School head teacher ",
                     "Sfist Orchestra bassoonist ", "the club's striker ", "Chief Inspector "]),
    st.sampled_from(["Ann Kerr", "Kerr", "Tom Kerr", "Li Wen", "Wen", "Sam Fiss", "Fiss", "Jess Staffs", "Staffs",
                     "Ross O'Neil-Fist", "A. Fiss", "Ann B. Kerr"]),
    st.sampled_from([", the school's head teacher,", ", the school's deputy head,", ", who is the firm's CFO,",
                     ", the company's chief executive,", ", who has been in the Rovers back four,",
                     ", who plays for Dunholm City,", ", chair and chief executive,", "", ", prosecutor,",
                     ", the Sfist Orchestra's first violin,", ", who is the Fissfield Trust's chief financial officer",
                     ", assistant chief constable of the Staffs Police,", ", the FIRST-TEAM STRIKER,"]),
    st.sampled_from([" said", " spoke", " replied", " was promoted", ""]),
    st.sampled_from([".", ". \"Kerr, the chief inspector, said so.\"", "; ß.", ".\n\n", ", Fiss said."]),
)
role_text = st.lists(st.one_of(role_sentence, role_piece), max_size=10).map("".join)


def _spans(match: regex.Match | None) -> tuple | None:
    """A match's span and its groups' spans, for comparing two patterns' matches."""
    if match is None:
        return None
    return match.span(), tuple(sorted((name, match.span(name)) for name in match.re.groupindex))


@SETTINGS
@given(role_text, st.integers(0, 200), st.integers(0, 200))
@example("Staffs, who is the bassoonist of the Sfist Orchestra, said.", 0, 60)
@example("Fiss, the Ashdown Primary School's chief financial officer, said", 0, 70)
def test_roles_simple_case_forms_match_as_the_full_case_forms_without_a_relative(text, start, end):
    from checker.kinds.contradiction import posts

    full, simple = ROLES_VOCABULARY.forms, ROLES_VOCABULARY.simple_forms
    assert simple is not None
    assume(posts.forms_for(text, ROLES_VOCABULARY) is simple)  # no relative ("ß" in some sentences)
    start, end = min(start, len(text)), min(max(start, end), len(text))
    for full_form, simple_form in zip(full, simple, strict=True):
        assert _spans(full_form.search(text, start, end)) == _spans(simple_form.search(text, start, end)), text
        for at in range(len(text)):
            assert _spans(full_form.match(text, at)) == _spans(simple_form.match(text, at)), (text, at)


@SETTINGS
@given(role_text, st.sampled_from(RELATIVES))
def test_roles_an_article_with_a_relative_is_read_with_the_full_case_forms(text, relative):
    from checker.kinds.contradiction import posts

    assert posts.forms_for(text + relative, ROLES_VOCABULARY) is ROLES_VOCABULARY.forms


def test_roles_full_case_relatives_hold_every_character_full_folding_relates_to_ascii_or_an_expansion():
    from regex import _regex

    from checker.kinds.contradiction import posts

    full, simple = regex.FULLCASE | regex.IGNORECASE | regex.UNICODE, regex.IGNORECASE | regex.UNICODE
    expanding = set(_regex.get_expand_on_folding())
    folded = {c for e in expanding for c in _regex.fold_case(full, e)}
    assert {f for e in expanding if (f := _regex.fold_case(full, e)).isascii()} <= {"ss", "ff", "fi", "fl", "ffi",
                                                                                     "ffl", "st"}
    touching = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") | folded | expanding
    relatives = posts.FULL_CASE_RELATIVES
    assert relatives is not None and set(RELATIVES) - {"ʼn", "e\u0301"} <= relatives
    for code in range(0x80, 0x20000):  # every cased character lies below
        char = chr(code)
        related = {chr(c) for c in _regex.get_all_cases(simple, code)} | {
            *_regex.fold_case(simple, char), *_regex.fold_case(full, char)}
        if related & touching:
            assert char in relatives, hex(code)


@SETTINGS
@given(st.lists(st.one_of(role_sentence, role_piece, st.sampled_from(RELATIVES)), max_size=16).map("".join))
@example("Inspector Sergeant Kerr, Judge ſally Roe and PC \u212ale said")
def test_roles_anchors_tried_where_a_post_starts_are_those_a_search_finds(text):
    from checker.kinds.contradiction.posts import _anchors

    plain = [m.span() for m in ROLES_VOCABULARY.anchor.finditer(text)]
    assert [m.span() for m in _anchors(text, ROLES_VOCABULARY)] == plain


def plain_roles(article):
    """The roles check's conflicts as first written: names read in every sentence for every
    surname, every form searched with full case folding, the anchor searched for."""
    from checker.kinds.contradiction import posts

    vocabulary, source = ROLES_VOCABULARY, article.source
    sentences = article.unquoted_sentences
    people: dict[str, posts.Person] = {}
    for start, end in sentences:
        for run in posts._NAME_RUN.findall(source[start:end]):
            naming = posts._naming(run, vocabulary)
            if naming is not None:
                person = people.setdefault(naming.surname, posts.Person())
                person.first_names |= {naming.first} if naming.first else set()
                person.introduced = person.introduced or naming.first is not None or naming.titled
    before, *others = vocabulary.forms
    found, joined, inside = [], set(), posts._QuoteIndex(article.quotes)
    for start, end in spans_holding(article, sentences, ROLES.post_words, ignorecase=True):
        text = source[start:end]
        matches = []
        for anchor in vocabulary.anchor.finditer(text):
            match = before.search(text, max(0, anchor.start() - 60), min(len(text), anchor.end() + 80))
            while match is not None and match.start("post") < anchor.start():
                match = before.search(text, match.start() + 1, min(len(text), anchor.end() + 80))
            if match is not None and match.start("post") == anchor.start() and match.span() not in [
                    m.span() for m in matches]:
                matches.append(match)
        for run in posts._NAME_RUN.finditer(text):
            if text.startswith(",", run.end()) and (
                    "who" in text[run.end():run.end() + 120]
                    or vocabulary.post_word.search(text, run.end(), min(len(text), run.end() + 120))):
                for word in posts._WORD_START.finditer(text, run.start(), run.end()):
                    matches += [m for p in others if (m := p.match(text, word.start()))]
        for match in matches:
            post = posts._read(match, text, start, vocabulary, joined)
            if post is not None and not inside(post.statement.start, post.statement.end):
                found.append(post)
    # Counsel by their side ("Prosecuting, Ann Kerr said") are read by one plain search, no fast path.
    found += posts._counsel(source, spans_holding(article, sentences, ROLES.post_words, ignorecase=True), inside,
                            vocabulary)
    for surname in joined:
        people.setdefault(surname, posts.Person()).joined = True
    found.sort(key=lambda p: p.statement.start)
    return [(c.earlier, c.later, c.detail) for c in posts.conflicts(found, people, vocabulary)]


def fast_roles(article):
    return [(c.earlier, c.later, c.detail) for c in ROLES._conflicts(article, article.unquoted_sentences)]


@SETTINGS
@given(st.lists(role_sentence, min_size=1, max_size=8).map("".join))
@example("Judge Ann Kerr adjourned the hearing on Monday. Prosecutor Ann Kerr said the state would call nine "
         "witnesses.")
def test_roles_conflicts_are_those_the_plain_reading_finds(text):
    article = parse_text("a.txt", "Title: T\n\n" + text)
    assert fast_roles(article) == plain_roles(article)


@pytest.mark.corpus
def test_roles_conflicts_are_those_the_plain_reading_finds_on_the_corpus():
    # The real texts, and the hand-written contradictions (where the rule finds some).
    hand = Path(__file__).resolve().parent.parent / "bench" / "data" / "contradictions"
    paths = sorted(CORPUS.rglob("*.txt")) + sorted(hand.glob("*/*.txt"))
    assert len(paths) > 1000
    flagged = 0
    for path in paths:
        article = parse_text(str(path), path.read_text(encoding="utf-8", errors="replace"))
        conflicts = fast_roles(article)
        assert conflicts == plain_roles(article), path
        flagged += len(conflicts)
    assert flagged > 0


# ---- entity-swapped-name: the search for swapped expressions and listed names ---------------
def plain_swaps(text, start, end, title_case):
    """``find_swaps`` as first written: every window of every run walked through the trie."""
    from checker.text import expressions as ex

    index = ex._index()
    lazy = ex._Lazy(title_case)
    root_open = index.trie.get(ex.OPEN, {})
    for match in ex._RUN.finditer(text, start, end):
        lower = text[match.start():ex._run_end(match)].lower().split()
        run = ex._words(text, match, start)
        found = []
        for first in range(len(lower) - 1):
            states = [(root_open, first)]
            if (child := index.trie.get(lower[first])) is not None:
                states.append((child, None))
            for last in range(first + 1, min(first + ex.LONGEST, len(lower))):
                word = lower[last]
                following, ends = [], []
                for node, slot in states:
                    child = node.get(word)
                    if child is not None:
                        following.append((child, slot))
                        if slot is not None and "" in child and ex._may_fill(child[""], lower[slot]):
                            ends.append((slot, child[""]))
                    if slot is None and (child := node.get(ex.OPEN)) is not None:
                        following.append((child, last))
                        if "" in child and ex._may_fill(child[""], word):
                            ends.append((last, child[""]))
                if not following:
                    break
                states = following
                for slot, candidates in sorted(ends, key=lambda end: end[0]):
                    swap = ex._lookup(run, lower, first, last + 1 - first, slot, candidates, index, lazy)
                    if swap is not None:
                        found.append((first, last + 1, swap))
        taken = []
        for first, last, swap in sorted(found, key=lambda item: (item[0] - item[1], item[0])):
            if all(last <= a or first >= b for a, b in taken):
                taken.append((first, last))
                yield swap


def _swap_pieces() -> list[str]:
    """Shipped expressions, the same with one word swapped for a spinner's synonym, listed names
    and their swaps, and words of those."""
    from checker.text.expressions import expressions, synonyms

    shipped = expressions()
    chosen = sorted(shipped["names"])[::59] + sorted(shipped["collocations"])[::59]
    pieces = [*chosen, "White Residence", "Pale House", "environment change", "Joined Together States",
              "Egg-shaped Office", "Secretary of Express", "Secretary of State", "Federal Bureau of Probe", "the", "no",
              "Gov.", "New York", "İ", "Σ", "said", "officials"]
    for expression in chosen:
        words = expression.split()
        name = expression[:1].isupper()
        pieces += words
        for position, word in enumerate(words):
            for synonym in sorted(synonyms(word, name))[:2]:
                shaped = synonym[:1].upper() + synonym[1:] if word[:1].isupper() else synonym
                pieces.append(" ".join([*words[:position], shaped, *words[position + 1:]]))
    return pieces


swap_piece = st.sampled_from(_swap_pieces())
#: What comes after a piece: mostly a space, sometimes what ends or joins a run.
separator = st.sampled_from([" ", " ", " ", " ", "", ". ", ", ", "'s ", "’s ", "-", "\u00a0", "\n\n", "3 ", "_",
                             "\u0301 ", "  ", "“", " (", ": "])
swap_text = st.lists(st.tuples(swap_piece, separator), max_size=20).map(lambda pairs: "".join(a + b for a, b in pairs))


@SETTINGS
@given(swap_text, st.booleans())
@example("Officials at the White Residence, the Pale House's staff and the Metropolis Council met.", False)
@example("The Federal Bureau of Probe and ex-White Residence-style 3White Residence e\u0301White Residence", False)
def test_swaps_are_those_a_walk_of_every_window_finds(text, title_case):
    from checker.text.expressions import WordRuns, find_swaps

    for start, end in [(0, len(text)), (len(text) // 3, len(text))]:
        expected = list(plain_swaps(text, start, end, title_case))
        assert list(find_swaps(text, start, end, title_case=title_case)) == expected
        assert list(find_swaps(text, start, end, title_case=title_case, runs=WordRuns(text, start, end))) == expected


PLAIN_LISTED = type(builtin("entity-swapped-name"))(builtin("entity-swapped-name").spec)
PLAIN_LISTED.keys = None  # the listed names searched in every segment, not only in the runs holding a key


@SETTINGS
@given(swap_text)
@example("White Residence. ex-White Residence-style, 3White Residence, White Residence's, White  Residence")
@example("e\u0301White Residence _Pale House Pale\u00a0House Pale House\u0301 Lawyer General2")
def test_listed_names_are_found_in_the_runs_as_in_the_whole_text(text):
    rule = builtin("entity-swapped-name")
    assert rule.keys is not None
    assert findings(rule, text) == findings(PLAIN_LISTED, text)


@pytest.mark.corpus
def test_swaps_and_listed_names_on_the_corpus_are_found_as_the_plain_way_finds_them():
    from checker.text.expressions import find_swaps, title_case

    rule = builtin("entity-swapped-name")
    for path in sorted(CORPUS.rglob("*.txt"))[::3]:
        article = parse_text(path.name, path.read_text(encoding="utf-8", errors="replace"))
        assert checked(rule, article) == checked(PLAIN_LISTED, article), path
        for start, end in article.segments("paragraph"):
            paragraph = article.source[start:end]
            assert list(find_swaps(article.source, start, end, title_case=lambda p=paragraph: title_case(p))) == \
                list(plain_swaps(article.source, start, end, lambda p=paragraph: title_case(p))), path


# ---- consistency-spelling: the pre-check and what it lets the check skip ---------------------
SPELLING = builtin("consistency-spelling")


def first_pre_check(rule, article) -> bool:
    """The pre-check as first written: each capitalised word and each pair of them searched on
    its own, the slips looked for among all the name forms."""
    from collections import Counter, defaultdict

    from checker.kinds.variants import _CAPITAL_WORD, _NAME, _NAME_PAIR, _POSSESSIVE

    source, most = article.source, rule.options["min_majority"]
    words, pairs = Counter(), Counter()
    for start, end in [*article.segments(rule.scope), *rule._headline(article)]:
        words.update(_CAPITAL_WORD.findall(source[start:end]))
        pairs.update(_NAME_PAIR.findall(source[start:end]))
    forms = Counter()
    for word, count in words.items():
        forms[word[:-2] if word.endswith(_POSSESSIVE) else word] += count
    names = [(form, form.lower()) for form in forms if _NAME.fullmatch(form)]
    shapes = defaultdict(list)
    for form, lower in names:
        shapes[(lower[0], len(lower))].append(form)
    for form, lower in names:
        if forms[form] >= most and any(other != form and rule._slip(form, other, rare=other) is not None
                                       for size in (len(lower) - 1, len(lower), len(lower) + 1)
                                       for other in shapes.get((lower[0], size), ())):
            return True
    lowered = Counter()
    for pair, count in pairs.items():
        lowered[(pair[:-2] if pair.endswith(_POSSESSIVE) else pair).lower()] += count
    return any(count >= most and pair in source for pair, count in lowered.items())


def spelling_as_first_written(article) -> list[tuple]:
    """What the engine reported before the pre-check told the check what to skip: every check
    made on each article the first pre-check passed."""
    from unittest import mock

    import checker.kinds.variants as variants

    if not first_pre_check(SPELLING, article):
        return []
    with mock.patch.object(variants, "_reportable", lambda article, rule: (True, True)):
        return checked(SPELLING, article)


slip_piece = st.sampled_from([
    "Nikola Tesla", "said Tesla", "critics of Telsa", "Teslas", "Chancellor Merkel", "praised Merkle",
    "the Electoral College", "the electoral college", "the Bank of America", "the Bank Of America",
    "in bank of america",
    "the LePanto Institute", "the Lepanto Institute", "President Zelensky", "later Zelenskyy", "the White House",
    "the white house", "the Vice President", "the vice president", "Blake Farenthold", "David Fahrenthold", "Ireland",
    "Iceland", "The", "In", "I", "US", "Trump's", "Trump’s", "Σ", "the ΟΔΟΣ Αθηνας", "e\u0301Bob", "Élan", "said",
    "a/k/a Telsa", "“Telsa", "Sheriff Tesla"])
slip_text = st.lists(st.tuples(slip_piece, separator), min_size=10, max_size=30).map(
    lambda pairs: "".join(a + b for a, b in pairs))


@SETTINGS
@given(slip_text)
@example("The Electoral College met. The Electoral College voted. The electoral college is old.")
@example("Bank Of America said. Bank of America added. Critics of bank of america left. Tesla. Tesla. Telsa said.")
@example("Officials at the Bank of America said no. Officials said the Bank of America added more. Critics of bank of "
         "america left.")
# The two capitalised uses open with two pairs ("Bank Of", "Bank of America"), each used once:
# the slip makes the check read the lower-case names all the same.
@example("Nikola Tesla said. Critics of Telsa left; said Tesla. Officials at the Bank Of America said no. "
         "Officials said the Bank of America added more. Critics of bank of america left.")
def test_spelling_skips_only_checks_that_could_not_report(text):
    article = parse_text("a.txt", "Title: T\n\n" + text)
    assert gated(SPELLING, article) == spelling_as_first_written(article)
    assert SPELLING.may_report(article) <= first_pre_check(SPELLING, article)


@SETTINGS
@given(st.lists(st.one_of(slip_piece, word_piece, separator, st.text(max_size=4)), max_size=30).map("".join))
@example("Ab\u0301Cd Ef")
def test_capitalised_words_and_their_pairs_are_read_in_one_search(text):
    from checker.kinds.variants import _CAPITAL_AND_PAIR, _CAPITAL_WORD, _MARK, _NAME_PAIR

    found = _CAPITAL_AND_PAIR.findall(text)
    assert [word for word, _ in found] == _CAPITAL_WORD.findall(text)
    if _MARK.search(text) is None:
        assert [word + rest for word, rest in found if rest] == _NAME_PAIR.findall(text)


@pytest.mark.corpus
def test_spelling_on_the_corpus_is_what_it_was_before_the_check_skipped_anything():
    for path in sorted(CORPUS.rglob("*.txt"))[::2]:
        article = parse_text(path.name, path.read_text(encoding="utf-8", errors="replace"))
        assert gated(SPELLING, article) == spelling_as_first_written(article), path


# ---- event-dates, durations, ages: the quick looks before their patterns -------------------
def _corpus_sentences():
    for path in sorted(CORPUS.glob("*/*.txt")):
        article = parse_text(path.name, path.read_text(encoding="utf-8"))
        yield from (article.source[start:end] for start, end in article.sentences)


def test_re_ignoring_case_equates_every_letter_regex_equates():
    """``re`` ignoring case takes every character for a letter that ``regex`` does (and "ı" for
    "i" besides): a pattern of plain letters and white space for ``re`` finds all the same one
    for ``regex`` finds (the durations' quick look for a unit)."""
    import re
    import string
    import sys

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    for letter in string.ascii_lowercase:
        assert set(regex.findall("(?i)" + letter, every)) <= set(re.findall("(?i)" + letter, every)), letter


unit_piece = st.sampled_from(["three", "48", " ", "-", "\u00a0", "\x1c", "\n", "day", "DAYS", "Week", "weeK", "hour",
                              "hOURs", "fortnight", "fortnİght", "mİnute", "minute", "month", "year", "-old", "s",
                              "x", "Monday", "today", "ı"])


@SETTINGS
@given(st.lists(unit_piece, max_size=10).map("".join))
@example(" weeK")
@example(" mİnute")
def test_the_quick_look_for_a_unit_finds_every_unit_word(text):
    from checker.kinds.contradiction.durations import _MAY_BE_UNIT, _UNIT_WORD

    if _UNIT_WORD.search(text):
        assert _MAY_BE_UNIT.search(text)


@pytest.mark.corpus
def test_the_quick_looks_before_patterns_miss_nothing_on_the_corpus():
    from checker.kinds.contradiction import ages
    from checker.kinds.contradiction.durations import _MAY_BE_UNIT, _UNIT_WORD
    from checker.kinds.contradiction.event_dates import DATE_HINT, may_hold_date

    for text in _corpus_sentences():
        assert not _UNIT_WORD.search(text) or _MAY_BE_UNIT.search(text), text
        assert may_hold_date(text) == (DATE_HINT.search(text) is not None), text
        for pattern in ages.NEEDS:
            assert not pattern.search(text) or ages._may_match(pattern, text), (pattern.pattern, text)


date_hint_piece = st.sampled_from(["3", "٣", "day", "DAY", "Day", "eve", "EVE", "eve_", "evening", "Christmas Eve",
                                   "night", "NİGHT", "week", "halloween", "ſolstice", "solstice", "tonight", " ", ".",
                                   "x", "é", "\u0301"])


@SETTINGS
@given(st.lists(date_hint_piece, max_size=8).map("".join))
@example("Christmas eve_")
@example("eve\u0301")
def test_the_quick_look_for_a_date_decides_as_the_date_hint_does(text):
    from checker.kinds.contradiction.event_dates import DATE_HINT, may_hold_date

    assert may_hold_date(text) == (DATE_HINT.search(text) is not None)


age_piece = st.sampled_from(["John Smith", "Smith", ", ", ",", "54", "5", " (54)", "(", ")", "aged", " aged 61",
                             "54-year-old", "-year-old ", "the 22-year-old", "The ", "who is ", "now ", "now aged ",
                             "in his ", "in her early ", "sixties", "60s", "0s", "A teenager", "teenage boy", "Teenage",
                             "A pensioner ", "A ", " ", ".", "still ", "Ann", "İ", "x"])


@SETTINGS
@given(st.lists(age_piece, max_size=12).map("".join))
@example("John Smith, 54, said")
@example("Smith, who is 54, said")
@example("A man aged 61 has died")
@example("A pensioner in his eighties")
def test_every_age_pattern_match_holds_one_of_its_needed_texts(text):
    from checker.kinds.contradiction import ages

    for pattern in ages.NEEDS:
        assert not pattern.search(text) or ages._may_match(pattern, text), pattern.pattern
    assert ages._may_be_loose(text) == (ages._may_match(ages._DECADE, text) or ages._may_match(ages._TEEN, text))


def test_every_age_pattern_has_its_needed_texts():
    from checker.kinds.contradiction import ages

    assert set(ages.PATTERNS) <= set(ages.NEEDS)


def _near_nouns_plainly(text, pattern, nouns):
    """The event pattern's matches around the event words as first written: tried in every window."""
    done = 0
    for noun in nouns.finditer(text):
        if noun.end() <= done:
            continue
        limit = min(len(text), noun.end() + 100)
        for match in pattern.finditer(text, max(done, noun.start() - 60), limit):
            if match.end() == limit < len(text):
                break
            done = match.end()
            yield match


date_piece = st.sampled_from(["The March 3 attack", "the attack on March 5", "Tuesday's crash", "the crash", "on",
                              " on Monday", "the fire on Thursday", "Christmas eve", "the blaze broke out on May 31",
                              " ", ". ", ", ", "born at the zoo on June 14", "March 3", "3", "x" * 40, "in Leeds",
                              "Attack", "2015", "the attack at 2am on Saturday", "last", "next Friday", "ATTACK"])


@SETTINGS
@given(st.lists(date_piece, max_size=10).map("".join))
@example("The March 3 attack killed four. Police said the attack on March 5 was planned.")
def test_event_dates_are_read_only_where_a_date_is_as_everywhere(text):
    from checker.kinds.contradiction.event_dates import _near_nouns

    rule = EVENT_DATES
    found = [(m.span(), m.groupdict()) for m in _near_nouns(text, rule.event_pattern, rule.event_nouns)]
    plain = [(m.span(), m.groupdict()) for m in _near_nouns_plainly(text, rule.event_pattern, rule.event_nouns)]
    assert found == plain
    noun = rule.event_nouns.search(text)
    if noun is not None:
        later = [(m.span(), m.groupdict()) for m in _near_nouns(text, rule.event_pattern, rule.event_nouns,
                                                                noun.start())]
        assert later == plain


@pytest.mark.corpus
def test_event_dates_are_read_only_where_a_date_is_as_everywhere_on_the_corpus():
    from checker.kinds.contradiction.event_dates import _near_nouns

    rule = EVENT_DATES
    for text in _corpus_sentences():
        if rule.event_nouns.search(text):
            found = [(m.span(), m.groupdict()) for m in _near_nouns(text, rule.event_pattern, rule.event_nouns)]
            assert found == [(m.span(), m.groupdict())
                             for m in _near_nouns_plainly(text, rule.event_pattern, rule.event_nouns)], text


@SETTINGS
@given(st.lists(st.sampled_from(["noon", "Noon", "MIDNIGHT", "midday", "8pm", "8 p.m.", "20:15", " ", ". ", "x",
                                 "no", "on"]), max_size=8).map("".join),
       st.integers(0, 40), st.integers(0, 40))
def test_the_time_words_of_a_text_are_all_its_parts_can_hold(source, start, end):
    from checker.kinds.contradiction.clock import may_hold_time, time_words

    part = source[min(start, end):max(start, end)]
    assert may_hold_time(part, time_words(source)) == may_hold_time(part)


# ---- duplicate rules and text parsing -------------------------------------------------------
_SPACE_PIECES = [" ", "\t", "\n", "\r", "\r\n", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85",
                 "\u00a0", "\u3000", "\n\n", "a", "B.", "Title: x", "Mr. Lee", "U.S. The", "“Go.” He", "\"x\" ", "!"]
spaced_text = st.lists(st.one_of(st.sampled_from(_SPACE_PIECES), st.text(max_size=3)), max_size=30).map("".join)


def _plain_line_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in regex.finditer(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x1c|\x1d|\x1e|\x85", text):
        spans.append((start, match.start()))
        start = match.end()
    return [*spans, (start, len(text))]


def _plain_iter_lines(source: str, start: int, end: int) -> list[tuple[int, int, str]]:
    lines, position = [], start
    while position < end:
        match = regex.match(r"[^\r\n\u2028\u2029]*(?:\r\n|\r|\n|\u2028|\u2029)?", source[:end][position:])
        if not match.group():
            break
        text = match.group().rstrip("\r\n\u2028\u2029")
        lines.append((position, position + len(text), text))
        position += match.end()
    return lines


def _plain_paragraph_spans(source: str, start: int, end: int) -> list[tuple[int, int]]:
    """Paragraph spans as first written: blocks of the plain way's lines, each trimmed."""
    spans, block_start, block_end = [], None, start
    for line_start, line_end, text in _plain_iter_lines(source, start, end):
        if text.strip():
            block_start = line_start if block_start is None else block_start
            block_end = line_end
        elif block_start is not None:
            spans.append(trimmed(source, block_start, block_end))
            block_start = None
    if block_start is not None:
        spans.append(trimmed(source, block_start, block_end))
    return [s for s in spans if s[1] > s[0]]


def test_strip_removes_exactly_the_white_space_isspace_names():
    import sys

    assert all(char.isspace() == (char.strip() == "") for char in map(chr, range(sys.maxunicode + 1)))


@given(spaced_text, st.integers(0, 40), st.integers(-3, 45))
@SETTINGS
def test_lines_and_paragraphs_read_in_one_scan_are_those_read_line_by_line(text, start, end):
    from checker.read.parsers.blocks import iter_lines, paragraph_spans
    from checker.text.sourcemap import line_spans

    start = min(start, len(text))  # offsets in the text, as the parsers pass them
    assert line_spans(text) == _plain_line_spans(text)
    assert list(iter_lines(text)) == _plain_iter_lines(text, 0, len(text))
    assert list(iter_lines(text, start, end)) == _plain_iter_lines(text, start, end)
    assert paragraph_spans(text) == _plain_paragraph_spans(text, 0, len(text))
    assert paragraph_spans(text, start, end) == _plain_paragraph_spans(text, start, end)


def _plain_similarity(a: list[str], b: list[str], at_least: float = 0.0) -> float:
    from collections import Counter
    from difflib import SequenceMatcher

    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    total, floor = len(a) + len(b), max(at_least, 0.6)
    if 2 * min(len(a), len(b)) / total < floor:
        return 0.0
    if 2 * sum((Counter(a) & Counter(b)).values()) / total < floor:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


@given(st.lists(st.sampled_from("abcdef"), max_size=14), st.lists(st.sampled_from("abcdeg"), max_size=14),
       st.sampled_from([0.0, 0.6, 0.85, 0.9, 1.0]))
@SETTINGS
def test_similarity_bounded_by_distinct_words_is_the_similarity_counted_word_by_word(a, b, at_least):
    from checker.kinds.duplicate import similarity

    assert similarity(a, b, at_least) == _plain_similarity(a, b, at_least)


# ---- speed/names: boilerplate strong pre-check, swapped-name paragraphs without a key -------
STRONG_RULES = [rule for rule in RULES if rule._strong_texts is not None]
strong_piece = st.sampled_from([
    " | Getty Images", "|", "｜", " hide caption 3 of 12", "HIDE CAPTION 1 of 2", "Hide Caption",
    "hide  caption 1 of 2",
    "Buy Now", "BUY NOW!", "Disclaimer:", "Filed under", "Tags:", "Categories", "İ", "ı", "ß", "ẞ", "\u212a", "ſ",
    "K", "\u0301", " ", "\n", "x", "The council met on Monday.", "Photo: AP",
])
strong_text = st.lists(st.one_of(strong_piece, st.text(max_size=6)), max_size=14).map("".join)


def _plain_boilerplate(rule: BoilerplateRule, article) -> list:
    """``check`` with ``strong`` tried on every line (the pre-check off)."""
    return [f.to_dict() for f in rule.__class__.check(_NoStrongGate(rule), article)]


class _NoStrongGate:
    """The rule as it was: every line searched for ``strong``."""

    def __init__(self, rule: BoilerplateRule) -> None:
        self._rule = rule

    def __getattr__(self, name):
        return getattr(self._rule, name)

    def strong_test(self, article):
        return None


def test_the_strong_pre_check_is_set_for_the_shipped_rules_with_strong_patterns():
    assert "boilerplate-image-credit" in {rule.id for rule in STRONG_RULES}


@SETTINGS
@given(strong_text)
@example("Dallas police | Getty Images")
@example("İ | GETTY")
@example("Photo hide caption 2 of 9")
def test_a_line_the_strong_pre_check_passes_over_has_no_strong_match(text):
    article = parse_text("x.txt", text)
    for rule in STRONG_RULES:
        may_be_strong = rule.strong_test(article)
        for start, end in article.segments(rule.scope):
            if may_be_strong is not None and not may_be_strong(start, end, article.source[start:end]):
                assert rule.strong.find(article.source[start:end]) is None, (rule.id, text)
        assert [f.to_dict() for f in rule.check(article)] == _plain_boilerplate(rule, article), (rule.id, text)


@pytest.mark.corpus
def test_the_strong_pre_check_on_the_corpus_skips_only_lines_without_a_strong_match():
    skipped = 0
    for path in sorted(CORPUS.rglob("*.txt"))[::2]:
        article = parse_text(path.name, path.read_text(encoding="utf-8", errors="replace"))
        for rule in STRONG_RULES:
            may_be_strong = rule.strong_test(article)
            for start, end in article.segments(rule.scope):
                line = article.source[start:end]
                if may_be_strong is not None and not may_be_strong(start, end, line):
                    skipped += 1
                    assert rule.strong.find(line) is None, (rule.id, path)
            assert [f.to_dict() for f in rule.check(article)] == _plain_boilerplate(rule, article), (rule.id, path)
    assert skipped > 1000


@SETTINGS
@given(swap_text)
@example("Officials at the White Residence met. \n\nNo key here at all.\n\nPale House e\u0301")
def test_a_paragraph_without_a_key_or_a_mark_yields_the_spans_its_runs_yield(text):
    from checker.kinds.swapped_name import _MARK, SwappedNameRule, _pieces
    from checker.text.expressions import WordRuns

    rule = builtin("entity-swapped-name")
    article = parse_text("x.txt", text)
    segments = article.segments(rule.scope)
    runs = [WordRuns(article.source, start, end) for start, end in segments]
    plain = [(max(start, found.match(run).start() - 1), min(end, found.match(run).end() + 1))
             for (start, end), found in zip(segments, runs, strict=True) for run in found.runs
             if not (rule.keys.isdisjoint(_pieces(run.text))
                     and (run.text.isascii() or _MARK.search(run.text) is None))]
    assert list(SwappedNameRule._run_spans(segments, runs, rule.keys)) == plain


# ---- contradiction counts/recounts/restated: the event hints, the sentences skipped, the rough key
# (speed/contra). Each shortcut against the plain way: ``folded_source=None`` turns the event
# hints off (the plain searches of every window), the rough key is written out in full.
_EVENT_PIECES = ["12 people were killed", "Fourteen died", "killed", "KILLED", "Killed", "death toll of 12",
                 "death\ntoll", "in  custody", "in\ncustody", "unaccounted for", "3 were hospitalized", "İ", "ß",
                 "Σ", "the pair", "a score of", "two dozen", "12", "twelve", "the 40 homes were evacuated", "homes",
                 "The bus", "$5 million", "rose to 15", "3 of whom", "Police said", " ", ". ", ", ", "\n\n", "Skill",
                 "deadline", "fled", "kill-", "-killed", "laid off", "300 jobs", "the 450 redundancies", "ill"]
# The rules' own event words (those written plainly), as written, in capitals and with an "s".
_EVENT_PIECES += sorted({w for rule in (COUNTS, RECOUNTS) for words in rule.options["events"].values()
                         for word in words if regex.fullmatch(r"[a-z' ]+", word)
                         for w in (word, word.upper(), word.title() + "s")})
_event_text = st.lists(st.one_of(st.sampled_from(_EVENT_PIECES), st.text(max_size=3)), max_size=16).map(" ".join)


def _count_facts(found):
    return [(c.value, c.unit, c.event, c.statement, c.sentence, c.figure, c.vague_unit, c.ordinal, c.headline,
             c.context.text) for c in found]


def _mention_facts(found):
    import dataclasses

    return [(*(getattr(m, f.name) for f in dataclasses.fields(m) if f.name != "context"), m.context.text)
            for m in found]


def _counts_both_ways(article):
    from checker.kinds.contradiction import counts, recounts
    from checker.kinds.contradiction.figures import SentenceFigures
    from checker.patterns.precheck import folded_source

    source, sentences = article.source, article.sentences
    title = next(((b.start, b.end) for b in article.blocks if b.kind == "headline"), None)
    results = []
    for folded in (folded_source(article), None):  # None: every window searched, as first written
        figures = SentenceFigures()
        found = counts.counts_in(source, sentences, COUNTS.vocabulary, title, figures, folded)
        mentions = recounts.mentions_in(source, sentences, RECOUNTS.recount_vocabulary, figures, folded)
        results.append((_count_facts(found), list(counts.conflicts(found, COUNTS.vocabulary)),
                        _mention_facts(mentions), list(recounts.conflicts(mentions, RECOUNTS.recount_vocabulary))))
    return results


@SETTINGS
@given(_event_text)
@example("Title: Bus crash kills 12\n\nTwelve people were killed. Police said 14 people were killed in the crash.")
@example("12 died.\n\nThe death\ntoll rose to 14, and 3 were in\ncustody.")
def test_counts_and_recounts_read_with_the_event_hints_as_without(text):
    article = parse_text("a.txt", text)
    shortcut, plain = _counts_both_ways(article)
    assert shortcut == plain


def test_no_piece_alone_names_an_event_without_an_event_hint():
    for piece in _EVENT_PIECES:
        test_a_text_without_an_event_hint_has_no_event_word_in_any_window.hypothesis.inner_test(piece)


@SETTINGS
@given(_event_text)
def test_a_text_without_an_event_hint_has_no_event_word_in_any_window(text):
    from checker.patterns.precheck import BEYOND_FOLDING_CHECKED

    for vocabulary in (COUNTS.vocabulary, RECOUNTS.recount_vocabulary):
        assert vocabulary.event_hints  # the built-in events have required texts
        if BEYOND_FOLDING_CHECKED.search(text) or any(hint in text.casefold() for hint in vocabulary.event_hints):
            continue
        for window in (text, " ".join(text.split()), " ".join(text.split()[1:4]), *text.split()):
            assert vocabulary.any_event.search(window) is None


@SETTINGS
@given(_event_text, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=6))
def test_the_sentences_skipped_for_want_of_a_number_have_no_figures(text, spans):
    from checker.kinds.contradiction.counts import SentenceFigures, sentence_figures

    spans = [(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in spans]
    whole = text.casefold()
    for folded in (whole if len(whole) == len(text) else None, None):
        held = SentenceFigures().holding(spans, folded)
        assert held == [SentenceFigures().may_hold_number(start, end, folded) for start, end in spans]
        for (start, end), holds in zip(spans, held, strict=True):
            if not holds:
                assert sentence_figures(text[start:end], whole[start:end]) == (None, 0, [], None)


def _plain_rough_key(text):
    from checker.kinds.contradiction.restated import _LONG_WORD, _SLOT_WORDS

    return tuple(w for w in map(str.casefold, _LONG_WORD.findall(text)) if w not in _SLOT_WORDS)


@SETTINGS
@given(st.lists(st.sampled_from(["Nearly", "million", "twelve", "Monday", "MARCH", "İstanbul", "Straße", "jobs",
                                 "would", "created", "hundred", "12", " ", ".", "-", "ǅemal"]),
                max_size=14).map(" ".join), st.integers(0, 40), st.integers(0, 80))
def test_the_rough_key_read_within_bounds_is_the_key_of_the_slice(text, start, end):
    from checker.kinds.contradiction.restated import _rough_key

    assert _rough_key(text) == _plain_rough_key(text)
    assert _rough_key(text, start, end) == _plain_rough_key(text[start:end])


@pytest.mark.corpus
def test_the_counts_recounts_and_restated_shortcuts_change_nothing_on_the_corpus():
    from checker.kinds.contradiction.restated import _rough_key

    if not CORPUS.is_dir():
        pytest.skip("no shared corpus")
    for path in sorted(CORPUS.glob("*/*.txt")):
        article = parse_text(path.name, path.read_text(encoding="utf-8"))
        shortcut, plain = _counts_both_ways(article)
        assert shortcut == plain, path.name
        source = article.source
        assert [_rough_key(source, s, e) for s, e in article.sentences] == \
            [_plain_rough_key(source[s:e]) for s, e in article.sentences], path.name


def test_the_verbs_of_winning_are_loaded_only_for_an_article_that_gives_a_level_score():
    """``contradiction-headline``'s drawn-match check reads the lexicon (about 50 ms) only when
    the body gives a level score; "level" and "2019-20" alone, in two articles of five, do not
    load it, and a level score still finds the headline's winner taken back."""
    from checker.kinds.contradiction import drawn

    def headline_findings(text: str) -> list[str]:
        article = parse_text("<t>", text)
        rules, _ = load_rules([builtin_rules_dir()], checker_rule_kinds())
        return [f.rule for rule in rules if rule.id.startswith("contradiction-") for f in rule.check(article)]

    drawn.victory_pattern.cache_clear()
    quiet = ("Title: Rovers beat rivals in cup\n\nWater reached the level of the bridge in the 2019-20 floods.\n\n"
             "The council said the new barrier would be finished by spring.\n")
    assert headline_findings(quiet) == []
    assert drawn.victory_pattern.cache_info().currsize == 0
    level = ("Title: Rovers beat Athletic in cup\n\nRovers and Athletic met at the Cross Street ground on Saturday.\n\n"
             "The match between Rovers and Athletic ended 0-0, with few chances after the break.\n")
    assert "contradiction-headline" in headline_findings(level)
    assert drawn.victory_pattern.cache_info().currsize == 1
