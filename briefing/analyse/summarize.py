"""Extractive summaries: whole sentences, verbatim, in document order, within a budget.

The default ``textrank`` backend ranks sentences by a graph of shared words
(TextRank over jieba tokens), mixed with the sentence's position and its overlap
with the headline, and picks the best ones with redundancy control (maximal
marginal relevance).  ``lead`` takes the first sentences; ``snownlp`` uses
snownlp's own ranker (optional dependency) for comparison.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from ..registry import summarizers
from ..text.normalize import normalize_punctuation
from ..text.patterns import QUESTION_RE
from ..text.sentences import split_sentences
from .tokenize import words

# Weights of the ranking mix, and the redundancy limit (share of a candidate's
# words already in the summary above which it is skipped).
W_RANK, W_POSITION, W_TITLE = 1.0, 0.35, 0.35
MAX_REDUNDANCY = 0.6
DAMPING, ITERATIONS = 0.85, 40
MIN_SENTENCE = 8  # characters; shorter ones are datelines or fragments

_STOP_WORDS = (
    "的 了 和 与 及 等 在 是 为 对 将 也 就 都 而 并 从 以 把 被 让 向 由 于 其 之 这 那 该 各 有 个 上 中 下 "
    "我们 他们 她们 一个 一批 进一步 表示 介绍 认为 通过 进行 开展 推动 加快 实现 作为 已经 目前 今年 同时"
)
_STOP = frozenset(_STOP_WORDS.split())
_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if len(w) >= 2 and w not in _STOP and _WORD.search(w)]


def _similarity(a: set[str], b: set[str]) -> float:
    common = len(a & b)
    if not common or len(a) < 2 or len(b) < 2:
        return 0.0
    return common / (math.log(len(a)) + math.log(len(b)))


def _pagerank(matrix: list[list[float]]) -> list[float]:
    n = len(matrix)
    out_sum = [sum(row) for row in matrix]
    score = [1.0 / n] * n
    for _ in range(ITERATIONS):
        score = [
            (1 - DAMPING) / n + DAMPING * sum(matrix[j][i] * score[j] / out_sum[j] for j in range(n) if out_sum[j])
            for i in range(n)
        ]
    return score


def rank(sentences: Sequence[str], title: str | None = None, paragraph_starts: Sequence[bool] = ()) -> list[float]:
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
        position = 1.0 if i == 0 else (0.5 if i < len(paragraph_starts) and paragraph_starts[i] else 0.0)
        position = max(position, 1.0 / (1 + i) ** 0.5 * 0.6)
        overlap = len(bags[i] & title_bag) / len(title_bag) if title_bag else 0.0
        score = W_RANK * central[i] / top + W_POSITION * position + W_TITLE * overlap
        if len(s) < MIN_SENTENCE or QUESTION_RE.match(s):
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


def _split(text: str) -> tuple[list[str], list[bool]]:
    sentences: list[str] = []
    starts: list[bool] = []
    for para in text.split("\n"):
        for k, sent in enumerate(split_sentences(normalize_punctuation(para.strip()))):
            sentences.append(sent)
            starts.append(k == 0)
    return sentences, starts


def _verbatim(text: str) -> list[str]:
    """The original-form sentences, aligned with the analysis-form ones."""
    out: list[str] = []
    for para in text.split("\n"):
        stripped = para.strip()
        norm = normalize_punctuation(stripped)
        from ..text.sentences import split_spans

        out.extend(stripped[s:e] for s, e in split_spans(norm))
    return out


@summarizers.register("textrank")
def textrank(text: str, budget_chars: int, title: str | None = None) -> list[str]:
    sentences, starts = _split(text)
    if not sentences:
        return []
    originals = _verbatim(text)
    picked = select(sentences, rank(sentences, title, starts), budget_chars)
    return [originals[i] for i in picked]


@summarizers.register("lead")
def lead(text: str, budget_chars: int, title: str | None = None) -> list[str]:
    originals = _verbatim(text)
    out: list[str] = []
    used = 0
    for sent in originals:
        if out and used + len(sent) > budget_chars:
            break
        out.append(sent)
        used += len(sent)
    return out


@summarizers.register("snownlp")
def snownlp_summary(text: str, budget_chars: int, title: str | None = None) -> list[str]:
    """snownlp's TextRank, mapped back to whole verbatim sentences."""
    try:
        from snownlp import SnowNLP
    except ImportError as exc:  # optional dependency
        from ..errors import ConfigError

        raise ConfigError("the snownlp summarizer needs snownlp: pip install 'briefing[snownlp]'") from exc
    originals = _verbatim(text)
    if not originals:
        return []
    ranked = SnowNLP(text).summary(len(originals))
    position = {}
    for r, clause in enumerate(ranked):
        for i, sent in enumerate(originals):
            if clause and clause in sent and i not in position:
                position[i] = r
                break
    scores = [-float(position.get(i, len(originals) + i)) for i in range(len(originals))]
    return [originals[i] for i in select(originals, scores, budget_chars)]


def summarize(text: str, budget_chars: int = 300, title: str | None = None, method: str = "textrank") -> list[str]:
    """Whole sentences of ``text``, verbatim and in document order, together at most
    ``budget_chars`` long (the single best sentence is kept even when longer).

    ``text`` may hold several paragraphs separated by line breaks."""
    return summarizers.get(method)(text, budget_chars, title=title)
