"""Golden outputs: every formatter's report on `fixtures/*.md`, kept in `tests/golden/` and
compared byte for byte, so that any change to what a format prints shows as a diff.

The reports come from the CLI, as users get them: `pladlint check fixtures/*.md --today
2026-11-28 --no-cache --jobs 1` with every format at once, and `pladlint report` for the
HTML page, run from the repository root (paths in the reports are relative to it). Only
what would change without a formatter changing is normalised, each explicitly (see
`VOLATILE`): the version of pladlint, and the checkout's absolute path should one appear.

After an intended change to a format, regenerate the files and review the diff:

    PLADLINT_UPDATE_GOLDEN=1 pytest tests/test_golden_formats.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pladlint import __version__
from pladlint.formatters import FORMAT_NAMES

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
TODAY = "2026-11-28"
UPDATE = os.environ.get("PLADLINT_UPDATE_GOLDEN") == "1"

EXTENSIONS = {
    "text": "txt", "concise": "txt", "json": "json", "sarif": "sarif", "github": "txt",
    "junit": "xml", "codeclimate": "json", "checkstyle": "xml", "rdjson": "json",
    "html": "html",
}
FORMATS = (*FORMAT_NAMES, "html")

# Per format, the exact pieces that carry pladlint's version (each must be found once).
VOLATILE = {
    "json": [f'{{\n  "version": "{__version__}",\n'],
    "sarif": [f'"version": "{__version__}", "semanticVersion": "{__version__}"'],
    "html": [f"Made by pladlint {__version__}."],
}


def normalise(fmt: str, text: str) -> str:
    for piece in VOLATILE.get(fmt, []):
        assert text.count(piece) == 1, f"{fmt}: expected {piece!r} once in the report"
        text = text.replace(piece, piece.replace(__version__, "<VERSION>"))
    return text.replace(ROOT.as_uri(), "<ROOT-URI>").replace(str(ROOT), "<ROOT>")


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PLADLINT_", "LC_", "PYTHONHASHSEED", "FORCE_COLOR"))}
    env.update(PYTHONPATH=str(ROOT / "src"), NO_COLOR="1", PYTHONHASHSEED="0",
               LC_ALL="C.UTF-8", TZ="UTC")
    return env


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("golden")
    pages = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "fixtures").glob("*.md"))
    assert pages, "no fixtures/*.md"
    common = ["--today", TODAY, "--jobs", "1"]
    formats = ["--format=text"] + [f"--format={n}:{out / n}" for n in FORMAT_NAMES
                                   if n != "text"]
    check = subprocess.run(
        [sys.executable, "-m", "pladlint", "check", *pages, *common, "--no-cache", *formats],
        cwd=ROOT, env=_env(), capture_output=True, timeout=600)
    assert check.returncode in (0, 1), check.stderr.decode(errors="replace")
    report = subprocess.run(
        [sys.executable, "-m", "pladlint", "report", *pages, *common, "-o", str(out / "html")],
        cwd=ROOT, env=_env(), capture_output=True, timeout=600)
    assert report.returncode == 0, report.stderr.decode(errors="replace")
    raw = {n: (out / n).read_bytes() for n in FORMATS if n != "text"}
    raw["text"] = check.stdout
    return {n: normalise(n, data.decode("utf-8")) for n, data in raw.items()}


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_matches_golden_file(reports: dict[str, str], fmt: str) -> None:
    path = GOLDEN / f"{fmt}.{EXTENSIONS[fmt]}"
    got = reports[fmt]
    assert got.strip(), f"{fmt}: empty report"
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(got.encode("utf-8"))
    assert path.exists(), f"{path} is missing: run PLADLINT_UPDATE_GOLDEN=1 pytest {__file__}"
    want = path.read_bytes().decode("utf-8")
    assert got == want, (f"{fmt} output differs from {path.relative_to(ROOT)}; if the change is "
                         "intended, regenerate with PLADLINT_UPDATE_GOLDEN=1 and review the diff")


def test_every_format_has_a_golden_file() -> None:
    expected = {f"{fmt}.{EXTENSIONS[fmt]}" for fmt in FORMATS}
    assert set(EXTENSIONS) == set(FORMATS), "a new format needs an extension here"
    present = {p.name for p in GOLDEN.iterdir()} if GOLDEN.exists() else set()
    assert expected <= present, f"missing golden files: {sorted(expected - present)}"
    assert present <= expected | {"README.md"}, f"stale golden files: {sorted(present - expected)}"
