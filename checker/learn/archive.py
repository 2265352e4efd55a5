"""Reading an archive for learning: each article's site and the lines that may be learned.

The inputs are read as a check run reads them (``checker.read``): folders are searched for
the formats the checker reads, JSON Lines files are streamed a record at a time, and each
article is parsed by its format, so a learned line is a line exactly as a check run will see
it (``checker.text.lineshape.article_lines``: the headline, header and headings left out).
Plugins' readers and parsers are not used: learning reads the built-in formats only.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from checker.errors import InputError
from checker.learn.lines import learnable
from checker.plugin.builtin import checker_input_suffixes, checker_parse_article, format_of
from checker.read.inputs import DEFAULT_MAX_SIZE, collect_paths, read_source
from checker.read.records import read_json, read_jsonl, url_host
from checker.text.article import Article
from checker.text.lineshape import article_lines


@dataclass(frozen=True)
class Learnable:
    """One article of the archive: its site and the normal forms of its learnable lines,
    each once (a line counts once per article), with each line as it stands."""

    site: str
    lines: dict[str, str]


def group_name(argument: str) -> str:
    """The site of the articles of an input that names none: the input's own name (a
    folder's or a file's, its suffixes left out)."""
    name = os.path.basename(os.path.normpath(argument)) or argument
    return name.split(".", 1)[0] or name


def input_files(arguments: Sequence[str], exclude: Sequence[str] = ()) -> list[tuple[str, str]]:
    """Each file to read, with the group its articles fall in when they name no site.
    ``UsageError`` for an input that does not exist or is standard input."""
    from checker.errors import UsageError

    suffixes = checker_input_suffixes()
    files: list[tuple[str, str]] = []
    seen: set[str] = set()
    for argument in arguments:
        if argument == "-":
            raise UsageError("learn-furniture reads its inputs twice: give files or folders, not standard input")
        for path in collect_paths([argument], suffixes, exclude):
            if path not in seen:
                seen.add(path)
                files.append((path, group_name(argument)))
    return files


def read_articles(files: Sequence[tuple[str, str]], fields: Mapping[str, tuple[str, ...]],
                  report: Callable[[str], None], encoding: str = "utf-8",
                  max_size: int = DEFAULT_MAX_SIZE) -> Iterator[Learnable]:
    """The articles of ``files``, one at a time. What cannot be read (a file, a record) is
    passed to ``report`` as one line naming it, and the rest is still read."""
    for path, group in files:
        format = format_of(path)
        if format in ("jsonl", "json"):
            reader = read_jsonl if format == "jsonl" else read_json
            try:
                for record in reader(path, path, fields, encoding, max_size):
                    if record.error is not None:
                        report(f"{path}: {record.error}")  # the error names the line or item
                        continue
                    article = checker_parse_article(path=record.name, text=record.text, format="text")
                    if article is not None:
                        yield _learnable(article, record.site or group)
            except InputError as error:
                report(str(error))
            continue
        try:
            source = read_source(path, encoding, max_size)
            article = checker_parse_article(path=path, text=source.text, format=format)
        except InputError as error:
            report(str(error))
            continue
        except Exception as error:  # a parser's bug costs one file, said as such
            report(f"{path}: could not be parsed: {type(error).__name__}: {error}")
            continue
        if article is not None:
            yield _learnable(article, _article_site(article) or group)


def _article_site(article: Article) -> str | None:
    """The host of the URL an article's header or front matter gives, if any."""
    field = article.metadata.get("source")
    return url_host(field.value) if field is not None else None


def _learnable(article: Article, site: str) -> Learnable:
    source = article.source
    lines: dict[str, str] = {}
    for start, end in article_lines(article):
        text = source[start:end]
        normal = learnable(text)
        if normal is not None and normal not in lines:
            lines[normal] = text.strip()
    return Learnable(site, lines)
