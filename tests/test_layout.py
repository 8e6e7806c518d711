"""The layout layer on its own: glyphs placed by hand, read back in order with roles."""

from __future__ import annotations

from briefing.read.layout import (
    Box,
    Glyph,
    Rule,
    _drop_letter_spacing,
    dedupe,
    paragraphs,
)

PAGE = Box(0, 0, 600, 800)


def run(text: str, x: float, base: float, size: float = 10.0, step: float | None = None) -> list[Glyph]:
    """Characters set left to right from ``x`` on the baseline ``base`` (y grows down)."""
    out = []
    left = x
    for ch in text:
        width = size if not ch.isascii() else size / 2
        out.append(Glyph(ch, left, left + width, base - 0.88 * size, base + 0.12 * size, base, size))
        left += step or width
    return out


def column(text: str, x: float, top: float, chars: int, indent: bool = True, size: float = 10.0) -> list[Glyph]:
    """A paragraph set in a column ``chars`` characters wide, its first line indented."""
    out: list[Glyph] = []
    first = chars - 2 if indent else chars
    lines = [text[:first]] + [text[i : i + chars] for i in range(first, len(text), chars)]
    for n, piece in enumerate(lines):
        out += run(piece, x + (2 * size if n == 0 and indent else 0), top + (n + 1) * size * 1.4, size)
    return out


def roles_and_texts(glyphs: list[Glyph], pictures: list[Box] | None = None, rules: list[Rule] | None = None):
    return [(p.role, p.text) for p in paragraphs(glyphs, pictures or [], rules or [], PAGE)]


def test_letter_spacing_with_space_characters_is_dropped():
    assert _drop_letter_spacing("本 报 记 者   林 立") == "本报记者 林立"
    assert _drop_letter_spacing("2 0 2 4 年 5 月") == "2024年5月"
    assert _drop_letter_spacing("本报记者 林立") == "本报记者 林立"  # a writer's space stays
    assert _drop_letter_spacing("GDP growth of 5 per cent") == "GDP growth of 5 per cent"


def test_overprinted_glyphs_count_once_and_mark_bold():
    glyphs = run("重点项目", 10, 100) + run("重点项目", 10.3, 100)
    kept, bold = dedupe(glyphs)
    assert "".join(g.ch for g in kept) == "重点项目"
    assert bold == {0, 1, 2, 3}


def test_headline_then_columns_left_to_right():
    first = "市交通局负责人介绍，今年将新建公交专用道八十公里，优化线路三十条，方便市民出行。"
    second = "他表示，明年还将推进智慧停车平台建设，力争新增公共停车位两万个，缓解停车难问题。"
    glyphs = run("公交专用道今年新增八十公里", 40, 60, size=24)
    glyphs += column(first, 40, 80, 12) + column(second, 180, 80, 12)
    assert roles_and_texts(glyphs) == [("headline", "公交专用道今年新增八十公里"), ("body", first), ("body", second)]


def test_a_paragraph_broken_at_the_column_end_goes_on_in_the_next_column():
    text = "区教育局局长表示，将在三年内新建和改扩建中小学校十二所，新增学位一万五千个，并同步配齐师资。"
    glyphs = run("新建改扩建学校十二所", 40, 60, size=24)
    glyphs += column(text[:36], 40, 80, 12) + column(text[36:], 180, 80, 12, indent=False)
    assert roles_and_texts(glyphs) == [("headline", "新建改扩建学校十二所"), ("body", text[:36]), ("cont", text[36:])]


def test_stories_side_by_side_are_read_one_after_the_other():
    left = "街道将在年内建成三个社区养老服务站，为独居老人提供助餐和上门服务。"
    right = "园区管委会表示，将为入驻的初创企业提供两年免租办公场地和融资对接。"
    glyphs = run("社区养老服务站年内建成", 40, 60, size=20) + column(left, 40, 80, 12)
    glyphs += run("初创企业免租两年", 300, 60, size=20) + column(right, 300, 80, 12)
    assert roles_and_texts(glyphs) == [
        ("headline", "社区养老服务站年内建成"),
        ("body", left),
        ("headline", "初创企业免租两年"),
        ("body", right),
    ]


