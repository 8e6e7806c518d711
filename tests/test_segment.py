from __future__ import annotations

from briefing.model import Source
from briefing.text.clean import clean
from briefing.text.segment import segment

PAGE = """

某市推进产业集群发展 打造先进制造业高地

□本报记者 王小明

本市今年将新建产业园区三个，推动制造业提质增效。

市人大代表、甲区区委书记孙大为说，甲区将加快建设智能工厂。

两会声音

市政协委员李红：加快培育数字经济人才

本报讯(记者 赵明)市政协委员李红建议，加强高校与企业联合培养数字人才。

她还建议设立人才发展专项资金。

湖畔新景 市民休闲好去处

5月1日，市民在湖畔步道散步。

记者 周立 摄/视觉某市
"""


def articles():
    source = Source("p.txt", "p.txt", PAGE, "utf-8", "simplified", "0")
    return segment(clean(source))[0]


def test_articles_are_split_at_headlines_with_bylines():
    arts = articles()
    assert [a.kind for a in arts] == ["news", "news", "photo_caption"]
    first, second, caption = arts
    assert first.title == "某市推进产业集群发展 打造先进制造业高地"
    assert first.byline == "□本报记者 王小明"
    assert len(first.body) == 2
    assert second.kicker == "两会声音"
    assert second.title == "市政协委员李红：加快培育数字经济人才"
    assert second.byline == "本报讯(记者 赵明)"
    assert second.body[0].orig.startswith("市政协委员李红建议")
    assert caption.title == "湖畔新景 市民休闲好去处"
    assert caption.byline == "记者 周立 摄/视觉某市"


def test_article_ids_are_stable_and_cite_the_source():
    arts = articles()
    assert [a.id for a in arts] == ["p-01", "p-02", "p-03"]
    assert all(a.source == "p.txt" for a in arts)


def test_subheads_stay_inside_their_article():
    page = (
        "某区发布新政 支持企业创新\n\n□本报记者 王明\n\n第一段内容完整结束。\n\n"
        "创新驱动\n\n促进产业集群式发展\n\n第二段内容也完整结束。\n"
    )
    arts = segment(clean(Source("p.txt", "p.txt", page, "utf-8", "simplified", "0")))[0]
    assert len(arts) == 1
    assert [p.role for p in arts[0].paragraphs] == ["body", "heading", "heading", "body"]
