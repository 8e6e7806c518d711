"""Reading order from the content stream, where the page was written story by story.

Newspaper typesetters (Founder's, InDesign's), word processors and browsers write a
story's text into the PDF in the order it is read: down a column, up to the top of
the next one, on to the end of the story.  What they do not keep in that order is
the page as a whole: headlines, decks and tables are often written before or after
all the bodies.  So the stream is trusted for what it is good at and geometry for
the rest:

* a page's stream is *coherent* when nearly every run of glyphs on a baseline was
  written in one go and its text comes in flows of several lines; otherwise (glyphs
  sorted by position, text written line by line across the page) the geometric
  reader of :mod:`briefing.read.layout` is used;
* a *flow* is a stretch of the stream where each run continues the one before it:
  further along its line, on the next line of its column (past a picture in it),
  or at the top of the next column to the right.  A flow's column pieces become the
  regions the line and paragraph rules work on;
* a flow that opens with headline-size type is a story's head; a flow the stream
  writes right after another that stopped mid-sentence goes on with it (a story
  continued elsewhere on the page); every other flow belongs to the nearest head
  above it that overlaps it and that no rule separates from it, or stands alone;
* stories are read from the top of the page down (by where each starts); in a story, the head,
  then what stands above its main text (a deck), then its flows as the stream has them,
  then those in smaller type (captions);
* a flow of many short pieces side by side (a weather table, a price list) is a
  table, which is page furniture, not text to read.

Everything here is pure; glyphs carry their place in the stream (``Glyph.seq``).
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cmp_to_key

from .layout import Box, Chunk, Reading, Rule

# At least this share of the glyphs in runs written in one go: the stream is coherent.
COHERENT = 0.9
# Gaps, as shares of the type size: along a line at most LINE_GAP between runs, down a
# column at most DOWN_GAP between lines, to the next column at most COLUMN_GAP across.
LINE_GAP, DOWN_GAP, COLUMN_GAP = 1.2, 3.0, 4.0
# A table: at least this many runs, most of them this short, sharing lines.
TABLE_RUNS, TABLE_RUN_CHARS, TABLE_SHARE = 8, 5, 0.6
# A size with this share of the page's glyphs, and this many, is a size text is set in.
TEXT_SHARE, TEXT_GLYPHS = 0.1, 150
SCATTERED = 0.3  # this share of the text in flows of one line: the stream is not in reading order
SENTENCE_ENDS = "。！？…”’」』）)；：!?.:"  # a line ending in one of these may end its text
ACROSS_SHARE = 0.8  # a rule this share of the text area wide runs across it
MAX_HEAD_CHARS = 60  # a headline is no longer than this
HEAD_SHARE = 0.8  # a head's headline lines: at least this share of its largest size
SUBHEAD_SHARE = 0.75  # heading type in a story below this share of its headline's size: a subhead
# Table cells: runs of at most CELL_CHARS characters, within CELL_REACH type sizes of
# one another, at least TABLE_CELLS of them.
CELL_CHARS, CELL_REACH, TABLE_CELLS = 8, 1.5, 12


def seq(chunk: Chunk) -> int:
    return min(g.seq for g in chunk.glyphs)


def coherent(runs: Sequence[Chunk]) -> bool:
    """Nearly every run was written in one go (its glyphs are next to one another in
    the stream), and the stream's order is known at all."""
    total = sum(len(c.glyphs) for c in runs)
    if not total or any(g.seq < 0 for c in runs for g in c.glyphs):
        return False
    whole = 0
    for c in runs:
        seqs = [g.seq for g in c.glyphs]
        if max(seqs) - min(seqs) + 1 <= 1.2 * len(seqs) + 2:
            whole += len(seqs)
    return whole >= COHERENT * total


@dataclass
class Flow:
    pieces: list[list[Chunk]]  # column pieces, in the stream's order

    @property
    def chunks(self) -> list[Chunk]:
        return [c for p in self.pieces for c in p]

    @property
    def box(self) -> Box:
        cs = self.chunks
        return Box(min(c.x0 for c in cs), min(c.top for c in cs), max(c.x1 for c in cs), max(c.bottom for c in cs))

    @property
    def first(self) -> int:
        return min(seq(c) for c in self.chunks)

    @property
    def glyphs(self) -> int:
        return sum(len(c.glyphs) for c in self.chunks)


