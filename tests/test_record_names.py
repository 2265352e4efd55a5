"""Record ids are names, not paths (issue 26, group 5): a JSON Lines id never takes part in
per-path settings or in the file a report attributes a finding to."""

from __future__ import annotations

import json

from conftest import run_checker, run_json

BODY = "USA officials said the port would close.\n\nShare this:\n"


def dump(folder, name: str, *ids: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps({"id": i, "title": "Port strike", "body": BODY}) + "\n" for i in ids),
                    encoding="utf-8")


def test_per_path_ignores_match_a_record_through_its_file_never_its_id(tmp_path):
    (tmp_path / ".checker.yaml").write_text("per-path-ignores:\n  'archive/*': ['*']\n", encoding="utf-8")
    dump(tmp_path, "feeds/dump.jsonl", "story-2/../../archive/x", "story-3")
    dump(tmp_path, "dump.jsonl", "x/../archive/y")
    dump(tmp_path, "archive/old.jsonl", "story-1")
    report, result = run_json("--no-cache", "feeds/dump.jsonl", "dump.jsonl", "archive/old.jsonl", cwd=tmp_path)
    findings = {entry["path"]: len(entry["findings"]) for entry in report["files"]}
    # The ids that read like paths into archive/ are still checked like their neighbour...
    assert findings["feeds/dump.jsonl#story-2/../../archive/x"] == findings["feeds/dump.jsonl#story-3"] > 0
    assert findings["dump.jsonl#x/../archive/y"] == findings["feeds/dump.jsonl#story-3"]
    # ...while a record of a file that is in archive/ is ignored, through the file's path.
    assert findings["archive/old.jsonl#story-1"] == 0
    assert result.returncode == 1


def test_sarif_locates_a_record_in_its_file_and_names_it_as_a_logical_location(tmp_path):
    dump(tmp_path, "dump.jsonl", "id0/../../etc/passwd")
    result = run_checker("--no-config", "--no-cache", "--format", "sarif", "dump.jsonl", cwd=tmp_path)
    assert result.returncode == 1
    sarif = json.loads(result.stdout)
    results = sarif["runs"][0]["results"]
    assert results
    for entry in results:
        [location] = entry["locations"]
        assert location["physicalLocation"]["artifactLocation"] == {"uri": "dump.jsonl", "uriBaseId": "%SRCROOT%"}
        assert location["logicalLocations"] == [{"name": "id0/../../etc/passwd",
                                                 "fullyQualifiedName": "dump.jsonl#id0/../../etc/passwd",
                                                 "kind": "object"}]
        assert "fixes" not in entry  # its edits are in the record's text, not in dump.jsonl
    assert "etc/passwd" not in json.dumps([loc["physicalLocation"] for entry in results
                                           for loc in entry["locations"]])


def test_an_unreadable_record_is_located_in_its_file_too(tmp_path):
    (tmp_path / "dump.jsonl").write_text('{"id": "a/../../etc/passwd", "body": 5}\n{"id": "b", "body": "x"}\n',
                                         encoding="utf-8")
    result = run_checker("--no-config", "--no-cache", "--format", "sarif", "dump.jsonl", cwd=tmp_path)
    notifications = json.loads(result.stdout)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    [unreadable] = [n for n in notifications if "dump.jsonl#" in n["message"]["text"]]
    [location] = unreadable["locations"]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "dump.jsonl"
    assert location["logicalLocations"][0]["name"] == "a/../../etc/passwd"
