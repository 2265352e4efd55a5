from pathlib import Path

import pytest
from conftest import SEED, run_json

from checker.read.parsers.markdown import parse_markdown
from checker.read.parsers.text import parse_text
from checker.text.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_sentences_keep_abbreviations_acronyms_and_initials():
    text = ("Mr. Smith met U.S. officials on Feb. 3 in Washington. Colonel Thomas F. Veale said the U.S.A. "
            "team would stay. It left on Sunday.")
    assert sentences(text) == [
        "Mr. Smith met U.S. officials on Feb. 3 in Washington.",
        "Colonel Thomas F. Veale said the U.S.A. team would stay.",
        "It left on Sunday.",
    ]


def test_sentences_split_after_acronym_before_typical_opener_and_keep_closing_quotes():
    text = 'He moved to the U.S. The move was hard. "We will stay," she said. "Really?" He nodded.'
    assert sentences(text) == ["He moved to the U.S.", "The move was hard.", '"We will stay," she said.',
                               '"Really?"', "He nodded."]


def test_sentences_numbers_do_not_split():
    assert sentences("Prices rose 3.5 percent in 2023. They fell in 2024.") == [
        "Prices rose 3.5 percent in 2023.", "They fell in 2024."]


@pytest.mark.corpus
def test_seed_shape_headline_byline_and_date():
    path = next(SEED.glob("*.txt"))
    article = parse_text(str(path), path.read_text(encoding="utf-8"))
    assert article.metadata["published"].value == "Wed, February 14, 2018"
    assert article.metadata["byline"].value == "Melba Underwood"
    assert article.metadata["section"].value == "World"
    assert article.headline.value == "Russian Military Contractors Killed in US-Led Attack in Syria"
    assert article.position(article.headline.start) == (4, 1)
    # the repeated headline is a body paragraph
    assert article.position(article.paragraphs[0].start) == (6, 1)


def test_corpus_header_block():
    text = "Title: Storm hits coast\nPublished: 2017-01-02\nSource: example.com\n\nFirst line.\n\nSecond line.\n"
    article = parse_text("x.txt", text)
    assert article.headline.value == "Storm hits coast"
    assert article.position(article.headline.start) == (1, 8)
    assert [article.text(p.start, p.end) for p in article.paragraphs] == ["First line.", "Second line."]
    assert article.has_header


def test_plain_text_without_header_takes_short_first_line_as_headline():
    article = parse_text("x.txt", "Storm hits coast\n\nThe storm hit the coast on Monday.\n")
    assert article.headline.value == "Storm hits coast"
    assert not article.has_header


def test_a_plain_text_line_of_directives_is_no_part_of_the_article():
    # Put straight above a paragraph (as the editor's "disable for this line" puts it), between
    # two lines of one paragraph, and first in a text without a header: none is article text,
    # each separates what is around it as a blank line does.
    text = ("Gull strike grounds island plane\n\n"
            "The island's only plane was grounded on Monday after a gull hit its propeller.\n\n"
            "[checker-disable-next-line duplicate-paragraph -- the airline's wording, twice]\n"
            "Engineers flew in from the mainland to look at the blade.\n"
            "  [checker-disable-line all] [checker-enable]  \n"
            "Flights resume on Thursday.\n")
    article = parse_text("gull.txt", text)
    assert [text[p.start:p.end] for p in article.paragraphs] == [
        "The island's only plane was grounded on Monday after a gull hit its propeller.",
        "Engineers flew in from the mainland to look at the blade.",
        "Flights resume on Thursday.",
    ]
    assert article.headline.value == "Gull strike grounds island plane"
    # A directive inside a line of text, or a bracketed line that is not one, stays text.
    kept = "Title: Notes\n\n[checker-disable-next-line] is how a line is left alone.\n[Editor's note]\n"
    [paragraph] = parse_text("notes.txt", kept).paragraphs
    assert kept[paragraph.start:paragraph.end] == kept[len("Title: Notes\n\n"):-1]
    first = parse_text("first.txt", "[checker-disable duplicate]\nPier reopens\n\nThe pier reopened on Friday.\n")
    assert first.headline.value == "Pier reopens"


