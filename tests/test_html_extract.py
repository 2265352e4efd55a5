"""HTML pages read with trafilatura: the article found among the page's blocks, every piece still
at its place in the page; the markup rules as the fallback and as a setting; nothing fetched."""

from __future__ import annotations

import html
import importlib.util
import json
import re
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import ROOT, SHARED, run_checker, run_json, write

from checker.read.html_reading import HtmlReading
from checker.read.parsers import html_content
from checker.read.parsers.alignment import aligned, kept_blocks
from checker.read.parsers.html import parse_html
from checker.read.parsers.html_markup import markup_article

PAGES = ROOT / "tests" / "data" / "pages"
MARKUP = HtmlReading(extractor="markup")
_TAG = re.compile(r"<[^>]*>")


def page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


# ---- the article the extractor finds -----------------------------------------------------------
def test_a_news_page_is_read_without_navigation_teasers_newsletter_share_bar_or_comments():
    article = parse_html("ferry.html", page("ferry-strike.html"))
    meta = {key: field.value for key, field in article.metadata.items()}
    assert meta["headline"] == "Ferry crews walk out over rosters"
    assert meta["byline"] == "Ines Okafor, Transport Correspondent"
    assert meta["published"] == "2024-03-08T06:45:00Z"
    text = article.source
    for kept in ("stranded on the pier", "“Nobody was asked,”", "Atlantic Link & Co", "Two USA officials",
                 "Workplace Relations Commission", "chartered catamaran"):
        assert kept in text
    for furniture in ("Trending", "Read more", "Harbour fees", "Sign up", "Subscribe", "Share this article",
                      "2 comments", "harbourwatcher", "fair roster", "Most read", "Storm warning",
                      "All rights reserved", "Westport Ledger", "Sport", "not text"):
        assert furniture not in text
    assert [block.kind for block in article.blocks][:3] == ["headline", "byline", "paragraph"]


def test_the_comment_section_is_read_only_when_asked():
    article = parse_html("ferry.html", page("ferry-strike.html"), HtmlReading(comments=True))
    assert "harbourwatcher" in article.source and "fair roster since last summer" in article.source
    assert "Sign up" not in article.source and "Most read" not in article.source


def test_a_blog_page_without_article_element_loses_its_sidebar_cookie_notice_and_labels():
    text = page("allotment-blog.html")
    article = parse_html("blog.html", text)
    assert article.metadata["headline"].value == "Why my broad beans failed this year"
    assert article.metadata["published"].value == "2023-07-02"
    assert "sowed two rows of Aquadulce" in article.source and "report back in June" in article.source
    for furniture in ("Popular posts", "rhubarb", "Archive", "enemy of slugs", "small files on your device",
                      "Labels", "Pinterest", "Older post", "Mud, mulch"):
        assert furniture not in article.source
    # The markup rules read the whole body of such a page: that is what the extractor is for.
    assert "Popular posts" in markup_article("blog.html", text).source


def test_the_story_is_found_where_the_first_article_element_is_a_promotion():
    text = page("two-articles.html")
    article = parse_html("reservoir.html", text)
    assert article.metadata["headline"].value == "Reservoir at lowest level since 1976"
    assert "hosepipe ban" in article.source and "shorter showers" in article.source
    for teaser in ("Bypass plan", "robotics prize", "More from the valley", "Advertise with us"):
        assert teaser not in article.source
    assert "hosepipe ban" not in parse_html("reservoir.html", text, MARKUP).source  # the promotion only


@pytest.mark.parametrize("name", ["ferry-strike.html", "allotment-blog.html", "two-articles.html"])
def test_every_block_read_is_the_text_of_the_page_where_it_points(name):
    text = page(name)
    article = parse_html(name, text)
    assert article.origin is not None
    for block in article.blocks:
        start, end = article.origin.span(block.start, block.end)
        # The page's text there, tags left out and entities decoded, is the block's (white space aside).
        shown = "".join(html.unescape(_TAG.sub("", text[start:end])).split())
        assert shown == "".join(article.source[block.start : block.end].split()), block


