"""Word segmentation with jieba, loaded once and only when first needed.

jieba segments Chinese far better than snownlp's character model and is the
segmenter the ranking, keyword and name checks share.
"""

from __future__ import annotations

import functools
import logging
from typing import Any


@functools.cache
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


@functools.lru_cache(maxsize=65536)
def _cut(text: str, hmm: bool) -> tuple[str, ...]:
    return tuple(_jieba().cut(text, HMM=hmm))


def words(text: str, hmm: bool = True) -> tuple[str, ...]:
    """The words of ``text`` in order, whitespace and punctuation included.

    ``hmm`` lets jieba guess words missing from its dictionary (names, new terms);
    without it, segmentation is faster, which sentence ranking prefers."""
    return _cut(text, hmm)


@functools.lru_cache(maxsize=65536)
def tagged(text: str) -> tuple[tuple[str, str], ...]:
    """The words of ``text`` with jieba's part-of-speech flags (``n`` noun, ``v`` verb, …)."""
    _jieba()
    import jieba.posseg

    return tuple((w.word, w.flag) for w in jieba.posseg.lcut(text))


@functools.lru_cache(maxsize=65536)
def word_tags(text: str) -> tuple[tuple[str, str], ...]:
    """The words of ``text`` with the part-of-speech flag the dictionary gives each
    (``x`` for a word it does not know): the tags of :func:`tagged` without its
    guessing, at the cost of a plain cut."""
    _jieba()
    import jieba.posseg

    table = jieba.posseg.dt.word_tag_tab
    return tuple((w, table.get(w, "x")) for w in words(text))
