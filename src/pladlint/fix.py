"""Safe fixes: swap wordy phrases for plain words where the pack says the swap is safe.

Only entries of `rules/plain-language.yml` marked `safe: true` are applied, and only when the
text as written equals the entry's phrase (case-insensitively, any run of spaces): inflected
forms and phrases broken by markup ("**in order** to") are left alone. Medical terms are never
touched: they live in the jargon packs, which the fixer does not read. Matching runs on the
prose view, so code, URLs and front matter are never changed. When the rule that reports an
entry (`wordy-phrase`, `complex-word`) is registered, a swap is made only where that rule
reported a finding, so `--select`, `--ignore`, configuration and inline suppressions hold.

Files are rewritten atomically (a temporary file in the same folder, then a rename), with
their encoding (UTF-8, with or without a BOM) and line endings unchanged.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pladlint.checks import find_rule
from pladlint.config import Config
from pladlint.document import parse_document
from pladlint.fileio import write_text_atomic
from pladlint.findings import FileResult, LintResult
from pladlint.packs import load_pack

_RULE_FOR_KIND = {"wordy": "wordy-phrase", "complex": "complex-word"}


@dataclass(frozen=True)
class Substitution:
    phrase: str
    plain: str
    kind: str  # wordy | complex


@dataclass(frozen=True)
class Edit:
    start: int  # 0-based character offsets into the file text, half-open
    end: int
    old: str
    new: str
    rule: str


@lru_cache(maxsize=1)
def safe_substitutions() -> tuple[Substitution, ...]:
    """The pack's safe entries, longest phrase first so longer phrases win overlaps."""
    data = load_pack("plain-language.yml")
    out = []
    for entry in data.get("entries") or ():
        if not isinstance(entry, dict) or entry.get("safe") is not True:
            continue
        phrase, plain = entry.get("phrase"), entry.get("plain")
        if not isinstance(phrase, str) or not isinstance(plain, list) or not plain:
            continue
        out.append(Substitution(phrase.strip().lower(), str(plain[0]), str(entry.get("kind", ""))))
    out.sort(key=lambda s: (-len(s.phrase), s.phrase))
    return tuple(out)


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern, dict[str, Substitution]]:
    subs = safe_substitutions()
    table = {s.phrase: s for s in subs}
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in s.phrase.split()) for s in subs)
    return re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w'’-])", re.I), table


def _match_case(written: str, plain: str) -> str:
    if written.isupper() and len(written) > 1:
        return plain.upper()
    if written[:1].isupper() and not plain[:1].isupper():
        return plain[:1].upper() + plain[1:]
    return plain


def plan_edits(result: FileResult, config: Config | None = None) -> list[Edit]:
    """The safe swaps for one linted file, in file order, never overlapping."""
    text = result.source
    if not text:
        return []
    doc = parse_document(Path(result.path), text)
    pattern, table = _pattern()
    if not table:
        return []
    reported = _reported_spans(result, config)
    edits: list[Edit] = []
    for unit in doc.units:
        if unit.kind == "heading":  # headings make anchors: changing them breaks links
            continue
        for m in pattern.finditer(unit.text):
            key = " ".join(m.group(0).lower().split())
            sub = table.get(key)
            if sub is None:
                continue
            span = unit.source_span(m.start(), m.end())
            written = text[span.start: span.end]
            if " ".join(written.lower().split()) != sub.phrase:  # markup inside the phrase
                continue
            rule = _RULE_FOR_KIND.get(sub.kind, "")
            allowed = reported.get(rule)
            if allowed is not None and not any(a < span.end and span.start < b
                                               for a, b in allowed):
                continue
            edits.append(Edit(span.start, span.end, written, _match_case(written, sub.plain),
                              rule))
    edits.sort(key=lambda e: (e.start, -e.end))
    out: list[Edit] = []
    for e in edits:
        if out and e.start < out[-1].end:
            continue
        out.append(e)
    return out


def _reported_spans(result: FileResult, config: Config | None) -> dict[str, list[tuple[int, int]]]:
    """Per fixing rule that exists in the registry: the spans it reported (None: no such rule)."""
    out: dict[str, list[tuple[int, int]]] = {}
    for rule_name in _RULE_FOR_KIND.values():
        rule = find_rule(rule_name)
        if rule is None:
            continue
        if config is not None and not config.rule_setting(rule).enabled:
            out[rule_name] = []
            continue
        out[rule_name] = [(f.start, f.end) for f in result.findings if f.rule == rule_name]
    return out


def apply_edits(text: str, edits: list[Edit]) -> str:
    parts, last = [], 0
    for e in edits:
        parts.append(text[last: e.start])
        parts.append(e.new)
        last = e.end
    parts.append(text[last:])
    return "".join(parts)


def unified_diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True),
                                 after.splitlines(keepends=True),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text`, keeping its BOM and bytes of every line ending as given.

    fileio does it atomically (temporary file + rename, permissions kept, nothing lost on
    failure) and follows a symlink, so a linked page stays a link.
    """
    write_text_atomic(path, text)


def fix_file(path: Path, result: FileResult, config: Config | None = None,
             write: bool = True) -> tuple[list[Edit], str]:
    """Plan (and with `write`, apply) the safe swaps for one file; returns them and the diff.

    Nothing is written if the file changed on disk since it was linted.
    """
    edits = plan_edits(result, config)
    if not edits:
        return [], ""
    after = apply_edits(result.source, edits)
    diff = unified_diff(result.path, result.source, after)
    if write:
        raw = path.read_bytes()
        current = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
        if current.decode("utf-8", errors="replace") != result.source:
            return [], ""
        write_atomic(path, after)
    return edits, diff


def run_fixes(result: LintResult, config: Config | None, write: bool) -> int:
    """`check --fix` / `--diff`: fix (or diff) every linted file; returns the number of swaps.

    The diff goes to standard output, the tally to standard error so a piped diff stays clean.
    """
    import click

    total, files = 0, 0
    for r in result.files:
        path = Path(r.path)
        if not path.is_file():  # standard input, or a file gone since
            continue
        edits, diff = fix_file(path, r, config, write=write)
        if not edits:
            continue
        total += len(edits)
        files += 1
        if not write:
            click.echo(diff, nl=False)
    if total or not write:
        verb = "replaced" if write else "would replace"
        click.echo(f"pladlint: {verb} {total} phrase{'s' if total != 1 else ''} with plain "
                   f"words in {files} file{'s' if files != 1 else ''}", err=True)
    return total
