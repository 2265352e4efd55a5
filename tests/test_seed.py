"""The seed article: what issue 3 says the pack must flag, at least."""

from conftest import SEED, run_json


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
