"""Time limits for code the checker calls but does not control: rules and plugin hooks.

A regular-expression search is bounded by the ``regex`` module's own timeout. Python code
in a plugin (a rule kind, a ``checker_check_article`` hook) is not: a loop that never ends
would hang a pre-publication gate. ``time_limit`` bounds it with a real-time interval timer
(``SIGALRM``): when the limit passes, the signal handler raises ``Overrun`` inside the
running code, and the caller reports it and goes on with the next rule or hook.

Limits nest: the timer is always set to the nearest deadline of those open, and an
``Overrun`` names the limit that expired, so an inner guard lets an outer one's pass.
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
#: Open limits, outermost first: (deadline on the monotonic clock, token, what).
_open: list[tuple[float, int, str]] = []
_previous_handler: Any = None


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
    if _open:
        remaining = min(deadline for deadline, _, _ in _open) - time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, max(remaining, 1e-4))
    else:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _fire(signum: int, frame: Any) -> None:
    now = time.monotonic()
    for deadline, token, _ in _open:
        if deadline <= now:
            raise Overrun(token)
    _arm()  # woke early (timer granularity): wait for the rest


def _alarm_in_use() -> bool:
    """Someone else's timer is set or their handler installed (pytest-timeout, a host
    program): leave SIGALRM to them rather than cancel their alarm."""
    return signal.getitimer(signal.ITIMER_REAL)[0] > 0 or signal.getsignal(signal.SIGALRM) not in (
        signal.SIG_DFL, signal.SIG_IGN, None)


@contextmanager
def time_limit(seconds: float | None, what: str) -> Iterator[None]:
    """Stop the guarded block with ``TimeLimitExceeded`` once ``seconds`` have passed.
    None or 0: no limit."""
    if not seconds or not _SUPPORTED or threading.current_thread() is not threading.main_thread() \
            or (not _open and _alarm_in_use()):
        yield
        return
    global _previous_handler
    token = next(_tokens)
    if not _open:
        _previous_handler = signal.signal(signal.SIGALRM, _fire)
    _open.append((time.monotonic() + seconds, token, what))
    try:
        try:
            _arm()
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)  # no signal while the bookkeeping changes
            _open[:] = [entry for entry in _open if entry[1] != token]
            if _open:
                _arm()
            else:
                signal.signal(signal.SIGALRM, _previous_handler or signal.SIG_DFL)
                _previous_handler = None
    except Overrun as overrun:
        if overrun.token != token:
            raise  # an outer limit passed: its own guard reports it
        raise TimeLimitExceeded(what, seconds) from None
