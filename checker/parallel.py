"""``--jobs N``: inputs checked in worker processes, with the results of a serial run, in
its order.

The main process walks the inputs (and the records of JSON Lines files) and hands them out
in small chunks, never more than a few chunks per worker ahead, so memory stays flat on
archives of any size. Results come back chunk by chunk in submission order. On Linux the
workers are forked from the ready session (rules compiled once); elsewhere each worker
builds the same session from the same command line.

A worker that dies (killed, out of memory, a crash in a C extension) breaks the pool: the
chunks it had not finished are handed to a fresh pool once more, and a chunk that kills a
worker twice is reported as unreadable, item by item. Nothing is dropped: there is one
result per input, always.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from checker.config import Problem
from checker.records import Record
from checker.session import FileResult, Session

#: Items per chunk: enough to amortise the hand-over, few enough to balance the workers.
CHUNK = 8
#: Chunks in flight per worker.
AHEAD = 4
ATTEMPTS = 2

_SESSION: Session | None = None


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


def available_cpus() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def parse_jobs(value: str) -> int:
    from checker.errors import UsageError

    if value == "auto":
        return available_cpus()
    try:
        jobs = int(value)
    except ValueError:
        raise UsageError(f"--jobs expects a number or auto, got {value!r}") from None
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, got {jobs}")
    return jobs


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
        yield _check(session, item, options)


def _check(session: Session, item: Work, options: Options) -> FileResult:
    if item.record is not None:
        return session.check_record(item.record)
    assert item.path is not None
    return session.check_path(item.path, fix=options.fix, unsafe=options.unsafe, write=options.write)


# ---- the workers -------------------------------------------------------------------------
def _init(argv: list[str] | None, cwd: str | None) -> None:
    global _SESSION
    if _SESSION is None:  # spawned: build the session the main process built
        from checker.cli import open_session

        _SESSION = open_session(argv, Path(cwd) if cwd else None)[1]


def _run_chunk(items: list[Work], options: Options) -> tuple[list[FileResult], list[Problem], list[str]]:
    session = _SESSION
    assert session is not None
    problems, notes = len(session.config.problems), len(session.notes)
    results = [_check(session, item, options) for item in items]
    return results, session.config.problems[problems:], session.notes[notes:]


# ---- the main process --------------------------------------------------------------------
class _Pool:
    def __init__(self, session: Session, jobs: int) -> None:
        self.session = session
        self.jobs = jobs
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        global _SESSION
        if sys.platform.startswith("linux"):
            _SESSION = self.session  # inherited by the forked workers
            context = multiprocessing.get_context("fork")
        else:  # pragma: no cover - macOS and Windows spawn
            context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_init,
                                   initargs=(self.session.argv, self.session.cwd))

    def restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


@dataclass
class _Chunk:
    items: list[Work]
    future: Future
    attempt: int = 1


def check_parallel(session: Session, paths: Iterable[str], options: Options, jobs: int) -> Iterator[FileResult]:
    """Check in ``jobs`` worker processes; yields exactly what ``check_serial`` would."""
    pool = _Pool(session, jobs)
    pending: deque[_Chunk] = deque()
    try:
        for items in _chunks(work_items(session, paths, options.fix), CHUNK):
            pending.append(_Chunk(items, pool.executor.submit(_run_chunk, items, options)))
            while len(pending) >= jobs * AHEAD:
                yield from _collect(session, pool, pending, options)
        while pending:
            yield from _collect(session, pool, pending, options)
    finally:
        pool.close()


def _collect(session: Session, pool: _Pool, pending: deque[_Chunk], options: Options) -> Iterator[FileResult]:
    try:
        results, problems, notes = pending[0].future.result()
    except BrokenProcessPool:
        # Every chunk the broken pool had not finished goes to a fresh pool, in the same
        # order; one that has already broken a pool is reported instead of run again.
        pool.restart()
        for chunk in pending:
            if _finished(chunk.future):
                continue
            if chunk.attempt >= ATTEMPTS:
                chunk.future = _failed(chunk.items)
            else:
                chunk.attempt += 1
                chunk.future = pool.executor.submit(_run_chunk, chunk.items, options)
        return
    pending.popleft()
    session.config.problems.extend(problems)
    for note in notes:
        session.note(note)
    yield from results


def _chunks(items: Iterator[Work], size: int) -> Iterator[list[Work]]:
    chunk: list[Work] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _finished(future: Future) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def _failed(items: list[Work]) -> Future:
    future: Future = Future()
    future.set_result(([FileResult(item.name, error="a worker process died while checking it (tried twice)")
                        for item in items], [], []))
    return future
