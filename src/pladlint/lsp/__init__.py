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

Robustness (tests/test_lsp_abuse.py): the server reads its own framing (`serve_io`), so a
malformed message (bad JSON, a broken header, a missing field, an unknown method) gets a
JSON-RPC error answer, or is dropped with a log line when it is a notification, and the server
goes on; a check of a stale or closed document is skipped or its result dropped; pages over
`PLADLINT_LSP_MAX_SIZE` (default 1 MB) get one diagnostic instead of a check; a configuration
that turns invalid is reported (diagnostic and window/showMessage) while the last valid one
stays in use; `shutdown` + `exit` ends the process with status 0, `exit` alone with 1.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol.json_rpc import JsonRPCNotification, JsonRPCRequestMessage
from pygls.uris import to_fs_path

from pladlint import __version__
from pladlint.api import lint_text
from pladlint.checks import find_rule
from pladlint.config import CONFIG_FILES, Config, ConfigError, load_config
from pladlint.document import FrontMatterError
from pladlint.findings import FileResult, Finding
from pladlint.fix import Edit, plan_edits, plan_link_edits
from pladlint.vocab.packs import PackError
from pladlint.positions import LineIndex

log = logging.getLogger(__name__)
SOURCE = "pladlint"
MARKDOWN_IDS = {"markdown", "mdx", "md"}
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
CONFIG_ERROR = "config-error"  # the code of the diagnostic that reports a broken configuration
TOO_LARGE = "page-too-large"
LIVE_LIMIT = 1_000_000  # bytes: larger pages are left to `pladlint check` (PLADLINT_LSP_MAX_SIZE)
_SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
             "info": types.DiagnosticSeverity.Information}


@dataclass
class Checked:
    version: int | None
    result: FileResult
    index: LineIndex
    edits: list[Edit]
    links: list[Edit] = field(default_factory=list)  # glossary links (glossary-url set)


@dataclass
class Linted:
    """What a check in the worker thread hands back to the event loop."""
    diagnostics: list[types.Diagnostic]
    checked: Checked | None  # None: nothing to hover or fix (front matter error, too large)
    config_error: str | None = None


@dataclass
class CachedConfig:
    stamp: tuple
    config: Config
    error: str | None


