"""Which blocks of a page an extractor's text came from, by aligning words.

An extractor's text is the page's words in the page's order, some left out. The words of the
page's blocks and the extractor's words are aligned the way ``patience diff`` aligns lines:
runs of ``GRAM`` words that occur once on each side are anchors; the longest chain of anchors
in the same order on both sides is kept (a word run the extractor moved, or one repeated, is
no anchor); each anchor, and each end of the two texts, then grows both ways while the words
agree, which also aligns the repeated and the short stretches between anchors. Time and memory are linear in the words
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


def _unique_runs(words: Sequence[str], gram: int) -> dict[int, int]:
    """Each run of ``gram`` words that occurs once in ``words`` (by its hash: a page's words
    held once more as tuples would double the memory), with where it starts. Two runs that
    share a hash are no anchor, or an anchor whose words disagree, which aligns nothing."""
    seen: dict[int, int] = {}
    for start in range(len(words) - gram + 1):
        run = hash(tuple(words[start : start + gram]))
        seen[run] = -1 if run in seen else start
    return {run: start for run, start in seen.items() if start >= 0}


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
    theirs_once = _unique_runs(theirs, gram)
    pairs = sorted((start, theirs_once[run]) for run, start in _unique_runs(ours, gram).items()
                   if run in theirs_once)
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
