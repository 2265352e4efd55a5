"""A progress line on standard error for long batch runs.

Shown only when standard error is a terminal, once a run has taken more than a second (a
quick run, a pipe or a CI log stays quiet), redrawn at most ten times a second and wiped
when the run ends, so it never mixes with the report.
"""

from __future__ import annotations

import sys
import time
from typing import IO

DELAY = 1.0
INTERVAL = 0.1
WIDTH = 30


class Progress:
    def __init__(self, total: int | None, stream: IO[str] | None = None, enabled: bool = True) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.enabled = enabled and hasattr(self.stream, "isatty") and self.stream.isatty()
        self.done = 0
        self.findings = 0
        self.started = time.monotonic()
        self.drawn_at = 0.0
        self.shown = False

    def advance(self, findings: int = 0) -> None:
        self.done += 1
        self.findings += findings
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < DELAY or now - self.drawn_at < INTERVAL:
            return
        self.drawn_at = now
        self.stream.write("\r" + self.line(now - self.started) + "\033[K")
        self.stream.flush()
        self.shown = True

    def line(self, elapsed: float) -> str:
        rate = self.done / elapsed if elapsed > 0 else 0.0
        counts = f"{self.done} articles, {self.findings} findings, {rate:.0f}/s"
        if not self.total:
            return f"checking: {counts}"
        fraction = min(1.0, self.done / self.total)
        filled = int(fraction * WIDTH)
        left = (self.total - self.done) / rate if rate else 0.0
        return f"[{'#' * filled}{'.' * (WIDTH - filled)}] {fraction:4.0%} {counts}, {left:.0f}s left"

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown = False
