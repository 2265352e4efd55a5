"""``checker learn-furniture``: the lines a site repeats, learned in bounded memory, written
as a rule file that a check run loads. Every text here is invented."""

from __future__ import annotations

import json
import random

import pytest
from conftest import run_checker, write

from checker.config.yamlsafe import load_yaml
from checker.learn.command import main
from checker.learn.heavy import HeavyHitters
from checker.learn.lines import learnable
from checker.text.linenormal import line_key, normal_line

TOWNS = ["Arnsby", "Bexwell", "Corfe Mullen", "Dunholme", "Eastry", "Fordham", "Gilmorton", "Hawkshead"]
TOPICS = ["a new footbridge", "the winter gritting rota", "a community orchard", "repairs to the lido",
          "the bus timetable", "a dispute over parking", "the library's opening hours", "a flood barrier"]
BODIES = ["the parish council", "the district planning committee", "the harbour trust", "the school governors"]


def prose(rng: random.Random) -> str:
    return (f"Members of {rng.choice(BODIES)} in {rng.choice(TOWNS)} voted on {rng.choice(TOPICS)} this week, "
            f"after {rng.randint(3, 400)} residents wrote in about {rng.choice(TOPICS)}.")


def article(rng: random.Random, index: int, site: str, furniture: list[str], extra: list[str] = ()) -> dict:
    body = [furniture[0], prose(rng), prose(rng), f"Reported by desk {index} from {rng.choice(TOWNS)} today",
            *extra, prose(rng), *furniture[1:]]
    return {"id": f"{site}-{index}", "url": f"https://www.{site}/news/{index}", "title": f"Local story {index}",
            "body": "\n\n".join(body)}


QUOTE = "\u201cWe will not give up on this,\u201d the chair said."
STOCK = "The company did not immediately respond to a request for comment on the matter."


def lark_furniture(rng: random.Random) -> list[str]:
    return [f"Gallery image {rng.randint(1, 9)} of {rng.randint(10, 30)}", "Get the Lark Herald app for your phone",
            "Share this story with a neighbour"]


def fenwick_furniture(rng: random.Random) -> list[str]:
    return ["Fenwick Courier \u00b7 Serving the valley", "Read the Courier in print every Thursday"]


def dump(path, rng, count=12, extra=()) -> None:
    lines = []
    for index in range(count):
        lines.append(json.dumps(article(rng, index, "larkherald.example", lark_furniture(rng), extra)))
        lines.append(json.dumps(article(rng, index, "fenwickcourier.example", fenwick_furniture(rng), extra)))
    write(path.parent, path.name, "\n".join(lines) + "\n")


def learned_lines(path) -> list[dict]:
    return load_yaml(path)["lines"]


def test_normal_form_folds_case_space_and_digits():
    assert normal_line("Photo 3 of 9") == normal_line("PHOTO  4 of 12") == "photo 0 of 0"
    assert normal_line("Editor\u2019s  picks ") == "editor's picks"
    assert line_key("a.example", "photo 0 of 0") != line_key("b.example", "photo 0 of 0")


def test_recurring_lines_are_learned_per_site_and_one_article_lines_are_not(tmp_path):
    rng = random.Random(3)
    dump(tmp_path / "dump.jsonl", rng)
    output = tmp_path / "rules" / "site.yaml"
    output.parent.mkdir()
    assert main([str(tmp_path / "dump.jsonl"), "-o", str(output)]) == 0
    lines = learned_lines(output)
    by_site = {(entry["site"], entry["line"]) for entry in lines}
    assert ("larkherald.example", "gallery image 0 of 0") in by_site
    assert ("larkherald.example", "get the lark herald app for your phone") in by_site
    assert ("fenwickcourier.example", "read the courier in print every thursday") in by_site
    assert ("fenwickcourier.example", "get the lark herald app for your phone") not in by_site
    assert not any("desk" in entry["line"] or "residents" in entry["line"] for entry in lines)
    app = next(entry for entry in lines if entry["line"] == "get the lark herald app for your phone")
    assert app["articles"] == 12 and app["share"] == 1.0 and app["example"] == "Get the Lark Herald app for your phone"
    text = output.read_text(encoding="utf-8")
    assert "# thresholds: a line in at least 5 articles" in text and "24 articles of 2 site(s)" in text


def test_quotations_prose_and_lone_common_words_are_left_out(tmp_path):
    rng = random.Random(5)
    dump(tmp_path / "dump.jsonl", rng, extra=[QUOTE, STOCK, "Background", "ADVERTISEMENT"])
    output = tmp_path / "site.yaml"
    assert main([str(tmp_path / "dump.jsonl"), "-o", str(output)]) == 0
    learned = {entry["line"] for entry in learned_lines(output)}
    assert normal_line(QUOTE) not in learned
    assert normal_line(STOCK) not in learned
    assert "background" not in learned
    assert "advertisement" in learned  # one word, but in capitals: furniture-shaped
    assert learnable("\u2018Never again\u2019 she wrote on the sign") is None
    assert learnable("1:12") == "0:0"


