"""Archive inputs and batch runs: HTML pages, JSON Lines and JSON records, gzip, -j, the
results cache and the progress line."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, run_checker, run_json

from checker.read.parsers.html import parse_html
from checker.read.records import DEFAULT_FIELDS, read_jsonl

PAGE = ROOT / "sample_articles" / "scraped-news-page.html"


def findings_of(report: dict) -> dict[str, list[tuple]]:
    return {entry["path"]: [(f["rule"], f["line"], f["column"], f["text"]) for f in entry["findings"]]
            for entry in report["files"]}


# ---- HTML ----------------------------------------------------------------------------------
def test_html_article_is_extracted_without_scripts_navigation_or_footer():
    article = parse_html("page.html", PAGE.read_text(encoding="utf-8"))
    assert article.metadata["headline"].value == "Harbour bridge reopens after repairs"
    assert article.metadata["byline"].value == "Mara Lindqvist"
    assert article.metadata["published"].value == "2024-04-16T08:30:00Z"
    text = article.source
    assert "Brandt & Hale" in text and "“We finished two days early,”" in text  # entities decoded
    assert "deck plates" in text and "steel deck, the port" in text  # white space collapsed
    for chrome in ("not article text", "margin", "Home", "Sport", "All rights reserved"):
        assert chrome not in text
    assert [b.kind for b in article.blocks][:2] == ["headline", "byline"]


def test_html_findings_point_at_the_page_line_column_and_text():
    report, result = run_json(str(PAGE))
    assert result.returncode == 1
    page = PAGE.read_text(encoding="utf-8")
    lines = page.splitlines(keepends=True)
    found = report["files"][0]["findings"]
    rules = {f["rule"] for f in found}
    assert {"duplicate-headline", "duplicate-paragraph", "boilerplate-share"} <= rules
    for finding in found:
        assert page[finding["offset"] : finding["offset"] + finding["length"]] == finding["text"]
        assert sum(map(len, lines[: finding["line"] - 1])) + finding["column"] - 1 == finding["offset"]
        assert finding["fix"] is None  # a page is not rewritten from its extracted text
    headline = next(f for f in found if f["rule"] == "duplicate-headline")
    assert (headline["line"], headline["text"]) == (16, "Harbour bridge reopens after repairs")
    paragraph = next(f for f in found if f["rule"] == "duplicate-paragraph")
    assert paragraph["line"] == 22 and "&amp;" in paragraph["text"]  # the page's own text, entity and all
    assert paragraph["related"][0]["line"] == 19


def test_html_suppression_comment_and_unused_suppression_in_the_page(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><body><article><h1>Fire at the depot</h1>\n"
                    "<!-- checker-disable-next-line duplicate-headline -->\n<p>Fire at the depot</p>\n"
                    "<!-- checker-disable-next-line boilerplate -->\n<p>A quiet paragraph about the fire.</p>\n"
                    "</article></body></html>\n", encoding="utf-8")
    report, _ = run_json("--warn-unused-suppressions", str(page))
    found = report["files"][0]["findings"]
    assert [(f["rule"], f["line"]) for f in found] == [("unused-suppression", 4)]
    assert found[0]["text"].startswith("<!-- checker-disable-next-line boilerplate")


def test_html_never_fetches_or_expands_external_entities(tmp_path):
    page = tmp_path / "xxe.html"
    page.write_text('<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY ext SYSTEM "http://example.invalid/x">]>\n'
                    '<html><head><link rel="stylesheet" href="http://example.invalid/s.css"></head>'
                    '<body><p>Before &ext; after.</p><img src="http://example.invalid/i.png"></body></html>',
                    encoding="utf-8")
    article = parse_html(str(page), page.read_text(encoding="utf-8"))
    assert article.source == "Before &ext; after."


def test_html_without_article_element_skips_page_chrome_and_fragments_work():
    page = ("<html><body><header>Site menu</header><p>First para.</p><div>Loose text<br/>second line</div>"
            "<aside>Related stories</aside><footer>Contact us</footer></body></html>")
    article = parse_html("x.html", page)
    assert article.source == "First para.\n\nLoose text\nsecond line"
    assert parse_html("f.html", "<p>One &amp; two</p><p>Three</p>").source == "One & two\n\nThree"


# ---- JSON Lines, JSON, gzip --------------------------------------------------------------
RECORDS = [
    {"id": "a1", "title": "Dam opens its gates", "body": "Dam opens its gates\n\nWater flowed out on Friday."},
    {"title": "Quiet day", "content": "Nothing happened today in the town."},
    "this line is not JSON",
    {"guid": 7, "headline": "Market falls", "text": "<p>Shares fell.</p><p>Share this:</p>"},
    {"id": "b2", "title": "No body here"},
]


def write_jsonl(path: Path, records: list) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    data = "\n".join(lines) + "\n"
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(data.encode()))
    else:
        path.write_text(data, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["dump.jsonl", "dump.jsonl.gz"])
def test_jsonl_records_are_named_checked_and_bad_ones_reported_by_line(tmp_path, name):
    dump = write_jsonl(tmp_path / name, RECORDS)
    report, result = run_json(str(dump))
    assert result.returncode == 6  # some inputs could not be read; the others were checked
    entries = {e["path"].removeprefix(str(dump)): e for e in report["files"]}
    assert list(entries) == ["#a1", "#L2", "#L3", "#7", "#b2"]
    assert [f["rule"] for f in entries["#a1"]["findings"]] == ["duplicate-headline"]
    assert entries["#L2"]["findings"] == [] and entries["#L2"]["error"] is None
    assert entries["#L3"]["error"].startswith("line 3: not valid JSON")
    assert [f["rule"] for f in entries["#7"]["findings"]] == ["boilerplate-share"]  # HTML body read as text
    assert "no body" in entries["#b2"]["error"] and entries["#b2"]["error"].startswith("line 5:")
    assert report["summary"]["files"] == 5 and report["summary"]["errors"] == 2


def test_a_jsonl_file_in_which_no_record_has_a_body_is_one_error(tmp_path):
    """An index or a log beside the articles (records of file names and labels) is not an
    article dump: one error names the file, not one per record."""
    rows = [json.dumps({"file": f"a{i}.txt", "label": "fake"}) for i in range(40)]
    index = write_jsonl(tmp_path / "index.jsonl", rows)
    report, result = run_json(str(index))
    assert result.returncode == 6
    assert [(e["path"], e["error"]) for e in report["files"]] == [
        (str(index), "no record has a body (40 records; looked for body, content, text, article, story; "
                     "set --field body=NAME)")]


def test_records_without_a_body_before_one_with_a_body_are_each_reported_in_order(tmp_path):
    dump = write_jsonl(tmp_path / "dump.jsonl", [
        json.dumps({"id": "x1", "title": "No text"}),
        "{broken",
        json.dumps({"id": "x2", "title": "No text either"}),
        json.dumps({"id": "ok", "body": "The council met on Tuesday."}),
        json.dumps({"id": "x3"}),
    ])
    report, _ = run_json(str(dump))
    entries = [(e["path"].removeprefix(str(dump)), (e["error"] or "")[:22]) for e in report["files"]]
    assert entries == [("#x1", "line 1: no body (looke"), ("#L2", "line 2: not valid JSON"),
                       ("#x2", "line 3: no body (looke"), ("#ok", ""), ("#x3", "line 5: no body (looke")]


def test_other_errors_keep_their_place_beside_the_one_no_body_error(tmp_path):
    dump = write_jsonl(tmp_path / "log.jsonl", ["{broken", json.dumps({"a": 1}), json.dumps({"a": 2}), "[1,"])
    report, _ = run_json(str(dump))
    entries = [(e["path"].removeprefix(str(dump)), e["error"][:30]) for e in report["files"]]
    assert entries == [("#L1", "line 1: not valid JSON: Expect"), ("", "no record has a body (2 record"),
                       ("#L4", "line 4: not valid JSON: Expect")]


def test_no_body_errors_are_held_back_only_up_to_a_bound(tmp_path, monkeypatch):
    import checker.read.records

    monkeypatch.setattr(checker.read.records, "LISTED_ERRORS", 3)
    rows = [json.dumps({"n": i}) for i in range(6)]
    dump = write_jsonl(tmp_path / "big.jsonl", [*rows, json.dumps({"id": "ok", "body": "Text."}), *rows])
    records = list(read_jsonl(str(dump), "big.jsonl", DEFAULT_FIELDS))
    assert [r.name for r in records] == ["big.jsonl#L1", "big.jsonl#L2", "big.jsonl#L3", "big.jsonl#ok", "big.jsonl"]
    assert records[-1].error == "9 more unreadable records not listed, 9 of them without a body (the first 3 are)"


def test_a_json_array_in_which_no_item_has_a_body_is_one_error(tmp_path):
    listing = tmp_path / "list.json"
    listing.write_text(json.dumps([{"name": "a"}, {"name": "b"}, {"name": "c"}]), encoding="utf-8")
    report, _ = run_json(str(listing))
    assert [(e["path"], e["error"][:30]) for e in report["files"]] == [(str(listing), "no record has a body (3 record")]


def test_jsonl_field_names_are_configurable(tmp_path):
    headline = "River bridge closes for winter"
    dump = write_jsonl(tmp_path / "cms.ndjson", [
        {"uuid": "x", "story": {"hed": headline, "copy": f"{headline}\n\nIt shut at noon."}}])
    report, _ = run_json("--field", "headline=story.hed", "--field", "body=story.copy", str(dump))
    [entry] = report["files"]
    assert entry["path"] == f"{dump}#x"
    assert [f["rule"] for f in entry["findings"]] == ["duplicate-headline"]
    bad = run_checker("--field", "nonsense", str(dump))
    assert bad.returncode == 4 and "--field expects PART=NAME" in bad.stderr.decode()


def test_jsonl_from_standard_input_and_per_path_ignores_match_records(tmp_path):
    data = (json.dumps(RECORDS[0]) + "\n").encode()
    report, _ = run_json("--input-format", "jsonl", "--stdin-filename", "feed.jsonl", "-", stdin=data)
    assert report["files"][0]["path"] == "feed.jsonl#a1"
    (tmp_path / ".checker.yaml").write_text("per-path-ignores:\n  'dump.jsonl': [duplicate]\n", encoding="utf-8")
    write_jsonl(tmp_path / "dump.jsonl", RECORDS[:1])
    report, _ = run_json("dump.jsonl", cwd=tmp_path)
    assert report["files"][0]["findings"] == []


def test_jsonl_is_read_lazily_one_record_at_a_time(tmp_path):
    dump = tmp_path / "big.jsonl"
    with dump.open("w", encoding="utf-8") as stream:
        stream.write(json.dumps(RECORDS[0]) + "\n")
        stream.write("{" * 50 + "\n")  # a bad line the first record must not wait for
    records = read_jsonl(str(dump), "big.jsonl", DEFAULT_FIELDS)
    first = next(records)
    assert first.name == "big.jsonl#a1" and first.error is None
    assert next(records).error.startswith("line 2: not valid JSON")


def test_json_array_object_and_collection(tmp_path):
    array = tmp_path / "a.json"
    array.write_text(json.dumps([RECORDS[1], RECORDS[0]]), encoding="utf-8")
    single = tmp_path / "s.json"
    single.write_text(json.dumps(RECORDS[0]), encoding="utf-8")
    wrapped = tmp_path / "w.json"
    wrapped.write_text(json.dumps({"articles": [RECORDS[0]]}), encoding="utf-8")
    broken = tmp_path / "b.json"
    broken.write_text("[{", encoding="utf-8")
    report, result = run_json(str(array), str(single), str(wrapped), str(broken))
    paths = [e["path"] for e in report["files"]]
    assert paths == [f"{array}#/0", f"{array}#a1", str(single), f"{wrapped}#a1", str(broken)]
    assert report["files"][-1]["error"].startswith("not valid JSON")
    assert result.returncode == 6


def test_gzip_article_is_read_and_fixed_in_place_compressed(tmp_path):
    article = tmp_path / "story.txt.gz"
    text = "Title: Snow closes roads\n\nSnow closes roads\n\nPlows were out all night.\n\nShare this:\n"
    article.write_bytes(gzip.compress(text.encode()))
    report, result = run_json(str(article))
    assert {f["rule"] for f in report["files"][0]["findings"]} == {"duplicate-headline", "boilerplate-share"}
    result = run_checker("--fix", str(article))
    fixed = gzip.decompress(article.read_bytes()).decode()
    assert fixed == "Title: Snow closes roads\n\nPlows were out all night.\n"
    broken = tmp_path / "broken.txt.gz"
    broken.write_bytes(gzip.compress(b"some text")[:12])
    result = run_checker(str(broken))
    assert result.returncode == 6 and "not a readable gzip file" in result.stdout.decode()


def test_folders_collect_html_jsonl_and_gz(tmp_path):
    (tmp_path / "a.html").write_text("<p>Text here.</p>", encoding="utf-8")
    write_jsonl(tmp_path / "b.jsonl.gz", RECORDS[:1])
    (tmp_path / "c.md.gz").write_bytes(gzip.compress(b"# Title\n\nBody text.\n"))
    (tmp_path / "d.bin").write_bytes(b"\0\1")
    report, _ = run_json(str(tmp_path))
    names = [Path(e["path"]).name for e in report["files"]]
    assert names == ["a.html", "b.jsonl.gz#a1", "c.md.gz"]


def noting_plugin(folder: Path) -> None:
    """A plugin that notes each article it sees, and whether a worker process saw it, in
    the file ``$NOTES_FILE``: one line "path in-worker" per article."""
    (folder / "notes.py").write_text(
        "import multiprocessing, os\nfrom checker import hookimpl\n\n"
        "@hookimpl\ndef checker_check_article(article):\n"
        "    with open(os.environ['NOTES_FILE'], 'a') as f:\n"
        "        f.write(f'{article.path} {multiprocessing.parent_process() is not None}\\n')\n"
        "    return []\n", encoding="utf-8")


def run_noted(folder: Path, *args: str) -> tuple[dict, list[tuple[str, ...]], subprocess.CompletedProcess]:
    """``run_json`` with the noting plugin: the report, the (path, in-worker) notes and the run."""
    notes = folder / "notes.log"
    notes.write_text("", encoding="utf-8")
    report, result = run_json("-p", "notes", *args, cwd=folder,
                              env={"PYTHONPATH": str(folder), "NOTES_FILE": str(notes)})
    return report, [tuple(line.split()) for line in notes.read_text(encoding="utf-8").splitlines()], result


# ---- -j -----------------------------------------------------------------------------------
def test_parallel_run_gives_the_serial_results_in_the_same_order(tmp_path):
    dump = write_jsonl(tmp_path / "dump.jsonl", RECORDS * 6)
    inputs = ["sample_articles", str(dump), str(PAGE)]
    serial, first = run_json("--no-cache", *inputs)
    parallel, second = run_json("--no-cache", "-j", "3", *inputs)
    assert first.returncode == second.returncode == 6
    assert [e["path"] for e in parallel["files"]] == [e["path"] for e in serial["files"]]
    assert findings_of(parallel) == findings_of(serial)
    assert parallel["summary"] | {"duration": 0} == serial["summary"] | {"duration": 0}


def test_jobs_option_is_validated():
    for bad in ("0", "many"):
        result = run_checker("-j", bad, "sample_articles")
        assert result.returncode == 4 and "--jobs" in result.stderr.decode()


def test_jobs_setting_runs_workers_and_the_command_line_wins(tmp_path):
    noting_plugin(tmp_path)
    for name in "abcd":
        (tmp_path / f"{name}.txt").write_text(f"Title: {name}\n\nShare this:\n\nA paragraph.\n", encoding="utf-8")

    def run(*extra: str) -> tuple[dict, set[str]]:
        report, notes, _ = run_noted(tmp_path, "--no-cache", *extra, "a.txt", "b.txt", "c.txt", "d.txt")
        return report, {in_worker for _, in_worker in notes}

    serial, places = run()
    assert places == {"False"}  # a plugin is loaded and nothing is set: checked here
    (tmp_path / ".checker.yaml").write_text("jobs: 2\n", encoding="utf-8")
    parallel, places = run()
    assert places == {"True"} and findings_of(parallel) == findings_of(serial)
    _, places = run("-j", "1")
    assert places == {"False"}
    (tmp_path / ".checker.yaml").write_text("jobs: auto\n", encoding="utf-8")
    assert findings_of(run()[0]) == findings_of(serial)


def test_spawned_workers_build_the_same_session_and_give_the_serial_results(tmp_path):
    """On macOS and Windows workers are spawned, not forked: each imports the checker afresh
    and builds the session from the command line and the configuration file it finds. Here
    spawning is forced on Linux through a small driver, as a console script starts the run.
    A plugin notes whether it was loaded in the process that checks (spawned: yes; forked:
    no, it came with the parent)."""
    names = []
    for number in range(20):
        said = f"The council met on day {number} to vote on the budget for the harbour."
        (tmp_path / f"a{number:02d}.txt").write_text(f"Title: Council day {number}\n\nShare this:\n\n{said} "
                                                     f"It was long. {said}\n", encoding="utf-8")
        names.append(f"a{number:02d}.txt")
    (tmp_path / ".checker.yaml").write_text("ignore: [boilerplate-share]\nseverity: {duplicate-sentence: info}\n",
                                            encoding="utf-8")
    (tmp_path / "loaded.py").write_text(
        "import multiprocessing, os\nfrom checker import hookimpl\n\nLOADED_IN = os.getpid()\n\n"
        "@hookimpl\ndef checker_check_article(article):\n"
        "    with open(os.environ['NOTES_FILE'], 'a') as f:\n"
        "        f.write(f'{multiprocessing.parent_process() is not None} {LOADED_IN == os.getpid()}\\n')\n"
        "    return []\n", encoding="utf-8")
    (tmp_path / "spawning.py").write_text(
        "import sys\nimport checker.engine.parallel\n\nchecker.engine.parallel.workers_fork = lambda: False\n\n"
        "if __name__ == '__main__':\n    from checker.cli import main\n\n    sys.exit(main())\n", encoding="utf-8")
    notes = tmp_path / "notes.log"
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "NOTES_FILE": str(notes), "NO_COLOR": "1"}

    def run(script: list[str], *args: str) -> tuple[dict, set[str]]:
        notes.write_text("", encoding="utf-8")
        done = subprocess.run([sys.executable, *script, "--no-cache", "-f", "json", "-p", "loaded", *args, *names],
                              cwd=tmp_path, capture_output=True, env=env, timeout=300)
        assert done.returncode == 0, done.stderr.decode()  # infos only: nothing fails
        assert done.stderr == b""
        return json.loads(done.stdout), set(notes.read_text(encoding="utf-8").splitlines())

    serial, places = run(["-m", "checker"], "-j", "1")
    assert places == {"False True"}
    spawned, places = run([str(tmp_path / "spawning.py")], "-j", "2")
    assert places == {"True True"}  # in workers that loaded the plugin themselves
    assert findings_of(spawned) == findings_of(serial)
    assert spawned["summary"] | {"duration": 0} == serial["summary"] | {"duration": 0}
    found = {(f["rule"], f["severity"]) for entry in serial["files"] for f in entry["findings"]}
    assert found == {("duplicate-sentence", "info")}  # the configuration holds: share prompts ignored
    _, places = run(["-m", "checker"], "-j", "2")
    assert places == {"True False"}  # forked: the plugin came loaded from the parent


def _articles(folder: Path, count: int) -> list[str]:
    names = []
    for number in range(count):
        name = f"a{number:03d}.txt"
        (folder / name).write_text(f"Title: Story {number}\n\nShare this:\n\nThe council met on day {number}.\n"
                                   f"The council met on day {number}.\n", encoding="utf-8")
        names.append(name)
    return names


def test_jobs_for_a_run_that_sets_nothing(tmp_path, monkeypatch):
    """One process for an editor's file, a pre-commit handful, standard input or a run with a
    team's plugin; one worker per CPU, and no more than there are chunks, for a batch."""
    from checker.config import settings as config
    from checker.engine import jobs as engine_jobs
    from checker.engine.startup import open_session

    for module in (engine_jobs, config):
        monkeypatch.setattr(module, "available_cpus", lambda: 4)
    names = _articles(tmp_path, 100)
    write_jsonl(tmp_path / "dump.jsonl", RECORDS)

    def jobs(*paths: str, plugins: tuple[str, ...] = (), requested: str | None = None) -> int:
        session = open_session({"paths": list(paths), "plugins": list(plugins)}, tmp_path)
        return engine_jobs.jobs_for(session, list(paths), requested, engine_jobs.known_total(list(paths), session))

    assert jobs(*names[:1]) == 1
    assert jobs(*names[: engine_jobs.PARALLEL_FROM - 1]) == 1
    assert jobs(*names[:20]) == 3  # 20 articles are three chunks of eight
    assert jobs(*names) == 4
    assert jobs("dump.jsonl") == 4  # a record file may hold any number of articles
    assert jobs("-") == 1
    monkeypatch.setattr(engine_jobs, "workers_fork", lambda: False)  # macOS, Windows: each worker starts afresh
    assert jobs(*names[: engine_jobs.PARALLEL_FROM_SPAWNED - 1]) == 1
    assert jobs(*names) == 4
    monkeypatch.setattr(engine_jobs, "workers_fork", lambda: True)
    noting_plugin(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    assert jobs(*names, plugins=("notes",)) == 1
    assert jobs(*names, plugins=("notes",), requested="2") == 2  # asked for: the team knows its plugin
    (tmp_path / ".checker.yaml").write_text("jobs: 1\n", encoding="utf-8")
    assert jobs(*names) == 1
    assert jobs(*names, requested="auto") == 4
    assert jobs("-", requested="2") == 1


def test_a_batch_runs_in_workers_by_default_with_the_serial_results(tmp_path):
    from checker.config.settings import available_cpus

    names = _articles(tmp_path, 24)
    default = run_checker("--no-cache", "--format", "text", *names, cwd=tmp_path)
    serial = run_checker("--no-cache", "--format", "text", "-j", "1", *names, cwd=tmp_path)
    header, serial_header = default.stdout.decode().splitlines()[0], serial.stdout.decode().splitlines()[0]
    workers = min(available_cpus(), 3)
    assert header == (serial_header + f", {workers} worker processes" if workers > 1 else serial_header)
    assert "worker" not in serial_header
    body = default.stdout.decode().splitlines()[1:]
    assert body[:-1] == serial.stdout.decode().splitlines()[1:-1]  # all but the timed summary line
    assert default.returncode == serial.returncode == 1


def test_a_run_whose_workers_cannot_start_is_checked_here_with_a_note(tmp_path, monkeypatch, capsys):
    from checker import cli
    from checker.engine import parallel

    class NoWorkers:
        def __init__(self, *args, **kwargs):
            raise OSError("no shared memory for the queue's lock")

    names = _articles(tmp_path, 20)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["--no-cache", "--format", "json", "-j", "1", *names]) == 1
    serial = json.loads(capsys.readouterr().out)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", NoWorkers)
    assert cli.main(["--no-cache", "--format", "json", "-j", "2", *names]) == 1
    captured = capsys.readouterr()
    assert findings_of(json.loads(captured.out)) == findings_of(serial)
    assert captured.err == ("checker: note: worker processes could not be started (OSError: no shared memory "
                            "for the queue's lock); checked in this process\n")
    # The text report's header, written once the workers would have started, names none.
    assert cli.main(["--no-cache", "--format", "text", "-j", "2", *names]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0].endswith(" rules")
    assert "could not be started" in captured.err


