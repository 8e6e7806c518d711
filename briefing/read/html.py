"""Saved web pages (``.html``, ``.htm``, ``.mhtml``): the article's title and text.

The main text of an article page comes from trafilatura, the reference extractor
for news pages: it drops navigation, related links, comments and footers, and
keeps paragraphs and subheads.  The headline group around the page's ``<h1>`` (a
kicker heading right above it, a subtitle heading right below it) is taken from
the page itself.  A page of several stories (several ``<article>`` elements or
``<h1>`` headlines), or one where trafilatura finds no text, is read block by
block in document order instead, leaving out navigation, headers, footers and
asides.  Lines come with their roles, as from a PDF page.
"""

from __future__ import annotations

import email
import email.policy
import re
from collections import Counter
from typing import Any

from ..archive.dates import FULL_DATE
from ..registry import readers
from .encoding import Decoded, DecodeError, decode

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
    page = _decode_page(data)
    tree = _parse(page)
    if tree is None:
        raise DecodeError("not a readable HTML page")
    headline = _story_headline(tree)
    out = _walk(tree, headline) if headline else _single_article(tree, page)
    dated = _date_line(tree)
    if dated and all(dated not in text for _, text in out):
        out.insert(0, ("furniture", dated))  # the page's date, for the briefing's dating
    if sum(len(text) for role, text in out if role in ("body", "subhead")) < MIN_TEXT:
        raise DecodeError("no article text found in the HTML page")
    return Decoded.from_lines(out, "html")


MAX_DATE_LINE = 80


def _date_line(tree: Any) -> str | None:
    """The first short piece of the page's text that carries a full date (the
    article's publication line), verbatim."""
    body = tree.find("body")
    for text in (body if body is not None else tree).itertext():
        line = _clean(text)
        if line and len(line) <= MAX_DATE_LINE and FULL_DATE.search(line):
            return line
    return None


def _single_article(tree: Any, page: str) -> list[tuple[str, str]]:
    """One article: the headline group around ``<h1>`` and trafilatura's main text."""
    title, kicker, subtitle = _headline_group(tree)
    lines = _main_text(page) or _walk(tree)
    title = title or _document_title(tree)
    out: list[tuple[str, str]] = []
    if kicker:
        out.append(("kicker", kicker))
    if title:
        out.append(("headline", title))
    if subtitle:
        out.append(("subtitle", subtitle))
    out.extend(line for line in lines if line[1] not in (title, kicker, subtitle) and line[0] != "headline")
    return out


def _story_headline(tree: Any) -> str | None:
    """On a page of several stories, the tag of their headlines: ``h1`` where two or
    more ``<h1>`` stand on the page, else the first heading's tag in most of two or
    more ``<article>`` elements, else ``h2`` for items under a page title.  None on a
    page of one article."""
    if len(tree.xpath("//h1")) >= 2:
        return "h1"
    firsts = [a.xpath("(.//h1|.//h2|.//h3|.//h4)[1]") for a in tree.xpath("//article")]
    tags = Counter(found[0].tag for found in firsts if found)
    if sum(tags.values()) >= 2:
        return tags.most_common(1)[0][0]
    return "h2" if _items_under_a_page_title(tree) else None


def _items_under_a_page_title(tree: Any) -> bool:
    """Two or more ``<h2>`` items, each with text, under at most one ``<h1>`` that
    has no text of its own before the first of them (a page title, not an article
    whose sections the ``<h2>`` would be)."""
    blocks = [e.tag for e in tree.iter("h1", "h2", "p") if e.text_content().strip()]
    if "h2" not in blocks:
        return False
    first = blocks.index("h2")
    if "p" in blocks[:first] and "h1" in blocks[:first]:
        return False  # an article's text, then its sections
    items = sum(1 for k, tag in enumerate(blocks) if tag == "h2" and "p" in blocks[k + 1 : k + 2])
    return items >= 2


# Elements whose text is never the article's: site navigation, forms, scripts.
_SKIP = {"nav", "header", "footer", "aside", "script", "style", "form", "noscript", "template", "button", "select"}
_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "figcaption", "blockquote", "dd")


def _walk(tree: Any, headline: str = "h1") -> list[tuple[str, str]]:
    """The page's text blocks in document order with their roles: a ``headline``
    element a headline, a short heading right before it its kicker and right after
    it its subtitle, other headings subheads, ``<figcaption>`` captions, the rest
    body."""
    blocks: list[tuple[str, str]] = []
    for element in tree.iter(*_BLOCKS):
        parent = element.getparent()
        in_item = element.tag == "p" and parent is not None and parent.tag == "li"
        inside = any(isinstance(a.tag, str) and (a.tag in _SKIP or a.tag in _BLOCKS) for a in element.iterancestors())
        if (inside and not in_item) or (element.tag == "li" and element.find(".//p") is not None):
            continue  # inside another block or the site's furniture; a list item's paragraphs one by one
        text = _clean(element.text_content())
        if text:
            blocks.append((element.tag, text))
    out: list[tuple[str, str]] = []
    for k, (tag, text) in enumerate(blocks):
        before = blocks[k - 1][0] if k else ""
        after = blocks[k + 1][0] if k + 1 < len(blocks) else ""
        short = len(text) <= MAX_SIDE_HEADING
        if tag == headline:
            out.append(("headline", text))
        elif tag in ("h2", "h3", "h4") and short and after == headline:
            out.append(("kicker", text))
        elif tag in ("h2", "h3", "h4") and short and before == headline:
            out.append(("subtitle", text))
        elif tag.startswith("h"):
            out.append(("subhead", text))
        elif tag == "figcaption":
            out.append(("caption", text))
        else:
            out.append(("body", text))
    return out


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _decode_page(data: bytes) -> str:
    """The page as text: in the charset it declares, else as its bytes show
    (UTF-8 with or without BOM, GB18030, UTF-16)."""
    declared = _CHARSET.search(data[:8192])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), "replace")
        except LookupError:
            pass  # an unknown charset name: detect it
    text, _ = decode(data)
    return text


def _parse(page: str) -> Any:
    import lxml.html  # heavy: only for web pages

    try:
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", page))
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


def _main_text(page: str) -> list[tuple[str, str]]:
    import trafilatura  # heavy: only for web pages
    from lxml import etree

    xml = trafilatura.extract(page, output_format="xml", include_comments=False, include_tables=True)
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
