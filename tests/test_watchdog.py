"""The time limit for rules and plugin hooks (checker/engine/watchdog.py)."""

from __future__ import annotations

import contextlib
import signal
import threading
import time

import pytest

from checker.engine.watchdog import TimeLimitExceeded, time_limit


def spin_swallowing_everything(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        with contextlib.suppress(Exception):  # a careless plugin: the limit must still stop it
            time.sleep(0.01)


def test_code_that_swallows_exceptions_is_still_stopped_and_the_timer_is_cleared():
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded, match=r"rule slow ran past its time limit of 0\.2 s"), \
            time_limit(0.2, "rule slow"):
        spin_swallowing_everything(10)
    assert time.monotonic() - started < 5
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)


def test_a_stop_that_is_lost_is_made_again_until_the_code_stops():
    from checker.engine.watchdog import AGAIN, Overrun

    lost = []
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded, match="rule greedy"), time_limit(0.2, "rule greedy"):
        while time.monotonic() - started < 10:
            try:
                time.sleep(0.01)
            except Overrun:  # swallowed, as one raised inside a finalizer would be
                if not lost:
                    lost.append(time.monotonic() - started)
                    continue
                raise
    assert 0.15 < lost[0] < 2
    assert time.monotonic() - started < lost[0] + AGAIN + 2
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)


def test_limits_nest_and_each_guard_reports_its_own():
    # The outer limit passes while the inner block runs.
    with pytest.raises(TimeLimitExceeded, match="outer"), time_limit(0.2, "outer"), time_limit(5, "inner"):
        spin_swallowing_everything(10)
    with time_limit(5, "outer"):
        with pytest.raises(TimeLimitExceeded, match="inner"), time_limit(0.2, "inner"):
            spin_swallowing_everything(10)
        time.sleep(0.3)  # the outer limit is still armed and not yet due


def test_a_host_programs_alarm_is_left_alone():
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with time_limit(0.1, "rule"):  # not armed: someone else owns SIGALRM
            time.sleep(0.2)
        time.sleep(0.3)
        assert fired == [True]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_off_the_main_thread_nothing_is_limited():
    outcome = []

    def work() -> None:
        with time_limit(0.05, "rule"):
            time.sleep(0.2)
        outcome.append("finished")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert outcome == ["finished"]


def test_each_step_of_a_loop_gets_the_full_time_and_the_loop_goes_on_after_an_overrun():
    from checker.engine.watchdog import Overrun

    stopped = []
    with time_limit(0.3, "steps") as limit:
        for step in range(6):  # 6 x 0.1 s: twice the limit in all, but no step is over it
            limit.restart(f"step {step}")
            time.sleep(0.1)
        for step in ("slow", "after"):
            limit.restart(f"step {step}")
            try:
                spin_swallowing_everything(10 if step == "slow" else 0.1)
            except Overrun as overrun:
                stopped.append(str(limit.exceeded(overrun)))
    assert stopped == ["step slow ran past its time limit of 0.3 s"]
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def stuck_builtin_rule():
    from checker.kinds.existence import ExistenceRule

    rule = ExistenceRule({"id": "own-slow", "kind": "existence", "category": "style", "message": "m",
                          "nonword": True, "tokens": ["(a+)+$"]})
    rule.builtin = True
    return rule


def check_stuck(rule, config):
    from checker.plugin.builtin import checker_check_article
    from checker.read.parsers.text import parse_text

    checker_check_article(parse_text("stuck.txt", "a" * 3000 + "b\n"), [rule], config)
    return [problem.message for problem in config.problems]


def test_a_stuck_builtin_pattern_is_stopped_by_the_rule_time_limit():
    """Built-in patterns run without the regex module's timeout where the timer guards them."""
    from checker.config.settings import Config

    config = Config(time_limit=0.5, regex_timeout=60)
    started = time.monotonic()
    [message] = check_stuck(stuck_builtin_rule(), config)
    assert time.monotonic() - started < 5
    assert "rule own-slow" in message and "time limit of 0.5 s" in message


def test_off_the_main_thread_builtin_patterns_keep_the_regex_timeout():
    from checker.config.settings import Config

    config = Config(time_limit=60, regex_timeout=0.3)
    found: list[list[str]] = []
    worker = threading.Thread(target=lambda: found.append(check_stuck(stuck_builtin_rule(), config)))
    worker.start()
    worker.join(20)
    [[message]] = found
    assert "own-slow" in message and "(a+)+$" in message and "pattern" in message  # named by the regex timeout


def test_a_signal_in_the_guards_own_bookkeeping_waits_for_the_next_tick():
    """A stop raised inside ``contextlib.__exit__`` or this module's own code would escape the
    guard as a bare BaseException; there the signal only sets the next tick."""
    from types import SimpleNamespace

    from checker.engine import watchdog

    with time_limit(5, "rule") as limit:
        limit.deadline = time.monotonic() - 1  # past due
        in_bookkeeping = SimpleNamespace(f_globals={"__name__": "contextlib"})
        assert watchdog._fire(signal.SIGALRM, in_bookkeeping) is None
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0  # the next tick is set
        with pytest.raises(watchdog.Overrun):
            watchdog._fire(signal.SIGALRM, SimpleNamespace(f_globals={"__name__": "team_plugin"}))
        limit.deadline = time.monotonic() + 5
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
