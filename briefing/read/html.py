"""Saved web pages (``.html``, ``.htm``, ``.mhtml``): the article's title and text.

The main text comes from trafilatura, the reference extractor for news pages: it
drops navigation, related links, comments and footers, and keeps paragraphs and
subheads.  The headline group around the page's ``<h1>`` (a kicker heading right
above it, a subtitle heading right below it) is taken from the page itself, and
where trafilatura finds no text the ``<h1>`` and ``<p>`` elements are read
instead.  Lines come with their roles, as from a PDF page.
"""

from __future__ import annotations

import email
import email.policy
import re
from typing import Any

from ..registry import readers
from .encoding import Decoded, DecodeError

_SPACE = re.compile(r"[ \t\r\n\u00a0]+")
# A kicker or subtitle heading is short; a longer one is text.
MAX_SIDE_HEADING = 60
# A page with less text than this (a link list, a cookie notice) has no article.
MIN_TEXT = 20


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip(" \u3000")


def _mhtml_html(data: bytes) -> bytes:
    """The HTML part of a saved ``.mhtml`` page, decoded from its transfer encoding."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                charset = part.get_content_charset()
                if charset:  # re-declared so that the extractor decodes it right
                    return payload.decode(charset, "replace").encode("utf-8")
                return payload
    raise DecodeError("no HTML part in the .mhtml file")


@readers.register(".html")
@readers.register(".htm")
@readers.register(".mhtml")
@readers.register(".mht")
def read_html(data: bytes) -> Decoded:
    if data.lstrip()[:200].lower().startswith((b"from:", b"mime-version", b"content-type", b"subject:")):
        data = _mhtml_html(data)
    tree = _parse(data)
    if tree is None:
        raise DecodeError("not a readable HTML page")
    title, kicker, subtitle = _headline_group(tree)
    lines = _main_text(data) or _fallback_text(tree)
    title = title or _document_title(tree)
    out: list[tuple[str, str]] = []
    if kicker:
        out.append(("kicker", kicker))
    if title:
        out.append(("headline", title))
    if subtitle:
        out.append(("subtitle", subtitle))
    out.extend(line for line in lines if line[1] not in (title, kicker, subtitle))
    if sum(len(text) for role, text in out if role in ("body", "subhead")) < MIN_TEXT:
        raise DecodeError("no article text found in the HTML page")
    return Decoded.from_lines(out, "html")


def _parse(data: bytes) -> Any:
    import lxml.html  # heavy: only for web pages

    try:
        return lxml.html.document_fromstring(data)
    except (ValueError, lxml.etree.ParserError):
        return None


def _headline_group(tree: Any) -> tuple[str | None, str | None, str | None]:
    """The ``<h1>`` text and the short headings printed right above and below it."""
    h1 = next(iter(tree.iter("h1")), None)
    if h1 is None:
        return None, None, None
    title = _clean(h1.text_content()) or None

    def side(element: Any) -> str | None:
        if element is None or not isinstance(element.tag, str) or element.tag not in ("h2", "h3", "h4", "h5"):
            return None
        text = _clean(element.text_content())
        return text if 0 < len(text) <= MAX_SIDE_HEADING else None

    return title, side(h1.getprevious()), side(h1.getnext())


def _document_title(tree: Any) -> str | None:
    title = tree.find(".//title")
    if title is None:
        return None
    text = _clean(title.text_content())
    # "headline - site name" / "headline_site": the site's part is not the headline
    text = re.split(r"\s+[-|–—_]\s+|_", text)[0].strip()
    return text or None


def _main_text(data: bytes) -> list[tuple[str, str]]:
    import trafilatura  # heavy: only for web pages
    from lxml import etree

    xml = trafilatura.extract(data, output_format="xml", include_comments=False, include_tables=True)
    if not xml:
        return []
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    out: list[tuple[str, str]] = []
    for element in main if main is not None else []:
        text = _clean("".join(element.itertext()))
        if not text:
            continue
        if element.tag == "head":
            out.append(("subhead", text))
        elif element.tag == "list":
            out.extend(
                ("body", _clean("".join(item.itertext()))) for item in element if "".join(item.itertext()).strip()
            )
        else:
            out.append(("body", text))
    return out


def _fallback_text(tree: Any) -> list[tuple[str, str]]:
    """Every ``<p>`` of the page, when the extractor found no main text."""
    return [("body", text) for p in tree.iter("p") if (text := _clean(p.text_content()))]
