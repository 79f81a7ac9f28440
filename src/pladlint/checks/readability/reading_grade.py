"""PL101 reading-grade: a section reads above its audience's target grade."""

from __future__ import annotations

from typing import Any, Iterator

from pladlint.checks.base import Option, Rule, Severity, Violation
from pladlint.checks.readability.difficulty import hardest_sentences, hotspot, sentence_location
from pladlint.language.readability import MIN_SENTENCE_WORDS, push, sentence_counts

MAX_SHOWN = 3  # hardest sentences named in a finding
MIN_PUSH = 0.05  # grades (or ease points) a sentence must add to be named


class ReadingGrade(Rule):
    code = "PL101"
    name = "reading-grade"
    severity = Severity.WARNING
    summary = "A section reads above the target grade level for its audience."
    rationale = (
        "Half of U.S. adults read at or below an 8th-grade level, and health literacy is lower "
        "still: the CDC and NIH advise writing patient material at grade 6 to 8. A section "
        "scored above its audience's target will lose many of the readers it is written for. "
        "The grade is the median of five grade-level formulas (Flesch-Kincaid, SMOG, "
        "Coleman-Liau, Gunning Fog, ARI) computed on the section's prose only, unless the "
        "audience profile names one formula. Sections under the audience's minimum word count "
        "are scored together with their neighbours. Spanish pages are scored on the Fernández "
        "Huerta reading-ease scale (higher is easier) instead. The finding names the two or "
        "three sentences that push the score up most, with their line numbers."
    )
    example = (
        "## Treatment\n\nPharmacological interventions targeting oncogenic signalling "
        "pathways demonstrate considerable therapeutic efficacy in appropriately selected "
        "patient populations.\n"
    )
    fix = (
        "Start with the sentences the finding names. Use shorter sentences (15-20 words) and "
        "everyday words: split long sentences, turn lists of items into bullets, and replace "
        "long words with short ones."
    )
    tags = ("plain-language", "readability")
    languages = ("en", "es")
    options = {
        "target": Option(None, (int, float, type(None)), "Override the audience's target grade."),
        "error-grade": Option(None, (int, float, type(None)),
                              "Grade from which the finding is an error (default: audience)."),
        "min-words": Option(None, (int, type(None)),
                            "Sections with fewer words are scored with their neighbours "
                            "(default: audience)."),
        "min-ease": Option(None, (int, float, type(None)),
                           "Spanish: override the audience's lowest reading ease."),
        "error-ease": Option(None, (int, float, type(None)),
                             "Spanish: reading ease under which the finding is an error."),
    }

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        if not ctx.readability_supported:
            return
        spanish = ctx.language == "es"
        target, error_at = ctx.target, ctx.error_threshold
        doc = ctx.doc
        for score in ctx.section_scores:
            value = score.value
            if value is None or (score.pool is not None and score.pool.members[0] != score.section):
                continue  # unscored, or a pool (handled once, at its first member)
            if (value >= target) if spanish else (value <= target):
                continue
            own = [score.section] if score.pool is None else list(score.pool.members)
            if score.pool is not None and score.pool.borrowed is not None:
                # Short sections scored with a long neighbour: report them only when the
                # neighbour is within the target (else its own finding covers the area) and
                # they are over the target by themselves.
                nb = ctx.section_scores[score.pool.borrowed].value
                if nb is not None and ((nb < target) if spanish else (nb > target)):
                    continue
                alone = ctx.score_sentences([s for i in own for s in ctx.section_sentences(i)])
                mine = alone.ease if spanish else alone.grade
                if mine is None or ((mine >= target) if spanish else (mine <= target)):
                    continue
            hard = self.hardest(ctx, own)
            # A pool is reported at the section holding its hardest sentence (listed first).
            anchor = hard[0]["section"] if hard else own[0]
            section = doc.sections[anchor]
            span = section.heading_span or doc.units[section.units[0]].block
            error = (value < error_at) if spanish else (value >= error_at)
            yield Violation(
                span, self.message(ctx, anchor, own, value, target, hard, score.scores.words),
                suggestion=self.suggestion(hard, spanish),
                severity=Severity.ERROR if error else None,
                section=section.index,
                data={"grade": value, "target": target, "measure": ctx.measure_name,
                      "sections": [doc.sections[i].heading for i in own],
                      "pooled_with": [doc.sections[i].heading for i in score.pooled_with],
                      "sentences": hard},
            )

    @staticmethod
    def message(ctx, anchor: int, own: list[int], value: float, target: float,
                hard: list[dict], words: int) -> str:
        doc = ctx.doc
        who = f"section '{doc.sections[anchor].heading}'"
        if ctx.section_scores[anchor].short:
            who += f" (short: {words} words, scored alone, so the grade is less certain)"
        elif ctx.section_scores[anchor].pool is not None:
            others = [f"'{doc.sections[i].heading}'" for i in own if i != anchor]
            if others:
                who += (f" (short, scored together with {', '.join(others)}: {words} words)")
            else:
                who += f" (short, scored with its neighbours: {words} words)"
        if ctx.language == "es":
            text = (f"{who} scores {value:g} on the {ctx.measure_name} reading-ease scale; "
                    f"{ctx.audience.name} pages should score {target:g} or higher")
        else:
            text = (f"{who} reads at grade {value:g}; the target for {ctx.audience.name} pages "
                    f"is {target:g} or lower")
        if hard:
            text += "; hardest sentences: " + ", ".join(
                f"line {h['line']}:{h['column']} ({h['words']} words"
                + (f", difficulty {h['difficulty']:g}" if "difficulty" in h else "")
                + (f": {', '.join(h['why'])}" if h.get("why") else "")
                + ")" for h in hard)
        return text

    @staticmethod
    def suggestion(hard: list[dict], spanish: bool) -> str:
        if not hard:
            return "use shorter sentences and everyday words"
        quotes = "; ".join(f"{h['line']}:{h['column']} \"{h['excerpt']}\"" for h in hard)
        return f"split or simplify {quotes}"

    @staticmethod
    def hardest(ctx, sections: list[int]) -> list[dict]:
        """Up to three sentences that make the sections hardest to read, hardest first.

        English: the sentences of highest difficulty (checks/readability/difficulty.py),
        which weighs unfamiliar words and unexplained terms as well as length. Spanish (no
        fitted model): each sentence is ranked by how much the section's reading ease would
        rise without it. Headings are not candidates.
        """
        if ctx.language == "en":
            return [hotspot(ctx, s) for s in hardest_sentences(ctx, sections, MAX_SHOWN)]
        doc = ctx.doc
        counted = []
        for i in sections:
            for sentence in ctx.section_sentences(i):
                words = [t.text for t in sentence.tokens if t.is_word]
                if len(words) >= MIN_SENTENCE_WORDS:
                    counted.append((sentence, sentence_counts(words, ctx.language)))
        if len(counted) < 2:
            return []
        total = counted[0][1]
        for _, c in counted[1:]:
            total = total + c
        ranked = []
        for sentence, c in counted:
            if doc.units[sentence.unit].kind == "heading":
                continue
            gain = push(total, c)
            if gain > MIN_PUSH:
                ranked.append((-gain, sentence.unit, sentence.start, sentence))
        ranked.sort(key=lambda r: r[:3])
        out = []
        for gain, _, _, sentence in ranked[:MAX_SHOWN]:
            h = sentence_location(ctx, sentence)
            h["push"] = round(-gain, 2)
            out.append(h)
        return out
