"""A LintResult with every kind of finding the CI formats must carry: several files, every
severity, non-ASCII text, a multi-line span, characters that need escaping, a file error."""

from __future__ import annotations

from pladlint.api import lint_text
from pladlint.checks import Severity
from pladlint.findings import FileError, Finding, LintResult

from helpers import TODAY, config_for

PAGE = """\
---
audienceLevel: patient
---

# Café care, 100% "safe" | more

![](/img/port.png)

Rest when you can. Drink water.

Naïve café — ![](x.png) done.

<img src="b.png">
"""


def sample_result() -> LintResult:
    config = config_for(rules=["image-alt-missing"])  # stable as other rules are added
    page = lint_text(PAGE, config, path="docs/café page.md", today=TODAY)
    tricky = Finding(
        rule="image-alt-missing", code="PL301", severity=Severity.WARNING,
        message="line one\r\nline two: 50%, a,b::c\x00\x1b[31m",
        path="docs/odd,name:1.md", line=2, column=3, end_line=4, end_column=2,
        section="A, B: C", text="x\ny\nz", suggestion="say 'a, b'", start=5, end=12,
        fingerprint="f" * 32,
    )
    info = Finding(
        rule="reading-grade", code="PL101", severity=Severity.INFO, message="grade note",
        path="docs/odd,name:1.md", line=1, column=1, end_line=1, end_column=5,
        section="Top", text="Top!", start=0, end=4, fingerprint="e" * 32,
    )
    from pladlint.findings import FileResult

    odd = FileResult(path="docs/odd,name:1.md", audience="patient", language="en",
                     findings=[info, tricky], source="Top!\n..x\ny\nz rest\n")
    result = LintResult(files=[page, odd],
                        errors=[FileError("docs/broken.md", "front matter is not valid YAML")])
    assert {f.severity for f in result.findings} == set(Severity)
    return result
