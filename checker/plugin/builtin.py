"""The checker's own features, registered through the same hooks a plugin uses."""

from __future__ import annotations

import importlib
import os
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from checker.config.settings import Config
from checker.engine.watchdog import Overrun, time_limit
from checker.finding import Finding
from checker.kinds.base import Rule
from checker.kinds.capitalization import CapitalizationRule
from checker.kinds.conditional import ConditionalRule
from checker.kinds.consistency import ConsistencyRule
from checker.kinds.duplicate import DuplicateRule
from checker.kinds.existence import ExistenceRule
from checker.kinds.occurrence import OccurrenceRule
from checker.kinds.repetition import RepetitionRule
from checker.kinds.substitution import SubstitutionRule
from checker.load.collect import builtin_rules_dir, check_unique, load_rules
from checker.patterns.limits import RuleTimeout
from checker.plugin.markers import hookimpl
from checker.read.html_reading import DEFAULT_READING, HtmlReading
from checker.text.article import Article

if TYPE_CHECKING:  # pragma: no cover
    from checker.read.records import Record

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
JSON_SUFFIXES = (".json",)
KNOWN_SUFFIXES = frozenset((*TEXT_SUFFIXES, *MARKDOWN_SUFFIXES, *HTML_SUFFIXES, *JSONL_SUFFIXES, *JSON_SUFFIXES))


@hookimpl
def checker_rule_kinds() -> dict[str, type[Rule]]:
    from checker.kinds.about_section import AboutSectionRule
    from checker.kinds.author_box import AuthorBoxRule
    from checker.kinds.boilerplate import BoilerplateRule
    from checker.kinds.contradiction.kind import ContradictionRule
    from checker.kinds.furniture import FurnitureRule
    from checker.kinds.glued_lines import GluedLinesRule
    from checker.kinds.link_list import LinkListRule
    from checker.kinds.metadata import MetadataRule
    from checker.kinds.mixed_script import MixedScriptRule
    from checker.kinds.site_furniture import SiteFurnitureRule
    from checker.kinds.state_adjective import StateAdjectiveRule
    from checker.kinds.swapped_name import SwappedNameRule
    from checker.kinds.twin_lines import TwinLinesRule
    from checker.kinds.variants import VariantsRule

    kinds: list[type[Rule]] = [
        ExistenceRule, SubstitutionRule, OccurrenceRule, RepetitionRule, ConsistencyRule,
        ConditionalRule, CapitalizationRule, DuplicateRule, BoilerplateRule, MetadataRule, SwappedNameRule,
        VariantsRule, ContradictionRule, FurnitureRule, StateAdjectiveRule, SiteFurnitureRule, AuthorBoxRule,
        TwinLinesRule, GluedLinesRule, LinkListRule, AboutSectionRule, MixedScriptRule,
    ]
    return {kind.name: kind for kind in kinds}


@hookimpl
def checker_collect_rules(config: Config, kinds: dict[str, type[Rule]]) -> list[Rule]:
    folders = ([builtin_rules_dir()] if config.builtin_rules else []) + list(config.rule_dirs)
    rules, errors = load_rules(folders, kinds)
    if config.builtin_rules:
        builtin = os.path.join(builtin_rules_dir(), "")
        for rule in rules:
            rule.builtin = rule.source.startswith(builtin)
    rules, duplicates = check_unique(rules)
    for error in errors + duplicates:
        config.problem("rule", str(error))
    return rules


@hookimpl
def checker_input_suffixes() -> list[str]:
    plain = [*TEXT_SUFFIXES, *MARKDOWN_SUFFIXES, *HTML_SUFFIXES, *JSONL_SUFFIXES, *JSON_SUFFIXES]
    return plain + [suffix + ".gz" for suffix in plain]


@hookimpl(trylast=True)
def checker_read_records(path: str, format: str | None, config: Config) -> Iterator[Record] | None:
    format = format or (None if path == "-" else format_of(path))
    if format not in ("jsonl", "json"):
        return None
    from checker.read.records import read_json, read_jsonl

    display = config.display_name(path)
    reader = read_jsonl if format == "jsonl" else read_json
    return reader(path, display, config.fields, config.encoding, config.max_size, html=config.html)


@hookimpl
def checker_configure(config: Config) -> None:
    for plugin in config.pluginmanager.get_plugins() if config.pluginmanager is not None else ():
        if isinstance(plugin, HtmlPages):
            plugin.reading = config.html


