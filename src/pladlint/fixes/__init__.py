"""Safe fixes: swap wordy phrases for plain words where the pack says the swap is safe.

Only entries of `rules/plain-language.yml` marked `safe: true` are applied, and only when the
text as written equals the entry's phrase (case-insensitively, any run of spaces): inflected
forms and phrases broken by markup ("**in order** to") are left alone. Medical terms are never
touched: they live in the jargon packs, which the fixer does not read. Matching runs on the
prose view, so code, URLs and front matter are never changed. When the rule that reports an
entry (`wordy-phrase`, `complex-word`) is registered, a swap is made only where that rule
reported a finding, so `--select`, `--ignore`, configuration and inline suppressions hold.

Link fixes (opt-in: `check --fix --fix-links`, `--diff --fix-links`, and a quick fix in the
editor server): when the configuration sets `glossary-url`, the first unexplained use of a
term that has a glossary entry, as reported by `jargon-unexplained` (or `jargon-rare-word`
for a drug name), becomes `[text](url)`. A term has an entry when an NCI pack lists it (every
term of the nci-*.yml packs comes from an NCI dictionary: their `source` says so) or the
project glossary file does; nothing is looked up on the network. Only plain prose is linked:
never a heading, text already inside a link, or text with markup inside it.

Files are rewritten atomically (a temporary file in the same folder, then a rename), with
their encoding (UTF-8, with or without a BOM) and line endings unchanged, and only if they
still hold what was linted. A fix applied twice equals the fix applied once: the plan is
made again on the fixed text until nothing is left. A page that cannot be written (a full
disk) is one error line, stays as it was, and makes the exit code 2.
"""

from __future__ import annotations

from pathlib import Path

from pladlint.config import Config
from pladlint.fileio import FileChangedError
from pladlint.findings import FileResult, LintResult
from pladlint.fixes.edits import Edit, apply_edits, unified_diff, without_overlaps, write_atomic
from pladlint.fixes.links import (
    dictionary_terms,
    glossary_entry,
    glossary_link,
    glossary_slug,
    glossary_url_for,
    link_counts_as_glossary,
    plan_link_edits,
)
from pladlint.fixes.swaps import Substitution, plan_edits, safe_substitutions

__all__ = ["Edit", "Substitution", "apply_edits", "dictionary_terms", "fix_file",
           "glossary_entry", "glossary_link", "glossary_slug", "glossary_url_for",
           "link_counts_as_glossary", "plan_edits", "plan_link_edits", "run_fixes",
           "safe_substitutions", "unified_diff", "write_atomic"]


def fix_file(path: Path, result: FileResult, config: Config | None = None,
             write: bool = True, links: bool = False) -> tuple[list[Edit], str]:
    """Plan (and with `write`, apply) the safe swaps for one file; returns them and the diff.
    With `links`, also the glossary links (`plan_link_edits`).

    Nothing is written if the file changed on disk since it was linted. The plan is made
    again on the fixed text until nothing is left (`_more_rounds`): fixing twice equals once.
    """
    edits = _plan_all(result, config, links)
    if not edits:
        return [], ""
    after = apply_edits(result.source, edits)
    edits, after = _more_rounds(path, result, config, links, edits, after)
    diff = unified_diff(result.path, result.source, after)
    if write:
        raw = path.read_bytes()
        current = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
        if current.decode("utf-8", errors="replace") != result.source:
            return [], ""
        try:
            write_atomic(path, after, expected=raw)  # and not changed in between
        except FileChangedError:
            return [], ""
    return edits, diff


def _plan_all(result: FileResult, config: Config | None, links: bool) -> list[Edit]:
    edits = plan_edits(result, config)
    if links:
        edits = without_overlaps(edits + plan_link_edits(result, config))
    return edits


_MAX_ROUNDS = 4