def _between(pictures: Sequence[Box], above: float, below: float, x0: float, x1: float) -> bool:
    return any(p.top >= above - 2 and p.bottom <= below + 2 and p.x0 < x1 and p.x1 > x0 for p in pictures)


@dataclass(frozen=True)
class Sizes:
    """The page's type: headline size, the smallest size in a headline group, and the
    sizes text is set in (a size most of a page's text has is no heading, however
    large against the page's smallest text)."""

    header: float
    floor: float
    text: frozenset[float]

    def heading(self, chunk: Chunk) -> bool:
        return chunk.size >= self.floor and round(chunk.size, 1) not in self.text

    def headline(self, chunk: Chunk) -> bool:
        return chunk.size >= self.header and round(chunk.size, 1) not in self.text


def sizes(runs: Sequence[Chunk], header: float, floor: float) -> Sizes:
    """The page's :class:`Sizes`: a size is a text size where it has at least
    TEXT_SHARE of the glyphs and TEXT_GLYPHS of them."""
    counts: Counter[float] = Counter()
    for c in runs:
        counts[round(c.size, 1)] += len(c.glyphs)
    total = sum(counts.values())
    text = frozenset(s for s, n in counts.items() if n >= max(TEXT_GLYPHS, TEXT_SHARE * total))
    return Sizes(header, floor, text)


def _step(last: Chunk, nxt: Chunk, column: Box, pictures: Sequence[Box], type_: Sizes) -> str:
    """How ``nxt`` follows ``last`` (in a column piece spanning ``column``): along
    the line, down the column, to the next column, or not at all ('').  Lines of
    heading size go down to the next line wherever they overlap
    it (a centred kicker over a wider headline), and never on to another column."""
    size = max(last.size, nxt.size)
    if last.vertical and nxt.vertical:  # on to the next column of vertical text, to the left
        left = -0.3 * size <= last.x0 - nxt.x1 <= 2 * size and abs(nxt.top - column.top) <= 2 * size
        return "column" if left else ""
    if last.vertical or nxt.vertical:
        return ""
    if abs(nxt.bottom - last.bottom) <= 0.3 * size and -0.3 * size <= nxt.x0 - last.x1 <= LINE_GAP * size:
        return "line"
    heading = type_.heading(last)
    if heading and not type_.heading(nxt) and 0 <= nxt.top - last.bottom + 0.3 * size <= 2 * nxt.size:
        return "down"  # the text under a head (a byline at the column's edge under a centred headline)
    overlaps = nxt.x0 < column.x1 and (nxt.x1 > column.x0 if heading else nxt.x0 >= column.x0 - 3 * size)
    if nxt.top >= last.bottom - 0.3 * size and overlaps:
        if nxt.top - column.bottom <= DOWN_GAP * size:
            return "down"
        if _between(pictures, column.bottom, nxt.top, column.x0, column.x1):
            return "down"
    if heading:
        return ""
    if nxt.bottom < last.top and nxt.x0 >= column.x1 - 0.5 * size and nxt.x0 - column.x1 <= COLUMN_GAP * size:
        return "column"
    return ""


def _rule_between(rules: Sequence[Rule], last: Chunk, nxt: Chunk) -> bool:
    """A horizontal rule between two lines of a column, across the lower one (rules
    across the whole text area set off a page's parts, which the heads sort out)."""
    for rule in rules:
        r = rule.box
        if rule.horizontal and last.bottom - 1 <= r.top and r.bottom <= nxt.top + 1 and r.x0 < nxt.x1 and nxt.x0 < r.x1:
            return True
    return False


def _column_rules(rules: Sequence[Rule], runs: Sequence[Chunk]) -> list[Rule]:
    """The horizontal rules shorter than the text area is wide that stand alone (not
    the edges of a frame or the lines of a table)."""
    if not runs:
        return []
    width = max(c.x1 for c in runs) - min(c.x0 for c in runs)
    short = [r for r in rules if r.horizontal and r.box.width < ACROSS_SHARE * width]
    return [r for r in short if not any(o is not r and _same_reach(o.box, r.box) for o in short)]


