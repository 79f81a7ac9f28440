"""Checkstyle XML, read by Jenkins (warnings-ng), reviewdog and many CI dashboards."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby

from pladlint.findings import LintResult
from pladlint.formatters.common import FormatOptions
from pladlint.formatters.xml_text import xml_safe


def format_result(result: LintResult, options: FormatOptions) -> str:
    root = ET.Element("checkstyle", {"version": "4.3"})
    for r in result.files:
        node = ET.SubElement(root, "file", {"name": xml_safe(r.path)})
        for f in r.findings:
            message = f.message + (f" ({f.suggestion})" if f.suggestion else "")
            ET.SubElement(node, "error", {
                "line": str(f.line), "column": str(f.column), "severity": f.severity.value,
                "message": xml_safe(message), "source": f"pladlint.{f.code}.{f.rule}",
            })
    for path, errors in groupby(result.errors, key=lambda e: e.path):
        node = ET.SubElement(root, "file", {"name": xml_safe(path)})
        for e in errors:
            ET.SubElement(node, "error", {"line": "1", "severity": "error",
                                          "message": xml_safe(e.message),
                                          "source": "pladlint.unreadable"})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
