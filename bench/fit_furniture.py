"""Fit the weights of the furniture line model (``checker/data/furniture.json``).

Usage (from the project root):

    python bench/fit_furniture.py --extracted /tmp/work/extracted   # cross-validate, fit, write the weights
    python bench/fit_furniture.py --dry-run    # cross-validate and print; write nothing

The model (``--model trees``, the default) is boosted shallow trees over the cues of
``checker.text.lineshape`` (one vector per line, computed by the same code the rule runs),
fitted by ``bench/furniture_trees.py``: trees read a cue either way and in combination with
others (a short line is furniture after the prose and a subheading between paragraphs), which
one weight per cue cannot. Its threshold is the lowest from which on the rule's own findings on
real (not planted) lines keep ``--precision`` out of fold, over whole articles. ``--model
logistic`` fits the former model: a logistic regression, each weight's sign bounded by the
direction its cue declares, with an L2 penalty chosen by cross-validation over whole articles.
Positives are the lines labelled ``boilerplate``; negatives every other labelled or unlabelled
line; ``unsure`` lines and lines that repeat the headline (the duplicate rules' to report) are
left out.

Fit data: ``bench/data/lines/labels-a.jsonl``, ``labels-c.jsonl`` and ``../shared/eval/dev.jsonl``; the fit
vocabulary of ``bench/planted_furniture.py`` planted in those articles (``--planted``); and,
with ``--extracted W/extracted`` (the work folder of ``bench/extractors.py --work W``), the
labelled lines of the fit pages' extractor output (``bench/data/lines/extractors.jsonl``).
Each line's phrase-rule evidence is computed as the rule computes it. The held-out
part, ``labels-b.jsonl``, is refused: it is only for ``bench/furniture_eval.py`` at the end.
Articles listed in ``../shared/eval/reserved.txt`` are refused too.

numpy, scipy and scikit-learn are training-only dependencies: the rule reads the weights with plain Python.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import planted_furniture as planted  # noqa: E402
from extractors import part_of  # noqa: E402
from furniture_trees import TreeSettings, export_trees, fit_trees, predict_trees  # noqa: E402

from checker.kinds.boilerplate import BoilerplateRule  # noqa: E402
from checker.kinds.furniture import line_evidence  # noqa: E402
from checker.load.collect import builtin_rules_dir, load_rule  # noqa: E402
from checker.plugin.builtin import checker_parse_article  # noqa: E402
from checker.text.lineshape import (  # noqa: E402
    FEATURE_NAMES,
    FEATURES,
    FUNCTION_WORDS,
    FURNITURE,
    LEFT_ALONE,
    TEXT,
    article_lines,
    shape_lines,
)

SHARED = ROOT.parent / "shared"
LINES = ROOT / "bench" / "data" / "lines"
FIT_LABELS = [LINES / "labels-a.jsonl", LINES / "labels-c.jsonl", SHARED / "eval" / "dev.jsonl"]
HELD_OUT = ROOT / "bench" / "data" / "lines" / "labels-b.jsonl"
#: The second held-out part (labelled after the model was fitted): never fitted on either.
HELD_OUT_E = ROOT / "bench" / "data" / "lines" / "labels-e.jsonl"
HELD_OUT_F = ROOT / "bench" / "data" / "lines" / "labels-f.jsonl"
EXTRACTOR_LABELS = ROOT / "bench" / "data" / "lines" / "extractors.jsonl"
RESERVED = SHARED / "eval" / "reserved.txt"
WEIGHTS = ROOT / "checker" / "data" / "furniture.json"
PENALTIES = (1.0, 3.0, 10.0, 30.0, 100.0)
THRESHOLDS = (*(round(0.5 + 0.01 * step, 2) for step in range(50)), 0.995, 0.998, 0.999)
_NORMAL = re.compile(r"\W+")


@dataclass
class Lines:
    """The labelled lines of the fit data: cue vectors, labels, and what is needed to report."""

    values: np.ndarray
    labels: np.ndarray
    phrase: np.ndarray  # a phrase rule flags the line
    left: np.ndarray  # the rule leaves the line alone: a phrase rule flags it, or a cue of LEFT_ALONE
    article: np.ndarray  # which article, for folds that keep an article whole
    real: np.ndarray  # the line is a real text's as it was: a labelled article's or an extractor's, not a
    # copy with furniture planted (whose own lines stand beside invented furniture)
    weight: np.ndarray  # how much the line counts in the fit
    where: list[tuple[str, int, str]]  # file, line number, text


def reserved() -> set[str]:
    if not RESERVED.is_file():
        return set()
    return {line.strip() for line in RESERVED.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def phrase_rules() -> list[BoilerplateRule]:
    folder = builtin_rules_dir() / "boilerplate"
    rules = []
    for path in sorted(folder.glob("*.yaml")):
        # Only the phrase rules are evidence; the other kinds of the folder (the furniture rule
        # itself, author boxes, twin lines) are read as stand-ins and left out.
        kind = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("kind")
        rule = load_rule(path, {"boilerplate": BoilerplateRule, str(kind): _Skip}
                         if kind != "boilerplate" else {"boilerplate": BoilerplateRule})
        if isinstance(rule, BoilerplateRule):
            rule.timeout = None
            rules.append(rule)
    return rules


class _Skip:
    """Stands in for the furniture kind while the phrase rules are read: its own rule file
    needs the weights this script is about to write."""

    def __init__(self, spec: dict, source: str = "") -> None:
        del spec, source


@dataclass(frozen=True)
class Document:
    """One text to read lines from: its group (the texts of a group stay in one fold: an
    article and its planted copies, a page's extractions), where it is shown as coming from,
    the text, its labels by 1-based line, and the category of a line it does not label (None:
    left out, for texts labelled only in part)."""

    group: str
    shown: str
    text: str
    labels: dict[int, str]
    unlabelled: str | None = "text"
    planted: frozenset[int] = frozenset()  # the planted lines of a copy with planted furniture


def labelled_documents(label_files: list[Path]) -> list[Document]:
    refused = reserved()
    documents = []
    for label_file in label_files:
        if label_file.resolve() in (HELD_OUT.resolve(), HELD_OUT_E.resolve(), HELD_OUT_F.resolve()):
            raise SystemExit(f"{label_file} is the held-out part: score on it with bench/furniture_eval.py only")
        for raw in label_file.read_text(encoding="utf-8").splitlines():
            if not raw.strip():
                continue
            item = json.loads(raw)
            if item["file"] in refused:
                raise SystemExit(f"{item['file']} is reserved for evaluation: it may not be read")
            text = (SHARED / item["file"]).read_text(encoding="utf-8")
            documents.append(Document(item["file"], item["file"], text,
                                      {label["line"]: label["category"] for label in item["labels"]}))
    return documents


def extractor_documents(extracted: Path) -> tuple[list[Document], int]:
    """The fit part's extractor output that ``bench/extractors.py`` labelled, read from its
    ``--work`` folder (``extracted/<extractor>/<page>.txt``). Only the labelled lines count; a
    text whose lines no longer read as labelled (another extractor version) is left out, and
    counted."""
    documents, stale = [], 0
    for raw in EXTRACTOR_LABELS.read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        item = json.loads(raw)
        page = Path(item["file"]).name[: -len(".gz")]
        if part_of(page) != "fit":
            raise SystemExit(f"{EXTRACTOR_LABELS}: {item['file']} is a held-out page")
        path = extracted / item["extractor"] / f"{page}.txt"
        if not path.is_file():
            stale += 1
            continue
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        labels = {label["line"]: label["category"] for label in item["labels"]}
        if any(number > len(lines) or not lines[number - 1].startswith(label["text"])
               for number, label in ((label["line"], label) for label in item["labels"])):
            stale += 1
            continue
        documents.append(Document(f"page:{page}", f"{item['extractor']}/{page}", text,
                                  {number: "boilerplate" if category == "furniture" else "text"
                                   for number, category in labels.items()}, None))
    return documents, stale


def planted_documents(hosts: list[Document], per_unit: int) -> list[Document]:
    """The fit vocabulary of ``bench/planted_furniture.py`` planted in the fit articles (whose
    own lines are labelled): the planted lines are furniture, the others keep their labels."""
    by_file = {document.shown: document for document in hosts if document.shown.startswith("corpus/real/")}
    documents = []
    for article in planted.planted_articles(planted.vocabulary("fit"), sorted(by_file), per_unit):
        host = by_file[article.host]
        labels = {line: host.labels[original] for line, original in article.original.items()
                  if original in host.labels}
        labels.update({line: "boilerplate" for line in article.planted})
        documents.append(Document(article.host, f"planted/{article.name}", article.text, labels, "text",
                                  frozenset(article.planted)))
    return documents


def read_lines(documents: list[Document], planted_weight: float = 1.0) -> Lines:
    """The lines of ``documents`` as cue vectors; the lines of a copy with planted furniture
    count ``planted_weight`` each (the planted furniture would otherwise outweigh the real)."""
    rules = phrase_rules()
    values, labels, phrase, left, articles, where, real = [], [], [], [], [], [], []
    for document in documents:
        text = document.text
        article = checker_parse_article(path=document.shown, text=text, format=None)
        headline = _NORMAL.sub(" ", article.headline.value).strip().casefold() if article.headline else None
        spans = article_lines(article)
        evidence = [line_evidence(rules, text[start:end]) for start, end in spans]
        for shape, flagged in zip(shape_lines(article, spans, evidence), evidence, strict=True):
            line = article.position(shape.start)[0]
            category = document.labels.get(line, document.unlabelled)
            line_text = text[shape.start:shape.end]
            if category in (None, "unsure") or (headline and _NORMAL.sub(" ", line_text).strip().casefold()
                                                == headline):
                continue
            values.append(shape.values)
            labels.append(1.0 if category == "boilerplate" else 0.0)
            phrase.append(flagged)
            left.append(flagged or any(shape.values[index] for index in LEFT_ALONE))
            articles.append(document.group)
            real.append(not document.shown.startswith("planted/"))
            where.append((document.shown, line, line_text))
    _, article_ids = np.unique(np.array(articles), return_inverse=True)
    copies = np.array([shown.startswith("planted/") for shown, _, _ in where])
    return Lines(np.array(values, dtype=float), np.array(labels), np.array(phrase), np.array(left), article_ids,
                 np.array(real), np.where(copies, planted_weight, 1.0), where)


#: Each weight's bounds: a cue declared to point to furniture gets a weight of at least 0, one
#: declared to point to the article's text at most 0 (``Feature.direction``).
BOUNDS = [(None, None)] + [((0.0, None) if feature.direction == FURNITURE else (None, 0.0)
                            if feature.direction == TEXT else (None, None)) for feature in FEATURES]


def fit(values: np.ndarray, labels: np.ndarray, penalty: float, weights: np.ndarray) -> np.ndarray:
    """Logistic regression with an L2 penalty on the weights (not the bias), each weight's
    sign bounded by its cue's direction (L-BFGS-B), each line counted ``weights`` times.
    Returns the bias followed by the weights."""
    design = np.hstack([np.ones((len(values), 1)), values])

    def loss(beta: np.ndarray) -> tuple[float, np.ndarray]:
        score = design @ beta
        value = float(np.sum(weights * (np.logaddexp(0.0, score) - labels * score))
                      + 0.5 * penalty * np.sum(beta[1:] ** 2))
        gradient = design.T @ (weights * (1.0 / (1.0 + np.exp(-score)) - labels))
        gradient[1:] += penalty * beta[1:]
        return value, gradient

    result = minimize(loss, np.zeros(design.shape[1]), jac=True, method="L-BFGS-B", bounds=BOUNDS,
                      options={"maxiter": 2000, "gtol": 1e-8})
    return result.x


def predict(beta: np.ndarray, values: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(beta[0] + values @ beta[1:])))


def cross_validate(lines: Lines, penalty: float, folds: int, seed: int) -> np.ndarray:
    """Out-of-fold probabilities of the logistic model, each article wholly in one fold."""
    return out_of_fold(lines, folds, seed, lambda values, labels, weights: fit(values, labels, penalty, weights),
                       predict)


def out_of_fold(lines: Lines, folds: int, seed: int, fitter, predictor) -> np.ndarray:
    """Out-of-fold probabilities of any model (``fitter`` fits one on values, labels and
    weights; ``predictor`` scores values with it), each article wholly in one fold."""
    articles = np.unique(lines.article)
    np.random.default_rng(seed).shuffle(articles)
    probability = np.zeros(len(lines.labels))
    for fold in np.array_split(articles, folds):
        test = np.isin(lines.article, fold)
        model = fitter(lines.values[~test], lines.labels[~test], lines.weight[~test])
        probability[test] = predictor(model, lines.values[test])
    return probability


def scores(lines: Lines, probability: np.ndarray, threshold: float) -> dict[str, float]:
    """Precision and recall of the rule's own findings (lines no phrase rule flags) and of the
    phrase rules and the rule together."""
    positive = lines.labels == 1
    own = (probability >= threshold) & ~lines.left
    both = own | lines.phrase
    found = int((own & positive).sum())
    real = own & lines.real
    return {
        "real_model_findings": int(real.sum()),
        "real_model_precision": round(int((real & positive).sum()) / int(real.sum()), 3) if real.sum() else 1.0,
        "threshold": threshold,
        "model_findings": int(own.sum()),
        "model_precision": round(found / int(own.sum()), 3) if own.sum() else 1.0,
        "both_precision": round(float((both & positive).sum() / both.sum()), 3) if both.sum() else 1.0,
        "both_recall": round(float((both & positive).sum() / positive.sum()), 3) if positive.sum() else 0.0,
        "phrase_recall": round(float((lines.phrase & positive).sum() / positive.sum()), 3) if positive.sum() else 0.0,
    }


def average_precision(lines: Lines, probability: np.ndarray) -> float:
    """How well the lines the rule may flag are ranked: average precision."""
    mask = ~lines.left
    order = np.argsort(-probability[mask], kind="stable")
    ranked = lines.labels[mask][order]
    hits = np.cumsum(ranked)
    precision = hits / np.arange(1, len(ranked) + 1)
    return float(precision[ranked == 1].mean()) if ranked.sum() else 0.0


def mean_scores(lines: Lines, probabilities: list[np.ndarray], threshold: float) -> dict[str, float]:
    """``scores`` averaged over several ways of cutting the articles into folds."""
    runs = [scores(lines, probability, threshold) for probability in probabilities]
    return {key: round(float(np.mean([run[key] for run in runs])), 3) for key in runs[0]}


def choose_threshold(lines: Lines, probabilities: list[np.ndarray], target: float,
                     measure: str = "model_precision") -> float:
    """The lowest threshold at which the rule's own findings (the lines no phrase rule flags)
    reach ``target`` precision out of fold (averaged over the fold cuts), at this threshold
    and every higher one: added to the phrase rules' findings, they keep the category's
    precision where the phrase rules have it. The highest threshold when none does."""
    chosen = THRESHOLDS[-1]
    for threshold in reversed(THRESHOLDS):
        if mean_scores(lines, probabilities, threshold)[measure] < target:
            break
        chosen = threshold
    return chosen


def auc(values: np.ndarray, labels: np.ndarray) -> float:
    """How often a furniture line has a lower value than a line of text (ties count half)."""
    furniture, text = values[labels == 1], values[labels == 0]
    lower = (furniture[:, None] < text[None, :]).sum() + 0.5 * (furniture[:, None] == text[None, :]).sum()
    return float(lower / (len(furniture) * len(text)))


def compare_stoplist(lines: Lines) -> None:
    """jusText tells content from boilerplate by its share of stop words. The rule counts its
    own list of English function words (the corpus's copy of jusText's list is not shipped);
    this prints how well each share alone separates furniture from text on the fit lines."""
    stoplist = SHARED / "corpus" / "boilerplate" / "justext_stoplist_English.txt"
    words = frozenset(stoplist.read_text(encoding="utf-8").split())
    justext = np.array([_share(text, words) for _, _, text in lines.where])
    ours = np.array([_share(text, FUNCTION_WORDS) for _, _, text in lines.where])
    print(f"share of stop words as the only cue, AUC (furniture lower): jusText's list ({len(words)} words) "
          f"{auc(justext, lines.labels):.3f}, ours ({len(FUNCTION_WORDS)} words) {auc(ours, lines.labels):.3f}")


def _share(text: str, words: frozenset[str]) -> float:
    tokens = [token.lower() for token in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", text)]
    return sum(token in words for token in tokens) / len(tokens) if tokens else 0.0


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--labels", type=Path, nargs="+", default=FIT_LABELS, help="labelled articles to fit on")
    parser.add_argument("--extracted", type=Path, metavar="FOLDER",
                        help="the extracted texts of `bench/extractors.py --work W` (W/extracted): fit on the lines "
                        f"{EXTRACTOR_LABELS.relative_to(ROOT)} labels too")
    parser.add_argument("--planted", type=int, default=3, metavar="N",
                        help="plant each unit of the fit vocabulary in N fit articles and fit on them too (0: none)")
    parser.add_argument("--planted-weight", type=float, default=1.0,
                        help="how much each line of a copy with planted furniture counts in the fit")
    parser.add_argument("--out", type=Path, default=WEIGHTS, help="where to write the weights")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seeds", type=int, nargs="+", default=[27, 1, 2],
                        help="ways of cutting the articles into folds; figures are their mean")
    parser.add_argument("--precision", type=float, default=0.97,
                        help="precision the rule's own findings must reach at the threshold, out of fold")
    parser.add_argument("--model", choices=["trees", "logistic"], default="trees",
                        help="boosted shallow trees (the default) or a logistic model with sign-bounded weights")
    parser.add_argument("--trees", type=int, default=TreeSettings.trees, help="how many trees (--model trees)")
    parser.add_argument("--depth", type=int, default=TreeSettings.depth, help="how deep each tree (--model trees)")
    parser.add_argument("--dry-run", action="store_true", help="cross-validate and print; write nothing")
    parser.add_argument("--show", type=int, default=0, help="print the N highest-scored lines no phrase rule flags")
    parser.add_argument("--compare-stoplist", action="store_true",
                        help="compare our function words with jusText's English stop list as a single cue")
    options = parser.parse_args()

    documents = labelled_documents(options.labels)
    sources = [f"{len(documents)} labelled articles"]
    if options.planted:
        copies = planted_documents(documents, options.planted)
        sources.append(f"{len(copies)} copies with the fit vocabulary planted")
        documents += copies
    if options.extracted:
        extracted, stale = extractor_documents(options.extracted)
        sources.append(f"{len(extracted)} extractor texts ({stale} stale or missing left out)")
        documents += extracted
    print("fit data: " + ", ".join(sources))
    lines = read_lines(documents, options.planted_weight)
    if options.compare_stoplist:
        compare_stoplist(lines)
    print(f"{len(lines.labels)} lines, {int(lines.labels.sum())} furniture "
          f"({int((lines.labels[~lines.phrase]).sum())} that no phrase rule flags), "
          f"{len(np.unique(lines.article))} articles")
    if options.model == "trees":
        return fit_tree_model(options, lines, sources)
    ranked = []
    for penalty in PENALTIES:
        probabilities = [cross_validate(lines, penalty, options.folds, seed) for seed in options.seeds]
        quality = float(np.mean([average_precision(lines, probability) for probability in probabilities]))
        ranked.append((quality, penalty, probabilities))
        print(f"penalty {penalty:>5}: average precision of the rule's own findings, out of fold: {quality:.3f}")
    _, penalty, probabilities = max(ranked, key=lambda entry: entry[0])
    threshold = choose_threshold(lines, probabilities, options.precision)
    for candidate in sorted({0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, threshold}):
        print("  " + "  ".join(f"{key} {value}" for key, value in mean_scores(lines, probabilities, candidate).items()))
    print(f"penalty {penalty}, threshold {threshold} (lowest from which on the rule's own findings keep "
          f"precision {options.precision} out of fold)")
    probability = probabilities[0]
    if options.show:
        order = np.argsort(-probability)
        shown = 0
        for index in order:
            if lines.left[index]:
                continue
            file, line, text = lines.where[index]
            mark = "FURNITURE" if lines.labels[index] else "text     "
            print(f"{probability[index]:.3f} {mark} {file}:{line} {text[:90]}")
            shown += 1
            if shown >= options.show:
                break

    beta = fit(lines.values, lines.labels, penalty, lines.weight)
    weights = {name: round(float(weight), 4) for name, weight in zip(FEATURE_NAMES, beta[1:], strict=True)}
    for name, weight in sorted(weights.items(), key=lambda item: -abs(item[1]))[:12]:
        print(f"  {name:<16} {weight:+.3f}")
    if options.dry_run:
        return 0
    model = {
        "model": "furniture line model: logistic regression over checker.text.lineshape cues",
        "kind": "logistic",
        "bias": round(float(beta[0]), 4),
        "weights": weights,
        "threshold": threshold,
        "provenance": {**_provenance(options, lines, sources), "penalty": penalty,
                       "cross_validated": mean_scores(lines, probabilities, threshold)},
    }
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {_shown(options.out)}")
    return 0


def fit_tree_model(options: argparse.Namespace, lines: Lines, sources: list[str]) -> int:
    """Boosted trees: cross-validated over whole articles for the threshold (the lowest from
    which on the rule's own findings on real lines, planted ones aside, keep the precision
    asked for), then fitted on every line and written."""
    settings = TreeSettings(trees=options.trees, depth=options.depth)
    probabilities = [out_of_fold(lines, options.folds, seed,
                                 lambda values, labels, weights: fit_trees(values, labels, weights, settings),
                                 predict_trees) for seed in options.seeds]
    quality = float(np.mean([average_precision(lines, probability) for probability in probabilities]))
    print(f"{settings}: average precision of the rule's own findings, out of fold: {quality:.3f}")
    threshold = choose_threshold(lines, probabilities, options.precision, "real_model_precision")
    for candidate in sorted({0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, threshold}):
        print("  " + "  ".join(f"{key} {value}" for key, value in mean_scores(lines, probabilities, candidate).items()))
    print(f"threshold {threshold} (lowest from which on the rule's own findings on real lines keep precision "
          f"{options.precision} out of fold)")
    model = fit_trees(lines.values, lines.labels, lines.weight, settings)
    bias, trees = export_trees(model, lines.values)
    if options.dry_run:
        return 0
    data = {
        "model": "furniture line model: boosted trees over checker.text.lineshape cues",
        "kind": "trees",
        "bias": round(bias, 6),
        "threshold": threshold,
        "cues": list(FEATURE_NAMES),
        "provenance": {**_provenance(options, lines, sources),
                       "trees": {"count": settings.trees, "depth": settings.depth,
                                 "learning_rate": settings.learning_rate, "subsample": settings.subsample,
                                 "seed": settings.seed, "fitted_with": "scikit-learn GradientBoostingClassifier"},
                       "cross_validated": mean_scores(lines, probabilities, threshold)},
        "trees": trees,
    }
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {_shown(options.out)} ({len(trees)} trees)")
    return 0


def _provenance(options: argparse.Namespace, lines: Lines, sources: list[str]) -> dict:
    return {
        "script": "bench/fit_furniture.py",
        "fitted": datetime.date.today().isoformat(),
        "labels": [{"file": _shown(path), "sha256": digest(path)} for path in options.labels],
        "planted": ({"file": _shown(planted.VOCABULARY), "sha256": digest(planted.VOCABULARY),
                     "part": "fit vocabulary (first byte of sha256 of a unit's first line even)",
                     "hosts_per_unit": options.planted, "weight": options.planted_weight}
                    if options.planted else None),
        "extractors": ({"file": _shown(EXTRACTOR_LABELS), "sha256": digest(EXTRACTOR_LABELS),
                        "part": "fit pages only"} if options.extracted else None),
        "data": sources,
        "held_out": _shown(HELD_OUT) + " (not read by this script)",
        "lines": len(lines.labels),
        "furniture": int(lines.labels.sum()),
        "folds": options.folds,
        "fold_seeds": options.seeds,
    }


def _shown(path: Path) -> str:
    path = path.resolve()
    for base, prefix in ((ROOT, ""), (SHARED, "../shared/")):
        if path.is_relative_to(base):
            return prefix + str(path.relative_to(base))
    return str(path)


if __name__ == "__main__":
    raise SystemExit(main())
