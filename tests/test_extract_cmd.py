"""``checker extract``: every input format printed as the checker reads it, as text and as JSON,
and what happens to inputs that cannot be read."""

from __future__ import annotations

import gzip
import json

import pytest
from conftest import ROOT, run_checker, write

STORY_TXT = ("Title: Lifeboat called out twice in one night\nAuthor: Nia Mensah\nPublished: 2024-05-11\n\n"
             "The volunteer crew launched at 11pm to a yacht with a fouled propeller.\n\n"
             "They were called again at 3am, this time to a kayaker reported missing.\n")
STORY_MD = ("---\ntitle: Market hall reopens after fire\nauthor: Lars Petersen\ndate: 2023-11-30\n---\n\n"
            "# Market hall reopens after fire\n\nTraders returned to the hall on *Thursday*.\n\n"
            "- The roof was replaced.\n- Stalls were rewired.\n")
PAGE = (ROOT / "tests" / "data" / "pages" / "ferry-strike.html").read_text(encoding="utf-8")
RECORDS = [{"id": "r1", "headline": "Tram line extended", "author": "Ada Lee", "date": "2022-02-02",
            "body": "The tram now reaches the hospital.\n\nServices run every ten minutes."},
           {"id": "r2", "title": "Choir wins regional title", "content": "<p>The choir sang three pieces.</p>"}]


@pytest.fixture
def folder(tmp_path):
    write(tmp_path, "a.txt", STORY_TXT)
    write(tmp_path, "b.md", STORY_MD)
    write(tmp_path, "c.html", PAGE)
    write(tmp_path, "d.jsonl", "".join(json.dumps(record) + "\n" for record in RECORDS))
    write(tmp_path, "e.json", json.dumps({"articles": RECORDS[:1]}))
    return tmp_path


def extract(folder, *args: str):
    return run_checker("extract", "--no-config", *args, cwd=folder)


def test_json_gives_each_article_of_every_format(folder):
    result = extract(folder, "--format", "json", "a.txt", "b.md", "c.html", "d.jsonl", "e.json")
    assert result.returncode == 0 and result.stderr == b""
    articles = {entry["path"]: entry for entry in json.loads(result.stdout)}
    assert list(articles) == ["a.txt", "b.md", "c.html", "d.jsonl#r1", "d.jsonl#r2", "e.json#r1"]
    assert articles["a.txt"] == {
        "path": "a.txt", "headline": "Lifeboat called out twice in one night", "byline": "Nia Mensah",
        "published": "2024-05-11", "body": ["The volunteer crew launched at 11pm to a yacht with a fouled propeller.",
                                            "They were called again at 3am, this time to a kayaker reported missing."]}
    markdown = articles["b.md"]
    assert (markdown["headline"], markdown["byline"], markdown["published"]) == (
        "Market hall reopens after fire", "Lars Petersen", "2023-11-30")
    assert markdown["body"][0] == "Traders returned to the hall on *Thursday*."
    assert "The roof was replaced." in markdown["body"]
    page = articles["c.html"]
    assert page["headline"] == "Ferry crews walk out over rosters" and page["published"] == "2024-03-08T06:45:00Z"
    assert page["body"][0].startswith("Crews on the island ferry") and len(page["body"]) == 6
    assert articles["d.jsonl#r1"]["body"] == ["The tram now reaches the hospital.", "Services run every ten minutes."]
    assert articles["d.jsonl#r1"]["byline"] == "Ada Lee"
    assert articles["d.jsonl#r2"] == {"path": "d.jsonl#r2", "headline": "Choir wins regional title", "byline": None,
                                      "published": None, "body": ["The choir sang three pieces."]}
    assert articles["e.json#r1"]["headline"] == "Tram line extended"


def test_text_writes_each_article_as_a_scrape_dump_under_its_name(folder):
    result = extract(folder, "a.txt", "c.html")
    assert result.returncode == 0
    text = result.stdout.decode()
    assert text.startswith("==> a.txt <==\nTitle: Lifeboat called out twice in one night\nAuthor: Nia Mensah\n"
                           "Published: 2024-05-11\n\nThe volunteer crew launched")
    page = text[text.index("==> c.html <==") :]
    assert "\nAuthor: Ines Okafor, Transport Correspondent\n" in page
    assert "\n\nTalks between the two sides" in page and "Sign up" not in page
    # What extract writes for a text article reads back as the same article.
    write(folder, "again.txt", text[: text.index("==> c.html")].split("\n", 1)[1].rstrip("\n") + "\n")
    again = json.loads(extract(folder, "-f", "json", "again.txt").stdout)[0]
    first = json.loads(extract(folder, "-f", "json", "a.txt").stdout)[0]
    assert {**again, "path": "a.txt"} == first


