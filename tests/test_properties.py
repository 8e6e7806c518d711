"""Property-based tests of the cleaner and the segmenter: no exception on any
text, and nothing lost silently — every non-space character of a page ends up in
an article (title, kicker, byline, paragraphs) or in the list of dropped furniture."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.model import Source
from briefing.text.clean import clean
from briefing.text.segment import segment

# Lines a newspaper page is made of, to build pages that reach every branch.
PIECES = [
    "市政协委员踊跃建言贡献“金点子”——",
    "重庆如何加快打造国家重要先进制造业中心",
    "□本报记者 王一 李二",
    "■新重庆-重庆日报记者 张三",
    "本报讯(记者 赵四)全市今年将新建智能工厂十家。",
    "市人大代表陈青松：",
    "打造多式联运物流枢纽中心",
    "两会声音",
    "主持人:",
    "重庆日报记者 陈五 苏六",
    "市人大代表、某区区委书记 唐小平",
    "5月10日，工人在车间检查整车。 记者 齐七 摄/视觉重庆",
    "记者 万八 摄/视觉重庆",
    "高健",
    "投稿邮箱: news@example.com",
    "（本组图片由记者齐九拍摄",
    "重庆）",
    "## 为民而建",
    "### 坚持规划引领",
    "- 坚持推动制造业高质量发展",
    "唐小平介绍，沙坪坝将以创新为切入点，推动产学研深度融合。",
    "何以龙建议市级",
    "主管部门牵头会同相关区县，以园区为载体，提升主导产业辨识度。",
    "方。从蓝图到落地，任务书是目标指引。",
    "罗晶 马菱涛",
    "潘锋 图片由沙坪坝区总工会提供",
    "重庆日报:深入推进新型工业化,巩固提升",
    "声音",
]

page_lines = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=60)), max_size=40)
separators = st.sampled_from(["\n", "\n\n", "\n\n\n", "\r\n", "\f"])


def _chars(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace())


def _check(text: str) -> None:
    page = clean(Source("p.txt", "p.txt", text, "utf-8", "simplified", "0"))
    articles, dropped = segment(page)
    kept = "".join(
        "".join(filter(None, (a.title, a.kicker, a.byline))) + "".join(p.orig for p in a.paragraphs) for a in articles
    )
    kept += "".join(d.text for d in dropped)
    missing = _chars(text) - _chars(kept)
    assert not missing, f"lost: {dict(missing)}"
    for a in articles:
        assert a.body, "an article without body text"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_unicode_text(text: str):
    _check(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page_lines, separators)
def test_newspaper_like_pages(lines: list[str], sep: str):
    _check(sep.join(lines))
