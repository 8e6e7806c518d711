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
    assert second.body[0].orig.startswith("本报讯(记者 赵明)市政协委员李红建议")  # the dateline opens the text
    assert caption.title == "湖畔新景 市民休闲好去处"
    assert caption.byline == "记者 周立 摄/视觉某市"


def test_article_ids_are_stable_and_cite_the_source():
    arts = articles()
    assert [a.id for a in arts] == ["p-01", "p-02", "p-03"]
    assert all(a.source == "p.txt" for a in arts)


def test_subheads_stay_inside_their_article():
    page = (
        "某区发布新政 支持企业创新\n\n□本报记者 王明\n\n第一段内容完整结束。\n\n"
        "新政支持企业创新，区里的企业都很关注。\n\n"
        "创新驱动\n\n促进产业集群式发展\n\n第二段内容也完整结束。\n\n"
        "企业创新有了新政的支持，产业集群也在发展。\n"
    )
    arts = segment(clean(Source("p.txt", "p.txt", page, "utf-8", "simplified", "0")))[0]
    assert len(arts) == 1
    assert [p.role for p in arts[0].paragraphs] == ["body", "body", "heading", "heading", "body", "body"]


def _articles(text: str):
    src = Source("web.txt", "web.txt", text, "utf-8", "simplified", "0")  # type: ignore[arg-type]
    page = clean(src)
    return page, segment(page)[0]


# Web text: each article's 引题/主题/副题 flush left, its body indented; a column of
# items under one headline keeps its indented title-chain lines and credits.
INDENTED = (
    "某省召开民营经济座谈会，企业家代表畅谈发展——\r\n"
    "稳预期强信心（经济观察）\r\n"
    "\r\n"
    "\u3000\u3000核心阅读\r\n"
    "\u3000\u3000座谈会上，企业家们围绕融资、用工等问题提出意见。\r\n"
    "\u3000\u3000某集团董事长周立新代表\r\n"
    "\u3000\u3000把研发投入放在首位\r\n"
    "\u3000\u3000周立新代表说，企业将继续加大研发投入，建设联合实验室。\r\n"
    "\u3000\u3000（本报记者 孙明整理）\r\n"
    "\r\n"
    "\r\n"
    "\r\n"
    "议发展\r\n"
    "\r\n"
    "\u3000\u3000某大学校长钱安代表\r\n"
    "\u3000\u3000加快培养工程人才\r\n"
    "\u3000\u3000钱安代表建议，扩大卓越工程师培养规模，推动校企共建学院。\r\n"
)


def test_indented_page_opens_articles_at_flush_left_header_lines():
    page, arts = _articles(INDENTED)
    assert page.layout == "indented"
    assert [a.title for a in arts] == ["稳预期强信心（经济观察）", "议发展"]
    assert arts[0].kicker == "某省召开民营经济座谈会，企业家代表畅谈发展——"
    first = [p.orig for p in arts[0].paragraphs]
    assert first[0] == "核心阅读" and first[-1] == "（本报记者 孙明整理）"
    assert "某集团董事长周立新代表" in first
    assert arts[1].paragraphs[0].orig == "某大学校长钱安代表"


def test_indented_page_reflowed_keeps_its_articles():
    """Lines broken mid-sentence (as a PDF extraction breaks them) continue their
    paragraph even though the continuation is not indented."""
    lines = []
    for line in INDENTED.split("\r\n"):
        while len(line) > 22:
            lines.append(line[:22])
            line = line[22:]
        lines.append(line)
    page, arts = _articles("\n".join(lines))
    assert page.layout == "indented"
    assert [a.title for a in arts] == ["稳预期强信心（经济观察）", "议发展"]
    assert any("建设联合实验室" in p.orig for p in arts[0].paragraphs)


