"""The run skeleton and the plugin contract it keeps: every hook is called through pluggy
(wrappers and ordering work), each plugin's part is isolated, ``checker_sessionfinish`` is
always called with the exit code the run returns, rule kinds can be replaced, and the
package has no import cycles."""

from __future__ import annotations

import ast
import json
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import write

import checker
from checker.cli import main

SPUN = (Path(__file__).resolve().parent.parent / "sample_articles" / "spun-wire-story.txt").read_text(encoding="utf-8")


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A project folder with one spun article, where plugin modules written into it load with ``-p``."""
    write(tmp_path, ".checker.yaml", "{}\n")
    write(tmp_path, "story.txt", SPUN)
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv("ENGINE_LOG", str(tmp_path / "log.txt"))  # read when called: a module is imported once
    return tmp_path


def plugin(folder: Path, name: str, source: str) -> str:
    """Write plugin module ``name`` (each test uses its own names: modules stay imported)."""
    write(folder, f"{name}.py", textwrap.dedent(source).replace("LOG_FILE", 'os.environ["ENGINE_LOG"]'))
    return name


def logged(folder: Path) -> list[str]:
    log = folder / "log.txt"
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--no-cache", "--no-progress", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def findings_of(report: str) -> list[dict]:
    return [finding for entry in json.loads(report)["files"] for finding in entry["findings"]]


# ---- hooks through pluggy ------------------------------------------------------------------
WRAPPERS = {
    "wrapper": """
        from checker import hookimpl

        @hookimpl(wrapper=True)
        def checker_check_article(article):
            found = yield
            return [[f for f in findings if f.category != "boilerplate"] for findings in found]
    """,
    "hookwrapper": """
        from checker import hookimpl

        @hookimpl(hookwrapper=True)
        def checker_check_article(article):
            outcome = yield
            found = outcome.get_result()
            outcome.force_result([[f for f in findings if f.category != "boilerplate"] for findings in found])
    """,
}


@pytest.mark.parametrize("style", sorted(WRAPPERS))
def test_a_wrapper_of_checker_check_article_changes_the_findings(folder, capsys, style):
    code, out, err = run(capsys, "-f", "json", "story.txt")
    plain = findings_of(out)
    assert code == 1 and {f["category"] for f in plain} >= {"boilerplate", "entity"}
    name = plugin(folder, f"engine_{style}", WRAPPERS[style])
    code, out, err = run(capsys, "-f", "json", "-p", name, "story.txt")
    assert (code, err) == (1, "")
    assert findings_of(out) == [f for f in plain if f["category"] != "boilerplate"]


def test_tryfirst_and_trylast_order_check_article_and_collect_rules(folder, capsys):
    for name, mark in (("engine_early", "tryfirst"), ("engine_late", "trylast")):
        plugin(folder, name, f"""
            import os

            from checker import hookimpl

            def note(what):
                with open(LOG_FILE, "a", encoding="utf-8") as log:
                    log.write(what + "\\n")

            @hookimpl({mark}=True)
            def checker_collect_rules(config):
                note("{name} collect")
                return []

            @hookimpl({mark}=True)
            def checker_check_article(article):
                note("{name} check")
                return []
        """)
    # Registered early first: by registration alone, the late plugin would be called first.
    code, _, err = run(capsys, "-f", "json", "-p", "engine_early", "-p", "engine_late", "story.txt")
    assert (code, err) == (1, "")
    assert logged(folder) == ["engine_early collect", "engine_late collect", "engine_early check",
                              "engine_late check"]


# ---- checker_sessionfinish ------------------------------------------------------------------
FINISH = """
    import os

    from checker import hookimpl

    @hookimpl
    def checker_sessionfinish(session, exitstatus):
        with open(LOG_FILE, "a", encoding="utf-8") as log:
            log.write(f"{exitstatus} {int(session.exit_code)}\\n")
"""

BREAKING = """
    from checker import hookimpl

    class Broken:
        def __init__(self, config, stream):
            self.stream = stream

        def start(self, session):
            pass

        def file_done(self, result):
            pass

        def finish(self, session):
            raise RuntimeError("the report broke")

    @hookimpl
    def checker_output_formats():
        return {"broken": Broken}

    @hookimpl
    def checker_check_article(article):
        if "INTERRUPT" in article.source:
            raise KeyboardInterrupt
        if "EXIT" in article.source:
            raise SystemExit(0)  # ends the run, not the program
        return []
