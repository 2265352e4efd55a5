"""The kind contract: every field of a rule file is honoured by its kind or refused when the
file is loaded, with one line naming the file, the rule and the field."""

from __future__ import annotations

import pytest
import yaml
from conftest import run_checker, write

from checker.errors import RuleError
from checker.kinds.base import COMMON_OPTIONS, Rule
from checker.load.collect import load_rule
from checker.plugin.manager import new_plugin_manager

#: The optional common fields (scope, quotes, exceptions, ignorecase, fix), as a rule file sets them.
OPTIONAL_VALUES = {"scope": None, "quotes": False, "exceptions": ["Reuters"], "ignorecase": True, "fix": "unsafe"}

#: The smallest rule of each built-in kind; a kind registered without one here fails the
#: generated test, so a new kind is tested against the contract from its first day.
MINIMAL: dict[str, dict] = {
    "existence": {"tokens": ["gonna"]},
    "substitution": {"swap": {"gonna": "going to"}},
    "occurrence": {"token": r"\w+", "max": 3},
    "repetition": {},
    "consistency": {"groups": [["US", "U.S."]]},
    "conditional": {"first": r"\b([A-Z]{3,5})\b", "second": r"\(([A-Z]{3,5})\)"},
    "capitalization": {"match": "$title"},
    "duplicate": {"of": "sentence"},
    "boilerplate": {"starts": ["Share this"]},
    "metadata": {"field": "published", "check": "date"},
    "swapped-name": {"names": ["White House"], "synonyms": {"House": ["Residence"]}},
    "variants": {},
    "contradiction": {"check": "counts", "events": {"killed": ["killed"]}},
    "furniture": {},
    "state-adjective": {},
    "site-furniture": {"lines": ["Most read on the Gazette"]},
    "author-box": {},
    "twin-lines": {},
    "glued-lines": {},
    "link-list": {},
    "mixed-script": {},
    "about-section": {},
}


def registered_kinds() -> dict[str, type[Rule]]:
    """Every kind registered through the plugin hook, as a run sees them."""
    kinds: dict[str, type[Rule]] = {}
    for provided in new_plugin_manager().hook.checker_rule_kinds():
        kinds.update(provided)
    return kinds


def spec(kind: str, **fields) -> dict:
    return {"id": f"team-{kind}", "kind": kind, "message": "found {match}", "category": "style", **fields}


def refusal(tmp_path, kind: str, **fields) -> str:
    """The error of loading a rule file of ``kind`` with ``fields``, which must be refused."""
    path = write(tmp_path, f"team-{kind}.yaml", yaml.safe_dump(spec(kind, **fields)))
    with pytest.raises(RuleError) as caught:
        load_rule(path, registered_kinds())
    return str(caught.value)


# ---- every kind, generated ----------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(registered_kinds()))
def test_every_kind_documents_its_fields_and_refuses_what_it_does_not_honour(name):
    kind = registered_kinds()[name]
    assert name in MINIMAL, f"add the smallest rule of kind {name!r} to MINIMAL"
    assert kind.__doc__ and kind.__doc__ is not Rule.__doc__, f"kind {name!r} needs a docstring: its description"
    options = {**COMMON_OPTIONS, **kind.OPTIONS}
    for selected in kind.SELECTED_OPTIONS.values():
        options.update(selected)
    undocumented = sorted(field for field, option in options.items() if not option.help.strip())
    assert not undocumented, f"kind {name!r}: fields without help: {undocumented}"

    with pytest.raises(RuleError, match=rf"rule team-{name}: unknown field\(s\) colour for kind '{name}'"):
        kind(spec(name, **MINIMAL[name], colour="red"))
    honoured = {field: value for field, value in OPTIONAL_VALUES.items() if field in kind.HONOURED}
    for field, value in OPTIONAL_VALUES.items():
        if field in kind.HONOURED:
            continue
        with pytest.raises(RuleError, match=rf"rule team-{name} field '{field}': is not supported by kind '{name}'"):
            kind(spec(name, **MINIMAL[name], **{field: value if value is not None else kind.default_scope}))
    if "scope" in honoured:
        honoured["scope"] = kind.SCOPES[0]
    rule = kind(spec(name, **MINIMAL[name], **honoured))  # every field it honours, together
    assert rule.id == f"team-{name}"


# ---- the fields the kinds used to accept and ignore ---------------------------------------
@pytest.mark.parametrize(("kind", "field", "value"), [
    ("duplicate", "scope", "paragraph"),
    ("metadata", "scope", "headline"),
    ("duplicate", "exceptions", ["Reuters"]),
    ("metadata", "exceptions", ["Reuters"]),
    ("contradiction", "exceptions", ["Reuters"]),
    ("capitalization", "quotes", False),
    ("duplicate", "quotes", False),
    ("metadata", "quotes", False),
    ("boilerplate", "quotes", False),
    ("swapped-name", "ignorecase", True),
])
def test_a_common_field_the_kind_ignored_is_refused_naming_file_rule_and_field(tmp_path, kind, field, value):
    message = refusal(tmp_path, kind, **MINIMAL[kind], **{field: value})
    assert message.startswith(str(tmp_path / f"team-{kind}.yaml") + ": ")
    assert f"rule team-{kind} field '{field}': is not supported by kind '{kind}'" in message
    assert "\n" not in message


