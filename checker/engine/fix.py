"""Autofix: apply findings' fixes to the source, show them as a diff, write files atomically.

Fixes are chosen by applicability (``safe``, or ``unsafe`` too), overlapping ones are
resolved in favour of the one that starts first, and the chosen edits are applied from the
end of the text backwards so earlier offsets stay valid. The article is checked again after
each round until nothing applicable is left, so a second run finds nothing to fix.
Only the edited spans change: every other character, line breaks and byte-order mark
included, is written back as it was read.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from checker.finding import Finding, Fix

#: Rounds of fix-and-recheck before giving up on reaching a fixed point.
MAX_ROUNDS = 10


def applicable(findings: Iterable[Finding], unsafe: bool) -> list[Fix]:
    return [f.fix for f in findings if f.fix is not None and (unsafe or f.fix.safe)]


def choose(fixes: Iterable[Fix]) -> list[Fix]:
    """Fixes that do not touch one another, the earlier one winning an overlap."""
    chosen: list[Fix] = []
    taken: list[tuple[int, int]] = []
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        spans = [(edit.start, edit.end) for edit in fix.edits]
        if any(_overlap(span, other) for span in spans for other in taken):
            continue
        chosen.append(fix)
        taken.extend(spans)
    return chosen


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] or b[0] == b[1]:  # an insertion conflicts with any span it touches
        return max(a[0], b[0]) <= min(a[1], b[1])
    return a[0] < b[1] and b[0] < a[1]


def apply(source: str, fixes: Iterable[Fix]) -> str:
    """``source`` with the edits of ``fixes`` (which must not overlap) applied."""
    edits = sorted((edit for fix in fixes for edit in fix.edits), key=lambda e: e.start, reverse=True)
    parts: list[str] = []
    end = len(source)
    for edit in edits:
        parts.append(source[edit.end : end])
        parts.append(edit.replacement)
        end = edit.start
    parts.append(source[:end])
    return "".join(reversed(parts))


@dataclass
class Outcome:
    text: str
    applied: int
    findings: list[Finding]


def fix_text(text: str, findings: list[Finding], recheck: Callable[[str], list[Finding]], unsafe: bool) -> Outcome:
    """Apply fixes round by round; ``recheck(text)`` returns the findings of the new text."""
    applied = 0
    for _ in range(MAX_ROUNDS):
        chosen = choose(applicable(findings, unsafe))
        if not chosen:
            break
        new_text = apply(text, chosen)
        if new_text == text:
            break
        text = new_text
        applied += len(chosen)
        findings = recheck(text)
    return Outcome(text, applied, findings)


def unified_diff(name: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=name, tofile=name)
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def write_atomic(path: str, data: bytes) -> None:
    """Replace ``path``'s content with ``data`` so that a reader (or a crash) sees the old
    file or the new one, never a mix: write a temporary file beside it, flush it to disk,
    give it the original's permissions, then rename it over the original. A symbolic link
    is followed, so the link stays a link."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    mode = stat.S_IMODE(os.stat(target).st_mode)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".checker-tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    with contextlib.suppress(OSError):  # the rename itself durable where the platform allows
        directory = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
