"""The language server, driven as an editor drives it: JSON-RPC over a subprocess's stdio."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import high_water_kb, record_case

pytest.importorskip("pygls")

from lspclient import LspClient

TIMEOUT = 30.0


class Client(LspClient):
    """The server as ``test_lsp`` drives it: a 0.2 s debounce, diagnostics by version."""

    def __init__(self, cwd: Path) -> None:
        super().__init__(cwd, "--debounce", "0.2", wait=TIMEOUT)

    def diagnostics(self, uri: str, version: int | None = None) -> list[dict[str, Any]]:  # type: ignore[override]
        """The next diagnostics published for ``uri`` (for ``version``, when given); those
        published before them are dropped."""
        return super().diagnostics(uri, version=version, drop_earlier=True)

    def close(self) -> int:
        return self.stop()


def utf16_index(text: str, line: int, character: int) -> int:
    """The code-point offset of an LSP position (UTF-16 units; lines end at CR, LF or CRLF)."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    index = starts[line]
    units = 0
    while units < character:
        units += 2 if ord(text[index]) > 0xFFFF else 1
        index += 1
    return index


def apply_edits(text: str, edits: list[dict[str, Any]]) -> str:
    spans = []
    for edit in edits:
        start = utf16_index(text, edit["range"]["start"]["line"], edit["range"]["start"]["character"])
        end = utf16_index(text, edit["range"]["end"]["line"], edit["range"]["end"]["character"])
        spans.append((start, end, edit["newText"]))
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


HEADLINE = "Storm closes schools across the county"
# Emoji (two UTF-16 units each), an accented letter and a Unicode line separator (a line break
# for the checker's line numbers but not for LSP) sit before findings on their lines.
TEXT = (f"Title: {HEADLINE}\r\n\r\n{HEADLINE}\r\n\r\n"
        "🙂🙂 Café\u2028owners said USA officials met the the mayor.\r\n\r\n"
        "Share this:\r\n")


@pytest.fixture
def workspace(tmp_path):
    (tmp_path / ".checker.yaml").write_text("ignore: [style-repeated-word]\n", encoding="utf-8")
    return tmp_path


@pytest.fixture
def client(workspace):
    client = Client(workspace)
    result = client.request("initialize", {
        "processId": None, "rootUri": workspace.as_uri(),
        "capabilities": {"general": {"positionEncodings": ["utf-16"]},
                         "textDocument": {"publishDiagnostics": {"relatedInformation": True},
                                          "codeAction": {"codeActionLiteralSupport": {
                                              "codeActionKind": {"valueSet": ["quickfix"]}}}}},
    })
    assert result["capabilities"]["codeActionProvider"]
    client.notify("initialized", {})
    yield client
    if client.process.poll() is None:
        client.process.kill()


