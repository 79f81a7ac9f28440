"""Page results kept on disk while a large run goes on, so memory does not grow with pages.

A run over thousands of pages used to keep every FileResult (findings, section scores, the
page text) in the parent process until the report was written. `ResultSpool` appends each
result, pickled, to an anonymous temporary file (deleted when closed, and by the operating
system if we crash) and reads them back one at a time, in the order they were added, as
often as formatters need. Only a few integers per page and the running tallies the
summaries need stay in memory.

A full disk (or a temporary folder that cannot be written) loses nothing: a result that
cannot be written is kept in memory instead, and the report is the same. The file is
unbuffered, so a failed write never leaves half a result waiting in a buffer; the next one
is written over whatever part of it reached the disk.
"""

from __future__ import annotations

import pickle
import tempfile
from collections import Counter
from typing import Any, Callable, Iterator

from pladlint.engine.pages import Page, record_of
from pladlint.findings import FileResult


class ResultSpool:
    """An append-only, re-iterable sequence of FileResults stored in a temporary file.

    A page may come as a `pages.Page` instead: its pickled result is stored as it is (never
    unpickled here), or only loaded from the cache if someone asks; its report pieces are
    stored too and read back by `pieces` (formatters/common.page_pieces)."""

    def __init__(self) -> None:
        try:
            self._file = tempfile.TemporaryFile(prefix="pladlint-results-", buffering=0)
        except OSError:  # no writable temporary folder: keep results in memory
            self._file = None
        # Per page: the span of its pickled result, or None (then `_loads` loads it)
        self._spans: list[tuple[int, int] | None] = []
        self._loads: dict[int, Callable[[], FileResult | None]] = {}
        # Per page: piece key -> (span of its text, the formatter's extra)
        self._pieces: list[dict[str, tuple[tuple[int, int], Any]]] = []
        self._held: dict[int, bytes] = {}  # data the disk refused, kept in memory (by -id)
        self._end = 0
        self.findings = 0
        self.by_severity: Counter[str] = Counter()
        self.by_rule: Counter[tuple[str, str]] = Counter()  # (code, rule)

    def append(self, result: FileResult | Page) -> None:
        if not isinstance(result, Page):  # its tallies as a page record counts them
            result = Page(record_of(result),
                          pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        self._append_page(result)

    def _append_page(self, page: Page) -> None:
        record = page.record
        i = len(self._spans)
        if page.payload is not None:
            self._spans.append(self._store(page.payload))
        elif page.load is not None:
            self._spans.append(None)
            self._loads[i] = page.load  # not the page: its pieces must not stay in memory
        else:
            raise ValueError("a page comes with its result or a way to load it")
        self._pieces.append({key: (self._store(text.encode("utf-8", "surrogatepass")), extra)
                             for key, (text, extra) in record.pieces.items()})
        self.findings += record.findings
        self.by_severity.update(record.by_severity)
        for code, rule, n in record.by_rule:
            self.by_rule[(code, rule)] += n

    def _store(self, data: bytes) -> tuple[int, int]:
        """Write `data` at the end of the file: its (offset, length); a negative offset
        when the disk refused it (full, say) and it is held in memory instead."""
        if self._write(data):
            span = (self._end, len(data))
            self._end += len(data)
            return span
        ident = -1 - len(self._held)
        self._held[ident] = data
        return ident, len(data)

    def _write(self, data: bytes) -> bool:
        """Write `data` at the end of the file; False if the disk refused (full, say)."""
        if self._file is None:
            return False
        try:
            self._file.seek(self._end)
            view, done = memoryview(data), 0
            while done < len(view):
                n = self._file.write(view[done:])
                if not n:
                    return False
                done += n
        except OSError:
            return False
        return True

    def _fetch(self, span: tuple[int, int]) -> bytes:
        offset, length = span
        if offset < 0:
            return self._held[offset]
        # Every read seeks first: several iterations may be open at once (a formatter's loop
        # inside another's), and the file is shared by them all.
        assert self._file is not None
        self._file.seek(offset)
        data = b""
        while len(data) < length:
            chunk = self._file.read(length - len(data))
            if not chunk:
                raise EOFError("the result spool was cut short")
            data += chunk
        return data

    def __len__(self) -> int:
        return len(self._spans)

    def __getitem__(self, i: int) -> FileResult:
        i = i if i >= 0 else len(self._spans) + i
        span = self._spans[i]
        if span is None:
            found = self._loads[i]()
            if found is None:
                raise RuntimeError("a cached page result could no longer be read")
            return found
        return pickle.loads(self._fetch(span))

    def __iter__(self) -> Iterator[FileResult]:
        for i in range(len(self._spans)):
            yield self[i]

    def pieces(self, key: str, render: Callable[[FileResult], tuple[str, Any]]
               ) -> Iterator[tuple[str, Any]]:
        """Each page's report piece under `key`: as stored, else `render(result)`."""
        for i in range(len(self._spans)):
            found = self._pieces[i].get(key)
            if found is None:
                yield render(self[i])
            else:
                yield self._fetch(found[0]).decode("utf-8", "surrogatepass"), found[1]

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