def test_conditional_honours_scope(article):
    from checker.kinds.conditional import ConditionalRule

    text = "Title: NATO meets\n\nThe NATO summit opened. Officials of the WHO came."
    fields = {"first": r"\b([A-Z]{3,5})\b", "second": r"\(([A-Z]{3,5})\)"}
    everywhere = ConditionalRule(spec("conditional", **fields))
    body_only = ConditionalRule(spec("conditional", **fields, scope="paragraph"))
    # Each undefined capture is flagged once: where it is first used in the scope.
    assert [(f.location.text, f.location.line) for f in everywhere.check(article(text))] == [("NATO", 1), ("WHO", 3)]
    assert [(f.location.text, f.location.line) for f in body_only.check(article(text))] == [("NATO", 3), ("WHO", 3)]


def test_capitalization_honours_exceptions_as_words_that_keep_their_case(article):
    from checker.kinds.capitalization import CapitalizationRule

    text = "Title: iPhone Sales Soar in Europe\n\nBody text.\n"
    plain = CapitalizationRule(spec("capitalization", match="$title"))
    kept = CapitalizationRule(spec("capitalization", match="$title", exceptions=["iPhone"]))
    [finding] = plain.check(article(text))
    assert finding.suggestions == ("IPhone Sales Soar in Europe",)
    assert list(kept.check(article(text))) == []
    [finding] = kept.check(article("Title: iPhone sales soar in Europe\n\nBody text.\n"))
    assert finding.suggestions == ("iPhone Sales Soar in Europe",)
    sentence = CapitalizationRule(spec("capitalization", match="$sentence", exceptions=["eBay"]))
    assert list(sentence.check(article("Title: eBay sales rise\n\nBody text.\n"))) == []


def test_capitalization_refuses_what_its_match_cannot_honour(tmp_path):
    message = refusal(tmp_path, "capitalization", match="[A-Z].*", exceptions=["iPhone"])
    assert "field 'exceptions'" in message and "a pattern in 'match'" in message
    message = refusal(tmp_path, "capitalization", match="$title", ignorecase=True)
    assert "field 'ignorecase'" in message


# ---- one schema per value of a selecting field --------------------------------------------
def test_a_contradiction_rule_refuses_the_field_of_another_check_naming_both_checks(tmp_path):
    message = refusal(tmp_path, "contradiction", check="counts", events={"killed": ["killed"]}, nouns=["attack"])
    assert "rule team-contradiction field 'nouns'" in message
    assert "check 'event-dates'" in message and "check 'counts'" in message
    message = refusal(tmp_path, "contradiction", check="weekday", verbs=["deny"])
    assert "field 'verbs'" in message and "check 'polarity'" in message and "check 'weekday'" in message
    message = refusal(tmp_path, "contradiction", check="quotes", quotes=False)
    assert "field 'quotes'" in message


def test_a_field_shared_by_two_checks_is_taken_by_both():
    from checker.kinds.contradiction.kind import ContradictionRule

    counts = ContradictionRule(spec("contradiction", check="counts", events={"killed": ["killed"]},
                                    distinct=["another"]))
    dates = ContradictionRule(spec("contradiction", check="event-dates", nouns=["attack"], distinct=["another"]))
    assert counts.options["distinct"] == dates.options["distinct"] == ["another"]
    assert "nouns" not in counts.options and "events" not in dates.options


def test_duplicate_and_metadata_refuse_the_fields_of_another_unit_or_check(tmp_path):
    message = refusal(tmp_path, "duplicate", of="paragraph", contains=True)
    assert "field 'contains'" in message and "of 'headline'" in message
    message = refusal(tmp_path, "duplicate", of="sentence", min_line_words=4)
    assert "field 'min_line_words'" in message and "of 'paragraph'" in message
    message = refusal(tmp_path, "metadata", field="byline", check="present", earliest_year=1900)
    assert "field 'earliest_year'" in message and "check 'date'" in message
    message = refusal(tmp_path, "duplicate", of="quote", fix="safe")
    assert "field 'fix'" in message


# ---- from the command line ------------------------------------------------------------------
def test_an_ignored_field_in_a_rule_folder_ends_the_run_with_exit_4_and_one_line(tmp_path):
    rule = write(tmp_path / "rules", "team-dup.yaml",
                 "id: team-dup\nkind: duplicate\ncategory: duplicate\nmessage: repeated\nof: sentence\n"
                 "exceptions: [Reuters]\n")
    article = write(tmp_path, "a.txt", "Title: A test\n\nThe council met today in the hall.\n")
    result = run_checker("--no-cache", "-q", "--rules", str(tmp_path / "rules"), str(article))
    stderr = result.stderr.decode()
    assert result.returncode == 4, stderr
    assert "Traceback" not in stderr
    [line] = [line for line in stderr.splitlines() if "team-dup" in line]
    assert str(rule) in line and "rule team-dup" in line and "'exceptions'" in line
    assert len(stderr.strip().splitlines()) == 1, stderr
