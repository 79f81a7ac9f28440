"""action.yml runs the commands the README documents, and they work.

The action's "Run pladlint" step is executed with bash, with a `pladlint` shim on PATH that
records its arguments and runs this checkout's pladlint; the recorded command must be the
`pladlint check` line of the README's workflow without the action.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")


def action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def readme_ci_yaml() -> list:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Use in CI", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```yaml\n(.*?)```", section, re.S)
    return [yaml.safe_load(b) for b in blocks]


def readme_steps() -> list[dict]:
    """The steps of the README's workflows: the full one and the one without the action."""
    steps = []
    for doc in readme_ci_yaml():
        if isinstance(doc, dict) and "jobs" in doc:
            for job in doc["jobs"].values():
                steps.extend(job["steps"])
        elif isinstance(doc, dict) and "steps" in doc:
            steps.extend(doc["steps"])
    return steps


def readme_check_command() -> list[str]:
    runs = [s["run"] for s in readme_steps() if "run" in s and "pladlint check" in s["run"]]
    assert len(runs) == 1, runs
    return shlex.split(runs[0])


def step(name: str) -> dict:
    return next(s for s in action()["runs"]["steps"] if s.get("name") == name)


def test_action_shape_and_inputs() -> None:
    data = action()
    assert data["runs"]["using"] == "composite"
    for key in ("paths", "config", "fail-on", "baseline", "version", "sarif"):
        assert key in data["inputs"], key
        assert data["inputs"][key]["description"]
    for s in data["runs"]["steps"]:
        if "run" in s:
            assert s["shell"] == "bash"
            # Inputs go through env, never pasted into the script (script injection).
            assert "${{" not in s["run"], s["name"]


def test_readme_workflow_uses_existing_inputs() -> None:
    used = [s for s in readme_steps() if str(s.get("uses", "")).startswith("pladlint/pladlint@")]
    assert used, "the README shows the action in a workflow"
    inputs = set(action()["inputs"])
    for s in used:
        assert set(s.get("with", {})) <= inputs
    uploads = [s for s in readme_steps() if "upload-sarif" in str(s.get("uses", ""))]
    assert uploads and all(u["if"] == "success() || failure()" for u in uploads)
    assert used[0]["with"]["sarif"] == uploads[0]["with"]["sarif_file"]


def test_install_step_matches_readme() -> None:
    script = step("Install pladlint")["run"]
    assert 'pip install "pladlint==$PLADLINT_VERSION"' in script
    assert 'pip install "$GITHUB_ACTION_PATH"' in script
    installs = [s["run"] for s in readme_steps() if "run" in s and "pip install" in s["run"]]
    assert installs == ["python -m pip install pladlint"]


def _shim(tmp_path: Path) -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "pladlint"
    shim.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n" "$@" > "{tmp_path / "argv.txt"}"\n'
        'if [ -n "$SHIM_RECORD_ONLY" ]; then exit 0; fi\n'
        f'PYTHONPATH="{ROOT / "src"}" exec "{sys.executable}" -m pladlint "$@"\n',
        encoding="utf-8")
    shim.chmod(shim.stat().st_mode | stat.S_IEXEC)
    return bin_dir


def run_action(tmp_path: Path, inputs: dict[str, str],
               record_only: bool = False) -> tuple[subprocess.CompletedProcess, list[str]]:
    spec = step("Run pladlint")
    defaults = {k: str(v.get("default", "")) for k, v in action()["inputs"].items()}
    values = {**defaults, **inputs}
    env = dict(os.environ)
    for key, expr in spec["env"].items():
        m = re.fullmatch(r"\$\{\{ inputs\.([\w-]+) \}\}", expr)
        assert m, expr
        env[key] = values[m.group(1)]
    env["PATH"] = f"{_shim(tmp_path)}{os.pathsep}{env['PATH']}"
    env["GITHUB_OUTPUT"] = str(tmp_path / "github_output")
    env.pop("GITHUB_STEP_SUMMARY", None)
    if record_only:
        env["SHIM_RECORD_ONLY"] = "1"
    proc = subprocess.run(["bash", "-e", "-c", spec["run"]], cwd=tmp_path / "repo", env=env,
                          capture_output=True, text=True, timeout=120)
    argv = (tmp_path / "argv.txt").read_text(encoding="utf-8").splitlines()
    return proc, argv


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    docs = tmp_path / "repo" / "docs"
    docs.mkdir(parents=True)
    (docs / "scan.md").write_text("# Your scan\n\n![](scan.png)\n", encoding="utf-8")
    return tmp_path


def test_action_runs_the_readme_command(repo: Path) -> None:
    documented = readme_check_command()
    assert documented[0] == "pladlint"
    sarif = next(a.split(":", 1)[1] for a in documented if a.startswith("sarif:"))
    fail_on = documented[documented.index("--fail-on") + 1]
    proc, argv = run_action(repo, {"paths": documented[-1], "fail-on": fail_on, "sarif": sarif})
    assert argv == documented[1:]
    assert proc.returncode == 1, proc.stderr
    assert "::error file=docs/scan.md,line=3" in proc.stdout
    log = json.loads((repo / "repo" / sarif).read_text(encoding="utf-8"))
    assert log["runs"][0]["results"][0]["ruleId"] == "PL301"
    assert (repo / "github_output").read_text(encoding="utf-8") == f"sarif={sarif}\n"


def test_action_passes_config_baseline_and_fail_on(repo: Path) -> None:
    work = repo / "repo"
    (work / "lint.toml").write_text('audience = "patient"\n', encoding="utf-8")
    (work / "base.json").write_text('{"findings": []}\n', encoding="utf-8")
    proc, argv = run_action(repo, {"paths": "docs/scan.md docs", "config": "lint.toml",
                                   "baseline": "base.json", "fail-on": "never",
                                   "sarif": "out dir/p.sarif"}, record_only=True)
    assert proc.returncode == 0, proc.stderr
    assert argv == ["check", "--format", "github", "--fail-on", "never", "--config",
                    "lint.toml", "--baseline", "base.json", "--format", "sarif:out dir/p.sarif",
                    "docs/scan.md", "docs"]
    # The same arguments are valid for this pladlint (parsed by its CLI, nothing run).
    from click.testing import CliRunner

    from pladlint.cli import main

    res = CliRunner().invoke(main, [*argv[:-2], "--help"])
    assert res.exit_code == 0, res.output
