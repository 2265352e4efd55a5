"""A baseline: today's findings accepted (``--write-baseline``), only new ones reported later
(``--baseline``, or ``baseline:`` in the configuration)."""

import json
import os
from pathlib import Path

from conftest import run_checker, write

FERRY = """Title: Ferry timetable cut for winter

The island ferry will run four times a day from November instead of seven, the operator said.

USA officials inspecting the harbour were not consulted, according to the harbour master.

Share this: Facebook Twitter Email
"""

ORCHARD = """Title: Orchard owners count cost of late frost

Growers across the valley lost up to half their blossom to a frost in the last week of April.

Apple prices in the autumn are expected to rise as a result, a trade body said.
"""

QUIET = """Title: Library extends opening hours

The central library will stay open until eight on weekday evenings from next month.

Staff say students asked for the change during the exam season.
"""


def findings(report: dict) -> list[tuple[str, str]]:
    return sorted((Path(f["path"]).name, x["rule"]) for f in report["files"] for x in f["findings"])


def run(folder: Path, *args: str):
    result = run_checker("--no-cache", "--format", "json", *args, cwd=folder)
    return json.loads(result.stdout or b"null"), result


def archive(tmp_path: Path) -> Path:
    write(tmp_path, "news/ferry.txt", FERRY)
    write(tmp_path, "news/orchard.txt", ORCHARD)
    write(tmp_path, "news/library.txt", QUIET)
    return tmp_path


def test_a_baseline_accepts_todays_findings_and_the_next_run_reports_none(tmp_path):
    archive(tmp_path)
    before, result = run(tmp_path, "news")
    assert result.returncode == 1 and findings(before)

    written, result = run(tmp_path, "--write-baseline", "baseline.json", "news")
    assert result.returncode == 0, result.stderr.decode()
    assert written["summary"]["findings"] == 0
    assert written["summary"]["baselined"] == before["summary"]["findings"]
    assert b"wrote" in result.stderr and b"baseline.json" in result.stderr

    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert data["tool"] == "checker" and data["version"] == 1
    assert list(data["files"]) == sorted(data["files"]) == ["news/ferry.txt"]  # relative, "/", sorted
    assert sorted(e["rule"] for e in data["files"]["news/ferry.txt"]) == sorted(r for _, r in findings(before))
    assert all(e["line"] >= 1 and e["fingerprint"] for e in data["files"]["news/ferry.txt"])

    after, result = run(tmp_path, "--baseline", "baseline.json", "news")
    assert result.returncode == 0
    assert findings(after) == []
    assert after["summary"]["baselined"] == before["summary"]["findings"]


def test_findings_moved_by_an_edit_stay_accepted_and_new_ones_are_reported(tmp_path):
    archive(tmp_path)
    run(tmp_path, "--write-baseline", "baseline.json", "news")
    # Two paragraphs added above the accepted findings, and a new problem in another file.
    moved = FERRY.replace("The island ferry", "Crossings were cancelled twice last week in high winds.\n\n"
                          "Passengers queued for an hour at the slipway on Sunday.\n\nThe island ferry")
    write(tmp_path, "news/ferry.txt", moved)
    write(tmp_path, "news/orchard.txt", ORCHARD + "\nRussian Federation inspectors visited two farms.\n")

    report, result = run(tmp_path, "--baseline", "baseline.json", "news")
    assert result.returncode == 1
    assert findings(report) == [("orchard.txt", "entity-state-name-as-adjective")]
    assert report["summary"]["baselined"] >= 2


def test_each_entry_hides_one_finding_so_a_further_copy_is_new(tmp_path):
    sentence = "The pier was closed to the public after a storm damaged its railings."
    text = (f"Title: Pier closed\n\n{sentence}\n\nEngineers will inspect the supports on Monday.\n\n"
            f"{sentence}\n")
    write(tmp_path, "pier.txt", text)
    run(tmp_path, "--write-baseline", "baseline.json", "pier.txt")
    write(tmp_path, "pier.txt", text + f"\nA local angler said the town needed it back soon.\n\n{sentence}\n")
    report, result = run(tmp_path, "--baseline", "baseline.json", "pier.txt")
    assert result.returncode == 1
    [entry] = report["files"]
    assert [(f["rule"], f["line"]) for f in entry["findings"]] == [("duplicate-paragraph", 11)]
    assert report["summary"]["baselined"] == 1


