"""The speed seam (``checker.patterns``): compiled patterns, their time limits and the
"can this rule match this article at all" pre-check.

- A pre-check never says False for an article where ``check`` finds something: on generated
  text for every built-in rule that has one and for team rules of every kind that derives or
  declares one, and on the sample articles.
- Literals are looked for the same way whichever strategy the seam picks (a substring search
  for each of a few, a trie for many).
- A rule's own patterns never end up in the file of the checker's own patterns.
- A timeout in any kind that runs a rule's patterns surfaces as ``RuleTimeout`` naming the
  rule, and the engine reports it as a problem naming the rule.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys

import pytest
import regex
from conftest import ROOT, write
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from seam_paths import checked, gated

from checker.config.settings import Config
from checker.kinds.base import Rule
from checker.kinds.boilerplate import BoilerplateRule
from checker.kinds.capitalization import CapitalizationRule
from checker.kinds.conditional import ConditionalRule
from checker.kinds.consistency import ConsistencyRule
from checker.kinds.contradiction.kind import ContradictionRule
from checker.kinds.duplicate import DuplicateRule
from checker.kinds.existence import ExistenceRule
from checker.kinds.metadata import MetadataRule
from checker.kinds.occurrence import OccurrenceRule
from checker.kinds.repetition import RepetitionRule
from checker.kinds.state_adjective import StateAdjectiveRule
from checker.kinds.substitution import SubstitutionRule
from checker.kinds.swapped_name import SwappedNameRule
from checker.kinds.variants import VariantsRule
from checker.load.collect import builtin_rules_dir, load_rules
from checker.patterns.limits import RuleTimeout, TimedPattern
from checker.patterns.precheck import (
    ALWAYS,
    MANY_LITERALS,
    Declared,
    Literals,
    folded_source,
    literals_of,
    spans_holding,
)
from checker.plugin.builtin import checker_check_article, checker_parse_article, checker_rule_kinds
from checker.read.parsers.text import parse_text

SETTINGS = settings(max_examples=int(os.environ.get("CHECKER_PROPERTY_EXAMPLES", "200")), deadline=None,
                    derandomize=bool(os.environ.get("CI")), suppress_health_check=[HealthCheck.too_slow])

BUILTIN, _ = load_rules([builtin_rules_dir()], checker_rule_kinds())
GATED = [rule for rule in BUILTIN if rule.precheck is not ALWAYS]


def _examples(rules: list[Rule]) -> list[str]:
    return [text for rule in rules for key in ("bad", "good") for text in rule.examples.get(key, [])
            if isinstance(text, str)]


#: Text that makes rules fire, and text that trips the case-folding and offset logic.
PIECES = [*_examples(BUILTIN), "Tuesday, March 4, 2015", "the attack on May 2, 2021", "the attack on May 5, 2021",
          "The Kremlin did not confirm the report.", "The Kremlin confirmed the report.", "Senator Jane Roe",
          "Governor Jane Roe", "the the", "The the", "US", "U.S.", "USA", "Kyiv", "Kiev", "Telsa", "Tesla",
          "White Residence", "how numerous", "HOW NUMEROUS", "İ", "ß", "ſ", "K", "ﬁ", "\u0301", "Σ", "é", " ", "  ",
          ". ", "\n", "\n\n", "“", "”", "\u00a0"]
text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=25).map("".join)


def article_of(body: str):
    return parse_text("a.txt", "Title: A report\nPublished: 2015-03-05\n\n" + body)


def test_the_built_in_pack_has_pre_checks_of_each_strategy():
    kinds = {type(rule.precheck).__name__ for rule in GATED}
    assert {"Literals", "AnyOf", "Declared"} <= kinds
    literal_sets = [rule.precheck for rule in GATED if isinstance(rule.precheck, Literals)]
    assert any(len(p.texts) > MANY_LITERALS for p in literal_sets)  # a trie
    assert any(len(p.texts) <= MANY_LITERALS for p in literal_sets)  # substring searches


# ---- a pre-check never says False where check finds something -------------------------------
@SETTINGS
@given(text)
@example("Police said the attack on May 2, 2021 killed 3. The attack on May 5, 2021 was the worst.")
@example("It was Tuesday, March 4, 2015. The the council met.")
def test_no_built_in_pre_check_skips_an_article_with_a_finding(body):
    article = article_of(body)
    for rule in GATED:
        if not rule.might_match(article):
            assert list(rule.check(article)) == [], rule.id


def test_no_built_in_pre_check_skips_a_sample_article_or_an_example_with_a_finding():
    articles = []
    for path in sorted((ROOT / "sample_articles").iterdir()):
        articles.append(checker_parse_article(path=str(path), text=path.read_text(encoding="utf-8"), format=None))
    articles += [article_of(example) for example in _examples(BUILTIN)]
    skipped = 0
    for article in articles:
        for rule in BUILTIN:
            if not rule.might_match(article):
                skipped += 1
                assert list(rule.check(article)) == [], (rule.id, article.path)
    assert skipped > 50  # the pre-checks are exercised


def test_every_bad_example_passes_its_rule_s_pre_check():
    for rule in BUILTIN:
        for example_text in rule.examples.get("bad", []):
            if isinstance(example_text, str):
                assert rule.might_match(article_of(example_text)), (rule.id, example_text)


BASE = {"id": "team-rule", "category": "style", "message": "m"}

#: Team rules of every kind whose pre-check comes from its patterns or is declared by the kind.
TEAM_RULES = [
    ExistenceRule({**BASE, "kind": "existence", "tokens": ["straße", "Kelvin", r"\d+ (?:folks|peoples)"],
                   "ignorecase": True}),
    ExistenceRule({**BASE, "kind": "existence", "tokens": ["Straße", "İstanbul", "ﬁne"]}),
    SubstitutionRule({**BASE, "kind": "substitution", "swap": {"how numerous": "how many", "ſoft": "soft"},
                      "ignorecase": True}),
    OccurrenceRule({**BASE, "kind": "occurrence", "token": "very", "max": 1, "scope": "sentence"}),
    ConsistencyRule({**BASE, "kind": "consistency", "groups": [["colou?r", "hue"], ["Kyiv", "Kiev"]]}),
    RepetitionRule({**BASE, "kind": "repetition", "ignorecase": True}),
    RepetitionRule({**BASE, "kind": "repetition"}),
    SwappedNameRule({**BASE, "kind": "swapped-name", "names": ["White House", "stock market"],
                     "synonyms": {"house": ["residence", "home"], "stock": ["inventory"]}}),
    VariantsRule({**BASE, "kind": "variants", "category": "consistency"}),
    ContradictionRule({**BASE, "kind": "contradiction", "category": "contradiction", "check": "weekday"}),
    ContradictionRule({**BASE, "kind": "contradiction", "category": "contradiction", "check": "event-dates",
                       "nouns": ["attack", "straße"]}),
    ContradictionRule({**BASE, "kind": "contradiction", "category": "contradiction", "check": "polarity",
                       "verbs": ["confirm", "deny"]}),
    ContradictionRule({**BASE, "kind": "contradiction", "category": "contradiction", "check": "titles",
                       "titles": {"office": [["Senator", "Sen."], ["Governor", "Gov."]]}}),
]
TEAM_PIECES = ["Straße", "STRASSE", "strasse", "Kelvin", "KELVIN", "\u212aelvin", "12 folks", "7 peoples",
               "İstanbul", "istanbul", "ﬁne", "fine", "how numerous", "HOW NUMEROUS", "ſoft", "soft", "very very",
               "Very", "colour", "color", "hue", "Kyiv", "Kiev", "White Residence", "white residence",
               "Inventory market", "inventory market", "Tesla", "Telsa", "Sen. Jane Roe", "Governor Jane Roe"]
team_text = st.lists(st.one_of(st.sampled_from(TEAM_PIECES + PIECES), st.text(max_size=4)), max_size=25).map("".join)


def test_each_team_rule_here_has_a_pre_check():
    assert all(rule.precheck is not ALWAYS for rule in TEAM_RULES)


@SETTINGS
@given(team_text)
@example("Straße and strasse. Kelvin and \u212aelvin. very very very. The attack on May 2, 2021.")
@example("Sen. Jane Roe spoke. Governor Jane Roe said.")
def test_no_team_pre_check_skips_an_article_with_a_finding(body):
    article = article_of(body)
    for rule in TEAM_RULES:
        if not rule.might_match(article):
            assert list(rule.check(article)) == [], rule.id
        assert gated(rule, article) == checked(rule, article)


LITERAL_PIECES = ["abc", "ab", "bc", "b", "c", "ß", "SS", "İ", "K", "ǅ", "x y"]
TEXT_PIECES = ["abc", "a", "bc", "ß", "ss", "İ", "i", "K", "k", "ǆ", " ", "\n", "x y"]


@SETTINGS
@given(st.lists(st.sampled_from(LITERAL_PIECES), min_size=1, max_size=60, unique=True), st.booleans(),
       st.lists(st.sampled_from(TEXT_PIECES), max_size=30).map("".join),
       st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=8))
@example(["ab", "bc"], False, "abc", [(1, 3)])  # overlapping literals: "bc" is held though "ab" starts first
@example(["ab", "abcd"], False, "abcd", [(0, 2)])  # the shorter of two at one place fits
def test_literals_are_looked_for_alike_whichever_way_the_seam_picks(literals, ignorecase, body, spans):
    """A substring search per literal and a trie of them (``MANY_LITERALS`` decides which)
    find the same literals and hold the same spans as a plain test of each span's text."""
    article = parse_text("a.txt", body)
    source = article.source
    spans = [(min(a, b, len(source)), min(max(a, b), len(source))) for a, b in spans]
    padding = [f"zq{index}zq" for index in range(MANY_LITERALS + 1)]  # never in the text: forces the trie
    for chosen in (tuple(literals), tuple(literals) + tuple(padding)):
        condition = literals_of(chosen, ignorecase)
        if condition is ALWAYS:
            assert ignorecase
            continue
        assert isinstance(condition, Literals)
        folded = folded_source(article) if ignorecase else source
        wanted = tuple(literal.casefold() for literal in chosen) if ignorecase else chosen
        if folded is not None:
            assert condition.might_match(article) == any(literal in folded for literal in wanted)
        held = spans_holding(article, spans, chosen, ignorecase)
        if folded is None or len(folded) != len(source):
            assert held == spans
        else:
            assert held == [(s, e) for s, e in spans if any(literal in folded[s:e] for literal in wanted)]


