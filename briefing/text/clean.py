"""Clean a decoded page: classify its lines, drop page furniture, rejoin broken lines.

PDF extraction breaks a paragraph wherever a column ends (``重\\n\\n庆``,
``走\\n\\n向国际``), prints photo credits, portrait name labels, pull quotes and
contribution e-mail lines between the paragraphs, and sometimes interleaves the
columns of two articles.  The cleaner turns the lines into :class:`Block` values:

* furniture is removed and recorded in :attr:`Page.dropped` with the reason;
* a paragraph that stops mid-sentence is joined to the body line that continues
  it.  When another article's lines were printed in between (its kicker, byline
  and first paragraphs), the continuation is found later: open paragraphs wait in
  a first-in, first-out queue, and a body line that follows an open paragraph or
  an interposed headline continues the oldest one.  Such a join is recorded in
  :attr:`Block.continues` so that the segmenter can put the pieces back in
  reading order.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..learn import Features, Model
from ..learn import model as shipped_model
from ..model import Block, BlockKind, Dropped, Line, Page, PageLayout, Source
from . import markup as web
from .joins import rejoin
from .normalize import char_converter, normalize_punctuation
from .patterns import (
    BYLINE_MARK_RE,
    BYLINE_RE,
    CLOSERS,
    COMPLETE_ENDINGS,
    CREDIT_RE,
    DATELINE_RE,
    EMAIL_RE,
    GROUP_PHOTO_RE,
    GUESTS_LABEL_RE,
    HOST_LABEL_RE,
    NAME,
    NEWS_OPENING_RE,
    QUESTION_RE,
    REPORT_OPENING_RE,
    SIGNATURE_RE,
    SUPPLIED_RE,
    TERMINALS,
    TITLE_WORDS,
    cjk_count,
    names_only,
)

_MARK_RE = re.compile(r"^(#{1,6})\s+")
_BULLET_RE = re.compile(r"^[-*•]\s+")
_BOLD_RE = re.compile(r"^\*\*(.+)\*\*$")
# How a paragraph's first line is indented on web pages: two ideographic spaces, spaces, a tab.
_INDENTS = ("\u3000", "  ", "\t", "\u00a0")
_GUEST_RE = re.compile(rf"^[^。！？，；]{{2,40}}?(?:{TITLE_WORDS})\s+({NAME})$")
_SPACE = " \t\u3000\u00a0"
# A headline is rarely longer than this; a longer unterminated line is a paragraph.
MAX_HEADING = 64
MAX_EXCLAIMING_HEADING = 32  # …and one with a ？ or ！ inside it, shorter still
# Page furniture (credits, labels, bylines, e-mail lines) is never longer than this.
MAX_FURNITURE = 400
# Pull quotes repeat the article: a list item at least this much contained elsewhere.
PULL_QUOTE_OVERLAP = 0.7


# Control characters (other than line breaks and tabs), lone surrogates and the two
# non-characters: python-docx and XML refuse them.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _strip_controls(text: str) -> tuple[str, str]:
    """The text without control characters, and what was removed; form feeds
    (page breaks) and vertical tabs become line breaks first."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    removed = "".join(_CONTROLS.findall(text))
    return (_CONTROLS.sub("", text) if removed else text), removed


@functools.cache
def _t2s() -> Callable[[str], str]:
    import opencc  # heavy: only for Traditional-script input

    return opencc.OpenCC("t2s").convert


def _same(text: str) -> str:
    return text


def _markup(orig: str) -> tuple[str, int, bool, str]:
    """A line without its Markdown heading marks, bullet and bold: (the text, the
    heading level, whether a bullet, the markup taken off)."""
    mark = 0
    bullet = False
    markup = ""
    m = _MARK_RE.match(orig)
    if m:
        mark = len(m.group(1))
        markup += m.group(1)
        orig = orig[m.end() :].strip(_SPACE)
    m = _BULLET_RE.match(orig)
    if m:
        bullet = True
        markup += m.group().strip()
        orig = orig[m.end() :].strip(_SPACE)
    m = _BOLD_RE.match(orig)
    if m:
        markup += "**"
        orig = m.group(1).strip(_SPACE)
    return orig, mark, bullet, markup


