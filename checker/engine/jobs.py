"""Where a run's inputs are checked: how many worker processes it gets, the pool started
for it, and the results in input order, from the pool or from this process.

``checker.engine.parallel`` (and multiprocessing) is imported only when workers are wanted,
so a single check does not pay for them at start-up.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.config.settings import available_cpus, parse_jobs, workers_fork
from checker.engine.runner import Options, check_serial
from checker.engine.session import FileResult, Session
from checker.plugin.builtin import format_of
from checker.plugin.manager import BUILTIN_PLUGINS
from checker.read.inputs import STDIN

if TYPE_CHECKING:  # pragma: no cover
    from checker.engine.parallel import WorkerPool

#: A run over fewer inputs than this stays in one process unless asked: the workers' start
#: and hand-over would cost about what they save. Spawned workers (macOS, Windows) each
#: build the session again (about 0.2 s), which a batch of 64 short articles only just repays
#: on two CPUs.
PARALLEL_FROM = 16
PARALLEL_FROM_SPAWNED = 64


def jobs_for(session: Session, paths: list[str], requested: str | None, total: int | None) -> int:
    """Worker processes for this run: ``-j`` when given, else the ``jobs`` setting, else
    ``default_jobs``; one (this process) for standard input or a single article.
    ``total``: the number of articles, when known (``known_total``)."""
    if requested:
        count = parse_jobs(requested, "--jobs")
    elif session.config.jobs is not None:
        count = session.config.jobs
    else:
        count = default_jobs(session, total)
    if count > 1 and STDIN not in paths and (len(paths) > 1 or total is None):
        return count
    return 1


def default_jobs(session: Session, total: int | None) -> int:
    """Workers when neither ``-j`` nor the ``jobs`` setting says: one per CPU, and no more
    than there are chunks of inputs to hand out, for a batch of ``PARALLEL_FROM`` articles
    or more (``PARALLEL_FROM_SPAWNED`` where workers are spawned; a JSON or JSON Lines file
    counts as many: ``total`` is None); one when a plugin other than the built-in one is
    loaded, since a team's plugin may keep state across articles, which a worker's copy
    would not share (its project sets ``jobs`` once it keeps none)."""
    if any(name not in BUILTIN_PLUGINS for name, plugin in session.pm.list_name_plugin() if plugin is not None):
        return 1
    if total is not None and total < (PARALLEL_FROM if workers_fork() else PARALLEL_FROM_SPAWNED):
        return 1
    cpus = available_cpus()
    if total is None:
        return cpus
    from checker.engine.parallel import CHUNK

    return min(cpus, -(-total // CHUNK))


def known_total(paths: list[str], session: Session) -> int | None:
    """The number of articles when each input is one (no JSON or JSON Lines records)."""
    if session.input_format in ("json", "jsonl") or any(format_of(p) in ("json", "jsonl") for p in paths):
        return None
    return len(paths)


@contextlib.contextmanager
def started_workers(session: Session) -> Iterator[WorkerPool | None]:
    """The pool of ``session.jobs`` worker processes, started; None for a run in this process
    (one job, or workers that could not start: ``parallel.started_pool``)."""
    if session.jobs <= 1:
        yield None
        return
    from checker.engine.parallel import started_pool

    with started_pool(session) as pool:
        yield pool


def check_all(session: Session, paths: list[str], options: Options, pool: WorkerPool | None) -> Iterator[FileResult]:
    """Every input's results in order: in the pool's worker processes, or here."""
    if pool is not None:
        from checker.engine.parallel import check_parallel

        return check_parallel(session, paths, options, pool)
    return check_serial(session, paths, options)