def _same_reach(a: Box, b: Box) -> bool:
    """Two rules of one reach: the top and bottom of a frame, or a table's lines."""
    return abs(a.x0 - b.x0) <= 2 and abs(a.x1 - b.x1) <= 2


def flows(runs: Sequence[Chunk], pictures: Sequence[Box], type_: Sizes, rules: Sequence[Rule] = ()) -> list[Flow]:
    """The stream cut into flows, see the module docstring; a rule between two lines
    ends a flow (a story ends there, or goes on elsewhere)."""
    order = sorted(runs, key=seq)
    out: list[Flow] = []
    piece: list[Chunk] = []
    column = Box(0, 0, 0, 0)
    for c in order:
        step = _step(piece[-1], c, column, pictures, type_) if piece else ""
        if step == "down" and _rule_between(rules, piece[-1], c):
            step = ""
        if step in ("line", "down"):
            if step == "down" and type_.heading(piece[-1]) and not type_.heading(c):
                column = Box(c.x0, c.top, c.x1, c.bottom)  # the text under a head: its column starts here
            else:
                column = Box(min(column.x0, c.x0), column.top, max(column.x1, c.x1), max(column.bottom, c.bottom))
            piece.append(c)
            continue
        if step == "column":
            out[-1].pieces.append([c])
        else:
            out.append(Flow([[c]]))
        piece = out[-1].pieces[-1]
        column = Box(c.x0, c.top, c.x1, c.bottom)
    return out


def _head(flow: Flow, type_: Sizes) -> Box | None:
    """The box of the headline group a flow opens with, None if it opens with text."""
    lead: list[Chunk] = []
    for c in flow.chunks:
        if not type_.heading(c) or c.vertical:
            break
        lead.append(c)
    if sum(len(c.glyphs) for c in lead if type_.headline(c)) < 2:
        return None
    top = max(c.size for c in lead)
    lead = [c for c in lead if c.size >= HEAD_SHARE * top]  # not the subtitle under it
    return Box(min(c.x0 for c in lead), min(c.top for c in lead), max(c.x1 for c in lead), max(c.bottom for c in lead))


def _subheads(found: list[Flow], heads: dict[int, Box]) -> dict[int, int]:
    """Heads in well smaller type set right under a larger head, with no text between
    them (a story's first subhead under its headline and deck): the
    head each one belongs to."""
    out: dict[int, int] = {}
    boxes = [f.box for f in found]
    for h, hb in heads.items():
        size = max(c.size for c in found[h].chunks)
        above = [
            k
            for k, kb in heads.items()
            if k != h and kb.bottom <= hb.top + 2 and kb.x0 < hb.x1 and kb.x1 > hb.x0 and kb.height > hb.height
        ]
        if not above:
            continue
        k = max(above, key=lambda k: heads[k].bottom)
        ceiling = boxes[k].bottom
        larger = max(c.size for c in found[k].chunks) * SUBHEAD_SHARE > size
        if not larger or not 0 <= hb.top - ceiling + 2 <= 3 * size:
            continue
        between = any(
            i not in (h, k) and b.top >= ceiling - 2 and b.bottom <= hb.top + 2 and b.x0 < hb.x1 and b.x1 > hb.x0
            for i, b in enumerate(boxes)
        )
        if not between:
            out[h] = k
    return out


def table(flow: Flow) -> bool:
    """Many short pieces, most of them beside another on their line: cells."""
    cs = flow.chunks
    if len(cs) < TABLE_RUNS or statistics.median(len(c.glyphs) for c in cs) > TABLE_RUN_CHARS:
        return False
    beside = sum(1 for c in cs if any(d is not c and abs(d.bottom - c.bottom) <= 0.3 * c.size for d in cs))
    return beside >= TABLE_SHARE * len(cs)


def _ruled_off(rules: Sequence[Rule], pictures: Sequence[Box], head: Box, box: Box) -> bool:
    """A horizontal rule across most of ``box`` between a head and it (not the edge
    of a picture)."""
    for rule in rules:
        r = rule.box
        if not rule.horizontal or r.top < head.bottom - 1 or r.bottom > box.top + 1:
            continue
        if any(
            abs(r.top - p.top) <= 2 or abs(r.bottom - p.bottom) <= 2
            for p in pictures
            if p.x0 - 2 <= r.x0 and r.x1 <= p.x1 + 2
        ):
            continue
        if min(r.x1, box.x1) - max(r.x0, box.x0) >= 0.5 * box.width:
            return True
    return False


