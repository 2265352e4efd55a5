"""``checker lsp``: a Language Server Protocol server over standard input and output.

Built on pygls (install ``checker[lsp]``). It publishes diagnostics for open Markdown and
text documents when one is opened or saved, and after a pause in typing (debounced), with
the rule id as the code, a link to the rule's page, the other place of a two-place finding
as related information, and quick fixes that apply a finding's suggestion. Positions are
converted from the checker's code points to the negotiated encoding (UTF-16 unless the
client offers another) and LSP's own line breaks. The project's configuration is read
from the document's folder upwards, as the command line reads it.

The server is bounded against hostile documents and clients. Documents with the same
configuration share a session (every folder without one shares one), and at most
``maxSessions`` are kept, the least recently used dropped first. A document over ``maxSize``
bytes (or the project's ``max-size``, if smaller) is not checked, and checking one document
stops after ``timeLimit`` seconds; either way one diagnostic says why. A rule stopped by its
own time limit, or a plugin that fails, is a diagnostic naming it. The three are
initialization options; ``checker.lsp_framing`` guards the input's framing. A request after
``shutdown`` is refused (InvalidRequest), and the process exits 0 on ``exit`` after
``shutdown``, 1 otherwise, as LSP says.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import contextlib
import math
import sys
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.about import __version__
from checker.engine.watchdog import Overrun, TimeLimitExceeded, time_limit
from checker.errors import CheckerError
from checker.finding import Finding, Location
from checker.patterns.compiled import compiled

#: Seconds of quiet after a change before the document is checked again.
DEFAULT_DEBOUNCE = 0.3
#: The largest document checked, in UTF-8 bytes (initialization option ``maxSize``): normal
#: text of this size checks in about two seconds.
DEFAULT_MAX_SIZE = 1024 * 1024
#: Seconds one document's check may take in all (initialization option ``timeLimit``; 0: no limit).
DEFAULT_TIME_LIMIT = 10.0
#: Sessions kept at once (initialization option ``maxSessions``); each holds its rules, about 2 MB.
DEFAULT_MAX_SESSIONS = 8
#: The session of documents with no configuration file: one for all such folders.
NO_CONFIGURATION = "<no configuration>"
#: Diagnostic codes of what went wrong while checking (as the command line's "rule error: ...").
PROBLEM_CODES = {"rule": "rule-error", "plugin": "plugin-error", "internal": "internal-error",
                 "config": "config-error"}
NOT_CHECKED = "not-checked"
#: How the document was read, when not as usual ("trafilatura could not read the page ..."):
#: information at its first line, not a problem.
READING_NOTE = "reading-note"
LANGUAGES = {"markdown": ".md", "plaintext": ".txt", "text": ".txt"}
#: The source action that applies every safe fix of a document, as ``--fix`` does: what an
#: editor runs on save when asked to ("editor.codeActionsOnSave": {"source.fixAll.checker": ...}).
FIX_ALL = "source.fixAll.checker"
_LSP_BREAK = compiled(r"\r\n|\r|\n")


class Positions:
    """Code-point offsets of a text as LSP positions: lines split at CR, LF or CRLF only, and
    characters counted in ``encoding`` units (utf-16, utf-8 or utf-32)."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0] + [m.end() for m in _LSP_BREAK.finditer(text)]

    def units(self, chunk: str) -> int:
        if self.encoding == "utf-32":
            return len(chunk)
        if self.encoding == "utf-8":
            return len(chunk.encode("utf-8", "surrogatepass"))
        return len(chunk.encode("utf-16-le", "surrogatepass")) // 2

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line, self.units(self.text[self.starts[line] : offset])

    def range(self, location: Location) -> Any:
        from lsprotocol import types

        start = self.position(location.offset)
        end = self.position(location.offset + location.length)
        return types.Range(start=types.Position(*start), end=types.Position(*end))


def path_of(uri: str, language: str | None) -> str:
    """A file path for the document (its suffix picks the parser)."""
    from pygls.uris import to_fs_path

    path = to_fs_path(uri) if uri.startswith("file:") else None
    if path:
        return path
    return f"untitled{LANGUAGES.get(language or '', '.txt')}"