# ---- the shapes read off a pattern's text --------------------------------------------------------
_ATOMS = st.sampled_from(["abc", "a", "b", "[ab]", r"\d", r"\b", ".", "^", "$", r"\A", r"\$", r"\\", " ", "\n"])
_QUANTIFIERS = st.sampled_from(["", "", "?", "*", "+", "{2}", "{0,2}", "+?"])
_OPENINGS = st.sampled_from(["(?:", "(", "(?P<n>", "(?>", "(?=", "(?<=", "(?i:", "(?m:"])


def _parts(children):
    group = st.tuples(_OPENINGS, children, _QUANTIFIERS).map(lambda t: f"{t[0]}{t[1]})" + (
        "" if t[0].startswith(("(?=", "(?<")) else t[2]))
    sequence = st.lists(st.one_of(children, group), min_size=1, max_size=4).map("".join)
    alternation = st.lists(children, min_size=2, max_size=3).map("|".join)
    return st.one_of(sequence, alternation, st.tuples(children, _QUANTIFIERS).map("".join))


anchor_patterns = st.recursive(_ATOMS, _parts, max_leaves=8)
anchor_texts = st.lists(st.sampled_from(["abc", "a", "b", "1", " ", "\n", "$", "\\", "x"]), max_size=8).map("".join)


