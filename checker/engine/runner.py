"""Running the checks over the inputs: what to check (files, and the records of files that
hold many articles) and the serial loop. ``checker.engine.parallel`` runs the same items in worker
processes; it is imported only by a ``-j`` run, so a single check does not pay for
multiprocessing at start-up.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from checker.engine.session import FileResult, Session
from checker.read.records import Record


@dataclass(frozen=True)
class Work:
    """One item: a file path, or a record already read by the main process."""

    path: str | None = None
    record: Record | None = None

    @property
    def name(self) -> str:
        return self.record.name if self.record is not None else str(self.path)


@dataclass
class Options:
    fix: bool = False
    unsafe: bool = False
    write: bool = True
    #: Keep each article's text on its result (a report that shows the articles needs it).
    keep_text: bool = False


def work_items(session: Session, paths: Iterable[str], fix: bool) -> Iterator[Work]:
    for path in paths:
        records = session.records_of(path, fix=fix)
        if records is None:
            yield Work(path=path)
        else:
            for record in records:
                yield Work(record=record)


def check_serial(session: Session, paths: Iterable[str], options: Options) -> Iterator[FileResult]:
    for item in work_items(session, paths, options.fix):
        yield check_one(session, item, options)


def check_one(session: Session, item: Work, options: Options) -> FileResult:
    if item.record is not None:
        result = session.check_record(item.record)
    else:
        assert item.path is not None
        result = session.check_path(item.path, fix=options.fix, unsafe=options.unsafe, write=options.write)
    if not options.keep_text:
        result.text = None  # not carried back from a worker, not kept while the report is written
    return result


