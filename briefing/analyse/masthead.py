"""What a page says of itself: the outlet that printed it and its page number.

The outlet is the paper's name as the page prints it, in a masthead or a byline
(``某某日报``, ``某某日报记者``), the one named most; the page number is printed
as ``第3版`` near the top, or given in the file name (``-p3``, ``_p03``,
``page3``).  Pure functions."""

from __future__ import annotations

import re
from collections import Counter

_OUTLET = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:日报|晚报|时报|商报|都市报|青年报|新闻网|电视台)")
# A name that is a phrase around the outlet's, not an outlet: 本报, 据…日报
_NOT_OUTLET = re.compile(r"^(?:本报|据|由|在|和|与|对|向|据悉)")
_PAGE_IN_TEXT = re.compile(r"第\s*(\d{1,3})\s*版")
_PAGE_IN_NAME = re.compile(r"(?:^|[-_.])(?:p|page|ban)0*(\d{1,3})(?=[-_.]|$)", re.IGNORECASE)
HEAD_CHARS = 400  # a masthead and a page number are printed in the page's first characters
_QUESTION = re.compile(r"(?:首席)?记者\s*[：:问]")
MASTHEAD_WEIGHT, MIN_NAMED = 2, 2


def outlet(text: str) -> str | None:
    """The outlet the page names as its own: in its first lines (a masthead), or
    more than once in bylines; a reporter of another outlet asking a question
    (``某报记者：``) is not the page's."""
    names: Counter[str] = Counter()
    for m in _OUTLET.finditer(text):
        if _NOT_OUTLET.match(m.group()) or _QUESTION.match(text, m.end()):
            continue
        names[m.group()] += MASTHEAD_WEIGHT if m.start() < HEAD_CHARS else 1
    if not names:
        return None
    name, count = names.most_common(1)[0]
    return name if count >= MIN_NAMED else None


def page_number(name: str, text: str) -> str | None:
    """The page number the page prints near its top, or its file name gives."""
    m = _PAGE_IN_TEXT.search(text[:HEAD_CHARS])
    if m:
        return m.group(1)
    m = _PAGE_IN_NAME.search(name.rsplit(".", 1)[0])
    return m.group(1) if m else None


def heading(name: str, outlet_name: str | None, published: str | None, page: str | None, dated: bool) -> str:
    """A source's heading: outlet, date and page where known, then the file name."""
    parts = [p for p in (outlet_name, published if dated else None, f"第{page}版" if page else None) if p]
    return " · ".join([*parts, name]) if parts else name