def test_indented_paragraph_broken_after_a_short_first_line_stays_one_paragraph():
    """A paragraph whose first printed line is short and has no full stop looks like a
    subhead; the flush-left lines that carry it on make it a paragraph."""
    page = (
        "某市推进城市更新\n\n"
        "\u3000\u3000本次改造由市住建局联合市发展改革委、市\n"
        "财政局共同推进，首批涉及老旧小区四十个，\n"
        "年底前全部完工。\n"
        "\u3000\u3000改造提速\n"
        "\u3000\u3000市住建局表示，将简化审批流程，推动项目早日开工。\n"
    )
    _, arts = _articles(page)
    assert len(arts) == 1
    paras = [(p.role, p.orig) for p in arts[0].paragraphs]
    whole = "本次改造由市住建局联合市发展改革委、市财政局共同推进，首批涉及老旧小区四十个，年底前全部完工。"
    assert paras[0] == ("body", whole)
    assert paras[1] == ("heading", "改造提速")


MARKDOWN = """---
title: "某区发布人才新政"
tags:
  - "人才"
---

# 某区发布人才新政　首年投入一亿元

![区长在发布会上讲话。（资料圖片）](https://example.org/a.jpg)

某区今日发布人才新政，区长吴明表示，首年将投入一亿元支持青年人才安家。

**新政要點：**

新政包括住房补贴、科研启动资金和子女入学保障。

---

原文連結：[https://example.org/news/1](https://example.org/news/1)

© example.org

# 某市地铁三号线开通

某市地铁三号线今日开通，全长二十公里。
"""


def test_markdown_page_drops_web_furniture_and_splits_at_headings():
    page, arts = _articles(MARKDOWN)
    assert page.layout == "markdown"
    assert [a.title for a in arts] == ["某区发布人才新政　首年投入一亿元", "某市地铁三号线开通"]
    text = "".join(p.orig for p in arts[0].paragraphs)
    assert "首年将投入一亿元" in text and "新政包括住房补贴" in text
    assert "example.org" not in text and "title:" not in text
    reasons = {d.reason for d in page.dropped}
    assert {"front matter", "photo caption (web page)", "link line", "copyright line"} <= reasons


def test_a_headline_over_a_blank_line_is_not_joined_by_a_guessed_word():
    """Web copy: the headline, a blank line, the first paragraph.  The tokenizer may
    guess a word across the gap (厂|台); only a dictionary word joins lines there."""
    page = (
        "台積電宣布在高雄擴建先進製程廠\n\n台積電今日宣布，將在高雄加碼投資興建第三座晶圓廠。\n\n"
        "經濟部長表示，政府會協助解決用水問題。\n"
    )
    src = Source("w.txt", "w.txt", page, "utf-8", "traditional", "0")  # type: ignore[arg-type]
    arts = segment(clean(src))[0]
    assert [a.title for a in arts] == ["台積電宣布在高雄擴建先進製程廠"]
    assert arts[0].paragraphs[0].orig.startswith("台積電今日宣布")


def test_markdown_article_with_sections_stays_one_article():
    """Saved from the web: front matter, one # headline, its text, then ## sections."""
    page = (
        '---\ntitle: "某市发布低空经济措施"\n---\n# 某市发布低空经济措施\n\n某市近日发布促进低空经济发展的措施。\n\n'
        "## 重点任务\n\n某市将建设低空飞行服务保障体系。\n\n## 专家观点\n\n某大学教授建议完善空域管理制度。\n"
    )
    _, arts = _articles(page)
    assert [a.title for a in arts] == ["某市发布低空经济措施"]
    assert [p.role for p in arts[0].paragraphs] == ["body", "heading", "body", "heading", "body"]


def test_a_paragraph_broken_into_short_lines_with_commas_is_not_a_headline():
    page = (
        "社区食堂覆盖所有街道\n\n□本报记者 韩雪\n\n"
        "今年以来，全市新建社区食堂四十家，为老人提供助餐服务。\n\n"
        "近年来，各区民政部门始终注重养老服务\n"
        "网络建设，以老年人满意度作为检验工作成效\n"
        "的标准，推动助餐服务向农村延伸。\n"
    )
    arts = segment(clean(Source("p.txt", "p.txt", page, "utf-8", "simplified", "0")))[0]
    assert [a.title for a in arts] == ["社区食堂覆盖所有街道"]
    assert arts[0].paragraphs[-1].orig.startswith("近年来，各区民政部门始终注重养老服务网络建设")