def _kickers(found: list[Flow], heads: dict[int, Box], members: dict[int, list[int]]) -> dict[int, int]:
    """Heads with nothing of their own set right above another head (a section's or
    a column's label over a headline): the head each one goes with."""
    out: dict[int, int] = {}
    for k, kb in heads.items():
        if len(members[k]) > 1 or len(found[k].chunks) > 3:
            continue
        size = max(c.size for c in found[k].chunks)
        below = [
            h
            for h, hb in heads.items()
            if h != k and 0 <= hb.top - kb.bottom + 2 <= 2 * size and hb.x0 < kb.x1 and hb.x1 > kb.x0
        ]
        if below:
            out[k] = min(below, key=lambda h: heads[h].top)
    return out


def _within(found: list[Flow], heads: dict[int, Box], members: dict[int, list[int]], owner: dict[int, int]) -> None:
    """Flows no head stands over that lie inside a story's extent (a caption beside
    its headline, under a picture in the story's columns) join that story."""
    extents = {h: _extent(found, members[h]) for h in heads}
    for i, flow in enumerate(found):
        if i in owner or i in heads:
            continue
        box = flow.box
        inside = [
            h
            for h, e in extents.items()
            if e.x0 - 2 <= box.x0 and box.x1 <= e.x1 + 2 and e.top - 2 <= box.top and box.bottom <= e.bottom + 2
        ]
        if inside:
            h = min(inside, key=lambda h: extents[h].width * extents[h].height)
            owner[i] = h
            members[h].append(i)


def _extent(found: list[Flow], group: Sequence[int]) -> Box:
    boxes = [found[i].box for i in group]
    return Box(
        min(b.x0 for b in boxes), min(b.top for b in boxes), max(b.x1 for b in boxes), max(b.bottom for b in boxes)
    )


def _before(a: Box, b: Box) -> int:
    """Reading order of two stories: side by side (their extents share a band), the
    left one first; else the upper one."""
    if a.top < b.bottom and b.top < a.bottom:
        return -1 if a.x0 < b.x0 else (1 if a.x0 > b.x0 else 0)
    return -1 if a.top < b.top else (1 if a.top > b.top else 0)


def _labels(kickers: dict[int, int], head: int) -> list[int]:
    """The labels over a head, the topmost first (a label may stand over a label)."""
    out: list[int] = []
    frontier = [head]
    while frontier:
        above = sorted(k for k, h in kickers.items() if h in frontier)
        out = above + out
        frontier = above
    return out


def stories(
    found: list[Flow], type_: Sizes, rules: Sequence[Rule], pictures: Sequence[Box], jumps: dict[int, int]
) -> list[list[Flow]]:
    """The flows grouped into stories and put in reading order; ``jumps``: the flows
    that go on from another (see :func:`_jumps`)."""
    heads = {i: box for i, f in enumerate(found) if (box := _head(f, type_)) is not None}
    heads.update(_stream_heads(found, heads))
    members: dict[int, list[int]] = {i: [i] for i in range(len(found))}
    owner = _subheads(found, heads)
    for sub, over in owner.items():
        members[over].append(sub)
    heads = {i: box for i, box in heads.items() if i not in owner}
    owner.update((nxt, nxt) for nxt in jumps)  # placed below, with the flow they go on from
    _under_heads(found, heads, rules, pictures, members, owner)
    for nxt, prev in sorted(jumps.items()):
        del owner[nxt]
        root = owner.get(prev, prev)
        owner[nxt] = root
        members[root].append(nxt)
    _within(found, heads, members, owner)
    kickers = _kickers(found, heads, members)
    groups = [members[i] for i in range(len(found)) if i not in owner and i not in kickers]
    groups.sort(key=cmp_to_key(lambda a, b: _before(_extent(found, a), _extent(found, b))))  # type: ignore[arg-type]
    out: list[list[Flow]] = []
    for group in groups:
        head = [found[k] for k in [*_labels(kickers, group[0]), group[0]]] if group[0] in heads else []
        out.append(head + _in_order([found[i] for i in group if found[i] not in head]))
    return out


