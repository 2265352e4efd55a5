"""The furniture line model as boosted trees: how a weights file of trees is read and walked,
what a finding says decided it, the cues the trees read that one weight per cue could not, and
the lines the shipped model flags and leaves alone on short hand-written articles."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from checker import RuleError
from checker.config.yamlsafe import load_yaml
from checker.kinds.furniture import SHIPPED_WEIGHTS, FurnitureRule
from checker.kinds.linemodel import TreeModel, cues, load_model, probability
from checker.read.parsers.text import parse_text
from checker.text.lineshape import FEATURE_NAMES, FEATURES, article_lines, shape_lines
from tests.conftest import write
from tests.test_furniture import RULE_FILE

_AT = {name: index for index, name in enumerate(FEATURE_NAMES)}

HARBOUR = (
    "Title: Harbour wall repairs finish early\n\n"
    "Repairs to the north harbour wall at Pellow finished on Friday, two weeks ahead of schedule, "
    "the port authority said.\n\n"
    "Divers replaced more than 400 of the granite blocks that winter storms had loosened, and "
    "the walkway along the top of the wall will reopen to walkers on Monday.\n\n"
    "The authority said the work cost about 1.3 million pounds, most of it paid by a coastal "
    "defence grant, and that the south wall would be surveyed in the spring.\n\n"
    "Fishing boats that moved to Carrow during the work are expected back by the end of the month.\n"
)


def rule(**changes: object) -> FurnitureRule:
    spec = load_yaml(RULE_FILE)
    spec.update(changes)
    built = FurnitureRule(spec, source=str(RULE_FILE))
    built.timeout = None
    return built


def found(text: str, checker: FurnitureRule | None = None) -> list[str]:
    return [finding.location.text for finding in (checker or rule()).check(parse_text("<test>", text))]


def with_tail(*lines: str) -> str:
    return HARBOUR + "\n" + "\n\n".join(lines) + "\n"


def trees_file(tmp_path, trees: list, bias: float = -3.0, threshold: float = 0.9, **extra: object):
    data = {"kind": "trees", "bias": bias, "threshold": threshold, "cues": list(FEATURE_NAMES), "trees": trees,
            **extra}
    return write(tmp_path, "trees.json", json.dumps(data))


# ---- reading and walking trees ---------------------------------------------------------------

def test_a_tree_adds_the_output_of_the_leaf_a_line_reaches(tmp_path):
    """One stump on "a web address": a line with one scores bias + 6, one without bias - 1."""
    path = trees_file(tmp_path, [[["link", 0.5, 1, 2, 0.0], [-1.0], [6.0]]])
    model = load_model(str(path))
    assert isinstance(model, TreeModel)
    values = [0.0] * len(FEATURE_NAMES)
    assert model.score(values) == pytest.approx(-4.0)
    values[_AT["link"]] = 1.0
    assert model.score(values) == pytest.approx(3.0)
    assert probability(model, values) == pytest.approx(1 / (1 + math.exp(-3.0)))


def test_a_finding_names_the_cues_on_the_path_that_raised_the_score(tmp_path):
    """Two levels: a web address, then a final full stop; a line with the address and no full
    stop is named for both, the absent one as absent."""
    tree = [["link", 0.5, 1, 2, 0.0], [-1.0], ["ends_sentence", 0.5, 3, 4, 2.0], [4.0], [0.5]]
    model = load_model(str(trees_file(tmp_path, [tree])))
    values = [0.0] * len(FEATURE_NAMES)
    values[_AT["link"]] = 1.0
    ends_sentence = FEATURES[_AT["ends_sentence"]]
    assert cues(model, values) == [FEATURES[_AT["link"]].cue, ends_sentence.named(0.0)]
    assert ends_sentence.named(0.0) == "no sentence ending"


def walked(model: TreeModel, values: list[float]) -> float:
    """The score as the trees say it, node by node: what the flattened walk must match."""
    total = model.bias
    for tree in model.trees:
        node = tree[0]
        while node[0] >= 0:
            node = tree[node[2] if values[node[0]] <= node[1] else node[3]]
        total += node[4]
    return total


def test_shallow_trees_are_flattened_and_deeper_ones_walked_alike(tmp_path):
    """A stump, a lone leaf, a tree with one side a leaf and a tree three deep score as their
    nodes say, on every line of an article."""
    deep = [["link", 0.5, 1, 2, 0.0], ["ends_sentence", 0.5, 3, 4, 0.0], [1.5],
            ["words_1", 0.5, 5, 6, 0.0], [-0.5], [0.25], [2.0]]
    trees = [[["link", 0.5, 1, 2, 0.0], [-1.0], [6.0]], [[0.75]],
             [["ends_bare", 0.5, 1, 2, 0.0], [-0.3], ["contact", 0.5, 3, 4, 0.0], [0.1], [3.0]], deep]
    model = load_model(str(trees_file(tmp_path, trees)))
    assert len(model.flat) == 3 and len(model.deep) == 1
    lines = list(shapes(with_tail("Tel: 01632 960 777", "pellowport.co.uk", "Contact")).values())
    assert {round(model.score(shape.values), 6) for shape in lines} != {round(model.bias, 6)}
    for shape in lines:
        assert model.score(shape.values) == pytest.approx(walked(model, shape.values))


def test_the_shipped_trees_score_as_walked_node_by_node():
    model = load_model(str(SHIPPED_WEIGHTS))
    for shape in shapes(with_tail("Email: desk@pellowtimes.co.uk", "Five walks along the cliffs")).values():
        assert model.score(shape.values) == pytest.approx(walked(model, shape.values))


def test_the_rule_runs_on_a_trees_file_of_a_team(tmp_path):
    path = trees_file(tmp_path, [[["contact", 0.5, 1, 2, 0.0], [-2.0], [8.0]]])
    team = rule(weights=str(path), threshold=0.9)
    assert found(with_tail("Tel: 01632 960 777"), team) == ["Tel: 01632 960 777"]
    assert found(HARBOUR, team) == []


@pytest.mark.parametrize(("change", "message"), [
    ({"kind": "forest"}, "unknown model kind"),
    ({"trees": [[["link", 0.5, 1, 9, 0.0], [0.0]]]}, "points outside its tree"),
    ({"trees": [[["no_such_cue", 0.5, 1, 2, 0.0], [0.0], [1.0]]]}, "not \\[cue, threshold"),
    ({"cues": list(FEATURE_NAMES)[:-1]}, "missing: " + FEATURE_NAMES[-1]),
])
def test_a_broken_trees_file_is_refused_when_the_rule_is_loaded(tmp_path, change, message):
    data = {"kind": "trees", "bias": 0.0, "threshold": 0.9, "cues": list(FEATURE_NAMES),
            "trees": [[["link", 0.5, 1, 2, 0.0], [0.0], [1.0]]]}
    data.update(change)
    path = write(tmp_path, "broken.json", json.dumps(data))
    with pytest.raises(RuleError, match=message):
        rule(weights=str(path))


def test_the_shipped_file_is_trees_fitted_without_the_held_out_part():
    model = load_model(str(SHIPPED_WEIGHTS))
    assert isinstance(model, TreeModel) and len(model.trees) >= 50
    assert model.threshold == load_yaml(RULE_FILE)["threshold"]
    provenance = json.loads(SHIPPED_WEIGHTS.read_text(encoding="utf-8"))["provenance"]
    files = [entry["file"] for entry in provenance["labels"]]
    assert "bench/data/lines/labels-c.jsonl" in files and not any("labels-b" in file for file in files)


# ---- the cues trees read ---------------------------------------------------------------------

def shapes(text: str):
    article = parse_text("<test>", text)
    return {article.source[shape.start:shape.end]: shape for shape in shape_lines(article, article_lines(article))}


def test_a_caption_shown_twice_echoes_and_the_paragraphs_do_not():
    caption = "Divers lift a granite block back into the wall on Thursday"
    shown_twice = f"\n\n{caption}\n\n{caption} (Photo: Jo Penn)\n\nThe authority said"
    text = HARBOUR.replace("\n\nThe authority said", shown_twice)
    lines = shapes(text)
    assert lines[caption].cue("echo") == 1.0 and lines[f"{caption} (Photo: Jo Penn)"].cue("echo") == 1.0
    assert not any(shape.cue("echo") for line, shape in lines.items() if not line.startswith("Divers lift"))


def test_a_promotion_shares_fewer_words_with_the_article_than_its_own_lines():
    promotion = "Win tickets to the Kessingford summer music festival"
    lines = shapes(with_tail(promotion))
    own = lines["Fishing boats that moved to Carrow during the work are expected back by the end of the month."]
    assert lines[promotion].cue("shared_words") < own.cue("shared_words")


def test_position_runs_from_the_first_line_to_the_last():
    values = [shape.cue("position") for shape in shapes(with_tail("pellowport.co.uk")).values()]
    assert values == sorted(values) and values[0] == 0.0 and 0.8 < values[-1] < 1.0


# ---- what the shipped model flags and leaves --------------------------------------------------

@pytest.mark.parametrize("furniture", ["Newsdesk: desk@pellowtimes.co.uk", "Tel: +44 1632 960 402"])
def test_a_contact_line_below_the_article_is_flagged(furniture):
    assert found(with_tail(furniture)) == [furniture]


def test_a_finding_says_which_cues_decided_it_and_its_fix_is_unsafe():
    finding = next(iter(rule().check(parse_text("<test>", with_tail("Newsdesk: desk@pellowtimes.co.uk")))))
    named = finding.message.split("(", 1)[1].rsplit(")", 1)[0]
    assert "an e-mail address or telephone number" in named
    assert finding.fix is not None and finding.fix.applicability == "unsafe"


@pytest.mark.parametrize("text", [
    HARBOUR,
    HARBOUR.replace("\n\nThe authority said", "\n\nWhat comes next\n\nThe authority said"),
    with_tail("\"We are proud of the divers,\" the harbour master said."),
    with_tail("The harbour master, Ruth Penrose, said the wall should last another century."),
], ids=["plain article", "subheading between paragraphs", "closing quotation", "closing sentence with a name"])
def test_the_articles_own_lines_stay_quiet(text):
    assert found(text) == []


def test_a_team_can_lower_the_threshold_to_review_a_headline_list():
    """Headlines of other stories after the article are beyond the shipped threshold, which
    keeps the rule precise; a lower one brings them up for review, all but the first, which
    right below the prose could be the article's closing line."""
    links = ["Ferry timetable changes for the winter", "New lifeboat crew members named at Pellow",
             "Five walks along the Kessingford cliffs"]
    text = with_tail(*links)
    assert found(text) == []
    assert found(text, rule(threshold=0.5)) == links[1:]


