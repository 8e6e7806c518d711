"""Split a cleaned page into its articles.

An article starts where a headline block (kicker, headline, subtitle) is followed
by a byline (``□本报记者 …``) or a dateline (``本报讯(记者 …)``), where a headline
is strong enough on its own (a Markdown ``#``/``##`` heading, a two-line headline,
a two-part headline with a space), and at the top of the page.  Weaker headings
inside an article are its subheads.  A byline printed with no headline above it
belongs to the article before it when that one has none (roundtables print the
host line after the lead), and otherwise starts an untitled article whose
headline may be printed later, where its text resumes.

Photo captions become their own ``photo_caption`` items, listed after the article
they are printed in.  Where the cleaner found that a paragraph continues one
printed earlier (interleaved columns), the text after it goes back to that
paragraph's article, and a headline printed just before the continuation
becomes that article's title when it has none.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath

from ..learn import Features, Model, bucket
from ..learn import model as shipped_model
from ..model import Article, ArticleKind, Block, Dropped, Page, Para
from .notices import is_notice
from .patterns import (
    GUESTS_LABEL_RE,
    HOST_LABEL_RE,
    NAME,
    NEWS_OPENING_RE,
    REPORT_OPENING_RE,
    TITLE_WORDS,
    cjk_count,
    news_opening,
)

# A paragraph that opens with the tail of a sentence (``方。从蓝图到落地…``): the
# start of an article whose beginning is not on the page.
_FRAGMENT_RE = re.compile(r"^[\u4e00-\u9fff]{1,3}[。！？]")


# A line that names a field and gives it: 制图：某某, 传真：（010）…, 责编：某某
_FIELD_RE = re.compile(r"^[\u4e00-\u9fff]{2,4}[：:]\S{1,30}$")


def _fragment(text: str) -> bool:
    """The paragraph opens with the tail of a sentence and goes on (a paragraph that
    is only a short sentence, 小花家。, is a caption or a remark, not a torn start)."""
    m = _FRAGMENT_RE.match(text)
    return m is not None and len(text) - m.end() >= MIN_AFTER_FRAGMENT


MIN_AFTER_FRAGMENT = 10
# A caption is short; a credit line after more text than this is not a caption's.
MAX_CAPTION = 300
MAX_CAPTION_PARAGRAPH = 150


# Why an item recognised as a notice is left out.
NOTICE = "a legal notice (公告送达, 遗失声明…): not an article"


@dataclass
class _Draft:
    title: list[Block] = field(default_factory=list)
    kicker: str | None = None
    kicker_text: str = ""  # the kicker in analysis form
    byline: str | None = None
    paras: list[Para] = field(default_factory=list)
    kind: ArticleKind = "news"
    interview: bool = False
    followers: list[_Draft] = field(default_factory=list)  # captions printed in it

    def body_chars(self) -> int:
        return sum(len(p.text) for p in self.paras if p.role == "body")

    def has_body(self) -> bool:
        return any(p.role == "body" for p in self.paras)


def _para(block: Block, role: str = "body") -> Para:
    return Para(block.text, block.orig, block.lines, role, block.seams)  # type: ignore[arg-type]


def _is_host(block: Block) -> bool:
    return block.kind == "label" and bool(HOST_LABEL_RE.match(block.text))


# A kicker that names the person the item is by (某大学校长王某代表) says who, not what.
_SPEAKER_KICKER_RE = re.compile(r"(?:代表|委员|议员)$")


def _topical(kicker: str) -> str:
    return "" if _SPEAKER_KICKER_RE.search(kicker) else kicker


def _title_text(blocks: list[Block]) -> str | None:
    if not blocks:
        return None
    out = blocks[0].orig
    for prev, blk in itertools.pairwise(blocks):
        if prev.text.endswith("："):
            joiner = ""
        elif blk.text.startswith("—"):
            joiner = " "  # a subtitle printed with its own dash: ——二〇二〇年…观察
        else:
            joiner = " —— "
        out += joiner + blk.orig
    return out


def _notice_text(d: _Draft) -> str:
    return "\n".join(filter(None, [_title_text(d.title) or "", *(p.orig for p in d.paras)]))


def _strong(group: list[Block], broken: bool = False) -> bool:
    """A headline group that starts an article without a byline after it.  Two
    headline lines or more do, but on a page ``broken`` into lines, where the layout
    is lost, not when they may head a section (the boundary model weighs those)."""
    heads = [b for b in group if b.kind == "heading"]
    if any(b.mark in (1, 2) or b.opens for b in heads):
        return True
    real = [b for b in heads if b.mark != 3 and not b.text.endswith("：")]
    if len(real) >= 2 and not (broken and _section_head(real)):
        return True
    return any(" " in b.text.strip() and cjk_count(b.text) >= 8 and b.mark != 3 for b in real)


# A line that names a person by the office held: 某部部长某某, 某市市长某某代表
_NAME_LINE_RE = re.compile(rf"^[\u4e00-\u9fff、·]{{0,30}}(?:{TITLE_WORDS})[ \u3000\u00a0]*{NAME}(?:代表|委员)?$")
_CLAUSE_BREAK_RE = re.compile(r"[\u4e00-\u9fff”》][，；][\u4e00-\u9fff“《]")


def _section_head(heads: list[Block]) -> bool:
    """Headline lines that may head a section as well as an article: a headline and
    its gloss, each with a clause break."""
    return all(_CLAUSE_BREAK_RE.search(b.text) for b in heads)


# How far the text around a headline is read to see whether the topic changes there.
WINDOW_CHARS = 400
WINDOW_PARAS = 3
_BIGRAM_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


def _bigrams(text: str) -> Counter[str]:
    chars = "".join(_BIGRAM_CHARS.findall(text))
    return Counter(chars[i : i + 2] for i in range(len(chars) - 1))


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    return dot / ((sum(v * v for v in a.values()) * sum(v * v for v in b.values())) ** 0.5)


def _share(head: str, text: str) -> float:
    """How much of a headline's wording recurs in a text."""
    grams = set(_bigrams(head))
    return len(grams & set(_bigrams(text))) / len(grams) if grams else 0.0


