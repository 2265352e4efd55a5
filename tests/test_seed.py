"""The seed article: what issue 3 says the pack must flag, at least."""

import pytest
from conftest import SEED, run_json

pytestmark = pytest.mark.corpus


def test_seed_article_findings():
    report, result = run_json(str(SEED))
    findings = report["files"][0]["findings"]
    by_rule = {}
    for f in findings:
        by_rule.setdefault(f["rule"], []).append(f)
    assert result.returncode == 1
    assert [f["line"] for f in by_rule["duplicate-headline"]] == [6]
    assert by_rule["duplicate-headline"][0]["related"][0]["line"] == 4
    boilerplate = {f["text"] for f in findings if f["category"] == "boilerplate"}
    assert boilerplate == {"More news: Pak Taliban commander killed in U.S. drone strike", "Like this:"}
    russian = [f for f in findings if f["category"] == "entity" and f["text"] == "Russian Federation"]
    assert {f["line"] for f in russian} == {10, 16}
    usa = [f for f in by_rule["entity-state-name-as-adjective"] if f["text"] == "USA"]
    assert len(usa) == 3
    assert [f["text"] for f in by_rule["entity-broken-phrase"]] == ["how numerous"]
    mixed = {f["text"] for f in by_rule["consistency-names"]}
    assert {"US", "U.S."} <= mixed


def test_seed_counts_of_two_incidents_are_no_contradiction_but_a_changed_restatement_is(tmp_path):
    """"more than 200" killed (line 22) and "more than 100" killed three days earlier (line 26)
    are two incidents; a copy that restates line 22 with another figure contradicts itself."""
    seed = next(SEED.glob("*.txt"))
    report, _ = run_json(str(seed))
    assert [f for f in report["files"][0]["findings"] if f["category"] == "contradiction"] == []
    text = seed.read_text(encoding="utf-8")
    cases = {
        "restated.txt": ("Two Russians familiar with the matter said more than 200 pro-government soldiers "
                         "were killed in the conflict.", "Two Russians familiar with the matter said fewer than "
                         "50 pro-government soldiers were killed in the conflict."),
        "reworded.txt": (None, "The two Russians said 40 pro-government soldiers were killed."),
        "same.txt": ("Two Russians familiar with the matter said more than 200 pro-government soldiers "
                     "were killed in the conflict.", None),
    }
    for name, (same, changed) in cases.items():
        (tmp_path / name).write_text(text.replace("Like this:", changed or same), encoding="utf-8")
    report, _ = run_json(*(str(tmp_path / name) for name in cases))
    found = {f["path"].rsplit("/", 1)[-1]: [x for x in f["findings"] if x["category"] == "contradiction"]
             for f in report["files"]}
    assert [(f["rule"], f["line"], f["related"][0]["line"]) for f in found["restated.txt"]] == [
        ("contradiction-restated", 40, 22)]
    assert [(f["rule"], f["related"][0]["text"]) for f in found["reworded.txt"]] == [
        ("contradiction-counts", "more than 200 pro-government soldiers")]
    assert found["same.txt"] == []
