"""Typeset pages into newspaper-like PDFs with a known reading order.

    python benchmarks/typeset.py PAGES... --out DIR [--seed N]

No real e-paper PDF ships with the project, so the PDF reader is measured on
pages typeset here: the articles of a text page (as ``briefing`` segments it)
set in 4–6 columns under a masthead, each with its kicker, a large headline
spanning its columns, a subtitle and a byline; body text justified, paragraphs
indented; a photo box with its caption; one story boxed as a commentary; and,
where two stories share a band, the wider one continued in the other's columns
below it.  Every PDF comes with ``<name>.order.json``: the paragraphs in reading
order, which is what the reader must give back.

The font is a subset of WenQuanYi Micro Hei shipped in ``tests/fixtures/fonts``,
embedded in every PDF (only the glyphs a page uses), so that a page reads the same
on a machine with or without CJK fonts; where that file is missing, the standard
Adobe CJK fonts (STSong-Light, MSung-Light), which are not embedded.
"""

from __future__ import annotations

import argparse
import io
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

PAGE_W, PAGE_H = 940.0, 1330.0  # a broadsheet page (332 × 470 mm), in points
MARGIN = 36.0
GUTTER = 11.0  # between columns, unless a page's options say otherwise
BODY, LEADING = 9.0, 12.5
CAPTION, CAPTION_LEADING = 7.5, 10.0


@dataclass
class Story:
    title: str
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    paras: list[tuple[str, str]] = field(default_factory=list)  # (body | subhead | closing, text)
    captions: list[str] = field(default_factory=list)


@dataclass
class Options:
    columns: int = 5
    indent_chars: bool = False  # paragraph indents typed as U+3000 (else positioned)
    spaced: bool = False  # a space drawn between CJK characters (what some extractors see)
    fake_bold: bool = True  # subheads and bylines overprinted, as many e-papers do
    traditional: bool = False
    photo: bool = True
    boxed: bool = True
    continued: bool = True
    modest: bool = False  # headlines only a little larger than the body, as plain documents set them
    gutter: float = GUTTER
    outlet: str = "本地日报"
    dateline: str = "2024年5月16日 星期四"


def stories_from_text(path: Path) -> list[Story]:
    """The articles of a text page as ``briefing`` reads them: title, kicker,
    byline, paragraphs (subheads kept), and the photo captions printed in them."""
    from briefing.read import read_source
    from briefing.text.clean import clean
    from briefing.text.segment import segment

    articles, _ = segment(clean(read_source(path)))
    stories: list[Story] = []
    early: list[str] = []  # captions printed before any story: they go with the first
    for art in articles:
        paras = [("subhead" if p.role == "heading" else "body", p.orig) for p in art.paragraphs]
        k = len(paras)
        while k > 1 and paras[k - 1][0] == "subhead":
            k -= 1
        paras[k:] = [("closing", text) for _, text in paras[k:]]  # trailing lines close the story
        if art.kind == "photo_caption":
            caption = "".join(t for _, t in paras)
            (stories[-1].captions if stories else early).append(caption)
            continue
        title = art.title or ""
        subtitle = None
        if " —— " in title:
            title, subtitle = title.split(" —— ", 1)
            subtitle = "——" + subtitle
        if not title:
            title, paras = paras[0][1][:20], paras  # an untitled item gets no headline of its own
            title = ""
        stories.append(Story(title, art.kicker, subtitle, art.byline, paras))
    if stories:
        stories[0].captions[:0] = early
    return stories


# -- measuring and breaking lines --------------------------------------------------


# The font the pages are set in, embedded (a subset of WenQuanYi Micro Hei, Apache
# 2.0, made by scripts/subset_font.py): the PDFs then read the same whatever fonts
# the reading machine has.  Without it, the standard Adobe CJK fonts, not embedded.
EMBEDDED = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "fonts" / "WenQuanYiMicroHei-subset.ttf"
EMBEDDED_NAME = "WenQuanYiMicroHei-subset"


def _font(options: Options) -> str:
    if EMBEDDED.exists():
        return EMBEDDED_NAME
    return "MSung-Light" if options.traditional else "STSong-Light"


