"""A session: its rule kinds and rules (collected through the plugins' hooks), each input
read, checked and its findings filtered, and the tally the report and the exit code are
made from. ``checker.engine.startup`` builds one; ``checker.engine.run`` runs it."""

from __future__ import annotations

import difflib
import fnmatch
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, NamedTuple

import pluggy

from checker.config.settings import Config
from checker.engine.isolation import Isolation
from checker.engine.watchdog import TimeLimitExceeded, time_limit
from checker.errors import ExitCode, InputError, RuleError, UsageError
from checker.filter.overlap import merge_overlapping_furniture
from checker.filter.suppress import apply_suppressions, parse_suppressions
from checker.finding import Edit, Finding, Fix, Severity
from checker.kinds.base import Rule
from checker.load.selection import KeywordExpression, matches_any
from checker.plugin.manager import BUILTIN
from checker.read.inputs import STDIN, Source, read_source
from checker.read.records import Record
from checker.text.article import Article

if TYPE_CHECKING:  # pragma: no cover
    from checker.cache.results import ResultCache
    from checker.engine.fix import Snapshot

UNUSED_SUPPRESSION = "unused-suppression"
PARSE_PROBLEM = "parse-error"


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    duration: float = 0.0
    #: Fixes applied (``--fix``) or that would be applied (``--diff``).
    fixed: int = 0
    #: The unified diff of those fixes.
    diff: str = ""
    #: The fixed text of standard input, to be written to standard output.
    fixed_text: str | None = None
    #: The findings came from the results cache.
    cached: bool = False
    #: The text the findings' offsets refer to (after fixes), when a report needs it.
    text: str | None = None
    #: Seconds each rule spent on this input (``--timings``).
    timings: dict[str, float] | None = None
    #: For a record of a multi-article file: the file that holds it. ``path`` is then the
    #: record's name (``dump.jsonl#42``), a name that is never read as a path.
    file: str | None = None
    #: How the input was read, when not as usual (an HTML page its extractor could not read):
    #: the article's ``reading_notes``. Said once per run on standard error; an editor shows them.
    notes: list[str] = field(default_factory=list)


@dataclass
class Summary:
    files: int = 0
    files_with_findings: int = 0
    errors: int = 0
    findings: int = 0
    fixed: int = 0
    fixable: dict[str, int] = field(default_factory=lambda: {"safe": 0, "unsafe": 0})
    by_severity: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})
    by_category: dict[str, int] = field(default_factory=dict)
    by_rule: dict[str, int] = field(default_factory=dict)
    #: Each rule's findings with a fix, by applicability ("safe", "unsafe"): ``--statistics``.
    fixable_by_rule: dict[str, dict[str, int]] = field(default_factory=dict)
    #: Each rule's worst severity among its findings (a ``--severity`` override shows).
    worst_by_rule: dict[str, Severity] = field(default_factory=dict)
    #: Seconds per rule over all inputs (``--timings``).
    rule_seconds: dict[str, float] = field(default_factory=dict)
    #: Findings a baseline accepted, left out of the others (``checker.filter.baseline``).
    baselined: int = 0

    def add(self, result: FileResult) -> None:
        self.files += 1
        for rule, seconds in (result.timings or {}).items():
            self.rule_seconds[rule] = self.rule_seconds.get(rule, 0.0) + seconds
        if result.error:
            self.errors += 1
        if result.findings:
            self.files_with_findings += 1
        self.fixed += result.fixed
        for finding in result.findings:
            self.findings += 1
            if finding.fix is not None:
                self.fixable[finding.fix.applicability] += 1
            self.by_severity[str(finding.severity)] += 1
            self.by_category[finding.category] = self.by_category.get(finding.category, 0) + 1
            self.by_rule[finding.rule] = self.by_rule.get(finding.rule, 0) + 1
            if finding.fix is not None:
                fixable = self.fixable_by_rule.setdefault(finding.rule, {"safe": 0, "unsafe": 0})
                fixable[finding.fix.applicability] += 1
            worst = self.worst_by_rule.get(finding.rule)
            if worst is None or finding.severity > worst:
                self.worst_by_rule[finding.rule] = finding.severity

    def rule_rows(self) -> list[RuleCount]:
        """One row per rule that made findings, most findings first (then by id): what
        ``--statistics`` and the GitHub job summary list."""
        return [RuleCount(rule, count, str(self.worst_by_rule.get(rule, Severity.INFO)),
                          self.fixable_by_rule.get(rule, {}).get("safe", 0),
                          self.fixable_by_rule.get(rule, {}).get("unsafe", 0))
                for rule, count in sorted(self.by_rule.items(), key=lambda item: (-item[1], item[0]))]


