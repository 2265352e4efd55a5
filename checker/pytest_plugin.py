"""pytest plugin: every YAML rule's ``examples`` become test items.

Enabled through the ``pytest11`` entry point. Rule folders come from ``--checker-rules DIR``
(repeatable) or the ``checker_rules`` ini option. Each example is one item, with an id like
``duplicate-headline::bad[0]``: a bad example fails the test when the rule does not flag it,
a good example fails it when the rule does. Teams point it at their own rule folders the
same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checker.errors import CheckerError
from checker.load.collect import rule_files


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("checker", "checker rule self-tests")
    group.addoption("--checker-rules", action="append", default=[], metavar="DIR",
                    help="run the examples of the YAML rules in DIR as tests")
    parser.addini("checker_rules", type="paths", default=[], help="folders of YAML rules whose examples are tests")


def _rule_paths(config: pytest.Config) -> list[Path]:
    """Rule files to collect: those under --checker-rules folders, and those under the ini
    folders unless the command line named test paths elsewhere (``pytest tests/test_x.py``
    runs just that file, ``pytest rules/entity`` just those rules, as usual)."""
    explicit = [Path(p).resolve() for p in config.getoption("checker_rules") or []]
    ini = [Path(p).resolve() for p in config.getini("checker_rules")]
    named: list[Path] | None = None
    if config.args_source == pytest.Config.ArgsSource.ARGS:
        named = [Path(arg.split("::")[0]).resolve() for arg in config.args]
    paths: list[Path] = []
    for folder in ini + explicit:
        try:
            files = rule_files(folder)
        except CheckerError as error:
            raise pytest.UsageError(str(error)) from None
        if named is not None and folder not in explicit:
            files = [f for f in files if any(n == f or n in f.parents or f in n.parents for n in named)]
        paths.extend(f for f in files if f not in paths)
    return paths


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    new_items: list[pytest.Item] = []
    for path in _rule_paths(config):
        rule_file = RuleFile.from_parent(session, path=path)
        new_items.extend(rule_file.collect())
    items[:0] = new_items


def _kinds() -> dict[str, Any]:
    from checker.plugin.manager import load_entry_points, new_plugin_manager

    pm = new_plugin_manager()
    load_entry_points(pm, [])
    kinds: dict[str, Any] = {}
    for provided in reversed(pm.hook.checker_rule_kinds()):
        kinds.update(provided or {})
    return kinds


class RuleFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        from checker.load.collect import load_rule

        try:
            rule = load_rule(self.path, _kinds())
        except CheckerError as error:
            yield RuleLoadItem.from_parent(self, name="load", message=str(error))
            return
        if not rule.examples.get("bad") and not rule.examples.get("good"):
            yield RuleLoadItem.from_parent(self, name="examples",
                                           message=f"{self.path}: rule {rule.id} has no examples")
            return
        for expectation in ("bad", "good"):
            for index, example in enumerate(rule.examples.get(expectation) or []):
                yield RuleExample.from_parent(self, name=f"{rule.id}::{expectation}[{index}]", rule=rule,
                                              example=example, expect_finding=expectation == "bad")


class RuleLoadItem(pytest.Item):
    def __init__(self, *, message: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.message = message

    def runtest(self) -> None:
        raise RuleExampleFailure(self.message)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        return str(excinfo.value)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"rule file {self.path.name}"


class RuleExampleFailure(Exception):
    pass


class RuleExample(pytest.Item):
    def __init__(self, *, rule: Any, example: Any, expect_finding: bool, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rule = rule
        self.example = example
        self.expect_finding = expect_finding

    def runtest(self) -> None:
        from checker.read.parsers.markdown import parse_markdown
        from checker.read.parsers.text import parse_text

        if isinstance(self.example, dict):
            text = str(self.example.get("text", ""))
            fmt = self.example.get("format", "text")
        else:
            text, fmt = str(self.example), "text"
        article = (parse_markdown if fmt == "markdown" else parse_text)("<example>", text)
        findings = list(self.rule.check(article))
        if self.expect_finding and not findings:
            raise RuleExampleFailure(f"rule {self.rule.id} ({self.rule.source}): bad example was not flagged:\n"
                                     f"    {text!r}")
        if not self.expect_finding and findings:
            flagged = ", ".join(repr(f.location.text) for f in findings)
            raise RuleExampleFailure(f"rule {self.rule.id} ({self.rule.source}): good example was flagged "
                                     f"({flagged}):\n    {text!r}")

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, RuleExampleFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"rule {self.rule.id}"
