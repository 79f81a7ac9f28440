"""The wheel ships the rule packs, and the installed package finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_rule_packs(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    proc = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    (wheel,) = tmp_path.glob("pladlint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    packs = sorted(p.relative_to(ROOT / "rules").as_posix() for p in (ROOT / "rules").rglob("*.yml"))
    assert packs, "no rule packs in rules/"
    for pack in packs:
        assert f"pladlint/packs/{pack}" in names, pack
    assert "pladlint/cli/__init__.py" in names