def _register(name: str) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    if name not in pdfmetrics.getRegisteredFontNames():
        font = TTFont(name, str(EMBEDDED)) if name == EMBEDDED_NAME else UnicodeCIDFont(name)
        pdfmetrics.registerFont(font)


def _width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    _register(font)
    return float(stringWidth(text, font, size))


def _tokens(text: str) -> list[str]:
    """Break opportunities: every CJK character, whole runs of Latin letters and digits."""
    out: list[str] = []
    for ch in text:
        if out and ch.isascii() and ch.isalnum() and out[-1][-1].isascii() and out[-1][-1].isalnum():
            out[-1] += ch
        else:
            out.append(ch)
    return out


CLOSING = "，。、；：？！”’）》"


def wrap(text: str, width: float, font: str, size: float, first_indent: float = 0.0) -> list[str]:
    """Greedy line breaking; a closing mark never starts a line (the character
    before it moves down with it)."""
    lines: list[str] = []
    line: list[str] = []
    avail = width - first_indent
    for tok in _tokens(text):
        if line and _width("".join(line) + tok, font, size) > avail:
            carry: list[str] = []
            if tok in CLOSING:  # the closing marks before it and one character go down with it
                while len(line) > 1 and line[-1] in CLOSING:
                    carry.insert(0, line.pop())
                if len(line) > 1:
                    carry.insert(0, line.pop())
            lines.append("".join(line))
            line, avail = carry, width
        line.append(tok)
    if line:
        lines.append("".join(line))
    return lines


# -- a placed item of text ----------------------------------------------------------


@dataclass
class Run:
    x: float
    y: float  # baseline
    text: str
    size: float
    width: float | None = None  # justify to this width
    bold: bool = False


@dataclass
class Column:
    x: float
    top: float
    bottom: float
    width: float
    y: float = 0.0

    def __post_init__(self) -> None:
        self.y = self.top


class Flow:
    """Body lines poured into columns in order; each paragraph records its pieces."""

    def __init__(self, columns: list[Column], font: str, options: Options) -> None:
        self.columns, self.font, self.options = columns, font, options
        self.k = 0
        self.runs: list[Run] = []

    def room(self, height: float) -> bool:
        while self.k < len(self.columns):
            col = self.columns[self.k]
            if col.y - height >= col.bottom:
                return True
            self.k += 1
        return False

    def para(self, text: str, role: str) -> bool:
        col_w = self.columns[0].width
        if role == "closing" and len(wrap(text, col_w, self.font, BODY)) > 1:
            return _cont(text, self)  # too long for one line: set flush left, not indented
        if role == "closing":  # a source or credit line at the end, set flush right
            for ln in wrap(text, col_w, self.font, BODY):
                if not self.room(LEADING):
                    return False
                col = self.columns[self.k]
                col.y -= LEADING
                self.runs.append(Run(col.x + col_w - _width(ln, self.font, BODY), col.y, ln, BODY))
            return True
        if role == "subhead":
            lines = wrap(text, col_w, self.font, BODY + 1)
            for ln in lines:
                if not self.room(LEADING + 4):
                    return False
                col = self.columns[self.k]
                col.y -= LEADING + 4
                self.runs.append(Run(col.x, col.y, ln, BODY + 1, bold=self.options.fake_bold))
            return True
        indent = 2 * BODY
        typed = self.options.indent_chars
        lines = wrap(("\u3000\u3000" + text) if typed else text, col_w, self.font, BODY, 0 if typed else indent)
        for i, ln in enumerate(lines):
            if not self.room(LEADING):
                return False
            col = self.columns[self.k]
            col.y -= LEADING
            x = col.x + (indent if i == 0 and not typed else 0)
            last = i == len(lines) - 1
            self.runs.append(Run(x, col.y, ln, BODY, None if last else col.x + col_w - x))
        return True


# -- the page -----------------------------------------------------------------------