def _signal_state(pid: int) -> str:
    """How a process stood towards signals (Linux's /proc: blocked, ignored, caught), for a
    failure message."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines()
    except OSError:
        return "unknown"
    return " ".join(line for line in lines if line.startswith(("State", "Threads", "SigPnd", "ShdPnd", "SigBlk",
                                                             "SigIgn", "SigCgt")))


def test_ctrl_c_stops_a_run_in_workers_with_one_line_and_no_process_left(tmp_path):
    # A plugin notes each article it starts and then takes a while over it: the signal comes
    # while the workers are busy, however fast the machine.
    (tmp_path / "slow.py").write_text(
        "import os, time\nfrom checker import hookimpl\n\n"
        "@hookimpl\ndef checker_check_article(article):\n"
        "    with open(os.environ['NOTES_FILE'], 'a') as f:\n"
        "        f.write(article.path + '\\n')\n"
        "    time.sleep(0.2)\n", encoding="utf-8")
    notes = tmp_path / "notes.log"
    notes.write_text("", encoding="utf-8")
    names = _articles(tmp_path, 40)
    # Started as a terminal starts it, with Ctrl-C's signal at its default: a test runner that
    # was itself started in the background (``pytest &`` in a script) has SIGINT ignored, its
    # children inherit that, and a program that starts with SIGINT ignored rightly keeps it so.
    as_from_a_terminal = ("import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
                          "os.execv(sys.executable, [sys.executable, *sys.argv[1:]])")
    run = subprocess.Popen([sys.executable, "-c", as_from_a_terminal, "-m", "checker", "-p", "slow", "-j", "2",
                            "--no-cache", *names], cwd=tmp_path,
                           env={**os.environ, "PYTHONPATH": str(tmp_path), "NOTES_FILE": str(notes)},
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 30
    while not notes.read_text(encoding="utf-8") and time.monotonic() < deadline:
        time.sleep(0.02)
    state = _signal_state(run.pid)
    started = len(notes.read_text(encoding="utf-8").splitlines())
    os.killpg(run.pid, signal.SIGINT)  # what Ctrl-C at a terminal does: the whole process group
    _, err = run.communicate(timeout=60)
    assert (run.returncode, err.decode()) == (2, "checker: interrupted\n"), (
        f"{started} article(s) started when the signal was sent, "
        f"{len(notes.read_text(encoding='utf-8').splitlines())} in all; the run's process then: {state}")
    # Stopped at once: no worker goes on with the chunks already handed out (eight articles each).
    assert len(notes.read_text(encoding="utf-8").splitlines()) <= 4
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(run.pid, 0)  # any worker still alive in the group?
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        raise AssertionError("a worker process outlived the interrupted run")


@pytest.mark.parametrize("value", ["0", "-2", "'many'", "true", "1.5"])
def test_a_bad_jobs_setting_is_a_usage_error_naming_the_setting(tmp_path, value):
    (tmp_path / ".checker.yaml").write_text(f"jobs: {value}\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Title: A\n\nText.\n", encoding="utf-8")
    result = run_checker("a.txt", cwd=tmp_path)
    assert result.returncode == 4
    message = result.stderr.decode()
    assert "jobs" in message and "Traceback" not in message and len(message.strip().splitlines()) == 1


# ---- cache --------------------------------------------------------------------------------
def test_cache_skips_unchanged_files_and_is_invalidated_by_changes(tmp_path):
    noting_plugin(tmp_path)
    (tmp_path / "one.txt").write_text("Title: One\n\nOne\n\nShare this:\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Title: Two\n\nA clean paragraph.\n", encoding="utf-8")

    def run(*extra: str) -> tuple[dict, list[str]]:
        report, notes, _ = run_noted(tmp_path, *extra, "one.txt", "two.txt")
        return report, [path for path, _ in notes]

    first, checked = run()
    assert checked == ["one.txt", "two.txt"]
    assert (tmp_path / ".checker_cache" / "CACHEDIR.TAG").is_file()
    second, checked = run()
    assert checked == [] and findings_of(second) == findings_of(first)
    (tmp_path / "two.txt").write_text("Title: Two\n\nTwo\n", encoding="utf-8")
    _, checked = run()
    assert checked == ["two.txt"]
    _, checked = run("--ignore", "boilerplate")  # other settings: other results
    assert checked == ["one.txt", "two.txt"]
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "extra.yaml").write_text("id: team-word\nkind: existence\ncategory: style\nmessage: Avoid the word.\n"
                                      "tokens: [zebra]\n", encoding="utf-8")
    _, checked = run("--rules", str(rules))
    assert checked == ["one.txt", "two.txt"]
    (rules / "extra.yaml").write_text("id: team-word\nkind: existence\ncategory: style\nmessage: Avoid the word.\n"
                                      "tokens: [giraffe]\n", encoding="utf-8")
    _, checked = run("--rules", str(rules))
    assert checked == ["one.txt", "two.txt"]
    _, checked = run("--no-cache")
    assert checked == ["one.txt", "two.txt"]


def test_cache_survives_corrupted_entries_and_an_unwritable_folder(tmp_path):
    noting_plugin(tmp_path)
    (tmp_path / "one.txt").write_text("Title: One\n\nOne\n\nShare this:\n", encoding="utf-8")
    first, _, _ = run_noted(tmp_path, "one.txt")
    for entry in (tmp_path / ".checker_cache").rglob("*.json"):
        entry.write_bytes(b"\x00{garbage")
    again, notes, result = run_noted(tmp_path, "one.txt")
    assert result.returncode == 1
    assert findings_of(again) == findings_of(first) and [path for path, _ in notes] == ["one.txt"]
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    report, result = run_json("--cache-dir", str(blocked / "cache"), "one.txt", cwd=tmp_path)
    assert findings_of(report) == findings_of(first) and result.stderr == b""


def test_cached_findings_equal_fresh_ones_over_the_samples(tmp_path):
    fresh, _ = run_json("--no-cache", "sample_articles")
    run_json("--cache-dir", str(tmp_path / "c"), "sample_articles")
    cached, _ = run_json("--cache-dir", str(tmp_path / "c"), "sample_articles")
    assert json.dumps(cached["files"], sort_keys=True) == json.dumps(fresh["files"], sort_keys=True)


# ---- progress -----------------------------------------------------------------------------
class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_line_only_on_a_terminal_and_wiped_at_the_end(monkeypatch):
    from checker.report import progress

    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "INTERVAL", 0.0)
    terminal = _Terminal()
    bar = progress.Progress(4, terminal)
    for _ in range(2):
        bar.advance(findings=3)
    bar.close()
    shown = terminal.getvalue()
    assert "50%" in shown and "2 articles, 6 findings" in shown and shown.endswith("\r\033[K")
    pipe = io.StringIO()
    quiet = progress.Progress(4, pipe)
    quiet.advance()
    quiet.close()
    assert pipe.getvalue() == ""
    unknown = _Terminal()
    records = progress.Progress(None, unknown)
    records.advance()
    assert "checking: 1 articles" in unknown.getvalue()


def test_no_progress_output_when_standard_error_is_not_a_terminal():
    result = run_checker("-q", "--no-cache", "sample_articles", env={"COLUMNS": "80"})
    assert "\r" not in result.stderr.decode() and result.returncode == 1


def test_records_with_empty_bodies_are_each_reported(tmp_path):
    """An empty body is an article whose text is missing, not a file of other records."""
    dump = write_jsonl(tmp_path / "empty.jsonl", [json.dumps({"id": f"e{i}", "body": ""}) for i in range(3)])
    report, _ = run_json(str(dump))
    assert [(e["path"].removeprefix(str(dump)), e["error"][:15]) for e in report["files"]] == [
        ("#e0", "line 1: no body"), ("#e1", "line 2: no body"), ("#e2", "line 3: no body")]


def test_workers_ignore_ctrl_c_and_the_main_process_keeps_its_handler(tmp_path):
    # Ctrl-C is the main process's: a worker taking it too would print a traceback of its own.
    from checker.engine import parallel
    from checker.engine.startup import open_session

    session = open_session(cwd=tmp_path)
    session.jobs = 2
    before = signal.getsignal(signal.SIGINT)
    with parallel.started_pool(session) as pool:
        assert pool is not None
        handlers = {pool.executor.submit(signal.getsignal, signal.SIGINT).result() for _ in range(4)}
    assert handlers == {signal.SIG_IGN}
    assert signal.getsignal(signal.SIGINT) is before