def test_kicker_headline_subtitle_by_size():
    glyphs = run("聚焦民生实事——", 60, 40, size=14) + run("十件实事全部完成", 40, 72, size=26)
    glyphs += run("——群众满意度逐年提升", 60, 96, size=14)
    glyphs += column("市政府有关负责人介绍，今年确定的十件民生实事已全部完成，群众反映良好。", 40, 110, 14)
    assert [r for r, _ in roles_and_texts(glyphs)] == ["kicker", "headline", "subtitle", "body"]


def test_caption_under_a_picture_is_not_text():
    photo = Box(40, 80, 200, 180)
    glyphs = run("社区志愿者为老人测量血压。", 40, 192, size=8)
    glyphs += column("记者从市卫健委获悉，全市已建成家庭医生签约服务团队两千余个，覆盖所有社区。", 40, 205, 14)
    result = roles_and_texts(glyphs, [photo])
    assert result[0] == ("caption", "社区志愿者为老人测量血压。")
    assert result[1][0] == "body"


def test_masthead_above_the_rule_is_furniture():
    rule = Rule(Box(20, 50, 580, 50.5))
    glyphs = run("本地晚报", 20, 30, size=18) + run("第5版", 520, 30, size=9)
    glyphs += column("市场监管局表示，将对校园周边食品经营者开展专项检查，发现问题立即整改。", 40, 70, 14)
    result = roles_and_texts(glyphs, rules=[rule])
    assert [r for r, _ in result] == ["furniture", "furniture", "body"]


def test_vertical_text_reads_top_down_right_to_left():
    text = "竖排标题自上而下"
    glyphs = []
    for n, ch in enumerate(text):
        col, row = divmod(n, 4)
        x, base = 300 - col * 16, 100 + (row + 1) * 12
        glyphs.append(Glyph(ch, x, x + 12, base - 10.5, base + 1.5, base, 12))
    assert "".join(t for _, t in roles_and_texts(glyphs)) == text


def test_text_set_larger_than_the_body_is_text_not_headings():
    lead = "今年以来，全市新签约重大项目两百余个，总投资超过三千亿元，其中先进制造业项目占六成以上，新动能加快集聚。"
    rest = "市投资促进局有关负责人表示，下一步将围绕产业链开展精准招商，力争全年新引进链主企业二十家以上。"
    glyphs = run("招商引资跑出加速度", 40, 50, size=24)
    glyphs += column(lead, 40, 70, 14, size=11)  # the lead, a point larger than the body
    glyphs += column(rest * 3, 40, 180, 14)
    result = roles_and_texts(glyphs)
    assert result[:2] == [("headline", "招商引资跑出加速度"), ("body", lead)]
    assert [r for r, _ in result[2:]] == ["body"]


def test_modest_headlines_still_open_their_stories():
    """A page whose headlines are only a point or two larger than the body: the
    largest type on it is the headline size, and the kicker above it belongs to it."""
    first = "区商务委负责人表示，将在年内新建三个夜间消费集聚区，延长重点商圈营业时间。"
    second = "市农业农村委介绍，全市将新建高标准农田二十万亩，推广良种良法，稳定粮食产量。"
    glyphs = run("夜经济", 40, 44, size=10) + run("新建三个夜间消费集聚区", 40, 60, size=11)
    glyphs += column(first, 40, 70, 12, size=9)
    glyphs += run("新建高标准农田二十万亩", 300, 60, size=11) + column(second * 4, 300, 70, 12, size=9)
    glyphs += run("为农民增收打基础", 40, 160, size=10) + column(first, 40, 170, 12, size=9)
    result = roles_and_texts(glyphs)
    assert [r for r, _ in result] == ["kicker", "headline", "body", "subhead", "body", "headline", "body"]
    assert result[1] == ("headline", "新建三个夜间消费集聚区") and result[3] == ("subhead", "为农民增收打基础")
