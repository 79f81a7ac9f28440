"""The facts about a word that do not depend on a page, for `pladlint explain-term`: which
jargon pack lists it, its wordfreq Zipf frequency against the audience's `jargon_zipf`,
whether it counts as an unlisted rare word, whether it is on the everyday list or in the
project glossary, and which rule (if any) reports an unexplained use of it, and why.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pladlint.config import Config

JARGON_RULES = ("jargon-unexplained", "jargon-rare-word")

def _word_tokens(word: str, config: Config) -> tuple[list[Any], Any]:
    """The word's tokens (text and lemma) as the page's analysis would give them."""
    from pladlint.document import parse_document
    from pladlint.engine import build_context

    ctx = build_context(parse_document(Path("explain-term.md"), word), config)
    tokens = [t for ua in ctx.analysis for t in ua.tokens]
    return tokens, ctx


def _pack_entries(forms: set[str]) -> list[dict[str, Any]]:
    """Every jargon pack (rules/jargon/*.yml with terms) listing one of `forms`."""
    from pladlint.vocab.packs import PackError, load_pack, packs_dir

    out = []
    for path in sorted((packs_dir() / "jargon").glob("*.yml")):
        name = f"jargon/{path.name}"
        try:
            data = load_pack(name)
        except PackError:
            continue
        terms = data.get("terms")
        if not isinstance(terms, dict):
            continue
        for term, plain in terms.items():
            if str(term).strip().lower() in forms:
                out.append({"pack": str(data.get("pack") or path.stem), "file": f"rules/{name}",
                            "kind": str(data.get("kind", "medical")), "term": str(term).strip(),
                            "plain": [str(p) for p in (plain or [])] if isinstance(plain, list)
                            else [], "source": str(data.get("source", ""))})
    return out


def rule_state(config: Config, name: str, audience: str) -> str | None:
    """None when the rule runs on this audience's pages, else why not."""
    from pladlint.checks import find_rule

    rule = find_rule(name)
    if rule is None:
        return "not installed"
    if not config.rule_setting(rule).enabled:
        return "switched off in the configuration"
    if rule.audiences is not None and audience not in rule.audiences:
        return f"does not check {audience} pages"
    return None


def lexicon_facts(word: str, config: Config, audience: Any, page_glossary: set[str] = frozenset()
                  ) -> tuple[dict[str, Any], set[str], Any]:
    """The facts about WORD that do not depend on a page; also the keys that name it (for
    matching mentions) and the pack term the scanner matches (or None)."""
    from pladlint.vocab.lexicon import default_lexicon, everyday_words
    from pladlint.vocab.rare_words import rare_word_finder, zipf

    tokens, wctx = _word_tokens(word, config)
    words = [t for t in tokens if t.is_word] or tokens
    low = " ".join(word.lower().split())
    lemma = " ".join(t.lemma.lower() for t in words) if words else low
    matched = None
    for m in default_lexicon(wctx.nlp).matches(tokens):
        if m.first == 0 and m.last == len(tokens):
            matched = m.term
    keys = {low, lemma}
    if matched is not None:
        keys.add(matched.term.lower())
    packs = _pack_entries(keys)
    everyday = everyday_words()
    on_everyday = low in everyday or lemma in everyday
    z = round(zipf(low), 2)
    z_lemma = round(zipf(lemma), 2) if lemma != low else None
    threshold = float(audience.jargon_zipf)
    rare_setting = None
    from pladlint.checks import find_rule

    rare_rule = find_rule("jargon-rare-word")
    if rare_rule is not None:
        rare_setting = config.rule_setting(rare_rule).options.get("max-zipf")
    rare_threshold = float(rare_setting) if rare_setting is not None else threshold
    rare: dict[str, Any] = {"threshold": rare_threshold, "rare": False, "zipf": None,
                            "note": None}
    if len(words) != 1:
        rare["note"] = "only single words are judged as unlisted rare words"
    else:
        t = words[0]
        finder = rare_word_finder(rare_threshold)
        if not t.text.isalpha() or len(t.text) < finder.s.min_letters:
            rare["note"] = (f"only words of {finder.s.min_letters} or more letters, letters "
                            "only, are judged as rare words")
        elif not t.text.islower() and not (t.text[:1].isupper() and t.text[1:].islower()):
            rare["note"] = "capitals inside the word: an acronym or a name, never a rare word"
        else:
            found = finder.is_rare(t.text.lower(), t.lemma.lower())
            rare["rare"] = found is not None
            rare["zipf"] = None if found is None else round(found, 2)
            if found is None:
                rare["note"] = _not_rare_why(finder, t.text.lower(), t.lemma.lower())
            elif matched is not None:
                rare["note"] = "but a pack lists it, so the listed-term rules judge it instead"
    project_glossary = bool(keys & {str(k).lower() for k in config.glossary_terms})
    in_page_glossary = bool(keys & set(page_glossary))
    facts: dict[str, Any] = {
        "word": word, "lemma": lemma, "audience": audience.name, "jargon_zipf": threshold,
        "zipf": z, "lemma_zipf": z_lemma, "packs": packs,
        "matched": None if matched is None else {
            "term": matched.term, "pack": matched.pack.split("/")[-1].removesuffix(".yml"),
            "kind": matched.kind, "plain": list(matched.plain), "acronym": matched.is_acronym},
        "everyday": on_everyday, "rare_word": rare, "project_glossary": project_glossary,
        "page_glossary": in_page_glossary,
    }
    facts["verdict"], facts["verdict_reason"] = _verdict(facts, matched, config, zipf)
    return facts, keys, matched


def _not_rare_why(finder: Any, low: str, lemma: str) -> str:
    """Why RareWordFinder.is_rare said no, in the order it decides."""
    from pladlint.vocab.rare_words import word_stems, zipf

    if low in finder.s.known or lemma in finder.s.known:
        return ("on the everyday list, the reviewed not-rare list, or a general word that "
                "complex-word covers")
    limit = finder.max_zipf
    for form in dict.fromkeys((low, lemma)):
        if zipf(form) >= limit:
            return f"'{form}' has Zipf {round(zipf(form), 2)}, not below {limit}"
    for stem in word_stems(low, finder.s.endings):
        if zipf(stem) >= limit or stem in finder.s.known:
            return f"its stem '{stem}' is common (Zipf {round(zipf(stem), 2)})"
    if any(shape.search(low) for shape in finder.s.shapes):
        return "no verdict"  # is_rare said yes for this shape; not reached
    base = max([zipf(low), zipf(lemma)] + [zipf(x) for x in word_stems(low, finder.s.endings)])
    if base >= finder.s.very_rare_zipf:
        return (f"no medical word shape (-itis, -ectomy, -mab, ...) and not very rare "
                f"(Zipf {round(base, 2)}, not below {finder.s.very_rare_zipf})")
    return "no medical word shape, and built from common words (a plain compound)"


def _plain_word(low: str) -> str | None:
    """The scan's other reasons to leave a rare listed single word alone."""
    if " " in low:
        return None
    from pladlint.vocab.rare_words import everyday_noun, transparent_compound

    if transparent_compound(low):
        return "it is built from everyday words (a transparent compound)"
    if everyday_noun(low):
        return "it is an everyday noun"
    return None


def _verdict(facts: dict[str, Any], matched: Any, config: Config, zipf) -> tuple[str | None, str]:
    """Which rule reports an unexplained use of the word on such a page, and why (or why
    none does)."""
    audience, threshold = facts["audience"], facts["jargon_zipf"]
    from pladlint.checks import find_rule

    rules = [r for r in map(find_rule, JARGON_RULES) if r is not None]
    if rules and all(r.audiences is not None and audience not in r.audiences for r in rules):
        return None, f"the jargon rules do not check {audience} pages"
    if matched is not None:
        if matched.is_acronym:
            return "acronym-unexpanded", ("an acronym: acronym-unexpanded (PL307) checks that it "
                                          "is spelled out, not the jargon rules")
        if matched.kind == "drug":
            rule, why = "jargon-rare-word", "a drug name (nci-drug-names): reported as information"
        else:
            low = matched.term.lower()
            zt = round(zipf(low), 2)
            # As the scan decides: a plain alternative from the term's own pack (the CDC's
            # listing) makes it jargon whatever its frequency; else it must be rare enough.
            judged = bool(matched.plain) and matched.judged
            if not judged and zt >= threshold:
                return None, (f"listed, but common enough for {audience} readers: Zipf {zt} is "
                              f"not below jargon_zipf {threshold}, and its own pack gives no "
                              "plainer alternative")
            plain_word = _plain_word(low) if not judged else None
            if plain_word:
                return None, f"listed, but {plain_word}, so it is left alone"
            rule = "jargon-unexplained"
            why = (f"listed term '{matched.term}'" + (
                f"; its pack gives a plainer alternative ({', '.join(matched.plain[:3])}), so "
                "it counts whatever its frequency" if judged else
                f"; Zipf {zt} is below jargon_zipf {threshold}"))
            if matched.before or matched.after:
                why += "; only where the words around it show the medical sense"
        off = rule_state(config, rule, audience)
        if off:
            return None, f"{why}; but {rule} {off}"
        return rule, why
    if facts["everyday"]:
        listed = " although a pack lists it" if facts["packs"] else ""
        return None, f"on the reviewed everyday list (rules/jargon/everyday-words.yml){listed}"
    if facts["packs"] and all(p["kind"] == "general" for p in facts["packs"]):
        return None, ("a general hard word, not medical jargon: complex-word (PL104) offers "
                      "its plain alternative")
    if facts["rare_word"]["rare"]:
        off = rule_state(config, "jargon-rare-word", audience)
        why = (f"in no pack, rare (Zipf {facts['rare_word']['zipf']} below "
               f"{facts['rare_word']['threshold']}) and technical-looking")
        if off:
            return None, f"{why}; but jargon-rare-word {off}"
        return "jargon-rare-word", why
    return None, (f"in no jargon pack, and not an unlisted rare word (Zipf {facts['zipf']}; "
                  f"{facts['rare_word']['note'] or 'not rare enough'})")
