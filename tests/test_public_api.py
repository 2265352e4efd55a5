"""The public API (``checker/__init__.py``), tested as a team's plugin sees it.

Each name is imported from ``checker`` and nowhere else, and must be the very object the
engine uses: a plugin's ``Rule`` subclass, ``Finding`` or ``hookimpl`` is then the engine's own.
"""

from __future__ import annotations

import ast
import importlib
import io
import json
import subprocess
import sys
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, run_checker, write

import checker
from checker import (
    Article,
    Edit,
    ExitCode,
    Finding,
    Fix,
    Location,
    Option,
    Reporter,
    Rule,
    RuleError,
    Severity,
    UsageError,
    hookimpl,
)

#: The public API as documented (``checker/__init__.py``, ``docs/plugins.md``). A name that
#: disappears from ``checker`` breaks every plugin that imports it: this list says so first.
API = ["Article", "Edit", "ExitCode", "Finding", "Fix", "Location", "Option", "Reporter", "Rule", "RuleError",
       "Severity", "UsageError", "hookimpl"]
#: What the package says about itself.
ABOUT = ["DOCS_URL", "HOMEPAGE", "PROJECT_NAME", "__version__"]

#: Where the engine keeps each public name.
HOMES = {
    "Article": "checker.text.article",
    "Edit": "checker.finding",
    "ExitCode": "checker.errors",
    "Finding": "checker.finding",
    "Fix": "checker.finding",
    "Location": "checker.finding",
    "Option": "checker.kinds.base",
    "Reporter": "checker.report.protocol",
    "Rule": "checker.kinds.base",
    "RuleError": "checker.errors",
    "Severity": "checker.finding",
    "UsageError": "checker.errors",
    "hookimpl": "checker.plugin.markers",
}

DOCS = ROOT / "docs" / "plugins.md"


def parse(text: str, path: str = "article.txt") -> Article:
    """An article as the engine reads one: through the parser hook."""
    from checker.plugin.builtin import checker_parse_article

    article = checker_parse_article(path=path, text=text, format=None)
    assert article is not None
    return article


class ShoutingRule(Rule):
    """Flags a word written in capitals (``min_length`` letters or more): a kind written with
    public names only, as a team would write one."""

    name = "shouting"
    OPTIONS: typing.ClassVar[dict[str, Option]] = {
        "min_length": Option(int, default=4, help="the fewest capital letters that make a word shouted"),
    }
    PLACEHOLDERS = frozenset({"match", "length"})
    HONOURED = frozenset({"scope", "fix"})

    def setup(self) -> None:
        if self.options["min_length"] < 2:
            raise self.error("must be at least 2", "min_length")
        self.pattern = self.compile(rf"\p{{Lu}}{{{self.options['min_length']},}}", field="min_length")

    def check(self, article: Article) -> Iterator[Finding]:
        for match in self.search_segments(self.pattern, article):
            word = match.group(0)
            yield self.finding(article, match.start(), match.end(), suggestions=[word.capitalize()],
                               length=len(word))


SHOUTING = {"id": "team-shouting", "kind": "shouting", "category": "style",
            "message": "'{match}' is shouted ({length} capitals).", "min_length": 4}

ARTICLE = "Title: Council meets\n\nThe council met on Monday.\n\nThe mayor said the plan was URGENT and fair.\n"


# ---- the names ---------------------------------------------------------------------------
def test_all_lists_exactly_the_documented_names():
    assert sorted(checker.__all__) == sorted(API + ABOUT)


@pytest.mark.parametrize("name", API)
def test_each_name_imports_from_the_package_and_is_the_engines_own(name):
    public = getattr(checker, name)
    assert public is getattr(importlib.import_module(HOMES[name]), name)
    assert HOMES[name] == "checker.plugin.markers" or public.__module__ == HOMES[name]


@pytest.mark.parametrize("name", API + ABOUT)
def test_each_name_is_documented_for_plugin_authors(name):
    assert f"`{name}`" in DOCS.read_text(encoding="utf-8")
    assert name in checker.__doc__ or name in ABOUT


def test_the_engine_builds_the_public_types():
    """What the engine hands a plugin (kinds, articles, findings, fixes, errors) is made of the
    public classes, not of look-alikes."""
    from checker.plugin.builtin import checker_rule_kinds
    from checker.plugin.manager import block_plugins, new_plugin_manager

    assert all(issubclass(kind, Rule) for kind in checker_rule_kinds().values())
    article = parse("Title: Council meets\n\nThe council met on Monday.\n")
    assert isinstance(article, Article)
    existence = checker_rule_kinds()["existence"]({"id": "council", "kind": "existence", "category": "style",
                                                    "message": "{match}", "tokens": ["council"]})
    found = list(existence.check(article))
    assert found and all(isinstance(f, Finding) and isinstance(f.location, Location) for f in found)
    assert isinstance(found[0].severity, Severity)
    with pytest.raises(UsageError):
        block_plugins(new_plugin_manager(), ["no:builtin"])
    assert issubclass(RuleError, Exception) and RuleError.exit_code == ExitCode.USAGE_ERROR == 4
    assert UsageError.exit_code == ExitCode.USAGE_ERROR


