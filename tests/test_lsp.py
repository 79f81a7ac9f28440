"""`pladlint lsp` end to end: a pygls client starts the server over stdio, opens a page, gets
diagnostics, asks for hover and a code action, applies it, and sees the finding go away."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest
from lsprotocol import types

pytest.importorskip("pygls")
from pygls.lsp.client import LanguageClient  # noqa: E402

from pladlint.lsp import from_position, to_position, utf16_column  # noqa: E402
from pladlint.positions import LineIndex  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PAGE = ("# Before your scan\n\n"
        "Stop eating six hours prior to the scan. Your nurse checks you.\n\n"
        "![](scan.png)\n")


def test_utf16_positions_round_trip() -> None:
    text = "# 😀 Title\nab😀cd\n"
    index = LineIndex(text)
    offset = text.index("cd")
    pos = to_position(index, text, offset)
    assert (pos.line, pos.character) == (1, 4)  # the emoji takes two UTF-16 units
    assert from_position(index, text, pos) == offset
    assert utf16_column("a😀b", 3) == 4


async def _session(tmp_path: Path) -> dict:
    page = tmp_path / "scan.md"
    page.write_text(PAGE, encoding="utf-8")
    uri = page.as_uri()
    client = LanguageClient("pladlint-test", "1")
    published: list[types.PublishDiagnosticsParams] = []
    arrived = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published.append(params)
        arrived.set()

    async def next_diagnostics() -> types.PublishDiagnosticsParams:
        await asyncio.wait_for(arrived.wait(), 60)
        arrived.clear()
        return published[-1]

    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    await client.start_io(sys.executable, "-m", "pladlint", "lsp", "--debounce", "0.05",
                          cwd=str(tmp_path), env=env)
    out: dict = {}
    try:
        init = await asyncio.wait_for(client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=tmp_path.as_uri())), 60)
        out["capabilities"] = init.capabilities
        client.initialized(types.InitializedParams())
        client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=PAGE)))
        first = await next_diagnostics()
        out["first"] = first.diagnostics
        wordy = next(d for d in first.diagnostics if d.code == "wordy-phrase")
        out["hover"] = await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri), position=wordy.range.start))
        actions = await client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri), range=wordy.range,
            context=types.CodeActionContext(diagnostics=[wordy],
                                            only=[types.CodeActionKind.QuickFix])))
        out["actions"] = actions
        (edit,) = actions[0].edit.changes[uri]
        # apply the edit as an editor would, and send the change (debounced re-check)
        lines = PAGE.split("\n")
        line = lines[edit.range.start.line]
        lines[edit.range.start.line] = (line[:edit.range.start.character] + edit.new_text
                                        + line[edit.range.end.character:])
        fixed = "\n".join(lines)
        out["fixed"] = fixed
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)]))
        second = await next_diagnostics()
        out["second"] = second
        client.text_document_did_close(types.DidCloseTextDocumentParams(
            types.TextDocumentIdentifier(uri)))
        out["closed"] = (await next_diagnostics()).diagnostics
        await asyncio.wait_for(client.shutdown_async(None), 30)
        client.exit(None)
        await asyncio.wait_for(client._server.wait(), 30)  # the server ends on `exit`
    finally:
        server = getattr(client, "_server", None)
        if server is not None and server.returncode is None:
            server.kill()  # a failed step: do not leave the server running
        await client.stop()
    return out


def test_diagnostics_hover_and_code_action_round_trip(tmp_path: Path) -> None:
    out = asyncio.run(asyncio.wait_for(_session(tmp_path), 120))
    caps = out["capabilities"]
    assert caps.hover_provider and caps.code_action_provider
    rules = {d.code for d in out["first"]}
    assert {"wordy-phrase", "image-alt-missing"} <= rules
    image = next(d for d in out["first"] if d.code == "image-alt-missing")
    assert image.severity == types.DiagnosticSeverity.Error
    assert (image.range.start.line, image.range.start.character) == (4, 0)
    wordy = next(d for d in out["first"] if d.code == "wordy-phrase")
    assert (wordy.range.start.line, wordy.range.start.character) == (2, 22)
    assert wordy.source == "pladlint"
    hover = out["hover"].contents.value
    assert "wordy-phrase" in hover and "Why it matters" in hover
    (action,) = out["actions"]
    assert action.title == "Replace 'prior to' with 'before'"
    assert action.kind == types.CodeActionKind.QuickFix
    assert "six hours before the scan" in out["fixed"]
    second = out["second"]
    assert second.version == 2
    assert "wordy-phrase" not in {d.code for d in second.diagnostics}
    assert "image-alt-missing" in {d.code for d in second.diagnostics}
    assert list(out["closed"]) == []
