"""consistency: one thing named several ways in one article.

Fields: ``either`` (Vale's form: a mapping of one variant to another) and/or ``groups``
(lists of variants; the first is preferred when counts tie). Each form is a pattern matched
case-sensitively unless ``ignorecase``. The form used most often is the majority; every
occurrence of another form is flagged, naming the majority.
Placeholders: ``{match}``, ``{majority}``, ``{count}``, ``{majority_count}``.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.article import Article
from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.kinds.quick import plain_text
from checker.textshape import mostly_uppercase


class ConsistencyRule(Rule):
    name = "consistency"
    PLACEHOLDERS = frozenset({"match", "majority", "count", "majority_count"})
    default_scope = "sentence"
    #: Which of several forms to keep is an editor's call, and the majority form may be the
    #: spun one ("USA" outnumbering "US"): the suggestion is offered, never applied by --fix.
    default_fix = "none"
    OPTIONS = {
        "either": Option(dict, default={}),
        "groups": Option(list, default=[]),
        "min_majority": Option(int, default=2, help="the majority form must occur at least this often"),
    }

    def setup(self) -> None:
        groups: list[list[str]] = [[str(a), str(b)] for a, b in self.options["either"].items()]
        for group in self.options["groups"]:
            if not isinstance(group, list) or len(group) < 2 or not all(isinstance(v, str) for v in group):
                raise self.error(f"each group must be a list of at least two strings, got {group!r}", "groups")
            groups.append(group)
        if not groups:
            raise self.error("give 'either' or 'groups'", "groups")
        self.groups = groups
        # One pass finds every variant of every group: an alternation of named branches,
        # longest first, so "United States of America" is not also counted as "United States".
        branches = sorted(
            ((g, v) for g, group in enumerate(groups) for v in range(len(group))),
            key=lambda gv: (-len(_display(groups[gv[0]][gv[1]])), gv),
        )
        combined = "|".join(f"(?P<v{g}_{v}>{groups[g][v]})" for g, v in branches)
        self.pattern = self.compile_combined(combined, [v for group in groups for v in group], field="groups")
        # A group is reported only when the article uses two of its forms. Where every form of
        # every group is a plain string (case as written), an article holding fewer than two
        # forms of each group as text anywhere is done without a search.
        literal = [[plain_text(v) for v in group] for group in groups]
        self.literal_groups: list[list[str]] | None = None
        if not self.ignorecase and all(text is not None for texts in literal for text in texts):
            self.literal_groups = literal  # type: ignore[assignment]

    def _may_report(self, source: str) -> bool:
        if self.literal_groups is None:
            return True
        return any(sum(text in source for text in group) >= 2 for group in self.literal_groups)

    def check(self, article: Article) -> Iterator[Finding]:
        if not self._may_report(article.source):
            return iter(())
        return iter(sorted(self._check(article), key=Finding.sort_key))

    def _check(self, article: Article) -> Iterator[Finding]:
        segments = [s for s in article.segments(self.scope) if not mostly_uppercase(article.source[s[0]:s[1]])]
        found: dict[int, list[list[tuple[int, int]]]] = {}
        for match in self.search_in(self.pattern, article, segments):
            name = match.lastgroup
            if not name:
                continue
            g, v = (int(part) for part in name[1:].split("_"))
            found.setdefault(g, [[] for _ in self.groups[g]])[v].append((match.start(), match.end()))
        for g, hits in sorted(found.items()):
            group = self.groups[g]
            used = [i for i, spans in enumerate(hits) if spans]
            if len(used) < 2:
                continue
            top = max(len(hits[i]) for i in used)
            tied = [i for i in used if len(hits[i]) == top]
            if len(tied) > 1 and 0 not in tied:
                continue  # no clear majority and no preferred form among the leaders
            majority = 0 if len(tied) > 1 else tied[0]
            if len(hits[majority]) < self.options["min_majority"]:
                continue
            first_majority = hits[majority][0]
            for index in used:
                if index == majority:
                    continue
                for start, end in hits[index]:
                    yield self.finding(
                        article, start, end,
                        majority=_display(group[majority]), count=len(hits[index]),
                        majority_count=len(hits[majority]),
                        suggestions=[_display(group[majority])], related=[first_majority],
                    )


def _display(pattern: str) -> str:
    """A readable form of a variant pattern (its literal text when it is one)."""
    return regex.sub(r"\\(.)", r"\1", pattern)