class PladlintServer(LanguageServer):
    def __init__(self, debounce: float = 0.3) -> None:
        super().__init__("pladlint", __version__)
        self.debounce = debounce
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.Future] = {}
        self.open_docs: set[str] = set()  # Markdown documents the editor has open
        self.generation: dict[str, int] = {}  # bumped on every change; a stale check is dropped
        self.lint_lock = threading.Lock()  # one check at a time: the spaCy pipeline is shared
        self.configs: dict[Path, CachedConfig] = {}
        self.last_good: dict[Path, Config] = {}  # per folder: used while the file is broken
        self.shown_errors: set[str] = set()  # configuration errors already shown to the user
        self.cache_set = False

    # -- linting --------------------------------------------------------------------------

    def config_for(self, path: Path) -> tuple[Config, str | None]:
        """The configuration for a page, and the error if its file is broken (then the last
        valid configuration of the folder, or the defaults, is used). Re-read whenever a
        configuration file above the page changes on disk."""
        folder = path.parent
        stamp = config_stamp(folder)
        cached = self.configs.get(folder)
        if cached is None or cached.stamp != stamp:
            try:
                config, error = load_config(None, path), None
                self.last_good[folder] = config
            except (ConfigError, PackError) as exc:
                good = self.last_good.get(folder)
                config = good or Config()
                error = (f"{exc}; using the last valid configuration until it is fixed" if good
                         else f"{exc}; using the defaults until it is fixed")
            except Exception as exc:  # an unreadable file (permissions, a folder): same
                config, error = self.last_good.get(folder) or Config(), f"{path}: {exc}"
            cached = self.configs[folder] = CachedConfig(stamp, config, error)
            if not self.cache_set:
                self.cache_set = True
                use_precompiled_cache(config)
        return cached.config, cached.error

    def live_limit(self, config: Config) -> int:
        try:
            limit = int(os.environ.get("PLADLINT_LSP_MAX_SIZE") or LIVE_LIMIT)
        except ValueError:
            limit = LIVE_LIMIT
        return min(limit, getattr(config, "max_file_size", limit) or limit)

    def lint(self, uri: str, text: str, version: int | None, generation: int) -> Linted | None:
        """Runs in a worker thread. None when the document changed or closed meanwhile."""
        if self.generation.get(uri) != generation:
            return None
        path = Path(to_fs_path(uri) or uri)
        config, error = self.config_for(path)
        try:  # per-path overrides ([[tool.pladlint.overrides]]), as `pladlint check` applies
            from pladlint.config import config_for_path

            config = config_for_path(config, path)
        except ImportError:
            pass
        extra = [] if error is None else [types.Diagnostic(
            range=types.Range(types.Position(0, 0), types.Position(0, 0)),
            message=f"pladlint configuration: {error}", severity=types.DiagnosticSeverity.Error,
            code=CONFIG_ERROR, source=SOURCE)]
        size, limit = len(text.encode("utf-8", "surrogatepass")), self.live_limit(config)
        if size > limit:
            return Linted(extra + [types.Diagnostic(
                range=types.Range(types.Position(0, 0), types.Position(0, 0)),
                message=f"this page is {size / 1e6:.1f} MB, over the editor's limit of "
                        f"{limit / 1e6:.1f} MB (PLADLINT_LSP_MAX_SIZE): it is not checked "
                        "as you type; run `pladlint check` on it",
                severity=types.DiagnosticSeverity.Information, code=TOO_LARGE, source=SOURCE)],
                None, error)
        with self.lint_lock:
            if self.generation.get(uri) != generation:  # queued behind another check
                return None
            try:
                result = lint_text(text, config, path=path.name)
            except FrontMatterError as exc:
                return Linted(extra + [types.Diagnostic(
                    range=types.Range(types.Position(0, 0), types.Position(0, 3)),
                    message=str(exc), severity=types.DiagnosticSeverity.Error,
                    source=SOURCE)], None, error)
            except Exception as exc:  # a bug: say so on the page rather than show stale results
                log.exception("pladlint: checking %s failed", uri)
                return Linted(extra + [types.Diagnostic(
                    range=types.Range(types.Position(0, 0), types.Position(0, 0)),
                    message=f"pladlint could not check this page (internal error: "
                            f"{type(exc).__name__}: {exc}); please report it",
                    severity=types.DiagnosticSeverity.Error, code="internal-error",
                    source=SOURCE)], None, error)
            edits = plan_edits(result, config)
            try:
                links = plan_link_edits(result, config)
            except Exception:  # a link offer must never cost the diagnostics
                log.exception("pladlint: planning glossary links for %s failed", uri)
                links = []
            index = LineIndex(result.source)
            diagnostics = [self.diagnostic(f, index, result.source) for f in result.findings]
            return Linted(extra + diagnostics, Checked(version, result, index, edits, links),
                          error)

    def diagnostic(self, f: Finding, index: LineIndex, text: str) -> types.Diagnostic:
        message = f.message + (f" ({f.suggestion})" if f.suggestion else "")
        return types.Diagnostic(
            range=to_range(index, text, f.start, f.end), message=message,
            severity=_SEVERITY.get(f.severity.value, types.DiagnosticSeverity.Warning),
            code=f.rule, source=SOURCE, data={"code": f.code, "start": f.start, "end": f.end})

    async def check_now(self, uri: str) -> None:
        if uri not in self.open_docs:
            return
        doc = self.workspace.get_text_document(uri)
        text, version = doc.source, doc.version
        generation = self.generation.get(uri)
        linted = await in_daemon_thread(self.lint, uri, text, version, generation)
        # Back on the event loop: publish only if the document is still open and unchanged
        # (a newer check is on its way, or the close already cleared the diagnostics).
        if linted is None or uri not in self.open_docs or \
                self.generation.get(uri) != generation:
            return
        if linted.checked is None:
            self.checked.pop(uri, None)
        else:
            self.checked[uri] = linted.checked
        self.report_config_error(linted.config_error)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, diagnostics=linted.diagnostics, version=version))

    def report_config_error(self, error: str | None) -> None:
        if error is None:
            self.shown_errors.clear()  # fixed: show it again should it break again
            return
        if error not in self.shown_errors:
            self.shown_errors.add(error)
            self.window_show_message(types.ShowMessageParams(
                types.MessageType.Error, f"pladlint configuration: {error}"))

    def schedule(self, uri: str, delay: float) -> None:
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.generation[uri] = self.generation.get(uri, 0) + 1

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

    def forget(self, uri: str) -> None:
        """A closed document: no check of it may publish any more."""
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.open_docs.discard(uri)
        self.generation.pop(uri, None)
        self.checked.pop(uri, None)

    def recheck_all(self) -> None:
        """A configuration file changed: re-read it and check every open page again."""
        self.configs.clear()
        for uri in list(self.open_docs):
            self.schedule(uri, 0)

    def cancel_all(self) -> None:
        for uri in list(self.pending):
            task = self.pending.pop(uri, None)
            if task is not None:
                task.cancel()
        self.generation.clear()