@dataclass
class Checked:
    version: int | None
    text: str
    findings: list[Finding]
    positions: Positions
    #: What went wrong while checking, as (diagnostic code, message): shown at the document's start.
    notices: list[tuple[str, str]] = field(default_factory=list)


class CheckerServer:
    """The state behind the pygls server: sessions per configuration, last results per document."""

    def __init__(self, debounce: float = DEFAULT_DEBOUNCE) -> None:
        from pygls.lsp.server import LanguageServer

        self.server = LanguageServer("checker", __version__, protocol_cls=_protocol_class())
        self.debounce = debounce
        self.max_size = DEFAULT_MAX_SIZE
        self.time_limit = DEFAULT_TIME_LIMIT
        self.max_sessions = DEFAULT_MAX_SESSIONS
        #: The client's ``initializationOptions`` (a mapping; empty until ``initialize``).
        self.initialization_options: dict[str, Any] = {}
        #: Sessions by configuration file, the most recently used last.
        self.sessions: OrderedDict[str, Any] = OrderedDict()
        self.link_tables: dict[int, dict[str, str]] = {}
        #: What went wrong opening each session (a configuration that cannot be read, a rule
        #: file that does not load), by ``id`` of the session: shown on every document it checks.
        self.session_notices: dict[int, list[tuple[str, str]]] = {}
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.Task] = {}
        #: The event loop serving the client, once known: the input's reader thread reports through it.
        self.loop: asyncio.AbstractEventLoop | None = None
        self._register()

    # ---- sessions ----------------------------------------------------------------------
    def session_for(self, path: str) -> Any:
        from checker.config.settings import find_config_file
        from checker.engine.startup import open_session

        folder = Path(path).resolve().parent if Path(path).is_absolute() else self.root()
        unreadable: CheckerError | None = None
        try:
            found, _ = find_config_file(folder)
        except CheckerError as error:  # the nearest configuration file is not valid YAML or TOML
            found, unreadable = None, error
        # Keyed by the configuration, not the folder: folders without one share a session.
        key = str(found) if found else (f"<unreadable {unreadable.source}>" if unreadable else NO_CONFIGURATION)
        if key in self.sessions:
            self.sessions.move_to_end(key)
        else:
            notices: list[tuple[str, str]] = []
            try:
                if unreadable is not None:
                    raise unreadable
                session = open_session({**self.trust_options()}, cwd=folder)
            except CheckerError as error:
                self.log(f"checker: {error}", error=True)
                session = open_session({"no_config": True, **self.trust_options()}, cwd=folder)
                notices.append((PROBLEM_CODES["config"], f"{error} (checked with the built-in rules only)"))
            for problem in session.config.problems:
                self.log(f"checker: {problem.kind} error: {problem.message}", error=True)
                notices.append((PROBLEM_CODES.get(problem.kind, "error"), problem.message))
            if notices:
                self.session_notices[id(session)] = notices
            for note in session.notes:  # local code not run: once per session, in the log and on stderr
                self.log(f"checker: note: {note}")
                sys.stderr.write(f"checker: note: {note}\n")
            self.sessions[key] = session
            while len(self.sessions) > self.max_sessions:
                _, dropped = self.sessions.popitem(last=False)
                self.link_tables.pop(id(dropped), None)
                self.session_notices.pop(id(dropped), None)
        return self.sessions[key]

    def trust_options(self) -> dict[str, Any]:
        """The server runs local code (``checkerconf.py``, local ``plugins:`` modules) only from
        folders the user trusts: with ``checker trust PATH``, or in the ``trustedFolders``
        initialization option (paths or ``file:`` URIs the editor trusts)."""
        from pygls.uris import to_fs_path

        given = self.initialization_options.get("trustedFolders") or []
        folders = []
        for item in given if isinstance(given, list) else [given]:
            path = to_fs_path(item) if isinstance(item, str) and item.startswith("file:") else item
            if isinstance(path, str) and path:
                folders.append(path)
            else:
                self.log(f"checker: initialization option trustedFolders: expected folder paths, got {item!r}",
                         error=True)
        return {"trusted_folders": folders}

    def root(self) -> Path:
        from pygls.uris import to_fs_path

        root = getattr(self.server.workspace, "root_uri", None)
        path = to_fs_path(root) if root else None
        return Path(path) if path else Path.cwd()

    def log(self, message: str, error: bool = False) -> None:
        from lsprotocol import types

        kind = types.MessageType.Error if error else types.MessageType.Log
        self.server.window_log_message(types.LogMessageParams(type=kind, message=message))

    def encoding(self) -> str:
        capabilities = getattr(self.server, "server_capabilities", None)
        encoding = getattr(capabilities, "position_encoding", None) if capabilities else None
        return str(getattr(encoding, "value", encoding) or "utf-16")

    # ---- checking ----------------------------------------------------------------------
    def check(self, uri: str) -> tuple[Checked, Any]:
        document = self.server.workspace.get_text_document(uri)
        path = path_of(uri, document.language_id)
        session = self.session_for(path)
        text = document.source
        findings: list[Finding] = []
        notices: list[tuple[str, str]] = list(self.session_notices.get(id(session), ()))
        size = len(text.encode("utf-8", "surrogatepass"))
        limit, setting = self.size_limit(session)
        if limit and size > limit:
            notices.append((NOT_CHECKED, f"not checked: the document is {size:,} bytes, over the limit of "
                                         f"{limit:,} bytes ({setting})"))
        else:
            findings = self.check_within_limits(session, path, text, notices)
        # No findings point into a document too large to check: its lines are not worth indexing.
        positions = Positions(text if findings else "", self.encoding())
        checked = Checked(document.version, text, findings, positions, notices)
        self.checked[uri] = checked
        return checked, session

    def current(self, uri: str, document: Any) -> Checked:
        """The findings of the document as it is now: those last published, or a new check
        when the document changed since (the debounce has not run yet)."""
        checked = self.checked.get(uri)
        if checked is None or checked.version != document.version or checked.text != document.source:
            checked, _ = self.check(uri)
        return checked

    def size_limit(self, session: Any) -> tuple[int, str]:
        """The largest document checked, in bytes (0: any), and the setting that says so."""
        project = session.config.max_size
        if project and (not self.max_size or project < self.max_size):
            return project, "the project's max-size"
        return self.max_size, "the language server's maxSize"

    def check_within_limits(self, session: Any, path: str, text: str, notices: list[tuple[str, str]]) -> list[Finding]:
        """The findings of ``text``, checked under the server's time limit; what went wrong
        (the time limit, a rule stopped by its own, a failing plugin) is added to ``notices``."""
        problems = session.config.problems
        before = len(problems)
        findings: list[Finding] = []
        try:
            with time_limit(self.time_limit, "checking the document"):
                result = session.check_text(path, text)
            findings = result.findings
            notices += [(READING_NOTE, note) for note in result.notes]
            if result.error:
                self.log(f"checker: {path}: {result.error}", error=True)
                notices.append((NOT_CHECKED, f"not checked: {result.error}"))
        except TimeLimitExceeded:
            notices.append((NOT_CHECKED, f"not checked: checking stopped after {self.time_limit:g} s, the language "
                                         f"server's time limit for one document (timeLimit)"))
        finally:
            # A session lives as long as the server: its problems are this check's, reported once.
            new = problems[before:]
            del problems[before:]
        for problem in new:
            self.log(f"checker: {problem.kind} error: {problem.message}", error=True)
            notices.append((PROBLEM_CODES.get(problem.kind, "error"), problem.message.removeprefix(f"{path}: ")))
        return findings

    def publish(self, uri: str) -> None:
        from lsprotocol import types

        try:
            checked, session = self.check(uri)
        except (Exception, Overrun) as error:  # a bug of ours must not leave the document silently unchecked
            self.published_failure(uri, error)
            return
        links = self.links(session)
        diagnostics = [self.diagnostic(uri, f, checked.positions, links.get(f.rule) or session.config.rule_url(f.rule))
                       for f in checked.findings]
        diagnostics += [_notice(code, message, types.DiagnosticSeverity.Information if code == READING_NOTE
                                else types.DiagnosticSeverity.Warning)
                        for code, message in checked.notices]
        self.server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=checked.version))

    def published_failure(self, uri: str, error: BaseException) -> None:
        """Say on the document, and in the log, that checking it failed: an editor that shows
        nothing would read as a clean article."""
        from lsprotocol import types

        what = f"{type(error).__name__}: {error}"
        self.log(f"checker: internal error checking {uri}: {what}", error=True)
        self.checked.pop(uri, None)
        document = self.server.workspace.get_text_document(uri)
        notice = _notice(PROBLEM_CODES["internal"], f"not checked: internal error ({what}); see the language "
                         f"server's log", types.DiagnosticSeverity.Error)
        self.server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[notice], version=document.version))

    def diagnostic(self, uri: str, finding: Finding, positions: Positions, link: str) -> Any:
        from lsprotocol import types

        severity = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
                    "info": types.DiagnosticSeverity.Information}[str(finding.severity)]
        related = [types.DiagnosticRelatedInformation(
            location=types.Location(uri=uri, range=positions.range(location)), message="the other place")
            for location in finding.related]
        return types.Diagnostic(
            range=positions.range(finding.location),
            message=finding.message,
            severity=severity,
            code=finding.rule,
            code_description=types.CodeDescription(href=link),
            source="checker",
            related_information=related or None,
            data={"fix": finding.fix.applicability if finding.fix else None},
        )

    def links(self, session: Any) -> dict[str, str]:
        """Rule id to its documentation link, built once per session."""
        key = id(session)
        if key not in self.link_tables:
            self.link_tables[key] = {rule.id: session.config.rule_url(rule.id, rule.link) for rule in session.rules}
        return self.link_tables[key]

    def cancel(self, uri: str) -> None:
        """Drop a check still waiting for the typing to stop."""
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()

    def reload(self) -> None:
        """The configuration changed: read it again and check every open document."""
        self.sessions.clear()
        self.link_tables.clear()
        self.session_notices.clear()
        for open_uri in list(self.checked):
            self.publish(open_uri)

    def schedule(self, uri: str) -> None:
        """Check ``uri`` once the typing stops: each change restarts the wait."""
        self.cancel(uri)

        async def later() -> None:
            await asyncio.sleep(self.debounce)
            self.pending.pop(uri, None)
            self.publish(uri)

        self.pending[uri] = asyncio.ensure_future(later())

    # ---- code actions ------------------------------------------------------------------
    def code_actions(self, uri: str, wanted: Any) -> list[Any]:
        from lsprotocol import types

        document = self.server.workspace.get_text_document(uri)
        checked = self.current(uri, document)
        positions = checked.positions
        markup = path_of(uri, document.language_id).lower().endswith(_MARKUP)
        lines: list[str] | None = None
        header = -1
        actions = []
        for finding in checked.findings:
            span = positions.range(finding.location)
            if not _overlaps(span, wanted):
                continue
            edits: list[tuple[str, list[Any], bool]] = []
            if finding.fix is not None:
                edits.append((f"{finding.fix.message} ({finding.rule})",
                              [types.TextEdit(range=positions.range(e.location), new_text=e.replacement)
                               for e in finding.fix.edits], finding.fix.safe))
            else:
                for suggestion in finding.suggestions:
                    title = f"Replace with '{suggestion}'" if suggestion else "Remove it"
                    edits.append((f"{title} ({finding.rule})", [types.TextEdit(range=span, new_text=suggestion)],
                                  False))
            if lines is None:  # read once, and only when some finding lies in the range asked about
                lines = _LSP_BREAK.split(document.source)
                header = _header_end(lines, markup)
            silence = _suppression_edit(lines, header, "\r\n" in document.source, markup, span.start.line,
                                        finding.rule)
            if silence is not None:
                edits.append((f"Disable {finding.rule} for this line", [silence], False))
            for title, text_edits, preferred in edits:
                actions.append(types.CodeAction(
                    title=title, kind=types.CodeActionKind.QuickFix, is_preferred=preferred,
                    edit=types.WorkspaceEdit(changes={uri: text_edits}),
                ))
        return actions

    def fix_all(self, uri: str) -> list[Any]:
        """The source action "fix all": one edit that turns the document into what ``--fix``
        would write (safe fixes only, round by round), within the server's time limit; none when
        there is nothing safe to fix, the document was not checked, or fixing it failed."""
        from lsprotocol import types

        document = self.server.workspace.get_text_document(uri)
        checked = self.current(uri, document)
        if not any(finding.fix is not None and finding.fix.safe for finding in checked.findings):
            return []
        path = path_of(uri, document.language_id)
        session = self.session_for(path)
        problems = session.config.problems
        before = len(problems)
        try:
            with time_limit(self.time_limit, "fixing the document"):
                fixed = session.fixed(path, checked.text, checked.findings)
        except TimeLimitExceeded:
            fixed = None
            self.log(f"checker: {uri}: fixing stopped after {self.time_limit:g} s (timeLimit)", error=True)
        finally:
            del problems[before:]  # a round's own problems are the next check's to report
        if fixed is None or fixed[0] == checked.text:
            return []
        text, applied = fixed
        edit = _changed_span(checked.text, text, Positions(checked.text, self.encoding()))
        title = f"Fix all safe fixes (checker: {applied} fix{'es' if applied != 1 else ''})"
        return [types.CodeAction(title=title, kind=FIX_ALL, edit=types.WorkspaceEdit(changes={uri: [edit]}))]

    def hover(self, uri: str, position: Any) -> Any:
        """The findings under the cursor explained: each one's rule, category and severity, its
        message, what the rule catches and a link to its page; None where there is none."""
        from lsprotocol import types

        document = self.server.workspace.get_text_document(uri)
        checked = self.current(uri, document)
        session = self.session_for(path_of(uri, document.language_id))
        point = types.Range(start=position, end=position)
        under = [f for f in checked.findings if _overlaps(checked.positions.range(f.location), point)]
        if not under:
            return None
        rules = {rule.id: rule for rule in session.rules}
        links = self.links(session)
        parts = []
        for finding in under[:_HOVER_MOST]:
            rule = rules.get(finding.rule)
            about = _first_paragraph(rule.description or rule.summary()) if rule is not None else ""
            link = links.get(finding.rule) or session.config.rule_url(finding.rule)
            parts.append(f"**{finding.rule}** ({finding.category}, {finding.severity})\n\n{finding.message}"
                         + (f"\n\n{about}" if about else "") + f"\n\n[The rule's page]({link})")
        text = "\n\n---\n\n".join(parts)
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))

    # ---- protocol ----------------------------------------------------------------------
    def configure(self, options: Any) -> None:
        """Read the limits from the client's ``initializationOptions``: ``maxSize`` (bytes, or
        a size such as ``"500KB"``; 0: any), ``timeLimit`` (seconds; 0: none) and
        ``maxSessions``. A value that is not one is logged and the default kept."""
        from checker.config.settings import parse_size

        self.initialization_options = dict(options) if isinstance(options, dict) else {}
        readers = {
            "maxSize": ("max_size", lambda value: parse_size(value, "maxSize"), "a size such as 1MB, or 0"),
            "timeLimit": ("time_limit", _seconds, "a number of seconds, or 0"),
            "maxSessions": ("max_sessions", _count, "a whole number of at least 1"),
        }
        for name, (attribute, read, expected) in readers.items():
            if name not in self.initialization_options:
                continue
            value = self.initialization_options[name]
            try:
                setattr(self, attribute, read(value))
            except (CheckerError, ValueError, TypeError, OverflowError):
                self.log(f"checker: initialization option {name}: expected {expected}, got {value!r}; "
                         f"using {getattr(self, attribute)}", error=True)

    def report_input(self, message: str) -> None:
        """A message dropped from the input (called from the thread that reads it): on standard
        error, and in the client's log once the client is known."""
        sys.stderr.write(message + "\n")
        sys.stderr.flush()
        loop = self.loop
        if loop is not None:
            with contextlib.suppress(RuntimeError):  # the loop has closed: the server is ending
                loop.call_soon_threadsafe(self.log, message, True)

    def status(self) -> dict[str, Any]:
        """What the server holds, for the ``checker/status`` request."""
        return {"sessions": len(self.sessions), "maxSessions": self.max_sessions, "documents": len(self.checked),
                "maxSize": self.max_size, "timeLimit": self.time_limit}

    def _register(self) -> None:
        from lsprotocol import types

        server = self.server

        @server.feature(types.INITIALIZE)
        def initialize(ls: Any, params: types.InitializeParams) -> None:
            self.loop = asyncio.get_running_loop()
            self.configure(params.initialization_options)

        @server.feature("checker/status")
        def status(ls: Any, params: Any) -> dict[str, Any]:
            return self.status()

        @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
        def did_open(ls: Any, params: types.DidOpenTextDocumentParams) -> None:
            self.publish(params.text_document.uri)

        @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
        def did_change(ls: Any, params: types.DidChangeTextDocumentParams) -> None:
            self.schedule(params.text_document.uri)

        @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
        def did_save(ls: Any, params: types.DidSaveTextDocumentParams) -> None:
            uri = params.text_document.uri
            if uri.endswith((".checker.yaml", ".checker.yml", "pyproject.toml", "checkerconf.py")):
                self.reload()
                return
            self.cancel(uri)
            self.publish(uri)

        @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
        def did_close(ls: Any, params: types.DidCloseTextDocumentParams) -> None:
            uri = params.text_document.uri
            self.cancel(uri)
            self.checked.pop(uri, None)
            server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

        @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]))
        def code_action(ls: Any, params: types.CodeActionParams) -> list[types.CodeAction]:
            only = params.context.only if params.context is not None else None
            uri = params.text_document.uri
            actions = self.code_actions(uri, params.range) if _asks_for(only, types.CodeActionKind.QuickFix) else []
            # Fixing re-checks the document round by round: done when an editor asks for source
            # actions (on save, or its "Source Action" menu), not on every move of the cursor.
            if only and _asks_for(only, FIX_ALL):
                actions += self.fix_all(uri)
            return actions

        @server.feature(types.TEXT_DOCUMENT_HOVER)
        def hover(ls: Any, params: types.HoverParams) -> types.Hover | None:
            return self.hover(params.text_document.uri, params.position)

        @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
        def did_change_configuration(ls: Any, params: types.DidChangeConfigurationParams) -> None:
            self.reload()


