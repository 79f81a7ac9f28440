"""`glossary-url`: jargon findings whose term has a glossary entry get a "link it" fix
(`check --fix --fix-links`, `--diff --fix-links`, and a quick fix in the editor server)."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lsprotocol import types

from pladlint.cli import main
from pladlint.config import ConfigError, parse_config
from pladlint.fixes import glossary_link, glossary_slug, glossary_url_for, plan_link_edits

ROOT = Path(__file__).resolve().parent.parent
NCI = "https://www.cancer.gov/publications/dictionaries/cancer-terms/def/{slug}"
PAGE = """---
audienceLevel: patient
---

# Your visit

You may need a biopsy, in order to check the lump. You may get pembrolizumab.
Some people get anaphylaxis.

## Other tests

A [biopsy report](https://example.org/report) is written. The **lymph** nodes may be removed.
"""
BIOPSY = "[biopsy](https://www.cancer.gov/publications/dictionaries/cancer-terms/def/biopsy)"
DRUG = ("[pembrolizumab]"
        "(https://www.cancer.gov/publications/dictionaries/cancer-terms/def/pembrolizumab)")


def run(*args: str):
    return CliRunner().invoke(main, ["check", "--no-cache", *args], catch_exceptions=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".pladlint.toml").write_text(f'glossary-url = "{NCI}"\n', encoding="utf-8")
    page = tmp_path / "visit.md"
    page.write_text(PAGE, encoding="utf-8")
    return page


def test_slug_and_term_fields() -> None:
    assert glossary_slug("lymph node") == "lymph-node"
    assert glossary_slug("Hodgkin's  lymphoma (HL)") == "hodgkin-s-lymphoma-hl"
    assert glossary_link("/glossary#{slug}", "Lymph node") == "/glossary#lymph-node"
    assert glossary_link("/g?q={term}", "lymph node/gland") == "/g?q=lymph%20node%2Fgland"


@pytest.mark.parametrize("value", ["https://x.test/glossary", "/g/{slug}/{id}", "/g/{slug} x", 3])
def test_glossary_url_is_validated(tmp_path: Path, value) -> None:
    with pytest.raises(ConfigError, match="glossary-url"):
        parse_config({"glossary-url": value}, "test")
    shown = f'"{value}"' if isinstance(value, str) else str(value)
    (tmp_path / ".pladlint.toml").write_text(f"glossary-url = {shown}\n", encoding="utf-8")
    (tmp_path / "p.md").write_text("# Hi\n\nRest.\n", encoding="utf-8")
    out = run(str(tmp_path / "p.md"))
    assert out.exit_code == 2 and "glossary-url" in out.output
    assert parse_config({"glossary-url": "/glossary#{slug}"}, "t").glossary_url == \
        "/glossary#{slug}"


def test_diff_shows_links_only_with_fix_links(project: Path) -> None:
    plain = run("--diff", str(project))
    assert plain.exit_code == 1
    assert "+You may need a biopsy, to check the lump." in plain.output  # the safe swap
    assert "](https://" not in plain.output  # no link without --fix-links
    linked = run("--diff", "--fix-links", str(project))
    assert linked.exit_code == 1
    assert (f"+You may need a {BIOPSY}, to check the lump. You may get {DRUG}.\n"
            in linked.output)
    assert "+Some people get anaphylaxis." not in linked.output  # CDC only: no NCI entry
    assert "def/lymph-node" not in linked.output  # markup inside "**lymph** nodes"
    assert "[[biopsy" not in linked.output and "report](https://www.cancer" not in linked.output
    assert "link 2 terms to the glossary" in linked.output
    assert project.read_text(encoding="utf-8") == PAGE  # --diff never writes


def test_fix_applies_links_only_with_fix_links(project: Path) -> None:
    swapped = run("--fix", "--format", "concise", str(project))
    text = project.read_text(encoding="utf-8")
    assert "You may need a biopsy, to check the lump." in text
    assert "](https://www.cancer" not in text
    assert "jargon-unexplained 'biopsy'" in swapped.output
    fixed = run("--fix", "--fix-links", "--format", "concise", str(project))
    text = project.read_text(encoding="utf-8")
    assert f"You may need a {BIOPSY}, to check the lump. You may get {DRUG}.\n" in text
    assert "A [biopsy report](https://example.org/report) is written." in text
    assert "The **lymph** nodes may be removed." in text
    assert "linked 2 terms to the glossary in 1 file" in fixed.output
    # the links explain the terms: they are no longer reported
    assert "'biopsy'" not in fixed.output and "'pembrolizumab'" not in fixed.output
    again = run("--diff", "--fix-links", str(project))
    assert again.exit_code == 0 and "](https://www.cancer" not in again.output


def test_fix_links_needs_fix_or_diff_and_a_glossary_url(tmp_path: Path, project: Path) -> None:
    alone = run("--fix-links", str(project))
    assert alone.exit_code == 2 and "--fix-links" in alone.output
    bare = tmp_path / "bare"
    bare.mkdir()
    (bare / ".pladlint.toml").write_text('audience = "patient"\n', encoding="utf-8")
    page = bare / "p.md"
    page.write_text(PAGE, encoding="utf-8")
    out = run("--diff", "--fix-links", str(page))
    assert "no 'glossary-url'" in out.output and "](https://" not in out.output


def test_relative_pattern_and_project_glossary(tmp_path: Path) -> None:
    from pladlint.api import lint_text

    (tmp_path / "glossary.yml").write_text("hospice care: care at the end of life\n",
                                           encoding="utf-8")
    where = str(tmp_path / ".pladlint.toml")
    (tmp_path / ".pladlint.toml").write_text("", encoding="utf-8")
    config = parse_config({"glossary-url": "/glossary#{slug}", "glossary": "glossary.yml"}, where)
    result = lint_text(PAGE, config, path="visit.md")
    edits = {e.old: e.new for e in plan_link_edits(result, config)}
    assert edits == {"biopsy": "[biopsy](/glossary#biopsy)",
                     "pembrolizumab": "[pembrolizumab](/glossary#pembrolizumab)"}
    finding = next(f for f in result.findings if f.text == "biopsy")
    assert glossary_url_for(finding, config) == "/glossary#biopsy"
    # a project glossary term has an entry even when no NCI pack lists it
    fake = type(finding)(**{**finding.__dict__, "data": {"term": "Hospice care"}})
    assert glossary_url_for(fake, config) == "/glossary#hospice-care"
    # no glossary-url: no link fixes at all
    assert plan_link_edits(result, parse_config({}, where)) == []


# -- the editor server -----------------------------------------------------------------------

async def _link_action(tmp_path: Path) -> dict:
    from pygls.lsp.client import LanguageClient

    (tmp_path / ".pladlint.toml").write_text(f'glossary-url = "{NCI}"\n', encoding="utf-8")
    page = tmp_path / "visit.md"
    page.write_text(PAGE, encoding="utf-8")
    uri = page.as_uri()
    client = LanguageClient("pladlint-test", "1")
    arrived: asyncio.Queue = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        arrived.put_nowait(params)

    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), PLADLINT_NO_CACHE="1")
    await client.start_io(sys.executable, "-m", "pladlint", "lsp", "--debounce", "0.05",
                          cwd=str(tmp_path), env=env)
    out: dict = {}
    try:
        await asyncio.wait_for(client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=tmp_path.as_uri())), 60)
        client.initialized(types.InitializedParams())
        client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=PAGE)))
        diagnostics = (await asyncio.wait_for(arrived.get(), 60)).diagnostics
        jargon = next(d for d in diagnostics
                      if d.code == "jargon-unexplained" and d.range.start.line == 6)
        out["jargon"] = jargon
        out["quick"] = await client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri), range=jargon.range,
            context=types.CodeActionContext(diagnostics=[jargon],
                                            only=[types.CodeActionKind.QuickFix])))
        out["all"] = await client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri), range=jargon.range,
            context=types.CodeActionContext(diagnostics=[],
                                            only=[types.CodeActionKind.SourceFixAll])))
        out["uri"] = uri
        await asyncio.wait_for(client.shutdown_async(None), 30)
        client.exit(None)
        await asyncio.wait_for(client._server.wait(), 30)
    finally:
        server = getattr(client, "_server", None)
        if server is not None and server.returncode is None:
            server.kill()
        await client.stop()
    return out


def test_lsp_offers_a_link_quick_fix(tmp_path: Path) -> None:
    pytest.importorskip("pygls")
    out = asyncio.run(asyncio.wait_for(_link_action(tmp_path), 120))
    jargon = out["jargon"]
    assert (jargon.range.start.line, jargon.range.start.character) == (6, 15)
    (action,) = [a for a in out["quick"] if a.title.startswith("Link ")]
    assert action.title == "Link 'biopsy' to the glossary"
    assert action.kind == types.CodeActionKind.QuickFix
    assert action.diagnostics and action.diagnostics[0].code == "jargon-unexplained"
    (edit,) = action.edit.changes[out["uri"]]
    assert edit.new_text == BIOPSY
    assert (edit.range.start.line, edit.range.start.character) == (6, 15)
    assert (edit.range.end.line, edit.range.end.character) == (6, 21)
    # "fix all" stays the safe word swaps: links are one at a time, on request
    for fix_all in out["all"] or []:
        assert all("](" not in e.new_text for e in fix_all.edit.changes[out["uri"]])


def test_only_plain_prose_is_linked() -> None:
    """A heading, text inside a link and text with markup or escapes inside are left alone,
    whatever finding points at them; a table cell or list item is plain prose."""
    from pladlint.checks.base import Severity
    from pladlint.findings import FileResult, Finding

    text = ("# Biopsy\n\n"
            "- a biopsy\n"
            "- a [biopsy](/x)\n"
            "- lymph\\-node\n"
            "- *lymph* node\n\n"
            "| a | biopsy |\n|---|---|\n")
    spans = {"heading": text.index("Biopsy"), "item": text.index("a biopsy") + 2,
             "link": text.index("[biopsy") + 1, "escape": text.index("lymph\\"),
             "markup": text.index("*lymph*"), "cell": text.index("| biopsy") + 2}
    ends = {"escape": text.index("\\-node") + 6, "markup": text.index("* node") + 6}
    config = parse_config({"glossary-url": "/g/{slug}"}, "t")
    findings = []
    for name, start in spans.items():
        end = ends.get(name, start + len("biopsy"))
        term = "lymph node" if name in ("escape", "markup") else "biopsy"
        findings.append(Finding("jargon-unexplained", "PL201", Severity.WARNING, name, "p.md",
                                1, 1, 1, 1, "", text[start:end], None, start, end,
                                {"term": term, "pack": "jargon/nci-cancer-terms.yml"}))
    result = FileResult("p.md", "patient", "en", findings=findings, source=text)
    edits = plan_link_edits(result, config)
    assert sorted((e.start, e.new) for e in edits) == [
        (spans["item"], "[biopsy](/g/biopsy)"), (spans["cell"], "[biopsy](/g/biopsy)")]


def test_a_term_inside_an_html_attribute_is_never_linked() -> None:
    """Found by the fuzz campaign: `--fix-links` linked a term inside a tag's attribute again
    on every run, so the page grew each time."""
    from pladlint.checks.base import Severity
    from pladlint.findings import FileResult, Finding

    text = '<span title="a biopsy">x</span> and a biopsy.\n'
    config = parse_config({"glossary-url": "/g/{slug}"}, "t")
    findings = [Finding("jargon-unexplained", "PL201", Severity.WARNING, "m", "p.md", 1, 1, 1, 1,
                        "", "biopsy", None, start, start + 6,
                        {"term": "biopsy", "pack": "jargon/nci-cancer-terms.yml"})
                for start in (text.index("biopsy"), text.rindex("biopsy"))]
    edits = plan_link_edits(FileResult("p.md", "patient", "en", findings=findings, source=text),
                            config)
    assert [(e.start, e.new) for e in edits] == [(text.rindex("biopsy"), "[biopsy](/g/biopsy)")]
