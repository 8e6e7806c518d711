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

import codecs
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
                    return _decode_page(payload, charset)[0].encode("utf-8")
                return payload
    raise DecodeError("no HTML part in the .mhtml file")


@readers.register(".html")
@readers.register(".htm")
@readers.register(".mhtml")
@readers.register(".mht")
def read_html(data: bytes) -> Decoded:
    if data.lstrip()[:200].lower().startswith((b"from:", b"mime-version", b"content-type", b"subject:")):
        data = _mhtml_html(data)
    page, charset = _decode_page(data)
    tree = _parse(page)
    if tree is None:
        raise DecodeError("not a readable HTML page")
    headline = _story_headline(tree)
    if headline and _items(tree, headline) < 2:
        headline = None  # a site name in an <h1> over the headline's: one article
    out = _walk(tree, headline) if headline else _single_article(tree, page)
    dated = _page_date(page) or _date_line(tree)
    if dated and all(dated not in text for _, text in out):
        out.insert(0, ("furniture", dated))  # the page's date, for the briefing's dating
    if sum(len(text) for role, text in out if role in ("body", "subhead")) < MIN_TEXT:
        raise DecodeError("no article text found in the HTML page")
    return Decoded.from_lines(out, f"html, {charset}")


MAX_DATE_LINE = 80
# GNE's body shorter than GNE_SHORT characters and under GNE_SHARE of trafilatura's is
# a box it took for the article (a promotion, the date line)
GNE_SHORT, GNE_SHARE = 300, 0.3
MIN_ITEM_TEXT = 10  # characters of text under a headline that make it a story of its own
MAIN_ITEM_SHARE = 0.75  # one item with this share of the items' text: the page is that article


def _date_line(tree: Any) -> str | None:
    """The first short piece of the page's text that carries a full date (the
    article's publication line), verbatim."""
    body = tree.find("body")
    for text in (body if body is not None else tree).itertext():
        line = _clean(text)
        if line and len(line) <= MAX_DATE_LINE and FULL_DATE.search(line):
            return line
    return None


def _items(tree: Any, headline: str) -> int:
    """How many ``headline`` elements have text of their own after them (before the
    next one): the stories of a page of several; 1 where one of them has most of the
    text (an article, and the site's other headlines around it)."""
    texts: list[int] = []
    for element in tree.iter(headline, "p"):
        if element.tag == headline:
            texts.append(0)
        elif texts:
            texts[-1] += len(_clean(element.text_content()))
    items = [n for n in texts if n >= MIN_ITEM_TEXT]
    if len(items) >= 2 and max(items) >= MAIN_ITEM_SHARE * sum(items):
        return 1
    return len(items)


