"""``checker learn-furniture ARCHIVE... [-o FILE]``: write a rule file of the lines each site
of an archive repeats.

Exit codes, as a check run's: 0 written; 4 usage error (a bad option, an input that does not
exist, an output that cannot be written); 5 no article read; 6 written, but some inputs or
records could not be read (each named on standard error, the others were read).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator

from checker.engine.written import write_whole
from checker.errors import UsageError
from checker.learn.archive import Learnable, input_files, read_articles
from checker.learn.learner import DEFAULT_CAPACITY, DEFAULT_MIN_ARTICLES, DEFAULT_MIN_SHARE, Thresholds, learn
from checker.learn.rulefile import DEFAULT_ID, rule_file
from checker.read.inputs import DEFAULT_MAX_SIZE
from checker.read.records import parse_fields

OK, USAGE, NO_INPUT, UNREADABLE = 0, 4, 5, 6
PROGRAM = "checker learn-furniture"


def parser() -> argparse.ArgumentParser:
    command = argparse.ArgumentParser(
        prog=PROGRAM,
        description="Learn the lines each site of an archive repeats across its articles (page furniture) and "
                    "write them as a site-furniture rule file to review and commit. Folders of articles and JSON "
                    "Lines or JSON dumps are read twice, in memory that does not grow with the archive.",
        epilog="Records are grouped by their site (a site field, else the host of their URL); other articles by "
               "the URL of their header, else by the input they came from. See docs/learn-furniture.md.")
    command.add_argument("paths", nargs="+", metavar="ARCHIVE", help="folders and files of articles")
    command.add_argument("-o", "--output", metavar="FILE", default="-",
                         help="the rule file to write (default: standard output)")
    command.add_argument("--min-articles", type=int, default=DEFAULT_MIN_ARTICLES, metavar="N",
                         help=f"keep a line found in at least N articles of its site (default: {DEFAULT_MIN_ARTICLES})")
    command.add_argument("--min-share", type=float, default=DEFAULT_MIN_SHARE, metavar="SHARE",
                         help="and in at least this share of its site's articles, from 0 to 1 "
                              f"(default: {DEFAULT_MIN_SHARE})")
    command.add_argument("--capacity", type=int, default=DEFAULT_CAPACITY, metavar="N",
                         help=f"lines the first pass's table holds: the memory bound (default: {DEFAULT_CAPACITY:,})")
    command.add_argument("--id", default=DEFAULT_ID, help=f"the rule's id (default: {DEFAULT_ID})")
    command.add_argument("--field", action="append", default=[], metavar="PART=NAME",
                         help="record fields to read, as a check run's --field (site=NAME for the site)")
    command.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="files to leave out")
    command.add_argument("--encoding", default="utf-8", help="the inputs' encoding (default: utf-8)")
    command.add_argument("--max-size", type=int, default=DEFAULT_MAX_SIZE, metavar="BYTES",
                         help="the largest article file or record read, as a check run's (0: no limit)")
    return command


def main(argv: Iterable[str]) -> int:
    try:
        options = parser().parse_args(list(argv))
    except SystemExit as stop:
        return OK if stop.code == 0 else USAGE
    unreadable: list[str] = []

    def report(message: str) -> None:
        if pass_number == 1:  # the second pass meets the same problems: said once
            unreadable.append(message)
            sys.stderr.write(f"{PROGRAM}: {message}\n")

    pass_number = 0
    try:
        thresholds = _thresholds(options)
        fields = parse_fields(options.field)
        files = input_files(options.paths, options.exclude)

        def read() -> Iterator[Learnable]:
            nonlocal pass_number
            pass_number += 1
            return read_articles(files, fields, report, options.encoding, options.max_size)

        learned = learn(read, thresholds)
        if not learned.articles:
            sys.stderr.write(f"{PROGRAM}: error: no article read from {', '.join(options.paths)}\n")
            return NO_INPUT
        _write(options.output, rule_file(learned, options.paths, thresholds, options.id))
    except UsageError as error:
        sys.stderr.write(f"{PROGRAM}: error: {error}\n")
        return USAGE
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROGRAM}: interrupted\n")
        return 2
    for note in learned.notes:
        sys.stderr.write(f"{PROGRAM}: note: {note}\n")
    sys.stderr.write(f"{PROGRAM}: {len(learned.lines):,} lines learned from {learned.articles:,} articles of "
                     f"{len(learned.sites):,} site(s)" + ("" if options.output == "-" else f", written to "
                                                          f"{options.output}") + "\n")
    return UNREADABLE if unreadable else OK


def _thresholds(options: argparse.Namespace) -> Thresholds:
    if options.min_articles < 1:
        raise UsageError("--min-articles must be at least 1")
    if not 0.0 <= options.min_share <= 1.0:
        raise UsageError("--min-share must be between 0 and 1")
    if options.capacity < 2:
        raise UsageError("--capacity must be at least 2")
    if options.max_size < 0:
        raise UsageError("--max-size must be 0 or more")
    if not options.id or not all(c.isalnum() or c in "._/-" for c in options.id):
        raise UsageError(f"--id {options.id!r} is not a valid rule id (letters, digits, . _ / -)")
    return Thresholds(options.min_articles, options.min_share, options.capacity)


def _write(output: str, text: str) -> None:
    """Write the file whole or not at all: a run that fails leaves the reviewed file as it was."""
    if output == "-":
        sys.stdout.write(text)
        return
    try:
        write_whole(output, text)
    except OSError as error:
        raise UsageError(f"cannot write {output}: {error.strerror or error}") from None
