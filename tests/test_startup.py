"""Start-up shortcuts that must never change results: the compiled-rules snapshot and the
entry-point cache."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from conftest import run_json

RULE = "id: team-word\nkind: existence\ncategory: style\nmessage: Avoid '{{match}}'.\ntokens: [{word}]\n"


def rules_folder(tmp_path: Path, word: str) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "team.yaml").write_text(RULE.format(word=word), encoding="utf-8")
    return folder


def team_findings(tmp_path: Path, env: dict[str, str]) -> list[str]:
    report, _ = run_json("--no-cache", "--rules", "rules", "--select", "team-word", "story.txt", cwd=tmp_path, env=env)
    return [f["text"] for f in report["files"][0]["findings"]]


def test_snapshot_is_used_and_follows_rule_file_changes(tmp_path):
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    (tmp_path / "story.txt").write_text("Title: Zoo\n\nA zebra met a giraffe.\n", encoding="utf-8")
    rules_folder(tmp_path, "zebra")
    assert team_findings(tmp_path, env) == ["zebra"]
    snapshots = list((tmp_path / "cache" / "checker").glob("rules-*.pickle"))
    assert len(snapshots) == 1
    assert team_findings(tmp_path, env) == ["zebra"]  # from the snapshot
    rules_folder(tmp_path, "giraffe")
    assert team_findings(tmp_path, env) == ["giraffe"]  # an edited rule file is a new snapshot
    for snapshot in (tmp_path / "cache" / "checker").glob("rules-*.pickle"):
        snapshot.write_bytes(b"not a pickle")
    assert team_findings(tmp_path, env) == ["giraffe"]  # a damaged snapshot is only a slower start
    assert team_findings(tmp_path, {**env, "CHECKER_NO_SNAPSHOT": "1"}) == ["giraffe"]


def test_rule_file_errors_are_reported_on_every_run_not_snapshotted(tmp_path):
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    (tmp_path / "story.txt").write_text("Title: Zoo\n\nA zebra.\n", encoding="utf-8")
    folder = rules_folder(tmp_path, "zebra")
    (folder / "bad.yaml").write_text("id: bad\nkind: existence\ncategory: style\nmessage: x\ntokens: ['(']\n",
                                     encoding="utf-8")
    for _ in range(2):
        report, result = run_json("--no-cache", "--rules", "rules", "story.txt", cwd=tmp_path, env=env)
        assert report["summary"]["files"] == 1
        assert result.returncode == 4 and "bad.yaml" in result.stderr.decode()


def test_entry_point_cache_is_rebuilt_when_damaged_or_when_packages_change(tmp_path, monkeypatch):
    from checker.plugin import entrypoints

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    fresh = entrypoints.checker_entry_points()
    cache = entrypoints.cache_file()
    assert json.loads(cache.read_text(encoding="utf-8"))["entry_points"] == [[e.name, e.value] for e in fresh]
    # A cache that lies for this interpreter's packages is used while nothing changes ...
    data = json.loads(cache.read_text(encoding="utf-8"))
    data["entry_points"] = [["planted", "json:dumps"]]
    cache.write_text(json.dumps(data), encoding="utf-8")
    [planted] = entrypoints.checker_entry_points()
    assert planted.load() is json.dumps
    # ... and dropped when a folder on sys.path changes (a package installed or removed).
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.setattr(sys, "path", [*sys.path, str(site)])
    assert entrypoints.checker_entry_points() == fresh
    cache.write_text("{broken", encoding="utf-8")
    assert entrypoints.checker_entry_points() == fresh


def test_the_cache_folder_keeps_only_the_newest_snapshots(tmp_path):
    import os

    from checker.patterns import snapshot

    folder = tmp_path / "checker"
    folder.mkdir()
    for age in range(12):  # snapshots of rule sets edited one hour apart, the newest first
        old = folder / f"rules-{age:032d}.pickle"
        old.write_bytes(b"old")
        os.utime(old, (snapshot.time.time() - 3600 * (age + 1),) * 2)
    stale = folder / "rules-stale.pickle"
    stale.write_bytes(b"old")
    os.utime(stale, (snapshot.time.time() - 8 * 24 * 3600,) * 2)
    other = folder / "reports.json"  # not a snapshot: left alone
    other.write_text("{}", encoding="utf-8")
    current = folder / "rules-current.pickle"
    snapshot.save(current, {"rules": []})
    kept = sorted(p.name for p in folder.glob("rules-*.pickle"))
    assert len(kept) == snapshot.KEEP
    assert "rules-current.pickle" in kept
    assert kept[:-1] == [f"rules-{age:032d}.pickle" for age in range(snapshot.KEEP - 1)]
    assert other.exists()
    assert snapshot.load(current) == {"rules": []}
