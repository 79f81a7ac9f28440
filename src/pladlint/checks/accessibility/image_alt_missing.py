"""PL301 image-alt-missing: an image without alternative text."""

from __future__ import annotations

import re
from fnmatch import fnmatchcase
from typing import Any, Iterator

from pladlint.checks.base import Option, Rule, Severity, Violation
from pladlint.document.model import Document, Image

_DECORATIVE_ROLES = {"presentation", "none"}


def marked_decorative(image: Image) -> bool:
    """HTML `alt=""` together with role="presentation"/"none" or aria-hidden="true"."""
    if image.kind != "html" or image.alt is None or image.alt.strip():
        return False
    attrs = {k.lower(): (v or "").strip().lower() for k, v in image.attrs.items()}
    return attrs.get("role") in _DECORATIVE_ROLES or attrs.get("aria-hidden") == "true"


def matches_path(src: str, patterns: list[str]) -> bool:
    """Does the image path match one of the glob patterns (query string ignored)?"""
    path = re.split(r"[?#]", src, maxsplit=1)[0]
    return any(fnmatchcase(path, p) or fnmatchcase(path.rsplit("/", 1)[-1], p) for p in patterns)


_HTML_LINK_OPEN = re.compile(r"<a\b[^<>]*>\s*$", re.I)
_HTML_LINK_CLOSE = re.compile(r"\s*</a\s*>", re.I)


def sole_content_of_link(doc: Document, image: Image) -> bool:
    """Is the image the only thing inside the link wrapping it (so its alt names the link)?"""
    if image.link is None:
        if image.kind != "html":
            return False
        # <a href="..."><img ...></a> written in HTML: the model records no link for it.
        before = doc.text[max(0, image.span.start - 300) : image.span.start]
        return bool(_HTML_LINK_OPEN.search(before)
                    and _HTML_LINK_CLOSE.match(doc.text, image.span.end))
    link = doc.links[image.link]
    others = [i for i in doc.images if i.link == image.link and i is not image]
    return not link.text.strip() and not others


class ImageAltMissing(Rule):
    code = "PL301"
    name = "image-alt-missing"
    severity = Severity.ERROR
    summary = "An image has no alt text, or an empty one."
    rationale = (
        "People who use screen readers hear an image's alt text instead of seeing it; without "
        "it they hear the file name or nothing at all, and lose what the picture shows. WCAG "
        "2.2 success criterion 1.1.1 (Non-text Content) requires a text alternative for every "
        "image that carries information. When an image is the only thing inside a link, its "
        "alt text is the link's name (2.4.4 Link Purpose): it must say where the link goes. "
        "A purely decorative image may have an empty alt, but only if it says so: HTML "
        "alt=\"\" with role=\"presentation\" or aria-hidden=\"true\", or a path listed in the "
        "rule's decorative-paths option."
    )
    example = "![](/images/port-placement.png)\n\n[![](/img/guide-cover.png)](/guides/chemo.pdf)\n"
    fix = (
        "Describe what the image shows and why it is there: "
        "![A port placed under the skin below the collarbone](/images/port-placement.png). "
        "For a linked image, say where the link goes: "
        "[![Download the chemotherapy guide (PDF)](/img/guide-cover.png)](/guides/chemo.pdf). "
        "Mark a decorative image <img src=\"line.png\" alt=\"\" role=\"presentation\">."
    )
    tags = ("accessibility", "wcag-1.1.1", "wcag-2.4.4")
    options = {
        "decorative-paths": Option(
            [], list, "Glob patterns of image paths that are decorative (e.g. '/img/dividers/*')."),
    }

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        doc = ctx.doc
        decorative_paths = options["decorative-paths"]
        for image in doc.images:
            if image.alt is not None and image.alt.strip():
                continue
            names_link = sole_content_of_link(doc, image)
            if names_link:
                # Decorative markup cannot help here: the link would have no name at all.
                message = ("linked image has no alt text, so the link has no name; "
                           "write alt text that says where the link goes")
            elif marked_decorative(image) or (decorative_paths and matches_path(image.src,
                                                                              decorative_paths)):
                continue
            elif image.link is not None and image.alt is not None:
                continue  # the link's own text names it; an empty alt avoids saying it twice
            elif image.alt is None:
                message = "image has no alt attribute; add alt text that says what it shows"
            else:
                message = ("image has empty alt text; describe what it shows, or mark it "
                           "decorative if it adds nothing")
            yield Violation(image.span, message, section=image.section)
