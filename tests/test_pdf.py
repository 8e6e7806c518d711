"""PDF pages: reading order, roles, the traps a PDF sets, and the whole pipeline.

The pages are typeset here from invented stories (``benchmarks/typeset.py``), so
the reading order they must come back in is known.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import line_roles

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
pytest.importorskip("reportlab")

import typeset as ts

from briefing.errors import InputError
from briefing.read import read_source
from briefing.read.encoding import DecodeError
from briefing.read.pdf import read_pdf
from briefing.text.clean import clean
from briefing.text.segment import segment

FIXTURES = Path(__file__).parent / "fixtures"


def _story(title: str, speaker: str, measure: str, n: int, **kw: object) -> ts.Story:
    paras = [
        ("body", f"{speaker}表示，下一步将{measure}，并在第{k + 1}季度完成首批项目的验收工作，让企业真正受益。" * 2)
        for k in range(n)
    ]
    return ts.Story(title, paras=paras, **kw)  # type: ignore[arg-type]


STORIES = [
    _story(
        "高新区加快建设算力中心",
        "高新区管委会主任陈明",
        "建成三座算力中心并设立专项基金支持中小企业上云",
        7,
        kicker="数字经济观察——",
        subtitle="——两年内新增算力规模翻一番",
        byline="本报记者 林立",
        captions=["工人在新建的数据中心调试服务器设备。"],
    ),
    _story("职业教育对接产业需求", "市人大代表王芳", "推动职业院校与企业共建实训基地", 6, byline="本报记者 周航"),
    _story("新能源汽车配套产业提速", "经开区副区长赵磊", "引进电池回收和充换电设备企业", 5, byline="本报记者 郑洁"),
    _story("老旧小区改造惠及万户", "区住建委负责人", "改造老旧小区供水管网和电梯", 4),
]


def _pdf(tmp_path: Path, name: str = "page.pdf", **overrides: object) -> tuple[Path, list[dict[str, object]]]:
    options = ts.Options(columns=5)
    for key, value in overrides.items():
        setattr(options, key, value)
    pages, order = ts.typeset(STORIES, options, seed=3)
    path = tmp_path / name
    ts.draw(pages, options, path)
    return path, order


def _articles(path: Path):
    return segment(clean(read_source(path)))[0]


def test_reading_order_and_articles_come_back(tmp_path: Path):
    path, order = _pdf(tmp_path)
    articles = _articles(path)
    correct, total = ts.reading_order(order, articles)
    assert total > 20 and correct == total
    titles = [a.title for a in articles if a.kind != "photo_caption"]
    assert titles[0] == "高新区加快建设算力中心 ——两年内新增算力规模翻一番"
    assert [t for t in titles[1:]] == [s.title for s in STORIES[1:]]
    first = articles[0]
    assert first.kicker == "数字经济观察——" and first.byline == "本报记者 林立"


def test_roles_of_a_page(tmp_path: Path):
    path, _ = _pdf(tmp_path)
    lines = line_roles(path)
    assert lines["高新区加快建设算力中心"] == "headline"
    assert lines["数字经济观察——"] == "kicker"
    assert lines["工人在新建的数据中心调试服务器设备。"] == "caption"
    assert lines["本地日报"] == "furniture"
    source = read_source(path)
    assert source.encoding == "pdf" and source.script == "simplified"


def test_captions_are_kept_out_of_the_text(tmp_path: Path):
    path, _ = _pdf(tmp_path)
    articles = _articles(path)
    captions = [a for a in articles if a.kind == "photo_caption"]
    assert [c.paragraphs[0].orig for c in captions] == ["工人在新建的数据中心调试服务器设备。"]
    body = "".join(p.orig for a in articles if a.kind != "photo_caption" for p in a.paragraphs)
    assert "调试服务器" not in body


def test_letter_spacing_and_fake_bold_do_not_reach_the_text(tmp_path: Path):
    path, order = _pdf(tmp_path, spaced=True, fake_bold=True)
    source = read_source(path)
    assert "高新区加快建设算力中心" in source.text  # no space between the characters
    assert "本报记者 林立" in source.text  # the writer's space between title and name stays
    assert "本本报报" not in source.text and "记记者者" not in source.text  # overprinted once
    correct, total = ts.reading_order(order, _articles(path))
    assert correct == total


def test_ideographic_space_stays(tmp_path: Path):
    path, _ = _pdf(tmp_path, indent_chars=True)
    assert "\u3000\u3000高新区管委会主任陈明表示" in read_source(path).text


def test_vertical_text_is_read_as_columns(tmp_path: Path):
    from reportlab.pdfgen import canvas

    ts._register(ts.EMBEDDED_NAME)
    path = tmp_path / "vertical.pdf"
    c = canvas.Canvas(str(path), pagesize=(400, 400))
    text = "竖排文字从上到下书写，各列自右向左排列，阅读时先读最右一列。"
    ts.vertical(c, text, 340, 380, 12, 180, ts.EMBEDDED_NAME)
    c.save()
    assert read_source(path).text.replace("\n", "") == text


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (ts.scanned, "needs OCR|no text layer"),
        (ts.without_unicode_map, "OCR"),
        (lambda data: data[: len(data) // 3], "not a readable PDF"),
        (lambda data: b"%PDF-1.7\n" + b"\x00garbage" * 50, "not a readable PDF"),
    ],
    ids=["scanned", "no-unicode-map", "truncated", "garbage"],
)
def test_unreadable_pdfs_are_refused_with_the_reason(tmp_path: Path, make, reason: str):
    path, _ = _pdf(tmp_path)
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(make(path.read_bytes()))
    with pytest.raises(InputError, match=reason) as info:
        read_source(bad)
    assert info.value.path.endswith("bad.pdf")


def test_encrypted_pdf_asks_for_an_unprotected_copy():
    data = ts.pdf_bytes(STORIES[:1], ts.Options(columns=4), encrypt="secret")
    with pytest.raises(DecodeError, match="password"):
        read_pdf(data)


def test_scanned_fixture_gives_the_ocr_message():
    with pytest.raises(InputError, match="OCR") as info:
        read_source(FIXTURES / "scanned.pdf")
    assert "ocrmypdf" in info.value.reason


def test_fixture_page_reads_without_reportlab():
    articles = _articles(FIXTURES / "two-stories.pdf")
    assert [a.title for a in articles if a.kind == "news"][:2] == ["社区食堂让老人吃上热乎饭", "小微企业贷款审批提速"]


def _make(*args: str):
    from typer.testing import CliRunner

    from briefing.cli import app

    return CliRunner().invoke(app, ["make", *args, "--no-archive", "--format", "json"])


def test_a_scanned_pdf_alone_exits_3_with_the_ocr_message(tmp_path: Path):
    result = _make(str(FIXTURES / "scanned.pdf"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 3
    assert "scanned.pdf" in result.output and "OCR" in result.output
    assert "Traceback" not in result.output


def test_a_scanned_pdf_among_others_exits_1_and_the_rest_is_read(tmp_path: Path):
    out = tmp_path / "out"
    result = _make(str(FIXTURES / "scanned.pdf"), str(FIXTURES / "two-stories.pdf"), "--out", str(out))
    assert result.exit_code == 1, result.output
    assert "scanned.pdf" in result.output and "OCR" in result.output
    import json

    data = json.loads((out / "briefing.json").read_text("utf-8"))
    assert {a["title"] for a in data["articles"]} >= {"社区食堂让老人吃上热乎饭", "小微企业贷款审批提速"}
    assert any(p["speaker"] or p["role"] for p in data["proposals"])