def open_document(client: Client, path: Path, text: str, language: str = "plaintext") -> str:
    path.write_text(text, encoding="utf-8", newline="")
    uri = path.as_uri()
    client.notify("textDocument/didOpen",
                  {"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}})
    return uri


def by_code(diagnostics: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {d["code"]: d for d in reversed(diagnostics)}


def test_open_publishes_diagnostics_with_codes_links_related_and_utf16_ranges(client, workspace):
    uri = open_document(client, workspace / "story.txt", TEXT)
    diagnostics = by_code(client.diagnostics(uri, 1))
    assert {"duplicate-headline", "entity-state-name-as-adjective", "boilerplate-share"} <= set(diagnostics)
    assert "style-repeated-word" not in diagnostics  # the workspace's .checker.yaml ignores it
    usa = diagnostics["entity-state-name-as-adjective"]
    # Line 4 in LSP terms (the U+2028 does not break a line); "USA" after two emoji counts 2 units each.
    start = TEXT.split("\r\n")[4].index("USA") + 2
    assert usa["range"] == {"start": {"line": 4, "character": start}, "end": {"line": 4, "character": start + 3}}
    assert usa["source"] == "checker" and usa["severity"] == 1
    assert usa["codeDescription"]["href"].endswith("/docs/rules/entity-state-name-as-adjective.md")
    headline = diagnostics["duplicate-headline"]
    assert headline["range"]["start"] == {"line": 2, "character": 0}
    [related] = headline["relatedInformation"]
    assert related["location"]["uri"] == uri and related["location"]["range"]["start"] == {"line": 0, "character": 7}
    assert client.close() == 0


def actions_for(client: Client, uri: str, diagnostic: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The code actions offered for ``diagnostic``, by title."""
    found = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": diagnostic["range"], "context": {"diagnostics": [diagnostic]}})
    return {action["title"]: action for action in found}


def apply_and_recheck(client: Client, uri: str, text: str, action: dict[str, Any], version: int) -> tuple[str, Any]:
    """``action``'s edits applied to ``text`` and sent as the document's ``version``: the new
    text and its diagnostics."""
    changed = apply_edits(text, action["edit"]["changes"][uri])
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                             "contentChanges": [{"text": changed}]})
    return changed, client.diagnostics(uri, version)


def test_code_action_applies_a_suggestion_and_change_republishes(client, workspace):
    uri = open_document(client, workspace / "story.txt", TEXT)
    diagnostics = by_code(client.diagnostics(uri, 1))
    share = diagnostics["boilerplate-share"]
    [action] = [a for title, a in actions_for(client, uri, share).items()
                if "boilerplate-share" in title and not title.startswith("Disable")]
    assert action["kind"] == "quickfix" and action["isPreferred"] is True
    text, published = apply_and_recheck(client, uri, TEXT, action, 2)
    assert text == TEXT.replace("\r\n\r\nShare this:\r\n", "\r\n")
    after = by_code(published)
    assert "boilerplate-share" not in after and "duplicate-headline" in after
    # A finding with a suggestion but an unsafe fix is offered too, not preferred.
    usa = after["entity-state-name-as-adjective"]
    replacements = {title for title in actions_for(client, uri, usa)
                    if "entity-state-name-as-adjective" in title and not title.startswith("Disable")}
    assert replacements == {"Replace with 'U.S.' (entity-state-name-as-adjective)",
                            "Replace with 'American' (entity-state-name-as-adjective)"}
    assert client.close() == 0


def source_actions(client: Client, uri: str, only: list[str] | None) -> list[dict[str, Any]]:
    """The code actions asked for over the whole document, of the kinds ``only`` (None: any)."""
    context: dict[str, Any] = {"diagnostics": []}
    if only is not None:
        context["only"] = only
    return client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0},
                                                 "end": {"line": 99, "character": 0}}, "context": context})


def test_fix_all_on_save_gives_the_text_fix_writes(client, workspace):
    uri = open_document(client, workspace / "story.txt", TEXT)
    client.diagnostics(uri, 1)
    # Asked for as an editor asks on save ("source.fixAll") or from its Source Action menu.
    for only in (["source.fixAll"], ["source"], ["source.fixAll.checker"]):
        [action] = source_actions(client, uri, only)
        assert action["kind"] == "source.fixAll.checker" and action["title"].startswith("Fix all safe fixes")
    [edit] = action["edit"]["changes"][uri]
    fixed = apply_edits(TEXT, [edit])
    # What `checker --fix` makes of the same text, with the same configuration.
    cli = subprocess.run([sys.executable, "-m", "checker", "--no-cache", "-q", "--fix", "-",
                          "--stdin-filename", "story.txt"], input=TEXT.encode("utf-8"), cwd=workspace,
                         capture_output=True, check=False)
    assert fixed == cli.stdout.decode("utf-8") != TEXT
    assert edit["range"]["start"]["line"] > 0  # only the changed part is replaced, not the whole text
    # Not offered with the quick fixes (asking for any kind, or for quick fixes), whose request
    # comes with every move of the cursor; nor where nothing is left that is safe to fix.
    for only in (None, ["quickfix"]):
        kinds = [a["kind"] for a in source_actions(client, uri, only)]
        assert kinds and set(kinds) == {"quickfix"}
    apply_and_recheck(client, uri, TEXT, action, 2)
    assert source_actions(client, uri, ["source.fixAll"]) == []
    assert client.close() == 0


def test_a_finding_can_be_disabled_for_its_line_from_the_editor(client, workspace):
    uri = open_document(client, workspace / "story.txt", TEXT)
    share = by_code(client.diagnostics(uri, 1))["boilerplate-share"]
    action = actions_for(client, uri, share)["Disable boilerplate-share for this line"]
    assert action["kind"] == "quickfix" and not action.get("isPreferred")
    text, published = apply_and_recheck(client, uri, TEXT, action, 2)
    assert text == TEXT.replace("Share this:\r\n", "[checker-disable-next-line boilerplate-share]\r\nShare this:\r\n")
    after = by_code(published)
    assert "boilerplate-share" not in after and "duplicate-headline" in after
    assert all(d["range"]["start"]["line"] != share["range"]["start"]["line"] for d in after.values())

    # In plain text the directive's line is no part of the paragraph it stands above: a repeated
    # paragraph is left alone, not reported again from the directive's line.
    said = ("The pier will stay shut until engineers have checked every pile beneath the deck, a job the council "
            "expects to take most of the summer because divers can only work at low tide.")
    repeat = f"Title: Pier shut\n\n{said}\n\nThe council said repairs could take a month.\n\n{said}\n"
    pier = open_document(client, workspace / "shut.txt", repeat)
    [again] = [d for d in client.diagnostics(pier, 1) if d["code"] == "duplicate-paragraph"]
    assert again["range"]["start"]["line"] == 6
    action = actions_for(client, pier, again)["Disable duplicate-paragraph for this line"]
    _, published = apply_and_recheck(client, pier, repeat, action, 2)
    assert [d for d in published if d["code"].startswith("duplicate")] == []

    # Markdown takes the directive as an HTML comment, indented as the line is.
    story = "# Pier closed\n\nThe pier closed on Friday after storm damage.\n\n  Like this:\n"
    md = open_document(client, workspace / "pier.md", story, "markdown")
    [like] = [d for d in client.diagnostics(md, 1) if d["range"]["start"]["line"] == 4]
    action = actions_for(client, md, like)[f"Disable {like['code']} for this line"]
    fixed, published = apply_and_recheck(client, md, story, action, 2)
    assert fixed.endswith(f"\n\n  <!-- checker-disable-next-line {like['code']} -->\n  Like this:\n")
    assert [d for d in published if d["range"]["start"]["line"] >= 4] == []
    assert client.close() == 0


def test_no_directive_is_offered_inside_the_metadata_header(client, workspace):
    text = "Title: Ferry timetable cut\nPublished: 2026-02-30\n\nThe island ferry will run four times a day.\n"
    uri = open_document(client, workspace / "ferry.txt", text)
    [date] = [d for d in client.diagnostics(uri, 1) if d["range"]["start"]["line"] == 1]
    assert not [title for title in actions_for(client, uri, date) if title.startswith("Disable")]
    # Plain text with no header: its first line is the headline, which a line above would replace.
    spun = "USA officials inspect the ferry port\n\nThe island ferry will run four times a day, the operator said.\n"
    uri = open_document(client, workspace / "spun.txt", spun)
    [name] = [d for d in client.diagnostics(uri, 1) if d["range"]["start"]["line"] == 0]
    assert not [title for title in actions_for(client, uri, name) if title.startswith("Disable")]
    assert client.close() == 0


def test_hover_explains_the_findings_under_the_cursor_and_nothing_elsewhere(client, workspace):
    uri = open_document(client, workspace / "story.txt", TEXT)
    share = by_code(client.diagnostics(uri, 1))["boilerplate-share"]
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": share["range"]["start"]})
    assert hover["contents"]["kind"] == "markdown"
    value = hover["contents"]["value"]
    assert value.startswith("**boilerplate-share** (boilerplate, error)")
    assert share["message"] in value and share["codeDescription"]["href"] in value
    assert "[The rule's page]" in value and len(value.split("\n\n")) >= 4  # what the rule catches, too
    # Between findings (the blank second line of the document) there is nothing to explain.
    assert client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": 1, "character": 0}}) is None
    assert client.close() == 0


def test_changes_are_debounced_and_the_last_diagnostics_match_the_final_text(client, workspace):
    uri = open_document(client, workspace / "story.md", "# Budget\n\nThe council met.\n", "markdown")
    assert client.diagnostics(uri, 1) == []
    text = "# Budget\n\nThe council met.\n"
    for version in range(2, 32):
        text += "Share this:\n" if version == 31 else "x"
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                 "contentChanges": [{"text": text}]})
    client.drain(1.0)
    published = [m["params"] for m in client.notifications if m.get("method") == "textDocument/publishDiagnostics"]
    # 30 changes in a burst: checked once the typing stopped, not 30 times.
    assert 1 <= len(published) <= 3 and published[-1]["version"] == 31
    final = client.diagnostics(uri, 31)
    assert [d["code"] for d in final] == ["boilerplate-share"]
    client.drain(0.5)
    published = [m for m in client.notifications if m.get("method") == "textDocument/publishDiagnostics"]
    assert published == []  # nothing after the final text's diagnostics, and no stale ones came late
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert [d["code"] for d in client.diagnostics(uri)] == ["boilerplate-share"]
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []
    assert client.close() == 0


def test_a_burst_of_500_changes_leaves_the_server_responsive_and_right(client, workspace):
    """500 didChange notifications as fast as the pipe takes them, each a different text:
    the server answers a request right after, and its last diagnostics are those of the
    final text, as the command line finds them."""
    from checker.engine.startup import open_session

    uri = open_document(client, workspace / "burst.txt", "Title: Budget\n\nThe council met.\n")
    assert client.diagnostics(uri, 1) == []
    lines = ["USA officials said the vote was close.", "Share this:", "The council met again.",
             "Like this:", "Russian Federation soldiers were not involved."]
    text = ""
    for version in range(2, 502):
        text = "Title: Budget\n\n" + "\n\n".join(lines[: version % 6]) + f"\n\nRevision {version}.\n"
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                 "contentChanges": [{"text": text}]})
    sent = time.monotonic()
    client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "context": {"diagnostics": []},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 99, "character": 0}}})
    answered = time.monotonic() - sent
    final = client.diagnostics(uri, 501)
    session = open_session({}, cwd=workspace)
    expected = session.check_text(str(workspace / "burst.txt"), text).findings
    assert sorted((d["code"], d["range"]["start"]["line"]) for d in final) == \
        sorted((f.rule, f.location.line - 1) for f in expected)
    assert expected  # the final text has findings, so the comparison means something
    record_case("LSP: 500 rapid didChange, then a request", "answered", answered,
                high_water_kb(client.process.pid) / 1024, f"{len(final)} diagnostics for version 501")
    client.drain(0.5)
    assert [m for m in client.notifications if m.get("method") == "textDocument/publishDiagnostics"] == []
    assert client.close() == 0
