"""Saved web pages: the article's headline group and text, not the site around it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import line_roles

from briefing.errors import InputError
from briefing.read import read_source
from briefing.text.clean import clean
from briefing.text.segment import segment

NAV = "".join(f'<li><a href="/c{i}">栏目{i}</a></li>' for i in range(12))
BODY = [
    "本报讯 市发展改革委主任刘强表示，今年将新开工重大项目一百二十个，完成投资八百亿元。",
    "他介绍，下一步将设立二十亿元产业引导基金，重点支持集成电路和新能源汽车零部件企业。",
    "市政协委员、某科技公司总经理钱伟建议，加快建设公共算力平台，降低中小企业使用成本。",
]


def _page(charset: str = "utf-8", paragraphs: list[str] | None = None) -> str:
    paras = "".join(f"<p>\u3000\u3000{p}</p>" for p in (paragraphs or BODY))
    return f"""<!DOCTYPE html><html><head><meta charset="{charset}">
<title>重大项目投资提速 - 某某新闻网</title></head><body>
<header><ul class="nav">{NAV}</ul></header>
<div class="main"><h3>两会特别报道</h3><h1>重大项目投资提速</h1><h2>——今年新开工项目一百二十个</h2>
<div class="info">2024年03月05日 09:30　来源：某某日报</div>
<div class="article">{paras}<h4>企业盼降成本</h4>
<p>\u3000\u3000钱伟说，还应当完善知识产权质押融资，让轻资产企业也能贷到款。</p></div>
<div class="related"><h4>相关新闻</h4><ul><li><a href="/a">另一条新闻标题</a></li></ul></div></div>
<footer>版权所有 某某新闻网 京ICP备00000000号</footer></body></html>"""


def test_headline_group_and_text_come_from_the_page(tmp_path: Path):
    path = tmp_path / "article.html"
    path.write_bytes(_page().encode("utf-8"))
    roles = line_roles(path)
    assert roles["两会特别报道"] == "kicker"
    assert roles["重大项目投资提速"] == "headline"
    assert roles["——今年新开工项目一百二十个"] == "subtitle"
    assert roles["企业盼降成本"] == "subhead"
    assert all(roles[p] == "body" for p in BODY)
    text = "\n".join(roles)
    for noise in ("栏目3", "版权所有", "京ICP备"):
        assert noise not in text


def test_article_and_its_proposals(tmp_path: Path):
    path = tmp_path / "article.htm"
    path.write_bytes(_page().encode("utf-8"))
    articles, _ = segment(clean(read_source(path)))
    assert len(articles) == 1
    article = articles[0]
    assert article.title == "重大项目投资提速 ——今年新开工项目一百二十个"
    assert article.kicker == "两会特别报道"
    body = [p.orig for p in article.paragraphs if p.role == "body"]
    assert [p for p in body if p in BODY] == BODY


def test_gbk_page_is_decoded(tmp_path: Path):
    path = tmp_path / "gbk.html"
    path.write_bytes(_page("gbk").encode("gbk"))
    assert BODY[0] in read_source(path).text
    undeclared = tmp_path / "undeclared.html"  # no charset named: told from the bytes
    undeclared.write_bytes(_page("gbk").replace('<meta charset="gbk">', "").encode("gbk"))
    assert BODY[0] in read_source(undeclared).text


def test_mhtml_page(tmp_path: Path):
    import quopri

    html = quopri.encodestring(_page().encode("utf-8")).decode("ascii")
    mhtml = (
        "From: <Saved by a browser>\r\nSubject: page\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----B"\r\n\r\n'
        "------B\r\nContent-Type: text/html; charset=utf-8\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + html + "\r\n------B--\r\n"
    )
    path = tmp_path / "saved.mhtml"
    path.write_bytes(mhtml.encode("ascii"))
    assert BODY[1] in read_source(path).text


def test_page_without_article_text_is_refused(tmp_path: Path):
    path = tmp_path / "empty.html"
    path.write_bytes(b"<html><head><title>x</title></head><body><ul><li><a href='/'>home</a></li></ul></body></html>")
    with pytest.raises(InputError, match="no article text"):
        read_source(path)


def test_paragraphs_are_read_when_the_extractor_finds_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    from briefing.read import html

    monkeypatch.setattr(html, "_main_text", lambda data: [])
    path = tmp_path / "article.html"
    path.write_bytes(_page().encode("utf-8"))
    source = read_source(path)
    assert source.roles[source.text.split("\n").index("重大项目投资提速")] == "headline"
    assert BODY[2] in source.text


STORIES = [
    ("新建三座污水处理厂", "区水务局局长表示，将在明年底前新建三座污水处理厂，日处理能力合计十五万吨。"),
    ("公共充电桩再增五千个", "市能源局有关负责人介绍，今年将新增公共充电桩五千个，重点覆盖老旧小区和高速服务区。"),
    ("中小学课后服务全覆盖", "市教委主任提出，下学期起全市中小学课后服务实现全覆盖，并引入非遗和体育课程。"),
]


@pytest.mark.parametrize("headline", ["h1", "h2"])
def test_a_page_of_several_stories_keeps_them_apart(tmp_path: Path, headline: str):
    articles = "".join(
        f"<article><{headline}>{title}</{headline}><p class='by'>本报记者 程远</p><p>{text}</p>"
        f"<figure><img src='a.jpg'><figcaption>现场图片说明文字在此。</figcaption></figure></article>"
        for title, text in STORIES
    )
    head = "<head><meta charset='utf-8'><title>要闻版</title></head>"
    page = f"<html>{head}<body><nav><a href='/'>首页</a></nav>{articles}</body></html>"
    path = tmp_path / "page.html"
    path.write_text(page, "utf-8")
    found, _ = segment(clean(read_source(path)))
    news = [a for a in found if a.kind != "photo_caption"]
    assert [a.title for a in news] == [title for title, _ in STORIES]
    assert all(a.byline == "本报记者 程远" for a in news)
    assert [[p.orig for p in a.paragraphs] for a in news] == [[text] for _, text in STORIES]
    assert "首页" not in read_source(path).text


def test_the_page_date_is_kept_for_dating(tmp_path: Path):
    from datetime import date

    from briefing.archive.dates import publication_date

    path = tmp_path / "article.html"
    path.write_bytes(_page().encode("utf-8"))
    source = read_source(path)
    assert publication_date(path.name, source.text, date(2026, 11, 30)).day == date(2024, 3, 5)


def test_items_under_a_page_title_are_stories_and_sections_stay_sections(tmp_path: Path):
    items = "".join(f"<h2>{title}</h2><p>{text}</p>" for title, text in STORIES)
    page = tmp_path / "feed.html"
    page.write_text(f"<html><body><h1>即时新闻</h1>{items}</body></html>", "utf-8")
    found, _ = segment(clean(read_source(page)))
    assert [a.title for a in found] == [title for title, _ in STORIES]

    sections = "".join(f"<h2>{title}</h2><p>{text}</p>" for title, text in STORIES)
    article = tmp_path / "article.html"
    article.write_text(f"<html><body><h1>民生实事年中盘点</h1><p>{BODY[0]}</p>{sections}</body></html>", "utf-8")
    found, _ = segment(clean(read_source(article)))
    assert len(found) == 1 and found[0].title == "民生实事年中盘点"
