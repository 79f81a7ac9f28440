"""Safe configuration and clean errors: no object construction from YAML, no eval, errors
of one line naming the file, the reason and (for configuration) the key; exit code 2; the
traceback only with --debug."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from click.testing import CliRunner

from pladlint import cli
from pladlint.api import lint_bytes
from pladlint.vocab.audiences import load_audiences
from pladlint.config import Config
from pladlint.findings import FileError
from pladlint.vocab.packs import PackError, load_yaml, packs_dir

SRC = Path(__file__).resolve().parent.parent / "src" / "pladlint"
EXPLOIT = "!!python/object/apply:os.system ['touch {marker}']"


def test_front_matter_tags_never_construct_objects(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    page = f"---\ntitle: {EXPLOIT.format(marker=marker)}\n---\n# Page\n".encode()
    outcome = lint_bytes(page, Config(), "page.md")
    assert isinstance(outcome, FileError)
    assert outcome.message.startswith("front matter is not valid YAML on line 2")
    assert "\n" not in outcome.message
    assert not marker.exists()


def test_rule_pack_tags_never_construct_objects(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    pack = tmp_path / "pack.yml"
    pack.write_text(f"terms:\n  - {EXPLOIT.format(marker=marker)}\n")
    with pytest.raises(PackError, match=r"pack\.yml: line 2 not valid YAML"):
        load_yaml(pack)
    assert not marker.exists()


def test_every_shipped_pack_loads_with_the_safe_loader() -> None:
    for path in sorted(packs_dir().rglob("*.yml")):
        assert isinstance(load_yaml(path), dict), path


def test_a_malformed_pack_names_the_file_and_the_key(tmp_path: Path) -> None:
    good = (packs_dir() / "audiences.yml").read_text(encoding="utf-8")
    (tmp_path / "audiences.yml").write_text(good.replace("target_grade: 8", "target_grade: eight", 1))
    with pytest.raises(PackError) as info:
        load_audiences(str(tmp_path))
    assert "audiences.yml" in str(info.value) and "'target_grade' must be" in str(info.value)


def test_no_eval_exec_or_dynamic_import_in_the_source() -> None:
    """Nothing a page or a configuration says is ever run as code."""
    forbidden = {"eval", "exec", "compile", "__import__"}
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in forbidden, f"{path.name}:{node.lineno} {node.func.id}()"


@pytest.mark.parametrize("toml, expected", [
    ("[tool.pladlint]\nmax-file-size = -1\n", "'max-file-size' must be a positive number"),
    ("[tool.pladlint]\nauidence = 'patient'\n", "unknown key 'auidence'"),
    ("[tool.pladlint.rules]\nPL999 = 'off'\n", "unknown rule 'PL999'"),
    ("[tool.pladlint.rules.jargon-unexplained]\nglossary-patterns = ['(a']\n",
     "'rules.jargon-unexplained.glossary-patterns' '(a' is not a valid regular expression"),
    ("[tool.pladlint\n", "not valid TOML"),
])
def test_config_errors_are_one_line_naming_the_file_and_key(tmp_path: Path, monkeypatch,
                                                           toml: str, expected: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_text(toml)
    Path("page.md").write_text("# Page\n\nShort.\n")
    result = CliRunner().invoke(cli.main, ["check", "page.md"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("pladlint: error: ")
    assert "pyproject.toml" in lines[0] and expected in lines[0], lines[0]


def test_unreadable_files_are_one_line_each_and_exit_2(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("binary.md").write_bytes(b"\x00\x01\x02")
    Path("latin1.md").write_bytes("caf\xe9\n".encode("latin-1"))
    Path("ok.md").write_text("# Fine\n\nShort page.\n")
    result = CliRunner().invoke(cli.main, ["check", ".", "--format", "concise"])
    assert result.exit_code == 2
    assert "binary.md" in result.output and "binary file" in result.output
    assert "latin1.md" in result.output and "invalid UTF-8 at byte 3 (line 1)" in result.output


def _explode(*args, **kwargs):
    raise ValueError("something broke\nwith a second line")


def test_internal_error_is_one_line_without_debug(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("page.md").write_text("# Page\n")
    monkeypatch.setattr("pladlint.api.lint_paths", _explode)
    result = CliRunner().invoke(cli.main, ["check", "page.md"])
    assert result.exit_code == 2
    assert result.output == ("pladlint: error: internal error (ValueError: something broke with a "
                             "second line); run with --debug for the traceback and report it\n")


def test_debug_shows_the_traceback(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("page.md").write_text("# Page\n")
    monkeypatch.setattr("pladlint.api.lint_paths", _explode)
    result = CliRunner().invoke(cli.main, ["check", "--debug", "page.md"])
    assert isinstance(result.exception, ValueError)  # propagates: Python prints the traceback


def test_a_crashing_rule_is_a_per_file_error_naming_the_file(tmp_path: Path, monkeypatch) -> None:
    from pladlint.checks.accessibility.image_alt_missing import ImageAltMissing

    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text("# A\n\n![](x.png)\n")
    Path("b.md").write_text("# B\n\nFine.\n")
    monkeypatch.setattr(ImageAltMissing, "check", _explode)
    args = ["check", "a.md", "b.md", "--format", "concise", "--select", "image-alt-missing"]
    if "--jobs" in CliRunner().invoke(cli.main, ["check", "-h"]).output:
        args += ["--jobs", "1", "--no-cache"]
    result = CliRunner().invoke(cli.main, args)
    assert result.exit_code == 2
    assert "a.md" in result.output and "internal error (ValueError" in result.output
    assert "run with --debug" in result.output
    debug = CliRunner().invoke(cli.main, [*args, "--debug"])
    assert isinstance(debug.exception, ValueError)


class _Plant:
    """Unpickling this runs `open(marker, 'w')`: what a planted cache entry could do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def test_a_cache_entry_planted_in_the_repository_is_never_unpickled(tmp_path: Path,
                                                                     monkeypatch) -> None:
    import pickle

    from pladlint.engine import cache as cache_mod
    from pladlint.api import display_path, lint_paths

    monkeypatch.chdir(tmp_path)
    page = Path("page.md")
    page.write_text("# Page\n\nShort page.\n")
    cache = cache_mod.ResultCache(tmp_path / ".pladlint_cache")
    key = cache.key(page.read_bytes(), Config(), display_path(page), None)
    entry = cache._path(key)
    entry.parent.mkdir(parents=True)
    marker = tmp_path / "pwned"
    payload = pickle.dumps(_Plant(marker))
    entry.write_bytes(cache_mod._FORMAT + b"\0" * 32 + payload)  # an attacker lacks the key
    result = lint_paths([page], Config(), cache=cache)
    assert not marker.exists()
    assert [f.path for f in result.files] == ["page.md"] and cache.misses == 1


def test_a_precompiled_table_planted_in_the_repository_is_ignored(tmp_path: Path,
                                                                   monkeypatch) -> None:
    from pladlint.vocab import precompiled

    monkeypatch.setattr(precompiled, "_cache_dir", tmp_path)
    assert precompiled.stored("table", "k1", lambda: {"a": 1}) == {"a": 1}  # built, stored
    assert precompiled.stored("table", "k1", lambda: {"a": 2}) == {"a": 1}  # read back
    planted = tmp_path / "precompiled" / "table-k2.marshal"
    import marshal
    planted.write_bytes(b"\0" * 32 + marshal.dumps({"a": "planted"}))
    assert precompiled.stored("table", "k2", lambda: {"a": 3}) == {"a": 3}
