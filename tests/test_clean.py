from __future__ import annotations

from briefing.model import Source
from briefing.text.clean import clean
from briefing.text.normalize import normalize_punctuation


def page(text: str, script: str = "simplified") -> Source:
    return Source("p.txt", "p.txt", text, "utf-8", script, "0")  # type: ignore[arg-type]


def body_texts(text: str) -> list[str]:
    return [b.orig for b in clean(page(text)).blocks if b.kind == "body" and b.orig]


def test_normalisation_keeps_length_and_numbers():
    raw = "增长7.09%,达到1,000台;是否可行?时间10:30(上午)"
    norm = normalize_punctuation(raw)
    assert len(norm) == len(raw)
    assert norm == "增长7.09%，达到1,000台；是否可行？时间10:30（上午）"


def test_lines_broken_mid_word_are_rejoined():
    text = "今年，全市将加快推进重\n\n庆智能制造项目建设，力争走\n\n向国际市场。\n\n第二段落在这里结束。\n"
    assert body_texts(text) == ["今年，全市将加快推进重庆智能制造项目建设，力争走向国际市场。", "第二段落在这里结束。"]


def test_page_furniture_is_dropped_with_a_reason():
    text = (
        "某某区推进智能制造 打造产业新高地\n\n□本报记者 王小明\n\n该区今年新建智能工厂十家，产值增长一成。\n\n"
        "张三\n\n李四\n\n投稿邮箱: news@example.com\n\n"
        "赵一 (区委宣传部供图) 钱二 (受访者供图)\n"
    )
    result = clean(page(text))
    reasons = {d.reason for d in result.dropped}
    assert {"portrait name label", "contribution e-mail line", "photo credits"} <= reasons
    assert all("张三" not in b.orig for b in result.blocks)


def test_caption_with_its_credit_is_split_off():
    text = "5月1日，工人在车间内检查新下线的整车。 记者 王大力 摄/视觉重庆\n"
    blocks = clean(page(text)).blocks
    assert blocks[0].kind == "caption"
    assert blocks[0].orig == "5月1日，工人在车间内检查新下线的整车。"
    assert blocks[0].byline == "记者 王大力 摄/视觉重庆"


def test_interleaved_column_continues_the_right_paragraph():
    # Article A breaks off, article B (kicker, byline, text) is printed in between,
    # B breaks off too; the next text line continues A, and B resumes after its
    # headline is printed.
    text = (
        "甲区推进园区建设\n\n□本报记者 王一\n\n"
        "园区是产业发展的主阵地。市人大代表孙明建议市级\n\n"
        "相关阅读>>>\n\n□本报记者 王一\n\n"
        "乙方案的第一段落已经完整结束。\n\n乙方案的第二段落先写完了第一句。接着又说到市政\n\n"
        "主管部门牵头调整优化产业规划，提升主导产业辨识度。\n\n"
        "甲文的后续段落完整结束。\n\n"
        "乙方案背后的调研故事 委员们走访四省市\n\n"
        "协党组围绕主题开展调研，形成多条建议。\n"
    )
    result = clean(page(text))
    bodies = [b for b in result.blocks if b.kind == "body" and b.orig]
    joined = {b.orig for b in bodies}
    assert "园区是产业发展的主阵地。市人大代表孙明建议市级主管部门牵头调整优化产业规划，提升主导产业辨识度。" in joined
    assert "乙方案的第二段落先写完了第一句。接着又说到市政协党组围绕主题开展调研，形成多条建议。" in joined
    seamed = [b for b in bodies if b.seams]
    assert len(seamed) == 2


def test_traditional_input_is_analysed_in_simplified_and_quoted_in_original():
    text = "市政協委員建議，加快發展數字經濟。\n"
    block = clean(page(text, "traditional")).blocks[0]
    assert block.text == "市政协委员建议，加快发展数字经济。"
    assert block.orig == "市政協委員建議，加快發展數字經濟。"


def test_control_characters_are_removed():
    text = "该区将推进\x07数字化\x00转型。\n"
    assert body_texts(text) == ["该区将推进数字化转型。"]


def _blocks(text: str, join=None):
    page = clean(Source("p.txt", "p.txt", text, "utf-8", "simplified", "0"), join)
    return [(b.kind, b.text) for b in page.blocks if b.text]


def test_a_paragraph_element_wrapped_across_lines_is_one_paragraph():
    text = (
        "某市公布新一年的预算\n"
        "<p>财政局局长表示，政府会加快建设新的产业\n\n园区。</p><p>他又指，当局会\n"
        "密切留意市场情况。</p>\n"
    )
    assert [t for k, t in _blocks(text) if k == "body"] == [
        "财政局局长表示，政府会加快建设新的产业园区。",
        "他又指，当局会密切留意市场情况。",
    ]


def test_a_paragraph_a_feed_left_open_ends_at_a_blank_line_after_a_sentence():
    text = "第一条新闻的标题\n<p>第一条新闻的内容说完了。\n\n第二条新闻的标题\n<p>第二条新闻的内容也说完了。</p>\n"
    assert ("body", "第一条新闻的内容说完了。") in _blocks(text)
    assert ("body", "第二条新闻的内容也说完了。") in _blocks(text)


