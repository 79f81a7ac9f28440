"""PL107 person-first-language: a condition used as a label for people, or victim words.

The terms are data in rules/person-first.yml (CDC, NIDA and NIH guidance, each entry with
its source). Labels ("diabetic") are reported as a plural noun ("diabetics"), a singular
noun after a determiner ("an epileptic."), an adjective before a word for people ("diabetic
patients"), a predicate ("is diabetic") or a collective ("the disabled"); before any other
word they describe a thing ("diabetic diet", "epileptic seizure") and are left alone. Victim
words ("cancer victims", "migraine sufferers") are reported when a condition is named.
Phrases are matched on lemmas and their swap takes the written tense ("suffered from" ->
"had"; "is afflicted with" -> "has"). Capitalised names and titles are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator

from pladlint.checks.base import Rule, Severity, Violation
from pladlint.checks.readability.person_first_pack import (
    Label,
    PersonFirstPack,
    Phrase,
    load_person_first,
)
from pladlint.checks.readability.quotes import QuoteCounts
from pladlint.language.inflection import inflect_alternatives, lemminflect_module
from pladlint.language.names import capitalised_in_mid_sentence

_BE_TAG = {"is": "VBZ", "are": "VBP", "am": "VBP", "was": "VBD", "were": "VBD", "be": "VB",
           "been": "VBN"}  # "is afflicted with" -> "has" (VBZ)
_CLITIC_BE = {"'s", "'re", "'m"}
_DETERMINERS = {"a", "an", "the", "one", "every", "each", "any", "no", "this", "that",
                "another", "your", "my", "his", "her", "their", "our"}
# After a singular label, these words show it is a noun: "an epileptic who ...".
_AFTER_NOUN = set("who whom whose that which is was has had does did should must can could "
                  "may might will would needs and or but with without in on at for to from "
                  "of by as than like can't won't doesn't isn't wasn't shouldn't takes gets "
                  "feels knows wants uses".split())
_PREPOSITIONS = set("as after before from of without by for about while when despite since "
                    "through against into than like".split()) | {""}
_VICTIM = "casts people as victims of their condition"
_DISEASE = re.compile(r"(itis|omas?|a?emia|osis|pathy|plegia|algia|trophy|epsy)$")


@dataclass
class Hit:
    first: int  # token indexes [first, last)
    last: int
    key: str  # the entry: reported once per section
    suggestion: str | None
    advice: str  # what to say, shown when there is no suggestion
    why: str
    safe: bool
    source: str


class PersonFirstLanguage(Rule):
    code = "PL107"
    name = "person-first-language"
    severity = Severity.WARNING
    summary = "A condition is used as a label for people, or casts them as its victims."
    rationale = (
        "Calling people by their condition ('diabetics', 'an epileptic', 'the mentally ill') "
        "makes the condition the whole of the person, and words such as 'victim', 'suffers "
        "from', 'afflicted with' or 'wheelchair-bound' cast them as helpless. Readers who have "
        "the condition notice, and may stop reading. CDC's preferred terms for inclusive "
        "communication, its guidance on writing about people with disabilities, NIDA's 'Words "
        "Matter' and the NIH Style Guide ask health writers to put the person first ('people "
        "with diabetes', 'a person with a substance use disorder', 'uses a wheelchair', 'died "
        "by suicide'). The terms are data in rules/person-first.yml, each with its source; "
        "words for things ('diabetic diet', 'epileptic seizure'), names and titles are left "
        "alone, and identity-first words some communities prefer ('autistic', 'deaf', "
        "'disabled people') are not reported."
    )
    example = ("Diabetics should check their feet. He suffers from asthma and is "
               "wheelchair-bound.\n")
    fix = ("People with diabetes should check their feet. He has asthma and uses a "
           "wheelchair.")
    tags = ("plain-language", "wording", "inclusive")
    languages = ("en",)
    options = {}

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        pack = load_person_first()
        seen: set[tuple[int, str]] = set()
        for ui, unit in enumerate(ctx.doc.units):
            tokens = ctx.analysis[ui].tokens
            quotes = QuoteCounts(unit.text)
            for hit in find_hits(tokens, pack):
                start, end = tokens[hit.first].start, tokens[hit.last - 1].end
                if (unit.section, hit.key) in seen or quotes.open_at(start):
                    continue  # a quotation is not the writer's to reword
                seen.add((unit.section, hit.key))
                yield Violation(
                    unit.source_span(start, end), f"'{unit.text[start:end]}' {hit.why}; say "
                    f"'{hit.suggestion or hit.advice}'"
                    + ("" if hit.suggestion else ", reworded to fit the sentence"),
                    suggestion=hit.suggestion,
                    section=unit.section,
                    data={"entry": hit.key, "source": hit.source,
                          "safe": hit.safe and hit.suggestion is not None},
                )


def find_hits(tokens, pack: PersonFirstPack) -> Iterator[Hit]:
    """The person-first findings among one unit's tokens, left to right, not overlapping."""
    low, resume = [t.text.lower().replace("\u2019", "'") for t in tokens], 0
    words, lemmas = pack.start_words, pack.start_lemmas
    for i in range(len(tokens)):
        if i < resume or not tokens[i].is_word:
            continue
        if low[i] not in words and tokens[i].lemma not in lemmas:
            continue  # no label, victim noun or phrase starts here: the three below find nothing
        hit = (next((h for e in pack.labels.get(low[i], ())
                     if (h := _label(tokens, low, i, e, pack)) is not None), None)
               or _victim(tokens, low, i, pack) or _phrase(tokens, low, i, pack))
        if hit is not None:
            if hit.suggestion and tokens[hit.first].text[:1].isupper():
                hit.suggestion = hit.suggestion[:1].upper() + hit.suggestion[1:]
            yield hit
            resume = hit.last


