"""checker.dask on a real distributed.LocalCluster with worker processes: the same findings
as the command line on the same inputs."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, run_json

db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from checker.dask import COLUMNS, check, jsonl_records, to_dataframe  # noqa: E402
from checker.errors import UsageError  # noqa: E402

RECORDS = [
    {"id": "r1", "title": "Dam opens its gates", "body": "Dam opens its gates\n\nWater flowed out on Friday."},
    {"id": "r2", "title": "Quiet day", "content": "Nothing happened today.\n\nShare this:"},
    {"id": "r3", "headline": "Council meets", "text": "The council met on Monday.\n\nThe council met on Monday."},
]


def cli_findings(*args: str) -> set[tuple]:
    report, _ = run_json("--no-cache", *args)
    return {(e["path"], f["rule"], f["line"], f["column"], f["message"]) for e in report["files"]
            for f in e["findings"]}


def bag_findings(rows: list[dict]) -> set[tuple]:
    return {(r["path"], r["rule"], r["line"], r["column"], r["message"]) for r in rows if "rule" in r}


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster) as connected:
        yield connected


def test_paths_on_a_cluster_give_the_cli_findings(client, monkeypatch):
    monkeypatch.chdir(ROOT)
    paths = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "sample_articles").iterdir())
    rows = check(db.from_sequence(paths, npartitions=4), ["--ignore", "style"]).compute()
    assert bag_findings(rows) == cli_findings("--ignore", "style", *paths)
    workers = client.run(lambda: __import__("os").getpid())
    assert len(set(workers.values())) == 2  # two worker processes did the work
    # The same options as values by name: the session is built from them, not from a command line.
    named = check(db.from_sequence(paths, npartitions=4), {"ignore": ["style"]}).compute()
    assert bag_findings(named) == bag_findings(rows)


def test_records_on_a_cluster_give_the_cli_findings(client, tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    rows = check(jsonl_records(str(dump), cwd=str(tmp_path)), cwd=str(tmp_path)).compute()
    expected = cli_findings(str(dump))
    assert expected and bag_findings(rows) == expected
    plain = check(db.from_sequence(RECORDS, npartitions=2)).compute()
    assert {r["rule"] for r in plain} == {r[1] for r in expected}


def test_findings_as_a_dataframe(client, monkeypatch):
    monkeypatch.chdir(ROOT)
    frame = to_dataframe(check(db.from_sequence(["sample_articles/spun-wire-story.txt",
                                                  "sample_articles/nope.txt"])))
    assert list(frame.columns) == list(COLUMNS)
    table = frame.compute()
    assert (table["error"].notna()).sum() == 1
    found = table[table["rule"].notna()]
    assert len(found) == len(cli_findings("sample_articles/spun-wire-story.txt"))
    assert set(found["severity"]) <= {"error", "warning", "info"}


def test_a_bad_configuration_fails_on_the_client(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.yaml").write_text("id: x\nkind: nope\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"bad\.yaml"):
        check(db.from_sequence(["a.txt"]), ["--rules", str(rules)], cwd=str(tmp_path))
