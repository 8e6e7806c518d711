"""Web furniture in pages saved as text or Markdown: what is markup, not print.

Archived web pages and feeds arrive as Markdown or text with the site's
scaffolding still in them::

    ---                                   YAML front matter (title, date, tags, url)
    title: "…"
    ---
    ![图片说明（资料图片）](https://…jpg)    an image: its alt text is the photo caption
    <figure><img src="…">                 HTML of a photo box
    <figcaption>说明文字</figcaption>       …whose caption is kept as a caption
    {{< video src="…" >}}                 a site generator's shortcode
    原文連結：[https://…](https://…)        a line that is only a link, URL, e-mail or ©
    ---                                   a horizontal rule between items

Every function here looks at one stripped line (and the front matter at the
page as a whole); none changes the text, so offsets stay those of the page.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace

_RULE_RE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,}|={3,})$")
_FRONT_KEY_RE = re.compile(r"^(?:[A-Za-z_][\w-]*\s*:|\s*-\s)")
# ![alt](url "title")
_IMAGE_RE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\([^)]*\)$")
_LINK = r"(?:!?\[[^\]]*\]\([^)]*\)|<(?:https?://|mailto:)[^>]+>|https?://\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
# a line that holds nothing but links (and a short label before them: 原文連結：, Email:)
_LINK_LINE_RE = re.compile(rf"^(?:[^\s\[\]()<>]{{0,24}}\s*[：:]?\s*)?{_LINK}(?:\s*{_LINK})*\s*$")
_COPYRIGHT_RE = re.compile(r"^(?:©|\(c\)|Copyright)\s*\S{0,40}$", re.IGNORECASE)
_SHORTCODE_RE = re.compile(r"^\{\{[<%].*[>%]\}\}$")
_TAG_RE = re.compile(r"<[^<>]+>")
_CAPTION_TAG_RE = re.compile(r"<figcaption[^>]*>(?P<text>.*?)</figcaption>", re.IGNORECASE)
# a label line that only introduces a link on the next line: 原始網址 Original URL：
_LINK_LABEL_RE = re.compile(r"(?:網址|网址|連結|链接|URL|Email|E-mail|電子郵件|电子邮件)\s*[：:]$", re.IGNORECASE)


# The reasons :func:`furniture` gives: a page with any of these lines was saved from the web.
REASONS = frozenset(
    {
        "horizontal rule",
        "site shortcode",
        "image without caption",
        "link line",
        "copyright line",
        "link label",
        "HTML markup",
        "photo caption (web page)",
    }
)


# A Markdown image or link, or an autolink, that a line break cut before it closed.
_OPEN_LINK_RE = re.compile(r"!?\[[^\]]*$|!?\[[^\]]*\]\([^)]*$|<(?:https?://|mailto:)[^>\s]*$")
MAX_BROKEN_LINK_LINES = 12  # lines a link is rejoined across, blank ones included


def broken_link(text: str) -> bool:
    """The line ends inside a Markdown image or link (``![说明](https://…``) or an
    autolink (``<https://…``): a page broken into lines cut it, and it goes on."""
    return _OPEN_LINK_RE.search(text) is not None


def front_matter(lines: list[str]) -> int:
    """The number of lines a YAML front matter block takes at the top (0 if none):
    ``---`` on the first non-empty line, ``key: value`` lines, and a closing ``---``."""
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is None or lines[first].strip() != "---":
        return 0
    if first + 1 >= len(lines) or not _FRONT_KEY_RE.match(lines[first + 1].strip()):
        return 0
    for i in range(first + 2, min(len(lines), first + 200)):
        if lines[i].strip() == "---":
            return i + 1
    return 0


def is_rule(text: str) -> bool:
    return bool(_RULE_RE.match(text))


def image_caption(text: str) -> tuple[int, int] | None:
    """Where the alt text of a Markdown image line is, when it has one."""
    m = _IMAGE_RE.match(text)
    if m is None:
        return None
    return m.span("alt")


def figure_caption(text: str) -> tuple[int, int] | None:
    """Where the caption text of a ``<figcaption>`` line is."""
    m = _CAPTION_TAG_RE.search(text)
    if m is None or not m.group("text").strip():
        return None
    return m.span("text")


# （原标题：…）: the headline a reposted article had where it first ran.
_ORIGINAL_TITLE_RE = re.compile(r"^\s*[（(【\[]?\s*原(?:标|標)题\s*[:：][^\n]{1,80}[)）】\]]?\s*$")
# 责任编辑：某某 / 编辑 某某 校对 某某: the desk's credit under a web article, short.
_EDITOR_RE = re.compile(
    r"^\s*[（(【\[]?\s*(?:责任编辑|責任編輯|责编|編輯|编辑|校对|校對|审核|審核|值班编辑|主编|监制|实习编辑)"
    r"\s*[:：\s]\s*[^。！？\n]{1,40}$"
)


# 本文来源：新京报 / 来源：某某网: where a reposted article came from, on its own line.
_SOURCE_LINE_RE = re.compile(
    r"^\s*[（(【\[]?\s*(?:本文)?(?:来源|來源|稿源|出处)\s*[:：]\s*[^。！？\s]{1,24}\s*[)）】\]]?\s*$"
)


def furniture(text: str) -> str | None:
    """Why a line is web furniture rather than text, or None."""
    if is_rule(text):
        return "horizontal rule"
    if _SHORTCODE_RE.match(text):
        return "site shortcode"
    if _IMAGE_RE.match(text):
        return "image without caption"
    if _LINK_LINE_RE.match(text):
        return "link line"
    if _COPYRIGHT_RE.match(text):
        return "copyright line"
    if _ORIGINAL_TITLE_RE.match(text):
        return "the original headline (原标题)"
    if _EDITOR_RE.match(text):
        return "editor's credit line"
    if _SOURCE_LINE_RE.match(text):
        return "source line"
    if _LINK_LABEL_RE.search(text) and len(text) <= 40:
        return "link label"
    if text.startswith("<") and not _TAG_RE.sub("", text).strip():
        return "HTML markup"
    return None


# --- HTML left inside a text page ------------------------------------------------
#
# Feeds and archives store an item's body as the HTML it was published in, often on
# one line: ``標題\n<p>第一段。</p><p>第二段。<br><br>第三段。</p>``.  Read as the
# browser shows it, each block element (``<p>``, ``<div>``, ``<br>``, ``<li>``…) is a
# paragraph of its own, inline elements (``<a>``, ``<strong>``, ``<span>``…) are part
# of the text around them, a paragraph that is all bold (or an ``<h2>``) is a subhead,
# a ``<figcaption>`` is a photo caption and images, scripts and styles are no text.
# Where an inline tag or an entity was taken out of a sentence, the text on either
# side is verbatim but not printed together: the offset is kept as a seam.

_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "figure",
        "figcaption",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "table",
        "thead",
        "tbody",
        "tr",
        "td",
        "th",
        "hr",
        "pre",
        "aside",
        "nav",
        "main",
        "center",
        "address",
    ]
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "iframe", "svg", "template", "head", "title"})
_BOLD_TAGS = frozenset({"strong", "b"})
# Inline elements: read through, their text part of the text around them.  A word in
# angle brackets that is no HTML element (<https://…>, <某某>) is text.
_INLINE_TAGS = frozenset(
    [
        "a",
        "span",
        "strong",
        "b",
        "em",
        "i",
        "u",
        "font",
        "small",
        "big",
        "sub",
        "sup",
        "img",
        "mark",
        "abbr",
        "cite",
        "code",
        "s",
        "strike",
        "del",
        "ins",
        "q",
        "time",
        "label",
        "wbr",
        "tt",
        "kbd",
        "var",
        "dfn",
        "bdi",
        "bdo",
        "ruby",
        "rt",
        "rp",
        "picture",
        "source",
    ]
)
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements that hold a paragraph's text: a line break of the source inside one is a
# space to the browser (text wrapped by an editor or broken by an extraction), where
# Chinese has none.
_VOID_TAGS = frozenset({"br", "hr"})
_TEXT_BLOCK_TAGS = frozenset({"p", "li", "dt", "dd", "td", "th", "figcaption", *_HEADING_TAGS})
# a tag, possibly broken across lines by an extraction that wrapped the text
_ANY_TAG_RE = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9]*)\b[^<>]*?(/?)\s*>|<!--.*?-->", re.DOTALL)
_HAS_BLOCK_RE = re.compile(r"<(?:p|div|br|li|h[1-6]|figure|section|table|tr|blockquote)\b[^<>]*>", re.IGNORECASE)
_ENTITY_RE = re.compile(r"&(?:#\d{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def has_html(text: str) -> bool:
    """The page keeps the HTML of its items: block elements inside its text."""
    return _HAS_BLOCK_RE.search(text) is not None


@dataclass(frozen=True)
class WebLine:
    """One line of a page as the browser shows it: its text, the source line it
    starts on, whether a blank line or a block boundary comes before it, the seams,
    and what the markup made it: ``subhead`` (all bold, or ``<h2>``), ``caption``
    (a ``<figcaption>``, or the text under a picture), ``link`` (nothing but a link:
    a tag or menu entry, or the label of a list of them) or ``""``."""

    no: int
    text: str
    gap: bool
    seams: tuple[int, ...] = ()
    hint: str = ""


# The longest text a picture's caption or a link line of a menu or tag list has.
MAX_WEB_CAPTION = 60
MAX_LINK_LINE = 24
# Block elements whose end closes the box a picture sits in.
_BOX_TAGS = frozenset({"p", "div", "figure", "li", "td", "section", "article"})


class _Renderer:
    def __init__(self) -> None:
        self.out: list[WebLine] = []
        self.buf: list[str] = []
        self.seams: list[int] = []
        self.no = 1  # the source line the text being read is on
        self.start = 1  # …and the line the open piece started on
        self.gap = True  # a paragraph boundary before the open piece
        self.line_text = False  # the source line has given a piece already
        self.bold_only = True  # every character of the open piece is bold
        self.link_only = True  # …inside a link
        self.bold = self.heading = self.caption = self.skip = self.link = 0
        self.picture = False  # a picture was set in the open box: the text after it is its caption
        self.inside = 0  # text-block elements open: the source's line breaks are spaces
        self.depth = 0  # block elements open of any kind
        self.bare: list[bool] = []  # per line out: its text stood outside every block element
        self.blank = False  # …but for a blank line since the last text

    def text(self, chunk: str) -> None:
        if self.skip:
            self.no += chunk.count("\n")
            return
        lines = chunk.split("\n")
        for k, part in enumerate(lines):
            if k and self._wraps(part):
                self.no += 1
                self.blank = self.blank or not part.strip()
                tail = "".join(self.buf)[-1:]
                if tail.isascii() and tail.isalpha() and part[:1].isascii() and part[:1].isalpha():
                    self.buf.append(" ")  # words of a Latin script wrap at a space
            elif k:  # a line break printed in the source text
                self.flush()
                if not self.line_text:
                    self.gap = True  # a blank line (or one of markup only)
                self.no += 1
                self.line_text = False
            self.add(part)

    def _wraps(self, part: str) -> bool:
        """A line break inside a paragraph element only wraps its text: the browser
        runs the lines on.  A blank line after a finished sentence is read as the
        end of the paragraph all the same (a ``<p>`` a feed never closed)."""
        if not self.inside:
            return False
        text = "".join(self.buf).rstrip()
        if not text:
            return True
        blank = self.blank or not part.strip()
        return not (blank and text[-1] in "。！？…”」』")

    def add(self, part: str) -> None:
        if part.strip():
            self.blank = False
        pos = 0
        for m in _ENTITY_RE.finditer(part):
            self.piece(part[pos : m.start()])
            self.seam()
            self.piece(html.unescape(m.group()))
            self.seam()
            pos = m.end()
        self.piece(part[pos:])

    def piece(self, s: str) -> None:
        if not s:
            return
        if not "".join(self.buf).strip():
            self.start = self.no
        if s.strip():
            self.bold_only = self.bold_only and bool(self.bold or self.heading)
            self.link_only = self.link_only and bool(self.link)
        self.buf.append(s)

    def seam(self) -> None:
        length = sum(len(b) for b in self.buf)
        if length and (not self.seams or self.seams[-1] != length):
            self.seams.append(length)

    def flush(self) -> None:
        raw = "".join(self.buf)
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        if text:
            hint = ""
            if self.caption or (self.picture and len(text) <= MAX_WEB_CAPTION and text[-1] not in "。！？"):
                hint = "caption"
            elif self.link_only and len(text) <= MAX_LINK_LINE:
                hint = "link"
            elif self.bold_only:
                hint = "subhead"
            seams = tuple(s - lead for s in self.seams if 0 < s - lead < len(text))
            self.out.append(WebLine(self.start, text, self.gap, seams, hint))
            self.bare.append(self.depth == 0)
            self.gap = False
            self.line_text = True
        self.buf, self.seams, self.bold_only, self.link_only = [], [], True, True

    def tag(self, closing: bool, name: str) -> None:
        if name in _SKIP_TAGS:
            self.skip = max(0, self.skip + (-1 if closing else 1))
            return
        if self.skip:
            return
        if name == "img":
            self.picture = True
        if name in _BLOCK_TAGS:
            self.flush()
            self.blank = False
            if name in _TEXT_BLOCK_TAGS:
                self.inside = max(0, self.inside + (-1 if closing else 1))
            if name not in _VOID_TAGS:
                self.depth = max(0, self.depth + (-1 if closing else 1))
            if self.line_text:
                self.gap = True  # a paragraph of its own, after another on the same line
            if name in _HEADING_TAGS:
                self.heading = max(0, self.heading + (-1 if closing else 1))
            elif name == "figcaption":
                self.caption = max(0, self.caption + (-1 if closing else 1))
            if name in _BOX_TAGS:
                self.picture = False
            return
        if name in _BOLD_TAGS:
            self.bold = max(0, self.bold + (-1 if closing else 1))
        elif name == "a":
            self.link = max(0, self.link + (-1 if closing else 1))
        self.seam()


def _labels_of_links(lines: list[WebLine]) -> list[WebLine]:
    """A short label ending in a colon right above a link line (內容:, 標籤：) is
    part of the list of links."""
    out = list(lines)
    for k in range(len(out) - 1):
        line = out[k]
        if not line.hint and line.text[-1:] in ":：" and len(line.text) <= 8 and out[k + 1].hint == "link":
            out[k] = WebLine(line.no, line.text, line.gap, line.seams, "link")
    return out


_ELEMENTS = _BLOCK_TAGS | _INLINE_TAGS | _SKIP_TAGS
# an element's name broken by a line break (</f / igcaption>)
_BROKEN_NAME_RE = re.compile(r"<\s*/?\s*([A-Za-z][A-Za-z0-9]*)\s+([A-Za-z0-9]+)")


def _element(m: re.Match[str]) -> str:
    """The element name of a tag, put together again where a line break cut it."""
    name = (m.group(2) or "").lower()
    if name and name not in _ELEMENTS:
        broken = _BROKEN_NAME_RE.match(m.group())
        if broken and (broken.group(1) + broken.group(2)).lower() in _ELEMENTS:
            return (broken.group(1) + broken.group(2)).lower()
    return name


def render_html(text: str) -> list[WebLine]:
    """The lines of a page that keeps its items' HTML, as the browser shows them
    (see the comment above); lines without markup come through as they are."""
    r = _Renderer()
    pos = 0
    for m in _ANY_TAG_RE.finditer(text):
        name = _element(m)
        if name and name not in _ELEMENTS:
            continue  # not an element: the text goes on, angle brackets and all
        r.text(text[pos : m.start()])
        if name:
            r.tag(bool(m.group(1)), name)
            if m.group(3) and name in _SKIP_TAGS:
                r.skip = max(0, r.skip - 1)  # <script … /> closes itself
        r.no += m.group().count("\n")
        pos = m.end()
    r.text(text[pos:])
    r.flush()
    return _labels_of_links(_item_heads(r.out, r.bare))


# A feed that keeps its items' HTML prints each item's headline as bare text over
# the item's body in elements: ``標題\n<p>…</p><p>…</p>``.  Where most of the text is
# inside elements and several short lines stand outside them, those lines are the
# items' headlines, however the lines around them are broken.
MAX_ITEM_HEAD = 80
MIN_ITEM_HEADS = 2
MIN_INSIDE_SHARE = 0.7


def _item_heads(lines: list[WebLine], bare: list[bool]) -> list[WebLine]:
    inside = sum(len(w.text) for w, b in zip(lines, bare, strict=True) if not b)
    total = sum(len(w.text) for w in lines)
    heads = [
        k
        for k, (w, b) in enumerate(zip(lines, bare, strict=True))
        if b and not w.hint and len(w.text) <= MAX_ITEM_HEAD and w.text[-1] not in "。！？…；"
    ]
    if len(heads) < MIN_ITEM_HEADS or not total or inside < MIN_INSIDE_SHARE * total:
        return lines
    out = list(lines)
    for k in heads:
        out[k] = replace(out[k], hint="head")
    return out
