"""What a pattern's text says without running it: the text every match holds, whether every
match starts where the text starts or ends where it ends, and the one string a plain pattern
matches.

A hand-written reader of ``regex`` syntax, for deciding what a pattern can never match: each
answer is a necessary condition of a match or a shape every match has, never a guess. Where
the reader cannot show it (a construct it does not read, inline flags that change how text
reads), it answers None or False, and the pattern is searched in full.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.patterns.compiled import compiled

_SPECIAL = frozenset("\\.^$*+?{}[]|()")
_QUANTIFIER = frozenset("?*+{")
#: Inline flags that change how the literal reads: ignoring case, or verbose (spaces ignored).
_READING_FLAGS = compiled(r"\(\?[a-zA-Z-]*[ix]")
MIN_LITERAL = 3


def required_literal(pattern: str, min_length: int = MIN_LITERAL) -> str | None:
    """The one text every match of ``pattern`` contains (see ``required_literals``), or None
    when there is no such text or only a choice of several."""
    literals = required_literals(pattern, min_length)
    return literals[0] if literals is not None and len(literals) == 1 else None


def required_literals(pattern: str, min_length: int = MIN_LITERAL) -> tuple[str, ...] | None:
    """Texts of at least ``min_length`` characters, one of which every match of ``pattern``
    contains: "how numerous" for ``how numerous(?= \\d)``, " deal of" for
    ``a (?:good|great) deal of``, both sides of ``how numerous|as many``. Each alternative is
    read as a sequence, past anchors, character classes, quantified characters and groups (a
    group that must match gives its own texts; lookarounds give none). None when some
    alternative has no such text, or the pattern has inline case or verbose flags."""
    if _READING_FLAGS.search(pattern):
        return None
    return _alternatives(pattern, min_length)


def _alternatives(pattern: str, min_length: int) -> tuple[str, ...] | None:
    bars = [index for index, char, depth in _parens(pattern) if char == "|" and depth == 0]
    literals: list[str] = []
    for start, end in zip([-1, *bars], [*bars, len(pattern)], strict=True):
        found = _sequence(pattern[start + 1:end], min_length)
        if found is None:
            return None
        literals.extend(text for text in found if text not in literals)
    return tuple(literals)


def _sequence(branch: str, min_length: int) -> tuple[str, ...] | None:
    """The texts of one alternative: of the plain runs long enough and the groups that must
    match and have texts, the one with the fewest texts, then the longest (the most selective
    look); None when there is none or something not read here comes first."""
    found: list[tuple[str, ...]] = []
    index = 0
    while index < len(branch):
        text, stop = _plain_run(branch, index)
        if stop > index:  # a run: every match holds it, and what follows
            if len(text) >= min_length:
                found.append((text,))
            index = stop
            continue
        char = branch[index]
        if char == "(":
            end = _group_end(branch, index)
            inner = _group_inner(branch, index)
            if end is None or inner is None:
                break
            if end < len(branch) and branch[end] in "?*+{" and _SKIPPED_GROUP.match(branch, index):
                return None  # "a(?#note)?": the quantifier makes what came before the comment optional
            if inner[1] > inner[0] and not _optional(branch, end) and _COUNTED.match(branch, end):
                texts = _alternatives(branch[inner[0]:inner[1]], min_length)
                if texts is not None:
                    found.append(texts)
            index = _after_quantifier(branch, end)
        elif char == "[":
            index = _after_quantifier(branch, _skip_set(branch, index))
        elif char == "\\":
            after = _skip_escape(branch, index)
            if after is None:
                break
            index = _after_quantifier(branch, after)
        elif char in _QUANTIFIER:
            index = _after_quantifier(branch, index)  # the quantifier of a character a run left out
        else:
            index = _after_quantifier(branch, index + 1)  # "^", "$", ".", or a character made optional
    return min(found, key=lambda texts: (len(texts), -min(map(len, texts)))) if found else None


#: Group openings whose content must match where the group stands: (?:, (?>, named groups.
_GROUP_OPENING = compiled(r"\((?:\?:|\?>|\?P?<(?![=!])[^>]*>|\?[a-zA-Z]*:|(?!\?))")
#: Groups the regex module skips, so that a quantifier after one applies to what precedes it.
_SKIPPED_GROUP = compiled(r"\((?:\?#|\?[a-zA-Z-]+\))")
#: Groups that match nothing themselves: lookarounds, comments, flags.
_ZERO_WIDTH_GROUP = compiled(r"\((?:\?<?[=!]|\?#|\?[a-zA-Z-]+\))")


def _group_inner(branch: str, index: int) -> tuple[int, int] | None:
    """Where the content of the group opening at ``index`` lies; an empty span for a group
    that matches no text of its own; None for a group not read here (conditionals, ...)."""
    end = _group_end(branch, index)
    if end is None:
        return None
    if _ZERO_WIDTH_GROUP.match(branch, index):
        return (index, index)
    opening = _GROUP_OPENING.match(branch, index)
    return (opening.end(), end - 1) if opening else None


#: What may follow a group that must match: no brace, or a count ("{2}", "{1,3}"); not a
#: fuzzy-matching constraint ("{e<=1}"), under which the group's text may differ.
_COUNTED = compiled(r"(?!\{)|\{\d*(?:,\d*)?\}")


def _optional(branch: str, at: int) -> bool:
    """The quantifier at ``at`` (if any) lets the element before it match zero times."""
    return branch.startswith(("?", "*", "{0", "{,"), at)


def _after_quantifier(branch: str, at: int) -> int:
    """The index after the quantifier at ``at``, with its lazy or possessive mark; ``at``
    when there is none."""
    if at < len(branch) and branch[at] in "?*+":
        at += 1
    elif at < len(branch) and branch[at] == "{":
        close = branch.find("}", at)
        if close == -1:
            return at + 1  # a brace that is no quantifier: the character itself
        at = close + 1
    else:
        return at
    return at + 1 if at < len(branch) and branch[at] in "?+" else at


#: Escapes of one letter that stand for a class of characters or a position, not for text.
_CLASS_ESCAPES = frozenset("dDwWsSbBAZzGmMX")


def _skip_escape(branch: str, index: int) -> int | None:
    """The index after the class or anchor escape at ``index`` (``\\d``, ``\\b``, ``\\p{L}``);
    None for any other (a character code, a reference, a named list), which is not read."""
    letter = branch[index + 1: index + 2]
    if letter in ("p", "P") and branch.startswith("{", index + 2):
        close = branch.find("}", index)
        return None if close == -1 else close + 1
    return index + 2 if letter and letter in _CLASS_ESCAPES else None


def plain_text(pattern: str) -> str | None:
    """The one string ``pattern`` matches when it is plain text (escaped punctuation allowed:
    ``U\\.S\\.``), else None."""
    if _READING_FLAGS.search(pattern):
        return None
    text, end = _plain_run(pattern, 0)
    return text if end == len(pattern) else None


def _plain_run(pattern: str, index: int) -> tuple[str, int]:
    """The plain characters of ``pattern`` from ``index`` on, and where they stop: at a special
    character, a class or anchor escape, or a character a quantifier makes optional."""
    literal: list[str] = []
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            if index + 1 >= len(pattern) or pattern[index + 1].isalnum():
                break  # a class (\d, \s), an anchor (\b) or a reference: not plain text
            char, step = pattern[index + 1], 2
        elif char in _SPECIAL:
            break
        else:
            step = 1
        if index + step < len(pattern) and pattern[index + step] in _QUANTIFIER:
            break  # "abc?": the last character may be missing
        literal.append(char)
        index += step
    return "".join(literal), index


def _skip_set(pattern: str, index: int) -> int:
    """The index after the character set opening at ``index``."""
    index += 1
    if index < len(pattern) and pattern[index] == "^":
        index += 1
    if index < len(pattern) and pattern[index] == "]":
        index += 1  # a "]" first in a set is the character itself
    while index < len(pattern) and pattern[index] != "]":
        index += 2 if pattern[index] == "\\" else 1
    return index + 1


def _parens(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """Each "(", ")" and "|" of ``pattern`` from ``start`` that is not escaped or inside a
    character set: its index, itself and the depth of groups it stands in."""
    depth = 0
    index = start
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = _skip_set(pattern, index)
            continue
        if char == "(":
            yield index, char, depth
            depth += 1
        elif char == ")":
            depth -= 1
            yield index, char, depth
        elif char == "|":
            yield index, char, depth
        index += 1


def _group_end(pattern: str, start: int) -> int | None:
    """The index after the group that opens at ``start``; None when it does not close."""
    return next((index + 1 for index, char, depth in _parens(pattern, start) if char == ")" and depth == 0), None)


#: Inline flags that move where "^" and "$" match (multiline) or which way matching runs
#: (reverse): a pattern with one, even scoped to a group, is not read as anchored.
_ANCHOR_FLAGS = compiled(r"\(\?[a-zA-Z-]*[mr]")


def _top_alternatives(pattern: str) -> list[str]:
    bars = [index for index, char, depth in _parens(pattern) if char == "|" and depth == 0]
    return [pattern[start + 1:end] for start, end in zip([-1, *bars], [*bars, len(pattern)], strict=True)]


def anchored_at_start(pattern: str) -> bool:
    """Every match starts where the text starts: each alternative opens with ``^`` or ``\\A``,
    directly or inside groups that must match ("^\\W{0,3}(?:...)", "(?:^a)|(?:^b)"). A pattern
    compiled with the multiline or reverse flag is not (the caller reads its flags); one with
    such an inline flag, or anything else first, is not either."""
    if _ANCHOR_FLAGS.search(pattern):
        return False
    return all(_opens_anchored(branch) for branch in _top_alternatives(pattern))


def _opens_anchored(branch: str) -> bool:
    for anchor in ("^", "\\A"):
        if branch.startswith(anchor):
            return branch[len(anchor):len(anchor) + 1] not in _QUANTIFIER  # "^?" may match anywhere
    if not branch.startswith("(") or _ZERO_WIDTH_GROUP.match(branch):
        return False
    end, inner = _group_end(branch, 0), _group_inner(branch, 0)
    if end is None or inner is None or inner[1] <= inner[0] or _optional(branch, end):
        return False
    if not _COUNTED.match(branch, end):
        return False  # a fuzzy group: its anchor may be an error it allows
    return all(_opens_anchored(inner_branch) for inner_branch in _top_alternatives(branch[inner[0]:inner[1]]))


def anchored_at_end(pattern: str) -> bool:
    """Every match ends where the text ends (or before its final line break, as ``$`` allows):
    each alternative closes with an unescaped ``$``. False for a pattern with a multiline or
    reverse inline flag."""
    if _ANCHOR_FLAGS.search(pattern):
        return False
    return all(_closes_anchored(branch) for branch in _top_alternatives(pattern))


def _closes_anchored(branch: str) -> bool:
    if not branch.endswith("$"):
        return False
    escapes = len(branch) - 1 - len(branch[:-1].rstrip("\\"))
    return escapes % 2 == 0  # "\$" is the character, "\\$" a backslash then the anchor


#: A token that is one character class, repeated: ``[\p{L}\p{N}]+`` (no class nested in it).
_CLASS_RUN = compiled(r"\[\^?\]?(?:[^\[\]\\]|\\.)*\]\+")


def repeated_class(pattern: str) -> bool:
    """The pattern is one character class repeated (``[\\p{L}\\p{N}]+``): a match runs until a
    character outside the class, so two matches are at least one character apart."""
    return _CLASS_RUN.fullmatch(pattern) is not None
