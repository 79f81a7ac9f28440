"""What the editor server offers: the handlers of document events, hover on a finding, and
code actions (the safe plain-word swaps, one by one or all; glossary links)."""

from __future__ import annotations

from lsprotocol import types

from pladlint.checks import find_rule
from pladlint.config import CONFIG_FILES
from pladlint.findings import Finding
from pladlint.lsp.diagnostics import SOURCE
from pladlint.lsp.server import PladlintServer
from pladlint.lsp.utf16 import from_position, to_range

MARKDOWN_IDS = {"markdown", "mdx", "md"}
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")


def is_markdown(doc: types.TextDocumentItem | object) -> bool:
    language = getattr(doc, "language_id", None)
    uri = getattr(doc, "uri", "")
    return (language or "").lower() in MARKDOWN_IDS or uri.lower().endswith(MARKDOWN_SUFFIXES)


def hover_text(f: Finding) -> str:
    parts = [f"**{f.rule}** ({f.code}, {f.severity.value}): {f.message}"]
    if f.suggestion:
        parts.append(f"**Try:** {f.suggestion}")
    rule = find_rule(f.rule)
    if rule is not None:
        parts.append(f"**Why it matters.** {rule.rationale}")
        parts.append(f"**How to fix it.** {rule.fix}")
    return "\n\n".join(parts)


def hotspot_text(spot: dict) -> str:
    """What a hover says of one of a section's hardest sentences (JSON `hotspots`)."""
    why = f", mostly from {' and '.join(spot['why'])}" if spot.get("why") else ""
    return (f"**Difficulty {spot['difficulty']:g}** of 100{why}: one of the hardest sentences "
            "of its section. Run `pladlint explain-difficulty PAGE --line "
            f"{spot['line']}` for every part.")


def hotspot_hover(checked, offset: int) -> types.Hover | None:
    """A hover on one of the hardest sentences that no finding covers: its difficulty and
    what raises it, so a writer can ask why a sentence scores high."""
    index, text = checked.index, checked.result.source
    for section in checked.result.sections:
        for spot in section.hotspots:
            start = index.line_start(spot["line"] - 1) + spot["column"] - 1
            end = index.line_start(spot["end_line"] - 1) + spot["end_column"] - 1
            if start <= offset < end:
                return types.Hover(
                    contents=types.MarkupContent(types.MarkupKind.Markdown, hotspot_text(spot)),
                    range=to_range(index, text, start, end))
    return None


def _kind(kind: object) -> str:
    """A code action kind as its string value ('quickfix'), from an enum member or a str."""
    return str(getattr(kind, "value", kind))


def build_server(debounce: float = 0.3) -> PladlintServer:
    server = PladlintServer(debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PladlintServer, params: types.DidOpenTextDocumentParams) -> None:
        if is_markdown(params.text_document):
            ls.open_docs.add(params.text_document.uri)
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PladlintServer, params: types.DidChangeTextDocumentParams) -> None:
        if params.text_document.uri in ls.open_docs:
            ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PladlintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri.rsplit("/", 1)[-1] in CONFIG_FILES:  # a configuration file saved in the editor
            ls.recheck_all()
        elif uri in ls.open_docs:
            ls.configs.clear()  # a saved configuration file (or rule pack) takes effect
            ls.schedule(uri, 0)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched(ls: PladlintServer,
                           params: types.DidChangeWatchedFilesParams) -> None:
        if any(c.uri.rsplit("/", 1)[-1] in CONFIG_FILES for c in params.changes):
            ls.recheck_all()

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PladlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.forget(uri)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri,
                                                                            diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: PladlintServer, params: types.HoverParams) -> types.Hover | None:
        checked = ls.checked.get(params.text_document.uri)
        if checked is None:
            return None
        text = checked.result.source
        offset = from_position(checked.index, text, params.position)
        hits = [f for f in checked.result.findings
                if f.start <= offset < max(f.end, f.start + 1)]
        if not hits:
            return hotspot_hover(checked, offset)
        hits.sort(key=lambda f: f.end - f.start)  # the narrowest first: the word, then sentence
        value = "\n\n---\n\n".join(hover_text(f) for f in hits)
        return types.Hover(contents=types.MarkupContent(types.MarkupKind.Markdown, value),
                           range=to_range(checked.index, text, hits[0].start, hits[0].end))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]))
    def code_action(ls: PladlintServer, params: types.CodeActionParams
                    ) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        checked = ls.checked.get(uri)
        if checked is None or not (checked.edits or checked.links):
            return None
        doc = ls.workspace.get_text_document(uri)
        if doc.source != checked.result.source:  # stale: wait for the next check
            return None
        text, index = checked.result.source, checked.index
        start = from_position(index, text, params.range.start)
        end = from_position(index, text, params.range.end)
        actions = []
        for e in checked.edits:
            if e.start <= end and start <= e.end:
                edit = types.TextEdit(to_range(index, text, e.start, e.end), e.new)
                related = [d for d in params.context.diagnostics
                           if d.source == SOURCE and d.code == e.rule
                           and from_position(index, text, d.range.start) <= e.start
                           and e.end <= from_position(index, text, d.range.end)]
                actions.append(types.CodeAction(
                    title=f"Replace '{e.old}' with '{e.new}'",
                    kind=types.CodeActionKind.QuickFix, diagnostics=related or None,
                    is_preferred=True,
                    edit=types.WorkspaceEdit(changes={uri: [edit]})))
        for e in checked.links:
            if e.start <= end and start <= e.end:
                edit = types.TextEdit(to_range(index, text, e.start, e.end), e.new)
                related = [d for d in params.context.diagnostics
                           if d.source == SOURCE and d.code == e.rule
                           and from_position(index, text, d.range.start) == e.start
                           and from_position(index, text, d.range.end) == e.end]
                actions.append(types.CodeAction(
                    title=f"Link '{e.old}' to the glossary",
                    kind=types.CodeActionKind.QuickFix, diagnostics=related or None,
                    edit=types.WorkspaceEdit(changes={uri: [edit]})))
        only = [_kind(k) for k in params.context.only] if params.context.only else None
        wants_source = only is None or any(
            k.startswith(types.CodeActionKind.Source.value) for k in only)
        if checked.edits and wants_source:  # "fix all": the safe swaps only, never links
            edits = [types.TextEdit(to_range(index, text, e.start, e.end), e.new)
                     for e in checked.edits]
            n = len(edits)
            actions.append(types.CodeAction(
                title=f"Replace {n} phrase{'s' if n != 1 else ''} with plain words "
                      "(pladlint)",
                kind=f"{types.CodeActionKind.SourceFixAll.value}.pladlint",
                edit=types.WorkspaceEdit(changes={uri: edits})))
        if only is not None:
            actions = [a for a in actions if any(_kind(a.kind).startswith(k) for k in only)]
        return actions or None

    return server
