"""Extractive summaries: whole sentences, verbatim, in document order, within a budget.

The default ``textrank`` backend ranks sentences by a graph of shared words
(TextRank over jieba tokens), adds a prior for the closing sentence (where news
reports and judgments state their outcome) and for overlap with the headline, and
picks the best sentences with redundancy control (maximal marginal relevance).
When the budget holds little more than one sentence, the lead sentences are the
summary: on short texts nothing beats them.  The weights were chosen on the
CAIL2020 dev half and checked on LCSTS and the seed pages (benchmarks/summarization.py).
``lead`` takes the first sentences; ``snownlp`` uses snownlp's ranker (optional
dependency) mapped back to whole sentences, for comparison.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from ..registry import summarizers
from ..text.clean import ends_open
from ..text.normalize import normalize_punctuation
from ..text.patterns import QUESTION_RE
from ..text.sentences import split_spans
from ..text.tokenize import words

# Weights of the ranking mix and the redundancy limit (share of a candidate's words
# already in the summary above which it is skipped).
W_RANK, W_LAST, W_TITLE = 1.0, 0.6, 0.35
MAX_REDUNDANCY = 0.6
# Below this many average sentence lengths of budget, the summary is the lead.
LEAD_BUDGET = 1.5
DAMPING, ITERATIONS = 0.85, 30
MIN_SENTENCE = 8  # characters; shorter ones are datelines or fragments
MAX_SENTENCE = 600  # characters; a longer "sentence" is unpunctuated text, never a summary

_STOP_WORDS = (
    "的 了 和 与 及 等 在 是 为 对 将 也 就 都 而 并 从 以 把 被 让 向 由 于 其 之 这 那 该 各 有 个 上 中 下 "
    "我们 他们 她们 一个 一批 进一步 表示 介绍 认为 通过 进行 开展 推动 加快 实现 作为 已经 目前 今年 同时"
)
_STOP = frozenset(_STOP_WORDS.split())
_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


def content_words(text: str) -> list[str]:
    return [w for w in words(text, hmm=False) if len(w) >= 2 and w not in _STOP and _WORD.search(w)]


def _similarity(a: set[str], b: set[str]) -> float:
    common = len(a & b)
    if not common or len(a) < 2 or len(b) < 2:
        return 0.0
    return common / (math.log(len(a)) + math.log(len(b)))


def _pagerank(matrix: list[list[float]]) -> list[float]:
    """PageRank over a weighted graph, iterating over its edges only."""
    n = len(matrix)
    out_sum = [sum(row) for row in matrix]
    incoming = [[(j, matrix[j][i] / out_sum[j]) for j in range(n) if matrix[j][i] and out_sum[j]] for i in range(n)]
    base = (1 - DAMPING) / n
    score = [1.0 / n] * n
    for _ in range(ITERATIONS):
        score = [base + DAMPING * sum(score[j] * w for j, w in edges) for edges in incoming]
    return score


def rank(sentences: Sequence[str], title: str | None = None) -> list[float]:
    """A score per sentence: higher is more central to the text."""
    n = len(sentences)
    if not n:
        return []
    bags = [set(content_words(s)) for s in sentences]
    matrix = [[_similarity(bags[i], bags[j]) if i != j else 0.0 for j in range(n)] for i in range(n)]
    central = _pagerank(matrix)
    top = max(central) or 1.0
    title_bag = set(content_words(title)) if title else set()
    scores = []
    for i, s in enumerate(sentences):
        overlap = len(bags[i] & title_bag) / len(title_bag) if title_bag else 0.0
        score = W_RANK * central[i] / top + W_TITLE * overlap + (W_LAST if i == n - 1 and n > 2 else 0.0)
        if not MIN_SENTENCE <= len(s) <= MAX_SENTENCE or QUESTION_RE.match(s):
            score -= 10.0
        scores.append(score)
    return scores


def select(sentences: Sequence[str], scores: Sequence[float], budget_chars: int) -> list[int]:
    """Indices of the chosen sentences, in document order, within the budget.

    The best sentence is always taken, even when it alone exceeds the budget, so a
    summary is never empty."""
    order = sorted(range(len(sentences)), key=lambda i: -scores[i])
    chosen: list[int] = []
    used = 0
    covered: set[str] = set()
    for i in order:
        if scores[i] < -5:
            continue
        length = len(sentences[i])
        if chosen and used + length > budget_chars:
            continue
        bag = set(content_words(sentences[i]))
        if chosen and bag and len(bag & covered) / len(bag) > MAX_REDUNDANCY:
            continue
        chosen.append(i)
        used += length
        covered |= bag
    return sorted(chosen)


def _sentences(text: str) -> list[tuple[str, str]]:
    """The sentences of ``text``: (as printed, analysis form).  A line break ends a
    paragraph only where the line is complete: lines broken mid-sentence (PDF
    text) are joined."""
    paragraphs: list[str] = []
    current = ""
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        current += line
        if not ends_open(normalize_punctuation(line[-1])):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    out: list[tuple[str, str]] = []
    for para in paragraphs:
        norm = normalize_punctuation(para)
        out.extend((para[s:e], norm[s:e]) for s, e in split_spans(norm))
    return out


def _lead(sentences: Sequence[str], budget_chars: int) -> list[int]:
    out: list[int] = []
    used = 0
    for i, sent in enumerate(sentences):
        if len(sent) > MAX_SENTENCE:
            continue
        if out and used + len(sent) > budget_chars:
            break
        out.append(i)
        used += len(sent)
    return out


# A backend chooses among the sentences (analysis form, in document order) and
# returns the indices of its summary, in document order, within the budget.


@summarizers.register("textrank")
def textrank(sentences: Sequence[str], budget_chars: int, title: str | None = None) -> list[int]:
    if not sentences:
        return []
    mean = sum(len(s) for s in sentences) / len(sentences)
    if budget_chars < LEAD_BUDGET * mean:
        return _lead(sentences, budget_chars)
    return select(sentences, rank(sentences, title), budget_chars)


@summarizers.register("lead")
def lead(sentences: Sequence[str], budget_chars: int, title: str | None = None) -> list[int]:
    return _lead(sentences, budget_chars)


@summarizers.register("snownlp")
def snownlp_summary(sentences: Sequence[str], budget_chars: int, title: str | None = None) -> list[int]:
    """snownlp's TextRank, mapped back to whole sentences."""
    try:
        from snownlp import SnowNLP
    except ImportError as exc:  # optional dependency
        from ..errors import ConfigError

        raise ConfigError("the snownlp summarizer needs snownlp: pip install 'briefing[snownlp]'") from exc
    if not sentences:
        return []
    ranked = SnowNLP("".join(sentences)).summary(len(sentences))
    position: dict[int, int] = {}
    for r, clause in enumerate(ranked):
        for i, sent in enumerate(sentences):
            if clause and clause in sent and i not in position:
                position[i] = r
                break
    scores = [-float(position.get(i, len(sentences) + i)) for i in range(len(sentences))]
    return select(sentences, scores, budget_chars)


def summarize(text: str, budget_chars: int = 300, title: str | None = None, method: str = "textrank") -> list[str]:
    """Whole sentences of ``text``, verbatim and in document order, together at most
    ``budget_chars`` long (the single best sentence is kept even when longer).

    ``text`` may hold several paragraphs separated by line breaks; lines broken
    mid-sentence are joined first."""
    pairs = _sentences(text)
    picked = summarizers.get(method)([norm for _, norm in pairs], budget_chars, title=title)
    return [pairs[i][0] for i in picked]
