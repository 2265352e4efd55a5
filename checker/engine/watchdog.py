"""Time limits for code the checker calls but does not control: rules and plugin hooks.

A team's regular-expression search is bounded by the ``regex`` module's own timeout; the
built-in patterns, where this guard is active, by this guard alone (the module's timeout
costs a clock reading per search and per match; ``regex`` checks for signals while it
matches, so the timer stops a runaway search too). Python code in a plugin (a rule kind,
a ``checker_check_article`` hook) has no such bound: a loop that never ends would hang a
pre-publication gate. ``time_limit`` bounds it with a real-time interval timer
(``SIGALRM``): when the limit passes, the signal handler raises ``Overrun`` inside the
running code, and the caller reports it and goes on with the next rule or hook.

Limits nest: the timer is always set to the nearest deadline of those open, and an
``Overrun`` names the limit that expired, so an inner guard lets an outer one's pass.
An ``Overrun`` can still be lost: raised inside a finalizer or a weakref callback (Python
prints it and goes on) or swallowed by a plugin's ``except BaseException``. So the timer
fires again every ``AGAIN`` seconds while a limit stays past its deadline, until its guard
closes or a restart moves the deadline; a signal that lands in the guard's own bookkeeping
(this module, ``contextlib``) waits for the next tick instead of breaking it.
Signals reach only the main thread, so off it (an editor's worker thread), where the
platform has no ``setitimer``, and where the host program already uses ``SIGALRM`` (its
alarm is left alone) the guard limits nothing; code stuck inside a C extension that never
returns to Python is not interrupted either.
"""

from __future__ import annotations

import itertools
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_SUPPORTED = hasattr(signal, "setitimer") and hasattr(signal, "SIGALRM")
_tokens = itertools.count(1)
_previous_handler: Any = None
#: The timer is set for the nearest deadline (false after it fired: it then only ticks every
#: ``AGAIN`` seconds, and a restart sets it again).
_armed = False
#: Seconds between signals once a deadline has passed and its guard has not closed yet.
AGAIN = 0.5
#: Modules whose code the timer never interrupts: the guard's bookkeeping (known by module
#: name, which holds wherever and however the code was installed).
_OWN_MODULES = frozenset({__name__, contextmanager.__module__})


class Limit:
    """One open limit. ``restart`` gives a new step of a loop its own full time without a
    new timer: rules run one after another under one guard per article, and a step costs an
    assignment, not two system calls."""

    #: The timer really guards the block (false where no limit can be set: see the module).
    active = True

    def __init__(self, seconds: float, what: str, token: int) -> None:
        self.seconds = seconds
        self.what = what
        self.token = token
        self.deadline = time.monotonic() + seconds

    def restart(self, what: str) -> None:
        self.what = what
        self.deadline = time.monotonic() + self.seconds
        if not _armed and _open:
            _arm()

    def exceeded(self, overrun: BaseException) -> TimeLimitExceeded:
        """The error to report for ``overrun`` raised in this limit's step; an outer
        limit's is raised again, for its own guard."""
        if not isinstance(overrun, Overrun) or overrun.token != self.token:
            raise overrun
        return TimeLimitExceeded(self.what, self.seconds)


class _NoLimit(Limit):
    active = False

    def __init__(self) -> None:
        super().__init__(0.0, "", 0)

    def restart(self, what: str) -> None:
        self.what = what


#: Open limits, outermost first.
_open: list[Limit] = []


class Overrun(BaseException):
    """Raised by the timer inside the guarded code. A ``BaseException``, so that a plugin's
    own ``except Exception`` cannot swallow it and go on running; the guard turns it into
    ``TimeLimitExceeded`` for its caller."""

    def __init__(self, token: int) -> None:
        super().__init__(token)
        self.token = token


class TimeLimitExceeded(Exception):
    """The guarded code ran past its time limit and was stopped."""

    def __init__(self, what: str, seconds: float) -> None:
        super().__init__(f"{what} ran past its time limit of {seconds:g} s")
        self.what = what
        self.seconds = seconds


def _arm() -> None:
    global _armed
    if _open:
        remaining = min(limit.deadline for limit in _open) - time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, max(remaining, 1e-4))
        _armed = True
    else:
        signal.setitimer(signal.ITIMER_REAL, 0)
        _armed = False


def _fire(signum: int, frame: Any) -> None:
    global _armed
    now = time.monotonic()
    for limit in _open:
        if limit.deadline <= now:
            # Again later, should this one be lost; its guard's closing stops the timer.
            signal.setitimer(signal.ITIMER_REAL, AGAIN)
            _armed = False
            if frame is not None and frame.f_globals.get("__name__") in _OWN_MODULES:
                return  # the guard is closing or restarting: the tick after decides
            raise Overrun(limit.token)
    _arm()  # woke before a deadline (a limit was restarted, or timer granularity): wait on


def _alarm_in_use() -> bool:
    """Someone else's timer is set or their handler installed (pytest-timeout, a host
    program): leave SIGALRM to them rather than cancel their alarm."""
    return signal.getitimer(signal.ITIMER_REAL)[0] > 0 or signal.getsignal(signal.SIGALRM) not in (
        signal.SIG_DFL, signal.SIG_IGN, None)


@contextmanager
def time_limit(seconds: float | None, what: str) -> Iterator[Limit]:
    """Stop the guarded block with ``TimeLimitExceeded`` once ``seconds`` have passed (from
    entry, or from the yielded limit's last ``restart``). None or 0: no limit."""
    if not seconds or not _SUPPORTED or threading.current_thread() is not threading.main_thread() \
            or (not _open and _alarm_in_use()):
        yield _NoLimit()
        return
    global _previous_handler
    limit = Limit(seconds, what, next(_tokens))
    if not _open:
        _previous_handler = signal.signal(signal.SIGALRM, _fire)
    _open.append(limit)
    try:
        try:
            _arm()
            yield limit
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)  # no signal while the bookkeeping changes
            _open.remove(limit)
            _arm()
            if not _open:
                signal.signal(signal.SIGALRM, _previous_handler or signal.SIG_DFL)
                _previous_handler = None
    except Overrun as overrun:
        raise limit.exceeded(overrun) from None
