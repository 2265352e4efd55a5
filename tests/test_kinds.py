import pytest

from checker.errors import RuleError
from checker.kinds.boilerplate import BoilerplateRule
from checker.kinds.capitalization import CapitalizationRule
from checker.kinds.conditional import ConditionalRule
from checker.kinds.consistency import ConsistencyRule
from checker.kinds.duplicate import DuplicateRule
from checker.kinds.existence import ExistenceRule
from checker.kinds.metadata import MetadataRule
from checker.kinds.mixed_script import MixedScriptRule
from checker.kinds.occurrence import OccurrenceRule
from checker.kinds.repetition import RepetitionRule
from checker.kinds.substitution import SubstitutionRule
from checker.kinds.swapped_name import SwappedNameRule
from checker.kinds.variants import VariantsRule


def spec(kind, **fields):
    return {"id": f"test-{kind}", "kind": kind, "message": "found {match}", "category": "style", **fields}


def texts(rule, article):
    return [f.location.text for f in rule.check(article)]


def test_existence_flags_words_case_and_boundaries(article):
    rule = ExistenceRule(spec("existence", tokens=["click here", "subscribe"], ignorecase=True))
    assert texts(rule, article("Click here or SUBSCRIBE. Subscribers are fine.")) == ["Click here", "SUBSCRIBE"]


def test_existence_quotes_false_skips_direct_quotations(article):
    rule = ExistenceRule(spec("existence", tokens=["gonna"], quotes=False))
    assert texts(rule, article('"We are gonna win," he said. They are gonna lose.')) == ["gonna"]
    finding = next(iter(rule.check(article('They are gonna lose.'))))
    assert finding.message == "found gonna"


def test_substitution_suggests_with_case_and_lookahead(article):
    rule = SubstitutionRule(spec("substitution", swap={"USA": "U.S.", "utilise": "use"}, followed_by=r"\s+officials",
                                 message="use {suggestion}"))
    findings = list(rule.check(article("USA officials met. The USA is big.")))
    assert [(f.location.text, f.suggestions, f.message) for f in findings] == [("USA", ("U.S.",), "use 'U.S.'")]


def test_substitution_regex_key_with_lookahead_gets_its_suggestion(article):
    rule = SubstitutionRule(spec("substitution", swap={"how numerous(?= dead)": "how many"}, ignorecase=True))
    finding = next(iter(rule.check(article("Nobody knew how numerous dead there were."))))
    assert finding.suggestions == ("how many",)


def test_occurrence_max(article):
    rule = OccurrenceRule(spec("occurrence", token=r"\bvery\b", max=1, message="{count} times"))
    findings = list(rule.check(article("It was very very very good. It was very nice.")))
    assert len(findings) == 1 and findings[0].message == "3 times"


@pytest.mark.parametrize(("fields", "message"), [
    ({"max": -1}, "field 'max': expected a whole number of 0 or more, got -1"),
    ({"min": 0}, "field 'min': expected a whole number of 1 or more, got 0"),
    ({"max": 1, "min": 3}, "field 'max': 1 is below 'min' \\(3\\)"),
])
def test_occurrence_bounds_a_count_can_reach(fields, message):
    # A count is never below 0: such a bound flags every segment or none (and a negative
    # maximum once crashed on a segment without a match).
    with pytest.raises(RuleError, match=message):
        OccurrenceRule(spec("occurrence", token=r"\bvery\b", **fields))


def test_a_number_field_below_its_minimum_is_refused_for_any_kind():
    # One mechanism (Option.minimum) for every kind's bounds, with the field named.
    with pytest.raises(RuleError, match="field 'min_length': expected a whole number of 3 or more, got 2"):
        VariantsRule(spec("variants", min_length=2))
    with pytest.raises(RuleError, match="field 'min_letters': expected a whole number of 2 or more, got 1"):
        MixedScriptRule(spec("mixed-script", min_letters=1))


def test_occurrence_exactly(article):
    rule = OccurrenceRule(spec("occurrence", scope="sentence", token=r"\bvery\b", max=2, min=2, message="{count}"))
    text = "It was very very good. It was very nice. It was very, very, very long."
    assert [f.message for f in rule.check(article(text))] == ["1", "3"]


