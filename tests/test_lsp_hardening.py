"""The language server against hostile documents and clients (issue 26, group 10), driven over
raw JSON-RPC: this client writes the Content-Length framing itself, so it can also get it wrong.

Each case uses small limits (initialization options, the workspace's configuration), so a case
takes seconds; on a server without the bound, the client stops waiting after ``WAIT``.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls")

from lspclient import WAIT, LspClient, frame

SLOW_RULE = "id: team-slow\nkind: existence\ncategory: style\nmessage: m\nnonword: true\ntokens: ['(a+)+$']\n"
#: A line the slow rule's pattern backtracks on for ever, and a finding of a built-in rule.
STUCK_TEXT = "Title: Budget\n\n" + "a" * 3000 + "b\n\nShare this:\n"


@pytest.fixture
def start(tmp_path):
    clients: list[LspClient] = []

    def started(cwd: Path | None = None) -> LspClient:
        client = LspClient(cwd or tmp_path, "--debounce", "0.1", stderr=tmp_path / f"server-stderr-{len(clients)}.txt")
        clients.append(client)
        return client

    yield started
    for client in clients:
        client.kill()


def codes(diagnostics: list[dict[str, Any]]) -> list[str]:
    return sorted(d["code"] for d in diagnostics)


def slow_rule_workspace(root: Path, settings: str) -> Path:
    (root / "team").mkdir(parents=True)
    (root / "team" / "slow.yaml").write_text(SLOW_RULE, encoding="utf-8")
    (root / ".checker.yaml").write_text(settings + "rules: [team]\n", encoding="utf-8")
    return root


# ---- time limits ---------------------------------------------------------------------------


def test_a_rule_past_its_time_limit_is_a_diagnostic_naming_it_as_the_cli_exits_4(start, tmp_path):
    # The limit also bounds collecting the rules: 2 s leaves that room.
    workspace = slow_rule_workspace(tmp_path / "news", "time-limit: 2\nregex-timeout: 60\n")
    client = start(workspace)
    client.initialize(workspace)
    uri = client.open(workspace / "story.txt", STUCK_TEXT)
    diagnostics = client.diagnostics(uri)
    assert "boilerplate-share" in codes(diagnostics)  # the other rules still ran
    [skipped] = [d for d in diagnostics if d["code"] == "rule-error"]
    assert skipped["message"].startswith("rule team-slow (") and "time limit of 2 s" in skipped["message"]
    assert "skipped" in skipped["message"] and skipped["severity"] == 2
    assert "team-slow" in client.logged()
    # Checked again (saved): reported again, once, not piled up with the first check's.
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    again = codes(client.diagnostics(uri))
    assert "boilerplate-share" in again and again.count("rule-error") == 1
    assert client.stop() == 0
    cli = subprocess.run([sys.executable, "-m", "checker", "--no-cache", "story.txt"], cwd=workspace,
                         capture_output=True, timeout=60)
    assert cli.returncode == 4 and b"team-slow" in cli.stderr


def test_checking_one_document_stops_at_the_servers_time_limit_and_it_answers_at_once(start, tmp_path):
    workspace = slow_rule_workspace(tmp_path / "news", "time-limit: 60\nregex-timeout: 60\n")
    client = start(workspace)
    client.initialize(workspace, {"timeLimit": 0.5})
    sent = time.monotonic()
    uri = client.open(workspace / "story.txt", STUCK_TEXT)
    [stopped] = client.diagnostics(uri)
    assert time.monotonic() - sent < 5
    assert stopped["code"] == "not-checked" and "0.5 s" in stopped["message"] and "timeLimit" in stopped["message"]
    sent = time.monotonic()
    assert client.request("checker/status")["timeLimit"] == 0.5
    assert time.monotonic() - sent < 2
    # A document the rules get through is checked as usual.
    other = client.open(workspace / "other.txt", "Title: Budget\n\nThe council met.\n\nShare this:\n")
    assert "boilerplate-share" in codes(client.diagnostics(other))
    assert client.stop() == 0


# ---- document size -------------------------------------------------------------------------


def test_a_3000_row_results_table_is_checked_under_200_mb(start, tmp_path):
    from conftest import high_water_kb, results_table

    client = start()
    client.initialize(tmp_path)
    uri = client.open(tmp_path / "results.md", results_table(3000))
    diagnostics = client.diagnostics(uri, wait=60)
    assert not [d for d in diagnostics if d["code"] in ("rule-error", "not-checked")], diagnostics
    assert high_water_kb(client.process.pid) < 200 * 1024
    assert client.stop() == 0



def test_a_20_mb_document_is_not_checked_and_does_not_block_the_server(start, tmp_path):
    client = start()
    client.initialize(tmp_path)
    text = "Title: Budget\n\n" + "The council met on Tuesday and the vote was close.\n\n" * 400_000
    assert len(text) > 20_000_000
    sent = time.monotonic()
    uri = client.open(tmp_path / "huge.txt", text)
    [refused] = client.diagnostics(uri, wait=20)
    assert refused["code"] == "not-checked" and "maxSize" in refused["message"]
    assert f"{len(text):,} bytes" in refused["message"]
    assert refused["range"]["start"] == {"line": 0, "character": 0}
    asked = time.monotonic()
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "context": {"diagnostics": []},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}}})
    assert actions == [] and time.monotonic() - asked < 2
    assert time.monotonic() - sent < 20
    assert client.stop() == 0


def test_max_size_comes_from_initialization_options(start, tmp_path):
    client = start()
    client.initialize(tmp_path, {"maxSize": "10KB", "maxSessions": "many"})
    big = client.open(tmp_path / "big.txt", "Title: Budget\n\n" + "The council met.\n\n" * 1200 + "Share this:\n")
    [refused] = client.diagnostics(big)
    assert refused["code"] == "not-checked" and "10,240 bytes" in refused["message"]
    small = client.open(tmp_path / "small.txt", "Title: Budget\n\nThe council met.\n\nShare this:\n")
    assert "boilerplate-share" in codes(client.diagnostics(small))
    # A value that is not one is logged, and its default kept.
    assert "maxSessions" in client.logged() and client.request("checker/status")["maxSessions"] >= 1
    assert client.stop() == 0


# ---- sessions ------------------------------------------------------------------------------


def test_folders_without_configuration_share_one_session(start, tmp_path):
    client = start()
    client.initialize(None)
    for index in range(60):
        folder = tmp_path / f"folder{index:02d}"
        folder.mkdir()
        uri = client.open(folder / "story.txt", f"Title: Story {index}\n\nThe council met.\n\nShare this:\n")
        assert "boilerplate-share" in codes(client.diagnostics(uri))
    status = client.request("checker/status")
    assert status["sessions"] == 1 and status["documents"] == 60
    assert client.stop() == 0


def test_sessions_are_bounded_least_recently_used_first(start, tmp_path):
    client = start()
    client.initialize(None, {"maxSessions": 3})
    uris = []
    for index in range(6):
        folder = tmp_path / f"desk{index}"
        folder.mkdir()
        # Each folder its own configuration: the even ones ignore the boilerplate rules.
        ignored = "[boilerplate]" if index % 2 == 0 else "[]"
        (folder / ".checker.yaml").write_text(f"ignore: {ignored}\n", encoding="utf-8")
        uris.append(client.open(folder / "story.txt", "Title: Budget\n\nThe council met.\n\nShare this:\n"))
        assert ("boilerplate-share" in codes(client.diagnostics(uris[-1]))) == (index % 2 == 1)
        assert client.request("checker/status")["sessions"] == min(index + 1, 3)
    # The first folder's session was dropped; checked again, its configuration still holds.
    client.notify("textDocument/didSave", {"textDocument": {"uri": uris[0]}})
    assert "boilerplate-share" not in codes(client.diagnostics(uris[0]))
    status = client.request("checker/status")
    assert status == {**status, "sessions": 3, "maxSessions": 3, "documents": 6}
    assert client.stop() == 0


# ---- framing -------------------------------------------------------------------------------


LOST = frame({"id": 99, "method": "shutdown"})
LOST_BODY = LOST.partition(b"\r\n\r\n")[2]


@pytest.mark.parametrize(("case", "data"), [pytest.param(case, data, id=case) for case, data in [
    ("missing Content-Length", b"Content-Type: application/vscode-jsonrpc\r\n\r\n" + LOST_BODY),
    ("negative Content-Length", b"Content-Length: -5\r\n\r\n" + LOST_BODY),
    ("non-numeric Content-Length", b"Content-Length: twelve\r\n\r\n" + LOST_BODY),
    ("too large Content-Length", b"Content-Length: 99999999999\r\n\r\n" + LOST_BODY),
    ("Content-Length longer than the body", b"Content-Length: 5000\r\n\r\n" + LOST_BODY),
    ("Content-Length shorter than the body", b"Content-Length: 10\r\n\r\n" + LOST_BODY),
    # No line break before the next header: it starts mid-line.
    ("bytes that are no message", b"\x00\xff garbage {" * 1000),
]])
def test_malformed_framing_drops_the_message_and_the_next_request_is_answered(start, tmp_path, case, data):
    client = start()
    client.initialize(tmp_path)
    client.write(data)
    sent = time.monotonic()
    ident = client.send_request("shutdown")
    assert client.answer(ident)["result"] is None, case
    assert time.monotonic() - sent < 5
    client.notify("exit", None)
    assert client.process.wait(timeout=WAIT) == 0
    client.drain(0.2)
    assert 99 not in client.answers  # the malformed message was dropped, not half-read
    logged = client.logged()
    assert "checker: dropped a message" in logged or "checker: skipped" in logged
    stderr = client.stderr()
    assert "MemoryError" not in stderr and "Traceback" not in stderr


# ---- shutdown and exit ---------------------------------------------------------------------


def test_a_request_after_shutdown_is_refused_and_exit_then_exits_0(start, tmp_path):
    client = start()
    client.initialize(tmp_path)
    assert client.request("shutdown") is None
    refused = client.answer(client.send_request("textDocument/hover", {
        "textDocument": {"uri": (tmp_path / "a.txt").as_uri()}, "position": {"line": 0, "character": 0}}))
    assert refused["error"]["code"] == -32600  # InvalidRequest
    assert "shut down" in refused["error"]["message"]
    client.notify("exit", None)
    assert client.process.wait(timeout=WAIT) == 0


def test_exit_without_shutdown_exits_1(start, tmp_path):
    client = start()
    client.initialize(tmp_path)
    client.notify("exit", None)
    assert client.process.wait(timeout=WAIT) == 1


# ---- configuration that does not load ------------------------------------------------------


def test_a_configuration_that_does_not_load_is_a_diagnostic_until_it_is_fixed(start, tmp_path):
    """An editor user sees no log: a .checker.yaml that cannot be read, or a team rule that does
    not load, is said on each document it would have checked, while the built-in rules still run;
    once the file is fixed and the server told, the notice goes."""
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / ".checker.yaml").write_text("select: [unclosed\n", encoding="utf-8")
    team = tmp_path / "team"
    (team / "rules").mkdir(parents=True)
    (team / "rules" / "bad.yaml").write_text("id: team-bad\nkind: existence\ncategory: style\nmessage: m\n"
                                             "tokens: ['(unclosed']\n", encoding="utf-8")
    (team / ".checker.yaml").write_text("rules: [rules]\n", encoding="utf-8")
    client = start()
    client.initialize(None)
    story = "Title: Ferry timetable\n\nThe new timetable starts in May.\n\nShare this:\n"
    first = client.open(broken / "story.txt", story)
    found = client.diagnostics(first)
    assert "config-error" in codes(found) and "boilerplate-share" in codes(found)
    notice = next(d for d in found if d["code"] == "config-error")
    assert ".checker.yaml" in notice["message"] and "built-in rules" in notice["message"]
    second = client.open(team / "story.txt", story)
    found = client.diagnostics(second)
    assert "rule-error" in codes(found) and "boilerplate-share" in codes(found)
    assert "team-bad" in next(d for d in found if d["code"] == "rule-error")["message"]
    # Each document of the folder says so, not only the first one opened.
    third = client.open(broken / "other.txt", story)
    assert "config-error" in codes(client.diagnostics(third))
    (broken / ".checker.yaml").write_text("select: ['*']\n", encoding="utf-8")
    client.notify("workspace/didChangeConfiguration", {"settings": {}})
    assert "config-error" not in codes(client.diagnostics(first))
    assert client.stop() == 0


# ---- how a document was read ---------------------------------------------------------------


def test_a_page_its_extractor_cannot_read_says_how_it_was_read_as_information(start, tmp_path):
    """The command line says once on standard error that a page was read by the markup rules;
    an editor shows it with the document, as information, each time it is checked."""
    page = ("<html><body><article><h1>Quay wall finished</h1>" + "<div>" * 400
            + "<p>The new wall is two metres high and runs along the whole quay.</p><p>Share this:</p>"
            + "</div>" * 400 + "</article></body></html>")
    client = start()
    client.initialize(tmp_path)
    uri = client.open(tmp_path / "quay.html", page, language="html")
    diagnostics = client.diagnostics(uri)
    [note] = [d for d in diagnostics if d["code"] == "reading-note"]
    assert "256 levels" in note["message"] and "markup rules" in note["message"] and note["severity"] == 3
    assert "boilerplate-share" in codes(diagnostics)  # and the page is still checked
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert codes(client.diagnostics(uri)).count("reading-note") == 1
    assert client.stop() == 0


# ---- failures of the checker itself --------------------------------------------------------


def test_a_check_that_fails_is_said_on_the_document_and_in_the_log(monkeypatch):
    """A bug of the checker's (here, one made on purpose) must not leave an editor showing no
    diagnostics, which reads as a clean article: the document says it was not checked."""
    from types import SimpleNamespace

    from checker.lsp import CheckerServer

    server = CheckerServer()
    published: list[Any] = []
    logged: list[Any] = []
    document = SimpleNamespace(version=7)
    monkeypatch.setattr(server.server, "text_document_publish_diagnostics", published.append)
    monkeypatch.setattr(server.server, "window_log_message", logged.append)
    monkeypatch.setattr(type(server.server), "workspace",
                        property(lambda _: SimpleNamespace(get_text_document=lambda uri: document)))

    def broken(uri: str) -> Any:
        raise KeyError("segments")

    monkeypatch.setattr(server, "check", broken)
    server.publish("file:///news/story.txt")
    [params] = published
    [notice] = params.diagnostics
    assert params.uri == "file:///news/story.txt" and params.version == 7
    assert notice.code == "internal-error" and notice.message.startswith("not checked: internal error (KeyError")
    assert "story.txt" in logged[0].message and "KeyError" in logged[0].message
