"""The licence and the credits of the data the package ships."""

from __future__ import annotations

import json

from conftest import ROOT


def test_every_data_source_the_package_ships_is_credited_in_notice():
    """Each shipped data file names its sources; the NOTICE beside the licence credits each one
    (GeoNames and the tortured-phrase list ask for attribution, WordNet for its notice)."""
    notice = (ROOT / "NOTICE").read_text(encoding="utf-8")
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    for name in ("gazetteer.json", "expressions.json", "nouns.json"):
        sources = json.loads((ROOT / "checker" / "data" / name).read_text(encoding="utf-8"))["sources"]
        assert f"checker/data/{name}" in notice
        for source in sources:
            first = source.split()[0]
            if first.lower() != "the":  # "the shared corpus's ...": statistics, no third party
                assert first in notice, f"{name}: {source[:60]!r} is not credited in NOTICE"
