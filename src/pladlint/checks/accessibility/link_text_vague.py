"""PL303 link-text-vague: link text that does not say where the link goes."""

from __future__ import annotations

import re
from typing import Any, Iterator

from pladlint.vocab.accessibility_pack import accessibility_pack, normalize_phrase
from pladlint.checks.base import Option, Rule, Severity, Violation
from pladlint.document.inline import URL_RE
from pladlint.document.model import Link

_EMAIL = re.compile(r"^(?:mailto:)?[\w.+-]+@[\w-]+\.[\w.-]+$", re.I)
_PHONE = re.compile(r"^(?:tel:)?[+\d][\d\s().-]{6,}$", re.I)
# In a reference ("... Available at: https://...", "Accessed from ..."), the address is what
# the reader copies: a citation style asks for it, so it is not a vague link there.
_CITATION_BEFORE = re.compile(
    r"(?:available\s+(?:at|from|online)|retrieved\s+from|accessed\s+(?:at|from)|url|doi)\s*:?\s*[\[<]?$",
    re.I)

# A contact block: a line (or list item) that starts with a label and a colon ("Website:",
# "- **Email:**", "> Phone:"), or a line that holds nothing but the link. There a short bare
# domain is what the reader copies or types, so it is the right link text.
_LINE_LEAD = r"^[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?(?:\*\*|__|\*|_)?"
_MARKUP = re.compile(r"[*_`\s]+")
# A short bare domain: a host name with at most a short path, no query and no fragment.
_DOMAIN = re.compile(
    r"^(?:(?:https?://)?(?:www\.)?)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}"
    r"(?:/[\w.~%-]*)*/?$", re.I)


def short_bare_domain(text: str, max_length: int) -> bool:
    """Is `text` ("www.example.gov", "https://nccih.nih.gov", "cancer.gov/espanol") a
    domain with at most a short path, no query or fragment, of `max_length` characters or
    fewer once the scheme is left out?"""
    bare = re.sub(r"^https?://", "", text.strip().strip("<>"), flags=re.I)
    return len(bare) <= max_length and bool(_DOMAIN.match(text.strip().strip("<>")))


def in_contact_block(source: str, start: int, end: int, labels: set[str]) -> bool:
    """Does the link at source offsets [start, end) stand in a contact block: a line that
    starts with one of `labels` and a colon, or a line with nothing but the link?"""
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", end)
    line_end = len(source) if line_end < 0 else line_end
    lead = re.match(_LINE_LEAD, source[line_start:start])
    before = source[line_start:start][lead.end() if lead else 0:]
    after = source[end:line_end]
    if not _MARKUP.sub("", before) and not _MARKUP.sub("", after).strip(".;,"):
        return True  # the link is the whole line (or list item)
    label = re.match(r"\s*([^\W\d_][\w -]{0,20}?)\s*(?:\*\*|__|\*|_)?\s*:", before)
    return bool(label) and label.group(1).strip().lower() in labels


def destination_words(url: str) -> str | None:
    """A readable name guessed from the last part of a URL: '/treatment/side-effects' ->
    'side effects'. None when there is nothing readable."""
    path = re.split(r"[?#]", url, maxsplit=1)[0].rstrip("/")
    last = path.rsplit("/", 1)[-1]
    last = re.sub(r"\.(?:html?|aspx?|php|pdf)$", "", last, flags=re.I)
    words = re.sub(r"[-_+]+", " ", last).strip()
    if not words or not re.search(r"[a-z]{3}", words, re.I) or "." in words or len(words) > 60:
        return None
    return words.lower()


class LinkTextVague(Rule):
    code = "PL303"
    name = "link-text-vague"
    severity = Severity.WARNING
    summary = "Link text such as 'click here', 'learn more' or a bare URL does not say where it goes."
    rationale = (
        "Screen reader users often jump from link to link or list all the links of a page; "
        "ten links called 'click here' or 'learn more' tell them nothing. WCAG 2.2 success "
        "criterion 2.4.4 (Link Purpose) asks that a link's text say where it goes. A bare URL "
        "is read out letter by letter and means little to most patients. The whole link text "
        "is compared with the list in rules/accessibility.yml, so 'Learn more about "
        "monoclonal antibodies' is fine. In a contact block (a line that starts with "
        "'Website:', 'Email:', 'Phone:' and the like, or a line that is only the link) a "
        "short bare domain such as 'www.example.gov' is what the reader copies or types, so "
        "it is not reported there; a long address, or one in running text, still is."
    )
    example = "To find a trial, [click here](/clinical-trials/search).\n"
    fix = (
        "Put the destination in the link text: 'Use the [clinical trials search]"
        "(/clinical-trials/search).' Name the page, not the action."
    )
    tags = ("accessibility", "wcag-2.4.4")
    options = {
        "extra-texts": Option([], list, "More link texts to report (matched on the whole text)."),
        "allow-texts": Option([], list, "Link texts from the list that are fine in this project."),
        "bare-urls": Option(True, bool, "Report a link whose text is its own URL."),
        "contact-labels": Option(
            ["website", "web site", "web", "online", "email", "e-mail", "phone", "internet",
             "url", "homepage", "home page", "web address"], list,
            "Labels that start a contact line ('Website: www.example.gov'): a short bare "
            "domain after one is not reported."),
        "contact-domain-length": Option(
            40, int, "Longest bare domain (with a short path, no query; scheme not counted) "
                     "that is fine as link text in a contact block."),
    }

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        pack = accessibility_pack()
        allowed = {normalize_phrase(t) for t in options["allow-texts"]}
        vague = (pack.vague_link_texts | {normalize_phrase(t) for t in options["extra-texts"]}) - allowed
        labels = {" ".join(str(t).lower().split()) for t in options["contact-labels"]}
        doc = ctx.doc
        for link in doc.links:
            text = link.text.strip()
            if not text and link.text_span is not None:
                # A URL is not prose, so the prose view leaves it out: read the source.
                raw = doc.text[link.text_span.start : link.text_span.end].strip()
                text = raw if URL_RE.fullmatch(raw) else ""
            if not text:
                continue  # an image-only link: image-alt-missing and image-alt-quality judge it
            span = link.text_span if link.kind != "autolink" and link.text_span else link.span
            # The suggestion (shown by every formatter) is words for the link, from its URL.
            suggestion = destination_words(link.url)
            if normalize_phrase(text) in vague:
                message = (f"link text '{text}' does not say where the link goes; "
                           "name the page or what the reader will find there")
                yield Violation(span, message, suggestion=suggestion, section=link.section)
            elif (options["bare-urls"] and self.is_bare_url(link, text)
                  and not _CITATION_BEFORE.search(doc.text[max(0, link.span.start - 40):
                                                            link.span.start + 1])
                  and not (short_bare_domain(text, options["contact-domain-length"])
                           and in_contact_block(doc.text, link.span.start, link.span.end,
                                                labels))):
                message = ("link text is a bare web address, which screen readers spell out; "
                           "use words that name the page")
                yield Violation(span, message, suggestion=suggestion, section=link.section)

    @staticmethod
    def is_bare_url(link: Link, text: str) -> bool:
        if _EMAIL.match(text) or _PHONE.match(text):
            return False  # an e-mail address or phone number is what the reader needs
        match = URL_RE.fullmatch(text)
        return bool(match) or text.strip("<>") == link.url
