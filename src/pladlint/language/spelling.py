"""British to US spelling, for looking words up in packs written in US spelling.

`us_spelling("utilisation")` is "utilization": pages from the UK, Australia or Cochrane use
British forms, while the plain-word and jargon packs list US ones. A British pattern is only
a hint ("exercise" is not "exercize", "filled" is not "filed"), so the US form is returned
only when it is a more frequent English word (wordfreq) than the word as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

# (pattern, replacement), tried in order; each applies at most once. Endings are anchored
# so that only the suffix changes. The ae/oe patterns are limited to the medical stems that
# carry them ("anaemia", "oesophagus"): elsewhere "oe" is rarely British ("shoe", "does").
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r) for p, r in (
        # -isation / -ise / -ised / -ising / -iser (organisation, randomised, minimise)
        (r"(?<=\w{2})isation(s?)$", r"ization\1"),
        (r"(?<=\w{2})isational$", r"izational"),
        (r"(?<=\w{2})is(e|es|ed|ing|er|ers)$", r"iz\1"),
        # -yse (analyse, paralysed)
        (r"(?<=\w{2})ys(e|es|ed|ing|er|ers)$", r"yz\1"),
        # -our (colour, behaviour, favourable, tumours, honoured)
        (r"(?<=\w{2})our(s|ed|ing|able|ably|ite|ites|al|ally|er|ers|ful|less)?$", r"or\1"),
        # -tre / -bre (centre, litres, fibre, centred)
        (r"(?<=\w)([tb])re(s?)$", r"\1er\2"),
        (r"(?<=\w)([tb])red$", r"\1ered"),
        # medical ae / oe
        (r"paed", r"ped"),                    # paediatric, orthopaedic, encyclopaedia
        (r"^haem", r"hem"),                   # haemoglobin, haemorrhage, haematology
        (r"aem(ia|ias|ic)$", r"em\1"),        # anaemia, leukaemia, ischaemic, septicaemia
        (r"^anaes", r"anes"),                 # anaesthetic, anaesthesia
        (r"^gynae", r"gyne"),                 # gynaecology
        (r"^caesar", r"cesar"),               # caesarean
        (r"^faec", r"fec"),                   # faeces, faecal
        (r"^aetiolog", r"etiolog"),           # aetiology
        (r"^coeliac", r"celiac"),
        (r"^oesophag", r"esophag"),           # oesophagus, oesophageal
        (r"^oestr", r"estr"),                 # oestrogen, oestradiol
        (r"^foet", r"fet"),                   # foetus, foetal
        (r"^oedem", r"edem"),                 # oedema
        (r"rrhoea(s?)$", r"rrhea\1"),         # diarrhoea, gonorrhoea
        (r"rrhoeal$", r"rrheal"),
        (r"pnoea$", r"pnea"),                 # apnoea, dyspnoea
        # -ogue (catalogue, analogue; "dialogue" stays: it is the more frequent form)
        (r"(?<=\w{2})ogue(s?)$", r"og\1"),
        # -ence / -ense (defence, offence, licence, pretence)
        (r"^(def|off|lic|pret)ence(s?)$", r"\1ense\2"),
        # -lled / -lling / -ller after an unstressed syllable (travelled, labelling)
        (r"^([a-z]*[aeiouy][^aeiouy]{1,3}[aeiou])ll(ed|ing|er|ers)$", r"\1l\2"),
        # programme(s), kilogramme(s)
        (r"^programme(s?)$", r"program\1"),
        (r"(?<=\w{3})gramme(s?)$", r"gram\1"),
        (r"paen(ia|ias|ic)$", r"pen\1"),     # thrombocytopaenia, neutropaenia
    )
)

# Words a pattern would turn into a different, more frequent word.
_NOT_BRITISH = frozenset({"timbre"})  # not "timber"

_HINT = re.compile(r"is|ys|our|[tb]re|ae|oe|ogue|ence|ll|gramme")


def us_spelling(word: str) -> str:
    """The US spelling of `word` when a British pattern applies and the US form is the more
    frequent English word; otherwise `word` unchanged. Capitals are kept ("Colour" ->
    "Color", "UTILISATION" -> "UTILIZATION")."""
    found = _US.get(word)  # called for every word of every page: one dict look-up
    if found is not None:
        return found
    if len(_US) >= _US_MAX:
        _US.clear()
    found = _US[word] = _us_spelling(word)
    return found


# The answer per word as written; pages repeat their words.
_US: dict[str, str] = {}
_US_MAX = 100_000


def _us_spelling(word: str) -> str:
    if not word or not word.isalpha():
        return word
    low = word.lower()
    us = _us_lower(low)
    if us == low:
        return word
    if word.isupper() and len(word) > 1:
        return us.upper()
    if word[0].isupper():
        return us[0].upper() + us[1:]
    return us


@lru_cache(maxsize=1 << 15)
def _us_lower(low: str) -> str:
    if len(low) < 5 or low in _NOT_BRITISH or not _HINT.search(low):
        return low
    us = low
    for pattern, repl in _RULES:
        us = pattern.sub(repl, us, count=1)
    if us == low:
        return low
    from pladlint.vocab.frequency import zipf

    return us if zipf(us) > zipf(low) else low