def _stream_heads(found: list[Flow], heads: dict[int, Box]) -> dict[int, Box]:
    """Short lines set in a size the page's text also has, that the stream writes
    right before the text standing under them: headlines as large as some story's
    text (a lead set in larger type)."""
    order = sorted(range(len(found)), key=lambda i: found[i].first)
    out: dict[int, Box] = {}
    for prev, nxt in itertools.pairwise(order):
        if prev in heads or nxt in heads:
            continue
        a, b = found[prev], found[nxt]
        box, below = a.box, b.box
        size = max(c.size for c in a.chunks)
        text = "".join(g.ch for c in a.chunks for g in c.glyphs).rstrip()
        short = len(a.pieces) == 1 and box.height <= 2.5 * size and len(text) <= MAX_HEAD_CHARS
        under = 0 <= below.top - box.bottom + 2 <= 3 * size and below.x0 < box.x1 and box.x0 < below.x1
        larger = size > statistics.median(c.size for c in b.chunks) or box.x0 > below.x0 + 2 * size  # or centred
        if short and under and larger and text[-1:] not in SENTENCE_ENDS and b.glyphs > 2 * len(text):
            out[prev] = box
    return out


def _line_end(piece: list[Chunk]) -> Chunk:
    return max(piece, key=lambda c: (c.bottom, c.x1))


def _jumps(found: list[Flow], type_: Sizes) -> dict[int, int]:
    """Flows that go on from a flow the stream wrote before them that stopped
    mid-sentence (its last line runs to its column's edge and ends no sentence): a
    flow whose first line is flush with its column (no paragraph starts there) and
    ends no heading goes on from the latest such flow before it (a story continued
    elsewhere on the page)."""
    order = sorted(range(len(found)), key=lambda i: found[i].first)
    out: dict[int, int] = {}
    open_: list[int] = []  # flows that stopped mid-sentence, not yet taken up
    for i in order:
        start = found[i].pieces[0]
        first = min(start, key=lambda c: (c.top, c.x0))
        flush = first.x0 <= min(c.x0 for c in start) + 0.5 * first.size and len(start) > 1
        if open_ and flush and not type_.heading(first) and not first.vertical:
            out[i] = open_.pop()
        piece = [c for c in found[i].pieces[-1] if not type_.heading(c)]  # its text, not its head
        if len(piece) < 2:
            continue
        end = _line_end(piece)
        text = "".join(g.ch for g in end.glyphs).rstrip()
        runs_on = end.x1 >= max(c.x1 for c in piece) - 1.5 * end.size and text[-1:] not in SENTENCE_ENDS
        if runs_on and not end.vertical:
            open_.append(i)
    return out


def _under_heads(
    found: list[Flow],
    heads: dict[int, Box],
    rules: Sequence[Rule],
    pictures: Sequence[Box],
    members: dict[int, list[int]],
    owner: dict[int, int],
) -> None:
    """Each flow that is no head goes with the nearest head above it that overlaps it
    and that no rule separates from it."""
    for i, flow in enumerate(found):
        if i in heads or i in owner:
            continue
        box = flow.box
        best: int | None = None
        for k, hb in heads.items():
            if hb.bottom > box.top + 2 or hb.x0 >= box.x1 or hb.x1 <= box.x0 or _ruled_off(rules, pictures, hb, box):
                continue
            if best is None or hb.bottom > heads[best].bottom:
                best = k
        if best is not None:
            owner[i] = best
            members[best].append(i)


def _in_order(rest: list[Flow]) -> list[Flow]:
    """A story's flows after its head: what stands above its main text, then its flows
    in the stream's order, then those in smaller type (captions)."""
    if not rest:
        return rest
    main = max(rest, key=lambda f: f.glyphs)
    top = main.box.top
    above = sorted((f for f in rest if f.box.bottom <= top + 1 and f is not main), key=lambda f: f.box.top)
    size = statistics.median(c.size for c in main.chunks)
    minor = [f for f in rest if f not in above and statistics.median(c.size for c in f.chunks) < 0.95 * size]
    return above + sorted((f for f in rest if f not in above and f not in minor), key=lambda f: f.first) + minor


