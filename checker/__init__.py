"""checker: a source-consistency checker for news articles.

The public API for teams that extend it (``docs/plugins.md``): rule kinds (``Rule``,
``Option``), the article a rule reads (``Article``), what it reports (``Finding``, ``Fix``,
``Edit``, ``Location``, ``Severity``), the marker for hook implementations (``hookimpl``), the
errors a plugin raises for a mistake its user can fix (``UsageError``; ``RuleError`` for a rule
file, raised by ``Rule.error``), how a run ends (``ExitCode``), and the ``Reporter`` protocol an
output format implements. Everything else is internal and may move between releases.
"""

from __future__ import annotations

from checker.about import DOCS_URL, HOMEPAGE, PROJECT_NAME, __version__
from checker.errors import ExitCode, RuleError, UsageError
from checker.finding import Edit, Finding, Fix, Location, Severity
from checker.kinds.base import Option, Rule
from checker.plugin.markers import hookimpl
from checker.report.protocol import Reporter
from checker.text.article import Article

__all__ = [
    "DOCS_URL",
    "HOMEPAGE",
    "PROJECT_NAME",
    "Article",
    "Edit",
    "ExitCode",
    "Finding",
    "Fix",
    "Location",
    "Option",
    "Reporter",
    "Rule",
    "RuleError",
    "Severity",
    "UsageError",
    "__version__",
    "hookimpl",
]
