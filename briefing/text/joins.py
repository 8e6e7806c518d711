"""Blank lines inside a paragraph: where text broken into lines (a PDF extraction, a
copy from a narrow column) also has blank lines that part one printed line.

On such a page a blank line usually ends a paragraph or a headline, but some fall
mid-sentence, even mid-word (``协调机`` / blank / ``制“白名单”``).  Left as they
are, the piece before the blank reads as a headline and the page falls apart into
articles that are not there.  Each blank line after a line that does not end a
sentence is described by a few features — a dictionary word or a number running
across it, a quotation or bracket left open, a clause break in the piece before it,
the length of the line before it and of its piece — and the learned ``join`` model
(``python scripts/train.py``, from the annotated pages broken the way extraction
breaks them) decides whether the text runs on across it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..learn import Features, Model, bucket
from ..model import Line
from .patterns import CLOSERS, DATED_OPENING_RE, NEWS_OPENING_RE, REPORT_OPENING_RE, SOURCE_OPENING_RE, TERMINALS

# The tail of a clause: a line that opens with a few characters and a stop (作参考。)
_TAIL_RE = re.compile(r"^[\u4e00-\u9fff]{1,3}[。！？，；、]")

_OPENERS = "“‘「『（《【"
_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "（": "）", "《": "》", "【": "】"}


def _kind(ch: str) -> str:
    if not ch:
        return "none"
    if "\u4e00" <= ch <= "\u9fff":
        return "cjk"
    if ch.isdigit():
        return "digit"
    if ch.isascii() and ch.isalpha():
        return "latin"
    if ch in _OPENERS:
        return "opener"
    if ch in CLOSERS:
        return "closer"
    return "punct:" + ch if ch in "，、：；—…·%" else "other"


def _left_open(text: str) -> bool:
    """A quotation or a bracket opened in ``text`` and not closed in it."""
    depth: dict[str, int] = {}
    for ch in text:
        if ch in _PAIRS:
            depth[ch] = depth.get(ch, 0) + 1
        else:
            for o, c in _PAIRS.items():
                if ch == c and depth.get(o, 0):
                    depth[o] -= 1
    return any(depth.values())


def _closes_first(text: str) -> bool:
    """``text`` closes a quotation or bracket before it opens one: it goes on from
    a piece that opened it."""
    for ch in text:
        if ch in _OPENERS:
            return False
        if ch in CLOSERS:
            return True
    return False


def candidate(before: Line, line: Line) -> bool:
    """A blank line between ``before`` and ``line`` that may fall inside a paragraph:
    the line before it does not end a sentence, and neither is a heading of its own."""
    tail = before.text.rstrip()
    return bool(tail and line.text) and tail[-1] not in TERMINALS + "；" and not (before.mark or line.mark)


def features(
    piece: str, after_end: bool, before: Line, line: Line, continues_word: Callable[[str, str, bool], bool]
) -> Features:
    """What tells whether ``line`` goes on with ``before`` across a blank line;
    ``piece`` is the text printed since the blank line before ``before``'s piece, and
    ``after_end`` whether the text before that piece ended a sentence."""
    tail, head = before.text.rstrip(), line.text.lstrip()
    last, first = _kind(tail[-1:]), _kind(head[:1])
    f: dict[str, float] = {
        "word": float(continues_word(tail, head, True)),
        "guessed_word": float(continues_word(tail, head, False)),
        f"last={last}": 1.0,
        f"first={first}": 1.0,
        f"pair={last}>{first}": 1.0,
        "left_open": float(_left_open(piece)),
        "closes_first": float(_closes_first(head)),
        "comma": float("，" in piece),
        "colon": float("：" in piece[:-1]),
        bucket("line", len(tail), (8, 13, 20, 30, 45, 60)): 1.0,
        bucket("piece", len(piece), (13, 30, 60, 100, 200)): 1.0,
        bucket("next", len(head), (13, 30, 60)): 1.0,
        "closer_end": float(tail[-1:] in CLOSERS),
        "opening": float(REPORT_OPENING_RE.match(head) is not None or NEWS_OPENING_RE.match(head) is not None),
        "after_end": float(after_end),
        "one_line": float(piece == tail),
        "tail": float(_TAIL_RE.match(head) is not None),
        # two blank lines or more: a wider gap than a line's break leaves
        "blanks": float(line.no - before.no > 2),
        "sourced": float(SOURCE_OPENING_RE.match(head) is not None),
        "dated": float(DATED_OPENING_RE.match(head) is not None),
    }
    if after_end and piece == tail:
        f[bucket("alone", len(tail), (8, 13, 20, 30, 45, 60))] = 1.0
        # a line standing alone after a finished paragraph, over a report's first clause: a headline
        f["alone&sourced"] = float(
            SOURCE_OPENING_RE.match(head) is not None or DATED_OPENING_RE.match(head) is not None
        )
        f["alone&comma"] = f["comma"]
    return f


# Below this probability of running on, a blank line surely ends the paragraph over it:
# nothing printed later continues that one (above it, a column break may still).
SURELY_PARTED = 0.1


def rejoin(
    content: Sequence[Line],
    model: Model | None,
    continues_word: Callable[[str, str, bool], bool],
    trace: Callable[[Line, Features], None] | None = None,
) -> list[Line]:
    """The lines with the blank lines the model reads as inside a paragraph marked
    (``joined``): the cleaner then runs the line on as if no blank line were there."""
    out = list(content)
    start = 0  # where the piece of the current line begins
    for k in range(1, len(out)):
        before, line = out[k - 1], out[k]
        blank = line.gap or line.no - before.no > 1
        if not blank:
            continue
        piece = "".join(x.text for x in out[start:k])
        prior = out[start - 1].text.rstrip() if start else ""
        after_end = not prior or prior[-1] in TERMINALS + CLOSERS + "；"
        if candidate(before, line) and (model is not None or trace is not None):
            f = features(piece, after_end, before, line, continues_word)
            if trace is not None:
                trace(line, f)
            if model is not None:
                p = model.probability(f)
                if p >= model.threshold:
                    out[k] = replace(line, joined=True)
                    continue
                if p < SURELY_PARTED:
                    out[k] = replace(line, parted=True)
        start = k
    return out
