"""Reading order from the content stream: glyphs placed by hand and numbered in the
order a PDF writer would have written them."""

from __future__ import annotations

import dataclasses

from test_layout import column, run

from briefing.read.layout import Box, Glyph, dedupe, paragraphs

PAGE = Box(0, 0, 600, 800)


def written(*parts: list[Glyph]) -> list[Glyph]:
    """The glyphs of ``parts`` numbered in the order given: the content stream's order."""
    out: list[Glyph] = []
    for part in parts:
        start = len(out)
        out += [dataclasses.replace(g, seq=start + k) for k, g in enumerate(part)]
    return out


def read(glyphs: list[Glyph], pictures: list[Box] | None = None) -> list[tuple[str, str]]:
    return [(p.role, p.text) for p in paragraphs(glyphs, pictures or [], [], PAGE)]


FIRST = "县农业农村局介绍，全县今年将新建高标准农田两万亩，配套建设灌溉渠道和机耕道路，确保旱涝保收。"
SECOND = "市人社局负责人表示，将开展职业技能培训一万人次，对取得证书的学员给予每人一千元补贴。"


def test_a_headline_written_after_its_text_still_opens_it():
    """Typesetters often write the page's headlines after all the bodies."""
    body1 = column(FIRST, 40, 80, 12) + column(SECOND[:0], 40, 80, 12)
    body2 = column(SECOND, 300, 80, 12)
    heads = run("高标准农田新建两万亩", 40, 60, size=20) + run("技能培训一万人次", 300, 60, size=20)
    glyphs = written(body1, body2, heads)
    assert read(glyphs) == [
        ("headline", "高标准农田新建两万亩"),
        ("body", FIRST),
        ("headline", "技能培训一万人次"),
        ("body", SECOND),
    ]


def test_text_flows_down_a_column_and_on_to_the_next():
    """Two stories side by side whose lines share baselines: the stream keeps each
    column's lines together where geometry alone would have to guess."""
    text = FIRST + SECOND
    left, right = column(text[:40], 40, 80, 12), column(text[40:], 180, 80, 12, indent=False)
    glyphs = written(run("农田与培训", 40, 60, size=20), left, right)
    assert read(glyphs) == [("headline", "农田与培训"), ("body", text[:40]), ("cont", text[40:])]


def test_a_subhead_inside_a_story_does_not_open_another():
    sub = run("培训补贴", 40, 156, size=13)
    glyphs = written(
        run("全县农业和就业工作扎实推进", 40, 60, size=26), column(FIRST, 40, 80, 14), sub, column(SECOND, 40, 160, 14)
    )
    roles = read(glyphs)
    assert roles[0] == ("headline", "全县农业和就业工作扎实推进")
    assert ("subhead", "培训补贴") in roles
    assert [r for r, _ in roles].count("headline") == 1


def test_a_table_is_page_furniture():
    cells = []
    for row, city in enumerate(["沈阳", "大连", "鞍山", "抚顺", "本溪", "丹东"]):
        base = 420 + row * 14
        cells += run(city, 300, base, size=9) + run("晴", 330, base, size=9) + run("17~4", 350, base, size=9)
    glyphs = written(run("农田建设", 40, 60, size=20), column(FIRST, 40, 80, 12), cells)
    roles = read(glyphs)
    assert [r for r, t in roles if "沈阳" in t or "晴" in t] == ["furniture"] * len(
        [t for _, t in roles if "沈阳" in t or "晴" in t]
    )
    assert ("body", FIRST) in roles


def test_a_stream_written_line_by_line_across_columns_is_not_trusted():
    """A writer that sorts its glyphs by position: the page is read by its geometry."""
    left, right = column(FIRST, 40, 80, 12), column(SECOND, 300, 80, 12)
    by_line = written(sorted(left + right, key=lambda g: (g.base, g.x0)))
    assert read(by_line) == [("body", FIRST), ("body", SECOND)]


def test_one_glyph_for_a_double_dash_keeps_both_characters():
    dash = [Glyph("—", 40, 60, 51.2, 61.2, 60, 10, 0), Glyph("—", 40, 60, 51.2, 61.2, 60, 10, 1)]
    rest = [dataclasses.replace(g, seq=2 + k) for k, g in enumerate(run("浩吉铁路开通", 60, 60))]
    kept, _ = dedupe(dash + rest)
    assert "".join(g.ch for g in kept) == "——浩吉铁路开通"


def test_a_story_continued_elsewhere_goes_on_with_its_text():
    """A story stopped mid-sentence at its column's foot and continued under a short
    rule after another story: its continuation is read with it."""
    from briefing.read.layout import Rule

    text = FIRST + SECOND  # 89 characters: 12 + 14 * 2 lines here, the rest continued
    first_part = column(text[:40], 40, 80, 14)
    rest = column(text[40:], 300, 200, 14, indent=False)
    other = "区文旅委表示，今年将举办夜间文旅消费活动一百场，发放文旅消费券五百万元。"
    glyphs = written(
        run("农田与培训齐头并进", 40, 60, size=20),
        first_part,
        run("夜间文旅消费活动百场", 300, 60, size=20),
        column(other, 300, 80, 14),
        rest,
    )
    rule = Rule(Box(300, 196, 440, 196.5))
    result = [(p.role, p.text) for p in paragraphs(glyphs, [], [rule], PAGE)]
    assert result == [
        ("headline", "农田与培训齐头并进"),
        ("body", text[:40]),
        ("cont", text[40:]),
        ("headline", "夜间文旅消费活动百场"),
        ("body", other),
    ]


def test_a_headline_in_the_size_of_some_text_still_opens_its_story():
    """A page whose lead story is set in the headlines' size: a short line the stream
    writes right before the text under it, centred over it, is that text's head."""
    lead, text = (FIRST * 4)[:160], SECOND * 5
    glyphs = written(
        run("农田建设稳步推进", 80, 60, size=12),
        column(lead, 40, 68, 20, size=12),
        run("技能培训惠及万人", 80, 300, size=12),
        column(text, 40, 308, 24, size=9),
    )
    roles = read(glyphs)
    assert roles[2:] == [("headline", "技能培训惠及万人"), ("body", text)]


def test_a_narrow_letter_repeated_is_two_letters_not_fake_bold():
    word = [Glyph(ch, 40 + 2.5 * k, 42.5 + 2.5 * k, 51.2, 61.2, 60, 10, k) for k, ch in enumerate("Stellantis")]
    kept, bold = dedupe(word)
    assert "".join(g.ch for g in kept) == "Stellantis" and not bold
