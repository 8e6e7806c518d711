"""Keywords of an article: TF-IDF over the jieba tokens of its sentences, with
jieba's own IDF table.  The sentences are the ones the summarizer segments, so
their tokens come from the same cache."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from typing import Any

from .summarize import content_words

TOP_K = 8


@functools.cache
def _idf() -> tuple[dict[str, float], float]:
    from jieba import analyse

    table: Any = analyse.default_tfidf
    return table.idf_freq, table.median_idf


def keywords(sentences: Iterable[str], top_k: int = TOP_K) -> tuple[str, ...]:
    idf, median = _idf()
    counts = Counter(w for s in sentences for w in content_words(s) if not w.replace(".", "").isdigit())
    total = sum(counts.values()) or 1
    scored = sorted(counts, key=lambda w: (-counts[w] / total * idf.get(w, median), w))
    return tuple(scored[:top_k])
