"""The HTML report: one self-contained file a writer opens in a browser.

An overview ranks files and sections by how far they are over their reading target; each page
then gets a grade chart (inline SVG, the target drawn as a line), the list of its findings, and
its text with every finding highlighted. Highlights come in four styles that differ by shape
as well as colour (Okabe-Ito colours, safe for colour-blind readers): jargon (dotted underline),
sentences and wording (tint and solid underline), images (dashed box), other problems (double
underline). Each highlight is focusable and shows its message and suggestion on hover and on
keyboard focus; Escape hides it. No network: no external scripts, styles or fonts.
A pure function of the LintResult: the page text comes from `FileResult.source`.
"""

from __future__ import annotations

import html
from collections import Counter

from pladlint import __version__
from pladlint.findings import FileResult, Finding, LintResult, SectionSummary
from pladlint.formatters.common import FormatOptions
from pladlint.positions import LineIndex

KINDS = {  # kind: (label, description for the legend)
    "jargon": ("Jargon", "medical or rare words to explain or replace"),
    "sentence": ("Sentences and wording", "long sentences, wordy phrases, hard words"),
    "image": ("Images", "missing or unhelpful alt text"),
    "other": ("Other", "links, headings, acronyms, page details"),
}


def kind_of(f: Finding) -> str:
    if f.rule.startswith("image-"):
        return "image"
    if f.code.startswith("PL2") or "jargon" in f.rule:
        return "jargon"
    if f.code.startswith("PL1"):
        return "sentence"
    return "other"


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def over_by(s: SectionSummary) -> float | None:
    if s.grade is None or s.target is None:
        return None
    return s.grade - s.target


def file_over(r: FileResult) -> float:
    values = [v for v in (over_by(s) for s in r.sections) if v is not None]
    return max(values, default=float("-inf"))


def anchor(fi: int, name: str, n: int) -> str:
    return f"p{fi}-{name}{n}"


# -- overview -------------------------------------------------------------------------------

def overview(result: LintResult) -> list[str]:
    files = sorted(enumerate(result.files), key=lambda it: (-file_over(it[1]),
                                                            -len(it[1].findings), it[1].path))
    out = ['<section aria-labelledby="overview"><h2 id="overview">Overview</h2>',
           f"<p>{len(result.files)} page{'s' if len(result.files) != 1 else ''} checked, "
           f"{len(result.findings)} finding{'s' if len(result.findings) != 1 else ''}. "
           "Pages and sections are ranked by how far their reading grade is over the target "
           "of their audience.</p>",
           '<h3 id="ranked-pages">Pages</h3>',
           '<table><caption class="visually-hidden">Pages ranked by grade over target</caption>'
           '<thead><tr><th scope="col">Page</th><th scope="col">Grade</th>'
           '<th scope="col">Target</th><th scope="col">Difficulty (0-100)</th><th scope="col">Worst section over target by</th>'
           '<th scope="col">Sections over target</th><th scope="col">Findings</th></tr></thead><tbody>']
    for fi, r in files:
        targets = [s.target for s in r.sections if s.target is not None]
        worst = file_over(r)
        over_count = sum(1 for s in r.sections if (over_by(s) or 0) > 0)
        out.append(
            f'<tr><th scope="row"><a href="#page{fi}">{esc(r.path)}</a></th>'
            f"<td>{_grade(r.grade)}</td><td>{_num(min(targets) if targets else None)}</td>"
            f"<td>{_grade(r.difficulty)}</td><td>{_over_text(worst)}</td><td>{over_count} of {len(r.sections)}</td>"
            f"<td>{len(r.findings)}</td></tr>")
    out.append("</tbody></table>")
    ranked = sorted(((over_by(s), fi, si, r, s) for fi, r in enumerate(result.files)
                     for si, s in enumerate(r.sections) if (over_by(s) or 0) > 0),
                    key=lambda t: (-t[0], t[3].path, t[2]))
    out.append('<h3 id="ranked-sections">Sections over target</h3>')
    if not ranked:
        out.append("<p>No section is over its target.</p>")
    else:
        out.append('<table><caption class="visually-hidden">Sections ranked by grade over '
                   'target</caption><thead><tr><th scope="col">Section</th>'
                   '<th scope="col">Page</th><th scope="col">Grade</th><th scope="col">Target'
                   '</th><th scope="col">Over by</th><th scope="col">Difficulty (0-100)</th>'
                   '</tr></thead><tbody>')
        for over, fi, si, r, s in ranked[:50]:
            out.append(f'<tr><th scope="row"><a href="#{anchor(fi, "s", si)}">{esc(s.heading)}'
                       f"</a></th><td>{esc(r.path)}</td><td>{_grade(s.grade)}</td>"
                       f"<td>{_num(s.target)}</td><td>{over:.1f}</td>"
                       f"<td>{_grade(s.difficulty)}</td></tr>")
        out.append("</tbody></table>")
        if len(ranked) > 50:
            out.append(f"<p>And {len(ranked) - 50} more sections.</p>")
    out.append("</section>")
    return out


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:g}" if float(value).is_integer() else f"{value:.1f}"


