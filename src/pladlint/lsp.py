"""`pladlint lsp`: the editor server (Language Server Protocol over stdio, with pygls).

- Diagnostics for Markdown documents on open and save, and on change after a short pause
  (debounced: typing does not re-lint every keystroke).
- Hover on a finding: its message, the plain suggestion and the rule's explanation.
- Code actions: replace a wordy phrase with its plain alternative where the pack marks the
  swap safe (the same swaps as `pladlint check --fix`), one at a time or all in the file; and,
  when the configuration sets `glossary-url`, "Link 'TERM' to the glossary" for a jargon
  finding whose term has a glossary entry (the links of `check --fix --fix-links`; never part
  of "fix all").

Configuration is found as for `pladlint check`: `.pladlint.toml` or `pyproject.toml` walking up
from the document. Positions are sent in UTF-16 code units, as LSP requires by default.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from pladlint import __version__
from pladlint.api import lint_text
from pladlint.checks import find_rule
from pladlint.config import Config, ConfigError, load_config
from pladlint.document import FrontMatterError
from pladlint.findings import FileResult, Finding
from pladlint.fix import Edit, plan_edits, plan_link_edits
from pladlint.packs import PackError
from pladlint.positions import LineIndex

log = logging.getLogger(__name__)
SOURCE = "pladlint"
MARKDOWN_IDS = {"markdown", "mdx", "md"}
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
_SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
             "info": types.DiagnosticSeverity.Information}


@dataclass
class Checked:
    version: int | None
    result: FileResult
    index: LineIndex
    edits: list[Edit]
    links: list[Edit] = field(default_factory=list)  # glossary links (glossary-url set)


class PladlintServer(LanguageServer):
    def __init__(self, debounce: float = 0.3) -> None:
        super().__init__("pladlint", __version__)
        self.debounce = debounce
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.lint_lock = threading.Lock()  # one lint at a time: the spaCy pipeline is shared
        self.configs: dict[Path, Config] = {}

    # -- linting --------------------------------------------------------------------------

    def config_for(self, path: Path) -> Config:
        folder = path.parent
        if folder not in self.configs:
            try:
                self.configs[folder] = load_config(None, path)
            except (ConfigError, PackError) as exc:
                self.window_log_message(types.LogMessageParams(
                    types.MessageType.Warning, f"pladlint: {exc}; using the defaults"))
                self.configs[folder] = Config()
            if len(self.configs) == 1:
                use_precompiled_cache(self.configs[folder])
        return self.configs[folder]

    def lint(self, uri: str, text: str, version: int | None) -> list[types.Diagnostic]:
        path = Path(to_fs_path(uri) or uri)
        config = self.config_for(path)
        try:  # per-path overrides ([[tool.pladlint.overrides]]), as `pladlint check` applies
            from pladlint.config import config_for_path

            config = config_for_path(config, path)
        except ImportError:
            pass
        with self.lint_lock:
            try:
                result = lint_text(text, config, path=path.name)
            except FrontMatterError as exc:
                self.checked.pop(uri, None)
                return [types.Diagnostic(
                    range=types.Range(types.Position(0, 0), types.Position(0, 3)),
                    message=str(exc), severity=types.DiagnosticSeverity.Error, source=SOURCE)]
            edits = plan_edits(result, config)
            try:
                links = plan_link_edits(result, config)
            except Exception:  # a link offer must never cost the diagnostics
                log.exception("pladlint: planning glossary links for %s failed", uri)
                links = []
        index = LineIndex(result.source)
        self.checked[uri] = Checked(version, result, index, edits, links)
        return [self.diagnostic(f, index, result.source) for f in result.findings]

    def diagnostic(self, f: Finding, index: LineIndex, text: str) -> types.Diagnostic:
        message = f.message + (f" ({f.suggestion})" if f.suggestion else "")
        return types.Diagnostic(
            range=to_range(index, text, f.start, f.end), message=message,
            severity=_SEVERITY.get(f.severity.value, types.DiagnosticSeverity.Warning),
            code=f.rule, source=SOURCE, data={"code": f.code, "start": f.start, "end": f.end})

    async def check_now(self, uri: str) -> None:
        doc = self.workspace.get_text_document(uri)
        text, version = doc.source, doc.version
        diagnostics = await asyncio.to_thread(self.lint, uri, text, version)
        current = self.workspace.get_text_document(uri)
        if current.version != version:  # edited meanwhile: a newer check is on its way
            return
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, diagnostics=diagnostics, version=version))

    def schedule(self, uri: str, delay: float) -> None:
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()

        async def later() -> None:
            try:
                if delay:
                    await asyncio.sleep(delay)
                await self.check_now(uri)
            except asyncio.CancelledError:
                pass
            except Exception:  # a crash in one check must not stop the server
                log.exception("pladlint: checking %s failed", uri)
            finally:
                if self.pending.get(uri) is current:
                    self.pending.pop(uri, None)

        current = asyncio.ensure_future(later())
        self.pending[uri] = current


def use_precompiled_cache(config: Config) -> None:
    """Keep the precompiled lexicon keys and syllable table where `pladlint check` does, so
    the server starts as fast as the command line (see precompiled.py)."""
    if os.environ.get("PLADLINT_NO_CACHE"):
        return
    try:
        from pladlint import precompiled
        from pladlint.cache import cache_folder
    except ImportError:
        return
    root = getattr(config, "root", None) or Path.cwd()
    precompiled.set_cache_dir(Path(os.environ.get("PLADLINT_CACHE_DIR") or cache_folder(root)))


def utf16_column(line_text: str, column0: int) -> int:
    head = line_text[:column0]
    return len(head) + sum(1 for ch in head if ord(ch) > 0xFFFF)


def to_position(index: LineIndex, text: str, offset: int) -> types.Position:
    offset = max(0, min(offset, len(text)))
    line0 = index.line_of(offset)
    start = index.line_start(line0)
    return types.Position(line0, utf16_column(text[start: offset], offset - start))


def to_range(index: LineIndex, text: str, start: int, end: int) -> types.Range:
    return types.Range(to_position(index, text, start), to_position(index, text, end))


def from_position(index: LineIndex, text: str, pos: types.Position) -> int:
    """File offset of an LSP position (UTF-16 column)."""
    if pos.line >= index.line_count:
        return len(text)
    start = index.line_start(pos.line)
    end = index.line_end(pos.line)
    units = 0
    for i in range(start, end):
        if units >= pos.character:
            return i
        units += 2 if ord(text[i]) > 0xFFFF else 1
    return end


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


def _kind(kind: object) -> str:
    """A code action kind as its string value ('quickfix'), from an enum member or a str."""
    return str(getattr(kind, "value", kind))


def build_server(debounce: float = 0.3) -> PladlintServer:
    server = PladlintServer(debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PladlintServer, params: types.DidOpenTextDocumentParams) -> None:
        if is_markdown(params.text_document):
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PladlintServer, params: types.DidChangeTextDocumentParams) -> None:
        if params.text_document.uri.lower().endswith(MARKDOWN_SUFFIXES) or \
                params.text_document.uri in ls.checked:
            ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PladlintServer, params: types.DidSaveTextDocumentParams) -> None:
        if params.text_document.uri.lower().endswith(MARKDOWN_SUFFIXES) or \
                params.text_document.uri in ls.checked:
            ls.configs.clear()  # a saved configuration file takes effect
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PladlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.checked.pop(uri, None)
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
            return None
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


def serve(debounce: float = 0.3) -> None:
    logging.basicConfig(level=logging.DEBUG if os.environ.get("PLADLINT_LSP_DEBUG")
                        else logging.WARNING)
    build_server(debounce).start_io()
