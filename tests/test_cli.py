"""The command line: exit codes, bad input, config errors, stdin, formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pladlint import __version__
from pladlint.cli import main

CLEAN = "---\naudienceLevel: patient\n---\n\n# Care at home\n\nRest when you can. Drink water.\n"
DIRTY = "# Scan\n\n![](scan.png)\n"


def run(args: list[str], input: bytes | str | None = None, cwd: Path | None = None):
    runner = CliRunner()
    return runner.invoke(main, args, input=input, catch_exceptions=False)


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "dirty.md").write_text(DIRTY, encoding="utf-8")
    return tmp_path


def test_version_and_rules_and_explain() -> None:
    assert __version__ in run(["--version"]).output
    out = run(["rules"]).output
    assert "PL101" in out and "reading-grade" in out and "image-alt-missing" in out
    explained = run(["explain", "image-alt-missing"])
    assert explained.exit_code == 0
    for heading in ("Why it matters", "Example", "How to fix it", "Configuration"):
        assert heading in explained.output
    assert run(["explain", "PL301"]).exit_code == 0
    assert run(["explain", "no-such-rule"]).exit_code == 2


def test_exit_codes(pages: Path) -> None:
    assert run(["check", str(pages / "clean.md")]).exit_code == 0
    result = run(["check", str(pages / "dirty.md")])
    assert result.exit_code == 1
    assert f"{(pages / 'dirty.md').as_posix()}:3:1: error image-alt-missing" in result.output.replace(
        str(pages), pages.as_posix())
    assert run(["check", "--fail-on", "never", str(pages / "dirty.md")]).exit_code == 0
    assert run(["check", "--no-such-flag"]).exit_code == 2
    assert run(["check", str(pages / "missing.md")]).exit_code == 2


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("utf16.md", "# Titre\n".encode("utf-16"), "save it as UTF-8"),
        ("latin1.md", "café\n".encode("latin-1"), "invalid UTF-8"),
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("yaml.md", b"---\ntitle: [x\n---\nBody\n", "not valid YAML"),
        ("unclosed.md", b"---\ntitle: x\nBody\n", "never closed"),
        ("listfm.md", b"---\n- a\n---\nBody\n", "must be a mapping"),
    ],
)
def test_bad_input_is_one_line_error_and_others_still_linted(
    pages: Path, name: str, data: bytes, reason: str
) -> None:
    (pages / name).write_bytes(data)
    result = run(["check", "--format", "json", str(pages)])
    assert result.exit_code == 2
    payload = json.loads(result.output)
    assert {f["path"].rsplit("/", 1)[-1] for f in payload["files"]} == {"clean.md", "dirty.md"}
    (error,) = payload["errors"]
    assert error["path"].endswith(name) and reason in error["message"]
    assert "\n" not in error["message"]
    text = run(["check", str(pages / name)]).output
    assert "Traceback" not in text and reason in text


@pytest.mark.parametrize(
    "content",
    [b"", b"---\ntitle: only front matter\n---\n", "\ufeff# Title\n\nText.\n".encode(),
     b"# T\r\n\r\n\tTabbed text.\r\n"],
)
def test_empty_bom_crlf_and_front_matter_only_files_are_linted(tmp_path: Path, content: bytes) -> None:
    page = tmp_path / "p.md"
    page.write_bytes(content)
    assert run(["check", str(page)]).exit_code == 0


def test_big_file_is_linted_or_refused_cleanly(tmp_path: Path) -> None:
    page = tmp_path / "big.md"
    page.write_text("Rest well. " * 600_000, encoding="utf-8")  # ~6.6 MB
    config = tmp_path / ".pladlint.toml"
    config.write_text('max-file-size = "5MB"\n', encoding="utf-8")
    result = run(["check", str(page)])
    assert result.exit_code == 2
    assert "max-file-size" in result.output and "Traceback" not in result.output


def test_stdin_with_filename() -> None:
    result = run(["check", "-", "--stdin-filename", "docs/page.md", "--format", "concise"],
                 input=DIRTY)
    assert result.exit_code == 1
    assert result.output.startswith("docs/page.md:3:1: error image-alt-missing")


@pytest.mark.parametrize(
    "config, message",
    [
        ("audience = 3\n", "'audience' must be str"),
        ("colour = true\n", "unknown key 'colour'"),
        ("[rules]\nno-such-rule = 'off'\n", "unknown rule 'no-such-rule'"),
        ("[rules.reading-grade]\ntarget = 'eight'\n", "'rules.reading-grade.target'"),
        ("[rules.reading-grade]\nbogus = 1\n", "unknown option 'rules.reading-grade.bogus'"),
        ("audience = 'aliens'\n", "not one of"),
        ("fail-on = 'sometimes'\n", "'fail-on' must be one of"),
        ("this is not toml", "not valid TOML"),
    ],
)
def test_config_errors_name_the_key_and_exit_2(pages: Path, config: str, message: str) -> None:
    (pages / ".pladlint.toml").write_text(config, encoding="utf-8")
    result = run(["check", str(pages)])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_config_in_pyproject_is_found_walking_up(pages: Path) -> None:
    (pages / "pyproject.toml").write_text(
        "[tool.pladlint]\n[tool.pladlint.rules]\nimage-alt-missing = 'off'\n", encoding="utf-8")
    sub = pages / "docs" / "deep"
    sub.mkdir(parents=True)
    (sub / "dirty.md").write_text(DIRTY, encoding="utf-8")
    assert run(["check", str(sub)]).exit_code == 0
    assert run(["check", "--config", str(pages / "nope.toml"), str(sub)]).exit_code == 2


def test_folder_discovery_extensions_excludes_and_gitignore(tmp_path: Path) -> None:
    for rel in ("a.md", "b.markdown", "c.mdx", "d.txt", "node_modules/x.md", "drafts/e.md",
                "keep/f.md", "ignored/g.md"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(DIRTY, encoding="utf-8")
    (tmp_path / ".gitignore").write_text("ignored/\n", encoding="utf-8")
    (tmp_path / ".pladlint.toml").write_text('extend-exclude = ["drafts/"]\n', encoding="utf-8")
    payload = json.loads(run(["check", "--format", "json", str(tmp_path)]).output)
    names = sorted(f["path"].rsplit("/", 1)[-1] for f in payload["files"])
    assert names == ["a.md", "b.markdown", "c.mdx", "f.md"]


def test_json_output_shape(pages: Path) -> None:
    payload = json.loads(run(["check", "--format", "json", str(pages / "dirty.md")]).output)
    assert set(payload) >= {"version", "files", "errors", "summary"}
    (file,) = payload["files"]
    assert set(file) >= {"path", "audience", "language", "sections", "findings"}
    section = file["sections"][0]
    assert set(section) >= {"heading", "level", "line", "end_line", "words", "sentences",
                            "grade", "scores", "target"}
    finding = file["findings"][0]
    assert set(finding) >= {"rule", "code", "severity", "message", "line", "column", "end_line",
                            "end_column", "section", "text", "suggestion"}
    assert finding["section"] == "Scan" and finding["text"] == "![](scan.png)"


def test_output_is_deterministic(pages: Path) -> None:
    first = run(["check", "--format", "json", str(pages)]).output
    assert first == run(["check", "--format", "json", str(pages)]).output
