"""PL302 image-alt-quality: alt text that is there but tells the reader nothing useful."""

from __future__ import annotations

import re
from typing import Any, Iterator

from pladlint.vocab.accessibility_pack import accessibility_pack, normalize_phrase
from pladlint.checks.base import Option, Rule, Severity, Violation
from pladlint.checks.accessibility.image_alt_missing import sole_content_of_link
from pladlint.document.model import Document, Image

_IMAGE_EXT = r"(?:jpe?g|png|gif|svg|webp|bmp|tiff?|heic|avif|ico)"
# "IMG_2041.jpg", "diagram.png", "DSC01234", "Screen Shot 2024-01-02 at 10.01.02"
_FILE_NAME = re.compile(
    rf"^(?:[\w\-. ()]+\.{_IMAGE_EXT}|(?:img|dsc|dscn|pxl|image|photo)[_\- ]?\d{{2,}}\w*"
    r"|screen ?shot[\w\-. ]*\d{2,}[\w\-. ]*)$",
    re.I,
)
_WORDS = re.compile(r"[^\w]+")


def _key(text: str) -> str:
    return _WORDS.sub(" ", text.lower()).strip()


def nearby_caption(doc: Document, image: Image) -> str | None:
    """The text standing next to the image as its caption: the rest of its own paragraph,
    or, when the image stands alone, the paragraph right after it."""
    units = doc.units
    for ui, unit in enumerate(units):
        if unit.block.end <= image.span.start:
            continue
        if unit.block.start <= image.span.start and unit.text.strip():
            return unit.text.strip()  # the image sits inside this paragraph
        if unit.block.start <= image.span.start:
            continue  # a paragraph holding only the image: the caption follows
        if unit.kind == "heading":
            return None
        return unit.text.strip() or None
    return None


class ImageAltQuality(Rule):
    code = "PL302"
    name = "image-alt-quality"
    severity = Severity.WARNING
    summary = "Alt text is a file name, a placeholder, repeats the caption, or is too long."
    rationale = (
        "Alt text is what a screen reader says in place of the image (WCAG 2.2 success "
        "criterion 1.1.1 Non-text Content). A file name ('IMG_2041.jpg'), a placeholder "
        "('image', 'photo') or the caption said a second time gives the listener nothing. "
        "Starting with 'image of' or 'picture of' wastes words: screen readers already "
        "announce 'image'. Very long alt text cannot be skimmed or paused like other text; a "
        "complex diagram needs a short alt text plus a long description in the page. An "
        "informative alt text of a few sentences is often right, so alt text over "
        "`max-length` (150 characters) is an info, and a warning only over "
        "`max-length-warning` (300)."
    )
    example = "![IMG_2041.jpg](/img/IMG_2041.jpg)\n\n![Image of a nurse taking blood](/img/nurse.png)\n"
    fix = (
        "Say what the image shows, in a sentence or less: ![A nurse takes blood from a "
        "patient's arm](/img/nurse.png). For a chart, give the main point in the alt text and "
        "the details in the text of the page."
    )
    tags = ("accessibility", "wcag-1.1.1")
    options = {
        "max-length": Option(150, int, "Longest alt text, in characters, before a long "
                                       "description is suggested (an info up to "
                                       "max-length-warning)."),
        "max-length-warning": Option(300, int, "Alt text longer than this many characters "
                                               "is a warning, not an info."),
    }

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        doc = ctx.doc
        pack = accessibility_pack()
        limit = options["max-length"]
        # Informative alt text of 150-300 characters is often right (an editor kept 15 of 35
        # such findings): past max-length it is only an info, a warning well past it.
        warning_limit = max(options["max-length-warning"], limit)
        for image in doc.images:
            alt = (image.alt or "").strip()
            if not alt:
                continue  # image-alt-missing's job
            message = self.problem(doc, image, alt, pack, limit, warning_limit)
            if message is None:
                continue
            severity = None
            if "long description" in message and len(alt) <= warning_limit:
                severity = Severity.INFO
            elif sole_content_of_link(doc, image) and "long description" not in message:
                message += "; this image is a link, so also say where the link goes"
            yield Violation(image.span, message, severity=severity, section=image.section,
                            data={"alt": alt, "length": len(alt)})

    @staticmethod
    def problem(doc: Document, image: Image, alt: str, pack, limit: int,
                warning_limit: int | None = None) -> str | None:
        norm = normalize_phrase(alt)
        base = re.split(r"[?#]", image.src, maxsplit=1)[0].rsplit("/", 1)[-1]
        if _FILE_NAME.match(alt) or (base and norm == base.lower()):
            return f"alt text '{alt}' is a file name; describe what the image shows"
        if norm in pack.placeholder_alt_texts:
            return f"alt text '{alt}' is a placeholder; describe what the image shows"
        prefix = pack.alt_prefix(alt)
        if prefix is not None:
            rest = alt[len(prefix):].strip(" ,:;-") if alt.lower().startswith(prefix) else ""
            hint = f"; start with what it shows: '{rest[:1].upper() + rest[1:]}'" if rest else ""
            return (f"alt text starts with '{alt[:len(prefix)]}'; screen readers already say "
                    f"it is an image{hint}")
        caption = nearby_caption(doc, image)
        if caption and _key(caption) == _key(alt):
            return ("alt text only repeats the caption next to the image; say what the image "
                    "shows that the caption does not, or use alt=\"\" with "
                    "role=\"presentation\" if it adds nothing")
        if warning_limit is not None and len(alt) > warning_limit:
            return (f"alt text is {len(alt)} characters long (over {warning_limit}); keep a "
                    "short description in the alt text and put the details in a long "
                    "description in the page text")
        if len(alt) > limit:
            return (f"alt text is {len(alt)} characters long (over {limit}); if it is hard to "
                    "follow when heard, keep a short description in the alt text and put the "
                    "details in a long description in the page text")
        return None