def test_entries_that_match_nothing_any_more_are_counted_in_a_note(tmp_path):
    archive(tmp_path)
    run(tmp_path, "--write-baseline", "baseline.json", "news")
    write(tmp_path, "news/ferry.txt", FERRY.replace("Share this: Facebook Twitter Email\n", ""))
    _, result = run(tmp_path, "--baseline", "baseline.json", "news")
    assert result.returncode == 0
    assert b"1 entry of the baseline" in result.stderr and b"--write-baseline" in result.stderr


def test_the_configuration_names_the_baseline_relative_to_its_folder(tmp_path):
    archive(tmp_path)
    (tmp_path / "accepted").mkdir()
    run(tmp_path, "--write-baseline", "accepted/baseline.json", "news")
    write(tmp_path, ".checker.yaml", "baseline: accepted/baseline.json\n")
    report, result = run(tmp_path / "news", ".")  # the configuration is found above, in tmp_path
    assert result.returncode == 0 and findings(report) == []
    report, result = run(tmp_path / "news", "--no-baseline", ".")
    assert result.returncode == 1 and findings(report)


def test_a_baseline_works_from_another_folder_and_is_never_read_as_an_article(tmp_path):
    archive(tmp_path)
    write(tmp_path, "news/feed.jsonl", json.dumps({"id": "a7", "headline": "Mill reopens",
                                                   "body": "USA officials toured the mill on Friday."}) + "\n")
    result = run_checker("--no-cache", "--write-baseline", str(tmp_path / "news" / "baseline.json"),
                         str(tmp_path / "news"), cwd=tmp_path.parent)
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads((tmp_path / "news" / "baseline.json").read_text(encoding="utf-8"))
    assert "feed.jsonl#a7" in data["files"] and "ferry.txt" in data["files"]
    # Run from inside the folder: the same keys, and baseline.json (a JSON file) is no input.
    report, result = run(tmp_path / "news", "--baseline", "baseline.json", ".")
    assert result.returncode == 0 and findings(report) == []
    assert "baseline.json" not in {Path(f["path"]).name for f in report["files"]}


def test_a_bad_baseline_is_a_one_line_usage_error_naming_it(tmp_path):
    archive(tmp_path)
    cases = {
        "missing.json": None,
        "broken.json": b'{"tool": "checker", "version": 1, "files": {\n',
        "other.json": b'{"files": []}',
        "latin.json": b'{"tool": "checker", "files": {"caf\xe9": []}}',
        "version.json": b'{"tool": "checker", "version": 9, "files": {}}',
        "entry.json": b'{"tool": "checker", "version": 1, "files": {"news/ferry.txt": [{"rule": "x"}]}}',
    }
    for name, content in cases.items():
        if content is not None:
            write(tmp_path, name, content)
        result = run_checker("--no-cache", "--baseline", name, "news", cwd=tmp_path)
        message = result.stderr.decode()
        assert result.returncode == 4, (name, message)
        assert name in message and "Traceback" not in message, message
        assert len(message.strip().splitlines()) == 1, message
        assert result.stdout == b""


def test_a_malformed_baseline_is_never_overwritten_by_a_write(tmp_path):
    archive(tmp_path)
    damaged = write(tmp_path, "baseline.json", '{"tool": "checker", "version": 1, "files": {"a.txt": [{"rul')
    result = run_checker("--no-cache", "--write-baseline", "baseline.json", "news", cwd=tmp_path)
    assert result.returncode == 4 and b"remove it to write a new baseline" in result.stderr
    assert damaged.read_text(encoding="utf-8").endswith('"rul')


