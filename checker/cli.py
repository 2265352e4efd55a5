"""The command line: ``checker [options] PATH...``. One place decides the exit code."""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from checker.about import __version__
from checker.config.settings import Config, available_cpus, build_config, parse_jobs, workers_fork
from checker.engine.runner import Options, check_serial
from checker.engine.session import FileResult, Session
from checker.errors import CheckerError, ExitCode, UsageError
from checker.plugin.builtin import format_of
from checker.plugin.manager import load_plugins, new_plugin_manager
from checker.read.inputs import STDIN, collect_paths
from checker.report.progress import Progress

if TYPE_CHECKING:
    from checker.engine.parallel import WorkerPool

EPILOG = """exit codes: 0 nothing at or above the fail threshold; 1 findings at or above it;
2 interrupted; 3 internal error (a bug, a crashing plugin or rule); 4 usage, configuration
or rule-file error; 5 no input files; 6 some inputs could not be read (the others were checked)."""


def _comma_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


class _Extend(argparse.Action):
    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        current = list(getattr(namespace, self.dest, None) or [])
        current.extend(_comma_list(values))
        setattr(namespace, self.dest, current)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def base_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="checker", description="Check news articles for duplicates, scraped boilerplate, "
                     "spinner artifacts, inconsistent names and contradictions.", epilog=EPILOG)
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to check; - reads standard input")
    parser.add_argument("--version", action="version", version=f"checker {__version__}")
    out = parser.add_argument_group("output")
    out.add_argument("-f", "--format", default="text", help="output format (text, json, or one from a plugin)")
    out.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of standard output")
    out.add_argument("-q", "--quiet", action="store_true", help="text format: only the findings")
    out.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    out.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    sel = parser.add_argument_group("rule selection")
    sel.add_argument("-k", dest="keyword", metavar="EXPR", help="select rules by id substring, tag or category: "
                     "'dup and not headline'")
    sel.add_argument("-m", "--category", action=_Extend, metavar="NAME", help="only rules of these categories or tags")
    sel.add_argument("--select", action=_Extend, metavar="RULES", help="only these rule ids, globs or categories")
    sel.add_argument("--ignore", action=_Extend, metavar="RULES", help="skip these rule ids, globs or categories")
    sel.add_argument("--severity", dest="severity_override", action="append", metavar="RULE=LEVEL",
                     help="override a rule's (or category's) severity")
    sel.add_argument("--rules", action="append", metavar="DIR", help="add a folder of YAML rules")
    sel.add_argument("--no-builtin-rules", action="store_true", help="do not load the built-in rule pack")
    sel.add_argument("--list-rules", "--collect-only", dest="list_rules", action="store_true",
                     help="list the collected rules and exit")
    run = parser.add_argument_group("run")
    run.add_argument("--fail-on", choices=["error", "warning", "info"],
                     help="lowest severity that fails (default error)")
    run.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail the threshold")
    run.add_argument("-p", dest="plugins", action="append", default=[], metavar="NAME",
                     help="load plugin NAME (module or entry point); -p no:NAME disables one")
    run.add_argument("-c", "--config", metavar="FILE", help="use this configuration file")
    run.add_argument("--no-config", action="store_true", help="ignore configuration files")
    run.add_argument("--stdin-filename", metavar="NAME", help="name to report for standard input")
    run.add_argument("--input-format", metavar="FORMAT", help="parse every input as this format (text, markdown, ...)")
    run.add_argument("--encoding", default="utf-8", help="encoding of the inputs (default utf-8)")
    run.add_argument("--warn-unused-suppressions", action="store_true",
                     help="report suppressions that suppressed nothing")
    fix = parser.add_argument_group("fixes")
    fix.add_argument("--fix", action="store_true", help="apply safe fixes to the files (written atomically); "
                     "with - the fixed text goes to standard output and the report to standard error")
    fix.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff: apply unsafe fixes too")
    fix.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing "
                     "(exit 1 when there is something to fix)")
    run.add_argument("--regex-timeout", type=float, metavar="SECONDS",
                     help="time limit of one rule pattern on one text")
    run.add_argument("--timings", action="store_true",
                     help="time each rule; the text report lists the slowest, the HTML report charts them")
    run.add_argument("--time-limit", type=float, metavar="SECONDS",
                     help="time one rule or plugin hook may spend on one article (default 30; 0: none)")
    run.add_argument("--max-size", metavar="SIZE",
                     help="skip inputs larger than SIZE, after decompression (default 25MB; 0: no limit)")
    run.add_argument("--field", action="append", metavar="PART=NAME",
                     help="JSON/JSON Lines inputs: the record field holding PART (id, headline, body, published, "
                     "url, byline); NAME may be dotted (content.rendered) or a comma-separated list to try")
    batch = parser.add_argument_group("batch runs")
    batch.add_argument("-j", "--jobs", metavar="N", help="check in N worker processes (auto: one per CPU); "
                       "results and their order are those of a serial run")
    batch.add_argument("--no-cache", action="store_true", help="neither read nor write the results cache")
    batch.add_argument("--cache-dir", metavar="DIR", help="results cache folder (default .checker_cache beside the "
                       "configuration file; also CHECKER_CACHE_DIR)")
    batch.add_argument("--no-progress", action="store_true", help="no progress line on standard error")
    return parser


