"""Rule selection: ``-k`` expressions, select/ignore lists and categories."""

from __future__ import annotations

import fnmatch

from checker.errors import UsageError
from checker.patterns.compiled import compiled

_TOKEN = compiled(r"\s*(\(|\)|[^\s()]+)")


class KeywordExpression:
    """A pytest-style ``-k`` expression over rule ids and tags: ``dup and not headline``.

    A bare word matches a rule when it is a case-insensitive substring of the rule's id or
    equals one of its tags, category or kind.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.tokens = [m.group(1) for m in _TOKEN.finditer(source)]
        self.position = 0
        if not self.tokens:
            raise UsageError(f"-k: empty expression {source!r}")
        self.tree = self._or()
        if self.position != len(self.tokens):
            raise UsageError(f"-k: unexpected {self.tokens[self.position]!r} in {source!r}")

    def _peek(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def _take(self) -> str:
        token = self._peek()
        if token is None:
            raise UsageError(f"-k: expression {self.source!r} ends too early")
        self.position += 1
        return token

    def _or(self) -> tuple:
        node = self._and()
        while self._peek() == "or":
            self._take()
            node = ("or", node, self._and())
        return node

    def _and(self) -> tuple:
        node = self._not()
        while self._peek() == "and":
            self._take()
            node = ("and", node, self._not())
        return node

    def _not(self) -> tuple:
        if self._peek() == "not":
            self._take()
            return ("not", self._not())
        token = self._take()
        if token == "(":
            node = self._or()
            if self._take() != ")":
                raise UsageError(f"-k: missing ')' in {self.source!r}")
            return node
        if token in ("and", "or", ")"):
            raise UsageError(f"-k: unexpected {token!r} in {self.source!r}")
        return ("word", token.lower())

    def matches(self, names: list[str], rule_id: str) -> bool:
        lowered = [n.lower() for n in names]
        rule = rule_id.lower()

        def evaluate(node: tuple) -> bool:
            if node[0] == "word":
                return node[1] in rule or node[1] in lowered
            if node[0] == "not":
                return not evaluate(node[1])
            if node[0] == "and":
                return evaluate(node[1]) and evaluate(node[2])
            return evaluate(node[1]) or evaluate(node[2])

        return evaluate(self.tree)


def matches_any(rule_id: str, category: str, patterns: list[str]) -> bool:
    """True when a select/ignore entry names the rule: its id, a glob of ids, or its category."""
    return any(p == category or fnmatch.fnmatchcase(rule_id, p) or rule_id == p for p in patterns)