def test_a_directive_above_a_repeated_paragraph_in_plain_text_suppresses_it(tmp_path):
    paragraph = "The island ferry ran again on Tuesday after three days of storms kept every boat in port."
    text = f"Title: Ferry returns\n\n{paragraph}\n\nHarbour staff said the breakwater held overnight.\n\n"
    (tmp_path / "plain.txt").write_text(text + paragraph + "\n", encoding="utf-8")
    (tmp_path / "kept.txt").write_text(text + "[checker-disable-next-line duplicate-paragraph]\n" + paragraph + "\n",
                                       encoding="utf-8")
    (tmp_path / "other.txt").write_text(text + "[checker-disable-next-line boilerplate]\n" + paragraph + "\n",
                                        encoding="utf-8")
    report, _ = run_json("--select", "duplicate-paragraph", str(tmp_path))
    found = {Path(f["path"]).name: [(x["line"], x["message"]) for x in f["findings"]] for f in report["files"]}
    repeat = "This paragraph repeats the one at line 3 (100% alike); remove one of them."
    assert found["plain.txt"] == [(7, repeat)]
    assert found["kept.txt"] == []
    # A directive for another rule leaves the finding whole, on the paragraph's own line.
    assert found["other.txt"] == [(8, repeat)]


def test_markdown_front_matter_heading_lists_and_code():
    text = ("---\ntitle: Storm hits coast\nauthor: [A. Writer, B. Writer]\ndate: 2024-01-02\n---\n\n"
            "# Storm hits coast\n\nIntro *text* here.\n\n- first item\n- second item\n\n"
            "```\ncode is ignored\n```\n\n> a quoted line\n")
    article = parse_markdown("x.md", text)
    assert article.metadata["byline"].value == "A. Writer, B. Writer"
    assert article.metadata["published"].value == "2024-01-02"
    assert article.position(article.headline.start) == (7, 3)
    texts = [article.text(p.start, p.end) for p in article.paragraphs]
    assert texts == ["Intro *text* here.", "first item", "second item", "a quoted line"]


def test_markdown_table_rows_are_blocks_of_their_own():
    """A results table is many short rows, not one sentence: each row is a paragraph, the
    delimiter row is not text, and a paragraph right above the header stays apart from it."""
    text = ("# Count in the east\n\nTurnout fell in every ward.\nThe figures by ward:\n"
            "| Ward | Votes cast |\n| :--- | ---: |\n| Riverside | 1,204 |\nHillcrest | 987\n\n"
            "|Port|\n|---|\n|Quay|\n\nA recount was refused.\n")
    article = parse_markdown("x.md", text)
    texts = [article.text(p.start, p.end) for p in article.paragraphs]
    assert texts == ["Turnout fell in every ward.\nThe figures by ward:", "| Ward | Votes cast |",
                     "| Riverside | 1,204 |", "Hillcrest | 987", "|Port|", "|Quay|", "A recount was refused."]
    # Dashes alone under a paragraph are still a setext heading, not a table.
    article = parse_markdown("y.md", "# T\n\nSection one\n---\n\nBody.\n")
    assert [b.kind for b in article.blocks] == ["headline", "heading", "paragraph"]


def test_long_markdown_table_is_not_one_long_sentence(tmp_path):
    rows = "".join(f"| Ward {n} | candidate number {n} of the list | {n * 37} |\n" for n in range(300))
    path = tmp_path / "results.md"
    path.write_text(f"# Results\n\nThe count ended at dawn.\n\n| Ward | Candidate | Votes |\n|---|---|---|\n{rows}",
                    encoding="utf-8")
    report, _ = run_json("--no-cache", "--select", "style-*", str(path))
    assert not [f for f in report["files"][0]["findings"] if f["rule"] == "style-long-sentence"]


def test_markdown_malformed_front_matter_is_a_note_not_a_crash():
    article = parse_markdown("x.md", "---\ntitle: [unclosed\n---\n\nBody text.\n")
    assert article.parse_notes and "front matter" in article.parse_notes[0][0]


def test_positions_count_code_points_and_all_line_breaks():
    text = "Title: Ünïcode 🎉 news\r\n\r\nLine one.\rLine two.\u2028Line three."
    article = parse_text("x.txt", text)
    offset = text.index("Line three")
    assert article.position(offset) == (5, 1)
    location = article.location(text.index("🎉"), text.index("🎉") + 1)
    assert (location.line, location.column, location.text) == (1, 16, "🎉")


