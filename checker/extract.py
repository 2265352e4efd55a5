"""``checker extract PATH... [--format text|json]``: each input as the checker reads it.

The headline, byline, date of publication and body paragraphs of every input, read exactly
as a check reads them: the same configuration, plugins, parsers and settings (``--input-format``,
``--encoding``, ``--field``, ``--html-extractor`` ...), one article per file or per record of
a JSON or JSON Lines file. It shows what is checked: which part of an HTML page was taken as
the article, which record field became the body.

``--format text`` (the default) writes each article as a scrape dump is written, after a
``==> name <==`` line: ``Title:``, ``Author:`` and ``Published:`` lines, a blank line, then the
paragraphs, a blank line between two (control characters shown as escapes, as in every report
meant to be read). ``--format json`` writes one array,
``[{"path", "headline", "byline", "published", "body": [paragraphs]}]``, the text exact;
a part the article lacks is null.

An input that cannot be read is one line on standard error and the others are still
written. Exit codes as for a check: 0 every input read, 4 usage or configuration error,
5 no input found, 6 some inputs could not be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from checker.errors import CheckerError, ExitCode, InputError
from checker.read.html_reading import EXTRACTORS
from checker.report.safe import printable
from checker.text.article import Article

FORMATS = ("text", "json")
#: The blocks of an article that are its body.
BODY = ("paragraph", "heading")
#: The options of a check that decide how inputs are read, by destination.
READING = ("input_format", "encoding", "field", "max_size", "html_extractor", "html_comments", "config",
           "no_config", "plugins", "no_local_plugins", "stdin_filename", "debug")


def parser() -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(
        prog="checker extract",
        description="Print each input as the checker reads it: headline, byline, date of publication and body "
                    "paragraphs (of every record of a JSON or JSON Lines file).",
        epilog="exit codes: 0 every input read; 4 usage or configuration error; 5 no input found; "
               "6 some inputs could not be read (each said on standard error), the others written")
    result.add_argument("paths", nargs="+", metavar="PATH", help="files or folders; - reads standard input")
    result.add_argument("-f", "--format", choices=FORMATS, default="text", help="text (default) or json")
    result.add_argument("--input-format", metavar="FORMAT", help="read every input as this format (text, markdown, "
                        "html, jsonl, json ...)")
    result.add_argument("--encoding", default="utf-8", help="encoding of the inputs (default utf-8)")
    result.add_argument("--field", action="append", metavar="PART=NAME",
                        help="record field for a part of the article (JSON and JSON Lines), e.g. body=content")
    result.add_argument("--max-size", metavar="SIZE", help="skip inputs larger than this (default 25MB; 0: no limit)")
    result.add_argument("--html-extractor", choices=list(EXTRACTORS),
                        help="who finds the article in an HTML page: trafilatura (default) or the markup rules")
    result.add_argument("--html-comments", action="store_true", help="read an HTML page's comments as article text")
    result.add_argument("-c", "--config", metavar="FILE", help="use this configuration file")
    result.add_argument("--no-config", action="store_true", help="ignore configuration files")
    result.add_argument("-p", dest="plugins", action="append", default=[], metavar="NAME",
                        help="load a plugin module (as for a check)")
    result.add_argument("--no-local-plugins", action="store_true", help="do not run local code (checkerconf.py)")
    result.add_argument("--stdin-filename", metavar="NAME", help="name to show for standard input")
    result.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    return result


def main(argv: Sequence[str]) -> int:
    from checker.engine import subcommand

    options = subcommand.parse(parser(), argv)
    if isinstance(options, ExitCode):
        return options
    from checker.engine.run import exit_code, say_error
    from checker.read.inputs import collect_paths

    try:
        # Rules are not run here: their problems are not this command's to say.
        session = subcommand.open_session(options, READING, {"paths": options.paths}, frozenset({"rule"}))
        suffixes = [s for group in session.pm.hook.checker_input_suffixes() for s in (group or [])]
        paths = collect_paths(options.paths, suffixes, session.config.exclude)
    except (Exception, KeyboardInterrupt) as error:
        say_error(error, debug=options.debug)
        return int(exit_code(None, error))
    if not paths:
        sys.stderr.write("checker: error: no input files found\n")
        return ExitCode.NO_INPUT
    failed = False
    articles: list[dict[str, Any]] = []
    try:
        for name, article, error in read_inputs(session, paths):
            for note in (article.reading_notes if article is not None else []):
                session.note(f"{name}: {note}")
            if article is None:
                failed = True
                sys.stderr.write(f"checker: error: {printable(name)}: {printable(error or '')}\n")
                continue
            entry = as_record(name, article)
            if options.format == "json":
                articles.append(entry)
            else:
                sys.stdout.write(as_text(entry))
                sys.stdout.flush()
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return ExitCode.OK  # the reader stopped reading (| head)
    if options.format == "json":
        json.dump(articles, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    for note in session.notes:
        sys.stderr.write(f"checker: note: {printable(note)}\n")
    return ExitCode.INPUT_ERROR if failed else ExitCode.OK


def read_inputs(session: Any, paths: list[str]) -> Iterator[tuple[str, Article | None, str | None]]:
    """(name, article, None) for each article of the inputs, (name, None, why) for each
    that cannot be read: a file, or a record of a file that holds many."""
    from checker.read.inputs import read_source

    for path in paths:
        records = session.records_of(path)
        if records is not None:
            for record in records:
                if record.error is not None:
                    yield record.name, None, record.error
                else:
                    yield record.name, *_parsed(session, record.name, record.text, "text")
            continue
        name = session.display_path(path)
        try:
            source = read_source(path, session.config.encoding, session.config.max_size)
        except InputError as error:
            yield name, None, str(error).removeprefix(f"{name}: ")
            continue
        yield name, *_parsed(session, name, source.text, None)


def _parsed(session: Any, name: str, text: str, format: str | None) -> tuple[Article | None, str | None]:
    try:
        article = session.parse(name, text, format)
    except CheckerError:
        raise
    except Exception as error:  # a parser's bug costs only its input
        return None, f"could not be parsed: {type(error).__name__}: {error}"
    if article is None:
        return None, f"no parser for format {session.input_format or 'of this file'}"
    return article, None


def as_record(name: str, article: Article) -> dict[str, Any]:
    """The article as ``--format json`` writes it."""
    def value(key: str) -> str | None:
        field = article.metadata.get(key)
        return field.value if field is not None else None

    return {"path": name, "headline": value("headline"), "byline": value("byline"), "published": value("published"),
            "body": [article.source[block.start : block.end] for block in article.blocks if block.kind in BODY]}


def as_text(entry: dict[str, Any]) -> str:
    """An article as ``--format text`` writes it (see the module's description)."""
    lines = [f"==> {printable(entry['path'])} <=="]
    for key, label in (("headline", "Title"), ("byline", "Author"), ("published", "Published")):
        if entry[key]:
            lines.append(f"{label}: {printable(entry[key])}")
    for paragraph in entry["body"]:
        lines.append("")
        lines += [printable(line) for line in paragraph.split("\n")]
    return "\n".join(lines) + "\n\n"
