"""Counting the most frequent of a stream of keys in fixed memory: Misra-Gries, with the
table halved when it fills.

The table holds at most ``capacity`` keys. A key already there has its count raised; a new
key enters with a count of 1. When the table is full, every count is lowered by the median
count and the keys that reach 0 leave (at least half of them): each purge costs a pass over
the table, and comes after at least ``capacity / 2`` new keys, so a key costs a constant
amount of time on average. A count is never more than the key's true count, and never less
than it by more than ``error``, the sum of the amounts taken off; ``error`` is at most
``2 N / capacity`` after ``N`` keys. So every key whose true count is over that bound is in
the table at the end: the learner keeps those, and counts them exactly in a second pass.
"""

from __future__ import annotations

from collections.abc import Hashable


class HeavyHitters:
    """The frequent keys of a stream, in a table of at most ``capacity`` keys."""

    def __init__(self, capacity: int) -> None:
        if capacity < 2:
            raise ValueError("the capacity must be at least 2")
        self.capacity = capacity
        self.counts: dict[Hashable, int] = {}
        #: How much any count may be below the key's true count.
        self.error = 0
        #: Keys added in all.
        self.added = 0

    def add(self, key: Hashable) -> None:
        self.added += 1
        counts = self.counts
        if key in counts:
            counts[key] += 1
            return
        if len(counts) >= self.capacity:
            self._purge()
        self.counts[key] = 1

    def _purge(self) -> None:
        """Lower every count by the median count; drop the keys at 0 (at least half)."""
        values = sorted(self.counts.values())
        cut = values[len(values) // 2]
        self.error += cut
        self.counts = {key: count - cut for key, count in self.counts.items() if count > cut}

    def __len__(self) -> int:
        return len(self.counts)

    def candidates(self, at_least: int) -> set[Hashable]:
        """The keys whose true count may be ``at_least`` or more: every such key of the
        stream that the table still holds (all of them when ``at_least`` is over ``error``)."""
        return {key for key, count in self.counts.items() if count + self.error >= at_least}
