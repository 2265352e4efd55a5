"""metadata-headline-unrelated: a headline that shares no word with a text long enough to tell
is not that text's headline (a section's name, a byline), or the text is not the article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import run_checker

from checker.errors import RuleError
from checker.kinds.metadata import MetadataRule

RULE_FILE = Path(__file__).resolve().parent.parent / "rules" / "metadata" / "metadata-headline-unrelated.yaml"

HARBOUR = ("Two ferries collided in thick fog at the mouth of the estuary early on Thursday, and one of them "
           "took on water before its crew ran it aground on a sandbank. The coastguard said all 41 passengers "
           "were brought ashore by lifeboat, and three were treated for cold. Investigators from the marine "
           "accident branch will board both vessels on Friday; the operator has suspended its morning crossings "
           "until they are done.")
ALLOTMENTS = ("Plot holders at the Ashcombe allotments have until March to clear their sheds after the council "
              "sold part of the site to a housing association. About sixty gardeners rent plots there, some of "
              "them for more than thirty years, and a petition against the sale gathered 2,300 names. The council "
              "says the money will pay for repairs to two schools, and that new plots will be laid out on the "
              "playing field behind the library by the autumn.")


def rule(**options) -> MetadataRule:
    spec = yaml.safe_load(RULE_FILE.read_text(encoding="utf-8"))
    spec.pop("examples", None)
    return MetadataRule({**spec, **options}, str(RULE_FILE))


def flagged(article, headline: str, body: str, **options) -> list[str]:
    return [f.location.text for f in rule(**options).check(article(f"Title: {headline}\n\n{body}\n"))]


@pytest.mark.parametrize("headline", ["Weekend Features", "By Morgan Ellery", "Photo: Dana Whitlow/Westgate Images",
                                      "Dear reader,", "harbourwatch_77"])
def test_a_headline_that_shares_no_word_with_the_text_is_flagged(article, headline):
    assert flagged(article, headline, HARBOUR) == [headline]


@pytest.mark.parametrize(("headline", "body"), [
    ("Ferries collide in estuary fog", HARBOUR),
    # the same word in other forms: "ferry" and "ferries", "collision" and "collided"
    ("Ferry collision: passengers rescued", HARBOUR),
    # a compound of the headline ends with a word of the text
    ("Allotment sheds must go, plotholders told", ALLOTMENTS),
    ("Gardeners lose fight over plots", ALLOTMENTS),
])
def test_a_headline_about_its_text_is_left_alone(article, headline, body):
    assert flagged(article, headline, body) == []


def test_a_short_text_says_too_little_to_tell(article):
    assert flagged(article, "Weekend Features", "The ferry ran late on Thursday.") == []
    assert flagged(article, "Weekend Features", HARBOUR, min_words=500) == []


def test_a_headline_of_no_words_is_left_alone(article):
    assert flagged(article, "2024", HARBOUR) == []


def test_min_words_must_be_positive():
    with pytest.raises(RuleError, match="min_words"):
        rule(min_words=0)


def test_records_and_markdown_are_read_alike(tmp_path):
    (tmp_path / "dump.jsonl").write_text(
        json.dumps({"id": "r1", "headline": "Latest updates", "body": ALLOTMENTS}) + "\n"
        + json.dumps({"id": "r2", "headline": "Allotment site sold", "body": ALLOTMENTS}) + "\n", encoding="utf-8")
    (tmp_path / "story.md").write_text(f"# Latest updates\n\n{HARBOUR}\n", encoding="utf-8")
    result = run_checker("--no-cache", "-f", "json", "--select", "metadata-headline-unrelated", str(tmp_path))
    report = json.loads(result.stdout)
    found = {entry["path"].rsplit("/", 1)[-1]: [f["text"] for f in entry["findings"]] for entry in report["files"]}
    assert found == {"dump.jsonl#r1": ["Latest updates"], "dump.jsonl#r2": [], "story.md": ["Latest updates"]}
