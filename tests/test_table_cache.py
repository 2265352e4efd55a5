"""Tables built from shipped data and kept between runs (``checker.cache.built``): what is
read back is what would be built, and anything amiss with the kept file means a fresh build."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from checker.cache import built


def _ordered(value: Any) -> Any:
    """``value`` with every dict as its list of items, in order: equal only when the orders are."""
    if isinstance(value, dict):
        return [(key, _ordered(item)) for key, item in value.items()]
    if isinstance(value, list | tuple):
        return type(value)(_ordered(item) for item in value)
    return value


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("CHECKER_NO_SNAPSHOT", raising=False)
    return tmp_path / "cache" / "checker"


class _Builder:
    def __init__(self, value: Any) -> None:
        self.value, self.calls = value, 0

    def __call__(self) -> Any:
        self.calls += 1
        return self.value


def _valid(value: Any) -> bool:
    return isinstance(value, dict)


def test_the_swap_index_read_back_is_the_index_built(cache_home: Path) -> None:
    from checker.text import expressions as ex

    plain = ex._build_index()
    sources = (ex.EXPRESSIONS, Path(ex.__file__))
    first = built.load_or_build("expressions-index", sources, ex._build_index, ex._index_shaped)
    assert built.table_path("expressions-index").is_file()
    again = built.load_or_build("expressions-index", sources, _Builder(None), ex._index_shaped)
    for value in (first, again):
        assert _ordered(value) == _ordered(plain)
        assert [type(part) for part in value] == [type(part) for part in plain]
    assert ex._index() == ex._Index(*plain)


def test_a_kept_table_is_read_back_without_building(cache_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "data.json"
    source.write_text("{}")
    first = _Builder({"a": [("x", 1)], "b": {"": [("y", 2)]}})
    assert built.load_or_build("t", [source], first, _valid) == first.value
    second = _Builder({"other": []})
    assert _ordered(built.load_or_build("t", [source], second, _valid)) == _ordered(first.value)
    assert (first.calls, second.calls) == (1, 0)


def test_an_edited_source_builds_the_table_again(cache_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "data.json"
    source.write_text("{}")
    built.load_or_build("t", [source], _Builder({"old": 1}), _valid)
    source.write_text('{"new": 2}')
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 10**9))
    fresh = _Builder({"new": 2})
    assert built.load_or_build("t", [source], fresh, _valid) == {"new": 2}
    assert fresh.calls == 1
    kept = _Builder(None)
    assert built.load_or_build("t", [source], kept, _valid) == {"new": 2}
    assert kept.calls == 0


@pytest.mark.parametrize("content", [b"", b"not marshal at all", b"\x00" * 40])
def test_a_damaged_file_builds_the_table_again(cache_home: Path, tmp_path: Path, content: bytes) -> None:
    source = tmp_path / "data.json"
    source.write_text("{}")
    built.load_or_build("t", [source], _Builder({"a": 1}), _valid)
    path = built.table_path("t")
    path.write_bytes(content)
    fresh = _Builder({"a": 1})
    assert built.load_or_build("t", [source], fresh, _valid) == {"a": 1}
    assert fresh.calls == 1


def test_a_value_of_another_shape_builds_the_table_again(cache_home: Path, tmp_path: Path) -> None:
    import marshal

    source = tmp_path / "data.json"
    source.write_text("{}")
    built.load_or_build("t", [source], _Builder({"a": 1}), _valid)
    path = built.table_path("t")
    key, _ = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps((key, ["a list, not a dict"])))
    fresh = _Builder({"a": 1})
    assert built.load_or_build("t", [source], fresh, _valid) == {"a": 1}
    assert fresh.calls == 1


def test_an_unwritable_cache_folder_only_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # the cache folder would be inside a file
    monkeypatch.delenv("CHECKER_NO_SNAPSHOT", raising=False)
    source = tmp_path / "data.json"
    source.write_text("{}")
    for _ in range(2):
        builder = _Builder({"a": 1})
        assert built.load_or_build("t", [source], builder, _valid) == {"a": 1}
        assert builder.calls == 1


def test_a_missing_source_or_no_snapshot_only_builds(cache_home: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    builder = _Builder({"a": 1})
    assert built.load_or_build("t", [tmp_path / "missing.json"], builder, _valid) == {"a": 1}
    source = tmp_path / "data.json"
    source.write_text("{}")
    monkeypatch.setenv("CHECKER_NO_SNAPSHOT", "1")
    assert built.load_or_build("t", [source], builder, _valid) == {"a": 1}
    assert builder.calls == 2
    assert not cache_home.exists()


def test_a_value_marshal_cannot_write_is_returned_and_not_kept(cache_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "data.json"
    source.write_text("{}")
    value = {"a": object()}
    builder = _Builder(value)
    assert built.load_or_build("t", [source], builder, lambda v: True) is value
    assert not built.table_path("t").exists()
    assert not cache_home.exists() or not list(cache_home.iterdir())  # no temporary file left
