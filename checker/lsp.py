"""``checker lsp``: a Language Server Protocol server over standard input and output.

Built on pygls (install ``checker[lsp]``). It publishes diagnostics for open Markdown and
text documents when one is opened or saved, and after a pause in typing (debounced), with
the rule id as the code, a link to the rule's page, the other place of a two-place finding
as related information, and quick fixes that apply a finding's suggestion. Positions are
converted from the checker's code points to the negotiated encoding (UTF-16 unless the
client offers another) and LSP's own line breaks. The project's configuration is read
from the document's folder upwards, as the command line reads it.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.about import __version__
from checker.errors import CheckerError
from checker.finding import Finding, Location
from checker.patterns.compiled import compiled

#: Seconds of quiet after a change before the document is checked again.
DEFAULT_DEBOUNCE = 0.3
LANGUAGES = {"markdown": ".md", "plaintext": ".txt", "text": ".txt"}
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


class CheckerServer:
    """The state behind the pygls server: sessions per configuration, last results per document."""

    def __init__(self, debounce: float = DEFAULT_DEBOUNCE) -> None:
        from pygls.lsp.server import LanguageServer

        self.server = LanguageServer("checker", __version__)
        self.debounce = debounce
        self.sessions: dict[str, Any] = {}
        self.link_tables: dict[int, dict[str, str]] = {}
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self._register()

    # ---- sessions ----------------------------------------------------------------------
    def session_for(self, path: str) -> Any:
        from checker.config.settings import find_config_file
        from checker.engine.startup import open_session

        folder = Path(path).resolve().parent if Path(path).is_absolute() else self.root()
        found, _ = find_config_file(folder)
        key = str(found or folder)
        if key not in self.sessions:
            try:
                session = open_session({}, cwd=folder)
            except CheckerError as error:
                self.log(f"checker: {error}", error=True)
                session = open_session({"no_config": True}, cwd=folder)
            for problem in session.config.problems:
                self.log(f"checker: {problem.kind} error: {problem.message}", error=True)
            self.sessions[key] = session
        return self.sessions[key]

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
        result = session.check_text(path, text)
        if result.error:
            self.log(f"checker: {path}: {result.error}", error=True)
        checked = Checked(document.version, text, result.findings, Positions(text, self.encoding()))
        self.checked[uri] = checked
        return checked, session

    def publish(self, uri: str) -> None:
        from lsprotocol import types

        checked, session = self.check(uri)
        links = self.links(session)
        diagnostics = [self.diagnostic(uri, f, checked.positions, links.get(f.rule) or session.config.rule_url(f.rule))
                       for f in checked.findings]
        self.server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=checked.version))

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
        checked = self.checked.get(uri)
        if checked is None or checked.version != document.version or checked.text != document.source:
            checked, _ = self.check(uri)
        positions = checked.positions
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
            for title, text_edits, preferred in edits:
                actions.append(types.CodeAction(
                    title=title, kind=types.CodeActionKind.QuickFix, is_preferred=preferred,
                    edit=types.WorkspaceEdit(changes={uri: text_edits}),
                ))
        return actions

    # ---- protocol ----------------------------------------------------------------------
    def _register(self) -> None:
        from lsprotocol import types

        server = self.server

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
                        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
        def code_action(ls: Any, params: types.CodeActionParams) -> list[types.CodeAction]:
            return self.code_actions(params.text_document.uri, params.range)

        @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
        def did_change_configuration(ls: Any, params: types.DidChangeConfigurationParams) -> None:
            self.reload()


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
    CheckerServer(debounce=options.debounce).server.start_io()
    return 0
