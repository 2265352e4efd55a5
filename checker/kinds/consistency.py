"""The ``consistency`` rule kind: one thing named several ways in one article."""

from __future__ import annotations

from collections.abc import Iterator

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.patterns.precheck import AtLeast, any_of, literals_of
from checker.patterns.syntax import plain_text, required_literal
from checker.text.article import Article
from checker.text.gloss import introduced_as_another_name
from checker.text.textshape import mostly_uppercase


class ConsistencyRule(Rule):
    """Flags one thing named several ways in one article, naming the form used most.

    Each group lists the forms of one thing ("US", "U.S.", "USA"), each form a pattern. The
    form an article uses most often is the majority; every occurrence of another form of its
    group is flagged, naming the majority. When no form is used more often than another (two
    forms once each), the other forms are flagged with ``tie_message``, ``{majority}`` then
    being the preferred (first) form if it is among the leaders, else the leader used first;
    without ``tie_message`` a tie is reported only when the preferred form leads. A form in a
    hashtag or a handle ("#ISIL", "@USA") neither counts nor is flagged."""

    name = "consistency"
    PLACEHOLDERS = frozenset({"match", "majority", "count", "majority_count"})
    HONOURED = frozenset({"scope", "quotes", "exceptions", "ignorecase", "fix"})
    default_scope = "sentence"
    #: Which of several forms to keep is an editor's call, and the majority form may be the
    #: spun one ("USA" outnumbering "US"): the suggestion is offered, never applied by --fix.
    default_fix = "none"
    OPTIONS = {
        "either": Option(dict, default={}, help="Vale's form: a mapping of one form to another, each pair a group"),
        "groups": Option(list, default=[], help="lists of the forms of one thing, the preferred form first; "
                         "give `either`, `groups` or both"),
        "min_majority": Option(int, default=2, help="the majority form must occur at least this often"),
        "tie_message": Option(str, default="", help="message for the other forms when no form leads"),
        "headline": Option(bool, default=True, help="false: forms in the headline neither count nor are flagged "
                           "(headline styles drop periods: \"US\" over a body that writes \"U.S.\")"),
        "furniture_rules": Option(list, default=[], help="rule files or folders, relative to the rule file, whose "
                                  "`boilerplate` and `site-furniture` rules tell page furniture: a form on a line "
                                  "they flag is not the article's style and is not flagged (default: none)"),
    }

    def setup(self) -> None:
        groups: list[list[str]] = [[str(a), str(b)] for a, b in self.options["either"].items()]
        for group in self.options["groups"]:
            if not isinstance(group, list) or len(group) < 2 or not all(isinstance(v, str) for v in group):
                raise self.error(f"each group must be a list of at least two strings, got {group!r}", "groups")
            groups.append(group)
        if not groups:
            raise self.error("give 'either' or 'groups'", "groups")
        self.check_placeholders(self.options["tie_message"], "tie_message")
        names = self.options["furniture_rules"]
        self.furniture: list[Rule] = []
        if names:
            from checker.kinds.furniture import evidence_rules  # only rules that ask pay for the import

            self.furniture = evidence_rules(self, names, "furniture_rules")
        self.groups = groups
        # One pass finds every variant of every group: an alternation of named branches,
        # longest first, so "United States of America" is not also counted as "United States".
        branches = sorted(
            ((g, v) for g, group in enumerate(groups) for v in range(len(group))),
            key=lambda gv: (-_length(groups[gv[0]][gv[1]]), gv),
        )
        combined = "|".join(f"(?P<v{g}_{v}>{groups[g][v]})" for g, v in branches)
        self.pattern = self.compile_combined(combined, [v for group in groups for v in group], field="groups")
        # A group is reported only when the article uses two of its forms. Where every form of
        # every group holds a plain text in every match (case as written), an article must hold
        # that text of two forms of one group.
        literal = [[required_literal(v, min_length=1) for v in group] for group in groups]
        if not self.ignorecase and all(text is not None for texts in literal for text in texts):
            self.require(any_of(AtLeast(2, [literals_of((text,), False) for text in texts])  # type: ignore[arg-type]
                                for texts in literal))

    def check(self, article: Article) -> Iterator[Finding]:
        return iter(sorted(self._check(article), key=Finding.sort_key))

    def _check(self, article: Article) -> Iterator[Finding]:
        segments = [s for s in article.segments(self.scope) if not mostly_uppercase(article.source[s[0]:s[1]])]
        if not self.options["headline"]:
            headlines = article.segments("headline")
            segments = [s for s in segments if not any(h[0] <= s[0] < h[1] for h in headlines)]
        found: dict[int, list[list[tuple[int, int]]]] = {}
        furniture_lines: dict[int, bool] = {}
        for match in self.search_in(self.pattern, article, segments):
            name = match.lastgroup
            if not name or (match.start() and article.source[match.start() - 1] in "#@"):
                continue  # a hashtag or a handle ("#ISIL") is spelt as its author chose
            g, v = (int(part) for part in name[1:].split("_"))
            found.setdefault(g, [[] for _ in self.groups[g]])[v].append((match.start(), match.end()))
        for g, hits in sorted(found.items()):
            group = self.groups[g]
            used = [i for i, spans in enumerate(hits) if spans]
            if len(used) < 2:
                continue
            top = max(len(hits[i]) for i in used)
            tied = [i for i in used if len(hits[i]) == top]
            message: str | None = None
            if len(tied) == 1:
                majority = tied[0]
                if top < self.options["min_majority"]:
                    continue
            elif self.options["tie_message"]:
                # No form leads: the preferred one, if among the leaders, else the one used first.
                majority = 0 if 0 in tied else min(tied, key=lambda i: hits[i][0])
                message = self.options["tie_message"]
            elif 0 in tied and top >= self.options["min_majority"]:
                majority = 0
            else:
                continue  # no clear majority and no preferred form among the leaders
            first_majority = hits[majority][0]
            # The form as given; one given as a pattern ("USA(?! Today)") as the article writes it.
            shown = plain_text(group[majority]) or article.source[first_majority[0]:first_majority[1]]
            for index in used:
                if index == majority:
                    continue
                values = {"majority": shown, "count": len(hits[index]), "majority_count": len(hits[majority])}
                for start, end in hits[index]:
                    if self.furniture and self._on_furniture(article.source, start, furniture_lines):
                        continue
                    if introduced_as_another_name(article.source, start):
                        continue  # "North Korea, formally known as the Democratic People's Republic of Korea"
                    yield self.finding(article, start, end, template=message, suggestions=[shown],
                                       related=[first_majority], **values)


    def _on_furniture(self, source: str, at: int, known: dict[int, bool]) -> bool:
        """Whether the line holding ``at`` is page furniture by one of ``furniture_rules``
        (read only for lines holding a form to flag, once each: ``known``)."""
        start = source.rfind("\n", 0, at) + 1
        if start not in known:
            from checker.kinds.furniture import line_evidence

            end = source.find("\n", at)
            line = source[start:] if end < 0 else source[start:end]
            known[start] = line_evidence(self.furniture, line.strip())
        return known[start]


def _length(pattern: str) -> int:
    """How long a form is: its text, or the plain text every match holds, or the pattern's."""
    return len(plain_text(pattern) or required_literal(pattern, min_length=1) or pattern)