class Page:
    def __init__(self, options: Options, number: int) -> None:
        self.options = options
        self.number = number
        self.font = _font(options)
        self.runs: list[Run] = []
        self.rules: list[tuple[float, float, float, float]] = []
        self.boxes: list[tuple[float, float, float, float]] = []
        self.photos: list[tuple[float, float, float, float]] = []
        self.top = PAGE_H - MARGIN - 34
        self.y = self.top - 8
        usable = PAGE_W - 2 * MARGIN
        n = options.columns
        self.gutter = options.gutter
        self.col_w = (usable - (n - 1) * self.gutter) / n
        self._masthead()

    def col_x(self, i: int) -> float:
        return MARGIN + i * (self.col_w + self.gutter)

    def span_w(self, k: int) -> float:
        return k * self.col_w + (k - 1) * self.gutter

    def _masthead(self) -> None:
        o = self.options
        self.runs.append(Run(MARGIN, PAGE_H - MARGIN - 18, o.outlet, 18))
        info = f"{o.dateline}  第{self.number}版"
        self.runs.append(Run(PAGE_W - MARGIN - _width(info, self.font, 9), PAGE_H - MARGIN - 18, info, 9))
        self.rules.append((MARGIN, self.top, PAGE_W - MARGIN, self.top))


def _header(story: Story, x: float, y: float, width: float, font: str, options: Options) -> tuple[list[Run], float]:
    """Kicker, headline, subtitle and byline from ``y`` down; returns the runs and the new y."""
    runs: list[Run] = []
    size = 26.0 if width > 300 else 20.0
    side = 13.0
    if options.modest:  # headlines a size or two above the body, kicker and subtitle at subhead size
        size, side = BODY + 2, BODY + 1
    parts: list[tuple[str | None, float, bool]] = [
        (story.kicker, side, False),
        (story.title, size, False),
        (story.subtitle, side, False),
    ]
    for text, sz, bold in parts:
        if not text:
            continue
        for ln in wrap(text, width, font, sz):
            y -= sz * 1.3
            runs.append(Run(x + max(0.0, (width - _width(ln, font, sz)) / 2), y, ln, sz, bold=bold))
    if story.byline:
        y -= 6
        for ln in wrap(story.byline, width, font, BODY):
            y -= LEADING
            runs.append(Run(x, y, ln, BODY, bold=options.fake_bold))
    return runs, y - 4


def _columns(page: Page, first: int, k: int, top: float, bottom: float) -> list[Column]:
    return [Column(page.col_x(first + i), top, bottom, page.col_w) for i in range(k)]


def _body_height(story: Story, k: int, page: Page) -> float:
    lines = sum(
        len(wrap(t, page.col_w, page.font, BODY, 2 * BODY)) + (0.3 if r == "subhead" else 0) for r, t in story.paras
    )
    return (lines / k + 2) * LEADING


@dataclass
class Placed:
    story: int
    flow: Flow
    header: list[Run]
    pending: list[tuple[str, str]]  # paragraphs that did not fit


def _pour(story: Story, flow: Flow, start: int = 0) -> list[tuple[str, str]]:
    """Pour the story's paragraphs from ``start``; a paragraph that does not fit is
    split at the line that overflows: the rest is returned, to continue elsewhere."""
    paras = story.paras[start:]
    for i, (role, text) in enumerate(paras):
        before = len(flow.runs)
        if flow.para(text, role):
            continue
        done = "".join(r.text for r in flow.runs[before:]).lstrip("\u3000")
        rest = text[len(done) :] if text.startswith(done) else text
        return ([("cont", rest)] if rest else []) + list(paras[i + 1 :])
    return []


def _pour_cont(paras: list[tuple[str, str]], flow: Flow) -> list[tuple[str, str]]:
    """Like :func:`_pour` for the continued part of a story (its first piece is not indented)."""
    for i, (role, text) in enumerate(paras):
        before = len(flow.runs)
        ok = _cont(text, flow) if role == "cont" else flow.para(text, role)
        if ok:
            continue
        done = "".join(r.text for r in flow.runs[before:]).lstrip("\u3000")
        rest = text[len(done) :] if text.startswith(done) else text
        return ([("cont", rest)] if rest else []) + list(paras[i + 1 :])
    return []


