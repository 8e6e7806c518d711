from __future__ import annotations

from briefing.analyse.proposals import find_proposals
from briefing.model import Article, Para


def article(*paragraphs: str, title: str | None = "某市推进产业发展", kind: str = "news") -> Article:
    paras = tuple(Para(p, p, (i,)) for i, p in enumerate(paragraphs))
    return Article("t-01", "t.txt", kind, title, None, "□本报记者 王明", paras)  # type: ignore[arg-type]


def test_suggestion_with_title_chain_and_name():
    art = article("市政协常委，某市统计局党组书记、局长孙立新建议，建立跨区域产业转移协调机制，完善税收分成政策体系。")
    (p,) = find_proposals(art)
    assert p.kind == "suggestion"
    assert p.speaker == "孙立新"
    assert p.role == "市政协常委，某市统计局党组书记、局长"
    assert p.text == "建立跨区域产业转移协调机制，完善税收分成政策体系"
    assert p.mandate == "cppcc"


def test_plan_of_an_official_referred_to_by_name_later():
    art = article(
        "市人大代表、甲区区委书记钱海峰介绍，甲区今年工业产值增长一成。",
        "钱海峰表示，甲区将加快建设智能工厂，推动园区扩能升级。",
    )
    props = find_proposals(art)
    assert [(p.kind, p.speaker) for p in props] == [("plan", "钱海峰")]
    assert props[0].text == "甲区将加快建设智能工厂，推动园区扩能升级"
    assert props[0].role == "市人大代表、甲区区委书记"


def test_semicolon_lists_are_split():
    art = article("市政协委员赵红梅建议，设立人才发展专项资金；支持高校与企业联合培养技能人才。")
    assert [p.text for p in find_proposals(art)] == ["设立人才发展专项资金", "支持高校与企业联合培养技能人才"]


def test_text_without_proposals_yields_none():
    art = article(
        "截至去年末，全市5G基站数达到2万个，同比增长一成。",
        "数据显示，全市已有2700人次享受到相应养老服务，满意度达98%。",
    )
    assert find_proposals(art) == ()


def test_photo_captions_have_no_proposals():
    art = article("市政协委员赵红梅建议，设立人才发展专项资金。", kind="photo_caption")
    assert find_proposals(art) == ()