# ---- a rule kind written with public names ------------------------------------------------
def test_a_kind_written_with_public_names_loads_from_a_mapping_and_finds():
    rule = ShoutingRule(SHOUTING, source="team/shouting.yaml")
    assert (rule.id, rule.severity, rule.scope, rule.options) == ("team-shouting", Severity.WARNING, "paragraph",
                                                                  {"min_length": 4})
    findings = list(rule.check(parse(ARTICLE)))
    assert findings == [Finding(
        rule="team-shouting", category="style", severity=Severity.WARNING,
        message="'URGENT' is shouted (6 capitals).",
        location=Location(line=5, column=29, end_line=5, end_column=35, offset=78, length=6, text="URGENT"),
        suggestions=("Urgent",),
        fix=Fix("unsafe", "Replace with 'Urgent'", (Edit(findings[0].location, "Urgent"),)),
    )]
    assert ARTICLE[78:84] == "URGENT"
    assert findings[0].to_dict()["line"] == 5


def test_a_kinds_own_field_is_validated_and_its_help_kept():
    assert ShoutingRule.OPTIONS["min_length"].help.startswith("the fewest capital letters")
    with pytest.raises(RuleError, match=r"^team/x.yaml: rule team-shouting field 'min_length': must be at least 2$"):
        ShoutingRule({**SHOUTING, "min_length": 1}, source="team/x.yaml")
    with pytest.raises(RuleError, match=r"field 'min_length': expected a number, got str 'four'"):
        ShoutingRule({**SHOUTING, "min_length": "four"}, source="team/x.yaml")
    with pytest.raises(RuleError, match=r"unknown field\(s\) min_lenght for kind 'shouting'"):
        ShoutingRule({"min_lenght": 3, **SHOUTING}, source="team/x.yaml")
    with pytest.raises(RuleError, match=r"field 'message': unknown placeholder\(s\) \{count\}"):
        ShoutingRule({**SHOUTING, "message": "{count}"}, source="team/x.yaml")


def test_a_kind_written_with_public_names_loads_from_a_rule_file(tmp_path):
    from checker.load.collect import load_rule

    path = write(tmp_path, "shouting.yaml", "id: team-shouting\nkind: shouting\ncategory: style\n"
                                            "message: shouted\nmin_length: 6\nfix: none\n")
    rule = load_rule(path, {"shouting": ShoutingRule})
    assert isinstance(rule, ShoutingRule) and rule.source == str(path)
    [finding] = rule.check(parse(ARTICLE))
    assert (finding.location.text, finding.message, finding.fix) == ("URGENT", "shouted", None)


# ---- the Reporter protocol ----------------------------------------------------------------
def builtin_formats() -> dict[str, typing.Any]:
    from checker.plugin.builtin import checker_output_formats

    return checker_output_formats()


@pytest.mark.parametrize("name", sorted(builtin_formats()))
def test_every_builtin_reporter_satisfies_the_protocol(name):
    from checker.config.settings import Config

    reporter = builtin_formats()[name](Config(), io.StringIO())
    assert isinstance(reporter, Reporter)


def test_the_protocol_refuses_a_reporter_without_its_methods():
    class Unfinished:
        def start(self, session: object) -> None: ...

        def file_done(self, result: object) -> None: ...

    assert not isinstance(Unfinished(), Reporter)


def type_checking_names(module: typing.Any) -> dict[str, typing.Any]:
    """The module's names with those it imports only for type checkers."""
    namespace = dict(vars(module))
    for node in ast.parse(Path(module.__file__).read_text(encoding="utf-8")).body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            exec(compile(ast.Module(body=node.body, type_ignores=[]), module.__file__, "exec"), namespace)
    return namespace


@pytest.mark.parametrize("name", ["protocol", *sorted(builtin_formats())])
def test_reporters_are_typed_with_the_engines_session_and_result(name):
    """A reporter's hints name the real ``Session`` and ``FileResult``: they resolve, so a class
    that moves or is renamed fails here rather than in a team's type checker."""
    from checker.engine.session import FileResult, Session

    module = importlib.import_module(f"checker.report.{name}")
    namespace = type_checking_names(module)
    reporter = Reporter if name == "protocol" else next(
        value for value in vars(module).values()
        if isinstance(value, type) and value.__module__ == module.__name__ and value.__name__.endswith("Reporter"))
    for method, argument, expected in (("start", "session", Session), ("file_done", "result", FileResult),
                                       ("finish", "session", Session)):
        assert typing.get_type_hints(getattr(reporter, method), globalns=namespace)[argument] is expected