def test_repetition(article):
    rule = RepetitionRule(spec("repetition", ignorecase=True))
    assert texts(rule, article("The the council met. It met in in the hall.")) == ["The the", "in in"]


def test_repetition_reads_whole_words(article):
    rule = RepetitionRule(spec("repetition", ignorecase=True))
    # A word's piece after a hyphen or an apostrophe is not a word of its own, nor is a run of quotation marks.
    text = "She took a part-time time slot. He wrote it in in-house style. The call was array( ' ', '' )."
    assert texts(rule, article(text)) == []
    assert texts(rule, article("A letter to Jeff Sessions Sessions’ office. It was a long-term term.")) == [
        "Sessions Sessions"]


def test_consistency_flags_minority_and_names_majority(article):
    rule = ConsistencyRule(spec("consistency", groups=[["U\\.S\\.", "US", "USA"]], message="{match} vs {majority}"))
    text = "U.S. troops left. U.S. aid came. The USA said no. US jets flew."
    findings = list(rule.check(article(text)))
    assert [(f.location.text, f.message) for f in findings] == [("USA", "USA vs U.S."), ("US", "US vs U.S.")]
    assert all(f.related[0].text == "U.S." for f in findings)


def test_consistency_ties_go_to_the_preferred_form_and_single_uses_stay_quiet(article):
    rule = ConsistencyRule(spec("consistency", groups=[["Kyiv", "Kiev", "Kief"]]))
    assert texts(rule, article("Kiev is big. Kyiv is old. Kiev again. Kyiv again.")) == ["Kiev", "Kiev"]
    assert texts(rule, article("Kiev is big. Kief is old.")) == []
    assert texts(rule, article("Kief is big. Kief is old. Kiev is not.")) == ["Kiev"]


def test_consistency_ties_take_the_tie_message_when_the_rule_has_one(article):
    rule = ConsistencyRule(spec("consistency", groups=[["U\\.S\\.", "US", "USA"]], message="{match}: mostly {majority}",
                                tie_message="{match}: also {majority}"))
    messages = [f.message for f in rule.check(article("US aid came. The USA said no."))]
    assert messages == ["USA: also US"]  # the first used of the leaders, the preferred one not used
    messages = [f.message for f in rule.check(article("USA aid came. U.S. jets flew. The USA said no. U.S. aid."))]
    assert messages == ["USA: also U.S.", "USA: also U.S."]  # the preferred one among the leaders
    messages = [f.message for f in rule.check(article("U.S. aid came. U.S. jets flew. The USA said no."))]
    assert messages == ["USA: mostly U.S."]
    with pytest.raises(RuleError, match="unknown placeholder"):
        ConsistencyRule(spec("consistency", groups=[["a", "b"]], tie_message="{winner}"))


def test_consistency_can_leave_the_headline_out(article):
    text = "Title: US troops leave\n\nU.S. officials said so. U.S. jets flew."
    counted = ConsistencyRule(spec("consistency", groups=[["U\\.S\\.", "US"]]))
    assert texts(counted, article(text)) == ["US"]
    skipped = ConsistencyRule(spec("consistency", groups=[["U\\.S\\.", "US"]], headline=False))
    assert texts(skipped, article(text)) == []
    assert texts(skipped, article(text + " US aid came.")) == ["US"]


def test_consistency_names_leaves_names_holding_a_form_alone(article):
    from checker.load.collect import load_rules
    from checker.plugin.builtin import builtin_rules_dir, checker_rule_kinds

    rules, _ = load_rules([builtin_rules_dir()], checker_rule_kinds())
    rule = next(r for r in rules if r.id == "consistency-names")
    assert texts(rule, article("US officials spoke, USA Today said. US jets flew. Team USA won.")) == []
    assert texts(rule, article("US officials spoke. US jets flew. The USA said no.")) == ["USA"]
    # a company's name and the currency sign are no choice of style
    assert texts(rule, article("U.S. banks fell. U.S. rates rose. Orchard Capital USA Inc. lost US $400.")) == []
    finding, = rule.check(article("USA aid came. USA jets flew. US troops left."))
    assert finding.suggestions == ("USA",)  # a form given as a pattern, shown as written
    # a name introduced on purpose as another of the thing's names is no slip; a bracketed
    # abbreviation in another style than the article's is
    assert texts(rule, article("North Korea fired a missile. North Korea, formally known as the Democratic "
                               "People's Republic of Korea, denied it. North Korea said so again.")) == []
    assert texts(rule, article("U.S. banks fell. U.S. rates rose. The United States (US) said so.")) == ["US"]


