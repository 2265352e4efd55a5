"""Learning a site's furniture in two passes over an archive, in bounded memory.

Pass one counts each article's learnable lines by an 8-byte hash of the site and the line's
normal form (``checker.text.linenormal.line_key``), once per article, in a heavy-hitters
table of fixed capacity (``checker.learn.heavy``), and counts the articles of each site.
Pass two reads the same inputs again and counts exactly the lines the table kept, with one
example of each as it stands (the one that brought its count to ``min_articles``). A line is
kept when it is in at least ``min_articles`` articles of its site and at least ``min_share``
of them.

Memory: the table (``capacity`` keys), the exact counts of at most ``capacity`` candidates,
the text of those that reach ``min_articles``, and one number per site. It does not grow with
the articles read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from checker.learn.archive import Learnable
from checker.learn.heavy import HeavyHitters
from checker.text.linenormal import line_key

DEFAULT_MIN_ARTICLES = 5
DEFAULT_MIN_SHARE = 0.05
DEFAULT_CAPACITY = 100_000


@dataclass(frozen=True)
class Thresholds:
    min_articles: int = DEFAULT_MIN_ARTICLES
    min_share: float = DEFAULT_MIN_SHARE
    capacity: int = DEFAULT_CAPACITY


@dataclass(frozen=True)
class LearnedLine:
    """A line a site repeats: its normal form, one example as it stood, its site, and in
    how many of the site's articles it stands."""

    line: str
    example: str
    site: str
    articles: int
    share: float


@dataclass
class Learned:
    """What a learning run found, and what it read."""

    lines: list[LearnedLine]
    #: Articles read per site.
    sites: dict[str, int]
    #: The bound on how far a count of pass one may fall short (``HeavyHitters.error``).
    error: int = 0
    #: Lines counted in pass one (each once per article).
    occurrences: int = 0
    #: The most keys the table held.
    table_size: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return sum(self.sites.values())


def learn(read: Callable[[], Iterable[Learnable]], thresholds: Thresholds = Thresholds()) -> Learned:
    """Learn from the articles ``read()`` gives; it is called twice, and must give the same
    articles each time."""
    table = HeavyHitters(thresholds.capacity)
    sites: dict[str, int] = {}
    largest = 0
    for article in read():
        sites[article.site] = sites.get(article.site, 0) + 1
        for normal in article.lines:
            table.add(line_key(article.site, normal))
        largest = max(largest, len(table))
    wanted = table.candidates(thresholds.min_articles)
    error, occurrences = table.error, table.added
    del table
    # Each candidate's count; its text only once the count reaches the floor, so that the
    # many candidates of a full table that never get there cost a number each, not two strings.
    counts: dict[int, int] = dict.fromkeys(wanted, 0)
    del wanted
    texts: dict[int, tuple[str, str, str]] = {}  # key: (normal form, example, site)
    for article in read():
        for normal, example in article.lines.items():
            key = line_key(article.site, normal)
            count = counts.get(key)
            if count is None:
                continue
            counts[key] = count + 1
            if count + 1 == thresholds.min_articles:
                texts[key] = (normal, example, article.site)
    lines = []
    for key, (normal, example, site) in texts.items():
        count = counts[key]
        total = sites.get(site, 0)
        share = count / total if total else 0.0
        if count >= thresholds.min_articles and share >= thresholds.min_share:
            lines.append(LearnedLine(normal, example, site, count, share))
    lines.sort(key=lambda line: (line.site, -line.articles, line.line))
    learned = Learned(lines, sites, error, occurrences, largest)
    if error >= thresholds.min_articles:
        learned.notes.append(
            f"the table of {thresholds.capacity:,} lines overflowed: a line in fewer than {error + 1:,} articles "
            "may have been missed (raise --capacity, or learn each site on its own)")
    return learned
