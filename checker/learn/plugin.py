"""``checker --learn-furniture PATH...``: site furniture learned on the fly in a check run.

Before the articles are checked, the lines each site of the inputs repeats are learned from
the same inputs (``checker.learn.learner``: two passes, in bounded memory) and run as one more
rule, ``site-furniture-learned``, of the ``site-furniture`` kind: the evidence of a whole
archive in a single run, without a rule file to review. A plugin like any other: it adds the
option and collects the rule through the hooks a team's plugin uses.
"""

from __future__ import annotations

import argparse
from typing import Any

from checker.config.settings import Config
from checker.kinds.base import Rule
from checker.plugin.markers import hookimpl

RULE_ID = "site-furniture-learned"


@hookimpl
def checker_addoption(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("site furniture")
    group.add_argument("--learn-furniture", action="store_true", default=False,
                       help="learn the lines each site of the inputs repeats (two passes over them first, as "
                            "'checker learn-furniture' does) and flag them, rule site-furniture-learned")
    group.add_argument("--learn-min-articles", type=int, default=None, metavar="N",
                       help="with --learn-furniture: the fewest articles of a site a line is in (default: 5)")
    group.add_argument("--learn-min-share", type=float, default=None, metavar="SHARE",
                       help="with --learn-furniture: the least share of a site's articles (default: 0.05)")


@hookimpl
def checker_collect_rules(config: Config, kinds: dict[str, type[Rule]]) -> list[Rule]:
    options = config.options
    if not getattr(options, "learn_furniture", False):
        return []
    from checker.learn.archive import input_files, read_articles
    from checker.learn.learner import Thresholds, learn
    from checker.learn.rulefile import MESSAGE

    kind = kinds.get("site-furniture")
    if kind is None:
        config.problem("rule", "--learn-furniture: no rule kind site-furniture is registered")
        return []
    defaults = Thresholds()
    thresholds = Thresholds(getattr(options, "learn_min_articles", None) or defaults.min_articles,
                            _or(getattr(options, "learn_min_share", None), defaults.min_share))
    paths = [path for path in getattr(options, "paths", None) or [] if path != "-"]
    files = input_files(paths, list(config.exclude))

    def ignore(_: str) -> None:  # the check run itself reports what cannot be read
        pass

    learned = learn(lambda: read_articles(files, config.fields, ignore, config.encoding, config.max_size),
                    thresholds)
    lines: list[Any] = [{"line": line.line, "example": line.example, "site": line.site,
                         "articles": line.articles, "share": round(line.share, 3)} for line in learned.lines]
    spec = {"id": RULE_ID, "kind": "site-furniture", "category": "boilerplate", "severity": "warning",
            "message": MESSAGE, "lines": lines,
            "description": "Lines the sites of this run's inputs repeat, learned from them (--learn-furniture)."}
    return [kind(spec, source="<--learn-furniture>")]


def _or(value: float | None, default: float) -> float:
    return default if value is None else value