def test_consistency_names_leaves_hashtags_and_quoted_paragraphs_alone(article):
    from checker.load.collect import load_rules
    from checker.plugin.builtin import builtin_rules_dir, checker_rule_kinds

    rules, _ = load_rules([builtin_rules_dir()], checker_rule_kinds())
    rule = next(r for r in rules if r.id == "consistency-names")
    # a hashtag is spelt as its author chose
    assert texts(rule, article("Title: T\n\nISIS fighters left the town. ISIS lost the bridge.\n\n"
                               "Coalition posts used the tag #ISIL all week.\n")) == []
    # a paragraph another publication wrote, set out as a quotation, keeps its style
    quoted = ("Title: T\n\nThe U.S. envoy left Kyiv. The U.S. embassy stayed open.\n\n"
              "The Harbour Gazette reported:\n\nUS officials said the talks would resume in the spring, "
              "after the elections.\n")
    assert texts(rule, article(quoted)) == []
    assert texts(rule, article(quoted.replace("reported:", "reported it.\n\nAnd then:"))) == ["US"]
    # a line of page furniture (a video's title under a "Watch:" label) is the page's style
    furniture = ("Title: T\n\nThe U.S. envoy left Kyiv. The U.S. embassy stayed open.\n\n"
                 "Watch: Why US diplomats are leaving the capital 2:10\n")
    assert texts(rule, article(furniture)) == []
    prose = furniture.replace("Watch: Why", "Critics asked why").replace(" 2:10", " so soon.")
    assert texts(rule, article(prose)) == ["US"]


def test_conditional_acronym_defined_first(article):
    rule = ConditionalRule(spec("conditional", first=r"\b([A-Z]{3,5})\b",
                                second=r"(?:\b[A-Z][a-z]+ )+\(([A-Z]{3,5})\)"))
    assert texts(rule, article("The IAEA said so. The WHO agreed.")) == ["IAEA", "WHO"]
    assert texts(rule, article("The World Health Organization (WHO) said so. The WHO agreed.")) == []


def test_capitalization_title(article):
    rule = CapitalizationRule(spec("capitalization", match="$title"))
    bad = article("Title: storm hits the coast\n\nBody.")
    assert [f.suggestions for f in rule.check(bad)] == [("Storm Hits the Coast",)]
    assert texts(rule, article("Title: Storm Hits the Coast\n\nBody.")) == []


def test_duplicate_paragraph_near_and_related(article):
    rule = DuplicateRule(spec("duplicate", of="paragraph", threshold=0.85, message="{line}"))
    text = ("The mayor opened the new bridge on Monday morning.\n\nIt cost two million.\n\n"
            "The Mayor opened the new bridge on Monday morning!")
    findings = list(rule.check(article(text)))
    assert len(findings) == 1
    assert findings[0].location.line == 5 and findings[0].related[0].line == 1 and findings[0].message == "1"


REPEATED = "The bridge will close for repairs from May to August, the transport office said."


def test_duplicate_paragraph_compares_the_long_lines_of_a_paragraph(article):
    """A scraper runs a repeated line into a caption with no blank line between them: the
    line is the repeat, and removing it (not its whole paragraph) is the fix."""
    from checker.engine.fix import apply

    rule = DuplicateRule(spec("duplicate", of="paragraph", threshold=0.85, message="{unit} {line}"))
    text = f"{REPEATED}\n\nTraffic will be diverted.\n\nWatch: the old bridge at night 2:25\n{REPEATED}\n"
    findings = list(rule.check(article(text)))
    assert [(f.location.line, f.message) for f in findings] == [(6, "line 1")]
    assert apply(text, [findings[0].fix]) == (
        f"{REPEATED}\n\nTraffic will be diverted.\n\nWatch: the old bridge at night 2:25\n")


def test_duplicate_paragraph_reports_a_repeated_paragraph_once_not_each_line(article):
    rule = DuplicateRule(spec("duplicate", of="paragraph", threshold=0.85, message="{unit} {line}"))
    block = f"{REPEATED}\nDrivers are asked to use the ring road instead of the old town streets."
    findings = list(rule.check(article(f"{block}\n\nIt rained.\n\n{block}\n")))
    assert [(f.location.line, f.message) for f in findings] == [(6, "paragraph 1")]


