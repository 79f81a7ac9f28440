"""JSON-RPC framing over standard input and output: Content-Length framed messages read
from a stream (resynchronised after a broken frame), and whole frames written under a lock.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from typing import BinaryIO

log = logging.getLogger("pladlint.lsp")  # one logger for the whole server, as before the split

MAX_HEADER_LINE = 64 * 1024
MAX_MESSAGE = 256 * 1024 * 1024  # bytes of one message body (a 10 MB page is ~12 MB of JSON)
_CONTENT_LENGTH = re.compile(rb"content-length[ \t]*:[ \t]*(\d{1,12})[ \t]*$", re.IGNORECASE)


class Framed:
    """Reads Content-Length framed messages from a binary stream (blocking: a worker thread).

    `next()` gives ("message", body), ("error", reason) for a frame that cannot be read
    (the stream is then resynchronised on the next Content-Length header), or ("eof", None).
    """

    def __init__(self, stream: BinaryIO, max_message: int = MAX_MESSAGE) -> None:
        self.stream = stream
        self.max_message = max_message

    def next(self) -> tuple[str, bytes | str | None]:
        length: int | None = None
        junk = 0
        while True:
            line = self.stream.readline(MAX_HEADER_LINE)
            if not line:
                return ("eof", None)
            stripped = line.strip()
            if not stripped:
                if length is not None:
                    break
                if junk:
                    return ("error", f"a header without Content-Length ({junk} lines skipped)")
                continue  # blank lines between messages
            match = _CONTENT_LENGTH.search(stripped)  # search: resynchronise after garbage
            if match:
                length = int(match.group(1))
            elif b":" not in stripped or len(line) >= MAX_HEADER_LINE or \
                    stripped[:15].lower() == b"content-length:":  # not a number
                junk += 1  # not a header: the tail of a body framed with a wrong length
        if length > self.max_message:
            left = length
            while left > 0:
                chunk = self.stream.read(min(left, 1 << 20))
                if not chunk:
                    return ("eof", None)
                left -= len(chunk)
            return ("error", f"a message of {length} bytes is over the limit of "
                             f"{self.max_message}; skipped")
        body = self.stream.read(length) if length else b""
        if len(body) < length:
            return ("eof", None)
        return ("message", body)


class Writer:
    """pygls' writer interface over standard output. Writes whole frames under a lock, never
    raises into the server (a client that went away is noticed as end of input), and never
    closes the stream: `cli.run` flushes it at exit."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.lock = threading.Lock()
        self.broken = False

    def write(self, data: bytes) -> None:
        with self.lock:
            if self.broken:
                return
            try:
                self.stream.write(data)
                self.stream.flush()
            except (OSError, ValueError):
                self.broken = True
                log.warning("pladlint: the client stopped reading; nothing more is sent")

    def close(self) -> None:
        with self.lock:
            try:
                self.stream.flush()
            except (OSError, ValueError):
                self.broken = True


def frame(message: dict) -> bytes:
    body = json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body
