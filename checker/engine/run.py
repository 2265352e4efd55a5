"""The skeleton of a run, as pytest's ``wrap_session``: open the session (configure, collect),
then list the rules, print the fixes as a diff, or check and report, inside ``try``; always
call ``checker_sessionfinish`` once a session is open; and turn every way a run ends into
one ``ExitCode`` in one place, ``exit_code``.

The command line (``checker.cli``) parses its arguments (``parse_command_line``) and hands
the options here; a program can do the same with option values (``wrap_session({...})``).
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO

from checker.engine.jobs import check_all, jobs_for, known_total, started_workers
from checker.engine.runner import Options
from checker.engine.session import PARSE_PROBLEM, UNUSED_SUPPRESSION, FileResult, Session
from checker.engine.startup import OptionValues, open_session, parse_command_line
from checker.errors import CheckerError, ExitCode, UsageError
from checker.filter import baseline as baselines
from checker.plugin.manager import PluginManager
from checker.read.inputs import STDIN, collect_paths
from checker.read.own_reports import remember as remember_report
from checker.report.progress import Progress
from checker.report.safe import printable

__all__ = ["exit_code", "open_session", "parse_command_line", "say_error", "wrap_session"]


def wrap_session(options: OptionValues | None = None, cwd: Path | None = None,
                 pm: PluginManager | None = None) -> ExitCode:
    """Run a whole session and return how it ended. ``options`` and ``pm`` as for
    ``open_session``. An error that ends the run is said on standard error (a traceback
    for an internal error only with ``--debug``); ``checker_sessionfinish`` is called
    whenever a session was opened, with the exit code the run returns. Nothing raised in
    the run escapes, not even ``SystemExit`` from a plugin (an internal error, as in pytest)."""
    session: Session | None = None
    error: BaseException | None = None
    try:
        session = open_session(options, cwd, pm)
        run_session(session)
    except BaseException as raised:  # every way out is decided below, in one place
        error = raised
    code = exit_code(session, error)
    debug = _debug(session.config.options if session is not None else options)
    if error is not None:
        say_error(error, debug)
    if session is not None:
        session.exit_code = code
        try:
            session.pm.hook.checker_sessionfinish(session=session, exitstatus=int(code))
        except Exception as raised:
            say_error(raised, debug)
            code = exit_code(session, raised)
    return code


def exit_code(session: Session | None, error: BaseException | None = None) -> ExitCode:
    """How a run ended, as its exit code: the one place that decides it. ``error``: what
    ended it early, if anything; otherwise the session's problems, inputs and findings."""
    if isinstance(error, KeyboardInterrupt):
        return ExitCode.INTERRUPTED
    if isinstance(error, CheckerError):
        return error.exit_code
    if isinstance(error, BrokenPipeError):
        return ExitCode.OK  # the report's reader stopped reading (| head): what it read was right
    if error is not None or session is None:
        return ExitCode.INTERNAL_ERROR
    options = session.config.options
    kinds = {problem.kind for problem in session.config.problems}
    if "internal" in kinds or "plugin" in kinds:
        return ExitCode.INTERNAL_ERROR
    if "rule" in kinds or "config" in kinds:
        return ExitCode.USAGE_ERROR
    if getattr(options, "list_rules", False):
        return ExitCode.OK
    if session.summary.errors:
        return ExitCode.INPUT_ERROR
    if session.summary.files == 0:
        return ExitCode.NO_INPUT
    if getattr(options, "exit_zero", False):
        return ExitCode.OK
    if getattr(options, "diff", False):  # as ``ruff --diff``: something to fix fails, findings do not
        return ExitCode.FINDINGS if session.summary.fixed else ExitCode.OK
    return ExitCode.FINDINGS if session.worst_failing else ExitCode.OK