def _page_date(page: str) -> str | None:
    """The page's publication date from its metadata and markup (htmldate, which
    trafilatura uses), written as a Chinese date line for the dating of the page."""
    from htmldate import find_date  # imported only for a web page

    try:
        found = find_date(page, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except (ValueError, TypeError):
        return None
    if not found:
        return None
    y, m, d = (int(x) for x in found.split("-"))
    return f"{y}年{m}月{d}日"


def _gne(page: str) -> tuple[str | None, list[str]]:
    """GeneralNewsExtractor's headline and body paragraphs: its text-density reading
    finds the article body on Chinese news sites where trafilatura keeps the
    navigation, related links and comments around it."""
    from gne import GeneralNewsExtractor  # imported only for a web page

    try:
        # the date comes from htmldate and the byline from the text: GNE's own searches
        # for them (regular expressions over the whole page) are given an answer at once
        skip = "//title/text()"
        found = GeneralNewsExtractor().extract(page, publish_time_xpath=skip, author_xpath=skip)
    except Exception:  # a page GNE cannot read: the other readers go on
        return None, []
    paras = [_clean(p) for p in str(found.get("content") or "").split("\n")]
    return (_clean(str(found.get("title") or "")) or None), [p for p in paras if p]


def _single_article(tree: Any, page: str) -> list[tuple[str, str]]:
    """One article: the headline group around ``<h1>`` (or GNE's headline), and the
    body as GNE reads it, else trafilatura's main text."""
    title, kicker, subtitle = _headline_group(tree)
    gne_title, gne_body = _gne(page)
    heads = {_clean(h.text_content()) for h in tree.iter("h2", "h3", "h4", "h5", "h6")}
    lines = [("subhead" if p in heads else "body", p) for p in gne_body]
    took = sum(len(t) for _, t in lines)
    if took < GNE_SHORT:  # a box GNE took for the body (a notice, the date line)? trafilatura's reading
        main = _main_text(page)
        if took < MIN_TEXT or took < GNE_SHARE * sum(len(t) for _, t in main):
            lines = main
    lines = lines or _walk(tree)
    if gne_title and gne_title != title and _replaces(tree, title, gne_title):
        title, kicker, subtitle = gne_title, None, None
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


def _replaces(tree: Any, title: str | None, other: str) -> bool:
    """GNE's headline ``other`` is the one to print rather than the ``<h1>``'s ``title``."""
    return not title or other in title or _breadcrumb(title) or _site_heading(tree, title, other)


def _site_heading(tree: Any, title: str, other: str) -> bool:
    """``title`` (the page's ``<h1>``) is the site's or section's name, not the
    headline: the document's ``<title>`` names ``other`` and not it."""
    head = _title_tag(tree)
    return bool(head) and other in head and title not in head


def _breadcrumb(text: str) -> bool:
    """A site's trail (首页 > 新闻 > 正文, 当前位置：…), not a headline."""
    return bool(re.search(r"[>»›]|当前位置|您的位置", text))


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


# Declared charsets read as the superset that sites really use under their name.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs", "iso-8859-1": "cp1252"}


def _decode_page(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """The page as text, and which charset was used and why.  The charset it declares
    is believed when the bytes decode in it strictly and are not valid UTF-8 with
    non-ASCII text in it (pages that declare gb2312 and are UTF-8 are common, the
    reverse is next to impossible); otherwise the bytes' own evidence decides: valid
    UTF-8, else charset-normalizer's reading, else GB18030 or UTF-16 as
    :func:`briefing.read.encoding.decode` finds them.  ``declared``: the charset a
    saved page's MIME part gives, over the page's own ``<meta>``."""
    if declared is None:
        found = _CHARSET.search(data[:8192])
        declared = found.group(1).decode("ascii") if found else None
    declared = declared.lower() if declared else None
    codec = None
    if declared:
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            declared = None  # an unknown charset name: the bytes decide
    utf8 = _strict(data, "utf-8-sig")
    if declared and codec not in ("utf-8", "utf-8-sig"):
        name = _SUPERSETS.get(declared, declared)
        text = _strict(data, name)
        if text is not None and (utf8 is None or utf8.isascii()):
            return text, declared
        if utf8 is not None:
            return utf8, f"utf-8 (declared {declared}, but the bytes are UTF-8)"
        guess = _normalizer(data)
        if guess is not None:
            return guess[0], f"{guess[1]} (declared {declared}, which does not decode; by charset-normalizer)"
        return data.decode(name, "replace"), f"{declared} (does not decode cleanly; unreadable bytes replaced)"
    if utf8 is not None:
        return utf8, "utf-8"
    try:
        return decode(data)
    except DecodeError:
        guess = _normalizer(data)
        if guess is None:
            raise
        return guess[0], f"{guess[1]} (by charset-normalizer)"


def _strict(data: bytes, name: str) -> str | None:
    try:
        return data.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None


def _normalizer(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best reading of the bytes, if it has one."""
    from charset_normalizer import from_bytes  # imported only for a page that needs it

    best = from_bytes(data).best()
    return (str(best), best.encoding) if best is not None else None


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
        if _META_LINE.search(text):
            return None  # the article's date, source and counts, not a kicker or subtitle
        return text if 0 < len(text) <= MAX_SIDE_HEADING else None

    return title, side(h1.getprevious()), side(h1.getnext())


# A line of an article's particulars: 发表于…, 来源…, 作者…, …次阅读, …条评论, fields set off by |.
_META_LINE = re.compile(
    r"发表于|来源[:：]?|作者[:：]?|\d+\s*次(?:阅读|浏览)|\d+\s*条评论|\s\|\s?|\d{4}-\d{1,2}-\d{1,2}"
)


def _title_tag(tree: Any) -> str:
    """The text of the document's ``<title>`` ('' without one)."""
    title = tree.find(".//title")
    return _clean(title.text_content()) if title is not None else ""


def _document_title(tree: Any) -> str | None:
    # "headline - site name" / "headline_site": the site's part is not the headline
    text = re.split(r"\s+[-|–—_]\s+|_", _title_tag(tree))[0].strip()
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