def split_lines(source: Source) -> tuple[list[Line], str]:
    """The source's lines in both forms, stripped, with heading marks and bullets
    taken off; and the control characters removed from the text.  A page that keeps
    its items' HTML is read as the browser shows it (:func:`markup.render_html`)."""
    text, removed = _strip_controls(source.text)

    convert: Callable[[str], str] = _same
    if source.script == "traditional":
        convert = char_converter(_t2s(), text)
    if not source.roles and web.has_html(text):
        return [_web_line(w, convert) for w in web.render_html(text)], removed
    lines = []
    roles = source.roles
    blank = True
    for no, raw in enumerate(text.split("\n"), start=1):
        orig = raw.strip(_SPACE).replace("\t", " ")
        indent = bool(orig) and raw.startswith(_INDENTS)
        role = roles[no - 1] if no <= len(roles) else ""
        if role:  # the file's layout said what the line is: no markup to read
            mark, bullet, markup = LAYOUT_MARKS.get(role, 0), False, ""
        else:
            orig, mark, bullet, markup = _markup(orig)
        lines.append(Line(no, normalize_punctuation(convert(orig)), orig, mark, bullet, markup, indent, role, blank))
        blank = not raw.strip(_SPACE)
    return lines, removed


def _web_line(w: web.WebLine, convert: Callable[[str], str]) -> Line:
    orig, mark, bullet, markup = _markup(w.text.replace("\t", " "))
    cut = max(0, w.text.find(orig))  # offsets after the Markdown marks taken off the front
    seams = tuple(s - cut for s in w.seams if 0 < s - cut < len(orig))
    if w.hint == "subhead" and not mark:
        mark = 3
    return Line(w.no, normalize_punctuation(convert(orig)), orig, mark, bullet, markup, False, "", w.gap, seams, w.hint)


def ends_open(text: str) -> bool:
    """True when a paragraph stops mid-sentence (its continuation is elsewhere)."""
    t = text.rstrip(_SPACE)
    if not t:
        return False
    # a closing quote or bracket ends a quotation or a title: the paragraph is complete
    return t[-1] not in COMPLETE_ENDINGS and t[-1] not in CLOSERS


def _heading_like(line: Line) -> bool:
    t = line.text
    if line.mark:
        return True
    if QUESTION_RE.match(t) or len(t) > MAX_HEADING:
        return False
    if t.count("“") != t.count("”"):  # a quotation left open: the paragraph goes on
        return False
    body = t[:-1]
    # a short headline may ask or exclaim before it goes on: 世界首例！某医院治愈…
    inner = TERMINALS + "；" if len(t) > MAX_EXCLAIMING_HEADING else "。…；"
    if any(ch in body for ch in inner):
        return False
    if t.count("，") >= 2:
        return False
    if t[-1] in "？！" and (len(t) > 30 or t[0] in "“‘「"):
        return False
    return not (t[-1] in TERMINALS + "；" and t[-1] not in "？！")


# Characters that do not begin a sentence or a word: a line that starts with one
# continues the line before it.
_NON_INITIAL = "，、。；：？！”’）》」』的了着过们地得之"


def continues_word(tail: str, head: str, known: bool = False) -> bool:
    """Evidence that ``head`` continues ``tail`` mid-sentence: ``head`` starts with a
    character that cannot begin a clause, or a word runs across the join
    (``市政`` + ``协党组`` = ``市政协党组``); with ``known``, only a word of the
    tokenizer's dictionary counts."""
    if not tail or not head:
        return False
    if head[0] in _NON_INITIAL:
        return True
    from .tokenize import _jieba, words

    left, right = tail[-6:], head[:6]
    pos = 0
    for word in words(left + right):
        end = pos + len(word)
        if pos < len(left) < end:
            return not known or bool(_jieba().dt.FREQ.get(word))
        pos = end
    return False


@dataclass
class _Classified:
    kind: BlockKind | None  # None: furniture
    reason: str = ""
    byline: str | None = None  # orig text of a dateline or credit split off the line
    cut: int = 0  # characters taken off the start (dateline)
    keep: int | None = None  # characters kept from the start (caption before its credit)
    # from the page layout: True, the line goes on with the paragraph before it; False,
    # it starts a paragraph; None, unknown (guess from the text)
    cont: bool | None = None
    resume: bool = False  # …a paragraph of the story printed before the latest headline
    opens: bool = False  # a headline the page's layout shows opening an article
    closes: bool = False  # a signature that ends an item: what follows is another
    rest: bool = False  # the rest of the headline printed on the line before (a line break cut it)


# Headline lines of a laid-out page open an article the way ``#`` headings do; a
# subhead is a weak heading inside one.
LAYOUT_MARKS = {"headline": 1, "subtitle": 1, "subhead": 3}