def _grade(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _over_text(value: float) -> str:
    if value == float("-inf"):
        return "not graded"
    return f"{value:.1f} grades" if value > 0 else "on target"


# -- chart ----------------------------------------------------------------------------------

def grade_chart(fi: int, r: FileResult) -> list[str]:
    graded = [(si, s) for si, s in enumerate(r.sections) if s.grade is not None
              and s.target is not None]
    if not graded:
        return ["<p>No section has enough words for a reading grade.</p>"]
    label_w, bar_w, row_h, top = 300, 380, 26, 34
    scale = max(16.0, max(s.grade for _, s in graded) + 1, max(s.target for _, s in graded) + 2)
    height = top + row_h * len(graded) + 10
    over = sum(1 for _, s in graded if s.grade > s.target)
    target = min(s.target for _, s in graded)
    x = lambda v: label_w + bar_w * v / scale  # noqa: E731
    cid = f"chart{fi}"
    out = [f'<figure class="chart"><svg id="{cid}" role="img" aria-labelledby="{cid}-t {cid}-d" '
           f'viewBox="0 0 {label_w + bar_w + 70} {height}" width="100%" '
           f'xmlns="http://www.w3.org/2000/svg">',
           f'<title id="{cid}-t">Reading grade of each section of {esc(r.path)}</title>',
           f'<desc id="{cid}-d">{over} of {len(graded)} sections are over the target grade of '
           f"{_num(target)}. " + "; ".join(f"{s.heading}: grade {s.grade:.1f}"
                                           for _, s in graded) + "</desc>",
           '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
           'patternTransform="rotate(45)"><rect width="6" height="6" fill="#D55E00"/>'
           '<line x1="0" y1="0" x2="0" y2="6" stroke="#8f3f00" stroke-width="3"/></pattern></defs>',
           f'<text x="{label_w}" y="14" class="axis">grade 0</text>',
           f'<text x="{label_w + bar_w}" y="14" class="axis" text-anchor="end">{scale:g}</text>']
    for row, (si, s) in enumerate(graded):
        y = top + row * row_h
        is_over = s.grade > s.target
        label = s.heading if len(s.heading) <= 36 else s.heading[:35] + "…"
        out.append(f'<g class="bar {"over" if is_over else "ok"}" data-section="{si}" '
                   f'data-grade="{s.grade:.1f}" data-target="{s.target:g}">'
                   f"<title>{esc(s.heading)}: grade {s.grade:.1f}, target {s.target:g}</title>"
                   f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end">{esc(label)}</text>'
                   f'<rect x="{label_w}" y="{y + 3}" height="{row_h - 8}" '
                   f'width="{max(1.0, x(s.grade) - label_w):.1f}" '
                   f'fill="{"url(#hatch)" if is_over else "#0072B2"}"/>'
                   f'<text x="{x(s.grade) + 6:.1f}" y="{y + 16}">{s.grade:.1f}'
                   f'{" over" if is_over else ""}</text></g>')
    tx = x(target)
    out.append(f'<line class="target" x1="{tx:.1f}" x2="{tx:.1f}" y1="20" y2="{height - 4}" '
               'stroke="#000" stroke-width="2" stroke-dasharray="6 3"/>'
               f'<text x="{tx + 4:.1f}" y="28" class="axis">target {_num(target)}</text>')
    out.append("</svg>")
    out.append(f"<figcaption>Reading grade per section; the dashed line is the target "
               f"({_num(target)}). Hatched bars are over it: {over} of {len(graded)}."
               "</figcaption></figure>")
    return out


# -- page text with highlights --------------------------------------------------------------

def highlighted(text: str, base: int, spans: list[tuple[int, int, int, Finding]],
                fi: int, tip_html: dict[int, str] | None = None) -> str:
    """`text` (file offsets base..) as HTML with properly nested <mark>s for the spans.

    Overlapping spans that do not nest are split; only a finding's first piece is focusable
    and carries the tooltip. One sweep over the span boundaries.
    """
    end_all = base + len(text)
    clipped = [(max(a, base), min(b, end_all), n, f) for a, b, n, f in spans
               if a < end_all and b > base and b > a]
    by_n = {n: (a, b, f) for a, b, n, f in clipped}
    opens: dict[int, list[int]] = {}
    for a, _, n, _ in clipped:
        opens.setdefault(a, []).append(n)
    points = sorted({base, end_all, *(a for a, _, _, _ in clipped),
                     *(b for _, b, _, _ in clipped)})
    out: list[str] = []
    stack: list[int] = []  # finding numbers of open marks, outermost first
    live: set[int] = set()
    started: set[int] = set()
    for p, q in zip(points, points[1:]):
        live = {n for n in live if by_n[n][1] > p}
        live.update(opens.get(p, ()))
        active = sorted(live, key=lambda n: (by_n[n][0], -by_n[n][1], n))
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep] == active[keep]:
            keep += 1
        out.append("</mark>" * (len(stack) - keep))
        del stack[keep:]
        for n in active[keep:]:
            first = n not in started
            out.append(_open(n, by_n[n][2], fi, first))
            if first and tip_html:
                out.append(tip_html.get(n, ""))
            started.add(n)
            stack.append(n)
        out.append(esc(text[p - base: q - base]))
    out.append("</mark>" * len(stack))
    return "".join(out)


