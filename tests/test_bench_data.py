"""The hand-written contradiction set's labels point at the lines they name (bench/data/contradictions)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "bench" / "data" / "contradictions"
KINDS = {"counts", "polarity", "dates", "roles", "ages", "headline", "quotations", "places", "times", "control"}
FOLDERS = sorted(p for p in DATA.iterdir() if p.is_dir())


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_every_label_names_an_article_and_the_line_it_quotes(folder: Path):
    labels = [json.loads(line) for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
    articles = sorted(p.name for p in folder.glob("*.txt"))
    assert sorted(label["file"] for label in labels) == articles
    for label in labels:
        assert label["kind"] in KINDS, label
        lines = (folder / label["file"]).read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("Title: ") and lines[1].startswith("Published: "), label["file"]
        if label["kind"] == "control":
            assert label["traps"], label["file"]
            continue
        assert 1 <= label["first"] < label["second"] <= len(lines), label["file"]
        assert len(label["text"]) <= 80 and label["text"] in lines[label["second"] - 1], label["file"]
        assert lines[label["first"] - 1].strip(), label["file"]
