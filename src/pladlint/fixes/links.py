"""Link fixes: the first unexplained use of a term with a glossary entry becomes a link."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from pladlint.checks import find_rule
from pladlint.config import Config
from pladlint.document import parse_document
from pladlint.findings import FileResult
from pladlint.fixes.edits import Edit, without_overlaps
from pladlint.vocab.packs import load_pack


_LINK_RULES = ("jargon-unexplained", "jargon-rare-word")

_LINKABLE_UNITS = ("paragraph", "list_item", "blockquote", "table_cell")

_NOT_SLUG = re.compile(r"[\W_]+")

_RELATIVE_URL = re.compile(r"^(?![a-z][a-z0-9+.-]*:|//|#)\S", re.I)


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
        if _inside_a_tag(text, f.start):
            continue  # an HTML attribute's text ("<span title='... lymphoma'>"): never linked
        target = f"<{url}>" if any(c in url for c in " ()<>") else url
        edits.append(Edit(f.start, f.end, written, f"[{written}]({target})", f.rule, "link",
                          str(f.data.get("term", ""))))
    return without_overlaps(edits)


def _inside_a_tag(text: str, pos: int) -> bool:
    """Is `pos` between a `<` and its `>`, in an HTML tag's attributes?"""
    opened = text.rfind("<", 0, pos)
    return opened != -1 and text.rfind(">", opened, pos) == -1 and \
        text.find(">", pos) != -1 and text[opened + 1 : opened + 2].isalpha()


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