def test_a_kicker_with_a_comma_runs_on_into_its_headline():
    page = (
        "加快推进城市更新，改善群众居住条件\n"
        "老旧小区改造惠及三万户\n\n"
        "　　区住建委负责人介绍，今年将改造老旧小区六十个，年底前全部完工。\n"
    )
    arts = segment(clean(Source("p.txt", "p.txt", page, "utf-8", "simplified", "0")))[0]
    heads = (arts[0].kicker or "") + (arts[0].title or "")
    assert "加快推进城市更新，改善群众居住条件" in heads and heads.endswith("老旧小区改造惠及三万户")
    assert arts[0].paragraphs[0].orig.startswith("区住建委负责人介绍")


# A feed stored as text: each item's headline right above its first paragraph, the
# items' paragraphs set apart by blank lines, some items' bodies kept as the HTML
# they were published in (all on one line).
FEED = (
    "某区议员倡增设社区诊所\n"
    "(某某电台消息) 某区议员今日在会上发言，建议当局增设社区诊所。\n"
    "\n"
    "议员王某认为，当局应检讨现行的诊所发牌制度，缩短审批时间。\n"
    "\n"
    "新公园下月启用 设儿童游乐区\n"
    "<p>市政署表示，新公园下月启用。</p><p> </p><p>署方将在公园内设"
    '<a href="https://example.org/x">儿童游乐区</a>，并增设无障碍设施。</p>'
    "<p><strong>设施分期开放</strong></p><p>首期开放的设施包括草坪和步道。</p>"
    '<p><img src="a.jpg"/><br/><em>新公园一角</em></p>\n'
    "\n"
    "统计局公布上月零售数据\n"
    "统计局公布，上月零售总额按年上升百分之三。\n"
)


def test_a_feed_of_items_is_split_at_each_items_headline():
    _page, arts = _articles(FEED)
    assert [a.title for a in arts] == [
        "某区议员倡增设社区诊所",
        "新公园下月启用 设儿童游乐区",
        "统计局公布上月零售数据",
    ]
    first, _park, stats = arts
    assert [p.orig[:8] for p in first.body] == ["(某某电台消息)", "议员王某认为，当"]
    assert len(stats.body) == 1


def test_html_kept_in_a_feed_item_is_read_as_the_browser_shows_it():
    _, arts = _articles(FEED)
    park = arts[1]
    assert [(p.role, p.orig) for p in park.paragraphs] == [
        ("body", "市政署表示，新公园下月启用。"),
        ("body", "署方将在公园内设儿童游乐区，并增设无障碍设施。"),
        ("heading", "设施分期开放"),  # a paragraph all in bold: a subhead
        ("body", "首期开放的设施包括草坪和步道。"),
    ]  # the picture's caption is left out with the picture
    # the link was taken out of the sentence: its text is verbatim on either side only
    second = park.paragraphs[1]
    assert [second.orig[:s][-2:] for s in second.seams] == ["内设", "乐区"]


def test_no_quote_runs_across_a_seam():
    from briefing.config import Settings
    from briefing.pipeline import sentences

    _, arts = _articles(FEED)
    quoted = [s.orig for s in sentences(arts[1])]
    assert "儿童游乐区" in quoted and "署方将在公园内设" in quoted
    assert not any("内设儿童" in q for q in quoted)
    assert Settings()  # the pipeline's sentences are the ones summaries quote


def test_links_and_tag_lists_of_a_stored_page_are_not_text():
    page, arts = _articles(
        "某团体倡设青年服务券\n"
        '<div><div>內容:</div><div><a href="/t/1">政經</a></div></div>'
        "<div><p>【某某報導】某團體今日發布研究報告，建議政府推出青年服務券。</p></div>\n"
    )
    assert [p.orig for a in arts for p in a.paragraphs] == [
        "【某某報導】某團體今日發布研究報告，建議政府推出青年服務券。"
    ]
    assert {d.reason for d in page.dropped} >= {"link line"}


