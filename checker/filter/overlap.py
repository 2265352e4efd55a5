"""One piece of furniture, one finding.

Two boilerplate rules can flag the same line: a related-story headline standing between two
paragraphs is an inline link by its form (``boilerplate-inline-link``) and an advert by its
words (``boilerplate-ad``). Both would remove the same text; two diagnostics on one line say
nothing more than one. So, once suppressions and per-path ignores have had their say (a
suppressed finding never hides another), a boilerplate finding whose span lies inside the span
of another, kept boilerplate finding at least as strong is dropped: of a severity as high, and
with a fix as safe (safe, then unsafe, then none), so that the merge never changes what
``--fix`` removes or how a run exits. Between two findings of one span the wider is looked at
first, then the surer, then the rule id first in alphabetical order: the choice never depends
on the order of the rules.
Findings of other categories are never merged: a duplicate line that is also furniture is the
business of ``checker_process_findings``.
"""

from __future__ import annotations

from checker.finding import Finding

_BOILERPLATE = "boilerplate"
_FIX_RANK = {"safe": 0, "unsafe": 1}


def _strength(finding: Finding) -> tuple[int, int]:
    """Smaller is stronger: the severity, then how safe the fix is."""
    fix = finding.fix.applicability if finding.fix else ""
    return (-int(finding.severity), _FIX_RANK.get(fix, 2))


def _covers(kept: Finding, other: Finding) -> bool:
    """``other`` lies inside ``kept`` (an empty span at its very end does not), and ``kept``
    is at least as strong on every count."""
    kept_start = kept.location.offset
    kept_end = kept_start + kept.location.length
    start = other.location.offset
    inside = kept_start <= start < kept_end and start + other.location.length <= kept_end
    return inside and all(a <= b for a, b in zip(_strength(kept), _strength(other), strict=True))


def merge_overlapping_furniture(findings: list[Finding]) -> list[Finding]:
    """``findings`` without the boilerplate findings that another, at least as strong
    boilerplate finding covers, in their order. Near-linear: the boilerplate findings are
    sorted by position, and each is compared with the kept spans still open at its start."""
    furniture = [f for f in findings if f.category == _BOILERPLATE]
    if len(furniture) < 2:
        return findings
    furniture.sort(key=lambda f: (f.location.offset, -f.location.length, _strength(f), f.rule))
    dropped: set[int] = set()
    open_spans: list[Finding] = []  # kept findings whose span reaches past the current start
    for finding in furniture:
        start = finding.location.offset
        open_spans = [kept for kept in open_spans if kept.location.offset + kept.location.length > start]
        if any(_covers(kept, finding) for kept in open_spans):
            dropped.add(id(finding))
        else:
            open_spans.append(finding)
    if not dropped:
        return findings
    return [f for f in findings if id(f) not in dropped]
