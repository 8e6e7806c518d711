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

import re

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
    if _LINK_LABEL_RE.search(text) and len(text) <= 40:
        return "link label"
    if text.startswith("<") and not _TAG_RE.sub("", text).strip():
        return "HTML markup"
    return None