# Readers' letters and briefs of an indented page: each under its own indented
# headline, closed by its writer's or reporter's signature.
LETTERS = (
    "读者来信\r\n"
    "\r\n"
    "\u3000\u3000让社区食堂开起来\r\n"
    "\u3000\u3000不少老人做饭不便。笔者建议，各街道因地制宜开办社区食堂。\r\n"
    "\u3000\u3000某省某市\u00a0张\u00a0明\u00a0\r\n"
    "\u3000\u3000\r\n"
    "\u3000\u3000公交站台应加装顶棚\r\n"
    "\u3000\u3000雨天候车很不方便，建议有关部门为公交站台加装顶棚。\r\n"
    "\u3000\u3000某省某县\u00a0李\u00a0华\r\n"
    "\r\n"
    "\r\n"
    "\r\n"
    "短讯\r\n"
    "\r\n"
    "\u3000\u3000某基金会成立\r\n"
    "\u3000\u3000本报电\u00a0\u00a0某基金会日前成立，首期募集资金一亿元。\r\n"
)


def test_signed_items_of_an_indented_page_are_articles_of_their_own():
    page, arts = _articles(LETTERS)
    assert page.layout == "indented"
    bodies = [[p.orig for p in a.body] for a in arts]
    assert [b[0][:6] for b in bodies] == ["不少老人做饭", "雨天候车很不", "本报电\u00a0\u00a0某"]
    assert bodies[0][-1] == "某省某市\u00a0张\u00a0明"  # the signature ends its letter


def test_a_headline_cut_inside_a_quotation_by_the_line_breaks_is_still_the_headline():
    page = (
        "某部推出「智慧農業 永續\n"
        "安心」行動方案\n"
        "\n"
        "某部今日召開記者會，說明未來施政藍圖。部長表示，將推動智慧農業，建立農\n"
        "民數位服務系統，並加強農業基礎建設，提升農業韌性，降低農業經營風險，確保產\n"
        "銷秩序。\n"
        "\n"
        "某部並將制定農業基本法，以擘劃農業發展方針，穩固農業根基，導引農業永續發\n"
        "展，並同時強化農村長者照顧服務。\n"
        "\n"
        "該部也將提出農村發展整體規劃，推動農村空間規劃，打造共榮生活環境，提供農\n"
        "民多元發展機會，建立品牌價值。\n"
        "\n"
        "部長指出，農業部將用更積極的態度持續傾聽農民的聲音，多方溝通形成共識，並\n"
        "積極推動農業轉型升級。\n"
    )
    _, arts = _articles(page)
    assert arts[0].title == "某部推出「智慧農業 永續安心」行動方案"
    assert arts[0].kind == "news"


def _broken(text: str, boundary=None):
    page = clean(Source("p.txt", "p.txt", text, "utf-8", "simplified", "0"))
    return page, segment(page, boundary=boundary)[0]


# A page of readers' letters as text broken into lines: each letter signed off, then a
# column's name over a notice, and the page's contact lines at its foot.
BROKEN_LETTERS = (
    "读者来信呼吁公共场所加强防护\n\n"
    "近来，不少读者来信建议公共场所加强防护，\n有的还提出了具体办法。\n\n"
    "读者认为，商场和车站应当定时消毒，\n并在入口处测量体温。\n\n"
    "某省某市 张明\n\n"
    "社区服务应更贴心\n\n"
    "前些天，我到社区服务中心办事，工作人员\n耐心解答了我的问题。\n\n"
    "笔者认为，社区服务应当更加贴心，\n让群众少跑腿。\n\n"
    "某省某县 李华\n\n"
    "预告\n\n"
    "下期话题：共同守护城市环境。\n\n"
    "欢迎读者就此话题来信，提出自己的建议。\n\n"
    "传真：（010）12345678\n"
)


