"""The ``furniture`` rule kind: lines that look like page furniture, judged by a fitted line model."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from checker.errors import RuleError
from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.kinds.boilerplate import COUNTED, BoilerplateRule
from checker.kinds.linemodel import LineModel, cues, load_model, probability
from checker.text.article import Article
from checker.text.lineshape import (
    FUNCTION_WORDS,
    LEFT_ALONE,
    LineShape,
    article_lines,
    function_share,
    shape_lines,
)

#: The weights the checker ships, fitted by ``bench/fit_furniture.py``.
SHIPPED_WEIGHTS = Path(__file__).resolve().parent.parent / "data" / "furniture.json"
#: A line of this many words or more that repeats an earlier one, exactly or nearly, is the
#: duplicate rules' to report, with the copy it repeats (their ``min_words``).
DUPLICATE_WORDS = 6
#: Nearly: this share of the content words of the shorter of the two lines is in the other
#: (a repeat with "Read more:" or "BREAKING:" before it).
NEAR_REPEAT = 0.8
_NEAR_WORDS = 3  # fewer words of their own say too little to call two lines one
_NORMAL = re.compile(r"\W+")
#: English prose is about half function words; an article with fewer than this share of them
#: is another language or no prose, where the cues, calibrated on English, mean little.
ENGLISH_SHARE = 0.15


class FurnitureRule(Rule):
    """Flags a line that looks like page furniture rather than the article's own text.

    Each line of the article is read for cues of its form (length, final punctuation,
    capitals and title case, the share of function words, digits and repeated counts, web
    addresses and handles, auxiliary verbs) and of its place (before the first or after the
    last line of prose, between two paragraphs, in a run of short lines, beginning like a
    line beside it, how many of its words the rest of the article uses). A model fitted on
    labelled lines (`weights`, by default the one the checker ships: boosted shallow trees,
    walked in plain Python) turns them into a probability; a line at or above `threshold` is
    flagged, and the message names the cues that weighed most. No list of phrases is involved,
    so furniture nobody listed is found; the phrase rules stay the stronger evidence: a line
    one of the boilerplate (or site-furniture) rules of `phrase_rules` flags is theirs to
    report, as a safe fix, and is not reported twice, and their findings are cues for the
    lines around them (next to one, or in one block of short lines with one).

    Never flagged: the headline, the header, the headings the format marks, a line that
    repeats the headline, a line of six words or more that repeats an earlier one exactly or
    nearly (the duplicate rules report it, with the copy it repeats), the items of a list
    the author made (a run of three or more lines of one form: names with their roles,
    numbered or bulleted points, labels with their values, single words, bare web addresses)
    and the lines of an embedded post (a handle, the post, its date); nor any line of an
    article with few English function words, since the cues are calibrated on English.

    A model's decision is never certain: removing the line is an unsafe fix (`fix: safe` is
    refused). A line that holds an exception is left alone."""

    name = "furniture"
    PLACEHOLDERS = frozenset({"match", "line", "cues", "probability"})
    HONOURED = frozenset({"exceptions", "ignorecase", "fix"})
    default_scope = "line"
    default_fix = "unsafe"
    #: Page furniture comes in any case: exceptions match regardless of it unless told.
    default_ignorecase = True
    OPTIONS = {
        "threshold": Option(float, help="the probability from 0 to 1 at which a line is flagged; higher flags "
                            "fewer lines, more surely (default: the one the weights file recommends)"),
        "weights": Option(str, default="", help="a weights file written by `bench/fit_furniture.py`, relative "
                          "to the rule file (default: the weights the checker ships)"),
        "phrase_rules": Option(list, default=None, help="rule files or folders, relative to the rule file, whose "
                               "`boilerplate` and `site-furniture` rules take precedence: a line they flag is not "
                               "reported again "
                               "(default: the boilerplate rules beside the rule file; `[]`: none)"),
    }

    def setup(self) -> None:
        if self.fix_level == "safe":
            raise self.error("a model's decision is never a safe fix: use unsafe or none", "fix")
        self.weights_path = str(relative_to_rule(self, self.options["weights"]) if self.options["weights"]
                                else SHIPPED_WEIGHTS)
        try:
            model = load_model(self.weights_path)  # refused now, when the rule is loaded, not per article
        except ValueError as error:
            raise self.error(str(error), "weights") from None
        if self.options["threshold"] is None:
            self.options["threshold"] = model.threshold
        if not 0.0 < self.options["threshold"] < 1.0:
            raise self.error("must be between 0 and 1 (exclusive)", "threshold")
        self.phrase_rules = self._phrase_rules(self.options["phrase_rules"])

    @property
    def model(self) -> LineModel:
        """The weights, read once per process. Not kept on the rule, so a rule restored from
        the rules snapshot reads the weights file as it is now."""
        return load_model(self.weights_path)

    def _phrase_rules(self, names: list | None) -> list[Rule]:
        """The boilerplate rules whose lines this rule leaves to them."""
        return evidence_rules(self, names, "phrase_rules")

    def check(self, article: Article) -> Iterator[Finding]:
        lines = article_lines(article)
        if not lines:
            return
        model = self.model
        threshold = self.options["threshold"]
        # The threshold as log-odds: each line's score is compared without an exp.
        cut = math.log(threshold / (1.0 - threshold))
        source = article.source
        headline = article.headline
        headline_key = _NORMAL.sub(" ", headline.value).strip().casefold() if headline else None
        if function_share(article.source[lines[0][0]:]) < ENGLISH_SHARE:
            return  # not English prose (another language, a table, code): the cues mean little
        for rule in self.phrase_rules:
            if rule.timeout != self.timeout:  # the phrase patterns run under this rule's limit
                rule.timeout = self.timeout
        evidence = None
        if self.phrase_rules:
            # Each phrase rule's quick test of a line for its ``strong`` patterns, as its own check
            # runs it: most lines hold none of the texts every such match holds.
            tests = [strong_test(rule, article) for rule in self.phrase_rules]
            evidence = [line_evidence(self.phrase_rules, source[start:end], tests, start, end) for start, end in lines]
        shapes = shape_lines(article, lines, evidence)
        repeats: _Repeats | None = None  # made for the first line the model would flag: most articles have none
        for position, shape in enumerate(shapes):
            if evidence is not None and evidence[position]:
                continue  # the phrase rule's or the site evidence's to report, as a safe fix
            if any(shape.values[index] for index in LEFT_ALONE) or model.score(shape.values) < cut:
                continue
            text = source[shape.start:shape.end]
            if repeats is None:
                repeats = _Repeats([other.words for other in shapes])
            if not self._leave(text, repeats.repeats_earlier(position), headline_key):
                yield self._finding(article, shape, text, model)

    def _leave(self, text: str, repeat: bool, headline_key: str | None) -> bool:
        """A line the model would flag that another rule, or no rule, should report."""
        key = _NORMAL.sub(" ", text).strip().casefold()
        if headline_key and key == headline_key:
            return True  # the headline repeated: duplicate-headline's
        if repeat:
            return True  # the duplicate rules' to report, with the copy it repeats
        return bool(self.exceptions and self.is_exception(text))

    def _finding(self, article: Article, shape: LineShape, text: str, model: LineModel) -> Finding:
        named = ", ".join(cues(model, shape.values))
        return self.finding(article, shape.start, shape.end, line=text, cues=named,
                            probability=f"{probability(model, shape.values):.2f}", suggestions=[""],
                            remove_line=True, unsafe=True)


def relative_to_rule(rule: Rule, name: str) -> Path:
    """``name`` as a path relative to ``rule``'s file (as given when absolute, or when the rule
    has no file)."""
    path = Path(name)
    if path.is_absolute() or rule.source.startswith("<"):
        return path
    return Path(rule.source).parent / path


def evidence_rules(rule: Rule, names: list | None, field: str) -> list[Rule]:
    """The ``boilerplate`` and ``site-furniture`` rules of the files or folders ``names``
    (relative to ``rule``'s file; None: the folder of ``rule``'s file), ``rule``'s own file
    left out: what tells page furniture by its phrases. Any other kind there is skipped."""
    from checker.config.yamlsafe import load_yaml
    from checker.kinds.boilerplate import BoilerplateRule
    from checker.kinds.site_furniture import SiteFurnitureRule

    if names is None:
        if rule.source.startswith("<"):
            return []
        folders = [Path(rule.source).parent]
    else:
        if not all(isinstance(name, str) and name for name in names):
            raise rule.error("must be a list of file or folder names", field)
        folders = [relative_to_rule(rule, name) for name in names]
    files: list[Path] = []
    for folder in folders:
        if folder.is_file():
            files.append(folder)
        elif folder.is_dir():
            files.extend(sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()))
        else:
            raise rule.error(f"'{folder}' is neither a rule file nor a folder", field)
    own = Path(rule.source).resolve() if not rule.source.startswith("<") else None
    rules: list[Rule] = []
    for file in files:
        if own is not None and file.resolve() == own:
            continue
        try:
            spec = load_yaml(file)
        except RuleError as error:
            raise rule.error(f"cannot read {file}: {error}", field) from None
        kind = {BoilerplateRule.name: BoilerplateRule, SiteFurnitureRule.name: SiteFurnitureRule}.get(
            spec.get("kind") if isinstance(spec, dict) else None)
        if kind is None:
            continue
        try:
            rules.append(kind(spec, source=str(file)))
        except RuleError as error:
            raise rule.error(f"{file}: {error}", field) from None
    return rules


#: A phrase rule's quick test of an article's line (start, end, text) for its ``strong``
#: patterns: False only where they cannot match (``BoilerplateRule.strong_test``).
StrongTest = Callable[[int, int, str], bool]


def strong_test(rule: Rule, article: Article) -> StrongTest | None:
    """``rule``'s quick test of ``article``'s lines for its ``strong`` patterns, if it has one."""
    return rule.strong_test(article) if isinstance(rule, BoilerplateRule) else None


def line_evidence(rules: Sequence[Rule], text: str, tests: Sequence[StrongTest | None] | None = None,
                  start: int = 0, end: int = 0) -> bool:
    """Whether one of ``rules`` (phrase rules, a site's learned furniture) flags the line, an
    exception aside. Words are counted at white space: the phrase rules' limits on length are
    loose, and a line longer than ``COUNTED`` characters is past all of them (``strong``
    patterns, which match a line of any length, aside). ``tests``: each rule's quick test for
    its ``strong`` patterns (``strong_test``), where the line is the article's ``start``..``end``."""
    count = len(text.split()) if len(text) <= COUNTED else COUNTED
    for index, rule in enumerate(rules):
        test = tests[index] if tests is not None else None
        if isinstance(rule, BoilerplateRule):
            found = rule.shape_of(text, count, test is None or test(start, end, text)) is not None
        else:
            found = rule.is_boilerplate(text, count)
        if found and not (rule.exceptions and rule.is_exception(text)):
            return True
    return False


class _Repeats:
    """Which lines of an article repeat an earlier line, exactly or nearly, in words of their
    own (function words aside), read from the start of each line as its cues were. A line is
    compared only with earlier lines holding one of its ``RAREST`` rarest words, at most
    ``COMPARED`` for each: the cost stays linear in the lines however many repeat. Several
    words, since the rarest may be one a repeat put before the line ("BREAKING", "Read more")."""

    RAREST = 4
    COMPARED = 16

    def __init__(self, lines: list[str]) -> None:
        """``lines``: each line's words in lower case, apart by spaces (``LineShape.words``)."""
        split = [line.split() for line in lines]
        self.words = [frozenset(words) - FUNCTION_WORDS for words in split]
        self.long = [len(words) >= DUPLICATE_WORDS for words in split]
        self.holding: dict[str, list[int]] = {}
        for position, words in enumerate(self.words):
            for word in words:
                self.holding.setdefault(word, []).append(position)

    def repeats_earlier(self, position: int) -> bool:
        words = self.words[position]
        if not self.long[position] or len(words) < _NEAR_WORDS:
            return False
        for word in sorted(words, key=lambda word: len(self.holding[word]))[:self.RAREST]:
            for earlier in self.holding[word][:self.COMPARED]:
                if earlier >= position:
                    break
                other = self.words[earlier]
                fewer = min(len(words), len(other))
                if self.long[earlier] and fewer >= _NEAR_WORDS and len(words & other) >= NEAR_REPEAT * fewer:
                    return True
        return False