def _cont(text: str, flow: Flow) -> bool:
    col_w = flow.columns[0].width
    lines = wrap(text, col_w, flow.font, BODY)
    for i, ln in enumerate(lines):
        if not flow.room(LEADING):
            return False
        col = flow.columns[flow.k]
        col.y -= LEADING
        last = i == len(lines) - 1
        flow.runs.append(Run(col.x, col.y, ln, BODY, None if last else col_w))
    return True


class Typesetter:
    def __init__(self, stories: list[Story], options: Options, rng: random.Random) -> None:
        self.stories, self.options, self.rng = stories, options, rng
        self.pages: list[Page] = [Page(options, 1)]
        self.order: list[dict[str, object]] = []
        self.photo_done = not options.photo
        self.box_done = not options.boxed
        self.cont_done = not options.continued

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append(Page(self.options, len(self.pages) + 1))

    def run(self) -> None:
        i = 0
        n = self.options.columns
        while i < len(self.stories):
            left = len(self.stories) - i
            if left >= 2 and i > 0 and self.rng.random() < 0.6:
                a = self.rng.randint(2, n - 1) if n > 3 else 2
                self.band([(i, 0, a), (i + 1, a, n - a)])
                i += 2
            else:
                self.band([(i, 0, n)])
                i += 1

    # one band of stories side by side
    def band(self, parts: list[tuple[int, int, int]]) -> None:
        page = self.page
        heights = [self._need(self.stories[s], k) for s, _, k in parts]
        height = max(heights)
        if len(parts) == 2 and not self.cont_done and heights[0] > 1.6 * heights[1]:
            height = heights[1] + (heights[0] - heights[1]) * 0.55
        if page.y - height < MARGIN and page.y < page.top - 40:
            self.new_page()
            page = self.page
        bottom = max(MARGIN, page.y - height)
        # each story balanced over its own columns; the continued one fills the band
        own = [max(bottom, page.y - h * 1.05) for h in heights]
        if len(parts) == 2 and not self.cont_done and heights[0] > 1.6 * heights[1]:
            own[0] = bottom
        placed = [self._place(s, first, k, page.y, b) for (s, first, k), b in zip(parts, own, strict=True)]
        if len(parts) == 2 and placed[0].pending and not self.cont_done:
            self._continue_under(placed[0], placed[1], parts[1], bottom)
        for p in placed:
            self._record(p)
            page.runs.extend(p.header)
            page.runs.extend(p.flow.runs)
        low = min(min((c.y for c in p.flow.columns), default=bottom) for p in placed)
        page.y = min(low, bottom) - 10
        page.rules.append((MARGIN, page.y + 5, PAGE_W - MARGIN, page.y + 5))
        for p in placed:
            if p.pending:
                self._overflow(p)

    def _need(self, story: Story, k: int) -> float:
        w = self.page.span_w(k)
        head = len(wrap(story.title, w, self.page.font, 26.0)) * 34 + (40 if story.kicker else 0) + 40
        photo = 150.0 if not self.photo_done and k >= 2 else 0.0
        return head + _body_height(story, k, self.page) + photo / k

    def _place(self, s: int, first: int, k: int, top: float, bottom: float) -> Placed:
        page, story = self.page, self.stories[s]
        x, w = page.col_x(first), page.span_w(k)
        header, y = _header(story, x, top, w, page.font, self.options)
        cols = _columns(page, first, k, y, bottom)
        if not self.photo_done and k >= 2:
            self._photo(cols, story)
        if not self.box_done and k < self.options.columns and s > 0:
            page.boxes.append((x - 4, bottom - 4, x + w + 4, top - 2))
            self.box_done = True
        flow = Flow(cols, page.font, self.options)
        return Placed(s, flow, header, _pour(story, flow))

    def _photo(self, cols: list[Column], story: Story) -> None:
        """A photo across the first two columns, its caption below it."""
        page = self.page
        x, w = cols[0].x, cols[0].width * 2 + page.gutter
        top = cols[0].y - 4
        ph = 110.0
        page.photos.append((x, top - ph, x + w, top))
        y = top - ph - 2
        for caption in story.captions[:1]:
            for ln in wrap(caption, w, page.font, CAPTION):
                y -= CAPTION_LEADING
                page.runs.append(Run(x, y, ln, CAPTION))
            self.order.append({"role": "caption", "text": caption})
        for col in cols[:2]:
            col.y = y - 8
        self.photo_done = True

    def _continue_under(self, a: Placed, b: Placed, part: tuple[int, int, int], bottom: float) -> None:
        """The wider story goes on in the other story's columns, below it."""
        page = self.page
        _, first, k = part
        below = min(c.y for c in b.flow.columns) - 12
        if below - bottom < 4 * LEADING:
            return
        page.rules.append((page.col_x(first), below + 6, page.col_x(first) + page.span_w(k), below + 6))
        cols = _columns(page, first, k, below, bottom)
        flow = Flow(cols, page.font, self.options)
        a.pending = _pour_cont(a.pending, flow)
        b.flow.runs.extend(flow.runs)  # printed after the other story in reading order
        a.flow.runs.extend([])
        self._cont_runs = flow.runs
        self.cont_done = True

    def _overflow(self, p: Placed) -> None:
        """What did not fit the band: a headless band of its own on the next page."""
        story = Story("", paras=p.pending)
        self.new_page()
        page = self.page
        n = self.options.columns
        height = _body_height(story, n, page)
        cols = _columns(page, 0, n, page.y, max(MARGIN, page.y - height))
        flow = Flow(cols, page.font, self.options)
        rest = _pour_cont(p.pending, flow)
        page.runs.extend(flow.runs)
        page.y = min(c.y for c in cols) - 10
        if rest:
            self._overflow(Placed(p.story, flow, [], rest))

    def _record(self, p: Placed) -> None:
        story = self.stories[p.story]
        for role, text in (("kicker", story.kicker), ("headline", story.title), ("subtitle", story.subtitle)):
            if text:
                self.order.append({"role": role, "text": text, "story": p.story})
        if story.byline:
            self.order.append({"role": "byline", "text": story.byline, "story": p.story})
        for role, text in story.paras:
            self.order.append({"role": role, "text": text, "story": p.story})