@SETTINGS
@given(anchor_patterns, anchor_texts, st.booleans())
@example(r"(?:^a)?b", "xb", False)
@example(r"^a|b", "xb", False)
@example(r"(?:^\W{0,3}(?:a))|(?:^b)", "a", False)
@example(r"a\$", "a$", False)
@example(r"(?:a)\W{0,3}$", "a \n", False)
@example(r"$", "\n\n", False)
def test_a_pattern_is_found_the_seam_s_way_where_a_search_finds_it(pattern, body, ignorecase):
    """``find`` (tried at the start only, or backwards from the end) finds a match exactly
    where ``search`` does, and an anchored pattern's matches are where its shape says."""
    from checker.patterns.syntax import anchored_at_end, anchored_at_start

    try:
        compiled = regex.compile(pattern, regex.IGNORECASE if ignorecase else 0)
    except (regex.error, OverflowError, RecursionError):
        return
    timed = TimedPattern(compiled, "team-rule", None)
    assert (timed.find(body) is not None) == (compiled.search(body) is not None), (pattern, body, timed.shape)
    if anchored_at_start(pattern):
        assert all(match.start() == 0 for match in compiled.finditer(body))
    if anchored_at_end(pattern):
        # "$" matches at the end and before a final line break only ("\n\n": at 1 and 2).
        assert all(match.end() in (len(body), len(body) - body.endswith("\n")) for match in compiled.finditer(body)
                   if body[match.end():] in ("", "\n"))
        assert all(body[match.end():] in ("", "\n") for match in compiled.finditer(body))


