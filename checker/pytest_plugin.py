"""pytest plugin: every YAML rule's ``examples`` become test items.

Enabled through the ``pytest11`` entry point. Rule folders come from ``--checker-rules DIR``
(repeatable) or the ``checker_rules`` ini option. Each example is one item, with an id like
``duplicate-headline::bad[0]``: a bad example fails the test when the rule does not flag it,
a good example fails it when the rule does. Teams point it at their own rule folders the
same way.

An example is a string, read as a plain-text article, or a mapping of ``text`` and
``format`` (read by the parser of that format, as a file of that format would be). Any other
key, a missing text or a format no parser reads fails the example rather than letting it pass
on an empty or misread article.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from checker.errors import CheckerError
from checker.load.collect import load_rule, rule_files
from checker.plugin.manager import load_entry_points, new_plugin_manager

if TYPE_CHECKING:  # pragma: no cover
    import pluggy

    from checker.kinds.base import Rule
    from checker.text.article import Article


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


#: The keys of an example written as a mapping: its text, and the format it is read as.
EXAMPLE_KEYS = ("text", "format")
#: The format an example is read as when it does not name one.
DEFAULT_FORMAT = "text"
_PLUGINS = pytest.StashKey["pluggy.PluginManager"]()
_KINDS = pytest.StashKey[dict[str, type["Rule"]]]()


def _plugin_manager(config: pytest.Config) -> pluggy.PluginManager:
    """The checker's plugins (built-ins and installed ones), loaded once per test session:
    they supply the kinds the rule files name and the parsers their examples are read with."""
    if _PLUGINS not in config.stash:
        pm = new_plugin_manager()
        load_entry_points(pm, [])
        config.stash[_PLUGINS] = pm
    return config.stash[_PLUGINS]


def _kinds(config: pytest.Config) -> dict[str, type[Rule]]:
    if _KINDS not in config.stash:
        kinds: dict[str, type[Rule]] = {}
        for provided in reversed(_plugin_manager(config).hook.checker_rule_kinds()):
            kinds.update(provided or {})
        config.stash[_KINDS] = kinds
    return config.stash[_KINDS]


class RuleFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        try:
            rule = load_rule(self.path, _kinds(self.config))
        except CheckerError as error:
            yield RuleLoadItem.from_parent(self, name="load", message=str(error))
            return
        if not rule.examples.get("bad") and not rule.examples.get("good"):
            yield RuleLoadItem.from_parent(self, name="examples",
                                           message=f"{self.path}: rule {rule.id} has no examples")
            return
        for expectation in ("bad", "good"):
            for index, example in enumerate(rule.examples.get(expectation) or []):
                label = f"{expectation}[{index}]"
                yield RuleExample.from_parent(self, name=f"{rule.id}::{label}", rule=rule, label=label,
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
    def __init__(self, *, rule: Rule, label: str, example: Any, expect_finding: bool, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rule = rule
        self.label = label
        self.example = example
        self.expect_finding = expect_finding

    def failure(self, message: str) -> RuleExampleFailure:
        return RuleExampleFailure(f"rule {self.rule.id} ({self.rule.source}): {message}")

    def text_and_format(self) -> tuple[str, str]:
        """The example's text and format. A mapping with a misspelt key or an unknown format
        is an error: read as best it could be, it would be an empty or plain-text article
        that a good example passes for the wrong reason."""
        if not isinstance(self.example, dict):
            return str(self.example), DEFAULT_FORMAT
        unknown = [str(key) for key in self.example if key not in EXAMPLE_KEYS]
        if unknown:
            raise self.failure(f"example {self.label}: unknown key(s) {', '.join(repr(k) for k in unknown)} "
                            f"(expected: {', '.join(EXAMPLE_KEYS)})")
        text = self.example.get("text")
        if not isinstance(text, str):
            raise self.failure(f"example {self.label}: 'text' is required and must be a string, got {text!r}")
        fmt = self.example.get("format", DEFAULT_FORMAT)
        if not isinstance(fmt, str):
            raise self.failure(f"example {self.label}: 'format' must be a string, got {fmt!r}")
        return text, fmt

    def article(self, text: str, fmt: str) -> Article:
        """The example read by the parser of its format, as a file of that format would be."""
        article = _plugin_manager(self.config).hook.checker_parse_article(path="<example>", text=text, format=fmt)
        if article is None:
            raise self.failure(f"example {self.label}: unknown format {fmt!r} (no parser reads it; the built-in "
                            "formats are text, markdown and html)")
        return article

    def runtest(self) -> None:
        text, fmt = self.text_and_format()
        findings = list(self.rule.check(self.article(text, fmt)))
        if self.expect_finding and not findings:
            raise self.failure(f"bad example was not flagged:\n    {text!r}")
        if not self.expect_finding and findings:
            flagged = ", ".join(repr(f.location.text) for f in findings)
            raise self.failure(f"good example was flagged ({flagged}):\n    {text!r}")

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, RuleExampleFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"rule {self.rule.id}"