def test_thresholds_decide_what_is_kept(tmp_path):
    rng = random.Random(11)
    records = []
    for index in range(40):
        furniture = ["Tap here for the Otterburn Echo archive"]
        if index < 3:  # three of forty articles: 7.5 %
            furniture.append("Puzzle corner returns next week")
        records.append(json.dumps(article(rng, index, "otterburnecho.example", [*furniture, "Back to the top"])))
    write(tmp_path, "echo.jsonl", "\n".join(records) + "\n")
    source = str(tmp_path / "echo.jsonl")
    loose, strict, share = tmp_path / "loose.yaml", tmp_path / "strict.yaml", tmp_path / "share.yaml"
    assert main([source, "-o", str(loose), "--min-articles", "3", "--min-share", "0.05"]) == 0
    assert main([source, "-o", str(strict), "--min-articles", "4"]) == 0
    assert main([source, "-o", str(share), "--min-articles", "3", "--min-share", "0.1"]) == 0
    assert "puzzle corner returns next week" in {e["line"] for e in learned_lines(loose)}
    assert "puzzle corner returns next week" not in {e["line"] for e in learned_lines(strict)}
    assert "puzzle corner returns next week" not in {e["line"] for e in learned_lines(share)}
    assert "tap here for the otterburn echo archive" in {e["line"] for e in learned_lines(share)}
    assert main([source, "-o", str(loose), "--min-share", "1.5"]) == 4


def test_a_folder_without_sites_is_one_group_named_after_it(tmp_path):
    rng = random.Random(2)
    folder = tmp_path / "morning-star"
    for index in range(6):
        body = "\n\n".join(["Listen to the Morning Star briefing", prose(rng), prose(rng),
                            "Morning Star \u2022 Letters"])
        write(folder, f"story-{index}.md", f"# Story {index}\n\n{body}\n")
    output = tmp_path / "site.yaml"
    assert main([str(folder), "-o", str(output)]) == 0
    entries = learned_lines(output)
    assert {entry["site"] for entry in entries} == {"morning-star"}
    assert {"listen to the morning star briefing", "morning star \u2022 letters"} <= {e["line"] for e in entries}


def test_the_written_file_loads_as_rules_and_flags_the_lines_with_a_safe_fix(tmp_path):
    rng = random.Random(7)
    dump(tmp_path / "dump.jsonl", rng)
    rules = tmp_path / "rules"
    rules.mkdir()
    assert main([str(tmp_path / "dump.jsonl"), "-o", str(rules / "site-furniture.yaml")]) == 0
    story = write(tmp_path, "story.txt",
                  "Title: Orchard planted on the green\n\nGallery image 2 of 17\n\n"
                  "Volunteers planted forty apple trees on the village green on Saturday morning, the parish "
                  "council said.\n\nGet the Lark Herald app for your phone\n")
    result = run_checker("--rules", str(rules), "--select", "site-furniture", "--format", "json", str(story))
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert [finding["line"] for finding in findings] == [3, 7]
    assert all(finding["fix"]["applicability"] == "safe" for finding in findings)
    assert "larkherald.example" in findings[0]["message"]
    run_checker("--rules", str(rules), "--select", "site-furniture", "--fix", str(story))
    fixed = story.read_text(encoding="utf-8")
    assert "Gallery image" not in fixed and "Lark Herald app" not in fixed and "forty apple trees" in fixed
    plain = write(tmp_path, "plain.txt",
                  "Title: Bridge reopens\n\nThe footbridge over the river reopened on Tuesday after repairs.\n\n"
                  "Share this story with a friend who walks the towpath every morning, the ranger said.\n")
    result = run_checker("--rules", str(rules), "--select", "site-furniture", "--format", "json", str(plain))
    assert json.loads(result.stdout)["files"][0]["findings"] == []


def test_bad_input_is_one_line_naming_the_file_and_the_rest_is_read(tmp_path, capsys):
    rng = random.Random(9)
    dump(tmp_path / "archive" / "good.jsonl", rng)
    with (tmp_path / "archive" / "good.jsonl").open("a", encoding="utf-8") as handle:
        handle.write("{this is not json\n")
    write(tmp_path / "archive", "broken.json", "[{\"body\": ")
    write(tmp_path / "archive", "binary.txt", b"\x00\x01\x02 not text")
    output = tmp_path / "site.yaml"
    assert main([str(tmp_path / "archive"), "-o", str(output)]) == 6
    errors = [line for line in capsys.readouterr().err.splitlines() if "lines learned" not in line]
    assert len(errors) == 3
    assert any("good.jsonl: line 25: not valid JSON" in line for line in errors)
    assert any("broken.json" in line and "not valid JSON" in line for line in errors)
    assert any("binary.txt" in line for line in errors)
    assert "gallery image 0 of 0" in {entry["line"] for entry in learned_lines(output)}


