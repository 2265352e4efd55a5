"""Patterns that must end where the text ends, searched from the end backwards.

A forward search for such a pattern tries it at every position of the text and fails at the
end each time; searched backwards (``regex``'s ``(?r)``), it starts at the end, where it is
found or ruled out at once. Both find a match in the same texts.
"""

from __future__ import annotations

import regex

from checker.patterns.compiled import compiled

#: Constructs whose meaning depends on the direction of matching: a pattern with one of these
#: is not searched backwards.
_DIRECTIONAL = compiled(r"\(\?>|[+*?}]\+|\\[1-9]|\\g<|\(\?P=|\(\?\(|\(\?r|\(\?[a-z]*r")


def reverse_search(pattern: regex.Pattern, *, fixed: bool = False) -> regex.Pattern:
    """``pattern`` searched from the end of the text backwards (``(?r)``): it matches where the
    pattern matches, and a pattern that must end at the end of the text is settled at once.
    Patterns with atomic groups, possessive quantifiers, back references or conditionals,
    which can match differently backwards, are kept as they are.

    ``fixed``: a pattern fixed in the checker's own code, built when a module is imported;
    its backward form is kept in the file of the checker's own patterns (``compiled``), so a
    cold start does not compile it again (a few milliseconds)."""
    if _DIRECTIONAL.search(pattern.pattern):
        return pattern
    try:
        if fixed:
            return compiled("(?r)" + pattern.pattern, pattern.flags)
        # A rule's own pattern: compiled here, kept by the rule snapshot, never written to
        # the file of the checker's own patterns (``compiled``).
        return regex.compile("(?r)" + pattern.pattern, pattern.flags)
    except regex.error:
        return pattern