def page_profile(blocks: tuple[Block, ...]) -> dict[str, float]:
    """What the page as a whole says of its headlines: how many of its headline groups
    open an article by their own marks (two lines or more, ``#``, an item's place,
    a report's opening under them), and how many there are for its paragraphs."""
    groups: list[tuple[list[Block], Block]] = []
    group: list[Block] = []
    for b in blocks:
        if b.kind in ("heading", "kicker", "label"):
            group.append(b)
        elif b.kind == "body" and b.text:
            if any(g.kind == "heading" for g in group):
                groups.append((group, b))
            group = []
        elif b.kind == "byline":
            group = []
    paras = sum(1 for b in blocks if b.kind == "body" and b.text)
    if not groups:
        return {"page_groups<=0": 1.0}
    marked = sum(_strong(g) or REPORT_OPENING_RE.match(b.text) is not None for g, b in groups)
    share = marked / len(groups)
    # the same opening under several headlines (（可按這裏收看…）, (某台消息)): a page of items
    openings = Counter(b.text[:OPENING_CHARS] for _, b in groups)
    repeated = sum(n for n in openings.values() if n >= 2) / len(groups)
    return {
        bucket("page_marked", share, (0.0, 0.34, 0.67, 0.99)): 1.0,
        bucket("page_paras_per_group", paras / len(groups), (2, 4, 8)): 1.0,
        bucket("page_shared_openings", repeated, (0.0, 0.3, 0.6)): 1.0,
    }


OPENING_CHARS = 8  # the start of a paragraph compared with the others under headlines


def _page_of_reports(blocks: tuple[Block, ...]) -> bool:
    """Most of the page's headlines stand over a report's opening (a date, a source,
    a dateline): a page of news items, where each such headline opens one."""
    under: list[Block] = []
    group = False
    for b in blocks:
        if b.kind == "heading":
            group = True
        elif b.kind == "body" and b.text:
            if group:
                under.append(b)
            group = False
    opening = sum(news_opening(b.text) for b in under)
    return len(under) >= MIN_REPORTS and opening >= REPORTS_SHARE * len(under)


