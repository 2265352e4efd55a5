"""The line models the ``furniture`` rule kind reads from a weights file: a logistic model
(one weight per cue) or boosted trees (shallow decision trees whose outputs add up to the
log-odds), both evaluated in plain Python, and both able to say which cues decided a line.

A weights file is JSON written by ``bench/fit_furniture.py``. Its ``model`` names the kind
(``logistic``, the default for older files, or ``trees``); either way the file lists the cues
it was fitted on, and a file whose cues are not this checker's is refused rather than read
against the wrong cues.
"""

from __future__ import annotations

import functools
import json
import math
import operator
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from checker.text.lineshape import FEATURE_NAMES, FEATURES

#: The threshold of a weights file that recommends none.
DEFAULT_THRESHOLD = 0.9
#: How many cues a finding's message names: the largest contributions to its score.
CUES_NAMED = 3
_INDEX = {name: index for index, name in enumerate(FEATURE_NAMES)}


class LineModel(Protocol):
    """What the rule needs of a model: a score, a threshold, and the cues behind a score."""

    threshold: float
    provenance: dict[str, Any]

    def score(self, values: Sequence[float]) -> float:
        """The log-odds that the line is furniture."""
        ...

    def contributions(self, values: Sequence[float]) -> list[float]:
        """How much each cue, in the order of ``FEATURES``, moved the score."""
        ...


def probability(model: LineModel, values: Sequence[float]) -> float:
    """How likely the line is furniture, from 0 to 1."""
    return 1.0 / (1.0 + math.exp(-max(model.score(values), -700.0)))


def cues(model: LineModel, values: Sequence[float], count: int = CUES_NAMED) -> list[str]:
    """The cues that pushed the line furthest towards furniture, largest first, each as a
    finding names it: a cue that points to the article's text pushes towards furniture by its
    absence, and is named as missing."""
    ranked = sorted(((contribution, index) for index, contribution in enumerate(model.contributions(values))
                     if contribution > 0), reverse=True)
    return [FEATURES[index].named(values[index]) for _, index in ranked[:count]]


@dataclass(frozen=True)
class LogisticModel:
    """Weights in the order of ``FEATURES`` and a bias: the log-odds are their sum."""

    weights: tuple[float, ...]
    bias: float
    threshold: float
    provenance: dict[str, Any]

    def score(self, values: Sequence[float]) -> float:
        # ``map`` keeps the products in C: this runs for every line.
        return self.bias + sum(map(operator.mul, self.weights, values))

    def contributions(self, values: Sequence[float]) -> list[float]:
        return [weight * value for weight, value in zip(self.weights, values, strict=True)]


#: One node of a tree: the cue's index (-1 for a leaf), the value at or below which the line
#: goes left, the left and right nodes, and the node's output (a leaf's is what it adds).
Node = tuple[int, float, int, int, float]


#: A tree of depth two at most, flattened: the root's cue and threshold, then for each side
#: the cue and threshold of its test and the outputs of its two leaves (a side that is a leaf
#: tests nothing: its threshold is infinite and both outputs are the leaf's).
Flat = tuple[int, float, int, float, float, float, int, float, float, float]
_ALWAYS = math.inf


