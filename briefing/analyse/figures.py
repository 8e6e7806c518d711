"""Key figures: the clauses of an article that state a statistic, verbatim.

A figure is a clause (between ，；。) holding a quantity — a number with a unit,
a percentage, a multiple — together with a short time or scope phrase before it
(截至2022年末，…).  Dates and years alone are not figures."""

from __future__ import annotations

import re

from ..model import Article, Figure
from ..text.sentences import split_spans

_UNIT = (
    r"(?:%|％|‰|倍|亿元|万亿元|亿|万元|万|千|元|个|家|台|辆|人次|人|项|条|吨|公里|千米|平方米|平方公里|亩|次|户|座|所|件|名|"
    r"架|方|千瓦|万千瓦|GW|MW|kW|Mbps|G|套|款|场|余家|余人|余项|余个|余次|余件|余场|余名|余家)"
)
_QUANTITY = re.compile(rf"\d+(?:[.,]\d+)?\s*(?:多|余)?{_UNIT}")
_DATE_ONLY = re.compile(r"^\d{1,4}(?:年|月|日|号)")
_SCOPE = re.compile(r"^(?:截至|截止|到|今年|去年|全年|其中|目前|\d{4}年|近年来)")
MIN_FIGURE, MAX_FIGURE = 8, 80
# A space between Chinese characters inside a paragraph: a heading printed into it
# (聚焦问题 提出70余条“金点子” 通过调研…); such a clause is no figure.
_HEADING_GLUED = re.compile(r"[\u4e00-\u9fff”」』）][ \u3000]+[\u4e00-\u9fff“「『（]")
OPENERS, CLOSERS = "“‘「『（(《", "”’」』）)》"


def _balanced(text: str, start: int, end: int) -> int:
    """The start moved back over the opening marks whose closing marks the figure
    holds (a figure that begins inside a quotation takes its opening mark)."""
    piece = text[start:end]
    while (
        start > 0
        and text[start - 1] in OPENERS
        and sum(piece.count(c) for c in CLOSERS) > sum(piece.count(o) for o in OPENERS)
    ):
        start -= 1
        piece = text[start:end]
    return start


SIGNIFICANT = 10  # a bare count below this (7项任务) is not a statistic
MAX_PER_ARTICLE = 6


def _significant(m: re.Match[str]) -> bool:
    """A statistic rather than a count of items: a share, a sum in 万/亿, or at least ten of something."""
    token = m.group()
    if re.search(r"[%％‰倍万亿]", token):
        return True
    number = re.match(r"\d+(?:[.,]\d+)?", token)
    return number is not None and float(number.group().replace(",", "")) >= SIGNIFICANT


def _quantities(text: str) -> list[re.Match[str]]:
    return [m for m in _QUANTITY.finditer(text) if not _DATE_ONLY.match(text[m.start() :]) and _significant(m)]


def find_figures(article: Article) -> tuple[Figure, ...]:
    out: list[Figure] = []
    for pi, para in enumerate(article.paragraphs):
        if para.role != "body":
            continue
        text = para.text
        for s, e in split_spans(text, para.seams):
            clauses = []
            pos = s
            for m in re.finditer(r"[，；。！？]", text[s:e]):
                clauses.append((pos, s + m.start()))
                pos = s + m.end()
            if pos < e:
                clauses.append((pos, e))
            k = 0
            while k < len(clauses):
                cs, ce = clauses[k]
                clause = text[cs:ce]
                if _quantities(clause) and not _HEADING_GLUED.search(clause):
                    start = cs
                    # keep a short scope phrase before it: 截至2022年末，…
                    if k and _SCOPE.match(text[clauses[k - 1][0] : clauses[k - 1][1]]):
                        start = clauses[k - 1][0]
                    end = ce
                    # and a following clause that compares or completes it: 高于全国…的平均值
                    if k + 1 < len(clauses) and re.match(
                        r"^(?:高于|低于|同比|增长|较|比|占|位居|居)", text[clauses[k + 1][0] :]
                    ):
                        end = clauses[k + 1][1]
                        k += 1
                    while start < end and text[start] in OPENERS:
                        start += 1
                    start = _balanced(text, start, end)
                    if MIN_FIGURE <= end - start <= MAX_FIGURE:
                        out.append(Figure(para.orig[start:end], pi))
                k += 1
    # a figure inside a longer one of the same paragraph is dropped
    out = [f for f in out if not any(g is not f and g.para == f.para and f.text in g.text for g in out)]
    # the figures richest in numbers first, then in reading order
    ranked = sorted(range(len(out)), key=lambda i: -len(_quantities(out[i].text)))[:MAX_PER_ARTICLE]
    return tuple(out[i] for i in sorted(ranked))
