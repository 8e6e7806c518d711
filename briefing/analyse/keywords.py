"""Keywords of an article: TF-IDF over jieba tokens (jieba's own IDF table)."""

from __future__ import annotations

import functools
from typing import Any

TOP_K = 8


@functools.cache
def _extractor() -> Any:
    from jieba import analyse

    from .tokenize import _jieba

    _jieba()
    return analyse


def keywords(text: str, top_k: int = TOP_K) -> tuple[str, ...]:
    tags = _extractor().extract_tags(text, topK=top_k * 2)
    return tuple(t for t in tags if len(t) >= 2 and not t.isdigit())[:top_k]