@dataclass(frozen=True)
class TreeModel:
    """Boosted trees: the log-odds are ``bias`` plus one leaf's output from each tree."""

    trees: tuple[tuple[Node, ...], ...]
    bias: float
    threshold: float
    provenance: dict[str, Any]
    #: The trees of depth two at most, flattened, and the deeper ones: each line is scored
    #: with every tree, and a flat tree is walked without a loop.
    flat: tuple[Flat, ...] = field(init=False, repr=False)
    deep: tuple[tuple[Node, ...], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        flat, deep = [], []
        for tree in self.trees:
            flattened = _flatten(tree)
            if flattened is None:
                deep.append(tree)
            else:
                flat.append(flattened)
        object.__setattr__(self, "flat", tuple(flat))
        object.__setattr__(self, "deep", tuple(deep))

    def score(self, values: Sequence[float]) -> float:
        total = self.bias
        for cue, at, left_cue, left_at, low, high, right_cue, right_at, right_low, right_high in self.flat:
            if values[cue] <= at:
                total += low if values[left_cue] <= left_at else high
            else:
                total += right_low if values[right_cue] <= right_at else right_high
        for tree in self.deep:
            node = tree[0]
            while node[0] >= 0:
                node = tree[node[2] if values[node[0]] <= node[1] else node[3]]
            total += node[4]
        return total

    def contributions(self, values: Sequence[float]) -> list[float]:
        """Each step down a tree moves the output from the node's to its child's; the move is
        the cue's that the node tests (Saabas' attribution). Only for findings: not per line."""
        moved = [0.0] * len(FEATURE_NAMES)
        for tree in self.trees:
            node = tree[0]
            while node[0] >= 0:
                child = tree[node[2] if values[node[0]] <= node[1] else node[3]]
                moved[node[0]] += child[4] - node[4]
                node = child
        return moved


@functools.lru_cache(maxsize=8)
def load_model(path: str) -> LineModel:
    """Read a weights file once per process. Raises ``ValueError`` naming what is wrong."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ValueError(f"cannot read the weights file {path}: {error}") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not a weights file")
    kind = data.get("kind", "logistic")
    try:
        threshold = float(data.get("threshold", DEFAULT_THRESHOLD))
        bias = float(data.get("bias", 0.0))
    except (TypeError, ValueError):
        raise ValueError(f"{path}: the bias or the threshold is not a number") from None
    provenance = dict(data.get("provenance") or {})
    if kind == "logistic":
        weights = data.get("weights")
        if not isinstance(weights, dict):
            raise ValueError(f"{path}: not a weights file (no 'weights' mapping)")
        _same_cues(path, list(weights))
        try:
            values = tuple(float(weights[name]) for name in FEATURE_NAMES)
        except (TypeError, ValueError):
            raise ValueError(f"{path}: a weight is not a number") from None
        return LogisticModel(values, bias, threshold, provenance)
    if kind == "trees":
        listed = data.get("cues")
        if not isinstance(listed, list) or not isinstance(data.get("trees"), list):
            raise ValueError(f"{path}: a trees file lists its 'cues' and its 'trees'")
        _same_cues(path, listed)
        return TreeModel(tuple(_tree(path, tree) for tree in data["trees"]), bias, threshold, provenance)
    raise ValueError(f"{path}: unknown model kind {kind!r} (logistic or trees)")


def _flatten(tree: tuple[Node, ...]) -> Flat | None:
    """A tree of depth two at most as one ``Flat`` row; None for a deeper tree."""
    root = tree[0]
    if root[0] < 0:
        return (0, _ALWAYS, 0, _ALWAYS, root[4], root[4], 0, _ALWAYS, root[4], root[4])
    sides = []
    for child in (tree[root[2]], tree[root[3]]):
        if child[0] < 0:
            sides.append((0, _ALWAYS, child[4], child[4]))
            continue
        low, high = tree[child[2]], tree[child[3]]
        if low[0] >= 0 or high[0] >= 0:
            return None
        sides.append((child[0], child[1], low[4], high[4]))
    return (root[0], root[1], *sides[0], *sides[1])


def _same_cues(path: str, names: list[Any]) -> None:
    if sorted(map(str, names)) != sorted(FEATURE_NAMES):
        missing = sorted(set(FEATURE_NAMES) - set(map(str, names)))
        unknown = sorted(set(map(str, names)) - set(FEATURE_NAMES))
        raise ValueError(f"{path}: its cues are not this checker's (missing: {', '.join(missing) or 'none'}; "
                         f"unknown: {', '.join(unknown) or 'none'}); refit it with bench/fit_furniture.py")


def _tree(path: str, nodes: Any) -> tuple[Node, ...]:
    """A tree as written: a list of nodes, the root first; an inner node is
    ``[cue, threshold, left, right, output]``, a leaf ``[output]``."""
    if not isinstance(nodes, list) or not nodes:
        raise ValueError(f"{path}: a tree is a non-empty list of nodes")
    result = []
    for node in nodes:
        try:
            if isinstance(node, list) and len(node) == 1:
                result.append((-1, 0.0, -1, -1, float(node[0])))
                continue
            cue, at, left, right, output = node
            result.append((_INDEX[cue], float(at), int(left), int(right), float(output)))
        except (KeyError, TypeError, ValueError):
            raise ValueError(f"{path}: a tree node is not [cue, threshold, left, right, output] or [output]") from None
    for index, left, right in ((index, node[2], node[3]) for index, node in enumerate(result) if node[0] >= 0):
        if not (index < left < len(result) and index < right < len(result)):
            raise ValueError(f"{path}: a tree node points outside its tree, or back")
    return tuple(result)
