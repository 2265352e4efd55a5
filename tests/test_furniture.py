"""The ``furniture`` kind and its built-in rule, ``boilerplate-furniture``.

Every article here was written for these tests. Each planted line is a kind of page furniture
the phrase rules do not name; each control is article text that looks a little like
furniture. Which planted kinds the shipped model finds at its threshold, which only at a
lower one, and which it misses, is stated per test: a refit that changes it fails here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from checker import Article, RuleError
from checker.config.yamlsafe import load_yaml
from checker.kinds.boilerplate import BoilerplateRule
from checker.kinds.furniture import SHIPPED_WEIGHTS, FurnitureRule, load_model
from checker.read.parsers.text import parse_text
from checker.text import lineshape
from checker.text.lineshape import FEATURE_NAMES, FEATURES
from tests.conftest import run_checker, write

ROOT = Path(__file__).resolve().parent.parent
RULE_FILE = ROOT / "rules" / "boilerplate" / "boilerplate-furniture.yaml"
#: A threshold a team might choose for more findings, less surely.
RECALL_THRESHOLD = 0.8


def story(title: str, *paragraphs: str) -> str:
    """A plain-text article as scrapes store it: a header, then paragraphs apart by blank lines."""
    return f"Title: {title}\n\n" + "\n\n".join(paragraphs) + "\n"

FERRY = story(
    "Island ferry returns after four days of gales",
    "The ferry to Skellan island sailed again on Wednesday morning after gales kept it in harbour for"
    " four days, leaving about 300 residents without deliveries.",
    "The first crossing left at half past seven with a lorry of groceries, two doctors and a "
    "replacement part for the island's water pump, the operator said.",
    "\"People have been patient, but the shop was down to tinned soup,\" said Maud Ferris, who runs the"
    " island's only store.",
    "The operator said it would add two extra sailings on Thursday and Friday to clear a backlog of "
    "freight, and that fares for those trips would be waived.",
    "Forecasters expect calmer weather until the weekend, when another band of wind is due to reach "
    "the coast on Sunday evening.",
)

MATCH = story(
    "Dalby hold on for first away win of the season",
    "Dalby Rovers won 2-1 at Cresswell on Saturday, their first victory away from home since August, "
    "after a nervous final ten minutes in which the hosts hit the post twice.",
    "Tom Acre put the visitors ahead with a low shot in the 18th minute, and Sam Okafor doubled the "
    "lead from close range shortly after half-time.",
    "Cresswell pulled one back through a penalty with eight minutes left, and their goalkeeper went "
    "forward for a late corner that Dalby cleared off the line.",
    "\"We rode our luck at the end, but over ninety minutes I thought we deserved it,\" said the Dalby "
    "manager, Ellen Cross.",
    "The win lifts Dalby to ninth in the table, three points behind the play-off places, before they "
    "host the league leaders next Saturday.",
)

RESULTS = story(
    "Fenmore Foods lifts profit as bakery sales rise",
    "Fenmore Foods reported a 12 percent rise in half-year profit on Thursday, helped by strong "
    "demand for its own-brand bread and a fall in the price of flour.",
    "Pre-tax profit rose to 48 million pounds in the six months to September, against 43 million a "
    "year earlier, on sales that grew by 6 percent.",
    "The company said it would open two more bakeries in the north next year and expected to hire "
    "about 400 people to staff them.",
    "Its chief executive, Priya Lund, said energy costs remained the biggest risk to the business and"
    " that the company had fixed most of its electricity price until 2026.",
    "Shares in the company rose 3 percent in morning trading.",
)

COURT = story(
    "Landlord fined for ignoring repair orders",
    "A landlord who left tenants without heating for two winters was fined 30,000 pounds at Harlow "
    "magistrates' court on Monday.",
    "The court heard that the council had served four repair orders on the block on Mill Lane since "
    "2021, and that none had been carried out.",
    "One tenant, a mother of two, told the court her children had slept in their coats during a cold "
    "spell last February.",
    "The landlord, who did not attend, was also ordered to pay the council's costs of 6,400 pounds "
    "within 28 days.",
    "The council said it would now apply to take over the management of the building.",
)

CLINIC = story(
    "Evening clinic cuts waiting times for blood tests",
    "A pilot evening clinic at Northgate health centre has cut the wait for routine blood tests from "
    "nine days to three, the local health board said.",
    "The clinic opens until eight on weekdays and has seen more than 2,000 patients since it started "
    "in March, most of them people who could not attend during working hours.",
    "Nurses said the later slots had also reduced the number of missed appointments, which fell by "
    "almost half over the same period.",
    "The health board will decide in the autumn whether to keep the clinic open and whether to offer "
    "the same hours at two other centres.",
)

LINK_LIST = "\n".join([
    "Cyclists welcome new lane on the ring road",
    "Council approves budget for winter gritting",
    "Five cafes to try along the waterfront",
    "Why the old ferry still matters to Lower Harwick",
])

DEALS = story(
    "The best monitor deals this weekend",
    "Prices on computer monitors have dropped ahead of the holidays, and several models we tested "
    "this year are cheaper than they have been in months.",
    "Our favourite all-rounder, a 27-inch screen with sharp text and good colours, is down by a "
    "quarter at two large retailers. Gamers should look at the faster panels further down the list.",
    "Acme Vista 27 4K monitor: $249 (was $329) \n"
    "Brightline Pro 32 curved monitor: $399 (was $499) \n"
    "Kestrel 24 office monitor: $119 (was $159) \n"
    "Nimbus Arc 34 ultrawide: $549 (was $699)",
    "Stock is limited at these prices, and the retailers say the offers end on Sunday night or when "
    "units run out.",
)

SUBHEADING = story(
    "Town prepares for a long winter",
    "The town council agreed on Thursday to buy two more gritting lorries after last year's snow left"
    " side streets blocked for nearly a week.",
    "The lorries will cost about 180,000 pounds and should arrive before the end of November, the "
    "council's finance chief told members.",
    "Salt stocks",
    "The depot now holds 1,200 tonnes of salt, twice what it stored last winter, and a second store "
    "will open at the old bus garage in January.",
    "Residents can report untreated roads on the council's website or by telephone, and volunteers "
    "will again clear paths around the three care homes.",
)

QUOTED = story(
    "Swimmers return to the lido",
    "The open-air pool on Fenwick Road reopened on Saturday after a two-year restoration that "
    "replaced its cracked tiles and rusted railings.",
    "Several hundred people queued before the gates opened at nine, some of whom had swum there as "
    "children in the 1960s.",
    "\"It feels like summer again.\"",
    "That was how Joan Pell, 81, put it as she climbed out after her first length. The pool will stay"
    " open until the middle of September, with early sessions reserved for club swimmers on weekdays.",
)

OBITUARY = story(
    "Ruth Hallam, founder of the Market Street bakery, dies at 88",
    "Ruth Hallam, who opened the Market Street bakery in 1961 and ran it for more than forty years, "
    "died at home on Sunday. She was 88.",
    "She started the business with a second-hand oven and a loan from her brother, and by the 1980s "
    "it supplied bread to most of the cafes in town.",
    "She is survived by:",
    "Peter Hallam, son \n"
    "Clare Dunmore, daughter \n"
    "Oliver Hallam, grandson \n"
    "Edith Shaw, sister",
    "A service will be held at St Anne's church on Friday at eleven, and the family has asked for "
    "donations to the town's food bank instead of flowers.",
)


def builtin_rule(**changes: object) -> FurnitureRule:
    """The built-in rule as its file defines it, with ``changes`` to its fields."""
    spec = load_yaml(RULE_FILE)
    spec.update(changes)
    rule = FurnitureRule(spec, source=str(RULE_FILE))
    rule.timeout = None
    return rule


def flagged(text: str, rule: FurnitureRule | None = None) -> list[str]:
    rule = rule or builtin_rule()
    return [finding.location.text for finding in rule.check(parse_text("<test>", text))]


def planted_after(article: str, furniture: str) -> str:
    return article.rstrip("\n") + "\n\n" + furniture.strip("\n") + "\n"


def planted_before(article: str, furniture: str) -> str:
    header, _, body = article.partition("\n\n")
    return f"{header}\n\n{furniture}\n\n{body}"


# ---- planted furniture --------------------------------------------------------------------

SHIPPED_FINDS = {
    "lone site address": (COURT, "harlowherald.co.uk", "after"),
    "lone share counter": (CLINIC, "1,318", "after"),
}
#: The finding the tests of what a finding says and does read.
SITE = "harlowherald.co.uk"
#: Found once a team lowers the threshold to review more lines, less surely.
REVIEW_FINDS = {
    "all-caps promotion of the site": (MATCH, "ALL THE LATEST SCORES FROM THE DALBY ECHO", "after"),
    "agency credit with a name": (FERRY, "Mara Quill, Westmoor Press", "after"),
    "lone agency credit line": (RESULTS, "Eastmoor Press Agency", "after"),
}
MISSED = {
    "two-line author bio": (FERRY, "Mara Quill is the Skellan Herald's island correspondent.\n\n"
                            "She has reported from the western isles since 2019 and lives on Skellan.", "after"),
    "dateline and timestamp line": (CLINIC, "Tuesday 4 June 2024 09:12 BST", "before"),
}


def plant(article: str, furniture: str, where: str) -> str:
    return planted_after(article, furniture) if where == "after" else planted_before(article, furniture)


@pytest.mark.parametrize("name", sorted(SHIPPED_FINDS))
def test_the_shipped_rule_flags_planted_furniture(name):
    article, furniture, where = SHIPPED_FINDS[name]
    assert flagged(plant(article, furniture, where)) == furniture.splitlines()


@pytest.mark.parametrize("name", sorted(REVIEW_FINDS))
def test_a_lower_threshold_flags_more_planted_furniture(name):
    """At its shipped threshold the rule flags only what it is surest of; these need a lower one."""
    article, furniture, where = REVIEW_FINDS[name]
    text = plant(article, furniture, where)
    assert flagged(text) == []
    assert flagged(text, builtin_rule(threshold=RECALL_THRESHOLD)) == furniture.splitlines()


def test_a_share_counter_is_left_to_the_phrase_rule_that_flags_it():
    """Lines a phrase rule flags are the phrase rules' (the model adds only what they miss):
    an embedded post's counters are boilerplate-widget's, at any threshold."""
    text = planted_after(CLINIC, "1,204 1,204 Reposts   980 980 likes")
    assert flagged(text, builtin_rule(threshold=RECALL_THRESHOLD)) == []
    widget = BoilerplateRule(load_yaml(RULE_FILE.parent / "boilerplate-widget.yaml"))
    found = [f.location.text for f in widget.check(parse_text("<test>", text))]
    assert found == ["1,204 1,204 Reposts   980 980 likes"]


def test_a_link_list_with_no_label_is_found_at_a_lower_threshold():
    """Its lines look like headlines, and headlines end lists the author made too: the shipped
    threshold leaves them; a lower one finds them."""
    links = LINK_LIST.splitlines()
    text = planted_after(COURT, LINK_LIST)
    assert flagged(text) == []
    assert flagged(text, builtin_rule(threshold=RECALL_THRESHOLD)) == links


@pytest.mark.parametrize("name", sorted(MISSED))
def test_known_misses_stay_known(name):
    """Furniture shaped like prose (an author's note in full sentences), or standing where the
    fit data put bylines the labellers kept (a timestamp above the article), is beyond these
    cues even at a lower threshold."""
    article, furniture, where = MISSED[name]
    assert flagged(plant(article, furniture, where), builtin_rule(threshold=RECALL_THRESHOLD)) == []


@pytest.mark.parametrize("article", [FERRY, MATCH, RESULTS, COURT, CLINIC], ids=["ferry", "match", "results",
                                                                                  "court", "clinic"])
def test_plain_articles_are_left_alone(article):
    assert flagged(article, builtin_rule(threshold=RECALL_THRESHOLD)) == []


@pytest.mark.parametrize("article", [DEALS, SUBHEADING, QUOTED, OBITUARY],
                         ids=["deals product lines", "subheading between paragraphs", "short quoted line",
                              "names in an obituary"])
def test_controls_are_not_flagged_even_at_a_lower_threshold(article):
    assert flagged(article, builtin_rule(threshold=RECALL_THRESHOLD)) == []


# ---- what a finding says and does ----------------------------------------------------------

def test_the_message_names_the_cues_that_decided():
    finding = next(iter(builtin_rule().check(parse_text("<test>", planted_after(COURT, SITE)))))
    cues = {feature.cue for feature in FEATURES} | {feature.named(0.0) for feature in FEATURES}
    named = finding.message.split("(", 1)[1].split(")", 1)[0].split(", ")
    assert 2 <= len(named) <= 3 and set(named) <= cues


def test_the_fix_is_unsafe_and_removes_the_line():
    text = planted_after(COURT, SITE)
    finding = next(iter(builtin_rule().check(parse_text("<test>", text))))
    assert finding.fix is not None and finding.fix.applicability == "unsafe"
    edit = finding.fix.edits[0]
    assert edit.replacement == "" and text[:edit.location.offset] + text[edit.location.offset + edit.location.length:] \
        == COURT.rstrip("\n") + "\n"


def test_a_safe_fix_is_refused_and_none_gives_no_fix():
    with pytest.raises(RuleError, match="never a safe fix"):
        builtin_rule(fix="safe")
    text = planted_after(COURT, SITE)
    finding = next(iter(builtin_rule(fix="none").check(parse_text("<test>", text))))
    assert finding.fix is None


def test_the_threshold_option_changes_what_is_flagged():
    article, line, where = REVIEW_FINDS["all-caps promotion of the site"]
    text = plant(article, line, where)
    assert flagged(text, builtin_rule(threshold=RECALL_THRESHOLD)) == [line]
    assert flagged(text, builtin_rule(threshold=0.999)) == []
    for bad in (0.0, 1.0, 1.5):
        with pytest.raises(RuleError, match="threshold"):
            builtin_rule(threshold=bad)
    with pytest.raises(RuleError, match="threshold"):
        builtin_rule(threshold="high")


def test_the_rule_file_threshold_is_the_fitted_one():
    assert load_yaml(RULE_FILE)["threshold"] == load_model(str(SHIPPED_WEIGHTS)).threshold


def test_headline_and_header_are_never_flagged():
    text = "Title: GET THE APP NOW\nPublished: 2024-06-04\nSource: example.org\n\n" + FERRY.partition("\n\n")[2]
    text = planted_before(text.replace("GET THE APP NOW\n", "GET THE APP NOW\n", 1), "GET THE APP NOW")
    assert "GET THE APP NOW" not in flagged(text, builtin_rule(threshold=0.5))


def test_lines_a_phrase_rule_flags_are_left_to_it():
    """The model alone would flag a share prompt too; the phrase rule that names it reports it.
    The phrase rule's finding is evidence for the line next to it as well."""
    text = planted_after(MATCH, "Follow us on Twitter\n\nALL THE LATEST SCORES FROM THE DALBY ECHO")
    review = builtin_rule(threshold=RECALL_THRESHOLD)
    assert flagged(text, review) == ["ALL THE LATEST SCORES FROM THE DALBY ECHO"]
    assert "Follow us on Twitter" in flagged(text, builtin_rule(phrase_rules=[], threshold=0.7))


def test_phrase_rules_must_exist():
    with pytest.raises(RuleError, match="phrase_rules"):
        builtin_rule(phrase_rules=["no-such-folder"])


def test_an_embedded_post_and_an_authors_list_are_left_alone():
    post = ("Kim Baird @kimbaird_news\n\nThe queue for the ferry is right round the harbour this morning\n\n"
            "7:41 AM - 4 Jun 2024")
    text = planted_after(FERRY, post)
    assert flagged(text, builtin_rule(threshold=0.5)) == []
    sources = "Sources:\n\nhttps://example.org/report\n\nhttps://example.org/data\n\nhttps://example.org/minutes"
    assert flagged(planted_after(COURT, sources), builtin_rule(threshold=0.5)) == []


def test_text_in_another_language_is_left_alone():
    text = ("Title: Neue Fähre\n\nDie Fähre nach Skellan fährt seit Mittwoch wieder.\n\nSTARTSEITE\n\n"
            "Nach vier Tagen Sturm brachte sie Lebensmittel und zwei Ärzte auf die Insel.\n\nNACHRICHTEN\n")
    assert flagged(text, builtin_rule(threshold=0.5)) == []


# ---- the weights ---------------------------------------------------------------------------

def test_the_weights_file_loads_with_its_provenance():
    model = load_model(str(SHIPPED_WEIGHTS))
    assert model.trees and 0 < model.threshold < 1
    data = json.loads(SHIPPED_WEIGHTS.read_text(encoding="utf-8"))
    provenance = data["provenance"]
    assert provenance["script"] == "bench/fit_furniture.py"
    assert provenance["fitted"][:2] == "20" and provenance["lines"] > 0 and provenance["furniture"] > 0
    files = [entry["file"] for entry in provenance["labels"]]
    assert "bench/data/lines/labels-a.jsonl" in files and not any("labels-b" in file for file in files)
    assert all(len(entry["sha256"]) == 64 for entry in provenance["labels"])


def test_a_logistic_weights_file_still_loads_and_each_weight_counts(tmp_path):
    """Weights files of the former kind (one weight per cue) are read as before."""
    weights = dict.fromkeys(FEATURE_NAMES, 0.0)
    weights["link"] = 8.0
    path = write(tmp_path, "logistic.json", json.dumps({"weights": weights, "bias": -4.0, "threshold": 0.9}))
    rule = builtin_rule(weights=str(path))
    assert flagged(planted_after(COURT, SITE), rule) == [SITE]
    assert flagged(COURT, rule) == []


def test_a_weights_file_for_other_cues_is_refused(tmp_path):
    data = json.loads(SHIPPED_WEIGHTS.read_text(encoding="utf-8"))
    data["cues"].remove("counter")
    stale = write(tmp_path, "stale.json", json.dumps(data))
    with pytest.raises(RuleError, match=r"weights.*missing: counter"):
        builtin_rule(weights=str(stale))


# ---- the cost grows with the text ----------------------------------------------------------

def work(article: Article) -> int:
    """Lines of the line model's own code executed to check ``article``: a count of work that
    does not depend on the machine, as a timing would."""
    watched = {lineshape.__file__, sys.modules[FurnitureRule.__module__].__file__}
    count = 0

    def trace(frame, event, argument):
        nonlocal count
        if frame.f_code.co_filename not in watched:
            return None
        if event == "line":
            count += 1
        return trace

    rule = builtin_rule(threshold=0.5)
    sys.settrace(trace)
    try:
        list(rule.check(article))
    finally:
        sys.settrace(None)
    return count


hypothesis = pytest.importorskip("hypothesis")
strategies = hypothesis.strategies

_LINES = strategies.sampled_from([
    "The council met on Tuesday to discuss the budget for the coming year.",
    "Photo gallery",
    "1,204 1,204 Reposts",
    '"We will be back," she said.',
    "Anna Berg, daughter",
    "Read the full report on the council's website at www.example.org.",
    "GET THE APP",
    "Officials said the plan would be published in the spring, after a consultation with residents.",
    "Salt stocks",
])


@hypothesis.settings(max_examples=25, deadline=None)
@hypothesis.given(strategies.lists(_LINES, min_size=4, max_size=30))
def test_checking_twice_the_lines_costs_at_most_about_twice_the_work(lines):
    """The body four times, then eight: every line of the longer article already repeats, as
    in the shorter, so the lines are alike and only their number doubles. A planted app prompt
    gives both a line to flag, so that work done once for an article with a finding (indexing
    its words) is done for both, not for the longer only."""
    body = "\n\n".join([*lines, "GET THE HARWICK POST APP FOR YOUR PHONE"])
    four_times = work(parse_text("<test>", "Title: A test\n\n" + "\n\n".join([body] * 4) + "\n"))
    eight_times = work(parse_text("<test>", "Title: A test\n\n" + "\n\n".join([body] * 8) + "\n"))
    assert eight_times <= 2.2 * four_times + 50


# ---- through the command line --------------------------------------------------------------

def furniture_found(*arguments: str) -> list[str]:
    result = run_checker("--no-cache", "--no-config", "-f", "json", *arguments)
    return [finding["text"] for finding in json.loads(result.stdout)["files"][0]["findings"]
            if finding["rule"] == "boilerplate-furniture"]


def test_the_rule_is_off_by_default_selectable_and_suppressible(tmp_path):
    assert load_yaml(RULE_FILE)["enabled"] is False
    story = write(tmp_path, "story.txt", planted_after(COURT, SITE))
    assert furniture_found(str(story)) == []
    assert furniture_found("--select", "boilerplate-furniture", str(story)) == [SITE]
    assert furniture_found("--select", "*", str(story)) == [SITE]
    quiet = write(tmp_path, "quiet.txt", planted_after(COURT, "[checker-disable-next-line boilerplate-furniture]\n"
                                                               + SITE))
    assert furniture_found("--select", "*", str(quiet)) == []
    assert furniture_found("--select", "*", "--ignore", "boilerplate-furniture", str(story)) == []


def test_fix_leaves_the_line_and_unsafe_fixes_remove_it(tmp_path):
    story = write(tmp_path, "story.txt", planted_after(COURT, SITE))
    run_checker("--no-cache", "--no-config", "--fix", "--select", "boilerplate-furniture", str(story))
    assert SITE in story.read_text(encoding="utf-8")
    run_checker("--no-cache", "--no-config", "--fix", "--unsafe-fixes", "--select", "boilerplate-furniture", str(story))
    assert story.read_text(encoding="utf-8") == COURT.rstrip("\n") + "\n"
