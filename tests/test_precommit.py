"""The pre-commit hook, exercised by the real `pre-commit try-repo`.

pre-commit builds its own virtualenv and pip-installs this repository into it, which needs
the package index; the suite blocks sockets only in-process, so it runs as a subprocess. It
is slow (minutes, the first time), so it runs only when PLADLINT_PRECOMMIT_TEST=1 (CI sets
it in .ci/run). The manifest itself is validated always.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

GOOD = "---\naudienceLevel: patient\n---\n\n# Care at home\n\nRest when you can. Drink water.\n"
BAD = "# Your scan\n\n![](scan.png)\n"


def pre_commit() -> list[str]:
    exe = shutil.which("pre-commit")
    if exe:
        return [exe]
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        pytest.skip("pre-commit is not installed (pip install '.[test]')")
    return [sys.executable, "-m", "pre_commit"]


def test_manifest_is_valid() -> None:
    proc = subprocess.run([*pre_commit(), "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "pladlint" and hook["language"] == "python"
    assert hook["types"] == ["markdown"] and hook["entry"] == "pladlint check"


@pytest.mark.skipif(os.environ.get("PLADLINT_PRECOMMIT_TEST") != "1",
                    reason="slow and needs the package index: set PLADLINT_PRECOMMIT_TEST=1")
def test_try_repo_passes_good_and_fails_bad(tmp_path: Path) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("pre-commit try-repo needs this checkout to be a git repository")
    if shutil.which("git") is None:
        pytest.skip("needs git")
    repo = tmp_path / "content"
    repo.mkdir()
    (repo / "good.md").write_text(GOOD, encoding="utf-8")
    (repo / "bad.md").write_text(BAD, encoding="utf-8")
    (repo / "notes.txt").write_text("![](not-markdown.png)\n", encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    env.pop("PYTHONPATH", None)
    for cmd in (["git", "init", "-q"], ["git", "add", "."]):
        subprocess.run(cmd, cwd=repo, env=env, check=True, timeout=60)

    # An explicit commit: pre-commit then installs the hook's environment once and reuses it
    # for the second run (without --ref, a tree with uncommitted changes gets a new shadow
    # copy, and a new environment, on every run). The hook tested is the committed one.
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True,
                          text=True, check=True, timeout=60).stdout.strip()

    def try_repo(*files: str) -> subprocess.CompletedProcess:
        return subprocess.run([*pre_commit(), "try-repo", str(ROOT), "pladlint", "--ref", head,
                               "--files", *files],
                              cwd=repo, env=env, capture_output=True, text=True, timeout=1800)

    good = try_repo("good.md", "notes.txt")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
    bad = try_repo("good.md", "bad.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout and "bad.md:3:1" in bad.stdout
    assert "image-alt-missing" in bad.stdout