def _classify_laid_out(line: Line, page_text: str) -> _Classified:
    """A line whose role the page layout gave: structure from the layout, the
    furniture, bylines, datelines and credits inside body text from the words."""
    role = line.role
    if role == "furniture":
        return _Classified(None, "page header or footer")
    if role in LAYOUT_MARKS:
        return _Classified("heading")
    if role == "kicker":
        return _Classified("kicker")
    if role == "caption":
        m = CREDIT_RE.search(line.text)
        if m and m.start() > 0:
            return _Classified("caption", byline=line.orig[m.start() :].strip(_SPACE), keep=m.start())
        return _Classified("caption")
    c = _classify(line, page_text)
    short_label = c.kind == "label" and not (HOST_LABEL_RE.match(line.text) or GUESTS_LABEL_RE.match(line.text))
    if c.kind in ("heading", "kicker") or short_label:
        c = _Classified("body")  # set as text: a short line of it (a source, a credit) stays in it
    if c.kind == "body":
        c.cont = role == "cont"
        c.resume = role == "resume"
    return c


# What a line's length and make-up tell about it, in characters.
MIN_CREDITS = 2  # photo credits on one line (…供图 …摄/): a credits line, not text
MAX_LABEL = 8  # a label, or the closing fragment of a credit: 主持人 / 摄)
MAX_LABEL_CJK = 5  # …of which Chinese characters
MIN_CAPTION_CJK = 8  # a caption before its photographer's credit is a sentence this long
MAX_CREDIT = 30  # a line naming who supplied a picture


def _classify(line: Line, page_text: str) -> _Classified:
    t = line.text
    if line.hint == "caption":
        return _Classified(None, "photo caption (web page)")
    if line.hint == "link":
        return _Classified(None, "link line")
    if line.hint == "head":
        return _Classified("heading", opens=True)  # an item's headline over its HTML body
    if web.image_caption(line.orig) or web.figure_caption(line.orig):
        # the caption of a web page's photo repeats the text: not an item of its own
        return _Classified(None, "photo caption (web page)")
    if len(t) > MAX_FURNITURE:
        return _Classified("body")  # furniture is short: spare the patterns a huge line
    if "@" in t and EMAIL_RE.search(t) and re.search(r"投稿|邮箱|来稿|e-?mail|E-?mail|邮件", t):
        return _Classified(None, "contribution e-mail line")
    reason = web.furniture(line.orig)
    if reason:
        return _Classified(None, reason)
    credits = len(SUPPLIED_RE.findall(t)) + len(re.findall(r"摄[/／]", t))
    if credits >= MIN_CREDITS:
        return _Classified(None, "photo credits")
    if GROUP_PHOTO_RE.search(t):
        return _Classified(None, "photo credit")
    if len(t) <= MAX_LABEL and t[-1] in "）)" and "（" not in t and "(" not in t:
        return _Classified(None, "fragment of a photo credit")
    names = names_only(t)
    if names and len(names) == 1 and not line.mark:
        return _Classified(None, "portrait name label")
    if line.bullet and _contained(t, page_text) >= PULL_QUOTE_OVERLAP:
        return _Classified(None, "pull quote (repeats the text)")
    m = CREDIT_RE.search(t)
    if m:
        head = t[: m.start()].rstrip(_SPACE)
        if not head:
            return _Classified("credit")
        if cjk_count(head) >= MIN_CAPTION_CJK and head[-1] in TERMINALS + CLOSERS:
            return _Classified("caption", byline=line.orig[m.start() :].strip(_SPACE), keep=len(head))
    if SUPPLIED_RE.search(t) and (names_only(SUPPLIED_RE.sub("", t)) or len(t) <= MAX_CREDIT):
        return _Classified("credit")
    if names and not line.mark:
        return _Classified("names")
    if (BYLINE_RE.match(t) or BYLINE_MARK_RE.match(t)) and not t.endswith("摄"):
        return _Classified("byline")
    m = DATELINE_RE.match(t)
    if m and len(t) > m.end():  # 新京报讯（记者某某）: the byline, and the first paragraph's opening
        return _Classified("body", byline=line.orig[: m.end()].strip(_SPACE))
    if HOST_LABEL_RE.match(t) or GUESTS_LABEL_RE.match(t):
        return _Classified("label")
    if _GUEST_RE.match(t) and not line.mark:
        return _Classified("guest")
    if SIGNATURE_RE.match(t) and not line.mark:
        return _Classified("body", closes=True)
    if _heading_like(line):
        if t.endswith(("——", ">>>", "》》》")) and not line.mark:
            return _Classified("kicker")
        if cjk_count(t) <= MAX_LABEL_CJK and len(t) <= MAX_LABEL and line.mark not in (1, 2):
            return _Classified("label")
        return _Classified("heading")
    return _Classified("body")