def _adjacent(tokens, a: int, b: int) -> bool:
    return tokens[b].start - tokens[a].end <= 1


def _in_compound(tokens, first: int, last: int) -> bool:  # "non-diabetic", "-friendly"
    return (first > 0 and tokens[first - 1].text == "-" and tokens[first - 1].end ==
            tokens[first].start) or (last < len(tokens) and tokens[last].text == "-" and
                                     tokens[last].start == tokens[last - 1].end)


def _is_name(tokens, first: int, last: int) -> bool:
    """Capitalised in mid-sentence, or before another capital ("Alcoholics Anonymous")."""
    if capitalised_in_mid_sentence(tokens, first, last):
        return True
    nxt = tokens[last] if last < len(tokens) else None
    return bool(tokens[first].text[:1].isupper() and nxt is not None and nxt.is_word
                and nxt.text[:1].isupper() and _adjacent(tokens, last - 1, last))


def _boundary(tokens, low, j: int) -> bool:
    return j >= len(tokens) or not tokens[j].is_word or low[j] in _AFTER_NOUN


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _label(tokens, low, i: int, entry: Label, pack: PersonFirstPack) -> Hit | None:
    n = len(entry.words)
    plural = entry.plural is not None and low[i] == entry.plural
    last = i + 1 if plural else i + n
    if not plural and tuple(low[i:i + n]) != entry.words:
        return None
    if _in_compound(tokens, i, last) or _is_name(tokens, i, last):
        return None
    # what comes before: "type 2 diabetics", "heroin addicts", a determiner, a form of "be"
    first, condition, people = i, entry.condition, entry.people
    if i > 0 and low[i - 1] in entry.modifiers:
        first, condition = i - 1, entry.modifiers[low[i - 1]]
        people = re.sub(r"^an? ", "", condition)
    elif entry.needs_modifier:
        return None
    if first >= 2 and low[first - 2] == "type" and low[first - 1].isdigit():
        typed = f"type {low[first - 1]} "
        first, condition, people = first - 2, typed + condition, typed + people
    before = low[first - 1] if first > 0 else ""
    why = "defines people by their condition"
    report = lambda f, suggestion, advice, safe=False: Hit(  # noqa: E731
        f, last, " ".join(entry.words), suggestion, advice, why, entry.safe and safe, entry.source)
    possessive = last < len(tokens) and low[last] in ("'s", "'")
    if plural and "noun" in entry.uses:
        advice = f"people with {people}"
        return report(first, None if possessive else advice, advice, safe=True)
    nxt = low[last] if last < len(tokens) else ""
    if "adjective" in entry.uses and nxt in pack.person_nouns and \
            _adjacent(tokens, last - 1, last):
        noun = tokens[last].text
        many = nxt in ("people", "children", "men", "women") or nxt[-1:] == "s"
        said = f"{noun} with {people if many else condition}"
        if before in ("a", "an"):
            first, said = first - 1, f"{_article(noun)} {said}"
        # "the patient's", "overweight or obese people": the swap needs rewording
        owner = last + 1 < len(tokens) and low[last + 1] in ("'s", "'") or before in ("or", "and")
        return Hit(first, last + 1, " ".join(entry.words), None if owner else said, said, why,
                   False, entry.source)
    if before == "the" and "collective" in entry.uses and (
            _boundary(tokens, low, last) or _finite_verb(nxt)):  # "the disabled need ..."
        said = f"people with {entry.people}"
        return report(first - 1, said, said, safe=True)
    if not _boundary(tokens, low, last) and entry.uses != {"noun"}:
        return None  # "a diabetic diet", "epileptic seizures": the word describes a thing
    if "noun" in entry.uses and (before in _DETERMINERS or entry.uses == {"noun"}):
        if before in ("a", "an"):
            said = f"a person with {condition}"
            return report(first - 1, said, said, safe=True)
        said = f"person with {condition}"
        return report(first, said, said, safe=before in _DETERMINERS)
    if "predicative" in entry.uses and (before in _BE_TAG or before in _CLITIC_BE):
        said = _conjugate(f"have {condition}", _BE_TAG.get(before, "VBZ"))
        if before in _CLITIC_BE:
            return report(first, None, said)
        if last < len(tokens) and tokens[last].is_word:
            return report(first - 1, None, said)  # "is diabetic and tired": reword it
        return report(first - 1, said, said)
    return None