def say_error(error: BaseException, debug: bool = False) -> None:
    """The one line (or, for a bug under ``--debug``, the traceback) an error that ends a run gets."""
    if isinstance(error, KeyboardInterrupt):
        sys.stderr.write("checker: interrupted\n")
    elif isinstance(error, CheckerError):
        sys.stderr.write(f"checker: error: {printable(str(error))}\n")
    elif isinstance(error, BrokenPipeError):
        pass
    else:  # a bug, or a plugin or rule that raised SystemExit (as pytest, a run does not end the program)
        if debug:
            import traceback  # only here: about 1 ms of every start otherwise

            traceback.print_exception(error)
        else:
            sys.stderr.write(f"checker: internal error: {type(error).__name__}: {printable(str(error))} "
                             "(run with --debug for details)\n")


def _debug(options: OptionValues | None) -> bool:
    if isinstance(options, Mapping):
        return bool(options.get("debug"))
    return bool(getattr(options, "debug", False))


# ---- the run -----------------------------------------------------------------------------
def run_session(session: Session) -> None:
    """List the rules, print the fixes as a diff, or check and report, as the options say;
    then the problems and notes on standard error."""
    options = session.config.options
    formats = output_formats(session)
    if options.format not in formats:
        raise UsageError(f"unknown format {options.format!r} (known: {', '.join(sorted(formats))})")
    for flag, name in (("statistics", "--statistics"), ("show_source", "--show-source")):
        if getattr(options, flag, False) and (options.format != "text" or options.diff):
            raise UsageError(f"{name} is a form of the text report, not of "
                             f"{'--diff' if options.diff else repr(options.format)}"
                             + (" (the JSON report's summary counts findings by rule: by_rule)"
                                if flag == "statistics" and not options.diff else ""))
    if options.list_rules:
        list_rules(session, sys.stdout)
    else:
        if not options.paths:
            raise UsageError("no input: give files or folders to check, or - for standard input")
        suffixes = [s for group in session.pm.hook.checker_input_suffixes() for s in (group or [])]
        config = session.config
        # What this run writes or reads besides the articles is never read as one.
        own = [str(p) for p in (options.output, config.baseline, config.write_baseline) if p]
        paths = collect_paths(options.paths, suffixes, config.exclude, reports=own)
        if options.diff:
            if config.write_baseline is not None:
                raise UsageError("--write-baseline needs a check, not --diff: the diff writes nothing")
            run_diff(session, paths)
        else:
            check_and_report(session, paths, formats[options.format])
    print_problems(session)
    print_notes(session)


def check_and_report(session: Session, paths: list[str], reporter_factory: type) -> None:
    options = session.config.options
    accepted = Accepted(session)
    to_stdout = options.fix and STDIN in paths  # standard output carries the fixed text
    with report_stream(options.output, sys.stderr if to_stdout else sys.stdout) as stream:
        total = known_total(paths, session)
        session.jobs = jobs_for(session, paths, options.jobs, total)
        reporter = reporter_factory(session.config, stream)
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
                    accepted.apply(result)
                    session.record(result)
                    reporter.file_done(result)
                    progress.advance(len(result.findings))
            finally:
                progress.close()
        accepted.finish()
        session.duration = time.perf_counter() - session.started
        session.exit_code = exit_code(session)  # the report states it
        reporter.finish(session)


