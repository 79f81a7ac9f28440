"""JUnit XML: one test case per file; a file fails when it has findings at or above
--fail-on, and its failure lists them. Lower findings go to the case's system-out.

Validates against the Jenkins xUnit "junit-10" model (which GitLab, Jenkins and Azure read);
no `file` attribute on test cases, as that schema forbids it. Characters XML cannot hold
are removed so the report always parses.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from pladlint.findings import Finding, LintResult, Severity
from pladlint.formatters.common import FormatOptions
from pladlint.formatters.xml_text import xml_safe


def _line(f: Finding) -> str:
    text = f"{f.path}:{f.line}:{f.column}: {f.severity.value} {f.code} {f.rule}: {f.message}"
    return text + (f" ({f.suggestion})" if f.suggestion else "")


def _failing(f: Finding, fail_on: str) -> bool:
    return fail_on != "never" and f.severity.rank >= Severity(fail_on).rank


def format_result(result: LintResult, options: FormatOptions) -> str:
    cases: list[ET.Element] = []
    failures = 0
    for r in result.files:
        case = ET.Element("testcase", {"classname": "pladlint", "name": xml_safe(r.path),
                                       "time": "0"})
        failing = [f for f in r.findings if _failing(f, options.fail_on)]
        other = [f for f in r.findings if not _failing(f, options.fail_on)]
        if failing:
            failures += 1
            worst = max(failing, key=lambda f: f.severity.rank).severity.value
            n = len(failing)
            failure = ET.SubElement(case, "failure", {
                "type": worst,
                "message": xml_safe(f"{n} finding{'s' if n != 1 else ''} at or above "
                                    f"{options.fail_on}: " + "; ".join(
                                        f"line {f.line} {f.rule}" for f in failing[:5])
                                    + ("; ..." if n > 5 else "")),
            })
            failure.text = xml_safe("\n".join(_line(f) for f in failing))
        if other:
            out = ET.SubElement(case, "system-out")
            out.text = xml_safe("\n".join(_line(f) for f in other))
        cases.append(case)
    for e in result.errors:
        case = ET.Element("testcase", {"classname": "pladlint", "name": xml_safe(e.path),
                                       "time": "0"})
        err = ET.SubElement(case, "error", {"type": "unreadable", "message": xml_safe(e.message)})
        err.text = xml_safe(f"{e.path}: {e.message}")
        cases.append(case)
    counts = {"tests": str(len(cases)), "failures": str(failures),
              "errors": str(len(result.errors))}
    root = ET.Element("testsuites", {"name": "pladlint", **counts, "time": "0"})
    suite = ET.SubElement(root, "testsuite", {"name": "pladlint", **counts, "skipped": "0",
                                              "time": "0"})
    suite.extend(cases)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