def _asks_for(only: Sequence[Any] | None, kind: Any) -> bool:
    """Whether a code action request limited to the kinds ``only`` (None: any) wants actions
    of ``kind``: a kind asked for covers the kinds below it ("source" covers "source.fixAll")."""
    if not only:
        return True
    wanted = str(getattr(kind, "value", kind))
    return any(wanted == asked or wanted.startswith(f"{asked}.")
               for asked in (str(getattr(item, "value", item)) for item in only))


def _changed_span(before: str, after: str, positions: Positions) -> Any:
    """One edit turning ``before`` into ``after``: the part between their common start and
    their common end, so an editor keeps the cursor and the folds of everything else. A CRLF
    is never cut in two."""
    from lsprotocol import types

    limit = min(len(before), len(after))
    start = 0
    while start < limit and before[start] == after[start]:
        start += 1
    if start and before[start - 1] == "\r":
        start -= 1
    end = 0
    while end < limit - start and before[-1 - end] == after[-1 - end]:
        end += 1
    cut = len(before) - end
    if end and before[cut] == "\n" and cut > start and before[cut - 1] == "\r":
        end -= 1
    first, last = positions.position(start), positions.position(len(before) - end)
    return types.TextEdit(range=types.Range(start=types.Position(*first), end=types.Position(*last)),
                          new_text=after[start:len(after) - end])


