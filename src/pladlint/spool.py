"""Page results kept on disk while a large run goes on, so memory does not grow with pages.

A run over thousands of pages used to keep every FileResult (findings, section scores, the
page text) in the parent process until the report was written. `ResultSpool` appends each
result, pickled, to an anonymous temporary file (deleted when closed, and by the operating
system if we crash) and reads them back one at a time, in the order they were added, as
often as formatters need. Only a few integers per page and the running tallies the
summaries need stay in memory.
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
        self._file = tempfile.TemporaryFile(prefix="pladlint-results-")
        self._spans: list[tuple[int, int]] = []  # (offset, length) of each pickled result
        self._end = 0
        self.findings = 0
        self.by_severity: Counter[str] = Counter()
        self.by_rule: Counter[tuple[str, str]] = Counter()  # (code, rule)

    def append(self, result: FileResult) -> None:
        data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(self._end)
        self._file.write(data)
        self._spans.append((self._end, len(data)))
        self._end += len(data)
        self.findings += len(result.findings)
        for f in result.findings:
            self.by_severity[f.severity.value] += 1
            self.by_rule[(f.code, f.rule)] += 1

    def __len__(self) -> int:
        return len(self._spans)

    def __getitem__(self, i: int) -> FileResult:
        offset, length = self._spans[i]
        # Every read seeks first: several iterations may be open at once (a formatter's loop
        # inside another's), and the file is shared by them all.
        self._file.seek(offset)
        return pickle.loads(self._file.read(length))

    def __iter__(self) -> Iterator[FileResult]:
        for i in range(len(self._spans)):
            yield self[i]

    def close(self) -> None:
        self._file.close()
