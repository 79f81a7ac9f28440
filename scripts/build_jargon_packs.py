#!/usr/bin/env python3
"""Build pladlint's medical-jargon lexicon packs from public-domain word lists.

Usage (from the repository root):

    python scripts/build_jargon_packs.py --lexicons ../shared/lexicons --out rules/jargon

Inputs (TSV, header ``term<TAB>plain_alternative_or_definition``):

* ``cdc-plain-language-thesaurus.tsv``   -- CDC Plain Language Thesaurus (terms + alternatives)
* ``nci-dictionary-of-cancer-terms.tsv``  -- NCI Dictionary of Cancer Terms (terms + definitions)
* ``nci-dictionary-of-genetics-terms.tsv`` -- NCI Dictionary of Genetics Terms (terms + definitions)

Only the *terms* of the NCI dictionaries are written out.  NCI definition sentences are never
copied; they are read only to recognise brand-name drug entries (see ``is_brand_name``).
Plain alternatives come exclusively from the CDC thesaurus.

Reviewed data read by this script: ``<out>/everyday-words.yml`` (words a patient knows; never
jargon).  Outputs (deterministic, sorted, UTF-8):

* ``<out>/nci-cancer-terms.yml``, ``<out>/nci-genetics-terms.yml``   (kind: medical)
* ``<out>/cdc-medical-terms.yml``                                   (kind: medical)
* ``<out>/cdc-general-words.yml``                                   (kind: general)

Requires ``wordfreq`` (ships its own data; no network) and ``PyYAML``.
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml
from wordfreq import zipf_frequency

try:
    from importlib.metadata import version as _pkg_version

    WORDFREQ_VERSION = _pkg_version("wordfreq")
except Exception:  # pragma: no cover - metadata missing
    WORDFREQ_VERSION = "unknown"

# ---------------------------------------------------------------------------------------------
# Tunables (documented in rules/jargon/README.md and in each pack's `derived` paragraph)
# ---------------------------------------------------------------------------------------------

#: A content word whose wordfreq Zipf frequency (English, "best" list) is >= this value is
#: treated as an everyday word.  4.0 = once per 100,000 words of general English: "surgery"
#: 4.63, "therapy" 4.52, "tumor" 3.97, "chemotherapy" 3.56, "biopsy" 3.31, "metastasis" 2.87.
#: Candidate words in [2.8, 4.0) were reviewed by hand; everyday ones are in everyday-words.yml.
ZIPF_EVERYDAY = 4.0

#: NCI terms with more words than this are dropped (staging labels, trial names, long chemistry).
MAX_TERM_WORDS = 4

#: CDC plain alternatives longer than this (in words) are definitions, not substitutes: dropped.
MAX_ALT_WORDS = 6

#: Single-token acronyms shorter than this are too ambiguous to match ("AC", "AI", "CT", "IV").
MIN_ACRONYM_LEN = 3

#: Digit-bearing NCI terms kept although they look like codes: widely used biomarker / disease
#: names a patient meets in print (reviewed by hand).
DIGIT_TERMS_KEEP = {"CA-125", "cancer antigen 125", "CD20", "COVID-19", "p53 gene", "TP53 gene"}

#: U.S. agencies, institutes and programs named in the NCI dictionary: names, not jargon
#: (an acronym rule may still ask for them to be spelled out).  Reviewed by hand.
ORGANISATIONS = {
    "CDC", "CISNET", "COG", "DHHS", "FDA", "HHS", "NCCIH", "NCI", "NIH", "OHRP", "PDQ", "SEER",
    "SEER Program", "Cancer Information Service", "Centers for Disease Control and Prevention",
    "Children's Oncology Group", "Childhood Cancer Data Initiative",
    "Consensus Development Program",
    "Department of Health and Human Services", "Food and Drug Administration",
    "National Cancer Institute", "National Center for Complementary and Integrative Health",
    "National Clinical Trials Network", "National Institutes of Health",
    "National Lung Screening Trial", "Office for Human Research Protections",
    "Physician Data Query", "Surgeon General", "The Cancer Genome Atlas",
    "United States Preventive Services Task Force", "World Health Organization",
}

#: Words ignored when looking for the rarest content word of a multi-word term.
STOPWORDS = {
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "is", "it", "no", "non",
    "not", "of", "on", "or", "per", "than", "that", "the", "their", "to", "type", "via", "vs",
    "with", "without", "your", "you",
}

#: CDC cells whose commas cannot be split mechanically (reviewed by hand; values are taken
#: from the same CDC cell, only regrouped).
ALT_OVERRIDES: dict[str, list[str]] = {
    "asymptomatic infection": ["no symptoms"],
    "bursitis": ["swollen, painful joints", "disease that causes joint pain"],
    "hives": ["rash", "red, itchy swellings on your skin"],
    "immunize": ["protect against disease"],
    "inflame": ["make hot, red, or swollen", "swollen"],
    "microbes": ["bacteria", "protozoa"],
    # CDC's first alternative ("diet") is the dieting sense; in treatment it is a plan
    "regimen": ["treatment plan", "schedule", "plan"],
    "mucosal membranes": [],
    "personal protective equipment": ["gowns", "face shields", "gloves", "face masks",
                                      "respirators"],
    "psoriasis": ["dry, scaly skin rash"],
    "rheumatologist": ["joint, bone, and immune system doctor"],
    "rheumatology": ["study of the immune system, joints, and bones"],
    "spasm": ["sudden, strong muscle tightening", "jerk", "painful twist"],
    "sudden infant death syndrome": ["SIDS", "crib death", "sudden, unexplained death of a baby"],
    "transverse myelitis": ["back disease"],
    "upper respiratory tract": ["nose, throat, and windpipe"],
    "vaccinate": ["protect against disease"],
}

#: Proper-noun tokens that keep their capital when CDC terms are case-normalised.
PROPER_TOKENS = {"Guillain-Barre", "Reye's", "Crohn's", "Sjogren's", "Raynaud's", "Haemophilus"}

# --- CDC medical / general split (reviewed lists; see classify_cdc) ---------------------------

#: Medical-looking word parts (Greek/Latin clinical morphology).
MEDICAL_MORPHOLOGY = re.compile(
    r"(itis|osis|oses|emia|ectomy|otomy|ostomy|plasty|scopy|ology|ologist|ological|iatry|"
    r"iatrist|algia|pathy|phylaxis|phylactic|uria|oma|omas|genic|gen|cyte|cytes|virus|vaccin\w*|"
    r"immun\w*|sclerosis|spasm)$"
    r"|^(cardi|neur|gastr|hemo|hema|hepat|nephr|derm|pulmon|bronch|oste|arthr|encephal|myel|"
    r"pneum|lymph|uter|cervi|prostat|rhin|pharyng|laryng|ophthalm|psych|immun|bacter|onco|"
    r"hyper|hypo)\w{3,}"
)
#: The morphology test only applies to words rarer than this (keeps "hyperactive" general).
MORPHOLOGY_MAX_ZIPF = 3.5

#: Medical head words: a CDC term containing one of these is medical.
MEDICAL_HEADS = {
    "disease", "diseases", "syndrome", "disorder", "vaccine", "vaccines", "vaccinate", "infection",
    "infectious", "immunity", "immune", "flu", "influenza", "virus", "therapy", "therapist",
    "test", "arthritis", "surgeon", "doctor", "cancer", "hepatitis", "shots", "respiratory",
    "diagnostic", "pandemic", "contagious", "allergy", "allergic", "allergen", "tract", "cells",
    "cell", "death", "seizure", "teeth", "organs", "lungs", "breath", "flow", "mask",
    "prophylaxis", "fatality", "intravenous", "membranes", "contraction", "clinically",
}

#: CDC terms that are medical although the rules above miss them (reviewed by hand).
CDC_MEDICAL_EXTRA = {
    "abrasion", "aerosol", "amnesia", "anaerobic", "asphyxiate", "bioterrorism", "biota",
    "caries", "cataracts", "clade", "coagulate", "colic", "comatose", "contaminant",
    "contraceptive", "contusion", "corticosteroids", "countermeasures", "cushingoid", "dander",
    "decontaminate", "deformity", "degenerative", "dehydrate", "deltoid", "deoxygenated",
    "dermal", "diagnose", "discoid", "drowsy", "electrolytes", "emaciated", "epidemic",
    "epizootic", "erosions", "erythematosus", "expectorate", "febrile", "flare", "fracture",
    "H5N1", "HPAI", "hallucinate", "hives", "homologous", "humidify", "incisors",
    "incubation period",
    "infect", "inflame", "inhale", "exhale", "inheritance", "irritant", "lacerate",
    "laceration", "ligament", "lymphatic", "macular", "microbes", "mildew", "mites", "molars",
    "neonatal", "neuraminidase", "nosocomial", "orchitis",
    "ova/ovum", "palatable", "panzootic", "pathogen", "pathogenic", "perforation", "perspire",
    "photosensitive", "pica", "pigmentation", "pleurisy", "podiatry", "poliomyelitis",
    "polysaccharide vaccines", "prodromal", "quarantine", "RA", "reassortment", "recrudescence",
    "rehabilitate", "renal", "respiration", "Rotavirus", "Rubella", "Rubeola", "sanitize",
    "Scarlatina", "serosurvey", "soreness", "spirometer", "sutures", "taper", "teratogenic",
    "tetanus", "thimerosal", "titer", "titrate", "tremor", "urinate", "UVA", "UVB", "variola",
    "vesicular", "viremia", "viral shedding", "vomit", "waning immunity", "wheeze", "zoonoses",
    "hemodialysis", "ambulate", "ambulatory", "asymptomatic infection", "booster shots",
    "attenuated vaccine", "efficacy rate", "hematocrit test", "hemoglobin A1C",
    "peak flow", "peak flow meter", "causal association", "case fatality ratio", "excess rate",
    "generation time", "illness rate or clinical attack rate", "temporal association",
    "surge capacity", "social distancing", "cough etiquette",
    "hand hygiene", "upper respiratory tract", "internal organs",
    "memory cell", "B cells", "lymphocytes", "immune globulin", "muscle contraction",
    "adjuvant", "acellular vaccine", "shortness of breath", "cot death", "crib death",
    "clinically ill", "inapparent infection", "subclinical infection",
    "nonpharmaceutical intervention",
    "infection control", "isolation of ill people", "hazardous waste",
    "post-exposure prophylaxis", "surgical mask",
    "intravenous", "avian flu", "seasonal influenza", "influenza", "outbreak", "allergist",
    "anaerobic exercise", "autism", "communicable", "incise", "orthopedics", "pulmonary care unit",
    "personal protective equipment", "airways", "adverse health effect", "anti-virus medicine",
    "chronic health condition", "mortality rate", "Haemophilus influenzae type b",
    "neurological", "mucosal membranes",
}

#: CDC terms listed in an NCI dictionary (or matched by the rules) that are general words.
CDC_GENERAL_OVERRIDE = {
    "absorption", "aggressive", "alteration", "anxiety", "behavior modification", "bilateral",
    "compulsion", "concentration", "condition", "cure", "deceased", "deficiency", "dilute",
    "indication", "mitigate", "monitor", "observation", "obstruction", "prevention", "protocol",
    "recipient", "recover", "significant", "stress", "superficial", "surveillance", "trigger",
    "stamina", "localized", "exposure", "host", "strain", "fast", "episode", "isolate",
    "dissemination", "time period", "second- and third-order effects", "on an empty stomach",
    "environmental control", "mg", "centers for disease control and prevention",
}

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------

DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")
QUOTES = dict.fromkeys(map(ord, "\u2018\u2019\u02bc"), "'")
ALLOWED = re.compile(r"^[\w' /.-]+$")
ACRONYM_IN_PARENS = re.compile(r"^[a-z]?[A-Z][A-Z0-9]+s?$")


def norm_text(s: str) -> str:
    s = unicodedata.normalize("NFC", s).translate(DASHES).translate(QUOTES)
    return re.sub(r"\s+", " ", s).strip()


def read_tsv(path: Path) -> list[tuple[str, str]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        if header[:1] != ["term"]:
            sys.exit(f"{path}: unexpected header {header!r}")
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            term, _, second = line.partition("\t")
            rows.append((term, second))
    return rows


@lru_cache(maxsize=None)
def zipf(word: str) -> float:
    return zipf_frequency(word.lower(), "en")


def tokens(term: str) -> list[str]:
    return term.split(" ")


def content_tokens(term: str) -> list[str]:
    return [t for t in tokens(term) if t.lower() not in STOPWORDS] or tokens(term)


class Everyday:
    """Everyday-word test: reviewed list + Zipf threshold."""

    def __init__(self, words: list[str], threshold: float):
        self.words = {norm_text(w).lower() for w in words}
        self.threshold = threshold

    def token(self, tok: str) -> bool:
        # a hyphenated compound is judged as a whole ("graft-versus-host" is jargon although
        # its parts are everyday); wordfreq combines the parts' frequencies for it
        low = tok.lower()
        return low in self.words or zipf(low) >= self.threshold

    def term(self, term: str) -> bool:
        """True when a patient knows the term: listed, or every content word is everyday."""
        if term.lower() in self.words:
            return True
        return all(self.token(t) for t in content_tokens(term))

    def listed(self, term: str) -> bool:
        return term.lower() in self.words


def rarest_zipf(term: str) -> float:
    return min(zipf(t) for t in content_tokens(term))


def clean_parens(term: str) -> str | None:
    """Remove parenthetical parts sensibly; None if the term cannot be cleaned."""
    if "(" not in term and ")" not in term:
        return term
    out = term
    # trailing note: "stage 0 stomach cancer (carcinoma in situ)" -> drop the note
    out = re.sub(r"\s+\([^()]*\)$", "", out)
    # spaced acronym: "ductal carcinoma in situ (DCIS) assay" -> drop "(DCIS)"
    out = re.sub(r"\s+\(([^()]*)\)(?=\s|$)",
                 lambda m: "" if ACRONYM_IN_PARENS.match(m.group(1)) else m.group(0), out)
    if "(" in out or ")" in out:
        return None  # chemical name or name whose parentheses are part of it
    return norm_text(out)


def code_token(tok: str, prev: str | None) -> bool:
    """Drug/product code or isotope label: "A33", "AMG 102", "ACN53", "18F-FLT", "B7-1"."""
    digits = sum(c.isdigit() for c in tok)
    if not digits:
        return False
    if tok.isdigit():  # "beclin 1" is a name; "AMG 102", "AD 32" are codes
        return len(tok) > 2 or not (prev and prev.isalpha() and prev.islower())
    letters = sum(c.isalpha() for c in tok)
    if digits >= letters:
        return True
    # any part with two or more digits: "ACN53", "9cUAB30", "11C", "13-cis", "IL-12"
    return any(sum(c.isdigit() for c in part) >= 2 for part in re.split(r"[-/.']", tok))


def is_code_name(term: str) -> bool:
    toks = tokens(term)
    return any(code_token(t, toks[i - 1] if i else None) for i, t in enumerate(toks))


def is_brand_name(term: str, definition: str) -> bool:
    """NCI brand-name drug entry: every token Capitalised (not an acronym), and the first
    definition sentence says it is a drug/substance/vaccine.  Definitions are read only here."""
    if not re.fullmatch(r"[A-Z][a-z][\w'-]*( [A-Z][\w'-]*)*", term):
        return False
    first = definition.split(". ")[0]
    return bool(re.search(r"\b(drug|drugs|substance|vaccine|medicine)\b", first))


# A generic drug or agent name (not a drug class): the NCI entry's first sentence says it is a
# drug, substance, vaccine or antibody, and the term does not end like a class word
# ("antiemetic", "anticoagulant", "inhibitor", "sedative"). Definitions are read only here.
DRUG_DEFINITION = re.compile(
    r"^(?:A|An) (?:[\w-]+ ){0,3}?(?:drug|substance|vaccine|monoclonal antibody|"
    r"combination of (?:drugs|chemotherapy)|form of (?:the drug|vitamin))\b")
DRUG_CLASS_ENDING = re.compile(r"(ic|ics|ant|ants|ive|ives|or|ors|ent|ents|agent|agents|"
                               r"drug|drugs|therapy|vaccine|vaccines|antibody|antibodies)$")


def is_drug_name(term: str, definition: str) -> bool:
    first = definition.split(". ")[0]
    return bool(DRUG_DEFINITION.match(first)) and not DRUG_CLASS_ENDING.search(term.lower())


def is_acronym(tok: str) -> bool:
    letters = [c for c in tok if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= len(letters) - 1 \
        and tok[:1].isupper() and not re.fullmatch(r"[A-Z][a-z]+", tok)


STAGE_LABEL = re.compile(r"^stage [0-4IV]+[A-Ca-c]?\d?\b")
ACRONYM_REGIMEN = re.compile(r"^[A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]* regimen$")


def nci_filter(term: str, definition: str, everyday: Everyday, cdc_medical: set[str],
               stats: dict) -> str | None:
    """Return the cleaned term to keep, or None (and count the reason)."""

    def drop(reason: str) -> None:
        stats[reason] = stats.get(reason, 0) + 1
        return None

    t = norm_text(term)
    if t in DIGIT_TERMS_KEEP:
        return t
    if "," in t or ";" in t:
        return drop("comma")
    if t in ORGANISATIONS:
        return drop("organisation name")
    t = clean_parens(t)
    if t is None:
        return drop("parentheses")
    if not ALLOWED.match(t) or "::" in t:
        return drop("symbols")
    if is_code_name(t):
        return drop("code name")
    if STAGE_LABEL.match(t) or ACRONYM_REGIMEN.match(t):
        return drop("stage label / regimen code")
    if len(tokens(t)) > MAX_TERM_WORDS:
        return drop(f"more than {MAX_TERM_WORDS} words")
    if is_brand_name(t, definition):
        return drop("brand name")
    if len(tokens(t)) == 1 and is_acronym(t) and len(t.replace("-", "")) < MIN_ACRONYM_LEN:
        return drop("short acronym")
    if len(t) < 3:
        return drop("too short")
    if any(len(tok) > 24 for tok in tokens(t)):
        return drop("long chemical name")
    # CDC judged the word to need a plain alternative: keep it unless it is on the reviewed list
    if t.lower() in cdc_medical and not everyday.listed(t):
        return t
    if everyday.term(t):
        return drop("everyday word")
    return t


def split_alternatives(term: str, text: str) -> list[str]:
    """CDC 'plain alternative' cell -> short alternatives (<= MAX_ALT_WORDS words).

    Semicolons separate alternatives; commas usually do, except (a) a segment that enumerates
    examples ("like", "such as", "etc") is one unit; (b) a part starting with "or"/"and" or a
    part that is only an article plus a word ("a dry, scaly ...") continues its neighbour;
    (c) after a part that is too long (a definition), the short parts that follow belong to
    that definition ("fluid that coats ... the nose, mouth, ...") and are dropped too.
    Remaining mis-splits are fixed in ALT_OVERRIDES.
    """
    if term in ALT_OVERRIDES:
        return list(ALT_OVERRIDES[term])
    text = norm_text(text)
    text = re.sub(r"\([^()]*\)", "", text)  # parenthetical notes
    text = re.sub(r"\([^()]*$", "", text)  # unbalanced tail
    out: list[str] = []
    for seg in text.split(";"):
        seg = seg.strip()
        if re.search(r"\w (like|such as|including) \w|\b(etc|e\.g)\b", seg):
            parts = [seg]
        else:
            parts = []
            for p in seg.split(","):
                p = p.strip()
                joins = parts and (re.match(r"(or|and)\b", p)
                                   or re.fullmatch(r"(a|an|the) \S+", parts[-1]))
                if joins:
                    parts[-1] = f"{parts[-1]}, {p}"
                else:
                    parts.append(p)
        too_long = False
        for p in parts:
            p = re.sub(r"\s+", " ", p.strip().strip(".").strip())
            if not p:
                continue
            if too_long or len(p.split()) > MAX_ALT_WORDS:
                too_long = True
                continue
            low = p.lower()
            if low == term.lower() or low.startswith("see ") or low in {"etc", "e", "med"}:
                continue
            if low not in (a.lower() for a in out):
                out.append(p)
    return out


def cdc_case(term: str, nci_case: dict[str, str]) -> str:
    if term.lower() in nci_case:
        return nci_case[term.lower()]
    toks = []
    for tok in tokens(term):
        if (tok in PROPER_TOKENS or is_acronym(tok) or any(c.isdigit() for c in tok)
                or re.fullmatch(r"[A-Z]", tok)):
            toks.append(tok)
        else:
            toks.append(tok.lower())
    return " ".join(toks)


def classify_cdc(term: str, nci_terms: set[str]) -> str:
    """'medical' or 'general' for a CDC thesaurus entry.

    1. reviewed overrides (CDC_MEDICAL_EXTRA / CDC_GENERAL_OVERRIDE) win;
    2. the term is in an NCI dictionary -> medical;
    3. a content word has clinical morphology (-itis, -ectomy, cardi-, ...) or is a medical
       head word (disease, vaccine, syndrome, ...) -> medical;
    4. otherwise general.
    """
    low = term.lower()
    if term in CDC_MEDICAL_EXTRA or low in {x.lower() for x in CDC_MEDICAL_EXTRA}:
        return "medical"
    if low in CDC_GENERAL_OVERRIDE:
        return "general"
    if low in nci_terms:
        return "medical"
    for tok in content_tokens(low):
        if tok in MEDICAL_HEADS or (MEDICAL_MORPHOLOGY.search(tok)
                                    and zipf(tok) < MORPHOLOGY_MAX_ZIPF):
            return "medical"
    return "general"


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------

NCI_CANCER_SOURCE = ("NCI Dictionary of Cancer Terms, "
                     "https://www.cancer.gov/publications/dictionaries/cancer-terms")
NCI_GENETICS_SOURCE = ("NCI Dictionary of Genetics Terms, "
                       "https://www.cancer.gov/publications/dictionaries/genetics-dictionary")
CDC_SOURCE = ("CDC Plain Language Thesaurus for Health Communications "
              "(Centers for Disease Control and Prevention)")
NCI_LICENCE = "Public domain (U.S. Government work). Credit: National Cancer Institute."
CDC_LICENCE = ("Public domain (U.S. Government work). "
               "Credit: Centers for Disease Control and Prevention.")


class _HeaderDumper(yaml.SafeDumper):
    """SafeDumper that writes long header strings as folded (>-) blocks."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = ">" if len(value) > 150 else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_HeaderDumper.add_representer(str, _str_representer)