MIN_REPORTS = 4  # headlines over text: fewer tell nothing of the page
REPORTS_SHARE = 0.6


_PARALLEL_RE = re.compile(r"^[\u4e00-\u9fff“”]{2,7}[ \u3000\u00a0]+[\u4e00-\u9fff“”]{2,8}$")
# A headline closed by its column's name in brackets: 让新三板“活”起来（财经眼）
_COLUMN_RE = re.compile(r"[（(][^（）()]{2,20}[)）]$")


def boundary_features(
    group: list[Block],
    blocks: tuple[Block, ...],
    index: int,
    closed: bool,
    broken: bool,
    profile: dict[str, float] | None = None,
) -> dict[str, float]:
    """What tells whether the headline group ``group``, printed over the body block
    ``blocks[index]``, opens an article or heads a section of the one before: its
    make-up (lines, length, a two-part or speaker headline, the page's own marks), how
    the text under it opens (a report's opening, a quotation), whether the article
    before was signed off, and whether the topic changes there (the wording of the
    paragraphs before against those after, and the headline's own words after it)."""
    heads = [b for b in group if b.kind == "heading"]
    main = max(heads, key=lambda b: len(b.text)).text
    block = blocks[index]
    f: dict[str, float] = {
        "strong": float(_strong(group)),
        "item": float(any(b.opens for b in heads)),
        "subhead_mark": float(any(b.mark == 3 for b in heads)),
        "title_mark": float(any(b.mark in (1, 2) for b in heads)),
        bucket("heads", len(heads), (1, 2)): 1.0,
        "kicker": float(any(b.kind in ("kicker", "label") for b in group)),
        bucket("len", cjk_count(main), (6, 10, 16, 24, 40)): 1.0,
        "two_part": float(bool(re.search(r"[\u4e00-\u9fff”》][ \u3000]+[\u4e00-\u9fff“《]", main))),
        "colon": float("：" in main[:-1] or "｜" in main),
        "ends_colon": float(main.endswith("：")),
        "punctuated": float(any(ch in main for ch in "，、；")),
        "figure": float(any(ch.isdigit() for ch in main)),
        "opening": float(REPORT_OPENING_RE.match(block.text) is not None),
        "closed": float(closed),
        "quote_lead": float(block.text[:1] in "“‘"),
        "broken": float(broken),
        "column": float(any(_COLUMN_RE.search(b.text) is not None for b in heads)),
        # 专车包机 帮助员工返岗: a section's formula of parallel phrases, not a news headline
        "parallel": float(_PARALLEL_RE.match(main) is not None),
        "named": float(bool(re.search(r"[：:｜|]", main))),
        "dash": float(any(b.text.startswith("—") for b in heads)),
        # 某部部长某某 / 稳住…: a speaker's line over the speaker's headline
        "speaker_line": float(_NAME_LINE_RE.match(heads[0].text) is not None),
        "glossed": float(len(heads) >= 2 and _section_head(heads)),
        **(profile or {}),
    }
    previous = next((b for b in reversed(blocks[:index]) if b.kind == "body" and b.text), None)
    f["after_open"] = float(previous is not None and previous.ends_open)
    prev, nxt = _windows(blocks, index)
    since = _since(blocks, index)
    cos = _cosine(_bigrams(prev), _bigrams(nxt))
    f["cohesion"] = cos
    f[bucket("cos", cos, (0.05, 0.1, 0.2, 0.3))] = 1.0
    f["head_after"] = _share(main, nxt[:150])
    f["head_before"] = _share(main, prev)
    f[bucket("since", since, (0, 1, 3, 8))] = 1.0
    ahead = _ahead(blocks, index)
    f[bucket("ahead", ahead, (1, 2, 4, 8))] = 1.0
    # a short piece after a short piece: items of a list of briefs, not an article's sections
    f["short_both"] = float(since <= 2 and ahead <= 2)
    f["news_opening"] = float(NEWS_OPENING_RE.match(block.text) is not None)
    f["top"] = float(not prev)
    if broken:
        # a page broken into lines has lost its layout: the same marks weigh otherwise there
        for name in [k for k, v in f.items() if v == 1.0 and k != "broken"]:
            f[f"broken&{name}"] = 1.0
    return f


