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

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from pladlint.checks import find_rule
from pladlint.config import Config
from pladlint.document import parse_document
from pladlint.fileio import FileChangedError, write_text_atomic
from pladlint.findings import FileResult, LintResult
from pladlint.vocab.packs import load_pack

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
    kind: str = "swap"  # swap: a plain word for a wordy one; link: [text](glossary url)
    term: str = ""  # link: the glossary term the URL is for


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


# -- link fixes: [term](glossary-url) ------------------------------------------------------

_LINK_RULES = ("jargon-unexplained", "jargon-rare-word")
_LINKABLE_UNITS = ("paragraph", "list_item", "blockquote", "table_cell")
_NOT_SLUG = re.compile(r"[\W_]+")


def glossary_slug(term: str) -> str:
    """'Lymph node' -> 'lymph-node', "Hodgkin's lymphoma" -> 'hodgkin-s-lymphoma'."""
    return _NOT_SLUG.sub("-", term.lower()).strip("-")


def glossary_link(pattern: str, term: str) -> str:
    """The URL of `term`'s entry: {slug} is the slug, {term} the URL-quoted term."""
    return pattern.replace("{slug}", glossary_slug(term)).replace("{term}", quote(term, safe=""))


@lru_cache(maxsize=1)
def dictionary_terms() -> dict[str, str]:
    """Lower-case term -> term as listed, for every term of a pack whose source is an NCI
    dictionary (each of those terms is an entry of it)."""
    from pladlint.vocab.packs import PackError, packs_dir

    out: dict[str, str] = {}
    for path in sorted((packs_dir() / "jargon").glob("*.yml")):
        try:
            data = load_pack(f"jargon/{path.name}")
        except PackError:
            continue
        if not _is_dictionary_pack(path.name, data):
            continue
        for term in (data.get("terms") or {}):
            out.setdefault(str(term).strip().lower(), str(term).strip())
    return out


def _is_dictionary_pack(name: str, data: dict) -> bool:
    return name.startswith("nci-") and "NCI Dictionary" in str(data.get("source", ""))


def glossary_entry(term: str, config: Config | None) -> str | None:
    """The term as its glossary entry names it, or None if no known glossary has it."""
    key = " ".join(str(term).split()).lower()
    if not key:
        return None
    if config is not None and key in config.glossary_terms:
        return key
    return dictionary_terms().get(key)


def glossary_url_for(finding, config: Config | None) -> str | None:
    """The glossary URL a finding of jargon-unexplained / jargon-rare-word can link to."""
    pattern = getattr(config, "glossary_url", None)
    if not pattern or finding.rule not in _LINK_RULES:
        return None
    term = (finding.data or {}).get("term")
    if not isinstance(term, str):
        return None
    entry = glossary_entry(term, config)
    return glossary_link(pattern, entry) if entry is not None else None


def plan_link_edits(result: FileResult, config: Config | None) -> list[Edit]:
    """`[text](url)` for each jargon finding whose term has a glossary entry, where the
    finding's text is plain prose: not a heading, not inside a link, no markup inside."""
    if not getattr(config, "glossary_url", None) or not result.source:
        return []
    wanted = [(f, url) for f in result.findings if (url := glossary_url_for(f, config))]
    if not wanted:
        return []
    text = result.source
    doc = parse_document(Path(result.path), text)
    links = [link.span for link in doc.links]
    edits: list[Edit] = []
    for f, url in wanted:
        if any(s.start < f.end and f.start < s.end for s in links):
            continue  # already (inside) a link
        unit = _prose_unit_at(doc, f.start, f.end)
        if unit is None:
            continue
        written = text[f.start: f.end]
        if not written.strip() or any(c in written for c in "[]<>`*_\\\n\r"):
            continue
        if "|" in written and unit.kind == "table_cell":
            continue
        target = f"<{url}>" if any(c in url for c in " ()<>") else url
        edits.append(Edit(f.start, f.end, written, f"[{written}]({target})", f.rule, "link",
                          str(f.data.get("term", ""))))
    return _without_overlaps(edits)


def _prose_unit_at(doc, start: int, end: int):
    """The linkable prose unit whose text maps one to one onto source [start, end)."""
    for unit in doc.units:
        if not unit.starts or not (unit.block.start <= start and end <= unit.block.end):
            continue
        try:
            i = unit.starts.index(start)
        except ValueError:
            continue  # another cell of the same table row, say
        if unit.kind not in _LINKABLE_UNITS:
            return None  # a heading: its text makes the anchor other pages link to
        j = i + (end - start)
        if j > len(unit.starts) or unit.ends[j - 1] != end:
            return None
        # every prose character is exactly one source character: no markup, escape or entity
        if any(unit.ends[k] - unit.starts[k] != 1 or unit.starts[k] != start + (k - i)
               for k in range(i, j)):
            return None
        if unit.text[i:j] != doc.text[start:end]:
            return None
        return unit
    return None


def _without_overlaps(edits: list[Edit]) -> list[Edit]:
    edits = sorted(edits, key=lambda e: (e.start, -e.end))
    out: list[Edit] = []
    for e in edits:
        if out and e.start < out[-1].end:
            continue
        out.append(e)
    return out


def link_counts_as_glossary(config: Config | None) -> bool:
    """Whether a link made from `glossary-url` will count as a glossary link afterwards (its
    URL matches the default or the configured glossary patterns)."""
    pattern = getattr(config, "glossary_url", None)
    if not pattern:
        return True
    from pladlint.checks.jargon.explanations import DEFAULT_GLOSSARY_PATTERNS, GlossaryMatcher

    extra: tuple[str, ...] = ()
    site_links = True
    rule = find_rule("jargon-unexplained")
    if rule is not None and config is not None:
        options = config.rule_setting(rule).options
        extra = tuple(options.get("glossary-patterns") or ())
        site_links = bool(options.get("site-links", True))
    url = glossary_link(pattern, "biopsy")
    if site_links and _RELATIVE_URL.match(url):
        return True  # a link to a page of the site counts too (jargon-unexplained site-links)
    return GlossaryMatcher.from_strings(tuple(DEFAULT_GLOSSARY_PATTERNS) + extra).is_glossary(url)


_RELATIVE_URL = re.compile(r"^(?![a-z][a-z0-9+.-]*:|//|#)\S", re.I)


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


def write_atomic(path: Path, text: str, expected: bytes | None = None) -> None:
    """Replace `path` with `text`, keeping its BOM and bytes of every line ending as given.

    fileio does it atomically (temporary file + rename, permissions kept, nothing lost on
    failure) and follows a symlink, so a linked page stays a link. With `expected`, nothing
    is written if the file no longer holds those bytes (FileChangedError).
    """
    write_text_atomic(path, text, expected=expected)


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
        edits = _without_overlaps(edits + plan_link_edits(result, config))
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
