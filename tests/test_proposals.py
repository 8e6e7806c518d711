from __future__ import annotations

from briefing.analyse.proposals.walk import find_proposals  # the rules: the candidates the model weighs
from briefing.model import Article, Para


def article(*paragraphs: str, title: str | None = "某市推进产业发展", kind: str = "news") -> Article:
    paras = tuple(Para(p, p, (i,)) for i, p in enumerate(paragraphs))
    return Article("t-01", "t.txt", kind, title, None, "□本报记者 王明", paras)  # type: ignore[arg-type]


def test_suggestion_with_title_chain_and_name():
    art = article("市政协常委，某市统计局党组书记、局长孙立新建议，建立跨市产业承接协作机制，健全税收共享办法。")
    (p,) = find_proposals(art)
    assert p.kind == "suggestion"
    assert p.speaker == "孙立新"
    assert p.role == "市政协常委，某市统计局党组书记、局长"
    assert p.text == "建立跨市产业承接协作机制，健全税收共享办法"
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
        "数据显示，全区已有1500人次用上了助餐服务，好评率达95%。",
    )
    assert find_proposals(art) == ()


def test_photo_captions_have_no_proposals():
    art = article("市政协委员赵红梅建议，设立人才发展专项资金。", kind="photo_caption")
    assert find_proposals(art) == ()


def test_pronoun_refers_to_the_last_named_speaker():
    art = article(
        "市政协委员、某银行行长周文彬认为，金融是实体经济的血脉。",
        "他建议设立产业引导基金，同时发挥天使投资基金带动作用。",
    )
    props = find_proposals(art)
    assert [(p.speaker, p.text) for p in props] == [
        ("周文彬", "设立产业引导基金"),
        ("周文彬", "发挥天使投资基金带动作用"),
    ]


def test_speaker_from_the_headline():
    art = article(
        "“当前用电负荷较大，调峰压力增加。”这位委员非常关注用电问题。",
        "吴立新建议，改造现有小型水库电站，提升抽水储能调节能力。",
        title="市政协委员吴立新：多措并举增加调峰能力",
    )
    (p,) = find_proposals(art)
    assert (p.speaker, p.role, p.mandate) == ("吴立新", "市政协委员", "cppcc")


def test_enumerations_are_separate_items():
    art = article(
        "为此，市人大代表郑国庆提出三项建议：一是扩大参保人群，延伸保障覆盖；二是落实缴费优惠，减轻家庭负担；"
        "三是完善奖励办法，培育本土人才。"
    )
    texts = [p.text for p in find_proposals(art)]
    assert texts == ["扩大参保人群，延伸保障覆盖", "落实缴费优惠，减轻家庭负担", "完善奖励办法，培育本土人才"]


def test_quotation_before_the_speaker_is_the_speakers():
    art = article(
        "市人大代表、乙县县委书记冯长江介绍，乙县去年工业产值增长一成。",
        "“下一步，乙县将加快建设标准厂房，引进龙头企业。”冯长江说。",
    )
    (p,) = find_proposals(art)
    assert (p.kind, p.speaker, p.text) == ("plan", "冯长江", "乙县将加快建设标准厂房，引进龙头企业")


def test_roundtable_answers_are_attributed_to_each_guest():
    paras = (
        Para("市经济信息委主任 韩立群", "市经济信息委主任 韩立群", (1,), "guests"),
        Para("某大学教授 魏晓光", "某大学教授 魏晓光", (2,), "guests"),
        Para("记者：下一步有哪些打算？", "记者：下一步有哪些打算？", (3,)),
        Para(
            "韩立群：全市经信系统将加快企业数字化转型，建设一批智能工厂。",
            "韩立群：全市经信系统将加快企业数字化转型，建设一批智能工厂。",
            (4,),
        ),
        Para(
            "魏晓光：重庆应加大科技创新投入，培育高新技术企业。",
            "魏晓光：重庆应加大科技创新投入，培育高新技术企业。",
            (5,),
        ),
    )
    art = Article("t-01", "t.txt", "interview", "圆桌会", None, "本报记者 王明", paras)
    props = find_proposals(art)
    assert [(p.speaker, p.kind, p.role) for p in props] == [
        ("韩立群", "plan", "市经济信息委主任"),
        ("魏晓光", "suggestion", "某大学教授"),
    ]


def test_quoted_reports_and_unsigned_commentary_yield_nothing():
    report = article("“政府工作报告提出，要加快建设现代化产业体系。”记者了解到，会场气氛热烈。")
    assert find_proposals(report) == ()
    commentary = article("做大做强制造业，既要巩固优势，也要开拓新赛道。", title=None, kind="other")
    assert find_proposals(commentary) == ()


def test_common_words_are_not_taken_for_names():
    art = article("市教委有关负责人解读说，学校要结合教学实际设计研学课程，突出校外延伸。")
    (p,) = find_proposals(art)
    assert p.speaker is None
    assert p.role == "市教委有关负责人" and p.body == "市教委"
    assert p.kind == "plan"
