"""The editor server: which pages are open, when each is checked (debounced, in a worker
thread, stale results dropped), its configuration, and what is published."""

from __future__ import annotations

import asyncio
import logging
import threading
from pathlib import Path
from typing import Callable

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from pladlint import __version__
from pladlint.api import lint_text
from pladlint.config import Config, ConfigError, config_for_path, load_config
from pladlint.document import FrontMatterError
from pladlint.fixes import plan_edits, plan_link_edits
from pladlint.lsp.configs import CachedConfig, config_stamp, live_limit, use_precompiled_cache
from pladlint.lsp.diagnostics import (Checked, Linted, config_error_diagnostic,
                                      finding_diagnostic, front_matter_diagnostic,
                                      internal_error_diagnostic, too_large_diagnostic)
from pladlint.positions import LineIndex
from pladlint.vocab.packs import PackError

log = logging.getLogger("pladlint.lsp")  # one logger for the whole server, as before the split


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

    def lint(self, uri: str, text: str, version: int | None, generation: int) -> Linted | None:
        """Runs in a worker thread. None when the document changed or closed meanwhile."""
        if self.generation.get(uri) != generation:
            return None
        path = Path(to_fs_path(uri) or uri)
        config, error = self.config_for(path)
        # per-path overrides ([[tool.pladlint.overrides]]), as `pladlint check` applies them
        config = config_for_path(config, path)
        extra = [] if error is None else [config_error_diagnostic(error)]
        size, limit = len(text.encode("utf-8", "surrogatepass")), live_limit(config)
        if size > limit:
            return Linted(extra + [too_large_diagnostic(size, limit)], None, error)
        with self.lint_lock:
            if self.generation.get(uri) != generation:  # queued behind another check
                return None
            try:
                result = lint_text(text, config, path=path.name)
            except FrontMatterError as exc:
                return Linted(extra + [front_matter_diagnostic(exc)], None, error)
            except Exception as exc:  # a bug: say so on the page rather than show stale results
                log.exception("pladlint: checking %s failed", uri)
                return Linted(extra + [internal_error_diagnostic(exc)], None, error)
            index = LineIndex(result.source)
            diagnostics = [finding_diagnostic(f, index, result.source) for f in result.findings]
            return Linted(extra + diagnostics,
                          Checked(version, result, index, lambda: self.plan(uri, result, config)),
                          error)

    def plan(self, uri: str, result, config: Config) -> tuple[list, list]:
        """The quick fixes of a check, planned when a code action first asks (Checked)."""
        with self.lint_lock:  # planning parses the page: not while another check runs
            edits = plan_edits(result, config)
            try:
                links = plan_link_edits(result, config)
            except Exception:  # a link offer must never cost the code actions
                log.exception("pladlint: planning glossary links for %s failed", uri)
                links = []
        return edits, links

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