@pytest.mark.parametrize("display", [
    "Volunteers have planted forty thousand oaks along the old railway line",  # a deck under the headline
    "3. And then: \u201cnobody here has ever seen a winter this mild\u201d",  # a numbered teaser quoting the story
    "\u201cThe river gave us everything and then took it back\u201d",  # a pull quote
])
def test_display_text_quoting_the_story_is_not_a_repeat(article, display):
    body = ("The trust began in 2019 with a borrowed tractor. Volunteers have planted forty thousand oaks along "
            "the old railway line. Its founder, Mei Okonkwo, says \u201cnobody here has ever seen a winter this "
            "mild\u201d and that the saplings need watering twice a week. \u201cThe river gave us everything and "
            "then took it back,\u201d said a farmer whose barn flooded.")
    text = f"Title: The oaks of the old line\n\n{display}\n\n{body}\n"
    for of in ("sentence", "quote"):
        rule = DuplicateRule(spec("duplicate", of=of, threshold=1.0))
        assert texts(rule, article(text)) == [], of


def test_a_sentence_repeated_in_the_story_itself_is_still_a_repeat(article):
    rule = DuplicateRule(spec("duplicate", of="sentence", threshold=1.0))
    sentence = "Volunteers have planted forty thousand oaks along the old railway line."
    story = f"The trust began in 2019 with a borrowed tractor. {sentence} It now has a van."
    # The earlier one is a full sentence of one short line, or a sentence of the story: not display text.
    assert texts(rule, article(f"Title: Oaks\n\n{sentence}\n\n{story}\n")) != []
    assert texts(rule, article(f"Title: Oaks\n\n{story}\n\nIt rained. {sentence}\n")) != []


def test_duplicate_paragraph_leaves_short_repeated_lines_and_can_skip_lines(article):
    rule = DuplicateRule(spec("duplicate", of="paragraph", message="{unit}"))
    job = "Former special assistant to the president"
    names = f"Jane Doe\n{job}\n\nJohn Roe\n{job}\n"
    assert texts(rule, article(names)) == []  # under min_line_words (10): lists repeat by nature
    assert texts(rule, article(f"{REPEATED}\nIt rained.\n\nTraffic will be diverted.\n")) == []  # its own paragraph
    plain = DuplicateRule(spec("duplicate", of="paragraph", min_line_words=0))
    text = f"{REPEATED}\n\nTraffic will be diverted.\n\nWatch: the old bridge at night 2:25\n{REPEATED}\n"
    assert texts(plain, article(text)) == []
    with pytest.raises(RuleError, match="min_line_words"):
        DuplicateRule(spec("duplicate", of="paragraph", min_line_words=-1))


def test_duplicate_headline_exact_and_contained(article):
    rule = DuplicateRule(spec("duplicate", of="headline", contains=True, threshold=0.9))
    text = "Title: Bridge opens to traffic today\n\nPhoto by X | AP Bridge opens to traffic today\n\nIt opened."
    assert texts(rule, article(text)) == ["Photo by X | AP Bridge opens to traffic today"]


def test_duplicate_headline_opening_a_sentence_is_an_editorial_echo_not_a_repeat(article):
    rule = DuplicateRule(spec("duplicate", of="headline", contains=True, threshold=0.9))
    head = "Title: This is how the harbour project ends\n\n"
    echo = head + ("Work began in May.\n\nThis is how the harbour project ends, not with a vote but with a "
                   "quiet letter from the ministry to the council and a closed gate.\n")
    assert texts(rule, article(echo)) == []
    label = head + "Work began in May.\n\nThis is how the harbour project ends | Watch the full report online\n"
    assert texts(rule, article(label)) == ["This is how the harbour project ends | Watch the full report online"]