def _windows(blocks: tuple[Block, ...], index: int) -> tuple[str, str]:
    """The text of the paragraphs before a headline group and of those under it (up
    to the next headline), a few of each."""
    before: list[str] = []
    for b in reversed(blocks[:index]):
        if b.kind == "body" and b.text:
            before.append(b.text)
        if len(before) >= WINDOW_PARAS or sum(map(len, before)) >= WINDOW_CHARS:
            break
    after: list[str] = []
    for b in blocks[index:]:
        if b.kind == "body" and b.text:
            after.append(b.text)
        elif b.kind == "heading" and after:
            break
        if len(after) >= WINDOW_PARAS or sum(map(len, after)) >= WINDOW_CHARS:
            break
    return "".join(reversed(before))[-WINDOW_CHARS:], "".join(after)[:WINDOW_CHARS]


def _ahead(blocks: tuple[Block, ...], index: int) -> int:
    """The paragraphs under the headline group over ``blocks[index]``, to the next one."""
    ahead = 0
    for b in blocks[index:]:
        if b.kind in ("heading", "kicker", "label"):
            break
        ahead += b.kind == "body" and bool(b.text)
    return ahead


def _since(blocks: tuple[Block, ...], index: int) -> int:
    """The paragraphs since the headline group before the one over ``blocks[index]``."""
    since = 0
    inside = True
    for b in reversed(blocks[:index]):
        if b.kind in ("heading", "kicker", "label"):
            if not inside:
                break
            continue
        inside = False
        since += b.kind == "body" and bool(b.text)
    return since