def _bigrams(text: str) -> set[str]:
    t = "".join(ch for ch in text if ch.isalnum())
    return {t[i : i + 2] for i in range(len(t) - 1)}


def _contained(line: str, page_text: str) -> float:
    grams = _bigrams(line)
    if not grams:
        return 0.0
    rest = _bigrams(page_text.replace(line, "", 1))
    return len(grams & rest) / len(grams)


def _next_is_pull_quote(lines: list[Line], line: Line) -> bool:
    """The label of a pull-quote box: the next printed line is a list item."""
    at = next(k for k, ln in enumerate(lines) if ln.no == line.no and ln.orig == line.orig)
    for following in lines[at + 1 :]:
        if following.text:
            return following.bullet
    return False


def _gap(line: Line, following: Line) -> bool:
    """A blank line (or a block boundary of a web page) between two printed lines."""
    return not following.joined and (following.gap or following.no - line.no > 1)


# An indented page indents at least this share of its lines (a reflowed page indents
# only the first line of each paragraph), and at least a few of them.
MIN_INDENTED_SHARE = 0.1
MIN_INDENTED_LINES = 3
# The longest subhead printed inside an article on an indented page, in characters.
MAX_SUBHEAD = 40


def _indented_layout(content: list[Line]) -> bool:
    """Body paragraphs indented, headlines flush left: the layout of web text."""
    indented = sum(1 for ln in content if ln.indent)
    return indented >= max(MIN_INDENTED_LINES, MIN_INDENTED_SHARE * len(content))


def _indented_headers(content: list[Line], classes: list[_Classified]) -> set[int]:
    """On an indented page, a flush-left line is either the continuation of the line
    printed right above it (a paragraph broken mid-sentence) or a headline line of the
    next article: 引题, 主题, 副题 stand flush left above an indented body.  Returns
    the lines that continue the body line above them."""
    joins: set[int] = set()
    for k, line in enumerate(content):
        c = classes[k]
        if line.indent or line.mark or c.kind == "caption" or c.reason in web.REASONS:
            continue
        prev = content[k - 1] if k else None
        after_gap = prev is None or _gap(prev, line)
        if not after_gap and prev is not None and classes[k - 1].kind == "body":
            # the paragraph above goes on (a new one would be indented), even where the
            # piece looks like a label or a name, or the line above ends a sentence
            classes[k] = _Classified("body")
            joins.add(k)
            continue
        if not after_gap and prev is not None and prev.indent and classes[k - 1].kind == "heading":
            # an indented line broken after a few words: a subhead stays short and ends
            # without a full stop; anything longer is a paragraph that began like one
            run = [prev.text, line.text]
            for nxt in content[k + 1 :]:
                if nxt.indent or nxt.mark or _gap(content[k - 1 + len(run) - 1], nxt):
                    break
                run.append(nxt.text)
            joined = "".join(run)
            if joined[-1] in TERMINALS or len(joined) > MAX_SUBHEAD:
                classes[k - 1] = _Classified("body")
                classes[k] = _Classified("body")
                joins.add(k)
            else:
                classes[k] = _Classified("heading")  # the rest of an indented subhead
            continue
        if c.kind is None:
            continue
        t = line.text
        if c.kind == "body" and len(t) <= MAX_HEADING + 16 and t[-1] not in TERMINALS:
            classes[k] = _Classified("kicker" if t.endswith(("——", "—")) else "heading")
    return joins


