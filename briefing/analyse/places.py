"""The place a paper means by 我市, 本市, 全市, 该市 (a city) or 我省, 本省, 全省
(a province), where the page makes it knowable.

A paper writes from where it stands: its own city is 我市.  The place is found, in
this order of weight, from the paper's name on the page (a masthead or a byline:
``某某日报``), the datelines (``本报某地5月16日电``, ``新华社某地电``), and the
place names the text mentions most (jieba's place-name tag), those of the article
first, then those of the page.  A city-level reference takes a municipality or a
name given with 市; a province-level one a province.  Pure functions.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from ..model import Analysis

CITY_REFS = ("我市", "本市", "全市", "该市")
PROVINCE_REFS = ("我省", "本省", "全省")
SELF_REFERENCES = CITY_REFS + PROVINCE_REFS
_SELF_RE = re.compile("|".join(SELF_REFERENCES))

# Provincial-level divisions (the four municipalities are cities too).
MUNICIPALITIES = ("北京", "上海", "天津", "重庆")
PROVINCES = (
    *MUNICIPALITIES,
    "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北",
    "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏",
    "宁夏", "新疆", "香港", "澳门",
)  # fmt: skip
_OUTLET = re.compile(r"([\u4e00-\u9fff]{2,3}?)(?:日报|晚报|商报|都市报)")
_DATELINE = re.compile(r"(?:本报|新华社|中新社)([\u4e00-\u9fff]{2,3}?)(?:\d{1,2}月\d{1,2}日)?电")
# Weight of a place named by the paper itself, and by a dateline, against one mention.
OUTLET_WEIGHT, DATELINE_WEIGHT = 10, 5
MIN_MENTIONS = 2


@functools.cache
def _places(text: str) -> tuple[str, ...]:
    """The place names of jieba's dictionary in a text, in order (tag ``ns``): read
    from the dictionary's tags of the words, without the part-of-speech tagger's
    guessing (a fifth of a page's analysis time on a big week)."""
    from ..text.tokenize import word_tags

    return tuple(word for word, flag in word_tags(text) if flag == "ns")


def _base(name: str) -> str:
    for suffix in ("市", "省"):
        if name.endswith(suffix) and len(name) > 2:
            return name[: -len(suffix)]
    return name


def _is_province(name: str) -> bool:
    return _base(name) in PROVINCES


def _is_city(name: str) -> bool:
    base = _base(name)
    if base in MUNICIPALITIES:
        return True
    return name.endswith("市") and base not in PROVINCES and 2 <= len(base) <= 4


def _tally(texts: Iterable[str], weight: int, counts: Counter[str], known: Iterable[str] = ()) -> None:
    names = set(known)
    for text in texts:
        if not names or text in names or _base(text) in names:
            counts[_base(text)] += weight


def candidates(page_text: str, article_text: str = "") -> Counter[str]:
    """Places with their weight: the paper's own name, the datelines, and the
    article's and page's mentions (those of the article count twice)."""
    counts: Counter[str] = Counter()
    mentioned = [*_places(page_text), *_places(article_text), *_places(article_text)]
    cities = {_base(p) for p in mentioned if _is_city(p) or _is_province(p)}
    named = {_base(p) for p in _places(page_text)}
    _tally((m.group(1) for m in _OUTLET.finditer(page_text)), OUTLET_WEIGHT, counts, named | set(PROVINCES))
    _tally((m.group(1) for m in _DATELINE.finditer(page_text)), DATELINE_WEIGHT, counts, named | set(PROVINCES))
    for place in mentioned:
        if _base(place) in cities:
            counts[_base(place)] += 1
    return counts


def resolve(reference: str, counts: Counter[str]) -> str | None:
    """The place a self-reference stands for: ``重庆市`` for 我市 on a page of a
    Chongqing paper; None where the page does not make it knowable."""
    if reference in CITY_REFS:
        fits = [(n, p) for p, n in counts.items() if p in MUNICIPALITIES or (p not in PROVINCES and n)]
        suffix = "市"
    elif reference in PROVINCE_REFS:
        fits = [(n, p) for p, n in counts.items() if p in PROVINCES and p not in MUNICIPALITIES]
        suffix = "省"
    else:
        return None
    fits = [(n, p) for n, p in fits if n >= MIN_MENTIONS]
    if not fits:
        return None
    _, best = max(fits)
    return best + suffix


def self_reference(text: str | None) -> str | None:
    """The self-reference a speaker or body is (我市, 本市…), if it is one."""
    if not text:
        return None
    m = _SELF_RE.fullmatch(text.strip())
    return m.group() if m else None


def resolve_places(page_text: str, analyses: Iterable[Analysis]) -> list[Analysis]:
    """Each proposal whose body is a self-reference gets the place it stands for."""
    out = []
    for analysis in analyses:
        refs = [p for p in analysis.proposals if not p.speaker and self_reference(p.body)]
        if refs:
            article_text = "".join(para.text for para in analysis.article.paragraphs)
            counts = candidates(page_text, article_text)
            proposals = tuple(
                replace(p, place=resolve(self_reference(p.body) or "", counts)) if p in refs else p
                for p in analysis.proposals
            )
            analysis = replace(analysis, proposals=proposals)
        out.append(analysis)
    return out