def test_a_columns_name_after_a_signed_off_letter_opens_an_item_with_the_pages_contact_lines():
    page, arts = _broken(BROKEN_LETTERS)
    assert page.broken
    last = arts[-1]
    assert last.kicker == "预告" or last.title == "预告"
    texts = [p.orig for p in last.paragraphs]
    assert texts[0] == "下期话题：共同守护城市环境。"
    assert texts[-1] == "传真：（010）12345678"
    assert not any("下期话题" in p.orig for a in arts[:-1] for p in a.paragraphs)


def test_on_a_broken_page_a_headline_and_its_gloss_are_weighed_not_taken_for_an_article():
    """Where the layout is lost, a section's headline and its gloss (two lines, each
    with a clause break) do not open an article by themselves: the boundary model
    decides."""
    from briefing.learn import Model

    text = (
        "某市出台措施支持企业复工\n\n"
        "某市近日出台措施，帮助企业解决复工\n中遇到的困难。\n\n"
        "措施提出，对复工企业给予补贴，\n并减免部分费用。\n\n"
        "交通保障有力，员工顺利返岗\n\n专车直达企业，员工安心复工\n\n"
        "为帮助员工返岗，当地开通专车，\n把员工直接送到企业。\n\n"
        "目前，已有上千名员工乘专车\n返回岗位。\n"
    )
    never = Model("boundary", -5.0, {})
    assert len(_broken(text, never)[1]) == 1
    always = Model("boundary", 5.0, {})
    assert len(_broken(text, always)[1]) == 2
    # a kicker and a headline (no clause breaks) open an article whatever the model says
    plain = text.replace("交通保障有力，员工顺利返岗", "交通保障有力").replace(
        "专车直达企业，员工安心复工", "返岗员工乘专车直达企业"
    )
    assert len(_broken(plain, never)[1]) == 2


def test_a_page_of_reports_opens_an_article_at_each_headline_over_a_reports_opening():
    """Most headlines of a broken page stand over a dated or sourced opening: each
    opens an item, whatever the boundary model says of a one-paragraph section."""
    from briefing.learn import Model

    items = [
        ("甲市推进老旧小区改造", "8月20日，甲市发布老旧小区改造方案，今年改造三百个小区。"),
        ("乙省出台稳就业措施", "据乙省人社厅消息，该省出台十条措施，支持企业稳定岗位。"),
        ("丙公司公布半年业绩", "丙公司8月20日表示，上半年收入同比增长一成。"),
        ("丁市开通夜间公交", "近日，丁市开通十条夜间公交线路，方便市民夜间出行。"),
        ("戊区建设社区食堂", "8月19日，戊区首批社区食堂开业，为老人提供平价餐食。"),
    ]
    text = "\n\n".join(f"{head}\n\n{body[:14]}\n{body[14:]}" for head, body in items) + "\n"
    never = Model("boundary", -5.0, {})
    page, arts = _broken(text, never)
    assert page.broken
    assert [a.title for a in arts] == [head for head, _ in items]


def test_a_speakers_line_under_a_headline_opens_the_text_not_the_title():
    text = (
        "某部门负责人走上通道，回答大家关心的问题——\n\n"
        "书写发展新答卷（连线·部长通道）\n\n某某部部长王建国\n\n稳住外贸基本盘\n\n"
        "“外贸是经济增长的重要拉动力。”王建国说，今年将进一步扩大开放，\n稳住外贸外资。\n\n"
        "王建国表示，要帮助企业开拓市场，\n稳定订单。\n\n"
        "他说，还要加快发展跨境电商，\n培育新的增长点。\n"
    )
    arts = _broken(text)[1]
    art = next(a for a in arts if a.title)
    assert art.title == "书写发展新答卷（连线·部长通道）"
    assert [p.orig for p in art.paragraphs[:2]] == ["某某部部长王建国", "稳住外贸基本盘"]