# ---- hookimpl and a plugin built from public names ----------------------------------------
PLUGIN = '''
"""A team's plugin, written with checker's public names only."""

import re

from checker import Finding, Option, Rule, UsageError, hookimpl


class ShoutingRule(Rule):
    name = "shouting"
    OPTIONS = {"min_length": Option(int, default=4, help="the fewest capitals that make a word shouted")}

    def check(self, article):
        for start, end in article.segments(self.scope):
            for match in re.finditer(r"[A-Z]{%d,}" % self.options["min_length"], article.source[start:end]):
                yield self.finding(article, start + match.start(), start + match.end())


@hookimpl
def checker_addoption(parser):
    parser.add_argument("--team-mode", default="on")


@hookimpl
def checker_configure(config):
    if config.options.team_mode not in ("on", "off"):
        raise UsageError("--team-mode must be on or off")


@hookimpl
def checker_rule_kinds():
    return {"shouting": ShoutingRule}
'''


def test_hookimpl_marks_implementations_the_plugin_manager_registers(tmp_path, monkeypatch):
    import pluggy

    from checker.plugin.manager import new_plugin_manager

    write(tmp_path, "team_plugin.py", PLUGIN)
    write(tmp_path, "team_misspelt.py", "from checker import hookimpl\n\n"
                                        "@hookimpl\ndef checker_rule_kind():\n    return {}\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    pm = new_plugin_manager()
    plugin = importlib.import_module("team_plugin")
    assert plugin.hookimpl is hookimpl
    pm.register(plugin, name="team")
    pm.check_pending()
    assert [impl.plugin_name for impl in pm.hook.checker_rule_kinds.get_hookimpls()] == ["builtin", "team"]
    assert any(kinds == {"shouting": plugin.ShoutingRule} for kinds in pm.hook.checker_rule_kinds())
    # The marker is the checker's: a misspelt hook name is caught, not silently ignored.
    pm.register(importlib.import_module("team_misspelt"), name="misspelt")
    with pytest.raises(pluggy.PluginValidationError, match="checker_rule_kind"):
        pm.check_pending()


def test_a_plugin_of_public_names_runs_through_the_command_line(tmp_path):
    write(tmp_path, "team_plugin.py", PLUGIN)
    write(tmp_path, "rules/shouting.yaml", "id: team-shouting\nkind: shouting\ncategory: style\n"
                                           "severity: error\nmessage: \"'{match}' is shouted.\"\n")
    article = write(tmp_path, "article.txt", ARTICLE)
    common = ["-p", "team_plugin", "--no-config", "--no-cache", "--no-builtin-rules", "--rules",
              str(tmp_path / "rules")]
    env = {"PYTHONPATH": f"{tmp_path}:{ROOT}"}
    result = run_checker(*common, "--format", "json", str(article), env=env)
    assert result.returncode == ExitCode.FINDINGS, result.stderr
    [finding] = json.loads(result.stdout)["files"][0]["findings"]
    assert (finding["rule"], finding["line"], finding["column"], finding["message"]) == (
        "team-shouting", 5, 29, "'URGENT' is shouted.")
    refused = run_checker(*common, "--team-mode", "maybe", str(article), env=env)
    assert refused.returncode == ExitCode.USAGE_ERROR
    # One line that says what to change, no traceback.
    [line] = refused.stderr.decode().strip().splitlines()
    assert line.startswith("checker: ") and line.endswith(" --team-mode must be on or off")


# ---- no cycles, no cost --------------------------------------------------------------------
def test_importing_the_api_loads_no_engine_and_no_module_imports_the_package():
    """``import checker`` loads only what the public names need, and none of those modules
    imports the package itself (``from checker import ...`` there would be an import cycle)."""
    listing = "import sys, checker; print('\\n'.join(m for m in sys.modules if m.startswith('checker')))"
    loaded = subprocess.run([sys.executable, "-c", listing], capture_output=True, text=True, check=True,
                            cwd=ROOT).stdout.split()
    assert "checker.kinds.base" in loaded and "checker.report.protocol" in loaded
    heavy = [m for m in loaded if m in ("checker.cli", "checker.lsp", "checker.dask")
             or m.startswith(("checker.engine", "checker.load", "checker.report.", "checker.plugin.manager"))]
    assert heavy == ["checker.report.protocol"]
    for name in loaded:
        module = importlib.import_module(name)
        if not getattr(module, "__file__", None) or name == "checker":
            continue
        for node in ast.parse(Path(module.__file__).read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom):
                assert node.module != "checker", f"{name} imports from the checker package"
            elif isinstance(node, ast.Import):
                assert all(alias.name != "checker" for alias in node.names), f"{name} imports the checker package"