def test_a_baseline_that_cannot_be_written_is_an_error_and_leaves_no_file(tmp_path):
    archive(tmp_path)
    write(tmp_path, "blocker", "a file where a folder should be")
    result = run_checker("--no-cache", "--write-baseline", "blocker/baseline.json", "news", cwd=tmp_path)
    assert result.returncode == 4
    assert b"blocker/baseline.json" in result.stderr and b"Traceback" not in result.stderr
    previous = write(tmp_path, "baseline.json", '{"tool": "checker", "version": 1, "files": {}}')
    result = run_checker("--no-cache", "--write-baseline", "baseline.json", "news", cwd=tmp_path)
    assert result.returncode == 0
    assert json.loads(previous.read_text(encoding="utf-8"))["files"]  # replaced whole
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    umask = os.umask(0)
    os.umask(umask)
    assert previous.stat().st_mode & 0o777 == 0o666 & ~umask  # a file the team shares, not a private temporary


def test_write_baseline_with_diff_is_refused(tmp_path):
    archive(tmp_path)
    result = run_checker("--no-cache", "--diff", "--write-baseline", "baseline.json", "news", cwd=tmp_path)
    assert result.returncode == 4 and b"--write-baseline" in result.stderr
    assert not (tmp_path / "baseline.json").exists()


def test_the_text_report_says_how_many_the_baseline_holds(tmp_path):
    archive(tmp_path)
    run(tmp_path, "--write-baseline", "baseline.json", "news")
    write(tmp_path, "news/library.txt", QUIET + "\nLike this:\n")
    result = run_checker("--no-cache", "--baseline", "baseline.json", "news", cwd=tmp_path)
    last = result.stdout.decode().rstrip().splitlines()[-1]
    assert result.returncode == 1
    assert "1 finding" in last and "more in the baseline" in last


def test_rewriting_with_some_rules_or_files_keeps_the_entries_that_run_did_not_cover(tmp_path):
    archive(tmp_path)
    repaired = "The pier reopened on Friday after repairs."
    write(tmp_path, "news/pier.txt",
          f"Title: Pier\n\n{repaired}\n\nUSA engineers checked the railings.\n\n{repaired}\n")
    run(tmp_path, "--write-baseline", "baseline.json", "news")
    before = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["files"]
    assert {"news/ferry.txt", "news/pier.txt"} <= set(before)

    # Only the duplicate rules, over one file: the other rules' entries and the other files stay.
    _, result = run(tmp_path, "--select", "duplicate", "--write-baseline", "baseline.json", "news/pier.txt")
    assert result.returncode == 0
    after = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["files"]
    assert after["news/ferry.txt"] == before["news/ferry.txt"]
    def others(rows: list[dict]) -> list[dict]:
        return [row for row in rows if not row["rule"].startswith("duplicate")]

    assert others(after["news/pier.txt"]) == others(before["news/pier.txt"])  # "USA engineers" stays accepted
    assert others(before["news/pier.txt"]) and any(r["rule"].startswith("duplicate") for r in after["news/pier.txt"])

    # A run of a few rules counts no entry of the others as left over.
    _, result = run(tmp_path, "--select", "duplicate", "--baseline", "baseline.json", "news")
    assert result.returncode == 0 and b"matched no finding" not in result.stderr


def test_worker_processes_and_cached_results_are_filtered_alike(tmp_path):
    archive(tmp_path)
    written = run_checker("-j", "2", "--write-baseline", "baseline.json", "news", cwd=tmp_path)  # cache on
    assert written.returncode == 0 and (tmp_path / ".checker_cache").is_dir()
    for jobs in ("2", "1"):  # both read the results the first run cached
        result = run_checker("-j", jobs, "--format", "json", "--baseline", "baseline.json", "news", cwd=tmp_path)
        report = json.loads(result.stdout)
        assert result.returncode == 0 and findings(report) == [] and report["summary"]["baselined"] >= 2