def _condition_word(tokens, low, j: int, pack: PersonFirstPack) -> bool:
    return tokens[j].is_word and (low[j] in pack.conditions or bool(_DISEASE.search(low[j])))


def _victim(tokens, low, i: int, pack: PersonFirstPack) -> Hit | None:
    """"cancer victims", "victims of AIDS", "migraine sufferers"."""
    noun, one = low[i], low[i] in ("victim", "sufferer")
    if noun not in pack.victim_nouns or _is_name(tokens, i, i + 1):
        return None
    c_first = c_last = first = i  # the condition's tokens: [c_first, c_last)
    while c_first > 0 and _adjacent(tokens, c_first - 1, c_first) and (
            _condition_word(tokens, low, c_first - 1, pack) or (low[c_first - 1] == "-" and
            c_first > 1 and _condition_word(tokens, low, c_first - 2, pack))):
        c_first = first = c_first - 1
    if c_first == i and i + 2 < len(tokens) and low[i + 1] in ("of", "from", "with"):
        c_first = c_last = i + 3 if low[i + 2] in ("a", "an", "the") else i + 2
        while c_last < len(tokens) and _condition_word(tokens, low, c_last, pack):
            c_last += 1
    last = max(c_last, i + 1)
    if c_first == c_last:  # no condition named: "crime victims" are victims
        said = ("a person" if one else "people") + " with the condition"
        return None if noun not in pack.victim_always else Hit(
            first, i + 1, noun, None, said, _VICTIM, False, pack.victims_source)
    text = " ".join(tokens[j].text for j in range(c_first, c_last)).replace(" - ", "-")
    if text[:1].isupper() and not tokens[c_first].text.isupper():
        text = text[:1].lower() + text[1:]  # "Cancer victims" at a sentence start
    who = "person who has" if one else "people who have"
    said = (f"{who} had {_article(text)} {text}" if text.lower() in pack.events
            else f"{'person' if one else 'people'} with {text}")
    if one and first > 0 and low[first - 1] in ("a", "an"):
        first, said = first - 1, "a " + said
    return Hit(first, last, f"{noun}:{text.lower()}", said, said, _VICTIM, False,
               pack.victims_source)


