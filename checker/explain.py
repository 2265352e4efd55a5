"""``checker rule ID...``: a rule's page in the terminal, as ``ruff rule`` gives one: what it
catches, its category, severity, kind and fix, its message and its examples. Built-in rules
and a team's own (the configuration's ``rules:`` folders, ``--rules``, plugins) alike, and
rules that are off by default or ignored by the configuration too: a reader asks about a rule
to decide whether to turn it on. An id may be a glob (``'boilerplate-*'``); an unknown one is a
usage error that names the closest ids.
"""

from __future__ import annotations

import argparse
import difflib
import fnmatch
import json
import sys
from collections.abc import Sequence
from typing import Any

from checker.errors import ExitCode, UsageError

#: Options of the check that decide which rules there are (not which of them run).
COLLECTING = ("config", "no_config", "rules", "no_builtin_rules", "plugins", "no_local_plugins", "debug")


def parser() -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(
        prog="checker rule",
        description="Print what a rule catches, its severity, kind and fix, and its examples (built-in rules and "
                    "the team's own, those turned off too).",
        epilog="exit codes: 0 every rule found; 4 an unknown rule id, or a usage or configuration error")
    result.add_argument("ids", nargs="+", metavar="ID", help="rule ids, or globs ('boilerplate-*')")
    result.add_argument("-f", "--format", choices=("text", "json"), default="text",
                        help="text (the rule's page, Markdown; default) or json")
    result.add_argument("-c", "--config", metavar="FILE", help="use this configuration file")
    result.add_argument("--no-config", action="store_true", help="ignore configuration files")
    result.add_argument("--rules", action="append", metavar="DIR", help="add a folder of YAML rules")
    result.add_argument("--no-builtin-rules", action="store_true", help="leave out the built-in rule pack")
    result.add_argument("-p", dest="plugins", action="append", default=[], metavar="NAME", help="load plugin NAME")
    result.add_argument("--no-local-plugins", action="store_true",
                        help="run local code only from trusted folders (see 'checker trust')")
    result.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    return result


def as_record(rule: Any) -> dict[str, Any]:
    return {"id": rule.id, "kind": rule.kind, "category": rule.category, "severity": str(rule.severity),
            "enabled": bool(rule.enabled), "fix": rule.fix_level, "message": rule.message,
            "description": (rule.description or rule.summary()).strip(),
            "examples": {key: [str(e) for e in rule.examples.get(key, [])] for key in ("bad", "good")},
            "options": settings(rule), "configured": sorted(rule.configured)}


def settings(rule: Any) -> dict[str, Any]:
    """The rule's own options that hold one value (a number, a switch, a word), as in force:
    what ``rule-options`` in the configuration can change. Lists and tables (phrases, a
    vocabulary) are left out: the rule file shows them."""
    return {name: value for name, value in sorted(rule.options.items())
            if value is None or isinstance(value, bool | int | float | str)}


def options_section(rule: Any) -> str:
    """The page's section of the rule's single-valued options; '' when it has none."""
    values = settings(rule)
    if not values:
        return ""
    lines = ["## Options", "", "| option | value |", "|---|---|"]
    for name, value in values.items():
        shown = json.dumps(value, ensure_ascii=False)
        lines.append(f"| `{name}` | `{shown}`{' (set by `rule-options`)' if name in rule.configured else ''} |")
    return "\n".join([*lines, "", f"Change one with `rule-options: {{{rule.id}: {{OPTION: VALUE}}}}` in the "
                                   "configuration.", ""])


def chosen(rules: list[Any], wanted: Sequence[str]) -> list[Any]:
    """The rules ``wanted`` names, in the order asked, each once; an id that names none raises."""
    by_id = {rule.id: rule for rule in rules}
    found: dict[str, Any] = {}
    for name in wanted:
        matches = [by_id[name]] if name in by_id else [by_id[i] for i in sorted(by_id) if fnmatch.fnmatchcase(i, name)]
        if not matches:
            close = difflib.get_close_matches(name, list(by_id), n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else "; see checker --list-rules"
            raise UsageError(f"no rule {name!r}{hint}")
        for rule in matches:
            found.setdefault(rule.id, rule)
    return list(found.values())


def main(argv: Sequence[str]) -> int:
    from checker.engine import subcommand

    options = subcommand.parse(parser(), argv)
    if isinstance(options, ExitCode):
        return options
    from checker.docs import rule_page
    from checker.engine.run import exit_code, say_error

    try:
        session = subcommand.open_session(options, COLLECTING, {})
        rules = chosen(session.collected, options.ids)
    except (Exception, KeyboardInterrupt) as error:
        say_error(error, debug=options.debug)
        return int(exit_code(None, error))
    try:
        if options.format == "json":
            json.dump([as_record(rule) for rule in rules], sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        else:
            sys.stdout.write("\n".join(rule_page(rule) + options_section(rule) for rule in rules))
        sys.stdout.flush()
    except BrokenPipeError:
        return ExitCode.OK  # the reader stopped reading (| head)
    return ExitCode.OK