def test_a_blank_line_the_join_model_reads_inside_a_line_is_run_on():
    from briefing.learn import Model

    words = Model("join", -5.0, {"word": 10.0})  # joins where a dictionary word runs across
    text = (
        "某地推进城市房地产融资协调机\n\n制扩围增效\n\n"
        "某地政府办公厅印发规划，其中提出鼓励各类金融机构加强对城市更新项目的\n信贷支持。\n\n"
        "第二段也在这里结束，它说的是另一件事情而且足够长，\n不是标题。\n\n"
        "第三段讲的是当地另一项政策，这一段同样在这里\n结束。\n\n"
        "第四段说明了这项政策的背景，这一段也在这里\n结束。\n\n"
        "第五段是这篇报道的最后一段，它在这里\n结束。\n"
    )
    assert ("heading", "某地推进城市房地产融资协调机制扩围增效") in _blocks(text, words)
    never = Model("join", -5.0, {})
    assert ("heading", "某地推进城市房地产融资协调机制扩围增效") not in _blocks(text, never)


def test_a_feeds_headlines_are_the_bare_lines_over_bodies_in_elements():
    text = (
        "第一条新闻的标题\n\n<p>第一条新闻的第一段说的是一件事情。</p><p>第一条新闻的第二段说的是另一件事情。</p>\n\n"
        "第二条新闻的标题\n\n<p>第二条新闻的第一段也说的是一件事情。</p><p>第二条新闻的第二段也说完了。</p>\n"
    )
    page = clean(Source("p.txt", "p.txt", text, "utf-8", "simplified", "0"))
    heads = [b.text for b in page.blocks if b.kind == "heading"]
    assert heads == ["第一条新闻的标题", "第二条新闻的标题"]
    assert all(b.opens for b in page.blocks if b.kind == "heading")


def test_an_element_name_cut_by_a_line_break_is_read_whole():
    text = (
        "某地新闻\n<figure><img src='a.jpg'><figcaption>图片说明文字。资料图片</f\n\nigcaption></figure>\n"
        "<p>正文的第一段在图片之后，说的是当地的一项新政策。</p>\n"
    )
    body = [t for k, t in _blocks(text) if k == "body"]
    assert body == ["正文的第一段在图片之后，说的是当地的一项新政策。"]


def test_a_signature_cut_in_pieces_is_one_line_that_closes_the_item():
    text = (
        "某地举行活动\n\n某地今天举行了一场活动，吸引了很多\n市民参加，现场气氛热烈。\n\n"
        "活动持续了一整天，主办方表示明\n年还会继续举办。\n\n"
        "（据新华社某地电\n记者王明、李强）\n\n"
        "另一条新闻的标题\n\n另一条新闻的内容在这里，它说的\n是另外一件事情。\n\n"
        "这条新闻的第二段也在这里结\n束了。\n"
    )
    blocks = clean(Source("p.txt", "p.txt", text, "utf-8", "simplified", "0")).blocks
    (signature,) = [b for b in blocks if b.text.startswith("（据新华社")]
    assert signature.kind == "body" and signature.closes
    assert signature.text == "（据新华社某地电记者王明、李强）"


def test_an_authors_affiliation_in_brackets_closes_an_article():
    from briefing.text.patterns import SIGNATURE_RE

    assert SIGNATURE_RE.match("（作者单位为某大学航空科学与工程学院）")
    assert SIGNATURE_RE.match("（作者系某研究院研究员）")
    assert not SIGNATURE_RE.match("（下转第三版）")


def test_a_headline_of_clauses_over_a_reports_opening_is_a_headline():
    """A line that stops without ending a sentence, over a blank line the join model
    reads as a paragraph's end and a report's dated opening, is a headline however
    many clauses it has; the report does not run on from it."""
    from briefing.learn import Model

    parts = Model("join", -5.0, {})  # every blank line ends what is above it
    text = (
        "某市开展城市更新试点\n\n某市今天公布城市更新方案，首批项目\n今年开工。\n\n"
        "方案提出，各区要加快老旧小区改造，\n完善社区服务设施。\n\n"
        "午间行情分析：40只股票涨停、3只跌停，某概念活跃，\n\n甲公司、乙公司等涨停\n\n"
        "8月20日午间，两市半日下来共有40只股票涨停、3只跌停。\n\n"
        "某概念股表现活跃，多只个股\n涨停。\n\n"
        "另有多家公司发布公告，披露\n半年度业绩。\n"
    )
    joined = Model("join", -5.0, {"one_line": 10.0})  # the headline's two pieces are one line
    blocks = _blocks(text, joined)
    assert ("heading", "午间行情分析：40只股票涨停、3只跌停，某概念活跃，甲公司、乙公司等涨停") in blocks
    assert ("body", "8月20日午间，两市半日下来共有40只股票涨停、3只跌停。") in blocks
    assert ("body", "甲公司、乙公司等涨停8月20日午间，两市半日下来共有40只股票涨停、3只跌停。") not in _blocks(
        text, parts
    )