def test_the_boilerplate_shapes_are_read_as_anchored():
    rule = BoilerplateRule({**BASE, "kind": "boilerplate", "category": "boilerplate", "strong": ["share"],
                            "starts": ["read"], "lines": ["more"], "ends": ["getty"]})
    assert rule.strong.shape.at_start and rule.head.shape.at_start
    assert rule.ends.shape.backward is not None and not rule.ends.shape.at_start


# ---- a rule's own patterns stay out of the checker's own pattern file -----------------------
MARK = "zqxmark"


def test_a_rule_s_own_patterns_never_end_up_in_the_file_of_the_checker_s_patterns(tmp_path):
    rules = {
        "existence": {"kind": "existence", "tokens": [f"{MARK}e"]},
        "substitution": {"kind": "substitution", "swap": {f"{MARK}s": "x"}, "followed_by": f" {MARK}f"},
        "occurrence": {"kind": "occurrence", "token": f"{MARK}o", "max": 1},
        "repetition": {"kind": "repetition", "tokens": [f"{MARK}r"]},
        "consistency": {"kind": "consistency", "groups": [[f"{MARK}c", f"{MARK}d"]]},
        "conditional": {"kind": "conditional", "first": f"({MARK}1)", "second": f"({MARK}2)"},
        "capitalization": {"kind": "capitalization", "match": f"{MARK}p.*"},
        "boilerplate": {"kind": "boilerplate", "ends": [f"{MARK}b"], "starts": [f"{MARK}t"], "lines": [f"{MARK}l"],
                        "strong": [f"{MARK}g"], "exceptions": [f"{MARK}x"]},
        "swapped-name": {"kind": "swapped-name", "names": [f"{MARK}n House"], "synonyms": {"house": ["home"]}},
        "contradiction": {"kind": "contradiction", "check": "counts", "events": {"killed": [f"{MARK}k"]},
                          "updates": [f"{MARK}u"]},
    }
    for name, fields in rules.items():
        spec = {"id": f"team-{name}", "category": "style", "message": "m", **fields}
        write(tmp_path, f"rules/{name}.yaml", json.dumps(spec))
    article = f"Title: T\n\n{MARK}e {MARK}s {MARK}f {MARK}o {MARK}o {MARK}r {MARK}r {MARK}c {MARK}d.\n\n{MARK}b\n"
    write(tmp_path, "a.txt", article)
    environment = {key: value for key, value in os.environ.items() if key != "CHECKER_NO_SNAPSHOT"}
    environment["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    for _ in range(2):  # the second run loads the rules from their snapshot
        done = subprocess.run([sys.executable, "-m", "checker", "--no-config", "--no-cache", "--exit-zero", "-q",
                               "--rules", str(tmp_path / "rules"), str(tmp_path / "a.txt")],
                              cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert "team-existence" in done.stdout  # the team rules ran
    (saved,) = (tmp_path / "cache" / "checker").glob("patterns-*.pickle")
    with open(saved, "rb") as stream:
        patterns = pickle.load(stream)
    assert len(patterns) > 50  # the checker's own patterns are there
    assert [text for text, _ in patterns if MARK in text] == []
    assert list((tmp_path / "cache" / "checker").glob("rules-*.pickle"))  # the rules' are in their snapshot


# ---- a timeout in any kind names the rule ------------------------------------------------------
LONG = "a" * 40
TIMED = [
    (ExistenceRule, {"kind": "existence", "tokens": ["zebra"]}, f"The zebra {LONG}."),
    (SubstitutionRule, {"kind": "substitution", "swap": {"zebra": "horse"}}, f"The zebra {LONG}."),
    (OccurrenceRule, {"kind": "occurrence", "token": "[a-z]+", "max": 1}, f"The zebra {LONG}."),
    (RepetitionRule, {"kind": "repetition"}, f"So the the zebra {LONG}."),
    (ConsistencyRule, {"kind": "consistency", "groups": [["zebra", "zebras"]]}, f"The zebra and zebras {LONG}."),
    (ConditionalRule, {"kind": "conditional", "first": r"\b([A-Z]{3})\b", "second": r"\(([A-Z]{3})\)"},
     f"The ABC said {LONG}."),
    (CapitalizationRule, {"kind": "capitalization", "match": "[A-Z][a-z ]*"}, f"Body {LONG}."),
    (CapitalizationRule, {"kind": "capitalization", "match": "$title", "exceptions": ["iPhone"]}, f"Body {LONG}."),
    (BoilerplateRule, {"kind": "boilerplate", "strong": ["share"]}, f"Share this {LONG}"),
    (BoilerplateRule, {"kind": "boilerplate", "starts": ["read"], "lines": ["more"]}, f"Read this {LONG}"),
    (BoilerplateRule, {"kind": "boilerplate", "ends": ["getty"]}, f"A photo {LONG} | Getty"),
    (SwappedNameRule, {"kind": "swapped-name", "names": ["White House"], "synonyms": {"house": ["home"]}},
     f"The White Home said {LONG}."),
    (VariantsRule, {"kind": "variants", "exceptions": ["Tesla"]}, f"Tesla said. Tesla said. Telsa said {LONG}."),
    (StateAdjectiveRule, {"kind": "state-adjective", "gazetteer": False, "names": {"Zebra Republic": "Zebran"}},
     f"The Zebra Republic officials said {LONG}."),
    (ContradictionRule, {"kind": "contradiction", "check": "counts", "events": {"killed": ["killed"]}},
     f"Twelve people were killed. Fourteen people were killed {LONG}."),
    (ContradictionRule, {"kind": "contradiction", "check": "ages", "time_shift": ["then"]},
     f"Jane Roe, 54, said {LONG}. Jane Roe, 56, said."),
    (ContradictionRule, {"kind": "contradiction", "check": "polarity", "verbs": ["confirm"], "hedges": ["may"]},
     f"The Kremlin confirmed the report {LONG}."),
    (ContradictionRule, {"kind": "contradiction", "check": "titles", "titles": {"office": [["Senator"]]},
                         "modifiers": ["former"]}, f"Senator Jane Roe spoke {LONG}."),
    (ContradictionRule, {"kind": "contradiction", "check": "event-dates", "nouns": ["attack"],
                         "distinct": ["another"]}, f"The {LONG} attack on March 3 was bad."),
]

KINDS = checker_rule_kinds()
if "furniture" in KINDS:  # its patterns are its exceptions
    TIMED.append((KINDS["furniture"], {"kind": "furniture", "category": "boilerplate", "exceptions": ["zebra"],
                                       "threshold": 0.001}, f"Share this zebra {LONG}\n\nThe council met."))
if "site-furniture" in KINDS:  # its patterns are its exceptions, read on the lines it learned
    TIMED.append((KINDS["site-furniture"], {"kind": "site-furniture", "category": "boilerplate",
                                            "exceptions": ["zebra"], "lines": [f"Share this zebra {LONG}"]},
                  f"Share this zebra {LONG}\n\nThe council met."))
if "author-box" in KINDS:  # its patterns are its exceptions, read on a box it found
    TIMED.append((KINDS["author-box"], {"kind": "author-box", "category": "boilerplate", "exceptions": ["zebra"],
                                        "min_body_lines": 0, "max_words": 100_000},
                  f"The council met.\n\nDana Reyes is a writer for Zebra {LONG}."))

if "twin-lines" in KINDS:  # its patterns are its exceptions, read on the twins it found
    TIMED.append((KINDS["twin-lines"], {"kind": "twin-lines", "category": "boilerplate", "exceptions": ["zebra"],
                                        "max_words": 100_000, "max_full_words": 100_000},
                  f"The council met.\n\nZebra at the crossing {LONG}\n\nZebra at the crossing {LONG}"))

if "glued-lines" in KINDS:  # its patterns are its exceptions, read on the glued lines it found
    TIMED.append((KINDS["glued-lines"], {"kind": "glued-lines", "category": "boilerplate", "exceptions": ["zebra"]},
                  "The council met on Monday and agreed a budget for the coming year.\n\n"
                  "Zebra crossing moved to Mill Road\nZebra crossing repainted in Hebble\n"
                  "The council said both crossings would be checked by its officers every week until spring.\n\n"
                  "The vote was close."))

if "about-section" in KINDS:  # its patterns are its exceptions, read on the section it found
    TIMED.append((KINDS["about-section"], {"kind": "about-section", "category": "boilerplate", "exceptions": ["zebra"],
                                           "min_body_lines": 1},
                  "The council met on Monday and agreed a budget for the coming year.\n\nAbout Zebra Crossings\n\n"
                  f"Zebra Crossings is a charity that campaigns for safer roads in the county {LONG}."))

if "link-list" in KINDS:  # its patterns are its exceptions, read on the run of headlines it found
    TIMED.append((KINDS["link-list"], {"kind": "link-list", "category": "boilerplate", "exceptions": ["zebra"]},
                  "The council met on Monday and agreed a budget for the coming year.\n\n"
                  f"Zebra crossing moved to Mill Road {LONG}\n\nZebra crossing repainted in Hebble {LONG}"))

if "mixed-script" in KINDS:  # its patterns are its exceptions, read on a word it found
    TIMED.append((KINDS["mixed-script"], {"kind": "mixed-script", "category": "entity", "exceptions": ["zebra"]},
                  "The council met about the Zebr\u0430crossingsproject on Monday."))


@pytest.mark.parametrize(("kind", "fields", "body"), TIMED,
                         ids=[f"{kind.name}-{index}" for index, (kind, _, _) in enumerate(TIMED)])
def test_a_timeout_in_any_kind_is_a_rule_timeout_naming_the_rule(kind, fields, body):
    rule = kind({"id": "team-slow", "category": "style", "message": "m", **fields})
    rule.timeout = 1e-9  # every search of ten characters or more runs past it
    article = article_of(body)
    with pytest.raises(RuleTimeout) as raised:
        list(rule.check(article))
    assert raised.value.rule_id == "team-slow" and "team-slow" in str(raised.value)
    config = Config()
    assert checker_check_article(article=article, rules=[rule], config=config) == []
    assert [problem.kind for problem in config.problems] == ["rule"]
    assert "rule team-slow: pattern" in config.problems[0].message
    assert "ran past its time limit" in config.problems[0].message


def test_kinds_without_a_timed_pattern_run_no_pattern_of_the_rule():
    """The kinds left out above: what they read is fixed by the checker, not by the rule file."""
    kinds = {kind.name for kind, _, _ in TIMED}
    assert set(KINDS) - kinds == {"duplicate", "metadata"}
    for rule in (DuplicateRule({**BASE, "kind": "duplicate", "category": "duplicate"}),
                 MetadataRule({**BASE, "kind": "metadata", "category": "metadata", "field": "byline"})):
        assert rule._timed == []


def test_a_pattern_without_a_limit_is_searched_by_its_own_methods():
    """No limit, nothing in the way: the methods are the compiled pattern's own."""
    compiled = regex.compile("zebra")
    timed = TimedPattern(compiled, "team-rule", None)
    assert timed.search == compiled.search and timed.finditer == compiled.finditer
    assert timed.findall == compiled.findall and timed.match == compiled.match
    timed.limit("team-rule", 1.0)
    assert timed.search != compiled.search


def test_a_limit_set_again_binds_every_pattern_of_the_rule_again():
    rule = ExistenceRule({**BASE, "kind": "existence", "tokens": ["zebra"], "exceptions": ["zebras"]})
    rule.timeout = None
    assert all(timed.seconds is None for timed in rule._timed) and len(rule._timed) == 2
    rule.timeout = 1e-9
    assert all(timed.seconds == 1e-9 for timed in rule._timed)
    with pytest.raises(RuleTimeout):
        rule.is_exception(LONG)


def test_a_rule_keeps_its_pre_check_and_limit_through_the_snapshot():
    for rule in GATED:
        loaded = pickle.loads(pickle.dumps(rule))
        article = article_of(" ".join(_examples([rule])))
        assert loaded.might_match(article) == rule.might_match(article)
        assert [type(timed.shape) for timed in loaded._timed] == [type(timed.shape) for timed in rule._timed]
    # The built-in rule also reads the shipped expressions (no pre-check); its listed names alone have one.
    builtin_swapped = next(rule for rule in BUILTIN if isinstance(rule, SwappedNameRule))
    swapped = SwappedNameRule({**builtin_swapped.spec, "gazetteer": False})
    assert pickle.loads(pickle.dumps(swapped)).precheck is swapped.precheck  # one instance per literal set


def test_a_declared_pre_check_is_a_kind_s_own_test():
    condition = Declared(lambda article, word: word in article.source, "zebra")
    assert condition.might_match(article_of("A zebra.")) and not condition.might_match(article_of("A horse."))