def _phrase(tokens, low, i: int, pack: PersonFirstPack) -> Hit | None:
    # Only the phrases whose first word is this token's lemma (verbs) or this word
    # (participles) can match: looking them up, rather than trying every phrase at every
    # word, keeps the rule's cost per word flat however long the pack grows.
    starts = pack.phrase_starts
    candidates = starts.get(("verb", tokens[i].lemma), ()) + starts.get(("participle", low[i]), ())
    for k in sorted(candidates) if candidates else ():  # pack order: the first match wins
        p = pack.phrases[k]
        n = len(p.words)
        if i + n > len(tokens) or not all(_adjacent(tokens, j, j + 1) for j in range(i, i + n - 1)):
            continue
        if tuple(low[i + 1:i + n]) != p.words[1:]:
            continue
        if _is_name(tokens, i, i + n) or _in_compound(tokens, i, i + n) or (
                p.unless & set(low[max(0, i - 6):i] + low[i + n:i + n + 3])):
            return None  # "the studies suffer from a lack of ..." is not about a person
        return _phrase_hit(tokens, low, i, i + n, p)
    return None


def _phrase_hit(tokens, low, i: int, last: int, p: Phrase) -> Hit:
    phrase = " ".join(p.words).replace(" - ", "-")
    before = low[i - 1] if i > 0 else ""
    first, said, safe = i, None, False
    if p.form == "verb":
        if low[i].endswith("ing") and p.plain == "have":
            if before in _BE_TAG:  # "is suffering from" -> "has"; "been ..." -> "had"
                first, said = i - 1, _conjugate(p.plain, _BE_TAG[before])
            else:
                said = "having" if before in _PREPOSITIONS or not tokens[i - 1].is_word \
                    else "with"
        else:
            fitting = inflect_alternatives(list(tokens[i:last]), phrase.replace("-", " - "),
                                           [p.plain], before)
            said = fitting[0] if fitting else None
            safe = p.safe and not low[i].endswith("ing")
        advice = said or _conjugate(p.plain, "VBZ")
    else:
        advice = _conjugate(p.plain, "VBZ")
        followed = last < len(tokens) and low[last] == "with"
        if before in _BE_TAG and not followed:
            first, said = i - 1, _conjugate(p.plain, _BE_TAG[before])
        elif before not in _BE_TAG and before not in _CLITIC_BE and p.attributive:
            said = p.attributive
    return Hit(first, last, phrase, said, advice, p.why, safe and said is not None, p.source)


def _conjugate(plain: str, tag: str) -> str:
    """`plain` in the form `tag`: "have" -> "has" (VBZ), "not take" -> "did not take" (VBD)."""
    if plain.startswith("not "):
        rest = plain[4:]
        aux = {"VBZ": "does not", "VBP": "do not", "VBD": "did not", "VB": "not"}.get(tag)
        if aux is None:
            head, _, tail = rest.partition(" ")
            return f"not {_inflect(head, 'VBN')} {tail}".strip()
        return f"{aux} {rest}"
    head, _, tail = plain.partition(" ")
    return f"{_inflect(head, tag)} {tail}".strip()


@lru_cache(maxsize=1024)
def _finite_verb(word: str) -> bool:
    """Can `word` be a finite verb? "the disabled need ramps", not "the disabled parking"."""
    lemminflect = lemminflect_module()  # its tables precompiled, whoever loads it first
    for pos, lemmas in lemminflect.getAllLemmas(word).items():
        if pos in ("VERB", "AUX") and any(
                word in lemminflect.getAllInflections(lemma).get(tag, ())
                for lemma in lemmas for tag in ("VBP", "VBD", "VBZ", "MD")):
            return True
    return word in ("often", "also", "still", "usually", "sometimes", "rarely")


@lru_cache(maxsize=64)
def _inflect(verb: str, tag: str) -> str:
    if tag == "VB":
        return verb
    return (lemminflect_module().getInflection(verb, tag) or (verb,))[0]