def test_findings_in_a_page_quote_its_source_at_their_line_column_and_offset(tmp_path):
    text = page("ferry-strike.html")
    path = write(tmp_path, "ferry.html", text)
    report, result = run_json("--no-config", "--no-cache", "--select", "*", str(path))
    assert result.returncode in (0, 1), result.stderr
    found = report["files"][0]["findings"]
    assert any(finding["text"] == "USA" for finding in found)
    lines = text.splitlines(keepends=True)
    for finding in found:
        assert text[finding["offset"] : finding["offset"] + finding["length"]] == finding["text"]
        assert sum(map(len, lines[: finding["line"] - 1])) + finding["column"] - 1 == finding["offset"]


def test_prose_the_extractor_found_in_an_aside_is_read_but_a_menu_it_kept_is_not():
    from checker.read.parsers.html_markup import read_page

    tips = "".join(f"<li><b>Tip {n}</b> {sentence}</li>" for n, sentence in enumerate((
        "Soak the bulbs overnight in cool water before you plant them out in the autumn beds.",
        "Space them a hand's width apart so the roots have room to spread through the winter.",
        "Cover the bed with a thin layer of leaf mould and water it once a week until frost.",
        "Mark each row with a stick so the spring shoots are not dug up by mistake in March."), 1))
    parsed = read_page(f"<body><nav><a href='/'>Home</a> <a href='/g'>Gardens</a></nav>"
                       f"<aside><ul>{tips}</ul></aside><footer><a href='/a'>About us</a></footer></body>",
                       whole=True)
    blocks = parsed.blocks
    regions = [block.chrome for block in blocks]
    assert all(regions) and len(set(regions)) == 3  # nav, aside and footer, each its own
    everything = list(range(len(blocks)))
    words = [html_content._words(block) for block in blocks]
    kept = [words[index] for index in html_content._outside_chrome(blocks, everything, words)]
    assert len(kept) == 4 and all(words[0] == "tip" for words in kept)  # the tips, not Home or About us


def test_when_the_extractor_finds_little_its_defaults_are_read_too(monkeypatch):
    import trafilatura

    caption = "A boy holds a ball in front of the stadium."
    story = " ".join(["Fans queued from dawn for tickets to the final."] * 30)
    calls = []

    def extract(tree, **options):
        calls.append(options)
        return caption if options.get("favor_recall") else f"{caption}\n{story}"

    monkeypatch.setattr(trafilatura, "extract", extract)
    assert html_content.extracted_texts("<html><body><p>x</p></body></html>") == [caption, f"{caption}\n{story}"]
    assert len(calls) == 2
    monkeypatch.setattr(trafilatura, "extract", lambda tree, **options: story)  # enough words: one run
    assert html_content.extracted_texts("<html><body><p>x</p></body></html>") == [story]

    def fails_the_second_time(tree, **options):
        if options.get("favor_recall"):
            return caption
        raise ValueError("simulated extractor bug")

    monkeypatch.setattr(trafilatura, "extract", fails_the_second_time)  # the first text is kept
    assert html_content.extracted_texts("<html><body><p>x</p></body></html>") == [caption]


# ---- when the extractor is not used ------------------------------------------------------------
@pytest.mark.parametrize("reading", [MARKUP, HtmlReading()], ids=["markup", "trafilatura"])
def test_ruby_annotations_are_not_read_as_text_and_the_words_they_gloss_keep_their_place(reading):
    """Furigana over kanji (``<rt>``), with the brackets old browsers show (``<rp>``), and an
    annotation whose ``<rt>`` is never closed: the base text is read, the glosses are not."""
    story = ("<p>The festival opened in <ruby>東京<rp>(</rp><rt>とうきょう</rt><rp>)</rp></ruby> on Friday, "
             "and organisers said the lantern parade drew crowds along the river all evening.</p>"
             "<p>Stalls sold <ruby>焼<rt>や</ruby>き鳥 late into the night, and the last train was held for "
             "twenty minutes so that visitors could get home.</p>")
    text = f"<html><head><title>Lanterns</title></head><body><article>{story}</article></body></html>"
    article = parse_html("festival.html", text, reading)
    assert "opened in 東京 on Friday" in article.source
    assert "Stalls sold 焼き鳥 late" in article.source
    for gloss in ("とうきょう", "(", "や"):
        assert gloss not in article.source
    for word in ("東京", "焼", "き鳥"):  # each still points at its place in the page
        at = article.source.index(word)
        start, end = article.origin.span(at, at + len(word))
        assert text[start:end] == word