# -- drawing --------------------------------------------------------------------------


def _photo_image() -> object:
    from PIL import Image

    rng = random.Random(7)
    img = Image.new("L", (64, 40))
    img.putdata([rng.randint(60, 200) for _ in range(64 * 40)])
    return img


def draw(pages: list[Page], options: Options, target: Path | io.BytesIO, encrypt: str | None = None) -> None:
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    font = _font(options)
    _register(font)
    c = canvas.Canvas(
        str(target) if isinstance(target, Path) else target,
        pagesize=(PAGE_W, PAGE_H),
        encrypt=encrypt,
        pageCompression=0,
    )
    image = ImageReader(_photo_image())
    for page in pages:
        for x0, y0, x1, y1 in page.photos:
            c.drawImage(image, x0, y0, x1 - x0, y1 - y0)
        for x0, y0, x1, y1 in page.rules:
            c.setLineWidth(0.6)
            c.line(x0, y0, x1, y1)
        for x0, y0, x1, y1 in page.boxes:
            c.setLineWidth(0.8)
            c.rect(x0, y0, x1 - x0, y1 - y0)
        for run in page.runs:
            _draw_run(c, run, font, options)
        c.showPage()
    c.save()


def _draw_run(c: object, run: Run, font: str, options: Options) -> None:
    text = run.text
    space = 0.0  # the character spacing is graphics state: set it on every run
    if run.width and len(text) > 1:
        space = max(0.0, (run.width - _width(text, font, run.size)) / (len(text) - 1))
    for dx in (0.0, 0.35) if run.bold else (0.0,):
        t = c.beginText()  # type: ignore[attr-defined]
        t.setTextOrigin(run.x + dx, run.y)
        t.setFont(font, run.size)
        t.setCharSpace(space)
        t.textOut(text)
        c.drawText(t)  # type: ignore[attr-defined]
    if options.spaced:
        _space_glyphs(c, run, font, space)


