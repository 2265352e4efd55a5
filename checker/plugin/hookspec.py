"""Hook specifications: the API a plugin implements.

Every hook name starts with ``checker_``. Implementations may accept fewer arguments than
the specification lists, so new arguments can be added without breaking plugins. Hooks run
in the order of a run: options, configure, rule kinds, rules, then for each file parse,
check and process findings, then output formats and session finish. The checker's own
parsers, rule kinds and reporters are registered through these same hooks
(``checker.plugin.builtin``), so a plugin can replace or extend any of them.

Every hook is called through pluggy (``pm.hook``), so ``tryfirst``/``trylast`` order the
implementations and a ``wrapper=True`` (or old-style ``hookwrapper=True``) implementation
sees and may change the others' results. In ``checker_rule_kinds``,
``checker_collect_rules`` and ``checker_check_article`` each implementation runs on its
own (``checker.engine.isolation``): one that raises or runs past the time limit is
reported with its plugin's name, its part is left out, and the others still run. Wrappers
are not isolated: one that raises fails the whole hook call, which is reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from checker.plugin.markers import hookspec

if TYPE_CHECKING:  # pragma: no cover
    import argparse

    from checker.config.settings import Config
    from checker.engine.session import Session
    from checker.finding import Finding
    from checker.kinds.base import Rule
    from checker.read.records import Record
    from checker.text.article import Article


# ---- start-up --------------------------------------------------------------------------
@hookspec
def checker_addoption(parser: argparse.ArgumentParser) -> None:
    """Add command-line options. Called once, before the command line is parsed.

    ``parser`` is an ``argparse.ArgumentParser``; add a group for your plugin's options.
    The parsed values are in ``config.options`` (an ``argparse.Namespace``).
    """


@hookspec
def checker_configure(config: Config) -> None:
    """Called once after the command line and configuration files are read.

    Use it to read your options, validate them (raise ``checker.errors.UsageError`` with a
    one-line message) or register further plugins with ``config.pluginmanager``.
    """


# ---- rules -----------------------------------------------------------------------------
@hookspec
def checker_rule_kinds() -> dict[str, type[Rule]]:
    """Return rule kinds this plugin provides, as ``{kind name: Rule subclass}``.

    Called once per session. A YAML rule's ``kind`` field selects one of these. A plugin may
    replace a built-in kind by registering its name (``{"existence": MyExistence}``): the
    built-in rules of that kind are then built with the plugin's class. Two plugins other
    than the built-in one registering one name with different classes is a configuration
    error (exit 4) naming both; the one called first keeps the name.
    """


@hookspec
def checker_collect_rules(config: Config, kinds: dict[str, type[Rule]]) -> list[Rule]:
    """Return rules to run: YAML rules loaded from directories, or rules built in Python.

    Called once per session. The built-in implementation loads every ``*.yaml``/``*.yml``
    file in the built-in rule folder, the configured rule folders and ``--rules`` folders.
    Selection (``-k``, ``--category``, select/ignore) is applied to the union afterwards,
    which is in call order. Raise ``checker.errors.RuleError`` for a rule file of yours that
    cannot be loaded: it is reported as a rule error (exit 4) and the other rules still run.
    """


# ---- articles --------------------------------------------------------------------------
@hookspec
def checker_input_suffixes() -> list[str]:
    """Return file suffixes (with the dot, e.g. ``".html"``) to collect from folders."""


@hookspec(firstresult=True)
def checker_read_records(path: str, format: str | None, config: Config) -> Iterable[Record] | None:
    """Split an input that holds many articles (JSON Lines, a JSON array) into records.

    Return an iterable of ``checker.read.records.Record`` (a name such as ``dump.jsonl#42`` and
    the article's text, or an error for a record that could not be read), or None when the
    input is one article. Iterate lazily: archives can hold millions of records. Each
    record's text goes through ``checker_parse_article`` as a text article.
    """


@hookspec(firstresult=True)
def checker_parse_article(path: str, text: str, format: str | None) -> Article | None:
    """Turn decoded file text into an ``Article``; first non-None result wins.

    ``format`` is the format asked for on the command line (``--input-format``) or None to
    decide from the file name. Return None to let another parser try. Plugins run before
    the built-in parsers, so a plugin can take over a suffix.
    """


@hookspec
def checker_check_article(article: Article, rules: list[Rule], config: Config) -> list[Finding] | None:
    """Check one article and return findings.

    Called once per article. The built-in implementation runs the collected rules, each
    under the time limit on its own; a plugin can contribute findings from Python code, and
    its implementation is limited as a whole. Each implementation is called on its own: one
    that raises or runs past the limit is reported with the plugin's name and the article's
    path, and the others still run. A ``wrapper=True`` implementation receives the list of
    the others' lists of findings from its ``yield`` and returns the list to use.
    """


@hookspec
def checker_process_findings(article: Article, findings: list[Finding], config: Config) -> None:
    """Filter or change an article's findings in place (like pytest_collection_modifyitems).

    Called after all checks of an article, before suppressions and severity overrides.
    """


# ---- output and end --------------------------------------------------------------------
@hookspec
def checker_output_formats() -> dict[str, Any]:
    """Return output formats as ``{name: factory}``; ``factory(config, stream)`` builds a reporter.

    A reporter has ``start(session)``, ``file_done(result)`` and ``finish(session)``.
    """


@hookspec
def checker_sessionfinish(session: Session, exitstatus: int) -> None:
    """Called once at the end of every run whose session was opened (configured and rules
    collected), with the exit code the run returns: after the report, after ``--list-rules``
    or ``--diff``, and when the run ended early (interrupted, a usage error, a reporter or
    plugin that raised). ``session.exit_code`` holds the same code.
    """
