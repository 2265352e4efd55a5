"""Example plugin: the ``quote-balance`` rule kind, a Python kind written with checker's public API.

Installed, the plugin is loaded through the ``checker`` entry-point group and offers the kind to
every YAML rule (``kind: quote-balance``); ``rules/quotemarks-unbalanced.yaml`` is a rule that
uses it.
"""

from __future__ import annotations

from checker import Rule, hookimpl

from checker_quotemarks.kind import QuoteBalanceRule

__all__ = ["QuoteBalanceRule"]


@hookimpl
def checker_rule_kinds() -> dict[str, type[Rule]]:
    return {QuoteBalanceRule.name: QuoteBalanceRule}
