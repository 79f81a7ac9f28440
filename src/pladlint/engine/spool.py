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
from typing import Iterator

from pladlint.findings import FileResult


class ResultSpool:
    """An append-only, re-iterable sequence of FileResults stored in a temporary file."""

    def __init__(self) -> None:
        try:
            self._file = tempfile.TemporaryFile(prefix="pladlint-results-", buffering=0)
        except OSError:  # no writable temporary folder: keep results in memory
            self._file = None
        self._spans: list[tuple[int, int]] = []  # (offset, length) of each pickled result
        self._held: dict[int, bytes] = {}  # results the disk refused, kept in memory
        self._end = 0
        self.findings = 0
        self.by_severity: Counter[str] = Counter()
        self.by_rule: Counter[tuple[str, str]] = Counter()  # (code, rule)

    def append(self, result: FileResult) -> None:
        data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        if self._write(data):
            self._spans.append((self._end, len(data)))
            self._end += len(data)
        else:
            self._held[len(self._spans)] = data
            self._spans.append((-1, len(data)))
        self.findings += len(result.findings)
        for f in result.findings:
            self.by_severity[f.severity.value] += 1
            self.by_rule[(f.code, f.rule)] += 1

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

    def __len__(self) -> int:
        return len(self._spans)

    def __getitem__(self, i: int) -> FileResult:
        offset, length = self._spans[i]
        if offset < 0:
            return pickle.loads(self._held[i if i >= 0 else len(self._spans) + i])
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
        return pickle.loads(data)

    def __iter__(self) -> Iterator[FileResult]:
        for i in range(len(self._spans)):
            yield self[i]

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
