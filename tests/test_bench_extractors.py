"""The scoring functions of ``bench/extractors.py``, on invented strings (no extractor, no corpus)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "bench_extractors", Path(__file__).resolve().parent.parent / "bench" / "extractors.py")
assert _SPEC is not None and _SPEC.loader is not None
extractors = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(extractors)

WITH = ["The ferry left at  dawn", "forty passengers"]
WITHOUT = ["Sign up for the Harbour Post", "All rights reserved"]


def test_normalise_folds_case_and_collapses_white_space():
    assert extractors.normalise("  The\tFerry \n LEFT  ") == "the ferry left"
    assert extractors.normalise("STRASSE") == extractors.normalise("straße")
    assert extractors.normalise(" \n ") == ""


@pytest.mark.parametrize(("line", "category"), [
    ("On Tuesday the ferry left at dawn, the operator said.", "text"),
    ("About FORTY passengers were aboard.", "text"),
    ("SIGN UP for the Harbour   Post newsletter", "furniture"),
    ("(c) 2024 Harbour Post. All rights reserved.", "furniture"),
    ("Sign up for the Harbour Post: forty passengers a day read it", None),  # both: left out
    ("Harbour officials said the breakwater held.", None),
    ("", None),
])
def test_label_line(line, category):
    assert extractors.label_line(line, WITH, WITHOUT) == category


def test_label_lines_numbers_lines_from_one_and_skips_unlabelled():
    text = "The ferry left at dawn.\n\nHarbour officials spoke.\n\nAll rights reserved."
    assert extractors.label_lines(text, WITH, WITHOUT) == {1: "text", 5: "furniture"}


def test_f1():
    assert extractors.f1(1.0, 1.0) == 1.0
    assert extractors.f1(0.0, 0.0) == 0.0
    assert extractors.f1(1.0, 0.5) == pytest.approx(2 / 3)


def test_snippet_score_before_and_after_a_fix():
    before = "The ferry left at dawn.\n\nForty passengers.\n\nSign up for the Harbour Post\n\nAll rights reserved."
    kept, clean, f1 = extractors.snippet_score(before, WITH, WITHOUT)
    assert (kept, clean) == (1.0, 0.0) and f1 == 0.0
    after = "The ferry left at dawn.\n\nForty passengers.\n\nAll rights reserved."
    kept, clean, f1 = extractors.snippet_score(after, WITH, WITHOUT)
    assert (kept, clean) == (1.0, 0.5) and f1 == pytest.approx(2 / 3)
    # Removing article text costs recall: one snippet of two kept.
    kept, clean, f1 = extractors.snippet_score("Forty passengers.", WITH, WITHOUT)
    assert (kept, clean) == (0.5, 1.0) and f1 == pytest.approx(2 / 3)
    # An empty snippet list counts as satisfied.
    assert extractors.snippet_score("anything", [], []) == (1.0, 1.0, 1.0)


def test_split_is_fixed_and_uses_both_parts():
    names = [f"site{number}.html" for number in range(40)]
    parts = [extractors.part_of(name) for name in names]
    assert parts == [extractors.part_of(name) for name in names]
    assert set(parts) == {"fit", "held-out"}


def test_html_extract_scores_pages_by_mean_and_counts_snippets_over_the_part():
    spec = importlib.util.spec_from_file_location(
        "bench_html_extract", Path(__file__).resolve().parent.parent / "bench" / "html_extract.py")
    assert spec is not None and spec.loader is not None
    html_extract = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(html_extract)
    pages = [{"file": "a", "with": WITH, "without": WITHOUT},
             {"file": "b", "with": ["the gate closed"], "without": ["Cookie settings", "  "]}]
    texts = {"a": "The ferry left at dawn. Forty passengers. All rights reserved.", "b": "Cookie settings"}
    row = html_extract.scores(pages, texts)
    assert (row["with_found"], row["with_total"], row["without_kept"], row["without_total"]) == (2, 3, 2, 3)
    assert row["with"] == pytest.approx(0.5) and row["without"] == pytest.approx(0.75)
    assert row["f1"] == pytest.approx((2 / 3 + 0) / 2)
    assert html_extract.scores(pages, {})["with_found"] == 0  # a page not read counts as empty
    timing = html_extract.timing([0.010, 0.030, 0.020])
    assert timing["median_ms"] == pytest.approx(20) and timing["max_ms"] == pytest.approx(30)
    assert html_extract.decode("Caf\xe9".encode("cp1252")) == "Café" and html_extract.decode(b"ok") == "ok"
