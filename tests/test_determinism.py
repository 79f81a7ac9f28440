"""Deterministic output: the same pages give byte-identical reports in every format, whatever
the order of the files on disk, the number of workers, PYTHONHASHSEED or the locale. The CLI
runs in subprocesses with different environments (the cache's own determinism is tested in
test_performance.py): a base run; a run that changes everything at once (file order, seed,
locale, time zone, --jobs 2); and a run that changes only --jobs (1 to 2, with no cache so
that the pages are linted by worker processes), so a difference the workers make is named as
such. `check` never changes a page.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pladlint.engine.parallel import SERIAL_BELOW
from pladlint.formatters import FORMAT_NAMES

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "docs/side-effects.md": (
        "---\naudienceLevel: patient\nlastReviewed: 2020-01-01\n---\n"
        "# Side effects of chemotherapy\n\nChemotherapy can cause mucositis and neutropenia. "
        "The oncologist will utilize a multidisciplinary approach to ameliorate symptoms "
        "in order to facilitate your recovery, notwithstanding the heterogeneity of outcomes "
        "observed in patients receiving concurrent chemoradiation.\n\n![](/img/port.png)\n\n"
        "[Click here](https://www.cancer.gov/x) to learn more.\n\n### Skipped level\n\nText.\n"
    ),
    "docs/biopsy.md": "# Biopsy\n\nA biopsy is a test. Your doctor takes out a small piece of tissue.\n",
    "docs/unicode.md": "# Café 😀 — ½\n\nLe médecin\u0301 dit: <img src=x.png> \u05d0\u05d1 metastatic.\r\n",
    "docs/es/cancer.md": "---\nlanguage: es\n---\n# Cáncer\n\nEl médico le hará una biopsia del tejido.\n",
    "docs/broken.md": "---\ntitle: [unclosed\n---\n# Broken front matter\n",
    "docs/zeta.md": "## No top heading\n\nThe CT scan and MRI show metastases in the lymph nodes.\n",
    "docs/alpha.md": "# Alpha\n\nShort page with the word prognosis in it.\n",
    "docs/sub/beta.md": "# Beta\n\n" + "Radiation therapy uses high-energy rays to kill cancer cells. " * 30 + "\n",
}


def make_tree(root: Path, reverse: bool) -> None:
    """The same pages, created in opposite orders (directory order on disk follows it)."""
    for rel in sorted(PAGES, reverse=reverse):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(PAGES[rel].encode("utf-8"))


def run_cli(root: Path, out: Path, extra_env: dict[str, str], args: list[str]) -> dict[str, bytes]:
    out.mkdir(parents=True, exist_ok=True)
    # text goes to standard output, every other format to a file of its own
    formats = ["--format=text"] + [f"--format={n}:{out / n}" for n in FORMAT_NAMES if n != "text"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONHASHSEED"))}
    env.update({"PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}, **extra_env)
    proc = subprocess.run(
        [sys.executable, "-m", "pladlint", "check", "docs", "--today", "2026-11-28", *formats,
         *args],
        cwd=root, env=env, capture_output=True, timeout=600,
    )
    assert proc.returncode == 2, proc.stderr.decode(errors="replace")  # broken.md: exit 2
    outputs = {name: (out / name).read_bytes() for name in FORMAT_NAMES if name != "text"}
    outputs["text"] = proc.stdout
    return {name: data.replace(str(root).encode(), b"<ROOT>") for name, data in outputs.items()}


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {rel: ((root / rel).read_bytes(), (root / rel).stat().st_mtime_ns) for rel in PAGES}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, dict[str, bytes]]:
    first = tmp_path_factory.mktemp("first")
    second = tmp_path_factory.mktemp("second")
    make_tree(first, reverse=False)
    make_tree(second, reverse=True)
    before = snapshot(first), snapshot(second)
    base_env = {"PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8", "TZ": "UTC"}
    results = {
        "base": run_cli(first, first.parent / "out-base", base_env, ["--jobs=1"]),
        "other": run_cli(second, second.parent / "out-other",
                         {"PYTHONHASHSEED": "4242", "LC_ALL": "C", "LANG": "tr_TR.UTF-8",
                          "TZ": "Pacific/Chatham"},
                         ["--jobs=2"]),
        # Only the number of workers differs from the base run.
        "jobs2": run_cli(first, first.parent / "out-jobs2", base_env, ["--jobs=2", "--no-cache"]),
    }
    results["_unchanged"] = {"ok": before == (snapshot(first), snapshot(second))}  # type: ignore
    return results


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
def test_output_is_byte_identical(runs, fmt: str) -> None:
    base = runs["base"][fmt]
    assert base.strip(), f"{fmt}: empty output"
    assert runs["other"][fmt] == base, f"{fmt}: differs with another file order, seed, locale, jobs"


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
def test_jobs_1_and_2_were_compared(runs, fmt: str) -> None:
    # Below SERIAL_BELOW pages `--jobs 2` lints in one process and would compare nothing.
    assert len(PAGES) >= SERIAL_BELOW, "too few pages for worker processes to start"
    assert runs["jobs2"][fmt] == runs["base"][fmt], f"{fmt}: --jobs 2 differs from --jobs 1"


def test_check_never_changes_a_page(runs) -> None:
    assert runs["_unchanged"]["ok"]