class HtmlPages:
    """HTML pages read as the configuration says (``html-extractor``, ``html-comments``; set
    by ``checker_configure``). Registered just before this module, so of the built-in
    parsers (``trylast``: after any plugin's) it is asked first; this module's own
    ``checker_parse_article`` reads pages with the defaults where it is not registered."""

    def __init__(self, reading: HtmlReading = DEFAULT_READING) -> None:
        self.reading = reading

    @hookimpl(trylast=True)
    def checker_parse_article(self, path: str, text: str, format: str | None) -> Article | None:
        if (format or format_of(path)) != "html":
            return None
        from checker.read.parsers.html import parse_html

        return parse_html(path, text, self.reading)


@hookimpl(trylast=True)
def checker_parse_article(path: str, text: str, format: str | None) -> Article | None:
    if format is None:
        format = format_of(path)
    if format == "markdown":
        from checker.read.parsers.markdown import parse_markdown

        return parse_markdown(path, text)
    if format == "html":
        from checker.read.parsers.html import parse_html

        return parse_html(path, text)
    if format == "text":
        from checker.read.parsers.text import parse_text

        return parse_text(path, text)
    return None


def format_of(path: str) -> str:
    """The built-in format a file name asks for (a ``.gz`` suffix is looked through). A record's
    name (``dump.jsonl#L3``) is read by its file's suffix; a file whose own name holds a ``#``
    (``notes#draft.md``) keeps its suffix."""
    name = path.lower().removesuffix(".gz")
    suffix = os.path.splitext(name)[1]
    cut = name.find("#")
    while suffix not in KNOWN_SUFFIXES and cut != -1:
        suffix = os.path.splitext(name[:cut].removesuffix(".gz"))[1]
        cut = name.find("#", cut + 1)
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in JSON_SUFFIXES:
        return "json"
    return "text"


@hookimpl
def checker_check_article(article: Article, rules: list[Rule], config: Config) -> list[Finding]:
    findings: list[Finding] = []
    timings: dict[str, float] | None = getattr(config, "rule_timings", None)
    with time_limit(config.time_limit, "rules") as limit:  # one timer; each rule gets the full time
        # The built-in patterns are ours and tested on hostile text: where the timer guards each
        # rule, they run without the regex module's own timeout, which costs a clock reading per
        # search and per match (a quarter of some rules' time). A team's patterns keep theirs.
        builtin_timeout = None if limit.active else config.regex_timeout
        for rule in rules:
            started = time.perf_counter()
            if rule.builtin:
                rule.timeout = builtin_timeout
            limit.restart(f"rule {rule.id} ({rule.source})")
            try:
                # Most rules cannot match most articles: the seam's pre-check spares them the read.
                if rule.might_match(article):
                    findings.extend(rule.check(article))
            except RuleTimeout as error:
                config.problem("rule", f"{article.path}: {error}; the rule was skipped for this file")
            except Overrun as overrun:
                config.problem("rule", f"{article.path}: {limit.exceeded(overrun)}; the rule was skipped for this file")
            except Exception as error:
                config.problem("internal", f"{article.path}: rule {rule.id} ({rule.source}) raised "
                                           f"{type(error).__name__}: {error}")
            if timings is not None:
                timings[rule.id] = timings.get(rule.id, 0.0) + time.perf_counter() - started
    return findings


@hookimpl
def checker_process_findings(article: Article, findings: list[Finding]) -> None:
    """One problem, one finding: a boilerplate line that repeats is reported as boilerplate only.

    The line will be removed as boilerplate; saying that it also repeats another line adds
    nothing. A repeated headline is always reported.
    """
    spans = [(f.location.offset, f.location.offset + f.location.length) for f in findings
             if f.category == "boilerplate"]
    if not spans:
        return
    findings[:] = [
        f for f in findings
        if f.category != "duplicate" or f.rule == "duplicate-headline"
        or not any(s <= f.location.offset and f.location.offset + f.location.length <= e for s, e in spans)
    ]


@hookimpl
def checker_output_formats() -> dict[str, Any]:
    reporters = {"text": "TextReporter", "json": "JsonReporter", "sarif": "SarifReporter",
                 "github": "GithubReporter", "junit": "JunitReporter", "html": "HtmlReporter"}
    return {name: _lazy_reporter(name, cls) for name, cls in reporters.items()}


def _lazy_reporter(module: str, name: str) -> Any:
    """A reporter factory that imports its module only when that format is chosen: the
    formats a run does not use cost nothing at start-up."""

    def factory(config: Config, stream: Any) -> Any:
        return getattr(importlib.import_module(f"checker.report.{module}"), name)(config, stream)

    factory.__qualname__ = name
    return factory
