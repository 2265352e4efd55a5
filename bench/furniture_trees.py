"""Boosted trees for the furniture line model: fitted with scikit-learn (a training-only
dependency), written as plain lists the checker walks in Python (``checker.kinds.linemodel``).

Used by ``bench/fit_furniture.py --model trees``. Each tree is a list of nodes, the root
first: an inner node is ``[cue, threshold, left, right, output]`` (a line goes left when its
cue's value is at or below the threshold), a leaf ``[output]``. A leaf's output is what the
tree adds to the log-odds (the learning rate folded in); an inner node's output is the
average of its leaves', weighted by the fit lines that reached them, so that the step from a
node to its child says how much the cue it tests moved the score (the cues a finding names).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier

from checker.text.lineshape import FEATURE_NAMES


@dataclass(frozen=True)
class TreeSettings:
    """How the trees are grown: few and shallow, so that the checker walks them fast."""

    trees: int = 200
    depth: int = 2
    learning_rate: float = 0.1
    subsample: float = 0.8
    seed: int = 0


def fit_trees(values: np.ndarray, labels: np.ndarray, weights: np.ndarray,
              settings: TreeSettings) -> GradientBoostingClassifier:
    model = GradientBoostingClassifier(n_estimators=settings.trees, max_depth=settings.depth,
                                       learning_rate=settings.learning_rate, subsample=settings.subsample,
                                       random_state=settings.seed)
    return model.fit(values, labels, sample_weight=weights)


def predict_trees(model: GradientBoostingClassifier, values: np.ndarray) -> np.ndarray:
    return model.predict_proba(values)[:, 1]


def export_trees(model: GradientBoostingClassifier, values: np.ndarray) -> tuple[float, list[list[list]]]:
    """The bias and the trees as the weights file holds them. The bias is what the model
    adds before its trees; checked against scikit-learn's own scores on ``values``."""
    rate = model.learning_rate
    trees = [_export(estimator[0].tree_, rate) for estimator in model.estimators_]
    outputs = np.array([[_walk(tree, row) for tree in trees] for row in values[:200]]).sum(axis=1)
    raw = model.decision_function(values[:200])
    bias = float(np.mean(raw - outputs))
    if not np.allclose(raw, bias + outputs, atol=1e-3):
        raise SystemExit("the exported trees do not score as scikit-learn does")
    return bias, trees


def _export(tree, rate: float) -> list[list]:
    left, right = tree.children_left, tree.children_right
    weight = tree.weighted_n_node_samples
    output = [0.0] * tree.node_count
    for node in reversed(range(tree.node_count)):  # children come after their parent
        if left[node] < 0:
            output[node] = float(tree.value[node].ravel()[0]) * rate
        else:
            total = weight[left[node]] + weight[right[node]]
            output[node] = (weight[left[node]] * output[left[node]] + weight[right[node]] * output[right[node]]) / total
    nodes: list[list] = []
    for node in range(tree.node_count):
        if left[node] < 0:
            nodes.append([round(output[node], 6)])
        else:
            nodes.append([FEATURE_NAMES[tree.feature[node]], round(float(tree.threshold[node]), 6),
                          int(left[node]), int(right[node]), round(output[node], 6)])
    return nodes


def _walk(tree: list[list], row: np.ndarray) -> float:
    node = tree[0]
    while len(node) > 1:
        node = tree[node[2] if row[FEATURE_NAMES.index(node[0])] <= node[1] else node[3]]
    return node[0]