def _open(n: int, f: Finding, fi: int, first: bool) -> str:
    kind = kind_of(f)
    if not first:
        return f'<mark class="hl hl-{kind} cont">'
    return (f'<mark class="hl hl-{kind}" id="{anchor(fi, "f", n)}" tabindex="0" '
            f'data-rule="{esc(f.rule)}" aria-describedby="{anchor(fi, "t", n)}">')


def tips(fi: int, r: FileResult) -> dict[int, str]:
    return {n: _tip(fi, n, f) for n, f in enumerate(r.findings)}


def _tip(fi: int, n: int, f: Finding) -> str:
    label = KINDS[kind_of(f)][0]
    suggestion = f"<br><strong>Try:</strong> {esc(f.suggestion)}" if f.suggestion else ""
    return (f'<span class="tip" role="tooltip" id="{anchor(fi, "t", n)}">'
            f"<strong>{esc(label)}</strong> ({esc(f.rule)}): {esc(f.message)}{suggestion}</span>")


def page_text(fi: int, r: FileResult) -> list[str]:
    text = r.source
    starts = _line_starts(text)
    spans = [(f.start, max(f.end, f.start + 1), n, f) for n, f in enumerate(r.findings)
             if f.end >= f.start and f.start < len(text)]
    tip_html = tips(fi, r)
    cuts = [0] + [starts[s.line - 1] for s in r.sections if 0 < s.line <= len(starts)] + [len(text)]
    cuts = sorted(set(cuts))
    out = [f'<h3 id="text{fi}">Page text with highlights</h3>']
    # the page's own language, so screen readers pronounce it right (WCAG 3.1.2)
    lang = f' lang="{esc(r.language)}"' if r.language and r.language != "en" else ""
    sections_at = {starts[s.line - 1]: (si, s) for si, s in enumerate(r.sections)
                   if 0 < s.line <= len(starts)}
    for a, b in zip(cuts, cuts[1:]):
        chunk = text[a:b]
        if a in sections_at:
            si, s = sections_at[a]
            grade = (f' <span class="grade">grade {s.grade:.1f}, target {s.target:g}'
                     f'{" — over" if (over_by(s) or 0) > 0 else ""}</span>'
                     if s.grade is not None and s.target is not None else "")
            out.append(f'<h4 id="{anchor(fi, "s", si)}">{esc(s.heading)}{grade}</h4>')
        elif not chunk.strip():
            continue
        else:
            out.append('<h4>Front matter</h4>')
        out.append(f'<div class="src"{lang}>{highlighted(chunk, a, spans, fi, tip_html)}</div>')
    return out


def _line_starts(text: str) -> list[int]:
    return LineIndex(text).starts


def findings_table(fi: int, r: FileResult) -> list[str]:
    if not r.findings:
        return ["<p>No findings on this page.</p>"]
    out = [f'<details><summary>All {len(r.findings)} findings as a list</summary><table>'
           '<thead><tr><th scope="col">Line</th><th scope="col">Kind</th>'
           '<th scope="col">Rule</th><th scope="col">Message</th>'
           '<th scope="col">Suggestion</th></tr></thead><tbody>']
    for n, f in enumerate(r.findings):
        out.append(f'<tr><td><a href="#{anchor(fi, "f", n)}">{f.line}</a></td>'
                   f"<td>{esc(KINDS[kind_of(f)][0])}</td><td>{esc(f.rule)} ({esc(f.severity.value)})"
                   f"</td><td>{esc(f.message)}</td><td>{esc(f.suggestion or '')}</td></tr>")
    out.append("</tbody></table></details>")
    return out


def legend(counts: Counter) -> list[str]:
    out = ['<ul class="legend" aria-label="Highlight styles">']
    for kind, (label, desc) in KINDS.items():
        out.append(f'<li><mark class="hl hl-{kind} sample">{esc(label)}</mark> {esc(desc)} '
                   f"({counts.get(kind, 0)})</li>")
    out.append("</ul>")
    return out