def test_no_input_and_missing_input_have_their_exit_codes(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main([str(tmp_path / "empty"), "-o", str(tmp_path / "out.yaml")]) == 5
    assert main([str(tmp_path / "missing"), "-o", str(tmp_path / "out.yaml")]) == 4
    assert main(["-"]) == 4
    assert not (tmp_path / "out.yaml").exists()
    assert "file or folder not found" in capsys.readouterr().err


def test_the_heavy_hitters_table_never_exceeds_its_capacity():
    table = HeavyHitters(64)
    rng = random.Random(1)
    frequent = [f"frequent-{n}" for n in range(5)]
    for step in range(50_000):
        table.add(rng.choice(frequent) if step % 4 == 0 else f"distinct-{step}")
        assert len(table) <= 64
    assert table.added == 50_000
    assert table.error <= 2 * table.added / 64
    assert set(frequent) <= table.candidates(1)
    for key in frequent:  # a count is never above the true one, nor below it by more than the error
        assert 50_000 / 4 / 5 - table.error - 400 <= table.counts[key] <= 50_000 / 4 / 5 + 400


def test_the_learned_rule_kind_refuses_bad_entries(tmp_path):
    rules = tmp_path / "rules"
    write(rules, "bad.yaml", "id: site-furniture\nkind: site-furniture\ncategory: boilerplate\nmessage: m\n"
                             "lines:\n  - {line: 'Most read', colour: red}\n")
    result = run_checker("--rules", str(rules), "--select", "site-furniture", str(write(tmp_path, "a.txt", "Hi.\n")))
    assert result.returncode == 4
    assert b"unknown field(s) colour" in result.stderr


@pytest.mark.parametrize("text", ["Most read on the Lark Herald", "most  READ on the lark herald"])
def test_plain_string_entries_are_normalised(tmp_path, text):
    rules = tmp_path / "rules"
    write(rules, "hand.yaml", "id: site-furniture\nkind: site-furniture\ncategory: boilerplate\n"
                              "message: 'Furniture: {line}'\nlines: ['Most read on the Lark Herald']\n")
    story = write(tmp_path, "story.txt", f"Title: A fair\n\nThe fair opened on Sunday with music.\n\n{text}\n")
    result = run_checker("--rules", str(rules), "--select", "site-furniture", "--format", "json", str(story))
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert len(findings) == 1 and findings[0]["line"] == 5


def test_a_check_run_learns_the_furniture_of_its_inputs_when_asked(tmp_path):
    rng = random.Random(13)
    dump(tmp_path / "dump.jsonl", rng)
    plain = run_checker("--select", "site-furniture-learned", "--format", "json", str(tmp_path / "dump.jsonl"))
    assert plain.returncode == 4  # without --learn-furniture there is no such rule to select
    result = run_checker("--learn-furniture", "--select", "site-furniture-learned", "--format", "json",
                         str(tmp_path / "dump.jsonl"))
    files = json.loads(result.stdout)["files"]
    flagged = {finding["text"] for file in files for finding in file["findings"]}
    assert "Get the Lark Herald app for your phone" in flagged
    assert "Read the Courier in print every Thursday" in flagged
    assert not any("residents wrote in" in text for text in flagged)
    strict = run_checker("--learn-furniture", "--learn-min-articles", "50", "--select", "site-furniture-learned",
                         "--format", "json", str(tmp_path / "dump.jsonl"))
    assert all(file["findings"] == [] for file in json.loads(strict.stdout)["files"])


def test_a_small_table_still_finds_the_frequent_lines_with_exact_counts_and_says_it_overflowed():
    from checker.learn.archive import Learnable
    from checker.learn.learner import Thresholds, learn

    def read():
        for index in range(3000):
            lines = {f"notice {index:x}-{index * 7 % 13} of its own": "x"}  # distinct in every article
            if index % 3 == 0:
                lines["the tern gazette weekend edition"] = "The Tern Gazette weekend edition"
            yield Learnable("terngazette.example", lines)

    learned = learn(read, Thresholds(min_articles=5, min_share=0.05, capacity=16))
    assert learned.table_size <= 16
    assert [(line.line, line.articles) for line in learned.lines] == [("the tern gazette weekend edition", 1000)]
    assert learned.occurrences == 4000
    assert learned.error >= 5 and "overflowed" in learned.notes[0]
