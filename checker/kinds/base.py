"""What every rule kind shares: common fields, option validation, matching and findings."""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, ClassVar

import regex

from checker.errors import RuleError
from checker.finding import CATEGORIES, Edit, Finding, Fix, Location, Severity
from checker.patterns.compiled import compiled
from checker.patterns.limits import DEFAULT_REGEX_TIMEOUT, RuleTimeout, TimedPattern, bound, bound_iterator
from checker.patterns.precheck import ALWAYS, Precheck, all_of, derived, literals_of
from checker.text.article import SCOPES, Article

__all__ = ["DEFAULT_REGEX_TIMEOUT", "Option", "Rule", "RuleTimeout"]

_ID = compiled(r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")


@dataclass(frozen=True)
class Option:
    """A rule field: its expected type, whether it is required, its default, and what it means
    (``help``, the text of the generated kind reference, ``docs/kinds.md``)."""

    type: type | tuple[type, ...]
    required: bool = False
    default: Any = None
    help: str = ""
    #: The least value a number may have (None: any); a smaller one is refused when the rule loads.
    minimum: int | float | None = None


COMMON_OPTIONS: dict[str, Option] = {
    "id": Option(str, required=True, help="the rule's stable name, used by suppressions, `--select` and the "
                 "configuration (letters, digits, `.`, `_`, `/`, `-`)"),
    "kind": Option(str, required=True, help="the rule kind: one of the kinds on this page"),
    "message": Option(str, required=True, help="what a finding says; the kind's placeholders (`{match}`, ...) "
                      "are filled in"),
    "category": Option(str, required=True, help=", ".join(CATEGORIES)),
    "severity": Option(str, default="warning", help="error, warning or info"),
    "scope": Option(str, help="which parts of the article are read: " + ", ".join(SCOPES)
                    + " (default: the kind's)"),
    "description": Option(str, default="", help="why the rule exists; its first line is shown in listings"),
    "link": Option(str, default="", help="a page about the rule, its help link instead of the generated page"),
    "tags": Option(list, default=[], help="labels that select the rule with `-k` and `-m`"),
    "ignorecase": Option(bool, help="the rule's patterns (`exceptions` included) match regardless of case "
                         "(default: the kind's, false unless it says otherwise)"),
    "quotes": Option(bool, default=True, help="false: nothing inside a direct quotation (quotation marks, or a "
                     "paragraph set out as a quotation) is flagged"),
    "exceptions": Option(list, default=[], help="patterns, matched as whole words: a match that holds one "
                         "is not flagged"),
    "examples": Option(dict, default={}, help="`bad`: texts the rule must flag; `good`: texts it must not "
                       "(run as tests by the pytest plugin)"),
    "enabled": Option(bool, default=True, help="false: the rule runs only when `--select` names it"),
    "fix": Option(str, help="safe, unsafe or none: how `--fix` may apply the rule's suggestion "
                  "(default: the kind's)"),
}

#: The common fields a kind honours only when it says so (``Rule.HONOURED``): a rule file that
#: sets one its kind does not honour is refused when loaded, rather than silently ignored.
#: Every kind honours the other common fields.
OPTIONAL_FIELDS = ("scope", "quotes", "exceptions", "ignorecase", "fix")

FIX_LEVELS = ("safe", "unsafe", "none")

TYPE_NAMES = {str: "a string", list: "a list", dict: "a mapping", bool: "true or false", int: "a number",
              float: "a number"}


def _type_name(expected: type | tuple[type, ...]) -> str:
    if isinstance(expected, tuple):
        return " or ".join(TYPE_NAMES.get(t, t.__name__) for t in expected)
    return TYPE_NAMES.get(expected, expected.__name__)


class Rule:
    """Base class of rule kinds.

    A kind declares ``name``, ``OPTIONS`` (its own fields, each with its ``help``),
    ``PLACEHOLDERS`` (the names its message may use), ``default_scope``, ``HONOURED`` (which
    of ``OPTIONAL_FIELDS`` it honours), and implements ``check``. Its docstring is its
    description in the generated kind reference, ``docs/kinds.md``.

    The helpers below apply the optional common fields for a kind that uses them:
    ``search_segments`` reads the rule's ``scope``; ``search_in``, ``search_segments`` and
    ``count_in`` leave out matches inside quotations (``quotes: false``) and matches that hold
    an exception (``exceptions``); ``compile`` honours ``ignorecase``; ``finding`` honours
    ``fix``. A kind lists in ``HONOURED`` the fields its ``check`` honours this way or its own.

    Speed is the seam's business (``checker.patterns``), not the kind's: ``compile`` returns a
    ``TimedPattern``, whose methods run under the rule's time limit (``timeout``) and raise
    ``RuleTimeout`` naming the rule. A pattern compiled with ``required=True`` is one every
    finding is a match of: the seam reads from it what an article must hold for the rule to
    find anything, and the engine asks ``might_match`` before it calls ``check``. A kind whose
    condition no pattern says declares it with ``require``. ``check`` stays complete on its
    own: ``might_match`` only spares it articles where it would find nothing.
    """

    name: ClassVar[str] = ""
    OPTIONS: ClassVar[dict[str, Option]] = {}
    #: A field of ``OPTIONS`` whose value picks more fields from ``SELECTED_OPTIONS``
    #: (``contradiction``'s ``check``): a field that belongs to another value is refused.
    SELECTOR: ClassVar[str] = ""
    SELECTED_OPTIONS: ClassVar[dict[str, dict[str, Option]]] = {}
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset({"match"})
    #: Of ``OPTIONAL_FIELDS``, those this kind honours; a rule file that sets another is
    #: refused when loaded. None by default: a kind says what its ``check`` does.
    HONOURED: ClassVar[frozenset[str]] = frozenset()
    default_scope: ClassVar[str] = "paragraph"
    #: How sure this kind's single suggestion is when the rule file does not say (``fix:``).
    default_fix: ClassVar[str] = "unsafe"
    #: Whether the kind's patterns ignore case when the rule file does not say (``ignorecase:``).
    default_ignorecase: ClassVar[bool] = False
    #: A rule from the checker's own rule folder (set when the rules are collected).
    builtin: bool = False
    #: The options the configuration's ``rule-options`` set on this rule (none: as defined).
    configured: Mapping[str, Any] = MappingProxyType({})
    SCOPES: ClassVar[tuple[str, ...]] = SCOPES

    def __init__(self, spec: Mapping[str, Any], source: str = "<plugin>") -> None:
        self.source = source
        self.spec = dict(spec)
        values = self._validate(spec)
        self.id: str = values["id"]
        self.kind: str = values["kind"]
        self.message: str = values["message"]
        self.category: str = values["category"]
        self.severity: Severity = Severity.parse(values["severity"])
        self.scope: str = values["scope"] or self.default_scope
        self.description: str = values["description"].strip()
        self.link: str = values["link"]
        self.tags: list[str] = [str(t) for t in values["tags"]]
        self.ignorecase: bool = self.default_ignorecase if values["ignorecase"] is None else values["ignorecase"]
        self.quotes: bool = values["quotes"]
        self.enabled: bool = values["enabled"]
        self.examples: dict[str, list[Any]] = values["examples"]
        self.fix_level: str = values["fix"] or self.default_fix
        self.options: dict[str, Any] = {k: v for k, v in values.items() if k not in COMMON_OPTIONS}
        #: The patterns the rule compiled, bound again when its time limit changes.
        self._timed: list[TimedPattern] = []
        self._timeout: float | None = DEFAULT_REGEX_TIMEOUT
        #: What an article must hold for the rule to find anything in it (``might_match``).
        self.precheck: Precheck = ALWAYS
        self._check_common()
        self.exceptions = [self.compile(str(e), field="exceptions", whole_word=True) for e in values["exceptions"]]
        self.setup()

    # ---- loading -----------------------------------------------------------------------
    def error(self, message: str, field: str | None = None) -> RuleError:
        rule_id = self.spec.get("id") if isinstance(self.spec.get("id"), str) else None
        parts = (f"rule {rule_id}" if rule_id else "", f"field '{field}'" if field else "")
        where = " ".join(part for part in parts if part)
        return RuleError(f"{where}: {message}" if where else message, source=self.source)

    @classmethod
    def fields(cls) -> dict[str, Option]:
        """Every field a rule of this kind may set: the common fields it honours, its own
        and, with a ``SELECTOR``, those of every value (as the kind reference lists them)."""
        common = {k: v for k, v in COMMON_OPTIONS.items() if k not in OPTIONAL_FIELDS or k in cls.HONOURED}
        selected = {k: v for options in cls.SELECTED_OPTIONS.values() for k, v in options.items()}
        return {**common, **cls.OPTIONS, **selected}

    def _selected(self, spec: Mapping[str, Any]) -> dict[str, Option] | None:
        """The fields the value of ``SELECTOR`` picks; None when there is no value to pick
        by (no selector, or a value missing or of the wrong type, which is reported later)."""
        if not self.SELECTOR:
            return None
        value = spec.get(self.SELECTOR)
        if value is None:
            value = self.OPTIONS[self.SELECTOR].default
        if not isinstance(value, str):
            return None
        if value not in self.SELECTED_OPTIONS:
            raise self.error(f"'{value}' is not one of {', '.join(self.SELECTED_OPTIONS)}", self.SELECTOR)
        return self.SELECTED_OPTIONS[value]

    def _refuse_fields(self, spec: Mapping[str, Any], selected: dict[str, Option] | None) -> None:
        """Raise a RuleError for the first field of ``spec`` this kind would not honour."""
        every = self.fields()
        unknown = sorted(set(spec) - set(COMMON_OPTIONS) - set(every))
        if unknown:
            raise self.error(f"unknown field(s) {', '.join(unknown)} for kind '{self.name}' "
                             f"(known: {', '.join(sorted(every))})")
        for field in OPTIONAL_FIELDS:
            if field in spec and field not in self.HONOURED:
                honoured = ", ".join(f for f in OPTIONAL_FIELDS if f in self.HONOURED)
                supports = f"it supports: {honoured}" if honoured else "it supports none of the optional fields"
                raise self.error(f"is not supported by kind '{self.name}' ({supports})", field)
        if selected is None:
            return
        for field in spec:
            if field in COMMON_OPTIONS or field in self.OPTIONS or field in selected:
                continue
            owners = [value for value, options in self.SELECTED_OPTIONS.items() if field in options]
            value = spec.get(self.SELECTOR) or self.OPTIONS[self.SELECTOR].default
            takes = ", ".join(sorted(selected)) or "no fields of its own"
            raise self.error(f"belongs to {self.SELECTOR} {', '.join(repr(o) for o in owners)}, not to "
                             f"{self.SELECTOR} '{value}' ({self.SELECTOR} '{value}' takes: {takes})", field)

    def _validate(self, spec: Mapping[str, Any]) -> dict[str, Any]:
        selected = self._selected(spec)
        self._refuse_fields(spec, selected)
        known = {**COMMON_OPTIONS, **self.OPTIONS, **(selected or {})}
        values: dict[str, Any] = {}
        for key, option in known.items():
            if key not in spec or spec[key] is None:
                if option.required:
                    raise self.error("is required", key)
                default = option.default
                values[key] = type(default)(default) if isinstance(default, list | dict) else default
                continue
            value = spec[key]
            expected = option.type
            if expected is float and isinstance(value, int) and not isinstance(value, bool):
                value = float(value)
            if isinstance(value, bool) and expected in (int, float):
                raise self.error(f"expected {_type_name(expected)}, got {value!r}", key)
            if not isinstance(value, expected):
                raise self.error(f"expected {_type_name(expected)}, got {type(value).__name__} {value!r}", key)
            if option.minimum is not None and value < option.minimum:
                number = "a whole number" if expected is int else _type_name(expected)
                raise self.error(f"expected {number} of {option.minimum} or more, got {value!r}", key)
            values[key] = value
        return values

    def _check_common(self) -> None:
        if not _ID.match(self.id):
            raise self.error(f"'{self.id}' is not a valid id (letters, digits, . _ / -)", "id")
        if self.category not in CATEGORIES:
            raise self.error(f"'{self.category}' is not one of {', '.join(CATEGORIES)}", "category")
        if self.scope not in self.SCOPES:
            raise self.error(f"'{self.scope}' is not one of {', '.join(self.SCOPES)}", "scope")
        self.check_placeholders(self.message, "message")
        if self.fix_level not in FIX_LEVELS:
            raise self.error(f"'{self.fix_level}' is not one of {', '.join(FIX_LEVELS)}", "fix")
        for key in self.examples:
            if key not in ("bad", "good"):
                raise self.error(f"unknown key '{key}' (expected bad and good)", "examples")
            if not isinstance(self.examples[key], list):
                raise self.error(f"'{key}' must be a list", "examples")

    def check_placeholders(self, template: str, field: str) -> None:
        """Raise a RuleError when ``template`` (a message of ``field``) names a placeholder
        this kind does not offer or is not a valid format string."""
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
        except ValueError as error:
            raise self.error(f"bad placeholder: {error}", field) from None
        unknown = {n for n in names if n.split(".")[0].split("[")[0] not in self.PLACEHOLDERS}
        if unknown:
            raise self.error(f"unknown placeholder(s) {{{'}, {'.join(sorted(unknown))}}} "
                             f"(this kind offers {', '.join('{' + p + '}' for p in sorted(self.PLACEHOLDERS))})",
                             field)

    def setup(self) -> None:
        """Validate kind-specific options and compile patterns. Runs once, at load time."""

    # ---- matching ----------------------------------------------------------------------
    def compile(
        self, pattern: str, *, field: str, whole_word: bool = True, ignorecase: bool | None = None,
        required: bool = False,
    ) -> TimedPattern:
        """``pattern`` compiled under the rule's time limit, ignoring case per ``ignorecase``
        (the rule's when None) and as whole words unless ``whole_word`` is false; a bad pattern
        is a RuleError naming ``field``. ``required``: every finding of the rule is a match of
        this pattern, so an article must hold what every match holds (``might_match``)."""
        original = pattern
        flags = 0
        if self.ignorecase if ignorecase is None else ignorecase:
            flags |= regex.IGNORECASE
        if whole_word:
            pattern = rf"(?<![\p{{L}}\p{{N}}_])(?:{pattern})(?![\p{{L}}\p{{N}}_])"
        try:
            found = regex.compile(pattern, flags)
        except regex.error as error:
            raise self.error(f"invalid regular expression {original!r}: {error}", field) from None
        except RecursionError:
            raise self.error(f"regular expression {_shown(original)} nests too deeply to compile", field) from None
        if required:
            self.require(derived(found.pattern, found.flags))
        return self.timed(found)

    def compile_combined(self, combined: str, parts: Iterable[str], *, field: str, **options: Any) -> TimedPattern:
        """Compile ``combined`` (built from ``parts``); only when that fails are the parts
        compiled one by one, so the error names the bad one. Loading stays one compile."""
        try:
            return self.compile(combined, field=field, **options)
        except RuleError:
            for part in parts:
                self.compile(part, field=field, whole_word=False)
            raise

    def timed(self, compiled_pattern: regex.Pattern) -> TimedPattern:
        """A pattern the kind compiled itself, put under the rule's time limit."""
        timed = TimedPattern(compiled_pattern, self.id, self._timeout)
        self._timed.append(timed)
        return timed

    @property
    def timeout(self) -> float | None:
        """Seconds one pattern may spend on one text; None: no limit of its own."""
        return self._timeout

    @timeout.setter
    def timeout(self, seconds: float | None) -> None:
        if seconds == self._timeout:
            return  # set for every article: binding again only when it changes
        self._timeout = seconds
        for timed in self._timed:
            timed.limit(self.id, seconds)

    # ---- the pre-check -----------------------------------------------------------------
    def require(self, condition: Precheck) -> None:
        """Declare a condition every article the rule finds something in meets (a
        ``checker.patterns.precheck`` condition), for what no pattern of the rule says."""
        self.precheck = all_of([self.precheck, condition])

    def require_literals(self, literals: Iterable[str], *, ignorecase: bool = False, before: str = "") -> None:
        """Declare that every finding's text holds one of ``literals`` (right after a character
        of the ``re`` class ``before``, when given)."""
        self.require(literals_of(tuple(literals), ignorecase, before))

    def might_match(self, article: Article) -> bool:
        """False when the rule cannot find anything in ``article``: the engine then does not
        call ``check``. True says only that it may."""
        return self.precheck.might_match(article)

    # ---- searching ---------------------------------------------------------------------
    def search_segments(
        self, pattern: TimedPattern | regex.Pattern, article: Article, scope: str | None = None
    ) -> Iterator[_Shifted]:
        """Matches of ``pattern`` in each segment of the scope, offsets shifted to the source."""
        return self.search_in(pattern, article, article.segments(scope or self.scope))

    def search_in(
        self, pattern: TimedPattern | regex.Pattern, article: Article, segments: Iterable[tuple[int, int]]
    ) -> Iterator[_Shifted]:
        """Matches of ``pattern`` in each (start, end) segment, offsets shifted to the source.

        Honours ``quotes`` (skips matches inside direct quotations when false) and
        ``exceptions``. Raises ``RuleTimeout`` when the pattern runs past its time limit.
        """
        source = article.source
        finditer = self._finditer(pattern)
        for seg_start, seg_end in segments:
            for match in finditer(source[seg_start:seg_end]):
                start, end = match.start() + seg_start, match.end() + seg_start
                if start == end:
                    continue
                if not self.quotes and article.in_quote(start, end):
                    continue
                if self.exceptions and self.is_exception(match.group(0)):
                    continue
                yield _Shifted(match, seg_start)

    def count_in(self, pattern: TimedPattern, article: Article, segment: tuple[int, int]) -> int:
        """How many matches ``search_in`` would yield in one segment, counted without
        building them when no exception or quotation filter applies."""
        if self.exceptions or not self.quotes:
            return sum(1 for _ in self.search_in(pattern, article, [segment]))
        text = article.source[segment[0]:segment[1]]
        if not pattern.matches_empty:
            return len(pattern.findall(text))
        return sum(1 for m in pattern.finditer(text) if m.end() > m.start())

    def search(self, pattern: TimedPattern | regex.Pattern, text: str) -> regex.Match | None:
        """``pattern.search(text)`` under the rule's time limit (a ``TimedPattern`` from
        ``compile`` is under it already)."""
        if isinstance(pattern, TimedPattern):
            return pattern.search(text)
        return bound(pattern.search, self._timeout, self.id, pattern.pattern)(text)

    def _finditer(self, pattern: TimedPattern | regex.Pattern) -> Any:
        if isinstance(pattern, TimedPattern):
            return pattern.finditer
        return bound_iterator(pattern.finditer, self._timeout, self.id, pattern.pattern)

    def is_exception(self, text: str) -> bool:
        return any(e.search(text) for e in self.exceptions)

    # ---- findings ----------------------------------------------------------------------
    def format_message(self, template: str | None = None, **values: Any) -> str:
        """The rule's message (or ``template``, another message of the rule) with ``values``."""
        return (self.message if template is None else template).format_map(_Defaults(values))

    def finding(
        self,
        article: Article,
        start: int,
        end: int,
        *,
        message: str | None = None,
        template: str | None = None,
        suggestions: Iterable[str] = (),
        related: Iterable[tuple[int, int]] = (),
        remove_line: bool = False,
        unsafe: bool = False,
        **values: Any,
    ) -> Finding:
        """Build a finding, its message ``message`` as given or ``template`` (the rule's
        message when None) filled in with ``values``. With exactly one suggestion it also
        carries a fix: the span replaced by the suggestion (``remove_line``: an empty
        suggestion removes the whole line or sentence, not just its words), ``safe`` unless
        the rule file or the kind (``unsafe=True`` for this finding) says otherwise."""
        values.setdefault("match", article.source[start:end])
        related_locations: tuple[Location, ...] = tuple(article.location(s, e) for s, e in related)
        suggestions = tuple(suggestions)
        return Finding(
            rule=self.id,
            category=self.category,
            severity=self.severity,
            message=message if message is not None else self.format_message(template, **values),
            location=article.location(start, end),
            suggestions=suggestions,
            related=related_locations,
            fix=self.make_fix(article, start, end, suggestions, remove_line=remove_line, unsafe=unsafe),
        )

    def make_fix(self, article: Article, start: int, end: int, suggestions: tuple[str, ...], *,
                 remove_line: bool = False, unsafe: bool = False) -> Fix | None:
        if self.fix_level == "none" or len(suggestions) != 1 or not article.editable:
            return None
        replacement = suggestions[0]
        if replacement == "" and remove_line:
            if article.in_header(start, end):
                return None  # never delete the headline, byline or a metadata line
            start, end = article.removal_span(start, end)
        if article.source[start:end] == replacement:
            return None
        shown = article.source[start:end].strip()
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        message = f"Replace with '{replacement}'" if replacement else f"Remove '{shown}'"
        applicability = "unsafe" if unsafe or self.fix_level == "unsafe" else "safe"
        return Fix(applicability, message, (Edit(article.location(start, end), replacement),))

    def check(self, article: Article) -> Iterable[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    def summary(self) -> str:
        """One line for --list-rules and the README table."""
        first = self.description.strip().split("\n", 1)[0] if self.description else self.message
        return first.strip()


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class _Shifted:
    """A match whose offsets are shifted into the article's source."""

    __slots__ = ("_base", "_match")

    def __init__(self, match: regex.Match, base: int) -> None:
        self._match = match
        self._base = base

    def start(self, group: int | str = 0) -> int:
        return self._match.start(group) + self._base

    def end(self, group: int | str = 0) -> int:
        return self._match.end(group) + self._base

    def group(self, *groups: int | str) -> Any:
        return self._match.group(*groups)

    @property
    def lastindex(self) -> int | None:
        return self._match.lastindex

    @property
    def lastgroup(self) -> str | None:
        return self._match.lastgroup

    def groupdict(self) -> dict[str, str | None]:
        return self._match.groupdict()


def _shown(pattern: str, limit: int = 40) -> str:
    """A pattern for a one-line message: its start, quoted, and its length when cut."""
    if len(pattern) <= limit:
        return repr(pattern)
    return f"{pattern[:limit]!r}... ({len(pattern)} characters)"
