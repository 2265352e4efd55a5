"""The two ways a rule can read an article in the tests of the speed seam: ``check`` alone,
the plain way, and the engine's way, where the built-in check hook asks ``might_match`` first."""

from __future__ import annotations

from checker.config.settings import Config
from checker.plugin.builtin import checker_check_article


def summary(findings) -> list[tuple]:
    return [(f.rule, f.location.offset, f.location.length, f.message, f.suggestions) for f in findings]


def checked(rule, article) -> list[tuple]:
    """What ``rule.check`` finds, asked directly: no pre-check."""
    return summary(rule.check(article))


def gated(rule, article) -> list[tuple]:
    """What the engine reports for ``rule``: through the built-in check hook, which skips the
    rule where ``might_match`` says it cannot match. A problem (a timeout, a crash) fails."""
    config = Config()
    found = checker_check_article(article=article, rules=[rule], config=config)
    assert config.problems == [], config.problems
    return summary(found)