def _notice(code: str, message: str, severity: Any) -> Any:
    """A diagnostic about the document as a whole (how it was read, why it was not checked), at
    its first position."""
    from lsprotocol import types

    start = types.Range(start=types.Position(0, 0), end=types.Position(0, 0))
    return types.Diagnostic(range=start, message=message, code=code, source="checker", severity=severity)


def _seconds(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise ValueError(value)
    return float(value)


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(value)
    return value


def _protocol_class() -> type:
    """pygls's protocol, answering a request after ``shutdown`` as LSP says (pygls drops it,
    leaving the client waiting)."""
    from lsprotocol import types
    from pygls.exceptions import JsonRpcInvalidRequest
    from pygls.protocol import LanguageServerProtocol

    class CheckerProtocol(LanguageServerProtocol):
        @property
        def shut_down(self) -> bool:
            return bool(self._shutdown)

        def handle_message(self, message: Any) -> None:
            method = getattr(message, "method", None)
            ident = getattr(message, "id", None)
            if self._shutdown and method and method != types.EXIT and ident is not None:
                refused = JsonRpcInvalidRequest(f"the server has shut down: {method} is refused; only exit is accepted")
                self._send_response(ident, None, refused.to_response_error())
                return
            super().handle_message(message)

    return CheckerProtocol


#: A metadata header's line ("Title: ...", "Published: ..."): no directive goes above it.
_HEADER_LINE = compiled(r"[A-Za-z][\w -]{0,30}:[ \t]")
_MARKUP = (".md", ".markdown", ".html", ".htm")


def _suppression_edit(lines: list[str], header: int, crlf: bool, markup: bool, line: int, rule: str) -> Any:
    """An edit that puts ``checker-disable-next-line RULE`` on a line of its own above ``line``
    of the document's ``lines`` (an HTML comment in ``markup``, Markdown or HTML, square brackets
    in plain text), with the line's indentation
    and the document's line ending; None up to line ``header`` (``_header_end``), which a line
    above would break."""
    from lsprotocol import types

    if not header < line < len(lines):
        return None
    ending = "\r\n" if crlf else "\n"
    indent = lines[line][: len(lines[line]) - len(lines[line].lstrip(" \t"))]
    directive = (f"<!-- checker-disable-next-line {rule} -->" if markup else f"[checker-disable-next-line {rule}]")
    start = types.Position(line=line, character=0)
    return types.TextEdit(range=types.Range(start=start, end=start), new_text=f"{indent}{directive}{ending}")


def _header_end(lines: list[str], markup: bool) -> int:
    """The last line that no directive may go above (-1: none): the end of the metadata header
    ("Title: ..." lines up to the first blank line) or of the front matter (between "---" lines
    at the top), or, in plain text with neither, its first line, the headline."""
    if lines and lines[0].strip() == "---":
        return next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), len(lines))
    if lines and _HEADER_LINE.match(lines[0]):
        return next((i for i, text in enumerate(lines) if not text.strip()), len(lines)) - 1
    return -1 if markup else next((i for i, text in enumerate(lines) if text.strip()), 0)


