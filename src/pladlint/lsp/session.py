"""The message loop of `pladlint lsp`: one editor session over standard input and output.

pygls' own stdio loop drops a message it cannot parse without an answer (the editor waits
for ever), loses the next message after a broken header, reads any Content-Length it is
given, and ends `exit` by closing standard output and raising SystemExit, which loses the
exit status. This loop frames and validates messages itself and hands pygls only well-formed
ones (`structure_message`, `handle_message`).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
import threading
from typing import BinaryIO

from lsprotocol import types
from pygls.protocol.json_rpc import JsonRPCNotification, JsonRPCRequestMessage

from pladlint.lsp.features import build_server
from pladlint.lsp.framing import MAX_MESSAGE, Framed, Writer, frame
from pladlint.lsp.server import PladlintServer

log = logging.getLogger("pladlint.lsp")  # one logger for the whole server, as before the split

PARSE_ERROR, INVALID_REQUEST, METHOD_NOT_FOUND = -32700, -32600, -32601
INVALID_PARAMS, INTERNAL_ERROR, SERVER_NOT_INITIALIZED = -32602, -32603, -32002


def _valid_id(value: object) -> bool:
    return value is None or (isinstance(value, (int, str)) and not isinstance(value, bool))


class Session:
    """One editor session over a reader and a writer; `run()` gives the exit status."""

    def __init__(self, server: PladlintServer, stdin: BinaryIO, stdout: BinaryIO,
                 max_message: int = MAX_MESSAGE) -> None:
        self.server = server
        self.framed = Framed(stdin, max_message)
        self.writer = Writer(stdout)
        self.initialized = False
        self.exit_code: int | None = None

    def error(self, msg_id: object, code: int, message: str) -> None:
        self.writer.write(frame({"jsonrpc": "2.0", "id": msg_id if _valid_id(msg_id) else None,
                                 "error": {"code": code, "message": message}}))

    async def run(self) -> int:
        loop = asyncio.get_running_loop()
        inbox: asyncio.Queue = asyncio.Queue(maxsize=4)  # back-pressure on a flooding client
        self.server.protocol.set_writer(self.writer, include_headers=True)

        def read() -> None:
            while True:
                item = self.framed.next()
                try:
                    asyncio.run_coroutine_threadsafe(inbox.put(item), loop).result()
                except Exception:  # the loop is gone: the session is over
                    return
                if item[0] == "eof":
                    return

        threading.Thread(target=read, name="pladlint-stdin", daemon=True).start()
        try:
            while self.exit_code is None:
                kind, payload = await inbox.get()
                if kind == "eof":
                    break
                if kind == "error":
                    log.warning("pladlint: unreadable message: %s", payload)
                    continue
                try:
                    self.dispatch(payload)
                except Exception:  # never let one message end the session
                    log.exception("pladlint: handling a message failed")
                await asyncio.sleep(0)  # let debounced checks and responses run
        finally:
            self.server.cancel_all()
            self.writer.close()
        if self.exit_code is None:  # end of input: the client went away
            self.exit_code = 0 if self.server.protocol._shutdown else 1
        return self.exit_code

    def dispatch(self, body: bytes) -> None:
        protocol = self.server.protocol
        try:
            data = json.loads(body)
        except (ValueError, RecursionError) as exc:  # bad JSON or UTF-8, absurd nesting
            self.error(None, PARSE_ERROR, f"Parse error: {str(exc)[:200]}")
            return
        if not isinstance(data, dict):
            self.error(None, INVALID_REQUEST, "Invalid Request: a message is a JSON object")
            return
        has_id, msg_id, method = "id" in data, data.get("id"), data.get("method")
        is_response = has_id and "method" not in data and ("result" in data or "error" in data)
        if data.get("jsonrpc") != "2.0" or not _valid_id(msg_id) or \
                ("method" in data and not isinstance(method, str)) or \
                ("method" not in data and not is_response) or \
                ("params" in data and not isinstance(data["params"], (dict, list, type(None)))):
            if has_id or "method" not in data:
                self.error(msg_id, INVALID_REQUEST,
                           "Invalid Request: needs jsonrpc \"2.0\", a method name and an id "
                           "that is a number or a string")
            else:
                log.warning("pladlint: ignoring an invalid notification %r", method)
            return
        is_request = has_id and not is_response
        if method == types.EXIT:
            self.exit_code = 0 if protocol._shutdown else 1  # as the LSP specification says
            return
        if is_request and protocol._shutdown:
            self.error(msg_id, INVALID_REQUEST, "Invalid Request: the server is shutting down")
            return
        if is_request and not self.initialized and method != types.INITIALIZE:
            self.error(msg_id, SERVER_NOT_INITIALIZED, "the server is not initialized")
            return
        if not is_response and not self.initialized and method != types.INITIALIZE:
            return  # notifications before initialize are dropped (LSP)
        try:
            message = self.structure(data, is_request, is_response)
        except Exception as exc:  # a missing or mistyped field
            cause = exc.__cause__ or exc
            details = getattr(cause, "exceptions", None) or [cause]  # cattrs groups them
            reason = "; ".join(" ".join(str(e).split()) for e in details)[:300] \
                or type(cause).__name__
            if is_request:
                self.error(msg_id, INVALID_PARAMS, f"Invalid params for {method}: {reason}")
            else:
                log.warning("pladlint: ignoring %s with invalid params: %s", method, reason)
            return
        if method == types.SHUTDOWN:
            self.server.cancel_all()  # no check publishes after shutdown
        if method == types.INITIALIZE:
            self.initialized = True
        try:
            protocol.handle_message(message)
        except Exception as exc:
            log.exception("pladlint: %s failed", method)
            if is_request:
                self.error(msg_id, INTERNAL_ERROR, f"Internal error: {type(exc).__name__}")


    def structure(self, data: dict, is_request: bool, is_response: bool) -> object:
        """The lsprotocol message for DATA, as pygls' `structure_message` makes it, but
        raising instead of logging a traceback for a client's mistake."""
        protocol = self.server.protocol
        if is_response:
            return protocol.structure_message(data)
        kind = protocol.get_message_type(data["method"]) or (
            JsonRPCRequestMessage if is_request else JsonRPCNotification)
        return protocol._converter.structure(data, kind)


def serve_io(stdin: BinaryIO, stdout: BinaryIO, debounce: float = 0.3) -> int:
    """Serve one editor over STDIN/STDOUT until `exit` or end of input; the exit status."""
    try:
        max_message = int(os.environ.get("PLADLINT_LSP_MAX_MESSAGE") or MAX_MESSAGE)
    except ValueError:
        max_message = MAX_MESSAGE
    return asyncio.run(Session(build_server(debounce), stdin, stdout, max_message).run())


def serve(debounce: float = 0.3) -> None:
    logging.basicConfig(level=logging.DEBUG if os.environ.get("PLADLINT_LSP_DEBUG")
                        else logging.WARNING)
    sys.exit(serve_io(sys.stdin.buffer, sys.stdout.buffer, debounce))