def test_a_folder_standard_input_and_gzip_are_read_as_a_check_reads_them(folder):
    write(folder, "sub/f.md.gz", gzip.compress(STORY_MD.encode()))
    result = extract(folder, "-f", "json", "sub")
    assert [entry["path"] for entry in json.loads(result.stdout)] == ["sub/f.md.gz"]
    piped = run_checker("extract", "--no-config", "-f", "json", "--stdin-filename", "piped.txt", "-",
                        cwd=folder, stdin=STORY_TXT.encode())
    [entry] = json.loads(piped.stdout)
    assert entry["path"] == "piped.txt" and entry["byline"] == "Nia Mensah"
    forced = extract(folder, "-f", "json", "--input-format", "text", "b.md")
    assert json.loads(forced.stdout)[0]["body"][0].startswith("---\ntitle:")  # plain text, front matter and all


def test_inputs_that_cannot_be_read_are_one_line_each_and_the_others_are_written(folder):
    write(folder, "binary.txt", b"\x00\x01\x02 not text")
    write(folder, "bad.jsonl", '{"id": "ok", "body": "A fine record."}\n{not json\n{"id": "empty"}\n')
    write(folder, "latin.txt", "Caf\xe9 opens".encode("latin-1"))
    for output in ("text", "json"):
        result = extract(folder, "-f", output, "a.txt", "binary.txt", "bad.jsonl", "latin.txt", "b.md")
        assert result.returncode == 6
        errors = result.stderr.decode().splitlines()
        assert len(errors) == 4, errors
        assert errors[0].startswith("checker: error: binary.txt: binary file")
        assert errors[1].startswith("checker: error: bad.jsonl#L2: line 2: not valid JSON")
        assert errors[2].startswith("checker: error: bad.jsonl#empty: line 3: no body")
        assert errors[3].startswith("checker: error: latin.txt: not valid UTF-8")
        if output == "json":
            assert [entry["path"] for entry in json.loads(result.stdout)] == ["a.txt", "bad.jsonl#ok", "b.md"]
        else:
            assert result.stdout.decode().count("==> ") == 3


def test_usage_errors_and_no_input(folder):
    missing = extract(folder, "nowhere.txt")
    assert missing.returncode == 4 and missing.stderr.decode().count("\n") == 1
    assert b"nowhere.txt" in missing.stderr
    assert extract(folder, "--format", "yaml", "a.txt").returncode == 4
    assert extract(folder).returncode == 4  # a path is required
    (folder / "empty").mkdir()
    nothing = extract(folder, "empty")
    assert nothing.returncode == 5 and b"no input" in nothing.stderr
    assert extract(folder, "--help").returncode == 0


def test_control_characters_are_escaped_in_text_and_exact_in_json(folder):
    write(folder, "odd.txt", "Title: Bells \x1b[31mring\n\nThe bells rang at noon.\n")
    shown = extract(folder, "odd.txt").stdout.decode()
    assert "\x1b" not in shown and "Title: Bells \\x1b[31mring" in shown
    assert json.loads(extract(folder, "-f", "json", "odd.txt").stdout)[0]["headline"] == "Bells \x1b[31mring"


def test_a_hash_in_a_file_name_does_not_hide_its_format(tmp_path):
    # "#" also separates a record from its archive ("dump.jsonl#L3"); a file's own name may hold one.
    write(tmp_path, "notes#draft.md", STORY_MD)
    write(tmp_path, "feed#2.jsonl", json.dumps(RECORDS[0]) + "\n")
    result = extract(tmp_path, "--format", "json", "notes#draft.md", "feed#2.jsonl")
    assert result.returncode == 0, result.stderr
    read = {article["path"]: article for article in json.loads(result.stdout)}
    assert read["notes#draft.md"]["headline"] == "Market hall reopens after fire"
    assert not any("author:" in paragraph for paragraph in read["notes#draft.md"]["body"])  # front matter read
    assert [article["headline"] for path, article in read.items() if path.startswith("feed#2.jsonl#")] == [
        "Tram line extended"]