def regions(
    runs: Sequence[Chunk], pictures: Sequence[Box], rules: Sequence[Rule], header: float, floor: float
) -> tuple[list[list[Chunk]], Reading] | None:
    """The page's column pieces in reading order, and what the stream tells of them;
    None where the stream does not hold its text together (see :func:`_scattered`)."""
    out: list[list[Chunk]] = []
    tables: set[int] = set()
    continued: set[int] = set()
    subheads: set[int] = set()
    type_ = sizes(runs, header, floor)
    cells = table_cells(runs)
    found = flows(runs, pictures, type_, _column_rules(rules, runs))
    if _scattered(found, type_, cells):
        return None
    jumps = _jumps(found, type_)
    jumped = {id(found[i]) for i in jumps}
    for story in stories(found, type_, rules, pictures, jumps):
        subheads.update(_subhead_runs(story, type_))
        for flow in story:
            is_table = table(flow) or all(id(c) in cells for c in flow.chunks)
            for k, piece in enumerate(flow.pieces):
                if is_table:
                    tables.add(len(out))
                elif k or id(flow) in jumped:
                    continued.add(len(out))
                out.append(piece)
    return out, Reading(frozenset(tables), frozenset(continued), frozenset(subheads))


def _scattered(found: list[Flow], type_: Sizes, cells: set[int]) -> bool:
    """The stream visits the text line by line across the page (a writer that sorts
    by position): much of the text is in flows of a single line."""
    total = single = 0
    for f in found:
        cs = [c for c in f.chunks if not type_.heading(c) and id(c) not in cells]
        n = sum(len(c.glyphs) for c in cs)
        total += n
        if len(f.pieces) == 1 and cs and max(c.bottom for c in cs) - min(c.top for c in cs) < 1.5 * cs[0].size:
            single += n
    return total > 0 and single >= SCATTERED * total


def _subhead_runs(story: list[Flow], type_: Sizes) -> set[int]:
    """The runs in heading type inside a story, well smaller than its headline: subheads
    (a run as large as the headline opens an item of its own, as in a column of briefs)."""
    if not story:
        return set()
    lead = 0
    top = 0.0
    for c in story[0].chunks:
        if not type_.heading(c):
            break
        lead += 1
        top = max(top, c.size)
    if not top:
        return set()
    out: set[int] = set()
    for n, flow in enumerate(story):
        for k, c in enumerate(flow.chunks):
            if (n or k >= lead) and type_.heading(c) and c.size < SUBHEAD_SHARE * top:
                out.add(id(c))
    return out


def table_cells(runs: Sequence[Chunk]) -> set[int]:
    """The runs that are cells of a table: short runs (no sentence in them) that stand
    in a cluster of many such runs, side by side and one under another."""
    short = [c for c in runs if len(c.glyphs) <= CELL_CHARS and not any(g.ch in "。，；" for g in c.glyphs)]
    out: set[int] = set()
    seen: set[int] = set()
    for start in short:
        if id(start) in seen:
            continue
        cluster, todo = [start], [start]
        seen.add(id(start))
        while todo:
            c = todo.pop()
            reach, across = CELL_REACH * c.size, 2 * CELL_REACH * c.size
            for d in short:
                if id(d) in seen:
                    continue
                if (
                    d.x0 - across <= c.x1
                    and c.x0 - across <= d.x1
                    and d.top - reach <= c.bottom
                    and c.top - reach <= d.bottom
                ):
                    seen.add(id(d))
                    cluster.append(d)
                    todo.append(d)
        if len(cluster) >= TABLE_CELLS:
            box = Box(
                min(c.x0 for c in cluster),
                min(c.top for c in cluster),
                max(c.x1 for c in cluster),
                max(c.bottom for c in cluster),
            )
            inside = [
                c for c in runs if box.x0 <= c.x0 and c.x1 <= box.x1 and box.top <= c.top and c.bottom <= box.bottom
            ]
            if len(cluster) >= TABLE_SHARE * len(inside):
                out.update(id(c) for c in inside)
    return out
