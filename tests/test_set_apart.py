"""Text set apart from the running prose: the cells of a data table and preformatted code
repeat by design (two columns with one value, a command shown twice), and a heading that adds
words to the headline titles a section. The rules that compare blocks leave them alone; the
same repeats in running text are still reported. Every page here is invented for these tests."""

from __future__ import annotations

from functools import cache

from checker.load.collect import builtin_rules_dir, load_rules
from checker.plugin.builtin import checker_rule_kinds
from checker.read.html_reading import HtmlReading
from checker.read.parsers.html import parse_html
from checker.read.parsers.markdown import parse_markdown

#: The page's markup alone decides what is read (no extractor's choice of blocks).
MARKUP = HtmlReading(extractor="markup")
REPEATED = "Orders over forty pounds are delivered free within three working days of payment."


@cache
def comparing_rules():
    rules, _ = load_rules([builtin_rules_dir()], checker_rule_kinds())
    return [rule for rule in rules if rule.id.startswith("duplicate-") or rule.id == "boilerplate-twin-lines"]


def flagged(article) -> list[tuple[str, str]]:
    return sorted((f.rule, f.location.text) for rule in comparing_rules() for f in rule.check(article))


def page(body: str, title: str = "Two bakeries compared") -> str:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            "<p>We ordered the same sourdough loaf from both shops over a fortnight and kept notes.</p>"
            f"{body}<p>Both loaves kept well for four days in a bread bin.</p></article></body></html>")


DATA_TABLE = (f"<table><tr><th>What</th><th>Crumb &amp; Co</th><th>Millstone</th></tr>"
              f"<tr><td>Delivery</td><td>{REPEATED}</td><td>{REPEATED}</td></tr>"
              "<tr><td>Returns</td><td>A refund is given</td><td>A refund is given</td></tr></table>")


def test_cells_of_a_data_table_are_set_apart_and_their_repeats_are_not_reported():
    article = parse_html("bakeries.html", page(DATA_TABLE))
    cells = [article.source[b.start:b.end] for b in article.blocks if b.container == "table"]
    assert REPEATED in cells and "Delivery" in cells
    assert all(b.container == "" for b in article.blocks if article.source[b.start:b.end].startswith("We ordered"))
    assert flagged(article) == []


def test_the_same_repeat_in_running_text_is_still_reported():
    article = parse_html("bakeries.html", page(f"<p>{REPEATED}</p><p>Crumbs were even.</p><p>{REPEATED}</p>"))
    assert ("duplicate-paragraph", REPEATED) in flagged(article)


def test_a_table_that_lays_out_the_page_is_running_text():
    # One column, or cells that hold whole paragraphs: the page's layout, not data.
    one_column = f"<table><tr><td><p>{REPEATED}</p><p>Crumbs were even.</p><p>{REPEATED}</p></td></tr></table>"
    article = parse_html("layout.html", page(one_column), MARKUP)
    assert all(b.container == "" for b in article.blocks)
    assert ("duplicate-paragraph", REPEATED) in flagged(article)
    long_cells = ("<table><tr><td>Menu</td><td>"
                  + " ".join(f"<p>{REPEATED} {REPEATED} {REPEATED}</p>" for _ in range(2))
                  + "</td></tr><tr><td>Contact</td><td>Write to us.</td></tr></table>")
    assert all(b.container == "" for b in parse_html("layout.html", page(long_cells), MARKUP).blocks)


def test_a_table_the_page_never_closes_is_judged_at_the_page_end():
    # A page cut off inside its layout table: nothing after the table closes it.
    cut = (f"<html><body><h1>Two bakeries compared</h1><table><tr><td><p>{REPEATED}</p>"
           f"<p>Crumbs were even.</p><p>{REPEATED}</p>")
    article = parse_html("cut.html", cut, MARKUP)
    assert all(b.container == "" for b in article.blocks)
    assert ("duplicate-paragraph", REPEATED) in flagged(article)


def test_a_table_inside_a_table_leaves_the_outer_one_running_text():
    nested = (f"<table><tr><td><p>{REPEATED}</p></td><td>{DATA_TABLE}</td></tr>"
              f"<tr><td><p>{REPEATED}</p></td><td>Side column</td></tr></table>")
    article = parse_html("nested.html", page(nested), MARKUP)
    outer = [b for b in article.blocks if article.source[b.start:b.end] == REPEATED and b.container == ""]
    assert len(outer) == 2  # the outer table's own cells
    assert any(b.container == "table" for b in article.blocks)  # the inner data table's


def test_preformatted_code_is_set_apart():
    code = "<pre>loaf = bake(dough)\nloaf = bake(dough)\ncool(loaf, minutes=45, rack='wire')</pre>"
    article = parse_html("recipe.html", page(f"<p>Run this twice:</p>{code}<p>Then run it again:</p>{code}"))
    assert [b.container for b in article.blocks if "bake(dough)" in article.source[b.start:b.end]] == ["code", "code"]
    assert flagged(article) == []


def test_rows_of_a_markdown_table_are_set_apart():
    text = ("# Two bakeries compared\n\nWe ordered the same loaf from both shops over a fortnight.\n\n"
            "| What | Crumb & Co | Millstone |\n|---|---|---|\n"
            f"| Delivery | {REPEATED} |\n| Delivery | {REPEATED} |\n\n"
            "Both loaves kept well for four days.\n")
    article = parse_markdown("bakeries.md", text)
    assert sum(b.container == "table" for b in article.blocks) == 3
    assert flagged(article) == []


def test_a_heading_that_adds_to_the_headline_titles_a_section():
    title = "Sourdough from two bakeries"
    headings = ("<h2>Sourdough from two bakeries: delivery and returns</h2><p>Both deliver within three days.</p>"
                "<h2>Who should buy sourdough from two bakeries</h2><p>Anyone who lives near either shop.</p>")
    article = parse_html("bakeries.html", page(headings, title), MARKUP)
    assert [r for r, _ in flagged(article) if r == "duplicate-headline"] == []
    # The same line in running text is the headline glued to a label; as a heading, word for
    # word the headline, it is a repeat.
    glued = parse_html("bakeries.html", page("<p>Sourdough from two bakeries: delivery and returns</p>", title), MARKUP)
    assert ("duplicate-headline", "Sourdough from two bakeries: delivery and returns") in flagged(glued)
    again = parse_html("bakeries.html", page(f"<h2>{title}</h2><p>Both deliver within three days.</p>", title), MARKUP)
    assert ("duplicate-headline", title) in flagged(again)
