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

The parts: session.py (the message loop and `serve`), framing.py (Content-Length frames),
features.py (the handlers: events, hover, code actions), server.py (open pages, debounced
checks in a worker thread), diagnostics.py (what a check publishes), configs.py (when to
re-read a configuration, where the caches go), utf16.py (LSP positions).
"""

from __future__ import annotations

from pladlint.lsp.diagnostics import CONFIG_ERROR, SOURCE, TOO_LARGE, Checked, Linted
from pladlint.lsp.features import build_server, hover_text, is_markdown
from pladlint.lsp.framing import MAX_MESSAGE, Framed, Writer, frame
from pladlint.lsp.server import PladlintServer
from pladlint.lsp.session import Session, serve, serve_io
from pladlint.lsp.utf16 import from_position, to_position, to_range, utf16_column

__all__ = [
    "CONFIG_ERROR", "MAX_MESSAGE", "SOURCE", "TOO_LARGE", "Checked", "Framed", "Linted",
    "PladlintServer", "Session", "Writer", "build_server", "frame", "from_position",
    "hover_text", "is_markdown", "serve", "serve_io", "to_position", "to_range",
    "utf16_column",
]
