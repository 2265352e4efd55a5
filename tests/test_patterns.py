"""The file of compiled module-level patterns (checker.patterns.compiled): a fresh process takes the
checker's own patterns from it instead of compiling them, and a bad file costs only time."""

import json
import os
import subprocess
import sys

import regex
from conftest import ROOT

from checker.patterns.compiled import compiled

#: Imports the modules a cold run imports and prints how many patterns came from the file.
_PROBE = (
    "import json, checker.cli, checker.plugin.builtin\n"
    "import checker.kinds.contradiction.kind, checker.kinds.contradiction.counts\n"
    "from checker.patterns.compiled import stats\n"
    "print(json.dumps(stats))\n"
)


def _probe(cache, **env):
    environment = {key: value for key, value in os.environ.items() if key != "CHECKER_NO_SNAPSHOT"}
    environment.update(XDG_CACHE_HOME=str(cache), **env)
    out = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, env=environment, capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout)


def test_a_second_process_loads_the_patterns_instead_of_compiling_them(tmp_path):
    first = _probe(tmp_path)
    assert first["loaded"] == 0 and first["compiled"] > 50
    assert len(list((tmp_path / "checker").glob("patterns-*.pickle"))) == 1
    second = _probe(tmp_path)
    assert second == {"loaded": first["compiled"], "compiled": 0}


def test_a_damaged_file_only_means_compiling_again(tmp_path):
    first = _probe(tmp_path)
    (path,) = (tmp_path / "checker").glob("patterns-*.pickle")
    path.write_bytes(b"not a pickle")
    again = _probe(tmp_path)
    assert again == {"loaded": 0, "compiled": first["compiled"]}
    assert _probe(tmp_path)["compiled"] == 0  # written afresh


def test_no_snapshot_writes_no_file(tmp_path):
    result = _probe(tmp_path, CHECKER_NO_SNAPSHOT="1")
    assert result["loaded"] == 0 and result["compiled"] > 50
    assert not (tmp_path / "checker").exists()


def test_a_pattern_from_the_file_matches_as_the_compiled_one(tmp_path):
    _probe(tmp_path)
    code = (
        "from checker.kinds.contradiction.numbers import QUANTITY\n"
        "from checker.patterns.compiled import stats\n"
        "print(stats['loaded'] > 0, [m.group(0) for m in QUANTITY.finditer("
        "'More than 12 people and a dozen cars, $4.5 million, twenty-one votes')])\n"
    )
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    environment.pop("CHECKER_NO_SNAPSHOT", None)
    loaded = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True,
                            text=True, check=True).stdout
    from checker.kinds.contradiction.numbers import QUANTITY

    fresh = regex.compile(QUANTITY.pattern, QUANTITY.flags)
    text = "More than 12 people and a dozen cars, $4.5 million, twenty-one votes"
    assert loaded.strip() == f"True {[m.group(0) for m in fresh.finditer(text)]}"


def test_compiled_keys_on_flags_as_well_as_text():
    plain, folded = compiled("bridge"), compiled("bridge", regex.IGNORECASE)
    assert plain.search("Bridge") is None and folded.search("Bridge") is not None