def test_a_page_in_which_the_extractor_finds_nothing_is_read_by_the_markup_rules():
    text = ("<html><body><div class='comment-list'>Thanks for posting the timetable, it saved my Saturday."
            "</div></body></html>")
    assert html_content.extracted_text(text) == ""  # trafilatura leaves a lone comment block out
    article = parse_html("notice.html", text)
    assert article.source == "Thanks for posting the timetable, it saved my Saturday."
    assert article.reading_notes == []


def test_a_fragment_is_all_article_and_never_given_to_the_extractor(monkeypatch):
    monkeypatch.setattr(html_content, "extracted_texts", lambda *_: pytest.fail("a fragment went to the extractor"))
    assert parse_html("f.html", "<p>Bins are collected on Tuesday.</p><p>Share this:</p>").source == (
        "Bins are collected on Tuesday.\n\nShare this:")


def test_an_extractor_that_fails_costs_only_the_choice_of_the_article(monkeypatch):
    import trafilatura

    def broken(*_, **__):
        raise ValueError("simulated extractor bug")

    monkeypatch.setattr(trafilatura, "extract", broken)
    text = page("ferry-strike.html")
    article = parse_html("ferry.html", text)
    assert article.source == markup_article("ferry.html", text).source
    [note] = article.reading_notes
    assert "simulated extractor bug" in note and "markup rules" in note and "\n" not in note


def test_a_page_nested_deeper_than_lxml_reads_is_read_by_the_markup_rules_with_a_note():
    text = ("<html><body><article><h1>Flood defences</h1>" + "<div>" * 400
            + "<p>The new wall is two metres high and runs along the whole quay.</p>" + "</div>" * 400
            + "</article></body></html>")
    article = parse_html("deep.html", text)
    assert "two metres high" in article.source
    assert any("256 levels" in note for note in article.reading_notes)


class _Recorder(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:
        _Recorder.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"FETCHED-FROM-THE-NETWORK")

    def log_message(self, *_: object) -> None:
        pass


def test_nothing_is_fetched_and_no_external_entity_is_read(tmp_path):
    secret = write(tmp_path, "secret.txt", "LOCAL-FILE-CONTENTS")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    body = " ".join(["The harbour master said the pier would stay shut until the storm passed."] * 6)
    text = (f'<?xml version="1.0"?>\n<!DOCTYPE html [\n<!ENTITY local SYSTEM "file://{secret}">\n'
            f'<!ENTITY remote SYSTEM "{base}/entity">\n]>\n'
            f'<html><head><link rel="stylesheet" href="{base}/style.css"><script src="{base}/app.js"></script>'
            f'<base href="{base}/"></head><body><article><h1>Pier closed</h1><p>{body}</p>'
            f'<p>Local: &local; remote: &remote;.</p><img src="{base}/photo.jpg">'
            f'<iframe src="{base}/frame"></iframe></article></body></html>')
    try:
        for reading in (HtmlReading(), HtmlReading(comments=True), MARKUP):
            article = parse_html("xxe.html", text, reading)
            assert "pier would stay shut" in article.source
            assert "LOCAL-FILE-CONTENTS" not in article.source and "FETCHED" not in article.source
        assert "LOCAL-FILE-CONTENTS" not in html_content.extracted_text(text)
    finally:
        server.shutdown()
        server.server_close()
    assert _Recorder.requests == []


