"""Start-up shortcuts: they leave the process as they found it."""

from __future__ import annotations

import gc

import pytest

from checker.engine import startup
from checker.errors import UsageError


def test_the_collector_runs_again_once_a_session_is_built() -> None:
    assert gc.isenabled()
    options, pm = startup.parse_command_line(["--no-config", "x"])
    assert gc.isenabled()
    session = startup.open_session(options, None, pm)
    assert gc.isenabled()
    assert session.rules


def test_the_collector_runs_again_when_building_fails(tmp_path) -> None:
    with pytest.raises(UsageError):
        startup.open_session({"config": str(tmp_path / "missing.yaml")})
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        startup.open_session({"no_config": True})
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_is_off_while_the_session_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = []
    real = startup.Session.collect_rules

    def collect(self: startup.Session) -> None:
        seen.append(gc.isenabled())
        real(self)

    monkeypatch.setattr(startup.Session, "collect_rules", collect)
    startup.open_session({"no_config": True})
    assert seen == [False]
    assert gc.isenabled()