def page(fi: int, r: FileResult) -> list[str]:
    counts = Counter(kind_of(f) for f in r.findings)
    grade = f"grade {r.grade:.1f}" if r.grade is not None else "no grade"
    out = [f'<section class="page" aria-labelledby="page{fi}"><h2 id="page{fi}">{esc(r.path)}</h2>',
           f"<p>{esc(r.audience)} page · {r.words} words · {grade} · "
           f"{len(r.findings)} findings</p>", '<h3>Reading grade by section</h3>']
    out += grade_chart(fi, r)
    out += ["<h3>Findings</h3>"] + legend(counts) + findings_table(fi, r)
    if r.source:
        out += page_text(fi, r)
    out.append('<p><a href="#overview">Back to the overview</a></p></section>')
    return out


def format_result(result: LintResult, options: FormatOptions | None = None) -> str:
    body: list[str] = []
    body += overview(result)
    for fi, r in enumerate(result.files):
        body += page(fi, r)
    if result.errors:
        body.append('<section aria-labelledby="errors"><h2 id="errors">Pages not checked</h2><ul>')
        body += [f"<li>{esc(e.path)}: {esc(e.message)}</li>" for e in result.errors]
        body.append("</ul></section>")
    return (TEMPLATE.replace("{{body}}", "\n".join(body))
            .replace("{{version}}", esc(__version__)))


TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>pladlint report</title>
<style>
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a;
       background: #fff; margin: 0 auto; max-width: 64rem; padding: 1rem 1.5rem 4rem; }
a { color: #004f8a; } a:focus-visible, .hl:focus-visible, summary:focus-visible {
  outline: 3px solid #1a1a1a; outline-offset: 2px; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
th, td { border: 1px solid #767676; padding: .25rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #eee; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.page { border-top: 3px solid #1a1a1a; margin-top: 2rem; }
.chart { margin: 0; } .chart svg { max-width: 100%; height: auto; font-size: 13px; }
.chart text { fill: #1a1a1a; } .chart .axis { fill: #4a4a4a; font-size: 12px; }
figcaption { font-size: .9rem; color: #4a4a4a; }
.src { white-space: pre-wrap; overflow-wrap: anywhere; font: 15px/1.7 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
       background: #fafafa; border: 1px solid #ccc; padding: .75rem; }
h4 { margin: 1.25rem 0 .25rem; } h4 .grade { font-weight: normal; font-size: .9rem; color: #4a4a4a; }
.hl { position: relative; color: inherit; background: none; padding: 0; }
.hl-sentence { background: #fdebc8; border-bottom: 2px solid #8a5a00; }
.hl-jargon { background: #d4ebf9; border-bottom: 3px dotted #0072B2; }
.hl-image { background: #fbe0cf; outline: 2px dashed #b34a00; outline-offset: 1px; }
.hl-other { background: #f6dced; border-bottom: 4px double #a8487e; }
.hl.sample { padding: 0 .25rem; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
.tip { display: none; position: absolute; z-index: 10; left: 0; top: 100%; width: max-content;
       max-width: min(26rem, 80vw); white-space: normal; font: 14px/1.4 system-ui, sans-serif;
       background: #1a1a1a; color: #fff; padding: .5rem .6rem; border-radius: 4px;
       box-shadow: 0 2px 6px rgba(0,0,0,.35); }
.hl:hover:not(:has(.hl:hover)) > .tip, .hl:focus > .tip { display: block; }
body.tips-off .tip { display: none !important; }
footer { margin-top: 3rem; font-size: .9rem; color: #4a4a4a; }
</style>
</head>
<body>
<a class="skip" href="#overview">Skip to the overview</a>
<header><h1>Plain-language report</h1>
<p>Made by pladlint {{version}}. Highlighted words and sentences show what to change; move the
pointer over one, or reach it with the Tab key, to read the problem and a plainer alternative.
Press Escape to hide it.</p></header>
<main>
{{body}}
</main>
<footer>pladlint checks reading grade, jargon and accessibility. A grade is an estimate:
read your page aloud and test it with readers.</footer>
<script>
document.addEventListener("keydown", function (e) {
  if (e.key === "Escape") { document.body.classList.add("tips-off"); }
});
["focusin", "mouseover"].forEach(function (name) {
  document.addEventListener(name, function (e) {
    document.body.classList.remove("tips-off");
    var mark = e.target.closest && e.target.closest(".hl[tabindex]");
    var tip = mark && mark.querySelector(":scope > .tip");
    if (!tip) { return; }
    tip.style.left = "0px";
    var box = tip.getBoundingClientRect();
    var room = document.documentElement.clientWidth - 8;
    if (box.right > room) { tip.style.left = (room - box.right) + "px"; }
  });
});
</script>
</body>
</html>
"""