def _space_glyphs(c: object, run: Run, font: str, space: float) -> None:
    """A hair-thin space glyph after every character, in place: what a page whose
    text was set one glyph at a time leaves in its text layer."""
    x = run.x
    for ch in run.text[:-1]:
        x += _width(ch, font, run.size) + space
        t = c.beginText()  # type: ignore[attr-defined]
        t.setTextOrigin(x - 0.5, run.y)
        t.setFont(font, 1)
        t.setCharSpace(0)
        t.textOut(" ")
        c.drawText(t)  # type: ignore[attr-defined]


def typeset(stories: list[Story], options: Options, seed: int = 0) -> tuple[list[Page], list[dict[str, object]]]:
    setter = Typesetter(stories, options, random.Random(seed))
    setter.run()
    return setter.pages, setter.order


def options_for(seed: int, **overrides: object) -> Options:
    """A page's make-up from its seed: 4–6 columns, indents typed or positioned, one
    page in four letter-spaced with space glyphs, one in four with modest headlines,
    gutters from half a character to more than one."""
    rng = random.Random(seed)
    opts = Options(columns=rng.choice((4, 5, 6)), indent_chars=rng.random() < 0.5, spaced=rng.random() < 0.25)
    opts.modest = rng.random() < 0.25
    opts.gutter = rng.choice((5.0, 8.0, GUTTER, GUTTER))
    for key, value in overrides.items():
        setattr(opts, key, value)
    return opts


def write(text_page: Path, out: Path, seed: int = 0, **overrides: object) -> Path:
    """Typeset one text page as ``out/<stem>.pdf`` with ``<stem>.order.json`` beside it."""
    from briefing.read import read_source

    source = read_source(text_page)
    options = options_for(seed, traditional=source.script == "traditional", **overrides)
    pages, order = typeset(stories_from_text(text_page), options, seed)
    out.mkdir(parents=True, exist_ok=True)
    pdf = out / f"{text_page.stem}.pdf"
    draw(pages, options, pdf)
    (out / f"{text_page.stem}.order.json").write_text(json.dumps(order, ensure_ascii=False, indent=1), "utf-8")
    return pdf


FIXTURE_STORIES = [
    Story(
        "社区食堂让老人吃上热乎饭",
        byline="本报记者 韩雪",
        paras=[("body", "街道办事处负责人介绍，今年将再建五家社区食堂，为八十岁以上老人提供每餐五元的助餐服务。")] * 6,
    ),
    Story(
        "小微企业贷款审批提速",
        byline="本报记者 陆洋",
        paras=[("body", "市金融监管局有关负责人表示，将推动银行把小微企业贷款平均审批时间压缩到三个工作日以内。")] * 5,
    ),
]


def fixtures(out: Path) -> None:
    """The small PDF pages kept in ``tests/fixtures``: a typeset page of two
    invented stories and the same page scanned (no text layer)."""
    options = Options(columns=4, photo=False, boxed=False, continued=False)
    data = pdf_bytes(FIXTURE_STORIES, options)
    (out / "two-stories.pdf").write_bytes(data)
    (out / "scanned.pdf").write_bytes(scanned(data, scale=0.5))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--fixtures", action="store_true", help="write the test fixtures to --out")
    args = parser.parse_args()
    if args.fixtures:
        fixtures(args.out)
    for i, page in enumerate(args.pages):
        print(write(page, args.out, args.seed + i))


# -- measuring reading order -----------------------------------------------------------


def _key(text: str) -> str:
    return "".join(text.split())[-24:]


