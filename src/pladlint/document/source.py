"""Reading a file into text, with a clear error for anything that is not a readable page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024
_BINARY_SNIFF = 8192


def resolved(path: Path) -> Path:
    """`path.resolve()`, or its absolute form when a symlink loop makes resolving impossible."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: "Symlink loop" before Python 3.13
        return path.absolute()


class InputError(Exception):
    """A file that cannot be linted; the message is one line, meant for the user."""


@dataclass(frozen=True)
class SourceText:
    text: str
    had_bom: bool
    newline: str


def decode(data: bytes, max_size: int = DEFAULT_MAX_FILE_SIZE) -> SourceText:
    if len(data) > max_size:  # callers read at most max_size + 1 bytes: the size is a floor
        raise InputError(
            f"file is over the max-file-size limit of {max_size:,} bytes; raise max-file-size "
            "in the configuration or exclude the file"
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("file is UTF-16 encoded, which is not valid UTF-8; save it as UTF-8")
    if b"\x00" in data[:_BINARY_SNIFF]:
        raise InputError("binary file (it contains NUL bytes), not a Markdown page")
    had_bom = data.startswith(b"\xef\xbb\xbf")
    if had_bom:
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"invalid UTF-8 at byte {exc.start + (3 if had_bom else 0)} (line {line}); "
            "save the file as UTF-8"
        ) from None
    if "\x00" in text:
        raise InputError("binary file (it contains NUL bytes), not a Markdown page")
    newline = "\r\n" if "\r\n" in text[:4096] else "\n"
    return SourceText(text=text, had_bom=had_bom, newline=newline)


def read_source(path: Path, max_size: int = DEFAULT_MAX_FILE_SIZE) -> SourceText:
    try:
        size = path.stat().st_size
        if size > max_size:
            raise InputError(
                f"file is {size:,} bytes, over the max-file-size limit of {max_size:,} bytes"
            )
        with path.open("rb") as fh:
            data = fh.read(max_size + 1)
    except InputError:
        raise
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    return decode(data, max_size)
