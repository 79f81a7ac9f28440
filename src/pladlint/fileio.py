"""Writing a page back safely (for fixes): atomic, same encoding, nothing lost on failure.

The new text goes to a temporary file in the same folder (so the rename never crosses file
systems), is flushed to disk, gets the original's permissions, and then replaces the
original with `os.replace`, which is atomic on POSIX and Windows. If anything fails before
the rename, the original is untouched and the temporary file is removed. Line endings are
written exactly as given (a fix edits the text as read, CRLF included) and a UTF-8 BOM is
kept when the original had one. A symlink is followed: its target is replaced, the link stays.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

BOM = b"\xef\xbb\xbf"


class FileChangedError(Exception):
    """The file on disk is no longer what was linted; nothing was written."""


def write_text_atomic(path: Path, text: str, *, bom: bool | None = None,
                      expected: bytes | None = None) -> None:
    """Replace `path` with `text` (UTF-8). `bom=None` keeps the original's BOM, if any.

    `expected`: the bytes the file must still hold (as read before linting); if it changed
    since, FileChangedError is raised and nothing is written.
    """
    target = Path(os.path.realpath(path))
    try:
        current = target.read_bytes()
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        current, mode = None, None
    if expected is not None and current != expected:
        raise FileChangedError(f"{path}: changed on disk since it was read; not written")
    if bom is None:
        bom = current is not None and current.startswith(BOM)
    data = (BOM if bom else b"") + text.encode("utf-8")
    write_bytes_atomic(target, data, mode=mode)


def write_bytes_atomic(path: Path, data: bytes, *, mode: int | None = None,
                       durable: bool = True) -> None:
    """Replace `path` with `data` through a temporary file in the same folder and a rename.

    `durable` flushes the data and the folder entry to disk (pages); caches skip it.
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".pladlint.tmp",
                               dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if durable:
        _fsync_dir(target.parent)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
