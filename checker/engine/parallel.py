"""``--jobs N``: inputs checked in worker processes, with the results of a serial run, in
its order.

The main process walks the inputs (and the records of JSON Lines files) and hands them out
in small chunks, never more than a few chunks per worker ahead, so memory stays flat on
archives of any size. Results come back chunk by chunk in submission order. On Linux the
workers are forked from the ready session (rules compiled once); elsewhere each worker
builds the same session from the same options (``checker.engine.startup.open_session``).

A worker that dies (killed, out of memory, a crash in a C extension) breaks the pool: the
items it had not finished are checked again, one at a time, in a fresh pool; the one that
kills a worker again is reported as unreadable. Nothing is dropped: there is one result per
input, always.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from checker.config.settings import Problem, workers_fork
from checker.engine.runner import Options, Work, check_one, work_items
from checker.engine.session import FileResult, Session

#: Items per chunk: enough to amortise the hand-over, few enough to balance the workers.
CHUNK = 8
#: Chunks in flight per worker.
AHEAD = 4
WORKER_DIED = "the worker process checking it died (killed, out of memory or crashed); not checked"

_SESSION: Session | None = None


# ---- the workers -------------------------------------------------------------------------
def _init(options: argparse.Namespace, cwd: str | None) -> None:
    global _SESSION
    # Ctrl-C is the main process's to handle (it stops the workers); a worker that took it
    # too would print its own traceback. Forked workers inherit this already (see
    # ``_workers_ignore_ctrl_c``); spawned ones set it here.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if _SESSION is None:  # spawned: build the session the main process built
        from checker.engine.startup import open_session

        _SESSION = open_session(options, Path(cwd) if cwd else None)


def _run_chunk(items: list[Work], options: Options) -> tuple[list[FileResult], list[Problem], list[str]]:
    session = _SESSION
    assert session is not None
    problems, notes = len(session.config.problems), len(session.notes)
    results = [check_one(session, item, options) for item in items]
    return results, session.config.problems[problems:], session.notes[notes:]


# ---- the main process --------------------------------------------------------------------
class WorkerPool:
    def __init__(self, session: Session, jobs: int) -> None:
        self.session = session
        self.jobs = jobs
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        global _SESSION
        if workers_fork():
            _SESSION = self.session  # inherited by the forked workers
            context = multiprocessing.get_context("fork")
        else:  # pragma: no cover - macOS and Windows spawn
            context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_init,
                                   initargs=(self.session.config.options, self.session.cwd))

    def restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def close(self, abandon: bool = False) -> None:
        """Shut the pool down. ``abandon``: the run stops early (Ctrl-C, the report's reader
        gone): the workers are stopped at once instead of finishing the chunks handed out."""
        if abandon:
            stop = getattr(self.executor, "terminate_workers", None)  # Python 3.14
            if stop is not None:
                stop()
            else:
                for process in list((getattr(self.executor, "_processes", None) or {}).values()):
                    process.terminate()
        self.executor.shutdown(wait=True, cancel_futures=True)


@dataclass
class _Chunk:
    items: list[Work]
    future: Future


@contextlib.contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """While the workers are forked, Ctrl-C is only noted, so that no worker is interrupted
    before its initializer makes it ignore Ctrl-C (it would print a traceback of its own);
    once they are forked the main process's handling comes back, and a Ctrl-C noted meanwhile
    interrupts it then. Only the main thread may set signal handlers: elsewhere (an editor's
    server thread) nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    noted: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: noted.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if noted:
        raise KeyboardInterrupt


@contextlib.contextmanager
def started_pool(session: Session) -> Iterator[WorkerPool | None]:
    """``session.jobs`` worker processes, started before any input is read, so the report's
    header names the workers that really check. Where none can be started (no shared memory
    for the queues' locks, a process limit) it says so in a note, sets ``session.jobs`` to
    one and gives None: the run is checked in this process. A run that stops early (Ctrl-C,
    the report's reader gone) stops the workers at once."""
    pool: WorkerPool | None = None
    try:
        with _workers_ignore_ctrl_c():
            pool = WorkerPool(session, session.jobs)
            started = pool.executor.submit(int)  # the workers are forked here
        started.result()
    except (OSError, ImportError, NotImplementedError, BrokenProcessPool) as error:
        if pool is not None:
            with contextlib.suppress(Exception):
                pool.executor.shutdown(wait=False, cancel_futures=True)
        session.note(f"worker processes could not be started ({type(error).__name__}: {error}); "
                     f"checked in this process")
        session.jobs = 1
        yield None
        return
    except BaseException:  # Ctrl-C while the workers start
        if pool is not None:
            pool.close(abandon=True)
        raise
    try:
        yield pool
    except BaseException:  # KeyboardInterrupt, a broken pipe, an error in the reporter
        pool.close(abandon=True)
        raise
    pool.close()


def check_parallel(session: Session, paths: Iterable[str], options: Options, pool: WorkerPool) -> Iterator[FileResult]:
    """Check in the pool's workers; yields exactly what ``check_serial`` would."""
    pending: deque[_Chunk] = deque()
    for items in _chunks(work_items(session, paths, options.fix), CHUNK):
        pending.append(_Chunk(items, pool.executor.submit(_run_chunk, items, options)))
        while len(pending) >= pool.jobs * AHEAD:
            yield from _collect(session, pool, pending, options)
    while pending:
        yield from _collect(session, pool, pending, options)


def _collect(session: Session, pool: WorkerPool, pending: deque[_Chunk], options: Options) -> Iterator[FileResult]:
    try:
        results, problems, notes = pending[0].future.result()
    except BrokenProcessPool:
        _recover(pool, pending, options)
        results, problems, notes = pending[0].future.result()
    pending.popleft()
    session.config.problems.extend(problems)
    for note in notes:
        session.note(note)
    yield from results


def _recover(pool: WorkerPool, pending: deque[_Chunk], options: Options) -> None:
    """A worker died. The items the broken pool had not finished are checked again one at
    a time in a fresh pool, so the one that kills a worker is known: it is reported as
    unreadable, and every other item gets its real result."""
    pool.restart()
    for chunk in pending:
        if _finished(chunk.future):
            continue
        results: list[FileResult] = []
        problems: list[Problem] = []
        notes: list[str] = []
        for item in chunk.items:
            try:
                one, more_problems, more_notes = pool.executor.submit(_run_chunk, [item], options).result()
            except BrokenProcessPool:
                pool.restart()
                one, more_problems, more_notes = [FileResult(item.name, error=WORKER_DIED)], [], []
            results += one
            problems += more_problems
            notes += more_notes
        chunk.future = Future()
        chunk.future.set_result((results, problems, notes))


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