class _Segmenter:
    def __init__(
        self, page: Page, boundary: Model | None = None, trace: Callable[[int, Features], None] | None = None
    ) -> None:
        self.page = page
        self.boundary = boundary
        self.trace = trace
        self.broken = page.broken
        self.profile = page_profile(page.blocks) if boundary is not None or trace is not None else {}
        self.reports = page.broken and _page_of_reports(page.blocks)
        self.drafts: list[_Draft] = []
        self.current: _Draft | None = None
        self.group: list[Block] = []
        self.guests: list[Block] = []
        self.owner: dict[int, _Draft] = {}
        self.dropped: list[Dropped] = []
        self.at_top = True
        self.closed = False  # the current article ended with a signature: a headline now opens another

    # -- helpers ---------------------------------------------------------------
    def drop(self, block: Block, reason: str) -> None:
        self.dropped.append(Dropped(block.lines[0] if block.lines else 0, block.orig, reason))

    def close_with(self, group: list[Block], keep: int) -> list[Block]:
        """Weak (``###``, layout subhead) headings at the front of ``group``, but the
        last ``keep``, close the current article (a source line, a credit set apart);
        the rest of the group is returned."""
        while self.current is not None and len(group) > keep and group[0].mark == 3:
            self.current.paras.append(_para(group[0], "heading"))
            group = group[1:]
        return group

    def open_article(self, group: list[Block], byline: str | None = None) -> _Draft:
        group = self.close_with(group, keep=1)  # printed right before another article's headline
        kickers: list[Block] = []
        heads: list[Block] = []
        leads: list[Block] = []  # a label under the headline that opens the text: 核心阅读, 导读
        for blk in group:
            if blk.kind == "heading":
                heads.append(blk)
            elif not heads and blk.kind in ("kicker", "label"):
                kickers.append(blk)
            elif heads and blk.kind == "label" and self.at_top and len(heads) == 1 and blk is not group[-1]:
                # 聚焦市两会 奋力谱新篇 / 两会关注 / headline: a page banner, then a kicker
                self.drop(heads[0], "page banner")
                heads = []
                kickers.append(blk)
            elif heads and blk.kind == "label" and blk is group[-1]:
                leads.append(blk)
            else:
                self.drop(blk, "label")
        plain_first = len(heads) >= 2 and not kickers and not heads[0].text.endswith("：") and heads[0].mark == 0
        if plain_first and self.at_top and len(heads[0].text) < len(heads[1].text):
            self.drop(heads[0], "page banner")
            heads = heads[1:]
        elif plain_first and cjk_count(heads[0].text) <= 8 < cjk_count(heads[1].text):
            kickers.append(heads[0])  # 数字重庆 加油干 / headline: a column name
            heads = heads[1:]
        for extra in kickers[:-1]:
            self.drop(extra, "page banner")
        subheads = [b for b in heads if b.mark == 3] if any(b.mark != 3 for b in heads) else []
        heads = [b for b in heads if b not in subheads]
        named = next((i for i, b in enumerate(heads) if i and _NAME_LINE_RE.match(b.text)), None)
        if named is not None and not _NAME_LINE_RE.match(heads[0].text):
            # 书写…答卷 / 商务部部长某某 / 稳住…: a speaker's line under the headline opens
            # the text, the first of its sections (the line and the headlines after it)
            subheads, heads = subheads + heads[named:], heads[:named]
        draft = _Draft(
            title=heads,
            kicker=kickers[-1].orig if kickers else None,
            kicker_text=kickers[-1].text if kickers else "",
            byline=byline,
        )
        draft.paras.extend(_para(b, "heading") for b in subheads + leads)  # weak headings under the headline
        self.drafts.append(draft)
        self.current = draft
        self.at_top = False
        return draft

    def subheads(self, group: list[Block]) -> None:
        assert self.current is not None
        for blk in group:
            self.current.paras.append(_para(blk, "heading"))

    def take_guests(self) -> None:
        if self.guests and self.current is not None:
            self.current.paras.extend(_para(g, "guests") for g in self.guests)
            self.current.interview = True
        self.guests = []

    def resolve_for_body(self, index: int, block: Block) -> None:
        group, self.group = self.group, []
        if self.current is None or self._opens(group, index, block):
            self.open_article(group)
        else:
            self.subheads(group)
        self.take_guests()

    def _opens(self, group: list[Block], index: int, block: Block) -> bool:
        """Whether a headline group over a paragraph opens an article: the learned
        model's word on its features, or without one the rules (a strong headline,
        or one over a report's opening or after a signature)."""
        if not any(b.kind == "heading" for b in group):
            # a column's name over text after an article signed off: the next item (预告, 链接)
            return self.closed and bool(group)
        if self.closed or REPORT_OPENING_RE.match(block.text) is not None:
            return True
        if self.reports and news_opening(block.text):
            return True
        # where the page keeps its layout, two headline lines open an article; broken into
        # lines, a section's headline and its gloss look the same: the model weighs that
        if _strong(group, self.broken):
            return True
        if self.boundary is None and self.trace is None:
            return False
        features = boundary_features(group, self.page.blocks, index, self.closed, self.broken, self.profile)
        if self.trace is not None:
            self.trace(index, features)
        return self.boundary is not None and self.boundary.decide(features)

    # -- block handlers ----------------------------------------------------------
    def byline(self, block: Block) -> None:
        group, self.group = self.group, []
        host = any(_is_host(b) for b in group)
        has_heading = any(b.kind == "heading" for b in group)
        cur = self.current
        if cur is not None and cur.byline is None and cur.has_body() and (host or not has_heading):
            cur.byline = block.orig
            if host:
                cur.interview = True
            kick = [b for b in group if not _is_host(b) and not GUESTS_LABEL_RE.match(b.text)]
            used = None
            if kick and cur.kicker is None:
                used = kick[-1]
                cur.kicker = used.orig
            for b in group:
                if b is not used:
                    self.drop(b, "label")
        else:
            self.open_article(group, byline=block.orig)
        self.take_guests()

    def body(self, index: int, block: Block) -> None:
        if block.continues is not None:
            target = self.owner.get(block.continues)
            if target is not None:
                heads = [b for b in self.group if b.kind == "heading"]
                if heads and not target.title:
                    target.title = heads
                    for b in self.group:
                        if b.kind != "heading":
                            self.drop(b, "label")
                elif self.group:
                    target.paras.extend(_para(b, "heading") for b in self.group)
                self.group = []
                self.current = target
                return
        if block.byline is not None or (_fragment(block.text) and not self.group):
            group, self.group = self.group, []
            self.open_article(group, byline=block.byline)
            self.take_guests()
        else:
            self.resolve_for_body(index, block)
        assert self.current is not None
        self.current.paras.append(_para(block))
        self.owner[index] = self.current
        self.closed = block.closes

    def caption(self, block: Block) -> None:
        cap = _Draft(byline=block.byline, paras=[_para(block)], kind="photo_caption")
        host = self.current if self.current is not None else None
        if host is None:
            self.drafts.append(cap)
        else:
            host.followers.append(cap)

    def credit(self, block: Block) -> None:
        cur = self.current
        supplied = "供图" in block.text or "图片由" in block.text
        if cur is None or self.group:
            self.drop(block, "photo credit")
            return
        if supplied and cur.byline is None:
            cur.byline = block.orig
            return
        if cur.byline is None and cur.body_chars() <= MAX_CAPTION and cur.has_body():
            cur.kind = "photo_caption"
            cur.byline = block.orig
            return
        last = cur.paras[-1] if cur.paras else None
        if last is not None and last.role == "body" and len(last.text) <= MAX_CAPTION_PARAGRAPH and len(cur.paras) > 1:
            cur.paras.pop()
            cur.followers.append(_Draft(byline=block.orig, paras=[last], kind="photo_caption"))
            return
        self.drop(block, "photo credit")

    def names(self, block: Block, trailing: bool) -> None:
        cur = self.current
        if cur is not None and cur.byline is None and trailing and cur.has_body():
            cur.byline = block.orig
        else:
            self.drop(block, "names")

    def open_headed(self, group: list[Block]) -> _Draft:
        """An article under flush-left header lines: the 引题 (kicker) above the 主题
        (title), and a 副题 (subtitle) printed with a leading dash after it."""
        subtitles = [b for b in group if b.text.startswith("——")]
        main = [b for b in group if not b.text.startswith("——")]
        kicker = " ".join(b.orig for b in main[:-1]) or None
        kicker_text = " ".join(b.text for b in main[:-1])
        draft = _Draft(title=main[-1:] + subtitles, kicker=kicker, kicker_text=kicker_text)
        self.drafts.append(draft)
        self.current = draft
        self.at_top = False
        return draft

    def run_structured(self) -> None:
        """A page whose layout marks its articles: on an indented page the flush-left
        header lines open each article, on a Markdown page the ``#``/``##`` headings;
        every other line after them (subheads, bylines, column items, credits)
        belongs to that article."""
        markdown = self.page.layout == "markdown"
        levels = _article_levels(self.page.blocks) if markdown else ()
        blocks = self.page.blocks
        closed = False  # the article before ended with a signature
        for i, block in enumerate(blocks):
            kind = block.kind
            header = block.mark in levels if markdown else not block.indent
            if kind == "heading" and not markdown and not header:
                # an indented headline opens an item after a signature, or over a
                # report's opening (本报电…)
                nxt = next((b for b in blocks[i + 1 :] if b.kind != "caption"), None)
                opening = nxt is not None and nxt.kind == "body" and REPORT_OPENING_RE.match(nxt.text) is not None
                header = (closed and not self.group) or opening
            closed = closed and kind not in ("body", "heading")
            if kind in ("heading", "kicker", "label") and header:
                self.group.append(block)
                continue
            if kind == "caption":
                self.caption(block)
                continue
            if self.group or self.current is None:
                self.open_headed(self.group)
                self.group = []
            cur = self.current
            assert cur is not None
            if kind == "body":
                if block.continues is not None:
                    self.current = self.owner.get(block.continues, cur)
                    continue
                cur.paras.append(_para(block))
                self.owner[i] = cur
                closed = block.closes
                if block.byline is not None and cur.byline is None:
                    cur.byline = block.byline
                elif block.byline is not None:
                    self.dropped.append(Dropped(block.lines[0], block.byline, "dateline after the byline"))
            elif kind == "byline" and cur.byline is None and not cur.paras:
                cur.byline = block.orig
            elif kind == "credit":
                self.credit(block)
            else:
                cur.paras.append(_para(block, "heading"))
        for blk in self.group:
            self.drop(blk, "heading without text")

    def run(self) -> None:
        if self.page.layout != "print":
            self.run_structured()
            return
        blocks = self.page.blocks
        for i, block in enumerate(blocks):
            kind = block.kind
            if kind in ("heading", "kicker", "label"):
                self.group.append(block)
            elif kind == "byline":
                self.byline(block)
            elif kind == "guest":
                self.guests.append(block)
            elif kind == "body":
                self.body(i, block)
            elif kind == "caption":
                self.caption(block)
            elif kind == "credit":
                self.credit(block)
            elif kind == "names":
                nxt = next((b for b in blocks[i + 1 :] if b.kind not in ("caption", "credit")), None)
                trailing = nxt is None or nxt.kind in ("heading", "kicker", "label", "byline")
                self.names(block, trailing)
        self.group = self.close_with(self.group, keep=0)  # at the end of the page
        if self.current is not None and self.group and all(_FIELD_RE.match(b.text) for b in self.group):
            # the last article's trailing lines (制图：某某, 传真：…), not a headline without text
            self.current.paras.extend(_para(b, "heading") for b in self.group)
            self.group = []
        for blk in self.group:
            self.drop(blk, "heading without text")
        for g in self.guests:
            self.drop(g, "guest list without text")

    def articles(self, stem: str) -> tuple[Article, ...]:
        ordered: list[_Draft] = []
        for d in self.drafts:
            ordered.append(d)
            ordered.extend(d.followers)
        out: list[Article] = []
        for d in ordered:
            if not d.has_body():
                for p in d.paras:
                    self.dropped.append(Dropped(p.lines[0] if p.lines else 0, p.orig, "heading without text"))
                if d.title:
                    self.dropped.append(
                        Dropped(d.title[0].lines[0], _title_text(d.title) or "", "heading without text")
                    )
                for label, value in (("kicker", d.kicker), ("byline", d.byline)):
                    if value:
                        self.dropped.append(Dropped(0, value, f"{label} without text"))
                continue
            if is_notice(_title_text(d.title), [p.text for p in d.paras]):
                first = d.paras[0]
                self.dropped.append(Dropped(first.lines[0] if first.lines else 0, _notice_text(d), NOTICE))
                continue
            kind: ArticleKind = d.kind
            if kind == "news" and d.interview:
                kind = "interview"
            if kind == "news" and not d.title and d.byline is None:
                kind = "other"
            out.append(
                Article(
                    id=f"{stem}-{len(out) + 1:02d}",
                    source=self.page.source.name,
                    kind=kind,
                    title=_title_text(d.title),
                    kicker=d.kicker,
                    byline=d.byline,
                    paragraphs=tuple(d.paras),
                    topic=" ".join(filter(None, (_topical(d.kicker_text), *(b.text for b in d.title)))),
                )
            )
        return tuple(out)