#: Findings explained in one hover (a line three rules flag is rare; more would bury the first).
_HOVER_MOST = 3


def _first_paragraph(text: str) -> str:
    """A rule's description up to its first blank line, its lines joined."""
    return " ".join(text.strip().split("\n\n", 1)[0].split())


def _overlaps(span: Any, wanted: Any) -> bool:
    start = (span.start.line, span.start.character)
    end = (span.end.line, span.end.character)
    lo = (wanted.start.line, wanted.start.character)
    hi = (wanted.end.line, wanted.end.character)
    return start <= hi and lo <= end


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="checker lsp", description="Run the checker's language server on stdio.")
    parser.add_argument("--debounce", type=float, default=DEFAULT_DEBOUNCE,
                        help=f"seconds to wait after a change before checking (default {DEFAULT_DEBOUNCE})")
    options = parser.parse_args(argv)
    try:
        import pygls  # noqa: F401
    except ImportError:
        sys.stderr.write("checker: the language server needs pygls: pip install 'checker[lsp]'\n")
        return 4
    from checker.lsp_framing import FramedInput

    checker = CheckerServer(debounce=options.debounce)
    checker.server.start_io(stdin=FramedInput(sys.stdin.buffer, checker.report_input))  # type: ignore[arg-type]
    # LSP: 0 after shutdown then exit; 1 where the client exits (or goes) without shutdown.
    return 0 if checker.server.protocol.shut_down else 1  # type: ignore[attr-defined]