def test_text_markdown_and_json_runs_never_import_the_extractor(tmp_path):
    write(tmp_path, "a.txt", "Title: Parking\n\nThe car park reopens on Monday.\n")
    write(tmp_path, "b.md", "# Parking\n\nThe car park reopens on Monday.\n")
    write(tmp_path, "c.jsonl", json.dumps({"id": 1, "title": "Parking", "body": "<p>The car park reopens.</p>"}) + "\n")
    write(tmp_path, "d.html", page("two-articles.html"))
    program = ("import sys; from checker.cli import main; main(sys.argv[1:]); "
               "sys.stderr.write(repr(sorted({m.split('.')[0] for m in sys.modules} & {'trafilatura', 'lxml'})))")
    for names, imported in ((["a.txt", "b.md", "c.jsonl"], "[]"), (["d.html"], "['lxml', 'trafilatura']")):
        result = subprocess.run([sys.executable, "-c", program, "--no-config", "--no-cache", "-q", *names],
                                cwd=tmp_path, capture_output=True, text=True, timeout=300,
                                env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
        assert result.stderr.splitlines()[-1] == imported, result.stderr


# ---- the setting ---------------------------------------------------------------------------------
def test_the_markup_rules_are_a_setting_of_the_configuration_and_the_command_line(tmp_path):
    write(tmp_path, "reservoir.html", page("two-articles.html"))
    default = run_checker("extract", "--no-config", "reservoir.html", cwd=tmp_path)
    assert default.returncode == 0 and b"hosepipe ban" in default.stdout
    flag = run_checker("extract", "--no-config", "--html-extractor", "markup", "reservoir.html", cwd=tmp_path)
    write(tmp_path, ".checker.yaml", "html-extractor: markup\n")
    configured = run_checker("extract", "reservoir.html", cwd=tmp_path)
    assert flag.returncode == configured.returncode == 0
    assert b"hosepipe ban" not in flag.stdout and flag.stdout == configured.stdout
    write(tmp_path, ".checker.yaml", "html-extractor: readability\n")
    for command in (["extract", "reservoir.html"], ["reservoir.html"]):
        result = run_checker(*command, cwd=tmp_path)
        assert result.returncode == 4
        [line] = result.stderr.decode().splitlines()
        assert "html-extractor" in line and "readability" in line and "trafilatura, markup" in line


def test_records_whose_body_is_a_page_are_read_as_pages_are(tmp_path):
    records = [{"id": "ferry", "title": "Ferry strike", "body": page("ferry-strike.html")},
               {"id": "note", "body": "<p>Library closed on Monday.</p><p>Share this:</p>"}]
    write(tmp_path, "dump.jsonl", "".join(json.dumps(record) + "\n" for record in records))
    result = run_checker("extract", "--no-config", "-f", "json", "dump.jsonl", cwd=tmp_path)
    ferry, note = json.loads(result.stdout)
    body = "\n".join(ferry["body"])
    assert ferry["headline"] == "Ferry strike" and "chartered catamaran" in body
    assert "Sign up" not in body and "Most read" not in body and "harbourwatcher" not in body
    assert note["body"] == ["Library closed on Monday.", "Share this:"]  # a fragment: all of it
    markup = run_checker("extract", "--no-config", "-f", "json", "--html-extractor", "markup", "dump.jsonl",
                         cwd=tmp_path)
    assert "Sign up" in "\n".join(json.loads(markup.stdout)[0]["body"])


# ---- the alignment -------------------------------------------------------------------------------
def test_alignment_marks_the_words_the_extractor_kept_in_order():
    ours = ["menu", "home", "sport", "the", "tide", "was", "high", "at", "noon", "share", "this",
            "the", "tide", "was", "high", "again"]
    theirs = ["the", "tide", "was", "high", "at", "noon", "the", "tide", "was", "high", "again"]
    marks = aligned(ours, theirs)
    assert [word for word, mark in zip(ours, marks, strict=True) if mark] == theirs
    assert aligned([], theirs) == bytearray() and aligned(ours, []) == bytearray(len(ours))


def test_alignment_ignores_text_the_extractor_moved_and_repeats_keep_their_place():
    ours = ["alpha", "beta", "gamma", "delta", "one", "two", "three", "four", "five", "six", "seven"]
    theirs = [*ours[4:], *ours[:4]]
    marks = aligned(ours, theirs)
    assert sum(marks) == 7 and not any(marks[:4])  # one order survives, the longer run
    repeated = ["a", "b"] * 5  # no word occurs once: aligned from both ends
    assert sum(aligned(repeated, repeated)) == 10
    assert list(aligned([*repeated, "menu"], ["x", *repeated])) == [0] * 11  # ends that differ: nothing


def _words(text: str) -> list[str]:
    return text.split()


def test_an_article_the_page_holds_twice_is_aligned_once_and_not_lost_to_a_widget():
    story = _words("the ferry left the harbour at dawn with forty passengers and a crew of six "
                   "before the wind turned and the captain brought her back to the quay")
    quiz = _words("take our quiz how well do you sleep at night find out now")
    blocks = [story, ["slideshow"], story, quiz]  # a slideshow copy of the story, then a widget
    kept = kept_blocks(blocks, [*quiz, *story])  # the extractor put the widget first
    assert kept in ([0], [2])  # one copy, in the extractor's order; not the widget


def test_a_block_is_kept_when_half_of_its_words_align():
    blocks = [["sign", "up", "now"], ["rain", "fell", "all", "day", "in", "the", "hills"], ["photo", "rain", "fell"]]
    theirs = blocks[1]
    assert kept_blocks(blocks, theirs) == [1]
    assert kept_blocks(blocks, [*theirs, "photo"]) == [1]  # one word of three
    assert kept_blocks(blocks, [*theirs, "photo"], share=0.3) == [1, 2]
    assert kept_blocks([[], ["x"]], ["x"]) == [1]  # a block without words is never kept


# ---- on the annotated pages ----------------------------------------------------------------------
def _bench_extractors():
    spec = importlib.util.spec_from_file_location("bench_extractors", ROOT / "bench" / "extractors.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.corpus
def test_on_the_fit_pages_the_checker_reads_what_trafilatura_finds_and_less_furniture():
    import gzip

    import trafilatura

    bench = _bench_extractors()
    pages = [item for item in bench.load_pages() if item["part"] == "fit"]
    if not pages:
        pytest.skip(f"no annotated pages in {SHARED / 'corpus' / 'pages'}")
    ours = [0, 0]  # with snippets found, without snippets kept
    theirs = [0, 0]
    wanted = 0
    for item in pages:
        raw = gzip.decompress(Path(item["path"]).read_bytes())
        text = raw.decode("utf-8", errors="replace")
        for counts, read in ((ours, parse_html(item["file"], text).source),
                             (theirs, trafilatura.extract(raw) or "")):
            normal = bench.normalise(read)
            counts[0] += sum(bench.normalise(s) in normal for s in item["with"] if bench.normalise(s))
            counts[1] += sum(bench.normalise(s) in normal for s in item["without"] if bench.normalise(s))
        wanted += sum(1 for s in item["with"] if bench.normalise(s))
    assert ours[0] >= theirs[0] - 0.01 * wanted, (ours, theirs)
    assert ours[1] <= theirs[1], (ours, theirs)


def test_cached_results_follow_the_html_extractor_setting(tmp_path):
    write(tmp_path, "ferry.html", page("ferry-strike.html"))
    write(tmp_path, ".checker.yaml", "cache-dir: cache\n")

    def texts() -> list[str]:
        report, result = run_json("ferry.html", cwd=tmp_path)
        assert result.returncode in (0, 1), result.stderr
        return sorted(finding["text"] for finding in report["files"][0]["findings"])

    default = texts()
    assert texts() == default and list((tmp_path / "cache").iterdir())  # the second run from the cache
    write(tmp_path, ".checker.yaml", "cache-dir: cache\nhtml-extractor: markup\n")
    markup = texts()
    assert markup != default and any("Share this article" in text for text in markup)