"""


@pytest.mark.parametrize(("args", "expected", "said"), [
    (("--list-rules",), 0, ""),
    (("--diff", "story.txt"), 1, "checker: would fix"),
    (("--diff", "interrupt.txt"), 2, "checker: interrupted"),
    (("-f", "broken", "story.txt"), 3, "checker: internal error: RuntimeError: the report broke"),
    (("exit.txt",), 3, "checker: internal error: SystemExit: 0"),
    (("-f", "no-such-format", "story.txt"), 4, "checker: error: unknown format 'no-such-format'"),
    (("--diff",), 4, "checker: error: no input"),
], ids=["list-rules", "diff", "diff-interrupted", "reporter-raises", "plugin-exits", "unknown-format",
        "diff-no-input"])
def test_checker_sessionfinish_is_always_called_with_the_exit_code(folder, capsys, args, expected, said):
    plugin(folder, "engine_finish", FINISH)
    plugin(folder, "engine_breaking", BREAKING)
    write(folder, "interrupt.txt", "Title: INTERRUPT\n\nShare this:\n")
    write(folder, "exit.txt", "Title: EXIT\n\nShare this:\n")
    code, _, err = run(capsys, "-p", "engine_finish", "-p", "engine_breaking", *args)
    assert code == expected
    assert err.startswith(said)
    assert logged(folder) == [f"{expected} {expected}"]


# ---- rule kinds -----------------------------------------------------------------------------
TEAM_RULE = "id: team-zebra\nkind: existence\ncategory: style\nseverity: info\nmessage: \"Avoid '{match}'.\"\n" \
            "tokens: [zebra]\n"


def test_a_plugin_replaces_a_built_in_kind_without_a_problem(folder, capsys):
    write(folder, "team/zebra.yaml", TEAM_RULE)
    write(folder, "zoo.txt", "Title: Zoo\n\nA zebra met a giraffe.\n")
    plugin(folder, "engine_loud_kinds", """
        import dataclasses

        from checker import hookimpl
        from checker.kinds.existence import ExistenceRule

        class LoudExistence(ExistenceRule):
            def check(self, article):
                for finding in super().check(article):
                    yield dataclasses.replace(finding, message="LOUD " + finding.message)

        @hookimpl
        def checker_rule_kinds():
            return {"existence": LoudExistence}
    """)
    code, out, err = run(capsys, "-f", "json", "--rules", "team", "-p", "engine_loud_kinds", "zoo.txt")
    assert (code, err) == (0, "")
    assert [f["message"] for f in findings_of(out) if f["rule"] == "team-zebra"] == ["LOUD Avoid 'zebra'."]


def test_two_plugins_registering_one_kind_is_a_configuration_error_naming_both(folder, capsys):
    for name in ("engine_kinds_one", "engine_kinds_two"):
        plugin(folder, name, """
            from checker import hookimpl
            from checker.kinds.existence import ExistenceRule

            class TeamKind(ExistenceRule):
                name = "team-kind"

            @hookimpl
            def checker_rule_kinds():
                return {"team-kind": TeamKind}
        """)
    code, _, err = run(capsys, "-f", "json", "-p", "engine_kinds_one", "-p", "engine_kinds_two", "story.txt")
    assert code == 4
    [line] = [line for line in err.splitlines() if "team-kind" in line]
    assert line.startswith("checker: config error:")
    assert "'engine_kinds_one'" in line and "'engine_kinds_two'" in line


# ---- isolation ------------------------------------------------------------------------------
def test_a_plugin_hook_that_raises_is_reported_by_name_and_the_others_still_run(folder, capsys):
    write(folder, "boom.txt", SPUN + "\nBOOM\n")
    plugin(folder, "engine_crashing", """
        from checker import hookimpl

        @hookimpl
        def checker_rule_kinds():
            raise RuntimeError("no kinds today")

        @hookimpl
        def checker_collect_rules():
            raise RuntimeError("no rules today")

        @hookimpl
        def checker_check_article(article):
            if "BOOM" in article.source:
                raise RuntimeError("kaput")
            return []
    """)
    code, out, err = run(capsys, "-f", "json", "-p", "engine_crashing", "story.txt", "boom.txt")
    assert code == 3
    problems = err.splitlines()
    assert len(problems) == 3 and all("plugin 'engine_crashing' raised" in line for line in problems)
    assert "checker_rule_kinds: RuntimeError: no kinds today" in problems[0]
    assert "checker_collect_rules: RuntimeError: no rules today" in problems[1]
    assert problems[2].startswith("checker: plugin error: boom.txt: ") and "kaput" in problems[2]
    report = json.loads(out)
    assert all(entry["findings"] for entry in report["files"])  # the built-in rules ran on both files


def test_a_slow_start_of_the_builtin_rules_is_not_cut_by_the_time_limit_but_a_plugins_is(folder, capsys,
                                                                                           monkeypatch):
    """The time limit bounds plugins' code and each rule on each article; loading the
    built-in rules on a cold start (no snapshot, no bytecode, a busy CI machine) may take
    longer than a short limit and must not leave the run without them."""
    import time

    from checker.plugin import builtin

    loaded = builtin.load_rules

    def slow_load(*args, **kwargs):
        time.sleep(1.5)
        return loaded(*args, **kwargs)

    monkeypatch.setattr(builtin, "load_rules", slow_load)
    plugin(folder, "engine_slow_collect", """
        import time
        from checker import hookimpl

        @hookimpl
        def checker_collect_rules():
            time.sleep(5)
            return []
    """)
    started = time.monotonic()
    # A limit far above what any built-in rule takes on the story, even on a slow machine.
    code, out, err = run(capsys, "-f", "json", "--time-limit", "1", "-p", "engine_slow_collect", "story.txt")
    assert time.monotonic() - started < 4.5  # the plugin's sleep (5 s) was cut
    assert code == 3
    [problem] = err.splitlines()
    assert "plugin 'engine_slow_collect'" in problem and "time limit of 1 s" in problem
    assert "checker_collect_rules" in problem
    assert findings_of(out)  # the built-in rules were collected and ran


# ---- building a session from values ---------------------------------------------------------
def test_a_session_is_built_from_option_values(folder, capsys):
    from checker.engine.run import wrap_session
    from checker.engine.startup import open_session
    from checker.errors import ExitCode, UsageError

    session = open_session({"select": ["boilerplate-share"]}, cwd=folder)
    assert [rule.id for rule in session.rules] == ["boilerplate-share"]
    assert session.config.options.format == "text"  # the others at their defaults
    with pytest.raises(UsageError, match="unknown option: selekt"):
        open_session({"selekt": ["boilerplate-share"]}, cwd=folder)
    code = wrap_session({"paths": ["story.txt"], "format": "json", "no_cache": True, "select": ["boilerplate-share"]})
    assert code == ExitCode.FINDINGS
    assert {f["rule"] for f in findings_of(capsys.readouterr().out)} == {"boilerplate-share"}


# ---- imports --------------------------------------------------------------------------------
def import_graph(package: Path) -> dict[str, set[str]]:
    """Each module of ``package`` and the modules of the package it imports: at module level
    and inside functions. Imports under ``if TYPE_CHECKING:`` are left out: they are never
    run, and annotations may name a type of a later stage (a hook's ``Session``)."""
    modules = {}
    for path in package.rglob("*.py"):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        skipped = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If)
                   and "TYPE_CHECKING" in ast.unparse(block.test) for inner in block.body for node in ast.walk(inner)}
        imported: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = here.split(".")[: len(here.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                # ``from package import module`` imports the module; ``from module import name``, the module.
                imported.update(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                                for alias in node.names)
        graph[name] = {target for target in imported if target in modules and target != name}
    return graph


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or through others (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in graph[module]:
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10 * len(graph)))
    try:
        for module in sorted(graph):
            if module not in index:
                visit(module)
    finally:
        sys.setrecursionlimit(limit)
    return groups


def test_the_cycle_finder_finds_a_cycle(tmp_path):
    write(tmp_path, "pkg/__init__.py", "")
    write(tmp_path, "pkg/a.py", "def late():\n    from pkg import b\n")
    write(tmp_path, "pkg/b.py", "from . import c\n")
    write(tmp_path, "pkg/c.py", "from pkg.a import late\nfrom typing import TYPE_CHECKING\n")
    write(tmp_path, "pkg/d.py", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import a\n")
    assert strongly_connected(import_graph(tmp_path / "pkg")) == [["pkg.a", "pkg.b", "pkg.c"]]


def test_no_import_cycles():
    """No module of the checker imports itself back through others, function-level imports
    included (the package itself counts: a module the public API needs may not import it)."""
    assert strongly_connected(import_graph(Path(checker.__file__).parent)) == []
