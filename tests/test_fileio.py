"""Atomic writes for fixes: same line endings and BOM, permissions kept, failures lose nothing."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from pladlint import fileio
from pladlint.fileio import BOM, FileChangedError, write_text_atomic


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_replaces_content_keeping_crlf_and_bom(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_bytes(BOM + b"# Title\r\n\r\nUtilize rest.\r\n")
    write_text_atomic(page, "# Title\r\n\r\nUse rest.\r\n")
    assert page.read_bytes() == BOM + b"# Title\r\n\r\nUse rest.\r\n"
    assert leftovers(tmp_path) == []


def test_no_bom_added_and_non_ascii_kept(tmp_path: Path) -> None:
    page = tmp_path / "página.md"
    page.write_bytes("Cáncer\n".encode())
    write_text_atomic(page, "Cáncer — 癌症 😀\n")
    assert page.read_bytes() == "Cáncer — 癌症 😀\n".encode()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_permissions_are_kept(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("a\n")
    page.chmod(0o640)
    write_text_atomic(page, "b\n")
    assert stat.S_IMODE(page.stat().st_mode) == 0o640


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_a_symlink_stays_a_link_and_its_target_changes(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old\n")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_text_atomic(link, "new\n")
    assert link.is_symlink() and real.read_text() == "new\n"


@pytest.mark.parametrize("failing", ["fsync", "replace", "chmod"])
def test_a_failed_write_loses_nothing(tmp_path: Path, monkeypatch, failing: str) -> None:
    page = tmp_path / "page.md"
    page.write_bytes(b"original\r\n")

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, failing, boom)
    with pytest.raises(OSError):
        write_text_atomic(page, "changed\n")
    monkeypatch.undo()
    assert page.read_bytes() == b"original\r\n"
    assert leftovers(tmp_path) == []


def test_a_file_changed_since_it_was_read_is_not_written(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_bytes(b"edited by someone else\n")
    with pytest.raises(FileChangedError):
        write_text_atomic(page, "fixed\n", expected=b"as linted\n")
    assert page.read_bytes() == b"edited by someone else\n"
    write_text_atomic(page, "fixed\n", expected=b"edited by someone else\n")
    assert page.read_text() == "fixed\n"


def test_unreadable_folder_fsync_is_tolerated(tmp_path: Path, monkeypatch) -> None:
    page = tmp_path / "page.md"
    page.write_text("a\n")
    real_open = os.open

    def no_dirs(path, flags, *a):
        if Path(path) == tmp_path:
            raise PermissionError(13, "denied")
        return real_open(path, flags, *a)

    monkeypatch.setattr(fileio.os, "open", no_dirs)
    write_text_atomic(page, "b\n")
    assert page.read_text() == "b\n"


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_fix_writes_through_fileio(tmp_path: Path) -> None:
    from pladlint.fixes import write_atomic

    real = tmp_path / "real.md"
    real.write_bytes(BOM + b"In order to rest\r\n")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, "To rest\r\n")
    assert link.is_symlink() and real.read_bytes() == BOM + b"To rest\r\n"
