"""Property-based tests: whatever the text, parsers and the full built-in pack never raise, and
every finding points at a real span of the file and quotes it exactly.

The text is built from fragments that make rules fire (so the property is not vacuous),
arbitrary Unicode (control characters, right-to-left script, combining marks, emoji) and
every kind of line break. The expected line and column come from ``str.splitlines``, which
knows the same Unicode line breaks, not from the checker's own line table.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.cli import open_session
from checker.read.records import record_text

#: Lines that trigger rules of every category.
TRIGGERS = [
    "USA officials said the talks would resume.",
    "Russian Federation soldiers crossed the river on Monday.",
    "Like this:", "Share this:", "More news: Markets fall again", "Click here to subscribe",
    "The storm killed 12 people in the north.", "The storm killed 15 people in the north.",
    "The US embassy said US citizens were safe, US officials added.", "the the", "how numerous dead were counted",
    "Monday, 3 March 2025", "The mayor resigned. The mayor resigned.",
]
ODD = ["مرحبا بالعالم", "e\u0301", "👍🏽", "\u200f", "\u202e", "\x00", "\x07", "\x1b[31m", "\ufeff", "ﬁ", "İ", "ß",
       "\t", "“quoted”", "—", "&amp;", "<b>", "\u00a0", "1,000", "½"]
BREAKS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\n\n", " "]

fragment = st.one_of(st.sampled_from(TRIGGERS), st.sampled_from(ODD), st.sampled_from(BREAKS),
                     st.text(max_size=12))
document = st.lists(fragment, max_size=40).map("".join)

#: CHECKER_PROPERTY_EXAMPLES runs more examples by hand; CI runs the default, derandomized
#: (the same examples every run), so a red CI run is a regression, not a new random draw.
SETTINGS = settings(max_examples=int(os.environ.get("CHECKER_PROPERTY_EXAMPLES", "150")), deadline=None,
                    derandomize=bool(os.environ.get("CI")),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    folder = tmp_path_factory.mktemp("props")
    _, session = open_session(["--no-config", "--no-cache"], cwd=folder)
    assert session.rules
    return session


def expected_position(text: str, offset: int) -> tuple[int, int]:
    start = 0
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines, start=1):
        if offset < start + len(line):
            return number, offset - start + 1
        start += len(line)
    if lines and lines[-1].splitlines()[0] == lines[-1]:  # the last line has no break
        return len(lines), offset - (start - len(lines[-1])) + 1
    return len(lines) + 1, offset - start + 1


def assert_points_inside(result, text: str) -> None:
    assert result.error is None, result.error
    for finding in result.findings:
        for where in (finding.location, *finding.related):
            assert 0 <= where.offset <= where.offset + where.length <= len(text), (finding.rule, where)
            assert where.text == text[where.offset:where.offset + where.length], finding.rule
            assert (where.line, where.column) == expected_position(text, where.offset), (finding.rule, where)
            end = expected_position(text, where.offset + where.length)
            assert (where.end_line, where.end_column) == end, (finding.rule, where)
        if finding.fix is not None:
            for edit in finding.fix.edits:
                assert edit.location.text == text[edit.location.offset:edit.location.offset + edit.location.length]


def test_the_fragments_make_every_category_fire(session):
    """The property tests below mean something only if their texts produce findings."""
    result = session.check_text("all.txt", "Headline\n\n" + "\n\n".join(TRIGGERS * 2))
    categories = {finding.category for finding in result.findings}
    assert {"duplicate", "boilerplate", "entity", "consistency", "contradiction"} <= categories


@SETTINGS
@given(text=document)
def test_plain_text_never_raises_and_findings_quote_the_source(session, text):
    problems = len(session.config.problems)
    result = session.check_text("a.txt", text, "text")
    assert_points_inside(result, text)
    assert session.config.problems[problems:] == []


@SETTINGS
@given(parts=st.lists(st.tuples(st.sampled_from(["", "# ", "## ", "- ", "> ", "1. ", "```\n", "    "]), document),
                      max_size=8),
       front=st.sampled_from(["", "---\ntitle: USA officials\n---\n", "---\n: [\n---\n", "---\n"]))
def test_markdown_never_raises_and_findings_quote_the_source(session, parts, front):
    text = front + "\n".join(prefix + body for prefix, body in parts)
    problems = len(session.config.problems)
    result = session.check_text("a.md", text, "markdown")
    assert_points_inside(result, text)
    assert session.config.problems[problems:] == []


TAGS = ["p", "h1", "div", "article", "main", "script", "style", "li", "time", "title", "span", "br", "nav", "td"]
html_piece = st.one_of(
    st.tuples(st.sampled_from(TAGS), document).map(lambda pair: f"<{pair[0]}>{pair[1]}</{pair[0]}>"),
    st.sampled_from(["<p>", "</p>", "<br>", "<!-- c -->", "<!DOCTYPE html>", "&amp;", "&#x1F600;", "&bogus;",
                     "<p class='author'>By A. Writer</p>", '<meta property="og:title" content="USA & co">',
                     "<script>document.write('<p>x</p>')</script>", "<", ">", "<![CDATA[x]]>", "</div>"]),
    document,
)


#: A page's start (a whole page goes to the extractor, whose text is aligned back to the page),
#: or none (a fragment: the markup rules).
PAGE_START = ["", "<html><body>", "<html><head><title>USA & co</title></head><body><main><p>"
              + "The ferry to the island was cancelled again on Tuesday, the third time this month. " * 4 + "</p>"]


@SETTINGS
@given(pieces=st.lists(html_piece, max_size=25), start=st.sampled_from(PAGE_START))
def test_html_never_raises_and_findings_point_into_the_page(session, pieces, start):
    page = start + "".join(pieces)
    problems = len(session.config.problems)
    result = session.check_text("a.html", page, "html")
    assert_points_inside(result, page)
    assert session.config.problems[problems:] == []


#: Any code point at all, lone surrogates included: JSON escapes them (\ud800).
any_text = st.text(alphabet=st.one_of(st.characters(), st.integers(0xD800, 0xDFFF).map(chr)), max_size=30)
json_body = st.lists(st.one_of(fragment, any_text), max_size=30).map("".join)


@SETTINGS
@given(records=st.lists(st.fixed_dictionaries({"id": st.one_of(st.integers(), any_text), "headline": any_text,
                                               "body": json_body}), min_size=1, max_size=4),
       garbage=st.sampled_from(["", "{not json\n", "[1, 2]\n", '"just a string"\n', "\n\n"]))
def test_json_lines_never_raise_and_findings_quote_the_record(session, tmp_path, records, garbage):
    lines = [json.dumps(record) + "\n" for record in records]
    middle = len(lines) // 2
    path = Path(tmp_path, "dump.jsonl")
    path.write_text("".join(lines[:middle]) + garbage + "".join(lines[middle:]), encoding="utf-8")
    results = [session.check_record(record) for record in session.records_of(str(path))]
    good = [r for r in results if r.error is None]
    with_body = [record for record in records if record["body"]]  # an empty body is reported, not checked
    assert len(good) == len(with_body)  # a bad line in the middle costs only itself
    assert len(results) == len(records) + (garbage.strip() != "")
    for result, record in zip(good, with_body, strict=True):
        read_back = json.loads(json.dumps(record))  # JSON joins an escaped surrogate pair into one character
        assert_points_inside(result, record_text(read_back, session.config.fields))
