#!/usr/bin/env python3
"""How long the editor server takes to re-check a page after an edit.

Starts `pladlint lsp` in a fresh process with `--debounce 0` (the debounce is a wait the
editor chose, not work: it is left out and reported apart), opens one page of about 1,600
words, waits for its first diagnostics (the server loads its pipelines then: not measured),
then makes EDITS edits, each a whole-text `didChange` with one word changed, and times each
from writing the `didChange` to reading the `publishDiagnostics` of that version. What is
measured: framing and parsing the message, the page's full re-check (configuration look-up,
parse, NLP, every rule, fingerprints, quick-fix planning), building the diagnostics and
writing them, as an editor sees it.

Usage:
  python benchmarks/lsp_relint.py              # prints the figures
  from lsp_relint import measure; measure()    # from bench.py: a dict of the figures
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAKE_CORPUS = ROOT.parent / "shared" / "bench" / "make_corpus.py"


def _frame(message: dict) -> bytes:
    body = json.dumps(message).encode()
    return f"Content-Length: {len(body)}\r\n\r\n".encode() + body


def _read(stream) -> dict:
    length = None
    while True:
        line = stream.readline()
        if not line:
            raise EOFError("the server closed its output")
        line = line.strip()
        if not line:
            break
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    return json.loads(stream.read(length))


def _page(work: Path, words: int) -> str:
    folder = work / "lsp-page"
    if not folder.exists():
        subprocess.run([sys.executable, str(MAKE_CORPUS), "--out", str(folder), "-n", "1",
                        "--words", str(words)], check=True, capture_output=True)
    return next(folder.rglob("*.md")).read_text(encoding="utf-8")


def measure(edits: int = 20, words: int = 1600, work: Path | None = None,
            env: dict | None = None, python: str = sys.executable) -> dict:
    """Re-check times (seconds) of a ~`words`-word page after `edits` edits, warm."""
    work = Path(work or Path(tempfile.gettempdir()) / "pladlint-lsp-bench")
    work.mkdir(parents=True, exist_ok=True)
    text = _page(work, words)
    page = work / "page.md"
    page.write_text(text, encoding="utf-8")
    uri = page.as_uri()
    run_env = {**os.environ, **(env or {})}
    run_env.setdefault("PYTHONPATH", str(ROOT / "src"))
    proc = subprocess.Popen([python, "-m", "pladlint", "lsp", "--debounce", "0"], cwd=work,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=run_env)
    assert proc.stdin is not None and proc.stdout is not None

    def send(message: dict) -> None:
        proc.stdin.write(_frame(message))
        proc.stdin.flush()

    def diagnostics_of(version: int) -> dict:
        while True:
            msg = _read(proc.stdout)
            if msg.get("method") == "textDocument/publishDiagnostics" and \
                    msg["params"].get("version") == version:
                return msg

    try:
        start = time.perf_counter()
        send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
              "params": {"processId": None, "rootUri": work.as_uri(), "capabilities": {}}})
        while _read(proc.stdout).get("id") != 1:
            pass
        send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
        first = diagnostics_of(1)
        opened = time.perf_counter() - start
        words_in = text.split()
        times = []
        for i in range(edits):
            # One word changed somewhere in the page, as typing does
            edited = list(words_in)
            at = (len(edited) * (i + 1)) // (edits + 1)
            edited[at] = edited[at] + ("s" if i % 2 else "")
            new_text = text.replace(" ".join(words_in[at - 3:at + 4]),
                                    " ".join(edited[at - 3:at + 4]), 1)
            version = i + 2
            t0 = time.perf_counter()
            send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"text": new_text}]}})
            diagnostics_of(version)
            times.append(time.perf_counter() - t0)
        send({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
        send({"jsonrpc": "2.0", "method": "exit", "params": None})
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    return {"words": len(words_in), "edits": edits, "open_s": opened,
            "diagnostics": len(first["params"]["diagnostics"]),
            "best_ms": min(times) * 1000, "median_ms": statistics.median(times) * 1000,
            "worst_ms": max(times) * 1000, "debounce_s_default": 0.3}


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--words", type=int, default=1600)
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    r = measure(args.edits, args.words, args.work)
    print(f"editor server re-check of a {r['words']:,}-word page ({r['diagnostics']} "
          f"diagnostics), {r['edits']} edits, warm, debounce not counted (default "
          f"{r['debounce_s_default']} s): best {r['best_ms']:.0f} ms, median "
          f"{r['median_ms']:.0f} ms, worst {r['worst_ms']:.0f} ms; first check after open "
          f"{r['open_s']:.2f} s (start-up included)")


if __name__ == "__main__":
    main()