def test_duplicate_headline_run_into_a_caption_credit_and_the_next_sentence(article):
    """A scraper glues a photo credit, the headline and the deck into one line with no stop."""
    rule = DuplicateRule(spec("duplicate", of="headline", contains=True, threshold=0.9))
    head = "Title: Ferry operator cancels winter timetable\n\n"
    glued = "Reuters Photo Ferry operator cancels winter timetable The island will lose its Sunday sailing."
    assert texts(rule, article(head + glued + "\n")) == [glued]
    opening = "Ferry operator cancels winter timetable The island will lose its Sunday sailing."
    assert texts(rule, article(head + opening + "\n")) == [opening]
    # The headline's words inside a sentence that goes on as a sentence: the writer's own echo.
    quiet = ["The ferry operator cancels winter timetable changes every year, the council said.",
             "Ferry operator cancels winter timetable Mayor Ruth Owens had defended so hard at the March meeting."]
    for line in quiet:
        assert texts(rule, article(head + line + "\n")) == [], line


def test_duplicate_sentence_inside_one_paragraph_and_across_repeated_paragraphs(article):
    rule = DuplicateRule(spec("duplicate", of="sentence", threshold=0.9, min_words=8))
    said = "The council met on Monday to vote on the budget."
    inside = f"Title: Budget\n\n{said} It was a long meeting. {said}\n\nThe vote passed.\n"
    assert texts(rule, article(inside)) == [said]  # a repeat inside one paragraph: no other rule sees it
    across = f"Title: Budget\n\n{said} It was long.\n\nThe vote passed.\n\n{said} It was long.\n"
    assert texts(rule, article(across)) == []  # the paragraphs repeat: the paragraph rule reports that


CLOSED = "The mayor said the new bridge over the river was closed on Monday morning."
TWELVE = "The mayor said 12 people were on the new bridge over the river on Monday morning."


@pytest.mark.parametrize("of, first, second", [
    ("paragraph", CLOSED, CLOSED.replace("was closed", "was not closed")),
    ("paragraph", CLOSED, CLOSED.replace("was closed", "wasn't closed")),
    ("paragraph", TWELVE, TWELVE.replace("12", "15")),
    ("sentence", TWELVE.replace("12", "twelve"), TWELVE.replace("12", "fifteen")),
    ("headline", "Title: Mayor says 12 people were on the bridge on Monday",
     "Mayor says 15 people were on the bridge on Monday"),
])
def test_near_repeats_that_say_otherwise_are_no_duplicates(article, of, first, second):
    """A near repeat that adds a negation or changes a figure is another claim: removing
    it would hide a contradiction. Small changes of other words still make a repeat."""
    rule = DuplicateRule(spec("duplicate", of=of, threshold=0.8, min_words=3))
    tail = " Crowds gathered on both banks." if of == "sentence" else ""  # not a repeated paragraph
    assert texts(rule, article(f"{first}\n\nIt rained.\n\n{second}{tail}")) == []
    reworded = first.removeprefix("Title: ").replace("Monday", "Tuesday")
    assert texts(rule, article(f"{first}\n\nIt rained.\n\n{reworded}{tail}")) == [reworded]


def test_duplicate_is_not_quadratic_on_many_distinct_paragraphs(article):
    rule = DuplicateRule(spec("duplicate", of="paragraph"))
    text = "\n\n".join(f"Paragraph number {i} talks about topic {i * 7} and item {i * 13} today." for i in range(3000))
    assert texts(rule, article(text)) == []


def test_boilerplate_whole_line_and_removal(article):
    rule = BoilerplateRule(spec("boilerplate", starts=["share this"], words=["facebook", "twitter"]))
    findings = list(rule.check(article("Share this:\n\nFacebook Twitter\n\nWe share this view, he said.")))
    assert [(f.location.text, f.suggestions) for f in findings] == [("Share this:", ("",)),
                                                                  ("Facebook Twitter", ("",))]


def test_metadata_date(article):
    rule = MetadataRule(spec("metadata", field="published", check="date", message="{reason}"))
    findings = list(rule.check(article("Published: 2021-02-29\nTitle: X\n\nBody.")))
    assert len(findings) == 1 and "cannot be a date" in findings[0].message
    assert texts(rule, article("Published: Mon, 1 Mar 2021 10:00:00 +0000\nTitle: X\n\nBody.")) == []