def config_stamp(folder: Path) -> tuple:
    """What changes when a configuration file that may apply to pages in FOLDER changes."""
    stamp = []
    for place in (folder, *folder.parents):
        for name in CONFIG_FILES:
            try:
                st = os.stat(place / name)
            except (OSError, ValueError):
                continue
            stamp.append((str(place / name), st.st_mtime_ns, st.st_size, st.st_ino))
    return tuple(stamp)


def in_daemon_thread(fn: Callable, *args) -> asyncio.Future:
    """Run FN in a daemon thread and await its result. Unlike `asyncio.to_thread`, a check
    still running when the editor says `exit` never holds the process up."""
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    def settle(ok: bool, value) -> None:
        if not future.done():
            (future.set_result if ok else future.set_exception)(value)

    def work() -> None:
        try:
            outcome = (True, fn(*args))
        except BaseException as exc:  # noqa: BLE001 - handed to the awaiting coroutine
            outcome = (False, exc)
        try:
            loop.call_soon_threadsafe(settle, *outcome)
        except RuntimeError:  # the loop is closed: the server has exited
            pass

    threading.Thread(target=work, name="pladlint-check", daemon=True).start()
    return future


def use_precompiled_cache(config: Config) -> None:
    """Keep the precompiled lexicon keys and syllable table where `pladlint check` does, so
    the server starts as fast as the command line (see precompiled.py)."""
    if os.environ.get("PLADLINT_NO_CACHE"):
        return
    try:
        from pladlint.vocab import precompiled
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


# -- the message loop ------------------------------------------------------------------------
#
# pygls' own stdio loop drops a message it cannot parse without an answer (the editor waits
# for ever), loses the next message after a broken header, reads any Content-Length it is
# given, and ends `exit` by closing standard output and raising SystemExit, which loses the
# exit status. This loop frames and validates messages itself and hands pygls only well-formed
# ones (`structure_message`, `handle_message`).

PARSE_ERROR, INVALID_REQUEST, METHOD_NOT_FOUND = -32700, -32600, -32601
INVALID_PARAMS, INTERNAL_ERROR, SERVER_NOT_INITIALIZED = -32602, -32603, -32002
MAX_HEADER_LINE = 64 * 1024
MAX_MESSAGE = 256 * 1024 * 1024  # bytes of one message body (a 10 MB page is ~12 MB of JSON)
_CONTENT_LENGTH = re.compile(rb"content-length[ \t]*:[ \t]*(\d{1,12})[ \t]*$", re.IGNORECASE)