# ---- the labels fitted on ---------------------------------------------------------------------

LINES = RULE_FILE.parent.parent.parent / "bench" / "data" / "lines"
SHARED = RULE_FILE.parent.parent.parent.parent / "shared"


@pytest.mark.skipif(not (SHARED / "corpus" / "real").is_dir(), reason="the shared corpus is not here")
def test_the_added_fit_labels_quote_their_lines_and_stay_apart_from_the_other_parts():
    """labels-c: each label quotes (at most 80 characters of) the line it names, and no
    article of it is reserved for evaluation or labelled in another part."""
    def files(path: Path) -> set[str]:
        return {json.loads(line)["file"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}

    items = [json.loads(line) for line in (LINES / "labels-c.jsonl").read_text(encoding="utf-8").splitlines()]
    reserved = {line.strip() for line in (SHARED / "eval" / "reserved.txt").read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")}
    others = files(LINES / "labels-a.jsonl") | files(LINES / "labels-b.jsonl") | files(SHARED / "eval" / "dev.jsonl")
    assert len(items) == 150 and not {item["file"] for item in items} & (reserved | others)
    for item in items:
        lines = (SHARED / item["file"]).read_text(encoding="utf-8").split("\n")
        for label in item["labels"]:
            assert label["category"] in {"boilerplate", "duplicate", "unsure", "ok-repeat"}, item["file"]
            assert len(label["text"]) <= 80 and lines[label["line"] - 1].strip().startswith(label["text"]), \
                (item["file"], label["line"])


@pytest.mark.skipif(not (SHARED / "corpus" / "real").is_dir(), reason="the shared corpus is not here")
def test_the_label_parts_are_disjoint_quote_their_lines_and_hold_no_reserved_article():
    """Every part of bench/data/lines (labels-a to labels-f): each label quotes (at most 80
    characters of) the line it names, no article is in two parts or in dev.jsonl, and none is
    reserved for evaluation."""
    reserved = {line.strip() for line in (SHARED / "eval" / "reserved.txt").read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")}
    dev = (SHARED / "eval" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    seen = {json.loads(line)["file"] for line in dev if line.strip()}
    parts = sorted(LINES.glob("labels-*.jsonl"))
    assert [part.name for part in parts] == [f"labels-{letter}.jsonl" for letter in "abcdef"]
    for part in parts:
        items = [json.loads(line) for line in part.read_text(encoding="utf-8").splitlines() if line.strip()]
        files = {item["file"] for item in items}
        assert len(files) == len(items) and not files & (seen | reserved), part.name
        seen |= files
        for item in items:
            lines = (SHARED / item["file"]).read_text(encoding="utf-8").split("\n")
            for label in item["labels"]:
                assert label["category"] in {"boilerplate", "duplicate", "unsure", "ok-repeat"}, item["file"]
                assert len(label["text"]) <= 80 and lines[label["line"] - 1].strip().startswith(label["text"]), \
                    (part.name, item["file"], label["line"])