def test_swapped_name(article):
    rule = SwappedNameRule(spec("swapped-name", names=["White House", "climate change"],
                                synonyms={"house": ["residence"], "climate": ["environment"]}))
    found = list(rule.check(article("The White Residence spoke. Environment change is real. The white residence.")))
    assert [(f.location.text, f.suggestions) for f in found] == [("White Residence", ("White House",)),
                                                                ("Environment change", ("Climate change",))]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"kind": "existence", "tokens": ["(unclosed"]}, "invalid regular expression '(unclosed'"),
        ({"kind": "existence"}, "field 'tokens': is required"),
        ({"kind": "existence", "tokens": "word"}, "field 'tokens': expected a list"),
        ({"kind": "existence", "tokens": ["x"], "colour": "red"}, "unknown field(s) colour"),
        ({"kind": "existence", "tokens": ["x"], "category": "nonsense"}, "field 'category'"),
        ({"kind": "existence", "tokens": ["x"], "message": "{nope}"}, "unknown placeholder(s) {nope}"),
        ({"kind": "existence", "tokens": ["x"], "scope": "chapter"}, "field 'scope'"),
        ({"kind": "existence", "tokens": ["x"], "severity": "fatal"}, "unknown severity"),
    ],
)
def test_rule_validation_errors_name_rule_and_field(fields, expected):
    base = {"id": "team-rule", "message": "m", "category": "style"}
    with pytest.raises((RuleError, ValueError)) as info:
        ExistenceRule({**base, **fields}, source="rules/team.yaml")
    assert expected in str(info.value)
    if isinstance(info.value, RuleError):
        assert "rules/team.yaml" in str(info.value) and "team-rule" in str(info.value)


def test_catastrophic_pattern_is_stopped_by_time_limit(article):
    from checker.kinds.base import RuleTimeout

    rule = ExistenceRule(spec("existence", tokens=["(a+)+$"], nonword=True))
    rule.timeout = 0.2
    with pytest.raises(RuleTimeout) as info:
        list(rule.check(article("a" * 5000 + "b")))
    assert "test-existence" in str(info.value)


def test_variants_flags_minority_spelling_and_names_majority(article):
    rule = VariantsRule(spec("variants", message="{match} vs {majority} ({how})"))
    text = "Tesla filed it. Critics said Telsa copied it. Tesla denied it. Later Tesla moved."
    findings = list(rule.check(article(text)))
    assert [(f.location.text, f.suggestions) for f in findings] == [("Telsa", ("Tesla",))]
    assert findings[0].related[0].text == "Tesla"
    assert findings[0].message == "Telsa vs Tesla (one letter different)"


def test_variants_inner_capitals_and_lowercase_multiword_names(article):
    rule = VariantsRule(spec("variants"))
    text = ("The Lepanto Institute wrote. The Lepanto Institute said the LePanto Institute would reply. "
            "Electors sit in the Electoral College. The Electoral College meets. Critics of the electoral college "
            "want change.")
    assert texts(rule, article(text)) == ["LePanto", "electoral college"]


@pytest.mark.parametrize("text", [
    "Officials in Iraq and Iran met. Iraq said Iran had agreed. Iraq left.",  # short words
    "Russia said Russian troops stay. Russia denied it. Russia left.",  # an ending, not a slip
    "Obama met Osama supporters. Obama spoke. Obama left.",  # one replaced letter in a short name
    "Prime Minister Theresa May spoke. Prime Minister May said the prime minister stays.",  # a title
    "The European Court of Human Rights ruled. The European Court of Human Rights met. Human rights matter.",
    "Tesla and Telsa filed. Tesla and Telsa won.",  # a tie is no majority
    "Smith spoke. Smyth replied. Smith left. Smyth left. Smith won. Smyth lost.",  # both used often
    # The end of a longer title ("... of the Living Dead") is no name of its own.
    'The 1968 film "Night of the Living Dead" began it. "Return of the Living Dead" followed. '
    "Fans of the living dead queued for hours.",
])
def test_variants_leaves_different_names_and_house_style_alone(article, text):
    assert texts(VariantsRule(spec("variants")), article(text)) == []


def test_variants_word_also_used_in_lower_case_is_not_a_name(article):
    rule = VariantsRule(spec("variants"))
    text = "We sold Bundle packs. The Bundel shop sold {}. Our Bundle range grew."
    assert texts(rule, article(text.format("a box"))) == ["Bundel"]
    assert texts(rule, article(text.format("a bundle"))) == []


def test_variants_options_are_validated():
    with pytest.raises(RuleError, match="unknown check"):
        VariantsRule(spec("variants", checks=["case", "sound"]))