class Framed:
    """Reads Content-Length framed messages from a binary stream (blocking: a worker thread).

    `next()` gives ("message", body), ("error", reason) for a frame that cannot be read
    (the stream is then resynchronised on the next Content-Length header), or ("eof", None).
    """

    def __init__(self, stream: BinaryIO, max_message: int = MAX_MESSAGE) -> None:
        self.stream = stream
        self.max_message = max_message

    def next(self) -> tuple[str, bytes | str | None]:
        length: int | None = None
        junk = 0
        while True:
            line = self.stream.readline(MAX_HEADER_LINE)
            if not line:
                return ("eof", None)
            stripped = line.strip()
            if not stripped:
                if length is not None:
                    break
                if junk:
                    return ("error", f"a header without Content-Length ({junk} lines skipped)")
                continue  # blank lines between messages
            match = _CONTENT_LENGTH.search(stripped)  # search: resynchronise after garbage
            if match:
                length = int(match.group(1))
            elif b":" not in stripped or len(line) >= MAX_HEADER_LINE or \
                    stripped[:15].lower() == b"content-length:":  # not a number
                junk += 1  # not a header: the tail of a body framed with a wrong length
        if length > self.max_message:
            left = length
            while left > 0:
                chunk = self.stream.read(min(left, 1 << 20))
                if not chunk:
                    return ("eof", None)
                left -= len(chunk)
            return ("error", f"a message of {length} bytes is over the limit of "
                             f"{self.max_message}; skipped")
        body = self.stream.read(length) if length else b""
        if len(body) < length:
            return ("eof", None)
        return ("message", body)