def _article_levels(blocks: tuple[Block, ...]) -> tuple[int, ...]:
    """The heading levels that open articles on a Markdown page: ``#`` and ``##``;
    but where text follows the first ``#`` heading before any ``##`` one, the ``##``
    headings are that article's sections (``# 标题`` / 正文 / ``## 重点任务``)."""
    first = next((i for i, b in enumerate(blocks) if b.mark == 1), None)
    if first is None:
        return (1, 2)
    for block in blocks[first + 1 :]:
        if block.mark == 2:
            return (1, 2)
        if block.kind == "body":
            return (1,)
    return (1, 2)


def segment(
    page: Page,
    stem: str | None = None,
    boundary: Model | None = None,
    trace: Callable[[int, Features], None] | None = None,
) -> tuple[tuple[Article, ...], tuple[Dropped, ...]]:
    """The page's articles in page order, and what was dropped on the way.  Article
    ids are ``<stem>-NN``, the stem being the file's unless given.  ``boundary``: the
    model that decides where a headline opens an article (the shipped one unless
    given); ``trace`` is told the features of each such decision (for training)."""
    seg = _Segmenter(page, boundary if boundary is not None else shipped_model("boundary"), trace)
    seg.run()
    articles = seg.articles(stem or PurePath(page.source.name).stem)
    return articles, tuple(page.dropped) + tuple(seg.dropped)
