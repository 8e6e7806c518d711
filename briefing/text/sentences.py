"""Split Chinese (and mixed) text into whole sentences, with their offsets.

A sentence ends at 。！？ or an ellipsis (……), together with any closing quotes or
brackets printed right after it (``…发展。”``).  Decimals (``7.09%``), enumerations
(``1、``) and ASCII dots in names (``AI·NK``, ``2.0版``) never end a sentence, and a
paragraph that stops without punctuation ends its last sentence.  Works on the
analysis form (see :mod:`briefing.text.normalize`), where ASCII ``?!`` are already
full width.
"""

from __future__ import annotations

import re

from .patterns import CLOSERS

_ENDERS = "。！？"
_ELLIPSIS = "…"
_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "No", "St", "Co", "Inc", "Ltd", "vs", "etc", "e.g", "i.e")
_ATTRIBUTION = 20  # characters of "X表示" allowed after a closing quote


def _ascii_stop(text: str, i: int) -> bool:
    """An ASCII full stop (or ``...``) that ends a sentence: after a word, not a
    digit or an abbreviation, and followed by a space, a CJK character or the end."""
    if text[i] != "." or i == 0:
        return False
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if nxt == ".":
        return False  # the full stop is the last dot of "..."
    prev = text[i - 1]
    if prev.isdigit() and nxt.isdigit():
        return False  # 7.09
    if prev.isdigit() and (i < 2 or not text[i - 2].isalnum() or i == 1):
        return False  # 1. at the start of an item
    word = text[max(0, i - 4) : i].split()[-1] if text[max(0, i - 4) : i].split() else ""
    if any(word.endswith(a) for a in _ABBREVIATIONS):
        return False
    return nxt == "" or nxt.isspace() or "\u4e00" <= nxt <= "\u9fff"


def split_spans(text: str, seams: tuple[int, ...] = ()) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the sentences of ``text``, whitespace trimmed.
    ``seams``: offsets where text printed apart was joined (another column, markup
    taken out): no sentence runs across one, since a quote is verbatim only within."""
    spans: list[tuple[int, int]] = []
    start = 0
    i = 0
    n = len(text)
    depth = 0  # inside “…” a 。 ends the quoted sentence only if the quote closes right after
    while i < n:
        ch = text[i]
        if ch in "“「『":
            depth += 1
        elif ch in "”」』" and depth:
            depth -= 1
        if (
            ch in _ENDERS
            or (ch == _ELLIPSIS and i + 1 < n and text[i + 1] == _ELLIPSIS)
            or (ch == "." and _ascii_stop(text, i))
        ):
            j = i + 1
            while j < n and (text[j] in _ENDERS or text[j] == _ELLIPSIS):
                j += 1
            while j < n and text[j] in CLOSERS:
                if text[j] in "”」』" and depth:
                    depth -= 1
                j += 1
            if depth and j < n:
                # a full stop inside an open quotation: the sentence goes on
                i = j
                continue
            if text[j - 1] in "”」』" and j < n:
                # “……。”许宏球表示。 — a short attribution after a quotation belongs to it
                k = j
                while k < n and text[k] not in _ENDERS and text[k] not in "“「『" and k - j <= _ATTRIBUTION:
                    k += 1
                if k < n and text[k] in _ENDERS and k - j <= _ATTRIBUTION:
                    i = k
                    continue
            spans.append((start, j))
            start = j
            i = j
            continue
        i += 1
    if start < n:
        spans.append((start, n))
    if seams:
        spans = _cut_at_seams(spans, seams)
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        m = _SPLICED_HEADING.match(text, s, e)
        if m and e - m.end() >= MIN_AFTER_HEADING:
            s = m.end()  # a heading the extraction printed into the paragraph is not the sentence's
        if e > s:
            out.append((s, e))
    return out


def _cut_at_seams(spans: list[tuple[int, int]], seams: tuple[int, ...]) -> list[tuple[int, int]]:
    out = []
    for s, e in spans:
        cuts = [c for c in seams if s < c < e]
        for a, b in zip([s, *cuts], [*cuts, e], strict=True):
            out.append((a, b))
    return out


# Words set apart by spaces at a sentence's start, with no punctuation: a subhead
# that a PDF extraction printed into the paragraph (聚焦问题 提出70余条“金点子” 通过调研，…).
_SPLICED_HEADING = re.compile(r"(?:[\u4e00-\u9fff“”0-9]{4,16}[ \u3000]+){2,4}(?=[\u4e00-\u9fff])")
MIN_AFTER_HEADING = 8


def split_sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_spans(text)]
