"""Scoring against the hand-annotated seed pages (``shared/gold/seeds``).

The gold is a development set: these functions only compare, they never feed
anything back into the pipeline.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def gold_dir() -> Path | None:
    env = os.environ.get("BRIEFING_GOLD")
    candidates = [Path(env)] if env else []
    candidates.append(REPO.parent / "shared" / "gold" / "seeds")
    for c in candidates:
        if c.is_dir() and any(c.glob("*.json")):
            return c
    return None


def load_gold(directory: Path) -> dict[str, dict]:
    return {
        json.loads(p.read_text("utf-8"))["file"]: json.loads(p.read_text("utf-8"))
        for p in sorted(directory.glob("*.json"))
    }


_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    return _WS.sub("", text)


def bigrams(text: str) -> list[str]:
    t = squash(text)
    return [t[i : i + 2] for i in range(len(t) - 1)]


def bigram_overlap(a: str, b: str) -> float:
    """Share of the shorter text's bigrams found in the other (multiset overlap)."""
    ga, gb = bigrams(a), bigrams(b)
    if not ga or not gb:
        return 0.0
    from collections import Counter

    ca, cb = Counter(ga), Counter(gb)
    common = sum((ca & cb).values())
    return common / min(len(ga), len(gb))


def bigram_f1(a: str, b: str) -> float:
    ga, gb = bigrams(a), bigrams(b)
    if not ga or not gb:
        return 0.0
    from collections import Counter

    common = sum((Counter(ga) & Counter(gb)).values())
    if not common:
        return 0.0
    p, r = common / len(ga), common / len(gb)
    return 2 * p * r / (p + r)


@dataclass
class PRF:
    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        scores = f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f}"
        return f"{scores} ({self.tp}/{self.predicted} predicted, {self.gold} gold)"


def article_text(article) -> str:
    return squash("".join(p.orig for p in article.paragraphs if p.role == "body"))


def score_segmentation(predicted: dict[str, list], gold: dict[str, dict]) -> tuple[PRF, list[str]]:
    """An article is found when one output article holds both its first and last
    characters and no other whole gold article."""
    tp = n_pred = n_gold = 0
    misses: list[str] = []
    for name, g in gold.items():
        arts = predicted.get(name, [])
        texts = [article_text(a) for a in arts]
        n_pred += len(arts)
        n_gold += len(g["articles"])
        spans = [(squash(ga["first_chars"]), squash(ga["last_chars"])) for ga in g["articles"]]
        matched: set[int] = set()
        for gi, (first, last) in enumerate(spans):
            hit = False
            for ai, text in enumerate(texts):
                if ai in matched or first not in text or last not in text:
                    continue
                others = [j for j, (f, ll) in enumerate(spans) if j != gi and f in text and ll in text]
                if not others:
                    matched.add(ai)
                    hit = True
                    break
            if hit:
                tp += 1
            else:
                misses.append(f"{name}: {first}…{last}")
    return PRF(tp, n_pred, n_gold), misses


def match_proposals(pred: list[tuple[str, str | None]], gold: list[tuple[str, str | None]]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of (text, speaker) pairs by bigram overlap >= 0.6."""
    pairs = []
    for i, (pt, _) in enumerate(pred):
        for j, (gt, _) in enumerate(gold):
            ov = bigram_overlap(pt, gt)
            if ov >= 0.6:
                pairs.append((ov, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out
