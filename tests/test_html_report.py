"""The HTML report: structure, highlights, chart; and a real headless Chromium when present."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from pladlint.checks.base import Severity
from pladlint.cli import main
from pladlint.findings import FileResult, Finding, LintResult, SectionSummary
from pladlint.formatters.html_report import format_result, highlighted

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

PAGE = """---
audienceLevel: patient
---

# Chemo at home

Mucositis can make your mouth sore and it can last for a number of days after each treatment session even when you rinse with salt water prior to meals and take the medicine that your care team gave you.

![](mouth.png)
"""


def _finding(rule: str, code: str, start: int, end: int, message: str,
             suggestion: str | None = None) -> Finding:
    return Finding(rule=rule, code=code, severity=Severity.WARNING, message=message, path="p.md",
                   line=1, column=1, end_line=1, end_column=1, section="", text="",
                   suggestion=suggestion, start=start, end=end)


def test_nested_and_crossing_highlights_stay_well_formed() -> None:
    text = "abcdefghij"
    outer = _finding("long-sentence", "PL102", 0, 10, "long")
    inner = _finding("jargon-unexplained", "PL201", 2, 4, "jargon")
    cross = _finding("link-text-vague", "PL303", 8, 12, "vague")
    out = highlighted(text, 0, [(0, 10, 0, outer), (2, 4, 1, inner), (8, 12, 2, cross)], 0)
    assert re.sub(r"<[^>]+>", "", out) == text
    assert out.count("<mark") == out.count("</mark>")
    assert out.count("tabindex") == 3
    assert '<mark class="hl hl-jargon" id="p0-f1"' in out


class _Checker(HTMLParser):
    VOID = {"meta", "br", "rect", "line", "link", "img", "input"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ids: list[str] = []
        self.refs: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"])
        for key in ("aria-describedby", "aria-labelledby"):
            if a.get(key):
                self.refs.extend(a[key].split())
        for key in ("src", "href"):
            if a.get(key) and re.match(r"(https?:)?//", a[key]) and tag != "svg":
                self.external.append(a[key])
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()


def _report(tmp_path: Path, page: Path) -> str:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", str(page), "--output", str(out),
                                       "--today", "2026-11-28"])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_report_is_self_contained_and_well_formed(tmp_path: Path) -> None:
    page = tmp_path / "chemo.md"
    page.write_text(PAGE, encoding="utf-8")
    doc = _report(tmp_path, page)
    checker = _Checker()
    checker.feed(doc)
    assert checker.stack == []
    assert len(checker.ids) == len(set(checker.ids))
    assert set(checker.refs) <= set(checker.ids)  # every aria reference resolves
    assert checker.external == []  # no network
    assert '<html lang="en">' in doc and "<h1>" in doc and "Reading grade by section" in doc
    assert 'class="hl hl-jargon"' in doc and 'class="hl hl-image"' in doc
    assert doc.count('role="tooltip"') == doc.count("tabindex=\"0\"")


def test_overview_ranks_pages_by_grade_over_target() -> None:
    def result(path: str, grade: float) -> FileResult:
        s = SectionSummary("Intro", 1, 1, 3, (), 120, 6, grade, {}, 8.0)
        return FileResult(path, "patient", "en", [s], [], 120, grade, "# Intro\n\nText.\n")

    doc = format_result(LintResult(files=[result("easy.md", 6.0), result("hard.md", 12.0)]))
    assert doc.index(">hard.md</a>") < doc.index(">easy.md</a>")
    assert 'data-grade="12.0"' in doc and 'class="target"' in doc


@pytest.fixture
def browser_page():
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (Debian package 'chromium'; "
                    ".ci/run installs it)")
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="playwright is not installed (test extra)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.route("**/*", lambda route: route.abort()
                       if not route.request.url.startswith("file:") else route.continue_())
            yield page
        finally:
            browser.close()


def test_report_in_headless_chromium(tmp_path: Path, browser_page, sample_page: Path) -> None:
    """The acceptance check: a screenshot of the sample NCI page's report, checked via the DOM."""
    doc = _report(tmp_path, sample_page)
    report = tmp_path / "report.html"
    assert doc
    page = browser_page
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(report.as_uri())
    page.screenshot(path=str(tmp_path / "report-top.png"))
    assert all(u.startswith("file:") for u in requests), requests

    marks = page.eval_on_selector_all(
        "mark.hl[tabindex]",
        "els => els.map(e => ({kind: e.className, rule: e.dataset.rule,"
        " text: Array.from(e.childNodes).filter(n => !(n.classList &&"
        " n.classList.contains('tip'))).map(n => n.textContent).join('')}))")
    kinds = {m["kind"].split()[1] for m in marks}
    assert {"hl-jargon", "hl-sentence", "hl-image"} <= kinds
    assert any(m["rule"] == "jargon-unexplained" and m["text"].strip() for m in marks)

    bars = page.eval_on_selector_all(
        "svg g.bar", "els => els.map(e => [+e.dataset.grade, +e.dataset.target,"
        " e.querySelector('rect').getBBox().width, e.classList.contains('over')])")
    assert len(bars) >= 5
    assert any(over for *_, over in bars) and all((g > t) == over for g, t, _, over in bars)
    widths = {g: w for g, _, w, _ in bars}
    assert widths[max(widths)] > widths[min(widths)] > 0  # bars are drawn to scale
    assert page.locator("svg line.target").count() == 1

    # keyboard: Tab reaches a highlight, whose tooltip (message + suggestion) becomes visible
    first = page.locator("mark.hl-jargon[tabindex]").first
    first.scroll_into_view_if_needed()
    first.focus()
    tip = first.locator(":scope > .tip")
    assert tip.is_visible()
    assert "may be unfamiliar" in tip.inner_text() or "Jargon" in tip.inner_text()
    described = first.get_attribute("aria-describedby")
    assert page.locator(f"#{described}").count() == 1
    page.screenshot(path=str(tmp_path / "report-focus.png"))
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    # hover shows it too
    sentence = page.locator("mark.hl-sentence[tabindex]:not(:has(mark))").first
    sentence.scroll_into_view_if_needed()
    sentence.hover(position={"x": 2, "y": 2})
    assert sentence.locator(":scope > .tip").is_visible()
    page.locator("#page0").scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "report-page.png"), full_page=False)
    shots = sorted(p.name for p in tmp_path.glob("*.png"))
    assert shots == ["report-focus.png", "report-page.png", "report-top.png"]
    keep = shutil.os.environ.get("PLADLINT_KEEP_SCREENSHOTS")
    if keep:
        for shot in tmp_path.glob("*.png"):
            shutil.copy(shot, Path(keep) / shot.name)
