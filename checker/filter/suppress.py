"""Inline suppressions inside an article.

Two spellings of the same directives, for Markdown/HTML and for plain text::

    <!-- checker-disable-next-line duplicate-headline -->
    [checker-disable-next-line duplicate-headline]

Directives: ``checker-disable`` (until ``checker-enable`` or the end of the file; inside a
line, this makes a span), ``checker-enable``, ``checker-disable-line`` and
``checker-disable-next-line``. After the directive: rule ids, categories or ``all``
(nothing means all), separated by spaces or commas; `` -- `` starts a free-text reason.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import regex

from checker.finding import Finding
from checker.text.article import Article
from checker.text.directives import DIRECTIVE as _DIRECTIVE


@dataclass
class Suppression:
    verb: str
    names: frozenset[str]  # empty: all rules
    start: int  # where the suppression applies, as source offsets
    end: int
    directive: tuple[int, int]
    line: int
    used: bool = field(default=False)

    def covers(self, finding: Finding) -> bool:
        if self.names and not ({finding.rule, finding.category} & self.names):
            return False
        return self.start <= finding.location.offset < self.end


def _names(args: str) -> frozenset[str]:
    args = args.split(" -- ", 1)[0]
    names = {n for n in regex.split(r"[\s,]+", args.strip()) if n}
    return frozenset() if "all" in names else frozenset(names)


def parse_suppressions(article: Article) -> list[Suppression]:
    # Findings are located in the file's own text (an HTML page, not the text taken from
    # it), so directives are looked for there, and their regions are in the same offsets.
    source = article.file_text
    result: list[Suppression] = []
    open_regions: list[Suppression] = []
    starts = article.file_line_starts
    spans = article.file_line_spans
    for match in _DIRECTIVE.finditer(source):
        verb = match.group("verb") or match.group("verb2")
        names = _names(match.group("args") if match.group("verb") else match.group("args2"))
        line = bisect.bisect_right(starts, match.start())
        directive = (match.start(), match.end())
        if verb == "disable-line":
            start, end = spans[line - 1]
            result.append(Suppression(verb, names, start, end + 1, directive, line))
        elif verb == "disable-next-line":
            target = line
            while target < len(spans) and not source[spans[target][0] : spans[target][1]].strip():
                target += 1
            if target < len(spans):
                start, end = spans[target]
                result.append(Suppression(verb, names, start, end + 1, directive, line))
        elif verb == "disable":
            region = Suppression(verb, names, match.end(), len(source), directive, line)
            open_regions.append(region)
            result.append(region)
        else:  # enable closes matching open regions
            for region in list(open_regions):
                if not names or region.names == names or (region.names and region.names <= names):
                    region.end = match.start()
                    open_regions.remove(region)
    return result


def directive_spans(suppressions: list[Suppression]) -> list[tuple[int, int]]:
    return [s.directive for s in suppressions]


def apply_suppressions(findings: list[Finding], suppressions: list[Suppression]) -> list[Finding]:
    """Drop suppressed findings and findings on the directives themselves; mark what was used."""
    kept = []
    directives = directive_spans(suppressions)
    for finding in findings:
        offset, end = finding.location.offset, finding.location.offset + finding.location.length
        if any(s <= offset and end <= e for s, e in directives):
            continue
        hit = False
        for suppression in suppressions:
            if suppression.covers(finding):
                suppression.used = True
                hit = True
        if not hit:
            kept.append(finding)
    return kept