def _more_rounds(path: Path, result: FileResult, config: Config | None, links: bool,
                 edits: list[Edit], after: str) -> tuple[list[Edit], str]:
    """Plan again on the fixed text until there is nothing left, so `--fix` applied twice
    equals once. Some rules report a word once per section ('utilize' in complex-word): once
    its first use is swapped, the next one is reported. Only when a replaced phrase is still
    in the text is the page linted again. Returns the edits (offsets into the original text)
    and the text they give."""
    from pladlint.api import lint_text
    from pladlint.config import config_for_path
    from pladlint.document import FrontMatterError

    file_config = config_for_path(config, path) if config is not None else None
    for _ in range(_MAX_ROUNDS):
        flat = " ".join(after.lower().split())
        if not any(" ".join(e.old.lower().split()) in flat for e in edits):
            break
        try:
            again = lint_text(after, file_config, result.path)
        except FrontMatterError:
            break
        except Exception:  # a bug linting the fixed text: the rounds so far still stand
            break
        more = _plan_all(again, config, links)
        composed = _compose(edits, more) if more else None
        if composed is None:
            break
        edits = composed
        after = apply_edits(result.source, edits)
    return edits, after


def _compose(first: list[Edit], later: list[Edit]) -> list[Edit] | None:
    """`later` (offsets into the text `first` gives) moved to offsets into the original text
    and merged with `first`; None if one touches text an edit of `first` wrote."""
    out = list(first)
    for e in later:
        shift = 0
        for f in first:
            new_start = f.start + shift
            if e.end <= new_start:
                break
            if e.start < new_start + len(f.new):
                return None
            shift += len(f.new) - (f.end - f.start)
        out.append(Edit(e.start - shift, e.end - shift, e.old, e.new, e.rule, e.kind, e.term))
    out.sort(key=lambda e: (e.start, e.end))
    return out


def run_fixes(result: LintResult, config: Config | None, write: bool,
              links: bool = False) -> int:
    """`check --fix` / `--diff`: fix (or diff) every linted file; returns the number of edits.
    With `links` (`--fix-links`), glossary links are made too.

    The diff goes to standard output, the tally to standard error so a piped diff stays clean.
    A page that cannot be written (a full disk, say) is one error line and stays as it was;
    the other pages are still fixed, and the run ends with exit code 2.
    """
    import click

    if links and not getattr(config, "glossary_url", None):
        click.echo("pladlint: warning: --fix-links: no 'glossary-url' is set in the "
                   "configuration, so there is nothing to link to", err=True)
    elif links and not link_counts_as_glossary(config):
        click.echo("pladlint: warning: links made from 'glossary-url' do not match a glossary "
                   "pattern, so jargon-unexplained will not count them as explanations; add a "
                   "pattern to [rules.jargon-unexplained] glossary-patterns", err=True)
    swaps, linked, files = 0, 0, 0
    failed = 0
    for r in result.files:
        path = Path(r.path)
        if not path.is_file():  # standard input, or a file gone since
            continue
        try:
            edits, diff = fix_file(path, r, config, write=write, links=links)
        except OSError as exc:  # a full disk, a read-only file: this page stays as it was
            failed += 1
            reason = exc.strerror or str(exc) or type(exc).__name__
            click.echo(f"pladlint: error: {r.path}: cannot write the fixes ({reason}); "
                       "the file is unchanged", err=True)
            continue
        if not edits:
            continue
        n_links = sum(1 for e in edits if e.kind == "link")
        linked += n_links
        swaps += len(edits) - n_links
        files += 1
        if not write:
            click.echo(diff, nl=False)
    total = swaps + linked
    if total or not write:
        would = "" if write else "would "
        done = []
        if swaps or not links:
            done.append(f"{'replaced' if write else 'replace'} {swaps} "
                        f"phrase{'s' if swaps != 1 else ''} with plain words")
        if links:
            done.append(f"{'linked' if write else 'link'} {linked} "
                        f"term{'s' if linked != 1 else ''} to the glossary")
        click.echo(f"pladlint: {would}{' and '.join(done)} in {files} "
                   f"file{'s' if files != 1 else ''}", err=True)
    if failed:  # exit code 2, as for any file pladlint could not handle
        raise click.exceptions.Exit(2)
    return total
