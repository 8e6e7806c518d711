"""Legal notices are recognised by their form and kept out of the articles."""

from __future__ import annotations

from briefing.text.notices import is_notice


def test_a_court_notice_serving_papers_is_a_notice():
    paras = [
        "（2024）某0101民初123号",
        "张某某：本院受理的原告李某某诉你买卖合同纠纷一案，因通过其他方式无法向你送达诉讼材料，现依法向你公告送达起诉状副本。"
        "自公告发出之日起，经过30日即视为送达。逾期不到庭，本院将依法缺席判决。",
    ]
    assert is_notice("某某县人民法院公告", paras)


def test_a_lost_certificate_declaration_is_a_notice():
    assert is_notice("遗失声明", ["某某农业发展有限公司不慎遗失营业执照副本一份，声明作废。"])


def test_court_news_and_a_policy_notice_story_are_articles():
    news = [
        "记者从区人民法院获悉，今年以来该院共审结劳动争议案件三百余件，平均审理周期缩短至四十天。",
        "院长介绍，下一步将推广在线调解，让群众少跑腿。",
    ]
    assert not is_notice("区法院劳动争议案件审理提速", news)
    story = ["市政府日前发布通告，自下月起中心城区实行机动车尾号限行，违者将依法处罚。"]
    assert not is_notice("中心城区下月起尾号限行", story)