def list_rules(session: Session, stream: IO[str]) -> None:
    rows = [(r.id, r.kind, r.category, str(r.severity), r.summary()) for r in sorted(session.rules, key=lambda r: r.id)]
    headers = ("id", "kind", "category", "severity")
    widths = [max([len(row[i]) for row in rows] + [len(h)]) for i, h in enumerate(headers)]
    for row in rows:
        stream.write("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4] + "\n")
    stream.write(f"{len(rows)} rules collected\n")


def print_problems(config: Config) -> None:
    for problem in config.problems:
        sys.stderr.write(f"checker: {problem.kind} error: {problem.message}\n")


def open_session(argv: Sequence[str] | None, cwd: Path | None = None) -> tuple[argparse.Namespace, Session]:
    """Options, configuration (found from ``cwd``), plugins and collected rules: a session
    ready to check articles, as the command line and the language server use it."""
    parser = base_parser()
    early, _ = parser.parse_known_args(argv)
    pm = new_plugin_manager()
    config = build_config(early, cwd)
    load_plugins(pm, config, early.plugins)
    plugin_problems = list(config.problems)
    pm.hook.checker_addoption(parser=parser)
    options = parser.parse_args(argv)
    config = build_config(options, cwd)
    config.problems.extend(plugin_problems)
    config.pluginmanager = pm
    pm.hook.checker_configure(config=config)
    session = Session(config, pm)
    session.argv = None if argv is None else list(argv)
    session.cwd = str(cwd) if cwd else None
    session.collect_rules()
    return options, session


def output_formats(session: Session) -> dict[str, type]:
    formats: dict[str, type] = {}
    for provided in reversed(session.pm.hook.checker_output_formats()):  # a plugin's format replaces a built-in one
        formats.update(provided or {})
    return formats


def run(argv: Sequence[str] | None) -> int:
    options, session = open_session(argv)
    config = session.config
    pm = session.pm
    formats = output_formats(session)
    if options.format not in formats:
        raise UsageError(f"unknown format {options.format!r} (known: {', '.join(sorted(formats))})")
    if options.list_rules:
        list_rules(session, sys.stdout)
        print_problems(config)
        return int(ExitCode.USAGE_ERROR if config.problems else ExitCode.OK)
    if not options.paths:
        raise UsageError("no input: give files or folders to check, or - for standard input")
    suffixes = [s for group in pm.hook.checker_input_suffixes() for s in (group or [])]
    paths = collect_paths(options.paths, suffixes, config.exclude)

    if options.diff:
        code = run_diff(session, paths, options)
        print_problems(config)
        print_notes(session)
        pm.hook.checker_sessionfinish(session=session, exitstatus=int(code))
        return int(code)
    to_stdout = options.fix and STDIN in paths  # standard output carries the fixed text
    with report_stream(options.output, sys.stderr if to_stdout else sys.stdout) as stream:
        total = _known_total(paths, session)
        session.jobs = jobs_for(session, paths, options.jobs, total)
        reporter = formats[options.format](config, stream)
        with started_workers(session) as pool:  # before the header, which names the workers
            reporter.start(session)
            # The text report's own per-file lines already show progress on a terminal.
            lines_on_terminal = options.format == "text" and not options.quiet and stream.isatty()
            progress = Progress(total, enabled=not (options.no_progress or lines_on_terminal))
            try:
                wanted = Options(options.fix, options.unsafe_fixes, keep_text=getattr(reporter, "needs_text", False))
                for result in check_all(session, paths, wanted, pool):
                    if result.fixed_text is not None:
                        sys.stdout.write(result.fixed_text)
                    session.record(result)
                    reporter.file_done(result)
                    progress.advance(len(result.findings))
            finally:
                progress.close()
        session.duration = time.perf_counter() - session.started
        code = session.decide_exit_code(options.exit_zero)
        reporter.finish(session)
    print_problems(config)
    print_notes(session)
    pm.hook.checker_sessionfinish(session=session, exitstatus=int(code))
    return int(code)


@contextlib.contextmanager
def started_workers(session: Session) -> Iterator[WorkerPool | None]:
    """The pool of ``session.jobs`` worker processes, started; None for a run in this process
    (one job, or workers that could not start: ``parallel.started_pool``). The parallel
    module (and multiprocessing) is imported only when workers are wanted."""
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


#: A run over fewer inputs than this stays in one process unless asked: the workers' start
#: and hand-over would cost about what they save. Spawned workers (macOS, Windows) each
#: build the session again (about 0.2 s), which a batch of 64 short articles only just repays
#: on two CPUs.
PARALLEL_FROM = 16
PARALLEL_FROM_SPAWNED = 64


def jobs_for(session: Session, paths: list[str], requested: str | None, total: int | None) -> int:
    """Worker processes for this run: ``-j`` when given, else the ``jobs`` setting, else
    ``default_jobs``; one (this process) for standard input or a single article.
    ``total``: the number of articles, when known (``_known_total``)."""
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
    if any(name != "builtin" for name, plugin in session.pm.list_name_plugin() if plugin is not None):
        return 1
    if total is not None and total < (PARALLEL_FROM if workers_fork() else PARALLEL_FROM_SPAWNED):
        return 1
    cpus = available_cpus()
    if total is None:
        return cpus
    from checker.engine.parallel import CHUNK

    return min(cpus, -(-total // CHUNK))


def _known_total(paths: list[str], session: Session) -> int | None:
    """The number of articles when each input is one (no JSON or JSON Lines records)."""
    if session.input_format in ("json", "jsonl") or any(format_of(p) in ("json", "jsonl") for p in paths):
        return None
    return len(paths)


def print_notes(session: Session) -> None:
    for note in session.notes:
        sys.stderr.write(f"checker: note: {note}\n")


@contextlib.contextmanager
def report_stream(output: str | None, default: IO[str]) -> Iterator[IO[str]]:
    """``-o FILE`` opened for the report and closed after it, or ``default``."""
    if not output:
        yield default
        return
    with open(output, "w", encoding="utf-8", errors="backslashreplace") as stream:
        yield stream


def tolerant_streams() -> None:
    """Text an output cannot encode is written as a backslash escape, never a crash: a lone
    surrogate from a JSON record, an emoji on an ASCII-only terminal. (In a JSON string,
    the escape is the JSON escape of the same character.)"""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def run_diff(session: Session, paths: list[str], options: argparse.Namespace) -> ExitCode:
    """``--diff``: the fixes as a unified diff; nothing is written. Exit 1 when there is
    something to fix (as ``ruff --diff`` does), unless a worse problem decides the code."""
    with report_stream(options.output, sys.stdout) as stream:
        session.jobs = jobs_for(session, paths, options.jobs, _known_total(paths, session))
        with started_workers(session) as pool:
            for result in check_all(session, paths, Options(True, options.unsafe_fixes, write=False), pool):
                session.record(result)
                if result.error:
                    sys.stderr.write(f"checker: {result.path}: {result.error}\n")
                stream.write(result.diff)
    session.duration = time.perf_counter() - session.started
    fixed = session.summary.fixed
    sys.stderr.write(f"checker: would fix {fixed} finding{'s' if fixed != 1 else ''}\n" if fixed
                     else "checker: nothing to fix\n")
    code = session.decide_exit_code(exit_zero=True)
    if code == ExitCode.OK and fixed and not options.exit_zero:
        code = ExitCode.FINDINGS
    session.exit_code = code  # decide_exit_code set it without the pending fixes
    return code


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments[:1] == ["lsp"]:
        from checker.lsp import main as lsp_main

        return lsp_main(arguments[1:])
    debug = "--debug" in arguments
    tolerant_streams()
    try:
        return run(argv)
    except KeyboardInterrupt:
        sys.stderr.write("checker: interrupted\n")
        return int(ExitCode.INTERRUPTED)
    except CheckerError as error:
        sys.stderr.write(f"checker: error: {error}\n")
        return int(error.exit_code)
    except BrokenPipeError:
        return int(ExitCode.OK)
    except Exception as error:
        if debug:
            traceback.print_exc()
        else:
            sys.stderr.write(f"checker: internal error: {type(error).__name__}: {error} "
                             "(run with --debug for details)\n")
        return int(ExitCode.INTERNAL_ERROR)