def _rejoin_links(lines: list[Line]) -> list[Line]:
    """Markdown images and links (and autolinks) that a page broken into lines cut
    across lines, blank ones too, put back on one line (so that they read as the web
    furniture they are)."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        k += 1
        if line.role or not web.broken_link(line.orig):
            out.append(line)
            continue
        text, orig = line.text, line.orig
        for _ in range(web.MAX_BROKEN_LINK_LINES):
            if k >= len(lines) or not web.broken_link(orig) or lines[k].markup or lines[k].role:
                break  # a line with its own markup is no piece of the link
            nxt = lines[k]
            k += 1
            text, orig = text + nxt.text, orig + nxt.orig
        out.append(replace(line, text=text, orig=orig))
    return out


def clean(source: Source, join: Model | None = None, trace: Callable[[Line, Features], None] | None = None) -> Page:
    """Turn a source into blocks; see the module docstring.  ``join``: the model that
    reads a blank line as inside a paragraph (the shipped one unless given); ``trace``
    is told the features of each such decision (for training)."""
    lines, removed = split_lines(source)
    lines = _rejoin_links(lines)
    dropped: list[Dropped] = []
    if removed:
        dropped.append(Dropped(0, removed, "control characters removed"))
    dropped.extend(Dropped(ln.no, ln.markup, "Markdown markup") for ln in lines if ln.markup)
    fm = web.front_matter([ln.orig for ln in lines])
    dropped.extend(Dropped(ln.no, ln.orig, "front matter") for ln in lines[:fm] if ln.orig)
    content = [ln for ln in lines[fm:] if ln.text]
    page_text = "\n".join(ln.text for ln in lines)
    classes = [_classify_laid_out(ln, page_text) if ln.role else _classify(ln, page_text) for ln in content]
    layout = "print" if source.roles else _layout(content, classes, front_matter=fm > 0)
    # lines that continue the body line printed right above them
    joins = _indented_headers(content, classes) if layout == "indented" else set()
    whole = _whole_paragraphs(content, classes)
    if not source.roles and not whole:
        model = join if join is not None or trace is not None else shipped_model("join")
        content = rejoin(content, model, continues_word, trace)
    if layout == "print" and not source.roles and whole:
        _item_heads(content, classes)
    _broken_headings(content, classes, whole)
    joiner = _Joiner(lines, layout, joins, dropped)
    for k, (line, c) in enumerate(zip(content, classes, strict=True)):
        joiner.add(k, line, c)
    return Page(source, tuple(joiner.blocks), tuple(dropped), layout, broken=not source.roles and not whole)


def _layout(content: list[Line], classes: list[_Classified], front_matter: bool) -> PageLayout:
    """Markdown from the web (headings and web furniture), indented web text, or print."""
    web_page = front_matter or any(c.reason in web.REASONS for c in classes)
    if any(ln.mark in (1, 2) for ln in content) and (web_page or sum(ln.mark == 1 for ln in content) >= 2):
        return "markdown"
    return "indented" if _indented_layout(content) else "print"


# A page printed one paragraph to a line (web text, feeds) ends most of its longer
# lines with a sentence; text broken into lines (a PDF extraction) ends few of them.
LONG_LINE = 20
MIN_WHOLE_SHARE = 0.6
MIN_WHOLE_LINES = 3
# On a page of items, paragraphs are set apart by blank lines at least this often.
MIN_SPACED_SHARE = 0.6


def _whole_paragraphs(content: list[Line], classes: list[_Classified]) -> bool:
    """The page prints each paragraph on a line of its own."""
    ends = [
        ln.text[-1] in TERMINALS + CLOSERS
        for ln, c in zip(content, classes, strict=True)
        if c.kind == "body" and len(ln.text) >= LONG_LINE
    ]
    return len(ends) >= MIN_WHOLE_LINES and sum(ends) >= MIN_WHOLE_SHARE * len(ends)


def _ends_sentence(text: str) -> bool:
    """The line ends a sentence: 。 or …, also inside a closing quote (。”)."""
    tail = text.rstrip(CLOSERS) if text[-1:] in CLOSERS else text
    return tail[-1:] in "。…；"


def _item_heads(content: list[Line], classes: list[_Classified]) -> None:
    """A page of items (a feed, a list of briefs): each item's headline is printed
    right above its first paragraph, with a blank line before it, where the page
    sets its paragraphs apart with blank lines.  Such a headline opens an article on
    its own (a single headline line elsewhere may be a subhead), commas and all."""

    def candidate(k: int) -> bool:
        line = content[k]
        return (
            classes[k].kind in ("heading", "body")
            and classes[k].byline is None
            and not line.mark
            and len(line.text) <= MAX_ITEM_HEAD
            and not _ends_sentence(line.text)
            and (k == 0 or _gap(content[k - 1], line))
            and k + 1 < len(content)
            and not _gap(line, content[k + 1])
            and classes[k + 1].kind == "body"
        )

    heads = [k for k in range(len(content)) if candidate(k)]
    pairs = [
        _gap(content[k], content[k + 1])
        for k in range(len(content) - 1)
        if classes[k].kind == "body" and classes[k + 1].kind == "body" and k not in heads
    ]
    if pairs and sum(pairs) < MIN_SPACED_SHARE * len(pairs):
        return  # paragraphs run on without blank lines: a line above one tells nothing
    if len(heads) >= MIN_ITEMS:
        for k in heads:
            classes[k] = _Classified("heading", opens=True)


MIN_ITEMS = 2  # headlines printed that way: a page of items, not one article
MAX_ITEM_HEAD = 80  # characters: an item's headline, summary clauses and all


def _spaced(content: list[Line]) -> bool:
    """Paragraphs end with a blank line after them: most lines that end a sentence
    are followed by one (where a page is broken into lines, a line that runs straight
    on into text is then part of a paragraph, not a headline)."""
    ends = [_gap(line, content[k + 1]) for k, line in enumerate(content[:-1]) if _ends_sentence(line.text)]
    return len(ends) >= MIN_WHOLE_LINES and sum(ends) >= MIN_SPACED_SHARE * len(ends)


def _broken_headings(content: list[Line], classes: list[_Classified], whole: bool = False) -> None:
    """A short line whose next line carries on its last word is a broken paragraph;
    on a page broken into lines, so is a line with a clause break that runs on, and,
    where paragraphs are set apart by blank lines, any line that runs straight on
    into text."""
    spaced = not whole and _spaced(content)
    if spaced:
        _runs(content, classes)
    # from the bottom up: whether a line goes on depends on what the line under it is
    for k in range(len(content) - 2, -1, -1):
        line, c = content[k], classes[k]
        if c.kind != "heading" or c.opens or c.rest or line.mark:
            continue
        nxt, following = classes[k + 1], content[k + 1]
        if nxt.rest:
            continue  # the rest of this headline, printed on the next line
        # across a blank line a word must be a dictionary word to count: a word the
        # tokenizer guesses across the gap (厂|台 in 制程厂 / 台积电) is no evidence
        gap = _gap(line, following)
        if nxt.kind in ("body", "heading") and not following.mark and continues_word(line.text, following.text, gap):
            classes[k] = _Classified("body")
        elif (
            not whole
            and not gap
            and not following.mark
            and _clause_goes_on(line.text)
            and (nxt.kind == "body" or (nxt.kind == "heading" and _clause_goes_on(following.text)))
        ):
            # a line with a clause break (，) that runs straight on, no blank line between,
            # into text (or another such line): a paragraph broken mid-sentence; a kicker
            # with a comma runs on into a headline without one
            classes[k] = _Classified("body")


def _runs(content: list[Line], classes: list[_Classified]) -> None:
    """Where a page is broken into lines and sets its paragraphs apart with blank
    lines, the lines that follow one another with no blank line between are one
    printed line cut in pieces: one headline (``## 某某稱將加強與港`` / ``合作``,
    ``香港對人工智能投入資源不遜獅`` / ``城``) when together they read as one, else
    part of a paragraph, however short a piece looks (``（可按這`` / ``裏收看…``)."""
    k = 0
    while k < len(content):
        end = k + 1
        while end < len(content) and not _gap(content[end - 1], content[end]) and not content[end].mark:
            end += 1
        run = range(k, end)
        k = end
        if any(classes[i].kind in ("byline", "caption", "credit") or classes[i].opens for i in run):
            continue
        if any(classes[i].reason in web.REASONS for i in run):
            continue  # web furniture keeps its own reasons
        first = run[0]
        joined = replace(content[first], text="".join(content[i].text for i in run))
        if _unfinished_headline(content, classes, run, joined.text):
            classes[first] = _Classified("heading")
            for i in run[1:]:
                classes[i] = _Classified("heading", rest=True)
            continue
        if len(run) < 2:
            continue
        whole = _classify(joined, "")
        if whole.closes or whole.kind == "byline":
            # a signature or a byline cut in pieces (（据新华社某地电 / 记者某某）): one line
            classes[first] = whole
            for i in run[1:]:
                classes[i] = _Classified(whole.kind, rest=True)
            continue
        reads_as_headline = content[first].mark or (len(joined.text) <= MAX_HEADING and _heading_like(joined))
        # a headline cut where a quotation was open (推出「智慧韌性 永續安心 / 」-農業政策…) read
        # line by line looked like text; set apart after text that ended, it is the headline
        after = run[-1] + 1
        apart = after >= len(content) or _gap(content[run[-1]], content[after])
        opening = first == 0 or (_gap(content[first - 1], content[first]) and _complete_before(content, classes, first))
        if reads_as_headline and (
            classes[first].kind in ("heading", "kicker", "label") or content[first].mark or (apart and opening)
        ):
            kind = classes[first].kind if classes[first].kind in ("heading", "kicker") else "heading"
            classes[first] = _Classified(kind)
            for i in run[1:]:
                classes[i] = _Classified("heading", rest=True)
            continue
        for i in run:
            if classes[i].kind in ("heading", "label", "kicker") or classes[i].kind is None:
                classes[i] = _Classified("body")


def _unfinished_headline(content: list[Line], classes: list[_Classified], run: range, text: str) -> bool:
    """Text that stops without ending a sentence, set apart from a finished line above
    it and from a report's opening under it by a blank line read as a paragraph's end:
    a headline however many clauses it has (某某分析：83只涨停股、13只跌停股，某概念活跃，…)."""
    after = run[-1] + 1
    if after >= len(content) or not content[after].parted or classes[after].kind != "body":
        return False
    following = content[after].text
    if REPORT_OPENING_RE.match(following) is None and NEWS_OPENING_RE.match(following) is None:
        return False
    first = run[0]
    if first and not (_gap(content[first - 1], content[first]) and _complete_before(content, classes, first)):
        return False
    return (
        len(text) <= MAX_HEADING
        and text[-1] not in COMPLETE_ENDINGS + CLOSERS + "，、"
        and text.count("“") == text.count("”")
        and not any(ch in text for ch in "。；")
    )


def _complete_before(content: list[Line], classes: list[_Classified], k: int) -> bool:
    """The printed line before ``k`` ended what it said: a sentence, a headline, a
    signature (page furniture in between looked through)."""
    j = k - 1
    while j >= 0 and classes[j].kind is None:
        j -= 1
    if j < 0:
        return True
    prev, c = content[j], classes[j]
    if c.kind in ("heading", "kicker", "label", "byline", "caption", "credit", "names"):
        return True
    return _ends_sentence(prev.text) or prev.text[-1] in CLOSERS


def _clause_goes_on(text: str) -> bool:
    return "，" in text and not text.endswith(("：", "——", "—"))


@dataclass
class _Open:
    """A body block whose last line ended mid-sentence, awaiting its continuation."""

    block: int  # index in the blocks
    deferred: bool = False  # a kicker, headline, label or byline was printed right after it


# What the last line added was: the joiner's state.
OPEN = "open"  # a body line that ended mid-sentence
BODY = "body"  # a body line that ended a sentence
# …or the kind of the structural line (heading, kicker, label, byline, names, guest)


class _Joiner:
    """Lines to blocks: a body line continues the open block it belongs to (the one
    printed above it, or one interrupted by a headline or a byline of another
    column), or starts a paragraph; structural lines are blocks of their own."""

    def __init__(self, lines: list[Line], layout: PageLayout, joins: set[int], dropped: list[Dropped]) -> None:
        self.lines, self.layout, self.joins, self.dropped = lines, layout, joins, dropped
        self.blocks: list[Block] = []
        self.pending: list[_Open] = []  # oldest first
        self.last_body: int | None = None  # the body block written last
        self.before_header: int | None = None  # the last body block before the latest headline
        self.last: str | None = None  # OPEN, BODY, or the kind of the last structural line
        self.fresh = True  # a body line now starts a new paragraph (after a byline, at the top)

    def add(self, k: int, line: Line, c: _Classified) -> None:
        if c.kind is None:
            self.dropped.append(Dropped(line.no, line.orig, c.reason))
        elif c.kind == "caption":
            keep = c.keep or len(line.text)
            caption = Block("caption", line.text[c.cut : keep], line.orig[c.cut : keep], (line.no,), byline=c.byline)
            self.blocks.append(caption)  # captions are printed across the text: transparent for joining
        elif c.kind == "credit":
            self.blocks.append(Block("credit", line.text, line.orig, (line.no,)))
        elif c.kind == "label" and _next_is_pull_quote(self.lines, line):
            self.dropped.append(Dropped(line.no, line.orig, "pull quote box label"))
        elif c.rest and self.blocks and self.blocks[-1].kind in ("heading", c.kind):
            head = self.blocks[-1]
            self.blocks[-1] = replace(
                head, text=head.text + line.text, orig=head.orig + line.orig, lines=(*head.lines, line.no)
            )
        elif c.kind == "body" or self._heading_goes_on(line, c):
            self._body(k, line, c)
        else:
            self._structural(line, c.kind, c.opens)

    def _heading_goes_on(self, line: Line, c: _Classified) -> bool:
        """A headline-like line right after an open paragraph that carries it on."""
        if c.kind != "heading" or self.last != OPEN or line.mark or line.role or self.layout == "indented":
            return False
        tail = self.blocks[self.pending[-1].block].text
        return continues_word(tail, line.text) or "，" in line.text or "、" in line.text

    def _structural(self, line: Line, kind: BlockKind, opens: bool = False) -> None:
        self.blocks.append(
            Block(kind, line.text, line.orig, (line.no,), mark=line.mark, indent=line.indent, opens=opens)
        )
        if self.last == OPEN:
            self.pending[-1].deferred = True  # interrupted by a structural line
        if kind in ("heading", "kicker") and self.last in (OPEN, BODY):
            self.before_header = self.last_body
        if kind in ("byline", "names", "guest"):
            self.fresh = True
        self.last = kind

    def _target(self, k: int, text: str, c: _Classified) -> int | None:
        """The open block this body line continues, if any."""
        blocks, pending = self.blocks, self.pending
        if k in self.joins and blocks and blocks[-1].kind == "body" and blocks[-1].text:
            return len(blocks) - 1
        if c.cont is not None and c.byline is None:
            return self._laid_out_target(text, c.cont)
        if not pending or c.byline is not None:
            return None
        deferred = [item for item in pending if item.deferred]
        if self.fresh or QUESTION_RE.match(text):
            return None
        if self.last == OPEN:
            latest = pending[-1].block
            if not deferred or self.layout == "indented":
                return latest  # web text is not set in columns: nothing is printed in between
            older = deferred[0].block
            # a paragraph interrupted by another column's lines goes on here, unless the
            # one just printed is the one the words run on from
            if continues_word(blocks[latest].text, text, known=True) and not continues_word(blocks[older].text, text):
                return latest
            return older
        if self.last in ("heading", "label", "kicker"):
            candidate = (deferred[0] if deferred else pending[0]).block
            if continues_word(blocks[candidate].text, text):
                return candidate
        return None

    def _laid_out_target(self, text: str, cont: bool) -> int | None:
        """The page layout knows: a piece that goes on from an earlier column joins
        the paragraph right before it; or, where that one ends a sentence, the one
        left open last if a word runs across (another story was printed in
        between).  Anything else starts a paragraph."""
        if not cont or self.last not in (OPEN, BODY):
            return None
        last, pending = self.last_body, self.pending
        if last is not None and not self.blocks[last].ends_open and pending:
            candidate = pending[-1].block
            if continues_word(self.blocks[candidate].text, text):
                return candidate
        return last

    def _body(self, k: int, line: Line, c: _Classified) -> None:
        text, orig = line.text[c.cut :].lstrip(_SPACE), line.orig[c.cut :].lstrip(_SPACE)
        blocks = self.blocks
        shift = len(line.text) - len(text)
        seams = tuple(s - shift for s in line.seams if 0 < s - shift < len(text))
        if line.parted and self.last == OPEN:
            # the blank line before it ends the open paragraph: nothing continues that one
            self.pending.pop()
            self.last = BODY
        target = None if c.closes else self._target(k, text, c)
        if target is None and c.resume and self.before_header is not None:
            # the layout says the text goes on from elsewhere, and no paragraph is left
            # open: the story printed before the latest headline resumes here
            blocks.append(Block("body", "", "", (), continues=self.before_header))
        if target is None:
            ended = Block(
                "body",
                text,
                orig,
                (line.no,),
                byline=c.byline,
                ends_open=ends_open(text) and not c.closes,
                seams=seams,
                indent=line.indent,
                closes=c.closes,
            )
            blocks.append(ended)
            if ended.ends_open:
                self.pending.append(_Open(len(blocks) - 1))
        else:
            self.pending = [item for item in self.pending if item.block != target]
            old = blocks[target]
            ended = replace(
                old,
                text=old.text + text,
                orig=old.orig + orig,
                lines=(*old.lines, line.no),
                ends_open=ends_open(text),
                seams=old.seams
                + ((len(old.text),) if target != len(blocks) - 1 else ())
                + tuple(len(old.text) + s for s in seams),
            )
            blocks[target] = ended
            if target != len(blocks) - 1:
                # the continuation is printed after other lines: mark its place in
                # the page so the segmenter switches back to the right article
                blocks.append(Block("body", "", "", (), continues=target))
            if ended.ends_open:
                self.pending.append(_Open(target))
        self.last = OPEN if ended.ends_open else BODY
        self.last_body = target if target is not None else len(blocks) - 1
        self.fresh = False