class RuleCount(NamedTuple):
    """A rule's findings in a run: how many, its worst severity, and how many ``--fix`` (safe)
    and ``--unsafe-fixes`` (unsafe) would fix."""

    rule: str
    count: int
    severity: str
    safe: int
    unsafe: int


class Session:
    def __init__(self, config: Config, pm: pluggy.PluginManager) -> None:
        self.config = config
        self.pm = pm
        self.rules: list[Rule] = []
        #: Every rule collected, those the selection leaves out (off by default, ignored) too.
        self.collected: list[Rule] = []
        self.kinds: dict[str, type[Rule]] = {}
        self.summary = Summary()
        self.started = time.perf_counter()
        self.duration = 0.0
        #: How the run ended (``checker.engine.run.exit_code``), set before the report ends.
        self.exit_code = ExitCode.OK
        self.worst_failing = False
        self.input_format: str | None = getattr(config.options, "input_format", None)
        self.notes: list[str] = []
        #: Worker processes this run checks in (1: this process; the command line decides).
        self.jobs = 1
        #: The folder the session was built in (None: the current one); spawned workers build
        #: theirs from the same options in the same folder.
        self.cwd: str | None = None
        #: Each plugin's part of a hook runs on its own (``checker.engine.isolation``).
        self.isolation = Isolation(config)
        self.isolation.guard(pm)
        self._cache: ResultCache | bool | None = False  # False: not opened yet

    # ---- rules -------------------------------------------------------------------------
    def collect_kinds(self) -> dict[str, type[Rule]]:
        """The rule kinds of every plugin by name. A plugin's kind replaces a built-in one of
        the same name; two other plugins registering one name is a configuration problem
        naming both (the one called first keeps the name)."""
        self.isolation.returned = []
        try:
            provided = self.pm.hook.checker_rule_kinds()
        except Exception as error:  # a hook wrapper: the implementations are guarded one by one
            self.config.problem("plugin", f"checker_rule_kinds raised {type(error).__name__}: {error}; "
                                          f"no rule kinds are registered")
            provided = []
        finally:
            returned, self.isolation.returned = self.isolation.returned, None
        kinds: dict[str, type[Rule]] = {}
        owners: dict[str, str] = {}
        for registered in provided:
            owner = next((plugin for plugin, result in returned if result is registered), "a hook wrapper")
            for name, kind in (registered or {}).items():
                if name not in kinds or owners[name] == BUILTIN:
                    kinds[name], owners[name] = kind, owner
                elif kinds[name] is not kind and owner != BUILTIN:
                    self.config.problem("config", f"rule kind {name!r} is registered by two plugins, "
                                                  f"{owners[name]!r} and {owner!r}")
        self.kinds = kinds
        return kinds

    def collect_rules(self) -> list[Rule]:
        kinds = self.collect_kinds()
        try:
            provided = self.pm.hook.checker_collect_rules(config=self.config, kinds=kinds)
        except Exception as error:  # a hook wrapper: the implementations are guarded one by one
            self.config.problem("plugin", f"checker_collect_rules raised {type(error).__name__}: {error}; "
                                          f"no rules are collected")
            provided = []
        collected = self.apply_rule_options([rule for rules in provided for rule in rules or []])
        self.collected = collected
        self.rules = self.select(collected)
        self.check_selection(collected, self.rules)
        for rule in self.rules:
            rule.timeout = self.config.regex_timeout
        return self.rules

    def apply_rule_options(self, rules: list[Rule]) -> list[Rule]:
        """The rules with the configuration's ``rule-options`` set: each rule named there is
        built again from its definition with those options in place, so its kind checks them
        as it checks a rule file. A rule id that names no collected rule, an option its kind
        does not have, or a value of the wrong type is a usage error naming the setting."""
        wanted = self.config.rule_options
        if not wanted:
            return rules
        source = str(self.config.config_file) if self.config.config_file else None
        place = {rule.id: index for index, rule in enumerate(rules)}
        changed = list(rules)
        for rule_id, values in wanted.items():
            if rule_id not in place:
                close = difflib.get_close_matches(rule_id, list(place), n=3)
                hint = f" (did you mean {', '.join(close)}?)" if close else ""
                raise UsageError(f"rule-options: no rule '{rule_id}' is collected{hint}", source=source)
            rule = rules[place[rule_id]]
            kind = type(rule)
            own = {*kind.OPTIONS, *(name for options in kind.SELECTED_OPTIONS.values() for name in options)}
            for name in values:
                if name not in own:
                    known = ", ".join(sorted(own)) or "none"
                    raise UsageError(f"rule-options: rule '{rule_id}' (kind {rule.kind}) has no option '{name}' "
                                     f"(its options: {known})", source=source)
            try:
                rebuilt = kind({**rule.spec, **values}, rule.source)
            except RuleError as error:
                raise UsageError(f"rule-options: {str(error).removeprefix(f'{rule.source}: ')}",
                                 source=source) from None
            rebuilt.builtin = rule.builtin
            rebuilt.configured = dict(values)
            changed[place[rule_id]] = rebuilt
        return changed

    def select(self, rules: list[Rule]) -> list[Rule]:
        options = self.config.options
        keyword = getattr(options, "keyword", None)
        expression = KeywordExpression(keyword) if keyword else None
        categories = set(getattr(options, "category", None) or [])
        chosen = []
        for rule in rules:
            names = [rule.category, rule.kind, *rule.tags]
            if not rule.enabled and not matches_any(rule.id, rule.category, self.config.select):
                continue
            if self.config.select and not matches_any(rule.id, rule.category, self.config.select):
                continue
            if matches_any(rule.id, rule.category, self.config.ignore):
                continue
            if categories and not categories & set(names):
                continue
            if expression and not expression.matches(names, rule.id):
                continue
            chosen.append(rule)
        return chosen

    def check_selection(self, collected: list[Rule], chosen: list[Rule]) -> None:
        """A selection that names nothing is a mistake, not a clean run: each ``select``
        pattern must name a collected rule (by id, glob or category), and some rule must be
        left to run. With rules left, the run goes on and ends as a configuration error
        (exit 4); with none, it stops at once with the line that says why (unless problems
        while loading, a broken rule file say, may be the cause: then they are reported too)."""
        message = self._unmatched_select(collected)
        if not chosen and not message:
            message = self._why_no_rules(collected)
        if not message:
            return
        if chosen or self.config.problems:
            self.config.problem("config", message)
            return
        raise UsageError(message)

    def _sources(self, setting: str) -> tuple[list[str], list[str]]:
        """A select or ignore list split by where it was given: the command line (or option
        values), then the configuration file (``build_config`` puts the file's first)."""
        given = list(getattr(self.config.options, setting, None) or [])
        merged = getattr(self.config, setting)
        return given, merged[: len(merged) - len(given)]

    def _where(self, setting: str, patterns: list[str], in_file: bool) -> str:
        quoted = ", ".join(repr(pattern) for pattern in patterns)
        if not in_file:
            return f"--{setting} {quoted}"
        return f"{setting}: {quoted} in {self.config.config_file or 'the configuration'}"

    def _unmatched_select(self, collected: list[Rule]) -> str:
        given, in_file = self._sources("select")
        parts = []
        for patterns, from_file in ((given, False), (in_file, True)):
            unmatched = [pattern for pattern in dict.fromkeys(patterns)
                         if not any(matches_any(rule.id, rule.category, [pattern]) for rule in collected)]
            if unmatched:
                verb = "matches" if len(unmatched) == 1 else "match"
                parts.append(f"{self._where('select', unmatched, from_file)} {verb} no rule id, glob or category")
        return "; ".join(parts)

    def _why_no_rules(self, collected: list[Rule]) -> str:
        if not collected:
            if any(hook.plugin_name != BUILTIN for hook in self.pm.hook.checker_check_article.get_hookimpls()):
                return ""  # a plugin checks articles without rules of its own
            if not self.config.builtin_rules:
                return ("no rules to run: the built-in rules are off (--no-builtin-rules or builtin-rules: false) "
                        "and no other rules were collected (add --rules DIR)")
            return "no rules to run: no rules were collected"
        options = self.config.options
        keyword = getattr(options, "keyword", None)
        if keyword and not any(KeywordExpression(keyword).matches([rule.category, rule.kind, *rule.tags], rule.id)
                               for rule in collected):
            return f"-k {keyword!r} matches no rule"
        categories = set(getattr(options, "category", None) or [])
        if categories and not any(categories & {rule.category, rule.kind, *rule.tags} for rule in collected):
            return f"-m/--category {', '.join(repr(c) for c in sorted(categories))} matches no rule category or tag"
        pieces = []
        for setting in ("select", "ignore"):
            given, in_file = self._sources(setting)
            pieces += [self._where(setting, patterns, from_file)
                       for patterns, from_file in ((in_file, True), (given, False)) if patterns]
        if categories:
            pieces.append(f"-m {', '.join(repr(c) for c in sorted(categories))}")
        if keyword:
            pieces.append(f"-k {keyword!r}")
        selection = f"the selection ({'; '.join(pieces)})" if pieces else "the selection"
        return f"no rules left to run: {selection} leaves none of the {len(collected)} rules collected"

    # ---- files -------------------------------------------------------------------------
    def display_path(self, path: str) -> str:
        return self.config.display_name(path)

    def check_input(self, path: str, *, fix: bool = False, unsafe: bool = False,
                    write: bool = True) -> Iterator[FileResult]:
        """The results of one input: one for an article file, one per record of a file that
        holds many (JSON Lines, JSON), read lazily. Records are never fixed in place."""
        records = self.records_of(path, fix=fix)
        if records is None:
            yield self.check_path(path, fix=fix, unsafe=unsafe, write=write)
            return
        for record in records:
            yield self.check_record(record)

    def records_of(self, path: str, *, fix: bool = False) -> Iterator[Record] | None:
        """The records of an input that holds many articles, or None for an article file.
        A file that cannot be read is one record with an error."""
        name = self.display_path(path)
        try:
            records = self.pm.hook.checker_read_records(path=path, format=self.input_format, config=self.config)
        except Exception as error:
            self.config.problem("plugin", f"{name}: checker_read_records raised {type(error).__name__}: {error}")
            return iter([Record(name, error=f"could not be read: {type(error).__name__}: {error}")])
        if records is None:
            return None
        if fix:
            self.note(f"{name}: records of JSON and JSON Lines files are checked, not fixed")
        # A pipe may be slow to fill; a file that takes the time limit to yield a record is stuck.
        return self._guarded(name, records, 0 if path == STDIN else self.config.time_limit)

    def _guarded(self, name: str, records: Iterable[Record], limit: float) -> Iterator[Record]:
        """The records, each read under the time limit: a reader that hangs ends the file
        with an error, and the run goes on."""
        iterator = iter(records)
        try:
            while True:
                with time_limit(limit, "reading its records"):
                    record = next(iterator, None)
                if record is None:
                    return
                # The record came from this input, whatever its name says: its file is this one.
                yield record if record.file is not None else replace(record, file=name)
        except TimeLimitExceeded as error:
            self.config.problem("plugin", f"{name}: {error}")
            yield Record(name, error=f"could not be read: {error}")
        except InputError as error:
            yield Record(name, error=str(error).removeprefix(f"{name}: "))
        except Exception as error:
            self.config.problem("plugin", f"{name}: reading its records raised {type(error).__name__}: {error}")
            yield Record(name, error=f"could not be read: {type(error).__name__}: {error}")

    def check_record(self, record: Record) -> FileResult:
        started = time.perf_counter()
        file = record.file if record.file is not None else record.name.partition("#")[0]
        if record.error is not None:
            result = FileResult(record.name, error=record.error)
        else:
            result = self.check_text(record.name, record.text, "text", file=file)
        result.file = file if file != record.name else None
        result.duration = time.perf_counter() - started
        return result

    def note(self, message: str) -> None:
        """A remark for the end of the run (standard error), said once."""
        if message not in self.notes:
            self.notes.append(message)

    @property
    def cache(self) -> ResultCache | None:
        if self._cache is False:
            self._cache = None
            if self.config.cache_dir is not None:
                from checker.cache.results import ResultCache, fingerprint

                plugins = [plugin for _, plugin in self.pm.list_name_plugin()]
                stamp = fingerprint(plugins, self.rules, self.config, self.input_format)
                self._cache = ResultCache(self.config.cache_dir, stamp) if stamp else None
        return self._cache  # type: ignore[return-value]

    def check_path(self, path: str, *, fix: bool = False, unsafe: bool = False, write: bool = True) -> FileResult:
        """Read and check one input. With ``fix``, apply its fixes until none is left and
        (``write``) save the result atomically in the file's own encoding; a file that
        cannot be read or parsed, before or after a round of fixes, is never written.
        Without ``fix``, an unchanged file under unchanged rules comes from the cache."""
        started = time.perf_counter()
        name = self.display_path(path)
        before = None
        if fix and write and path != STDIN:
            from checker.engine.fix import snapshot

            # Taken before reading: the file is replaced only if it is still this one.
            before = snapshot(path, self.config.max_size)
        try:
            source = read_source(path, self.config.encoding, self.config.max_size)
        except InputError as error:
            return FileResult(name, error=str(error).removeprefix(f"{name}: "), duration=time.perf_counter() - started)
        # --timings measures the rules, so it runs them: no cached results.
        cache = self.cache if not fix and path != STDIN and not self.config.timings else None
        key = cache.key(name, source.text) if cache is not None else ""
        if cache is not None:
            findings = cache.get(key)
            if findings is not None:
                return FileResult(name, findings=findings, duration=time.perf_counter() - started, cached=True,
                                  text=source.text)
        problems = len(self.config.problems)
        result = self.check_text(name, source.text)
        if fix and result.error is None:
            self._fix(path, source, result, unsafe=unsafe, write=write, before=before)
        if cache is not None and result.error is None and len(self.config.problems) == problems:
            cache.put(key, result.findings)
        result.duration = time.perf_counter() - started
        return result

    def _fix(self, path: str, source: Source, result: FileResult, *, unsafe: bool, write: bool,
             before: Snapshot | None = None) -> None:
        # only a --fix or --diff run needs it
        from checker.engine.fix import FileChanged, NotReplaceable, fix_text, refusal, unified_diff, write_atomic

        if write and path != STDIN:
            reason = refusal(path, self._checked_folder(path))
            if reason is not None:  # checked as it is; the note says why it was not fixed
                self.note(f"{result.path}: checked, not fixed: {reason}")
                return
        try:
            outcome = fix_text(source.text, result.findings, lambda text: self._recheck(result.path, text), unsafe)
        except _FixAborted as error:
            result.error = f"not fixed: {error}"
            return
        found = result.findings
        result.findings, result.fixed = outcome.findings, outcome.applied
        if not outcome.applied:
            return
        result.text = outcome.text
        result.diff = unified_diff(result.path, source.text, outcome.text)
        if write and path == STDIN:
            result.fixed_text = outcome.text
        elif write:
            try:
                write_atomic(path, source.encode(outcome.text), before)
                return
            except FileChanged as error:
                result.error = f"changed during the run ({error}); the fixes were not written, run again"
            except NotReplaceable as error:
                self.note(f"{result.path}: checked, not fixed: {error}")
            except (OSError, UnicodeEncodeError) as error:
                result.error = f"could not write the fixes: {getattr(error, 'strerror', None) or error}"
            # Not written: the findings are those of the file as it was read.
            result.findings, result.fixed, result.text, result.diff = found, 0, source.text, ""

    def fixed(self, name: str, text: str, findings: list[Finding], unsafe: bool = False) -> tuple[str, int] | None:
        """``text`` with its fixes applied round by round as ``--fix`` applies them (safe ones,
        and unsafe ones too when ``unsafe``), and how many were applied; None when a round's
        text could not be checked. For an editor's "fix all": nothing is read or written."""
        from checker.engine.fix import fix_text  # only a run that fixes needs it

        try:
            outcome = fix_text(text, findings, lambda changed: self._recheck(name, changed), unsafe)
        except _FixAborted:
            return None
        return outcome.text, outcome.applied

    def _checked_folder(self, path: str) -> str | None:
        """The real path of the folder ``path`` was found in (a folder named on the command
        line) or named in (a file named on the command line): the tree ``--fix`` may write
        in. A symbolic link out of it is not followed."""
        for argument in getattr(self.config.options, "paths", None) or []:
            if argument == STDIN:
                continue
            if path == argument:
                return os.path.realpath(os.path.dirname(os.path.abspath(argument)))
            if path.startswith(os.path.join(argument, "")):
                return os.path.realpath(argument)
        return os.path.realpath(os.path.dirname(os.path.abspath(path)))

    def _recheck(self, name: str, text: str) -> list[Finding]:
        result = self.check_text(name, text)
        if result.error:
            raise _FixAborted(f"the fixed text {result.error}")
        return result.findings

    def parse(self, name: str, text: str, format: str | None = None) -> Article | None:
        with time_limit(self.config.time_limit, "parsing"):
            return self.pm.hook.checker_parse_article(path=name, text=text, format=format or self.input_format)

    def check_text(self, name: str, text: str, format: str | None = None, *, file: str | None = None) -> FileResult:
        """Parse and check ``text`` as the article ``name``. ``file``: the file a record of a
        multi-article file came from, which per-path settings match instead of the name."""
        try:
            article = self.parse(name, text, format)
        except Exception as error:
            self.config.problem("plugin", f"{name}: parsing failed: {type(error).__name__}: {error}")
            return FileResult(name, error=f"could not be parsed: {type(error).__name__}: {error}")
        if article is None:
            return FileResult(name, error=f"no parser for format {self.input_format or 'of this file'}")
        for note in article.reading_notes:
            self.note(f"{name}: {note}")
        notes = list(article.reading_notes)
        if not self.config.timings:
            return FileResult(name, findings=self.check_article(article, file=file), text=text, notes=notes)
        self.config.rule_timings = {}
        findings = self.check_article(article, file=file)
        return FileResult(name, findings=findings, text=text, timings=self.config.rule_timings, notes=notes)

    def check_article(self, article: Article, *, file: str | None = None) -> list[Finding]:
        self.isolation.where = f"{article.path}: "
        try:
            provided = self.pm.hook.checker_check_article(article=article, rules=self.rules, config=self.config)
        except Exception as error:  # a hook wrapper: the implementations are guarded one by one
            self.config.problem("plugin", f"{article.path}: checker_check_article raised {type(error).__name__}: "
                                          f"{error}; the findings for this file are lost")
            provided = []
        finally:
            self.isolation.where = ""
        findings = [finding for found in provided for finding in found or []]
        try:
            with time_limit(self.config.time_limit, "checker_process_findings"):
                self.pm.hook.checker_process_findings(article=article, findings=findings, config=self.config)
        except Exception as error:
            self.config.problem("plugin", f"{article.path}: checker_process_findings raised "
                                          f"{type(error).__name__}: {error}")
        return self.filter(article, findings, file=file)

    def filter(self, article: Article, findings: list[Finding], *, file: str | None = None) -> list[Finding]:
        """Suppressions, per-path ignores (matched against ``file``, the file a record came
        from, or else the article's path), severity overrides, one finding for a line two
        boilerplate rules flag (``checker.filter.overlap``) and the session's own findings."""
        suppressions = parse_suppressions(article)
        findings = apply_suppressions(findings, suppressions)
        path = file if file is not None else article.path
        ignored = [rule for pattern, rules in self.config.per_path_ignores.items()
                   if self._path_matches(path, pattern) for rule in rules]
        if ignored:
            findings = [f for f in findings if not matches_any(f.rule, f.category, ignored)]
        if self.config.severity:
            findings = [self._override(f) for f in findings]
        findings = merge_overlapping_furniture(findings)
        if self.config.warn_unused_suppressions:
            for suppression in suppressions:
                if not suppression.used:
                    start, end = suppression.directive
                    fix = None
                    if article.editable:
                        cut = article.removal_span(start, end)
                        fix = Fix("safe", "Remove the unused suppression", (Edit(article.location(*cut), ""),))
                    findings.append(Finding(
                        rule=UNUSED_SUPPRESSION, category="style", severity=Severity.WARNING,
                        message="this suppression suppresses nothing; remove it",
                        location=article.file_location(start, end), suggestions=("",), fix=fix,
                    ))
        for message, start, end in article.parse_notes:
            findings.append(Finding(rule=PARSE_PROBLEM, category="metadata", severity=Severity.ERROR,
                                    message=message, location=article.location(start, end)))
        unique = {(f.rule, f.location.offset, f.location.length, f.message): f for f in findings}
        return sorted(unique.values(), key=Finding.sort_key)

    def _path_matches(self, path: str, pattern: str) -> bool:
        """Per-path patterns are relative to the configuration file's folder. ``path`` is a
        file's path: a record is matched through the file that holds it (``dump.jsonl``),
        never through its name, whose id could say ``x/../../archive/y``."""
        candidates = [path]
        if path != self.config.stdin_filename:
            candidates.append(os.path.relpath(os.path.abspath(path), self.config.root))
        return any(fnmatch.fnmatch(c.replace(os.sep, "/"), pattern) for c in candidates)

    def _override(self, finding: Finding) -> Finding:
        for key in (finding.rule, finding.category):
            if key in self.config.severity:
                return finding.with_severity(self.config.severity[key])
        return finding

    # ---- outcome -----------------------------------------------------------------------
    def record(self, result: FileResult) -> None:
        self.summary.add(result)
        if any(f.severity >= self.config.fail_on for f in result.findings):
            self.worst_failing = True


class _FixAborted(Exception):
    """The text after a round of fixes could not be checked; nothing is written."""