class Accepted:
    """The baseline of a run (``checker.filter.baseline``): the findings it accepts are taken
    out of each result before the result is recorded and reported; with ``--write-baseline``,
    this run's findings are kept to be written at the end (with the entries of the file it
    replaces that the run did not cover), and all of them are accepted."""

    def __init__(self, session: Session) -> None:
        config = session.config
        self.session = session
        self.baseline = baselines.load(config.baseline) if config.baseline is not None else None
        self.target = config.write_baseline
        # The baseline a write replaces, read before the run: a malformed one stops it early.
        self.replaced = None
        if self.target is not None and self.target.is_file():
            try:
                self.replaced = baselines.load(self.target)
            except UsageError as error:  # its entries would be lost: the user decides
                raise UsageError(f"{error} (remove it to write a new baseline)") from None
        self.kept: list[tuple[str, list]] = []
        self.target_folder = baselines.folder_of(self.target) if self.target is not None else None
        #: The rules this run runs: entries of the others are neither left over nor replaced.
        self.rules = {rule.id for rule in session.rules} | {PARSE_PROBLEM, UNUSED_SUPPRESSION}

    def key(self, result: FileResult, folder: Path) -> str:
        return baselines.key_of(result.path, result.file, folder, self.session.config.stdin_filename)

    def apply(self, result: FileResult) -> None:
        if self.target is not None:
            if result.error is None:
                self.kept.append((self.key(result, self.target_folder), result.findings))
            self.session.summary.baselined += len(result.findings)
            result.findings = []
        elif self.baseline is not None and result.error is None:
            before = len(result.findings)
            result.findings = self.baseline.apply(self.key(result, self.baseline.folder), result.findings)
            self.session.summary.baselined += before - len(result.findings)

    def finish(self) -> None:
        if self.target is not None:
            covered = {key for key, _ in self.kept}
            kept = self.replaced.uncovered(covered, self.rules) if self.replaced is not None else ()
            count = baselines.write(self.target, self.kept, kept)
            remember_report(str(self.target))
            self.session.note(f"wrote {count} finding{'s' if count != 1 else ''} to the baseline {self.target}")
        elif self.baseline is not None:
            left = self.baseline.left_over(self.rules)
            if left:
                self.session.note(f"{left} entr{'ies' if left != 1 else 'y'} of the baseline {self.baseline.path} "
                                  "matched no finding (fixed, or edited): --write-baseline drops them")


def run_diff(session: Session, paths: list[str]) -> None:
    """``--diff``: the fixes as a unified diff; nothing is written."""
    options = session.config.options
    with report_stream(options.output, sys.stdout) as stream:
        session.jobs = jobs_for(session, paths, options.jobs, known_total(paths, session))
        with started_workers(session) as pool:
            for result in check_all(session, paths, Options(True, options.unsafe_fixes, write=False), pool):
                session.record(result)
                if result.error:
                    sys.stderr.write(f"checker: {printable(result.path)}: {printable(result.error)}\n")
                stream.write(result.diff)
    session.duration = time.perf_counter() - session.started
    fixed = session.summary.fixed
    sys.stderr.write(f"checker: would fix {fixed} finding{'s' if fixed != 1 else ''}\n" if fixed
                     else "checker: nothing to fix\n")


def list_rules(session: Session, stream: IO[str]) -> None:
    rows = [(r.id, r.kind, r.category, str(r.severity), r.summary()) for r in sorted(session.rules, key=lambda r: r.id)]
    headers = ("id", "kind", "category", "severity")
    widths = [max([len(row[i]) for row in rows] + [len(h)]) for i, h in enumerate(headers)]
    for row in rows:
        stream.write("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4] + "\n")
    stream.write(f"{len(rows)} rules collected\n")


def output_formats(session: Session) -> dict[str, type]:
    formats: dict[str, type] = {}
    for provided in reversed(session.pm.hook.checker_output_formats()):  # a plugin's format replaces a built-in one
        formats.update(provided or {})
    return formats


def print_problems(session: Session) -> None:
    # Problems and notes quote file names, record ids and plugins' messages: one line each,
    # shown escaped (checker.report.safe), so none forges a CI command or a terminal sequence.
    for problem in session.config.problems:
        sys.stderr.write(f"checker: {problem.kind} error: {printable(problem.message)}\n")


def print_notes(session: Session) -> None:
    for note in session.notes:
        sys.stderr.write(f"checker: note: {printable(note)}\n")


@contextlib.contextmanager
def report_stream(output: str | None, default: IO[str]) -> Iterator[IO[str]]:
    """``-o FILE`` opened for the report and closed after it, or ``default``."""
    if not output:
        yield default
        return
    with open(output, "w", encoding="utf-8", errors="backslashreplace") as stream:
        yield stream
    remember_report(output)  # a later walk over its folder skips it while it is unchanged