def write_pack(path: Path, pack: str, kind: str, source: str, licence: str, derived: str,
               terms: dict[str, list[str]]) -> None:
    ordered = {t: list(terms[t]) for t in sorted(terms)}
    doc = {"pack": pack, "kind": kind, "source": source, "licence": licence,
           "derived": derived, "terms": ordered}
    # The header keeps a fixed, readable order; the terms mapping is dumped with sort_keys=True
    # (code-point order, so `list(terms) == sorted(terms)` holds after loading).
    header = {k: v for k, v in doc.items() if k != "terms"}
    text = "# Generated by scripts/build_jargon_packs.py -- do not edit by hand.\n"
    text += yaml.dump(header, Dumper=_HeaderDumper, sort_keys=False, allow_unicode=True,
                      width=100, default_flow_style=False)
    text += yaml.safe_dump({"terms": ordered}, sort_keys=True, allow_unicode=True,
                           width=100, default_flow_style=None)
    path.write_text(text, encoding="utf-8")
    back = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if back != doc:
        sys.exit(f"{path}: YAML does not round-trip")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lexicons", type=Path, required=True, help="folder with the three TSVs")
    ap.add_argument("--out", type=Path, required=True, help="output folder (rules/jargon)")
    ap.add_argument("--everyday", type=Path, help="reviewed everyday-word list "
                    "(default: <out>/everyday-words.yml)")
    args = ap.parse_args(argv)

    clash = {t.lower() for t in CDC_MEDICAL_EXTRA} & CDC_GENERAL_OVERRIDE
    if clash:
        sys.exit(f"terms both in CDC_MEDICAL_EXTRA and CDC_GENERAL_OVERRIDE: {sorted(clash)}")
    every_path = args.everyday or args.out / "everyday-words.yml"
    every_doc = yaml.safe_load(every_path.read_text(encoding="utf-8"))
    words = [w for group in every_doc["words"]
             for w in (group if isinstance(group, list) else [group])]
    everyday = Everyday(words, ZIPF_EVERYDAY)

    cancer = read_tsv(args.lexicons / "nci-dictionary-of-cancer-terms.tsv")
    genetics = read_tsv(args.lexicons / "nci-dictionary-of-genetics-terms.tsv")
    cdc = read_tsv(args.lexicons / "cdc-plain-language-thesaurus.tsv")

    nci_case: dict[str, str] = {}
    for term, _ in cancer + genetics:
        nci_case.setdefault(norm_text(term).lower(), norm_text(term))
    nci_lower = set(nci_case)

    # --- CDC: merge duplicate rows, clean alternatives, classify ---------------------------
    cdc_alts: dict[str, list[str]] = {}
    for term, alts in cdc:
        t = norm_text(re.sub(r"\s*\([^()]*\)", "", term))  # "intravenous (IV)" -> "intravenous"
        t = cdc_case(t, nci_case)
        merged = cdc_alts.setdefault(t, [])
        for a in split_alternatives(t, alts):
            if a.lower() not in (m.lower() for m in merged):
                merged.append(a)
    cdc_medical: dict[str, list[str]] = {}
    cdc_general: dict[str, list[str]] = {}
    cdc_everyday: list[str] = []
    for t, alts in cdc_alts.items():
        if classify_cdc(t, nci_lower) == "medical":
            if everyday.listed(t) or (len(tokens(t)) > 1 and everyday.term(t)):
                # a word every patient knows, or a phrase made only of such words ("surgical
                # mask"), is no jargon; if CDC offers a plainer wording ("physician" ->
                # "doctor") it is still a complex word for the general pack
                cdc_everyday.append(t)
                if alts:
                    cdc_general[t] = alts
                continue
            cdc_medical[t] = alts
        else:
            cdc_general[t] = alts
    n_moved = sum(1 for t in cdc_everyday if t in cdc_general)
    cdc_medical_lower = {t.lower(): alts for t, alts in cdc_medical.items()}

    # --- NCI packs ---------------------------------------------------------------------------
    drug_terms: dict[str, list[str]] = {}

    def build_nci(rows: list[tuple[str, str]]) -> tuple[dict[str, list[str]], dict]:
        stats: dict[str, int] = {}
        out: dict[str, list[str]] = {}
        for term, definition in rows:
            t = nci_filter(term, definition, everyday, set(cdc_medical_lower), stats)
            if t is None:
                continue
            if is_drug_name(t, norm_text(definition)) and t.lower() not in cdc_medical_lower:
                drug_terms.setdefault(t, [])
                stats["moved to nci-drug-names"] = stats.get("moved to nci-drug-names", 0) + 1
                continue
            out.setdefault(t, [])
            for a in cdc_medical_lower.get(t.lower(), []):
                if a not in out[t]:
                    out[t].append(a)
        return out, stats

    cancer_terms, cancer_stats = build_nci(cancer)
    genetics_terms, genetics_stats = build_nci(genetics)

    def reasons(stats: dict) -> str:
        return "; ".join(f"{k} {v}" for k, v in sorted(stats.items(), key=lambda kv: -kv[1]))

    common = (
        f"Word frequencies: wordfreq {WORDFREQ_VERSION}, zipf_frequency(word, 'en'). "
        f"Every content word with a wordfreq Zipf frequency >= {ZIPF_EVERYDAY} "
        f"(English) counts as everyday, and so does every word or phrase in "
        f"rules/jargon/everyday-words.yml (a reviewed list, {len(everyday.words)} entries); a term "
        f"is dropped when all its content words are everyday (for multi-word terms this is the "
        f"rarest content word, the same thing wordfreq's phrase frequency approximates)."
    )
    nci_rules = (
        f"Dropped: terms with commas; parentheses that are not a trailing note or a spelled-out "
        f"acronym (those parts are removed); code names, product codes and isotope labels (a "
        f"token whose digits equal or outnumber its letters, or with a part holding two or more "
        f"digits; {len(DIGIT_TERMS_KEEP)} reviewed biomarker names such as CA-125 kept); "
        f"staging labels and acronym regimens; more than {MAX_TERM_WORDS} words; "
        f"{len(ORGANISATIONS)} reviewed agency and program names (NCI, FDA, PDQ, ...); "
        f"brand names (a capitalised name whose NCI entry "
        f"says it is a drug -- generic names are kept); single acronyms under "
        f"{MIN_ACRONYM_LEN} letters; tokens over 24 characters. {common} A term the CDC "
        f"thesaurus lists as medical is kept whatever its frequency, unless it is on the "
        f"everyday list. Plain alternatives come only from the CDC thesaurus (same term); NCI "
        f"definitions are not copied."
    )
    write_pack(
        args.out / "nci-cancer-terms.yml", "nci-cancer-terms", "medical", NCI_CANCER_SOURCE,
        NCI_LICENCE,
        f"Built by scripts/build_jargon_packs.py from the {len(cancer)} terms of the NCI "
        f"Dictionary of Cancer Terms; {len(cancer_terms)} kept. {nci_rules} Drop counts: "
        f"{reasons(cancer_stats)}.",
        cancer_terms)
    write_pack(
        args.out / "nci-genetics-terms.yml", "nci-genetics-terms", "medical",
        NCI_GENETICS_SOURCE, NCI_LICENCE,
        f"Built by scripts/build_jargon_packs.py from the {len(genetics)} terms of the NCI "
        f"Dictionary of Genetics Terms; {len(genetics_terms)} kept. {nci_rules} Drop counts: "
        f"{reasons(genetics_stats)}.",
        genetics_terms)

    write_pack(
        args.out / "nci-drug-names.yml", "nci-drug-names", "drug", NCI_CANCER_SOURCE,
        NCI_LICENCE,
        f"Built by scripts/build_jargon_packs.py: the {len(drug_terms)} generic drug and agent "
        f"names among the kept NCI terms (same filters as nci-cancer-terms). A term is a drug "
        f"name when the first sentence of its NCI entry says it is a drug, substance, vaccine "
        f"or monoclonal antibody and the term does not end like a drug class (-ic, -ant, -ive, "
        f"-or, ... 'antiemetic', 'inhibitor'). The entry is read only to classify; nothing of "
        f"it is copied. Drug names have no plain alternative, so jargon-rare-word reports them "
        f"(information), not jargon-unexplained.",
        drug_terms)

    cdc_common = (
        f"Alternatives: split on commas and semicolons (a segment that enumerates examples "
        f"with 'like'/'such as' stays whole), parenthetical notes removed, alternatives over "
        f"{MAX_ALT_WORDS} words (definitions) and alternatives equal to the term dropped; "
        f"duplicate rows merged. Medical vs general: a term is medical when it is in an NCI "
        f"dictionary, or a content word has clinical morphology (-itis, -ectomy, cardi-, "
        f"immun-, ...) or is a medical head word (disease, vaccine, syndrome, test, ...); "
        f"reviewed lists in the script override both ways ({len(CDC_MEDICAL_EXTRA)} added as "
        f"medical, e.g. contusion, sutures; {len(CDC_GENERAL_OVERRIDE)} NCI-listed words kept "
        f"general, e.g. absorption, significant). Term case: NCI spelling if listed there, "
        f"otherwise lower-case except acronyms and eponyms."
    )
    write_pack(
        args.out / "cdc-medical-terms.yml", "cdc-medical-terms", "medical", CDC_SOURCE,
        CDC_LICENCE,
        f"Built by scripts/build_jargon_packs.py from the {len(cdc)} rows "
        f"({len(cdc_alts)} distinct terms) of the CDC Plain Language Thesaurus; "
        f"{len(cdc_medical)} medical terms kept. Left out: {len(cdc_everyday)} medical terms "
        f"that are on rules/jargon/everyday-words.yml or are phrases whose content words are "
        f"all everyday (Zipf >= {ZIPF_EVERYDAY} or listed), e.g. "
        f"{', '.join(sorted(cdc_everyday)[:5])}; those with a plain alternative go to "
        f"cdc-general-words. Single words get no frequency threshold: the CDC listing is "
        f"itself the judgement that a plain alternative is needed. {cdc_common}",
        cdc_medical)
    write_pack(
        args.out / "cdc-general-words.yml", "cdc-general-words", "general", CDC_SOURCE,
        CDC_LICENCE,
        f"Built by scripts/build_jargon_packs.py from the CDC Plain Language Thesaurus: the "
        f"{len(cdc_general)} general complex words and phrases, for a complex-word rule: "
        f"{len(cdc_general) - n_moved} non-medical entries plus {n_moved} everyday medical "
        f"words and phrases that have a plainer CDC alternative (physician -> doctor, "
        f"surgical mask -> face mask). {cdc_common}",
        cdc_general)

    for name, d in [("nci-cancer-terms", cancer_terms), ("nci-genetics-terms", genetics_terms),
                    ("nci-drug-names", drug_terms),
                    ("cdc-medical-terms", cdc_medical), ("cdc-general-words", cdc_general)]:
        print(f"{name}: {len(d)} terms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
