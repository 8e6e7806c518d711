"""How much a proposal matters to a reader of the week, with the reasons.

Four parts, each weighed (``[salience]`` in briefing.toml; docs/salience.md):

* **who** — the mandate and seniority of the title chain: a minister or a
  provincial or city leader 4, an official of a department or district 3, an
  NPC deputy or CPPCC member 2.5, an expert 2, a company's head 1.5, a named
  body 1.5, a person with no title 1; the paper's own 我市 or a document as the
  speaker 0;
* **what** — the concrete elements of the measure, one point each up to three:
  an amount, a number with its unit, a deadline, a named programme or project, a
  new institution or rule; none of them is a vague exhortation;
* **repeat** — several speakers on the same measure this week (their texts share
  most of their character pairs): half a point for each other speaker, up to two;
* **new** — not in the archive's earlier periods: one point (no points, and the
  reason says so, without an archive).

Pure functions.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..model import PRINTED, Proposal
from .places import self_reference

WEIGHTS: dict[str, float] = {"who": 1.0, "what": 1.0, "repeat": 1.0, "new": 0.5}

_TIERS: tuple[tuple[float, str, re.Pattern[str]], ...] = (
    (
        4.0,
        "minister or provincial/city leader",
        re.compile(r"总理|国务委员|部长|省长|市长|省委书记|市委书记|自治区主席|政协主席"),
    ),
    (3.0, "official", re.compile(r"局长|厅长|主任|区长|县长|区委书记|县委书记|司长|署长|处长|秘书长|书记")),
    (2.5, "NPC deputy or CPPCC member", re.compile(r"代表$|委员$|人大代表|政协委员|议员")),
    (2.0, "expert", re.compile(r"教授|研究员|院士|院长|专家|学者|经济学家|分析师|所长")),
    (1.5, "head of a company", re.compile(r"董事长|总经理|总裁|CEO|创始人|首席|董事")),
)
_DOCUMENT = re.compile(r"《|(?:报告|规划|方案|意见|纲要|决定|通知|办法|条例)$")
_ELEMENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("an amount", re.compile(r"\d+(?:\.\d+)?\s*(?:多|余)?(?:万亿|亿|万|千)?元|\d+(?:\.\d+)?\s*[%％]|百分之")),
    (
        "a number",
        re.compile(
            r"\d+(?:\.\d+)?\s*(?:多|余)?(?:万|千|百)?(?:个|家|项|条|所|座|公里|千米|吨|千瓦|兆瓦|亩|人|户|套|台|辆|张|次|批)"
        ),
    ),
    (
        "a deadline",
        re.compile(
            r"(?:到|至|在|于)?20\d{2}\s*年(?:底|末|前|内)?|年底前|年内|\d+\s*年内|今年|明年|[一二三四五六七八九十两\d]+年后"
        ),
    ),
    (
        "a named programme or project",
        re.compile(
            r"“[^”]{2,24}”|《[^》]{2,30}》|[\u4e00-\u9fff]{2,12}(?:工程|计划|行动|专项|示范区|试验区|实验室|产业园|基金)"
        ),
    ),
    (
        "a new institution or rule",
        re.compile(
            r"(?:设立|成立|组建|建立|出台|制定|修订|颁布|建设)[^，。；]{0,14}(?:机构|中心|基金|机制|制度|办法|条例|标准|规定|政策|平台|法)"
        ),
    ),
)
MAX_WHAT, REPEAT_STEP, MAX_REPEAT = 3, 0.5, 2.0
SAME_MEASURE = 0.5  # share of the shorter text's character pairs two texts of one measure share


@dataclass(frozen=True)
class Salience:
    """A proposal's salience: its score, its parts, why, and the other proposals of
    the week on the same measure (by other speakers)."""

    proposal: str  # id
    score: float
    who: float
    what: float
    repeat: float
    new: float
    reasons: tuple[str, ...] = field(metadata=PRINTED)  # they name speakers as printed
    cluster: tuple[str, ...] = ()


def who_points(p: Proposal) -> tuple[float, str]:
    name = p.speaker or p.body or ""
    if self_reference(p.speaker or p.body):
        return 0.0, f"speaker is the paper's own {name}"
    if not p.speaker and _DOCUMENT.search(name):
        return 0.0, f"speaker is a document ({name})"
    chain = p.role or ""
    for points, tier, pattern in _TIERS:
        if pattern.search(chain) or (tier.startswith("NPC") and p.mandate):
            return points, f"who: {tier}"
    if p.speaker:
        return 1.0, "who: a person without a title"
    return 1.5, f"who: a body ({name})" if name else "who: unknown"


def what_points(text: str) -> tuple[float, list[str]]:
    found = [label for label, pattern in _ELEMENTS if pattern.search(text)]
    if not found:
        return 0.0, ["what: vague (no amount, number, deadline, named programme or new rule)"]
    return float(min(len(found), MAX_WHAT)), [f"what: {label}" for label in found]


def _pairs(text: str) -> set[str]:
    t = re.sub(r"[^\u4e00-\u9fff0-9A-Za-z]", "", text)
    return {t[i : i + 2] for i in range(len(t) - 1)}


class _PairIndex:
    """Texts by their character pairs, to find those that share at least
    ``SAME_MEASURE`` of the shorter one's pairs without comparing every two.

    Two texts that share that many pairs share one of the rarest pairs of each
    (prefix filtering): of a text with ``n`` pairs, all but the ``need(n) - 1``
    commonest, ``need(n)`` being the fewest shared pairs that count.  So a text no
    longer than the query is found by one of its rarest pairs, a longer one by one
    of the query's rarest, and only those are compared in full; pairs as common as
    发展 or 推进 are never walked through."""

    def __init__(self, pair_sets: Sequence[set[str]], grow: bool = False) -> None:
        """The index of ``pair_sets``; with ``grow``, of none of them until each is
        :meth:`add`-ed (the rarity of a pair is counted over all of them either way:
        any fixed order finds every text)."""
        self.sets = list(pair_sets)
        self.sizes = [len(p) for p in pair_sets]
        self.counts: dict[str, int] = defaultdict(int)
        for pairs in pair_sets:
            for pair in pairs:
                self.counts[pair] += 1
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.rarest: dict[str, list[int]] = defaultdict(list)  # pair -> texts it is a rarest pair of
        if not grow:
            for k in range(len(self.sets)):
                self.add(k)

    def add(self, k: int) -> None:
        """Index the ``k``-th text."""
        for pair in self.sets[k]:
            self.postings[pair].append(k)
        for pair in self._prefix(self.sets[k]):
            self.rarest[pair].append(k)

    def _prefix(self, pairs: set[str]) -> list[str]:
        n = len(pairs)
        if not n:
            return []
        keep = n - _need(n) + 1
        return sorted(pairs, key=lambda p: (self.counts.get(p, 0), p))[:keep]

    def same_measure(self, pairs: set[str], shorter_only: bool = False) -> list[int]:
        """The indexed texts on the same measure as one with these pairs, in order;
        ``shorter_only``: only those no longer than it."""
        q = len(pairs)
        if not q:
            return []
        candidates: set[int] = set()
        for pair in pairs:
            candidates.update(k for k in self.rarest.get(pair, ()) if self.sizes[k] <= q)
        if not shorter_only:
            for pair in self._prefix(pairs):
                candidates.update(k for k in self.postings.get(pair, ()) if self.sizes[k] > q)
        return sorted(k for k in candidates if len(pairs & self.sets[k]) / min(q, self.sizes[k]) >= SAME_MEASURE)


def _need(n: int) -> int:
    """The fewest pairs a text of ``n`` pairs shares with one of the same measure
    (when it is the shorter of the two)."""
    k = max(1, math.ceil(SAME_MEASURE * n - 1e-9))
    while k > 1 and (k - 1) / n >= SAME_MEASURE:
        k -= 1
    while k / n < SAME_MEASURE:
        k += 1
    return k


def clusters(proposals: Sequence[Proposal]) -> dict[str, tuple[str, ...]]:
    """For each proposal, the others of the week on the same measure by another speaker."""
    pairs = [_pairs(p.text) for p in proposals]
    index = _PairIndex(pairs)
    # the relation is symmetric: each text finds those no longer than itself, and is found by the others
    same: list[set[int]] = [set() for _ in proposals]
    for i in range(len(proposals)):
        for j in index.same_measure(pairs[i], shorter_only=True):
            same[i].add(j)
            same[j].add(i)
    out: dict[str, tuple[str, ...]] = {}
    for i, p in enumerate(proposals):
        mine = p.speaker or p.body
        out[p.id] = tuple(
            proposals[j].id for j in sorted(same[i]) if j != i and (proposals[j].speaker or proposals[j].body) != mine
        )
    return out


def score(
    proposals: Sequence[Proposal], weights: Mapping[str, float] | None = None, earlier: Iterable[str] | None = None
) -> tuple[Salience, ...]:
    """The salience of each proposal, in their order; ``earlier`` are the texts of
    the archive's earlier periods (None: no archive)."""
    w = {**WEIGHTS, **(weights or {})}
    earlier_index = _PairIndex([_pairs(t) for t in earlier]) if earlier is not None else None
    same = clusters(proposals)
    by_id = {p.id: p for p in proposals}
    out = []
    for p in proposals:
        who, why_who = who_points(p)
        what, why_what = what_points(p.text)
        others = same[p.id]
        speakers = sorted({by_id[o].who or "" for o in others} - {""})
        repeat = min(REPEAT_STEP * len(speakers), MAX_REPEAT)
        reasons = [why_who, *why_what]
        if speakers:
            reasons.append("also proposed by " + "、".join(speakers))
        if earlier_index is None:
            new = 0.0
            reasons.append("novelty: no archive to compare")
        elif not (mine := _pairs(p.text)) or not earlier_index.same_measure(mine):
            new = 1.0
            reasons.append("new: not in the archive's earlier periods")
        else:
            new = 0.0
            reasons.append("seen in an earlier period")
        total = w["who"] * who + w["what"] * what + w["repeat"] * repeat + w["new"] * new
        out.append(Salience(p.id, round(total, 2), who, what, repeat, new, tuple(reasons), others))
    return tuple(out)


TOP = 10


def top(proposals: Sequence[Proposal], saliences: Sequence[Salience], n: int = TOP) -> list[tuple[Proposal, Salience]]:
    """The week's leading proposals: by salience, each measure once (the others on
    it are named with it), only those with a named speaker or body and a concrete
    element."""
    from .proposals.learned import _restates

    by_id = {p.id: p for p in proposals}
    ranked = sorted(saliences, key=lambda s: (-s.score, s.proposal))
    shown: set[str] = set()
    texts: list[set[str]] = []  # the measures listed so far, whoever said them
    out = []
    for s in ranked:
        if s.proposal in shown or s.who <= 0 or s.what <= 0 or s.proposal not in by_id:
            continue
        pairs = _pairs(by_id[s.proposal].text)
        if any(_restates(pairs, t) for t in texts):  # a copy the earlier passes kept apart
            continue
        texts.append(pairs)
        shown.add(s.proposal)
        shown.update(s.cluster)
        out.append((by_id[s.proposal], s))
        if len(out) == n:
            break
    return out
