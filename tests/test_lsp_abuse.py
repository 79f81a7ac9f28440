"""`pladlint lsp` under abuse, end to end over stdio: the real program (`python -m pladlint lsp`)
in a subprocess, spoken to in JSON-RPC with Content-Length framing by a small client below.

Malformed messages get JSON-RPC errors and the server goes on; unknown methods get
MethodNotFound (requests) or nothing (notifications); a 5 MB page, 1,000 rapid edits, a page
closed mid-check and a configuration file that breaks while open are all survived; and
`shutdown` + `exit` ends the process with status 0 and nothing on standard error, `exit`
alone with 1 (the LSP specification)."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable

import pytest

pytest.importorskip("pygls")

ROOT = Path(__file__).resolve().parent.parent
PAGE = ("# Before your scan\n\n"
        "Stop eating six hours prior to the scan. Your nurse checks you.\n\n"
        "![](scan.png)\n")
# Generous for a loaded machine: each wait returns as soon as its answer arrives.
TIMEOUT = float(os.environ.get("PLADLINT_LSP_TEST_TIMEOUT") or 60)


class Server:
    """`pladlint lsp` in a subprocess, with a thread collecting everything it sends."""

    def __init__(self, cwd: Path, *args: str, env: dict | None = None) -> None:
        full_env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), **(env or {}))
        full_env.pop("PLADLINT_LSP_DEBUG", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "pladlint", "lsp", *args], cwd=cwd, env=full_env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.inbox: queue.Queue = queue.Queue()
        self.seen: list[dict] = []  # every message received, in order
        self.raw_errors: list[str] = []  # framing problems in what the server sent
        self.next_id = 0
        self.stderr = b""
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                if line == b"\r\n":
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            length = int(headers["content-length"])
            body = out.read(length)
            try:
                self.inbox.put(json.loads(body))
            except ValueError as exc:
                self.raw_errors.append(f"{exc}: {body[:100]!r}")

    # -- sending ----------------------------------------------------------------------------

    def send_raw(self, data: bytes) -> None:
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    @staticmethod
    def frame(message: dict | bytes) -> bytes:
        body = message if isinstance(message, bytes) else json.dumps(message).encode()
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    def send(self, message: dict | bytes) -> None:
        self.send_raw(self.frame(message))

    def notify(self, method: str, params: object = None) -> None:
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def request(self, method: str, params: object = None) -> int:
        self.next_id += 1
        message = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        return self.next_id

    # -- receiving --------------------------------------------------------------------------

    def wait_for(self, test: Callable[[dict], bool], timeout: float = TIMEOUT,
                 what: str = "a message", after: int = 0) -> dict:
        """The first message from index AFTER of `seen` on, or still to come, that passes
        TEST."""
        for message in self.seen[after:]:
            if test(message):
                return message
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no {what} within {timeout} s; got {self.seen[-5:]}")
            try:
                message = self.inbox.get(timeout=left)
            except queue.Empty:
                continue
            if message is None:
                self.inbox.put(None)
                raise AssertionError(f"the server ended before {what}: {self.finish(5)}")
            self.seen.append(message)
            if test(message):
                return message

    def response(self, msg_id: object, timeout: float = TIMEOUT) -> dict:
        return self.wait_for(lambda m: m.get("id") == msg_id and "method" not in m
                             and ("result" in m or "error" in m), timeout,
                             f"response to {msg_id!r}")

    def call(self, method: str, params: object = None) -> dict:
        return self.response(self.request(method, params))

    def diagnostics(self, uri: str, after: int = 0,
                    test: Callable[[dict], bool] = lambda p: True) -> dict:
        """The params of the first publishDiagnostics for URI at or after index AFTER of
        `seen` that pass TEST."""
        def match(m: dict) -> bool:
            return (m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"]["uri"] == uri and test(m["params"]))
        return self.wait_for(match, what=f"diagnostics for {uri}", after=after)["params"]

    def published(self, uri: str) -> list[dict]:
        return [m["params"] for m in self.seen
                if m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri]

    def drain(self) -> None:
        """Move what has arrived so far into `seen` (no waiting)."""
        while True:
            try:
                message = self.inbox.get_nowait()
            except queue.Empty:
                return
            if message is None:
                self.inbox.put(None)
                return
            self.seen.append(message)

    # -- life cycle -------------------------------------------------------------------------

    def initialize(self, root: Path) -> dict:
        reply = self.call("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(),
                                         "capabilities": {}})
        assert "result" in reply, reply
        self.notify("initialized", {})
        return reply["result"]

    def open(self, path: Path, text: str, version: int = 1) -> str:
        uri = path.as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": version, "text": text}})
        return uri

    def finish(self, timeout: float = TIMEOUT) -> int:
        """Close standard input, wait for the process; its exit status."""
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError("the server did not end")
        self.stderr = self.proc.stderr.read()  # stdout is the reader thread's
        return self.proc.returncode

    def shutdown_and_exit(self) -> int:
        reply = self.call("shutdown")
        assert reply.get("result", "missing") is None, reply
        self.notify("exit")
        return self.proc.wait(timeout=TIMEOUT)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def server(tmp_path: Path):
    started: list[Server] = []

    def start(*args: str, env: dict | None = None) -> Server:
        s = Server(tmp_path, "--debounce", "0.05", *args, env=env)
        started.append(s)
        return s

    yield start
    for s in started:
        s.kill()
        for stream in (s.proc.stdin, s.proc.stdout, s.proc.stderr):
            try:
                stream.close()
            except OSError:
                pass


def stderr_text(s: Server) -> str:
    s.proc.wait(timeout=TIMEOUT)
    return (s.stderr or s.proc.stderr.read()).decode("utf-8", "replace")


# -- exit -------------------------------------------------------------------------------------

def test_shutdown_then_exit_ends_with_status_0_silently(server, tmp_path: Path) -> None:
    s = server()
    s.initialize(tmp_path)
    assert s.shutdown_and_exit() == 0
    err = stderr_text(s)
    assert "Traceback" not in err and "Error" not in err, err
    assert not s.raw_errors


def test_exit_without_shutdown_is_status_1_without_traceback(server, tmp_path: Path) -> None:
    s = server()
    s.initialize(tmp_path)
    s.notify("exit")
    assert s.proc.wait(timeout=TIMEOUT) == 1
    assert "Traceback" not in stderr_text(s)


def test_end_of_input_ends_the_server(server, tmp_path: Path) -> None:
    """An editor that dies closes the pipe without `exit`: the server ends, with 0 after a
    `shutdown`, 1 without (as for `exit`), and no traceback."""
    polite, abrupt = server(), server()
    for s in (polite, abrupt):
        s.initialize(tmp_path)
    polite.call("shutdown")
    assert polite.finish() == 0
    assert abrupt.finish() == 1
    for s in (polite, abrupt):
        assert "Traceback" not in s.stderr.decode("utf-8", "replace")


def test_exit_ends_the_server_while_a_check_runs(server, tmp_path: Path) -> None:
    """`exit` does not wait for a long check: the editor closes the window now."""
    s = server()
    s.initialize(tmp_path)
    s.open(tmp_path / "long.md", PAGE * 9000)  # ~0.9 MB: a check of 5 s or more
    time.sleep(0.5)  # deliberately: the check is under way (loading the pipeline, linting)
    s.call("shutdown")
    started = time.monotonic()
    s.notify("exit")
    assert s.proc.wait(timeout=TIMEOUT) == 0
    assert time.monotonic() - started < 3, "exit waited for the check to end"
    assert "Traceback" not in stderr_text(s)


def test_requests_after_shutdown_get_an_error(server, tmp_path: Path) -> None:
    s = server()
    s.initialize(tmp_path)
    s.call("shutdown")
    reply = s.call("textDocument/hover", {"textDocument": {"uri": "file:///x.md"},
                                          "position": {"line": 0, "character": 0}})
    assert reply["error"]["code"] == -32600
    s.notify("exit")
    assert s.proc.wait(timeout=TIMEOUT) == 0


# -- malformed JSON-RPC -----------------------------------------------------------------------

def test_malformed_messages_get_errors_and_the_server_keeps_serving(
        server, tmp_path: Path) -> None:
    s = server()
    before = s.call("shutdown")  # a request before initialize: ServerNotInitialized
    assert before["error"]["code"] == -32002
    s.initialize(tmp_path)

    def alive() -> None:  # a real request is still answered, in order
        reply = s.call("textDocument/hover", {"textDocument": {"uri": "file:///nowhere.md"},
                                              "position": {"line": 0, "character": 0}})
        assert reply.get("result", "missing") is None, reply

    def error_after(send: Callable[[], None]) -> dict:
        mark = len(s.seen)
        send()
        alive()
        errors = [m for m in s.seen[mark:] if "error" in m]
        assert len(errors) == 1, s.seen[mark:]
        return errors[0]

    # bad JSON: Parse error, id null
    reply = error_after(lambda: s.send(b'{"jsonrpc": "2.0", "id": 50, "method": '))
    assert reply["error"]["code"] == -32700 and reply["id"] is None
    # not UTF-8, and absurdly deep nesting: Parse error too
    reply = error_after(lambda: s.send(b'{"jsonrpc": "2.0", "id": 51, "x": "\xff\xfe"}'))
    assert reply["error"]["code"] == -32700
    reply = error_after(lambda: s.send(b"[" * 100_000 + b"]" * 100_000))
    assert reply["error"]["code"] in (-32700, -32600)
    # valid JSON that is not a request: Invalid Request
    reply = error_after(lambda: s.send(b"[1, 2, 3]"))
    assert reply["error"]["code"] == -32600 and reply["id"] is None
    reply = error_after(lambda: s.send({"id": 52, "method": "textDocument/hover"}))
    assert reply["error"]["code"] == -32600 and reply["id"] == 52  # no "jsonrpc"
    reply = error_after(lambda: s.send({"jsonrpc": "2.0", "id": 53, "method": 7}))
    assert reply["error"]["code"] == -32600 and reply["id"] == 53
    reply = error_after(lambda: s.send({"jsonrpc": "2.0", "id": 54}))
    assert reply["error"]["code"] == -32600
    reply = error_after(lambda: s.send({"jsonrpc": "2.0", "id": [1], "method": "shutdown"}))
    assert reply["error"]["code"] == -32600 and reply["id"] is None
    # missing or mistyped fields: Invalid params, with the request's id
    reply = error_after(lambda: s.send({"jsonrpc": "2.0", "id": 55,
                                        "method": "textDocument/hover"}))
    assert reply["error"]["code"] == -32602 and reply["id"] == 55
    reply = error_after(lambda: s.send({"jsonrpc": "2.0", "id": "56",
                                        "method": "textDocument/hover",
                                        "params": {"textDocument": {"uri": 3}}}))
    assert reply["error"]["code"] == -32602 and reply["id"] == "56"
    # unknown methods: MethodNotFound for a request, nothing for a notification
    reply = error_after(lambda: s.request("pladlint/noSuchThing", {}))
    assert reply["error"]["code"] == -32601
    mark = len(s.seen)
    s.notify("pladlint/noSuchNotification", {"a": 1})
    s.notify("$/setTrace", {"value": "off"})
    s.notify("$/cancelRequest", {"id": 12345})
    s.notify("textDocument/didOpen", {"textDocument": {"uri": 5}})  # invalid: dropped
    s.notify("textDocument/didChange", {"textDocument": {"uri": "file:///never-opened.md",
                                                         "version": 2},
                                        "contentChanges": [{"text": "x"}]})
    alive()
    assert not [m for m in s.seen[mark:] if "error" in m], s.seen[mark:]

    # broken framing: the stream resynchronises on the next Content-Length header
    s.send_raw(b"Content-Length: banana\r\n\r\n")
    alive()
    s.send_raw(b"this is not a header at all\r\n\r\n")
    alive()
    s.send_raw(b"Content-Length: 5\r\n\r\n" + b'{"jsonrpc": "2.0", "id": 57}')  # too short
    alive()
    s.send_raw(b"content-length:2\n\n{}")  # lower case, bare newlines: still read
    alive()
    s.send_raw(b"Content-Length: 0\r\n\r\n")
    alive()

    # and it still lints
    uri = s.open(tmp_path / "scan.md", PAGE)
    found = s.diagnostics(uri, test=lambda p: bool(p["diagnostics"]))
    assert "wordy-phrase" in {d["code"] for d in found["diagnostics"]}
    assert s.shutdown_and_exit() == 0
    assert "Traceback" not in stderr_text(s)
    assert not s.raw_errors, s.raw_errors


def test_a_message_over_the_size_limit_is_skipped(server, tmp_path: Path) -> None:
    s = server(env={"PLADLINT_LSP_MAX_MESSAGE": "100000"})
    s.initialize(tmp_path)
    big = {"jsonrpc": "2.0", "id": 90, "method": "textDocument/hover",
           "params": {"padding": "x" * 200_000}}
    s.send(big)
    reply = s.call("textDocument/hover", {"textDocument": {"uri": "file:///nowhere.md"},
                                          "position": {"line": 0, "character": 0}})
    assert reply.get("result", "missing") is None
    assert not [m for m in s.seen if m.get("id") == 90]  # skipped unread, not answered
    assert s.shutdown_and_exit() == 0


# -- big documents, many edits ----------------------------------------------------------------

def test_a_5_mb_document_is_refused_politely(server, tmp_path: Path) -> None:
    s = server()
    s.initialize(tmp_path)
    big = (PAGE * (5_000_000 // len(PAGE) + 1))[:5_000_000]
    started = time.monotonic()
    uri = s.open(tmp_path / "huge.md", big)
    result = s.diagnostics(uri)
    assert [d["code"] for d in result["diagnostics"]] == ["page-too-large"]
    assert "5.0 MB" in result["diagnostics"][0]["message"]
    assert time.monotonic() - started < 30
    # an edit that brings it under the limit: checked as usual
    mark = len(s.seen)
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                        "contentChanges": [{"text": PAGE}]})
    small = s.diagnostics(uri, after=mark)
    assert small["version"] == 2
    assert "wordy-phrase" in {d["code"] for d in small["diagnostics"]}
    # while a small page next to it is checked as usual
    other = s.open(tmp_path / "small.md", PAGE)
    assert "wordy-phrase" in {d["code"] for d in s.diagnostics(other)["diagnostics"]}
    assert s.shutdown_and_exit() == 0


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def test_1000_rapid_edits_lint_only_the_last_version(server, tmp_path: Path) -> None:
    s = server("--debounce", "0.2")
    s.initialize(tmp_path)
    uri = s.open(tmp_path / "typing.md", PAGE)
    s.diagnostics(uri)  # the pipeline is loaded: measure from here
    rss_before = _rss_kb(s.proc.pid)
    # 1,000 single-character insertions at the end of line 2, sent as fast as possible, then
    # a last edit that removes the wordy phrase
    edits = []
    for version in range(2, 1002):
        edits.append(Server.frame({"jsonrpc": "2.0", "method": "textDocument/didChange",
                                   "params": {"textDocument": {"uri": uri, "version": version},
                                              "contentChanges": [{
                                                  "range": {"start": {"line": 2, "character": 0},
                                                            "end": {"line": 2, "character": 0}},
                                                  "text": "a"}]}}))
    final = PAGE.replace("prior to", "before")
    edits.append(Server.frame({"jsonrpc": "2.0", "method": "textDocument/didChange",
                               "params": {"textDocument": {"uri": uri, "version": 1002},
                                          "contentChanges": [{"text": final}]}}))
    mark = len(s.seen)
    started = time.monotonic()
    s.send_raw(b"".join(edits))
    last = s.diagnostics(uri, after=mark, test=lambda p: p.get("version") == 1002)
    assert time.monotonic() - started < 30
    codes = {d["code"] for d in last["diagnostics"]}
    assert "wordy-phrase" not in codes and "image-alt-missing" in codes
    reply = s.call("textDocument/hover", {"textDocument": {"uri": uri},
                                          "position": {"line": 4, "character": 1}})
    assert "image-alt-missing" in reply["result"]["contents"]["value"]  # the final text's
    s.drain()
    stale = [p for p in s.published(uri)[1:] if p.get("version") != 1002]
    assert not stale, [p.get("version") for p in stale]  # no intermediate version published
    rss_after = _rss_kb(s.proc.pid)
    if rss_before and rss_after:
        assert rss_after - rss_before < 150_000, (rss_before, rss_after)
    assert s.shutdown_and_exit() == 0


def test_a_document_closed_mid_lint_publishes_nothing_after_the_close(
        server, tmp_path: Path) -> None:
    s = server()
    s.initialize(tmp_path)
    warm = s.open(tmp_path / "warm.md", PAGE)
    s.diagnostics(warm)  # the pipeline is loaded, so the next check is the slow part
    uri = s.open(tmp_path / "long.md", PAGE * 2000)  # ~200 kB: a check of a second or more
    time.sleep(0.3)  # deliberately mid-check (the assertions hold whatever the timing)
    s.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    closed = s.diagnostics(uri, test=lambda p: p["diagnostics"] == [])
    # a page opened after it is checked after the closed page's check has ended (one check
    # at a time): by then a stale result would have been published
    after = s.open(tmp_path / "after.md", PAGE)
    s.diagnostics(after)
    reply = s.call("textDocument/hover", {"textDocument": {"uri": uri},
                                          "position": {"line": 2, "character": 25}})
    assert reply.get("result", "missing") is None  # nothing kept for a closed page
    s.drain()
    published = s.published(uri)
    i = published.index(closed)
    assert all(p["diagnostics"] == [] for p in published[i:]), published[i:]
    assert s.shutdown_and_exit() == 0
    assert "Traceback" not in stderr_text(s)


# -- configuration ----------------------------------------------------------------------------

def test_a_configuration_that_breaks_while_open_is_reported_and_recovered(
        server, tmp_path: Path) -> None:
    config = tmp_path / ".pladlint.toml"
    config.write_text('[rules]\nwordy-phrase = "off"\n', encoding="utf-8")
    page = tmp_path / "scan.md"
    page.write_text(PAGE, encoding="utf-8")
    s = server()
    s.initialize(tmp_path)
    uri = s.open(page, PAGE)
    first = {d["code"] for d in s.diagnostics(uri)["diagnostics"]}
    assert "image-alt-missing" in first and "wordy-phrase" not in first

    # the file breaks (a half-typed edit saved): the error is shown, the last valid
    # configuration stays in use, the server keeps serving
    config.write_text('[rules]\nwordy-phrase = "of\n', encoding="utf-8")
    mark = len(s.seen)
    s.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    broken = s.diagnostics(uri, after=mark,
                           test=lambda p: any(d.get("code") == "config-error"
                                              for d in p["diagnostics"]))
    codes = [d["code"] for d in broken["diagnostics"]]
    assert "image-alt-missing" in codes and "wordy-phrase" not in codes
    error = next(d for d in broken["diagnostics"] if d["code"] == "config-error")
    assert ".pladlint.toml" in error["message"] and error["severity"] == 1
    shown = s.wait_for(lambda m: m.get("method") == "window/showMessage",
                       what="window/showMessage")
    assert ".pladlint.toml" in shown["params"]["message"]
    # typing goes on while it is broken: still reported, shown once only
    mark = len(s.seen)
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                        "contentChanges": [{"text": PAGE + "\nMore.\n"}]})
    again = s.diagnostics(uri, after=mark, test=lambda p: p.get("version") == 2)
    assert "config-error" in {d["code"] for d in again["diagnostics"]}

    # an invalid value (parses, fails validation) is reported the same way
    config.write_text('[rules]\nwordy-phrase = 42\n', encoding="utf-8")
    mark = len(s.seen)
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                        "contentChanges": [{"text": PAGE}]})
    invalid = s.diagnostics(uri, after=mark, test=lambda p: p.get("version") == 3)
    assert "config-error" in {d["code"] for d in invalid["diagnostics"]}

    # fixed, and saved in the editor: every open page is checked again, the error is gone
    config.write_text('[rules]\nwordy-phrase = "error"\n', encoding="utf-8")
    mark = len(s.seen)
    s.notify("textDocument/didSave", {"textDocument": {"uri": config.as_uri()}})
    fixed = s.diagnostics(uri, after=mark)
    codes = {d["code"] for d in fixed["diagnostics"]}
    assert "config-error" not in codes
    wordy = next(d for d in fixed["diagnostics"] if d["code"] == "wordy-phrase")
    assert wordy["severity"] == 1  # the new configuration is in force
    s.drain()
    assert len([m for m in s.seen if m.get("method") == "window/showMessage"]) == 2
    assert s.shutdown_and_exit() == 0
    assert "Traceback" not in stderr_text(s)


def test_a_configuration_broken_from_the_start_uses_the_defaults(
        server, tmp_path: Path) -> None:
    (tmp_path / ".pladlint.toml").write_text("this is [not toml\n", encoding="utf-8")
    s = server()
    s.initialize(tmp_path)
    uri = s.open(tmp_path / "scan.md", PAGE)
    codes = {d["code"] for d in s.diagnostics(uri)["diagnostics"]}
    assert {"config-error", "wordy-phrase", "image-alt-missing"} <= codes
    assert s.shutdown_and_exit() == 0
