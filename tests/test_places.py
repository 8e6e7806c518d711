"""我市, 本市, 我省: the place the paper means, where the page makes it knowable."""

from __future__ import annotations

from briefing.analyse.places import candidates, resolve, self_reference


def test_a_citys_paper_means_its_city():
    page = "宁波日报\n本报讯(记者 张帆)宁波市发改委表示，宁波将加快建设港口物流枢纽。我市将新建三个物流园区。"
    assert resolve("我市", candidates(page)) == "宁波市"
    assert resolve("本市", candidates(page)) == "宁波市"


def test_a_municipality_and_a_province():
    page = "本报北京5月8日电 北京市将在年内建成两百个便民服务站。北京还将扩大公园绿地。我市将加大投入。"
    assert resolve("我市", candidates(page)) == "北京市"
    province = "浙江省发布新规。浙江将推进数字政府建设，浙江各地积极响应。我省将出台配套办法。"
    assert resolve("我省", candidates(province)) == "浙江省"


def test_the_article_weighs_more_than_the_rest_of_the_page():
    page = "杭州市举行发布会。杭州将建设新的地铁线路。" + "温州市将新建两所医院，温州还将改造老旧小区。"
    article = "温州市将新建两所医院，温州还将改造老旧小区。我市将扩大医保覆盖面。"
    assert resolve("我市", candidates(page, article)) == "温州市"


def test_an_unknowable_place_stays_unresolved():
    assert resolve("我市", candidates("有关部门表示，我市将推进老旧小区改造。")) is None
    assert resolve("我省", candidates("人民日报\n会议强调，我省将加强生态保护。")) is None


def test_self_references():
    assert self_reference("我市") == "我市" and self_reference("全省") == "全省"
    assert self_reference("市政府") is None and self_reference(None) is None
