"""What a page says of itself: its outlet and page number, in the page's heading."""

from __future__ import annotations

from briefing.analyse.masthead import heading, outlet, page_number


def test_the_outlet_a_page_names_as_its_own():
    page = "江城晚报\n2024年6月3日 星期一 第5版\n\n标题\n\n江城晚报记者 李青 报道……"
    assert outlet(page) == "江城晚报"
    bylines = "标题\n\n■江城晚报记者 李青\n\n正文。\n\n另一标题\n\n■江城晚报首席记者 王明\n\n正文。"
    assert outlet(bylines) == "江城晚报"
    question = "记者会上，海滨日报记者：请问如何看待……答：……"  # another outlet's reporter asking
    assert outlet(question) is None


def test_page_numbers_from_the_page_or_the_file_name():
    assert page_number("page.txt", "江城晚报\n2024年6月3日 第5版\n") == "5"
    assert page_number("jcwb-20240603-p07-yaowen.txt", "正文") == "7"
    assert page_number("2024-06-03_page12.pdf", "正文") == "12"
    assert page_number("notes.txt", "正文") is None


def test_heading_keeps_the_file_name():
    assert heading("p.txt", "江城晚报", "2024-06-03", "5", True) == "江城晚报 · 2024-06-03 · 第5版 · p.txt"
    assert heading("p.txt", None, "2026-11-30", None, False) == "p.txt"  # the run date is not the page's
