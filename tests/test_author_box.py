"""The author-box rule: a writer's biography left at the foot of an article, found by where it
stands and by a name the story never used, not by a listed phrase."""

from __future__ import annotations

from functools import cache

from checker.load.collect import builtin_rules_dir, load_rules
from checker.plugin.builtin import checker_rule_kinds
from checker.read.parsers.text import parse_text


@cache
def rule():
    rules, _ = load_rules([builtin_rules_dir()], checker_rule_kinds())
    return next(r for r in rules if r.id == "boilerplate-author-box")


def lines_flagged(text: str) -> list[int]:
    article = parse_text("<test>", text)
    return [f.location.line for f in rule().check(article)]


def article(*paragraphs: str) -> str:
    return "Title: A test story\nPublished: 2026-11-02\n\n" + "\n\n".join(paragraphs) + "\n"


BODY = (
    "The water board agreed on Thursday to replace the pumping station at Millbrook by 2028.",
    "Engineers told the meeting that the old pumps fail about once a month in the dry season.",
    "Residents on the hill streets have complained of low pressure for three summers running.",
    "The work will cost about nine million pounds, to be paid over twenty years from bills.",
)


def test_a_biography_of_someone_the_story_never_named_is_flagged_with_the_lines_about_them():
    text = article(*BODY, "Priyanka Oduya is the environment reporter of the Valley Gazette.",
                   "She previously covered the courts in Harrowgate for six years.")
    assert lines_flagged(text) == [12, 14]


def test_the_box_is_found_after_a_list_of_sources_that_follows_the_article():
    text = article(*BODY, "Gregor Lindqvist has written about rivers and water supply since 2009.",
                   "Sources:", "Board minutes, 12 October", "Pump failure log 2023-2025")
    assert lines_flagged(text) == [12]


def test_a_bare_role_is_a_description_too():
    text = article(*BODY, "Odile Fontaine is columnist at Rivers Monthly and lives near the estuary.")
    assert lines_flagged(text) == [12]


def test_a_person_the_story_is_about_is_not_an_author_box():
    marsh = "Chair of the board Wendell Marsh said the vote was overdue and the pumps were worn out."
    body = (*BODY[:2], marsh, BODY[3])
    assert lines_flagged(article(*body, "Marsh is the longest-serving member of the water board.")) == []
    assert lines_flagged(article(*body, "Wendell Marsh is the longest-serving member of the water board.")) == []


def test_titles_organisations_places_and_news_about_a_new_person_are_left_alone():
    for ending in ("Senator Ruth Okafor is a member of the committee that oversees water pricing.",
                   "The Regional Water Authority is a public body funded by its customers' bills.",
                   "South Harbour is currently the only district without a second supply.",
                   "Imogen Tull is expected to take over as the board's chief engineer in the spring.",
                   "Imogen Tull was arrested at the site on Tuesday and later released without charge."):
        assert lines_flagged(article(*BODY, ending)) == [], ending


def test_a_biography_in_the_middle_of_the_article_is_not_read_as_a_box():
    text = article(BODY[0], "Tamsin Ocampo is a hydrologist at the university who studied the station in 2019.",
                   *BODY[1:], "The board will meet again in January to choose a contractor for the job.",
                   "A public exhibition of the plans opens at the library next month.",
                   "Comments can be sent to the board until the end of the year.")
    assert lines_flagged(text) == []


def test_short_articles_are_left_alone():
    assert lines_flagged(article(BODY[0], "Nikolai Brandt is a senior reporter at the Post.")) == []


def test_credentials_after_the_name_and_a_shared_role_still_open_a_box():
    for opening in ("Tomasz Reilly, CFA, CPA, is partner and head of research at a pensions consultancy.",
                    "Wen Okafor, PhD, is a lecturer in hydrology at the city's technical college.",
                    "Hallvard Mbeki is founder and editor of the newsletter Pipes and People."):
        text = article(*BODY, opening)
        assert lines_flagged(text) == [12], opening


def test_a_surname_seen_only_inside_an_address_is_no_mention_in_the_story():
    sign_off = ("Corrections and tips are welcome at any hour; write to Kowalczyk.Letters@valleygazette.example "
                "or see www.valleygazette.example/Kowalczyk for the archive.")
    text = article(*BODY, sign_off, "Mira Kowalczyk is the Gazette's chief water correspondent.")
    assert lines_flagged(text) == [14]
    # Named in the story's own words, the same person is no stranger: no box.
    named = article(*BODY, "Mira Kowalczyk, who chairs the residents' group, said the delay was shameful.",
                    "Mira Kowalczyk is the chair of the hill streets residents' association.")
    assert lines_flagged(named) == []


def test_a_long_biography_is_still_a_box_and_a_very_long_paragraph_is_the_story():
    career = ("She spent eleven years at regional dailies in the north before joining the Gazette, where she "
              "has covered flooding, reservoirs, drought orders and the long fight over the Millbrook pumping "
              "station. Her reporting on leaking mains won a regional press award, and she has given evidence "
              "to a parliamentary committee on water company accounts. ")
    bio = "Odile Marchetti-Banda is the Valley Gazette's environment editor. " + career * 2
    assert 100 < len(bio.split()) <= 150
    assert lines_flagged(article(*BODY, bio)) == [12]
    longer = bio + career
    assert len(longer.split()) > 150
    assert lines_flagged(article(*BODY, longer)) == []  # past the limit: a paragraph of the story
