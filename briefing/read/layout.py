"""Page layout from positioned characters: lines, reading order, and what each line is.

A printed page is characters with a box and a size, plus rules and pictures.  This
module turns them into the page's lines in reading order, each with a role:

* glyphs printed twice at nearly the same place (fake bold) count once, and mark
  their line bold; spaces between CJK characters are dropped, U+3000 is kept;
* characters stacked top to bottom (vertical text) form one line of their own;
* reading order comes from recursive cuts of the page at blank bands: a column
  gutter that runs through a whole region splits it into columns read left to
  right (right to left for vertical text), unless a band across it is marked as a
  boundary (a rule in it, a headline below it, or it is wider than the rest);
* the body size is the size most characters have; a header group of larger lines
  gives the kicker, headline and subtitle by size; a smaller line under or over a
  picture is its caption; lines above the masthead rule are page furniture;
* body lines are joined into paragraphs: an indented line or one after a short
  line that ends a sentence starts a paragraph; a line at the top of a column that
  is not indented continues the paragraph before it (``cont``); a paragraph that
  opens a column piece under a rule, after another story's text and with no
  headline, goes on with the story before that one (``resume``).

Everything here is pure: :mod:`briefing.read.pdf` supplies the glyphs.
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

# Roles handed to the cleaner, one per output line.
HEADLINE, KICKER, SUBTITLE, SUBHEAD = "headline", "kicker", "subtitle", "subhead"
BODY, CONT, RESUME, CAPTION, FURNITURE = "body", "cont", "resume", "caption", "furniture"

# Sizes against the body size: a header line (kicker, headline, subtitle) is this much
# larger at least, a subhead at least this; a caption or a credit this much smaller.
HEADER, SUBHEAD_SIZE, SMALL = 1.25, 1.05, 0.92
# Gaps as shares of the type size: a run of glyphs breaks at a gap wider than
# RUN_GAP, a gap of WORD_GAP or more reads as a space, and a blank stretch of
# GUTTER of the body size running through a region separates its columns.
RUN_GAP, WORD_GAP, GUTTER = 0.45, 0.8, 0.4
MODEST_HEADER = 1.1  # on a page without larger type, headlines at least this much larger
MIN_COLUMN_LINES = 3  # body lines that share a left edge mark a column start
COLUMN_CHARS = 12  # a column is at least this many characters wide
MAX_HEADING_LINES = 4  # a headline or subhead runs to this many lines at most
ACROSS = 0.8  # a rule at least this share of the page wide runs across the page
MASTHEAD = 0.08  # a masthead is at most this share of the page deep
TOP_BAND = 0.05  # text in this top share of the page is its header (page number, date)
ENDS = "。！？…”’」』）)；!?."  # a line ending in one of these may end its paragraph


@dataclass(frozen=True)
class Glyph:
    """One printed character; y grows downwards from the top of the page."""

    ch: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float  # baseline
    size: float
    seq: int = -1  # its place in the page's content stream (-1: not known)


@dataclass(frozen=True)
class Box:
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass
class Chunk:
    """Glyphs on one baseline with no gap between them wider than a character."""

    glyphs: list[Glyph]
    vertical: bool = False
    bold: bool = False
    x0: float = field(init=False)
    x1: float = field(init=False)
    top: float = field(init=False)
    bottom: float = field(init=False)

    size: float = field(init=False)

    def __post_init__(self) -> None:
        self.x0 = min(g.x0 for g in self.glyphs)
        self.x1 = max(g.x1 for g in self.glyphs)
        self.top = min(g.top for g in self.glyphs)
        self.bottom = max(g.bottom for g in self.glyphs)
        self.size = statistics.median(g.size for g in self.glyphs)


@dataclass
class TextLine:
    chunks: list[Chunk]
    region: int  # index of the leaf region (a column piece) in reading order
    text: str = ""
    size: float = 0.0
    bold: bool = False
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    vertical: bool = False

    def __post_init__(self) -> None:
        glyphs = [g for c in self.chunks for g in c.glyphs]
        self.text = _join_glyphs(self.chunks)
        self.size = statistics.median(g.size for g in glyphs)
        self.bold = sum(len(c.glyphs) for c in self.chunks if c.bold) * 2 > len(glyphs)
        self.x0 = min(c.x0 for c in self.chunks)
        self.x1 = max(c.x1 for c in self.chunks)
        self.top = min(c.top for c in self.chunks)
        self.bottom = max(c.bottom for c in self.chunks)
        self.vertical = all(c.vertical for c in self.chunks)


def _cjk(ch: str) -> bool:
    return (
        "\u2e80" <= ch <= "\u9fff"
        or "\uf900" <= ch <= "\ufaff"
        or "\uff00" <= ch <= "\uffef"
        or ("\u3000" < ch <= "\u303f")
    )


def _join_glyphs(chunks: Sequence[Chunk]) -> str:
    """The line's text: chunks joined, with a space where they stand a character's
    width or more apart (what the gap stands for; a narrower one is justification)."""
    out = ""
    prev: Chunk | None = None
    for chunk in chunks:
        text = "".join(g.ch for g in chunk.glyphs)
        wide = prev is not None and chunk.x0 - prev.x1 >= WORD_GAP * min(chunk.size, prev.size)
        if wide and out and text and not out.endswith((" ", "\u3000")) and not text.startswith((" ", "\u3000")):
            out += " "
        out += text
        prev = chunk
    return _drop_letter_spacing(out).strip(" ")


def _drop_letter_spacing(text: str) -> str:
    """Text set with a space after every character (letter spacing done with space
    characters, which extractors then report) loses those single spaces; where the
    writer had a space (a title and a name), a wider one, it stays as one."""
    if " " not in text:
        return text
    pairs = max(1, sum(1 for a, b in itertools.pairwise(text) if a != " " and b != " "))
    spaced = len(re.findall(r"(?<=\S) (?=\S)", text))
    if spaced < 3 or spaced < 2 * pairs:
        return text
    return re.sub(" {2,}", " ", re.sub(r"(?<=\S) (?=\S)", "", text))


# -- glyphs to chunks ---------------------------------------------------------------

OVERPRINT = 0.3  # a repeat of the same glyph within this share of its size is fake bold
LIGATURE = 1.5  # a glyph this many times as wide as its size may stand for two characters


def dedupe(glyphs: Iterable[Glyph]) -> tuple[list[Glyph], set[int]]:
    """Glyphs printed more than once at nearly the same place count once; the
    indices (in the result) of the glyphs that were overprinted are returned too."""
    kept: list[Glyph] = []
    bold: set[int] = set()
    seen: dict[tuple[str, int], list[int]] = defaultdict(list)
    for g in glyphs:
        key = int(g.base // max(g.size, 1.0))
        if g.x1 - g.x0 >= LIGATURE * g.size and kept and kept[-1].ch == g.ch and kept[-1].x0 == g.x0:
            kept.append(g)  # one glyph drawn for two characters (a double dash ——): both count
            continue
        dup = None
        for k in (key - 1, key, key + 1):
            for i in seen.get((g.ch, k), ()):
                o = kept[i]
                tol = OVERPRINT * g.size
                # within half its own width: a narrow letter repeated (the ll of Stellantis) is two
                near = min(tol, 0.5 * (o.x1 - o.x0)) if o.x1 > o.x0 else tol
                if abs(o.x0 - g.x0) <= near and abs(o.base - g.base) <= tol:
                    dup = i
                    break
            if dup is not None:
                break
        if dup is not None:
            bold.add(dup)
            continue
        seen[(g.ch, key)].append(len(kept))
        kept.append(g)
    return kept, bold


def chunks(glyphs: list[Glyph], bold: set[int], body: float) -> list[Chunk]:
    """Runs of glyphs along a baseline, broken where the gap is wider than a
    character of the body text (or of the run's own smaller size); glyphs stacked
    one under another form a vertical run."""
    out, used = _vertical_runs(glyphs, bold)
    order = sorted(
        (i for i in range(len(glyphs)) if i not in used), key=lambda i: (round(glyphs[i].base), glyphs[i].x0)
    )
    rows: list[list[int]] = []
    for i in order:
        g = glyphs[i]
        if rows:
            last = glyphs[rows[-1][-1]]
            if abs(g.base - last.base) <= 0.25 * max(g.size, last.size):
                rows[-1].append(i)
                continue
        rows.append([i])
    for row in rows:
        row.sort(key=lambda i: glyphs[i].x0)
        current = [row[0]]
        for i in row[1:]:
            prev, g = glyphs[current[-1]], glyphs[i]
            if g.x0 - prev.x1 > RUN_GAP * min(max(g.size, prev.size), body) or (g.ch == " " and prev.ch == " "):
                out.extend(_run(glyphs, current, bold))
                current = [i]
            else:
                current.append(i)
        out.extend(_run(glyphs, current, bold))
    return out


def _run(glyphs: list[Glyph], run: list[int], bold: set[int]) -> list[Chunk]:
    """A horizontal run without its leading and trailing spaces (none if blank)."""
    chunk = [glyphs[j] for j in run]
    while chunk and chunk[-1].ch == " ":
        chunk.pop()
    while chunk and chunk[0].ch == " ":
        chunk.pop(0)
    return [Chunk(chunk, bold=sum(j in bold for j in run) * 2 > len(run))] if chunk else []


# Glyphs this close (a share of their size) are neighbours in a line of text.
TIGHT = 0.25
MIN_STACK = 3  # glyphs stacked one under another that make a line of vertical text


def _vertical_runs(glyphs: list[Glyph], bold: set[int]) -> tuple[list[Chunk], set[int]]:
    """Vertical text: CJK glyphs with a neighbour right above or below them and none
    right beside them, stacked three or more; returned with their indices."""
    by_column: dict[int, list[int]] = defaultdict(list)
    by_row: dict[int, list[int]] = defaultdict(list)
    for i, g in enumerate(glyphs):
        if _cjk(g.ch):
            by_column[round((g.x0 + g.x1) / 2 / max(g.size * TIGHT, 0.5))].append(i)
        by_row[round(g.base / max(g.size * TIGHT, 0.5))].append(i)

    def beside(i: int) -> bool:
        g = glyphs[i]
        key = round(g.base / max(g.size * TIGHT, 0.5))
        for k in (key - 1, key, key + 1):
            for j in by_row.get(k, ()):
                h = glyphs[j]
                if (
                    j != i
                    and abs(h.base - g.base) < TIGHT * g.size
                    and (
                        -TIGHT * g.size <= h.x0 - g.x1 <= TIGHT * g.size
                        or -TIGHT * g.size <= g.x0 - h.x1 <= TIGHT * g.size
                    )
                ):
                    return True
        return False

    out: list[Chunk] = []
    used: set[int] = set()
    for members in by_column.values():
        members.sort(key=lambda i: glyphs[i].top)
        stack: list[int] = []
        for i in [*members, -1]:
            if i >= 0 and stack:
                prev, g = glyphs[stack[-1]], glyphs[i]
                if -TIGHT * g.size <= g.top - prev.bottom <= TIGHT * g.size and abs(g.size - prev.size) < 0.1 * g.size:
                    stack.append(i)
                    continue
            if len(stack) >= MIN_STACK and sum(1 for j in stack if not beside(j)) * 2 > len(stack):
                used.update(stack)
                out.append(Chunk([glyphs[j] for j in stack], vertical=True, bold=any(j in bold for j in stack)))
            stack = [i] if i >= 0 else []
    return out, used


# -- reading order --------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    box: Box

    @property
    def horizontal(self) -> bool:
        return self.box.width >= self.box.height


def _gaps(intervals: list[tuple[float, float]], lo: float, hi: float, least: float) -> list[tuple[float, float]]:
    """The blank stretches at least ``least`` long between the covered intervals."""
    out = []
    reach = None
    for a, b in sorted(intervals):
        if reach is not None and a - reach >= least:
            out.append((reach, a))
        reach = b if reach is None else max(reach, b)
    return [(a, b) for a, b in out if lo <= a and b <= hi]


# A region with at least this many items may have a gutter crossed by one line.
MIN_ITEMS_TO_OVERHANG = 12


class Orderer:
    """Recursive cuts of a page at blank bands, see the module docstring."""

    def __init__(self, body: float, rules: Sequence[Rule], header: float | None = None) -> None:
        self.body = body
        self.rules = rules
        self.header = header if header is not None else HEADER * body  # the headline size
        self.floor = _group_floor(self.header, body)  # and that of its kicker and subtitle

    def order(self, items: list[Chunk | Box]) -> list[list[Chunk | Box]]:
        leaves: list[list[Chunk | Box]] = []
        self._cut(items, leaves, depth=0)
        return leaves

    def _cut(self, items: list[Chunk | Box], leaves: list[list[Chunk | Box]], depth: int) -> None:
        if len(items) <= 1 or depth > 60:
            leaves.append(items)
            return
        x0, x1 = min(i.x0 for i in items), max(i.x1 for i in items)
        top, bottom = min(i.top for i in items), max(i.bottom for i in items)
        hgaps = _gaps([(i.top, i.bottom) for i in items], top, bottom, 0.15 * self.body)
        vgaps = _gaps([(i.x0, i.x1) for i in items], x0, x1, GUTTER * self.body)
        if not vgaps and len(items) >= MIN_ITEMS_TO_OVERHANG:
            vgaps, items = self._overhung(items, x0, x1)
        strong = [g for g in hgaps if self._boundary(g, items, x0, x1)]
        if strong:
            self._split(items, strong, leaves, depth, horizontal=True)
            return
        between = self._between_stories(items, vgaps)
        if between:
            self._split(items, between, leaves, depth, horizontal=False)
            return
        around = self._around_spanning(items, hgaps)
        if vgaps and not (around and self._headed_unevenly(items, vgaps)):
            self._split(items, vgaps, leaves, depth, horizontal=False)
        elif around:
            self._split(items, around, leaves, depth, horizontal=True)
        elif hgaps and not self._single_column(items):
            widest = max(b - a for a, b in hgaps)
            self._split(items, [g for g in hgaps if g[1] - g[0] >= 0.8 * widest], leaves, depth, horizontal=True)
        else:
            leaves.append(items)

    def _headline(self, item: Chunk | Box) -> bool:
        return isinstance(item, Chunk) and item.size >= self.header

    def _between_stories(self, items: list[Chunk | Box], vgaps: list[tuple[float, float]]) -> list[tuple[float, float]]:
        """The gutters with a headline on either side: stories set side by side."""
        out = []
        for a, b in vgaps:
            cut = (a + b) / 2
            left = any(self._headline(i) and (i.x0 + i.x1) / 2 < cut for i in items)
            right = any(self._headline(i) and (i.x0 + i.x1) / 2 > cut for i in items)
            if left and right:
                out.append((a, b))
        return out

    def _headed_unevenly(self, items: list[Chunk | Box], vgaps: list[tuple[float, float]]) -> bool:
        """Some of the columns a vertical cut would make have a headline line and
        others not: the headline belongs to them all (side by side stories each have
        their own)."""
        cuts = [(a + b) / 2 for a, b in vgaps]
        headed = [False] * (len(cuts) + 1)
        for i in items:
            if self._headline(i):
                headed[sum(1 for c in cuts if (i.x0 + i.x1) / 2 > c)] = True
        return any(headed) and not all(headed)

    def _overhung(
        self, items: list[Chunk | Box], x0: float, x1: float
    ) -> tuple[list[tuple[float, float]], list[Chunk | Box]]:
        """Gutters that one body line crosses (punctuation hung into the gutter, a
        line set too long): the gutter is kept and that line is cut at it."""
        events = sorted([(i.x0, 1) for i in items] + [(i.x1, -1) for i in items])
        depth, start = 0, None
        for x, step in events:  # stretches covered by one item only
            depth += step
            if depth == 1 and start is None:
                start = x
            elif depth != 1 and start is not None:
                if x - start >= GUTTER * self.body:
                    crossing = [i for i in items if i.x0 <= start and i.x1 >= x]
                    if len(crossing) == 1 and self._text(crossing[0]):
                        return self._cut_line(items, crossing[0], (start + x) / 2, x0, x1)
                start = None
        return [], items

    def _cut_line(
        self, items: list[Chunk | Box], line: Chunk | Box, cut: float, x0: float, x1: float
    ) -> tuple[list[tuple[float, float]], list[Chunk | Box]]:
        assert isinstance(line, Chunk)
        left = [g for g in line.glyphs if (g.x0 + g.x1) / 2 < cut]
        right = [g for g in line.glyphs if (g.x0 + g.x1) / 2 >= cut]
        pieces: list[Chunk | Box] = [Chunk(part, bold=line.bold) for part in (left, right) if part]
        rest = [i for i in items if i is not line] + pieces
        gaps = _gaps([(i.x0, i.x1) for i in rest], x0, x1, GUTTER * self.body)
        return (gaps, rest) if gaps else ([], items)

    def _text(self, item: Chunk | Box) -> bool:
        return isinstance(item, Chunk) and abs(item.size - self.body) <= 0.05 * self.body

    def _around_spanning(self, items: list[Chunk | Box], hgaps: list[tuple[float, float]]) -> list[tuple[float, float]]:
        """The blank bands right above and below a headline line, or a subtitle or
        picture that spans a gutter of the body text, standing above (or below) all of
        it: it is read before (or after) the columns, not inside one of them."""
        body = [i for i in items if self._text(i)]
        if not body or not hgaps:
            return []
        gutters = _gaps(
            [(i.x0, i.x1) for i in body], min(i.x0 for i in body), max(i.x1 for i in body), GUTTER * self.body
        )
        tol = 0.3 * self.body
        spanning = [
            i
            for i in items
            if not self._text(i)
            and (any(i.x0 < a and b < i.x1 for a, b in gutters) or self._headline(i))
            and (all(t.top >= i.bottom - tol for t in body) or all(t.bottom <= i.top + tol for t in body))
        ]
        chosen: set[tuple[float, float]] = set()
        for i in spanning:  # the first blank band below it and the last one above it
            below = [g for g in hgaps if g[0] >= i.bottom - tol]
            above = [g for g in hgaps if g[1] <= i.top + tol]
            if below:
                chosen.add(min(below))
            if above:
                chosen.add(max(above))
        return sorted(chosen)

    def _single_column(self, items: list[Chunk | Box]) -> bool:
        """No two items side by side: every band holds one item (a column, or a
        stack of headline lines)."""
        rows = sorted(items, key=lambda i: i.top)
        return all(b.top >= a.bottom - 0.3 * self.body for a, b in itertools.pairwise(rows))

    def _boundary(self, gap: tuple[float, float], items: list[Chunk | Box], x0: float, x1: float) -> bool:
        """A blank band that separates stories, not lines: a rule runs along it, it is
        wide, or a headline starts right below it after other text."""
        a, b = gap
        width = x1 - x0
        for rule in self.rules:
            r = rule.box
            if rule.horizontal and a - 1 <= r.top and r.bottom <= b + 1 and r.width >= 0.5 * width:
                return True
        if b - a >= 1.6 * self.body:
            # a wide band, unless only a headline group stands above it (its own text below)
            return any(not self._headline(i) for i in items if i.bottom <= a + 0.5)
        below = [i for i in items if isinstance(i, Chunk) and b - 0.5 <= i.top <= b + 2 * self.body]
        above = [i for i in items if isinstance(i, Chunk) and a - 2 * self.body <= i.bottom <= a + 0.5]
        headline_below = bool(below) and max(c.size for c in below) >= self.header
        # inside a headline set on several lines (or side by side headlines) it is no boundary
        return headline_below and not (above and min(c.size for c in above) >= self.floor)

    def _split(
        self,
        items: list[Chunk | Box],
        gaps: list[tuple[float, float]],
        leaves: list[list[Chunk | Box]],
        depth: int,
        horizontal: bool,
    ) -> None:
        cuts = sorted((a + b) / 2 for a, b in gaps)
        parts: list[list[Chunk | Box]] = [[] for _ in range(len(cuts) + 1)]
        for item in items:
            mid = (item.top + item.bottom) / 2 if horizontal else (item.x0 + item.x1) / 2
            k = sum(1 for c in cuts if mid > c)
            parts[k].append(item)
        parts = [p for p in parts if p]
        if not horizontal and all(all(isinstance(i, Chunk) and i.vertical for i in p) for p in parts):
            parts.reverse()  # columns of vertical text are read right to left
        if len(parts) == 1:
            leaves.append(parts[0])
            return
        for part in parts:
            self._cut(part, leaves, depth + 1)


# -- lines and roles ------------------------------------------------------------------


def body_size(glyphs: Iterable[Glyph]) -> float:
    """The size most characters are printed in."""
    counts = Counter(round(g.size * 2) / 2 for g in glyphs if g.ch.strip())
    return counts.most_common(1)[0][0] if counts else 10.0


def lines_in_order(leaves: list[list[Chunk | Box]]) -> list[TextLine]:
    out: list[TextLine] = []
    for region, leaf in enumerate(leaves):
        chunks_ = [c for c in leaf if isinstance(c, Chunk)]
        if any(c.vertical for c in chunks_):
            for c in sorted(chunks_, key=lambda c: -c.x0):
                out.append(TextLine([c], region))
            continue
        chunks_.sort(key=lambda c: (c.bottom, c.x0))
        row: list[Chunk] = []
        for c in chunks_:
            if row and abs(c.bottom - row[-1].bottom) > 0.4 * c.size:
                out.append(TextLine(sorted(row, key=lambda c: c.x0), region))
                row = []
            row.append(c)
        if row:
            out.append(TextLine(sorted(row, key=lambda c: c.x0), region))
    return out


@dataclass(frozen=True)
class Para:
    role: str
    text: str


def _near_picture(line: TextLine, pictures: Sequence[Box], body: float) -> bool:
    for p in pictures:
        overlap = min(line.x1, p.x1) - max(line.x0, p.x0)
        if overlap <= 0:
            continue
        if -body <= line.top - p.bottom <= 1.5 * body or -body <= p.top - line.bottom <= 1.5 * body:
            return True
    return False


def _caption_goes_on(line: TextLine, nxt: TextLine, body: float) -> bool:
    return (
        nxt.region == line.region
        and _small(nxt, body)
        and abs(nxt.size - line.size) < 0.1 * line.size
        and 0 <= nxt.top - line.bottom <= 0.8 * line.size
    )


def _masthead_line(rules: Sequence[Rule], page: Box, first: float | None = None) -> float | None:
    """The rule under the masthead: a rule across most of the page in its top fifth,
    with no more than a masthead's depth of text above it (``first``: where the
    page's text starts)."""
    tops = [
        r.box.top
        for r in rules
        if r.horizontal and r.box.width >= ACROSS * page.width and r.box.top <= page.top + 0.2 * page.height
    ]
    start = page.top if first is None else first
    tops = [t for t in tops if t - start <= MASTHEAD * page.height]
    return min(tops) if tops else None


@dataclass(frozen=True)
class Reading:
    """What the content stream tells about the regions (see :mod:`briefing.read.flow`):
    the regions that are tables, those that go on from the region before (the next
    column of the same text), and the runs in heading type inside a story (subheads)."""

    tables: frozenset[int] = frozenset()
    continued: frozenset[int] = frozenset()
    subheads: frozenset[int] = frozenset()  # ids of the chunks


def roles(
    lines: list[TextLine],
    body: float,
    pictures: Sequence[Box],
    rules: Sequence[Rule],
    page: Box,
    before: str = "",
    header: float | None = None,
    reading: Reading | None = None,
) -> list[Para]:
    """The page's paragraphs in reading order, each with its role; ``before`` is the
    role of the last paragraph of the page before (text may go on from it),
    ``header`` the headline size (see :func:`headline_size`); ``reading``, where
    the regions come from the content stream, what it tells of them."""
    header = header if header is not None else HEADER * body
    mast = _masthead_line(rules, page, min((ln.top for ln in lines), default=None))
    if mast is None:  # no rule sets the page's header off: it is what stands in its top band
        mast = page.top + TOP_BAND * page.height
    furniture = reading.tables if reading is not None else frozenset()
    out: list[Para] = []
    last = before  # the role of the last paragraph in the flow (a page's header is not)
    i = 0
    captions = {k for k, ln in enumerate(lines) if _small(ln, body) and _near_picture(ln, pictures, body)}
    edges = _edges(lines, body)
    lefts = column_lefts(lines, body)
    per_region = Counter(ln.region for ln in lines)
    while i < len(lines):
        ln = lines[i]
        if ln.bottom <= mast + 1 or ln.region in furniture:
            out.append(Para(FURNITURE, ln.text))
            i += 1
            continue
        if i in captions:
            j = i  # the caption goes on in the small lines right under it
            while j + 1 < len(lines) and _caption_goes_on(lines[j], lines[j + 1], body):
                j += 1
            out.append(Para(CAPTION, "".join(x.text for x in lines[i : j + 1])))
            last = CAPTION
            i = j + 1
            continue
        sub = _subhead_lines(lines, i, reading)
        if sub:
            out.append(Para(SUBHEAD, _join_lines(lines[i : i + sub])))
            last = SUBHEAD
            i += sub
            continue
        larger = not ln.vertical and not _set_as_text(lines, i)
        group = _header_group(lines, i, body, header) if larger else 0
        if group:
            out.extend(_header(lines[i : i + group]))
            last = out[-1].role
            i += group
            continue
        if ln.size >= SUBHEAD_SIZE * body and larger:
            j = i  # a subhead set on two lines: the first one runs to the column's edge
            while j + 1 < len(lines) and _same_subhead(lines[j], lines[j + 1], edges):
                j += 1
            out.append(Para(SUBHEAD, _join_lines(lines[i : j + 1])))
            last = SUBHEAD
            i = j + 1
            continue
        j = _paragraph_end(lines, i, body, edges)
        after_text = last in (BODY, CONT, RESUME, CAPTION)
        left = _left_edge(ln, edges[ln.region], per_region[ln.region], lefts)
        new_column = after_text and _goes_on(lines, i, reading, out)
        para = _paragraph(lines[i : j + 1], new_column, left)
        if para.role == BODY and after_text and reading is None and _jumped(lines, i, rules, body, page):
            para = Para(RESUME, para.text)
        out.append(para)
        last = para.role
        i = j + 1
    return out


def _subhead_lines(lines: list[TextLine], i: int, reading: Reading | None) -> int:
    """How many lines from ``i`` are a subhead the stream found inside a story: it
    goes on to the next line of its size where it ends in no stop (a subhead of two
    lines), and one that ends in a colon or a stop is one of its own (市某局局长某某：)."""
    j = i
    while reading is not None and j < len(lines) and all(id(c) in reading.subheads for c in lines[j].chunks):
        j += 1
        if lines[j - 1].text[-1:] in ENDS + "：:" or (
            j < len(lines) and abs(lines[j].size - lines[j - 1].size) > 0.05 * lines[j - 1].size
        ):
            break
    return j - i


def _goes_on(lines: list[TextLine], i: int, reading: Reading | None, out: list[Para]) -> bool:
    """Line ``i`` opens a column piece that may go on with the text before it: the
    page's first text (after its header), or, where the stream tells, a region that
    is the next column of the same text; by geometry alone, any new region."""
    if reading is None:
        return i == 0 or lines[i - 1].region != lines[i].region
    if not any(p.role != FURNITURE for p in out):
        return True  # on from the page before
    return i > 0 and lines[i].region in reading.continued and lines[i - 1].region != lines[i].region


def headline_size(sizes: Iterable[float], body: float) -> float:
    """The smallest size a headline is set in on this page: a quarter larger than the
    body where the page has such type; else, where the largest type on the page is
    at least a tenth larger than the body, that size (a page of modest headlines);
    else none (infinity)."""
    larger = [s for s in sizes if s >= SUBHEAD_SIZE * body]
    if not larger or max(larger) >= HEADER * body:
        return HEADER * body
    top = max(larger)
    return top - 0.25 if top >= MODEST_HEADER * body else math.inf


def _group_floor(header: float, body: float) -> float:
    """The smallest size of a line in a headline group: the headline size; on a page
    of modest headlines anything larger than the body."""
    return min(header, SUBHEAD_SIZE * body) if header < HEADER * body else header


def _header_group(lines: list[TextLine], i: int, body: float, header: float) -> int:
    """How many lines from ``i`` form a headline group, 0 if none: consecutive lines
    in headline size; on a page of modest headlines (``header`` below a quarter
    larger than the body) also the lines larger than the body set with them (the
    kicker and subtitle are then no larger than subheads): right above or below a
    headline line, centred on it or aligned with it."""
    floor = _group_floor(header, body)
    j = i
    while j < len(lines) and lines[j].size >= floor and not lines[j].vertical:
        if j > i and _set_as_text(lines, j):
            break  # text set in a larger size than the page's smallest under its headline
        j += 1
    heads = [k for k in range(i, j) if lines[k].size >= header]
    if not heads:
        return 0
    start, end = heads[0], heads[-1]
    while start > i and _set_with(lines[start - 1], lines[start]):
        start -= 1
    while end + 1 < j and _set_with(lines[end + 1], lines[end]):
        end += 1
    return end + 1 - i if start == i else 0


def _set_with(line: TextLine, headline: TextLine) -> bool:
    """A line set with a headline: less than a line apart, centred on it or
    sharing its left edge."""
    gap = max(line.top - headline.bottom, headline.top - line.bottom)
    centred = abs((line.x0 + line.x1) - (headline.x0 + headline.x1)) / 2 <= 0.15 * (headline.x1 - headline.x0)
    aligned = abs(line.x0 - headline.x0) <= line.size
    return gap <= 1.5 * line.size and (centred or aligned)


def _set_as_text(lines: list[TextLine], i: int) -> bool:
    """More than a few lines in a row of one size in one region, or several that
    hold a full stop, are text set in that size (a lead in larger type, a
    commentary), not headings."""
    first = lines[i]
    j = i
    while (
        j + 1 < len(lines)
        and lines[j + 1].region == first.region
        and abs(lines[j + 1].size - first.size) <= 0.05 * first.size
    ):
        j += 1
    count = j - i + 1
    return count > MAX_HEADING_LINES or (count > 1 and any("。" in ln.text for ln in lines[i : j + 1]))


def _header(group: list[TextLine]) -> list[Para]:
    """Kicker, headline and subtitle of a header group by size: the largest lines
    are the headline, smaller ones above it the kicker, below it the subtitle."""
    biggest = max(ln.size for ln in group)
    first = next(k for k, ln in enumerate(group) if ln.size >= biggest - 0.5)
    last = max(k for k, ln in enumerate(group) if ln.size >= biggest - 0.5)
    out = [Para(KICKER, ln.text) for ln in group[:first]]
    out.append(Para(HEADLINE, _join_lines(group[first : last + 1])))
    out.extend(Para(SUBTITLE, ln.text) for ln in group[last + 1 :])
    return out


def _jumped(lines: list[TextLine], i: int, rules: Sequence[Rule], body: float, page: Box) -> bool:
    """Text that opens a column piece right under a rule that does not cross the
    page, after another story's text and with no headline of its own: the story
    printed before that one goes on here (a story set around another, continued
    below it).  Under a rule across the page a new item starts."""
    line = lines[i]
    if i == 0 or lines[i - 1].region == line.region:
        return False
    for rule in rules:
        r = rule.box
        if (
            rule.horizontal
            and r.width < ACROSS * page.width
            and 0 <= line.top - r.bottom <= 1.5 * body
            and r.x0 <= line.x0 + body
            and r.x1 >= line.x1 - body
        ):
            return True
    return False


def _same_subhead(line: TextLine, nxt: TextLine, edges: dict[int, tuple[float, float]]) -> bool:
    return (
        nxt.region == line.region
        and abs(nxt.size - line.size) < 0.05 * line.size
        and line.x1 >= edges[line.region][1] - 1.2 * line.size
        and line.text[-1:] not in ENDS
    )


def _join_lines(lines: Sequence[TextLine]) -> str:
    out = ""
    for ln in lines:
        t = ln.text
        if out and out[-1].isascii() and out[-1].isalnum() and t[:1].isascii() and t[:1].isalnum():
            out += " "
        out += t
    return out


def _indented(ln: TextLine, left: float) -> bool:
    return ln.text.startswith("\u3000") or ln.x0 - left >= 1.5 * ln.size


def column_lefts(lines: list[TextLine], body: float) -> list[float]:
    """Where the page's columns start: left edges (to a point) shared by several
    body lines."""
    counts = Counter(round(ln.x0) for ln in lines if abs(ln.size - body) <= 0.1 * body and not ln.vertical)
    near = {x: counts[x - 1] + counts[x] + counts[x + 1] for x in counts}
    return sorted(x for x, n in near.items() if n >= MIN_COLUMN_LINES)


def _left_edge(ln: TextLine, region: tuple[float, float], lines_in_region: int, lefts: list[float]) -> float:
    """The left edge of the column the line is in: its region's, unless the region is
    that one line (a closing line set flush right at the top of a column), then the
    nearest column start left of it within a column's width."""
    if lines_in_region > 1:
        return region[0]
    starts = [x for x in lefts if x <= ln.x0 + 1 and ln.x0 - x <= COLUMN_CHARS * ln.size]
    return max(starts) if starts else region[0]


def _small(ln: TextLine, body: float) -> bool:
    return ln.size <= SMALL * body


def _paragraph_end(lines: list[TextLine], i: int, body: float, edges: dict[int, tuple[float, float]]) -> int:
    """The last line of the paragraph that starts at line ``i``."""
    region = lines[i].region
    left, right = edges[region]
    j = i
    while j + 1 < len(lines):
        cur, nxt = lines[j], lines[j + 1]
        if nxt.region != region or abs(nxt.size - cur.size) > 0.05 * cur.size:
            break
        if nxt.vertical or cur.vertical or _indented(nxt, left) or cur.bold != nxt.bold:
            break
        if cur.x1 < right - 2 * cur.size and cur.text[-1:] in ENDS:
            break  # a short line that ends a sentence ends its paragraph
        if nxt.top - cur.bottom > 0.9 * body:
            break
        j += 1
    return j


def _paragraph(group: list[TextLine], new_column: bool, left: float) -> Para:
    """A body paragraph; one that opens a column flush left after text goes on with
    the paragraph before it (``cont``)."""
    first = group[0]
    text = _join_lines(group)
    if first.bold and len(group) == 1 and text[-1:] not in ENDS and len(text) <= 40:
        return Para(SUBHEAD, text)
    if new_column and not _indented(first, left) and not first.vertical:
        return Para(CONT, text)
    return Para(BODY, text)


def _edges(lines: list[TextLine], body: float) -> dict[int, tuple[float, float]]:
    """Each region's left and right edge, from its body lines where it has any."""
    edges: dict[int, tuple[float, float]] = {}
    texts = {ln.region for ln in lines if abs(ln.size - body) <= 0.1 * body}
    for ln in lines:
        if ln.region in texts and abs(ln.size - body) > 0.1 * body:
            continue  # a headline over the region's text is not its edge
        a, b = edges.get(ln.region, (ln.x0, ln.x1))
        edges[ln.region] = (min(a, ln.x0), max(b, ln.x1))
    return edges


def paragraphs(glyphs: list[Glyph], pictures: list[Box], rules: list[Rule], page: Box, before: str = "") -> list[Para]:
    """The whole layout analysis of one page (``before``: see :func:`roles`)."""
    kept, bold = dedupe(glyphs)
    if not kept:
        return []
    body = body_size(kept)
    runs = chunks(kept, bold, body)
    mast = _masthead_line(rules, page, min(c.top for c in runs) if runs else None)
    below_mast = (c.size for c in runs if len(c.glyphs) > 1 and (mast is None or c.top > mast))
    header = headline_size(below_mast, body)
    from . import flow  # the stream's order, where the page was written story by story

    reading: Reading | None = None
    leaves: list[list[Chunk | Box]]
    streamed = flow.regions(runs, pictures, rules, header, _group_floor(header, body)) if flow.coherent(runs) else None
    if streamed is not None:
        pieces, reading = streamed
        leaves = [list(p) for p in pieces]
    else:
        leaves = Orderer(body, rules, header).order([*runs, *pictures])
    return roles(lines_in_order(leaves), body, pictures, rules, page, before, header, reading)