def test_quotes_are_found_per_block():
    article = parse_text("x.txt", 'He said "we will win" and left.\n\nShe said “no” twice.')
    assert [article.text(s, e) for s, e in article.quotes] == ["we will win", "no"]


def test_an_opening_mark_typed_for_the_closing_one_closes_the_quotation():
    article = parse_text("x.txt", "Analysts warned that the “Risk of war rises“, and the market fell. "
                                  "He said “no“ twice and “maybe” once.")
    assert [article.text(s, e) for s, e in article.quotes] == ["Risk of war rises", "no", "maybe"]
    # an opening mark after a space opens a quotation, as ever
    article = parse_text("x.txt", "She said “yes and then “no” again.")
    assert [article.text(s, e) for s, e in article.quotes] == ["yes and then “no"]


def test_paragraphs_set_out_as_quotations_are_quotations():
    text = ("Title: Pier to stay shut\n\n"
            "The council gave its reasons in a statement on Friday, which read:\n\n"
            "The pier will stay closed until engineers have checked every pile, beam and rail on it.\n\n"
            "The mayor answered within the hour.\n\n"
            "We will rebuild the pier by spring whatever it costs #PierNow — Dana Reyes (@dreyes) May 2, 2024\n\n"
            "From the Harbour Gazette:\n\n"
            "Traders on the front say the closure has already cost them most of a season's takings.\n\n"
            "The pier opened in 1899.\n")
    article = parse_text("pier.txt", text)
    quoted = [article.source[start:end] for start, end in article.block_quotes]
    assert [q.split()[0] for q in quoted] == ["The", "We", "Traders"]
    start = text.index("engineers")
    assert article.in_quote(start, start + len("engineers"))
    assert not article.in_quote(text.index("The pier opened"), text.index("The pier opened") + 8)


def test_lines_set_out_as_quotations_in_text_without_blank_lines_are_quotations():
    text = ("Title: Pier emails released\n\n"
            "The council released its emails about the pier on Friday.\n"
            "From: dana.reyes@example.org To: harbour@example.org Date: 2024-03-04 Subject: pier e-mail\n"
            "Please hold every e-mail about the pier until the engineers have reported to us.\n"
            "On Mar 5, 2024, at 9:12 AM, Sam Okoro <sam@example.org> wrote:\n"
            "The engineers say the piles are sound but the deck will need new boards this year.\n"
            "The council said it had nothing to hide and would publish the report in full.\n")
    article = parse_text("pier.txt", text)
    quoted = [article.source[start:end] for start, end in article.block_quotes]
    assert [q.split()[0] for q in quoted] == ["From:", "Please", "The"]
    assert quoted[2].startswith("The engineers")  # the line after "wrote:", not the one after it
    assert not article.in_quote(text.index("nothing to hide"), text.index("nothing to hide") + 7)


@pytest.mark.parametrize("text", [
    # a colon that introduces the writer's own words, not someone else's
    "Title: Pier to stay shut\n\nHere is what we know so far:\n\nThe pier closed on Monday after a storm damaged "
    "its deck and rails.\n",
    # a label and a short line, no paragraph of prose
    "Title: Pier to stay shut\n\nThe council said:\n\nNo comment.\n",
    # a handle in the middle of a paragraph is no embedded post's signature
    "Title: Pier to stay shut\n\nThe mayor, who posts as @dreyes, said the pier would reopen in spring.\n",
    # a line ending in a colon without a word of saying, the next line the writer's own
    "Title: Pier to stay shut\n\nThere are three reasons for the delay:\nThe engineers have not yet checked "
    "every pile, beam and rail on the pier.\n",
])
def test_the_writer_s_own_paragraphs_are_not_quotations(text):
    assert parse_text("pier.txt", text).block_quotes == []


def test_quotation_marks_inside_a_quoted_paragraph_leave_one_span():
    text = ("Title: T\n\nThe report stated:\n\nThe board called the plan \"unworkable\" and asked for a "
            "second survey of the harbour wall.\n")
    article = parse_text("t.txt", text)
    assert article.quotes == article.block_quotes
    after = text.index("asked")
    assert article.in_quote(after, after + 5)
