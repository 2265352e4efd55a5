"""One JSON-RPC client for the language-server tests: an editor as the server sees it, bytes on
its standard input and Content-Length frames read from its output. It writes the framing
itself, so a test can also get it wrong on purpose (``write``)."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

#: Seconds to wait for an answer the server owes.
WAIT = 10.0


def frame(message: dict[str, Any]) -> bytes:
    body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class LspClient:
    """``checker lsp`` in a subprocess. Requests from the server are answered with null;
    notifications are kept in order in ``notifications``, answers by id."""

    def __init__(self, cwd: Path, *arguments: str, stderr: Path | None = None,
                 environment: dict[str, str] | None = None, wait: float = WAIT) -> None:
        self.stderr_path = stderr
        self.wait = wait
        sink: IO[bytes] | int = stderr.open("wb") if stderr else subprocess.PIPE
        self.process = subprocess.Popen([sys.executable, "-m", "checker", "lsp", *arguments], cwd=cwd,
                                        env=environment, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=sink)
        if stderr:
            sink.close()  # type: ignore[union-attr]
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []
        self.answers: dict[Any, dict[str, Any]] = {}
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            assert length is not None
            self.messages.put(json.loads(stream.read(length)))

    # ---- sending ------------------------------------------------------------------------
    def write(self, data: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message: dict[str, Any]) -> None:
        self.write(frame(message))

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def send_request(self, method: str, params: Any = None) -> int:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.next_id

    # ---- receiving ----------------------------------------------------------------------
    def _take(self, timeout: float) -> None:
        message = self.messages.get(timeout=max(0.01, timeout))
        if "method" in message and "id" in message:  # a request from the server: answer it
            self.send({"id": message["id"], "result": None})
        elif "method" in message:
            self.notifications.append(message)
        else:
            self.answers[message.get("id")] = message

    def _until(self, found: Callable[[], Any], wait: float | None, what: str) -> Any:
        deadline = time.monotonic() + (self.wait if wait is None else wait)
        while True:
            result = found()
            if result is not None:
                return result
            try:
                self._take(deadline - time.monotonic())
            except queue.Empty:
                raise AssertionError(f"{what} within {self.wait if wait is None else wait} s"
                                     f"{self.server_side()}") from None

    def server_side(self) -> str:
        """What the server said meanwhile (its log, the end of its standard error): a failure
        on a CI machine nobody can log in to has to explain itself."""
        told = [f"\nserver log: {self.logged()[-2000:]}"] if self.logged() else []
        if self.stderr_path is not None and self.stderr_path.exists():
            told.append(f"\nserver stderr: {self.stderr_path.read_text('utf-8', 'replace')[-2000:]}")
        return "".join(told)

    def answer(self, ident: int, wait: float | None = None) -> dict[str, Any]:
        """The whole response to request ``ident`` (its result or its error)."""
        return self._until(lambda: self.answers.pop(ident, None), wait, f"no answer to request {ident}")

    def request(self, method: str, params: Any = None, wait: float | None = None) -> Any:
        response = self.answer(self.send_request(method, params), wait)
        assert "error" not in response, response
        return response.get("result")

    def drain(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                self._take(end - time.monotonic())
            except queue.Empty:
                return

    def diagnostics(self, uri: str, wait: float | None = None, version: int | None = None,
                    drop_earlier: bool = False) -> list[dict[str, Any]]:
        """The next diagnostics published for ``uri`` (for ``version``, when given); with
        ``drop_earlier``, the notifications before them are dropped too."""
        def published() -> list[dict[str, Any]] | None:
            for index, message in enumerate(self.notifications):
                params = message.get("params") or {}
                if message["method"] == "textDocument/publishDiagnostics" and params.get("uri") == uri and (
                        version is None or params.get("version") == version):
                    del self.notifications[0 if drop_earlier else index: index + 1]
                    return params["diagnostics"]
            return None

        return self._until(published, wait, f"no diagnostics for {uri} version {version}")

    def logged(self) -> str:
        return "\n".join(m["params"]["message"] for m in self.notifications if m["method"] == "window/logMessage")

    # ---- an editor's steps --------------------------------------------------------------
    def initialize(self, root: Path | None, options: dict[str, Any] | None = None,
                   capabilities: dict[str, Any] | None = None) -> Any:
        params: dict[str, Any] = {"processId": None, "rootUri": root.as_uri() if root else None,
                                  "capabilities": capabilities or {}}
        if options is not None:
            params["initializationOptions"] = options
        result = self.request("initialize", params)
        self.notify("initialized", {})
        return result

    def open(self, path: Path, text: str, language: str = "plaintext", write: bool = True) -> str:
        if write:
            path.write_text(text, encoding="utf-8", newline="")
        uri = path.as_uri()
        self.notify("textDocument/didOpen",
                    {"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}})
        return uri

    def stop(self) -> int:
        """Shut the server down as an editor does: its exit status."""
        self.request("shutdown")
        self.notify("exit", None)
        return self.process.wait(timeout=self.wait)

    def stderr(self) -> str:
        if self.stderr_path is not None:
            return self.stderr_path.read_text(encoding="utf-8", errors="replace")
        assert self.process.stderr is not None
        return self.process.stderr.read().decode("utf-8", "replace")

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
