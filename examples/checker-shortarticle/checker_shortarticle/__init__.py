"""Example plugin: flags articles shorter than ``--min-words`` and adds a ``count`` output format."""

from __future__ import annotations

from typing import IO, Any

from checker import hookimpl
from checker.finding import Finding, Severity

RULE_ID = "shortarticle/too-short"


@hookimpl
def checker_addoption(parser: Any) -> None:
    group = parser.add_argument_group("shortarticle plugin")
    group.add_argument("--min-words", type=int, default=50, help="flag articles with fewer words (default 50)")


@hookimpl
def checker_check_article(article: Any, config: Any) -> list[Finding]:
    minimum = getattr(config.options, "min_words", 50)
    words = sum(len(article.source[b.start : b.end].split()) for b in article.paragraphs)
    if not article.paragraphs or words >= minimum:
        return []
    first = article.paragraphs[0]
    return [Finding(rule=RULE_ID, category="style", severity=Severity.WARNING,
                    message=f"the article has {words} words; the minimum is {minimum}",
                    location=article.location(first.start, first.end))]


class CountReporter:
    """Prints one line per file: the path and its number of findings."""

    def __init__(self, config: Any, stream: IO[str]) -> None:
        self.stream = stream

    def start(self, session: Any) -> None:
        pass

    def file_done(self, result: Any) -> None:
        self.stream.write(f"{len(result.findings)}\t{result.path}\n")

    def finish(self, session: Any) -> None:
        self.stream.write(f"{session.summary.findings}\ttotal\n")


@hookimpl
def checker_output_formats() -> dict[str, Any]:
    return {"count": CountReporter}
