"""The options of a run: the command-line parser, and an options namespace filled with the
parser's defaults for a caller that has option values rather than a command line (the
language server, ``checker.dask`` with a mapping, a program that embeds the checker).

Plugins add options (``checker_addoption``), so the parser a run uses is ``base_parser()``
plus theirs; ``checker.engine.run`` builds it once the plugins are loaded.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from typing import Any

from checker.about import __version__
from checker.errors import UsageError
from checker.read.html_reading import EXTRACTORS

EPILOG = """exit codes: 0 nothing at or above the fail threshold; 1 findings at or above it;
2 interrupted; 3 internal error (a bug, a crashing plugin or rule); 4 usage, configuration
or rule-file error; 5 no input files; 6 some inputs could not be read (the others were checked).
also: checker trust PATH (let local code of a folder run; --list, --revoke), checker lsp (the language server),
checker learn-furniture ARCHIVE... -o FILE (a rule file of the lines each site repeats)."""


def _comma_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


class _Extend(argparse.Action):
    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        current = list(getattr(namespace, self.dest, None) or [])
        current.extend(_comma_list(values))
        setattr(namespace, self.dest, current)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def base_parser(add_help: bool = True) -> argparse.ArgumentParser:
    """The options of a check run, before plugins add theirs. ``add_help=False`` for the early
    parse that finds the plugins to load: ``--help`` is answered once they have added their
    options, or it would list none of them."""
    parser = _Parser(prog="checker", description="Check news articles for duplicates, scraped boilerplate, "
                     "spinner artifacts, inconsistent names and contradictions.", epilog=EPILOG, add_help=add_help)
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to check; - reads standard input")
    parser.add_argument("--version", action="version", version=f"checker {__version__}")
    out = parser.add_argument_group("output")
    out.add_argument("-f", "--format", default="text",
                     help="output format: text, json, sarif, github, junit, html, or one a plugin adds")
    out.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of standard output")
    out.add_argument("-q", "--quiet", action="store_true", help="text format: only the findings")
    out.add_argument("--show-source", action="store_true",
                     help="text format: under each finding, its line of the article, cut around it and underlined")
    out.add_argument("--statistics", action="store_true",
                     help="text format: instead of each finding, how many each rule made and how many --fix fixes")
    out.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    out.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    sel = parser.add_argument_group("rule selection")
    sel.add_argument("-k", dest="keyword", metavar="EXPR", help="select rules by id substring, tag or category: "
                     "'dup and not headline'")
    sel.add_argument("-m", "--category", action=_Extend, metavar="NAME", help="only rules of these categories or tags")
    sel.add_argument("--select", action=_Extend, metavar="RULES", help="only these rule ids, globs or categories")
    sel.add_argument("--ignore", action=_Extend, metavar="RULES", help="skip these rule ids, globs or categories")
    sel.add_argument("--severity", dest="severity_override", action="append", metavar="RULE=LEVEL",
                     help="override a rule's (or category's) severity")
    sel.add_argument("--rules", action="append", metavar="DIR", help="add a folder of YAML rules")
    sel.add_argument("--no-builtin-rules", action="store_true", help="do not load the built-in rule pack")
    sel.add_argument("--list-rules", "--collect-only", dest="list_rules", action="store_true",
                     help="list the collected rules and exit")
    run = parser.add_argument_group("run")
    run.add_argument("--fail-on", choices=["error", "warning", "info"],
                     help="lowest severity that fails (default error)")
    run.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail the threshold")
    run.add_argument("-p", dest="plugins", action="append", default=[], metavar="NAME",
                     help="load plugin NAME (module or entry point); -p no:NAME disables one")
    run.add_argument("-c", "--config", metavar="FILE", help="use this configuration file")
    run.add_argument("--no-config", action="store_true", help="ignore configuration files")
    run.add_argument("--no-local-plugins", action="store_true",
                     help="run local code (checkerconf.py, plugins: modules that are not installed) only from "
                     "folders trusted with 'checker trust PATH'; for CI on outside contributions (also "
                     "CHECKER_NO_LOCAL_PLUGINS=1)")
    # The language server's: folders whose local code the editor trusts; given, only trusted code runs.
    run.add_argument("--trusted-folder", dest="trusted_folders", action="append", default=None,
                     help=argparse.SUPPRESS)
    run.add_argument("--stdin-filename", metavar="NAME", help="name to report for standard input")
    run.add_argument("--input-format", metavar="FORMAT", help="parse every input as this format (text, markdown, ...)")
    run.add_argument("--encoding", default="utf-8", help="encoding of the inputs (default utf-8)")
    run.add_argument("--html-extractor", choices=list(EXTRACTORS),
                     help="who finds the article in an HTML page: trafilatura (default) or the markup rules "
                     "(first <article>, <main> or <body>)")
    run.add_argument("--html-comments", action="store_true",
                     help="read an HTML page's comment section as article text (with trafilatura)")
    run.add_argument("--warn-unused-suppressions", action="store_true",
                     help="report suppressions that suppressed nothing")
    run.add_argument("--baseline", metavar="FILE",
                     help="hide the findings FILE accepts (written by --write-baseline): report only new ones")
    run.add_argument("--no-baseline", action="store_true", help="ignore the configuration's baseline")
    run.add_argument("--write-baseline", metavar="FILE",
                     help="accept this run's findings: write them to FILE as a baseline (atomically) and hide them")
    fix = parser.add_argument_group("fixes")
    fix.add_argument("--fix", action="store_true", help="apply safe fixes to the files (written atomically); "
                     "with - the fixed text goes to standard output and the report to standard error")
    fix.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff: apply unsafe fixes too")
    fix.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing "
                     "(exit 1 when there is something to fix)")
    run.add_argument("--regex-timeout", type=float, metavar="SECONDS",
                     help="time limit of one rule pattern on one text")
    run.add_argument("--timings", action="store_true",
                     help="time each rule; the text report lists the slowest, the HTML report charts them")
    run.add_argument("--time-limit", type=float, metavar="SECONDS",
                     help="time one rule or plugin hook may spend on one article (default 30; 0: none)")
    run.add_argument("--max-size", metavar="SIZE",
                     help="skip inputs larger than SIZE, after decompression (default 25MB; 0: no limit)")
    run.add_argument("--field", action="append", metavar="PART=NAME",
                     help="JSON/JSON Lines inputs: the record field holding PART (id, headline, body, published, "
                     "url, byline); NAME may be dotted (content.rendered) or a comma-separated list to try")
    batch = parser.add_argument_group("batch runs")
    batch.add_argument("-j", "--jobs", metavar="N", help="check in N worker processes (auto: one per CPU); "
                       "results and their order are those of a serial run")
    batch.add_argument("--no-cache", action="store_true", help="neither read nor write the results cache")
    batch.add_argument("--cache-dir", metavar="DIR", help="results cache folder (default .checker_cache beside the "
                       "configuration file; also CHECKER_CACHE_DIR)")
    batch.add_argument("--no-progress", action="store_true", help="no progress line on standard error")
    return parser


def options_from(values: Mapping[str, Any], parser: argparse.ArgumentParser, *,
                 ignore_unknown: bool = False) -> argparse.Namespace:
    """The options namespace a command line giving ``values`` would parse to: every option
    ``parser`` knows at its default, then ``values`` by destination name (``no_cache``,
    ``select``, ``plugins``; lists for the options that collect several). A name the parser
    does not know is a usage error, as an unknown command-line option is, unless
    ``ignore_unknown`` (a plugin's option, before the plugins have added theirs)."""
    defaults = {action.dest: action.default for action in parser._actions
                if action.dest != argparse.SUPPRESS and action.default != argparse.SUPPRESS}
    unknown = sorted(set(values) - set(defaults))
    if unknown and not ignore_unknown:
        raise UsageError(f"unknown option{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}")
    values = {name: value for name, value in values.items() if name not in unknown}
    # Each option gets its own copy of a list default, as parsing a command line gives it.
    filled = {name: list(value) if isinstance(value, list) else value for name, value in defaults.items()}
    filled["paths"] = []
    filled.update(values)
    return argparse.Namespace(**filled)