class Writer:
    """pygls' writer interface over standard output. Writes whole frames under a lock, never
    raises into the server (a client that went away is noticed as end of input), and never
    closes the stream: `cli.run` flushes it at exit."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.lock = threading.Lock()
        self.broken = False

    def write(self, data: bytes) -> None:
        with self.lock:
            if self.broken:
                return
            try:
                self.stream.write(data)
                self.stream.flush()
            except (OSError, ValueError):
                self.broken = True
                log.warning("pladlint: the client stopped reading; nothing more is sent")

    def close(self) -> None:
        with self.lock:
            try:
                self.stream.flush()
            except (OSError, ValueError):
                self.broken = True


def frame(message: dict) -> bytes:
    body = json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def _valid_id(value: object) -> bool:
    return value is None or (isinstance(value, (int, str)) and not isinstance(value, bool))


class Session:
    """One editor session over a reader and a writer; `run()` gives the exit status."""

    def __init__(self, server: PladlintServer, stdin: BinaryIO, stdout: BinaryIO,
                 max_message: int = MAX_MESSAGE) -> None:
        self.server = server
        self.framed = Framed(stdin, max_message)
        self.writer = Writer(stdout)
        self.initialized = False
        self.exit_code: int | None = None

    def error(self, msg_id: object, code: int, message: str) -> None:
        self.writer.write(frame({"jsonrpc": "2.0", "id": msg_id if _valid_id(msg_id) else None,
                                 "error": {"code": code, "message": message}}))

    async def run(self) -> int:
        loop = asyncio.get_running_loop()
        inbox: asyncio.Queue = asyncio.Queue(maxsize=4)  # back-pressure on a flooding client
        self.server.protocol.set_writer(self.writer, include_headers=True)

        def read() -> None:
            while True:
                item = self.framed.next()
                try:
                    asyncio.run_coroutine_threadsafe(inbox.put(item), loop).result()
                except Exception:  # the loop is gone: the session is over
                    return
                if item[0] == "eof":
                    return

        threading.Thread(target=read, name="pladlint-stdin", daemon=True).start()
        try:
            while self.exit_code is None:
                kind, payload = await inbox.get()
                if kind == "eof":
                    break
                if kind == "error":
                    log.warning("pladlint: unreadable message: %s", payload)
                    continue
                try:
                    self.dispatch(payload)
                except Exception:  # never let one message end the session
                    log.exception("pladlint: handling a message failed")
                await asyncio.sleep(0)  # let debounced checks and responses run
        finally:
            self.server.cancel_all()
            self.writer.close()
        if self.exit_code is None:  # end of input: the client went away
            self.exit_code = 0 if self.server.protocol._shutdown else 1
        return self.exit_code

    def dispatch(self, body: bytes) -> None:
        protocol = self.server.protocol
        try:
            data = json.loads(body)
        except (ValueError, RecursionError) as exc:  # bad JSON or UTF-8, absurd nesting
            self.error(None, PARSE_ERROR, f"Parse error: {str(exc)[:200]}")
            return
        if not isinstance(data, dict):
            self.error(None, INVALID_REQUEST, "Invalid Request: a message is a JSON object")
            return
        has_id, msg_id, method = "id" in data, data.get("id"), data.get("method")
        is_response = has_id and "method" not in data and ("result" in data or "error" in data)
        if data.get("jsonrpc") != "2.0" or not _valid_id(msg_id) or \
                ("method" in data and not isinstance(method, str)) or \
                ("method" not in data and not is_response) or \
                ("params" in data and not isinstance(data["params"], (dict, list, type(None)))):
            if has_id or "method" not in data:
                self.error(msg_id, INVALID_REQUEST,
                           "Invalid Request: needs jsonrpc \"2.0\", a method name and an id "
                           "that is a number or a string")
            else:
                log.warning("pladlint: ignoring an invalid notification %r", method)
            return
        is_request = has_id and not is_response
        if method == types.EXIT:
            self.exit_code = 0 if protocol._shutdown else 1  # as the LSP specification says
            return
        if is_request and protocol._shutdown:
            self.error(msg_id, INVALID_REQUEST, "Invalid Request: the server is shutting down")
            return
        if is_request and not self.initialized and method != types.INITIALIZE:
            self.error(msg_id, SERVER_NOT_INITIALIZED, "the server is not initialized")
            return
        if not is_response and not self.initialized and method != types.INITIALIZE:
            return  # notifications before initialize are dropped (LSP)
        try:
            message = self.structure(data, is_request, is_response)
        except Exception as exc:  # a missing or mistyped field
            cause = exc.__cause__ or exc
            details = getattr(cause, "exceptions", None) or [cause]  # cattrs groups them
            reason = "; ".join(" ".join(str(e).split()) for e in details)[:300] \
                or type(cause).__name__
            if is_request:
                self.error(msg_id, INVALID_PARAMS, f"Invalid params for {method}: {reason}")
            else:
                log.warning("pladlint: ignoring %s with invalid params: %s", method, reason)
            return
        if method == types.SHUTDOWN:
            self.server.cancel_all()  # no check publishes after shutdown
        if method == types.INITIALIZE:
            self.initialized = True
        try:
            protocol.handle_message(message)
        except Exception as exc:
            log.exception("pladlint: %s failed", method)
            if is_request:
                self.error(msg_id, INTERNAL_ERROR, f"Internal error: {type(exc).__name__}")


    def structure(self, data: dict, is_request: bool, is_response: bool) -> object:
        """The lsprotocol message for DATA, as pygls' `structure_message` makes it, but
        raising instead of logging a traceback for a client's mistake."""
        protocol = self.server.protocol
        if is_response:
            return protocol.structure_message(data)
        kind = protocol.get_message_type(data["method"]) or (
            JsonRPCRequestMessage if is_request else JsonRPCNotification)
        return protocol._converter.structure(data, kind)


def serve_io(stdin: BinaryIO, stdout: BinaryIO, debounce: float = 0.3) -> int:
    """Serve one editor over STDIN/STDOUT until `exit` or end of input; the exit status."""
    try:
        max_message = int(os.environ.get("PLADLINT_LSP_MAX_MESSAGE") or MAX_MESSAGE)
    except ValueError:
        max_message = MAX_MESSAGE
    return asyncio.run(Session(build_server(debounce), stdin, stdout, max_message).run())


def serve(debounce: float = 0.3) -> None:
    logging.basicConfig(level=logging.DEBUG if os.environ.get("PLADLINT_LSP_DEBUG")
                        else logging.WARNING)
    sys.exit(serve_io(sys.stdin.buffer, sys.stdout.buffer, debounce))