def reading_order(order: list[dict[str, object]], articles: Sequence[object]) -> tuple[int, int]:
    """(correct, total) over the typeset body paragraphs and subheads: a paragraph is
    in order when the reader gives it whole and the paragraph after it in the same
    article is the one printed after it (the last of a story: when it is found)."""
    where: dict[str, tuple[int, int]] = {}
    paras: list[list[str]] = []
    for a, art in enumerate(articles):
        keys = [_key(p.orig) for p in art.paragraphs]  # type: ignore[attr-defined]
        paras.append(keys)
        for k, key in enumerate(keys):
            where.setdefault(key, (a, k))
    stories: dict[object, list[str]] = {}
    for item in order:
        if item["role"] in ("body", "subhead", "closing"):
            stories.setdefault(item["story"], []).append(_key(str(item["text"])))
    correct = total = 0
    for keys in stories.values():
        for k, key in enumerate(keys):
            total += 1
            if key not in where:
                continue
            a, i = where[key]
            if k + 1 == len(keys) or (i + 1 < len(paras[a]) and paras[a][i + 1] == keys[k + 1]):
                correct += 1
    return correct, total


# -- pages a PDF reader must refuse or repair -------------------------------------------


def pdf_bytes(stories: list[Story], options: Options, seed: int = 0, encrypt: str | None = None) -> bytes:
    pages, _ = typeset(stories, options, seed)
    buffer = io.BytesIO()
    draw(pages, options, buffer, encrypt=encrypt)
    return buffer.getvalue()


def scanned(pdf: bytes, scale: float = 1.0) -> bytes:
    """The pages as pictures only, as a scanner makes them: no text layer."""
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    document = pdfium.PdfDocument(pdf)
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(PAGE_W, PAGE_H))
    for i in range(len(document)):
        image = document[i].render(scale=scale).to_pil().convert("L")
        c.drawImage(ImageReader(image), 0, 0, PAGE_W, PAGE_H)
        c.showPage()
    c.save()
    document.close()
    return buffer.getvalue()


def without_unicode_map(pdf: bytes) -> bytes:
    """The CJK font's Unicode CMap replaced by the identity one, or an embedded font's
    ToUnicode map removed: the character codes no longer say which characters they
    are (what a font without ToUnicode does)."""
    for cmap in (b"/UniGB-UCS2-H", b"/UniCNS-UCS2-H"):
        pdf = pdf.replace(b"/Encoding " + cmap, b"/Encoding /Identity-H".ljust(len(cmap) + 10))
    return pdf.replace(b"/ToUnicode", b"/NoUnicode")  # an embedded subset's own map, gone


def vertical(c: object, text: str, x: float, top: float, size: float, height: float, font: str) -> None:
    """Text set vertically: top to bottom, columns right to left from ``x``."""
    per_column = int(height // size)
    for k in range(0, len(text), per_column):
        for n, ch in enumerate(text[k : k + per_column]):
            c.setFont(font, size)  # type: ignore[attr-defined]
            c.drawString(x - (k // per_column) * size * 1.5, top - (n + 1) * size, ch)  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()


# -- the same pages as a saved web page ----------------------------------------------------


def html_page(text_page: Path, outlet: str = "本地新闻网") -> str:
    """A text page as a news site would publish it: site menu, then each story as
    an ``<article>`` (kicker ``<h3>``, headline ``<h1>``, subtitle ``<h2>``, byline,
    paragraphs, ``<h4>`` subheads, captions under a picture), then a footer."""
    from html import escape

    parts = [f"<nav><ul>{''.join(f'<li><a href=/c{i}>栏目{i}</a></li>' for i in range(10))}</ul></nav>"]
    for story in stories_from_text(text_page):
        body = []
        for role, text in story.paras:
            tag = "h4" if role == "subhead" else "p"
            body.append(f"<{tag}>{escape(text)}</{tag}>")
        figures = "".join(
            f'<figure><img src="p.jpg"><figcaption>{escape(c)}</figcaption></figure>' for c in story.captions
        )
        head = "".join(
            f"<{tag}>{escape(text)}</{tag}>"
            for tag, text in (("h3", story.kicker), ("h1", story.title), ("h2", story.subtitle))
            if text
        )
        byline = f'<p class="byline">{escape(story.byline)}</p>' if story.byline else ""
        parts.append(f"<article>{head}{byline}{figures}{''.join(body)}</article>")
    footer = f"<footer>版权所有 {outlet}</footer>"
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{outlet}</title></head>'
        f"<body>{''.join(parts)}{footer}</body></html>"
    )
