"""Which blocks of a page an extractor's text came from, by aligning words.

An extractor's text is the page's words in the page's order, some left out. The words of the
page's blocks and the extractor's words are aligned the way ``patience diff`` aligns lines:
runs of ``GRAM`` words that occur once in the extractor's text are anchors, at each place
they occur in the page (at most ``PLACES`` of them: a page often holds its article twice, once
in a slideshow or a print copy, and an anchor counted only when it is unique on both sides
would leave such an article without one, its widgets aligned instead); the longest chain of
anchors in the same order on both sides is kept, so one copy is chosen (a word run the
extractor moved is left out); each anchor, and each end of the two texts, then grows both
ways while the words agree, which also aligns the repeated and the short stretches between
anchors. Time and memory are linear in the words
of both sides, but for the chain's ``n log n``.

A block is the extractor's when at least ``SHARE`` of its words are aligned.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

#: Words in a run that anchors the alignment: long enough to be rare, short enough that a
#: paragraph of a dozen words holds several.
GRAM = 3
#: Share of a block's words that must be aligned for the block to be kept.
SHARE = 0.5
#: An anchor run that occurs more often than this in the page (a menu's words, a repeated
#: phrase) anchors nothing.
PLACES = 4


def _runs(words: Sequence[str], gram: int) -> dict[int, list[int]]:
    """Where each run of ``gram`` words starts in ``words``, by the run's hash (a page's words
    held once more as tuples would double the memory); a run that starts at more than
    ``PLACES`` places keeps only its first ``PLACES + 1``, enough to know it is too common.
    Two runs that share a hash are one run here: an anchor whose words disagree aligns nothing."""
    places: dict[int, list[int]] = {}
    for start in range(len(words) - gram + 1):
        found = places.setdefault(hash(tuple(words[start : start + gram])), [])
        if len(found) <= PLACES:
            found.append(start)
    return places


def _longest_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of ``pairs`` (sorted by the first) whose second members increase too."""
    tails: list[int] = []  # tails[k]: second member ending the best chain of length k + 1
    ends: list[int] = []  # index into pairs of that chain's last pair
    before = [-1] * len(pairs)
    for index, (_, second) in enumerate(pairs):
        length = bisect_left(tails, second)
        if length == len(tails):
            tails.append(second)
            ends.append(index)
        else:
            tails[length] = second
            ends[length] = index
        before[index] = ends[length - 1] if length else -1
    chain = []
    index = ends[-1] if ends else -1
    while index >= 0:
        chain.append(pairs[index])
        index = before[index]
    return chain[::-1]


def aligned(ours: Sequence[str], theirs: Sequence[str], gram: int = GRAM) -> bytearray:
    """For each word of ``ours``, 1 when it is aligned with a word of ``theirs``."""
    mine = bytearray(len(ours))
    other = bytearray(len(theirs))
    gram = max(1, min(gram, len(ours), len(theirs)))
    theirs_once = {run: starts[0] for run, starts in _runs(theirs, gram).items() if len(starts) == 1}
    pairs = sorted((start, theirs_once[run]) for run, starts in _runs(ours, gram).items()
                   if run in theirs_once and len(starts) <= PLACES for start in starts)
    if not pairs and gram > 1:
        return aligned(ours, theirs, 1)
    # The chain's anchors, and the two ends: text without a word that occurs once aligns too.
    ends = [(0, 0), (len(ours) - 1, len(theirs) - 1)] if ours and theirs else []
    for first, second in [*_longest_chain(pairs), *ends]:
        for step in (-1, 1):
            a, b = (first - 1, second - 1) if step < 0 else (first, second)
            while (0 <= a < len(ours) and 0 <= b < len(theirs) and not mine[a] and not other[b]
                   and ours[a] == theirs[b]):
                mine[a] = other[b] = 1
                a += step
                b += step
    return mine


def kept_blocks(blocks: Sequence[Sequence[str]], theirs: Sequence[str], share: float = SHARE) -> list[int]:
    """The indexes of the ``blocks`` (each a list of words) at least ``share`` of whose words
    are aligned with the words ``theirs``."""
    ours = [word for block in blocks for word in block]
    marks = aligned(ours, theirs)
    kept = []
    position = 0
    for index, block in enumerate(blocks):
        count = len(block)
        if count and sum(marks[position : position + count]) >= share * count:
            kept.append(index)
        position += count
    return kept
